package dev.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    /** Runs the parser on {@code args}; returns exit code, stdout and stderr. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {}

    @Test
    void helpListsEverySubcommandAndExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: noether"), r.out());
        for (String sub : new String[] {"demo", "shell", "version"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith(sub + " ")), "no '" + sub + "' in\n" + r.out());
        }
    }

    @Test
    void eachSubcommandHasItsOwnHelp() {
        for (String sub : new String[] {"demo", "shell", "version"}) {
            Run r = run(sub, "--help");
            assertEquals(0, r.code(), sub + ": " + r.err());
            assertTrue(r.out().contains("Usage: noether " + sub + " "), r.out());
        }
    }

    @Test
    void unknownSubcommandPrintsUsageAndExitsTwo() {
        Run r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unmatched argument at index 0: 'frobnicate'"), r.err());
        assertTrue(r.err().contains("Usage: noether"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingSubcommandIsAUsageError() {
        Run r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing subcommand"), r.err());
        assertTrue(r.err().contains("Usage: noether"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("version", "--frob");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option: '--frob'"), r.err());
    }
}
