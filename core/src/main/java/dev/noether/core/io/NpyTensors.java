package dev.noether.core.io;

import dev.noether.core.DType;
import dev.noether.core.Shapes;
import dev.noether.core.Tensor;
import java.util.Arrays;

/** The edge between {@link NpyArray} and {@link Tensor}; no element is copied that need not be. */
final class NpyTensors {
    private NpyTensors() {}

    /**
     * The tensor of a numeric array, wrapping its storage: complex128 becomes F64 and complex64
     * F32 with a trailing axis of 2 (re, im).
     */
    static Tensor toTensor(NpyArray a, String source) throws NpyFormatException {
        int[] shape = a.shape();
        DType dtype = switch (a.type()) {
            case F64 -> DType.F64;
            case F32 -> DType.F32;
            case I64 -> DType.I64;
            case I32 -> DType.I32;
            case BOOL -> DType.BOOL;
            case C128 -> DType.F64;
            case C64 -> DType.F32;
            case UNICODE -> throw new NpyFormatException(source, -1,
                    "holds unicode strings, not numbers; read them with Npy.readString or Npz.readStrings");
        };
        if (a.type().isComplex()) {
            shape = Arrays.copyOf(shape, shape.length + 1);
            shape[shape.length - 1] = 2;
        }
        try {
            return Tensor.wrap(dtype, a.data(), shape);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(source, -1, "the array of shape " + Shapes.str(a.shape())
                    + " cannot be a Tensor: " + e.getMessage(), e);
        }
    }

    /** A real tensor as it is: F64, F32, I64, I32 or BOOL, C order. */
    static NpyArray real(Tensor t) {
        Tensor c = t.contiguous();
        NpyElementType type = switch (c.dtype()) {
            case F64 -> NpyElementType.F64;
            case F32 -> NpyElementType.F32;
            case I64 -> NpyElementType.I64;
            case I32 -> NpyElementType.I32;
            case BOOL -> NpyElementType.BOOL;
        };
        return new NpyArray(type, c.shape(), c.storage(), c.numel() == 0 ? 0 : c.offset());
    }

    /**
     * A floating tensor whose last axis holds (re, im) as a complex array of the other axes:
     * F64 to complex128, F32 to complex64.
     */
    static NpyArray complex(Tensor t, String op) {
        if (!t.dtype().isFloating()) {
            throw new IllegalArgumentException(op + ": a complex array needs a floating tensor (F64 -> complex128, "
                    + "F32 -> complex64), got " + t.dtype() + " of shape " + Shapes.str(t.shape())
                    + "; convert it with toType(DType.F64)");
        }
        if (t.rank() == 0 || t.size(-1) != 2) {
            throw new IllegalArgumentException(op + ": a complex tensor has a last axis of length 2 (re, im), got shape "
                    + Shapes.str(t.shape()) + "; stack real and imaginary parts on a new last axis");
        }
        Tensor c = t.contiguous();
        int[] shape = Arrays.copyOf(c.shape(), c.rank() - 1);
        NpyElementType type = c.dtype() == DType.F64 ? NpyElementType.C128 : NpyElementType.C64;
        return new NpyArray(type, shape, c.storage(), c.numel() == 0 ? 0 : c.offset());
    }

    /** A 0-d unicode string, as numpy's {@code np.array(value)}. */
    static NpyArray string(String value, String op) {
        if (value == null) throw new IllegalArgumentException(op + ": the string is null");
        return new NpyArray(NpyElementType.UNICODE, new int[0], new String[] {value});
    }

    /** The value of a 0-d string array. */
    static String scalarString(NpyArray a, String source) throws NpyFormatException {
        if (a.rank() != 0) {
            throw new NpyFormatException(source, -1, "holds a string array of shape " + NpyHeader.shapeRepr(a.shape())
                    + "; only 0-d strings (numpy's np.array('...')) are read as a String");
        }
        return ((String[]) a.data())[0];
    }
}
