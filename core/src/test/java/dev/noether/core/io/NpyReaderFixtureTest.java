package dev.noether.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Byte-level reads of numpy-written fixtures, compared with the closed forms of make_fixtures.py. */
class NpyReaderFixtureTest {

    private static NpyArray read(String name) throws IOException {
        return NpyFile.read(Fixtures.path(name));
    }

    private static void assertShape(NpyArray a, NpyElementType type, int... shape) {
        assertEquals(type, a.type());
        assertArrayEquals(shape, a.shape());
    }

    @Test
    void eachDtypeInCOrder() throws IOException {
        NpyArray f64 = read("f64_c_2x3x4.npy");
        assertShape(f64, NpyElementType.F64, 2, 3, 4);
        assertArrayEquals(Fixtures.ramp(24), (double[]) f64.data());

        NpyArray f32 = read("f32_c_3x4.npy");
        assertShape(f32, NpyElementType.F32, 3, 4);
        assertArrayEquals(Fixtures.quarter(12), (float[]) f32.data());

        NpyArray i64 = read("i64_c_2x3.npy");
        assertShape(i64, NpyElementType.I64, 2, 3);
        assertArrayEquals(Fixtures.bigRamp(6), (long[]) i64.data());

        NpyArray i32 = read("i32_c_4x3.npy");
        assertShape(i32, NpyElementType.I32, 4, 3);
        assertArrayEquals(Fixtures.intRamp(12), (int[]) i32.data());

        NpyArray bool = read("bool_c_2x5.npy");
        assertShape(bool, NpyElementType.BOOL, 2, 5);
        assertArrayEquals(Fixtures.everyThird(10), (boolean[]) bool.data());

        NpyArray c128 = read("c128_c_2x3.npy");
        assertShape(c128, NpyElementType.C128, 2, 3);
        assertArrayEquals(Fixtures.cramp(6), (double[]) c128.data());

        NpyArray c64 = read("c64_c_4.npy");
        assertShape(c64, NpyElementType.C64, 4);
        assertArrayEquals(Fixtures.cramp32(4), (float[]) c64.data());
    }

    @Test
    void fortranOrderGivesTheSameLogicalArray() throws IOException {
        NpyArray f64 = read("f64_f_2x3x4.npy");
        assertShape(f64, NpyElementType.F64, 2, 3, 4);
        assertArrayEquals(Fixtures.ramp(24), (double[]) f64.data());

        NpyArray i32 = read("i32_f_4x3.npy");
        assertShape(i32, NpyElementType.I32, 4, 3);
        assertArrayEquals(Fixtures.intRamp(12), (int[]) i32.data());

        NpyArray bool = read("bool_f_2x5.npy");
        assertShape(bool, NpyElementType.BOOL, 2, 5);
        assertArrayEquals(Fixtures.everyThird(10), (boolean[]) bool.data());

        NpyArray c128 = read("c128_f_2x3.npy");
        assertShape(c128, NpyElementType.C128, 2, 3);
        assertArrayEquals(Fixtures.cramp(6), (double[]) c128.data());

        NpyArray i32be = read("i32_be_f_3x2.npy");
        assertShape(i32be, NpyElementType.I32, 3, 2);
        assertArrayEquals(Fixtures.intRamp(6), (int[]) i32be.data());
    }

    @Test
    void fortranReorderMatchesANaiveIndexFormula() {
        // independent oracle: element (i0, i1, i2) sits at i0 + d0*(i1 + d1*i2) in column-major order
        int[] shape = {3, 4, 5};
        double[] columnMajor = new double[60];
        for (int i = 0; i < 60; i++) columnMajor[i] = i;
        double[] c = (double[]) NpyReader.fortranToC(columnMajor, shape, 1);
        int k = 0;
        for (int i0 = 0; i0 < 3; i0++) {
            for (int i1 = 0; i1 < 4; i1++) {
                for (int i2 = 0; i2 < 5; i2++) {
                    assertEquals(i0 + 3 * (i1 + 4 * i2), c[k++], 0.0);
                }
            }
        }
    }

    @Test
    void bigEndian() throws IOException {
        NpyArray f64 = read("f64_be_2x3.npy");
        assertShape(f64, NpyElementType.F64, 2, 3);
        assertArrayEquals(Fixtures.ramp(6), (double[]) f64.data());

        NpyArray f32 = read("f32_be_3.npy");
        assertShape(f32, NpyElementType.F32, 3);
        assertArrayEquals(Fixtures.quarter(3), (float[]) f32.data());

        NpyArray i64 = read("i64_be_3.npy");
        assertShape(i64, NpyElementType.I64, 3);
        assertArrayEquals(Fixtures.bigRamp(3), (long[]) i64.data());

        NpyArray c128 = read("c128_be_3.npy");
        assertShape(c128, NpyElementType.C128, 3);
        assertArrayEquals(Fixtures.cramp(3), (double[]) c128.data());

        NpyArray c64 = read("c64_be_3.npy");
        assertShape(c64, NpyElementType.C64, 3);
        assertArrayEquals(Fixtures.cramp32(3), (float[]) c64.data());
    }

    @Test
    void scalarsAndEmptyArrays() throws IOException {
        NpyArray f64 = read("scalar_f64.npy");
        assertShape(f64, NpyElementType.F64);
        assertArrayEquals(new double[] {-2.75}, (double[]) f64.data());

        NpyArray i32 = read("scalar_i32.npy");
        assertShape(i32, NpyElementType.I32);
        assertArrayEquals(new int[] {7}, (int[]) i32.data());

        NpyArray bool = read("scalar_bool.npy");
        assertShape(bool, NpyElementType.BOOL);
        assertArrayEquals(new boolean[] {true}, (boolean[]) bool.data());

        NpyArray empty = read("empty_f64_0x3.npy");
        assertShape(empty, NpyElementType.F64, 0, 3);
        assertEquals(0, ((double[]) empty.data()).length);

        NpyArray empty3 = read("empty_i32_2x0x4.npy");
        assertShape(empty3, NpyElementType.I32, 2, 0, 4);
        assertEquals(0, ((int[]) empty3.data()).length);
    }

    @Test
    void formatVersions2And3() throws IOException {
        for (String name : new String[] {"v2_f64_2x3.npy", "v3_f64_2x3.npy"}) {
            NpyArray a = read(name);
            assertShape(a, NpyElementType.F64, 2, 3);
            assertArrayEquals(Fixtures.ramp(6), (double[]) a.data(), name);
        }
    }

    @Test
    void unicodeStrings() throws IOException {
        NpyArray s = read("string_scalar.npy");
        assertShape(s, NpyElementType.UNICODE);
        assertArrayEquals(new String[] {Fixtures.STRING}, (String[]) s.data());

        NpyArray be = read("string_be_scalar.npy");
        assertShape(be, NpyElementType.UNICODE);
        assertArrayEquals(new String[] {"abc"}, (String[]) be.data());
    }

    @Test
    void unsupportedDtypesThatNumpyWritesAreNamed() {
        String[][] cases = {
            {"unsupported_structured.npy", "structured dtype [('x', '<f8'), ('y', '<i4')]"},
            {"unsupported_c32.npy", "'<c32'"},
            {"unsupported_u1.npy", "'|u1'"},
            {"unsupported_object.npy", "'|O' (object arrays"},
        };
        for (String[] c : cases) {
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> read(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(e.getMessage().contains("supported dtypes: '<f8' (float64)"), e.getMessage());
            assertTrue(e.getMessage().contains(c[0]), "names the file: " + e.getMessage());
            assertTrue(e.byteOffset() > 10, "points into the header: " + e.byteOffset());
        }
    }
}
