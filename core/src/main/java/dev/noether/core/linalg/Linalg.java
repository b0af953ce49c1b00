package dev.noether.core.linalg;

import dev.noether.core.DType;
import dev.noether.core.Shapes;
import dev.noether.core.Tensor;
import dev.noether.core.cpu.Parallel;
import java.util.Arrays;

/**
 * Dense linear algebra on tensors: matrices are the last two axes, any leading axes are a batch.
 *
 * <p>Each function takes {@code [..., n, n]} matrices (and {@code [..., n, k]} right-hand sides,
 * or a vector {@code [n]} when the matrix is a single {@code [n, n]}), copies them to row-major
 * f64 and calls the raw-array kernels: {@link Cholesky}, {@link TriangularSolve},
 * {@link LuDecomposition} and {@link SymmetricEigen}, whose Javadoc gives the algorithms. Batch
 * axes of two operands broadcast as in numpy. F32 inputs are computed in f64 and the result is
 * rounded to F32 (the result type is the promotion of the operand types); integer and boolean
 * tensors are rejected. Batches of matrices are spread over {@link Parallel} (each matrix's own
 * kernel then runs on one thread); if several batch elements fail, the error names the first.
 */
public final class Linalg {
    private Linalg() {}

    /** Eigenvalues {@code [..., n]} ascending and orthonormal eigenvectors {@code [..., n, n]} (in columns). */
    public record Eigh(Tensor values, Tensor vectors) {}

    /**
     * Lower Cholesky factor {@code L} with {@code A = L L^T} of SPD matrices {@code [..., n, n]}
     * (only the lower triangle of {@code A} is read; the strict upper triangle of {@code L} is 0).
     *
     * @throws NotPositiveDefiniteException naming the batch element and the first bad pivot
     */
    public static Tensor cholesky(Tensor a) {
        Batch m = square("Linalg.cholesky", a);
        runBatch("Linalg.cholesky", m, (b, off) -> Cholesky.factor(m.data, off, m.n, Cholesky.DEFAULT_BLOCK));
        return result(m.data, a.shape(), m.dtype);
    }

    /**
     * Solves {@code op(T) X = B} for triangular {@code T [..., n, n]} (only its named triangle is
     * read) and {@code B [..., n, k]} or {@code [n]}.
     */
    public static Tensor solveTriangular(Tensor t, Tensor b, boolean lower, boolean transpose) {
        return solveTriangular(t, b, lower, transpose, false);
    }

    /** As {@link #solveTriangular(Tensor, Tensor, boolean, boolean)}, optionally with a unit diagonal. */
    public static Tensor solveTriangular(Tensor t, Tensor b, boolean lower, boolean transpose, boolean unitDiagonal) {
        Pair p = pair("Linalg.solveTriangular", t, b);
        runBatch("Linalg.solveTriangular", p.a, (i, off) -> TriangularSolve.solve(p.a.data, off, p.n, p.b, i * p.n * p.k,
                p.k, lower, transpose, unitDiagonal));
        return result(p.b, p.outShape, p.dtype);
    }

    /** Solves {@code A X = B} for general square {@code A [..., n, n]} by LU with partial pivoting. */
    public static Tensor solve(Tensor a, Tensor b) {
        Pair p = pair("Linalg.solve", a, b);
        runBatch("Linalg.solve", p.a, (i, off) -> {
            int bo = i * p.n * p.k;
            LuDecomposition.factor(p.a.data, off, p.n).solve(p.b, bo, p.k, p.b, bo);
        });
        return result(p.b, p.outShape, p.dtype);
    }

    /**
     * Solves {@code A X = B} given the Cholesky factor {@code L [..., n, n]} of {@code A} (as
     * returned by {@link #cholesky(Tensor)}): {@code L Y = B}, {@code L^T X = Y}.
     */
    public static Tensor choleskySolve(Tensor l, Tensor b) {
        Pair p = pair("Linalg.choleskySolve", l, b);
        runBatch("Linalg.choleskySolve", p.a, (i, off) -> Cholesky.solve(p.a.data, off, p.n, p.b, i * p.n * p.k, p.k));
        return result(p.b, p.outShape, p.dtype);
    }

