package dev.noether.core.cpu;

import dev.noether.core.BinaryOp;
import dev.noether.core.CompareOp;
import dev.noether.core.DType;
import dev.noether.core.ReduceOp;
import dev.noether.core.Shapes;
import dev.noether.core.Tensor;
import dev.noether.core.UnaryOp;
import dev.noether.core.backend.Backend;
import dev.noether.core.Complex;
import dev.noether.core.fft.Fft;
import dev.noether.core.fft.FftNorm;

import java.util.Arrays;

/**
 * The reference backend: tensors in Java arrays, kernels on the {@link Parallel} pool, SIMD
 * through {@link Kernels} where a kernel has a vector form. Every other backend is tested
 * against this one.
 */
public final class CpuBackend implements Backend {
    public static final CpuBackend INSTANCE = new CpuBackend();

    private static final int[] NONE = new int[0];

    private CpuBackend() {}

    @Override
    public String name() {
        return "cpu";
    }

    // ------------------------------------------------------------------ copy

    @Override
    public void copy(Tensor src, Tensor dst) {
        Tensor s = src.broadcastTo(checkBroadcastInto("copy", src.shape(), dst.shape()));
        DType from = s.dtype(), to = dst.dtype();
        Object so = s.storage(), d = dst.storage();
        StridedLoops.Row3 k;
        if (from == to) {
            switch (to) {
                case F64: {
                    double[] x = (double[]) so, y = (double[]) d;
                    k = (n, o, os, a, as, b, bs) -> {
                        if (os == 1 && as == 1) System.arraycopy(x, a, y, o, n);
                        else for (int i = 0; i < n; i++) y[o + i * os] = x[a + i * as];
                    };
                    break;
                }
                case F32: {
                    float[] x = (float[]) so, y = (float[]) d;
                    k = (n, o, os, a, as, b, bs) -> {
                        if (os == 1 && as == 1) System.arraycopy(x, a, y, o, n);
                        else for (int i = 0; i < n; i++) y[o + i * os] = x[a + i * as];
                    };
                    break;
                }
                case I64: {
                    long[] x = (long[]) so, y = (long[]) d;
                    k = (n, o, os, a, as, b, bs) -> { for (int i = 0; i < n; i++) y[o + i * os] = x[a + i * as]; };
                    break;
                }
                case I32: {
                    int[] x = (int[]) so, y = (int[]) d;
                    k = (n, o, os, a, as, b, bs) -> { for (int i = 0; i < n; i++) y[o + i * os] = x[a + i * as]; };
                    break;
                }
                default: {
                    boolean[] x = (boolean[]) so, y = (boolean[]) d;
                    k = (n, o, os, a, as, b, bs) -> { for (int i = 0; i < n; i++) y[o + i * os] = x[a + i * as]; };
                }
            }
        } else if (from == DType.F64 && to == DType.F32) {
            double[] x = (double[]) so;
            float[] y = (float[]) d;
            k = (n, o, os, a, as, b, bs) -> { for (int i = 0; i < n; i++) y[o + i * os] = (float) x[a + i * as]; };
        } else if (from == DType.F32 && to == DType.F64) {
            float[] x = (float[]) so;
            double[] y = (double[]) d;
            k = (n, o, os, a, as, b, bs) -> { for (int i = 0; i < n; i++) y[o + i * os] = x[a + i * as]; };
        } else if (!from.isFloating() && !to.isFloating()) {
            LongReader r = longReader(so);
            LongWriter w = longWriter(d);
            k = (n, o, os, a, as, b, bs) -> { for (int i = 0; i < n; i++) w.set(o + i * os, r.get(a + i * as)); };
        } else {
            DoubleReader r = doubleReader(so);
            DoubleWriter w = doubleWriter(d);
            k = (n, o, os, a, as, b, bs) -> { for (int i = 0; i < n; i++) w.set(o + i * os, r.get(a + i * as)); };
        }
        StridedLoops.run(dst.shape(), dst.strides(), dst.offset(), s.strides(), s.offset(), zeros(dst.rank()), 0, k);
    }

