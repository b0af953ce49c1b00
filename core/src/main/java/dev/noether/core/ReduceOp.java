package dev.noether.core;

/**
 * Reductions along axes. {@link #SUM} adds in a fixed blocked order (independent of the thread
 * count); {@link #MAX} and {@link #MIN} propagate NaN as numpy does.
 */
public enum ReduceOp {
    SUM, PROD, MAX, MIN;

    public double identity() {
        switch (this) {
            case SUM: return 0.0;
            case PROD: return 1.0;
            case MAX: return Double.NEGATIVE_INFINITY;
            case MIN: return Double.POSITIVE_INFINITY;
            default: throw new AssertionError(this);
        }
    }

    public String opName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
