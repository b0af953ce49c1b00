package dev.noether.core.cpu;

/**
 * Plain-Java {@link VectorKernels}: the fallback where the Vector API is absent or disabled
 * ({@code -Dnoether.simd=scalar}), and the reference the SIMD implementation is tested against.
 *
 * <p>{@code exp} is {@link Math#exp} (rounded to float for f32); the GEMM micro-tile is 4 x 4
 * with separate multiply and add.
 */
public final class ScalarKernels implements VectorKernels {
    private static final int MR = 4;
    private static final int NR = 4;

    @Override
    public String name() {
        return "scalar";
    }

    // ---- f64 ---------------------------------------------------------------------------

    @Override
    public void add(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        check3("add", a.length, aOff, b.length, bOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + b[bOff + i];
    }

    @Override
    public void sub(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        check3("sub", a.length, aOff, b.length, bOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] - b[bOff + i];
    }

    @Override
    public void mul(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        check3("mul", a.length, aOff, b.length, bOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] * b[bOff + i];
    }

    @Override
    public void div(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        check3("div", a.length, aOff, b.length, bOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] / b[bOff + i];
    }

    @Override
    public void add(double[] a, int aOff, double s, double[] out, int outOff, int n) {
        check2("add", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + s;
    }

    @Override
    public void sub(double[] a, int aOff, double s, double[] out, int outOff, int n) {
        check2("sub", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] - s;
    }

    @Override
    public void sub(double s, double[] a, int aOff, double[] out, int outOff, int n) {
        check2("sub", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = s - a[aOff + i];
    }

    @Override
    public void mul(double[] a, int aOff, double s, double[] out, int outOff, int n) {
        check2("mul", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] * s;
    }

    @Override
    public void div(double[] a, int aOff, double s, double[] out, int outOff, int n) {
        check2("div", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] / s;
    }

    @Override
    public void div(double s, double[] a, int aOff, double[] out, int outOff, int n) {
        check2("div", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = s / a[aOff + i];
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        check2("axpy", x.length, xOff, y.length, yOff, n);
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void exp(double[] x, int xOff, double[] out, int outOff, int n) {
        check2("exp", x.length, xOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = Math.exp(x[xOff + i]);
    }

    @Override
    public double sum(double[] x, int off, int n) {
        ArrayRanges.check("sum", "x", x.length, off, n);
        return pairwiseSum(x, off, n, new double[SUM_PARTIALS]);
    }

    private static double pairwiseSum(double[] x, int off, int n, double[] partial) {
        if (n <= SUM_BLOCK) return blockSum(x, off, n, partial);
        int half = splitPoint(n);
        return pairwiseSum(x, off, half, partial) + pairwiseSum(x, off + half, n - half, partial);
    }

    private static double blockSum(double[] x, int off, int n, double[] partial) {
        java.util.Arrays.fill(partial, 0);
        int i = 0;
        for (; i + SUM_PARTIALS <= n; i += SUM_PARTIALS) {
            for (int j = 0; j < SUM_PARTIALS; j++) partial[j] += x[off + i + j];
        }
        double s = halvingReduce(partial);
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        ArrayRanges.check("dot", "a", a.length, aOff, n);
        ArrayRanges.check("dot", "b", b.length, bOff, n);
        return pairwiseDot(a, aOff, b, bOff, n, new double[SUM_PARTIALS]);
    }

    private static double pairwiseDot(double[] a, int aOff, double[] b, int bOff, int n, double[] partial) {
        if (n <= SUM_BLOCK) return blockDot(a, aOff, b, bOff, n, partial);
        int half = splitPoint(n);
        return pairwiseDot(a, aOff, b, bOff, half, partial)
                + pairwiseDot(a, aOff + half, b, bOff + half, n - half, partial);
    }

    private static double blockDot(double[] a, int aOff, double[] b, int bOff, int n, double[] partial) {
        java.util.Arrays.fill(partial, 0);
        int i = 0;
        for (; i + SUM_PARTIALS <= n; i += SUM_PARTIALS) {
            for (int j = 0; j < SUM_PARTIALS; j++) partial[j] += a[aOff + i + j] * b[bOff + i + j];
        }
        double s = halvingReduce(partial);
        for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    /** Reduces the partial sums by halving: {@code p[j] += p[j + h]} for h = P/2, ..., 1. */
    private static double halvingReduce(double[] partial) {
        for (int h = SUM_PARTIALS / 2; h >= 1; h /= 2) {
            for (int j = 0; j < h; j++) partial[j] += partial[j + h];
        }
        return partial[0];
    }

    @Override
    public double max(double[] x, int off, int n) {
        checkNonEmpty("max", n);
        ArrayRanges.check("max", "x", x.length, off, n);
        double m = x[off];
        for (int i = 1; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    // ---- f32 ---------------------------------------------------------------------------

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        check3("add", a.length, aOff, b.length, bOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + b[bOff + i];
    }

    @Override
    public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        check3("sub", a.length, aOff, b.length, bOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] - b[bOff + i];
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        check3("mul", a.length, aOff, b.length, bOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] * b[bOff + i];
    }

    @Override
    public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        check3("div", a.length, aOff, b.length, bOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] / b[bOff + i];
    }

    @Override
    public void add(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        check2("add", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + s;
    }

    @Override
    public void sub(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        check2("sub", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] - s;
    }

    @Override
    public void sub(float s, float[] a, int aOff, float[] out, int outOff, int n) {
        check2("sub", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = s - a[aOff + i];
    }

    @Override
    public void mul(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        check2("mul", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] * s;
    }

    @Override
    public void div(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        check2("div", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] / s;
    }

    @Override
    public void div(float s, float[] a, int aOff, float[] out, int outOff, int n) {
        check2("div", a.length, aOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = s / a[aOff + i];
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        check2("axpy", x.length, xOff, y.length, yOff, n);
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        check2("exp", x.length, xOff, out.length, outOff, n);
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.exp(x[xOff + i]);
    }

    @Override
    public float sum(float[] x, int off, int n) {
        ArrayRanges.check("sum", "x", x.length, off, n);
        return pairwiseSum(x, off, n, new float[SUM_PARTIALS]);
    }

    private static float pairwiseSum(float[] x, int off, int n, float[] partial) {
        if (n <= SUM_BLOCK) return blockSum(x, off, n, partial);
        int half = splitPoint(n);
        return pairwiseSum(x, off, half, partial) + pairwiseSum(x, off + half, n - half, partial);
    }

    private static float blockSum(float[] x, int off, int n, float[] partial) {
        java.util.Arrays.fill(partial, 0);
        int i = 0;
        for (; i + SUM_PARTIALS <= n; i += SUM_PARTIALS) {
            for (int j = 0; j < SUM_PARTIALS; j++) partial[j] += x[off + i + j];
        }
        float s = halvingReduce(partial);
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        ArrayRanges.check("dot", "a", a.length, aOff, n);
        ArrayRanges.check("dot", "b", b.length, bOff, n);
        return pairwiseDot(a, aOff, b, bOff, n, new float[SUM_PARTIALS]);
    }

    private static float pairwiseDot(float[] a, int aOff, float[] b, int bOff, int n, float[] partial) {
        if (n <= SUM_BLOCK) return blockDot(a, aOff, b, bOff, n, partial);
        int half = splitPoint(n);
        return pairwiseDot(a, aOff, b, bOff, half, partial)
                + pairwiseDot(a, aOff + half, b, bOff + half, n - half, partial);
    }

    private static float blockDot(float[] a, int aOff, float[] b, int bOff, int n, float[] partial) {
        java.util.Arrays.fill(partial, 0);
        int i = 0;
        for (; i + SUM_PARTIALS <= n; i += SUM_PARTIALS) {
            for (int j = 0; j < SUM_PARTIALS; j++) partial[j] += a[aOff + i + j] * b[bOff + i + j];
        }
        float s = halvingReduce(partial);
        for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    /** Reduces the partial sums by halving: {@code p[j] += p[j + h]} for h = P/2, ..., 1. */
    private static float halvingReduce(float[] partial) {
        for (int h = SUM_PARTIALS / 2; h >= 1; h /= 2) {
            for (int j = 0; j < h; j++) partial[j] += partial[j + h];
        }
        return partial[0];
    }

    @Override
    public float max(float[] x, int off, int n) {
        checkNonEmpty("max", n);
        ArrayRanges.check("max", "x", x.length, off, n);
        float m = x[off];
        for (int i = 1; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    // ---- GEMM micro-kernels --------------------------------------------------------------

    @Override
    public int gemmRowsF64() {
        return MR;
    }

    @Override
    public int gemmColsF64() {
        return NR;
    }

    @Override
    public void gemmMicroF64(int kc, double[] a, int aOff, double[] b, int bOff, double alpha,
                             double beta, double[] c, int cOff, int cRowStride, int cColStride,
                             int rows, int cols, double[] tile) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int ap = aOff, bp = bOff;
        for (int p = 0; p < kc; p++, ap += MR, bp += NR) {
            double b0 = b[bp], b1 = b[bp + 1], b2 = b[bp + 2], b3 = b[bp + 3];
            double a0 = a[ap];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            double a1 = a[ap + 1];
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            double a2 = a[ap + 2];
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            double a3 = a[ap + 3];
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
        tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
        tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
        tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
        for (int i = 0; i < rows; i++) {
            int ci = cOff + i * cRowStride;
            for (int j = 0; j < cols; j++) {
                int idx = ci + j * cColStride;
                double v = alpha * tile[i * NR + j];
                c[idx] = beta == 0 ? v : v + beta * c[idx];
            }
        }
    }

    @Override
    public int gemmRowsF32() {
        return MR;
    }

    @Override
    public int gemmColsF32() {
        return NR;
    }

    @Override
    public void gemmMicroF32(int kc, float[] a, int aOff, float[] b, int bOff, float alpha,
                             float beta, float[] c, int cOff, int cRowStride, int cColStride,
                             int rows, int cols, float[] tile) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int ap = aOff, bp = bOff;
        for (int p = 0; p < kc; p++, ap += MR, bp += NR) {
            float b0 = b[bp], b1 = b[bp + 1], b2 = b[bp + 2], b3 = b[bp + 3];
            float a0 = a[ap];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            float a1 = a[ap + 1];
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            float a2 = a[ap + 2];
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            float a3 = a[ap + 3];
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
        tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
        tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
        tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
        for (int i = 0; i < rows; i++) {
            int ci = cOff + i * cRowStride;
            for (int j = 0; j < cols; j++) {
                int idx = ci + j * cColStride;
                float v = alpha * tile[i * NR + j];
                c[idx] = beta == 0 ? v : v + beta * c[idx];
            }
        }
    }

    // ---- shared ------------------------------------------------------------------------

    /**
     * Where the pairwise recursion splits a range of {@code n > SUM_BLOCK} elements: half of
     * it rounded down to a multiple of {@link #SUM_BLOCK}, so every leaf is a full block
     * except possibly the last.
     */
    static int splitPoint(int n) {
        int blocks = (n + SUM_BLOCK - 1) / SUM_BLOCK;
        return (blocks / 2) * SUM_BLOCK;
    }

    static void checkNonEmpty(String op, int n) {
        if (n < 1) throw new IllegalArgumentException(op + ": needs at least one element, got n = " + n);
    }

    static void check2(String op, int xLen, int xOff, int outLen, int outOff, int n) {
        ArrayRanges.check(op, "input", xLen, xOff, n);
        ArrayRanges.check(op, "output", outLen, outOff, n);
    }

    static void check3(String op, int aLen, int aOff, int bLen, int bOff, int outLen, int outOff, int n) {
        ArrayRanges.check(op, "a", aLen, aOff, n);
        ArrayRanges.check(op, "b", bLen, bOff, n);
        ArrayRanges.check(op, "output", outLen, outOff, n);
    }
}
