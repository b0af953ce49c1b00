package dev.noether.core.fft;

import java.util.SplittableRandom;

/**
 * The independent reference for the FFT tests: the O(n^2) definition of the DFT in f64, with
 * the angle {@code 2 pi ((j k) mod n) / n} reduced exactly in integers and {@link Math#cos} /
 * {@link Math#sin} evaluated directly (no tables, no symmetry tricks shared with the code under test).
 */
final class DftOracle {
    private DftOracle() {}

    /** sum_j z[j] exp(sign 2 pi i j k / n) for every k; z interleaved complex of length n. */
    static double[] dft(double[] z, boolean inverse) {
        int n = z.length / 2;
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) bin(z, k, inverse, out, 2 * k);
        return out;
    }

    /** One bin of {@link #dft}. */
    static void bin(double[] z, int k, boolean inverse, double[] out, int at) {
        int n = z.length / 2;
        double sign = inverse ? 1.0 : -1.0;
        double re = 0.0;
        double im = 0.0;
        for (int j = 0; j < n; j++) {
            long jk = ((long) j * k) % n;
            double angle = 2.0 * Math.PI * jk / n;
            double c = Math.cos(angle);
            double s = sign * Math.sin(angle);
            re += z[2 * j] * c - z[2 * j + 1] * s;
            im += z[2 * j] * s + z[2 * j + 1] * c;
        }
        out[at] = re;
        out[at + 1] = im;
    }

    /** A real signal as an interleaved complex one with zero imaginary parts. */
    static double[] complexOf(double[] real) {
        double[] z = new double[2 * real.length];
        for (int j = 0; j < real.length; j++) z[2 * j] = real[j];
        return z;
    }

    static double[] random(int length, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[length];
        for (int i = 0; i < length; i++) a[i] = rng.nextDouble(-1.0, 1.0);
        return a;
    }

    /** ||a - b||_2 / ||b||_2 (or the absolute norm when b is zero). */
    static double relativeError(double[] a, double[] b) {
        if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            num += d * d;
            den += b[i] * b[i];
        }
        return den == 0.0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    static double relativeError(float[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return relativeError(d, b);
    }

    /** The f64 accuracy target: 1e-13 * log2(n), at least 1e-13. */
    static double tolerance(int n) {
        return 1e-13 * Math.max(1.0, Math.log(n) / Math.log(2));
    }

    /**
     * The DFT (no scaling) along one logical axis of interleaved complex data with the given
     * logical shape (row-major), line by line with {@link #dft}.
     */
    static double[] dftAlong(double[] z, int[] shape, int axis, boolean inverse) {
        int n = shape[axis];
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
        int outer = z.length / 2 / (n * inner);
        double[] out = new double[z.length];
        double[] line = new double[2 * n];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                for (int t = 0; t < n; t++) {
                    int at = 2 * ((o * n + t) * inner + i);
                    line[2 * t] = z[at];
                    line[2 * t + 1] = z[at + 1];
                }
                double[] res = dft(line, inverse);
                for (int t = 0; t < n; t++) {
                    int at = 2 * ((o * n + t) * inner + i);
                    out[at] = res[2 * t];
                    out[at + 1] = res[2 * t + 1];
                }
            }
        }
        return out;
    }

    static double[] scaled(double[] a, double s) {
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) r[i] *= s;
        return r;
    }
}
