package dev.noether.core.cpu;

/**
 * Runs a one-dimensional kernel over every row of an n-dimensional iteration space shared by up
 * to three strided operands (an output and two inputs). Axes of length 1 are dropped and
 * adjacent axes that are contiguous in every operand are merged, so dense operands become one
 * long row that the kernel sees with unit strides. Rows (or chunks of one long row) are handed
 * out through {@link Parallel}, whose chunking does not depend on the thread count.
 */
public final class StridedLoops {
    /** Elements per parallel chunk: below this a loop stays on one thread. */
    public static final int GRAIN = 1 << 15;

    /** A row kernel over three operands: {@code n} elements starting at the given storage indices. */
    @FunctionalInterface
    public interface Row3 {
        void run(int n, int o, int os, int a, int as, int b, int bs);
    }

    private StridedLoops() {}

    /**
     * Iterates {@code shape} with the three operands' strides and offsets; operands that are
     * unused may pass strides of zeros.
     */
    public static void run(int[] shape, int[] so, int oo, int[] sa, int oa, int[] sb, int ob, Row3 kernel) {
        int r = shape.length;
        int[] sh = new int[r], s0 = new int[r], s1 = new int[r], s2 = new int[r];
        int k = 0;
        for (int i = 0; i < r; i++) {
            if (shape[i] == 0) return;
            if (shape[i] == 1) continue;
            if (k > 0 && s0[k - 1] == so[i] * shape[i] && s1[k - 1] == sa[i] * shape[i] && s2[k - 1] == sb[i] * shape[i]) {
                sh[k - 1] *= shape[i];
                s0[k - 1] = so[i];
                s1[k - 1] = sa[i];
                s2[k - 1] = sb[i];
                continue;
            }
            sh[k] = shape[i];
            s0[k] = so[i];
            s1[k] = sa[i];
            s2[k] = sb[i];
            k++;
        }
        if (k == 0) {
            kernel.run(1, oo, 0, oa, 0, ob, 0);
            return;
        }
        final int rank = k;
        final int inner = sh[rank - 1];
        final int is0 = s0[rank - 1], is1 = s1[rank - 1], is2 = s2[rank - 1];
        long rowsL = 1;
        for (int i = 0; i < rank - 1; i++) rowsL *= sh[i];
        final int rows = (int) rowsL;
        if (rows == 1) {
            Parallel.forRange(inner, GRAIN, (s, e) ->
                    kernel.run(e - s, oo + s * is0, is0, oa + s * is1, is1, ob + s * is2, is2));
            return;
        }
        int grain = Math.max(1, GRAIN / Math.max(1, inner));
        Parallel.forRange(rows, grain, (s, e) -> {
            int[] idx = new int[rank - 1];
            int rem = s;
            for (int d = rank - 2; d >= 0; d--) {
                idx[d] = rem % sh[d];
                rem /= sh[d];
            }
            int p0 = oo, p1 = oa, p2 = ob;
            for (int d = 0; d < rank - 1; d++) {
                p0 += idx[d] * s0[d];
                p1 += idx[d] * s1[d];
                p2 += idx[d] * s2[d];
            }
            for (int row = s; row < e; row++) {
                kernel.run(inner, p0, is0, p1, is1, p2, is2);
                for (int d = rank - 2; d >= 0; d--) {
                    idx[d]++;
                    p0 += s0[d];
                    p1 += s1[d];
                    p2 += s2[d];
                    if (idx[d] < sh[d]) break;
                    p0 -= s0[d] * sh[d];
                    p1 -= s1[d] * sh[d];
                    p2 -= s2[d] * sh[d];
                    idx[d] = 0;
                }
            }
        });
    }
}
