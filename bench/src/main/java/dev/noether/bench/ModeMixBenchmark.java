package dev.noether.bench;

import dev.noether.core.cpu.ComplexModeMix;
import dev.noether.core.cpu.Parallel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batched complex mode mixing of an FNO spectral layer,
 * {@code out[b, o, m] = sum_i x[b, i, m] w[i, o, m]} ({@link ComplexModeMix#forward}), for batch
 * 20, 64 input and 64 output channels, 16 modes, complex interleaved f64 or f32, into a
 * preallocated output. {@code 8 * 20 * 64 * 64 * 16} real flops per call (4 multiplications and
 * 4 additions per complex multiply-add); {@code bench/write_results.py} reports GFLOP/s. The
 * set-up checks the result once against a naive loop (relative max error 1e-12 f64, 1e-5 f32).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.VECTOR_MODULE, ForkOptions.HEAP})
@State(Scope.Benchmark)
public class ModeMixBenchmark {
    public static final int BATCH = 20, CHANNELS = 64, MODES = 16;

    @Param({"f64", "f32"})
    public String dtype;

    @Param({"1", ThreadCount.ALL})
    public String threads;

    private boolean f64;
    private double[] x, w, out;
    private float[] xf, wf, outf;

    @Setup(Level.Trial)
    public void setUp() {
        Parallel.setThreads(ThreadCount.resolve(threads));
        int xLen = BATCH * CHANNELS * MODES * 2, wLen = CHANNELS * CHANNELS * MODES * 2;
        x = RandomArrays.doubles(xLen, 1);
        w = RandomArrays.doubles(wLen, 2);
        double[] want = naive(x, w);
        switch (dtype) {
            case "f64" -> {
                f64 = true;
                out = new double[xLen];
                noether();
                RandomArrays.requireClose("ModeMixBenchmark f64 vs a naive loop",
                        RandomArrays.relativeMaxError(out, want), 1e-12);
            }
            case "f32" -> {
                f64 = false;
                xf = toFloats(x);
                wf = toFloats(w);
                outf = new float[xLen];
                noether();
                double[] got = new double[xLen];
                for (int i = 0; i < xLen; i++) got[i] = outf[i];
                RandomArrays.requireClose("ModeMixBenchmark f32 vs a naive f64 loop",
                        RandomArrays.relativeMaxError(got, want), 1e-5);
            }
            default -> throw new IllegalArgumentException("ModeMixBenchmark: dtype must be f64 or f32, got " + dtype);
        }
    }

    @Benchmark
    public Object noether() {
        if (f64) {
            ComplexModeMix.forward(x, 0, w, 0, out, 0, BATCH, CHANNELS, CHANNELS, MODES);
            return out;
        }
        ComplexModeMix.forward(xf, 0, wf, 0, outf, 0, BATCH, CHANNELS, CHANNELS, MODES);
        return outf;
    }

    private static double[] naive(double[] x, double[] w) {
        double[] o = new double[BATCH * CHANNELS * MODES * 2];
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < CHANNELS; i++) {
                for (int oc = 0; oc < CHANNELS; oc++) {
                    for (int m = 0; m < MODES; m++) {
                        int xi = ((b * CHANNELS + i) * MODES + m) * 2;
                        int wi = ((i * CHANNELS + oc) * MODES + m) * 2;
                        int oi = ((b * CHANNELS + oc) * MODES + m) * 2;
                        o[oi] += x[xi] * w[wi] - x[xi + 1] * w[wi + 1];
                        o[oi + 1] += x[xi] * w[wi + 1] + x[xi + 1] * w[wi];
                    }
                }
            }
        }
        return o;
    }

    private static float[] toFloats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }
}
