package dev.noether.core.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Generates the f32 half of the CPU kernels from their f64 half: in each listed source, the
 * region between {@code // <f64>} and {@code // </f64>} is rewritten (double -> float,
 * Double -> Float, F64 -> F32, f64 -> f32, dgemm -> sgemm) into the region between
 * {@code // <f32> ...} and {@code // </f32>}, which is created after the f64 region if absent.
 *
 * <p>Regenerate after editing an f64 region, from the repository root:
 * <pre>
 *   mvn -q -pl core test-compile
 *   java -cp core/target/test-classes dev.noether.core.cpu.SinglePrecisionSources
 * </pre>
 * {@link SinglePrecisionSourcesTest} fails when a committed f32 region is stale.
 */
public final class SinglePrecisionSources {
    /** Sources (relative to the cpu package directory) that carry an f64/f32 region pair. */
    static final List<String> FILES = List.of("Gemm.java", "ComplexModeMix.java");

    static final String F64_BEGIN = "// <f64>";
    static final String F64_END = "// </f64>";
    static final String F32_BEGIN = "// <f32> generated from the f64 section by SinglePrecisionSources"
            + " (test sources); do not edit";
    static final String F32_END = "// </f32>";

    private static final String[][] RULES = {
        {"\\bdouble\\b", "float"},
        {"Double", "Float"},
        {"F64", "F32"},
        {"f64", "f32"},
        {"\\bdgemm", "sgemm"},
    };

    private SinglePrecisionSources() {}

    /** The source with its f32 region regenerated from its f64 region. */
    static String generate(String source, String fileName) {
        int b = source.indexOf(F64_BEGIN);
        int e = source.indexOf(F64_END);
        if (b < 0 || e < b) throw new IllegalStateException(fileName + ": no " + F64_BEGIN + " ... " + F64_END + " region");
        int bodyStart = source.indexOf('\n', b) + 1;
        int lineStart = source.lastIndexOf('\n', e) + 1;
        String indent = source.substring(lineStart, e);
        String body = source.substring(bodyStart, lineStart);
        for (String[] rule : RULES) body = body.replaceAll(rule[0], Matcher.quoteReplacement(rule[1]));
        String region = indent + F32_BEGIN + "\n" + body + indent + F32_END;

        int afterF64 = e + F64_END.length();
        int fb = source.indexOf("// <f32>");
        if (fb < 0) {
            return source.substring(0, afterF64) + "\n\n" + region + source.substring(afterF64);
        }
        int fe = source.indexOf(F32_END, fb);
        if (fe < 0) throw new IllegalStateException(fileName + ": " + F32_BEGIN + " without " + F32_END);
        int fbLine = source.lastIndexOf('\n', fb) + 1;
        return source.substring(0, fbLine) + region + source.substring(fe + F32_END.length());
    }

    static Path packageDir() {
        String rel = "src/main/java/dev/noether/core/cpu";
        for (Path p : List.of(Path.of(rel), Path.of("core").resolve(rel))) {
            if (Files.isDirectory(p)) return p;
        }
        throw new IllegalStateException("run from the repository root or the core module: " + rel + " not found");
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : packageDir();
        for (String f : FILES) {
            Path p = dir.resolve(f);
            String old = Files.readString(p, StandardCharsets.UTF_8);
            String updated = generate(old, f);
            if (!updated.equals(old)) {
                Files.writeString(p, updated, StandardCharsets.UTF_8);
                System.out.println("regenerated " + p);
            }
        }
    }

}