    private static int[] checkBroadcastInto(String op, int[] src, int[] dst) {
        int[] b = Shapes.broadcast(op, src, dst);
        if (!Arrays.equals(b, dst)) {
            throw new IllegalArgumentException(op + ": a tensor of shape " + Shapes.str(src)
                    + " cannot be written into one of shape " + Shapes.str(dst));
        }
        return dst;
    }

    interface DoubleReader { double get(int i); }
    interface DoubleWriter { void set(int i, double v); }
    interface LongReader { long get(int i); }
    interface LongWriter { void set(int i, long v); }

    static DoubleReader doubleReader(Object s) {
        if (s instanceof double[]) { double[] x = (double[]) s; return i -> x[i]; }
        if (s instanceof float[]) { float[] x = (float[]) s; return i -> x[i]; }
        if (s instanceof long[]) { long[] x = (long[]) s; return i -> x[i]; }
        if (s instanceof int[]) { int[] x = (int[]) s; return i -> x[i]; }
        boolean[] x = (boolean[]) s;
        return i -> x[i] ? 1.0 : 0.0;
    }

    static DoubleWriter doubleWriter(Object s) {
        if (s instanceof double[]) { double[] x = (double[]) s; return (i, v) -> x[i] = v; }
        if (s instanceof float[]) { float[] x = (float[]) s; return (i, v) -> x[i] = (float) v; }
        if (s instanceof long[]) { long[] x = (long[]) s; return (i, v) -> x[i] = (long) v; }
        if (s instanceof int[]) { int[] x = (int[]) s; return (i, v) -> x[i] = (int) v; }
        boolean[] x = (boolean[]) s;
        return (i, v) -> x[i] = v != 0.0;
    }

    static LongReader longReader(Object s) {
        if (s instanceof long[]) { long[] x = (long[]) s; return i -> x[i]; }
        if (s instanceof int[]) { int[] x = (int[]) s; return i -> x[i]; }
        boolean[] x = (boolean[]) s;
        return i -> x[i] ? 1L : 0L;
    }

    static LongWriter longWriter(Object s) {
        if (s instanceof long[]) { long[] x = (long[]) s; return (i, v) -> x[i] = v; }
        if (s instanceof int[]) { int[] x = (int[]) s; return (i, v) -> x[i] = (int) v; }
        boolean[] x = (boolean[]) s;
        return (i, v) -> x[i] = v != 0L;
    }

    private static int[] zeros(int r) {
        return r == 0 ? NONE : new int[r];
    }

    // ------------------------------------------------------------------ elementwise

    private static DType floatingType(DType t) {
        return t.isFloating() ? t : DType.F64;
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x) {
        Tensor out = Tensor.zeros(floatingType(x.dtype()), x.shape());
        unaryInto(op, x, out);
        return out;
    }

    @Override
    public void unaryInto(UnaryOp op, Tensor x, Tensor out) {
        if (!Arrays.equals(x.shape(), out.shape())) {
            throw new IllegalArgumentException(op.opName() + ": output shape " + Shapes.str(out.shape())
                    + " differs from input shape " + Shapes.str(x.shape()));
        }
        if (!out.dtype().isFloating()) {
            throw new IllegalArgumentException(op.opName() + ": output must be F64 or F32, got " + out.dtype());
        }
        Tensor in = x.dtype() == out.dtype() ? x : x.toType(out.dtype());
        int[] z = zeros(x.rank());
        if (out.dtype() == DType.F64) {
            double[] a = in.f64Storage(), y = out.f64Storage();
            VectorKernels vk = Kernels.get();
            StridedLoops.run(out.shape(), out.strides(), out.offset(), in.strides(), in.offset(), z, 0,
                    (n, o, os, ia, as, ib, bs) -> {
                        if (op == UnaryOp.EXP && os == 1 && as == 1) {
                            vk.exp(a, ia, y, o, n);
                            return;
                        }
                        for (int i = 0; i < n; i++) y[o + i * os] = op.apply(a[ia + i * as]);
                    });
        } else {
            float[] a = in.f32Storage(), y = out.f32Storage();
            VectorKernels vk = Kernels.get();
            StridedLoops.run(out.shape(), out.strides(), out.offset(), in.strides(), in.offset(), z, 0,
                    (n, o, os, ia, as, ib, bs) -> {
                        if (op == UnaryOp.EXP && os == 1 && as == 1) {
                            vk.exp(a, ia, y, o, n);
                            return;
                        }
                        for (int i = 0; i < n; i++) y[o + i * os] = (float) op.apply(a[ia + i * as]);
                    });
        }
    }

