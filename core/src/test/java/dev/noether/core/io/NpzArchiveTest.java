package dev.noether.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NPZ at the byte level: numpy's archives, Noether's archives, and damaged archives. */
class NpzArchiveTest {
    @TempDir
    Path dir;

    private static void assertArrayContent(NpyArray expected, NpyArray actual, String what) {
        assertEquals(expected.type(), actual.type(), what);
        assertArrayEquals(expected.shape(), actual.shape(), what);
        switch (expected.type()) {
            case F64, C128 -> assertArrayEquals((double[]) expected.data(), (double[]) actual.data(), what);
            case F32, C64 -> assertArrayEquals((float[]) expected.data(), (float[]) actual.data(), what);
            case I64 -> assertArrayEquals((long[]) expected.data(), (long[]) actual.data(), what);
            case I32 -> assertArrayEquals((int[]) expected.data(), (int[]) actual.data(), what);
            case BOOL -> assertArrayEquals((boolean[]) expected.data(), (boolean[]) actual.data(), what);
            case UNICODE -> assertArrayEquals((String[]) expected.data(), (String[]) actual.data(), what);
        }
    }

    private static NpyArray meta() {
        return new NpyArray(NpyElementType.UNICODE, new int[0], new String[] {Fixtures.META});
    }

    /** The arrays of savez.npz, from the closed forms. */
    private static LinkedHashMap<String, NpyArray> savezContent() {
        LinkedHashMap<String, NpyArray> m = new LinkedHashMap<>();
        m.put("ramp", new NpyArray(NpyElementType.F64, new int[] {2, 3, 4}, Fixtures.ramp(24)));
        m.put("ints", new NpyArray(NpyElementType.I32, new int[] {4, 3}, Fixtures.intRamp(12)));
        m.put("flags", new NpyArray(NpyElementType.BOOL, new int[] {2, 5}, Fixtures.everyThird(10)));
        m.put("meta", meta());
        return m;
    }

    private static LinkedHashMap<String, NpyArray> savezCompressedContent() {
        LinkedHashMap<String, NpyArray> m = new LinkedHashMap<>();
        m.put("z", new NpyArray(NpyElementType.C128, new int[] {2, 3}, Fixtures.cramp(6)));
        m.put("big", new NpyArray(NpyElementType.I64, new int[] {2, 3}, Fixtures.bigRamp(6)));
        m.put("q", new NpyArray(NpyElementType.F32, new int[] {3, 4}, Fixtures.quarter(12)));
        m.put("scalar", new NpyArray(NpyElementType.F64, new int[0], new double[] {-2.75}));
        m.put("empty", new NpyArray(NpyElementType.F64, new int[] {0, 3}, new double[0]));
        m.put("fortran", new NpyArray(NpyElementType.F64, new int[] {2, 3, 4}, Fixtures.ramp(24)));
        m.put("meta", meta());
        return m;
    }

