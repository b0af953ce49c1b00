package dev.noether.core.linalg;

import static dev.noether.core.linalg.TestMatrices.EPS;
import static dev.noether.core.linalg.TestMatrices.SIZES;
import static dev.noether.core.linalg.TestMatrices.matmul;
import static dev.noether.core.linalg.TestMatrices.maxAbs;
import static dev.noether.core.linalg.TestMatrices.maxAbsDiff;
import static dev.noether.core.linalg.TestMatrices.spd;
import static dev.noether.core.linalg.TestMatrices.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.random.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class LuAndEigenTest {
    @Test
    void luSolvesGeneralSystemsLikeEjml() {
        Rng rng = Rng.seed(20);
        for (int n : SIZES) {
            double[] a = TestMatrices.normal(rng, n, n);
            double[] original = a.clone();
            LuDecomposition lu = LuDecomposition.factor(a, 0, n);
            assertTrue(java.util.Arrays.equals(original, a), "input not modified");
            for (int nrhs : new int[] {1, 4, 130}) {
                double[] b = TestMatrices.normal(rng, n, nrhs);
                double[] x = new double[n * nrhs];
                lu.solve(b, 0, nrhs, x, 0);
                double[] ax = matmul(a, x, n, n, nrhs);
                // backward stable with modest pivot growth for Gaussian matrices
                double tol = 64 * n * EPS * (maxAbs(a) * maxAbs(x) * n + maxAbs(b));
                assertTrue(maxAbsDiff(ax, b) <= tol, "n=" + n + " nrhs=" + nrhs + " residual " + maxAbsDiff(ax, b));
                DMatrixRMaj xRef = new DMatrixRMaj(n, nrhs);
                assertTrue(CommonOps_DDRM.solve(DMatrixRMaj.wrap(n, n, a.clone()), DMatrixRMaj.wrap(n, nrhs, b.clone()), xRef));
                double rel = maxAbsDiff(x, xRef.data) / maxAbs(xRef.data);
                assertTrue(rel < 1e-9, "n=" + n + " vs EJML relative " + rel);
            }
            if (n <= 64) {
                double det = CommonOps_DDRM.det(DMatrixRMaj.wrap(n, n, a.clone()));
                assertEquals(det, lu.determinant(), 1e-10 * Math.abs(det), "n=" + n);
                assertEquals(Math.signum(det), lu.determinantSign());
                assertEquals(Math.log(Math.abs(det)), lu.logAbsDeterminant(), 1e-10 * n);
            }
        }
    }

    @Test
    void permutationDeterminantsHaveTheRightSign() {
        double[] swap = {0, 1, 1, 0};
        assertEquals(-1.0, LuDecomposition.factor(swap, 0, 2).determinant());
        double[] cycle3 = {0, 1, 0, 0, 0, 1, 1, 0, 0}; // even permutation
        assertEquals(1.0, LuDecomposition.factor(cycle3, 0, 3).determinant());
        double[] x = new double[2];
        LuDecomposition.factor(swap, 0, 2).solve(new double[] {3, 5}, 0, 1, x, 0);
        assertEquals(5.0, x[0]);
        assertEquals(3.0, x[1]);
    }

    @Test
    void singularMatricesAreReported() {
        double[] exact = {1, 2, 2, 4};
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> LuDecomposition.factor(exact, 0, 2));
        assertEquals(1, e.pivotIndex());
        assertTrue(e.getMessage().contains("lu of [2, 2]") && e.getMessage().contains("singular"), e.getMessage());
        assertThrows(SingularMatrixException.class, () -> LuDecomposition.factor(new double[1], 0, 1));
        // rank 20 of 64 in floating point: pivots fall to rounding level, caught by the default tolerance
        Rng rng = Rng.seed(21);
        double[] x = TestMatrices.normal(rng, 64, 20);
        double[] y = TestMatrices.normal(rng, 20, 64);
        double[] lowRank = matmul(x, y, 64, 20, 64);
        assertThrows(SingularMatrixException.class, () -> LuDecomposition.factor(lowRank, 0, 64));
        assertThrows(IllegalArgumentException.class, () -> LuDecomposition.factor(new double[] {Double.NaN}, 0, 1));
    }

    /** Q diag(d) Q^T with Q orthogonal (from EJML's QR of a Gaussian matrix): eigenvalues are d. */
    private static double[] withSpectrum(Rng rng, double[] d) {
        int n = d.length;
        DMatrixRMaj g = DMatrixRMaj.wrap(n, n, TestMatrices.normal(rng, n, n));
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(n, n);
        assertTrue(qr.decompose(g));
        double[] q = qr.getQ(null, false).data;
        double[] qd = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) qd[i * n + j] = q[i * n + j] * d[j];
        double[] a = matmul(qd, transpose(q, n, n), n, n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) a[j * n + i] = a[i * n + j]; // exact symmetry
        return a;
    }

    @Test
    void eighRecoversAKnownSpectrumWithOrthonormalVectors() {
        Rng rng = Rng.seed(22);
        for (int n : SIZES) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = rng.uniform(-3, 3);
            double[] a = withSpectrum(rng, d);
            double[] w = new double[n];
            double[] v = new double[n * n];
            SymmetricEigen.decompose(a, 0, n, w, 0, v, 0);
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            double tol = 64 * n * EPS * 3;
            for (int k = 0; k < n; k++) {
                assertEquals(sorted[k], w[k], tol, "n=" + n + " eigenvalue " + k);
                if (k > 0) assertTrue(w[k - 1] <= w[k], "ascending");
            }
            double[] vtv = matmul(transpose(v, n, n), v, n, n, n);
            for (int i = 0; i < n; i++) vtv[i * n + i] -= 1;
            assertTrue(maxAbs(vtv) <= 64 * n * EPS, "n=" + n + " |V^T V - I| = " + maxAbs(vtv));
            double[] av = matmul(a, v, n, n, n);
            double[] vl = new double[n * n];
            for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) vl[i * n + k] = v[i * n + k] * w[k];
            assertTrue(maxAbsDiff(av, vl) <= 64 * n * EPS * 3, "n=" + n + " |AV - V L| = " + maxAbsDiff(av, vl));
            for (int k = 0; k < n; k++) { // sign convention: largest component positive
                int big = 0;
                for (int i = 0; i < n; i++) if (Math.abs(v[i * n + k]) > Math.abs(v[big * n + k])) big = i;
                assertTrue(v[big * n + k] > 0);
            }
        }
    }

    @Test
    void eighMatchesTheAnalyticSecondDifferenceSpectrum() {
        int n = 64; // tridiag(-1, 2, -1): eigenvalues 2 - 2 cos(k pi / (n + 1)), k = 1..n
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 2;
            if (i > 0) a[i * n + i - 1] = -1;
            if (i + 1 < n) a[i * n + i + 1] = -1;
        }
        double[] w = new double[n];
        SymmetricEigen.decompose(a, 0, n, w, 0, null, 0);
        for (int k = 1; k <= n; k++) assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), w[k - 1], 1e-13);
        double[] s = spd(Rng.seed(23), 7);
        double[] ws = new double[7];
        SymmetricEigen.decompose(s, 0, 7, ws, 0, null, 0);
        double trace = 0;
        double sum = 0;
        for (int i = 0; i < 7; i++) {
            trace += s[i * 7 + i];
            sum += ws[i];
        }
        assertEquals(trace, sum, 1e-12 * trace);
    }

    @Test
    void eighRejectsNonSymmetricInput() {
        double[] a = {1, 2, 3, 4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.decompose(a, 0, 2, new double[2], 0, null, 0));
        assertTrue(e.getMessage().contains("not symmetric") && e.getMessage().contains("a[1, 0]"), e.getMessage());
    }
}
