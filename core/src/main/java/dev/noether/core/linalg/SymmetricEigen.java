package dev.noether.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;

/**
 * Symmetric eigendecomposition {@code A = V diag(w) V^T} with eigenvalues {@code w} ascending and
 * orthonormal eigenvectors in the columns of {@code V} (numpy's {@code eigh} convention).
 *
 * <p>Computed by EJML's {@code SymmetricQRAlgorithmDecomposition_DDRM} (Householder
 * tridiagonalisation, then implicit symmetric QR): a careful, well-tested implementation whose
 * O(n^3) cost (about 1.5 s at n = 1000 on the development machine) is acceptable for the sizes
 * used here, so it is not rewritten. The input must be symmetric within
 * {@code symmetryRtol * max |a_ij|} ({@link #DEFAULT_SYMMETRY_RTOL}); {@code (A + A^T) / 2} is
 * decomposed. Each eigenvector's sign is fixed so that its largest-magnitude component (the first
 * such, on ties) is positive, making {@code V} reproducible across implementations.
 */
public final class SymmetricEigen {
    /** Default tolerance on {@code max |a_ij - a_ji|} relative to {@code max |a_ij|}. */
    public static final double DEFAULT_SYMMETRY_RTOL = 1e-10;

    private SymmetricEigen() {}

    /** {@link #decompose(double[], int, int, double[], int, double[], int, double)} with the default symmetry tolerance. */
    public static void decompose(double[] a, int aOff, int n, double[] values, int valuesOff, double[] vectors,
            int vectorsOff) {
        decompose(a, aOff, n, values, valuesOff, vectors, vectorsOff, DEFAULT_SYMMETRY_RTOL);
    }

    /**
     * Decomposes the {@code n x n} row-major matrix at {@code a[aOff ..]} (not modified), writing
     * the {@code n} ascending eigenvalues to {@code values[valuesOff ..]} and, unless
     * {@code vectors} is null, the {@code n x n} row-major eigenvector matrix (eigenvector
     * {@code k} in column {@code k}) to {@code vectors[vectorsOff ..]}.
     */
    public static void decompose(double[] a, int aOff, int n, double[] values, int valuesOff, double[] vectors,
            int vectorsOff, double symmetryRtol) {
        Cholesky.checkSquare("eigh", a, aOff, n);
        if (valuesOff < 0 || valuesOff + n > values.length) {
            throw new IllegalArgumentException("eigh: " + n + " eigenvalues do not fit at offset " + valuesOff
                    + " of an array of length " + values.length);
        }
        if (vectors != null) Cholesky.checkSquare("eigh (eigenvectors)", vectors, vectorsOff, n);
        if (n == 0) return;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double scale = 0;
        double asym = 0;
        int ai = 0;
        int aj = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = a[aOff + i * n + j];
                double y = a[aOff + j * n + i];
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new IllegalArgumentException("eigh of [" + n + ", " + n + "]: element (" + i + ", " + j
                            + ") or its mirror is not finite (" + x + ", " + y + ")");
                }
                scale = Math.max(scale, Math.max(Math.abs(x), Math.abs(y)));
                if (Math.abs(x - y) > asym) {
                    asym = Math.abs(x - y);
                    ai = i;
                    aj = j;
                }
                double s = 0.5 * (x + y);
                m.data[i * n + j] = s;
                m.data[j * n + i] = s;
            }
        }
        if (asym > symmetryRtol * scale) {
            throw new IllegalArgumentException("eigh of [" + n + ", " + n + "]: matrix is not symmetric: |a[" + ai + ", "
                    + aj + "] - a[" + aj + ", " + ai + "]| = " + asym + " > " + symmetryRtol + " * max|a| = "
                    + symmetryRtol * scale + "; symmetrise it with (A + A^T) / 2 or use a general solver");
        }
        boolean wantVectors = vectors != null;
        SymmetricQRAlgorithmDecomposition_DDRM dec = new SymmetricQRAlgorithmDecomposition_DDRM(wantVectors);
        if (!dec.decompose(m)) {
            throw new IllegalStateException("eigh of [" + n + ", " + n + "]: EJML's symmetric QR algorithm did not"
                    + " converge");
        }
        Integer[] order = new Integer[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            w[k] = dec.getEigenvalue(k).real;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(w[p], w[q]));
        for (int k = 0; k < n; k++) values[valuesOff + k] = w[order[k]];
        if (!wantVectors) return;
        for (int k = 0; k < n; k++) {
            double[] v = dec.getEigenVector(order[k]).data;
            double norm = 0;
            int big = 0;
            for (int i = 0; i < n; i++) {
                norm += v[i] * v[i];
                if (Math.abs(v[i]) > Math.abs(v[big])) big = i;
            }
            double f = (v[big] < 0 ? -1 : 1) / Math.sqrt(norm);
            for (int i = 0; i < n; i++) vectors[vectorsOff + i * n + k] = f * v[i];
        }
    }
}
