package dev.noether.core.random;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Statistical sanity checks with fixed seeds. Every bound is derived from the sample size: a
 * sample mean / variance must lie within {@value #Z} standard errors of the true value, a
 * chi-square statistic within {@value #Z} standard deviations ({@code sqrt(2 df)}) of its mean
 * {@code df}, and the Kolmogorov-Smirnov statistic below the 0.1% critical value
 * {@code 1.95 / sqrt(n)} of the Kolmogorov distribution. With fixed seeds the tests are
 * deterministic; the bounds say how far a correct generator could plausibly stray.
 */
class RngStatisticsTest {
    private static final double Z = 5.0;
    private static final double KS_CRITICAL_0_001 = 1.95;

    private static void assertMeanVariance(String what, double[] x, double mean, double variance, double fourthCentral) {
        int n = x.length;
        double m = 0;
        for (double v : x) m += v;
        m /= n;
        double s2 = 0;
        for (double v : x) s2 += (v - m) * (v - m);
        s2 /= n - 1;
        double seMean = Math.sqrt(variance / n);
        double seVar = Math.sqrt((fourthCentral - variance * variance) / n);
        assertTrue(Math.abs(m - mean) < Z * seMean, what + ": mean " + m + " vs " + mean + " (se " + seMean + ")");
        assertTrue(Math.abs(s2 - variance) < Z * seVar,
                what + ": variance " + s2 + " vs " + variance + " (se " + seVar + ")");
    }

    private static void assertChiSquare(String what, long[] counts, double[] probabilities, long n) {
        double chi2 = 0;
        for (int i = 0; i < counts.length; i++) {
            double expected = n * probabilities[i];
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        int df = counts.length - 1;
        double sd = Math.sqrt(2.0 * df);
        assertTrue(Math.abs(chi2 - df) < Z * sd, what + ": chi-square " + chi2 + " with " + df + " dof");
    }

    private static void assertChiSquareUniform(String what, long[] counts, long n) {
        double[] p = new double[counts.length];
        java.util.Arrays.fill(p, 1.0 / counts.length);
        assertChiSquare(what, counts, p, n);
    }

    @Test
    void uniformDoubleMomentsAndBins() {
        int n = 400_000;
        double[] x = new double[n];
        Rng.seed(1).fillUniform(x);
        assertMeanVariance("uniform f64", x, 0.5, 1.0 / 12, 1.0 / 80);
        long[] counts = new long[100];
        for (double v : x) counts[(int) (v * 100)]++;
        assertChiSquareUniform("uniform f64 bins", counts, n);
        double[] scalar = new double[n];
        Rng r = Rng.seed(2);
        for (int i = 0; i < n; i++) scalar[i] = r.uniform(-1, 3);
        assertMeanVariance("scalar uniform(-1, 3)", scalar, 1.0, 16.0 / 12, 256.0 / 80);
    }

    @Test
    void uniformFloatMomentsAndBins() {
        int n = 400_000;
        float[] f = new float[n];
        Rng.seed(3).fillUniform(f);
        double[] x = new double[n];
        long[] counts = new long[64];
        for (int i = 0; i < n; i++) {
            x[i] = f[i];
            counts[(int) (f[i] * 64)]++;
        }
        assertMeanVariance("uniform f32", x, 0.5, 1.0 / 12, 1.0 / 80);
        assertChiSquareUniform("uniform f32 bins", counts, n);
    }

    @Test
    void normalMomentsAndKolmogorovSmirnov() {
        int n = 200_000;
        double[] z = new double[n];
        Rng.seed(4).fillNormal(z);
        assertMeanVariance("normal f64", z, 0, 1, 3);
        assertKsNormal("normal f64", z, 0, 1);

        double[] shifted = new double[n];
        Rng.seed(5).fillNormal(shifted, -2, 3);
        assertMeanVariance("normal(-2, 3)", shifted, -2, 9, 3 * 81);
        assertKsNormal("normal(-2, 3)", shifted, -2, 3);

        double[] scalar = new double[n / 4];
        Rng r = Rng.seed(6);
        for (int i = 0; i < scalar.length; i++) scalar[i] = r.normal();
        assertKsNormal("scalar normal", scalar, 0, 1);

        // the cosine and sine halves must each be normal (odd / even elements)
        double[] even = new double[n / 2];
        double[] odd = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            even[i] = z[2 * i];
            odd[i] = z[2 * i + 1];
        }
        assertKsNormal("normal even elements", even, 0, 1);
        assertKsNormal("normal odd elements", odd, 0, 1);
    }

    private static void assertKsNormal(String what, double[] sample, double mean, double std) {
        double d = ksNormal(sample, mean, std);
        double bound = KS_CRITICAL_0_001 / Math.sqrt(sample.length);
        assertTrue(d < bound, what + ": KS statistic " + d + " >= " + bound);
    }

    @Test
    void theKsCheckHasPowerAgainstASmallScaleError() {
        // the check above is only worth something if it rejects a slightly wrong distribution
        int n = 200_000;
        double[] z = new double[n];
        Rng.seed(4).fillNormal(z);
        for (int i = 0; i < n; i++) z[i] *= 1.03;
        assertTrue(ksNormal(z, 0, 1) > KS_CRITICAL_0_001 / Math.sqrt(n), "a 3% scale error must be detected");
    }

    private static double ksNormal(double[] sample, double mean, double std) {
        double[] x = sample.clone();
        java.util.Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double cdf = normalCdf((x[i] - mean) / std);
            d = Math.max(d, Math.max(cdf - (double) i / n, (double) (i + 1) / n - cdf));
        }
        return d;
    }

    /**
     * Standard normal CDF from the Chebyshev-fitted erfc ("erfcc") of Numerical Recipes, 2nd ed.,
     * section 6.2, fractional error below 1.2e-7: far below the KS resolution ~4e-3 used here.
     */
    private static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    @Test
    void floatNormalMoments() {
        int n = 200_000;
        float[] f = new float[n];
        Rng.seed(7).fillNormal(f, 1f, 0.5f);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = f[i];
        assertMeanVariance("normal f32", x, 1, 0.25, 3 * 0.0625);
        assertKsNormal("normal f32", x, 1, 0.5);
    }

    @Test
    void boundedIntegersAreUnbiased() {
        int n = 300_000;
        Rng r = Rng.seed(8);
        long[] counts = new long[7];
        for (int i = 0; i < n; i++) counts[r.nextInt(7)]++;
        assertChiSquareUniform("nextInt(7)", counts, n);

        // For bound = 3 * 2^29 a modulo reduction of 32-bit words would give the lower half of the
        // range probability 9/16 instead of 1/2; an unbiased method gives 1/2 within Z sigma.
        int bound = 3 << 29;
        long below = 0;
        for (int i = 0; i < n; i++) if (r.nextInt(bound) < bound / 2) below++;
        double se = Math.sqrt(0.25 / n);
        assertTrue(Math.abs((double) below / n - 0.5) < Z * se, "nextInt(3*2^29) lower-half fraction " + (double) below / n);

        // the same check for 64-bit ranges, scalar and bulk
        long lbound = 3L << 61;
        below = 0;
        for (int i = 0; i < n; i++) if (r.nextLong(lbound) < lbound / 2) below++;
        assertTrue(Math.abs((double) below / n - 0.5) < Z * se, "nextLong(3*2^61) lower-half fraction");
        long[] bulk = new long[n];
        r.fillIntegers(bulk, 0, lbound);
        below = 0;
        for (long v : bulk) if (v < lbound / 2) below++;
        assertTrue(Math.abs((double) below / n - 0.5) < Z * se, "fillIntegers(0, 3*2^61) lower-half fraction");

        long[] dice = new long[n];
        r.fillIntegers(dice, 1, 7);
        long[] dc = new long[6];
        for (long v : dice) dc[(int) v - 1]++;
        assertChiSquareUniform("fillIntegers(1, 7)", dc, n);
    }

    @Test
    void permutationPositionsAreUniform() {
        int trials = 60_000;
        int n = 10;
        Rng r = Rng.seed(9);
        long[] whereZero = new long[n];
        long[] firstElement = new long[n];
        for (int t = 0; t < trials; t++) {
            int[] p = r.permutationIndices(n);
            firstElement[p[0]]++;
            for (int i = 0; i < n; i++) if (p[i] == 0) whereZero[i]++;
        }
        assertChiSquareUniform("position of 0", whereZero, trials);
        assertChiSquareUniform("first element", firstElement, trials);
    }
}
