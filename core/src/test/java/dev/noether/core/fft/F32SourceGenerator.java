package dev.noether.core.fft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the f32 FFT sources from their f64 originals, as EJML generates its float classes.
 *
 * <p>The rules are textual: {@code F64 -> F32}, {@code f64 -> f32}, {@code double -> float},
 * {@code Double -> Float}, and an {@code f} suffix on decimal literals. The f64 sources are
 * written so that this is enough: every {@code Math} result is cast with {@code (double)} (which
 * becomes a narrowing cast), and tables come from {@link UnitRoots} in f64 through
 * {@code UnitRoots.toF64} (which becomes {@code toF32}). Regenerate with
 * {@code mvn -pl core test -Dtest=GeneratedF32SourcesTest -Dnoether.regenerate=true}.
 */
final class F32SourceGenerator {
    /** The f64 sources (relative to the fft source folder) that have generated f32 twins. */
    static final List<String> SOURCES = List.of("FftPlanF64.java", "RealFftPlanF64.java", "LineTransformsF64.java");

    static final Path SOURCE_DIR = Path.of("src", "main", "java", "dev", "noether", "core", "fft");

    private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.])(\\d+\\.\\d+(?:[eE][-+]?\\d+)?)(?![\\w.])");

    private F32SourceGenerator() {}

    static String twinName(String f64Name) {
        return f64Name.replace("F64", "F32");
    }

    static String generate(String f64Name, String source) {
        String s = source.replace("F64", "F32")
                .replace("f64", "f32")
                .replaceAll("\\bdouble\\b", "float")
                .replaceAll("\\bDouble\\b", "Float");
        Matcher m = DECIMAL.matcher(s);
        s = m.replaceAll("$1f");
        String header = "// GENERATED from " + f64Name + " by F32SourceGenerator (core/src/test); "
                + "edit the f64 source and regenerate.\n";
        int pkgEnd = s.indexOf('\n', s.indexOf("package ")) + 1;
        return s.substring(0, pkgEnd) + "\n" + header + s.substring(pkgEnd);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Writes every f32 twin; run from the core module folder. */
    static void regenerate() throws IOException {
        for (String name : SOURCES) {
            String generated = generate(name, read(SOURCE_DIR.resolve(name)));
            Files.writeString(SOURCE_DIR.resolve(twinName(name)), generated, StandardCharsets.UTF_8);
        }
    }
}
