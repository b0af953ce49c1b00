package dev.noether.core.fft;

import dev.noether.core.DType;
import dev.noether.core.Tensor;
import dev.noether.core.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** rfft/irfft into a caller's tensor give exactly what the allocating forms give, and overwrite every element. */
class FftOutputReuseTest {
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32"})
    void intoFormsMatchAllocatingFormsBitwise(DType t) {
        Tensor x = Rng.seed(5).normal(t, 3, 7, 20);
        for (int axis : new int[] {-1, 1}) {
            Tensor expected = Fft.rfft(x, axis, FftNorm.ORTHO);
            Tensor out = Tensor.full(Double.NaN, t, expected.shape());
            assertSame(out, Fft.rfft(x, axis, FftNorm.ORTHO, out));
            assertArrayEquals(expected.toDoubleArray(), out.toDoubleArray(), 0.0);
            int n = x.size(axis);
            Tensor back = Fft.irfft(expected, n, axis, FftNorm.ORTHO);
            Tensor backOut = Tensor.full(Double.NaN, t, x.shape());
            Fft.irfft(expected, n, axis, FftNorm.ORTHO, backOut);
            assertArrayEquals(back.toDoubleArray(), backOut.toDoubleArray(), 0.0);
        }
    }

    @Test
    void wrongOutputsAreRefusedWithTheExpectedShape() {
        Tensor x = Tensor.zeros(4, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fft.rfft(x, -1, FftNorm.BACKWARD, Tensor.zeros(4, 4, 2)));
        org.junit.jupiter.api.Assertions.assertEquals(
                "rfft: out must be a contiguous F64 tensor of shape [4, 5, 2], got F64 [4, 4, 2]", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Fft.rfft(x, -1, FftNorm.BACKWARD, Tensor.zeros(DType.F32, 4, 5, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> Fft.rfft(x, -1, FftNorm.BACKWARD, Tensor.zeros(5, 4, 2).transpose(0, 1)));
        Tensor spectrum = Tensor.zeros(4, 5, 2);
        assertThrows(IllegalArgumentException.class,
                () -> Fft.irfft(spectrum, 8, -1, FftNorm.BACKWARD, spectrum.reshape(40).slice(0, 0, 32).reshape(4, 8)));
    }
}
