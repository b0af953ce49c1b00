package dev.noether.core.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Gemm} against a naive triple loop (in f64, with a per-entry error bound) and against
 * EJML, with both micro-kernels, and its determinism across thread counts.
 */
class GemmTest {
    /** f64 tolerance relative to the entry's magnitude sum |alpha| sum_p |a_ip||b_pj| + |beta c_ij|. */
    static final double TOL_F64 = 1e-12;
    /** f32 tolerance relative to the same magnitude sum. */
    static final double TOL_F32 = 1e-5;
    static final int[] DIMS = {1, 3, 7, 13, 67, 129, 257};

    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** The kernels under test: the plain-Java ones and, where available, the Vector API ones. */
    static List<VectorKernels> kernels() {
        List<VectorKernels> ks = new ArrayList<>();
        ks.add(new ScalarKernels());
        VectorKernels v = Kernels.vectorApiOrNull();
        if (v != null) ks.add(v);
        return ks;
    }

    /** One random problem, operands embedded in larger NaN-padded arrays. */
    static final class Problem {
        final boolean transA, transB;
        final int m, n, k, aOff, lda, bOff, ldb, cOff, ldc;
        final double alpha, beta;
        final double[] a, b, c0;

        Problem(SplittableRandom rnd, int m, int n, int k, boolean transA, boolean transB, double alpha, double beta) {
            this.m = m; this.n = n; this.k = k; this.transA = transA; this.transB = transB;
            this.alpha = alpha; this.beta = beta;
            int aRows = transA ? k : m, aCols = transA ? m : k;
            int bRows = transB ? n : k, bCols = transB ? k : n;
            aOff = rnd.nextInt(4); lda = aCols + rnd.nextInt(3);
            bOff = rnd.nextInt(4); ldb = bCols + rnd.nextInt(3);
            cOff = rnd.nextInt(4); ldc = n + rnd.nextInt(3);
            a = padded(rnd, aOff, aRows, aCols, lda);
            b = padded(rnd, bOff, bRows, bCols, ldb);
            c0 = padded(rnd, cOff, m, n, ldc);
        }

