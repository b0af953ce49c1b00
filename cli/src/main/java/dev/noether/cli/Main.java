package dev.noether.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code noether} command. Each subcommand is its own class; this one only parses.
 *
 * <p>Exit codes follow picocli: 0 success, 1 a failed run (e.g. the demo's error above its
 * tolerance), 2 a usage error (unknown subcommand or option, missing subcommand).
 */
@Command(
        name = "noether",
        mixinStandardHelpOptions = true,
        versionProvider = NoetherVersion.class,
        description = {
            "Noether: physics-constrained scientific machine learning on the JVM.",
            ""
        },
        subcommands = {DemoCommand.class, ShellCommand.class, VersionCommand.class, CommandLine.HelpCommand.class},
        footer = {
            "",
            "Examples:",
            "  noether demo                 spectral heat-equation solve, errors and timings",
            "  noether demo --n 1024        one grid size",
            "  noether shell                jshell with Noether on the class path",
            "  noether shell script.jsh     run a script; non-zero exit if it fails",
            "  noether version              versions, SIMD path, threads",
            "",
            "Environment: JAVA_HOME (the JDK to use), NOETHER_JAVA_OPTS (extra JVM options),",
            "NOETHER_THREADS (CPU kernel threads)."
        })
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Entry point: parses {@code args}, runs the subcommand and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured parser, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "noether: missing subcommand (demo, shell or version)");
    }
}
