package dev.noether.core.cpu;

/**
 * The spectral mode mixing of a Fourier neural operator: for every retained Fourier mode a
 * complex matrix product over channels,
 * <pre>
 *   out[b, o, m] = sum_i x[b, i, m] * w[i, o, m]        (complex product)
 * </pre>
 * with {@code x [B, Ci, M, 2]}, {@code w [Ci, Co, M, 2]} and {@code out [B, Co, M, 2]} row-major
 * raw arrays, complex numbers interleaved (last axis re, im). For 2-D and 3-D operators M is the
 * product of the retained mode counts.
 *
 * <p>The general form, {@link #mix}, computes per mode
 * {@code out[p, q, m] = sum_r opA(p, r, m) * opB(r, q, m)} where A is stored as
 * {@code [P, R, M, 2]} or, with {@code transA}, {@code [R, P, M, 2]}, and is conjugated when
 * {@code conjA}; likewise B ({@code [R, Q, M, 2]} or {@code [Q, R, M, 2]}); out is
 * {@code [P, Q, M, 2]}, overwritten or, with {@code accumulate}, added to. The adjoints of the
 * forward map are instances of it:
 * <pre>
 *   gradInput:  gx[b, i, m] = sum_o gout[b, o, m] * conj(w[i, o, m])    (A = gout, B = w^T, conj B)
 *   gradWeight: gw[i, o, m] = sum_b conj(x[b, i, m]) * gout[b, o, m]    (A = x^T, conj A, B = gout)
 * </pre>
 * (the gradients of a real loss with respect to the real and imaginary parts, packed as complex
 * numbers).
 *
 * <p>Method: each mode is one real GEMM ({@link Gemm}) on a real embedding of the complex
 * product. When {@code P <= Q}, A is expanded to {@code [2P, 2R]} with the 2 x 2 blocks
 * {@code [[ar, -ai], [ai, ar]]} and B gathered to {@code [2R, Q]} (rows re, im), giving
 * {@code [2P, Q]} (rows re, im); otherwise A is gathered to {@code [P, 2R]} and B expanded to
 * {@code [2R, 2Q]} with blocks {@code [[br, bi], [-bi, br]]}, giving {@code [P, 2Q]}. Either way
 * it costs the 4 real multiplications of the complex product (no 3M trick, which loses accuracy).
 * Modes run in parallel ({@link Parallel#forRange}); each mode's arithmetic does not depend on
 * the thread count, so results are bitwise reproducible. Scratch arrays are per thread and
 * reused. Outputs must not overlap the inputs.
 */
public final class ComplexModeMix {
    private ComplexModeMix() {}

    // <f64>

    /** {@code out[b, o, m] = sum_i x[b, i, m] w[i, o, m]}, overwriting out; see the class comment. */
    public static void forward(double[] x, int xOff, double[] w, int wOff, double[] out, int outOff,
                               int batch, int inChannels, int outChannels, int modes) {
        mix(Kernels.get(), batch, outChannels, inChannels, modes, x, xOff, false, false,
                w, wOff, false, false, out, outOff, false);
    }

    /**
     * {@code gradX[b, i, m] (+)= sum_o gradOut[b, o, m] conj(w[i, o, m])}: the gradient of a real
     * loss with respect to x, given its gradient with respect to the forward output.
     */
    public static void gradInput(double[] gradOut, int gOff, double[] w, int wOff, double[] gradX, int gxOff,
                                 int batch, int inChannels, int outChannels, int modes, boolean accumulate) {
        mix(Kernels.get(), batch, inChannels, outChannels, modes, gradOut, gOff, false, false,
                w, wOff, true, true, gradX, gxOff, accumulate);
    }

    /**
     * {@code gradW[i, o, m] (+)= sum_b conj(x[b, i, m]) gradOut[b, o, m]}: the gradient of a real
     * loss with respect to w.
     */
    public static void gradWeight(double[] x, int xOff, double[] gradOut, int gOff, double[] gradW, int gwOff,
                                  int batch, int inChannels, int outChannels, int modes, boolean accumulate) {
        mix(Kernels.get(), inChannels, outChannels, batch, modes, x, xOff, true, true,
                gradOut, gOff, false, false, gradW, gwOff, accumulate);
    }

