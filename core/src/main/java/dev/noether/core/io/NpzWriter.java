package dev.noether.core.io;

import dev.noether.core.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Builds an NPZ archive entry by entry and writes it at once, atomically:
 *
 * <pre>{@code
 * new NpzWriter(true)
 *     .put("u", u)                       // any real tensor, its own dtype
 *     .putComplex("uhat", uhat)          // F64 [..., 2] -> complex128
 *     .putString("meta", json)           // numpy: str(np.load(f)['meta'])
 *     .write(path);
 * }</pre>
 *
 * Entries are {@code <name>.npy} in the order they were put, each exactly the bytes
 * {@link Npy#write} gives; numpy's {@code np.load} reads the result. The writer keeps references
 * to the tensors (a non-contiguous one is copied when put) and reads their values in
 * {@link #write}. Entry timestamps are fixed (1980-01-01), so equal content gives equal files.
 */
public final class NpzWriter {
    private final boolean compressed;
    private final LinkedHashMap<String, NpyArray> entries = new LinkedHashMap<>();

    /**
     * @param compressed deflate the entries (as {@code np.savez_compressed}, zlib level 6) or
     *                   store them (as {@code np.savez}), which is faster and lets readers map them
     */
    public NpzWriter(boolean compressed) {
        this.compressed = compressed;
    }

    /** Adds a real tensor with its own dtype (float64, float32, int64, int32 or bool). */
    public NpzWriter put(String name, Tensor tensor) {
        return add(name, NpyTensors.real(tensor));
    }

    /** Adds a floating tensor whose last axis (length 2) holds (re, im), as complex128 (F64) or complex64 (F32). */
    public NpzWriter putComplex(String name, Tensor tensor) {
        return add(name, NpyTensors.complex(tensor, "NpzWriter.putComplex('" + name + "')"));
    }

    /** Adds a 0-d unicode string, e.g. JSON metadata; numpy reads it with {@code str(np.load(f)[name])}. */
    public NpzWriter putString(String name, String value) {
        NpyArray a = NpyTensors.string(value, "NpzWriter.putString('" + name + "')");
        NpyWriter.unicodeChars(a); // refuse a string numpy could not give back, now rather than at write
        return add(name, a);
    }

    private NpzWriter add(String name, NpyArray array) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("NpzWriter: an entry name must not be empty");
        if (entries.containsKey(name)) {
            throw new IllegalArgumentException("NpzWriter: the archive already has an entry '" + name + "'; names are unique");
        }
        entries.put(name, array);
        return this;
    }

    /** Writes the archive to {@code path}, replacing it atomically. */
    public void write(Path path) throws IOException {
        NpzArchive.write(path, entries, compressed);
    }
}
