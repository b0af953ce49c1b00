package dev.noether.core;

/** Elementwise comparisons giving {@link DType#BOOL}; any comparison with NaN is false except NE. */
public enum CompareOp {
    EQ, NE, LT, LE, GT, GE;

    public boolean apply(double a, double b) {
        switch (this) {
            case EQ: return a == b;
            case NE: return a != b;
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            case GE: return a >= b;
            default: throw new AssertionError(this);
        }
    }

    public boolean apply(long a, long b) {
        switch (this) {
            case EQ: return a == b;
            case NE: return a != b;
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            case GE: return a >= b;
            default: throw new AssertionError(this);
        }
    }

    public String opName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
