package dev.noether.core.fft;

import dev.noether.core.cpu.Parallel;

/**
 * Runs one 1-D transform over every line of a strided f64 array, in parallel over lines.
 *
 * <p>A line whose elements are contiguous in the source (and, separately, in the destination)
 * is transformed straight from and to the arrays. Other lines are handled in blocks of up to
 * {@value #BLOCK} neighbours along the innermost batch axis: gathered into scratch (so a
 * column-wise transform reads whole cache lines), transformed, and scattered. Scratch and plan
 * work buffers are kept per thread and reused across calls, so a call allocates nothing.
 * Each line is computed by the same code whatever the thread count, so results are bitwise
 * identical for any {@link Parallel#setThreads(int)}. Source and destination may be the same
 * array with the same layout (in place) for the complex transforms.
 */
final class LineTransformsF64 {
    private static final int BLOCK = 8;
    /** Smallest work (in element-passes) worth a parallel chunk. */
    private static final long MIN_CHUNK_WORK = 1L << 16;
    private static final ThreadLocal<double[]> SCRATCH = new ThreadLocal<>();

    private LineTransformsF64() {}

    static void apply(LineOp op, int n, double scale, double[] src, double[] dst, LineLayout lay) {
        final FftPlanF64 complexPlan = op == LineOp.COMPLEX_FORWARD || op == LineOp.COMPLEX_INVERSE
                ? FftPlanF64.of(n) : null;
        final RealFftPlanF64 realPlan = complexPlan == null ? RealFftPlanF64.of(n) : null;
        final int inLen = op.inputLength(n);
        final int outLen = op.outputLength(n);
        final int inSize = op.complexInput ? 2 * inLen : inLen;
        final int outSize = op.complexOutput ? 2 * outLen : outLen;
        final int copyLen = Math.min(lay.srcLength, inLen);
        final boolean srcDirect = copyLen == inLen
                && (op.complexInput ? lay.srcAxisStride == 2 && lay.srcPartStride == 1 : lay.srcAxisStride == 1);
        final boolean dstDirect = lay.dstAxisStride == (op.complexOutput ? 2 : 1);

        final int batchRank = lay.batchShape.length;
        final int inner = batchRank == 0 ? 1 : lay.batchShape[batchRank - 1];
        long outerCount = 1;
        for (int d = 0; d < batchRank - 1; d++) outerCount *= lay.batchShape[d];
        if (inner == 0 || outerCount == 0) return;
        final int block = srcDirect && dstDirect ? 1 : Math.min(BLOCK, inner);
        final int groupsPerOuter = (inner + block - 1) / block;
        final int groups = Math.toIntExact(outerCount * groupsPerOuter);
        final int srcInner = batchRank == 0 ? 0 : lay.srcBatchStrides[batchRank - 1];
        final int dstInner = batchRank == 0 ? 0 : lay.dstBatchStrides[batchRank - 1];

        final int planWork = complexPlan != null ? complexPlan.workLength() : realPlan.workLength();
        final int inBuffer = srcDirect ? 0 : block * inSize;
        final int outBuffer = dstDirect ? 0 : block * outSize;
        final int scratchLength = planWork + inBuffer + outBuffer;
        final long workPerGroup = (long) block * (inSize + outSize) * (1 + 31 - Integer.numberOfLeadingZeros(n));

        Parallel.forRange(groups, workPerGroup, MIN_CHUNK_WORK, (g0, g1) -> {
            double[] scratch = scratch(scratchLength);
            final int inAt = planWork;
            final int outAt = planWork + inBuffer;
            for (int g = g0; g < g1; g++) {
                int outer = g / groupsPerOuter;
                int first = (g - outer * groupsPerOuter) * block;
                int count = Math.min(block, inner - first);
                int srcBase = lay.srcOffset + first * srcInner;
                int dstBase = lay.dstOffset + first * dstInner;
                for (int d = batchRank - 2; d >= 0; d--) {
                    int size = lay.batchShape[d];
                    int idx = outer % size;
                    outer /= size;
                    srcBase += idx * lay.srcBatchStrides[d];
                    dstBase += idx * lay.dstBatchStrides[d];
                }
                if (!srcDirect) {
                    gather(op.complexInput, src, srcBase, srcInner, lay.srcAxisStride, lay.srcPartStride,
                            copyLen, inLen, count, scratch, inAt, inSize);
                }
                for (int b = 0; b < count; b++) {
                    double[] a = srcDirect ? src : scratch;
                    int ao = srcDirect ? srcBase + b * srcInner : inAt + b * inSize;
                    double[] y = dstDirect ? dst : scratch;
                    int yo = dstDirect ? dstBase + b * dstInner : outAt + b * outSize;
                    switch (op) {
                        case COMPLEX_FORWARD -> complexPlan.apply(a, ao, y, yo, scratch, 0, false, scale);
                        case COMPLEX_INVERSE -> complexPlan.apply(a, ao, y, yo, scratch, 0, true, scale);
                        case REAL_FORWARD -> realPlan.forwardUnchecked(a, ao, y, yo, scratch, 0, scale);
                        case REAL_INVERSE -> realPlan.inverseUnchecked(a, ao, y, yo, scratch, 0, scale);
                    }
                }
                if (!dstDirect) {
                    scatter(op.complexOutput, scratch, outAt, outSize, outLen, count, dst, dstBase, dstInner,
                            lay.dstAxisStride);
                }
            }
        });
    }

    /** Copies {@code count} lines into consecutive rows of {@code buf}, zero-padding to {@code inLen}. */
    private static void gather(boolean complex, double[] src, int base, int innerStride, int axisStride,
                               int partStride, int copyLen, int inLen, int count, double[] buf, int at, int rowSize) {
        if (complex) {
            for (int t = 0; t < copyLen; t++) {
                int s = base + t * axisStride;
                for (int b = 0; b < count; b++) {
                    int i = s + b * innerStride;
                    int o = at + b * rowSize + 2 * t;
                    buf[o] = src[i];
                    buf[o + 1] = src[i + partStride];
                }
            }
            for (int b = 0; b < count; b++) {
                for (int o = at + b * rowSize + 2 * copyLen, e = at + b * rowSize + 2 * inLen; o < e; o++) buf[o] = 0.0;
            }
        } else {
            for (int t = 0; t < copyLen; t++) {
                int s = base + t * axisStride;
                for (int b = 0; b < count; b++) buf[at + b * rowSize + t] = src[s + b * innerStride];
            }
            for (int b = 0; b < count; b++) {
                for (int o = at + b * rowSize + copyLen, e = at + b * rowSize + inLen; o < e; o++) buf[o] = 0.0;
            }
        }
    }

    private static void scatter(boolean complex, double[] buf, int at, int rowSize, int outLen, int count,
                                double[] dst, int base, int innerStride, int axisStride) {
        if (complex) {
            for (int t = 0; t < outLen; t++) {
                int d = base + t * axisStride;
                for (int b = 0; b < count; b++) {
                    int i = at + b * rowSize + 2 * t;
                    int o = d + b * innerStride;
                    dst[o] = buf[i];
                    dst[o + 1] = buf[i + 1];
                }
            }
        } else {
            for (int t = 0; t < outLen; t++) {
                int d = base + t * axisStride;
                for (int b = 0; b < count; b++) dst[d + b * innerStride] = buf[at + b * rowSize + t];
            }
        }
    }

    /** This thread's scratch array, grown to at least {@code length} elements. */
    private static double[] scratch(int length) {
        double[] s = SCRATCH.get();
        if (s == null || s.length < length) {
            s = new double[length];
            SCRATCH.set(s);
        }
        return s;
    }
}
