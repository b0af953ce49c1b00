package dev.noether.core.linalg;

/**
 * Thrown when an LU factorisation with partial pivoting meets a pivot whose magnitude is at or
 * below the singularity threshold: the matrix is singular to working precision.
 */
public final class SingularMatrixException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int pivotIndex;
    private final double pivotValue;

    /**
     * @param operation  the operation and matrix, e.g. {@code "solve of [64, 64] x [64, 3]"}
     * @param pivotIndex 0-based column of the first (near-)zero pivot
     * @param pivotValue the pivot found there
     * @param threshold  the magnitude at or below which a pivot counts as zero
     */
    public SingularMatrixException(String operation, int pivotIndex, double pivotValue, double threshold) {
        super(operation + ": matrix is singular to working precision: LU pivot " + pivotIndex + " (0-based) is "
                + pivotValue + ", |pivot| <= " + threshold + ". Check for repeated or linearly dependent rows/columns;"
                + " for a least-squares or regularised problem solve (A^T A + lambda I) x = A^T b instead.");
        this.pivotIndex = pivotIndex;
        this.pivotValue = pivotValue;
    }

    /** 0-based column of the first (near-)zero pivot. */
    public int pivotIndex() {
        return pivotIndex;
    }

    /** The offending pivot. */
    public double pivotValue() {
        return pivotValue;
    }
}
