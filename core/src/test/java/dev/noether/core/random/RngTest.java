package dev.noether.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.DType;
import dev.noether.core.Tensor;
import dev.noether.core.cpu.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Layout, determinism and state tests. The oracle for the stream layout is the KAT-verified
 * {@link Philox4x32} block function, applied here by hand as the class Javadoc specifies.
 */
class RngTest {
    private static int[] block(long key, long counterLo, long counterHi) {
        int[] w = new int[4];
        Philox4x32.block(counterLo, counterHi, key, w, 0);
        return w;
    }

    private static long pack(int hi, int lo) {
        return ((long) hi << 32) | (lo & 0xFFFFFFFFL);
    }

    @Test
    void scalarWordsFollowTheBlockLayout() {
        long key = 0x0123456789ABCDEFL;
        Rng rng = Rng.seed(key);
        for (long b = 0; b < 3; b++) {
            int[] w = block(key, b, 0);
            for (int lane = 0; lane < 4; lane++) assertEquals(w[lane], rng.nextInt());
        }
        assertEquals(12, rng.position());
        int[] w = block(key, 3, 0);
        assertEquals(pack(w[0], w[1]), rng.nextLong());
        assertEquals((pack(w[2], w[3]) >>> 11) * 0x1.0p-53, rng.uniform());
        int[] w4 = block(key, 4, 0);
        assertEquals((w4[0] >>> 8) * 0x1.0p-24f, rng.uniformFloat());
    }

    @Test
    void bulkUniformDoubleFollowsTheBlockLayoutAfterAlignment() {
        long key = 42;
        Rng rng = Rng.seed(key);
        rng.nextInt(); // position 1: block 0 is partly used, so the fill starts at block 1
        double[] out = new double[7];
        rng.fillUniform(out, -2.0, 3.0);
        for (int i = 0; i < out.length; i++) {
            int[] w = block(key, 1 + i / 2, 0);
            long bits = pack(w[2 * (i % 2)], w[2 * (i % 2) + 1]);
            double u = (bits >>> 11) * 0x1.0p-53;
            assertEquals(-2.0 + 5.0 * u, out[i], 0.0, "element " + i);
        }
        assertEquals((1 + 4) * 4L, rng.position());
    }

    @Test
    void bulkUniformFloatAndNormalFollowTheBlockLayout() {
        long key = -7;
        Rng rng = Rng.seed(key);
        float[] f = new float[6];
        rng.fillUniform(f);
        for (int i = 0; i < f.length; i++) {
            int[] w = block(key, i / 4, 0);
            assertEquals((w[i % 4] >>> 8) * 0x1.0p-24f, f[i], 0f);
        }
        assertEquals(8, rng.position());
        double[] z = new double[5];
        rng.fillNormal(z);
        for (int i = 0; i < z.length; i++) {
            int[] w = block(key, 2 + i / 2, 0);
            double u1 = ((pack(w[0], w[1]) >>> 11) + 1) * 0x1.0p-53;
            double u2 = (pack(w[2], w[3]) >>> 11) * 0x1.0p-53;
            double r = Math.sqrt(-2 * Math.log(u1));
            double expected = i % 2 == 0 ? r * Math.cos(2 * Math.PI * u2) : r * Math.sin(2 * Math.PI * u2);
            // Math vs StrictMath may differ in the last bit
            assertEquals(expected, z[i], 1e-14 * Math.max(1, Math.abs(expected)), "element " + i);
        }
    }

    @Test
    void floatNormalIsTheRoundedDoubleNormal() {
        double[] d = new double[1001];
        float[] f = new float[1001];
        Rng.seed(5).fillNormal(d, 1.5, 2.0);
        Rng.seed(5).fillNormal(f, 1.5f, 2.0f);
        for (int i = 0; i < d.length; i++) assertEquals((float) d[i], f[i], 0f);
    }

    @Test
    void scalarNormalEqualsAlignedBulkElementZero() {
        Rng a = Rng.seed(11);
        Rng b = Rng.seed(11);
        double[] one = new double[1];
        for (int k = 0; k < 5; k++) {
            b.fillNormal(one);
            assertEquals(one[0], a.normal(), 0.0);
        }
    }

