package dev.noether.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code noether shell [FILE.jsh]}: jshell with every Noether module on the class path and its
 * packages imported. Without a file it starts the JDK's {@code jshell} tool; with a file it
 * runs the script with {@link JshellScriptRunner}, which exits non-zero when the script fails.
 */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        header = "jshell with Noether on the class path; runs FILE.jsh scripts.",
        description = {
            "Starts jshell with Noether on the class path and its packages imported "
                    + "(dev.noether.core.* and its sub-packages), plus the Vector API where the JDK has it.",
            "With FILE.jsh, runs the script instead and exits with its status: 0 at the end of the file, "
                    + "N after /exit N or System.exit(N), 1 at the first snippet that fails to compile or "
                    + "throws (reported as FILE:LINE). Expression values are not echoed; print what you need.",
            "Needs a JDK (the jshell tool, module jdk.jshell), not a bare runtime. NOETHER_JAVA_OPTS "
                    + "reaches the interactive session's JVM (as -R options).",
            ""
        })
public final class ShellCommand implements Callable<Integer> {
    static final String JSHELL_MODULE = "jdk.jshell";

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.jsh", description = "script to run instead of an interactive session")
    Path script;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String classPath = System.getProperty("java.class.path");
        List<String> imports = ShellImports.importLines(classPath);
        return script != null ? runScript(classPath, imports) : interactive(classPath, imports);
    }

    private int runScript(String classPath, List<String> imports) {
        if (ModuleLayer.boot().findModule(JSHELL_MODULE).isEmpty()) {
            return noJdk("module " + JSHELL_MODULE + " is not in this Java runtime");
        }
        if (!Files.isReadable(script)) {
            spec.commandLine().getErr().println("noether shell: no readable script at " + script.toAbsolutePath());
            return JshellScriptRunner.FAILURE;
        }
        List<String> compilerOptions = new ArrayList<>();
        if (ModuleLayer.boot().findModule(VersionCommand.VECTOR_MODULE).isPresent()) {
            compilerOptions.addAll(List.of("--add-modules", VersionCommand.VECTOR_MODULE));
        }
        System.out.flush();
        try (JshellScriptRunner runner = new JshellScriptRunner(classPath, imports, compilerOptions, System.out, System.err)) {
            return runner.run(script);
        } finally {
            System.out.flush();
            System.err.flush();
        }
    }

    private int interactive(String classPath, List<String> imports) throws IOException, InterruptedException {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "jshell.exe" : "jshell");
        if (!Files.isExecutable(jshell)) {
            return noJdk("there is no jshell tool at " + jshell);
        }
        Path startup = Files.createTempFile("noether-shell-", ".jsh");
        try {
            Files.write(startup, imports, StandardCharsets.UTF_8);
            List<String> command = jshellCommand(jshell, classPath, startup,
                    ModuleFinder.ofSystem().find(VersionCommand.VECTOR_MODULE).isPresent(),
                    System.getenv().getOrDefault("NOETHER_JAVA_OPTS", ""));
            ignoreInterruptsWhileChildRuns();
            Process p = new ProcessBuilder(command).inheritIO().start();
            return p.waitFor();
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** The jshell command line: class path, jshell's default imports plus ours, the Vector API, JVM options. */
    static List<String> jshellCommand(Path jshell, String classPath, Path startup, boolean vectorApi, String javaOpts) {
        List<String> c = new ArrayList<>(List.of(jshell.toString(), "--class-path", classPath,
                "--startup", "DEFAULT", "--startup", startup.toString()));
        if (vectorApi) {
            c.addAll(List.of("--add-modules", VersionCommand.VECTOR_MODULE,
                    "-R--add-modules=" + VersionCommand.VECTOR_MODULE));
        }
        for (String opt : javaOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) c.add("-R" + opt);
        }
        return c;
    }

    private int noJdk(String why) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("noether shell: " + why + " (Java " + System.getProperty("java.version") + " at "
                + System.getProperty("java.home") + ").");
        err.println("noether shell: this is a Java runtime without the JDK tools; install a JDK 17 or newer"
                + " and point JAVA_HOME at it.");
        err.flush();
        return 1;
    }

    /**
     * Ctrl-C in jshell interrupts the running snippet; the terminal sends it to this JVM too,
     * which must not die and leave jshell orphaned. A no-op handler (not SIG_IGN, which the
     * child would inherit) keeps this JVM alive; sun.misc.Signal is reached reflectively since
     * it is an unsupported API (module jdk.unsupported) that may be absent.
     */
    private static void ignoreInterruptsWhileChildRuns() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object noop = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
                    (proxy, method, args) -> method.getDeclaringClass() == Object.class
                            ? (method.getName().equals("equals") ? proxy == args[0]
                                    : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "noop")
                            : null);
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance("INT"), noop);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // without it Ctrl-C ends this launcher JVM as well; jshell itself is unaffected
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
