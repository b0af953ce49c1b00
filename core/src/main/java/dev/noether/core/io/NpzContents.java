package dev.noether.core.io;

import dev.noether.core.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything in an NPZ archive: its numeric arrays as tensors and its 0-d unicode strings (such
 * as JSON metadata), each map in archive order.
 *
 * @param tensors numeric entries by name (the entry name without {@code .npy})
 * @param strings string entries by name
 * @param names   all names in archive order
 */
public record NpzContents(Map<String, Tensor> tensors, Map<String, String> strings, List<String> names) {
    public NpzContents {
        tensors = Collections.unmodifiableMap(tensors);
        strings = Collections.unmodifiableMap(strings);
        names = Collections.unmodifiableList(new ArrayList<>(names));
    }
}
