package dev.noether.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ComplexTest {
    @Test
    void arithmeticOnTheInterleavedLayout() {
        Tensor a = Complex.of(Tensor.vector(1, 0), Tensor.vector(2, 1));   // 1+2i, i
        Tensor b = Complex.of(Tensor.vector(3, 0), Tensor.vector(-1, 1));  // 3-i, i
        assertArrayEquals(new double[] {5, 5, -1, 0}, Complex.mul(a, b).toDoubleArray()); // (1+2i)(3-i)=5+5i, i*i=-1
        assertArrayEquals(new double[] {1, -2, 0, -1}, Complex.conj(a).toDoubleArray());
        assertArrayEquals(new double[] {Math.sqrt(5), 1}, Complex.abs(a).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1, 0}, Complex.real(a).toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> Complex.mul(Tensor.zeros(3), a));
    }

    @Test
    void modeMixAgreesWithEinsumOnRealAndImaginaryParts() {
        Tensor x = Tensor.linspace(-1, 1, 2 * 3 * 4 * 2).reshape(2, 3, 4, 2);
        Tensor w = Tensor.linspace(0.5, -0.7, 3 * 5 * 4 * 2).reshape(3, 5, 4, 2);
        Tensor xr = Complex.real(x), xi = Complex.imag(x), wr = Complex.real(w), wi = Complex.imag(w);
        Tensor re = Tensor.einsum("bim,iom->bom", xr, wr).sub(Tensor.einsum("bim,iom->bom", xi, wi));
        Tensor im = Tensor.einsum("bim,iom->bom", xr, wi).add(Tensor.einsum("bim,iom->bom", xi, wr));
        Tensor y = Complex.modeMix(x, w);
        assertArrayEquals(Complex.of(re, im).toDoubleArray(), y.toDoubleArray(), 1e-14);
    }
}
