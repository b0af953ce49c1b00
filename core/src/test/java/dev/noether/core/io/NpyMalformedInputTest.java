package dev.noether.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted bad NPY bytes: each must give an NpyFormatException naming the file, offset and problem. */
class NpyMalformedInputTest {
    @TempDir
    Path dir;

    private NpyArray read(byte[] bytes) throws IOException {
        Path p = dir.resolve("crafted.npy");
        Files.write(p, bytes);
        return NpyFile.read(p);
    }

    private NpyFormatException fails(byte[] bytes, String... expectedFragments) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> read(bytes));
        assertTrue(e.getMessage().startsWith(dir.resolve("crafted.npy").toString()), e.getMessage());
        for (String f : expectedFragments) {
            assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
        }
        return e;
    }

    private NpyFormatException failsHeader(String dict, byte[] payload, String... expectedFragments) {
        return fails(CraftedNpy.v1(dict, payload), expectedFragments);
    }

    @Test
    void wellFormedCraftedFileReads() throws IOException {
        // guards the crafting itself: the same builder with a valid header gives the array
        NpyArray a = read(CraftedNpy.v1(CraftedNpy.dict("<f8", "(2,)"), CraftedNpy.f64(1.5, -2)));
        assertArrayEquals(new double[] {1.5, -2}, (double[]) a.data());
    }

    @Test
    void everyTruncationOfAValidFileIsAnError() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.path("f64_c_2x3x4.npy"));
        for (int n = 0; n < whole.length; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> read(cut), "length " + n);
            if (n >= 128) {
                assertTrue(e.getMessage().contains("192 bytes of data but only " + (n - 128) + " bytes follow"),
                        e.getMessage());
                assertEquals(128, e.byteOffset());
            } else {
                assertTrue(e.byteOffset() <= n, n + ": " + e.getMessage());
            }
        }
    }

    @Test
    void badMagic() {
        NpyFormatException e = fails(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Z', 1, 0, 0, 0},
                "not an NPY array", "\\x93NUMPZ");
        assertEquals(5, e.byteOffset());
        NpyFormatException zip = fails(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, "not an NPY array: it starts with PK");
        assertEquals(0, zip.byteOffset());
        fails(new byte[0], "truncated");
    }

    @Test
    void unsupportedVersion() {
        byte[] b = CraftedNpy.v1(CraftedNpy.dict("<f8", "(1,)"), CraftedNpy.f64(1));
        b[6] = 4;
        assertEquals(6, fails(b, "unsupported NPY format version 4.0; supported: 1.0, 2.0, 3.0").byteOffset());
        b[6] = 1;
        b[7] = 1;
        fails(b, "version 1.1");
    }

    @Test
    void headerLengthBeyondTheFile() {
        byte[] header = CraftedNpy.dict("<f8", "(1,)").getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = CraftedNpy.raw(2, 0, header, CraftedNpy.f64(1));
        b[8] = b[9] = b[10] = b[11] = (byte) 0xff; // 4294967295-byte header
        assertEquals(8, fails(b, "header length 4294967295 exceeds the").byteOffset());
    }

    @Test
    void headerThatLiesAboutItsShapeFailsBeforeAllocating() {
        // 268435456 doubles = 2 GiB: allocating would exhaust the test JVM's 2 GiB heap
        NpyFormatException e = failsHeader(CraftedNpy.dict("<f8", "(268435456,)"), CraftedNpy.f64(1, 2),
                "header claims shape (268435456,) of '<f8' = 2147483648 bytes of data but only 16 bytes follow");
        assertEquals(128, e.byteOffset());
        failsHeader(CraftedNpy.dict("<c16", "(1100, 1000, 1000)"), CraftedNpy.f64(1, 2),
                "shape (1100, 1000, 1000) of '<c16' has 1100000000 elements, more than a Java array holds",
                "2 per complex element");
        failsHeader(CraftedNpy.dict("<f8", "(2000000000, 2000000000, 2000000000, 2000000000)"), CraftedNpy.f64(1),
                "more than 2^63 elements");
        failsHeader(CraftedNpy.dict("<f8", "(3,)"), CraftedNpy.f64(1, 2), "24 bytes of data but only 16");
    }

    @Test
    void zeroDimensionWinsOverOverflow() throws IOException {
        NpyArray a = read(CraftedNpy.v1(CraftedNpy.dict("<f8", "(2000000000, 2000000000, 2000000000, 0)"), new byte[0]));
        assertArrayEquals(new int[] {2000000000, 2000000000, 2000000000, 0}, a.shape());
        assertEquals(0, ((double[]) a.data()).length);
    }

    @Test
    void headerThatClaimsLessThanTheFileHolds() {
        NpyFormatException e = failsHeader(CraftedNpy.dict("<f8", "(1,)"), CraftedNpy.f64(1, 2),
                "8 unexpected bytes after the 8 bytes of data for shape (1,)");
        assertEquals(136, e.byteOffset());
    }

    @Test
    void negativeAndAbsurdDimensions() {
        failsHeader(CraftedNpy.dict("<f8", "(-1, 3)"), new byte[0], "negative dimension -1 at axis 0");
        failsHeader(CraftedNpy.dict("<f8", "(2, 1000000000000000000000000000000)"), new byte[0],
                "dimension 1000000000000000000000000000000 at axis 1, more than a Java array holds");
        failsHeader(CraftedNpy.dict("<f8", "(" + "9".repeat(41) + ",)"), new byte[0], "integer of 41 digits");
        failsHeader(CraftedNpy.dict("<f8", "(2, '3')"), new byte[0], "has '3' at axis 1; dimensions are integers");
        failsHeader(CraftedNpy.dict("<f8", "(2, True)"), new byte[0], "has True at axis 1");
    }

    @Test
    void unsupportedDtypesAreNamedWithTheSupportedList() {
        for (String descr : new String[] {"<c32", "<f2", "<i2", "|i1", "<u4", "|S5", "<M8[ns]", "|V8", "f8"}) {
            failsHeader(CraftedNpy.dict(descr, "(1,)"), new byte[8], "unsupported dtype '" + descr + "'",
                    "supported dtypes: '<f8' (float64), '<f4' (float32), '<i8' (int64), '<i4' (int32), '|b1' (bool)");
        }
        failsHeader(CraftedNpy.dict("|O", "(1,)"), new byte[8], "'|O' (object arrays are pickled Python objects)");
        failsHeader("{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }", new byte[8],
                "structured dtype [('x', '<f8')] is not supported");
        failsHeader(CraftedNpy.dict("=f8", "(1,)"), new byte[8], "'=f8' has no explicit byte order");
        failsHeader(CraftedNpy.dict("|f8", "(1,)"), new byte[8], "'|f8' has no explicit byte order");
        failsHeader(CraftedNpy.dict("<U0", "()"), new byte[0], "'<U0' (zero-length strings)");
        failsHeader("{'descr': 8, 'fortran_order': False, 'shape': (1,), }", new byte[8],
                "'descr' must be a dtype string such as '<f8', not 8");
    }

    @Test
    void headerKeysAreExactlyTheThree() {
        failsHeader("{'descr': '<f8', 'shape': (1,), }", new byte[8], "missing key(s) [fortran_order]");
        failsHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1, }", new byte[8],
                "unknown key(s) [extra]");
        failsHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'descr': '<f8', }", new byte[8],
                "has the key 'descr' twice");
        failsHeader("{}", new byte[8], "missing key(s) [descr, fortran_order, shape]");
    }

    @Test
    void headerGrammarIsStrict() {
        failsHeader(CraftedNpy.dict("<f8", "(3)"), new byte[24], "a one-element tuple is written (n,)");
        failsHeader(CraftedNpy.dict("<f8", "[3]"), new byte[24], "'shape' must be a tuple of integers such as (2, 3), not [3]");
        failsHeader(CraftedNpy.dict("<f8", "3"), new byte[24], "'shape' must be a tuple");
        failsHeader("{'descr': '<f8', 'fortran_order': false, 'shape': (3,), }", new byte[24],
                "expected a string, True, False, an integer, a tuple or a list but found 'f'");
        failsHeader("{'descr': '<f8', 'fortran_order': 0, 'shape': (3,), }", new byte[24],
                "'fortran_order' must be True or False, not 0");
        failsHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), } x", new byte[24], "has 'x' after the closing '}'");
        failsHeader("{'descr': '<f8' 'fortran_order': False, 'shape': (3,), }", new byte[24], "expected ',' or '}'");
        failsHeader("{'descr': '<f8, 'fortran_order': False, 'shape': (3,), }", new byte[24], "expected ',' or '}'");
        failsHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), ", new byte[24], "ends before the dict is closed");
        failsHeader("{'descr': '<\\x66', 'fortran_order': False, 'shape': (3,), }", new byte[24], "backslash escape");
        failsHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,,), }", new byte[24], "expected a string");
        failsHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': " + "(".repeat(40) + "}",
                new byte[24], "nests deeper than 16 levels");
        failsHeader("['descr', '<f8']", new byte[24], "expected '{'");
        failsHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\u0000", new byte[24], "byte 0x00 after the closing '}'");
    }

    @Test
    void grammarErrorsPointAtTheOffendingByte() {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), } x";
        NpyFormatException e = failsHeader(dict, new byte[24]);
        assertEquals(10 + dict.indexOf('x'), e.byteOffset());
        String neg = CraftedNpy.dict("<f8", "(-1,)");
        assertEquals(10 + neg.indexOf("(-1,)"), failsHeader(neg, new byte[0]).byteOffset());
        String descr = CraftedNpy.dict("<c32", "(1,)");
        assertEquals(10 + descr.indexOf("'<c32'"), failsHeader(descr, new byte[32]).byteOffset());
    }

    @Test
    void acceptedSpellingsOfTheSameHeader() throws IOException {
        String[] spellings = {
            "{'descr':'<f8','fortran_order':False,'shape':(2,)}",
            "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2,)}",
            "{ 'shape' : ( 2 , ) , 'fortran_order' : False , 'descr' : '<f8' , }",
            "{'descr': '<f8',\n 'fortran_order': False,\t'shape': (2L,), }",
        };
        for (String s : spellings) {
            NpyArray a = read(CraftedNpy.v1(s, CraftedNpy.f64(0.25, 4)));
            assertArrayEquals(new int[] {2}, a.shape(), s);
            assertArrayEquals(new double[] {0.25, 4}, (double[]) a.data(), s);
        }
        NpyArray twoD = read(CraftedNpy.v1(CraftedNpy.dict("<f8", "(1, 2,)"), CraftedNpy.f64(0.25, 4)));
        assertArrayEquals(new int[] {1, 2}, twoD.shape());
    }

    @Test
    void nonBooleanBytesInABoolPayload() {
        NpyFormatException e = failsHeader(CraftedNpy.dict("|b1", "(4,)"), new byte[] {0, 1, 2, 1},
                "bool element 2 is the byte 0x02; '|b1' bytes are 0 or 1");
        assertEquals(128 + 2, e.byteOffset());
    }

    @Test
    void invalidCodePointInAStringPayload() {
        byte[] payload = {'a', 0, 0, 0, 0, 0, 0x11, 0}; // 'a', then 0x110000
        NpyFormatException e = failsHeader(CraftedNpy.dict("<U2", "()"), payload, "0x110000, which is not a Unicode code point");
        assertEquals(128 + 4, e.byteOffset());
    }

    @Test
    void format3HeaderMustBeUtf8() {
        byte[] header = (CraftedNpy.dict("<f8", "(1,)") + "\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        fails(CraftedNpy.raw(3, 0, header, CraftedNpy.f64(1)), "format 3.0 header is not valid UTF-8");
        byte[] utf8 = (CraftedNpy.dict("<\u00e98", "(1,)") + "\n").getBytes(StandardCharsets.UTF_8);
        NpyFormatException e = fails(CraftedNpy.raw(3, 0, utf8, CraftedNpy.f64(1)), "unsupported dtype '<\u00e98'");
        assertEquals(12 + "{'descr': ".length(), e.byteOffset());
    }
}
