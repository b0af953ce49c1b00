package dev.noether.bench;

import dev.noether.core.Tensor;
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
 * {@code Tensor.matmul} of two f64 {@code n x n} tensors with all threads: the raw GEMM of
 * {@link GemmBenchmark} (f64, threads = all) plus what the Tensor layer adds — shape checks,
 * dispatch, and a freshly allocated {@code n x n} output per call. {@code 2 n^3} flops per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.VECTOR_MODULE, ForkOptions.HEAP})
@State(Scope.Benchmark)
public class TensorMatmulBenchmark {
    @Param({"64", "256", "1024"})
    public int n;

    private Tensor a, b;

    @Setup(Level.Trial)
    public void setUp() {
        Parallel.setThreads(ThreadCount.resolve(ThreadCount.ALL));
        a = Tensor.of(RandomArrays.doubles(n * n, 1), n, n);
        b = Tensor.of(RandomArrays.doubles(n * n, 2), n, n);
        double[] got = matmul().toDoubleArray();
        double[] x = a.toDoubleArray(), y = b.toDoubleArray(), want = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < n; p++) {
                double xv = x[i * n + p];
                for (int j = 0; j < n; j++) want[i * n + j] += xv * y[p * n + j];
            }
        }
        RandomArrays.requireClose("TensorMatmulBenchmark n=" + n + " vs a naive loop",
                RandomArrays.relativeMaxError(got, want), 1e-12);
    }

    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
