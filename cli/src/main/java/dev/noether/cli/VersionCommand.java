package dev.noether.cli;

import dev.noether.core.cpu.Kernels;
import dev.noether.core.cpu.Parallel;
import java.io.PrintWriter;
import java.lang.module.ModuleFinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code noether version}: what is running, and on which CPU path. */
@Command(
        name = "version",
        mixinStandardHelpOptions = true,
        header = "Noether, Java and Vector API versions, SIMD path, threads.",
        description = {
            "Prints the Noether version, the Java version and vendor, whether the Vector API "
                    + "(jdk.incubator.vector) is enabled, the SIMD path of the CPU kernels and the number "
                    + "of kernel threads.",
            ""
        })
public final class VersionCommand implements Callable<Integer> {
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        facts().forEach((k, v) -> out.printf("%-9s %s%n", k, v));
        out.flush();
        return 0;
    }

    /** The lines of the report, in order: label to value. */
    public static Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("noether", NoetherVersion.get());
        f.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ", " + System.getProperty("java.home") + ")");
        f.put("vector", vectorModuleStatus());
        f.put("simd", Kernels.name());
        f.put("threads", Parallel.threads() + " (set NOETHER_THREADS to change)");
        f.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " processors");
        return f;
    }

    /** Whether the running JVM resolved the Vector API module, and if not, why. */
    static String vectorModuleStatus() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            return VECTOR_MODULE + " enabled";
        }
        if (ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent()) {
            return VECTOR_MODULE + " present but not enabled (run with --add-modules " + VECTOR_MODULE
                    + "; ./noether does this)";
        }
        return VECTOR_MODULE + " absent from this JDK (scalar kernels)";
    }
}
