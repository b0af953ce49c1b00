package dev.noether.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noether.core.DType;
import dev.noether.core.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public Tensor-level NPZ API. */
class NpzTest {
    @TempDir
    Path dir;

    @Test
    void readAllOfNumpysSavez() throws IOException {
        NpzContents c = Npz.readAll(Fixtures.path("savez.npz"));
        assertEquals(List.of("ramp", "ints", "flags", "meta"), c.names());
        assertEquals(List.of("ramp", "ints", "flags"), new ArrayList<>(c.tensors().keySet()));
        assertArrayEquals(new int[] {2, 3, 4}, c.tensors().get("ramp").shape());
        assertArrayEquals(Fixtures.ramp(24), c.tensors().get("ramp").toDoubleArray());
        assertArrayEquals(Fixtures.intRamp(12), c.tensors().get("ints").contiguous().i32Storage());
        assertArrayEquals(Fixtures.everyThird(10), c.tensors().get("flags").contiguous().boolStorage());
        assertEquals(Map.of("meta", Fixtures.META), c.strings());
    }

    @Test
    void metadataIsJson() throws IOException {
        String meta = Npz.readStrings(Fixtures.path("savez_compressed.npz")).get("meta");
        JsonNode json = new ObjectMapper().readTree(meta);
        assertEquals("fno", json.get("model").asText());
        assertEquals(12, json.get("modes").get(1).asInt());
        assertEquals("h\u00e9llo \u222e \uD835\uDD18", json.get("note").asText());
    }

    @Test
    void readRefusesStringEntriesAndPointsToReadAll() {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(Fixtures.path("savez.npz")));
        assertTrue(e.getMessage().contains("savez.npz, entry 'meta.npy'"), e.getMessage());
        assertTrue(e.getMessage().contains("Npz.readAll"), e.getMessage());
    }

    @Test
    void readsNumpysSavezCompressedIncludingComplex() throws IOException {
        NpzContents c = Npz.readAll(Fixtures.path("savez_compressed.npz"));
        Tensor z = c.tensors().get("z");
        assertEquals(DType.F64, z.dtype());
        assertArrayEquals(new int[] {2, 3, 2}, z.shape());
        assertArrayEquals(Fixtures.cramp(6), z.toDoubleArray());
        assertArrayEquals(Fixtures.bigRamp(6), c.tensors().get("big").toLongArray());
        assertEquals(-2.75, c.tensors().get("scalar").item());
        assertArrayEquals(new int[] {0, 3}, c.tensors().get("empty").shape());
        assertArrayEquals(Fixtures.ramp(24), c.tensors().get("fortran").toDoubleArray());
    }

    @Test
    void writeAndReadBack() throws IOException {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Tensor.of(Fixtures.quarter(12), 3, 4));
        m.put("a", Tensor.of(Fixtures.ramp(12), 3, 4).transpose(0, 1));
        m.put("n", Tensor.ofLongs(Fixtures.bigRamp(6), 6));
        for (boolean compressed : new boolean[] {false, true}) {
            Path p = dir.resolve("m" + compressed + ".npz");
            Npz.write(p, m, compressed);
            Map<String, Tensor> back = Npz.read(p);
            assertEquals(List.of("w", "a", "n"), new ArrayList<>(back.keySet()));
            assertArrayEquals(Fixtures.quarter(12), back.get("w").toFloatArray());
            assertArrayEquals(m.get("a").toDoubleArray(), back.get("a").toDoubleArray());
            assertArrayEquals(new int[] {4, 3}, back.get("a").shape());
            assertArrayEquals(Fixtures.bigRamp(6), back.get("n").toLongArray());
        }
    }

    @Test
    void writerWithComplexAndStrings() throws IOException {
        Path p = dir.resolve("w.npz");
        new NpzWriter(true)
                .put("u", Tensor.of(Fixtures.ramp(6), 2, 3))
                .putComplex("uhat", Tensor.of(Fixtures.cramp32(4), 4, 2))
                .putString("meta", Fixtures.META)
                .write(p);
        NpzContents c = Npz.readAll(p);
        assertEquals(List.of("u", "uhat", "meta"), c.names());
        assertArrayEquals(Fixtures.cramp32(4), c.tensors().get("uhat").toFloatArray());
        assertArrayEquals(new int[] {4, 2}, c.tensors().get("uhat").shape());
        assertEquals(Fixtures.META, c.strings().get("meta"));
        assertEquals(Map.of("meta", Fixtures.META), Npz.readStrings(p));
    }

    @Test
    void writerRefusesBadEntries() {
        NpzWriter w = new NpzWriter(false).put("u", Tensor.zeros(2));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> w.put("u", Tensor.zeros(2)));
        assertTrue(dup.getMessage().contains("already has an entry 'u'"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w.put("", Tensor.zeros(2)));
        assertThrows(IllegalArgumentException.class, () -> w.putString("s", "nul at the end\0"));
        IllegalArgumentException complex = assertThrows(IllegalArgumentException.class, () -> w.putComplex("c", Tensor.zeros(2, 3)));
        assertTrue(complex.getMessage().startsWith("NpzWriter.putComplex('c'): a complex tensor has a last axis of length 2"),
                complex.getMessage());
    }
}
