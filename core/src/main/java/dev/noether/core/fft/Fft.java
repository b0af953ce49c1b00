package dev.noether.core.fft;

import dev.noether.core.DType;
import dev.noether.core.Shapes;
import dev.noether.core.Tensor;

/**
 * Discrete Fourier transforms of tensors, with numpy's conventions ({@code numpy.fft}).
 *
 * <p><b>Definition.</b> Along one axis of length {@code n}:
 * <pre>
 *   fft:   X[k] = f * sum_{j=0}^{n-1} x[j] exp(-2 pi i j k / n)
 *   ifft:  x[j] = g * sum_{k=0}^{n-1} X[k] exp(+2 pi i j k / n)
 * </pre>
 * with {@code f = norm.forwardScale(n)} and {@code g = norm.inverseScale(n)} ({@link FftNorm}:
 * {@code BACKWARD} is f = 1, g = 1/n; {@code ORTHO} is 1/sqrt(n) both ways; {@code FORWARD} is
 * f = 1/n, g = 1). The norm is always an explicit argument.
 *
 * <p><b>Complex layout.</b> A complex tensor is an F64 or F32 tensor whose last axis has length 2
 * holding (re, im), as numpy's {@code complex128.view(float64)}. Axis numbers of complex
 * arguments refer to the <em>logical</em> complex axes, i.e. not the trailing 2: for a complex
 * tensor of shape {@code [4, 5, 2]}, axis {@code -1} and {@code 1} name the axis of length 5.
 * Results are new contiguous tensors of the input's dtype; F32 inputs are computed in f32 arrays
 * with f64-accurate twiddles. Inputs may be any strided view (transposed, sliced, broadcast).
 *
 * <p><b>Real transforms.</b> {@code rfft} of a real axis of length {@code n} returns the
 * {@code n/2 + 1} (integer division) non-negative-frequency bins; the others are their
 * conjugates. {@code irfft(X, n)} returns the real signal of length {@code n} whose spectrum is
 * the Hermitian extension {@code X[n-k] = conj(X[k])}; as in numpy it uses the first
 * {@code n/2 + 1} input bins (zero-padding when fewer are given) and ignores the imaginary part of
 * {@code X[0]} and, for even {@code n}, of {@code X[n/2]}. The default {@code n} is
 * {@code 2 (m - 1)} for {@code m} input bins, which only recovers even-length signals: pass
 * {@code n} for odd lengths.
 *
 * <p><b>Lengths.</b> Where a length {@code n} (or {@code lengths[i]}) is given, the input is
 * cropped or zero-padded along that axis to {@code n} points before transforming, as numpy's
 * {@code n=} / {@code s=}; {@code -1} means the input's size.
 *
 * <p><b>Several axes</b> ({@code fft2}, {@code fftn}, ...) are successive 1-D transforms, each
 * with its own length and norm factor, in numpy's order: {@code fftn} last axis first,
 * {@code rfftn} the real transform on the last listed axis then complex ones on the others,
 * {@code irfftn} complex inverses on all but the last listed axis then the real inverse on it.
 *
 * <p><b>Cost.</b> Each 1-D transform is O(n log n) for any n (mixed radix 2, 3, 4, 5 and small
 * odd primes; Bluestein otherwise), with plans cached per (length, dtype) and lines processed in
 * parallel ({@link dev.noether.core.cpu.Parallel}); results do not depend on the thread count.
 * The raw-array kernels are {@link FftPlanF64}, {@link RealFftPlanF64} and their f32 twins.
 */
public final class Fft {
    private Fft() {}

    // ------------------------------------------------------------------ 1-D complex

    /** Forward complex FFT along logical {@code axis} of complex {@code x} ([..., 2]). */
    public static Tensor fft(Tensor x, int axis, FftNorm norm) {
        return fft(x, -1, axis, norm);
    }

    /** Forward complex FFT of {@code x} cropped or zero-padded to {@code n} points along {@code axis}. */
    public static Tensor fft(Tensor x, int n, int axis, FftNorm norm) {
        return complexAlong("fft", x, n, axis, false, norm, null);
    }

    /** Inverse complex FFT along logical {@code axis} of complex {@code x}. */
    public static Tensor ifft(Tensor x, int axis, FftNorm norm) {
        return ifft(x, -1, axis, norm);
    }

    /** Inverse complex FFT of {@code x} cropped or zero-padded to {@code n} points along {@code axis}. */
    public static Tensor ifft(Tensor x, int n, int axis, FftNorm norm) {
        return complexAlong("ifft", x, n, axis, true, norm, null);
    }

    // ------------------------------------------------------------------ 1-D real

