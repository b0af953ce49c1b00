package dev.noether.core.linalg;

/**
 * Thrown when a Cholesky factorisation meets a pivot that is not strictly positive (or is NaN):
 * the matrix is not symmetric positive definite to working precision.
 */
public final class NotPositiveDefiniteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int pivotIndex;
    private final double pivotValue;

    /**
     * @param operation  the operation and matrix, e.g. {@code "cholesky of [200, 200]"}
     * @param pivotIndex 0-based index of the first bad pivot
     * @param pivotValue the value {@code a_jj - sum_{p<j} l_jp^2} found there
     */
    public NotPositiveDefiniteException(String operation, int pivotIndex, double pivotValue) {
        super(operation + ": matrix is not positive definite: pivot " + pivotIndex + " (0-based) is " + pivotValue
                + " after eliminating the " + pivotIndex + " columns before it (need > 0). If the matrix is"
                + " a covariance/kernel matrix that is only semi-definite in floating point, add jitter to the"
                + " diagonal, e.g. A + 1e-6 * mean(diag(A)) * I, and check that it is symmetric and has no NaN.");
        this.pivotIndex = pivotIndex;
        this.pivotValue = pivotValue;
    }

    /** 0-based index of the first non-positive pivot. */
    public int pivotIndex() {
        return pivotIndex;
    }

    /** The offending pivot value (<= 0 or NaN). */
    public double pivotValue() {
        return pivotValue;
    }
}
