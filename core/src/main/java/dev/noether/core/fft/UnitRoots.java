package dev.noether.core.fft;

/**
 * Accurate roots of unity in f64, shared by the f64 and f32 plans.
 *
 * <p>{@code cos(2 pi k / n)} and {@code sin(2 pi k / n)} are evaluated after reducing {@code k}
 * modulo {@code n} exactly in integers and folding the angle into {@code [0, pi/4]} by the
 * symmetries of the circle, so every value is within an ulp or so of the true one and the
 * values at multiples of {@code pi/4} are exact ({@code 0}, {@code +-1}, {@code +-sqrt(1/2)}).
 * Tables hold the positive angle, {@code (cos theta, sin theta)} interleaved; a transform with
 * exponent sign {@code s} uses {@code (cos theta, s sin theta)}.
 */
final class UnitRoots {
    private static final double HALF_SQRT2 = Math.sqrt(0.5);

    private UnitRoots() {}

    /** Writes {@code cos(2 pi k / n)} to {@code out[at]} and {@code sin(2 pi k / n)} to {@code out[at + 1]}. */
    static void cosSin(long k, long n, double[] out, int at) {
        long r = Math.floorMod(k, n);
        // angle = quadrant * pi/2 + (pi/2) * rest / n with 0 <= rest < n
        long quadrant = (4 * r) / n;
        long rest = 4 * r - quadrant * n;
        double c;
        double s;
        if (2 * rest == n) {
            c = HALF_SQRT2;
            s = HALF_SQRT2;
        } else if (2 * rest < n) {
            double a = (0.5 * Math.PI) * ((double) rest / (double) n);
            c = Math.cos(a);
            s = Math.sin(a);
        } else {
            double a = (0.5 * Math.PI) * ((double) (n - rest) / (double) n);
            c = Math.sin(a);
            s = Math.cos(a);
        }
        switch ((int) quadrant) {
            case 0 -> { out[at] = c; out[at + 1] = s; }
            case 1 -> { out[at] = -s; out[at + 1] = c; }
            case 2 -> { out[at] = -c; out[at + 1] = -s; }
            default -> { out[at] = s; out[at + 1] = -c; }
        }
    }

    /** The table {@code (cos, sin)(2 pi k step / n)} for {@code k = 0 .. count-1}. */
    static double[] table(int count, long step, long n) {
        double[] t = new double[2 * count];
        for (int k = 0; k < count; k++) cosSin(k * step, n, t, 2 * k);
        return t;
    }

    /** A copy of an interleaved complex table with the imaginary parts negated. */
    static double[] conjugate(double[] table) {
        double[] c = table.clone();
        for (int i = 1; i < c.length; i += 2) c[i] = -c[i];
        return c;
    }

    /** The f64 view of a table (the table itself). */
    static double[] toF64(double[] table) {
        return table;
    }

    /** A table rounded to f32. */
    static float[] toF32(double[] table) {
        float[] f = new float[table.length];
        for (int i = 0; i < table.length; i++) f[i] = (float) table[i];
        return f;
    }
}
