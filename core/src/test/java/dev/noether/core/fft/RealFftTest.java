package dev.noether.core.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.Tensor;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RealFftTest {

    static IntStream lengths() {
        return IntStream.concat(IntStream.rangeClosed(1, 64), IntStream.of(97, 194, 1009, 1024, 2018, 4096));
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void rfftIsTheFirstHalfOfTheDirectDft(int n) {
        double[] x = DftOracle.random(n, 31 * n);
        double[] full = DftOracle.dft(DftOracle.complexOf(x), false);
        double[] expected = Arrays.copyOf(full, 2 * (n / 2 + 1));
        Tensor got = Fft.rfft(Tensor.of(x.clone(), n), 0, FftNorm.BACKWARD);
        assertArrayEquals(new int[] {n / 2 + 1, 2}, got.shape());
        double err = DftOracle.relativeError(got.toDoubleArray(), expected);
        assertTrue(err <= DftOracle.tolerance(n), "n=" + n + " error " + err);
        assertEquals(0.0, got.get(0, 1), "imaginary part of the DC bin");
        if (n % 2 == 0) assertEquals(0.0, got.get(n / 2, 1), "imaginary part of the Nyquist bin");
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void irfftMatchesTheDirectInverseOfTheHermitianExtension(int n) {
        int bins = n / 2 + 1;
        double[] spec = DftOracle.random(2 * bins, 7 * n + 1);
        // numpy's irfft ignores the imaginary parts of the DC bin and (even n) the Nyquist bin
        double[] ext = new double[2 * n];
        for (int k = 0; k < bins; k++) {
            boolean realOnly = k == 0 || 2 * k == n;
            ext[2 * k] = spec[2 * k];
            ext[2 * k + 1] = realOnly ? 0.0 : spec[2 * k + 1];
            if (k > 0 && 2 * k != n) {
                ext[2 * (n - k)] = spec[2 * k];
                ext[2 * (n - k) + 1] = -spec[2 * k + 1];
            }
        }
        double[] ref = DftOracle.dft(ext, true);
        double[] expected = new double[n];
        for (int j = 0; j < n; j++) expected[j] = ref[2 * j] / n;
        Tensor got = Fft.irfft(Tensor.of(spec, bins, 2), n, 0, FftNorm.BACKWARD);
        assertArrayEquals(new int[] {n}, got.shape());
        double err = DftOracle.relativeError(got.toDoubleArray(), expected);
        assertTrue(err <= DftOracle.tolerance(n), "n=" + n + " error " + err);
    }

    @Test
    void roundTripsForEveryNormIncludingOddLengths() {
        for (int n : new int[] {1, 2, 3, 5, 7, 9, 15, 16, 17, 31, 97, 100, 1009, 1024}) {
            for (FftNorm norm : FftNorm.values()) {
                double[] x = DftOracle.random(3 * n, n + norm.ordinal());
                Tensor t = Tensor.of(x.clone(), 3, n);
                Tensor back = Fft.irfft(Fft.rfft(t, -1, norm), n, -1, norm);
                double err = DftOracle.relativeError(back.toDoubleArray(), x);
                assertTrue(err <= DftOracle.tolerance(n), "n=" + n + " " + norm + " error " + err);
            }
        }
    }

    @Test
    void eachNormScalesAsNumpyDoes() {
        int n = 48;
        double[] x = DftOracle.random(n, 3);
        double[] full = DftOracle.dft(DftOracle.complexOf(x), false);
        double[] half = Arrays.copyOf(full, 2 * (n / 2 + 1));
        double[][] factors = {{1.0, 1.0 / n}, {1.0 / Math.sqrt(n), 1.0 / Math.sqrt(n)}, {1.0 / n, 1.0}};
        for (FftNorm norm : FftNorm.values()) {
            double f = factors[norm.ordinal()][0];
            double g = factors[norm.ordinal()][1];
            Tensor spec = Fft.rfft(Tensor.of(x.clone(), n), 0, norm);
            assertTrue(DftOracle.relativeError(spec.toDoubleArray(), DftOracle.scaled(half, f)) < 1e-14 * 6, norm.name());
            // the inverse with the same norm carries g: irfft of the unscaled spectrum is g * n * x
            Tensor y = Fft.irfft(Tensor.of(half.clone(), n / 2 + 1, 2), n, 0, norm);
            assertTrue(DftOracle.relativeError(y.toDoubleArray(), DftOracle.scaled(x, g * n)) < 1e-14 * 6, norm.name());
        }
    }

    @Test
    void parsevalHoldsForTheOrthonormalTransform() {
        for (int n : new int[] {64, 63, 1000, 1009}) {
            double[] x = DftOracle.random(n, n);
            double energy = 0.0;
            for (double v : x) energy += v * v;
            double[] spec = Fft.rfft(Tensor.of(x.clone(), n), 0, FftNorm.ORTHO).toDoubleArray();
            double sum = 0.0;
            for (int k = 0; k <= n / 2; k++) {
                double p = spec[2 * k] * spec[2 * k] + spec[2 * k + 1] * spec[2 * k + 1];
                boolean single = k == 0 || 2 * k == n;
                sum += single ? p : 2 * p;
            }
            assertEquals(energy, sum, 1e-13 * energy, "n=" + n);
            double[] z = DftOracle.random(2 * n, n + 1);
            double ez = 0.0;
            for (double v : z) ez += v * v;
            double[] zs = Fft.fft(Tensor.of(z.clone(), n, 2), 0, FftNorm.ORTHO).toDoubleArray();
            double es = 0.0;
            for (double v : zs) es += v * v;
            assertEquals(ez, es, 1e-13 * ez, "complex n=" + n);
        }
    }

    @Test
    void lengthArgumentPadsAndCropsLikeNumpy() {
        double[] x = DftOracle.random(10, 9);
        // rfft with n=16 of 10 points == rfft of the zero-padded signal
        Tensor padded = Fft.rfft(Tensor.of(x.clone(), 10), 16, 0, FftNorm.BACKWARD);
        Tensor reference = Fft.rfft(Tensor.of(Arrays.copyOf(x, 16), 16), 0, FftNorm.BACKWARD);
        assertArrayEquals(reference.toDoubleArray(), padded.toDoubleArray(), 0.0);
        // n=6 uses the first 6 points
        Tensor cropped = Fft.rfft(Tensor.of(x.clone(), 10), 6, 0, FftNorm.BACKWARD);
        Tensor ref6 = Fft.rfft(Tensor.of(Arrays.copyOf(x, 6), 6), 0, FftNorm.BACKWARD);
        assertArrayEquals(ref6.toDoubleArray(), cropped.toDoubleArray(), 0.0);
        // irfft with more bins than n/2+1 ignores the extra ones; with fewer, pads with zeros
        double[] spec = DftOracle.random(2 * 9, 4);
        Tensor many = Fft.irfft(Tensor.of(spec.clone(), 9, 2), 8, 0, FftNorm.BACKWARD);
        Tensor exact = Fft.irfft(Tensor.of(Arrays.copyOf(spec, 10), 5, 2), 8, 0, FftNorm.BACKWARD);
        assertArrayEquals(exact.toDoubleArray(), many.toDoubleArray(), 0.0);
        Tensor few = Fft.irfft(Tensor.of(Arrays.copyOf(spec, 6), 3, 2), 12, 0, FftNorm.BACKWARD);
        Tensor zeroPadded = Fft.irfft(Tensor.of(Arrays.copyOf(Arrays.copyOf(spec, 6), 14), 7, 2), 12, 0, FftNorm.BACKWARD);
        assertArrayEquals(zeroPadded.toDoubleArray(), few.toDoubleArray(), 0.0);
        // default n = 2 (m - 1)
        assertArrayEquals(new int[] {16}, Fft.irfft(Tensor.of(spec.clone(), 9, 2), 0, FftNorm.BACKWARD).shape());
    }

    @Test
    void rawRealPlanWritesOnlyItsRange() {
        for (int n : new int[] {10, 11}) {
            RealFftPlanF64 plan = RealFftPlanF64.of(n);
            double[] x = DftOracle.random(n + 4, n);
            double[] out = new double[2 * plan.bins() + 6];
            Arrays.fill(out, 42.0);
            plan.forward(x, 2, out, 3, new double[plan.workLength()], 0, 1.0);
            assertEquals(42.0, out[2]);
            assertEquals(42.0, out[3 + 2 * plan.bins()]);
            double[] back = new double[n + 2];
            plan.inverse(out, 3, back, 1, new double[plan.workLength()], 0, 1.0 / n);
            double err = DftOracle.relativeError(Arrays.copyOfRange(back, 1, 1 + n), Arrays.copyOfRange(x, 2, 2 + n));
            assertTrue(err < 1e-14, "n=" + n + " error " + err);
        }
    }
}
