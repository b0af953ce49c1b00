package dev.noether.core;

import java.util.Arrays;

/** Shape arithmetic shared by every operation: element counts, strides, broadcasting, axes. */
public final class Shapes {
    private Shapes() {}

    /** {@code [20, 64]}: the form every error message uses. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Number of elements of a shape; throws if it does not fit an {@code int}. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** Row-major (C order) strides, in elements. */
    public static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    /** Maps a possibly negative axis into {@code [0, rank)}, or throws naming the operation. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank
                    + " (valid: " + (-rank) + " .. " + (rank - 1) + ")");
        }
        return a;
    }

    /** Normalises a list of axes, rejecting duplicates; an empty or null list means all axes. */
    public static int[] axes(String op, int[] axes, int rank) {
        if (axes == null || axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axis(op, axes[i], rank);
            if (seen[out[i]]) throw new IllegalArgumentException(op + ": axis " + axes[i] + " repeated in " + str(axes));
            seen[out[i]] = true;
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The numpy broadcast of two shapes: aligned at the right, each pair of dimensions equal or
     * one of them 1.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da == db || db == 1) out[i] = da;
            else if (da == 1) out[i] = db;
            else {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " do not broadcast (dimension " + i + " of the result: " + da + " vs " + db
                        + "; each pair of trailing dimensions must be equal or one of them 1)");
            }
        }
        return out;
    }

    /** True when the two shapes are equal element by element. */
    public static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }
}
