package dev.noether.core.fft;

import dev.noether.core.DType;
import dev.noether.core.Shapes;
import dev.noether.core.Tensor;
import dev.noether.core.cpu.Gemm;
import dev.noether.core.cpu.Parallel;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first {@code k} Fourier modes of real signals, and back, as matrix products: what a Fourier
 * neural operator keeps when {@code k} is much smaller than {@code n}.
 *
 * <p><b>Forward</b> (real {@code x[j]}, {@code j < n}, to complex modes {@code m < k}, with
 * {@code f = norm.forwardScale(n)}):
 * <pre>
 *   X[m] = f * sum_j x[j] exp(-2 pi i m j / n)          (the first k bins of rfft)
 * </pre>
 * computed as {@code [rows, n] x [n, 2k]} with the precomputed matrix
 * {@code F[j, 2m] = f cos(2 pi m j / n)}, {@code F[j, 2m+1] = -f sin(2 pi m j / n)}, whose product
 * is already interleaved complex.
 *
 * <p><b>Inverse</b> ({@code k} modes to a real signal of length {@code n}, with
 * {@code g = norm.inverseScale(n)}): the irfft of the spectrum zero-padded to {@code n/2+1} bins,
 * <pre>
 *   y[j] = g * sum_{m<k} c_m (Re X[m] cos(2 pi m j / n) - Im X[m] sin(2 pi m j / n)),
 * </pre>
 * {@code c_0 = 1}, {@code c_{n/2} = 1} for even {@code n}, {@code c_m = 2} otherwise: the
 * Hermitian extension's conjugate bins folded in; like numpy's irfft it ignores the imaginary
 * parts of the DC and Nyquist bins. Computed as {@code [rows, 2k] x [2k, n]}.
 *
 * <p>Both need {@code 1 <= k <= n/2 + 1}. Cost O(rows n k) against O(rows n log n) for the FFT,
 * which pays for small {@code k}; both are one GEMM ({@link Gemm}) split over row blocks in
 * parallel. The matrices are built in f64 (exact angle reduction) and cached per
 * (n, k, norm, direction, dtype); F32 tensors use the rounded f32 matrices.
 */
public final class TruncatedDft {
    private static final int MAX_CACHED = 64;
    private static final ConcurrentHashMap<MatrixKey, Object> MATRICES = new ConcurrentHashMap<>();
    /** Rows per parallel chunk: at least this many multiply-adds. */
    private static final long MIN_CHUNK_WORK = 1L << 16;

    private record MatrixKey(int n, int modes, FftNorm norm, boolean inverse, DType dtype) {}

    private TruncatedDft() {}

    // ------------------------------------------------------------------ tensors

    /**
     * The first {@code modes} Fourier modes of the real {@code x} along {@code axis}: complex,
     * shape of {@code x} with that axis of length {@code modes}, plus a trailing 2.
     */
    public static Tensor forward(Tensor x, int modes, int axis, FftNorm norm) {
        String op = "TruncatedDft.forward";
        Fft.checkFloating(op, x);
        if (x.rank() < 1) throw new IllegalArgumentException(op + ": input must have at least one axis, got a scalar");
        int a = Fft.logicalAxis(op, x, false, axis);
        int n = x.size(a);
        checkModes(op, modes, n, x);
        int last = x.rank() - 1;
        Tensor moved = x.movedim(a, last).contiguous();
        int[] movedShape = moved.shape();
        int rows = Shapes.numel(movedShape) / n;
        int[] outShape = Fft.withComplex(Fft.replace(movedShape, last, modes));
        Tensor out;
        if (x.dtype() == DType.F64) {
            double[] o = new double[rows * 2 * modes];
            forward(moved.f64Storage(), moved.offset(), rows, n, modes, norm, o, 0);
            out = Tensor.of(o, outShape);
        } else {
            float[] o = new float[rows * 2 * modes];
            forward(moved.f32Storage(), moved.offset(), rows, n, modes, norm, o, 0);
            out = Tensor.of(o, outShape);
        }
        return out.movedim(last, a).contiguous();
    }

