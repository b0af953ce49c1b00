package dev.noether.core.cpu;

/**
 * Up-front bounds checks for the raw-array kernels, so that a bad offset, length or stride is
 * reported with the operation's name and the numbers involved instead of surfacing as an
 * {@link ArrayIndexOutOfBoundsException} from an inner loop.
 */
final class ArrayRanges {
    private ArrayRanges() {}

    /** Checks that {@code [offset, offset + count)} lies inside an array of {@code length}. */
    static void check(String op, String operand, int length, int offset, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(op + ": element count must be >= 0, got " + count);
        }
        if (offset < 0 || (long) offset + count > length) {
            throw new IllegalArgumentException(op + ": " + operand + " range [" + offset + ", "
                    + ((long) offset + count) + ") lies outside its array of length " + length
                    + "; pass a larger array or a smaller offset/count");
        }
    }

    /**
     * Checks that every element {@code offset + i * rowStride + j * colStride}, {@code i < rows},
     * {@code j < cols}, of a strided matrix lies inside an array of {@code length}. Strides must
     * be non-negative (a zero stride repeats a row or column).
     */
    static void checkMatrix(String op, String operand, int length, int offset,
                            int rows, int cols, int rowStride, int colStride) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(op + ": " + operand + " has negative shape ["
                    + rows + ", " + cols + "]");
        }
        if (rowStride < 0 || colStride < 0) {
            throw new IllegalArgumentException(op + ": " + operand + " strides must be >= 0, got ("
                    + rowStride + ", " + colStride + "); pack negative-stride views first");
        }
        if (rows == 0 || cols == 0) {
            if (offset < 0 || offset > length) {
                throw new IllegalArgumentException(op + ": " + operand + " offset " + offset
                        + " lies outside its array of length " + length);
            }
            return;
        }
        long last = (long) offset + (long) (rows - 1) * rowStride + (long) (cols - 1) * colStride;
        if (offset < 0 || last >= length) {
            throw new IllegalArgumentException(op + ": " + operand + " [" + rows + ", " + cols
                    + "] with offset " + offset + " and strides (" + rowStride + ", " + colStride
                    + ") reaches element " + last + " but its array has length " + length
                    + "; pass a larger array or fix the shape, offset or leading dimension");
        }
    }
}
