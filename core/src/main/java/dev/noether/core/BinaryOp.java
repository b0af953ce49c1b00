package dev.noether.core;

/**
 * Elementwise functions of two arguments, applied with numpy broadcasting. Each carries its
 * scalar definition (the reference for every backend). {@link #MAXIMUM} and {@link #MINIMUM}
 * propagate NaN as numpy's {@code maximum}/{@code minimum} do.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, MOD;

    /** The scalar definition in double precision. */
    public double apply(double a, double b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return Math.pow(a, b);
            case MAXIMUM: return (a != a || b != b) ? Double.NaN : Math.max(a, b);
            case MINIMUM: return (a != a || b != b) ? Double.NaN : Math.min(a, b);
            case ATAN2: return Math.atan2(a, b);
            case MOD: {
                // numpy's remainder: the result has the sign of the divisor
                double r = a % b;
                return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
            }
            default: throw new AssertionError(this);
        }
    }

    /** The integer definition, used when both operands are integer typed. */
    public long apply(long a, long b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case MAXIMUM: return Math.max(a, b);
            case MINIMUM: return Math.min(a, b);
            case MOD: {
                if (b == 0) throw new ArithmeticException("mod: integer division by zero");
                return Math.floorMod(a, b);
            }
            default: throw new AssertionError(this + " has no integer form");
        }
    }

    /** True when integer operands give an integer result (numpy: add, sub, mul, max, min, mod). */
    public boolean closedOverIntegers() {
        return this == ADD || this == SUB || this == MUL || this == MAXIMUM || this == MINIMUM || this == MOD;
    }

    public String opName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
