package dev.noether.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.DType;
import dev.noether.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public Tensor-level NPY API against numpy's fixtures. */
class NpyTest {
    @TempDir
    Path dir;

    private static Tensor read(String fixture) throws IOException {
        return Npy.read(Fixtures.path(fixture));
    }

    private static void assertTensor(Tensor t, DType dtype, int... shape) {
        assertEquals(dtype, t.dtype());
        assertArrayEquals(shape, t.shape());
    }

    @Test
    void readsEveryDtype() throws IOException {
        Tensor f64 = read("f64_c_2x3x4.npy");
        assertTensor(f64, DType.F64, 2, 3, 4);
        assertArrayEquals(Fixtures.ramp(24), f64.toDoubleArray());
        assertEquals(-3 + 0.5 * (1 * 12 + 2 * 4 + 3), f64.get(1, 2, 3));

        Tensor f32 = read("f32_c_3x4.npy");
        assertTensor(f32, DType.F32, 3, 4);
        assertArrayEquals(Fixtures.quarter(12), f32.toFloatArray());

        Tensor i64 = read("i64_c_2x3.npy");
        assertTensor(i64, DType.I64, 2, 3);
        assertArrayEquals(Fixtures.bigRamp(6), i64.toLongArray());

        Tensor i32 = read("i32_f_4x3.npy");
        assertTensor(i32, DType.I32, 4, 3);
        assertArrayEquals(Fixtures.intRamp(12), i32.contiguous().i32Storage());

        Tensor bool = read("bool_c_2x5.npy");
        assertTensor(bool, DType.BOOL, 2, 5);
        assertArrayEquals(Fixtures.everyThird(10), bool.contiguous().boolStorage());
    }

    @Test
    void complexReadsAsATrailingAxisOfTwo() throws IOException {
        for (String name : new String[] {"c128_c_2x3.npy", "c128_f_2x3.npy"}) {
            Tensor z = read(name);
            assertTensor(z, DType.F64, 2, 3, 2);
            assertArrayEquals(Fixtures.cramp(6), z.toDoubleArray(), name);
            assertEquals(5 * 0.25 + 2, z.get(1, 2, 1), name); // im of element (1, 2): k = 5
        }
        Tensor c64 = read("c64_c_4.npy");
        assertTensor(c64, DType.F32, 4, 2);
        assertArrayEquals(Fixtures.cramp32(4), c64.toFloatArray());
        Tensor be = read("c64_be_3.npy");
        assertTensor(be, DType.F32, 3, 2);
        assertArrayEquals(Fixtures.cramp32(3), be.toFloatArray());
    }

    @Test
    void scalarsAndEmptyArrays() throws IOException {
        Tensor s = read("scalar_f64.npy");
        assertTensor(s, DType.F64);
        assertEquals(-2.75, s.item());
        assertEquals(1.0, read("scalar_bool.npy").item());
        Tensor e = read("empty_i32_2x0x4.npy");
        assertTensor(e, DType.I32, 2, 0, 4);
        assertEquals(0, e.numel());
    }

    @Test
    void writesWhatNumpyWrites() throws IOException {
        Object[][] cases = {
            {"f64_c_2x3x4.npy", Tensor.of(Fixtures.ramp(24), 2, 3, 4)},
            {"f32_c_3x4.npy", Tensor.of(Fixtures.quarter(12), 3, 4)},
            {"i64_c_2x3.npy", Tensor.ofLongs(Fixtures.bigRamp(6), 2, 3)},
            {"i32_c_4x3.npy", Tensor.ofInts(Fixtures.intRamp(12), 4, 3)},
            {"bool_c_2x5.npy", Tensor.ofBools(Fixtures.everyThird(10), 2, 5)},
            {"scalar_f64.npy", Tensor.scalar(-2.75)},
            {"empty_f64_0x3.npy", Tensor.zeros(0, 3)},
        };
        for (Object[] c : cases) {
            Path p = dir.resolve((String) c[0]);
            Npy.write(p, (Tensor) c[1]);
            assertArrayEquals(Files.readAllBytes(Fixtures.path((String) c[0])), Files.readAllBytes(p), (String) c[0]);
        }
        Path z = dir.resolve("z.npy");
        Npy.writeComplex(z, Tensor.of(Fixtures.cramp(6), 2, 3, 2));
        assertArrayEquals(Files.readAllBytes(Fixtures.path("c128_c_2x3.npy")), Files.readAllBytes(z));
        Npy.writeComplex(z, Tensor.of(Fixtures.cramp32(4), 4, 2));
        assertArrayEquals(Files.readAllBytes(Fixtures.path("c64_c_4.npy")), Files.readAllBytes(z));
    }

