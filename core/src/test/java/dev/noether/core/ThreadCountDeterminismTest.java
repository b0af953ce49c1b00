package dev.noether.core;

import dev.noether.core.cpu.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The same computation on 1, 2 and 8 threads gives bitwise identical results. */
class ThreadCountDeterminismTest {
    private final int saved = Parallel.threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(saved);
    }

    private static Tensor random(long seed, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[Shapes.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble(-1, 1);
        return Tensor.of(v, shape);
    }

    private static long[] bits(Tensor t) {
        double[] d = t.toDoubleArray();
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) b[i] = Double.doubleToRawLongBits(d[i]);
        return b;
    }

    /** A mixed workload: batched matmul, elementwise math, reductions over every axis, cumsum. */
    private static long[] workload(DType t) {
        Tensor a = random(1, 6, 130, 97).toType(t), b = random(2, 97, 211).toType(t);
        Tensor c = a.matmul(b).tanh().add(a.matmul(b).exp().mul(1e-3));
        Tensor s0 = c.sum(0), s1 = c.sum(1), s2 = c.sum(2), all = c.sum();
        Tensor big = random(3, 700_001).toType(t);
        Tensor v = big.mul(big).sum().add(big.logsumexp(null, false));
        Tensor cs = c.cumsum(1).mean(new int[] {0, 1}, false);
        Tensor m = c.max(2).sum(0).add(c.var(new int[] {0}, 1, false).sum(1));
        return bits(Tensor.concat(0, s0.reshape(-1), s1.reshape(-1), s2.reshape(-1), all.reshape(1), v.reshape(1),
                cs.reshape(-1), m.reshape(-1)).toType(DType.F64));
    }

    @Test
    void f64ResultsAreBitwiseIdenticalForAnyThreadCount() {
        Parallel.setThreads(1);
        long[] one = workload(DType.F64);
        Parallel.setThreads(2);
        assertArrayEquals(one, workload(DType.F64), "2 threads");
        Parallel.setThreads(8);
        assertArrayEquals(one, workload(DType.F64), "8 threads");
    }

    @Test
    void f32ResultsAreBitwiseIdenticalForAnyThreadCount() {
        Parallel.setThreads(1);
        long[] one = workload(DType.F32);
        Parallel.setThreads(2);
        assertArrayEquals(one, workload(DType.F32), "2 threads");
        Parallel.setThreads(8);
        assertArrayEquals(one, workload(DType.F32), "8 threads");
    }
}
