package dev.noether.core.linalg;

import static dev.noether.core.linalg.TestMatrices.matmul;
import static dev.noether.core.linalg.TestMatrices.maxAbs;
import static dev.noether.core.linalg.TestMatrices.maxAbsDiff;
import static dev.noether.core.linalg.TestMatrices.spd;
import static dev.noether.core.linalg.TestMatrices.transpose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.DType;
import dev.noether.core.Tensor;
import dev.noether.core.cpu.Parallel;
import dev.noether.core.random.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Tensor-level entry points: batching, broadcasting, dtypes and error messages. */
class LinalgTest {
    /** A batch [batch..., n, n] of SPD matrices, also returned as separate arrays. */
    private static double[][] spdBatch(Rng rng, int count, int n) {
        double[][] m = new double[count][];
        for (int b = 0; b < count; b++) m[b] = spd(rng, n);
        return m;
    }

    private static double[] flat(double[][] m) {
        int len = m[0].length;
        double[] out = new double[m.length * len];
        for (int b = 0; b < m.length; b++) System.arraycopy(m[b], 0, out, b * len, len);
        return out;
    }

    @Test
    void batchedCholeskyEqualsPerMatrixFactor() {
        Rng rng = Rng.seed(40);
        int n = 9;
        double[][] m = spdBatch(rng, 6, n);
        Tensor l = Linalg.cholesky(Tensor.of(flat(m), 2, 3, n, n));
        assertArrayEquals(new int[] {2, 3, n, n}, l.shape());
        double[] got = l.toDoubleArray();
        for (int b = 0; b < 6; b++) {
            double[] ref = m[b].clone();
            Cholesky.factor(ref, n);
            for (int i = 0; i < n * n; i++) assertEquals(ref[i], got[b * n * n + i], 0.0, "batch " + b);
        }
    }

