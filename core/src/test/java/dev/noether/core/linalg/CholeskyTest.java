package dev.noether.core.linalg;

import static dev.noether.core.linalg.TestMatrices.EPS;
import static dev.noether.core.linalg.TestMatrices.SIZES;
import static dev.noether.core.linalg.TestMatrices.matmul;
import static dev.noether.core.linalg.TestMatrices.maxAbs;
import static dev.noether.core.linalg.TestMatrices.maxAbsDiff;
import static dev.noether.core.linalg.TestMatrices.spd;
import static dev.noether.core.linalg.TestMatrices.transpose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.cpu.Parallel;
import dev.noether.core.random.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;

class CholeskyTest {
    @Test
    void reconstructsAndMatchesEjml() {
        Rng rng = Rng.seed(1);
        for (int n : SIZES) {
            double[] a = spd(rng, n);
            for (int block : new int[] {1, 5, Cholesky.DEFAULT_BLOCK, 300}) {
                double[] l = a.clone();
                for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) l[i * n + j] = Double.NaN; // upper unread
                Cholesky.factor(l, 0, n, block);
                for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) assertEquals(0.0, l[i * n + j], "upper zeroed");
                double[] llt = matmul(l, transpose(l, n, n), n, n, n);
                double tol = 4 * n * EPS * maxAbs(a);
                assertTrue(maxAbsDiff(llt, a) <= tol, "n=" + n + " block=" + block + ": |LL^T - A| = "
                        + maxAbsDiff(llt, a) + " > " + tol);

                DMatrixRMaj ref = DMatrixRMaj.wrap(n, n, a.clone());
                CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
                assertTrue(chol.decompose(ref));
                double[] lRef = chol.getT(null).data;
                // A is well conditioned (eigenvalues in ~[1, 5]), so L is determined to ~n eps
                assertTrue(maxAbsDiff(l, lRef) <= 8 * n * EPS * maxAbs(lRef), "n=" + n + " vs EJML: " + maxAbsDiff(l, lRef));
            }
        }
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        int saved = Parallel.threads();
        try {
            double[] a = spd(Rng.seed(2), 257);
            double[] reference = null;
            for (int threads : new int[] {1, 2, 8}) {
                Parallel.setThreads(threads);
                double[] l = a.clone();
                Cholesky.factor(l, 257);
                if (reference == null) reference = l;
                else assertArrayEquals(reference, l, "threads=" + threads);
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    @Test
    void solveLogDetAndInverse() {
        Rng rng = Rng.seed(3);
        for (int n : SIZES) {
            double[] a = spd(rng, n);
            double[] l = a.clone();
            Cholesky.factor(l, n);
            for (int nrhs : new int[] {1, 3, 130}) {
                double[] b = TestMatrices.normal(rng, n, nrhs);
                double[] x = b.clone();
                Cholesky.solve(l, 0, n, x, 0, nrhs);
                double[] ax = matmul(a, x, n, n, nrhs);
                double tol = 16 * n * EPS * maxAbs(a) * maxAbs(x) + 16 * n * EPS * maxAbs(b);
                assertTrue(maxAbsDiff(ax, b) <= tol, "n=" + n + " nrhs=" + nrhs + " residual " + maxAbsDiff(ax, b));
            }
            DMatrixRMaj am = DMatrixRMaj.wrap(n, n, a.clone());
            double[] eig = new double[n];
            SymmetricEigen.decompose(a, 0, n, eig, 0, null, 0);
            double logDetRef = 0;
            for (double w : eig) logDetRef += Math.log(w);
            assertEquals(logDetRef, Cholesky.logDet(l, 0, n), 1e-12 * Math.max(1, Math.abs(logDetRef)), "n=" + n);
            if (n <= 64) assertEquals(Math.log(CommonOps_DDRM.det(am)), Cholesky.logDet(l, 0, n), 1e-10 * n, "n=" + n);

            double[] inv = new double[n * n];
            Cholesky.inverse(l, 0, n, inv, 0);
            DMatrixRMaj invRef = new DMatrixRMaj(n, n);
            assertTrue(CommonOps_DDRM.invert(am.copy(), invRef));
            assertTrue(maxAbsDiff(inv, invRef.data) <= 1e-12 * Math.max(1, maxAbs(invRef.data)), "n=" + n);
            double[] eye = matmul(a, inv, n, n, n);
            for (int i = 0; i < n; i++) eye[i * n + i] -= 1;
            assertTrue(maxAbs(eye) <= 1e-12, "n=" + n + " |A A^-1 - I| = " + maxAbs(eye));
        }
    }

    @Test
    void notPositiveDefiniteNamesThePivot() {
        double[] a = {4, 0, 0, 0, 0, 2, 0, 0, 0, 0, -1, 0, 0, 0, 0, 3};
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.factor(a, 4));
        assertEquals(2, e.pivotIndex());
        assertEquals(-1.0, e.pivotValue());
        assertTrue(e.getMessage().contains("cholesky of [4, 4]") && e.getMessage().contains("pivot 2")
                && e.getMessage().contains("jitter"), e.getMessage());

        // rank-deficient Gram matrix: rank 30 of 100 breaks down at pivot >= 30 (in any block)
        Rng rng = Rng.seed(4);
        int n = 100;
        int r = 30;
        double[] x = TestMatrices.normal(rng, n, r);
        double[] g = matmul(x, transpose(x, n, r), n, r, n);
        NotPositiveDefiniteException e2 = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.factor(g, n));
        assertTrue(e2.pivotIndex() >= r, "pivot " + e2.pivotIndex());

        double[] nan = {1, 0, 0, Double.NaN};
        assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.factor(nan, 2));
    }

    @Test
    void badShapesAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cholesky.factor(new double[5], 3));
        assertTrue(e.getMessage().contains("[3, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cholesky.factor(new double[4], 0, 2, 0));
    }
}