    /**
     * The general form {@code out[p, q, m] (+)= sum_r opA(p, r, m) opB(r, q, m)} with
     * {@code P = rows}, {@code Q = cols}, {@code R = inner}, {@code M = modes}; see the class
     * comment for the layouts.
     */
    public static void mix(VectorKernels kernels, int rows, int cols, int inner, int modes,
                           double[] a, int aOff, boolean transA, boolean conjA,
                           double[] b, int bOff, boolean transB, boolean conjB,
                           double[] out, int outOff, boolean accumulate) {
        checkShapes(rows, cols, inner, modes);
        ArrayRanges.check("ComplexModeMix", "A " + layout(rows, inner, modes, transA), a.length, aOff,
                complexCount(rows, inner, modes));
        ArrayRanges.check("ComplexModeMix", "B " + layout(inner, cols, modes, transB), b.length, bOff,
                complexCount(inner, cols, modes));
        ArrayRanges.check("ComplexModeMix", "out " + layout(rows, cols, modes, false), out.length, outOff,
                complexCount(rows, cols, modes));
        if (rows == 0 || cols == 0 || modes == 0) return;
        final boolean expandA = rows <= cols;
        final int mRows = expandA ? 2 * rows : rows, nCols = expandA ? cols : 2 * cols, depth = 2 * inner;
        long work = (long) mRows * nCols * Math.max(1, depth);
        Parallel.forRange(modes, work, Gemm.PARALLEL_MIN_WORK, (s, e) -> {
            ScratchF64 ws = SCRATCH_F64.get();
            double[] ar = ws.a(mRows * depth), br = ws.b(depth * nCols), cr = ws.c(mRows * nCols);
            for (int m = s; m < e; m++) {
                if (expandA) {
                    expandF64(a, aOff, transA, conjA, rows, inner, modes, m, ar, false);
                    gatherF64(b, bOff, transB, conjB, inner, cols, modes, m, br, true);
                } else {
                    gatherF64(a, aOff, transA, conjA, rows, inner, modes, m, ar, false);
                    expandF64(b, bOff, transB, conjB, inner, cols, modes, m, br, true);
                }
                Gemm.gemmF64(kernels, mRows, nCols, depth, 1, ar, 0, depth, 1, br, 0, nCols, 1,
                        0, cr, 0, nCols, 1);
                scatterF64(cr, expandA, rows, cols, modes, m, out, outOff, accumulate);
            }
        });
    }

    private static final class ScratchF64 {
        double[] a = new double[0], b = new double[0], c = new double[0];

        double[] a(int n) {
            if (a.length < n) a = new double[n];
            return a;
        }

        double[] b(int n) {
            if (b.length < n) b = new double[n];
            return b;
        }

        double[] c(int n) {
            if (c.length < n) c = new double[n];
            return c;
        }
    }

    private static final ThreadLocal<ScratchF64> SCRATCH_F64 = ThreadLocal.withInitial(ScratchF64::new);

