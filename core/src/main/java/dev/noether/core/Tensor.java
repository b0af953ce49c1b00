package dev.noether.core;

import dev.noether.core.backend.Backend;
import dev.noether.core.backend.Backends;

import java.util.Arrays;

/**
 * An n-dimensional array: a primitive array (the storage) seen through a shape, strides (in
 * elements) and an offset.
 *
 * <p><b>Views.</b> {@link #reshape} (of contiguous data), {@link #permute}, {@link #transpose},
 * {@link #slice} (with a step), {@link #select}, {@link #broadcastTo}, {@link #squeeze},
 * {@link #unsqueeze} and {@link #movedim} return views sharing the storage; nothing is copied.
 * {@link #contiguous()} copies only when the elements are not already dense in row-major order.
 * Writing through {@link #set} or {@link #assign} into a view writes into the shared storage.
 *
 * <p><b>Types.</b> {@link DType#F64} is the default; {@link DType#F32} is the fast path;
 * integer and boolean tensors serve indexing, masks and I/O. Arithmetic promotes as numpy does
 * ({@link DType#promote}); true division and transcendental functions of integer tensors give F64.
 *
 * <p><b>Complex numbers</b> are floating tensors whose last axis has length 2 holding
 * (re, im), interleaved in memory exactly as numpy's {@code complex128.view(float64)}; see
 * {@code dev.noether.core.Complex} and the FFT.
 *
 * <p><b>Operations</b> are computed by the current {@link Backend} (the CPU backend by default)
 * and return new tensors; an argument of the wrong shape or type fails at once with a message
 * that names the operation, the shapes and the fix. NaN and infinities propagate as IEEE
 * arithmetic says; {@link #checkFinite(String)} is there for callers that want to stop on them.
 */