        static double[] padded(SplittableRandom rnd, int off, int rows, int cols, int ld) {
            double[] x = new double[off + Math.max(0, rows - 1) * ld + cols + 2];
            Arrays.fill(x, Double.NaN);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) x[off + i * ld + j] = rnd.nextDouble(-1, 1);
            }
            return x;
        }

        double a(int i, int p) {
            return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        double b(int p, int j) {
            return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        boolean inC(int idx) {
            int r = idx - cOff;
            return r >= 0 && r / ldc < m && r % ldc < n;
        }

        String describe() {
            return "m=" + m + " n=" + n + " k=" + k + " transA=" + transA + " transB=" + transB
                    + " alpha=" + alpha + " beta=" + beta + " lda=" + lda + " ldb=" + ldb + " ldc=" + ldc;
        }
    }

    /** Checks c against the naive product of the problem's values as they are (f64 or rounded f32). */
    static void checkAgainstNaive(Problem pr, double[] c, double[] c0, double tol, String what) {
        for (int idx = 0; idx < c.length; idx++) {
            if (!pr.inC(idx)) {
                if (!(Double.isNaN(c0[idx]) ? Double.isNaN(c[idx]) : c[idx] == c0[idx])) {
                    fail(what + ": padding of C at " + idx + " was written; " + pr.describe());
                }
            }
        }
        for (int i = 0; i < pr.m; i++) {
            for (int j = 0; j < pr.n; j++) {
                double s = 0, mag = 0;
                for (int p = 0; p < pr.k; p++) {
                    s += pr.a(i, p) * pr.b(p, j);
                    mag += Math.abs(pr.a(i, p) * pr.b(p, j));
                }
                int idx = pr.cOff + i * pr.ldc + j;
                double old = c0[idx];
                double ref = pr.alpha * s + (pr.beta == 0 ? 0 : pr.beta * old);
                double bound = tol * (Math.abs(pr.alpha) * mag + Math.abs(pr.beta * old)) + Double.MIN_NORMAL;
                double got = c[idx];
                if (!(Math.abs(got - ref) <= bound)) {
                    fail(what + ": C(" + i + ", " + j + ") = " + got + ", naive " + ref + ", bound " + bound
                            + "; " + pr.describe());
                }
            }
        }
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }

    static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }

    /** The problem with its operands rounded to f32 (so the naive f64 loop is the f32 oracle). */
    static Problem roundedToFloat(Problem p) {
        for (double[] x : new double[][] {p.a, p.b, p.c0}) {
            for (int i = 0; i < x.length; i++) x[i] = (float) x[i];
        }
        return p;
    }

    static List<Problem> randomProblems(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] alphas = {1, -0.5, 2.25};
        double[] betas = {0, 1, -1.5};
        List<Problem> ps = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            int m = DIMS[rnd.nextInt(DIMS.length)], n = DIMS[rnd.nextInt(DIMS.length)], k = DIMS[rnd.nextInt(DIMS.length)];
            if ((long) m * n * k > 2_000_000) { // keep the naive oracle quick
                k = DIMS[rnd.nextInt(4)];
            }
            ps.add(new Problem(rnd, m, n, k, rnd.nextBoolean(), rnd.nextBoolean(),
                    alphas[rnd.nextInt(3)], betas[rnd.nextInt(3)]));
        }
        // every small-path branch and the k-blocking edge, explicitly
        int[][] shapes = {{1, 1, 1}, {1, 257, 67}, {257, 1, 67}, {1, 7, 300}, {300, 1, 7}, {2, 3, 4},
                {8, 8, 8}, {9, 9, 9}, {20, 128, 128}, {13, 257, 513}, {67, 13, 257}};
        for (int[] s : shapes) {
            for (int tr = 0; tr < 4; tr++) {
                ps.add(new Problem(rnd, s[0], s[1], s[2], (tr & 1) != 0, (tr & 2) != 0, 1.5, tr == 3 ? 0.5 : 0));
            }
        }
        return ps;
    }

    @Test
    void dgemmMatchesNaiveLoop() {
        for (VectorKernels kern : kernels()) {
            for (Problem p : randomProblems(11, 40)) {
                double[] c = p.c0.clone();
                Gemm.dgemm(kern, p.transA, p.transB, p.m, p.n, p.k, p.alpha, p.a, p.aOff, p.lda,
                        p.b, p.bOff, p.ldb, p.beta, c, p.cOff, p.ldc);
                checkAgainstNaive(p, c, p.c0, TOL_F64, "dgemm/" + kern.name());
            }
        }
    }

    @Test
    void sgemmMatchesNaiveLoop() {
        for (VectorKernels kern : kernels()) {
            for (Problem p : randomProblems(12, 40)) {
                roundedToFloat(p);
                float[] c = toFloat(p.c0);
                Gemm.sgemm(kern, p.transA, p.transB, p.m, p.n, p.k, (float) p.alpha, toFloat(p.a), p.aOff, p.lda,
                        toFloat(p.b), p.bOff, p.ldb, (float) p.beta, c, p.cOff, p.ldc);
                checkAgainstNaive(p, toDouble(c), p.c0, TOL_F32, "sgemm/" + kern.name());
            }
        }
    }

    @Test
    void matchesEjml() {
        SplittableRandom rnd = new SplittableRandom(5);
        int[][] shapes = {{1, 129, 67}, {129, 1, 13}, {67, 129, 257}, {257, 13, 129}, {100, 100, 100}};
        for (VectorKernels kern : kernels()) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                for (int tr = 0; tr < 4; tr++) {
                    boolean ta = (tr & 1) != 0, tb = (tr & 2) != 0;
                    DMatrixRMaj a = random(rnd, ta ? k : m, ta ? m : k), b = random(rnd, tb ? n : k, tb ? k : n);
                    DMatrixRMaj c0 = random(rnd, m, n);
                    DMatrixRMaj ref = c0.copy();
                    double alpha = 0.75;
                    // EJML: ref = ref + alpha * op(a) op(b)
                    if (!ta && !tb) CommonOps_DDRM.multAdd(alpha, a, b, ref);
                    else if (ta && !tb) CommonOps_DDRM.multAddTransA(alpha, a, b, ref);
                    else if (!ta) CommonOps_DDRM.multAddTransB(alpha, a, b, ref);
                    else CommonOps_DDRM.multAddTransAB(alpha, a, b, ref);
                    double[] c = c0.data.clone();
                    Gemm.dgemm(kern, ta, tb, m, n, k, alpha, a.data, 0, a.numCols, b.data, 0, b.numCols, 1, c, 0, n);
                    for (int i = 0; i < c.length; i++) {
                        assertEquals(ref.data[i], c[i], 1e-12 * (k + Math.abs(ref.data[i])),
                                "dgemm vs EJML " + Arrays.toString(s) + " transA=" + ta + " transB=" + tb + " " + kern.name());
                    }

                    FMatrixRMaj fa = new FMatrixRMaj(a.numRows, a.numCols, true, toFloat(a.data));
                    FMatrixRMaj fb = new FMatrixRMaj(b.numRows, b.numCols, true, toFloat(b.data));
                    FMatrixRMaj fref = new FMatrixRMaj(m, n);
                    if (!ta && !tb) CommonOps_FDRM.mult(fa, fb, fref);
                    else if (ta && !tb) CommonOps_FDRM.multTransA(fa, fb, fref);
                    else if (!ta) CommonOps_FDRM.multTransB(fa, fb, fref);
                    else CommonOps_FDRM.multTransAB(fa, fb, fref);
                    float[] fc = new float[m * n];
                    Arrays.fill(fc, Float.NaN); // beta = 0 must not read C
                    Gemm.sgemm(kern, ta, tb, m, n, k, 1, fa.data, 0, fa.numCols, fb.data, 0, fb.numCols, 0, fc, 0, n);
                    for (int i = 0; i < fc.length; i++) {
                        assertEquals(fref.data[i], fc[i], 1e-5 * k,
                                "sgemm vs EJML " + Arrays.toString(s) + " transA=" + ta + " transB=" + tb + " " + kern.name());
                    }
                }
            }
        }
    }

    static DMatrixRMaj random(SplittableRandom rnd, int rows, int cols) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextDouble(-1, 1);
        return x;
    }

    @Test
    void stridedOperandsMatchNaiveLoop() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (VectorKernels kern : kernels()) {
            for (int t = 0; t < 12; t++) {
                int m = DIMS[rnd.nextInt(6)], n = DIMS[rnd.nextInt(6)], k = DIMS[rnd.nextInt(6)];
                int aRs = 2 * k + 1, aCs = 2;             // every other column of a wider matrix
                int bRs = 1, bCs = 3 * k;                 // column-major with padding
                int cRs = 1, cCs = m + 2;                 // column-major C
                double[] a = new double[m * aRs + k * aCs + 1], b = new double[k * bRs + n * bCs + 1];
                double[] c = new double[m * cRs + n * cCs + 1];
                for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble(-1, 1);
                for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble(-1, 1);
                for (int i = 0; i < c.length; i++) c[i] = rnd.nextDouble(-1, 1);
                double[] c0 = c.clone();
                double alpha = -1.25, beta = t % 2 == 0 ? 0 : 0.5;
                Gemm.dgemmStrided(kern, m, n, k, alpha, a, 1, aRs, aCs, b, 0, bRs, bCs, beta, c, 0, cRs, cCs);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0, mag = 0;
                        for (int p = 0; p < k; p++) {
                            double v = a[1 + i * aRs + p * aCs] * b[p * bRs + j * bCs];
                            s += v;
                            mag += Math.abs(v);
                        }
                        int idx = i * cRs + j * cCs;
                        double ref = alpha * s + beta * c0[idx];
                        assertEquals(ref, c[idx], TOL_F64 * (Math.abs(alpha) * mag + Math.abs(beta * c0[idx])) + 1e-300,
                                "strided dgemm m=" + m + " n=" + n + " k=" + k + " " + kern.name());
                    }
                }
            }
        }
    }

    @Test
    void scalarAndVectorKernelsAgreeWithinTolerance() {
        VectorKernels v = Kernels.vectorApiOrNull();
        if (v == null) return; // nothing to compare on a JVM without the Vector API
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 131, n = 77, k = 600;
        double[] a = new double[m * k], b = new double[k * n];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble(-1, 1);
        double[] cs = new double[m * n], cv = new double[m * n];
        Gemm.dgemm(new ScalarKernels(), false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, cs, 0, n);
        Gemm.dgemm(v, false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, cv, 0, n);
        for (int i = 0; i < cs.length; i++) assertEquals(cs[i], cv[i], 1e-12 * k);
    }

    @Test
    void betaZeroIgnoresNaNInCAndAlphaZeroOnlyScales() {
        for (VectorKernels kern : kernels()) {
            int m = 37, n = 41, k = 29;
            double[] a = new double[m * k], b = new double[k * n];
            Arrays.fill(a, 1);
            Arrays.fill(b, 2);
            double[] c = new double[m * n];
            Arrays.fill(c, Double.NaN);
            Gemm.dgemm(kern, false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, c, 0, n);
            for (double x : c) assertEquals(2.0 * k, x, 0.0);

            double[] a2 = a.clone();
            a2[0] = Double.NaN; // alpha == 0: A and B are not used
            Gemm.dgemm(kern, false, false, m, n, k, 0, a2, 0, k, b, 0, n, 0.5, c, 0, n);
            for (double x : c) assertEquals(k, x, 0.0);
            Gemm.dgemm(kern, false, false, m, n, 0, 1, a, 0, k, b, 0, n, 2, c, 0, n); // k == 0: C = beta C
            for (double x : c) assertEquals(2.0 * k, x, 0.0);
            Gemm.dgemm(kern, false, false, 0, n, k, 1, a, 0, k, b, 0, n, 0, c, 0, n); // m == 0: nothing
            for (double x : c) assertEquals(2.0 * k, x, 0.0);

            float[] fc = new float[m * n];
            Arrays.fill(fc, Float.NaN);
            Gemm.sgemm(kern, false, false, m, n, k, 1, toFloat(a), 0, k, toFloat(b), 0, n, 0, fc, 0, n);
            for (float x : fc) assertEquals(2f * k, x, 0f);
        }
    }

    /**
     * Shapes that reach each decomposition: tall, short-and-wide (column chunks), several k-blocks
     * and B superblocks (all above PARALLEL_GEMM_WORK), the small paths, and a serial-size one.
     */
    static final int[][] PARALLEL_SHAPES = {{700, 90, 530}, {20, 1200, 300}, {5, 2100, 500}, {200, 4200, 20},
            {1, 5000, 70}, {5000, 1, 70}, {60, 60, 60}};

    @Test
    void bitwiseIdenticalFor1And2And8Threads() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (VectorKernels kern : kernels()) {
            for (int[] s : PARALLEL_SHAPES) {
                int m = s[0], n = s[1], k = s[2];
                double[] a = new double[m * k], b = new double[k * n], c0 = new double[m * n];
                for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble(-1, 1);
                for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble(-1, 1);
                for (int i = 0; i < c0.length; i++) c0[i] = rnd.nextDouble(-1, 1);
                float[] fa = toFloat(a), fb = toFloat(b);
                double[] ref = null;
                float[] fref = null;
                for (int t : new int[] {1, 2, 8}) {
                    Parallel.setThreads(t);
                    double[] c = c0.clone();
                    Gemm.dgemm(kern, false, true, m, n, k, 0.5, a, 0, k, b, 0, k, 0.25, c, 0, n);
                    float[] fc = toFloat(c0);
                    Gemm.sgemm(kern, true, false, m, n, k, 0.5f, fa, 0, m, fb, 0, n, 0.25f, fc, 0, n);
                    if (ref == null) {
                        ref = c;
                        fref = fc;
                    } else {
                        assertArrayEquals(ref, c, "dgemm differs at " + t + " threads, shape " + Arrays.toString(s) + " " + kern.name());
                        assertArrayEquals(fref, fc, "sgemm differs at " + t + " threads, shape " + Arrays.toString(s) + " " + kern.name());
                    }
                }
            }
        }
    }

    @Test
    void batchedEqualsSingleCallsBitwiseAndBroadcasts() {
        SplittableRandom rnd = new SplittableRandom(9);
        int[][] cases = {{40, 13, 7, 9}, {3, 150, 140, 130}, {2, 1, 70, 5}};
        for (VectorKernels kern : kernels()) {
            for (int[] cs : cases) {
                int batch = cs[0], m = cs[1], n = cs[2], k = cs[3];
                int sa = m * k + 3, sb = 0, sc = m * n + 1; // B shared by all problems
                double[] a = new double[batch * sa], b = new double[k * n], c0 = new double[batch * sc];
                for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble(-1, 1);
                for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble(-1, 1);
                for (int i = 0; i < c0.length; i++) c0[i] = rnd.nextDouble(-1, 1);
                double[] single = c0.clone();
                for (int t = 0; t < batch; t++) {
                    Gemm.dgemm(kern, true, false, m, n, k, 1.5, a, t * sa, m, b, 0, n, -1, single, t * sc, n);
                }
                for (int threads : new int[] {1, 2, 8}) {
                    Parallel.setThreads(threads);
                    double[] c = c0.clone();
                    Gemm.dgemmBatched(kern, true, false, m, n, k, 1.5, a, 0, m, sa, b, 0, n, sb, -1, c, 0, n, sc, batch);
                    assertArrayEquals(single, c, "batched vs single, threads=" + threads + " " + Arrays.toString(cs));

                    float[] fa = toFloat(a), fb = toFloat(b), fc = toFloat(c0), fsingle = toFloat(c0);
                    Gemm.sgemmBatched(kern, true, false, m, n, k, 1.5f, fa, 0, m, sa, fb, 0, n, sb, -1, fc, 0, n, sc, batch);
                    for (int t = 0; t < batch; t++) {
                        Gemm.sgemm(kern, true, false, m, n, k, 1.5f, fa, t * sa, m, fb, 0, n, -1, fsingle, t * sc, n);
                    }
                    assertArrayEquals(fsingle, fc, "sgemm batched vs single, threads=" + threads);
                }
                // and the values themselves, for one problem of the batch
                int t = batch - 1;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) s += a[t * sa + p * m + i] * b[p * n + j];
                        double ref = 1.5 * s - c0[t * sc + i * n + j];
                        assertEquals(ref, single[t * sc + i * n + j], 1e-12 * (k + 1));
                    }
                }
            }
        }
    }

    @Test
    void rejectsBadArgumentsWithTheOperationName() {
        double[] a = new double[12], b = new double[12], c = new double[9];
        assertMessage(() -> Gemm.dgemm(false, false, 3, 3, 4, 1, a, 0, 3, b, 0, 3, 0, c, 0, 3), "lda");
        assertMessage(() -> Gemm.dgemm(false, false, 3, 3, 4, 1, a, 1, 4, b, 0, 3, 0, c, 0, 3), "array has length 12");
        assertMessage(() -> Gemm.dgemm(false, false, 3, 3, 4, 1, a, 0, 4, b, 0, 3, 0, c, 1, 3), "C [m=3, n=3]");
        assertMessage(() -> Gemm.dgemm(false, false, -1, 3, 4, 1, a, 0, 4, b, 0, 3, 0, c, 0, 3), "negative");
        assertMessage(() -> Gemm.dgemmStrided(3, 3, 4, 1, a, 0, 4, 1, b, 0, 3, 1, 0, c, 0, 1, 1), "overlap");
        assertMessage(() -> Gemm.sgemm(true, false, 3, 3, 4, 1, new float[12], 0, 2, new float[12], 0, 3, 0,
                new float[9], 0, 3), "sgemm");
        assertMessage(() -> Gemm.dgemmBatched(false, false, 3, 3, 4, 1, a, 0, 4, 0, b, 0, 3, 0, 0, c, 0, 3, 0, 2),
                "overlap");
        assertMessage(() -> Gemm.dgemmBatched(false, false, 3, 3, 4, 1, a, 0, 4, 12, b, 0, 3, 0, 0,
                new double[18], 0, 3, 9, 2), "dgemmBatched");
    }

    static void assertMessage(Runnable r, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