    private static void assertSameArchive(Map<String, NpyArray> expected, Map<String, NpyArray> actual) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), "names in archive order");
        for (String k : expected.keySet()) assertArrayContent(expected.get(k), actual.get(k), k);
    }

    @Test
    void readsNumpySavezAndSavezCompressed() throws IOException {
        assertSameArchive(savezContent(), NpzArchive.read(Fixtures.path("savez.npz")));
        assertSameArchive(savezCompressedContent(), NpzArchive.read(Fixtures.path("savez_compressed.npz")));
    }

    @Test
    void writesStoredAndDeflatedArchivesThatReadBack() throws IOException {
        for (boolean compressed : new boolean[] {false, true}) {
            Path p = dir.resolve(compressed ? "c.npz" : "s.npz");
            LinkedHashMap<String, NpyArray> content = savezCompressedContent();
            NpzArchive.write(p, content, compressed);
            assertSameArchive(content, NpzArchive.read(p));
            try (ZipFile zip = new ZipFile(p.toFile())) {
                List<String> names = new ArrayList<>();
                zip.stream().forEach(e -> {
                    names.add(e.getName());
                    assertEquals(compressed ? ZipEntry.DEFLATED : ZipEntry.STORED, e.getMethod(), e.getName());
                });
                assertEquals(List.of("z.npy", "big.npy", "q.npy", "scalar.npy", "empty.npy", "fortran.npy", "meta.npy"), names);
                // each entry is exactly the .npy numpy itself writes for that array
                assertArrayEquals(Files.readAllBytes(Fixtures.path("c128_c_2x3.npy")),
                        zip.getInputStream(zip.getEntry("z.npy")).readAllBytes());
                assertArrayEquals(Files.readAllBytes(Fixtures.path("f64_c_2x3x4.npy")),
                        zip.getInputStream(zip.getEntry("fortran.npy")).readAllBytes());
            }
        }
    }

    @Test
    void outputIsReproducible() throws IOException {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        NpzArchive.write(a, savezContent(), true);
        NpzArchive.write(b, savezContent(), true);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void emptyArchive() throws IOException {
        Path p = dir.resolve("empty.npz");
        NpzArchive.write(p, new LinkedHashMap<>(), false);
        assertTrue(NpzArchive.read(p).isEmpty());
    }

    private NpyFormatException fails(byte[] archive, String... fragments) throws IOException {
        Path p = dir.resolve("bad.npz");
        Files.write(p, archive);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpzArchive.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
        return e;
    }

    private static byte[] zip(int method, String[] names, byte[]... contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                ZipEntry e = new ZipEntry(names[i]);
                e.setMethod(method);
                if (method == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(contents[i]);
                    e.setSize(contents[i].length);
                    e.setCompressedSize(contents[i].length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(contents[i]);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void corruptOrForeignZips() throws IOException {
        byte[] good = Files.readAllBytes(Fixtures.path("savez.npz"));
        fails(Arrays.copyOf(good, good.length / 2), "not a readable zip archive");
        fails(Files.readAllBytes(Fixtures.path("f64_c_2x3x4.npy")), "not a readable zip archive");
        fails(new byte[0], "not a readable zip archive");
        byte[] npy = Files.readAllBytes(Fixtures.path("i32_c_4x3.npy"));
        NpyFormatException text = fails(zip(ZipEntry.DEFLATED, new String[] {"a.npy", "readme.txt"},
                npy, "hello, world".getBytes(StandardCharsets.US_ASCII)), "entry 'readme.txt'", "not an NPY array: it starts with hello");
        assertEquals(0, text.byteOffset());
        fails(zip(ZipEntry.STORED, new String[] {"a.npy", "a"}, npy, npy), "entry 'a'", "same array name 'a' as the entry 'a.npy'");
        fails(zip(ZipEntry.STORED, new String[] {"sub/", "a.npy"}, new byte[0], npy), "entry 'sub/'", "is a directory");
        fails(zip(ZipEntry.STORED, new String[] {"u.npy"}, Files.readAllBytes(Fixtures.path("unsupported_c32.npy"))),
                "entry 'u.npy', byte", "unsupported dtype '<c32'");
    }

    /** Offset of the central directory header of the first entry (signature PK\1\2). */
    private static int centralHeader(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return ByteBuffer.wrap(zip, i + 16, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            }
        }
        throw new IllegalStateException("no end of central directory");
    }

    @Test
    void unsupportedCompressionMethod() throws IOException {
        byte[] z = zip(ZipEntry.STORED, new String[] {"a.npy"}, Files.readAllBytes(Fixtures.path("i32_c_4x3.npy")));
        z[8] = 12; // local header: method 12 (bzip2)
        z[centralHeader(z) + 10] = 12;
        // the JDK's ZipFile rejects the method while reading the directory; Noether checks again per entry
        fails(z, "compression method", "12");
    }

    @Test
    void sizesThatLie() throws IOException {
        byte[] npy = Files.readAllBytes(Fixtures.path("f64_c_2x3x4.npy"));
        byte[] z = zip(ZipEntry.DEFLATED, new String[] {"a.npy"}, npy);
        int cen = centralHeader(z);
        ByteBuffer b = ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(cen + 24, 0x7fffffff); // uncompressed size: 2 GiB from a few hundred bytes
        fails(z, "entry 'a.npy'", "claims 2147483647 bytes from", "more than deflate can expand");
        b.putInt(cen + 24, npy.length + 8);
        fails(z, "entry 'a.npy', byte 320", "8 unexpected bytes after the 192 bytes of data");
        b.putInt(cen + 24, npy.length - 8);
        fails(z, "entry 'a.npy', byte 128", "192 bytes of data but only 184 bytes follow");

        byte[] s = zip(ZipEntry.STORED, new String[] {"a.npy"}, npy);
        int scen = centralHeader(s);
        ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putInt(scen + 24, npy.length + 1);
        fails(s, "is stored (not compressed) but records 321 bytes of data in 320 bytes");
        ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putInt(scen + 24, 1 << 30).putInt(scen + 20, 1 << 30);
        fails(s, "claims 1073741824 compressed bytes in a");
    }

    /**
     * Flips every byte of numpy's archives in turn: each damaged archive either fails with an
     * NpyFormatException or (for bytes the reader does not depend on, like timestamps or names)
     * yields exactly the original arrays. Never another exception, never a wrong array.
     */
    @Test
    void everySingleByteCorruptionIsCaughtOrHarmless() throws IOException {
        for (String fixture : new String[] {"savez.npz", "savez_compressed.npz"}) {
            byte[] good = Files.readAllBytes(Fixtures.path(fixture));
            List<NpyArray> expected = new ArrayList<>(NpzArchive.read(Fixtures.path(fixture)).values());
            Path p = dir.resolve("flipped.npz");
            int caught = 0;
            for (int i = 0; i < good.length; i++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) 0x5a;
                Files.write(p, bad);
                Map<String, NpyArray> got;
                try {
                    got = NpzArchive.read(p);
                } catch (NpyFormatException e) {
                    caught++;
                    continue;
                } catch (Exception e) {
                    throw new AssertionError(fixture + " byte " + i + ": " + e, e);
                }
                List<NpyArray> values = new ArrayList<>(got.values());
                if (values.size() != expected.size()) fail(fixture + " byte " + i + ": " + got.keySet());
                for (int k = 0; k < values.size(); k++) {
                    assertArrayContent(expected.get(k), values.get(k), fixture + " byte " + i);
                }
            }
            assertTrue(caught > good.length / 2, fixture + ": only " + caught + " of " + good.length + " flips detected");
        }
    }

    @Test
    void everyTruncationIsAnError() throws IOException {
        byte[] good = Files.readAllBytes(Fixtures.path("savez_compressed.npz"));
        Path p = dir.resolve("cut.npz");
        // every length in the directory at the end, every 7th before it (all lose the directory)
        for (int n = 0; n < good.length; n += n < good.length - 200 ? 7 : 1) {
            Files.write(p, Arrays.copyOf(good, n));
            assertThrows(NpyFormatException.class, () -> NpzArchive.read(p), "length " + n);
        }
    }
}
