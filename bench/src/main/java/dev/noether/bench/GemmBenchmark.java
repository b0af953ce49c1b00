package dev.noether.bench;

import dev.noether.core.cpu.Gemm;
import dev.noether.core.cpu.Parallel;
import java.util.concurrent.TimeUnit;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
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
 * Square matrix product {@code C = A B} ({@code n x n}, row-major, beta = 0): Noether's packed
 * GEMM ({@link Gemm#dgemm} / {@link Gemm#sgemm}) against EJML 0.43.1 in the same run.
 *
 * <p>Each call does {@code 2 n^3} flops; JMH reports the time per call and
 * {@code bench/write_results.py} converts it to GFLOP/s. Parameters: {@code n} (64, 256, 1024),
 * {@code dtype} (f64, f32) and {@code threads} (1 or all processors; sets
 * {@link Parallel#setThreads} for Noether and {@link EjmlConcurrency#setMaxThreads} for EJML).
 * The EJML method is {@code CommonOps_DDRM.mult} / {@code CommonOps_FDRM.mult} with one thread
 * and EJML's concurrent {@code CommonOps_MT_DDRM.mult} / {@code CommonOps_MT_FDRM.mult} with
 * more. The set-up checks Noether's product against EJML's once (relative max error 1e-12 f64,
 * 1e-5 f32).
 *
 * <p>Warm-up is 5 x 2 s: the packed kernel needs dozens of calls before C2 compiles it, and at
 * n = 1024 a call lasts tens of milliseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.VECTOR_MODULE, ForkOptions.HEAP})
@State(Scope.Benchmark)
public class GemmBenchmark {
    @Param({"64", "256", "1024"})
    public int n;

    @Param({"f64", "f32"})
    public String dtype;

    @Param({"1", ThreadCount.ALL})
    public String threads;

    private boolean f64;
    private int threadCount;
    private double[] a, b, c;
    private float[] af, bf, cf;
    private DMatrixRMaj ea, eb, ec;
    private FMatrixRMaj fa, fb, fc;

    @Setup(Level.Trial)
    public void setUp() {
        threadCount = ThreadCount.resolve(threads);
        Parallel.setThreads(threadCount);
        EjmlConcurrency.setMaxThreads(threadCount);
        switch (dtype) {
            case "f64" -> {
                f64 = true;
                a = RandomArrays.doubles(n * n, 1);
                b = RandomArrays.doubles(n * n, 2);
                c = new double[n * n];
                ea = DMatrixRMaj.wrap(n, n, a);
                eb = DMatrixRMaj.wrap(n, n, b);
                ec = new DMatrixRMaj(n, n);
                noether();
                ejml();
                RandomArrays.requireClose("GemmBenchmark f64 n=" + n + " vs EJML",
                        RandomArrays.relativeMaxError(c, ec.data), 1e-12);
            }
            case "f32" -> {
                f64 = false;
                af = RandomArrays.floats(n * n, 1);
                bf = RandomArrays.floats(n * n, 2);
                cf = new float[n * n];
                fa = FMatrixRMaj.wrap(n, n, af);
                fb = FMatrixRMaj.wrap(n, n, bf);
                fc = new FMatrixRMaj(n, n);
                noether();
                ejml();
                RandomArrays.requireClose("GemmBenchmark f32 n=" + n + " vs EJML",
                        RandomArrays.relativeMaxError(cf, fc.data), 1e-5);
            }
            default -> throw new IllegalArgumentException("GemmBenchmark: dtype must be f64 or f32, got " + dtype);
        }
    }

    /** Noether's packed GEMM with {@code threads} threads. */
    @Benchmark
    public Object noether() {
        if (f64) {
            Gemm.dgemm(false, false, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
            return c;
        }
        Gemm.sgemm(false, false, n, n, n, 1.0f, af, 0, n, bf, 0, n, 0.0f, cf, 0, n);
        return cf;
    }

    /** EJML: {@code CommonOps_xDRM.mult} with one thread, {@code CommonOps_MT_xDRM.mult} with more. */
    @Benchmark
    public Object ejml() {
        if (f64) {
            return threadCount == 1 ? CommonOps_DDRM.mult(ea, eb, ec) : CommonOps_MT_DDRM.mult(ea, eb, ec);
        }
        return threadCount == 1 ? CommonOps_FDRM.mult(fa, fb, fc) : CommonOps_MT_FDRM.mult(fa, fb, fc);
    }
}
