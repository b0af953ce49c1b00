package dev.noether.core.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.DType;
import dev.noether.core.Shapes;
import dev.noether.core.Tensor;
import dev.noether.core.cpu.Parallel;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FftTensorTest {

    private static Tensor complexRandom(long seed, int... logicalShape) {
        int[] shape = Fft.withComplex(logicalShape);
        return Tensor.of(DftOracle.random(Shapes.numel(shape), seed), shape);
    }

    private static void assertClose(double[] expected, Tensor got, double tol, String what) {
        double err = DftOracle.relativeError(got.toDoubleArray(), expected);
        assertTrue(err <= tol, what + ": relative error " + err + " > " + tol);
    }

    @Test
    void fftAlongEachAxisOfA3dTensorMatchesTheDirectDft() {
        int[] shape = {3, 5, 4};
        Tensor x = complexRandom(11, shape);
        double[] data = x.toDoubleArray();
        for (int axis = 0; axis < 3; axis++) {
            for (boolean inverse : new boolean[] {false, true}) {
                double[] expected = DftOracle.dftAlong(data, shape, axis, inverse);
                Tensor got = inverse ? Fft.ifft(x, axis, FftNorm.FORWARD) : Fft.fft(x, axis - 3, FftNorm.BACKWARD);
                assertArrayEquals(Fft.withComplex(shape), got.shape());
                assertClose(expected, got, DftOracle.tolerance(8), "axis " + axis + " inverse " + inverse);
            }
        }
    }

    @Test
    void nonContiguousViewsGiveTheSameBitsAsTheirContiguousCopies() {
        Tensor base = complexRandom(12, 6, 9, 10);
        Tensor transposed = base.transpose(0, 2);           // [10, 9, 6, 2], strided
        Tensor sliced = base.slice(1, 1, 9, 2);             // [6, 4, 10, 2], step 2
        Tensor swappedParts = Tensor.of(DftOracle.random(2 * 7 * 12, 3), 2, 7, 12).permute(1, 2, 0); // part stride 84
        for (Tensor view : new Tensor[] {transposed, sliced, swappedParts}) {
            assertTrue(!view.isContiguous());
            Tensor copy = view.contiguous();
            int logicalRank = view.rank() - 1;
            for (int axis = 0; axis < logicalRank; axis++) {
                Tensor a = Fft.fft(view, axis, FftNorm.ORTHO);
                Tensor b = Fft.fft(copy, axis, FftNorm.ORTHO);
                assertArrayEquals(b.toDoubleArray(), a.toDoubleArray(), 0.0, "axis " + axis);
                double[] expected = DftOracle.scaled(DftOracle.dftAlong(copy.toDoubleArray(),
                        Fft.logicalShape(copy), axis, false), 1.0 / Math.sqrt(copy.size(axis)));
                assertClose(expected, a, DftOracle.tolerance(12), "oracle, axis " + axis);
            }
        }
        // real transforms of a transposed real view
        Tensor real = Tensor.of(DftOracle.random(8 * 6, 4), 8, 6).transpose(0, 1);  // [6, 8]
        assertArrayEquals(Fft.rfft(real.contiguous(), 0, FftNorm.BACKWARD).toDoubleArray(),
                Fft.rfft(real, 0, FftNorm.BACKWARD).toDoubleArray(), 0.0);
        assertArrayEquals(Fft.rfft(real.contiguous(), 1, FftNorm.BACKWARD).toDoubleArray(),
                Fft.rfft(real, 1, FftNorm.BACKWARD).toDoubleArray(), 0.0);
        Tensor spec = complexRandom(5, 7, 5).transpose(0, 1);  // [5, 7, 2]
        assertArrayEquals(Fft.irfft(spec.contiguous(), 12, 1, FftNorm.BACKWARD).toDoubleArray(),
                Fft.irfft(spec, 12, 1, FftNorm.BACKWARD).toDoubleArray(), 0.0);
    }

    @Test
    void multiAxisTransformsMatchTheDirectMultiDimensionalDft() {
        int[] shape = {4, 6, 5};
        Tensor x = complexRandom(21, shape);
        double[] d = x.toDoubleArray();
        double[] dft3 = DftOracle.dftAlong(DftOracle.dftAlong(DftOracle.dftAlong(d, shape, 0, false),
                shape, 1, false), shape, 2, false);
        assertClose(dft3, Fft.fftn(x, new int[] {0, 1, 2}, null, FftNorm.BACKWARD), DftOracle.tolerance(120), "fftn 3-D");
        double[] idft2 = DftOracle.scaled(DftOracle.dftAlong(DftOracle.dftAlong(d, shape, 1, true),
                shape, 2, true), 1.0 / 30);
        assertClose(idft2, Fft.ifft2(x, FftNorm.BACKWARD), DftOracle.tolerance(30), "ifft2");
        // successive 1-D transforms, the order numpy uses
        Tensor successive = Fft.fft(Fft.fft(x, 2, FftNorm.ORTHO), 1, FftNorm.ORTHO);
        assertClose(successive.toDoubleArray(), Fft.fft2(x, FftNorm.ORTHO), 1e-15, "fft2 vs 1-D");
        Tensor successive3 = Fft.fft(Fft.fft(Fft.fft(x, 2, FftNorm.FORWARD), 1, FftNorm.FORWARD), 0, FftNorm.FORWARD);
        assertClose(successive3.toDoubleArray(), Fft.fftn(x, new int[] {0, 1, 2}, null, FftNorm.FORWARD), 1e-15,
                "fftn vs 1-D");
        // round trips
        Tensor back = Fft.ifftn(Fft.fftn(x, new int[] {0, 2, 1}, null, FftNorm.BACKWARD), new int[] {0, 2, 1},
                null, FftNorm.BACKWARD);
        assertClose(d, back, DftOracle.tolerance(120), "fftn round trip");
    }

    @Test
    void realMultiAxisTransformsMatchTheComplexOnes() {
        int[] shape = {3, 6, 7};
        double[] r = DftOracle.random(Shapes.numel(shape), 5);
        Tensor x = Tensor.of(r, shape);
        Tensor asComplex = Tensor.of(DftOracle.complexOf(r), Fft.withComplex(shape));
        for (int[] axes : new int[][] {{1, 2}, {0, 1, 2}, {2, 0}}) {
            Tensor full = Fft.fftn(asComplex, axes, null, FftNorm.BACKWARD);
            int last = axes[axes.length - 1];
            Tensor expected = full.slice(last, 0, shape[last] / 2 + 1);
            Tensor got = Fft.rfftn(x, axes, null, FftNorm.BACKWARD);
            assertArrayEquals(expected.shape(), got.shape());
            assertClose(expected.toDoubleArray(), got, DftOracle.tolerance(126), "rfftn " + Arrays.toString(axes));
            int[] lengths = new int[axes.length];
            for (int i = 0; i < axes.length; i++) lengths[i] = shape[axes[i]];
            Tensor back = Fft.irfftn(got, axes, lengths, FftNorm.BACKWARD);
            assertClose(r, back, DftOracle.tolerance(126), "irfftn " + Arrays.toString(axes));
        }
        Tensor even = Tensor.of(DftOracle.random(4 * 8 * 10, 6), 4, 8, 10);
        Tensor spec2 = Fft.rfft2(even, FftNorm.ORTHO);
        assertArrayEquals(new int[] {4, 8, 6, 2}, spec2.shape());
        assertClose(even.toDoubleArray(), Fft.irfft2(spec2, FftNorm.ORTHO), DftOracle.tolerance(80), "irfft2");
        assertClose(even.toDoubleArray(), Fft.irfft2(spec2, new int[] {8, 10}, FftNorm.ORTHO), DftOracle.tolerance(80),
                "irfft2 with lengths");
    }

    @Test
    void lengthsCropAndPadEachAxis() {
        Tensor x = complexRandom(8, 5, 6);
        Tensor got = Fft.fftn(x, new int[] {0, 1}, new int[] {8, 4}, FftNorm.BACKWARD);
        double[] padded = new double[8 * 4 * 2];
        double[] d = x.toDoubleArray();
        for (int i = 0; i < 5; i++) System.arraycopy(d, i * 12, padded, i * 8, 8);
        int[] ps = {8, 4};
        double[] expected = DftOracle.dftAlong(DftOracle.dftAlong(padded, ps, 0, false), ps, 1, false);
        assertArrayEquals(new int[] {8, 4, 2}, got.shape());
        assertClose(expected, got, DftOracle.tolerance(32), "fftn with lengths");
        assertArrayEquals(Fft.fft(x, 7, 1, FftNorm.BACKWARD).toDoubleArray(),
                Fft.fftn(x, new int[] {1}, new int[] {7}, FftNorm.BACKWARD).toDoubleArray(), 0.0);
    }

    @Test
    void f32AgreesWithF64() {
        for (int n : new int[] {1, 2, 3, 7, 12, 16, 30, 31, 64, 97, 243, 1000, 1009, 1024, 4096}) {
            Tensor x64 = complexRandom(n, 3, n);
            Tensor x32 = x64.toType(DType.F32);
            double tol = 1e-5;
            Tensor a = Fft.fft(x32, 1, FftNorm.BACKWARD);
            assertTrue(a.dtype() == DType.F32);
            assertClose(Fft.fft(x64, 1, FftNorm.BACKWARD).toDoubleArray(), a, tol, "fft f32 n=" + n);
            assertClose(Fft.ifft(x64, 1, FftNorm.ORTHO).toDoubleArray(), Fft.ifft(x32, 1, FftNorm.ORTHO), tol,
                    "ifft f32 n=" + n);
            Tensor r64 = Tensor.of(DftOracle.random(4 * n, n + 1), 4, n);
            Tensor r32 = r64.toType(DType.F32);
            Tensor s32 = Fft.rfft(r32, 1, FftNorm.BACKWARD);
            assertClose(Fft.rfft(r64, 1, FftNorm.BACKWARD).toDoubleArray(), s32, tol, "rfft f32 n=" + n);
            assertClose(r64.toDoubleArray(), Fft.irfft(s32, n, 1, FftNorm.BACKWARD), tol, "irfft f32 n=" + n);
            // a middle axis (gathered lines)
            assertClose(Fft.rfft(r64, 0, FftNorm.FORWARD).toDoubleArray(), Fft.rfft(r32, 0, FftNorm.FORWARD), tol,
                    "rfft f32 axis 0 n=" + n);
        }
        Tensor x = complexRandom(3, 2, 12, 10);
        assertClose(Fft.fft2(x, FftNorm.BACKWARD).toDoubleArray(), Fft.fft2(x.toType(DType.F32), FftNorm.BACKWARD),
                1e-5, "fft2 f32");
        Tensor r = Tensor.of(DftOracle.random(2 * 12 * 10, 3), 2, 12, 10);
        assertClose(Fft.rfft2(r, FftNorm.ORTHO).toDoubleArray(), Fft.rfft2(r.toType(DType.F32), FftNorm.ORTHO),
                1e-5, "rfft2 f32");
    }

    @Test
    void resultsAreBitwiseIdenticalForAnyThreadCount() {
        int before = Parallel.threads();
        Tensor real = Tensor.of(DftOracle.random(20 * 64 * 256, 1), 20, 64, 256);
        Tensor complex = complexRandom(2, 20, 48, 30);
        Supplier<double[][]> runAll = () -> new double[][] {
            Fft.rfft(real, -1, FftNorm.BACKWARD).toDoubleArray(),
            Fft.rfft(real, 1, FftNorm.ORTHO).toDoubleArray(),
            Fft.irfft(Fft.rfft(real, -1, FftNorm.BACKWARD), 256, -1, FftNorm.BACKWARD).toDoubleArray(),
            Fft.fft(complex, 1, FftNorm.BACKWARD).toDoubleArray(),
            Fft.fftn(complex, new int[] {0, 1, 2}, null, FftNorm.ORTHO).toDoubleArray(),
            Fft.rfft(real.toType(DType.F32), -1, FftNorm.BACKWARD).toDoubleArray(),
            TruncatedDft.forward(real, 12, -1, FftNorm.BACKWARD).toDoubleArray(),
            TruncatedDft.inverse(Fft.rfft(real, -1, FftNorm.BACKWARD).slice(2, 0, 12), 256, -1,
                    FftNorm.BACKWARD).toDoubleArray(),
        };
        try {
            Parallel.setThreads(1);
            double[][] one = runAll.get();
            for (int threads : new int[] {2, 8}) {
                Parallel.setThreads(threads);
                double[][] many = runAll.get();
                for (int i = 0; i < one.length; i++) {
                    assertArrayEquals(one[i], many[i], 0.0, "result " + i + " with " + threads + " threads");
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void badInputsFailWithTheOperationAndShapeNamed() {
        Tensor real = Tensor.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fft.fft(real, 0, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("fft: input must be complex") && e.getMessage().contains("[3, 4]"),
                e.getMessage());
        Tensor c = Tensor.zeros(3, 4, 2);
        e = assertThrows(IllegalArgumentException.class, () -> Fft.fft(c, 2, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("fft: axis 2 is out of range") && e.getMessage().contains("[3, 4, 2]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fft.rfft(real, -3, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("rfft: axis -3 is out of range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fft.irfft(Tensor.zeros(1, 2), 0, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("irfft: transform length must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fft.fft(c, 0, 1, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("fft: transform length must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Fft.rfft(Tensor.zeros(DType.I64, 4), 0, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("rfft: input must be F64 or F32, got I64"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Fft.fftn(c, new int[] {0, -2}, null, FftNorm.BACKWARD));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Fft.fftn(c, new int[] {0, 1}, new int[] {3}, FftNorm.BACKWARD));
        assertTrue(e.getMessage().startsWith("fftn: lengths [3] must have one entry per axis"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fft.fft(Tensor.zeros(2), 0, FftNorm.BACKWARD));
        assertTrue(e.getMessage().contains("at least one complex axis"), e.getMessage());
    }
}
