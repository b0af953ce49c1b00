package dev.noether.core.backend;

import dev.noether.core.BinaryOp;
import dev.noether.core.CompareOp;
import dev.noether.core.DType;
import dev.noether.core.ReduceOp;
import dev.noether.core.Tensor;
import dev.noether.core.UnaryOp;
import dev.noether.core.fft.FftNorm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link Backend} fulfils. A backend's test extends this class and supplies
 * {@link #backend()}; each test computes its expectation element by element from the scalar
 * definitions ({@link UnaryOp#apply}, {@link BinaryOp#apply}, plain loops) on values read with
 * {@link Tensor#get}, so the oracle shares no kernel with the code under test. Tolerances:
 * f64 1e-12 relative, f32 1e-5 relative (STYLE.md).
 */
public abstract class BackendContractTest {
    protected abstract Backend backend();

    private Backend previous;

    @BeforeEach
    void install() {
        previous = Backends.use(backend());
    }

    @AfterEach
    void restore() {
        Backends.use(previous);
    }

    protected static Tensor random(DType t, long seed, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-2, 2);
        return Tensor.of(v, shape).toType(t);
    }

    protected static double tol(DType t) {
        return t == DType.F64 ? 1e-12 : 1e-5;
    }

    /** Row-major values of {@code t} read one by one through {@link Tensor#get}. */
    protected static double[] values(Tensor t) {
        int n = t.numel();
        double[] v = new double[n];
        int[] shape = t.shape();
        for (int i = 0; i < n; i++) v[i] = t.get(Tensor.unravel(i, shape));
        return v;
    }

    protected static void assertClose(double[] expected, Tensor actual, double rtol) {
        double[] a = values(actual);
        assertEquals(expected.length, a.length, "element count");
        for (int i = 0; i < a.length; i++) {
            double e = expected[i];
            if (Double.isNaN(e)) {
                assertTrue(Double.isNaN(a[i]), "element " + i + ": expected NaN, got " + a[i]);
                continue;
            }
            if (e == a[i]) continue;
            assertTrue(Math.abs(e - a[i]) <= rtol * Math.max(1.0, Math.abs(e)),
                    "element " + i + ": expected " + e + ", got " + a[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32"})
    void unaryOpsMatchScalarDefinitionsOnStridedViews(DType t) {
        Tensor x = random(t, 1, 6, 5, 4).permute(2, 0, 1).slice(1, 1, 6, 2); // non-contiguous [4, 3, 5]
        for (UnaryOp op : UnaryOp.values()) {
            Tensor in = op == UnaryOp.SQRT || op == UnaryOp.LOG || op == UnaryOp.LOG1P ? x.abs() : x;
            double[] xv = values(in);
            double[] e = new double[xv.length];
            for (int i = 0; i < e.length; i++) e[i] = op.apply(xv[i]);
            Tensor y = backend().unary(op, in);
            assertEquals(t, y.dtype(), op + " keeps the dtype");
            assertArrayEquals(in.shape(), y.shape());
            assertClose(e, y, tol(t) * 10);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32"})
    void binaryOpsBroadcast(DType t) {
        Tensor a = random(t, 2, 3, 1, 5);
        Tensor b = random(t, 3, 1, 1, 4).transpose(0, 2).squeeze(1); // [4, 1] view, strides [1, 4]
        for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV,
                BinaryOp.MAXIMUM, BinaryOp.MINIMUM, BinaryOp.ATAN2, BinaryOp.MOD}) {
            Tensor y = backend().binary(op, a, b);
            assertArrayEquals(new int[] {3, 4, 5}, y.shape());
            double[] e = new double[60];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 5; k++) {
                e[(i * 4 + j) * 5 + k] = op.apply(a.get(i, 0, k), b.get(j, 0));
            }
            assertClose(e, y, tol(t) * 4);
        }
    }

    @Test
    void binaryOpsOnLongContiguousRowsUseTheFastPathCorrectly() {
        int n = 100_003; // not a multiple of any vector length, more than one parallel chunk
        Tensor a = random(DType.F64, 4, n), b = random(DType.F64, 5, n);
        double[] av = a.toDoubleArray(), bv = b.toDoubleArray();
        for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV}) {
            double[] e = new double[n];
            for (int i = 0; i < n; i++) e[i] = op.apply(av[i], bv[i]);
            assertArrayEquals(e, backend().binary(op, a, b).toDoubleArray(), 0.0, op.toString());
            Tensor out = Tensor.zeros(n);
            backend().binaryInto(op, a, b, out);
            assertArrayEquals(e, out.toDoubleArray(), 0.0, op + " into");
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = Math.exp(av[i]);
        assertClose(e, backend().unary(UnaryOp.EXP, a), 1e-15);
    }

    @Test
    void integerArithmeticStaysIntegerAndDivisionPromotes() {
        Tensor a = Tensor.ofLongs(new long[] {7, -7, 3}, 3), b = Tensor.ofLongs(new long[] {2, 2, -2}, 3);
        Tensor s = backend().binary(BinaryOp.ADD, a, b);
        assertEquals(DType.I64, s.dtype());
        assertArrayEquals(new long[] {9, -5, 1}, s.toLongArray());
        Tensor m = backend().binary(BinaryOp.MOD, a, b);
        assertArrayEquals(new long[] {1, 1, -1}, m.toLongArray(), "numpy's remainder takes the divisor's sign");
        Tensor d = backend().binary(BinaryOp.DIV, a, b);
        assertEquals(DType.F64, d.dtype());
        assertArrayEquals(new double[] {3.5, -3.5, -1.5}, d.toDoubleArray());
    }

    @Test
    void nanAndInfinityPropagateAsIeeeSays() {
        Tensor x = Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY, -1.0, 0.0);
        double[] y = backend().binary(BinaryOp.ADD, x, Tensor.scalar(1.0)).toDoubleArray();
        assertTrue(Double.isNaN(y[0]));
        assertEquals(Double.POSITIVE_INFINITY, y[1]);
        double[] d = backend().binary(BinaryOp.DIV, Tensor.scalar(1.0), x).toDoubleArray();
        assertEquals(0.0, d[1]);
        assertEquals(Double.POSITIVE_INFINITY, d[3]);
        assertTrue(Double.isNaN(backend().unary(UnaryOp.LOG, x).toDoubleArray()[2]));
        assertTrue(Double.isNaN(backend().reduce(ReduceOp.MAX, x, null, false).item()), "max propagates NaN");
        assertTrue(Double.isNaN(backend().reduce(ReduceOp.SUM, x, null, false).item()));
    }

    @Test
    void comparisonsAndWhere() {
        Tensor a = Tensor.vector(1, 2, 3, Double.NaN), b = Tensor.scalar(2);
        for (CompareOp op : CompareOp.values()) {
            Tensor c = backend().compare(op, a, b);
            assertEquals(DType.BOOL, c.dtype());
            for (int i = 0; i < 4; i++) assertEquals(op.apply(a.get(i), 2.0), c.get(i) == 1.0, op + " at " + i);
        }
        Tensor w = backend().where(backend().compare(CompareOp.GT, a, b), a, Tensor.vector(10, 20, 30, 40).reshape(1, 4));
        assertArrayEquals(new int[] {1, 4}, w.shape());
        assertArrayEquals(new double[] {10, 20, 3, 40}, w.toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> backend().where(a, a, b));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32"})
    void reductionsOverEveryAxisSet(DType t) {
        Tensor x = random(t, 7, 3, 4, 5).transpose(0, 2); // [5, 4, 3] view
        int[][] axesSets = {{0}, {1}, {2}, {0, 2}, {1, 2}, {0, 1, 2}, {-1}};
        for (ReduceOp op : ReduceOp.values()) {
            for (int[] axes : axesSets) {
                Tensor y = backend().reduce(op, x, axes, true);
                int[] shape = x.shape();
                int[] ys = y.shape();
                boolean[] red = new boolean[3];
                for (int a : axes) red[(a + 3) % 3] = true;
                for (int i = 0; i < 3; i++) assertEquals(red[i] ? 1 : shape[i], ys[i]);
                double[] e = new double[y.numel()];
                java.util.Arrays.fill(e, op.identity());
                for (int i = 0; i < x.numel(); i++) {
                    int[] ix = Tensor.unravel(i, shape);
                    int[] ox = ix.clone();
                    for (int d = 0; d < 3; d++) if (red[d]) ox[d] = 0;
                    int flat = (ox[0] * ys[1] + ox[1]) * ys[2] + ox[2];
                    double v = x.get(ix);
                    switch (op) {
                        case SUM: e[flat] += v; break;
                        case PROD: e[flat] *= v; break;
                        case MAX: e[flat] = Math.max(e[flat], v); break;
                        default: e[flat] = Math.min(e[flat], v);
                    }
                }
                assertClose(e, y, tol(t) * 10);
                Tensor z = backend().reduce(op, x, axes, false);
                assertEquals(3 - axes.length, z.rank());
            }
        }
    }

    @Test
    void longSumIsAccurateAndIndependentOfThreadCount() {
        int n = 1_000_003;
        Tensor x = random(DType.F64, 11, n);
        double[] v = x.toDoubleArray();
        // Kahan-summed oracle
        double s = 0, c = 0;
        for (double d : v) {
            double y = d - c, tt = s + y;
            c = (tt - s) - y;
            s = tt;
        }
        int before = dev.noether.core.cpu.Parallel.threads();
        try {
            dev.noether.core.cpu.Parallel.setThreads(1);
            double one = backend().reduce(ReduceOp.SUM, x, null, false).item();
            dev.noether.core.cpu.Parallel.setThreads(2);
            double two = backend().reduce(ReduceOp.SUM, x, null, false).item();
            dev.noether.core.cpu.Parallel.setThreads(8);
            double eight = backend().reduce(ReduceOp.SUM, x, null, false).item();
            assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(two));
            assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(eight));
            assertEquals(s, one, 1e-12 * n);
        } finally {
            dev.noether.core.cpu.Parallel.setThreads(before);
        }
    }

    @Test
    void argReduceFindsFirstExtremeAndFirstNaN() {
        Tensor x = Tensor.of(new double[] {1, 5, 5, 0, 2, -1, -1, 7, 3, Double.NaN, 9, Double.NaN}, 3, 4);
        assertArrayEquals(new long[] {1, 3, 1}, backend().argReduce(true, x, 1, false).toLongArray());
        assertArrayEquals(new long[] {3, 1, 1}, backend().argReduce(false, x, 1, false).toLongArray());
        assertArrayEquals(new long[] {2, 2, 2, 2}, backend().argReduce(true, x, 0, false).toLongArray());
        assertArrayEquals(new int[] {3, 1}, backend().argReduce(true, x, 1, true).shape());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32", "I64"})
    void cumsumAlongEachAxis(DType t) {
        Tensor x = random(DType.F64, 8, 3, 4, 2).mul(10).round().toType(t);
        for (int axis = 0; axis < 3; axis++) {
            Tensor y = backend().cumsum(x, axis);
            assertArrayEquals(x.shape(), y.shape());
            for (int i = 0; i < x.numel(); i++) {
                int[] ix = Tensor.unravel(i, x.shape());
                double e = 0;
                int[] jx = ix.clone();
                for (int j = 0; j <= ix[axis]; j++) {
                    jx[axis] = j;
                    e += x.get(jx);
                }
                assertEquals(e, y.get(ix), tol(t) * 100, "axis " + axis + " at " + i);
            }
        }
    }

    @Test
    void gatherIsTakeAlongAxis() {
        Tensor x = Tensor.of(new double[] {10, 11, 12, 20, 21, 22}, 2, 3);
        Tensor idx = Tensor.ofLongs(new long[] {2, 0, -1, 1, 1, 0}, 2, 3);
        assertArrayEquals(new double[] {12, 10, 12, 21, 21, 20}, backend().gather(x, 1, idx).toDoubleArray());
        Tensor idx0 = Tensor.ofLongs(new long[] {1, 0, 1}, 1, 3);
        assertArrayEquals(new double[] {20, 11, 22}, backend().gather(x, 0, idx0).toDoubleArray());
        assertThrows(IndexOutOfBoundsException.class,
                () -> backend().gather(x, 1, Tensor.ofLongs(new long[] {3}, 1, 1).broadcastTo(2, 1)));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32"})
    void matmulBatchesBroadcastsAndReadsTransposedViews(DType t) {
        Tensor a = random(t, 20, 2, 1, 5, 7);
        Tensor b = random(t, 21, 3, 4, 7).transpose(1, 2); // [3, 7, 4], column-major matrices
        Tensor c = backend().matmul(a, b);
        assertArrayEquals(new int[] {2, 3, 5, 4}, c.shape());
        double[] e = new double[c.numel()];
        for (int p = 0; p < 2; p++) for (int q = 0; q < 3; q++) for (int i = 0; i < 5; i++) for (int j = 0; j < 4; j++) {
            double s = 0;
            for (int k = 0; k < 7; k++) s += a.get(p, 0, i, k) * b.get(q, k, j);
            e[((p * 3 + q) * 5 + i) * 4 + j] = s;
        }
        assertClose(e, c, tol(t) * 10);
        // vectors: (k) x (k, n) and (m, k) x (k)
        Tensor v = random(t, 22, 7);
        Tensor vb = backend().matmul(v, b.select(0, 1));
        assertArrayEquals(new int[] {4}, vb.shape());
        Tensor av = backend().matmul(a.select(0, 0).select(0, 0), v);
        assertArrayEquals(new int[] {5}, av.shape());
        for (int i = 0; i < 5; i++) {
            double s = 0;
            for (int k = 0; k < 7; k++) s += a.get(0, 0, i, k) * v.get(k);
            assertEquals(s, av.get(i), tol(t) * 10);
        }
    }

    @Test
    void matmulRejectsMismatchedInnerDimensionsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend().matmul(Tensor.zeros(20, 64), Tensor.zeros(32, 1)));
        assertEquals("matmul: inner dimensions differ: [20, 64] x [32, 1]", e.getMessage());
    }

    @Test
    void copyConvertsAndBroadcastsIntoViews() {
        Tensor dst = Tensor.zeros(DType.F32, 3, 4);
        backend().copy(Tensor.vector(1, 2, 3, 4), dst.slice(0, 0, 3, 2));
        assertArrayEquals(new float[] {1, 2, 3, 4, 0, 0, 0, 0, 1, 2, 3, 4}, dst.toFloatArray());
        Tensor ints = Tensor.zeros(DType.I32, 2);
        backend().copy(Tensor.vector(2.9, -2.9), ints);
        assertArrayEquals(new long[] {2, -2}, ints.toLongArray(), "conversion truncates toward zero");
        assertThrows(IllegalArgumentException.class, () -> backend().copy(Tensor.zeros(3), Tensor.zeros(4)));
    }

    /** Direct O(n^2) DFT of a complex row given as re/im arrays: the oracle of the spectral tests. */
    private static double[][] dft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        double[][] out = new double[2][n];
        double sign = inverse ? 1 : -1;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double ang = sign * 2 * Math.PI * ((long) j * k % n) / n;
                out[0][k] += re[j] * Math.cos(ang) - im[j] * Math.sin(ang);
                out[1][k] += re[j] * Math.sin(ang) + im[j] * Math.cos(ang);
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32"})
    void fftAlongAMiddleAxisMatchesTheDirectDft(DType t) {
        Tensor z = random(t, 30, 3, 12, 2, 2).transpose(1, 2); // [3, 2, 12, 2], logical axis 2 strided
        for (boolean inverse : new boolean[] {false, true}) {
            Tensor y = backend().fft(z, 2, inverse, FftNorm.ORTHO);
            assertArrayEquals(z.shape(), y.shape());
            for (int a = 0; a < 3; a++) for (int b = 0; b < 2; b++) {
                double[] re = new double[12], im = new double[12];
                for (int j = 0; j < 12; j++) {
                    re[j] = z.get(a, b, j, 0);
                    im[j] = z.get(a, b, j, 1);
                }
                double[][] e = dft(re, im, inverse);
                for (int k = 0; k < 12; k++) {
                    assertEquals(e[0][k] / Math.sqrt(12), y.get(a, b, k, 0), tol(t) * 10);
                    assertEquals(e[1][k] / Math.sqrt(12), y.get(a, b, k, 1), tol(t) * 10);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32"})
    void rfftAndIrfftMatchTheDirectDftAndRoundTrip(DType t) {
        for (int n : new int[] {1, 7, 16, 97}) {
            Tensor x = random(t, 31 + n, 4, n);
            Tensor y = backend().rfft(x, 1, FftNorm.BACKWARD);
            assertArrayEquals(new int[] {4, n / 2 + 1, 2}, y.shape());
            for (int r = 0; r < 4; r++) {
                double[] re = new double[n];
                for (int j = 0; j < n; j++) re[j] = x.get(r, j);
                double[][] e = dft(re, new double[n], false);
                for (int k = 0; k <= n / 2; k++) {
                    assertEquals(e[0][k], y.get(r, k, 0), tol(t) * 10 * n);
                    assertEquals(e[1][k], y.get(r, k, 1), tol(t) * 10 * n);
                }
            }
            Tensor back = backend().irfft(y, n, 1, FftNorm.BACKWARD);
            assertClose(values(x), back, tol(t) * 10);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32"})
    void complexModeMixIsAComplexContractionOverChannels(DType t) {
        int b = 3, ci = 5, co = 4, m = 6;
        Tensor x = random(t, 40, b, ci, m, 2), w = random(t, 41, ci, co, m, 2);
        Tensor y = backend().complexModeMix(x, w);
        assertArrayEquals(new int[] {b, co, m, 2}, y.shape());
        for (int p = 0; p < b; p++) for (int o = 0; o < co; o++) for (int k = 0; k < m; k++) {
            double re = 0, im = 0;
            for (int i = 0; i < ci; i++) {
                double xr = x.get(p, i, k, 0), xi = x.get(p, i, k, 1), wr = w.get(i, o, k, 0), wi = w.get(i, o, k, 1);
                re += xr * wr - xi * wi;
                im += xr * wi + xi * wr;
            }
            assertEquals(re, y.get(p, o, k, 0), tol(t) * 10);
            assertEquals(im, y.get(p, o, k, 1), tol(t) * 10);
        }
        assertThrows(IllegalArgumentException.class, () -> backend().complexModeMix(x, random(t, 42, ci + 1, co, m, 2)));
    }
}
