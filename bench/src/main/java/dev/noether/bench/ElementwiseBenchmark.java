package dev.noether.bench;

import dev.noether.core.Tensor;
import dev.noether.core.UnaryOp;
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
 * Memory-bound tensor ops over {@code N = 10^7} f64 elements (80 MB per operand, far beyond the
 * caches), with the machine's copy bandwidth measured in the same fork for reference.
 *
 * <ul>
 *   <li>{@code add}: {@code a.add(b, out)}, Tensor API into a preallocated output (24 bytes moved
 *       per element: 2 reads, 1 write).
 *   <li>{@code exp}: {@code a.apply(UnaryOp.EXP, out)} (16 bytes per element; compute-bound).
 *   <li>{@code sum}: {@code a.sum()} over all elements (8 bytes per element).
 *   <li>{@code arraycopy}: {@code System.arraycopy} of the 10^7 doubles (16 bytes per element:
 *       1 read, 1 write) — one call per thread on one contiguous chunk each (a single call with one
 *       thread).
 *   <li>{@code copyLoop}: the STREAM "copy" kernel {@code dst[i] = src[i]} as a plain Java loop,
 *       same chunks (16 bytes per element).
 *   <li>{@code addLoop}: the STREAM "add" kernel {@code c[i] = a[i] + b[i]} as a plain Java loop,
 *       same chunks (24 bytes per element): what the JIT alone makes of the add.
 * </ul>
 * Outputs are allocated once in the set-up (a page fault costs ~14 us on the reference VM, so
 * allocating 80 MB per call would measure the kernel's page faults, not the kernel).
 * {@code bench/write_results.py} turns the times into GB/s with the byte counts above and states
 * {@code add} as a fraction of the copy bandwidth at the same thread count.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.VECTOR_MODULE, ForkOptions.HEAP})
@State(Scope.Benchmark)
public class ElementwiseBenchmark {
    /** Elements per operand. */
    public static final int N = 10_000_000;

    @Param({"1", ThreadCount.ALL})
    public String threads;

    private double[] a, b, out;
    private Tensor ta, tb, tout;
    /** One contiguous chunk per thread for the reference loops. */
    private int grain;

    @Setup(Level.Trial)
    public void setUp() {
        int t = ThreadCount.resolve(threads);
        Parallel.setThreads(t);
        grain = (N + t - 1) / t;
        a = RandomArrays.doubles(N, 1);
        b = RandomArrays.doubles(N, 2);
        out = new double[N];
        ta = Tensor.of(a, N);
        tb = Tensor.of(b, N);
        tout = Tensor.of(out, N);

        add();
        for (int i = 0; i < N; i += 9973) {
            RandomArrays.requireClose("ElementwiseBenchmark add", Math.abs(out[i] - (a[i] + b[i])), 0.0);
        }
        exp();
        for (int i = 0; i < N; i += 9973) {
            RandomArrays.requireClose("ElementwiseBenchmark exp", Math.abs(out[i] / Math.exp(a[i]) - 1), 1e-13);
        }
        double want = 0;
        for (double v : a) want += v;
        RandomArrays.requireClose("ElementwiseBenchmark sum", Math.abs(sum() - want) / N, 1e-14);
    }

    @Benchmark
    public Tensor add() {
        return ta.add(tb, tout);
    }

    @Benchmark
    public Tensor exp() {
        return ta.apply(UnaryOp.EXP, tout);
    }

    @Benchmark
    public double sum() {
        return ta.sum().item();
    }

    @Benchmark
    public double[] arraycopy() {
        double[] src = a, dst = out;
        Parallel.forRange(N, grain, (s, e) -> System.arraycopy(src, s, dst, s, e - s));
        return dst;
    }

    @Benchmark
    public double[] copyLoop() {
        double[] src = a, dst = out;
        Parallel.forRange(N, grain, (s, e) -> {
            for (int i = s; i < e; i++) dst[i] = src[i];
        });
        return dst;
    }

    @Benchmark
    public double[] addLoop() {
        double[] x = a, y = b, z = out;
        Parallel.forRange(N, grain, (s, e) -> {
            for (int i = s; i < e; i++) z[i] = x[i] + y[i];
        });
        return z;
    }
}
