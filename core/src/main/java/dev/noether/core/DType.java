package dev.noether.core;

/**
 * Element types of a {@link Tensor}.
 *
 * <p>Floating types carry the numerics ({@link #F64} is the default and the oracle for every
 * other path); the integer and boolean types exist for indexing, masks and data exchange
 * (NPY/NPZ). Complex values are not a separate dtype: a complex tensor is a floating tensor whose
 * last axis has length 2 holding (re, im), the layout numpy's {@code complex128.view(float64)}
 * has. The storage behind each dtype is a Java primitive array: {@code double[]},
 * {@code float[]}, {@code long[]}, {@code int[]} and {@code boolean[]}.
 */
public enum DType {
    F64("float64", 8, true),
    F32("float32", 4, true),
    I64("int64", 8, false),
    I32("int32", 4, false),
    BOOL("bool", 1, false);

    private final String numpyName;
    private final int itemSize;
    private final boolean floating;

    DType(String numpyName, int itemSize, boolean floating) {
        this.numpyName = numpyName;
        this.itemSize = itemSize;
        this.floating = floating;
    }

    /** The numpy name of this type, e.g. {@code float64}. */
    public String numpyName() {
        return numpyName;
    }

    /** Bytes per element in NPY files. */
    public int itemSize() {
        return itemSize;
    }

    public boolean isFloating() {
        return floating;
    }

    /** The type numpy's promotion gives for a binary operation on {@code this} and {@code other}. */
    public DType promote(DType other) {
        if (this == other) return this;
        if (this == F64 || other == F64) return F64;
        if (this == F32 || other == F32) return F32;
        if (this == I64 || other == I64) return I64;
        if (this == I32 || other == I32) return I32;
        return BOOL;
    }
}
