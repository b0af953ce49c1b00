package dev.noether.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The provider's choice, and a JVM without the Vector API module never touching it. */
class KernelsTest {
    @Test
    void choosesByModuleAndProperty() {
        boolean module = ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent();
        String mode = System.getProperty(Kernels.PROPERTY, "auto");
        String name = Kernels.name();
        if (mode.equals("scalar") || !module) {
            assertEquals("scalar", name);
        } else {
            assertTrue(name.matches("vector\\(\\d+-bit\\)"), name);
            assertNotNull(Kernels.vectorApiOrNull());
        }
        assertEquals("scalar", Kernels.scalar().name());
    }

    /** Entry point of the child JVM: prints the kernels' name and a small product. */
    public static void main(String[] args) {
        double[] c = new double[4];
        Gemm.dgemm(false, false, 2, 2, 2, 1, new double[] {1, 2, 3, 4}, 0, 2, new double[] {5, 6, 7, 8}, 0, 2, 0, c, 0, 2);
        double[] e = new double[1];
        Kernels.get().exp(new double[] {0}, 0, e, 0, 1);
        System.out.println(Kernels.name() + " " + c[0] + " " + c[1] + " " + c[2] + " " + c[3] + " " + e[0]);
    }

    static String runChild(String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KernelsTest.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        assertEquals(0, p.exitValue(), "child JVM failed:\n" + out);
        return out;
    }

    @Test
    void runsWithoutTheVectorModuleAndWhenForcedScalar() throws Exception {
        String plain = runChild("-Xshare:auto");
        assertTrue(plain.contains("scalar 19.0 22.0 43.0 50.0 1.0"), plain);
        assertTrue(!plain.contains("NoClassDefFoundError"), plain);
        String forced = runChild("--add-modules=jdk.incubator.vector", "-D" + Kernels.PROPERTY + "=scalar");
        assertTrue(forced.contains("scalar 19.0 22.0 43.0 50.0 1.0"), forced);
        if (ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent()) {
            String vector = runChild("--add-modules=jdk.incubator.vector");
            assertTrue(vector.matches("(?s).*vector\\(\\d+-bit\\) 19.0 22.0 43.0 50.0 1.0.*"), vector);
        }
    }
}
