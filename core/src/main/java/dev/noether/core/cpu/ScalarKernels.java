package dev.noether.core.cpu;

/**
 * Plain-Java {@link VectorKernels}: the fallback where the Vector API is absent or disabled
 * ({@code -Dnoether.simd=scalar}), and the reference the SIMD implementation is tested against.
 *
 * <p>{@code exp} is {@link Math#exp} (rounded to float for f32); {@code sum}/{@code dot} use
 * 8 partial accumulators per {@link #SUM_BLOCK}-element block; the GEMM micro-tile is 4 x 4.
 */
public final class ScalarKernels implements VectorKernels {
    private static final int MR = 4;
    private static final int NR = 4;
    private static final int PARTIALS = 8;

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
        return pairwiseSum(x, off, n);
    }

    private static double pairwiseSum(double[] x, int off, int n) {
        if (n <= SUM_BLOCK) return blockSum(x, off, n);
        int half = splitPoint(n);
        return pairwiseSum(x, off, half) + pairwiseSum(x, off + half, n - half);
    }

    private static double blockSum(double[] x, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + PARTIALS <= n; i += PARTIALS) {
            int j = off + i;
            s0 += x[j]; s1 += x[j + 1]; s2 += x[j + 2]; s3 += x[j + 3];
            s4 += x[j + 4]; s5 += x[j + 5]; s6 += x[j + 6]; s7 += x[j + 7];
        }
        double s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        ArrayRanges.check("dot", "a", a.length, aOff, n);
        ArrayRanges.check("dot", "b", b.length, bOff, n);
        return pairwiseDot(a, aOff, b, bOff, n);
    }

    private static double pairwiseDot(double[] a, int aOff, double[] b, int bOff, int n) {
        if (n <= SUM_BLOCK) return blockDot(a, aOff, b, bOff, n);
        int half = splitPoint(n);
        return pairwiseDot(a, aOff, b, bOff, half)
                + pairwiseDot(a, aOff + half, b, bOff + half, n - half);
    }

    private static double blockDot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + PARTIALS <= n; i += PARTIALS) {
            int j = aOff + i, k = bOff + i;
            s0 += a[j] * b[k]; s1 += a[j + 1] * b[k + 1];
            s2 += a[j + 2] * b[k + 2]; s3 += a[j + 3] * b[k + 3];
            s4 += a[j + 4] * b[k + 4]; s5 += a[j + 5] * b[k + 5];
            s6 += a[j + 6] * b[k + 6]; s7 += a[j + 7] * b[k + 7];
        }
        double s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
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
        return pairwiseSum(x, off, n);
    }

    private static float pairwiseSum(float[] x, int off, int n) {
        if (n <= SUM_BLOCK) return blockSum(x, off, n);
        int half = splitPoint(n);
        return pairwiseSum(x, off, half) + pairwiseSum(x, off + half, n - half);
    }

    private static float blockSum(float[] x, int off, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + PARTIALS <= n; i += PARTIALS) {
            int j = off + i;
            s0 += x[j]; s1 += x[j + 1]; s2 += x[j + 2]; s3 += x[j + 3];
            s4 += x[j + 4]; s5 += x[j + 5]; s6 += x[j + 6]; s7 += x[j + 7];
        }
        float s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        ArrayRanges.check("dot", "a", a.length, aOff, n);
        ArrayRanges.check("dot", "b", b.length, bOff, n);
        return pairwiseDot(a, aOff, b, bOff, n);
    }

    private static float pairwiseDot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (n <= SUM_BLOCK) return blockDot(a, aOff, b, bOff, n);
        int half = splitPoint(n);
        return pairwiseDot(a, aOff, b, bOff, half)
                + pairwiseDot(a, aOff + half, b, bOff + half, n - half);
    }

    private static float blockDot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + PARTIALS <= n; i += PARTIALS) {
            int j = aOff + i, k = bOff + i;
            s0 += a[j] * b[k]; s1 += a[j + 1] * b[k + 1];
            s2 += a[j + 2] * b[k + 2]; s3 += a[j + 3] * b[k + 3];
            s4 += a[j + 4] * b[k + 4]; s5 += a[j + 5] * b[k + 5];
            s6 += a[j + 6] * b[k + 6]; s7 += a[j + 7] * b[k + 7];
        }
        float s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
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