    /**
     * The real signal of length {@code n} along {@code axis} whose first {@code k = modes.size(axis)}
     * Fourier modes are the complex {@code modes} and whose other modes are zero (with the
     * Hermitian extension): equal to {@code Fft.irfft} of the zero-padded spectrum.
     */
    public static Tensor inverse(Tensor modes, int n, int axis, FftNorm norm) {
        String op = "TruncatedDft.inverse";
        Fft.checkComplex(op, modes);
        int a = Fft.logicalAxis(op, modes, true, axis);
        Fft.checkLength(op, n, modes);
        int k = modes.size(a);
        checkModes(op, k, n, modes);
        int last = modes.rank() - 2;
        Tensor moved = modes.movedim(a, last).contiguous();
        int[] logical = Fft.logicalShape(moved);
        int rows = Shapes.numel(logical) / k;
        int[] outShape = Fft.replace(logical, last, n);
        Tensor out;
        if (modes.dtype() == DType.F64) {
            double[] o = new double[rows * n];
            inverse(moved.f64Storage(), moved.offset(), rows, k, n, norm, o, 0);
            out = Tensor.of(o, outShape);
        } else {
            float[] o = new float[rows * n];
            inverse(moved.f32Storage(), moved.offset(), rows, k, n, norm, o, 0);
            out = Tensor.of(o, outShape);
        }
        return out.movedim(last, a).contiguous();
    }

    // ------------------------------------------------------------------ raw arrays

    /**
     * Forward on {@code rows} contiguous real rows of length {@code n} at {@code x[xOffset ..]},
     * writing {@code rows x modes} interleaved complex values to {@code out[outOffset ..]}.
     */
    public static void forward(double[] x, int xOffset, int rows, int n, int modes, FftNorm norm,
                               double[] out, int outOffset) {
        String op = "TruncatedDft.forward";
        checkRaw(op, rows, n, modes, x.length, xOffset, (long) rows * n, out.length, outOffset, (long) rows * 2 * modes);
        double[] f = (double[]) matrix(n, modes, norm, false, DType.F64);
        int cols = 2 * modes;
        Parallel.forRange(rows, (long) n * cols, MIN_CHUNK_WORK, (r0, r1) ->
                multiplyF64(x, xOffset + r0 * n, f, out, outOffset + r0 * cols, r1 - r0, n, cols));
    }

    /** f32 version of {@link #forward(double[], int, int, int, int, FftNorm, double[], int)}. */
    public static void forward(float[] x, int xOffset, int rows, int n, int modes, FftNorm norm,
                               float[] out, int outOffset) {
        String op = "TruncatedDft.forward";
        checkRaw(op, rows, n, modes, x.length, xOffset, (long) rows * n, out.length, outOffset, (long) rows * 2 * modes);
        float[] f = (float[]) matrix(n, modes, norm, false, DType.F32);
        int cols = 2 * modes;
        Parallel.forRange(rows, (long) n * cols, MIN_CHUNK_WORK, (r0, r1) ->
                multiplyF32(x, xOffset + r0 * n, f, out, outOffset + r0 * cols, r1 - r0, n, cols));
    }

    /**
     * Inverse on {@code rows} contiguous rows of {@code modes} interleaved complex values at
     * {@code z[zOffset ..]}, writing {@code rows x n} reals to {@code out[outOffset ..]}.
     */
    public static void inverse(double[] z, int zOffset, int rows, int modes, int n, FftNorm norm,
                               double[] out, int outOffset) {
        String op = "TruncatedDft.inverse";
        checkRaw(op, rows, n, modes, z.length, zOffset, (long) rows * 2 * modes, out.length, outOffset, (long) rows * n);
        double[] g = (double[]) matrix(n, modes, norm, true, DType.F64);
        int inner = 2 * modes;
        Parallel.forRange(rows, (long) n * inner, MIN_CHUNK_WORK, (r0, r1) ->
                multiplyF64(z, zOffset + r0 * inner, g, out, outOffset + r0 * n, r1 - r0, inner, n));
    }

    /** f32 version of {@link #inverse(double[], int, int, int, int, FftNorm, double[], int)}. */
    public static void inverse(float[] z, int zOffset, int rows, int modes, int n, FftNorm norm,
                               float[] out, int outOffset) {
        String op = "TruncatedDft.inverse";
        checkRaw(op, rows, n, modes, z.length, zOffset, (long) rows * 2 * modes, out.length, outOffset, (long) rows * n);
        float[] g = (float[]) matrix(n, modes, norm, true, DType.F32);
        int inner = 2 * modes;
        Parallel.forRange(rows, (long) n * inner, MIN_CHUNK_WORK, (r0, r1) ->
                multiplyF32(z, zOffset + r0 * inner, g, out, outOffset + r0 * n, r1 - r0, inner, n));
    }

    /**
     * The forward matrix stored transposed, {@code [2 modes, n]} row-major (row {@code 2m} the
     * scaled cosines, row {@code 2m+1} minus the scaled sines), in f64. A copy.
     */
    public static double[] forwardMatrix(int n, int modes, FftNorm norm) {
        checkModes("TruncatedDft.forwardMatrix", modes, n, null);
        return ((double[]) matrix(n, modes, norm, false, DType.F64)).clone();
    }