    /** FFT of the real tensor {@code x} along {@code axis}: complex, {@code n/2+1} bins on that axis. */
    public static Tensor rfft(Tensor x, int axis, FftNorm norm) {
        return rfft(x, -1, axis, norm);
    }

    /** {@link #rfft(Tensor, int, FftNorm)} of {@code x} cropped or zero-padded to {@code n} points. */
    public static Tensor rfft(Tensor x, int n, int axis, FftNorm norm) {
        String op = "rfft";
        checkFloating(op, x);
        if (x.rank() < 1) throw new IllegalArgumentException(op + ": input must have at least one axis, got a scalar");
        int a = logicalAxis(op, x, false, axis);
        int length = n == -1 ? x.size(a) : n;
        checkLength(op, length, x);
        int[] outShape = withComplex(replace(x.shape(), a, length / 2 + 1));
        Tensor out = Tensor.zeros(x.dtype(), outShape);
        run(LineOp.REAL_FORWARD, length, norm.forwardScale(length), x, false, out, a);
        return out;
    }

    /**
     * {@link #rfft(Tensor, int, FftNorm)} written into the caller's {@code out} (contiguous, the
     * input's dtype, shape {@code [..., n/2+1, ..., 2]}), which a training loop allocates once:
     * a fresh output costs zeroing and, on a cold heap, page faults on every call.
     */
    public static Tensor rfft(Tensor x, int axis, FftNorm norm, Tensor out) {
        String op = "rfft";
        checkFloating(op, x);
        if (x.rank() < 1) throw new IllegalArgumentException(op + ": input must have at least one axis, got a scalar");
        int a = logicalAxis(op, x, false, axis);
        int length = x.size(a);
        checkLength(op, length, x);
        checkOut(op, x, withComplex(replace(x.shape(), a, length / 2 + 1)), out);
        run(LineOp.REAL_FORWARD, length, norm.forwardScale(length), x, false, out, a);
        return out;
    }

    /** Checks a caller's output tensor: expected shape, the input's dtype, contiguous, not the input's storage. */
    private static void checkOut(String op, Tensor x, int[] shape, Tensor out) {
        if (!java.util.Arrays.equals(shape, out.shape()) || out.dtype() != x.dtype() || !out.isContiguous()) {
            throw new IllegalArgumentException(op + ": out must be a contiguous " + x.dtype() + " tensor of shape "
                    + Shapes.str(shape) + ", got " + (out.isContiguous() ? "" : "a non-contiguous ") + out.dtype() + " "
                    + Shapes.str(out.shape()));
        }
        if (out.storage() == x.storage()) {
            throw new IllegalArgumentException(op + ": out must not share storage with the input; allocate it separately");
        }
    }

    /** Inverse of {@link #rfft}: complex {@code x} to a real signal of length {@code 2 (m - 1)} along {@code axis}. */
    public static Tensor irfft(Tensor x, int axis, FftNorm norm) {
        return irfft(x, -1, axis, norm);
    }

    /**
     * Inverse of {@link #rfft}: complex {@code x} (the bins {@code 0 .. n/2}) to a real signal of
     * length {@code n} along logical {@code axis}; {@code n = -1} means {@code 2 (m - 1)}.
     */
    public static Tensor irfft(Tensor x, int n, int axis, FftNorm norm) {
        String op = "irfft";
        checkComplex(op, x);
        int a = logicalAxis(op, x, true, axis);
        int length = n == -1 ? 2 * (x.size(a) - 1) : n;
        checkLength(op, length, x);
        int[] logical = logicalShape(x);
        Tensor out = Tensor.zeros(x.dtype(), replace(logical, a, length));
        run(LineOp.REAL_INVERSE, length, norm.inverseScale(length), x, true, out, a);
        return out;
    }

    /**
     * {@link #irfft(Tensor, int, int, FftNorm)} written into the caller's {@code out}
     * (contiguous, the input's dtype, the real shape with {@code n} points along {@code axis}).
     */
    public static Tensor irfft(Tensor x, int n, int axis, FftNorm norm, Tensor out) {
        String op = "irfft";
        checkComplex(op, x);
        int a = logicalAxis(op, x, true, axis);
        int length = n == -1 ? 2 * (x.size(a) - 1) : n;
        checkLength(op, length, x);
        checkOut(op, x, replace(logicalShape(x), a, length), out);
        run(LineOp.REAL_INVERSE, length, norm.inverseScale(length), x, true, out, a);
        return out;
    }

    // ------------------------------------------------------------------ 2-D

    /** {@link #fftn} over the last two logical axes. */
    public static Tensor fft2(Tensor x, FftNorm norm) {
        return fftn(x, new int[] {-2, -1}, null, norm);
    }

