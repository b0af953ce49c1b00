package dev.noether.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorTest {
    private static Tensor iota(int... shape) {
        return Tensor.arange(0, Shapes.numel(shape), 1, DType.F64).reshape(shape);
    }

    private static int[] dims(String s) {
        s = s.trim();
        if (s.isEmpty()) return new int[0];
        return Arrays.stream(s.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    /** Cases and results from numpy.broadcast_shapes; "ERR" where numpy raises. */
    @ParameterizedTest
    @CsvSource({
            "3, 3, 3",
            "3 1, 1 4, 3 4",
            "5 4, 1, 5 4",
            "5 4, 4, 5 4",
            "15 3 5, 15 1 5, 15 3 5",
            "15 3 5, 3 5, 15 3 5",
            "15 3 5, 3 1, 15 3 5",
            "8 1 6 1, 7 1 5, 8 7 6 5",
            "'', 2 3, 2 3",
            "0, 1, 0",
            "1 0, 3 1, 3 0",
            "2 1, 8 4 3, ERR",
            "3, 4, ERR",
            "4 3, 3 4, ERR"})
    void broadcastingFollowsNumpy(String a, String b, String expected) {
        int[] sa = dims(a), sb = dims(b);
        if (expected.equals("ERR")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Tensor.zeros(sa).add(Tensor.zeros(sb)));
            assertTrue(e.getMessage().startsWith("add: shapes " + Shapes.str(sa) + " and " + Shapes.str(sb)), e.getMessage());
        } else {
            Tensor x = Tensor.ones(sa), y = Tensor.ones(sb).mul(2);
            Tensor z = x.add(y);
            assertArrayEquals(dims(expected), z.shape());
            for (double v : z.toDoubleArray()) assertEquals(3.0, v);
        }
    }

    @Test
    void viewsShareStorageAndCopyOnlyWhenNeeded() {
        Tensor x = iota(2, 3, 4);
        Tensor t = x.transpose(0, 2);
        assertSame(x.storage(), t.storage());
        assertFalse(t.isContiguous());
        assertArrayEquals(new int[] {4, 3, 2}, t.shape());
        assertEquals(x.get(1, 2, 3), t.get(3, 2, 1));
        Tensor c = t.contiguous();
        assertTrue(c.isContiguous());
        assertEquals(x.get(1, 0, 2), c.get(2, 0, 1));
        assertSame(x, x.contiguous());
        Tensor r = x.reshape(6, -1);
        assertSame(x.storage(), r.storage());
        assertArrayEquals(new int[] {6, 4}, r.shape());
        t.set(-1, 0, 0, 1);
        assertEquals(-1, x.get(1, 0, 0), "writes through a view reach the base");
    }

    @Test
    void sliceWithStepAndNegativeBounds() {
        Tensor x = iota(10);
        assertArrayEquals(new double[] {1, 4, 7}, x.slice(0, 1, 9, 3).toDoubleArray());
        assertArrayEquals(new double[] {7, 8}, x.slice(0, -3, -1).toDoubleArray());
        assertEquals(0, x.slice(0, 5, 2).numel());
        assertArrayEquals(new double[] {8, 9}, x.slice(0, 8, 100).toDoubleArray());
        Tensor m = iota(4, 5).slice(1, 0, 5, 2).slice(0, 1, 4, 2); // rows 1,3; cols 0,2,4
        assertArrayEquals(new double[] {5, 7, 9, 15, 17, 19}, m.toDoubleArray());
        assertArrayEquals(new double[] {5, 15}, m.select(1, 0).toDoubleArray());
    }

    @Test
    void broadcastSqueezeUnsqueezeMovedim() {
        Tensor v = Tensor.vector(1, 2, 3);
        Tensor b = v.broadcastTo(2, 3);
        assertArrayEquals(new int[] {0, 1}, b.strides());
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, b.toDoubleArray());
        assertArrayEquals(new int[] {3, 1}, v.unsqueeze(1).shape());
        assertArrayEquals(new int[] {1, 3}, v.unsqueeze(0).shape());
        assertArrayEquals(new int[] {3}, v.unsqueeze(-1).squeeze(1).shape());
        assertArrayEquals(new int[] {3}, Tensor.zeros(1, 3, 1).squeeze().shape());
        Tensor x = iota(2, 3, 4);
        Tensor m = x.movedim(2, 0);
        assertArrayEquals(new int[] {4, 2, 3}, m.shape());
        assertEquals(x.get(1, 2, 3), m.get(3, 1, 2));
        assertArrayEquals(new int[] {3, 4, 2}, x.movedim(0, -1).shape());
        assertThrows(IllegalArgumentException.class, () -> v.squeeze(0));
        assertThrows(IllegalArgumentException.class, () -> v.broadcastTo(2, 4));
    }

    @Test
    void reshapeOfNonContiguousCopiesAndRejectsWrongCounts() {
        Tensor t = iota(2, 3).transpose(0, 1);
        Tensor r = t.reshape(6);
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, r.toDoubleArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.reshape(4, -1));
        assertTrue(e.getMessage().contains("[3, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3));
    }

    @Test
    void factories() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Tensor.linspace(0, 1, 5).toDoubleArray());
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6000000000000001, 0.8},
                Tensor.linspace(0, 1, 5, false, DType.F64).toDoubleArray());
        assertArrayEquals(new double[] {2, 2.5, 3, 3.5}, Tensor.arange(2, 4, 0.5, DType.F64).toDoubleArray());
        assertArrayEquals(new long[] {0, 1, 2}, Tensor.arange(3).toLongArray());
        assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2).toDoubleArray());
        assertArrayEquals(new float[] {7, 7}, Tensor.full(7, DType.F32, 2).toFloatArray());
        assertEquals(0, Tensor.scalar(3).rank());
        assertEquals(3.0, Tensor.scalar(3).item());
    }

    @Test
    void meanVarStdLogsumexp() {
        Tensor x = iota(2, 3, 4);
        // numpy: np.var(np.arange(24.).reshape(2,3,4), axis=(0,2), ddof=1)
        assertTrue(Tensor.vector(42.57142857142857, 42.57142857142857, 42.57142857142857)
                .allClose(x.var(new int[] {0, 2}, 1, false), 1e-14, 0));
        assertEquals(11.5, x.mean().item(), 1e-15);
        assertArrayEquals(new int[] {1, 3, 1}, x.mean(new int[] {0, 2}, true).shape());
        // scipy.special.logsumexp([[1000, 1001, 999], [-inf, 0, 1]], axis=1)
        Tensor l = Tensor.of(new double[] {1000, 1001, 999, Double.NEGATIVE_INFINITY, 0, 1}, 2, 3)
                .logsumexp(new int[] {1}, false);
        assertTrue(Tensor.vector(1001.4076059644444, 1.3132616875182228).allClose(l, 1e-15, 0), l.toString());
        Tensor allInf = Tensor.vector(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY).logsumexp(null, false);
        assertEquals(Double.NEGATIVE_INFINITY, allInf.item());
    }

    @Test
    void concatStackPad() {
        Tensor a = iota(2, 2), b = iota(2, 1).add(10);
        assertArrayEquals(new double[] {0, 1, 10, 2, 3, 11}, Tensor.concat(1, a, b).toDoubleArray());
        Tensor s = Tensor.stack(0, Tensor.vector(1, 2), Tensor.vector(3, 4));
        assertArrayEquals(new int[] {2, 2}, s.shape());
        assertArrayEquals(new double[] {1, 3, 2, 4}, Tensor.stack(1, Tensor.vector(1, 2), Tensor.vector(3, 4)).toDoubleArray());
        Tensor p = Tensor.vector(1, 2).pad(new int[] {1, 2}, -1);
        assertArrayEquals(new double[] {-1, 1, 2, -1, -1}, p.toDoubleArray());
        assertArrayEquals(new double[] {4, 5, 1, 2, 3, 4, 5, 1}, iota(5).add(1).padCircular(0, 2, 1).toDoubleArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, a, iota(2, 3)));
        assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("[2, 3]"));
    }

    @Test
    void indexSelectTakesEntriesAlongAnAxis() {
        Tensor x = iota(3, 4);
        Tensor y = x.indexSelect(1, Tensor.ofLongs(new long[] {3, 0, 3}, 3));
        assertArrayEquals(new double[] {3, 0, 3, 7, 4, 7, 11, 8, 11}, y.toDoubleArray());
        assertArrayEquals(new double[] {8, 9, 10, 11}, x.indexSelect(0, Tensor.ofInts(new int[] {2}, 1)).toDoubleArray());
    }

    @Test
    void einsumContractionsAgainstLoops() {
        Tensor x = iota(2, 3, 5).mul(0.1), w = iota(3, 4, 5).mul(-0.05).add(1);
        Tensor y = Tensor.einsum("bix,iox->box", x, w);
        assertArrayEquals(new int[] {2, 4, 5}, y.shape());
        for (int b = 0; b < 2; b++) for (int o = 0; o < 4; o++) for (int k = 0; k < 5; k++) {
            double s = 0;
            for (int i = 0; i < 3; i++) s += x.get(b, i, k) * w.get(i, o, k);
            assertEquals(s, y.get(b, o, k), 1e-12);
        }
        Tensor m = iota(3, 3);
        assertEquals(0 + 4 + 8, Tensor.einsum("ii->", m).item());
        assertArrayEquals(new double[] {0, 4, 8}, Tensor.einsum("ii->i", m).toDoubleArray());
        assertArrayEquals(m.transpose(0, 1).toDoubleArray(), Tensor.einsum("ij->ji", m).toDoubleArray());
        Tensor mm = Tensor.einsum("ij,jk", m, m);
        assertTrue(mm.allClose(m.matmul(m), 1e-15, 0));
        Tensor outer = Tensor.einsum("i,j->ij", Tensor.vector(1, 2), Tensor.vector(3, 4, 5));
        assertArrayEquals(new double[] {3, 4, 5, 6, 8, 10}, outer.toDoubleArray());
        Tensor three = Tensor.einsum("ij,jk,kl->il", m, m, m);
        assertTrue(three.allClose(m.matmul(m).matmul(m), 1e-14, 0));
        assertThrows(IllegalArgumentException.class, () -> Tensor.einsum("ij,jk->ik", m, iota(4, 2)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.einsum("...i->i", m));
    }

    @Test
    void erfMatchesScipy() {
        // scipy.special.erf at these points
        double[][] cases = {{0.1, 0.1124629160182849}, {0.5, 0.5204998778130465}, {1, 0.8427007929497148},
                {2, 0.9953222650189527}, {2.4, 0.999311486103355}, {2.6, 0.9997639655834707},
                {3, 0.9999779095030014}, {4, 0.9999999845827421}, {5.5, 0.9999999999999927}, {-1.3, -0.9340079449406524}};
        for (double[] c : cases) assertEquals(c[1], SpecialFunctions.erf(c[0]), 2 * Math.ulp(c[1]), "erf(" + c[0] + ")");
        assertEquals(2.2090496998585445e-05, SpecialFunctions.erfc(3), 4 * Math.ulp(2.2090496998585445e-05));
        assertEquals(7.357847917974398e-15, SpecialFunctions.erfc(5.5), 4 * Math.ulp(7.357847917974398e-15));
        assertEquals(0.0, SpecialFunctions.erf(0.0));
        assertTrue(Double.isNaN(SpecialFunctions.erf(Double.NaN)));
    }

    @Test
    void softplusAndSigmoidAreStableAtExtremes() {
        Tensor x = Tensor.vector(-800, -1, 0, 1, 800);
        double[] sp = x.softplus().toDoubleArray();
        assertEquals(0.0, sp[0]);
        assertEquals(Math.log1p(Math.exp(-1)), sp[1], 1e-16);
        assertEquals(Math.log(2), sp[2], 1e-16);
        assertEquals(800.0, sp[4]);
        double[] sg = x.sigmoid().toDoubleArray();
        assertEquals(0.0, sg[0]);
        assertEquals(0.5, sg[2]);
        assertEquals(1.0, sg[4]);
    }

    @Test
    void checkFiniteNamesTheCallerAndTheIndex() {
        Tensor ok = Tensor.vector(1, 2);
        assertSame(ok, ok.checkFinite("ok"));
        Tensor bad = Tensor.of(new double[] {1, 2, 3, Double.NaN}, 2, 2);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> bad.checkFinite("loss"));
        assertEquals("loss: non-finite value NaN at index [1, 1] of a tensor of shape [2, 2]", e.getMessage());
        assertFalse(Tensor.vector(Double.POSITIVE_INFINITY).allFinite());
    }

    @Test
    void errorsNameOperationShapesAndFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> iota(2, 3).sum(3));
        assertEquals("sum: axis 3 is out of range for a tensor of rank 2 (valid: -2 .. 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> iota(2, 3).f32Storage());
        assertTrue(e.getMessage().contains("toType(DType.F32)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> iota(2, 2).permute(0, 0));
        assertTrue(e.getMessage().startsWith("permute: axis 0 repeated"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> iota(2, 3).get(2, 0));
    }

    @Test
    void typeConversionsAndPromotion() {
        Tensor f = Tensor.of(new float[] {1.5f, -2.5f}, 2);
        assertEquals(DType.F32, f.add(1).dtype());
        assertEquals(DType.F64, f.add(Tensor.vector(1, 1)).dtype());
        assertEquals(DType.I64, Tensor.arange(3).add(1).dtype());
        assertEquals(DType.F64, Tensor.arange(3).add(0.5).dtype());
        assertEquals(DType.F64, Tensor.arange(3).exp().dtype());
        assertArrayEquals(new long[] {1, -2}, f.toType(DType.I64).toLongArray());
        assertEquals(DType.I64, Tensor.ofBools(new boolean[] {true, true, false}, 3).sum().dtype());
        assertEquals(2, Tensor.ofBools(new boolean[] {true, true, false}, 3).sum().item());
    }
}
