package dev.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.cpu.Kernels;
import org.junit.jupiter.api.Test;

class VersionCommandTest {
    @Test
    void reportsThePomVersionJavaVectorApiAndThreads() {
        String expected = System.getProperty("noether.test.expectedVersion");
        assertNotNull(expected, "surefire must pass noether.test.expectedVersion (cli/pom.xml)");
        MainTest.Run r = MainTest.run("version");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals("noether   " + expected, lines[0]);
        assertTrue(r.out().contains("java      " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor")), r.out());
        // surefire runs with --add-modules=jdk.incubator.vector (parent POM)
        assertTrue(r.out().contains("vector    jdk.incubator.vector enabled"), r.out());
        assertTrue(r.out().contains("\nsimd      " + Kernels.name() + "\n"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("threads +[1-9][0-9]* .*")), r.out());
    }

    @Test
    void dashDashVersionPrintsTheVersion() {
        MainTest.Run r = MainTest.run("--version");
        assertEquals(0, r.code());
        assertEquals("noether " + System.getProperty("noether.test.expectedVersion"), r.out().trim());
    }
}
