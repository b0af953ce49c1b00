package dev.noether.core.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Informal timing while tuning the CPU kernels (not a test; the JMH suite in the bench module is
 * the real benchmark). Prints GFLOP/s for square f64/f32 GEMMs at one thread (measured in thread
 * CPU time, which a busy machine disturbs less) and at all threads (wall time), EJML's f64 rate,
 * and the FNO mode mixing (batch 20, 64 x 64 channels, 16 modes).
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector \
 *       -cp core/target/classes:core/target/test-classes:EJML_JARS dev.noether.core.cpu.GemmTiming [n ...]
 * </pre>
 */
public final class GemmTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GemmTiming() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1024} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int all = Parallel.threads();
        System.out.println("kernels: " + Kernels.name() + ", threads: " + all);
        for (int n : sizes) {
            Parallel.setThreads(1);
            System.out.printf("n=%d  1 thread (cpu time): f64 %.1f  f32 %.1f GFLOP/s%n", n, f64(n, true), f32(n, true));
            Parallel.setThreads(all);
            System.out.printf("n=%d  %d threads (wall):    f64 %.1f  f32 %.1f GFLOP/s%n", n, all, f64(n, false), f32(n, false));
            if (n <= 1024 && !Boolean.getBoolean("skipEjml")) {
                System.out.printf("n=%d  EJML f64 (1 thread, cpu time) %.1f GFLOP/s%n", n, ejml(n));
            }
        }
        if (!Boolean.getBoolean("skipMix")) modeMix();
    }

    /** Best rate over several timed rounds after a warm-up of about a second. */
    static double rate(Runnable r, double flops, boolean cpuTime) {
        long warm = System.nanoTime();
        int reps = 0;
        while (System.nanoTime() - warm < 1_000_000_000L || reps < 3) {
            r.run();
            reps++;
        }
        int per = Math.max(1, reps / 8);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            long s = cpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            for (int i = 0; i < per; i++) r.run();
            long e = cpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            best = Math.min(best, (e - s) / 1e9 / per);
        }
        return flops / best / 1e9;
    }

    static double f64(int n, boolean cpuTime) {
        Random rnd = new Random(1);
        double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
        for (int i = 0; i < a.length; i++) { a[i] = rnd.nextDouble(); b[i] = rnd.nextDouble(); }
        return rate(() -> Gemm.dgemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, c, 0, n), 2.0 * n * n * n, cpuTime);
    }

    static double f32(int n, boolean cpuTime) {
        Random rnd = new Random(1);
        float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
        for (int i = 0; i < a.length; i++) { a[i] = rnd.nextFloat(); b[i] = rnd.nextFloat(); }
        return rate(() -> Gemm.sgemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, c, 0, n), 2.0 * n * n * n, cpuTime);
    }

    static double ejml(int n) {
        Random rnd = new Random(1);
        DMatrixRMaj a = new DMatrixRMaj(n, n), b = new DMatrixRMaj(n, n), c = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) { a.data[i] = rnd.nextDouble(); b.data[i] = rnd.nextDouble(); }
        return rate(() -> CommonOps_DDRM.mult(a, b, c), 2.0 * n * n * n, true);
    }

    static void modeMix() {
        int batch = 20, in = 64, out = 64, modes = 16;
        Random rnd = new Random(2);
        double[] x = new double[2 * batch * in * modes], w = new double[2 * in * out * modes], y = new double[2 * batch * out * modes];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble();
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextDouble();
        float[] fx = new float[x.length], fw = new float[w.length], fy = new float[y.length];
        for (int i = 0; i < x.length; i++) fx[i] = (float) x[i];
        for (int i = 0; i < w.length; i++) fw[i] = (float) w[i];
        double flops = 8.0 * batch * in * out * modes;
        double d = rate(() -> ComplexModeMix.forward(x, 0, w, 0, y, 0, batch, in, out, modes), flops, false);
        double f = rate(() -> ComplexModeMix.forward(fx, 0, fw, 0, fy, 0, batch, in, out, modes), flops, false);
        System.out.printf("mode mix B=%d %dx%d M=%d (%d threads, wall): f64 %.1f GFLOP/s (%.0f us)  f32 %.1f GFLOP/s (%.0f us)%n",
                batch, in, out, modes, Parallel.threads(), d, flops / d / 1e3, f, flops / f / 1e3);
    }
}