    @Test
    void viewsWriteTheirLogicalValues() throws IOException {
        double[] r = Fixtures.ramp(12);
        Path p = dir.resolve("view.npy");

        Npy.write(p, Tensor.of(r, 3, 4).transpose(0, 1));
        Tensor t = Npy.read(p);
        assertTensor(t, DType.F64, 4, 3);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) assertEquals(r[j * 4 + i], t.get(i, j));
        }

        Npy.write(p, Tensor.of(r, 3, 4).slice(0, 1, 3)); // contiguous, storage offset 4
        double[] tail = new double[8];
        System.arraycopy(r, 4, tail, 0, 8);
        assertArrayEquals(tail, Npy.read(p).toDoubleArray());

        // complex [2, 3, 2] sliced to columns 1..2: element (i, j) is k = 3i + j + 1
        Npy.writeComplex(p, Tensor.of(Fixtures.cramp(6), 2, 3, 2).slice(1, 1, 3, 1));
        Tensor z = Npy.read(p);
        assertTensor(z, DType.F64, 2, 2, 2);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                int k = 3 * i + j + 1;
                assertEquals(k * 0.5 - 1, z.get(i, j, 0));
                assertEquals(k * 0.25 + 2, z.get(i, j, 1));
            }
        }
    }

    @Test
    void complexWriteNeedsAFloatingTensorWithLastAxisTwo() {
        Path p = dir.resolve("never.npy");
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Npy.writeComplex(p, Tensor.zeros(3, 4)));
        assertTrue(shape.getMessage().contains("Npy.writeComplex: a complex tensor has a last axis of length 2 (re, im), got shape [3, 4]"),
                shape.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> Npy.writeComplex(p, Tensor.ofInts(new int[4], 2, 2)));
        assertTrue(type.getMessage().contains("needs a floating tensor"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Npy.writeComplex(p, Tensor.scalar(1)));
        assertFalse(Files.exists(p));
    }

    @Test
    void strings() throws IOException {
        assertEquals(Fixtures.STRING, Npy.readString(Fixtures.path("string_scalar.npy")));
        assertEquals("abc", Npy.readString(Fixtures.path("string_be_scalar.npy")));
        Path p = dir.resolve("s.npy");
        Npy.writeString(p, Fixtures.STRING);
        assertArrayEquals(Files.readAllBytes(Fixtures.path("string_scalar.npy")), Files.readAllBytes(p));

        NpyFormatException notNumbers = assertThrows(NpyFormatException.class, () -> read("string_scalar.npy"));
        assertTrue(notNumbers.getMessage().contains("dtype '<U15' holds unicode strings where a numeric array was expected"),
                notNumbers.getMessage());
        NpyFormatException notString = assertThrows(NpyFormatException.class,
                () -> Npy.readString(Fixtures.path("f64_c_2x3x4.npy")));
        assertTrue(notString.getMessage().contains("dtype '<f8' (float64) holds numbers where a unicode string was expected"),
                notString.getMessage());
    }

    @Test
    void aShapeNoTensorCanHoldIsAnError() throws IOException {
        Path p = dir.resolve("wide.npy");
        Files.write(p, CraftedNpy.v1(CraftedNpy.dict("<f8", "(2000000000, 2000000000, 0)"), new byte[0]));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains("cannot be a Tensor"), e.getMessage());
    }
}
