package dev.noether.core.linalg;

import dev.noether.core.cpu.Parallel;

/**
 * Cholesky factorisation {@code A = L L^T} of a symmetric positive definite matrix, and what it
 * gives: solves, log-determinant, inverse. Matrices are row-major {@code double[]} of {@code n*n}
 * elements starting at an offset.
 *
 * <h2>Algorithm</h2>
 * Blocked right-looking Cholesky with block width {@code nb} ({@link #DEFAULT_BLOCK}). For each
 * diagonal block {@code k}:
 * <pre>
 *   L_kk       = chol(A_kk)                              (unblocked, row-oriented Crout)
 *   L_ik       = A_ik L_kk^{-T}            for i > k     (panel triangular solve)
 *   A_ij      -= L_ik L_jk^T               for i >= j > k (symmetric rank-nb update, lower part)
 * </pre>
 * The update, n^3/3 of the n^3/3 + O(n^2 nb) flops, runs as 4x4 register-blocked dot products of
 * contiguous row segments, spread over {@link Parallel}. Only the lower triangle of {@code A} is
 * read; every element is computed by the same sequence of operations whatever the thread count,
 * so results are bitwise identical for 1 or 64 threads. Measured on the 2-core AVX2 development
 * machine at n = 1000-2000 (noisy, shared): about 3.5-5 GFLOP/s on one thread and 6-8 GFLOP/s on
 * two, against 2-2.8 GFLOP/s for EJML's {@code CholeskyDecomposition_DDRB_to_DDRM} (single
 * threaded, its own thread control), which is why it is written here rather than delegated to
 * EJML. The update is a GEMM ({@code C -= A B^T}): once the team's packed
 * {@code dev.noether.core.cpu.Gemm.dgemm(false, true, ...)} is faster than this kernel, calling it
 * per column tile of the trailing matrix is the change to make (an early version of it was not,
 * measured in this setting).
 *
 * <p>A pivot {@code a_jj - sum_{p<j} l_jp^2} that is not strictly positive (or is NaN) stops the
 * factorisation with a {@link NotPositiveDefiniteException} naming its index.
 */
public final class Cholesky {
    /** Default block width {@code nb} of the blocked factorisation. */
    public static final int DEFAULT_BLOCK = 64;

    /** Flops below which a parallel region runs on the calling thread. */
    private static final long MIN_PARALLEL_WORK = 1L << 16;

    private Cholesky() {}

    /** Factors {@code a} ({@code n x n}, row-major) in place: see {@link #factor(double[], int, int, int)}. */
    public static void factor(double[] a, int n) {
        factor(a, 0, n, DEFAULT_BLOCK);
    }

    /**
     * Factors the {@code n x n} row-major matrix at {@code a[off ..]} in place: on return its lower
     * triangle (with the diagonal) holds {@code L} and its strict upper triangle is zero. Only the
     * lower triangle is read.
     *
     * @param block block width {@code nb} (>= 1); results differ in rounding only between widths
     * @throws NotPositiveDefiniteException at the first pivot that is not > 0 (the matrix is then
     *                                      partly overwritten)
     */
    public static void factor(double[] a, int off, int n, int block) {
        checkSquare("cholesky", a, off, n);
        if (block < 1) throw new IllegalArgumentException("cholesky: block width must be >= 1, got " + block);
        String what = "cholesky of [" + n + ", " + n + "]";
        for (int k0 = 0; k0 < n; k0 += block) {
            final int kb = Math.min(block, n - k0);
            final int c0 = k0 + kb;
            final int start = k0;
            factorDiagonalBlock(a, off, n, k0, kb, what);
            int below = n - c0;
            if (below == 0) break;
            Parallel.forRange(below, (long) kb * kb, MIN_PARALLEL_WORK,
                    (s, e) -> panelSolve(a, off, n, start, kb, c0 + s, c0 + e));
            int quads = (below + 3) / 4;
            Parallel.forRange(quads, 4L * kb * below, MIN_PARALLEL_WORK,
                    (s, e) -> trailingUpdate(a, off, n, start, kb, c0 + 4 * s, Math.min(n, c0 + 4 * e)));
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(a, off + i * n + i + 1, off + (i + 1) * n, 0.0);
        }
    }

    /** Unblocked Cholesky of the kb x kb diagonal block at (k0, k0), rows of length n. */
    private static void factorDiagonalBlock(double[] a, int off, int n, int k0, int kb, String what) {
        for (int i = 0; i < kb; i++) {
            int ri = off + (k0 + i) * n + k0;
            for (int j = 0; j <= i; j++) {
                int rj = off + (k0 + j) * n + k0;
                double s = a[ri + j];
                for (int p = 0; p < j; p++) s -= a[ri + p] * a[rj + p];
                if (i == j) {
                    if (!(s > 0)) throw new NotPositiveDefiniteException(what, k0 + i, s);
                    a[ri + i] = Math.sqrt(s);
                } else {
                    a[ri + j] = s / a[rj + j];
                }
            }
        }
    }

