package dev.noether.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed f32 regions equal what {@link SinglePrecisionSources} generates from the f64 ones. */
class SinglePrecisionSourcesTest {
    @Test
    void generatedF32RegionsAreCurrent() throws IOException {
        Path dir = SinglePrecisionSources.packageDir();
        for (String f : SinglePrecisionSources.FILES) {
            String source = Files.readString(dir.resolve(f), StandardCharsets.UTF_8);
            assertTrue(source.contains(SinglePrecisionSources.F32_BEGIN), f + " has no generated f32 region");
            assertEquals(SinglePrecisionSources.generate(source, f), source,
                    f + ": the f32 region is stale; run dev.noether.core.cpu.SinglePrecisionSources (see its Javadoc)");
        }
    }

    @Test
    void generationRewritesTypesAndNames() {
        String src = "class X {\n    // <f64>\n    static double dgemmF64(double[] a) { return Double.MAX_VALUE; } // f64\n"
                + "    // </f64>\n}\n";
        String out = SinglePrecisionSources.generate(src, "X.java");
        assertTrue(out.contains("static float sgemmF32(float[] a) { return Float.MAX_VALUE; } // f32\n"), out);
        assertEquals(out, SinglePrecisionSources.generate(out, "X.java"), "generation is idempotent");
    }
}