    private static DType binaryType(BinaryOp op, DType a, DType b) {
        DType t = a.promote(b);
        if (t.isFloating()) return t;
        if (op.closedOverIntegers()) return t == DType.BOOL ? DType.I64 : t;
        return DType.F64;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(op.opName(), a.shape(), b.shape());
        Tensor out = Tensor.zeros(binaryType(op, a.dtype(), b.dtype()), shape);
        binaryInto(op, a, b, out);
        return out;
    }

    @Override
    public void binaryInto(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        int[] shape = Shapes.broadcast(op.opName(), a.shape(), b.shape());
        if (!Arrays.equals(shape, out.shape())) {
            throw new IllegalArgumentException(op.opName() + ": output shape " + Shapes.str(out.shape())
                    + " differs from the broadcast shape " + Shapes.str(shape) + " of " + Shapes.str(a.shape())
                    + " and " + Shapes.str(b.shape()));
        }
        DType t = out.dtype();
        if (!t.isFloating() && !op.closedOverIntegers()) {
            throw new IllegalArgumentException(op.opName() + ": integer output " + t + " is not allowed; use F64");
        }
        if (t == DType.BOOL) throw new IllegalArgumentException(op.opName() + ": BOOL output is not allowed");
        DType work = t == DType.I32 ? DType.I64 : t;
        Tensor x = a.toType(work).broadcastTo(shape), y = b.toType(work).broadcastTo(shape);
        Tensor target = t == work ? out : Tensor.zeros(work, shape);
        if (work == DType.F64) {
            double[] A = x.f64Storage(), B = y.f64Storage(), O = target.f64Storage();
            VectorKernels vk = Kernels.get();
            StridedLoops.run(shape, target.strides(), target.offset(), x.strides(), x.offset(), y.strides(), y.offset(),
                    (n, o, os, ia, as, ib, bs) -> binaryRow(op, vk, O, A, B, n, o, os, ia, as, ib, bs));
        } else if (work == DType.F32) {
            float[] A = x.f32Storage(), B = y.f32Storage(), O = target.f32Storage();
            VectorKernels vk = Kernels.get();
            StridedLoops.run(shape, target.strides(), target.offset(), x.strides(), x.offset(), y.strides(), y.offset(),
                    (n, o, os, ia, as, ib, bs) -> binaryRow(op, vk, O, A, B, n, o, os, ia, as, ib, bs));
        } else {
            long[] A = x.i64Storage(), B = y.i64Storage(), O = target.i64Storage();
            StridedLoops.run(shape, target.strides(), target.offset(), x.strides(), x.offset(), y.strides(), y.offset(),
                    (n, o, os, ia, as, ib, bs) -> {
                        for (int i = 0; i < n; i++) O[o + i * os] = op.apply(A[ia + i * as], B[ib + i * bs]);
                    });
        }
        if (target != out) copy(target, out);
    }

    private static void binaryRow(BinaryOp op, VectorKernels vk, double[] O, double[] A, double[] B,
                                  int n, int o, int os, int ia, int as, int ib, int bs) {
        if (os == 1 && as == 1 && bs == 1) {
            switch (op) {
                case ADD: vk.add(A, ia, B, ib, O, o, n); return;
                case SUB: vk.sub(A, ia, B, ib, O, o, n); return;
                case MUL: vk.mul(A, ia, B, ib, O, o, n); return;
                case DIV: vk.div(A, ia, B, ib, O, o, n); return;
                default: break;
            }
        }
        switch (op) {
            case ADD: for (int i = 0; i < n; i++) O[o + i * os] = A[ia + i * as] + B[ib + i * bs]; return;
            case SUB: for (int i = 0; i < n; i++) O[o + i * os] = A[ia + i * as] - B[ib + i * bs]; return;
            case MUL: for (int i = 0; i < n; i++) O[o + i * os] = A[ia + i * as] * B[ib + i * bs]; return;
            case DIV: for (int i = 0; i < n; i++) O[o + i * os] = A[ia + i * as] / B[ib + i * bs]; return;
            default: for (int i = 0; i < n; i++) O[o + i * os] = op.apply(A[ia + i * as], B[ib + i * bs]);
        }
    }

