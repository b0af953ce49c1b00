package dev.noether.core.cpu;

/**
 * The contiguous-array kernels behind Noether's elementwise ops, reductions and GEMM, in f64
 * ({@code double[]}) and f32 ({@code float[]}). Obtain the implementation in use from
 * {@link Kernels#get()}: it is {@link ScalarKernels} (plain Java) or a Vector API implementation
 * chosen at start-up.
 *
 * <p>Every array kernel reads {@code n} consecutive elements starting at the given offsets and
 * checks those ranges up front ({@link IllegalArgumentException} naming the kernel). Output
 * ranges may coincide exactly with an input range (in-place update) but must not partially
 * overlap one.
 *
 * <p>Numerical contract, identical for every implementation:
 * <ul>
 *   <li>add/sub/mul/div are IEEE-754 correctly rounded per element, and {@code axpy} computes
 *       {@code y[i] + alpha * x[i]} with two roundings (a single pass, deliberately not an FMA),
 *       so all implementations agree bit for bit.</li>
 *   <li>{@code sum} and {@code dot} use one fixed-order blocked pairwise scheme: a range longer
 *       than {@link #SUM_BLOCK} is split at half its block count (the split point a multiple of
 *       {@code SUM_BLOCK}) and the two halves' results are added; a block of {@code n <=
 *       SUM_BLOCK} elements keeps {@link #SUM_PARTIALS} partial sums, partial {@code j}
 *       accumulating elements {@code j, j + P, j + 2P, ...} of the first {@code floor(n / P) * P}
 *       elements ({@code P = SUM_PARTIALS}, a dot product adds the rounded products), reduces them
 *       by halving ({@code s[j] = s[j] + s[j + h]} for {@code h = P/2, P/4, ..., 1}) and then adds
 *       the remaining elements one by one. The result depends only on the data and {@code n},
 *       never on threads, JIT state or the SIMD width, and all implementations agree bit for
 *       bit; the error is O(eps (log2 n + SUM_BLOCK / SUM_PARTIALS)).</li>
 *   <li>{@code max} propagates {@code NaN} (like {@link Math#max}) and rejects {@code n == 0};
 *       all implementations agree (up to the payload of a NaN).</li>
 *   <li>{@code exp} is within 2 ulp of {@link Math#exp} (f64), resp. of the float nearest to
 *       {@code Math.exp} (f32), for every input; it returns {@code +Inf} on overflow, {@code 0}
 *       or a subnormal on underflow and {@code NaN} for {@code NaN}. Implementations may differ
 *       within that bound.</li>
 *   <li>The GEMM micro-kernels may differ in rounding (tile shape, fused multiply-add); each is
 *       deterministic.</li>
 * </ul>
 *
 * <p>The GEMM micro-kernel methods are the register-blocked inner kernel that {@link Gemm}
 * drives; they are public only so that the driver can live beside them, and they do not check
 * bounds.
 */
public interface VectorKernels {
    /** Leaf length, in elements, of the pairwise {@code sum}/{@code dot} recursion. */
    int SUM_BLOCK = 256;

    /** Partial sums kept inside a {@link #SUM_BLOCK}-element leaf (a multiple of any SIMD width). */
    int SUM_PARTIALS = 32;

    /** A short description, e.g. {@code "vector(256-bit)"} or {@code "scalar"}. */
    String name();

    // ---- f64 elementwise ----------------------------------------------------------------

    /** {@code out[i] = a[i] + b[i]}. */
    void add(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n);

    /** {@code out[i] = a[i] - b[i]}. */
    void sub(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n);

    /** {@code out[i] = a[i] * b[i]}. */
    void mul(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n);

    /** {@code out[i] = a[i] / b[i]}. */
    void div(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n);

    /** {@code out[i] = a[i] + s}. */
    void add(double[] a, int aOff, double s, double[] out, int outOff, int n);

    /** {@code out[i] = a[i] - s}. */
    void sub(double[] a, int aOff, double s, double[] out, int outOff, int n);

    /** {@code out[i] = s - a[i]}. */
    void sub(double s, double[] a, int aOff, double[] out, int outOff, int n);

