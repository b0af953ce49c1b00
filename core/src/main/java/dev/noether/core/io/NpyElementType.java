package dev.noether.core.io;

/**
 * Element types Noether reads from and writes to NPY files, with their NPY type code and item
 * size. {@link #UNICODE} ({@code <U<n>}, n UTF-32 code units per element) has a size per file,
 * the other sizes are fixed. Complex types hold (re, im) pairs of the matching float type.
 */
enum NpyElementType {
    F64('f', 8, "float64"),
    F32('f', 4, "float32"),
    I64('i', 8, "int64"),
    I32('i', 4, "int32"),
    BOOL('b', 1, "bool"),
    C128('c', 16, "complex128"),
    C64('c', 8, "complex64"),
    UNICODE('U', 0, "unicode string");

    /** The list of supported descriptors, for error messages. */
    static final String SUPPORTED = "'<f8' (float64), '<f4' (float32), '<i8' (int64), "
            + "'<i4' (int32), '|b1' (bool), '<c16' (complex128), '<c8' (complex64), each also "
            + "big-endian ('>f8' ...), and '<U<n>' unicode strings";

    final char code;
    /** Bytes per element; 0 for {@link #UNICODE}, whose size is 4 x characters per element. */
    final int fixedItemSize;
    final String numpyName;

    NpyElementType(char code, int fixedItemSize, String numpyName) {
        this.code = code;
        this.fixedItemSize = fixedItemSize;
        this.numpyName = numpyName;
    }

    boolean isComplex() {
        return this == C128 || this == C64;
    }

    /** Java array values per element: 2 for complex (re, im), else 1. */
    int scalarsPerElement() {
        return isComplex() ? 2 : 1;
    }

    /** The type with this NPY type code and item size, or null. */
    static NpyElementType of(char code, int itemSize) {
        for (NpyElementType t : values()) {
            if (t != UNICODE && t.code == code && t.fixedItemSize == itemSize) return t;
        }
        return null;
    }
}