    /**
     * The inverse matrix stored transposed, {@code [n, 2 modes]} row-major: entry {@code [j, 2m]}
     * is {@code g c_m cos(2 pi m j / n)} and {@code [j, 2m+1]} is {@code -g c_m sin(2 pi m j / n)}. A copy.
     */
    public static double[] inverseMatrix(int n, int modes, FftNorm norm) {
        checkModes("TruncatedDft.inverseMatrix", modes, n, null);
        return ((double[]) matrix(n, modes, norm, true, DType.F64)).clone();
    }

    // ------------------------------------------------------------------ internals

    /**
     * {@code c[rows, cols] = a[rows, inner] * bT[cols, inner]^T}, all row-major and contiguous: the
     * one place the product is computed, so the GEMM behind it can be swapped.
     */
    private static void multiplyF64(double[] a, int aOffset, double[] bT, double[] c, int cOffset,
                                    int rows, int inner, int cols) {
        Gemm.dgemm(false, true, rows, cols, inner, 1.0, a, aOffset, inner, bT, 0, inner, 0.0, c, cOffset, cols);
    }

    private static void multiplyF32(float[] a, int aOffset, float[] bT, float[] c, int cOffset,
                                    int rows, int inner, int cols) {
        Gemm.sgemm(false, true, rows, cols, inner, 1.0f, a, aOffset, inner, bT, 0, inner, 0.0f, c, cOffset, cols);
    }

    private static Object matrix(int n, int modes, FftNorm norm, boolean inverse, DType dtype) {
        MatrixKey key = new MatrixKey(n, modes, norm, inverse, dtype);
        Object m = MATRICES.get(key);
        if (m != null) return m;
        double[] d = inverse ? buildInverse(n, modes, norm) : buildForward(n, modes, norm);
        m = dtype == DType.F64 ? d : UnitRoots.toF32(d);
        if (MATRICES.size() >= MAX_CACHED) MATRICES.clear();
        Object raced = MATRICES.putIfAbsent(key, m);
        return raced != null ? raced : m;
    }

    private static double[] buildForward(int n, int modes, FftNorm norm) {
        double f = norm.forwardScale(n);
        double[] cs = new double[2];
        double[] m = new double[2 * modes * n];
        for (int k = 0; k < modes; k++) {
            for (int j = 0; j < n; j++) {
                UnitRoots.cosSin((long) k * j, n, cs, 0);
                m[(2 * k) * n + j] = f * cs[0];
                m[(2 * k + 1) * n + j] = -f * cs[1];
            }
        }
        return m;
    }

    private static double[] buildInverse(int n, int modes, FftNorm norm) {
        double g = norm.inverseScale(n);
        double[] cs = new double[2];
        double[] m = new double[n * 2 * modes];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < modes; k++) {
                double c = (k == 0 || 2 * k == n) ? g : 2 * g;
                UnitRoots.cosSin((long) k * j, n, cs, 0);
                m[j * 2 * modes + 2 * k] = c * cs[0];
                m[j * 2 * modes + 2 * k + 1] = -c * cs[1];
            }
        }
        return m;
    }

    private static void checkModes(String op, int modes, int n, Tensor x) {
        String where = x == null ? "" : " (input shape " + Shapes.str(x.shape()) + ")";
        if (n < 1) throw new IllegalArgumentException(op + ": signal length n must be >= 1, got " + n + where);
        if (modes < 1 || modes > n / 2 + 1) {
            throw new IllegalArgumentException(op + ": modes must be in 1 .. n/2+1 = " + (n / 2 + 1) + " for n = " + n
                    + ", got " + modes + where);
        }
    }

    private static void checkRaw(String op, int rows, int n, int modes, int inLength, int inOffset, long inNeeded,
                                 int outLength, int outOffset, long outNeeded) {
        checkModes(op, modes, n, null);
        if (rows < 0) throw new IllegalArgumentException(op + ": rows must be >= 0, got " + rows);
        if (inOffset < 0 || inOffset + inNeeded > inLength) {
            throw new IllegalArgumentException(op + ": input array of length " + inLength + " cannot hold " + inNeeded
                    + " values from offset " + inOffset + " (rows " + rows + ", n " + n + ", modes " + modes + ")");
        }
        if (outOffset < 0 || outOffset + outNeeded > outLength) {
            throw new IllegalArgumentException(op + ": output array of length " + outLength + " cannot hold " + outNeeded
                    + " values from offset " + outOffset + " (rows " + rows + ", n " + n + ", modes " + modes + ")");
        }
    }
}
