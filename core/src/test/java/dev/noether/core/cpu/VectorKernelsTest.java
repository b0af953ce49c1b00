package dev.noether.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two {@link VectorKernels} implementations against each other (bit for bit where the
 * contract says so) and against independent oracles: Java arithmetic, {@link Math#exp} and exact
 * {@link BigDecimal} sums.
 */
class VectorKernelsTest {
    static final int[] LENGTHS = {0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 100, 255, 256, 257, 1000, 4099};
    final ScalarKernels scalar = new ScalarKernels();
    final VectorKernels vector = Kernels.vectorApiOrNull();

    /** Both implementations (the vector one only where the module is present). */
    VectorKernels[] all() {
        return vector == null ? new VectorKernels[] {scalar} : new VectorKernels[] {scalar, vector};
    }

    static double[] randomDoubles(SplittableRandom rnd, int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextDouble(lo, hi);
        return x;
    }

    static float[] randomFloats(SplittableRandom rnd, int n, double lo, double hi) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextDouble(lo, hi);
        return x;
    }

    @Test
    void elementwiseF64MatchesJavaArithmeticBitForBit() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (VectorKernels k : all()) {
            for (int n : LENGTHS) {
                int off = 3;
                double[] a = randomDoubles(rnd, n + off, -2, 2), b = randomDoubles(rnd, n + off, 0.5, 3);
                double s = rnd.nextDouble(-2, 2);
                double[] out = new double[n + 1];
                k.add(a, off, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] + b[off + i], out[1 + i], 0.0);
                k.sub(a, off, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] - b[off + i], out[1 + i], 0.0);
                k.mul(a, off, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] * b[off + i], out[1 + i], 0.0);
                k.div(a, off, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] / b[off + i], out[1 + i], 0.0);
                k.add(a, off, s, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] + s, out[1 + i], 0.0);
                k.sub(a, off, s, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] - s, out[1 + i], 0.0);
                k.sub(s, a, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(s - a[off + i], out[1 + i], 0.0);
                k.mul(a, off, s, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] * s, out[1 + i], 0.0);
                k.div(a, off, s, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] / s, out[1 + i], 0.0);
                k.div(s, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(s / b[off + i], out[1 + i], 0.0);
                double[] y = b.clone();
                k.axpy(n, s, a, off, y, off);
                for (int i = 0; i < n; i++) assertEquals(b[off + i] + s * a[off + i], y[off + i], 0.0, k.name());
                // in place
                double[] z = a.clone();
                k.mul(z, off, z, off, z, off, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] * a[off + i], z[off + i], 0.0);
            }
        }
    }

    @Test
    void elementwiseF32MatchesJavaArithmeticBitForBit() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (VectorKernels k : all()) {
            for (int n : LENGTHS) {
                int off = 2;
                float[] a = randomFloats(rnd, n + off, -2, 2), b = randomFloats(rnd, n + off, 0.5, 3);
                float s = (float) rnd.nextDouble(-2, 2);
                float[] out = new float[n + 1];
                k.add(a, off, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] + b[off + i], out[1 + i], 0f);
                k.sub(a, off, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] - b[off + i], out[1 + i], 0f);
                k.mul(a, off, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] * b[off + i], out[1 + i], 0f);
                k.div(a, off, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] / b[off + i], out[1 + i], 0f);
                k.add(a, off, s, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] + s, out[1 + i], 0f);
                k.sub(a, off, s, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] - s, out[1 + i], 0f);
                k.sub(s, a, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(s - a[off + i], out[1 + i], 0f);
                k.mul(a, off, s, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] * s, out[1 + i], 0f);
                k.div(a, off, s, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(a[off + i] / s, out[1 + i], 0f);
                k.div(s, b, off, out, 1, n);
                for (int i = 0; i < n; i++) assertEquals(s / b[off + i], out[1 + i], 0f);
                float[] y = b.clone();
                k.axpy(n, s, a, off, y, off);
                for (int i = 0; i < n; i++) assertEquals(b[off + i] + s * a[off + i], y[off + i], 0f, k.name());
            }
        }
    }

    /** Exact sum of x[off..off+n) or of the rounded products a[i] * b[i]. */
    static double exactSum(double[] a, double[] b, int off, int n) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            double v = b == null ? a[off + i] : a[off + i] * b[off + i];
            s = s.add(new BigDecimal(v));
        }
        return s.round(MathContext.DECIMAL128).doubleValue();
    }

    @Test
    void sumAndDotAreAccurateAndIdenticalAcrossImplementations() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {0, 1, 5, 31, 32, 33, 255, 256, 257, 513, 1000, 10_007, 100_000}) {
            int off = 5;
            double[] x = randomDoubles(rnd, n + off, -1, 1), y = randomDoubles(rnd, n + off, -1, 1);
            double abs = 0, absDot = 0;
            for (int i = 0; i < n; i++) {
                abs += Math.abs(x[off + i]);
                absDot += Math.abs(x[off + i] * y[off + i]);
            }
            // rounding steps in the contract's order: pairwise levels, 8 rounds, 5 halvings, <= 31 tail adds
            double levels = Math.log(Math.max(2, n)) / Math.log(2) + 8 + 5 + 31;
            double eps = Math.ulp(1.0);
            double sum = scalar.sum(x, off, n), dot = scalar.dot(x, off, y, off, n);
            assertEquals(exactSum(x, null, off, n), sum, levels * eps * abs, "sum n=" + n);
            assertEquals(exactSum(x, y, off, n), dot, levels * eps * absDot, "dot n=" + n);

            float[] fx = GemmTest.toFloat(x), fy = GemmTest.toFloat(y);
            double fexact = exactSum(GemmTest.toDouble(fx), null, off, n);
            float feps = Math.ulp(1f);
            float fsum = scalar.sum(fx, off, n);
            assertEquals(fexact, fsum, levels * feps * abs * 1.01, "f32 sum n=" + n);
            if (vector != null) {
                assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(vector.sum(x, off, n)), "sum n=" + n);
                assertEquals(Double.doubleToRawLongBits(dot), Double.doubleToRawLongBits(vector.dot(x, off, y, off, n)), "dot n=" + n);
                assertEquals(Float.floatToRawIntBits(fsum), Float.floatToRawIntBits(vector.sum(fx, off, n)), "f32 sum n=" + n);
                assertEquals(Float.floatToRawIntBits(scalar.dot(fx, off, fy, off, n)),
                        Float.floatToRawIntBits(vector.dot(fx, off, fy, off, n)), "f32 dot n=" + n);
            }
        }
    }

    @Test
    void sumFollowsTheDocumentedOrder() {
        // an independent transcription of the contract's order, checked bit for bit
        SplittableRandom rnd = new SplittableRandom(4);
        for (int n : new int[] {7, 40, 256, 300, 1337}) {
            double[] x = randomDoubles(rnd, n, -1e3, 1e3);
            for (int i = 0; i < n; i += 7) x[i] *= 1e12; // make the order matter
            double ref = contractSum(x, 0, n);
            for (VectorKernels k : all()) assertEquals(ref, k.sum(x, 0, n), 0.0, k.name() + " n=" + n);
        }
    }

    static double contractSum(double[] x, int off, int n) {
        int block = VectorKernels.SUM_BLOCK, parts = VectorKernels.SUM_PARTIALS;
        if (n > block) {
            int half = ((n + block - 1) / block / 2) * block;
            return contractSum(x, off, half) + contractSum(x, off + half, n - half);
        }
        double[] s = new double[parts];
        int full = n / parts * parts;
        for (int i = 0; i < full; i++) s[i % parts] += x[off + i];
        for (int h = parts / 2; h >= 1; h /= 2) {
            for (int j = 0; j < h; j++) s[j] = s[j] + s[j + h];
        }
        double r = s[0];
        for (int i = full; i < n; i++) r += x[off + i];
        return r;
    }

    @Test
    void maxPropagatesNaNAndRejectsEmpty() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (VectorKernels k : all()) {
            for (int n : LENGTHS) {
                if (n == 0) continue;
                double[] x = randomDoubles(rnd, n, -5, 5);
                double ref = Double.NEGATIVE_INFINITY;
                for (double v : x) ref = Math.max(ref, v);
                assertEquals(ref, k.max(x, 0, n), 0.0);
                float[] f = GemmTest.toFloat(x);
                assertEquals((float) ref, k.max(f, 0, n), 0f);
                int at = rnd.nextInt(n);
                x[at] = Double.NaN;
                f[at] = Float.NaN;
                assertTrue(Double.isNaN(k.max(x, 0, n)), k.name() + " n=" + n + " NaN at " + at);
                assertTrue(Float.isNaN(k.max(f, 0, n)), k.name() + " f32 n=" + n + " NaN at " + at);
            }
            assertThrows(IllegalArgumentException.class, () -> k.max(new double[3], 0, 0));
        }
    }

    /** Distance in units in the last place between two doubles of the same sign. */
    static long ulps(double a, double b) {
        if (a == b) return 0;
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    static long ulps(float a, float b) {
        if (a == b) return 0;
        return Math.abs(Float.floatToIntBits(a) - Float.floatToIntBits(b));
    }

    static final double[] EXP_SPECIAL = {0.0, -0.0, 1e-300, -1e-300, 1e-17, 0.5 * Math.log(2), 1, -1, 20, -20,
            700, 709.78, 709.7827128933839, 709.79, 710, 1000, -700, -708.39, -709, -720, -744.44, -745.1,
            -745.13, -745.2, -746, -1000, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.MAX_VALUE, -Double.MAX_VALUE};

    @Test
    void expF64WithinTwoUlpOfMathExp() {
        SplittableRandom rnd = new SplittableRandom(6);
        int n = 20_000;
        double[] x = new double[n + EXP_SPECIAL.length];
        for (int i = 0; i < n; i++) {
            x[i] = i % 3 == 0 ? rnd.nextDouble(-750, 712) : rnd.nextDouble(-5, 5);
        }
        System.arraycopy(EXP_SPECIAL, 0, x, n, EXP_SPECIAL.length);
        for (VectorKernels k : all()) {
            // every value in a vector body and, shifted by one, in a scalar tail
            for (int shift = 0; shift < 2; shift++) {
                double[] out = new double[x.length];
                k.exp(x, shift, out, shift, x.length - shift);
                long worst = 0;
                for (int i = shift; i < x.length; i++) {
                    double ref = Math.exp(x[i]);
                    if (Double.isNaN(ref)) {
                        assertTrue(Double.isNaN(out[i]), "exp(NaN) " + k.name());
                        continue;
                    }
                    long u = ulps(ref, out[i]);
                    worst = Math.max(worst, u);
                    if (u > 2) fail(k.name() + ": exp(" + x[i] + ") = " + out[i] + ", Math.exp " + ref + " (" + u + " ulp)");
                }
                assertTrue(worst <= 2);
            }
        }
    }

    @Test
    void expF32WithinTwoUlpOfRoundedMathExp() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 20_000;
        float[] special = {0f, -0f, 1e-30f, 1f, -1f, 88f, 88.72f, 88.73f, 89f, 100f, -87f, -87.5f, -100f, -103.9f,
                -104f, -110f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        float[] x = new float[n + special.length];
        for (int i = 0; i < n; i++) x[i] = (float) (i % 3 == 0 ? rnd.nextDouble(-106, 90) : rnd.nextDouble(-5, 5));
        System.arraycopy(special, 0, x, n, special.length);
        for (VectorKernels k : all()) {
            for (int shift = 0; shift < 2; shift++) {
                float[] out = new float[x.length];
                k.exp(x, shift, out, shift, x.length - shift);
                for (int i = shift; i < x.length; i++) {
                    float ref = (float) Math.exp(x[i]);
                    if (Float.isNaN(ref)) {
                        assertTrue(Float.isNaN(out[i]));
                        continue;
                    }
                    long u = ulps(ref, out[i]);
                    if (u > 2) fail(k.name() + ": exp(" + x[i] + "f) = " + out[i] + ", Math.exp " + ref + " (" + u + " ulp)");
                }
            }
        }
    }

    @Test
    void rangesAreCheckedWithTheKernelName() {
        for (VectorKernels k : all()) {
            double[] a = new double[10];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> k.add(a, 2, a, 0, new double[10], 0, 9));
            assertTrue(e.getMessage().startsWith("add:"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> k.exp(new float[4], 0, new float[3], 0, 4));
            assertTrue(e.getMessage().startsWith("exp:"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> k.sum(a, -1, 2));
            assertTrue(e.getMessage().startsWith("sum:"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> k.dot(a, 0, new double[3], 0, 4));
            assertTrue(e.getMessage().startsWith("dot:"), e.getMessage());
        }
    }
}
