package dev.noether.core.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed f32 FFT sources are exactly what {@link F32SourceGenerator} makes of the f64 ones. */
class GeneratedF32SourcesTest {
    @Test
    void f32SourcesAreUpToDate() throws IOException {
        if (Boolean.getBoolean("noether.regenerate")) F32SourceGenerator.regenerate();
        for (String name : F32SourceGenerator.SOURCES) {
            String expected = F32SourceGenerator.generate(name,
                    F32SourceGenerator.read(F32SourceGenerator.SOURCE_DIR.resolve(name)));
            String twin = F32SourceGenerator.twinName(name);
            var path = F32SourceGenerator.SOURCE_DIR.resolve(twin);
            String actual = Files.exists(path) ? F32SourceGenerator.read(path) : "";
            assertEquals(expected, actual, twin + " is stale: run mvn -pl core test "
                    + "-Dtest=GeneratedF32SourcesTest -Dnoether.regenerate=true and commit the result");
        }
    }
}
