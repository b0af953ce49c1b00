package dev.noether.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer against the NPY spec, against numpy's own bytes, and through the reader. */
class NpyWriterTest {
    @TempDir
    Path dir;

    private static byte[] bytes(NpyArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, a);
        return out.toByteArray();
    }

    private static NpyArray roundTrip(NpyArray a) throws IOException {
        byte[] b = bytes(a);
        assertEquals(b.length, NpyWriter.encodedLength(a));
        return NpyReader.read(new ByteArrayInputStream(b), b.length, "memory");
    }

    @Test
    void bytesEqualNumpysNpSave() throws IOException {
        Object[][] cases = {
            {"f64_c_2x3x4.npy", new NpyArray(NpyElementType.F64, new int[] {2, 3, 4}, Fixtures.ramp(24))},
            {"f32_c_3x4.npy", new NpyArray(NpyElementType.F32, new int[] {3, 4}, Fixtures.quarter(12))},
            {"i64_c_2x3.npy", new NpyArray(NpyElementType.I64, new int[] {2, 3}, Fixtures.bigRamp(6))},
            {"i32_c_4x3.npy", new NpyArray(NpyElementType.I32, new int[] {4, 3}, Fixtures.intRamp(12))},
            {"bool_c_2x5.npy", new NpyArray(NpyElementType.BOOL, new int[] {2, 5}, Fixtures.everyThird(10))},
            {"c128_c_2x3.npy", new NpyArray(NpyElementType.C128, new int[] {2, 3}, Fixtures.cramp(6))},
            {"c64_c_4.npy", new NpyArray(NpyElementType.C64, new int[] {4}, Fixtures.cramp32(4))},
            {"scalar_f64.npy", new NpyArray(NpyElementType.F64, new int[0], new double[] {-2.75})},
            {"scalar_i32.npy", new NpyArray(NpyElementType.I32, new int[0], new int[] {7})},
            {"scalar_bool.npy", new NpyArray(NpyElementType.BOOL, new int[0], new boolean[] {true})},
            {"empty_f64_0x3.npy", new NpyArray(NpyElementType.F64, new int[] {0, 3}, new double[0])},
            {"empty_i32_2x0x4.npy", new NpyArray(NpyElementType.I32, new int[] {2, 0, 4}, new int[0])},
            {"string_scalar.npy", new NpyArray(NpyElementType.UNICODE, new int[0], new String[] {Fixtures.STRING})},
        };
        for (Object[] c : cases) {
            byte[] numpy = Files.readAllBytes(Fixtures.path((String) c[0]));
            assertArrayEquals(numpy, bytes((NpyArray) c[1]), (String) c[0]);
        }
    }

    /** The header layout the NPY spec prescribes, checked byte by byte for a range of shapes. */
    @Test
    void headerFollowsTheSpec() throws IOException {
        int[][] shapes = {{}, {0}, {1}, {7}, {2, 3}, {12345678, 0}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {0, 2147483639}};
        for (int[] shape : shapes) {
            int n = 1;
            for (int d : shape) n = d == 0 ? 0 : n * d;
            byte[] b = bytes(new NpyArray(NpyElementType.F64, shape, new double[n]));
            String where = Arrays.toString(shape);
            assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(b, 8), where);
            int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
            int dataStart = 10 + headerLength;
            assertEquals(0, dataStart % 64, where + ": payload aligned to 64 bytes");
            assertEquals(b.length - 8L * n, dataStart, where);
            assertEquals('\n', b[dataStart - 1], where + ": header ends with a newline");
            String header = new String(b, 10, headerLength - 1, StandardCharsets.ISO_8859_1);
            StringBuilder tuple = new StringBuilder("(");
            for (int i = 0; i < shape.length; i++) tuple.append(i > 0 ? ", " : "").append(shape[i]);
            tuple.append(shape.length == 1 ? ",)" : ")");
            String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple + ", }";
            assertTrue(header.startsWith(dict), where + ": " + header);
            assertTrue(header.substring(dict.length()).chars().allMatch(c -> c == ' '), where + ": space padding");
        }
    }

    @Test
    void headerOver65535BytesUsesFormat2() throws IOException {
        int[] shape = new int[25000];
        Arrays.fill(shape, 1);
        NpyArray a = new NpyArray(NpyElementType.F64, shape, new double[] {4.5});
        byte[] b = bytes(a);
        assertEquals(2, b[6]);
        assertEquals(0, b[7]);
        long headerLength = ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        assertTrue(headerLength > 65535);
        assertEquals(0, (12 + headerLength) % 64);
        assertEquals(b.length - 8, 12 + headerLength);
        assertEquals('\n', b[(int) (12 + headerLength - 1)]);
        NpyArray back = NpyReader.read(new ByteArrayInputStream(b), b.length, "memory");
        assertArrayEquals(shape, back.shape());
        assertArrayEquals(new double[] {4.5}, (double[]) back.data());
    }

    @Test
    void extremeValuesSurviveBitForBit() throws IOException {
        double[] d = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8dead00000001L), Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, Math.PI};
        double[] back = (double[]) roundTrip(new NpyArray(NpyElementType.F64, new int[] {2, 5}, d)).data();
        for (int i = 0; i < d.length; i++) {
            assertEquals(Double.doubleToRawLongBits(d[i]), Double.doubleToRawLongBits(back[i]), "index " + i);
        }
        float[] f = {0f, -0f, Float.NaN, Float.intBitsToFloat(0x7fc0beef), Float.MIN_VALUE, Float.MAX_VALUE, -1e-40f};
        float[] fb = (float[]) roundTrip(new NpyArray(NpyElementType.F32, new int[] {7}, f)).data();
        for (int i = 0; i < f.length; i++) {
            assertEquals(Float.floatToRawIntBits(f[i]), Float.floatToRawIntBits(fb[i]), "index " + i);
        }
        long[] l = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1L << 53 | 1};
        assertArrayEquals(l, (long[]) roundTrip(new NpyArray(NpyElementType.I64, new int[] {5}, l)).data());
        int[] i32 = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0};
        assertArrayEquals(i32, (int[]) roundTrip(new NpyArray(NpyElementType.I32, new int[] {2, 2}, i32)).data());
    }

    @Test
    void arraysLargerThanOneChunkRoundTrip() throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 3 * 9001; // 216 KB of complex128: several 64 KiB chunks and a ragged tail
        double[] c = new double[2 * n];
        for (int i = 0; i < c.length; i++) c[i] = rng.nextDouble() - 0.5;
        NpyArray back = roundTrip(new NpyArray(NpyElementType.C128, new int[] {3, 9001}, c));
        assertArrayEquals(new int[] {3, 9001}, back.shape());
        assertArrayEquals(c, (double[]) back.data());
        boolean[] bits = new boolean[70001];
        for (int i = 0; i < bits.length; i++) bits[i] = rng.nextBoolean();
        assertArrayEquals(bits, (boolean[]) roundTrip(new NpyArray(NpyElementType.BOOL, new int[] {70001}, bits)).data());
    }

    @Test
    void writesTheWindowAtTheDataOffset() throws IOException {
        double[] storage = {9, 9, 9, 1, 2, 3, 4, 9};
        NpyArray window = new NpyArray(NpyElementType.F64, new int[] {2, 2}, storage, 3);
        assertArrayEquals(new double[] {1, 2, 3, 4}, (double[]) roundTrip(window).data());
        assertThrows(IllegalArgumentException.class, () -> new NpyArray(NpyElementType.F64, new int[] {2, 3}, storage, 3));
        assertThrows(IllegalArgumentException.class, () -> new NpyArray(NpyElementType.F32, new int[] {2}, storage));
    }

    @Test
    void strings() throws IOException {
        String[] s = {"", "a", "\uD835\uDD18\u00e9x"};
        NpyArray a = new NpyArray(NpyElementType.UNICODE, new int[] {3}, s);
        assertEquals("<U3", NpyWriter.descr(a), "three code points, the longest");
        assertArrayEquals(s, (String[]) roundTrip(a).data());
        assertEquals("<U1", NpyWriter.descr(new NpyArray(NpyElementType.UNICODE, new int[0], new String[] {""})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bytes(new NpyArray(NpyElementType.UNICODE, new int[0], new String[] {"ab\0"})));
        assertTrue(e.getMessage().contains("ends with U+0000"), e.getMessage());
    }

    @Test
    void fileWriteReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.npy");
        Files.writeString(target, "old content");
        NpyFile.write(target, new NpyArray(NpyElementType.I32, new int[] {3}, new int[] {1, 2, 3}));
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) NpyFile.read(target).data());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "only the target remains");
        }
    }

    @Test
    void failedWriteKeepsTheOldFileAndCleansUp() throws IOException {
        Path target = dir.resolve("keep.npy");
        NpyFile.write(target, new NpyArray(NpyElementType.I32, new int[] {1}, new int[] {42}));
        byte[] before = Files.readAllBytes(target);
        // the content fails half way, after some bytes went to the temporary file
        IOException failure = assertThrows(IOException.class, () -> AtomicFileWrite.replace(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", failure.getMessage());
        assertArrayEquals(before, Files.readAllBytes(target));
        // the rename fails: the target is a non-empty directory
        Path blocked = dir.resolve("blocked.npy");
        Files.createDirectories(blocked.resolve("child"));
        assertThrows(IOException.class,
                () -> NpyFile.write(blocked, new NpyArray(NpyElementType.I32, new int[] {1}, new int[] {1})));
        try (var listing = Files.list(dir)) {
            assertEquals(2, listing.count(), "no temporary files left: " + Arrays.toString(dir.toFile().list()));
        }
    }
}
