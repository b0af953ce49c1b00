package dev.noether.core.fft;

import java.util.ArrayList;
import java.util.List;

/**
 * How a complex FFT of length {@code n} is computed, with every table in f64: the f64 plans use
 * the tables as they are, the f32 plans round them once.
 *
 * <p><b>Mixed radix.</b> When every prime factor of {@code n} is at most
 * {@link #MAX_GENERIC_RADIX}, {@code n = r_0 r_1 ... r_{P-1}} with radices taken in the order
 * 8, 4, 2, 3, 5, then the other primes ascending, and the transform runs as {@code P} Stockham
 * (self-sorting, out-of-place) passes. Pass {@code t} has stride {@code s = r_0 ... r_{t-1}},
 * sub-length {@code L = n / s} and {@code m = L / r_t}; for {@code p < m}, {@code q < s} it maps
 * <pre>
 *   y[q + s (r p + j)] = w_L^{j p} * sum_{k<r} x[q + s (p + k m)] w_r^{j k},   w_N = exp(sign 2 pi i / N)
 * </pre>
 * Its twiddle table holds {@code (cos, sin)(2 pi j p / L)} at complex index {@code (r-1) p + j-1}.
 * Radices 2, 3, 4, 5, 8 have dedicated butterflies; other primes use a generic odd butterfly whose
 * cost grows like {@code r} per point, hence the bound.
 *
 * <p><b>Bluestein.</b> Otherwise, with chirp {@code c_k = exp(sign i pi k^2 / n)} and
 * {@code jk = (j^2 + k^2 - (k-j)^2)/2}, the DFT is {@code X_k = c_k sum_j (x_j c_j) conj(c_{k-j})},
 * a linear convolution computed by FFTs of the 2,3,5-smooth length {@code m >= 2n - 1}. The
 * spectra of the filters {@code conj(c)} (forward and inverse) are precomputed in f64 and
 * already divided by {@code m}. The chirp angle uses {@code k^2 mod 2n} in integers.
 */
final class FftSchedule {
    /** Largest prime handled by a mixed-radix pass; a larger prime factor switches to Bluestein. */
    static final int MAX_GENERIC_RADIX = 31;

    final int n;
    /** Radices of the Stockham passes (empty for n = 1 and for Bluestein). */
    final int[] radices;
    /** Per pass, the twiddle table (see class comment). */
    final double[][] twiddles;
    /** Per pass, (cos, sin)(2 pi k / r) for k < r when the radix is generic, else null. */
    final double[][] radixRoots;
    /** Bluestein convolution length, 0 for mixed radix. */
    final int bluesteinLength;
    /** (cos, sin)(pi k^2 / n) for k < n (Bluestein only). */
    final double[] chirp;
    /** FFT_m of conj(c) for the forward and the inverse chirp, divided by m (Bluestein only). */
    final double[] filterForward;
    final double[] filterInverse;

    private FftSchedule(int n) {
        this.n = n;
        int[] factors = factor(n);
        if (factors == null) {
            radices = new int[0];
            twiddles = new double[0][];
            radixRoots = new double[0][];
            int m = smooth235AtLeast(2L * n - 1);
            bluesteinLength = m;
            chirp = new double[2 * n];
            long twoN = 2L * n;
            for (int k = 0; k < n; k++) {
                long k2 = ((long) k * k) % twoN;
                UnitRoots.cosSin(k2, twoN, chirp, 2 * k);
            }
            filterForward = filter(m, -1.0);
            filterInverse = filter(m, 1.0);
        } else {
            radices = factors;
            twiddles = new double[factors.length][];
            radixRoots = new double[factors.length][];
            int stride = 1;
            for (int t = 0; t < factors.length; t++) {
                int r = factors[t];
                int sub = n / stride;
                int m = sub / r;
                double[] tw = new double[2 * (r - 1) * m];
                for (int p = 0; p < m; p++) {
                    for (int j = 1; j < r; j++) {
                        UnitRoots.cosSin((long) j * p, sub, tw, 2 * ((r - 1) * p + j - 1));
                    }
                }
                twiddles[t] = tw;
                if (r > 5) radixRoots[t] = UnitRoots.table(r, 1, r);
                stride *= r;
            }
            bluesteinLength = 0;
            chirp = null;
            filterForward = null;
            filterInverse = null;
        }
    }

    static FftSchedule of(int n) {
        if (n < 1) throw new IllegalArgumentException("FFT plan: length must be >= 1, got " + n);
        if (n > (1 << 29)) {
            throw new IllegalArgumentException("FFT plan: length " + n + " is larger than the supported 2^29");
        }
        return new FftSchedule(n);
    }

    boolean isBluestein() {
        return bluesteinLength > 0;
    }

    /** Radices in pass order, or null when a prime factor exceeds {@link #MAX_GENERIC_RADIX}. */
    static int[] factor(int n) {
        List<Integer> f = new ArrayList<>();
        int rest = n;
        while (rest % 8 == 0) {
            f.add(8);
            rest /= 8;
        }
        if (rest % 4 == 0) {
            f.add(4);
            rest /= 4;
        }
        if (rest % 2 == 0) {
            f.add(2);
            rest /= 2;
        }
        for (int p = 3; p <= MAX_GENERIC_RADIX && rest > 1; p += 2) {
            while (rest % p == 0) {
                f.add(p);
                rest /= p;
            }
        }
        if (rest != 1) return null;
        int[] out = new int[f.size()];
        for (int i = 0; i < out.length; i++) out[i] = f.get(i);
        return out;
    }

    /** The smallest {@code 2^a 3^b 5^c >= target}. */
    static int smooth235AtLeast(long target) {
        long best = Long.MAX_VALUE;
        for (long p2 = 1; p2 < 2 * target; p2 *= 2) {
            for (long p3 = p2; p3 < 2 * target; p3 *= 3) {
                for (long p5 = p3; p5 < 2 * target; p5 *= 5) {
                    if (p5 >= target && p5 < best) best = p5;
                }
            }
        }
        if (best > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("FFT plan: Bluestein length for " + target + " overflows");
        }
        return (int) best;
    }

    private double[] filter(int m, double sign) {
        // b_k = conj(c_k) = exp(-sign i pi k^2/n) for |k| < n, wrapped to length m
        double[] b = new double[2 * m];
        for (int k = 0; k < n; k++) {
            double re = chirp[2 * k];
            double im = -sign * chirp[2 * k + 1];
            b[2 * k] = re;
            b[2 * k + 1] = im;
            if (k > 0) {
                b[2 * (m - k)] = re;
                b[2 * (m - k) + 1] = im;
            }
        }
        FftPlanF64 inner = FftPlanF64.of(m);
        inner.transform(b, 0, b, 0, new double[inner.workLength()], 0, false, 1.0 / m);
        return b;
    }
}