public final class Tensor {
    private final DType dtype;
    private final Object storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    Tensor(DType dtype, Object storage, int[] shape, int[] strides, int offset) {
        this.dtype = dtype;
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    // ------------------------------------------------------------------ factories

    /** Wraps {@code data} (no copy) as an F64 tensor of the given shape. */
    public static Tensor of(double[] data, int... shape) {
        return wrap(DType.F64, data, data.length, shape);
    }

    /** Wraps {@code data} (no copy) as an F32 tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(DType.F32, data, data.length, shape);
    }

    /** Wraps {@code data} (no copy) as an I64 tensor of the given shape. */
    public static Tensor ofLongs(long[] data, int... shape) {
        return wrap(DType.I64, data, data.length, shape);
    }

    /** Wraps {@code data} (no copy) as an I32 tensor of the given shape. */
    public static Tensor ofInts(int[] data, int... shape) {
        return wrap(DType.I32, data, data.length, shape);
    }

    /** Wraps {@code data} (no copy) as a BOOL tensor of the given shape. */
    public static Tensor ofBools(boolean[] data, int... shape) {
        return wrap(DType.BOOL, data, data.length, shape);
    }

    /** A 1-D F64 tensor holding a copy of {@code values}. */
    public static Tensor vector(double... values) {
        return of(values.clone(), values.length);
    }

    /**
     * Wraps a primitive array of the type {@code dtype} stores (no copy), e.g. the storage of
     * another tensor; the array must hold exactly {@code numel(shape)} elements.
     */
    public static Tensor wrap(DType dtype, Object storage, int... shape) {
        return wrap(dtype, storage, java.lang.reflect.Array.getLength(storage), shape);
    }

    private static Tensor wrap(DType dtype, Object data, int length, int[] shape) {
        int[] s = shape.clone();
        int n = Shapes.numel(s);
        if (n != length) {
            throw new IllegalArgumentException("Tensor.of: " + length + " values cannot have shape " + Shapes.str(s)
                    + " (" + n + " elements); pass a shape whose product is " + length);
        }
        checkStorageType(dtype, data);
        return new Tensor(dtype, data, s, Shapes.contiguousStrides(s), 0);
    }

    private static void checkStorageType(DType dtype, Object data) {
        boolean ok;
        switch (dtype) {
            case F64: ok = data instanceof double[]; break;
            case F32: ok = data instanceof float[]; break;
            case I64: ok = data instanceof long[]; break;
            case I32: ok = data instanceof int[]; break;
            case BOOL: ok = data instanceof boolean[]; break;
            default: throw new AssertionError(dtype);
        }
        if (!ok) {
            throw new IllegalArgumentException("Tensor.wrap: dtype " + dtype + " needs a " + storageTypeName(dtype)
                    + ", got " + (data == null ? "null" : data.getClass().getSimpleName()));
        }
    }

    static String storageTypeName(DType dtype) {
        switch (dtype) {
            case F64: return "double[]";
            case F32: return "float[]";
            case I64: return "long[]";
            case I32: return "int[]";
            default: return "boolean[]";
        }
    }

    /** Allocates zeroed storage for {@code n} elements of {@code dtype}. */
    static Object allocate(DType dtype, int n) {
        switch (dtype) {
            case F64: return new double[n];
            case F32: return new float[n];
            case I64: return new long[n];
            case I32: return new int[n];
            case BOOL: return new boolean[n];
            default: throw new AssertionError(dtype);
        }
    }

    /** A new zero-filled tensor. */
    public static Tensor zeros(DType dtype, int... shape) {
        int[] s = shape.clone();
        return new Tensor(dtype, allocate(dtype, Shapes.numel(s)), s, Shapes.contiguousStrides(s), 0);
    }

    /** A new zero-filled F64 tensor. */
    public static Tensor zeros(int... shape) {
        return zeros(DType.F64, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return full(1.0, dtype, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1.0, DType.F64, shape);
    }

    /** A new tensor with every element {@code value} (converted to {@code dtype}). */
    public static Tensor full(double value, DType dtype, int... shape) {
        Tensor t = zeros(dtype, shape);
        if (value != 0.0) t.fill(value);
        return t;
    }

    public static Tensor full(double value, int... shape) {
        return full(value, DType.F64, shape);
    }

    /** A 0-dimensional F64 tensor. */
    public static Tensor scalar(double value) {
        return new Tensor(DType.F64, new double[] {value}, new int[0], new int[0], 0);
    }

    /** A 0-dimensional tensor of the given type. */
    public static Tensor scalar(double value, DType dtype) {
        return full(value, dtype);
    }

    /** {@code [start, start + step, ...]} below {@code stop} (exclusive), as numpy's arange. */
    public static Tensor arange(double start, double stop, double step, DType dtype) {
        if (step == 0 || !Double.isFinite(step) || !Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new IllegalArgumentException("arange: need finite start, stop and a non-zero step, got start=" + start
                    + " stop=" + stop + " step=" + step);
        }
        long n = (long) Math.max(0, Math.ceil((stop - start) / step));
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("arange: " + n + " elements is too many");
        Tensor t = zeros(dtype, (int) n);
        for (int i = 0; i < n; i++) t.setFlat(i, start + i * step);
        return t;
    }

    /** {@code [0, 1, ..., n-1]} as I64. */
    public static Tensor arange(int n) {
        return arange(0, n, 1, DType.I64);
    }

    /**
     * {@code num} evenly spaced values from {@code start} to {@code stop}; the last equals
     * {@code stop} exactly when {@code endpoint} (numpy's linspace).
     */
    public static Tensor linspace(double start, double stop, int num, boolean endpoint, DType dtype) {
        if (num < 0) throw new IllegalArgumentException("linspace: num must be >= 0, got " + num);
        Tensor t = zeros(dtype, num);
        int div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0;
        for (int i = 0; i < num; i++) t.setFlat(i, start + i * step);
        if (endpoint && num > 1) t.setFlat(num - 1, stop);
        return t;
    }

    public static Tensor linspace(double start, double stop, int num) {
        return linspace(start, stop, num, true, DType.F64);
    }

    /** The n x n identity. */
    public static Tensor eye(int n, DType dtype) {
        Tensor t = zeros(dtype, n, n);
        for (int i = 0; i < n; i++) t.setFlat(i * n + i, 1.0);
        return t;
    }

    public static Tensor eye(int n) {
        return eye(n, DType.F64);
    }

    // ------------------------------------------------------------------ accessors

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the strides, in elements. */
    public int[] strides() {
        return strides.clone();
    }

    /** Index of the first element in the storage. */
    public int offset() {
        return offset;
    }

    public int rank() {
        return shape.length;
    }

    /** The length of {@code axis} (negative counts from the end). */
    public int size(int axis) {
        return shape[Shapes.axis("size", axis, shape.length)];
    }

    public int numel() {
        return Shapes.numel(shape);
    }

    /** The primitive array behind this tensor (shared with its views). */
    public Object storage() {
        return storage;
    }

    public double[] f64Storage() {
        requireType("f64Storage", DType.F64);
        return (double[]) storage;
    }

    public float[] f32Storage() {
        requireType("f32Storage", DType.F32);
        return (float[]) storage;
    }

    public long[] i64Storage() {
        requireType("i64Storage", DType.I64);
        return (long[]) storage;
    }

    public int[] i32Storage() {
        requireType("i32Storage", DType.I32);
        return (int[]) storage;
    }

    public boolean[] boolStorage() {
        requireType("boolStorage", DType.BOOL);
        return (boolean[]) storage;
    }

    private void requireType(String op, DType t) {
        if (dtype != t) {
            throw new IllegalArgumentException(op + ": tensor has dtype " + dtype + ", not " + t
                    + "; convert it first with toType(DType." + t + ")");
        }
    }

    /** True when the elements are dense in row-major order starting at {@link #offset()}. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] == 1) continue;
            if (shape[i] == 0) return true;
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /** The backend that computes operations on this tensor. */
    public Backend backend() {
        return Backends.current();
    }

    // ------------------------------------------------------------------ element access

    /** Storage index of the element at {@code index} (one entry per axis). */
    public int storageIndex(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a tensor of shape "
                    + Shapes.str(shape));
        }
        int p = offset;
        for (int i = 0; i < index.length; i++) {
            int ix = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (ix < 0 || ix >= shape[i]) {
                throw new IndexOutOfBoundsException("get: index " + index[i] + " out of range for axis " + i
                        + " of shape " + Shapes.str(shape));
            }
            p += ix * strides[i];
        }
        return p;
    }

