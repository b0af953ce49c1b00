package dev.noether.core.linalg;

import dev.noether.core.cpu.Parallel;

/**
 * Triangular solves with several right-hand sides: {@code op(T) X = B} where {@code T} is
 * {@code n x n} lower or upper triangular, {@code op(T)} is {@code T} or {@code T^T}, and
 * {@code B} is {@code n x nrhs}; all row-major {@code double[]} at offsets. {@code X} overwrites
 * {@code B}. Only the named triangle of {@code T} is read (the diagonal too, unless
 * {@code unitDiagonal}), so the packed factors of an LU or Cholesky can be passed as they are.
 *
 * <h2>Algorithm</h2>
 * Substitution along the contiguous rows of the triangular matrix:
 * <pre>
 *   lower (forward):  x_i = (b_i - sum_{p<i} t_ip x_p) / t_ii,   i = 0 .. n-1
 *   upper (backward): x_i = (b_i - sum_{p>i} t_ip x_p) / t_ii,   i = n-1 .. 0
 * </pre>
 * with the sums taken in increasing {@code p}, where {@code x_i}, {@code b_i} are rows of
 * {@code X}, {@code B}. A transposed solve first copies the triangle transposed (O(n^2) time and
 * memory), so that it too reads contiguous rows; a lower {@code T^T} is then an upper solve.
 * Columns of {@code B} are independent: they are processed in blocks of {@link #COLUMN_BLOCK}
 * spread over {@link Parallel}, each column by the same operations in the same order whatever
 * the thread count or the number of columns (bitwise deterministic). A zero on a non-unit diagonal throws
 * {@link SingularMatrixException}.
 */
public final class TriangularSolve {
    /** Right-hand-side columns per parallel task. */
    public static final int COLUMN_BLOCK = 64;

    private TriangularSolve() {}

    /**
     * Solves {@code op(T) X = B} in place of {@code B}.
     *
     * @param t            the triangular matrix, {@code n x n} row-major at {@code t[tOff ..]}
     * @param b            right-hand sides, {@code n x nrhs} row-major at {@code b[bOff ..]}; overwritten by X
     * @param lower        whether {@code T} is lower (else upper) triangular
     * @param transpose    solve with {@code T^T} instead of {@code T}
     * @param unitDiagonal take the diagonal of {@code T} as ones without reading it
     */
    public static void solve(double[] t, int tOff, int n, double[] b, int bOff, int nrhs, boolean lower,
            boolean transpose, boolean unitDiagonal) {
        Cholesky.checkSquare("solveTriangular", t, tOff, n);
        if (nrhs < 0) throw new IllegalArgumentException("solveTriangular: nrhs must be >= 0, got " + nrhs);
        if (bOff < 0 || (long) bOff + (long) n * nrhs > b.length) {
            throw new IllegalArgumentException("solveTriangular: right-hand side [" + n + ", " + nrhs + "] at offset "
                    + bOff + " does not fit in an array of length " + b.length);
        }
        if (!unitDiagonal) {
            for (int i = 0; i < n; i++) {
                double d = t[tOff + i * n + i];
                if (d == 0.0) {
                    throw new SingularMatrixException("solveTriangular of [" + n + ", " + n + "] x [" + n + ", "
                            + nrhs + "]", i, d, 0.0);
                }
            }
        }
        final double[] tm;
        final int tmOff;
        final boolean tmLower;
        if (transpose) { // solve with the explicit transpose: contiguous rows for the dot-product form
            tm = transposedTriangle(t, tOff, n, lower, unitDiagonal);
            tmOff = 0;
            tmLower = !lower;
        } else {
            tm = t;
            tmOff = tOff;
            tmLower = lower;
        }
        int blocks = (nrhs + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        long workPerBlock = (long) n * n * Math.min(nrhs, COLUMN_BLOCK);
        Parallel.forRange(blocks, workPerBlock, 1L << 16, (s, e) -> {
            for (int blk = s; blk < e; blk++) {
                int c0 = blk * COLUMN_BLOCK;
                int c1 = Math.min(nrhs, c0 + COLUMN_BLOCK);
                if (tmLower) forwardDot(tm, tmOff, n, b, bOff, nrhs, c0, c1, unitDiagonal);
                else backwardDot(tm, tmOff, n, b, bOff, nrhs, c0, c1, unitDiagonal);
            }
        });
    }

    /** Lower, no transpose. */
    private static void forwardDot(double[] t, int tOff, int n, double[] b, int bOff, int m, int c0, int c1,
            boolean unit) {
        if (c1 - c0 == 1) {
            for (int i = 0; i < n; i++) {
                int ti = tOff + i * n;
                double s = b[bOff + i * m + c0];
                for (int p = 0; p < i; p++) s -= t[ti + p] * b[bOff + p * m + c0];
                b[bOff + i * m + c0] = unit ? s : s / t[ti + i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int ti = tOff + i * n;
            int bi = bOff + i * m;
            for (int p = 0; p < i; p++) {
                double f = t[ti + p];
                int bp = bOff + p * m;
                for (int c = c0; c < c1; c++) b[bi + c] -= f * b[bp + c];
            }
            if (!unit) {
                double d = t[ti + i];
                for (int c = c0; c < c1; c++) b[bi + c] /= d;
            }
        }
    }

    /** Upper, no transpose. */
    private static void backwardDot(double[] t, int tOff, int n, double[] b, int bOff, int m, int c0, int c1,
            boolean unit) {
        if (c1 - c0 == 1) {
            for (int i = n - 1; i >= 0; i--) {
                int ti = tOff + i * n;
                double s = b[bOff + i * m + c0];
                for (int p = i + 1; p < n; p++) s -= t[ti + p] * b[bOff + p * m + c0];
                b[bOff + i * m + c0] = unit ? s : s / t[ti + i];
            }
            return;
        }
        for (int i = n - 1; i >= 0; i--) {
            int ti = tOff + i * n;
            int bi = bOff + i * m;
            for (int p = i + 1; p < n; p++) {
                double f = t[ti + p];
                int bp = bOff + p * m;
                for (int c = c0; c < c1; c++) b[bi + c] -= f * b[bp + c];
            }
            if (!unit) {
                double d = t[ti + i];
                for (int c = c0; c < c1; c++) b[bi + c] /= d;
            }
        }
    }

    /** The named triangle of T (and its diagonal unless unit), transposed into a fresh n x n array. */
    private static double[] transposedTriangle(double[] t, int tOff, int n, boolean lower, boolean unit) {
        double[] tt = new double[n * n];
        for (int i = 0; i < n; i++) {
            int from = lower ? 0 : (unit ? i + 1 : i);
            int to = lower ? (unit ? i : i + 1) : n;
            for (int j = from; j < to; j++) tt[j * n + i] = t[tOff + i * n + j];
        }
        return tt;
    }
}
