package dev.noether.core.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernels} on the incubating Vector API ({@code jdk.incubator.vector}), using the
 * platform's preferred species (256-bit on AVX2: 4 doubles or 8 floats; 512-bit on AVX-512).
 *
 * <p>Only {@link Kernels} loads this class, by reflection, after checking that the module is
 * present; nothing else may reference it, so a JVM without the module never loads it.
 *
 * <p>Kernels:
 * <ul>
 *   <li>GEMM micro-tile MR x NR = 6 x (2 * lanes): 12 accumulator vectors updated by
 *       broadcast-A x load-B fused multiply-adds (6 x 8 for f64 and 6 x 16 for f32 on AVX2,
 *       6 x 16 and 6 x 32 on AVX-512).</li>
 *   <li>{@code exp}: {@code x = k ln2 + r}, {@code k = rint(x log2 e)}, {@code |r| <~ ln2/2},
 *       Cody-Waite reduction with {@code ln2 = LN2_HI + LN2_LO} ({@code k * LN2_HI} exact),
 *       {@code exp(r)} by its Taylor polynomial evaluated with FMAs (degree 13 for f64, truncation
 *       error < 5e-18 relative; degree 7 for f32, < 6e-9), then multiplication by
 *       {@code 2^k1 * 2^k2}, {@code k1 + k2 = k}, built from exponent bits, so subnormal results
 *       are rounded once and overflow gives {@code +Inf}. Inputs are clamped to
 *       {@code [EXP_MIN, EXP_MAX]} first, beyond which the result is already 0 or +Inf. The
 *       scalar tail evaluates the same formula with {@link Math#fma}, so a value's result does
 *       not depend on its position.</li>
 *   <li>{@code sum}/{@code dot}: the {@link VectorKernels} pairwise scheme with the 32 partials
 *       held in 256-bit vectors; on narrower hardware these two fall back to
 *       {@link ScalarKernels} (same result by contract).</li>
 * </ul>
 */
final class VectorApiKernels implements VectorKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final boolean WIDE_SUMS = D.vectorBitSize() >= 256;

    private static final int MR = 6;
    private static final int NR_F64 = 2 * DL;
    private static final int NR_F32 = 2 * FL;

    private static final ScalarKernels SCALAR = new ScalarKernels();

    // exp, f64
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42fee00000
    private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef35793c76
    private static final double SHIFT = 0x1.8p52; // adding it rounds |v| < 2^51 to an integer
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    static final double EXP_MAX = 710;
    static final double EXP_MIN = -746;
    private static final double[] EXP_TAYLOR = taylor(13);

    // exp, f32
    private static final float LOG2E_F = 1.44269504f;
    private static final float LN2_HI_F = 6.9314575195e-01f; // 0x3f317200
    private static final float LN2_LO_F = 1.4286067653e-06f; // 0x35bfbe8e
    private static final float SHIFT_F = 0x1.8p23f;
    private static final int SHIFT_BITS_F = Float.floatToRawIntBits(SHIFT_F);
    static final float EXP_MAX_F = 89;
    static final float EXP_MIN_F = -104;
    private static final float[] EXP_TAYLOR_F = toFloats(taylor(7));

    VectorApiKernels() {}

    @Override
    public String name() {
        return "vector(" + D.vectorBitSize() + "-bit)";
    }

    private static double[] taylor(int degree) {
        double[] c = new double[degree + 1];
        double f = 1;
        for (int i = 0; i <= degree; i++) {
            if (i > 0) f *= i;
            c[i] = 1 / f;
        }
        return c;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    // ---- exp ---------------------------------------------------------------------------

    @Override
    public void exp(double[] xs, int xOff, double[] out, int outOff, int n) {
        ScalarKernels.check2("exp", xs.length, xOff, out.length, outOff, n);
        int i = 0;
        // the formula is written out in the loop: a helper taking and returning vectors is too
        // large for C2 to inline, and an out-of-line call boxes its vectors
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector x = DoubleVector.fromArray(D, xs, xOff + i);
            DoubleVector xc = x.max(EXP_MIN).min(EXP_MAX);
            DoubleVector shift = DoubleVector.broadcast(D, SHIFT);
            DoubleVector t = xc.fma(DoubleVector.broadcast(D, LOG2E), shift);
            DoubleVector k = t.sub(shift);
            DoubleVector r = k.fma(DoubleVector.broadcast(D, -LN2_HI), xc);
            r = k.fma(DoubleVector.broadcast(D, -LN2_LO), r);
            double[] c = EXP_TAYLOR;
            DoubleVector p = DoubleVector.broadcast(D, c[13]);
            p = p.fma(r, DoubleVector.broadcast(D, c[12])); p = p.fma(r, DoubleVector.broadcast(D, c[11]));
            p = p.fma(r, DoubleVector.broadcast(D, c[10])); p = p.fma(r, DoubleVector.broadcast(D, c[9]));
            p = p.fma(r, DoubleVector.broadcast(D, c[8])); p = p.fma(r, DoubleVector.broadcast(D, c[7]));
            p = p.fma(r, DoubleVector.broadcast(D, c[6])); p = p.fma(r, DoubleVector.broadcast(D, c[5]));
            p = p.fma(r, DoubleVector.broadcast(D, c[4])); p = p.fma(r, DoubleVector.broadcast(D, c[3]));
            p = p.fma(r, DoubleVector.broadcast(D, c[2])); p = p.fma(r, DoubleVector.broadcast(D, c[1]));
            p = p.fma(r, DoubleVector.broadcast(D, c[0]));
            DoubleVector t1 = k.fma(DoubleVector.broadcast(D, 0.5), shift);
            DoubleVector k2 = k.sub(t1.sub(shift));
            DoubleVector t2 = k2.add(shift);
            DoubleVector s1 = t1.reinterpretAsLongs().sub(SHIFT_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s2 = t2.reinterpretAsLongs().sub(SHIFT_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector y = p.mul(s1).mul(s2);
            y.blend(x, x.compare(VectorOperators.NE, x)).intoArray(out, outOff + i); // NaN in, NaN out
        }
        for (; i < n; i++) out[outOff + i] = exp(xs[xOff + i]);
    }

    /** The lane formula of the vector loop in {@link #exp(double[], int, double[], int, int)}, for one value. */
    static double exp(double x) {
        if (x != x) return x;
        double xc = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        double t = Math.fma(xc, LOG2E, SHIFT);
        double k = t - SHIFT;
        double r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        double[] c = EXP_TAYLOR;
        double p = c[13];
        for (int j = 12; j >= 0; j--) p = Math.fma(p, r, c[j]);
        double t1 = Math.fma(k, 0.5, SHIFT);
        double k2 = k - (t1 - SHIFT);
        double t2 = k2 + SHIFT;
        double s1 = Double.longBitsToDouble((Double.doubleToRawLongBits(t1) - (SHIFT_BITS - 1023)) << 52);
        double s2 = Double.longBitsToDouble((Double.doubleToRawLongBits(t2) - (SHIFT_BITS - 1023)) << 52);
        return p * s1 * s2;
    }

    @Override
    public void exp(float[] xs, int xOff, float[] out, int outOff, int n) {
        ScalarKernels.check2("exp", xs.length, xOff, out.length, outOff, n);
        int i = 0;
        // the formula is written out in the loop: a helper taking and returning vectors is too
        // large for C2 to inline, and an out-of-line call boxes its vectors
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector x = FloatVector.fromArray(F, xs, xOff + i);
            FloatVector xc = x.max(EXP_MIN_F).min(EXP_MAX_F);
            FloatVector shift = FloatVector.broadcast(F, SHIFT_F);
            FloatVector t = xc.fma(FloatVector.broadcast(F, LOG2E_F), shift);
            FloatVector k = t.sub(shift);
            FloatVector r = k.fma(FloatVector.broadcast(F, -LN2_HI_F), xc);
            r = k.fma(FloatVector.broadcast(F, -LN2_LO_F), r);
            float[] c = EXP_TAYLOR_F;
            FloatVector p = FloatVector.broadcast(F, c[7]);
            p = p.fma(r, FloatVector.broadcast(F, c[6])); p = p.fma(r, FloatVector.broadcast(F, c[5]));
            p = p.fma(r, FloatVector.broadcast(F, c[4])); p = p.fma(r, FloatVector.broadcast(F, c[3]));
            p = p.fma(r, FloatVector.broadcast(F, c[2])); p = p.fma(r, FloatVector.broadcast(F, c[1]));
            p = p.fma(r, FloatVector.broadcast(F, c[0]));
            FloatVector t1 = k.fma(FloatVector.broadcast(F, 0.5f), shift);
            FloatVector k2 = k.sub(t1.sub(shift));
            FloatVector t2 = k2.add(shift);
            FloatVector s1 = t1.reinterpretAsInts().sub(SHIFT_BITS_F - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s2 = t2.reinterpretAsInts().sub(SHIFT_BITS_F - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector y = p.mul(s1).mul(s2);
            y.blend(x, x.compare(VectorOperators.NE, x)).intoArray(out, outOff + i); // NaN in, NaN out
        }
        for (; i < n; i++) out[outOff + i] = exp(xs[xOff + i]);
    }

    /** The lane formula of the vector loop in {@link #exp(float[], int, float[], int, int)}, for one value. */
    static float exp(float x) {
        if (x != x) return x;
        float xc = Math.min(Math.max(x, EXP_MIN_F), EXP_MAX_F);
        float t = Math.fma(xc, LOG2E_F, SHIFT_F);
        float k = t - SHIFT_F;
        float r = Math.fma(k, -LN2_HI_F, xc);
        r = Math.fma(k, -LN2_LO_F, r);
        float[] c = EXP_TAYLOR_F;
        float p = c[7];
        for (int j = 6; j >= 0; j--) p = Math.fma(p, r, c[j]);
        float t1 = Math.fma(k, 0.5f, SHIFT_F);
        float k2 = k - (t1 - SHIFT_F);
        float t2 = k2 + SHIFT_F;
        float s1 = Float.intBitsToFloat((Float.floatToRawIntBits(t1) - (SHIFT_BITS_F - 127)) << 23);
        float s2 = Float.intBitsToFloat((Float.floatToRawIntBits(t2) - (SHIFT_BITS_F - 127)) << 23);
        return p * s1 * s2;
    }

    // ---- reductions --------------------------------------------------------------------

    @Override
    public double sum(double[] x, int off, int n) {
        if (!WIDE_SUMS) return SCALAR.sum(x, off, n);
        ArrayRanges.check("sum", "x", x.length, off, n);
        return pairwiseSum(x, off, n);
    }

    private static double pairwiseSum(double[] x, int off, int n) {
        if (n <= SUM_BLOCK) return blockSum(x, off, n);
        int half = ScalarKernels.splitPoint(n);
        return pairwiseSum(x, off, half) + pairwiseSum(x, off + half, n - half);
    }

    // partial j of the contract is lane (j % 4) of accumulator (j / 4)
    private static double blockSum(double[] x, int off, int n) {
        DoubleVector a0 = DoubleVector.zero(D4), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        int i = 0;
        for (; i + SUM_PARTIALS <= n; i += SUM_PARTIALS) {
            int j = off + i;
            a0 = a0.add(DoubleVector.fromArray(D4, x, j));
            a1 = a1.add(DoubleVector.fromArray(D4, x, j + 4));
            a2 = a2.add(DoubleVector.fromArray(D4, x, j + 8));
            a3 = a3.add(DoubleVector.fromArray(D4, x, j + 12));
            a4 = a4.add(DoubleVector.fromArray(D4, x, j + 16));
            a5 = a5.add(DoubleVector.fromArray(D4, x, j + 20));
            a6 = a6.add(DoubleVector.fromArray(D4, x, j + 24));
            a7 = a7.add(DoubleVector.fromArray(D4, x, j + 28));
        }
        double s = halvingReduce(a0, a1, a2, a3, a4, a5, a6, a7);
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    private static double halvingReduce(DoubleVector a0, DoubleVector a1, DoubleVector a2, DoubleVector a3,
                                        DoubleVector a4, DoubleVector a5, DoubleVector a6, DoubleVector a7) {
        a0 = a0.add(a4); a1 = a1.add(a5); a2 = a2.add(a6); a3 = a3.add(a7); // h = 16
        a0 = a0.add(a2); a1 = a1.add(a3);                                   // h = 8
        a0 = a0.add(a1);                                                    // h = 4
        return (a0.lane(0) + a0.lane(2)) + (a0.lane(1) + a0.lane(3));       // h = 2, 1
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        if (!WIDE_SUMS) return SCALAR.dot(a, aOff, b, bOff, n);
        ArrayRanges.check("dot", "a", a.length, aOff, n);
        ArrayRanges.check("dot", "b", b.length, bOff, n);
        return pairwiseDot(a, aOff, b, bOff, n);
    }

    private static double pairwiseDot(double[] a, int aOff, double[] b, int bOff, int n) {
        if (n <= SUM_BLOCK) return blockDot(a, aOff, b, bOff, n);
        int half = ScalarKernels.splitPoint(n);
        return pairwiseDot(a, aOff, b, bOff, half)
                + pairwiseDot(a, aOff + half, b, bOff + half, n - half);
    }

    private static double blockDot(double[] a, int aOff, double[] b, int bOff, int n) {
        DoubleVector a0 = DoubleVector.zero(D4), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        int i = 0;
        for (; i + SUM_PARTIALS <= n; i += SUM_PARTIALS) {
            int j = aOff + i, k = bOff + i;
            a0 = a0.add(DoubleVector.fromArray(D4, a, j).mul(DoubleVector.fromArray(D4, b, k)));
            a1 = a1.add(DoubleVector.fromArray(D4, a, j + 4).mul(DoubleVector.fromArray(D4, b, k + 4)));
            a2 = a2.add(DoubleVector.fromArray(D4, a, j + 8).mul(DoubleVector.fromArray(D4, b, k + 8)));
            a3 = a3.add(DoubleVector.fromArray(D4, a, j + 12).mul(DoubleVector.fromArray(D4, b, k + 12)));
            a4 = a4.add(DoubleVector.fromArray(D4, a, j + 16).mul(DoubleVector.fromArray(D4, b, k + 16)));
            a5 = a5.add(DoubleVector.fromArray(D4, a, j + 20).mul(DoubleVector.fromArray(D4, b, k + 20)));
            a6 = a6.add(DoubleVector.fromArray(D4, a, j + 24).mul(DoubleVector.fromArray(D4, b, k + 24)));
            a7 = a7.add(DoubleVector.fromArray(D4, a, j + 28).mul(DoubleVector.fromArray(D4, b, k + 28)));
        }
        double s = halvingReduce(a0, a1, a2, a3, a4, a5, a6, a7);
        for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    @Override
    public float sum(float[] x, int off, int n) {
        if (!WIDE_SUMS) return SCALAR.sum(x, off, n);
        ArrayRanges.check("sum", "x", x.length, off, n);
        return pairwiseSum(x, off, n);
    }

    private static float pairwiseSum(float[] x, int off, int n) {
        if (n <= SUM_BLOCK) return blockSum(x, off, n);
        int half = ScalarKernels.splitPoint(n);
        return pairwiseSum(x, off, half) + pairwiseSum(x, off + half, n - half);
    }

    // partial j of the contract is lane (j % 8) of accumulator (j / 8)
    private static float blockSum(float[] x, int off, int n) {
        FloatVector a0 = FloatVector.zero(F8), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (; i + SUM_PARTIALS <= n; i += SUM_PARTIALS) {
            int j = off + i;
            a0 = a0.add(FloatVector.fromArray(F8, x, j));
            a1 = a1.add(FloatVector.fromArray(F8, x, j + 8));
            a2 = a2.add(FloatVector.fromArray(F8, x, j + 16));
            a3 = a3.add(FloatVector.fromArray(F8, x, j + 24));
        }
        float s = halvingReduce(a0, a1, a2, a3);
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    private static float halvingReduce(FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3) {
        a0 = a0.add(a2); a1 = a1.add(a3); // h = 16
        a0 = a0.add(a1);                  // h = 8
        return ((a0.lane(0) + a0.lane(4)) + (a0.lane(2) + a0.lane(6)))   // h = 4, 2, 1
                + ((a0.lane(1) + a0.lane(5)) + (a0.lane(3) + a0.lane(7)));
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (!WIDE_SUMS) return SCALAR.dot(a, aOff, b, bOff, n);
        ArrayRanges.check("dot", "a", a.length, aOff, n);
        ArrayRanges.check("dot", "b", b.length, bOff, n);
        return pairwiseDot(a, aOff, b, bOff, n);
    }

    private static float pairwiseDot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (n <= SUM_BLOCK) return blockDot(a, aOff, b, bOff, n);
        int half = ScalarKernels.splitPoint(n);
        return pairwiseDot(a, aOff, b, bOff, half)
                + pairwiseDot(a, aOff + half, b, bOff + half, n - half);
    }

    private static float blockDot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector a0 = FloatVector.zero(F8), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (; i + SUM_PARTIALS <= n; i += SUM_PARTIALS) {
            int j = aOff + i, k = bOff + i;
            a0 = a0.add(FloatVector.fromArray(F8, a, j).mul(FloatVector.fromArray(F8, b, k)));
            a1 = a1.add(FloatVector.fromArray(F8, a, j + 8).mul(FloatVector.fromArray(F8, b, k + 8)));
            a2 = a2.add(FloatVector.fromArray(F8, a, j + 16).mul(FloatVector.fromArray(F8, b, k + 16)));
            a3 = a3.add(FloatVector.fromArray(F8, a, j + 24).mul(FloatVector.fromArray(F8, b, k + 24)));
        }
        float s = halvingReduce(a0, a1, a2, a3);
        for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    @Override
    public double max(double[] x, int off, int n) {
        ScalarKernels.checkNonEmpty("max", n);
        ArrayRanges.check("max", "x", x.length, off, n);
        double m = x[off];
        int i = 0;
        if (n >= 2 * DL) {
            DoubleVector m0 = DoubleVector.fromArray(D, x, off), m1 = DoubleVector.fromArray(D, x, off + DL);
            for (i = 2 * DL; i + 2 * DL <= n; i += 2 * DL) {
                m0 = m0.max(DoubleVector.fromArray(D, x, off + i));
                m1 = m1.max(DoubleVector.fromArray(D, x, off + i + DL));
            }
            m0 = m0.max(m1);
            for (int l = 0; l < DL; l++) m = Math.max(m, m0.lane(l));
        }
        for (; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    @Override
    public float max(float[] x, int off, int n) {
        ScalarKernels.checkNonEmpty("max", n);
        ArrayRanges.check("max", "x", x.length, off, n);
        float m = x[off];
        int i = 0;
        if (n >= 2 * FL) {
            FloatVector m0 = FloatVector.fromArray(F, x, off), m1 = FloatVector.fromArray(F, x, off + FL);
            for (i = 2 * FL; i + 2 * FL <= n; i += 2 * FL) {
                m0 = m0.max(FloatVector.fromArray(F, x, off + i));
                m1 = m1.max(FloatVector.fromArray(F, x, off + i + FL));
            }
            m0 = m0.max(m1);
            for (int l = 0; l < FL; l++) m = Math.max(m, m0.lane(l));
        }
        for (; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    // ---- GEMM micro-kernels --------------------------------------------------------------

    @Override
    public int gemmRowsF64() {
        return MR;
    }

    @Override
    public int gemmColsF64() {
        return NR_F64;
    }

    @Override
    public void gemmMicroF64(int kc, double[] a, int aOff, double[] b, int bOff, double alpha,
                             double beta, double[] c, int cOff, int cRowStride, int cColStride,
                             int rows, int cols, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(D), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            // indices as explicit linear functions of p let C2 drop the B loads' bounds checks
            int ap = aOff + p * MR, bp = bOff + p * NR_F64;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bp + DL);
            DoubleVector av = DoubleVector.broadcast(D, a[ap]);
            c00 = av.fma(b0, c00); c01 = av.fma(b1, c01);
            av = DoubleVector.broadcast(D, a[ap + 1]);
            c10 = av.fma(b0, c10); c11 = av.fma(b1, c11);
            av = DoubleVector.broadcast(D, a[ap + 2]);
            c20 = av.fma(b0, c20); c21 = av.fma(b1, c21);
            av = DoubleVector.broadcast(D, a[ap + 3]);
            c30 = av.fma(b0, c30); c31 = av.fma(b1, c31);
            av = DoubleVector.broadcast(D, a[ap + 4]);
            c40 = av.fma(b0, c40); c41 = av.fma(b1, c41);
            av = DoubleVector.broadcast(D, a[ap + 5]);
            c50 = av.fma(b0, c50); c51 = av.fma(b1, c51);
        }
        // the accumulators go through the tile so that this method stays small enough for C2 to
        // inline every Vector API call (a call left out-of-line boxes its vectors)
        c00.intoArray(tile, 0); c01.intoArray(tile, DL);
        c10.intoArray(tile, NR_F64); c11.intoArray(tile, NR_F64 + DL);
        c20.intoArray(tile, 2 * NR_F64); c21.intoArray(tile, 2 * NR_F64 + DL);
        c30.intoArray(tile, 3 * NR_F64); c31.intoArray(tile, 3 * NR_F64 + DL);
        c40.intoArray(tile, 4 * NR_F64); c41.intoArray(tile, 4 * NR_F64 + DL);
        c50.intoArray(tile, 5 * NR_F64); c51.intoArray(tile, 5 * NR_F64 + DL);
        if (rows == MR && cols == NR_F64 && cColStride == 1) {
            storeTile(tile, alpha, beta, c, cOff, cRowStride);
        } else {
            storeTile(tile, alpha, beta, c, cOff, cRowStride, cColStride, rows, cols);
        }
    }

    /** {@code C = alpha * tile + beta * C} for a full tile with unit column stride. */
    private static void storeTile(double[] tile, double alpha, double beta, double[] c, int cOff, int cRowStride) {
        DoubleVector av = DoubleVector.broadcast(D, alpha);
        for (int i = 0; i < MR; i++) {
            int ci = cOff + i * cRowStride, ti = i * NR_F64;
            DoubleVector t0 = DoubleVector.fromArray(D, tile, ti), t1 = DoubleVector.fromArray(D, tile, ti + DL);
            if (beta == 0) {
                t0.mul(av).intoArray(c, ci);
                t1.mul(av).intoArray(c, ci + DL);
            } else {
                t0.fma(av, DoubleVector.fromArray(D, c, ci).mul(beta)).intoArray(c, ci);
                t1.fma(av, DoubleVector.fromArray(D, c, ci + DL).mul(beta)).intoArray(c, ci + DL);
            }
        }
    }

    /** The same update, lane by lane, for a partial or strided tile. */
    private static void storeTile(double[] tile, double alpha, double beta, double[] c, int cOff, int cRowStride,
                                  int cColStride, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int ci = cOff + i * cRowStride;
            for (int j = 0; j < cols; j++) {
                int idx = ci + j * cColStride;
                double t = tile[i * NR_F64 + j];
                c[idx] = beta == 0 ? t * alpha : Math.fma(t, alpha, c[idx] * beta);
            }
        }
    }

    @Override
    public int gemmRowsF32() {
        return MR;
    }

    @Override
    public int gemmColsF32() {
        return NR_F32;
    }

    @Override
    public void gemmMicroF32(int kc, float[] a, int aOff, float[] b, int bOff, float alpha,
                             float beta, float[] c, int cOff, int cRowStride, int cColStride,
                             int rows, int cols, float[] tile) {
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            // indices as explicit linear functions of p let C2 drop the B loads' bounds checks
            int ap = aOff + p * MR, bp = bOff + p * NR_F32;
            FloatVector b0 = FloatVector.fromArray(F, b, bp);
            FloatVector b1 = FloatVector.fromArray(F, b, bp + FL);
            FloatVector av = FloatVector.broadcast(F, a[ap]);
            c00 = av.fma(b0, c00); c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(F, a[ap + 1]);
            c10 = av.fma(b0, c10); c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(F, a[ap + 2]);
            c20 = av.fma(b0, c20); c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(F, a[ap + 3]);
            c30 = av.fma(b0, c30); c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(F, a[ap + 4]);
            c40 = av.fma(b0, c40); c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(F, a[ap + 5]);
            c50 = av.fma(b0, c50); c51 = av.fma(b1, c51);
        }
        // the accumulators go through the tile so that this method stays small enough for C2 to
        // inline every Vector API call (a call left out-of-line boxes its vectors)
        c00.intoArray(tile, 0); c01.intoArray(tile, FL);
        c10.intoArray(tile, NR_F32); c11.intoArray(tile, NR_F32 + FL);
        c20.intoArray(tile, 2 * NR_F32); c21.intoArray(tile, 2 * NR_F32 + FL);
        c30.intoArray(tile, 3 * NR_F32); c31.intoArray(tile, 3 * NR_F32 + FL);
        c40.intoArray(tile, 4 * NR_F32); c41.intoArray(tile, 4 * NR_F32 + FL);
        c50.intoArray(tile, 5 * NR_F32); c51.intoArray(tile, 5 * NR_F32 + FL);
        if (rows == MR && cols == NR_F32 && cColStride == 1) {
            storeTile(tile, alpha, beta, c, cOff, cRowStride);
        } else {
            storeTile(tile, alpha, beta, c, cOff, cRowStride, cColStride, rows, cols);
        }
    }

    /** {@code C = alpha * tile + beta * C} for a full tile with unit column stride. */
    private static void storeTile(float[] tile, float alpha, float beta, float[] c, int cOff, int cRowStride) {
        FloatVector av = FloatVector.broadcast(F, alpha);
        for (int i = 0; i < MR; i++) {
            int ci = cOff + i * cRowStride, ti = i * NR_F32;
            FloatVector t0 = FloatVector.fromArray(F, tile, ti), t1 = FloatVector.fromArray(F, tile, ti + FL);
            if (beta == 0) {
                t0.mul(av).intoArray(c, ci);
                t1.mul(av).intoArray(c, ci + FL);
            } else {
                t0.fma(av, FloatVector.fromArray(F, c, ci).mul(beta)).intoArray(c, ci);
                t1.fma(av, FloatVector.fromArray(F, c, ci + FL).mul(beta)).intoArray(c, ci + FL);
            }
        }
    }

    /** The same update, lane by lane, for a partial or strided tile. */
    private static void storeTile(float[] tile, float alpha, float beta, float[] c, int cOff, int cRowStride,
                                  int cColStride, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int ci = cOff + i * cRowStride;
            for (int j = 0; j < cols; j++) {
                int idx = ci + j * cColStride;
                float t = tile[i * NR_F32 + j];
                c[idx] = beta == 0 ? t * alpha : Math.fma(t, alpha, c[idx] * beta);
            }
        }
    }

    // ---- elementwise -------------------------------------------------------------------

    @Override
    public void add(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        ScalarKernels.check3("add", a.length, aOff, b.length, bOff, out.length, outOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, a, aOff + i).add(DoubleVector.fromArray(D, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] + b[bOff + i];
    }

    @Override
    public void sub(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        ScalarKernels.check3("sub", a.length, aOff, b.length, bOff, out.length, outOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, a, aOff + i).sub(DoubleVector.fromArray(D, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] - b[bOff + i];
    }

    @Override
    public void mul(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        ScalarKernels.check3("mul", a.length, aOff, b.length, bOff, out.length, outOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, a, aOff + i).mul(DoubleVector.fromArray(D, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] * b[bOff + i];
    }

    @Override
    public void div(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        ScalarKernels.check3("div", a.length, aOff, b.length, bOff, out.length, outOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, a, aOff + i).div(DoubleVector.fromArray(D, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] / b[bOff + i];
    }

    @Override
    public void add(double[] a, int aOff, double s, double[] out, int outOff, int n) {
        ScalarKernels.check2("add", a.length, aOff, out.length, outOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, a, aOff + i).add(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] + s;
    }

    @Override
    public void sub(double[] a, int aOff, double s, double[] out, int outOff, int n) {
        ScalarKernels.check2("sub", a.length, aOff, out.length, outOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, a, aOff + i).sub(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] - s;
    }

    @Override
    public void sub(double s, double[] a, int aOff, double[] out, int outOff, int n) {
        ScalarKernels.check2("sub", a.length, aOff, out.length, outOff, n);
        DoubleVector sv = DoubleVector.broadcast(D, s);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            sv.sub(DoubleVector.fromArray(D, a, aOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = s - a[aOff + i];
    }

    @Override
    public void mul(double[] a, int aOff, double s, double[] out, int outOff, int n) {
        ScalarKernels.check2("mul", a.length, aOff, out.length, outOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, a, aOff + i).mul(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] * s;
    }

    @Override
    public void div(double[] a, int aOff, double s, double[] out, int outOff, int n) {
        ScalarKernels.check2("div", a.length, aOff, out.length, outOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, a, aOff + i).div(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] / s;
    }

    @Override
    public void div(double s, double[] a, int aOff, double[] out, int outOff, int n) {
        ScalarKernels.check2("div", a.length, aOff, out.length, outOff, n);
        DoubleVector sv = DoubleVector.broadcast(D, s);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            sv.div(DoubleVector.fromArray(D, a, aOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = s / a[aOff + i];
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        ScalarKernels.check2("axpy", x.length, xOff, y.length, yOff, n);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(D, x, xOff + i).mul(alpha).add(DoubleVector.fromArray(D, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        ScalarKernels.check3("add", a.length, aOff, b.length, bOff, out.length, outOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).add(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] + b[bOff + i];
    }

    @Override
    public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        ScalarKernels.check3("sub", a.length, aOff, b.length, bOff, out.length, outOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).sub(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] - b[bOff + i];
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        ScalarKernels.check3("mul", a.length, aOff, b.length, bOff, out.length, outOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).mul(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] * b[bOff + i];
    }

    @Override
    public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        ScalarKernels.check3("div", a.length, aOff, b.length, bOff, out.length, outOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).div(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] / b[bOff + i];
    }

    @Override
    public void add(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        ScalarKernels.check2("add", a.length, aOff, out.length, outOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).add(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] + s;
    }

    @Override
    public void sub(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        ScalarKernels.check2("sub", a.length, aOff, out.length, outOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).sub(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] - s;
    }

    @Override
    public void sub(float s, float[] a, int aOff, float[] out, int outOff, int n) {
        ScalarKernels.check2("sub", a.length, aOff, out.length, outOff, n);
        FloatVector sv = FloatVector.broadcast(F, s);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            sv.sub(FloatVector.fromArray(F, a, aOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = s - a[aOff + i];
    }

    @Override
    public void mul(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        ScalarKernels.check2("mul", a.length, aOff, out.length, outOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).mul(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] * s;
    }

    @Override
    public void div(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        ScalarKernels.check2("div", a.length, aOff, out.length, outOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, a, aOff + i).div(s).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] / s;
    }

    @Override
    public void div(float s, float[] a, int aOff, float[] out, int outOff, int n) {
        ScalarKernels.check2("div", a.length, aOff, out.length, outOff, n);
        FloatVector sv = FloatVector.broadcast(F, s);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            sv.div(FloatVector.fromArray(F, a, aOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = s / a[aOff + i];
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        ScalarKernels.check2("axpy", x.length, xOff, y.length, yOff, n);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(F, x, xOff + i).mul(alpha).add(FloatVector.fromArray(F, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }
}
