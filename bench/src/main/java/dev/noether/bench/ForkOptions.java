package dev.noether.bench;

/**
 * JVM options every benchmark fork is started with ({@code @Fork(jvmArgsAppend = ...)}), so that
 * a plain {@code java -jar benchmarks.jar} measures the same code path as
 * {@code bench/run-benchmarks.sh}.
 */
final class ForkOptions {
    /** Puts the incubating Vector API in the boot layer, so Noether's SIMD kernels are used. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /** A fixed maximum heap: the largest state (elementwise, 4 x 1e7 doubles) needs ~320 MB. */
    static final String HEAP = "-Xmx4g";

    private ForkOptions() {}
}
