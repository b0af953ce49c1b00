package dev.noether.core.cpu;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The one thread pool of Noether's CPU kernels.
 *
 * <p>Its size is {@code NOETHER_THREADS} (environment) or the system property
 * {@code noether.threads}, else the number of available processors; {@link #setThreads(int)}
 * changes it at run time. Work is always split into chunks whose boundaries depend only on the
 * problem size and the grain, never on the number of threads, so every kernel that combines
 * chunk results in chunk order gives bitwise identical results for 1, 2 or 64 threads.
 */
public final class Parallel {
    /** A body run over the half-open index range {@code [start, end)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private static volatile int threads = defaultThreads();
    private static volatile ExecutorService pool;
    private static volatile int poolSize;
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private Parallel() {}

    static int defaultThreads() {
        String v = System.getenv("NOETHER_THREADS");
        if (v == null || v.isBlank()) v = System.getProperty("noether.threads");
        if (v != null && !v.isBlank()) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the processor count; a warning would be noise in every run
            }
            throw new IllegalArgumentException(
                    "NOETHER_THREADS / noether.threads must be a positive integer, got '" + v + "'");
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The number of threads kernels use. */
    public static int threads() {
        return threads;
    }

    /**
     * Threads a {@code forRange} called from the current thread can use: 1 inside a
     * {@code forRange} body (nested loops run serially), otherwise {@link #threads()}. Kernels use
     * it to choose how finely to split work (never what they compute).
     */
    public static int availableThreads() {
        return INSIDE.get() ? 1 : threads;
    }

    /** Sets the number of threads kernels use (at least 1). Results do not depend on it. */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("Parallel.setThreads: need n >= 1, got " + n);
        threads = n;
    }

    private static ExecutorService pool(int n) {
        ExecutorService p = pool;
        if (p != null && poolSize >= n) return p;
        synchronized (Parallel.class) {
            if (pool == null || poolSize < n) {
                ExecutorService old = pool;
                AtomicInteger id = new AtomicInteger();
                ThreadFactory tf = r -> {
                    Thread t = new Thread(r, "noether-worker-" + id.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                };
                pool = Executors.newFixedThreadPool(n, tf);
                poolSize = n;
                if (old != null) old.shutdown();
            }
            return pool;
        }
    }

    /** Number of chunks {@code [0, n)} splits into with the given grain (at least 1). */
    public static int chunkCount(int n, int grain) {
        if (n <= 0) return 0;
        return (n + grain - 1) / grain;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of {@code grain} indices (the last may be
     * shorter). Chunks run concurrently when more than one thread is configured; the chunk
     * boundaries never depend on the thread count.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        if (grain < 1) grain = 1;
        int chunks = chunkCount(n, grain);
        int t = Math.min(threads, chunks);
        if (t <= 1 || INSIDE.get()) {
            for (int c = 0; c < chunks; c++) {
                int s = c * grain;
                body.run(s, Math.min(n, s + grain));
            }
            return;
        }
        final int g = grain;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            boolean was = INSIDE.get();
            INSIDE.set(true);
            try {
                int c;
                while ((c = next.getAndIncrement()) < chunks) {
                    int s = c * g;
                    body.run(s, Math.min(n, s + g));
                }
            } finally {
                INSIDE.set(was);
            }
        };
        ExecutorService p = pool(t - 1);
        List<Future<?>> fs = new ArrayList<>(t - 1);
        for (int i = 0; i < t - 1; i++) fs.add(p.submit(worker));
        Throwable failure = null;
        try {
            worker.run();
        } catch (Throwable e) {
            failure = e;
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error er) throw er;
        if (failure != null) throw new RuntimeException(failure);
    }

    /**
     * Runs {@code body} over {@code [0, n)} with a grain chosen so each chunk carries about
     * {@code workPerIndex * grain >= minWork} units of work, to keep tiny loops single-threaded.
     */
    public static void forRange(int n, long workPerIndex, long minWork, RangeBody body) {
        long g = Math.max(1, minWork / Math.max(1, workPerIndex));
        forRange(n, (int) Math.min(Integer.MAX_VALUE, g), body);
    }
}
