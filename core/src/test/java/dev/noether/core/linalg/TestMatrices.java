package dev.noether.core.linalg;

import dev.noether.core.random.Rng;

/** Random test matrices and naive reference products (row-major). */
final class TestMatrices {
    static final int[] SIZES = {1, 2, 7, 64, 257};
    static final double EPS = 0x1.0p-52;

    private TestMatrices() {}

    static double[] normal(Rng rng, int rows, int cols) {
        double[] x = new double[rows * cols];
        rng.fillNormal(x);
        return x;
    }

    /** {@code X X^T / n + I}: SPD with eigenvalues in about [1, 5]. */
    static double[] spd(Rng rng, int n) {
        double[] x = normal(rng, n, n);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) s += x[i * n + p] * x[j * n + p];
                a[i * n + j] = s / n + (i == j ? 1 : 0);
            }
        }
        return a;
    }

    /** C = A B, naive triple loop. */
    static double[] matmul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double f = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += f * b[p * n + j];
            }
        }
        return c;
    }

    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        return t;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
