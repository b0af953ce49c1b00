package dev.noether.core.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.DType;
import dev.noether.core.Tensor;
import org.junit.jupiter.api.Test;

class TruncatedDftTest {

    private static void assertClose(double[] expected, Tensor got, double tol, String what) {
        double err = DftOracle.relativeError(got.toDoubleArray(), expected);
        assertTrue(err <= tol, what + ": relative error " + err + " > " + tol);
    }

    @Test
    void forwardEqualsTheFirstModesOfRfft() {
        for (int n : new int[] {1, 2, 7, 16, 33, 64, 97}) {
            for (int modes : new int[] {1, Math.min(2, n / 2 + 1), n / 4 + 1, n / 2 + 1}) {
                for (FftNorm norm : FftNorm.values()) {
                    Tensor x = Tensor.of(DftOracle.random(5 * n, n + modes), 5, n);
                    Tensor expected = Fft.rfft(x, -1, norm).slice(1, 0, modes);
                    Tensor got = TruncatedDft.forward(x, modes, -1, norm);
                    assertArrayEquals(new int[] {5, modes, 2}, got.shape());
                    assertClose(expected.toDoubleArray(), got, 1e-12,
                            "n=" + n + " modes=" + modes + " " + norm);
                }
            }
        }
    }

    @Test
    void inverseEqualsIrfftOfTheZeroPaddedSpectrum() {
        for (int n : new int[] {1, 2, 7, 16, 33, 64, 97}) {
            for (int modes : new int[] {1, 3 % (n / 2 + 1) + 1, n / 2 + 1}) {
                for (FftNorm norm : FftNorm.values()) {
                    // random modes, with nonzero imaginary parts at DC and (when kept) Nyquist: both ignored
                    Tensor z = Tensor.of(DftOracle.random(4 * modes * 2, 3 * n + modes), 4, modes, 2);
                    Tensor expected = Fft.irfft(z, n, 1, norm);   // irfft zero-pads to n/2+1 bins
                    Tensor got = TruncatedDft.inverse(z, n, 1, norm);
                    assertArrayEquals(new int[] {4, n}, got.shape());
                    assertClose(expected.toDoubleArray(), got, 1e-12, "n=" + n + " modes=" + modes + " " + norm);
                }
            }
        }
    }

    @Test
    void worksAlongAMiddleAxisAndInF32() {
        Tensor x = Tensor.of(DftOracle.random(3 * 40 * 6, 9), 3, 40, 6);
        Tensor got = TruncatedDft.forward(x, 8, 1, FftNorm.ORTHO);
        assertArrayEquals(new int[] {3, 8, 6, 2}, got.shape());
        Tensor expected = Fft.rfft(x, 1, FftNorm.ORTHO).slice(1, 0, 8);
        assertClose(expected.toDoubleArray(), got, 1e-12, "middle axis forward");
        Tensor back = TruncatedDft.inverse(got, 40, 1, FftNorm.ORTHO);
        assertArrayEquals(new int[] {3, 40, 6}, back.shape());
        assertClose(Fft.irfft(got, 40, 1, FftNorm.ORTHO).toDoubleArray(), back, 1e-12, "middle axis inverse");

        Tensor got32 = TruncatedDft.forward(x.toType(DType.F32), 8, 1, FftNorm.ORTHO);
        assertTrue(got32.dtype() == DType.F32);
        assertClose(got.toDoubleArray(), got32, 1e-5, "f32 forward");
        Tensor back32 = TruncatedDft.inverse(got32, 40, 1, FftNorm.ORTHO);
        assertClose(back.toDoubleArray(), back32, 1e-5, "f32 inverse");
    }

    @Test
    void rawMatricesHaveTheDocumentedLayout() {
        int n = 12;
        int k = 4;
        double[] f = TruncatedDft.forwardMatrix(n, k, FftNorm.BACKWARD);
        double[] g = TruncatedDft.inverseMatrix(n, k, FftNorm.BACKWARD);
        for (int m = 0; m < k; m++) {
            for (int j = 0; j < n; j++) {
                double angle = 2 * Math.PI * ((m * j) % n) / n;
                assertTrue(Math.abs(f[2 * m * n + j] - Math.cos(angle)) < 1e-15);
                assertTrue(Math.abs(f[(2 * m + 1) * n + j] + Math.sin(angle)) < 1e-15);
                double c = m == 0 ? 1.0 / n : 2.0 / n;
                assertTrue(Math.abs(g[j * 2 * k + 2 * m] - c * Math.cos(angle)) < 1e-15);
                assertTrue(Math.abs(g[j * 2 * k + 2 * m + 1] + c * Math.sin(angle)) < 1e-15);
            }
        }
    }

    @Test
    void badModesAreRejected() {
        Tensor x = Tensor.zeros(2, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TruncatedDft.forward(x, 7, -1, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("TruncatedDft.forward: modes must be in 1 .. n/2+1 = 6 for n = 10, got 7")
                && e.getMessage().contains("[2, 10]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TruncatedDft.inverse(Tensor.zeros(2, 7, 2), 10, 1, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("TruncatedDft.inverse: modes must be in 1 .. n/2+1 = 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TruncatedDft.inverse(Tensor.zeros(2, 7), 10, 1, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("TruncatedDft.inverse: input must be complex"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TruncatedDft.forward(x, 0, 2, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("TruncatedDft.forward: axis 2 is out of range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TruncatedDft.forward(new double[5], 0, 1, 10, 2, FftNorm.BACKWARD, new double[4], 0));
        assertTrue(e.getMessage().startsWith("TruncatedDft.forward: input array of length 5"), e.getMessage());
    }
}