    @Test
    void bulkFillsAreBitwiseIdenticalForAnyThreadCountAndGrain() {
        int saved = Parallel.threads();
        int n = 100_003;
        try {
            List<Object> reference = null;
            for (int threads : new int[] {1, 2, 8}) {
                Parallel.setThreads(threads);
                for (int grain : new int[] {Rng.DEFAULT_GRAIN, 1000, 77}) {
                    Rng rng = Rng.seed(2024).withGrain(grain);
                    rng.nextInt(); // unaligned start
                    double[] u = new double[n];
                    float[] uf = new float[n];
                    double[] z = new double[n];
                    float[] zf = new float[n];
                    long[] ints = new long[n];
                    rng.fillUniform(u, -1, 1);
                    rng.fillUniform(uf, 0f, 4f);
                    rng.fillNormal(z, 3, 0.5);
                    rng.fillNormal(zf, 0f, 1f);
                    rng.fillIntegers(ints, -5, 1_000_000_007L);
                    List<Object> got = List.of(u, uf, z, zf, ints, rng.state());
                    if (reference == null) {
                        reference = got;
                    } else {
                        String where = "threads=" + threads + " grain=" + grain;
                        assertArrayEquals((double[]) reference.get(0), u, where);
                        assertArrayEquals((float[]) reference.get(1), uf, where);
                        assertArrayEquals((double[]) reference.get(2), z, where);
                        assertArrayEquals((float[]) reference.get(3), zf, where);
                        assertArrayEquals((long[]) reference.get(4), ints, where);
                        assertEquals(reference.get(5), rng.state(), where);
                    }
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    @Test
    void restoringTheStateContinuesTheIdenticalSequence() {
        Rng rng = Rng.seed(99);
        rng.nextInt();
        rng.fillNormal(new double[13]);
        rng.nextInt(); // mid-block
        Rng.State saved = rng.state();
        List<Object> first = drawMixed(rng);
        Rng restored = Rng.fromState(saved);
        assertEquals(saved, restored.state());
        List<Object> second = drawMixed(restored);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            Object x = first.get(i);
            Object y = second.get(i);
            if (x instanceof double[] dx) assertArrayEquals(dx, (double[]) y);
            else if (x instanceof int[] ix) assertArrayEquals(ix, (int[]) y);
            else assertEquals(x, y, "draw " + i);
        }
        assertEquals(rng.state(), restored.state());
        Rng viaLongs = Rng.fromState(saved.key(), saved.position());
        assertEquals(first.get(0), viaLongs.nextInt());
    }

    private static List<Object> drawMixed(Rng rng) {
        List<Object> out = new ArrayList<>();
        out.add(rng.nextInt());
        out.add(rng.uniform());
        out.add(rng.normal());
        out.add(rng.nextInt(17));
        double[] d = new double[9];
        rng.fillUniform(d);
        out.add(d);
        out.add(rng.nextLong(1L << 40));
        out.add(rng.uniformFloat());
        out.add(rng.permutationIndices(10));
        out.add(rng.split().nextLong());
        out.add(rng.nextLong());
        return out;
    }

    @Test
    void forkDependsOnlyOnKeyAndIdAndSplitAdvances() {
        Rng parent = Rng.seed(3);
        long a = parent.fork(1).nextLong();
        parent.fillUniform(new double[100]);
        assertEquals(a, parent.fork(1).nextLong(), "fork must not depend on the position");
        assertNotEquals(a, parent.fork(2).nextLong());
        assertNotEquals(a, Rng.seed(4).fork(1).nextLong());
        Rng p2 = Rng.seed(3);
        Rng s1 = p2.split();
        Rng s2 = p2.split();
        assertNotEquals(s1.key(), s2.key());
        assertNotEquals(s1.key(), p2.key());
        Rng p3 = Rng.seed(3);
        assertEquals(s1.key(), p3.split().key(), "split is deterministic");
    }

    @Test
    void streamsAreUncorrelated() {
        int n = 200_000;
        Rng root = Rng.seed(123);
        List<Supplier<Rng>> pairs = List.of(() -> root.fork(1), () -> root.fork(2), () -> Rng.seed(0),
                () -> Rng.seed(1), root::split);
        double[][] streams = new double[pairs.size()][n];
        for (int s = 0; s < streams.length; s++) pairs.get(s).get().fillUniform(streams[s]);
        // Pearson correlation of independent uniforms: mean 0, std 1/sqrt(n); 5 sigma bound.
        double bound = 5 / Math.sqrt(n);
        for (int s = 0; s < streams.length; s++) {
            for (int t = s + 1; t < streams.length; t++) {
                double r = correlation(streams[s], streams[t]);
                assertTrue(Math.abs(r) < bound, "streams " + s + "," + t + " correlation " + r);
            }
        }
        // lag-1 autocorrelation within a stream
        double[] x = streams[0];
        double r1 = correlation(Arrays.copyOfRange(x, 0, n - 1), Arrays.copyOfRange(x, 1, n));
        assertTrue(Math.abs(r1) < bound, "lag-1 autocorrelation " + r1);
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void rangesAreRespected() {
        Rng rng = Rng.seed(8);
        double[] d = new double[10_000];
        rng.fillUniform(d, 1.0, Math.nextUp(1.0)); // one representable value: always lo
        for (double v : d) assertEquals(1.0, v, 0.0);
        float[] f = new float[10_000];
        rng.fillUniform(f, -3f, -2f);
        for (float v : f) assertTrue(v >= -3f && v < -2f, "value " + v);
        long[] l = new long[10_000];
        rng.fillIntegers(l, Long.MIN_VALUE, Long.MAX_VALUE);
        long[] small = new long[10_000];
        rng.fillIntegers(small, -2, 1);
        for (long v : small) assertTrue(v >= -2 && v < 1);
        for (int k = 0; k < 10_000; k++) {
            int v = rng.nextInt(3);
            assertTrue(v >= 0 && v < 3);
            long w = rng.nextLong(-10, -7);
            assertTrue(w >= -10 && w < -7);
        }
        assertTrue(rng.nextLong(Long.MIN_VALUE, Long.MAX_VALUE) != Long.MAX_VALUE);
    }

    @Test
    void permutationAndShuffleAreValidAndShareTheirDraws() {
        Rng rng = Rng.seed(77);
        for (int n : new int[] {0, 1, 2, 10, 1000}) {
            int[] p = rng.permutationIndices(n);
            int[] sorted = p.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) assertEquals(i, sorted[i]);
        }
        double[] d = {0, 1, 2, 3, 4, 5, 6, 7};
        List<Integer> list = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
        int[] p = Rng.seed(5).permutationIndices(8);
        Rng.seed(5).shuffle(d);
        Rng.seed(5).shuffle(list);
        for (int i = 0; i < 8; i++) {
            assertEquals(p[i], d[i], 0.0);
            assertEquals(p[i], list.get(i));
        }
        assertFalse(Arrays.equals(p, new int[] {0, 1, 2, 3, 4, 5, 6, 7}));
    }

    @Test
    void tensorHelpersMatchTheBulkFills() {
        Tensor u = Rng.seed(31).uniform(DType.F64, 3, 5);
        double[] ud = new double[15];
        Rng.seed(31).fillUniform(ud);
        assertArrayEquals(new int[] {3, 5}, u.shape());
        assertArrayEquals(ud, u.toDoubleArray());

        Tensor uf = Rng.seed(31).uniform(-1, 1, DType.F32, 4, 2);
        float[] ufd = new float[8];
        Rng.seed(31).fillUniform(ufd, -1f, 1f);
        assertEquals(DType.F32, uf.dtype());
        assertArrayEquals(ufd, uf.toFloatArray());

        Tensor z = Rng.seed(32).normal(2, 0.5, DType.F64, 7);
        double[] zd = new double[7];
        Rng.seed(32).fillNormal(zd, 2, 0.5);
        assertArrayEquals(zd, z.toDoubleArray());
        assertEquals(DType.F32, Rng.seed(32).normal(DType.F32, 2, 2).dtype());

        Tensor ints = Rng.seed(33).integers(-3, 9, 2, 3, 4);
        long[] il = new long[24];
        Rng.seed(33).fillIntegers(il, -3, 9);
        assertEquals(DType.I64, ints.dtype());
        assertArrayEquals(new int[] {2, 3, 4}, ints.shape());
        assertArrayEquals(il, ints.toLongArray());

        Tensor p = Rng.seed(34).permutation(6);
        int[] pi = Rng.seed(34).permutationIndices(6);
        assertEquals(DType.I64, p.dtype());
        for (int i = 0; i < 6; i++) assertEquals(pi[i], p.get(i), 0.0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rng.seed(0).uniform(DType.I32, 2));
        assertTrue(e.getMessage().contains("Rng.uniform") && e.getMessage().contains("I32"), e.getMessage());
    }

    @Test
    void badArgumentsNameTheOperation() {
        Rng rng = Rng.seed(0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0)).getMessage()
                .contains("Rng.nextInt"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rng.fillUniform(new double[1], 2, 1))
                .getMessage().contains("[2.0, 1.0)"));
        assertThrows(IllegalArgumentException.class, () -> rng.fillUniform(new double[1], 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> rng.fillUniform(new double[1], -Double.MAX_VALUE,
                Double.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> rng.fillNormal(new double[1], 0, -1));
        assertThrows(IllegalArgumentException.class, () -> rng.fillIntegers(new long[1], 3, 3));
        assertThrows(IllegalArgumentException.class, () -> rng.permutationIndices(-1));
        assertThrows(IllegalArgumentException.class, () -> rng.withGrain(0));
    }
}
