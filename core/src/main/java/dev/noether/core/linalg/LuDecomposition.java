package dev.noether.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;

/**
 * LU factorisation with partial (row) pivoting, {@code P A = L U}, of a general square matrix,
 * and the solves and determinants it gives.
 *
 * <p>The factorisation is EJML's {@code LUDecompositionAlt_DDRM} (Crout with partial pivoting):
 * general solves are not on a hot path here, so the well-tested library is the right tool. The
 * triangular solves with the packed factors use {@link TriangularSolve} (lower with unit
 * diagonal, then upper), which handles several right-hand sides in parallel.
 *
 * <h2>Singularity</h2>
 * The matrix counts as singular when a pivot satisfies {@code |u_kk| <= rtol * max_ij |a_ij|}.
 * The default {@code rtol} is {@code n * 2^-52} ({@link #defaultRelativeTolerance(int)}): the
 * rounding noise of elimination, so an exactly rank-deficient matrix is reported rather than
 * solved into garbage. Pass {@code rtol = 0} to reject only exact zeros.
 */
public final class LuDecomposition {
    private final int n;
    private final double[] lu;
    private final int[] pivot;
    private final double pivotSign;

    private LuDecomposition(int n, double[] lu, int[] pivot, double pivotSign) {
        this.n = n;
        this.lu = lu;
        this.pivot = pivot;
        this.pivotSign = pivotSign;
    }

    /** {@code n * 2^-52}, the default singularity tolerance relative to {@code max |a_ij|}. */
    public static double defaultRelativeTolerance(int n) {
        return Math.max(1, n) * 0x1.0p-52;
    }

    /** Factors the {@code n x n} row-major matrix at {@code a[off ..]} (not modified) with the default tolerance. */
    public static LuDecomposition factor(double[] a, int off, int n) {
        return factor(a, off, n, defaultRelativeTolerance(n));
    }

    /**
     * Factors the {@code n x n} row-major matrix at {@code a[off ..]} (not modified).
     *
     * @param rtol singularity tolerance relative to {@code max |a_ij|} (>= 0)
     * @throws SingularMatrixException if a pivot is at or below {@code rtol * max |a_ij|}
     */
    public static LuDecomposition factor(double[] a, int off, int n, double rtol) {
        Cholesky.checkSquare("lu", a, off, n);
        if (!(rtol >= 0)) throw new IllegalArgumentException("lu: rtol must be >= 0, got " + rtol);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        System.arraycopy(a, off, m.data, 0, n * n);
        double scale = 0;
        for (int i = 0; i < n * n; i++) {
            double v = m.data[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("lu of [" + n + ", " + n + "]: element (" + i / n + ", " + i % n
                        + ") is " + v + "; the matrix must be finite");
            }
            scale = Math.max(scale, Math.abs(v));
        }
        LUDecompositionAlt_DDRM dec = new LUDecompositionAlt_DDRM();
        if (n > 0 && !dec.decompose(m)) {
            throw new IllegalStateException("lu of [" + n + ", " + n + "]: EJML's LU decomposition failed");
        }
        double[] packed = n > 0 ? dec.getLU().data.clone() : new double[0];
        double threshold = rtol * scale;
        for (int k = 0; k < n; k++) {
            double u = packed[k * n + k];
            if (Math.abs(u) <= threshold) throw new SingularMatrixException("lu of [" + n + ", " + n + "]", k, u, threshold);
        }
        int[] piv = n > 0 ? dec.getPivot().clone() : new int[0];
        double sign = 1;
        if (n > 0) { // the parity of the pivot permutation
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (seen[i]) continue;
                int len = 0;
                for (int j = i; !seen[j]; j = piv[j]) {
                    seen[j] = true;
                    len++;
                }
                if (len % 2 == 0) sign = -sign;
            }
        }
        return new LuDecomposition(n, packed, java.util.Arrays.copyOf(piv, n), sign);
    }

    /** The matrix size. */
    public int size() {
        return n;
    }

    /**
     * Solves {@code A X = B}: {@code B} is {@code n x nrhs} row-major at {@code b[bOff ..]} (not
     * modified); {@code X} is written to {@code x[xOff ..]} (may be the same region as B).
     */
    public void solve(double[] b, int bOff, int nrhs, double[] x, int xOff) {
        if (nrhs < 0) throw new IllegalArgumentException("lu solve: nrhs must be >= 0, got " + nrhs);
        if (bOff < 0 || (long) bOff + (long) n * nrhs > b.length || xOff < 0 || (long) xOff + (long) n * nrhs > x.length) {
            throw new IllegalArgumentException("lu solve: right-hand side [" + n + ", " + nrhs
                    + "] does not fit in the given arrays at offsets " + bOff + ", " + xOff);
        }
        double[] pb = new double[n * nrhs];
        for (int i = 0; i < n; i++) System.arraycopy(b, bOff + pivot[i] * nrhs, pb, i * nrhs, nrhs);
        TriangularSolve.solve(lu, 0, n, pb, 0, nrhs, true, false, true);
        TriangularSolve.solve(lu, 0, n, pb, 0, nrhs, false, false, false);
        System.arraycopy(pb, 0, x, xOff, n * nrhs);
    }

    /** {@code det A = sign(P) prod_k u_kk}; may overflow for large n (use {@link #logAbsDeterminant()}). */
    public double determinant() {
        double d = pivotSign;
        for (int k = 0; k < n; k++) d *= lu[k * n + k];
        return d;
    }

    /** {@code log |det A| = sum_k log |u_kk|}. */
    public double logAbsDeterminant() {
        double s = 0;
        for (int k = 0; k < n; k++) s += Math.log(Math.abs(lu[k * n + k]));
        return s;
    }

    /** The sign of {@code det A} (+1 or -1; the matrix is nonsingular). */
    public double determinantSign() {
        double s = pivotSign;
        for (int k = 0; k < n; k++) if (lu[k * n + k] < 0) s = -s;
        return s;
    }
}
