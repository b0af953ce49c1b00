package dev.noether.cli;

import dev.noether.core.DType;
import dev.noether.core.Tensor;
import dev.noether.core.fft.Fft;
import dev.noether.core.fft.FftNorm;
import java.util.Arrays;

/**
 * The computation behind {@code noether demo}: the periodic heat equation solved spectrally
 * with Noether's FFT and checked against its closed-form solution.
 *
 * <p><b>Problem.</b> {@code u_t = k u_xx} on {@code [0, 2 pi)} with periodic boundaries, for a
 * batch of {@code B} initial conditions, each a wrapped Gaussian (the periodic heat kernel)
 * <pre>
 *   u_b(x, 0) = sum_{j in Z} g(x - c_b - 2 pi j; s_b),   g(y; s) = exp(-y^2 / (2 s^2)) / (s sqrt(2 pi)).
 * </pre>
 * A Gaussian of variance {@code s^2} diffuses into one of variance {@code s^2 + 2 k t}, so the
 * exact solution is {@code u_b(x, t) = sum_j g(x - c_b - 2 pi j; sqrt(s_b^2 + 2 k t))}, and its
 * mean {@code 1/(2 pi)} (the mass over the period divided by 2 pi) is conserved.
 *
 * <p><b>Method.</b> On the grid {@code x_i = 2 pi i / n}, {@code i = 0..n-1}:
 * {@code U = rfft(u(., 0))} along x ({@link FftNorm#BACKWARD}), {@code U_xi *= exp(-k xi^2 t)}
 * for the integer wavenumbers {@code xi = 0..n/2}, {@code u(., t) = irfft(U, n)}. The method is
 * exact in time; its only errors are round-off and the aliasing of wavenumbers above n/2,
 * about {@code exp(-s^2 (n/2)^2 / 2)} relative to the peak, negligible once
 * {@code s n / 2 >= 9}.
 *
 * <p><b>Parameters</b> (all in {@link Setup}): grid size n, diffusivity k, time t, batch size
 * B, dtype of the solve (F64 or F32), the range {@code [sMin, sMax]} of the standard
 * deviations (spread geometrically over the batch) and the tolerance. Centres are
 * {@code c_b = 2 pi frac(b (sqrt(5) - 1) / 2)}, a deterministic well-spread sequence.
 * The exact solution is always evaluated in f64 by summing the Gaussian images whose
 * terms exceed {@code exp(-IMAGE_CUTOFF)} of the peak.
 */
public final class HeatEquationDemo {
    /** Images of the Gaussian are summed while {@code (distance / sigma)^2 / 2 <= IMAGE_CUTOFF}. */
    public static final double IMAGE_CUTOFF = 45.0;

    private static final double TWO_PI = 2 * Math.PI;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** One configuration of the demo. */
    public record Setup(int n, double k, double t, int batch, DType dtype, double sigmaMin, double sigmaMax) {
        public Setup {
            if (n < 2) throw new IllegalArgumentException("heat demo: need grid size n >= 2, got " + n);
            if (!(k > 0) || !Double.isFinite(k)) throw new IllegalArgumentException("heat demo: need diffusivity k > 0, got " + k);
            if (!(t >= 0) || !Double.isFinite(t)) throw new IllegalArgumentException("heat demo: need time t >= 0, got " + t);
            if (batch < 1) throw new IllegalArgumentException("heat demo: need batch >= 1, got " + batch);
            if (dtype != DType.F64 && dtype != DType.F32) {
                throw new IllegalArgumentException("heat demo: dtype must be f64 or f32, got " + dtype.numpyName());
            }
            if (!(sigmaMin > 0) || !(sigmaMax >= sigmaMin) || !Double.isFinite(sigmaMax)) {
                throw new IllegalArgumentException("heat demo: need 0 < sigmaMin <= sigmaMax, got [" + sigmaMin + ", " + sigmaMax + "]");
            }
        }

        /** Standard deviation of initial condition {@code b}: geometric spread over {@code [sigmaMin, sigmaMax]}. */
        public double sigma(int b) {
            return batch == 1 ? sigmaMin : sigmaMin * Math.pow(sigmaMax / sigmaMin, (double) b / (batch - 1));
        }

        /** Centre of initial condition {@code b}, in {@code [0, 2 pi)}. */
        public double centre(int b) {
            double f = b * GOLDEN;
            return TWO_PI * (f - Math.floor(f));
        }
    }

    /**
     * Errors of one solve against the closed form, and its time.
     *
     * @param maxError     max over batch and grid of {@code |u - u_exact|}
     * @param relMaxError  {@code maxError / max |u_exact|}
     * @param relL2Error   {@code ||u - u_exact||_2 / ||u_exact||_2} over the whole batch
     * @param massDrift    max over the batch of {@code |mean u(t) - mean u(0)| / |mean u(0)|} (means over the grid)
     * @param millisPerSolve median wall time of one solve of the whole batch (rfft, multiply, irfft)
     */
    public record Result(Setup setup, double maxError, double relMaxError, double relL2Error,
                         double massDrift, double millisPerSolve) {
        /** The largest of the three relative errors, compared with the tolerance. */
        public double worstRelativeError() {
            return Math.max(relMaxError, Math.max(relL2Error, massDrift));
        }
    }