    /** {@code log det A} of SPD matrices {@code [..., n, n]} via Cholesky ({@code 2 sum log L_ii}); shape {@code [...]}. */
    public static Tensor logDet(Tensor a) {
        Batch m = square("Linalg.logDet", a);
        double[] out = new double[m.count];
        runBatch("Linalg.logDet", m, (b, off) -> {
            Cholesky.factor(m.data, off, m.n, Cholesky.DEFAULT_BLOCK);
            out[b] = Cholesky.logDet(m.data, off, m.n);
        });
        return result(out, m.batchShape, m.dtype);
    }

    /**
     * Determinant of general square matrices {@code [..., n, n]} by LU with partial pivoting
     * ({@code sign(P) prod u_kk}; 0 when a pivot is exactly zero); shape {@code [...]}.
     */
    public static Tensor det(Tensor a) {
        Batch m = square("Linalg.det", a);
        double[] out = new double[m.count];
        runBatch("Linalg.det", m, (b, off) -> {
            try {
                out[b] = LuDecomposition.factor(m.data, off, m.n, 0).determinant();
            } catch (SingularMatrixException exactZeroPivot) {
                out[b] = 0.0;
            }
        });
        return result(out, m.batchShape, m.dtype);
    }

    /** {@code A^{-1}} of SPD matrices {@code [..., n, n]} via Cholesky ({@code L^{-T} L^{-1}}, symmetric). */
    public static Tensor inverseSpd(Tensor a) {
        Batch m = square("Linalg.inverseSpd", a);
        double[] out = new double[m.data.length];
        runBatch("Linalg.inverseSpd", m, (b, off) -> {
            Cholesky.factor(m.data, off, m.n, Cholesky.DEFAULT_BLOCK);
            Cholesky.inverse(m.data, off, m.n, out, off);
        });
        return result(out, a.shape(), m.dtype);
    }

    /** Symmetric eigendecomposition of {@code [..., n, n]} (see {@link SymmetricEigen}). */
    public static Eigh eigh(Tensor a) {
        Batch m = square("Linalg.eigh", a);
        double[] w = new double[m.count * m.n];
        double[] v = new double[m.data.length];
        runBatch("Linalg.eigh", m, (b, off) -> SymmetricEigen.decompose(m.data, off, m.n, w, b * m.n, v, off));
        int[] valuesShape = Arrays.copyOf(a.shape(), a.rank() - 1);
        return new Eigh(result(w, valuesShape, m.dtype), result(v, a.shape(), m.dtype));
    }

    // ---------------------------------------------------------------- shapes and batching

    /** A batch of square matrices as one row-major f64 array. */
    private static final class Batch {
        final double[] data;
        final int n;
        final int count;
        final int[] batchShape;
        final int[] fullShape;
        final DType dtype;

        Batch(double[] data, int n, int[] batchShape, int[] fullShape, DType dtype) {
            this.data = data;
            this.n = n;
            this.batchShape = batchShape;
            this.count = Shapes.numel(batchShape);
            this.fullShape = fullShape;
            this.dtype = dtype;
        }
    }

    /** Two operands: a batch of square matrices and matching right-hand sides. */
    private static final class Pair {
        Batch a;
        double[] b;
        int n;
        int k;
        int[] outShape;
        DType dtype;
    }

    private static void requireFloating(String op, Tensor t, String name) {
        if (!t.dtype().isFloating()) {
            throw new IllegalArgumentException(op + ": " + name + " has dtype " + t.dtype() + " " + Shapes.str(t.shape())
                    + "; linear algebra needs F64 or F32 (convert with toType(DType.F64))");
        }
    }

    private static Batch square(String op, Tensor a) {
        requireFloating(op, a, "the matrix");
        int[] s = a.shape();
        if (s.length < 2 || s[s.length - 1] != s[s.length - 2]) {
            throw new IllegalArgumentException(op + ": expected a square matrix [n, n] or a batch [..., n, n], got "
                    + Shapes.str(s));
        }
        return new Batch(a.toDoubleArray(), s[s.length - 1], Arrays.copyOf(s, s.length - 2), s, a.dtype());
    }