    /** {@code out[i] = a[i] * s}. */
    void mul(double[] a, int aOff, double s, double[] out, int outOff, int n);

    /** {@code out[i] = a[i] / s}. */
    void div(double[] a, int aOff, double s, double[] out, int outOff, int n);

    /** {@code out[i] = s / a[i]}. */
    void div(double s, double[] a, int aOff, double[] out, int outOff, int n);

    /** {@code y[i] = y[i] + alpha * x[i]} for {@code i < n}. */
    void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    /** {@code out[i] = exp(x[i])}, within 2 ulp of {@link Math#exp}. */
    void exp(double[] x, int xOff, double[] out, int outOff, int n);

    /** Sum of {@code x[off .. off+n)} (0 for {@code n == 0}), fixed-order pairwise. */
    double sum(double[] x, int off, int n);

    /** {@code sum_i a[i] * b[i]}, fixed-order pairwise like {@link #sum(double[], int, int)}. */
    double dot(double[] a, int aOff, double[] b, int bOff, int n);

    /** Largest element; {@code NaN} if any element is {@code NaN}; {@code n} must be >= 1. */
    double max(double[] x, int off, int n);

    // ---- f32 elementwise ----------------------------------------------------------------

    /** {@code out[i] = a[i] + b[i]}. */
    void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] - b[i]}. */
    void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] * b[i]}. */
    void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] / b[i]}. */
    void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] + s}. */
    void add(float[] a, int aOff, float s, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] - s}. */
    void sub(float[] a, int aOff, float s, float[] out, int outOff, int n);

    /** {@code out[i] = s - a[i]}. */
    void sub(float s, float[] a, int aOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] * s}. */
    void mul(float[] a, int aOff, float s, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] / s}. */
    void div(float[] a, int aOff, float s, float[] out, int outOff, int n);

    /** {@code out[i] = s / a[i]}. */
    void div(float s, float[] a, int aOff, float[] out, int outOff, int n);

    /** {@code y[i] = y[i] + alpha * x[i]} for {@code i < n}. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** {@code out[i] = exp(x[i])}, within 2 ulp of the float nearest to {@link Math#exp}. */
    void exp(float[] x, int xOff, float[] out, int outOff, int n);

    /** Sum of {@code x[off .. off+n)} in f32 arithmetic, fixed-order pairwise. */
    float sum(float[] x, int off, int n);

    /** {@code sum_i a[i] * b[i]} in f32 arithmetic, fixed-order pairwise. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** Largest element; {@code NaN} if any element is {@code NaN}; {@code n} must be >= 1. */
    float max(float[] x, int off, int n);

    // ---- GEMM micro-kernels (driven by Gemm) ---------------------------------------------

    /** Rows MR of the f64 micro-tile. */
    int gemmRowsF64();

    /** Columns NR of the f64 micro-tile. */
    int gemmColsF64();

    /**
     * The f64 GEMM micro-kernel: with {@code P = sum_{p < kc} A[:, p] B[p, :]} over a packed
     * MR x kc panel {@code a} (MR values per {@code p}, starting at {@code aOff}) and a packed
     * kc x NR panel {@code b} (NR values per {@code p}), updates the {@code rows x cols}
     * top-left corner of the tile at {@code c[cOff + i * cRowStride + j * cColStride]} as
     * {@code C = alpha * P + beta * C} (C is not read when {@code beta == 0}). {@code tile}
     * is scratch of at least MR * NR elements. Panels must be zero-padded to full MR/NR.
     */
    void gemmMicroF64(int kc, double[] a, int aOff, double[] b, int bOff, double alpha, double beta,
                      double[] c, int cOff, int cRowStride, int cColStride, int rows, int cols,
                      double[] tile);

    /** Rows MR of the f32 micro-tile. */
    int gemmRowsF32();

    /** Columns NR of the f32 micro-tile. */
    int gemmColsF32();

    /** The f32 GEMM micro-kernel, see {@link #gemmMicroF64}. */
    void gemmMicroF32(int kc, float[] a, int aOff, float[] b, int bOff, float alpha, float beta,
                      float[] c, int cOff, int cRowStride, int cColStride, int rows, int cols,
                      float[] tile);
}
