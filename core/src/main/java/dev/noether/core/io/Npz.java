package dev.noether.core.io;

import dev.noether.core.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Archives of named arrays in numpy's {@code .npz} format ({@code np.savez},
 * {@code np.savez_compressed}, {@code np.load}): a zip file whose entries {@code <name>.npy} are
 * {@link Npy} arrays, stored or deflated.
 *
 * <p>Each entry is read with every check of {@link Npy}, plus the archive's: its declared size
 * must agree with its compressed size and with the NPY header, and the CRC-32 of its data must
 * match, so a damaged archive is an {@link NpyFormatException} naming the file and the entry,
 * never a silently wrong array. Archives are written atomically (see {@link Npy}).
 *
 * <p>Besides arrays, an archive may hold 0-d unicode strings ({@code <U<n>}), the usual place
 * for JSON metadata: {@link #readStrings} and {@link #readAll} return them, {@link NpzWriter#putString}
 * writes them.
 */
public final class Npz {
    private Npz() {}

    /**
     * The numeric arrays by name, in archive order; complex arrays gain a trailing axis of 2.
     *
     * @throws NpyFormatException also if an entry is a string: use {@link #readAll} for archives
     *                            that mix arrays and strings
     */
    public static Map<String, Tensor> read(Path path) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        NpzArchive.visit(path, (name, entry) -> {
            NpyArray a = entry.array(NpyReader.Content.NUMBERS);
            out.put(name, NpyTensors.toTensor(a, entry.source()));
        });
        return out;
    }

    /** The 0-d unicode string entries by name, in archive order; numeric entries are skipped. */
    public static Map<String, String> readStrings(Path path) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        NpzArchive.visit(path, (name, entry) -> {
            if (entry.header().type() == NpyElementType.UNICODE) {
                out.put(name, NpyTensors.scalarString(entry.array(NpyReader.Content.STRING), entry.source()));
            }
        });
        return out;
    }

    /** Every entry: numeric arrays as tensors and 0-d unicode strings as strings. */
    public static NpzContents readAll(Path path) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> strings = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        NpzArchive.visit(path, (name, entry) -> {
            String source = entry.source();
            NpyArray a = entry.array();
            if (a.type() == NpyElementType.UNICODE) strings.put(name, NpyTensors.scalarString(a, source));
            else tensors.put(name, NpyTensors.toTensor(a, source));
            names.add(name);
        });
        return new NpzContents(tensors, strings, names);
    }

    /**
     * Writes real tensors (each with its own dtype) as entries {@code <name>.npy} in map order.
     * For complex or string entries use {@link NpzWriter}.
     *
     * @param compressed deflate (as {@code np.savez_compressed}) or store (as {@code np.savez})
     */
    public static void write(Path path, Map<String, Tensor> tensors, boolean compressed) throws IOException {
        NpzWriter w = new NpzWriter(compressed);
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) w.put(e.getKey(), e.getValue());
        w.write(path);
    }
}