    private static Pair pair(String op, Tensor a, Tensor b) {
        requireFloating(op, a, "the matrix");
        requireFloating(op, b, "the right-hand side");
        int[] as = a.shape();
        int[] bs = b.shape();
        if (as.length < 2 || as[as.length - 1] != as[as.length - 2]) {
            throw new IllegalArgumentException(op + ": expected a square matrix [n, n] or a batch [..., n, n] as the"
                    + " first operand, got " + Shapes.str(as) + " (right-hand side " + Shapes.str(bs) + ")");
        }
        int n = as[as.length - 1];
        boolean vector = bs.length == 1 && as.length == 2;
        if (bs.length < 1 || (bs.length == 1 && !vector)) {
            throw new IllegalArgumentException(op + ": the right-hand side must be [..., n, k] (or [n] with an unbatched"
                    + " matrix), got " + Shapes.str(bs) + " with matrix " + Shapes.str(as));
        }
        int rows = vector ? bs[0] : bs[bs.length - 2];
        if (rows != n) {
            throw new IllegalArgumentException(op + ": shape mismatch: matrix " + Shapes.str(as) + " and right-hand side "
                    + Shapes.str(bs) + ": the right-hand side needs " + n + " rows (its "
                    + (vector ? "length" : "second-last dimension") + "), has " + rows);
        }
        int k = vector ? 1 : bs[bs.length - 1];
        int[] batchA = Arrays.copyOf(as, as.length - 2);
        int[] batchB = vector ? new int[0] : Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shapes.broadcast(op + " (batch axes)", batchA, batchB);
        Pair p = new Pair();
        int[] fullA = concat(batch, n, n);
        Tensor ab = Shapes.same(as, fullA) ? a : a.broadcastTo(fullA);
        p.a = new Batch(ab.toDoubleArray(), n, batch, fullA, a.dtype());
        int[] fullB = concat(batch, n, k);
        Tensor bb = vector ? b.reshape(n, 1) : (Shapes.same(bs, fullB) ? b : b.broadcastTo(fullB));
        p.b = bb.toDoubleArray(); // always a fresh array: the solves overwrite it
        p.n = n;
        p.k = k;
        p.outShape = vector ? new int[] {n} : fullB;
        p.dtype = a.dtype().promote(b.dtype());
        return p;
    }

    private static int[] concat(int[] batch, int r, int c) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = r;
        s[batch.length + 1] = c;
        return s;
    }

    @FunctionalInterface
    private interface MatrixTask {
        void run(int batchIndex, int matrixOffset);
    }

    /**
     * Runs {@code task} for every matrix of the batch, in parallel when there are several; the
     * error of the lowest failing batch index is rethrown, naming that index when batched.
     */
    private static void runBatch(String op, Batch m, MatrixTask task) {
        int count = m.count;
        int nn = m.n * m.n;
        if (count == 1) {
            task.run(0, 0);
            return;
        }
        RuntimeException[] failures = new RuntimeException[count];
        long work = Math.max(1L, (long) nn * m.n);
        Parallel.forRange(count, work, 1L << 16, (s, e) -> {
            for (int b = s; b < e; b++) {
                try {
                    task.run(b, b * nn);
                } catch (RuntimeException ex) {
                    failures[b] = ex;
                }
            }
        });
        for (int b = 0; b < count; b++) {
            RuntimeException ex = failures[b];
            if (ex == null) continue;
            String where = op + ": batch element " + Arrays.toString(Tensor.unravel(b, m.batchShape)) + " of "
                    + Shapes.str(m.fullShape);
            if (ex instanceof NotPositiveDefiniteException np) {
                throw new NotPositiveDefiniteException(where, np.pivotIndex(), np.pivotValue());
            }
            if (ex instanceof IllegalArgumentException) throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
            throw ex;
        }
    }

    private static Tensor result(double[] data, int[] shape, DType dtype) {
        Tensor t = Tensor.of(data, shape);
        return dtype == DType.F64 ? t : t.toType(dtype);
    }
}