    /** Rows [r0, r1) of the panel: L_ik = A_ik L_kk^{-T}. */
    private static void panelSolve(double[] a, int off, int n, int k0, int kb, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            int ri = off + i * n + k0;
            for (int j = 0; j < kb; j++) {
                int rj = off + (k0 + j) * n + k0;
                double s = a[ri + j];
                for (int p = 0; p < j; p++) s -= a[ri + p] * a[rj + p];
                a[ri + j] = s / a[rj + j];
            }
        }
    }

    /**
     * Rows [r0, r1) of the trailing update A_ij -= sum_p L_ip L_jp over p in [k0, k0+kb), for
     * columns c0 = k0+kb <= j <= i. r0 - c0 is a multiple of 4, so 4-row tiles meet the diagonal
     * exactly at j = i.
     */
    private static void trailingUpdate(double[] a, int off, int n, int k0, int kb, int r0, int r1) {
        int c0 = k0 + kb;
        int i = r0;
        for (; i + 4 <= r1; i += 4) {
            int x0 = off + i * n + k0;
            int x1 = x0 + n;
            int x2 = x1 + n;
            int x3 = x2 + n;
            for (int j = c0; j <= i; j += 4) {
                int y0 = off + j * n + k0;
                int y1 = y0 + n;
                int y2 = y1 + n;
                int y3 = y2 + n;
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
                double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
                double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                for (int p = 0; p < kb; p++) {
                    double a0 = a[x0 + p], a1 = a[x1 + p], a2 = a[x2 + p], a3 = a[x3 + p];
                    double b0 = a[y0 + p], b1 = a[y1 + p], b2 = a[y2 + p], b3 = a[y3 + p];
                    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
                    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
                    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
                    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
                }
                int t0 = off + i * n + j;
                int t1 = t0 + n;
                int t2 = t1 + n;
                int t3 = t2 + n;
                a[t0] -= c00;
                a[t1] -= c10;
                a[t1 + 1] -= c11;
                a[t2] -= c20;
                a[t2 + 1] -= c21;
                a[t2 + 2] -= c22;
                a[t3] -= c30;
                a[t3 + 1] -= c31;
                a[t3 + 2] -= c32;
                a[t3 + 3] -= c33;
                if (j < i) { // off-diagonal tile: the upper-right entries are below the diagonal too
                    a[t0 + 1] -= c01;
                    a[t0 + 2] -= c02;
                    a[t0 + 3] -= c03;
                    a[t1 + 2] -= c12;
                    a[t1 + 3] -= c13;
                    a[t2 + 3] -= c23;
                }
            }
        }
        for (; i < r1; i++) { // the last < 4 rows of the matrix
            int x = off + i * n + k0;
            for (int j = c0; j <= i; j++) {
                int y = off + j * n + k0;
                double c = 0;
                for (int p = 0; p < kb; p++) c += a[x + p] * a[y + p];
                a[off + i * n + j] -= c;
            }
        }
    }

    /**
     * Solves {@code A X = B} given the factor {@code L} of {@code A} (from {@link #factor}):
     * {@code L Y = B}, then {@code L^T X = Y}. {@code B} is {@code n x nrhs} row-major at
     * {@code b[bOff ..]} and is overwritten with {@code X}.
     */
    public static void solve(double[] l, int lOff, int n, double[] b, int bOff, int nrhs) {
        TriangularSolve.solve(l, lOff, n, b, bOff, nrhs, true, false, false);
        TriangularSolve.solve(l, lOff, n, b, bOff, nrhs, true, true, false);
    }

    /** {@code log det A = 2 sum_i log L_ii} from the factor {@code L}. */
    public static double logDet(double[] l, int lOff, int n) {
        checkSquare("cholesky logDet", l, lOff, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.log(l[lOff + i * n + i]);
        return 2 * s;
    }

    /**
     * {@code A^{-1} = L^{-T} L^{-1}} from the factor {@code L}, written to {@code out[outOff ..]}
     * ({@code n x n}, row-major, symmetric).
     */
    public static void inverse(double[] l, int lOff, int n, double[] out, int outOff) {
        checkSquare("cholesky inverse", l, lOff, n);
        checkSquare("cholesky inverse (output)", out, outOff, n);
        java.util.Arrays.fill(out, outOff, outOff + n * n, 0.0);
        for (int i = 0; i < n; i++) out[outOff + i * n + i] = 1.0;
        solve(l, lOff, n, out, outOff, n);
        for (int i = 0; i < n; i++) { // symmetrise the rounding
            for (int j = 0; j < i; j++) {
                int ij = outOff + i * n + j;
                int ji = outOff + j * n + i;
                double v = 0.5 * (out[ij] + out[ji]);
                out[ij] = v;
                out[ji] = v;
            }
        }
    }

    static void checkSquare(String op, double[] a, int off, int n) {
        if (n < 0) throw new IllegalArgumentException(op + ": matrix size must be >= 0, got " + n);
        if (off < 0 || (long) off + (long) n * n > a.length) {
            throw new IllegalArgumentException(op + ": [" + n + ", " + n + "] matrix at offset " + off
                    + " does not fit in an array of length " + a.length);
        }
    }
}
