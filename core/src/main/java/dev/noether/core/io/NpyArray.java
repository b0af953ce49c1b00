package dev.noether.core.io;

import java.util.Arrays;

/**
 * The byte-level view of one NPY array: element type, shape and a row-major (C order) Java
 * array. Storage per type: {@code double[]} (F64, and C128 as interleaved re, im),
 * {@code float[]} (F32, C64 likewise), {@code long[]}, {@code int[]}, {@code boolean[]},
 * {@code String[]} (UNICODE). The elements are {@code data[dataOffset ...]}, so a writer can take
 * a window of a larger array without copying; the reader always gives offset 0.
 */
record NpyArray(NpyElementType type, int[] shape, Object data, int dataOffset) {

    NpyArray {
        shape = shape.clone();
        long count = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("NPY array: negative dimension in shape " + Arrays.toString(shape));
            if (d == 0) count = 0;
        }
        if (count != 0) {
            for (int d : shape) count = Math.multiplyExact(count, d);
        }
        long scalars = Math.multiplyExact(count, type.scalarsPerElement());
        Class<?> expected = storageClass(type);
        if (data == null || data.getClass() != expected) {
            throw new IllegalArgumentException("NPY array of " + type.numpyName + " needs a "
                    + expected.getSimpleName() + " but got " + (data == null ? "null" : data.getClass().getSimpleName()));
        }
        int length = java.lang.reflect.Array.getLength(data);
        if (dataOffset < 0 || dataOffset + scalars > length) {
            throw new IllegalArgumentException("NPY array of " + type.numpyName + " with shape "
                    + Arrays.toString(shape) + " needs " + scalars + " values from offset " + dataOffset
                    + " but the storage has " + length);
        }
    }

    NpyArray(NpyElementType type, int[] shape, Object data) {
        this(type, shape, data, 0);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    int rank() {
        return shape.length;
    }

    /** Number of elements; the constructor checked that they fit the storage. */
    int elementCount() {
        return NpyHeader.elementCount(shape);
    }

    static Class<?> storageClass(NpyElementType type) {
        return switch (type) {
            case F64, C128 -> double[].class;
            case F32, C64 -> float[].class;
            case I64 -> long[].class;
            case I32 -> int[].class;
            case BOOL -> boolean[].class;
            case UNICODE -> String[].class;
        };
    }
}
