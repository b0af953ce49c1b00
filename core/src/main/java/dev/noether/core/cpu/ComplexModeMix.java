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
        // per-mode scratch strides padded off powers of two, so a chunk's panels do not alias in cache
        final int aSize = mRows * depth + 16, bSize = depth * nCols + 16, cSize = mRows * nCols + 16;
        Parallel.forRange(modes, modeChunk(modes, (long) cSize * depth), (s, e) -> {
            int count = e - s;
            ScratchF64 ws = SCRATCH_F64.get();
            double[] ar = ws.a(count * aSize), br = ws.b(count * bSize), cr = ws.c(count * cSize);
            if (expandA) {
                expandF64(a, aOff, transA, conjA, rows, inner, modes, s, count, ar, aSize, false);
                gatherF64(b, bOff, transB, conjB, inner, cols, modes, s, count, br, bSize, true);
            } else {
                gatherF64(a, aOff, transA, conjA, rows, inner, modes, s, count, ar, aSize, false);
                expandF64(b, bOff, transB, conjB, inner, cols, modes, s, count, br, bSize, true);
            }
            for (int mm = 0; mm < count; mm++) {
                Gemm.gemmF64(kernels, mRows, nCols, depth, 1, ar, mm * aSize, depth, 1, br, mm * bSize, nCols, 1,
                        0, cr, mm * cSize, nCols, 1);
            }
            scatterF64(cr, cSize, expandA, rows, cols, modes, s, count, out, outOff, accumulate);
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
     * Gathers modes {@code [m0, m0 + count)} of the complex [rows, cols] operand {@code op(src)}
     * into real matrices, mode {@code m0 + t} at {@code dst[t * size ...]}: as the left factor
     * ({@code right == false}) {@code [rows, 2 cols]} with columns (re, im) per complex column; as
     * the right factor {@code [2 rows, cols]} with rows (re, im). One sweep reads each element's
     * {@code count} modes, which are contiguous.
     */
    private static void gatherF64(double[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m0, int count, double[] dst, int size, boolean right) {
        double sign = conj ? -1 : 1;
        int imStep = right ? cols : 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = off + 2 * ((trans ? j * rows + i : i * cols + j) * modes + m0);
                int d = right ? 2 * i * cols + j : 2 * (i * cols + j);
                for (int t = 0; t < count; t++, at += 2, d += size) {
                    dst[d] = src[at];
                    dst[d + imStep] = sign * src[at + 1];
                }
            }
        }
    }

    /**
     * Expands modes {@code [m0, m0 + count)} of the complex [rows, cols] operand {@code op(src)}
     * into real {@code [2 rows, 2 cols]} matrices of 2 x 2 blocks, mode {@code m0 + t} at
     * {@code dst[t * size ...]}: {@code [[re, -im], [im, re]]} as the left factor,
     * {@code [[re, im], [-im, re]]} as the right factor.
     */
    private static void expandF64(double[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m0, int count, double[] dst, int size, boolean right) {
        double sign = conj ? -1 : 1;
        double upper = right ? sign : -sign;
        int ld = 2 * cols;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = off + 2 * ((trans ? j * rows + i : i * cols + j) * modes + m0);
                int top = 2 * i * ld + 2 * j;
                for (int t = 0; t < count; t++, at += 2, top += size) {
                    double re = src[at], im = src[at + 1];
                    dst[top] = re;
                    dst[top + 1] = upper * im;
                    dst[top + ld] = -upper * im;
                    dst[top + ld + 1] = re;
                }
            }
        }
    }

    /** Writes (or adds) the real products of modes {@code [m0, m0 + count)} into {@code out[p, q, m, re/im]}. */
    private static void scatterF64(double[] cr, int size, boolean expandA, int rows, int cols, int modes, int m0,
                                   int count, double[] out, int outOff, boolean accumulate) {
        int imStep = expandA ? cols : 1;
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < cols; q++) {
                int at = outOff + 2 * ((p * cols + q) * modes + m0);
                int from = expandA ? 2 * p * cols + q : 2 * (p * cols + q);
                for (int t = 0; t < count; t++, at += 2, from += size) {
                    if (accumulate) {
                        out[at] += cr[from];
                        out[at + 1] += cr[from + imStep];
                    } else {
                        out[at] = cr[from];
                        out[at + 1] = cr[from + imStep];
                    }
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
        // per-mode scratch strides padded off powers of two, so a chunk's panels do not alias in cache
        final int aSize = mRows * depth + 16, bSize = depth * nCols + 16, cSize = mRows * nCols + 16;
        Parallel.forRange(modes, modeChunk(modes, (long) cSize * depth), (s, e) -> {
            int count = e - s;
            ScratchF32 ws = SCRATCH_F32.get();
            float[] ar = ws.a(count * aSize), br = ws.b(count * bSize), cr = ws.c(count * cSize);
            if (expandA) {
                expandF32(a, aOff, transA, conjA, rows, inner, modes, s, count, ar, aSize, false);
                gatherF32(b, bOff, transB, conjB, inner, cols, modes, s, count, br, bSize, true);
            } else {
                gatherF32(a, aOff, transA, conjA, rows, inner, modes, s, count, ar, aSize, false);
                expandF32(b, bOff, transB, conjB, inner, cols, modes, s, count, br, bSize, true);
            }
            for (int mm = 0; mm < count; mm++) {
                Gemm.gemmF32(kernels, mRows, nCols, depth, 1, ar, mm * aSize, depth, 1, br, mm * bSize, nCols, 1,
                        0, cr, mm * cSize, nCols, 1);
            }
            scatterF32(cr, cSize, expandA, rows, cols, modes, s, count, out, outOff, accumulate);
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
     * Gathers modes {@code [m0, m0 + count)} of the complex [rows, cols] operand {@code op(src)}
     * into real matrices, mode {@code m0 + t} at {@code dst[t * size ...]}: as the left factor
     * ({@code right == false}) {@code [rows, 2 cols]} with columns (re, im) per complex column; as
     * the right factor {@code [2 rows, cols]} with rows (re, im). One sweep reads each element's
     * {@code count} modes, which are contiguous.
     */
    private static void gatherF32(float[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m0, int count, float[] dst, int size, boolean right) {
        float sign = conj ? -1 : 1;
        int imStep = right ? cols : 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = off + 2 * ((trans ? j * rows + i : i * cols + j) * modes + m0);
                int d = right ? 2 * i * cols + j : 2 * (i * cols + j);
                for (int t = 0; t < count; t++, at += 2, d += size) {
                    dst[d] = src[at];
                    dst[d + imStep] = sign * src[at + 1];
                }
            }
        }
    }

    /**
     * Expands modes {@code [m0, m0 + count)} of the complex [rows, cols] operand {@code op(src)}
     * into real {@code [2 rows, 2 cols]} matrices of 2 x 2 blocks, mode {@code m0 + t} at
     * {@code dst[t * size ...]}: {@code [[re, -im], [im, re]]} as the left factor,
     * {@code [[re, im], [-im, re]]} as the right factor.
     */
    private static void expandF32(float[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m0, int count, float[] dst, int size, boolean right) {
        float sign = conj ? -1 : 1;
        float upper = right ? sign : -sign;
        int ld = 2 * cols;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = off + 2 * ((trans ? j * rows + i : i * cols + j) * modes + m0);
                int top = 2 * i * ld + 2 * j;
                for (int t = 0; t < count; t++, at += 2, top += size) {
                    float re = src[at], im = src[at + 1];
                    dst[top] = re;
                    dst[top + 1] = upper * im;
                    dst[top + ld] = -upper * im;
                    dst[top + ld + 1] = re;
                }
            }
        }
    }

    /** Writes (or adds) the real products of modes {@code [m0, m0 + count)} into {@code out[p, q, m, re/im]}. */
    private static void scatterF32(float[] cr, int size, boolean expandA, int rows, int cols, int modes, int m0,
                                   int count, float[] out, int outOff, boolean accumulate) {
        int imStep = expandA ? cols : 1;
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < cols; q++) {
                int at = outOff + 2 * ((p * cols + q) * modes + m0);
                int from = expandA ? 2 * p * cols + q : 2 * (p * cols + q);
                for (int t = 0; t < count; t++, at += 2, from += size) {
                    if (accumulate) {
                        out[at] += cr[from];
                        out[at + 1] += cr[from + imStep];
                    } else {
                        out[at] = cr[from];
                        out[at + 1] = cr[from + imStep];
                    }
                }
            }
        }
    }

    // </f32>

    /**
     * Modes per parallel chunk: enough that one sweep reads whole cache lines (8 modes), fewer when
     * that would leave threads idle; the chunking never changes the results.
     */
    private static int modeChunk(int modes, long workPerMode) {
        int threads = Parallel.availableThreads();
        if (threads == 1) return Math.max(1, modes);
        int perThread = (modes + 2 * threads - 1) / (2 * threads);
        long minModes = (Gemm.PARALLEL_MIN_WORK + workPerMode - 1) / Math.max(1, workPerMode);
        return (int) Math.max(1, Math.max(minModes, Math.min(8, perThread)));
    }

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
