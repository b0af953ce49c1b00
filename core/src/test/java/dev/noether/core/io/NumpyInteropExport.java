package dev.noether.core.io;

import dev.noether.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one file of every kind Noether produces, for the by-hand numpy check
 * {@code src/test/resources/npy/check_noether_output.py} (the unit tests never need Python):
 *
 * <pre>
 * mvn -o -q -pl core test-compile
 * java -cp core/target/classes:core/target/test-classes dev.noether.core.io.NumpyInteropExport /tmp/noether-npy
 * python3 core/src/test/resources/npy/check_noether_output.py /tmp/noether-npy
 * </pre>
 */
public final class NumpyInteropExport {
    private NumpyInteropExport() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "noether-npy");
        Files.createDirectories(out);
        Npy.write(out.resolve("f64.npy"), Tensor.of(Fixtures.ramp(24), 2, 3, 4));
        Npy.write(out.resolve("f32.npy"), Tensor.of(Fixtures.quarter(12), 3, 4));
        Npy.write(out.resolve("i64.npy"), Tensor.ofLongs(Fixtures.bigRamp(6), 2, 3));
        Npy.write(out.resolve("i32.npy"), Tensor.ofInts(Fixtures.intRamp(12), 4, 3));
        Npy.write(out.resolve("bool.npy"), Tensor.ofBools(Fixtures.everyThird(10), 2, 5));
        Npy.writeComplex(out.resolve("c128.npy"), Tensor.of(Fixtures.cramp(6), 2, 3, 2));
        Npy.writeComplex(out.resolve("c64.npy"), Tensor.of(Fixtures.cramp32(4), 4, 2));
        Npy.write(out.resolve("scalar.npy"), Tensor.scalar(-2.75));
        Npy.write(out.resolve("empty.npy"), Tensor.zeros(2, 0, 4));
        Npy.write(out.resolve("transposed.npy"), Tensor.of(Fixtures.ramp(12), 3, 4).transpose(0, 1));
        Npy.write(out.resolve("large.npy"), Tensor.of(Fixtures.ramp(300_001), 300_001));
        Npy.writeString(out.resolve("string.npy"), Fixtures.STRING);
        for (boolean compressed : new boolean[] {false, true}) {
            new NpzWriter(compressed)
                    .put("ramp", Tensor.of(Fixtures.ramp(24), 2, 3, 4))
                    .put("ints", Tensor.ofInts(Fixtures.intRamp(12), 4, 3))
                    .put("flags", Tensor.ofBools(Fixtures.everyThird(10), 2, 5))
                    .putComplex("z", Tensor.of(Fixtures.cramp(6), 2, 3, 2))
                    .put("scalar", Tensor.scalar(-2.75))
                    .put("empty", Tensor.zeros(0, 3))
                    .putString("meta", Fixtures.META)
                    .write(out.resolve(compressed ? "compressed.npz" : "stored.npz"));
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
