package dev.noether.bench;

import java.util.SplittableRandom;

/** Seeded uniform inputs in {@code [-1, 1)} for the benchmarks (the values do not affect timing). */
final class RandomArrays {
    private RandomArrays() {}

    static double[] doubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = 2.0 * r.nextDouble() - 1.0;
        return a;
    }

    static float[] floats(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (2.0 * r.nextDouble() - 1.0);
        return a;
    }

    /** {@code max |got - want| / max |want|}: the sanity check each benchmark runs once in its set-up. */
    static double relativeMaxError(double[] got, double[] want) {
        double err = 0, scale = 0;
        for (int i = 0; i < want.length; i++) {
            err = Math.max(err, Math.abs(got[i] - want[i]));
            scale = Math.max(scale, Math.abs(want[i]));
        }
        return scale == 0 ? err : err / scale;
    }

    static double relativeMaxError(float[] got, float[] want) {
        double err = 0, scale = 0;
        for (int i = 0; i < want.length; i++) {
            err = Math.max(err, Math.abs((double) got[i] - want[i]));
            scale = Math.max(scale, Math.abs((double) want[i]));
        }
        return scale == 0 ? err : err / scale;
    }

    /** Throws when a kernel under benchmark disagrees with its reference: timing a wrong answer is worthless. */
    static void requireClose(String what, double relErr, double tolerance) {
        if (!(relErr <= tolerance)) {
            throw new IllegalStateException(what + ": relative max error " + relErr + " exceeds " + tolerance
                    + "; the kernel under benchmark is wrong, fix it before timing it");
        }
    }
}
