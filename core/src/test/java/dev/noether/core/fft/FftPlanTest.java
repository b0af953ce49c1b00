package dev.noether.core.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FftPlanTest {

    static IntStream smallAndSpecialLengths() {
        // every length 1..64, the primes 97 and 1009, and composites with a Bluestein factor
        return IntStream.concat(IntStream.rangeClosed(1, 64),
                IntStream.of(97, 1009, 2 * 37, 3 * 41, 4 * 67, 7 * 11 * 13, 2 * 3 * 29, 4 * 7 * 11, 1000, 1024));
    }

    @ParameterizedTest
    @MethodSource("smallAndSpecialLengths")
    void complexForwardAndInverseMatchTheDirectDft(int n) {
        FftPlanF64 plan = FftPlanF64.of(n);
        double[] z = DftOracle.random(2 * n, 1000 + n);
        for (boolean inverse : new boolean[] {false, true}) {
            double[] expected = DftOracle.dft(z, inverse);
            double[] out = new double[2 * n + 6];
            double[] work = new double[plan.workLength() + 3];
            plan.transform(z, 0, out, 3, work, 3, inverse, 1.0);
            double[] got = java.util.Arrays.copyOfRange(out, 3, 3 + 2 * n);
            double err = DftOracle.relativeError(got, expected);
            assertTrue(err <= DftOracle.tolerance(n),
                    "n=" + n + " inverse=" + inverse + " relative error " + err);
            // in place gives the same bits
            double[] inPlace = z.clone();
            if (inverse) plan.inverse(inPlace, 0, work);
            else plan.forward(inPlace, 0, work);
            assertArrayEquals(got, inPlace, 0.0, "in-place differs, n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("smallAndSpecialLengths")
    void f32PlanMatchesTheF64DirectDftToSinglePrecision(int n) {
        FftPlanF32 plan = FftPlanF32.of(n);
        double[] z = DftOracle.random(2 * n, 3000 + n);
        float[] zf = new float[2 * n];
        for (int i = 0; i < zf.length; i++) {
            zf[i] = (float) z[i];
            z[i] = zf[i];
        }
        for (boolean inverse : new boolean[] {false, true}) {
            float[] out = new float[2 * n];
            plan.transform(zf, 0, out, 0, new float[plan.workLength()], 0, inverse, 1.0f);
            double err = DftOracle.relativeError(out, DftOracle.dft(z, inverse));
            assertTrue(err <= 1e-5, "n=" + n + " inverse=" + inverse + " f32 relative error " + err);
        }
    }

    @Test
    void powersOfTwoUpTo65536RoundTripAndMatchSampledBins() {
        for (int k = 1; k <= 16; k++) {
            int n = 1 << k;
            FftPlanF64 plan = FftPlanF64.of(n);
            double[] z = DftOracle.random(2 * n, 77 + k);
            double[] x = z.clone();
            double[] work = new double[plan.workLength()];
            plan.forward(x, 0, work);
            int[] bins = {0, 1, 2, n / 3, n / 2, n - 1, (int) (0.7 * n), 5 % n};
            double maxErr = 0.0;
            double norm = 0.0;
            for (int i = 0; i < 2 * n; i++) norm = Math.max(norm, Math.abs(x[i]));
            for (int b0 : bins) {
                int b = b0 % n;
                double[] ref = new double[2];
                DftOracle.bin(z, b, false, ref, 0);
                maxErr = Math.max(maxErr, Math.hypot(x[2 * b] - ref[0], x[2 * b + 1] - ref[1]));
            }
            assertTrue(maxErr <= DftOracle.tolerance(n) * norm, "n=" + n + " sampled-bin error " + maxErr);
            plan.transform(x, 0, x, 0, work, 0, true, 1.0 / n);
            double err = DftOracle.relativeError(x, z);
            assertTrue(err <= DftOracle.tolerance(n), "n=" + n + " round-trip error " + err);
        }
    }

    @Test
    void scaleMultipliesTheResult() {
        for (int n : new int[] {12, 97}) {
            FftPlanF64 plan = FftPlanF64.of(n);
            double[] z = DftOracle.random(2 * n, n);
            double[] expected = DftOracle.dft(z, false);
            for (FftNorm norm : FftNorm.values()) {
                double s = norm.forwardScale(n);
                double[] out = new double[2 * n];
                plan.transform(z, 0, out, 0, new double[plan.workLength()], 0, false, s);
                double[] scaled = expected.clone();
                for (int i = 0; i < scaled.length; i++) scaled[i] *= s;
                assertTrue(DftOracle.relativeError(out, scaled) <= DftOracle.tolerance(n), norm + " n=" + n);
            }
        }
    }

    @Test
    void plansAreCachedPerLengthAndSafeToShareAcrossThreads() throws Exception {
        assertSame(FftPlanF64.of(360), FftPlanF64.of(360));
        assertTrue(FftPlanF64.of(1009).isBluestein());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<double[]>> jobs = new ArrayList<>();
            double[] z = DftOracle.random(2 * 1009, 5);
            for (int t = 0; t < 8; t++) {
                jobs.add(() -> {
                    FftPlanF64 plan = FftPlanF64.of(1009);
                    double[] x = z.clone();
                    double[] work = new double[plan.workLength()];
                    for (int rep = 0; rep < 20; rep++) {
                        plan.forward(x, 0, work);
                        plan.transform(x, 0, x, 0, work, 0, true, 1.0 / 1009);
                    }
                    return x;
                });
            }
            double[] first = null;
            for (Future<double[]> f : pool.invokeAll(jobs)) {
                double[] r = f.get();
                if (first == null) first = r;
                assertArrayEquals(first, r, 0.0);
            }
            assertTrue(DftOracle.relativeError(first, z) < 1e-12);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheOperationNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FftPlanF64.of(0));
        assertTrue(e.getMessage().contains("length must be >= 1"), e.getMessage());
        FftPlanF64 plan = FftPlanF64.of(8);
        e = assertThrows(IllegalArgumentException.class, () -> plan.forward(new double[15], 0, new double[16]));
        assertTrue(e.getMessage().startsWith("FftPlanF64.forward: source array of length 15"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> plan.forward(new double[16], 0, new double[3]));
        assertTrue(e.getMessage().contains("work array of length 3"), e.getMessage());
        double[] a = new double[32];
        e = assertThrows(IllegalArgumentException.class,
                () -> plan.transform(a, 0, a, 2, new double[16], 0, false, 1.0));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        assertEquals(16, plan.workLength());
    }
}
