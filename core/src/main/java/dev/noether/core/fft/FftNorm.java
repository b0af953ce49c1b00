package dev.noether.core.fft;

/**
 * Normalisation of a discrete Fourier transform pair, with numpy's meaning ({@code norm=} in
 * {@code numpy.fft}).
 *
 * <p>For a length-{@code n} transform the unnormalised pair is
 * <pre>
 *   forward:  X[k] = sum_{j=0}^{n-1} x[j] exp(-2 pi i j k / n)
 *   inverse:  x[j] = sum_{k=0}^{n-1} X[k] exp(+2 pi i j k / n)
 * </pre>
 * and the norm multiplies the forward result by {@link #forwardScale(int)} and the inverse
 * result by {@link #inverseScale(int)}; the two scales always multiply to {@code 1/n}, so an
 * inverse with the same norm undoes a forward transform.
 * <ul>
 *   <li>{@link #BACKWARD} (numpy's default): forward 1, inverse 1/n.</li>
 *   <li>{@link #ORTHO}: both 1/sqrt(n); the transform is unitary (Parseval holds exactly).</li>
 *   <li>{@link #FORWARD}: forward 1/n, inverse 1.</li>
 * </ul>
 * Multi-axis transforms apply the factor of each axis, i.e. the product over the axes.
 */
public enum FftNorm {
    BACKWARD,
    ORTHO,
    FORWARD;

    /** The factor a forward transform of length {@code n} is multiplied by. */
    public double forwardScale(int n) {
        checkLength(n);
        return switch (this) {
            case BACKWARD -> 1.0;
            case ORTHO -> 1.0 / Math.sqrt(n);
            case FORWARD -> 1.0 / n;
        };
    }

    /** The factor an inverse transform of length {@code n} is multiplied by. */
    public double inverseScale(int n) {
        checkLength(n);
        return switch (this) {
            case BACKWARD -> 1.0 / n;
            case ORTHO -> 1.0 / Math.sqrt(n);
            case FORWARD -> 1.0;
        };
    }

    /** {@link #forwardScale(int)} when {@code inverse} is false, else {@link #inverseScale(int)}. */
    public double scale(int n, boolean inverse) {
        return inverse ? inverseScale(n) : forwardScale(n);
    }

    private static void checkLength(int n) {
        if (n < 1) throw new IllegalArgumentException("FftNorm: transform length must be >= 1, got " + n);
    }
}
