package dev.noether.core.cpu;
// TEMPORARY local file for compiling before the gemm branch merges (not committed)
public final class Kernels { static final VectorKernels K = new ScalarKernels(); public static VectorKernels get() { return K; } public static String name() { return "scalar"; } }