    @Test
    void batchedResultsDoNotDependOnTheThreadCount() {
        int saved = Parallel.threads();
        try {
            double[] data = flat(spdBatch(Rng.seed(41), 20, 12));
            Tensor reference = null;
            for (int threads : new int[] {1, 2, 8}) {
                Parallel.setThreads(threads);
                Tensor l = Linalg.cholesky(Tensor.of(data.clone(), 4, 5, 12, 12));
                if (reference == null) reference = l;
                else assertArrayEquals(reference.toDoubleArray(), l.toDoubleArray(), "threads=" + threads);
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    @Test
    void choleskySolveAndSolveWithBroadcastBatches() {
        Rng rng = Rng.seed(42);
        int n = 7;
        double[][] m = spdBatch(rng, 3, n);
        Tensor a = Tensor.of(flat(m), 3, n, n);
        double[] bData = TestMatrices.normal(rng, n, 2);
        Tensor b = Tensor.of(bData, n, 2); // broadcast over the batch of 3
        Tensor x1 = Linalg.choleskySolve(Linalg.cholesky(a), b);
        Tensor x2 = Linalg.solve(a, b);
        assertArrayEquals(new int[] {3, n, 2}, x1.shape());
        assertArrayEquals(new int[] {3, n, 2}, x2.shape());
        double[] x1d = x1.toDoubleArray();
        double[] x2d = x2.toDoubleArray();
        for (int k = 0; k < 3; k++) {
            double[] xk = java.util.Arrays.copyOfRange(x1d, k * n * 2, (k + 1) * n * 2);
            double[] r = matmul(m[k], xk, n, n, 2);
            assertTrue(maxAbsDiff(r, bData) < 1e-13, "choleskySolve residual, batch " + k);
            assertTrue(maxAbsDiff(xk, java.util.Arrays.copyOfRange(x2d, k * n * 2, (k + 1) * n * 2)) < 1e-13);
        }
        // vector right-hand side with an unbatched matrix
        double[] v = TestMatrices.normal(rng, n, 1);
        Tensor av = Tensor.of(m[0].clone(), n, n);
        Tensor vt = Tensor.of(v.clone(), n);
        Tensor xv = Linalg.solve(av, vt);
        assertArrayEquals(new int[] {n}, xv.shape());
        assertTrue(maxAbsDiff(matmul(m[0], xv.toDoubleArray(), n, n, 1), v) < 1e-13);
        Linalg.choleskySolve(Linalg.cholesky(av), vt);
        assertArrayEquals(v, vt.toDoubleArray(), "inputs are not modified");
        assertArrayEquals(m[0], av.toDoubleArray(), "inputs are not modified");
    }

    @Test
    void solveTriangularMatchesTheRawKernelAndReadsOnlyItsTriangle() {
        Rng rng = Rng.seed(43);
        int n = 8;
        double[] a = spd(rng, n);
        double[] l = a.clone();
        Cholesky.factor(l, n);
        double[] lt = transpose(l, n, n); // upper factor
        double[] b = TestMatrices.normal(rng, n, 3);
        for (boolean transpose : new boolean[] {false, true}) {
            Tensor xl = Linalg.solveTriangular(Tensor.of(l.clone(), n, n), Tensor.of(b.clone(), n, 3), true, transpose);
            double[] ref = b.clone();
            TriangularSolve.solve(l, 0, n, ref, 0, 3, true, transpose, false);
            assertArrayEquals(ref, xl.toDoubleArray());
            // L^T as an upper matrix: solving with U^(T) is solving with L^(not T)
            Tensor xu = Linalg.solveTriangular(Tensor.of(lt.clone(), n, n), Tensor.of(b.clone(), n, 3), false, !transpose);
            assertTrue(maxAbsDiff(xu.toDoubleArray(), ref) < 1e-13);
        }
    }

    @Test
    void logDetInverseAndDetAgreeWithEjml() {
        Rng rng = Rng.seed(44);
        int n = 6;
        double[][] m = spdBatch(rng, 2, n);
        Tensor a = Tensor.of(flat(m), 2, n, n);
        Tensor logDet = Linalg.logDet(a);
        Tensor det = Linalg.det(a);
        Tensor inv = Linalg.inverseSpd(a);
        assertArrayEquals(new int[] {2}, logDet.shape());
        assertArrayEquals(new int[] {2, n, n}, inv.shape());
        for (int k = 0; k < 2; k++) {
            double d = CommonOps_DDRM.det(DMatrixRMaj.wrap(n, n, m[k].clone()));
            assertEquals(Math.log(d), logDet.get(k), 1e-12);
            assertEquals(d, det.get(k), 1e-12 * d);
            DMatrixRMaj ref = new DMatrixRMaj(n, n);
            assertTrue(CommonOps_DDRM.invert(DMatrixRMaj.wrap(n, n, m[k].clone()), ref));
            double[] got = inv.select(0, k).toDoubleArray();
            assertTrue(maxAbsDiff(got, ref.data) < 1e-12 * maxAbs(ref.data));
        }
        assertEquals(0.0, Linalg.det(Tensor.of(new double[] {1, 2, 2, 4}, 2, 2)).item());
        assertEquals(-2.0, Linalg.det(Tensor.of(new double[] {1, 2, 3, 4}, 2, 2)).item(), 1e-15);
    }

    @Test
    void eighIsBatchedAndReconstructs() {
        Rng rng = Rng.seed(45);
        int n = 5;
        double[][] m = spdBatch(rng, 3, n);
        Linalg.Eigh e = Linalg.eigh(Tensor.of(flat(m), 3, n, n));
        assertArrayEquals(new int[] {3, n}, e.values().shape());
        assertArrayEquals(new int[] {3, n, n}, e.vectors().shape());
        for (int k = 0; k < 3; k++) {
            double[] w = e.values().select(0, k).toDoubleArray();
            double[] v = e.vectors().select(0, k).toDoubleArray();
            double[] vl = new double[n * n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) vl[i * n + j] = v[i * n + j] * w[j];
            double[] rec = matmul(vl, transpose(v, n, n), n, n, n);
            assertTrue(maxAbsDiff(rec, m[k]) < 1e-13 * 8, "V L V^T = A, batch " + k);
        }
    }

    @Test
    void f32InputsGiveF32ResultsCloseToF64() {
        Rng rng = Rng.seed(46);
        int n = 10;
        double[] a = spd(rng, n);
        float[] af = new float[a.length];
        for (int i = 0; i < a.length; i++) af[i] = (float) a[i];
        double[] a32 = new double[a.length]; // the f32 matrix exactly, in f64
        for (int i = 0; i < a.length; i++) a32[i] = af[i];
        Tensor lf = Linalg.cholesky(Tensor.of(af, n, n));
        assertEquals(DType.F32, lf.dtype());
        Tensor l64 = Linalg.cholesky(Tensor.of(a32, n, n));
        float[] got = lf.toFloatArray();
        double[] ref = l64.toDoubleArray();
        for (int i = 0; i < got.length; i++) assertEquals((float) ref[i], got[i], 0f, "rounded f64 result");
        Tensor mixed = Linalg.solve(Tensor.of(af, n, n), Tensor.of(new double[n], n));
        assertEquals(DType.F64, mixed.dtype());
    }

    @Test
    void badInputsNameTheShapes() {
        IllegalArgumentException nonSquare = assertThrows(IllegalArgumentException.class,
                () -> Linalg.cholesky(Tensor.zeros(3, 4)));
        assertTrue(nonSquare.getMessage().contains("Linalg.cholesky") && nonSquare.getMessage().contains("[3, 4]"),
                nonSquare.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> Linalg.solve(Tensor.eye(5), Tensor.zeros(4, 2)));
        assertTrue(mismatch.getMessage().contains("[5, 5]") && mismatch.getMessage().contains("[4, 2]"),
                mismatch.getMessage());
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> Linalg.solve(Tensor.zeros(2, 3, 3), Tensor.zeros(4, 3, 1)));
        assertTrue(batch.getMessage().contains("[2]") && batch.getMessage().contains("[4]"), batch.getMessage());
        IllegalArgumentException ints = assertThrows(IllegalArgumentException.class,
                () -> Linalg.cholesky(Tensor.zeros(DType.I64, 2, 2)));
        assertTrue(ints.getMessage().contains("I64"), ints.getMessage());

        double[] data = flat(spdBatch(Rng.seed(47), 4, 3));
        data[2 * 9 + 4] = -50; // batch element 2: second pivot negative
        NotPositiveDefiniteException np = assertThrows(NotPositiveDefiniteException.class,
                () -> Linalg.cholesky(Tensor.of(data, 2, 2, 3, 3)));
        assertTrue(np.getMessage().contains("batch element [1, 0]") && np.getMessage().contains("pivot 1")
                && np.getMessage().contains("jitter"), np.getMessage());

        SingularMatrixException singular = assertThrows(SingularMatrixException.class,
                () -> Linalg.solve(Tensor.of(new double[] {1, 2, 2, 4}, 2, 2), Tensor.ones(2)));
        assertTrue(singular.getMessage().contains("singular"), singular.getMessage());
        IllegalArgumentException batchedSingular = assertThrows(IllegalArgumentException.class,
                () -> Linalg.solve(Tensor.of(new double[] {1, 0, 0, 1, 1, 2, 2, 4}, 2, 2, 2), Tensor.ones(2, 2, 1)));
        assertTrue(batchedSingular.getMessage().contains("batch element [1]"), batchedSingular.getMessage());
    }
}