    /** The element at {@code index} as a double. */
    public double get(int... index) {
        return readStorage(storageIndex(index));
    }

    /** Sets the element at {@code index} (converted to this tensor's type). */
    public void set(double value, int... index) {
        writeStorage(storageIndex(index), value);
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + Shapes.str(shape)
                    + " has " + numel() + " elements, not 1");
        }
        return readStorage(offset);
    }

    double readStorage(int p) {
        switch (dtype) {
            case F64: return ((double[]) storage)[p];
            case F32: return ((float[]) storage)[p];
            case I64: return ((long[]) storage)[p];
            case I32: return ((int[]) storage)[p];
            case BOOL: return ((boolean[]) storage)[p] ? 1.0 : 0.0;
            default: throw new AssertionError(dtype);
        }
    }

    void writeStorage(int p, double v) {
        switch (dtype) {
            case F64: ((double[]) storage)[p] = v; break;
            case F32: ((float[]) storage)[p] = (float) v; break;
            case I64: ((long[]) storage)[p] = (long) v; break;
            case I32: ((int[]) storage)[p] = (int) v; break;
            case BOOL: ((boolean[]) storage)[p] = v != 0.0; break;
            default: throw new AssertionError(dtype);
        }
    }

    /** Storage index of the {@code i}-th element in row-major order. */
    int flatToStorage(int i) {
        int p = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            int n = shape[d];
            p += (i % n) * strides[d];
            i /= n;
        }
        return p;
    }

    private void setFlat(int i, double v) {
        writeStorage(flatToStorage(i), v);
    }

    /** Sets every element of this tensor (or view) to {@code value}. */
    public Tensor fill(double value) {
        backend().copy(full0d(value, dtype), this);
        return this;
    }

    private static Tensor full0d(double value, DType dtype) {
        Tensor t = new Tensor(dtype, allocate(dtype, 1), new int[0], new int[0], 0);
        t.writeStorage(0, value);
        return t;
    }

    /** Copies {@code src} (broadcast to this shape, converted to this type) into this tensor or view. */
    public Tensor assign(Tensor src) {
        backend().copy(src, this);
        return this;
    }

    // ------------------------------------------------------------------ copies and conversion

    /** This tensor if it is already contiguous, else a row-major copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : copy();
    }

    /** A new contiguous tensor with the same values. */
    public Tensor copy() {
        Tensor out = zeros(dtype, shape);
        backend().copy(this, out);
        return out;
    }

    /** This tensor converted to {@code target} (a copy, or this when the type already matches). */
    public Tensor toType(DType target) {
        if (target == dtype) return this;
        Tensor out = zeros(target, shape);
        backend().copy(this, out);
        return out;
    }

    /** The elements in row-major order as a new double array. */
    public double[] toDoubleArray() {
        Tensor t = toType(DType.F64).contiguous();
        double[] d = (double[]) t.storage;
        int n = numel();
        if (t.offset == 0 && d.length == n && t != this) return d;
        return Arrays.copyOfRange(d, t.offset, t.offset + n);
    }

    /** The elements in row-major order as a new float array. */
    public float[] toFloatArray() {
        Tensor t = toType(DType.F32).contiguous();
        float[] d = (float[]) t.storage;
        int n = numel();
        if (t.offset == 0 && d.length == n && t != this) return d;
        return Arrays.copyOfRange(d, t.offset, t.offset + n);
    }

    /** The elements in row-major order as a new long array (floating values truncated). */
    public long[] toLongArray() {
        Tensor t = toType(DType.I64).contiguous();
        long[] d = (long[]) t.storage;
        int n = numel();
        if (t.offset == 0 && d.length == n && t != this) return d;
        return Arrays.copyOfRange(d, t.offset, t.offset + n);
    }

    // ------------------------------------------------------------------ views

    /** A view with a new shape (one entry may be -1); copies first if this tensor is not contiguous. */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int n = numel();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: only one -1 allowed in " + Shapes.str(newShape));
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Shapes.str(newShape));
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(shape) + " (" + n
                        + " elements) into " + Shapes.str(newShape));
            }
            s[infer] = (int) (n / known);
            known *= s[infer];
        }
        if (known != n) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(shape) + " (" + n
                    + " elements) into " + Shapes.str(newShape) + " (" + known + " elements)");
        }
        Tensor base = contiguous();
        return new Tensor(dtype, base.storage, s, Shapes.contiguousStrides(s), base.offset);
    }

    /** A view with the axes reordered: axis {@code i} of the result is axis {@code order[i]} of this. */
    public Tensor permute(int... order) {
        if (order.length != shape.length) {
            throw new IllegalArgumentException("permute: order " + Shapes.str(order) + " has " + order.length
                    + " axes, tensor of shape " + Shapes.str(shape) + " has " + shape.length);
        }
        int[] s = new int[order.length], st = new int[order.length];
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            int a = Shapes.axis("permute", order[i], shape.length);
            if (seen[a]) throw new IllegalArgumentException("permute: axis " + order[i] + " repeated in " + Shapes.str(order));
            seen[a] = true;
            s[i] = shape[a];
            st[i] = strides[a];
        }
        return new Tensor(dtype, storage, s, st, offset);
    }

    /** A view with axes {@code a} and {@code b} swapped. */
    public Tensor transpose(int a, int b) {
        int r = shape.length;
        int[] order = new int[r];
        for (int i = 0; i < r; i++) order[i] = i;
        a = Shapes.axis("transpose", a, r);
        b = Shapes.axis("transpose", b, r);
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    /** The matrix transpose: the last two axes swapped. */
    public Tensor mT() {
        if (shape.length < 2) throw new IllegalArgumentException("mT: need rank >= 2, got shape " + Shapes.str(shape));
        return transpose(-2, -1);
    }

    /** A view with axis {@code from} moved to position {@code to}. */
    public Tensor movedim(int from, int to) {
        int r = shape.length;
        from = Shapes.axis("movedim", from, r);
        to = Shapes.axis("movedim", to, r);
        int[] order = new int[r];
        int k = 0;
        for (int i = 0; i < r; i++) if (i != from) order[k++] = i;
        System.arraycopy(order, to, order, to + 1, r - 1 - to);
        order[to] = from;
        return permute(order);
    }

    /**
     * A view of {@code start, start+step, ...} below {@code stop} along {@code axis}, with Python's
     * rules: negative start/stop count from the end and are clamped; {@code step} must be positive.
     */
    public Tensor slice(int axis, int start, int stop, int step) {
        int a = Shapes.axis("slice", axis, shape.length);
        if (step <= 0) throw new IllegalArgumentException("slice: step must be positive, got " + step);
        int n = shape[a];
        int s0 = clampIndex(start, n), s1 = clampIndex(stop, n);
        int len = s1 > s0 ? (s1 - s0 + step - 1) / step : 0;
        int[] s = shape.clone(), st = strides.clone();
        s[a] = len;
        st[a] = strides[a] * step;
        return new Tensor(dtype, storage, s, st, offset + (len > 0 ? s0 * strides[a] : 0));
    }

    /** {@link #slice(int, int, int, int)} with step 1. */
    public Tensor slice(int axis, int start, int stop) {
        return slice(axis, start, stop, 1);
    }

    private static int clampIndex(int i, int n) {
        if (i < 0) i += n;
        return Math.max(0, Math.min(n, i));
    }

    /** A view of index {@code index} along {@code axis}, that axis removed. */
    public Tensor select(int axis, int index) {
        int a = Shapes.axis("select", axis, shape.length);
        int ix = index < 0 ? index + shape[a] : index;
        if (ix < 0 || ix >= shape[a]) {
            throw new IndexOutOfBoundsException("select: index " + index + " out of range for axis " + axis
                    + " of shape " + Shapes.str(shape));
        }
        int[] s = new int[shape.length - 1], st = new int[shape.length - 1];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (i == a) continue;
            s[k] = shape[i];
            st[k++] = strides[i];
        }
        return new Tensor(dtype, storage, s, st, offset + ix * strides[a]);
    }

    /** A view broadcast to {@code target} by numpy's rules (stride 0 along repeated axes). */
    public Tensor broadcastTo(int... target) {
        int r = target.length;
        if (r < shape.length) {
            throw new IllegalArgumentException("broadcastTo: cannot broadcast " + Shapes.str(shape) + " to "
                    + Shapes.str(target) + " (fewer dimensions)");
        }
        int[] st = new int[r];
        for (int i = 0; i < r; i++) {
            int j = i - (r - shape.length);
            if (j < 0) {
                st[i] = 0;
            } else if (shape[j] == target[i]) {
                st[i] = strides[j];
            } else if (shape[j] == 1) {
                st[i] = 0;
            } else {
                throw new IllegalArgumentException("broadcastTo: cannot broadcast " + Shapes.str(shape) + " to "
                        + Shapes.str(target) + " (dimension " + j + " is " + shape[j] + ", must be 1 or " + target[i] + ")");
            }
        }
        return new Tensor(dtype, storage, target.clone(), st, offset);
    }

    /** A view without the length-1 axis {@code axis}. */
    public Tensor squeeze(int axis) {
        int a = Shapes.axis("squeeze", axis, shape.length);
        if (shape[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " of shape " + Shapes.str(shape)
                    + " has length " + shape[a] + ", not 1");
        }
        return select(a, 0);
    }

    /** A view without any length-1 axes. */
    public Tensor squeeze() {
        int k = 0;
        for (int d : shape) if (d != 1) k++;
        int[] s = new int[k], st = new int[k];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (shape[i] == 1) continue;
            s[j] = shape[i];
            st[j++] = strides[i];
        }
        return new Tensor(dtype, storage, s, st, offset);
    }

    /** A view with a new length-1 axis at position {@code axis} (in {@code [-(rank+1), rank]}). */
    public Tensor unsqueeze(int axis) {
        int r = shape.length + 1;
        int a = Shapes.axis("unsqueeze", axis, r);
        int[] s = new int[r], st = new int[r];
        for (int i = 0, j = 0; i < r; i++) {
            if (i == a) {
                s[i] = 1;
                st[i] = j < shape.length ? strides[j] * shape[j] : 1;
            } else {
                s[i] = shape[j];
                st[i] = strides[j++];
            }
        }
        return new Tensor(dtype, storage, s, st, offset);
    }

    /** Same storage, new shape, strides and offset: the escape hatch for kernels that build views. */
    public Tensor asStrided(int[] newShape, int[] newStrides, int newOffset) {
        if (newShape.length != newStrides.length) {
            throw new IllegalArgumentException("asStrided: shape " + Shapes.str(newShape) + " and strides "
                    + Shapes.str(newStrides) + " differ in rank");
        }
        int len = java.lang.reflect.Array.getLength(storage);
        long lo = newOffset, hi = newOffset;
        for (int i = 0; i < newShape.length; i++) {
            if (newShape[i] == 0) { lo = 0; hi = -1; break; }
            long ext = (long) (newShape[i] - 1) * newStrides[i];
            if (ext < 0) lo += ext; else hi += ext;
        }
        if (hi >= lo && (lo < 0 || hi >= len)) {
            throw new IllegalArgumentException("asStrided: view " + Shapes.str(newShape) + " strides "
                    + Shapes.str(newStrides) + " offset " + newOffset + " reaches outside storage of " + len + " elements");
        }
        return new Tensor(dtype, storage, newShape.clone(), newStrides.clone(), newOffset);
    }

    // ------------------------------------------------------------------ elementwise

    public Tensor add(Tensor o) { return backend().binary(BinaryOp.ADD, this, o); }
    public Tensor sub(Tensor o) { return backend().binary(BinaryOp.SUB, this, o); }
    public Tensor mul(Tensor o) { return backend().binary(BinaryOp.MUL, this, o); }
    public Tensor div(Tensor o) { return backend().binary(BinaryOp.DIV, this, o); }
    public Tensor pow(Tensor o) { return backend().binary(BinaryOp.POW, this, o); }
    public Tensor maximum(Tensor o) { return backend().binary(BinaryOp.MAXIMUM, this, o); }
    public Tensor minimum(Tensor o) { return backend().binary(BinaryOp.MINIMUM, this, o); }
    public Tensor atan2(Tensor o) { return backend().binary(BinaryOp.ATAN2, this, o); }
    public Tensor mod(Tensor o) { return backend().binary(BinaryOp.MOD, this, o); }

    public Tensor add(double s) { return add(scalarLike(s)); }
    public Tensor sub(double s) { return sub(scalarLike(s)); }
    public Tensor mul(double s) { return mul(scalarLike(s)); }
    public Tensor div(double s) { return div(scalarLike(s)); }
    public Tensor pow(double s) { return pow(scalarLike(s)); }
    public Tensor maximum(double s) { return maximum(scalarLike(s)); }
    public Tensor minimum(double s) { return minimum(scalarLike(s)); }

    /** A 0-d tensor of this tensor's floating type (F64 for integer tensors) holding {@code s}. */
    private Tensor scalarLike(double s) {
        DType t = dtype.isFloating() ? dtype : (s == Math.rint(s) && Math.abs(s) < 9e15 ? dtype : DType.F64);
        if (t == DType.BOOL) t = DType.I64;
        return full0d(s, t);
    }

    /** {@code out = this + o}, written into the caller's tensor (no allocation): the hot-loop form. */
    public Tensor add(Tensor o, Tensor out) { backend().binaryInto(BinaryOp.ADD, this, o, out); return out; }
    public Tensor sub(Tensor o, Tensor out) { backend().binaryInto(BinaryOp.SUB, this, o, out); return out; }
    public Tensor mul(Tensor o, Tensor out) { backend().binaryInto(BinaryOp.MUL, this, o, out); return out; }
    public Tensor div(Tensor o, Tensor out) { backend().binaryInto(BinaryOp.DIV, this, o, out); return out; }

    public Tensor apply(UnaryOp op) { return backend().unary(op, this); }
    /** {@code out = op(this)} into the caller's tensor. */
    public Tensor apply(UnaryOp op, Tensor out) { backend().unaryInto(op, this, out); return out; }

    public Tensor neg() { return apply(UnaryOp.NEG); }
    public Tensor abs() { return apply(UnaryOp.ABS); }
    public Tensor sign() { return apply(UnaryOp.SIGN); }
    public Tensor square() { return apply(UnaryOp.SQUARE); }
    public Tensor sqrt() { return apply(UnaryOp.SQRT); }
    public Tensor reciprocal() { return apply(UnaryOp.RECIPROCAL); }
    public Tensor exp() { return apply(UnaryOp.EXP); }
    public Tensor expm1() { return apply(UnaryOp.EXPM1); }
    public Tensor log() { return apply(UnaryOp.LOG); }
    public Tensor log1p() { return apply(UnaryOp.LOG1P); }
    public Tensor sin() { return apply(UnaryOp.SIN); }
    public Tensor cos() { return apply(UnaryOp.COS); }
    public Tensor tanh() { return apply(UnaryOp.TANH); }
    public Tensor erf() { return apply(UnaryOp.ERF); }
    public Tensor softplus() { return apply(UnaryOp.SOFTPLUS); }
    public Tensor sigmoid() { return apply(UnaryOp.SIGMOID); }
    public Tensor relu() { return apply(UnaryOp.RELU); }
    public Tensor floor() { return apply(UnaryOp.FLOOR); }
    public Tensor ceil() { return apply(UnaryOp.CEIL); }
    public Tensor round() { return apply(UnaryOp.ROUND); }

    /** {@code min(max(this, lo), hi)}. */
    public Tensor clamp(double lo, double hi) {
        return maximum(lo).minimum(hi);
    }

    public Tensor eq(Tensor o) { return backend().compare(CompareOp.EQ, this, o); }
    public Tensor ne(Tensor o) { return backend().compare(CompareOp.NE, this, o); }
    public Tensor lt(Tensor o) { return backend().compare(CompareOp.LT, this, o); }
    public Tensor le(Tensor o) { return backend().compare(CompareOp.LE, this, o); }
    public Tensor gt(Tensor o) { return backend().compare(CompareOp.GT, this, o); }
    public Tensor ge(Tensor o) { return backend().compare(CompareOp.GE, this, o); }
    public Tensor eq(double s) { return eq(scalarLike(s)); }
    public Tensor lt(double s) { return lt(scalarLike(s)); }
    public Tensor le(double s) { return le(scalarLike(s)); }
    public Tensor gt(double s) { return gt(scalarLike(s)); }
    public Tensor ge(double s) { return ge(scalarLike(s)); }

    /** Elementwise {@code cond ? a : b} with broadcasting of all three; {@code cond} must be BOOL. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return cond.backend().where(cond, a, b);
    }

    /** True when every element is finite (no NaN, no infinity). */
    public boolean allFinite() {
        if (!dtype.isFloating()) return true;
        return backend().reduce(ReduceOp.SUM, this.sub(this), null, false).item() == 0.0;
    }

    /**
     * Throws {@link ArithmeticException} naming {@code name}, the shape and the first non-finite
     * element's index and value, if any element is NaN or infinite; returns this otherwise.
     */
    public Tensor checkFinite(String name) {
        if (allFinite()) return this;
        int n = numel();
        for (int i = 0; i < n; i++) {
            double v = readStorage(flatToStorage(i));
            if (!Double.isFinite(v)) {
                throw new ArithmeticException(name + ": non-finite value " + v + " at index "
                        + Arrays.toString(unravel(i, shape)) + " of a tensor of shape " + Shapes.str(shape));
            }
        }
        return this;
    }

    /** The multi-index of row-major position {@code flat} in {@code shape}. */
    public static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    // ------------------------------------------------------------------ reductions

    /** Sum over {@code axes} (all axes when none given). */
    public Tensor sum(int... axes) { return backend().reduce(ReduceOp.SUM, this, axes, false); }
    public Tensor sum(int[] axes, boolean keepDims) { return backend().reduce(ReduceOp.SUM, this, axes, keepDims); }
    public Tensor prod(int... axes) { return backend().reduce(ReduceOp.PROD, this, axes, false); }
    public Tensor max(int... axes) { return backend().reduce(ReduceOp.MAX, this, axes, false); }
    public Tensor max(int[] axes, boolean keepDims) { return backend().reduce(ReduceOp.MAX, this, axes, keepDims); }
    public Tensor min(int... axes) { return backend().reduce(ReduceOp.MIN, this, axes, false); }
    public Tensor min(int[] axes, boolean keepDims) { return backend().reduce(ReduceOp.MIN, this, axes, keepDims); }

    /** Mean over {@code axes} (all when none given); integer tensors give F64. */
    public Tensor mean(int... axes) { return mean(axes, false); }

    public Tensor mean(int[] axes, boolean keepDims) {
        Tensor x = dtype.isFloating() ? this : toType(DType.F64);
        int count = reducedCount("mean", axes);
        return x.sum(axes, keepDims).div(count);
    }

    /** Variance over {@code axes} with {@code ddof} delta degrees of freedom (numpy's {@code var}). */
    public Tensor var(int[] axes, int ddof, boolean keepDims) {
        Tensor x = dtype.isFloating() ? this : toType(DType.F64);
        int count = reducedCount("var", axes);
        Tensor dev = x.sub(x.mean(axes, true));
        return dev.mul(dev).sum(axes, keepDims).div(count - ddof);
    }

    public Tensor var(int... axes) { return var(axes, 0, false); }

    public Tensor std(int[] axes, int ddof, boolean keepDims) { return var(axes, ddof, keepDims).sqrt(); }

    /** {@code log(sum(exp(x)))} over {@code axes}, computed stably (the maximum is factored out). */
    public Tensor logsumexp(int[] axes, boolean keepDims) {
        Tensor x = dtype.isFloating() ? this : toType(DType.F64);
        Tensor m = x.max(axes, true);
        Tensor safe = where(m.apply(UnaryOp.ABS).lt(Double.POSITIVE_INFINITY), m, Tensor.zeros(m.dtype(), m.shape));
        Tensor s = x.sub(safe).exp().sum(axes, true).log().add(safe);
        return keepDims ? s : s.reshape(reducedShape(Shapes.axes("logsumexp", axes, shape.length)));
    }

    private int reducedCount(String op, int[] axes) {
        int c = 1;
        for (int a : Shapes.axes(op, axes, shape.length)) c *= shape[a];
        return c;
    }

    private int[] reducedShape(int[] sortedAxes) {
        int[] s = new int[shape.length - sortedAxes.length];
        for (int i = 0, k = 0, j = 0; i < shape.length; i++) {
            if (j < sortedAxes.length && sortedAxes[j] == i) { j++; continue; }
            s[k++] = shape[i];
        }
        return s;
    }

    /** Index of the maximum along {@code axis} (the first on ties; the first NaN if any), as I64. */
    public Tensor argmax(int axis) { return backend().argReduce(true, this, axis, false); }
    public Tensor argmin(int axis) { return backend().argReduce(false, this, axis, false); }
    public Tensor argmax(int axis, boolean keepDims) { return backend().argReduce(true, this, axis, keepDims); }
    public Tensor argmin(int axis, boolean keepDims) { return backend().argReduce(false, this, axis, keepDims); }

    /** Cumulative sum along {@code axis}. */
    public Tensor cumsum(int axis) { return backend().cumsum(this, axis); }

    // ------------------------------------------------------------------ products

    /**
     * numpy's {@code matmul}: 1-D operands are promoted to a row (left) or column (right) and the
     * added axis removed afterwards; leading (batch) dimensions broadcast.
     */
    public Tensor matmul(Tensor o) { return backend().matmul(this, o); }

    // ------------------------------------------------------------------ indexing

    /**
     * numpy's {@code take_along_axis}: {@code out[..., j, ...] = this[..., index[..., j, ...], ...]}
     * along {@code axis}; {@code index} is integer typed and has this tensor's rank (other axes
     * broadcast).
     */
    public Tensor gather(int axis, Tensor index) { return backend().gather(this, axis, index); }

    /** The entries {@code index[0], index[1], ...} along {@code axis} (numpy's {@code take}). */
    public Tensor indexSelect(int axis, Tensor index) {
        int a = Shapes.axis("indexSelect", axis, shape.length);
        if (index.rank() != 1 || index.dtype().isFloating()) {
            throw new IllegalArgumentException("indexSelect: index must be a 1-D integer tensor, got "
                    + index.dtype() + " " + Shapes.str(index.shape));
        }
        int[] outShape = shape.clone();
        outShape[a] = index.numel();
        int[] ishape = new int[shape.length];
        Arrays.fill(ishape, 1);
        ishape[a] = index.numel();
        return gather(a, index.reshape(ishape).broadcastTo(outShape));
    }

    /** Pads each axis with {@code padding[2i]} before and {@code padding[2i+1]} after, with {@code value}. */
    public Tensor pad(int[] padding, double value) {
        if (padding.length != 2 * shape.length) {
            throw new IllegalArgumentException("pad: need 2 entries per axis (" + 2 * shape.length + " for shape "
                    + Shapes.str(shape) + "), got " + padding.length);
        }
        int[] s = shape.clone();
        for (int i = 0; i < shape.length; i++) {
            if (padding[2 * i] < 0 || padding[2 * i + 1] < 0) {
                throw new IllegalArgumentException("pad: negative padding " + Shapes.str(padding) + "; use slice to crop");
            }
            s[i] += padding[2 * i] + padding[2 * i + 1];
        }
        Tensor out = full(value, dtype, s);
        Tensor inner = out;
        for (int i = 0; i < shape.length; i++) inner = inner.slice(i, padding[2 * i], padding[2 * i] + shape[i]);
        inner.assign(this);
        return out;
    }

    /** Pads {@code axis} periodically: {@code before} elements from the end, {@code after} from the start. */
    public Tensor padCircular(int axis, int before, int after) {
        int a = Shapes.axis("padCircular", axis, shape.length);
        int n = shape[a];
        if (before < 0 || after < 0 || before > n || after > n) {
            throw new IllegalArgumentException("padCircular: padding (" + before + ", " + after
                    + ") must lie in [0, " + n + "] for axis " + axis + " of shape " + Shapes.str(shape));
        }
        return concat(a, slice(a, n - before, n), this, slice(a, 0, after));
    }

    /** Joins tensors along an existing axis; all other dimensions must match. */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat: need at least one tensor");
        int r = parts[0].rank();
        int a = Shapes.axis("concat", axis, r);
        int[] s = parts[0].shape();
        DType t = parts[0].dtype;
        int total = 0;
        for (Tensor p : parts) {
            if (p.rank() != r) {
                throw new IllegalArgumentException("concat: ranks differ: " + Shapes.str(parts[0].shape) + " and "
                        + Shapes.str(p.shape));
            }
            for (int i = 0; i < r; i++) {
                if (i != a && p.shape[i] != s[i]) {
                    throw new IllegalArgumentException("concat: shapes " + Shapes.str(parts[0].shape) + " and "
                            + Shapes.str(p.shape) + " differ outside axis " + a);
                }
            }
            total += p.shape[a];
            t = t.promote(p.dtype);
        }
        s[a] = total;
        Tensor out = zeros(t, s);
        int at = 0;
        for (Tensor p : parts) {
            out.slice(a, at, at + p.shape[a]).assign(p);
            at += p.shape[a];
        }
        return out;
    }

    /** Stacks equally shaped tensors along a new axis. */
    public static Tensor stack(int axis, Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("stack: need at least one tensor");
        Tensor[] u = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Shapes.same(parts[i].shape, parts[0].shape)) {
                throw new IllegalArgumentException("stack: shapes differ: " + Shapes.str(parts[0].shape) + " and "
                        + Shapes.str(parts[i].shape));
            }
            u[i] = parts[i].unsqueeze(axis);
        }
        return concat(axis, u);
    }

    /** Einstein summation over one or two operands; see {@link Einsum}. */
    public static Tensor einsum(String spec, Tensor... operands) {
        return Einsum.evaluate(spec, operands);
    }

    // ------------------------------------------------------------------ comparison and printing

    /** True when shapes are equal and every pair of elements differs by at most {@code atol + rtol*|other|}. */
    public boolean allClose(Tensor other, double rtol, double atol) {
        if (!Shapes.same(shape, other.shape)) return false;
        double[] a = toDoubleArray(), b = other.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) return false;
            if (a[i] == b[i]) continue;
            if (!(Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i]))) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(").append(dtype).append(' ').append(Shapes.str(shape));
        int n = numel();
        if (n <= 64) {
            sb.append(' ');
            if (dtype.isFloating()) sb.append(Arrays.toString(toDoubleArray()));
            else sb.append(Arrays.toString(toLongArray()));
        }
        return sb.append(')').toString();
    }
}
