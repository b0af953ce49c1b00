package dev.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit statuses of {@code noether shell FILE.jsh}: in process through {@link JshellScriptRunner}
 * and {@link Main}, and in a child JVM for {@code System.exit}.
 */
class JshellScriptRunnerTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsJshell() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.jshell").isPresent(),
                "this Java runtime has no jdk.jshell module (not a full JDK): script mode cannot run");
    }

    record Outcome(int status, String err) {}

    private Path script(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Outcome runInProcess(Path script) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String cp = System.getProperty("java.class.path");
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
             JshellScriptRunner r = new JshellScriptRunner(cp, ShellImports.importLines(cp),
                     List.of("--add-modules", "jdk.incubator.vector"), System.out, e)) {
            int status = r.run(script);
            return new Outcome(status, err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void goodScriptExitsZeroAndSeesNoetherImports() throws IOException {
        Path s = script("good.jsh", "// comment first\nint t = Parallel.threads();\n"
                + "DType d = DType.F32;\nif (t < 1 || d.itemSize() != 4) throw new AssertionError(\"bad\");\n"
                + "var xs = new ArrayList<Integer>(List.of(1, 2));\nxs.size()\n");
        Outcome o = runInProcess(s);
        assertEquals(0, o.status(), o.err());
        assertEquals("", o.err());
    }

    /** As in jshell: a line ends a snippet without ';', several snippets may share a line, comments span lines. */
    @Test
    void snippetsAreSplitLineByLineAsJshellDoes() throws IOException {
        Path s = script("split.jsh", "var a = 1\nvar b = a + 1\nint c = 3; int d = c * b;\n/* a comment\n   over lines */\n"
                + "int sum(int x,\n        int y) {\n    return x + y;\n}\n\n  /exit sum(d, a)\n");
        Outcome o = runInProcess(s);
        assertEquals(0, o.err().length(), o.err());
        assertEquals(7, o.status());
    }

    @Test
    void exceptionStopsTheScriptWithStatusOneAndAFileLine() throws IOException {
        Path s = script("throws.jsh", "int f(int x) {\n    return 10 / x;\n}\nf(0);\nthrow new AssertionError(\"not reached\");\n");
        Outcome o = runInProcess(s);
        assertEquals(1, o.status());
        assertTrue(o.err().startsWith(s + ":4: exception java.lang.ArithmeticException: / by zero"), o.err());
        assertTrue(o.err().contains("at f(" + s + ":2)"), o.err());
        assertTrue(!o.err().contains("not reached"), o.err());
    }

    @Test
    void compileErrorStopsTheScriptWithStatusOne() throws IOException {
        Path s = script("compile.jsh", "int x = 1;\nString s = x;\n/exit 5\n");
        Outcome o = runInProcess(s);
        assertEquals(1, o.status());
        assertTrue(o.err().startsWith(s + ":2: error: incompatible types"), o.err());
    }

    @Test
    void exitCommandSetsTheStatusFromAnIntExpression() throws IOException {
        assertEquals(3, runInProcess(script("exit3.jsh", "int a = 1;\n/exit 3\nthrow new AssertionError();\n")).status());
        assertEquals(6, runInProcess(script("exitExpr.jsh", "int a = 2;\n/exit a * 3\n")).status());
        assertEquals(0, runInProcess(script("exit.jsh", "/exit\nthrow new AssertionError();\n")).status());
    }

    @Test
    void unresolvedIncompleteAndInteractiveCommandsFail() throws IOException {
        Outcome u = runInProcess(script("unresolved.jsh", "void f() { g(); }\nf();\n"));
        assertEquals(1, u.status());
        assertTrue(u.err().contains(":2: error: method 'f' uses method g()"), u.err());
        Outcome i = runInProcess(script("incomplete.jsh", "int a = 1;\nvoid f() {\n  a++;\n"));
        assertEquals(1, i.status());
        assertTrue(i.err().contains(":2: error: incomplete snippet"), i.err());
        Outcome c = runInProcess(script("vars.jsh", "int a = 1;\n/vars\n"));
        assertEquals(1, c.status());
        assertTrue(c.err().contains(":2: error: /vars is an interactive jshell command"), c.err());
    }

    @Test
    void openRunsAnotherScriptInTheSameSession() throws IOException {
        Path lib = script("lib.jsh", "int twice(int x) { return 2 * x; }\n");
        assertEquals(8, runInProcess(script("main.jsh", "/open " + lib + "\n/exit twice(4)\n")).status());
    }

    // --- end to end, in a child JVM --------------------------------------------------------

    private record Child(int status, String out, String err) {}

    private Child runChild(Path script) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.noether.cli.Main", "shell", script.toString()));
        Path out = tmp.resolve(script.getFileName() + ".out");
        Path err = tmp.resolve(script.getFileName() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("noether shell " + script + " did not finish in 60 s");
        }
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void shellSubcommandReturnsTheScriptStatus() throws IOException {
        assertEquals(0, MainTest.run("shell", script("m-good.jsh", "int a = DType.F64.itemSize();\n").toString()).code());
        assertEquals(3, MainTest.run("shell", script("m-exit.jsh", "/exit 3\n").toString()).code());
        assertEquals(1, MainTest.run("shell", script("m-throw.jsh", "throw new IllegalStateException();\n").toString()).code());
        MainTest.Run missing = MainTest.run("shell", tmp.resolve("nope.jsh").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("noether shell: no readable script at"), missing.err());
    }

    /** System.exit in a script ends the process with that status (only a child JVM can show it). */
    @Test
    void systemExitInAScriptIsTheProcessStatus() throws IOException, InterruptedException {
        Child sys = runChild(script("c-sysexit.jsh", "System.out.println(\"bye\");\nSystem.exit(4);\n"));
        assertEquals(4, sys.status(), sys.err());
        assertEquals("bye", sys.out().trim());
    }

    /** The README's jshell tour runs as written (its archive path redirected to a temp file). */
    @Test
    void readmeShellTourRuns() throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).resolveSibling("README.md");
        Assumptions.assumeTrue(Files.isRegularFile(readme), "no README.md beside the cli module at " + readme);
        Path npz = tmp.resolve("tour.npz");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("jshell> ")) lines.add(line.substring(8).replace("/tmp/tour.npz", npz.toString()));
        }
        assertTrue(lines.size() >= 5 && lines.get(lines.size() - 1).equals("/exit"), "README tour not found: " + lines);
        Outcome o = runInProcess(script("tour.jsh", String.join("\n", lines) + "\n"));
        assertEquals(0, o.status(), o.err());
        java.util.Map<String, dev.noether.core.Tensor> z = dev.noether.core.io.Npz.read(npz);
        assertEquals(List.of("x", "u", "U"), new ArrayList<>(z.keySet()));
        assertEquals(-4.0, z.get("U").get(1, 1), 1e-14);
        assertEquals(4.0, z.get("U").get(3, 0), 1e-14);
    }
}
