package dev.noether.core.cpu;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Informal GEMM timing while tuning (not a test; the JMH suite in the bench module is the real
 * benchmark). Prints GFLOP/s for square f64/f32 products at 1 thread and at all threads, and
 * EJML's f64 rate.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp core/target/classes:core/target/test-classes:EJML_JARS \
 *       dev.noether.core.cpu.GemmTiming [n ...]
 * </pre>
 */
public final class GemmTiming {
    private GemmTiming() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1024} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("kernels: " + Kernels.name() + ", threads: " + Parallel.threads());
        int all = Parallel.threads();
        for (int n : sizes) {
            for (int t : new int[] {1, all}) {
                Parallel.setThreads(t);
                System.out.printf("n=%d threads=%d  f64 %.1f GFLOP/s  f32 %.1f GFLOP/s%n", n, t, f64(n), f32(n));
            }
            Parallel.setThreads(all);
            if (n <= 1024 && !Boolean.getBoolean("skipEjml")) System.out.printf("n=%d EJML f64 %.1f GFLOP/s%n", n, ejml(n));
        }
    }

    private static double seconds(Runnable r, double flops) {
        double minTime = 0.5;
        r.run();
        long t0 = System.nanoTime();
        int reps = 0;
        while (System.nanoTime() - t0 < 1.0e9 || reps < 3) {
            r.run();
            reps++;
        }
        // best of 5 short runs after warm-up
        double best = Double.MAX_VALUE;
        int per = Math.max(1, (int) (reps * minTime / 5));
        for (int round = 0; round < 5; round++) {
            long s = System.nanoTime();
            for (int i = 0; i < per; i++) r.run();
            best = Math.min(best, (System.nanoTime() - s) / 1e9 / per);
        }
        return flops / best / 1e9;
    }

    static double f64(int n) {
        Random rnd = new Random(1);
        double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
        for (int i = 0; i < a.length; i++) { a[i] = rnd.nextDouble(); b[i] = rnd.nextDouble(); }
        return seconds(() -> Gemm.dgemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, c, 0, n), 2.0 * n * n * n);
    }

    static double f32(int n) {
        Random rnd = new Random(1);
        float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
        for (int i = 0; i < a.length; i++) { a[i] = rnd.nextFloat(); b[i] = rnd.nextFloat(); }
        return seconds(() -> Gemm.sgemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, c, 0, n), 2.0 * n * n * n);
    }

    static double ejml(int n) {
        Random rnd = new Random(1);
        DMatrixRMaj a = new DMatrixRMaj(n, n), b = new DMatrixRMaj(n, n), c = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) { a.data[i] = rnd.nextDouble(); b.data[i] = rnd.nextDouble(); }
        return seconds(() -> CommonOps_DDRM.mult(a, b, c), 2.0 * n * n * n);
    }
}