    private static void binaryRow(BinaryOp op, VectorKernels vk, float[] O, float[] A, float[] B,
                                  int n, int o, int os, int ia, int as, int ib, int bs) {
        if (os == 1 && as == 1 && bs == 1) {
            switch (op) {
                case ADD: vk.add(A, ia, B, ib, O, o, n); return;
                case SUB: vk.sub(A, ia, B, ib, O, o, n); return;
                case MUL: vk.mul(A, ia, B, ib, O, o, n); return;
                case DIV: vk.div(A, ia, B, ib, O, o, n); return;
                default: break;
            }
        }
        switch (op) {
            case ADD: for (int i = 0; i < n; i++) O[o + i * os] = A[ia + i * as] + B[ib + i * bs]; return;
            case SUB: for (int i = 0; i < n; i++) O[o + i * os] = A[ia + i * as] - B[ib + i * bs]; return;
            case MUL: for (int i = 0; i < n; i++) O[o + i * os] = A[ia + i * as] * B[ib + i * bs]; return;
            case DIV: for (int i = 0; i < n; i++) O[o + i * os] = A[ia + i * as] / B[ib + i * bs]; return;
            default: for (int i = 0; i < n; i++) O[o + i * os] = (float) op.apply(A[ia + i * as], B[ib + i * bs]);
        }
    }

    @Override
    public Tensor compare(CompareOp op, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(op.opName(), a.shape(), b.shape());
        Tensor out = Tensor.zeros(DType.BOOL, shape);
        boolean[] O = out.boolStorage();
        DType t = a.dtype().promote(b.dtype());
        if (t.isFloating()) {
            Tensor x = a.broadcastTo(shape), y = b.broadcastTo(shape);
            DoubleReader A = doubleReader(x.storage()), B = doubleReader(y.storage());
            StridedLoops.run(shape, out.strides(), 0, x.strides(), x.offset(), y.strides(), y.offset(),
                    (n, o, os, ia, as, ib, bs) -> {
                        for (int i = 0; i < n; i++) O[o + i * os] = op.apply(A.get(ia + i * as), B.get(ib + i * bs));
                    });
        } else {
            Tensor x = a.broadcastTo(shape), y = b.broadcastTo(shape);
            LongReader A = longReader(x.storage()), B = longReader(y.storage());
            StridedLoops.run(shape, out.strides(), 0, x.strides(), x.offset(), y.strides(), y.offset(),
                    (n, o, os, ia, as, ib, bs) -> {
                        for (int i = 0; i < n; i++) O[o + i * os] = op.apply(A.get(ia + i * as), B.get(ib + i * bs));
                    });
        }
        return out;
    }

