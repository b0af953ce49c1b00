package dev.noether.core.linalg;

import static dev.noether.core.linalg.TestMatrices.EPS;
import static dev.noether.core.linalg.TestMatrices.SIZES;
import static dev.noether.core.linalg.TestMatrices.matmul;
import static dev.noether.core.linalg.TestMatrices.maxAbs;
import static dev.noether.core.linalg.TestMatrices.maxAbsDiff;
import static dev.noether.core.linalg.TestMatrices.transpose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.cpu.Parallel;
import dev.noether.core.random.Rng;
import org.junit.jupiter.api.Test;

class TriangularSolveTest {
    /**
     * A triangular matrix with unit-scale diagonal (in [1, 2], negated on odd rows) and off-diagonal
     * entries ~ N(0, 1/n): well conditioned. The other triangle is NaN so reading it would show.
     */
    private static double[] triangular(Rng rng, int n, boolean lower, boolean unit) {
        double[] t = new double[n * n];
        double s = 1 / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean inside = lower ? j < i : j > i;
                if (i == j) t[i * n + j] = unit ? Double.NaN : (1 + rng.uniform()) * (i % 2 == 0 ? 1 : -1);
                else t[i * n + j] = inside ? s * rng.normal() : Double.NaN;
            }
        }
        return t;
    }

    /** The matrix op(T) that the solve uses, with the unread parts made explicit. */
    private static double[] effective(double[] t, int n, boolean lower, boolean transpose, boolean unit) {
        double[] e = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean inside = lower ? j < i : j > i;
                if (i == j) e[i * n + j] = unit ? 1 : t[i * n + j];
                else if (inside) e[i * n + j] = t[i * n + j];
            }
        }
        return transpose ? transpose(e, n, n) : e;
    }

    @Test
    void allEightCasesSolveTheSystem() {
        Rng rng = Rng.seed(10);
        for (int n : SIZES) {
            for (boolean lower : new boolean[] {true, false}) {
                for (boolean transpose : new boolean[] {false, true}) {
                    for (boolean unit : new boolean[] {false, true}) {
                        double[] t = triangular(rng, n, lower, unit);
                        double[] op = effective(t, n, lower, transpose, unit);
                        for (int nrhs : new int[] {1, 5, 130}) {
                            double[] b = TestMatrices.normal(rng, n, nrhs);
                            double[] x = b.clone();
                            TriangularSolve.solve(t, 0, n, x, 0, nrhs, lower, transpose, unit);
                            double[] r = matmul(op, x, n, n, nrhs);
                            double tol = 8 * n * EPS * (maxAbs(op) * maxAbs(x) + maxAbs(b));
                            String where = "n=" + n + " lower=" + lower + " T=" + transpose + " unit=" + unit
                                    + " nrhs=" + nrhs;
                            assertTrue(maxAbsDiff(r, b) <= tol, where + " residual " + maxAbsDiff(r, b));
                        }
                    }
                }
            }
        }
    }

    @Test
    void singleAndMultiColumnPathsAgreeBitwise() {
        Rng rng = Rng.seed(11);
        int n = 64;
        double[] t = triangular(rng, n, true, false);
        double[] b = TestMatrices.normal(rng, n, 3);
        double[] all = b.clone();
        TriangularSolve.solve(t, 0, n, all, 0, 3, true, false, false);
        for (int c = 0; c < 3; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = b[i * 3 + c];
            TriangularSolve.solve(t, 0, n, col, 0, 1, true, false, false);
            for (int i = 0; i < n; i++) assertEquals(all[i * 3 + c], col[i], 0.0);
        }
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        int saved = Parallel.threads();
        try {
            Rng rng = Rng.seed(12);
            int n = 257;
            double[] t = triangular(rng, n, false, false);
            double[] b = TestMatrices.normal(rng, n, 200);
            double[] reference = null;
            for (int threads : new int[] {1, 2, 8}) {
                Parallel.setThreads(threads);
                double[] x = b.clone();
                TriangularSolve.solve(t, 0, n, x, 0, 200, false, true, false);
                if (reference == null) reference = x;
                else assertArrayEquals(reference, x, "threads=" + threads);
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    @Test
    void zeroDiagonalAndBadShapesAreReported() {
        double[] t = {1, 0, 5, 0};
        SingularMatrixException e = assertThrows(SingularMatrixException.class,
                () -> TriangularSolve.solve(t, 0, 2, new double[2], 0, 1, true, false, false));
        assertEquals(1, e.pivotIndex());
        TriangularSolve.solve(t, 0, 2, new double[] {1, 2}, 0, 1, true, false, true); // unit diagonal: fine
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> TriangularSolve.solve(new double[4], 0, 2, new double[3], 0, 2, true, false, false));
        assertTrue(shape.getMessage().contains("[2, 2]"), shape.getMessage());
    }
}
