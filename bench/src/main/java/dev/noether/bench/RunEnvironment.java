package dev.noether.bench;

import dev.noether.core.cpu.Kernels;
import dev.noether.core.cpu.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Prints, as one JSON object, what a benchmark fork runs on: JDK, processors, Noether's SIMD
 * provider ({@link Kernels#name()}) and default thread count, and the peer library versions in
 * the benchmark jar. {@code bench/run-benchmarks.sh} runs it with the forks' JVM options
 * ({@code java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.noether.bench.RunEnvironment}) and {@code bench/write_results.py} puts it in RESULTS.md.
 */
public final class RunEnvironment {
    private RunEnvironment() {}

    public static void main(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        m.put("java_vendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("available_processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("noether_threads_default", Integer.toString(Parallel.threads()));
        m.put("simd_kernels", Kernels.name());
        m.put("vector_module_in_boot_layer",
                Boolean.toString(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()));
        m.put("max_heap_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        m.put("ejml_version", org.ejml.EjmlVersion.VERSION);
        m.put("jtransforms_version", mavenVersion("com.github.wendykierp", "JTransforms"));
        m.put("jmh_version", mavenVersion("org.openjdk.jmh", "jmh-core"));
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
        }
        System.out.println(sb.append('}'));
    }

    /** The version in a dependency's {@code META-INF/maven/.../pom.properties}, or "unknown". */
    private static String mavenVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = RunEnvironment.class.getResourceAsStream(path)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : (s == null ? "null" : s).toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }
}
