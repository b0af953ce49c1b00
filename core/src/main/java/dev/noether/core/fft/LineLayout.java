package dev.noether.core.fft;

/**
 * Where the lines of a batched 1-D transform live in a source and a destination array.
 *
 * <p>Lines are indexed by the batch shape (every logical axis but the transformed one); line
 * {@code b} starts at {@code offset + sum_d b_d * batchStrides[d]} and its element {@code t} at
 * {@code + t * axisStride}. A complex element's imaginary part sits {@code srcPartStride} after
 * its real part in the source and right after it in the destination. All strides are in array
 * elements. The source holds {@code srcLength} elements per line: fewer than the transform needs
 * are zero-padded, more are cropped (numpy's {@code n=} argument).
 */
final class LineLayout {
    final int[] batchShape;
    final int[] srcBatchStrides;
    final int[] dstBatchStrides;
    final int srcOffset;
    final int srcLength;
    final int srcAxisStride;
    final int srcPartStride;
    final int dstOffset;
    final int dstAxisStride;

    LineLayout(int[] batchShape, int[] srcBatchStrides, int[] dstBatchStrides,
               int srcOffset, int srcLength, int srcAxisStride, int srcPartStride,
               int dstOffset, int dstAxisStride) {
        this.batchShape = batchShape;
        this.srcBatchStrides = srcBatchStrides;
        this.dstBatchStrides = dstBatchStrides;
        this.srcOffset = srcOffset;
        this.srcLength = srcLength;
        this.srcAxisStride = srcAxisStride;
        this.srcPartStride = srcPartStride;
        this.dstOffset = dstOffset;
        this.dstAxisStride = dstAxisStride;
    }

    /** Number of lines. */
    long lines() {
        long c = 1;
        for (int s : batchShape) c *= s;
        return c;
    }
}