    @Override
    public Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where: condition must be BOOL, got " + cond.dtype()
                    + "; build it with a comparison such as x.gt(0)");
        }
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", cond.shape(), a.shape()), b.shape());
        DType t = a.dtype().promote(b.dtype());
        Tensor out = Tensor.zeros(t, shape);
        // out = b; then out[cond] = a
        copy(b, out);
        Tensor c = cond.broadcastTo(shape), x = a.toType(t).broadcastTo(shape);
        boolean[] C = c.boolStorage();
        Object xs = x.storage(), os0 = out.storage();
        StridedLoops.run(shape, out.strides(), 0, c.strides(), c.offset(), x.strides(), x.offset(),
                (n, o, os, ic, cs, ix, xst) -> {
                    for (int i = 0; i < n; i++) {
                        if (C[ic + i * cs]) copyElement(xs, ix + i * xst, os0, o + i * os);
                    }
                });
        return out;
    }

    private static void copyElement(Object src, int i, Object dst, int j) {
        if (src instanceof double[]) ((double[]) dst)[j] = ((double[]) src)[i];
        else if (src instanceof float[]) ((float[]) dst)[j] = ((float[]) src)[i];
        else if (src instanceof long[]) ((long[]) dst)[j] = ((long[]) src)[i];
        else if (src instanceof int[]) ((int[]) dst)[j] = ((int[]) src)[i];
        else ((boolean[]) dst)[j] = ((boolean[]) src)[i];
    }

    // ------------------------------------------------------------------ reductions

    /** Moves {@code axes} (sorted) to the end and returns a contiguous tensor: rows of the reduced elements. */
    private static Tensor reducedLast(Tensor x, int[] axes) {
        int r = x.rank();
        int[] order = new int[r];
        boolean[] red = new boolean[r];
        for (int a : axes) red[a] = true;
        int k = 0;
        for (int i = 0; i < r; i++) if (!red[i]) order[k++] = i;
        for (int a : axes) order[k++] = a;
        return x.permute(order).contiguous();
    }

    private static int[] keptShape(int[] shape, int[] axes, boolean keepDims) {
        boolean[] red = new boolean[shape.length];
        for (int a : axes) red[a] = true;
        int[] out = new int[keepDims ? shape.length : shape.length - axes.length];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (red[i]) {
                if (keepDims) out[k++] = 1;
            } else {
                out[k++] = shape[i];
            }
        }
        return out;
    }

    @Override
    public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        int[] ax = Shapes.axes(op.opName(), axes, x.rank());
        int[] outShape = keptShape(x.shape(), ax, keepDims);
        int len = 1;
        for (int a : ax) len *= x.shape()[a];
        if (len == 0 && (op == ReduceOp.MAX || op == ReduceOp.MIN)) {
            throw new IllegalArgumentException(op.opName() + ": zero-size reduction over axes " + Shapes.str(ax)
                    + " of shape " + Shapes.str(x.shape()) + " has no identity");
        }
        Tensor rows = reducedLast(x, ax);
        int nrows = Shapes.numel(outShape);
        final int L = len;
        DType t = x.dtype();
        if (t == DType.F64 || t == DType.F32) {
            Tensor out = Tensor.zeros(t, outShape);
            double[] res = new double[nrows];
            DoubleReader in = doubleReader(rows.storage());
            double[] d64 = t == DType.F64 ? rows.f64Storage() : null;
            float[] d32 = t == DType.F32 ? rows.f32Storage() : null;
            int base = rows.offset();
            if (nrows == 1) {
                res[0] = reduceRow(op, d64, d32, in, base, L);
            } else {
                Parallel.forRange(nrows, Math.max(1, StridedLoops.GRAIN / Math.max(1, L)), (s, e) -> {
                    for (int r = s; r < e; r++) res[r] = reduceRowSerial(op, d64, d32, in, base + r * L, L);
                });
            }
            if (t == DType.F64) System.arraycopy(res, 0, out.f64Storage(), 0, nrows);
            else { float[] o = out.f32Storage(); for (int i = 0; i < nrows; i++) o[i] = (float) res[i]; }
            return out;
        }
        Tensor out = Tensor.zeros(t == DType.I32 && op != ReduceOp.SUM && op != ReduceOp.PROD ? DType.I32 : DType.I64, outShape);
        LongReader in = longReader(rows.storage());
        LongWriter w = longWriter(out.storage());
        int base = rows.offset();
        Parallel.forRange(nrows, Math.max(1, StridedLoops.GRAIN / Math.max(1, L)), (s, e) -> {
            for (int r = s; r < e; r++) {
                long acc = op == ReduceOp.SUM ? 0 : op == ReduceOp.PROD ? 1 : op == ReduceOp.MAX ? Long.MIN_VALUE : Long.MAX_VALUE;
                for (int i = 0; i < L; i++) {
                    long v = in.get(base + r * L + i);
                    switch (op) {
                        case SUM: acc += v; break;
                        case PROD: acc *= v; break;
                        case MAX: acc = Math.max(acc, v); break;
                        default: acc = Math.min(acc, v);
                    }
                }
                w.set(r, acc);
            }
        });
        return out;
    }

    /** Chunk length of one long row's parallel reduction; fixed, so the order of additions is too. */
    static final int REDUCE_CHUNK = 1 << 16;

    private static double reduceRow(ReduceOp op, double[] d64, float[] d32, DoubleReader in, int off, int len) {
        if (len <= REDUCE_CHUNK) return reduceRowSerial(op, d64, d32, in, off, len);
        int chunks = Parallel.chunkCount(len, REDUCE_CHUNK);
        double[] partial = new double[chunks];
        Parallel.forRange(chunks, 1, (s, e) -> {
            for (int c = s; c < e; c++) {
                int st = off + c * REDUCE_CHUNK;
                partial[c] = reduceRowSerial(op, d64, d32, in, st, Math.min(REDUCE_CHUNK, off + len - st));
            }
        });
        double acc = op.identity();
        for (double p : partial) acc = combine(op, acc, p);
        return acc;
    }

    private static double combine(ReduceOp op, double acc, double v) {
        switch (op) {
            case SUM: return acc + v;
            case PROD: return acc * v;
            case MAX: return (acc != acc || v != v) ? Double.NaN : Math.max(acc, v);
            default: return (acc != acc || v != v) ? Double.NaN : Math.min(acc, v);
        }
    }

    private static double reduceRowSerial(ReduceOp op, double[] d64, float[] d32, DoubleReader in, int off, int len) {
        if (op == ReduceOp.SUM) {
            if (d64 != null) return Kernels.get().sum(d64, off, len);
            if (d32 != null) return Kernels.get().sum(d32, off, len);
        }
        double acc = op.identity();
        for (int i = 0; i < len; i++) acc = combine(op, acc, in.get(off + i));
        return acc;
    }

    @Override
    public Tensor argReduce(boolean max, Tensor x, int axis, boolean keepDims) {
        String op = max ? "argmax" : "argmin";
        int a = Shapes.axis(op, axis, x.rank());
        int L = x.shape()[a];
        if (L == 0) throw new IllegalArgumentException(op + ": axis " + axis + " of shape " + Shapes.str(x.shape()) + " is empty");
        Tensor rows = reducedLast(x, new int[] {a});
        int[] outShape = keptShape(x.shape(), new int[] {a}, keepDims);
        Tensor out = Tensor.zeros(DType.I64, outShape);
        long[] o = out.i64Storage();
        DoubleReader in = doubleReader(rows.storage());
        int base = rows.offset();
        Parallel.forRange(o.length, Math.max(1, StridedLoops.GRAIN / L), (s, e) -> {
            for (int r = s; r < e; r++) {
                int best = 0;
                double bv = in.get(base + r * L);
                if (bv == bv) {
                    for (int i = 1; i < L; i++) {
                        double v = in.get(base + r * L + i);
                        if (v != v) { best = i; break; }
                        if (max ? v > bv : v < bv) { bv = v; best = i; }
                    }
                }
                o[r] = best;
            }
        });
        return out;
    }

    @Override
    public Tensor cumsum(Tensor x, int axis) {
        int a = Shapes.axis("cumsum", axis, x.rank());
        DType t = x.dtype().isFloating() ? x.dtype() : DType.I64;
        Tensor moved = x.toType(t).movedim(a, -1).copy();
        int L = x.shape()[a];
        int rows = L == 0 ? 0 : moved.numel() / L;
        if (t == DType.F64) {
            double[] d = moved.f64Storage();
            Parallel.forRange(rows, Math.max(1, StridedLoops.GRAIN / Math.max(1, L)), (s, e) -> {
                for (int r = s; r < e; r++) for (int i = 1; i < L; i++) d[r * L + i] += d[r * L + i - 1];
            });
        } else if (t == DType.F32) {
            float[] d = moved.f32Storage();
            Parallel.forRange(rows, Math.max(1, StridedLoops.GRAIN / Math.max(1, L)), (s, e) -> {
                for (int r = s; r < e; r++) for (int i = 1; i < L; i++) d[r * L + i] += d[r * L + i - 1];
            });
        } else {
            long[] d = moved.i64Storage();
            for (int r = 0; r < rows; r++) for (int i = 1; i < L; i++) d[r * L + i] += d[r * L + i - 1];
        }
        return moved.movedim(-1, a).contiguous();
    }

    // ------------------------------------------------------------------ indexing

    @Override
    public Tensor gather(Tensor x, int axis, Tensor index) {
        if (index.dtype().isFloating()) {
            throw new IllegalArgumentException("gather: index must be an integer tensor, got " + index.dtype());
        }
        int r = x.rank();
        int a = Shapes.axis("gather", axis, r);
        if (index.rank() != r) {
            throw new IllegalArgumentException("gather: index of shape " + Shapes.str(index.shape())
                    + " must have the rank of the input " + Shapes.str(x.shape()));
        }
        int[] xs = x.shape(), is = index.shape();
        for (int i = 0; i < r; i++) {
            if (i != a && is[i] != xs[i] && xs[i] != 1) {
                throw new IllegalArgumentException("gather: index shape " + Shapes.str(is) + " and input shape "
                        + Shapes.str(xs) + " differ at axis " + i + " (only axis " + a + " may differ)");
            }
        }
        int[] bx = is.clone();
        bx[a] = xs[a];
        Tensor xb = x.broadcastTo(bx);
        Tensor out = Tensor.zeros(x.dtype(), is);
        int L = xs[a];
        int xstrideA = xb.strides()[a];
        LongReader idx = longReader(index.storage());
        Object src = xb.storage(), dst = out.storage();
        // iterate over out and index together; x follows out's coordinates except along axis a
        int[] xst = xb.strides();
        xst[a] = 0;
        StridedLoops.run(is, out.strides(), 0, index.strides(), index.offset(), xst, xb.offset(),
                (n, o, os, ii, iis, ix, ixs) -> {
                    for (int i = 0; i < n; i++) {
                        long j = idx.get(ii + i * iis);
                        if (j < 0) j += L;
                        if (j < 0 || j >= L) {
                            throw new IndexOutOfBoundsException("gather: index " + idx.get(ii + i * iis)
                                    + " out of range for axis " + a + " of length " + L);
                        }
                        copyElement(src, ix + i * ixs + (int) j * xstrideA, dst, o + i * os);
                    }
                });
        return out;
    }

    // ------------------------------------------------------------------ matmul

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: operands must have rank >= 1, got " + Shapes.str(a.shape())
                    + " x " + Shapes.str(b.shape()) + "; use mul for scalars");
        }
        DType t = floatingType(a.dtype().promote(b.dtype()));
        Tensor a2 = a.rank() == 1 ? a.unsqueeze(0) : a;
        Tensor b2 = b.rank() == 1 ? b.unsqueeze(1) : b;
        int m = a2.size(-2), k = a2.size(-1), k2 = b2.size(-2), n = b2.size(-1);
        if (k != k2) {
            throw new IllegalArgumentException("matmul: inner dimensions differ: " + Shapes.str(a.shape()) + " x "
                    + Shapes.str(b.shape()));
        }
        int[] ab = Arrays.copyOf(a2.shape(), a2.rank() - 2), bb = Arrays.copyOf(b2.shape(), b2.rank() - 2);
        int[] batch = Shapes.broadcast("matmul", ab, bb);
        int[] as = Arrays.copyOf(batch, batch.length + 2), bs = Arrays.copyOf(batch, batch.length + 2);
        as[batch.length] = m; as[batch.length + 1] = k;
        bs[batch.length] = k; bs[batch.length + 1] = n;
        Tensor A = gemmOperand(a2.toType(t).broadcastTo(as)), B = gemmOperand(b2.toType(t).broadcastTo(bs));
        int[] la = gemmLayoutOrNull(A), lb = gemmLayoutOrNull(B);
        int[] os = Arrays.copyOf(batch, batch.length + 2);
        os[batch.length] = m;
        os[batch.length + 1] = n;
        Tensor out = Tensor.zeros(t, os);
        int nb = Shapes.numel(batch);
        int[] aBatchStrides = Arrays.copyOf(A.strides(), batch.length);
        int[] bBatchStrides = Arrays.copyOf(B.strides(), batch.length);
        long flops = 2L * m * n * k;
        int grain = (int) Math.max(1, Math.min(nb, (1L << 20) / Math.max(1, flops)));
        Parallel.forRange(nb, grain, (s, e) -> {
            for (int i = s; i < e; i++) {
                int[] idx = Tensor.unravel(i, batch);
                int ao = A.offset(), bo = B.offset();
                for (int d = 0; d < idx.length; d++) {
                    ao += idx[d] * aBatchStrides[d];
                    bo += idx[d] * bBatchStrides[d];
                }
                int co = i * m * n;
                if (t == DType.F64) {
                    Gemm.dgemm(la[0] == 1, lb[0] == 1, m, n, k, 1.0, A.f64Storage(), ao, la[1],
                            B.f64Storage(), bo, lb[1], 0.0, out.f64Storage(), co, n);
                } else {
                    Gemm.sgemm(la[0] == 1, lb[0] == 1, m, n, k, 1.0f, A.f32Storage(), ao, la[1],
                            B.f32Storage(), bo, lb[1], 0.0f, out.f32Storage(), co, n);
                }
            }
        });
        Tensor res = out;
        if (a.rank() == 1) res = res.squeeze(-2);
        if (b.rank() == 1) res = res.squeeze(-1);
        return res;
    }

    /**
     * {transposed (0/1), leading dimension} of the matrix in the last two axes of {@code x}, or
     * null when its strides fit neither a row-major nor a column-major GEMM operand.
     */
    private static int[] gemmLayoutOrNull(Tensor x) {
        int r = x.rank();
        int[] st = x.strides(), sh = x.shape();
        int rows = sh[r - 2], cols = sh[r - 1];
        if ((cols <= 1 || st[r - 1] == 1) && (rows <= 1 || st[r - 2] >= Math.max(1, cols))) {
            return new int[] {0, rows <= 1 ? Math.max(1, cols) : st[r - 2]};
        }
        if ((rows <= 1 || st[r - 2] == 1) && (cols <= 1 || st[r - 1] >= Math.max(1, rows))) {
            return new int[] {1, cols <= 1 ? Math.max(1, rows) : st[r - 1]};
        }
        return null;
    }

    /** {@code x} itself when a GEMM can read its matrices in place, else a row-major copy. */
    private static Tensor gemmOperand(Tensor x) {
        if (gemmLayoutOrNull(x) != null) return x;
        return x.copy();
    }

    // ------------------------------------------------------------------ spectral

    @Override
    public Tensor fft(Tensor x, int axis, boolean inverse, FftNorm norm) {
        return inverse ? Fft.ifft(x, axis, norm) : Fft.fft(x, axis, norm);
    }

    @Override
    public Tensor rfft(Tensor x, int axis, FftNorm norm) {
        return Fft.rfft(x, axis, norm);
    }

    @Override
    public Tensor irfft(Tensor x, int n, int axis, FftNorm norm) {
        return Fft.irfft(x, n, axis, norm);
    }

    @Override
    public Tensor complexModeMix(Tensor x, Tensor w) {
        Complex.require("complexModeMix", x);
        Complex.require("complexModeMix", w);
        if (x.rank() != 4 || w.rank() != 4 || x.size(1) != w.size(0) || x.size(2) != w.size(2)) {
            throw new IllegalArgumentException("complexModeMix: expected x [B, Ci, M, 2] and w [Ci, Co, M, 2], got "
                    + Shapes.str(x.shape()) + " and " + Shapes.str(w.shape()));
        }
        DType t = x.dtype().promote(w.dtype());
        Tensor xc = x.toType(t).contiguous(), wc = w.toType(t).contiguous();
        int b = x.size(0), ci = x.size(1), m = x.size(2), co = w.size(1);
        Tensor out = Tensor.zeros(t, b, co, m, 2);
        if (t == DType.F64) {
            ComplexModeMix.forward(xc.f64Storage(), xc.offset(), wc.f64Storage(), wc.offset(), out.f64Storage(), 0,
                    b, ci, co, m);
        } else {
            ComplexModeMix.forward(xc.f32Storage(), xc.offset(), wc.f32Storage(), wc.offset(), out.f32Storage(), 0,
                    b, ci, co, m);
        }
        return out;
    }
}