    /**
     * Gathers mode m of the complex [rows, cols] operand {@code op(src)} into a real matrix:
     * as the left factor ({@code right == false}) {@code [rows, 2 cols]} with columns
     * (re, im) per complex column; as the right factor {@code [2 rows, cols]} with rows (re, im).
     */
    private static void gatherF64(double[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m, double[] dst, boolean right) {
        double sign = conj ? -1 : 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = off + 2 * (((trans ? j * rows + i : i * cols + j)) * modes + m);
                double re = src[at], im = sign * src[at + 1];
                if (right) {
                    dst[2 * i * cols + j] = re;
                    dst[(2 * i + 1) * cols + j] = im;
                } else {
                    dst[i * 2 * cols + 2 * j] = re;
                    dst[i * 2 * cols + 2 * j + 1] = im;
                }
            }
        }
    }

    /**
     * Expands mode m of the complex [rows, cols] operand {@code op(src)} into the real
     * {@code [2 rows, 2 cols]} matrix of 2 x 2 blocks: {@code [[re, -im], [im, re]]} as the left
     * factor, {@code [[re, im], [-im, re]]} as the right factor.
     */
    private static void expandF64(double[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m, double[] dst, boolean right) {
        double sign = conj ? -1 : 1;
        int ld = 2 * cols;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = off + 2 * (((trans ? j * rows + i : i * cols + j)) * modes + m);
                double re = src[at], im = sign * src[at + 1];
                int top = 2 * i * ld + 2 * j, bottom = top + ld;
                dst[top] = re;
                dst[bottom + 1] = re;
                dst[top + 1] = right ? im : -im;
                dst[bottom] = right ? -im : im;
            }
        }
    }

    /** Writes (or adds) the real product of mode m into {@code out[p, q, m, re/im]}. */
    private static void scatterF64(double[] cr, boolean expandA, int rows, int cols, int modes, int m,
                                   double[] out, int outOff, boolean accumulate) {
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < cols; q++) {
                int at = outOff + 2 * ((p * cols + q) * modes + m);
                double re, im;
                if (expandA) {
                    re = cr[2 * p * cols + q];
                    im = cr[(2 * p + 1) * cols + q];
                } else {
                    re = cr[p * 2 * cols + 2 * q];
                    im = cr[p * 2 * cols + 2 * q + 1];
                }
                if (accumulate) {
                    out[at] += re;
                    out[at + 1] += im;
                } else {
                    out[at] = re;
                    out[at + 1] = im;
                }
            }
        }
    }

    // </f64>

    // <f32> generated from the f64 section by SinglePrecisionSources (test sources); do not edit

    /** {@code out[b, o, m] = sum_i x[b, i, m] w[i, o, m]}, overwriting out; see the class comment. */
    public static void forward(float[] x, int xOff, float[] w, int wOff, float[] out, int outOff,
                               int batch, int inChannels, int outChannels, int modes) {
        mix(Kernels.get(), batch, outChannels, inChannels, modes, x, xOff, false, false,
                w, wOff, false, false, out, outOff, false);
    }

    /**
     * {@code gradX[b, i, m] (+)= sum_o gradOut[b, o, m] conj(w[i, o, m])}: the gradient of a real
     * loss with respect to x, given its gradient with respect to the forward output.
     */
    public static void gradInput(float[] gradOut, int gOff, float[] w, int wOff, float[] gradX, int gxOff,
                                 int batch, int inChannels, int outChannels, int modes, boolean accumulate) {
        mix(Kernels.get(), batch, inChannels, outChannels, modes, gradOut, gOff, false, false,
                w, wOff, true, true, gradX, gxOff, accumulate);
    }

    /**
     * {@code gradW[i, o, m] (+)= sum_b conj(x[b, i, m]) gradOut[b, o, m]}: the gradient of a real
     * loss with respect to w.
     */
    public static void gradWeight(float[] x, int xOff, float[] gradOut, int gOff, float[] gradW, int gwOff,
                                  int batch, int inChannels, int outChannels, int modes, boolean accumulate) {
        mix(Kernels.get(), inChannels, outChannels, batch, modes, x, xOff, true, true,
                gradOut, gOff, false, false, gradW, gwOff, accumulate);
    }

    /**
     * The general form {@code out[p, q, m] (+)= sum_r opA(p, r, m) opB(r, q, m)} with
     * {@code P = rows}, {@code Q = cols}, {@code R = inner}, {@code M = modes}; see the class
     * comment for the layouts.
     */
    public static void mix(VectorKernels kernels, int rows, int cols, int inner, int modes,
                           float[] a, int aOff, boolean transA, boolean conjA,
                           float[] b, int bOff, boolean transB, boolean conjB,
                           float[] out, int outOff, boolean accumulate) {
        checkShapes(rows, cols, inner, modes);
        ArrayRanges.check("ComplexModeMix", "A " + layout(rows, inner, modes, transA), a.length, aOff,
                complexCount(rows, inner, modes));
        ArrayRanges.check("ComplexModeMix", "B " + layout(inner, cols, modes, transB), b.length, bOff,
                complexCount(inner, cols, modes));
        ArrayRanges.check("ComplexModeMix", "out " + layout(rows, cols, modes, false), out.length, outOff,
                complexCount(rows, cols, modes));
        if (rows == 0 || cols == 0 || modes == 0) return;
        final boolean expandA = rows <= cols;
        final int mRows = expandA ? 2 * rows : rows, nCols = expandA ? cols : 2 * cols, depth = 2 * inner;
        long work = (long) mRows * nCols * Math.max(1, depth);
        Parallel.forRange(modes, work, Gemm.PARALLEL_MIN_WORK, (s, e) -> {
            ScratchF32 ws = SCRATCH_F32.get();
            float[] ar = ws.a(mRows * depth), br = ws.b(depth * nCols), cr = ws.c(mRows * nCols);
            for (int m = s; m < e; m++) {
                if (expandA) {
                    expandF32(a, aOff, transA, conjA, rows, inner, modes, m, ar, false);
                    gatherF32(b, bOff, transB, conjB, inner, cols, modes, m, br, true);
                } else {
                    gatherF32(a, aOff, transA, conjA, rows, inner, modes, m, ar, false);
                    expandF32(b, bOff, transB, conjB, inner, cols, modes, m, br, true);
                }
                Gemm.gemmF32(kernels, mRows, nCols, depth, 1, ar, 0, depth, 1, br, 0, nCols, 1,
                        0, cr, 0, nCols, 1);
                scatterF32(cr, expandA, rows, cols, modes, m, out, outOff, accumulate);
            }
        });
    }

    private static final class ScratchF32 {
        float[] a = new float[0], b = new float[0], c = new float[0];

        float[] a(int n) {
            if (a.length < n) a = new float[n];
            return a;
        }

        float[] b(int n) {
            if (b.length < n) b = new float[n];
            return b;
        }

        float[] c(int n) {
            if (c.length < n) c = new float[n];
            return c;
        }
    }

    private static final ThreadLocal<ScratchF32> SCRATCH_F32 = ThreadLocal.withInitial(ScratchF32::new);

    /**
     * Gathers mode m of the complex [rows, cols] operand {@code op(src)} into a real matrix:
     * as the left factor ({@code right == false}) {@code [rows, 2 cols]} with columns
     * (re, im) per complex column; as the right factor {@code [2 rows, cols]} with rows (re, im).
     */
    private static void gatherF32(float[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m, float[] dst, boolean right) {
        float sign = conj ? -1 : 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = off + 2 * (((trans ? j * rows + i : i * cols + j)) * modes + m);
                float re = src[at], im = sign * src[at + 1];
                if (right) {
                    dst[2 * i * cols + j] = re;
                    dst[(2 * i + 1) * cols + j] = im;
                } else {
                    dst[i * 2 * cols + 2 * j] = re;
                    dst[i * 2 * cols + 2 * j + 1] = im;
                }
            }
        }
    }

    /**
     * Expands mode m of the complex [rows, cols] operand {@code op(src)} into the real
     * {@code [2 rows, 2 cols]} matrix of 2 x 2 blocks: {@code [[re, -im], [im, re]]} as the left
     * factor, {@code [[re, im], [-im, re]]} as the right factor.
     */
    private static void expandF32(float[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m, float[] dst, boolean right) {
        float sign = conj ? -1 : 1;
        int ld = 2 * cols;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = off + 2 * (((trans ? j * rows + i : i * cols + j)) * modes + m);
                float re = src[at], im = sign * src[at + 1];
                int top = 2 * i * ld + 2 * j, bottom = top + ld;
                dst[top] = re;
                dst[bottom + 1] = re;
                dst[top + 1] = right ? im : -im;
                dst[bottom] = right ? -im : im;
            }
        }
    }

    /** Writes (or adds) the real product of mode m into {@code out[p, q, m, re/im]}. */
    private static void scatterF32(float[] cr, boolean expandA, int rows, int cols, int modes, int m,
                                   float[] out, int outOff, boolean accumulate) {
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < cols; q++) {
                int at = outOff + 2 * ((p * cols + q) * modes + m);
                float re, im;
                if (expandA) {
                    re = cr[2 * p * cols + q];
                    im = cr[(2 * p + 1) * cols + q];
                } else {
                    re = cr[p * 2 * cols + 2 * q];
                    im = cr[p * 2 * cols + 2 * q + 1];
                }
                if (accumulate) {
                    out[at] += re;
                    out[at + 1] += im;
                } else {
                    out[at] = re;
                    out[at + 1] = im;
                }
            }
        }
    }

    // </f32>

    private static void checkShapes(int rows, int cols, int inner, int modes) {
        if (rows < 0 || cols < 0 || inner < 0 || modes < 0) {
            throw new IllegalArgumentException("ComplexModeMix: negative size rows=" + rows + ", cols=" + cols
                    + ", inner=" + inner + ", modes=" + modes);
        }
        if ((long) 4 * Math.max(rows, cols) * Math.max(1, inner) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ComplexModeMix: one mode's real embedding [" + rows + ", "
                    + cols + ", " + inner + "] exceeds the largest Java array");
        }
    }

    private static int complexCount(int rows, int cols, int modes) {
        long n = 2L * rows * cols * modes;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ComplexModeMix: operand [" + rows + ", " + cols + ", " + modes
                    + ", 2] exceeds the largest Java array");
        }
        return (int) n;
    }

    private static String layout(int rows, int cols, int modes, boolean trans) {
        return trans ? "(stored transposed) [" + cols + ", " + rows + ", " + modes + ", 2]"
                : "[" + rows + ", " + cols + ", " + modes + ", 2]";
    }
}