    private HeatEquationDemo() {}

    /** Grid points {@code x_i = 2 pi i / n}. */
    public static double[] grid(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = TWO_PI * i / n;
        return x;
    }

    /**
     * The exact solution at time {@code t}, shape {@code [batch, n]}, row-major, in f64: the sum of
     * the Gaussian images of variance {@code s_b^2 + 2 k t}.
     */
    public static double[] exactSolution(Setup s, double t) {
        double[] x = grid(s.n());
        double[] u = new double[s.batch() * s.n()];
        for (int b = 0; b < s.batch(); b++) {
            double sd = Math.sqrt(s.sigma(b) * s.sigma(b) + 2 * s.k() * t);
            double norm = 1 / (sd * Math.sqrt(TWO_PI));
            double reach = sd * Math.sqrt(2 * IMAGE_CUTOFF);
            double c = s.centre(b);
            for (int i = 0; i < s.n(); i++) {
                double y = x[i] - c;
                long jLo = (long) Math.ceil((y - reach) / TWO_PI);
                long jHi = (long) Math.floor((y + reach) / TWO_PI);
                double sum = 0;
                for (long j = jLo; j <= jHi; j++) {
                    double d = (y - TWO_PI * j) / sd;
                    sum += Math.exp(-0.5 * d * d);
                }
                u[b * s.n() + i] = norm * sum;
            }
        }
        return u;
    }

    /** The initial condition as a tensor of shape {@code [batch, n]} in the setup's dtype. */
    public static Tensor initialCondition(Setup s) {
        Tensor u0 = Tensor.of(exactSolution(s, 0), s.batch(), s.n());
        return s.dtype() == DType.F64 ? u0 : u0.toType(s.dtype());
    }

    /**
     * The spectral solve: {@code irfft(rfft(u0) * exp(-k xi^2 t), n)} along the last axis of
     * {@code u0} (shape {@code [..., n]}, F64 or F32; the result has the same shape and dtype).
     */
    public static Tensor solve(Tensor u0, double k, double t) {
        int axis = u0.rank() - 1;
        int n = u0.size(axis);
        Tensor spectrum = Fft.rfft(u0, axis, FftNorm.BACKWARD);        // [..., n/2+1, 2]
        int bins = n / 2 + 1;
        double[] decay = new double[bins];
        for (int xi = 0; xi < bins; xi++) decay[xi] = Math.exp(-k * (double) xi * xi * t);
        Tensor factor = Tensor.of(decay, bins, 1);                      // broadcasts over (re, im)
        if (u0.dtype() != DType.F64) factor = factor.toType(u0.dtype());
        return Fft.irfft(spectrum.mul(factor), n, axis, FftNorm.BACKWARD);
    }

    /**
     * Runs one setup: builds the batch, solves it {@code warmups + repeats} times (the median of
     * the last {@code repeats} is the time), and measures the errors of the last solve.
     */
    public static Result run(Setup s, int warmups, int repeats) {
        if (warmups < 0 || repeats < 1) {
            throw new IllegalArgumentException("heat demo: need warmups >= 0 and repeats >= 1, got " + warmups + ", " + repeats);
        }
        Tensor u0 = initialCondition(s);
        Tensor u = null;
        double[] times = new double[repeats];
        for (int r = 0; r < warmups + repeats; r++) {
            long start = System.nanoTime();
            u = solve(u0, s.k(), s.t());
            long elapsed = System.nanoTime() - start;
            if (r >= warmups) times[r - warmups] = elapsed / 1e6;
        }
        Arrays.sort(times);
        double median = repeats % 2 == 1 ? times[repeats / 2] : 0.5 * (times[repeats / 2 - 1] + times[repeats / 2]);
        return measure(s, u0.toDoubleArray(), u.toDoubleArray(), median);
    }

    static Result measure(Setup s, double[] initial, double[] solved, double millis) {
        double[] exact = exactSolution(s, s.t());
        if (solved.length != exact.length) {
            throw new IllegalStateException("heat demo: solve returned " + solved.length + " values, expected "
                    + s.batch() + " x " + s.n());
        }
        double maxErr = 0, maxExact = 0, errSq = 0, exactSq = 0, drift = 0;
        for (int b = 0; b < s.batch(); b++) {
            double mass0 = 0, mass = 0;
            for (int i = b * s.n(); i < (b + 1) * s.n(); i++) {
                double e = solved[i] - exact[i];
                maxErr = Math.max(maxErr, Math.abs(e));
                maxExact = Math.max(maxExact, Math.abs(exact[i]));
                errSq += e * e;
                exactSq += exact[i] * exact[i];
                mass0 += initial[i];
                mass += solved[i];
            }
            drift = Math.max(drift, Math.abs(mass - mass0) / Math.abs(mass0));
        }
        return new Result(s, maxErr, maxErr / maxExact, Math.sqrt(errSq / exactSq), drift, millis);
    }
}