    /** {@link #ifftn} over the last two logical axes. */
    public static Tensor ifft2(Tensor x, FftNorm norm) {
        return ifftn(x, new int[] {-2, -1}, null, norm);
    }

    /** {@link #rfftn} over the last two axes of the real {@code x}. */
    public static Tensor rfft2(Tensor x, FftNorm norm) {
        return rfftn(x, new int[] {-2, -1}, null, norm);
    }

    /** {@link #irfftn} over the last two logical axes, the last one to {@code 2 (m - 1)} points. */
    public static Tensor irfft2(Tensor x, FftNorm norm) {
        return irfftn(x, new int[] {-2, -1}, null, norm);
    }

    /** {@link #irfftn} over the last two logical axes with output lengths {@code lengths} (2 entries). */
    public static Tensor irfft2(Tensor x, int[] lengths, FftNorm norm) {
        return irfftn(x, new int[] {-2, -1}, lengths, norm);
    }

    // ------------------------------------------------------------------ N-D

    /**
     * Forward complex FFT over the logical {@code axes} of complex {@code x}; {@code lengths}
     * (null, or one entry per axis, -1 keeping the size) crops or zero-pads each axis first.
     */
    public static Tensor fftn(Tensor x, int[] axes, int[] lengths, FftNorm norm) {
        return complexN("fftn", x, axes, lengths, false, norm);
    }

    /** Inverse complex FFT over the logical {@code axes}; see {@link #fftn}. */
    public static Tensor ifftn(Tensor x, int[] axes, int[] lengths, FftNorm norm) {
        return complexN("ifftn", x, axes, lengths, true, norm);
    }

    /**
     * Real-to-complex FFT over {@code axes} of the real {@code x}: {@link #rfft} along the last
     * listed axis, then {@link #fft} along the others (last to first).
     */
    public static Tensor rfftn(Tensor x, int[] axes, int[] lengths, FftNorm norm) {
        String op = "rfftn";
        checkFloating(op, x);
        int[] ax = logicalAxes(op, x, false, axes);
        int[] len = lengths(op, ax, lengths);
        int last = ax.length - 1;
        Tensor out = rfft(x, len[last], ax[last], norm);
        for (int i = last - 1; i >= 0; i--) out = complexAlong(op, out, len[i], ax[i], false, norm, out);
        return out;
    }

    /**
     * Complex-to-real inverse of {@link #rfftn}: {@link #ifft} along all but the last listed axis
     * (first to last), then {@link #irfft} along the last one. {@code lengths} are the output
     * lengths (-1: the input size, and {@code 2 (m - 1)} on the last axis).
     */
    public static Tensor irfftn(Tensor x, int[] axes, int[] lengths, FftNorm norm) {
        String op = "irfftn";
        checkComplex(op, x);
        int[] ax = logicalAxes(op, x, true, axes);
        int[] len = lengths(op, ax, lengths);
        int last = ax.length - 1;
        Tensor cur = x;
        boolean owned = false;
        for (int i = 0; i < last; i++) {
            cur = complexAlong(op, cur, len[i], ax[i], true, norm, owned ? cur : null);
            owned = true;
        }
        return irfft(cur, len[last], ax[last], norm);
    }

    // ------------------------------------------------------------------ internals

    private static Tensor complexN(String op, Tensor x, int[] axes, int[] lengths, boolean inverse, FftNorm norm) {
        checkComplex(op, x);
        int[] ax = logicalAxes(op, x, true, axes);
        int[] len = lengths(op, ax, lengths);
        Tensor cur = x;
        boolean owned = false;
        for (int i = ax.length - 1; i >= 0; i--) {
            cur = complexAlong(op, cur, len[i], ax[i], inverse, norm, owned ? cur : null);
            owned = true;
        }
        return cur;
    }

    /**
     * One complex transform along a logical axis. When {@code reuse} is a contiguous tensor this
     * class made and the length does not change, the transform runs in place in it.
     */
    private static Tensor complexAlong(String op, Tensor x, int n, int axis, boolean inverse, FftNorm norm,
                                       Tensor reuse) {
        checkComplex(op, x);
        int a = logicalAxis(op, x, true, axis);
        int length = n == -1 ? x.size(a) : n;
        checkLength(op, length, x);
        Tensor out = reuse != null && length == x.size(a)
                ? reuse
                : Tensor.zeros(x.dtype(), withComplex(replace(logicalShape(x), a, length)));
        run(inverse ? LineOp.COMPLEX_INVERSE : LineOp.COMPLEX_FORWARD, length, norm.scale(length, inverse),
                x, true, out, a);
        return out;
    }

