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
 * <p>Method: each mode is one real matrix product on a real embedding of the complex product,
 * gathered straight into the packed panel layout of {@link Gemm}'s micro-kernel and multiplied as
 * a single k-block of depth 2R. When {@code P <= Q}, A is expanded to {@code [2P, 2R]} with the
 * 2 x 2 blocks {@code [[ar, -ai], [ai, ar]]} and B gathered to {@code [2R, Q]} (rows re, im),
 * giving {@code [2P, Q]} (rows re, im); otherwise A is gathered to {@code [P, 2R]} and B expanded
 * to {@code [2R, 2Q]} with blocks {@code [[br, bi], [-bi, br]]}, giving {@code [P, 2Q]}. Either
 * way it costs the 4 real multiplications of the complex product (no 3M trick, which loses
 * accuracy). Chunks of modes run in parallel ({@link Parallel#forRange}), one sweep over the
 * operands gathering all modes of a chunk; each mode's arithmetic depends on neither the thread
 * count nor the chunking, so results are bitwise reproducible. Scratch arrays are per thread and
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
        final int mr = kernels.gemmRowsF64(), nr = kernels.gemmColsF64();
        final int mPad = roundUp(mRows, mr), nPad = roundUp(nCols, nr);
        // per-mode scratch strides padded off powers of two, so a chunk's panels do not alias in cache
        final int aSize = mPad * depth + 16, bSize = nPad * depth + 16, cSize = mRows * nCols + 16;
        final int[] aRowOff = panelRows(mPad, mr, depth), aColOff = multiples(depth, mr);
        final int[] bRowOff = multiples(depth, nr), bColOff = panelRows(nPad, nr, depth);
        Parallel.forRange(modes, modeChunk(modes, (long) mRows * nCols * depth), (s, e) -> {
            int count = e - s;
            ScratchF64 ws = SCRATCH_F64.get();
            double[] ap = ws.a(count * aSize), bp = ws.b(count * bSize), cr = ws.c(count * cSize);
            double[] tile = ws.tile(mr * nr);
            if (expandA) {
                expandF64(a, aOff, transA, conjA, rows, inner, modes, s, count, ap, aSize, aRowOff, aColOff, false);
                gatherF64(b, bOff, transB, conjB, inner, cols, modes, s, count, bp, bSize, bRowOff, bColOff, true);
            } else {
                gatherF64(a, aOff, transA, conjA, rows, inner, modes, s, count, ap, aSize, aRowOff, aColOff, false);
                expandF64(b, bOff, transB, conjB, inner, cols, modes, s, count, bp, bSize, bRowOff, bColOff, true);
            }
            for (int t = 0; t < count; t++) {
                zeroF64(ap, t * aSize, aRowOff, aColOff, mRows, mPad, 0, depth);
                zeroF64(bp, t * bSize, bRowOff, bColOff, 0, depth, nCols, nPad);
                Gemm.macroF64(kernels, mRows, nCols, depth, ap, t * aSize, bp, t * bSize, cr, t * cSize, nCols, tile);
            }
            scatterF64(cr, cSize, expandA, rows, cols, modes, s, count, out, outOff, accumulate);
        });
    }

    private static final class ScratchF64 {
        double[] a = new double[0], b = new double[0], c = new double[0], tile = new double[0];

        double[] tile(int n) {
            if (tile.length < n) tile = new double[n];
            return tile;
        }

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
     * into real matrices M in the GEMM's packed layout, {@code M(r, c)} of mode {@code m0 + t} at
     * {@code dst[t * size + rowOff[r] + colOff[c]]}: as the left factor ({@code right == false})
     * {@code [rows, 2 cols]} with columns (re, im) per complex column; as the right factor
     * {@code [2 rows, cols]} with rows (re, im). Storage rows are visited in order, and one storage
     * row (all its modes) is reused from L1 for every mode of the chunk.
     */
    private static void gatherF64(double[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m0, int count, double[] dst, int size, int[] rowOff, int[] colOff,
                                  boolean right) {
        double sign = conj ? -1 : 1;
        int storedRows = trans ? cols : rows, storedCols = trans ? rows : cols;
        // position of re (u + v) and im (u' + v') split into a storage-row part u and a storage-column part v
        int[] reU = new int[storedRows], imU = new int[storedRows], reV = new int[storedCols], imV = new int[storedCols];
        for (int i = 0; i < rows; i++) {
            for (int half = 0; half < 2; half++) {
                int rowPart = right ? rowOff[2 * i + half] : rowOff[i];
                int[] target = half == 0 ? (trans ? reV : reU) : (trans ? imV : imU);
                target[i] = rowPart;
            }
        }
        for (int j = 0; j < cols; j++) {
            for (int half = 0; half < 2; half++) {
                int colPart = right ? colOff[j] : colOff[2 * j + half];
                int[] target = half == 0 ? (trans ? reU : reV) : (trans ? imU : imV);
                target[j] = colPart;
            }
        }
        for (int sr = 0; sr < storedRows; sr++) {
            int rowStart = off + 2 * (sr * storedCols * modes + m0);
            for (int t = 0; t < count; t++) {
                int at = rowStart + 2 * t, re = t * size + reU[sr], im = t * size + imU[sr];
                for (int sc = 0; sc < storedCols; sc++, at += 2 * modes) {
                    dst[re + reV[sc]] = src[at];
                    dst[im + imV[sc]] = sign * src[at + 1];
                }
            }
        }
    }

    /**
     * Expands modes {@code [m0, m0 + count)} of the complex [rows, cols] operand {@code op(src)}
     * into real {@code [2 rows, 2 cols]} matrices of 2 x 2 blocks, {@code [[re, -im], [im, re]]}
     * as the left factor and {@code [[re, im], [-im, re]]} as the right factor, placed like the
     * gather's output.
     */
    private static void expandF64(double[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m0, int count, double[] dst, int size, int[] rowOff, int[] colOff,
                                  boolean right) {
        double sign = conj ? -1 : 1;
        double upper = right ? sign : -sign;
        // block (i, j) occupies rows 2i + {0, 1} and columns 2j + {0, 1}; split each position into
        // a storage-row part u0/u1 and a storage-column part v0/v1 (rows and columns swap roles
        // when the operand is stored transposed, which swaps the off-diagonal entries)
        int storedRows = trans ? cols : rows, storedCols = trans ? rows : cols;
        int[] u0 = new int[storedRows], u1 = new int[storedRows], v0 = new int[storedCols], v1 = new int[storedCols];
        for (int i = 0; i < rows; i++) {
            (trans ? v0 : u0)[i] = rowOff[2 * i];
            (trans ? v1 : u1)[i] = rowOff[2 * i + 1];
        }
        for (int j = 0; j < cols; j++) {
            (trans ? u0 : v0)[j] = colOff[2 * j];
            (trans ? u1 : v1)[j] = colOff[2 * j + 1];
        }
        double s01 = trans ? -upper : upper; // entry at u0 + v1: (top, right) or, transposed, (bottom, left)
        for (int sr = 0; sr < storedRows; sr++) {
            int rowStart = off + 2 * (sr * storedCols * modes + m0);
            for (int t = 0; t < count; t++) {
                int at = rowStart + 2 * t, a0 = t * size + u0[sr], a1 = t * size + u1[sr];
                for (int sc = 0; sc < storedCols; sc++, at += 2 * modes) {
                    double re = src[at], im = src[at + 1];
                    dst[a0 + v0[sc]] = re;
                    dst[a1 + v1[sc]] = re;
                    dst[a0 + v1[sc]] = s01 * im;
                    dst[a1 + v0[sc]] = -s01 * im;
                }
            }
        }
    }

    /** Zeroes {@code M(r, c)} for {@code r0 <= r < r1}, {@code c0 <= c < c1} (the panels' padding). */
    private static void zeroF64(double[] dst, int base, int[] rowOff, int[] colOff, int r0, int r1, int c0, int c1) {
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) dst[base + rowOff[r] + colOff[c]] = 0;
        }
    }

    /** Writes (or adds) the real products of modes {@code [m0, m0 + count)} into {@code out[p, q, m, re/im]}. */
    private static void scatterF64(double[] cr, int size, boolean expandA, int rows, int cols, int modes, int m0,
                                   int count, double[] out, int outOff, boolean accumulate) {
        int imStep = expandA ? cols : 1, dq = expandA ? 1 : 2;
        for (int p = 0; p < rows; p++) {
            int rowStart = outOff + 2 * (p * cols * modes + m0);
            for (int t = 0; t < count; t++) {
                int at = rowStart + 2 * t, from = t * size + 2 * p * cols;
                for (int q = 0; q < cols; q++, at += 2 * modes, from += dq) {
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
        final int mr = kernels.gemmRowsF32(), nr = kernels.gemmColsF32();
        final int mPad = roundUp(mRows, mr), nPad = roundUp(nCols, nr);
        // per-mode scratch strides padded off powers of two, so a chunk's panels do not alias in cache
        final int aSize = mPad * depth + 16, bSize = nPad * depth + 16, cSize = mRows * nCols + 16;
        final int[] aRowOff = panelRows(mPad, mr, depth), aColOff = multiples(depth, mr);
        final int[] bRowOff = multiples(depth, nr), bColOff = panelRows(nPad, nr, depth);
        Parallel.forRange(modes, modeChunk(modes, (long) mRows * nCols * depth), (s, e) -> {
            int count = e - s;
            ScratchF32 ws = SCRATCH_F32.get();
            float[] ap = ws.a(count * aSize), bp = ws.b(count * bSize), cr = ws.c(count * cSize);
            float[] tile = ws.tile(mr * nr);
            if (expandA) {
                expandF32(a, aOff, transA, conjA, rows, inner, modes, s, count, ap, aSize, aRowOff, aColOff, false);
                gatherF32(b, bOff, transB, conjB, inner, cols, modes, s, count, bp, bSize, bRowOff, bColOff, true);
            } else {
                gatherF32(a, aOff, transA, conjA, rows, inner, modes, s, count, ap, aSize, aRowOff, aColOff, false);
                expandF32(b, bOff, transB, conjB, inner, cols, modes, s, count, bp, bSize, bRowOff, bColOff, true);
            }
            for (int t = 0; t < count; t++) {
                zeroF32(ap, t * aSize, aRowOff, aColOff, mRows, mPad, 0, depth);
                zeroF32(bp, t * bSize, bRowOff, bColOff, 0, depth, nCols, nPad);
                Gemm.macroF32(kernels, mRows, nCols, depth, ap, t * aSize, bp, t * bSize, cr, t * cSize, nCols, tile);
            }
            scatterF32(cr, cSize, expandA, rows, cols, modes, s, count, out, outOff, accumulate);
        });
    }

    private static final class ScratchF32 {
        float[] a = new float[0], b = new float[0], c = new float[0], tile = new float[0];

        float[] tile(int n) {
            if (tile.length < n) tile = new float[n];
            return tile;
        }

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
     * into real matrices M in the GEMM's packed layout, {@code M(r, c)} of mode {@code m0 + t} at
     * {@code dst[t * size + rowOff[r] + colOff[c]]}: as the left factor ({@code right == false})
     * {@code [rows, 2 cols]} with columns (re, im) per complex column; as the right factor
     * {@code [2 rows, cols]} with rows (re, im). Storage rows are visited in order, and one storage
     * row (all its modes) is reused from L1 for every mode of the chunk.
     */
    private static void gatherF32(float[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m0, int count, float[] dst, int size, int[] rowOff, int[] colOff,
                                  boolean right) {
        float sign = conj ? -1 : 1;
        int storedRows = trans ? cols : rows, storedCols = trans ? rows : cols;
        // position of re (u + v) and im (u' + v') split into a storage-row part u and a storage-column part v
        int[] reU = new int[storedRows], imU = new int[storedRows], reV = new int[storedCols], imV = new int[storedCols];
        for (int i = 0; i < rows; i++) {
            for (int half = 0; half < 2; half++) {
                int rowPart = right ? rowOff[2 * i + half] : rowOff[i];
                int[] target = half == 0 ? (trans ? reV : reU) : (trans ? imV : imU);
                target[i] = rowPart;
            }
        }
        for (int j = 0; j < cols; j++) {
            for (int half = 0; half < 2; half++) {
                int colPart = right ? colOff[j] : colOff[2 * j + half];
                int[] target = half == 0 ? (trans ? reU : reV) : (trans ? imU : imV);
                target[j] = colPart;
            }
        }
        for (int sr = 0; sr < storedRows; sr++) {
            int rowStart = off + 2 * (sr * storedCols * modes + m0);
            for (int t = 0; t < count; t++) {
                int at = rowStart + 2 * t, re = t * size + reU[sr], im = t * size + imU[sr];
                for (int sc = 0; sc < storedCols; sc++, at += 2 * modes) {
                    dst[re + reV[sc]] = src[at];
                    dst[im + imV[sc]] = sign * src[at + 1];
                }
            }
        }
    }

    /**
     * Expands modes {@code [m0, m0 + count)} of the complex [rows, cols] operand {@code op(src)}
     * into real {@code [2 rows, 2 cols]} matrices of 2 x 2 blocks, {@code [[re, -im], [im, re]]}
     * as the left factor and {@code [[re, im], [-im, re]]} as the right factor, placed like the
     * gather's output.
     */
    private static void expandF32(float[] src, int off, boolean trans, boolean conj, int rows, int cols,
                                  int modes, int m0, int count, float[] dst, int size, int[] rowOff, int[] colOff,
                                  boolean right) {
        float sign = conj ? -1 : 1;
        float upper = right ? sign : -sign;
        // block (i, j) occupies rows 2i + {0, 1} and columns 2j + {0, 1}; split each position into
        // a storage-row part u0/u1 and a storage-column part v0/v1 (rows and columns swap roles
        // when the operand is stored transposed, which swaps the off-diagonal entries)
        int storedRows = trans ? cols : rows, storedCols = trans ? rows : cols;
        int[] u0 = new int[storedRows], u1 = new int[storedRows], v0 = new int[storedCols], v1 = new int[storedCols];
        for (int i = 0; i < rows; i++) {
            (trans ? v0 : u0)[i] = rowOff[2 * i];
            (trans ? v1 : u1)[i] = rowOff[2 * i + 1];
        }
        for (int j = 0; j < cols; j++) {
            (trans ? u0 : v0)[j] = colOff[2 * j];
            (trans ? u1 : v1)[j] = colOff[2 * j + 1];
        }
        float s01 = trans ? -upper : upper; // entry at u0 + v1: (top, right) or, transposed, (bottom, left)
        for (int sr = 0; sr < storedRows; sr++) {
            int rowStart = off + 2 * (sr * storedCols * modes + m0);
            for (int t = 0; t < count; t++) {
                int at = rowStart + 2 * t, a0 = t * size + u0[sr], a1 = t * size + u1[sr];
                for (int sc = 0; sc < storedCols; sc++, at += 2 * modes) {
                    float re = src[at], im = src[at + 1];
                    dst[a0 + v0[sc]] = re;
                    dst[a1 + v1[sc]] = re;
                    dst[a0 + v1[sc]] = s01 * im;
                    dst[a1 + v0[sc]] = -s01 * im;
                }
            }
        }
    }

    /** Zeroes {@code M(r, c)} for {@code r0 <= r < r1}, {@code c0 <= c < c1} (the panels' padding). */
    private static void zeroF32(float[] dst, int base, int[] rowOff, int[] colOff, int r0, int r1, int c0, int c1) {
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) dst[base + rowOff[r] + colOff[c]] = 0;
        }
    }

    /** Writes (or adds) the real products of modes {@code [m0, m0 + count)} into {@code out[p, q, m, re/im]}. */
    private static void scatterF32(float[] cr, int size, boolean expandA, int rows, int cols, int modes, int m0,
                                   int count, float[] out, int outOff, boolean accumulate) {
        int imStep = expandA ? cols : 1, dq = expandA ? 1 : 2;
        for (int p = 0; p < rows; p++) {
            int rowStart = outOff + 2 * (p * cols * modes + m0);
            for (int t = 0; t < count; t++) {
                int at = rowStart + 2 * t, from = t * size + 2 * p * cols;
                for (int q = 0; q < cols; q++, at += 2 * modes, from += dq) {
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

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** {@code i * step} for {@code i < n}. */
    private static int[] multiples(int n, int step) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i * step;
        return o;
    }

    /**
     * Offsets of the rows (or columns) of a matrix packed in panels of {@code width} rows (or
     * columns) of depth {@code depth}: index {@code r} lies in panel {@code r / width} (of
     * {@code width * depth} elements) at position {@code r % width}.
     */
    private static int[] panelRows(int n, int width, int depth) {
        int[] o = new int[n];
        for (int r = 0; r < n; r++) o[r] = (r / width) * width * depth + r % width;
        return o;
    }

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