    /** Runs the batched line transform from {@code src} into the contiguous {@code dst}. */
    private static void run(LineOp lineOp, int n, double scale, Tensor src, boolean srcComplex, Tensor dst, int axis) {
        int[] sShape = src.shape();
        int[] sStrides = src.strides();
        int[] dStrides = dst.strides();
        int logicalRank = sShape.length - (srcComplex ? 1 : 0);
        int[] batch = new int[logicalRank - 1];
        int[] sb = new int[logicalRank - 1];
        int[] db = new int[logicalRank - 1];
        for (int d = 0, i = 0; d < logicalRank; d++) {
            if (d == axis) continue;
            batch[i] = sShape[d];
            sb[i] = sStrides[d];
            db[i] = dStrides[d];
            i++;
        }
        int srcLength = sShape[axis];
        int partStride = srcComplex ? sStrides[sShape.length - 1] : 0;
        // a single point has no stride; give it the dense one so it can be read in place
        int srcAxisStride = srcLength == 1 ? (srcComplex ? 2 : 1) : sStrides[axis];
        boolean dstComplex = lineOp.complexOutput;
        int dstAxisStride = dst.shape()[axis] == 1 ? (dstComplex ? 2 : 1) : dStrides[axis];
        LineLayout layout = new LineLayout(batch, sb, db, src.offset(), srcLength, srcAxisStride, partStride,
                dst.offset(), dstAxisStride);
        if (src.dtype() == DType.F64) {
            LineTransformsF64.apply(lineOp, n, scale, src.f64Storage(), dst.f64Storage(), layout);
        } else {
            LineTransformsF32.apply(lineOp, n, (float) scale, src.f32Storage(), dst.f32Storage(), layout);
        }
    }

    static void checkFloating(String op, Tensor x) {
        if (x.dtype() != DType.F64 && x.dtype() != DType.F32) {
            throw new IllegalArgumentException(op + ": input must be F64 or F32, got " + x.dtype() + " of shape "
                    + Shapes.str(x.shape()) + "; convert it with toType(DType.F64)");
        }
    }

    static void checkComplex(String op, Tensor x) {
        checkFloating(op, x);
        if (x.rank() < 2 || x.size(-1) != 2) {
            throw new IllegalArgumentException(op + ": input must be complex (last axis of length 2 holding re, im)"
                    + " with at least one complex axis, got shape " + Shapes.str(x.shape())
                    + "; for a real signal use rfft, or append a zero imaginary part");
        }
    }

    /** Maps a (possibly negative) logical axis into range, naming the op and the shape on failure. */
    static int logicalAxis(String op, Tensor x, boolean complex, int axis) {
        int rank = x.rank() - (complex ? 1 : 0);
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for "
                    + (complex ? "a complex tensor of shape " + Shapes.str(x.shape()) + " (" + rank
                    + " complex axes; the trailing 2 is not an axis)" : "a tensor of shape " + Shapes.str(x.shape()))
                    + "; valid axes are " + (-rank) + " .. " + (rank - 1));
        }
        return a;
    }

    private static int[] logicalAxes(String op, Tensor x, boolean complex, int[] axes) {
        if (axes == null || axes.length == 0) {
            throw new IllegalArgumentException(op + ": give at least one axis (input shape " + Shapes.str(x.shape()) + ")");
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = logicalAxis(op, x, complex, axes[i]);
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw new IllegalArgumentException(op + ": axis " + axes[i] + " is listed twice in "
                            + Shapes.str(axes) + " (input shape " + Shapes.str(x.shape()) + ")");
                }
            }
        }
        return out;
    }

    private static int[] lengths(String op, int[] axes, int[] lengths) {
        if (lengths == null) {
            int[] all = new int[axes.length];
            java.util.Arrays.fill(all, -1);
            return all;
        }
        if (lengths.length != axes.length) {
            throw new IllegalArgumentException(op + ": lengths " + Shapes.str(lengths) + " must have one entry per axis "
                    + Shapes.str(axes));
        }
        return lengths.clone();
    }

    static void checkLength(String op, int n, Tensor x) {
        if (n < 1) {
            throw new IllegalArgumentException(op + ": transform length must be >= 1, got " + n + " (input shape "
                    + Shapes.str(x.shape()) + ")");
        }
    }

    static int[] logicalShape(Tensor complex) {
        int[] s = complex.shape();
        return java.util.Arrays.copyOf(s, s.length - 1);
    }

    static int[] withComplex(int[] logical) {
        int[] s = java.util.Arrays.copyOf(logical, logical.length + 1);
        s[logical.length] = 2;
        return s;
    }

    static int[] replace(int[] shape, int axis, int size) {
        int[] s = shape.clone();
        s[axis] = size;
        return s;
    }
}
