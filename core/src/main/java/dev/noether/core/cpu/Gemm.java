package dev.noether.core.cpu;

/**
 * General matrix multiply on raw row-major arrays, BLAS-style:
 * {@code C = alpha * op(A) * op(B) + beta * C}, with {@code op(A)} of shape {@code m x k},
 * {@code op(B)} of shape {@code k x n} and {@code C} of shape {@code m x n}; {@code dgemm} in f64,
 * {@code sgemm} in f32.
 *
 * <p>Layout. Element {@code (i, j)} of a row-major matrix with leading dimension {@code ld} at
 * offset {@code off} is {@code x[off + i * ld + j]}; with {@code transA} the array holds
 * {@code A^T} ({@code k x m}), so {@code A(i, p) = a[aOff + p * lda + i]}; likewise
 * {@code transB}. The leading dimension must be at least the stored row length. The
 * {@code Strided} variants take any non-negative (row, column) strides for A and B, and positive
 * strides for C that keep its elements distinct. When {@code beta == 0}, C is not read (it may
 * hold NaN). C must not overlap A or B.
 *
 * <p>Algorithm (Goto/BLIS-style packing, loop order for row-major C). The k dimension is cut
 * into {@code ceil(k / KC)} blocks of equal size (at most {@code KC}), n into superblocks of
 * {@code NB} columns. For each (superblock, k-block) step, the B block ({@code KC x NB}) is packed
 * once, shared by all threads, into {@code NR}-column micro-panels; each work unit packs its rows
 * of A ({@code MB} at a time) into {@code MR}-row micro-panels (both zero-padded). Then for every
 * {@code NC} columns ({@code KC x NC} of packed B stays in a core's L2) each A micro-panel
 * ({@code MR x KC}, in L1) sweeps the B micro-panels with the kernel's register-blocked
 * {@code MR x NR} micro-kernel ({@link VectorKernels#gemmMicroF64}), forming
 * {@code C = alpha * A_panel B_panel + beta' * C} tile by tile along a row strip of C (so the
 * hardware prefetcher streams C), with {@code beta' = beta} for the first k-block and 1 after.
 *
 * <p>Threads and determinism. The work units of a step are row chunks of C (and column chunks
 * when m is short) chosen from the shape, or {@code MB}-row blocks in a serial run (one thread, a
 * call nested in a parallel loop, or fewer than {@link #PARALLEL_GEMM_WORK} multiply-adds);
 * {@link Parallel#forRange} runs them concurrently. Units only decide who computes which tiles:
 * the tile grid (multiples of MR and NR from the origin), the k-blocks (fixed by k alone, applied
 * in order) and the micro-kernel are the same, and the k dimension is never divided among
 * threads, so every element of C sees the same operations in the same order: results are bitwise
 * identical for 1, 2 or 64 threads.
 *
 * <p>Small problems ({@code m <= 2}, {@code n == 1}, or {@code m * n * k <= SMALL_WORK}) skip
 * packing (a 6-row micro-tile would be mostly padding): dot products ({@link VectorKernels#dot})
 * or row updates ({@link VectorKernels#axpy}), parallel over rows (over column ranges when
 * {@code m == 1}).
 *
 * <p>Packing buffers are per-thread and reused, so a steady-state call allocates nothing but
 * a few small objects. The micro-kernel comes from {@link Kernels#get()} unless a
 * {@link VectorKernels} is passed explicitly.
 */
public final class Gemm {
    /** Largest depth (k) of a packed f64 block; k is cut into equal blocks of at most this. */
    public static final int KC_F64 = 256;
    /** Columns of the f64 B block one A micro-panel sweeps (a multiple of NR): KC x NC fits in L2. */
    public static final int NC_F64 = 144;
    /** Columns of a packed f64 B superblock (a multiple of NC_F64), packed once per k-block and shared. */
    public static final int NB_F64 = 1152;
    /** Rows of A a work unit packs at a time (a multiple of MR), once per (B superblock, k-block). */
    public static final int MB_F64 = 480;
    /** Largest depth (k) of a packed f32 block. */
    public static final int KC_F32 = 256;
    /** Columns of the f32 B block one A micro-panel sweeps (a multiple of NR). */
    public static final int NC_F32 = 288;
    /** Columns of a packed f32 B superblock (a multiple of NC_F32). */
    public static final int NB_F32 = 2304;
    /** Rows of a packed f32 A superblock (a multiple of MR). */
    public static final int MB_F32 = 480;
    /** Problems with at most this many multiply-adds ({@code m * n * k}) are not packed (packing wins from 8 x 8 x 8 on). */
    public static final long SMALL_WORK = 8L * 8 * 8;
    /** Work units the packed path aims for when parallel (row chunks of m, then column chunks). */
    public static final int MIN_UNITS = 8;
    /**
     * Multiply-adds ({@code m * n * k}) below which a packed GEMM runs on the calling thread alone
     * (waking the pool costs more than it saves: measured at 128 x 128 x 128 on 2 cores).
     */
    public static final long PARALLEL_GEMM_WORK = 1L << 22;
    /** Multiply-adds below which a loop is not worth handing to other threads. */
    public static final long PARALLEL_MIN_WORK = 1L << 15;

    private Gemm() {}

    // <f64>

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} in f64 with the kernels in use; see the class
     * comment for the layout.
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        dgemm(Kernels.get(), transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** {@link #dgemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int, double, double[], int, int)} with the given kernels. */
    public static void dgemm(VectorKernels kernels, boolean transA, boolean transB, int m, int n, int k,
                             double alpha, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        checkLeadingDims("dgemm", transA, transB, m, n, k, lda, ldb, ldc);
        dgemmStrided(kernels, m, n, k, alpha, a, aOff, transA ? 1 : lda, transA ? lda : 1,
                b, bOff, transB ? 1 : ldb, transB ? ldb : 1, beta, c, cOff, ldc, 1);
    }

    /**
     * {@code C = alpha * A * B + beta * C} in f64 for strided operands:
     * {@code A(i, p) = a[aOff + i * aRowStride + p * aColStride]}, likewise B and C.
     */
    public static void dgemmStrided(int m, int n, int k, double alpha,
                                    double[] a, int aOff, int aRowStride, int aColStride,
                                    double[] b, int bOff, int bRowStride, int bColStride, double beta,
                                    double[] c, int cOff, int cRowStride, int cColStride) {
        dgemmStrided(Kernels.get(), m, n, k, alpha, a, aOff, aRowStride, aColStride,
                b, bOff, bRowStride, bColStride, beta, c, cOff, cRowStride, cColStride);
    }

    /** {@link #dgemmStrided(int, int, int, double, double[], int, int, int, double[], int, int, int, double, double[], int, int, int)} with the given kernels. */
    public static void dgemmStrided(VectorKernels kernels, int m, int n, int k, double alpha,
                                    double[] a, int aOff, int aRowStride, int aColStride,
                                    double[] b, int bOff, int bRowStride, int bColStride, double beta,
                                    double[] c, int cOff, int cRowStride, int cColStride) {
        checkOperands("dgemm", m, n, k, a.length, aOff, aRowStride, aColStride,
                b.length, bOff, bRowStride, bColStride, c.length, cOff, cRowStride, cColStride);
        gemmF64(kernels, m, n, k, alpha, a, aOff, aRowStride, aColStride,
                b, bOff, bRowStride, bColStride, beta, c, cOff, cRowStride, cColStride);
    }

    /**
     * {@code batch} independent f64 products: problem {@code t} uses the operands at offsets
     * {@code aOff + t * strideA}, {@code bOff + t * strideB}, {@code cOff + t * strideC}
     * (a zero {@code strideA} or {@code strideB} broadcasts that operand). Runs problems
     * concurrently when there are many or they are small, otherwise one after the other with
     * each one parallel inside; the results are the same either way.
     */
    public static void dgemmBatched(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                    double[] a, int aOff, int lda, int strideA,
                                    double[] b, int bOff, int ldb, int strideB, double beta,
                                    double[] c, int cOff, int ldc, int strideC, int batch) {
        dgemmBatched(Kernels.get(), transA, transB, m, n, k, alpha, a, aOff, lda, strideA,
                b, bOff, ldb, strideB, beta, c, cOff, ldc, strideC, batch);
    }

    /** {@link #dgemmBatched(boolean, boolean, int, int, int, double, double[], int, int, int, double[], int, int, int, double, double[], int, int, int, int)} with the given kernels. */
    public static void dgemmBatched(VectorKernels kernels, boolean transA, boolean transB,
                                    int m, int n, int k, double alpha,
                                    double[] a, int aOff, int lda, int strideA,
                                    double[] b, int bOff, int ldb, int strideB, double beta,
                                    double[] c, int cOff, int ldc, int strideC, int batch) {
        checkLeadingDims("dgemmBatched", transA, transB, m, n, k, lda, ldb, ldc);
        int aRs = transA ? 1 : lda, aCs = transA ? lda : 1;
        int bRs = transB ? 1 : ldb, bCs = transB ? ldb : 1;
        checkBatch("dgemmBatched", m, n, k, batch, a.length, aOff, aRs, aCs, strideA,
                b.length, bOff, bRs, bCs, strideB, c.length, cOff, ldc, strideC);
        if (batch == 0) return;
        Parallel.RangeBody body = (s, e) -> {
            for (int t = s; t < e; t++) {
                gemmF64(kernels, m, n, k, alpha, a, aOff + t * strideA, aRs, aCs,
                        b, bOff + t * strideB, bRs, bCs, beta, c, cOff + t * strideC, ldc, 1);
            }
        };
        long work = Math.max(1, (long) m * n * k);
        if (batchInParallel(batch, work)) {
            Parallel.forRange(batch, work, PARALLEL_MIN_WORK, body);
        } else {
            body.run(0, batch);
        }
    }

    private static final class WorkspaceF64 {
        double[] packA = new double[0];
        double[] packB = new double[0];
        double[] tile = new double[0];

        double[] packA(int size) {
            if (packA.length < size) packA = new double[size];
            return packA;
        }

        double[] packB(int size) {
            if (packB.length < size) packB = new double[size];
            return packB;
        }

        double[] tile(int size) {
            if (tile.length < size) tile = new double[size];
            return tile;
        }
    }

    private static final ThreadLocal<WorkspaceF64> WORKSPACE_F64 = ThreadLocal.withInitial(WorkspaceF64::new);

    /** The unchecked driver: validation has been done by the caller. */
    static void gemmF64(VectorKernels kern, int m, int n, int k, double alpha,
                        double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                        double beta, double[] c, int cOff, int cRs, int cCs) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {
            scaleF64(m, n, beta, c, cOff, cRs, cCs);
        } else if (m <= 2 || n == 1 || (long) m * n * k <= SMALL_WORK) {
            directF64(kern, m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, beta, c, cOff, cRs, cCs);
        } else {
            packedF64(kern, m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, beta, c, cOff, cRs, cCs);
        }
    }

    /** {@code C = beta * C} ({@code C = 0} when {@code beta == 0}, ignoring NaN in C). */
    private static void scaleF64(int m, int n, double beta, double[] c, int cOff, int cRs, int cCs) {
        if (beta == 1) return;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int idx = cOff + i * cRs + j * cCs;
                c[idx] = beta == 0 ? 0 : beta * c[idx];
            }
        }
    }

    private static void directF64(VectorKernels kern, int m, int n, int k, double alpha,
                                  double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                                  double beta, double[] c, int cOff, int cRs, int cCs) {
        if (aCs == 1 && bRs == 1) {
            // every entry a contiguous dot product
            Parallel.forRange(m * n, k, PARALLEL_MIN_WORK, (s, e) -> {
                for (int ij = s; ij < e; ij++) {
                    int i = ij / n, j = ij % n;
                    int idx = cOff + i * cRs + j * cCs;
                    double v = alpha * kern.dot(a, aOff + i * aRs, b, bOff + j * bCs, k);
                    c[idx] = beta == 0 ? v : v + beta * c[idx];
                }
            });
        } else if (n == 1 && aRs == 1 && cRs == 1) {
            // C's column as a sum of scaled columns of A
            Parallel.forRange(m, k, PARALLEL_MIN_WORK, (s, e) -> {
                for (int i = s; i < e; i++) c[cOff + i] = beta == 0 ? 0 : beta * c[cOff + i];
                for (int p = 0; p < k; p++) {
                    kern.axpy(e - s, alpha * b[bOff + p * bRs], a, aOff + s + p * aCs, c, cOff + s);
                }
            });
        } else if (n > 1 && bCs == 1 && cCs == 1) {
            // rows of C as sums of scaled rows of B; a single row is split by columns
            if (m == 1) {
                Parallel.forRange(n, k, PARALLEL_MIN_WORK, (s, e) -> directRowF64(kern, 0, s, e, k,
                        alpha, a, aOff, aRs, aCs, b, bOff, bRs, beta, c, cOff, cRs));
            } else {
                Parallel.forRange(m, (long) n * k, PARALLEL_MIN_WORK, (s, e) -> {
                    for (int i = s; i < e; i++) directRowF64(kern, i, 0, n, k, alpha, a, aOff, aRs, aCs,
                            b, bOff, bRs, beta, c, cOff, cRs);
                });
            }
        } else {
            Parallel.forRange(m * n, k, PARALLEL_MIN_WORK, (s, e) -> {
                for (int ij = s; ij < e; ij++) {
                    int i = ij / n, j = ij % n;
                    double acc = 0;
                    int ai = aOff + i * aRs, bj = bOff + j * bCs;
                    for (int p = 0; p < k; p++) acc += a[ai + p * aCs] * b[bj + p * bRs];
                    int idx = cOff + i * cRs + j * cCs;
                    double v = alpha * acc;
                    c[idx] = beta == 0 ? v : v + beta * c[idx];
                }
            });
        }
    }

    /** Columns {@code [j0, j1)} of row {@code i} of C as a sum of scaled rows of B. */
    private static void directRowF64(VectorKernels kern, int i, int j0, int j1, int k, double alpha,
                                     double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs,
                                     double beta, double[] c, int cOff, int cRs) {
        int ci = cOff + i * cRs;
        for (int j = j0; j < j1; j++) c[ci + j] = beta == 0 ? 0 : beta * c[ci + j];
        for (int p = 0; p < k; p++) {
            kern.axpy(j1 - j0, alpha * a[aOff + i * aRs + p * aCs], b, bOff + p * bRs + j0, c, ci + j0);
        }
    }

    private static void packedF64(VectorKernels kern, int m, int n, int k, double alpha,
                                  double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                                  double beta, double[] c, int cOff, int cRs, int cCs) {
        final int mr = kern.gemmRowsF64(), nr = kern.gemmColsF64();
        final int kBlocks = (k + KC_F64 - 1) / KC_F64;
        final int kcMax = (k + kBlocks - 1) / kBlocks;
        final int nc = Math.max(nr, NC_F64 / nr * nr);
        final int nb = Math.min(Math.max(nc, NB_F64 / nc * nc), roundUp(n, nr));
        final int mb = Math.max(mr, MB_F64 / mr * mr);
        final boolean serial = Parallel.availableThreads() == 1 || (long) m * n * k < PARALLEL_GEMM_WORK;
        final double[] packB = WORKSPACE_F64.get().packB(nb * kcMax);
        for (int jb = 0; jb < n; jb += nb) {
            final int nbCur = Math.min(nb, n - jb);
            final int nPanels = (nbCur + nr - 1) / nr;
            final int[] grid = unitGrid(m, nbCur, mr, nr, mb, serial);
            final int rowChunk = grid[0], colChunk = grid[1];
            final int colUnits = (nbCur + colChunk - 1) / colChunk;
            final int unitCount = ((m + rowChunk - 1) / rowChunk) * colUnits;
            for (int pc = 0; pc < k; pc += kcMax) {
                final int kc = Math.min(kcMax, k - pc);
                final double betaBlock = pc == 0 ? beta : 1;
                final int bBase = bOff + pc * bRs + jb * bCs, aBase = aOff + pc * aCs, cBase = cOff + jb * cCs;
                Parallel.RangeBody packing = (s, e) -> {
                    for (int jp = s; jp < e; jp++) {
                        packPanelBF64(b, bBase + jp * nr * bCs, bRs, bCs, kc, Math.min(nr, nbCur - jp * nr), nr,
                                packB, jp * nr * kc);
                    }
                };
                Parallel.RangeBody units = (s, e) -> {
                    WorkspaceF64 ws = WORKSPACE_F64.get();
                    double[] packA = ws.packA(Math.min(mb, roundUp(rowChunk, mr)) * kc);
                    double[] tile = ws.tile(mr * nr);
                    for (int u = s; u < e; u++) {
                        int r0 = (u / colUnits) * rowChunk, r1 = Math.min(m, r0 + rowChunk);
                        int c0 = (u % colUnits) * colChunk, c1 = Math.min(nbCur, c0 + colChunk);
                        for (int ib = r0; ib < r1; ib += mb) {
                            int mbCur = Math.min(mb, r1 - ib);
                            for (int ip = 0; ip * mr < mbCur; ip++) {
                                packPanelAF64(a, aBase + (ib + ip * mr) * aRs, aRs, aCs, kc,
                                        Math.min(mr, mbCur - ip * mr), mr, packA, ip * mr * kc);
                            }
                            for (int jc = c0; jc < c1; jc += nc) {
                                int jp0 = jc / nr, jp1 = (Math.min(c1, jc + nc) + nr - 1) / nr;
                                for (int ip = 0; ip * mr < mbCur; ip++) {
                                    int rows = Math.min(mr, mbCur - ip * mr);
                                    int cRow = cBase + (ib + ip * mr) * cRs;
                                    for (int jp = jp0; jp < jp1; jp++) {
                                        kern.gemmMicroF64(kc, packA, ip * mr * kc, packB, jp * nr * kc, alpha, betaBlock,
                                                c, cRow + jp * nr * cCs, cRs, cCs, rows, Math.min(nr, nbCur - jp * nr), tile);
                                    }
                                }
                            }
                        }
                    }
                };
                if (serial) {
                    packing.run(0, nPanels);
                    units.run(0, unitCount);
                } else {
                    Parallel.forRange(nPanels, (long) kc * nr, PARALLEL_MIN_WORK, packing);
                    Parallel.forRange(unitCount, 1, units);
                }
            }
        }
    }

    /**
     * {@code C = A B} (C overwritten, unit column stride) for operands already in the packed
     * micro-panel layout of {@code kern} (A: {@code ceil(m / MR)} panels of {@code MR x k}, B:
     * {@code ceil(n / NR)} panels of {@code k x NR}, zero-padded), as one k-block, on the calling
     * thread. {@code tile} is scratch of MR * NR elements.
     */
    static void macroF64(VectorKernels kern, int m, int n, int k, double[] packA, int aOff, double[] packB, int bOff,
                         double[] c, int cOff, int cRs, double[] tile) {
        int mr = kern.gemmRowsF64(), nr = kern.gemmColsF64();
        for (int ip = 0; ip * mr < m; ip++) {
            int rows = Math.min(mr, m - ip * mr);
            for (int jp = 0; jp * nr < n; jp++) {
                kern.gemmMicroF64(k, packA, aOff + ip * mr * k, packB, bOff + jp * nr * k, 1, 0,
                        c, cOff + ip * mr * cRs + jp * nr, cRs, 1, rows, Math.min(nr, n - jp * nr), tile);
            }
        }
    }

    /** Packs {@code rows <= mr} rows of A (k-slice of length kc) as kc groups of mr values. */
    private static void packPanelAF64(double[] a, int src, int aRs, int aCs, int kc, int rows, int mr,
                                      double[] dst, int d) {
        if (aRs == 1 && rows == mr) {
            for (int p = 0; p < kc; p++) System.arraycopy(a, src + p * aCs, dst, d + p * mr, mr);
            return;
        }
        if (mr == 6 && rows == 6 && aCs == 1) {
            // the common full panel, unrolled: six sequential row streams, dst written in order
            int r0 = src, r1 = r0 + aRs, r2 = r1 + aRs, r3 = r2 + aRs, r4 = r3 + aRs, r5 = r4 + aRs;
            int dp = d;
            for (int p = 0; p < kc; p++, dp += 6) {
                dst[dp] = a[r0 + p]; dst[dp + 1] = a[r1 + p]; dst[dp + 2] = a[r2 + p];
                dst[dp + 3] = a[r3 + p]; dst[dp + 4] = a[r4 + p]; dst[dp + 5] = a[r5 + p];
            }
            return;
        }
        // p outer: the rows are read as parallel sequential streams, dst is written in order
        for (int p = 0; p < kc; p++) {
            int s = src + p * aCs, dp = d + p * mr;
            for (int i = 0; i < rows; i++) dst[dp + i] = a[s + i * aRs];
            for (int i = rows; i < mr; i++) dst[dp + i] = 0;
        }
    }

    /** Packs {@code cols <= nr} columns of B (k-slice of length kc) as kc groups of nr values. */
    private static void packPanelBF64(double[] b, int src, int bRs, int bCs, int kc, int cols, int nr,
                                      double[] dst, int d) {
        if (bCs == 1) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, src + p * bRs, dst, d + p * nr, cols);
                for (int j = cols; j < nr; j++) dst[d + p * nr + j] = 0;
            }
            return;
        }
        for (int j = 0; j < cols; j++) {
            int s = src + j * bCs;
            for (int p = 0; p < kc; p++) dst[d + p * nr + j] = b[s + p * bRs];
        }
        for (int j = cols; j < nr; j++) {
            for (int p = 0; p < kc; p++) dst[d + p * nr + j] = 0;
        }
    }

    // </f64>

    // <f32> generated from the f64 section by SinglePrecisionSources (test sources); do not edit

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} in f32 with the kernels in use; see the class
     * comment for the layout.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        sgemm(Kernels.get(), transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)} with the given kernels. */
    public static void sgemm(VectorKernels kernels, boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        checkLeadingDims("sgemm", transA, transB, m, n, k, lda, ldb, ldc);
        sgemmStrided(kernels, m, n, k, alpha, a, aOff, transA ? 1 : lda, transA ? lda : 1,
                b, bOff, transB ? 1 : ldb, transB ? ldb : 1, beta, c, cOff, ldc, 1);
    }

    /**
     * {@code C = alpha * A * B + beta * C} in f32 for strided operands:
     * {@code A(i, p) = a[aOff + i * aRowStride + p * aColStride]}, likewise B and C.
     */
    public static void sgemmStrided(int m, int n, int k, float alpha,
                                    float[] a, int aOff, int aRowStride, int aColStride,
                                    float[] b, int bOff, int bRowStride, int bColStride, float beta,
                                    float[] c, int cOff, int cRowStride, int cColStride) {
        sgemmStrided(Kernels.get(), m, n, k, alpha, a, aOff, aRowStride, aColStride,
                b, bOff, bRowStride, bColStride, beta, c, cOff, cRowStride, cColStride);
    }

    /** {@link #sgemmStrided(int, int, int, float, float[], int, int, int, float[], int, int, int, float, float[], int, int, int)} with the given kernels. */
    public static void sgemmStrided(VectorKernels kernels, int m, int n, int k, float alpha,
                                    float[] a, int aOff, int aRowStride, int aColStride,
                                    float[] b, int bOff, int bRowStride, int bColStride, float beta,
                                    float[] c, int cOff, int cRowStride, int cColStride) {
        checkOperands("sgemm", m, n, k, a.length, aOff, aRowStride, aColStride,
                b.length, bOff, bRowStride, bColStride, c.length, cOff, cRowStride, cColStride);
        gemmF32(kernels, m, n, k, alpha, a, aOff, aRowStride, aColStride,
                b, bOff, bRowStride, bColStride, beta, c, cOff, cRowStride, cColStride);
    }

    /**
     * {@code batch} independent f32 products: problem {@code t} uses the operands at offsets
     * {@code aOff + t * strideA}, {@code bOff + t * strideB}, {@code cOff + t * strideC}
     * (a zero {@code strideA} or {@code strideB} broadcasts that operand). Runs problems
     * concurrently when there are many or they are small, otherwise one after the other with
     * each one parallel inside; the results are the same either way.
     */
    public static void sgemmBatched(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                    float[] a, int aOff, int lda, int strideA,
                                    float[] b, int bOff, int ldb, int strideB, float beta,
                                    float[] c, int cOff, int ldc, int strideC, int batch) {
        sgemmBatched(Kernels.get(), transA, transB, m, n, k, alpha, a, aOff, lda, strideA,
                b, bOff, ldb, strideB, beta, c, cOff, ldc, strideC, batch);
    }

    /** {@link #sgemmBatched(boolean, boolean, int, int, int, float, float[], int, int, int, float[], int, int, int, float, float[], int, int, int, int)} with the given kernels. */
    public static void sgemmBatched(VectorKernels kernels, boolean transA, boolean transB,
                                    int m, int n, int k, float alpha,
                                    float[] a, int aOff, int lda, int strideA,
                                    float[] b, int bOff, int ldb, int strideB, float beta,
                                    float[] c, int cOff, int ldc, int strideC, int batch) {
        checkLeadingDims("sgemmBatched", transA, transB, m, n, k, lda, ldb, ldc);
        int aRs = transA ? 1 : lda, aCs = transA ? lda : 1;
        int bRs = transB ? 1 : ldb, bCs = transB ? ldb : 1;
        checkBatch("sgemmBatched", m, n, k, batch, a.length, aOff, aRs, aCs, strideA,
                b.length, bOff, bRs, bCs, strideB, c.length, cOff, ldc, strideC);
        if (batch == 0) return;
        Parallel.RangeBody body = (s, e) -> {
            for (int t = s; t < e; t++) {
                gemmF32(kernels, m, n, k, alpha, a, aOff + t * strideA, aRs, aCs,
                        b, bOff + t * strideB, bRs, bCs, beta, c, cOff + t * strideC, ldc, 1);
            }
        };
        long work = Math.max(1, (long) m * n * k);
        if (batchInParallel(batch, work)) {
            Parallel.forRange(batch, work, PARALLEL_MIN_WORK, body);
        } else {
            body.run(0, batch);
        }
    }

    private static final class WorkspaceF32 {
        float[] packA = new float[0];
        float[] packB = new float[0];
        float[] tile = new float[0];

        float[] packA(int size) {
            if (packA.length < size) packA = new float[size];
            return packA;
        }

        float[] packB(int size) {
            if (packB.length < size) packB = new float[size];
            return packB;
        }

        float[] tile(int size) {
            if (tile.length < size) tile = new float[size];
            return tile;
        }
    }

    private static final ThreadLocal<WorkspaceF32> WORKSPACE_F32 = ThreadLocal.withInitial(WorkspaceF32::new);

    /** The unchecked driver: validation has been done by the caller. */
    static void gemmF32(VectorKernels kern, int m, int n, int k, float alpha,
                        float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                        float beta, float[] c, int cOff, int cRs, int cCs) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {
            scaleF32(m, n, beta, c, cOff, cRs, cCs);
        } else if (m <= 2 || n == 1 || (long) m * n * k <= SMALL_WORK) {
            directF32(kern, m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, beta, c, cOff, cRs, cCs);
        } else {
            packedF32(kern, m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, beta, c, cOff, cRs, cCs);
        }
    }

    /** {@code C = beta * C} ({@code C = 0} when {@code beta == 0}, ignoring NaN in C). */
    private static void scaleF32(int m, int n, float beta, float[] c, int cOff, int cRs, int cCs) {
        if (beta == 1) return;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int idx = cOff + i * cRs + j * cCs;
                c[idx] = beta == 0 ? 0 : beta * c[idx];
            }
        }
    }

    private static void directF32(VectorKernels kern, int m, int n, int k, float alpha,
                                  float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                                  float beta, float[] c, int cOff, int cRs, int cCs) {
        if (aCs == 1 && bRs == 1) {
            // every entry a contiguous dot product
            Parallel.forRange(m * n, k, PARALLEL_MIN_WORK, (s, e) -> {
                for (int ij = s; ij < e; ij++) {
                    int i = ij / n, j = ij % n;
                    int idx = cOff + i * cRs + j * cCs;
                    float v = alpha * kern.dot(a, aOff + i * aRs, b, bOff + j * bCs, k);
                    c[idx] = beta == 0 ? v : v + beta * c[idx];
                }
            });
        } else if (n == 1 && aRs == 1 && cRs == 1) {
            // C's column as a sum of scaled columns of A
            Parallel.forRange(m, k, PARALLEL_MIN_WORK, (s, e) -> {
                for (int i = s; i < e; i++) c[cOff + i] = beta == 0 ? 0 : beta * c[cOff + i];
                for (int p = 0; p < k; p++) {
                    kern.axpy(e - s, alpha * b[bOff + p * bRs], a, aOff + s + p * aCs, c, cOff + s);
                }
            });
        } else if (n > 1 && bCs == 1 && cCs == 1) {
            // rows of C as sums of scaled rows of B; a single row is split by columns
            if (m == 1) {
                Parallel.forRange(n, k, PARALLEL_MIN_WORK, (s, e) -> directRowF32(kern, 0, s, e, k,
                        alpha, a, aOff, aRs, aCs, b, bOff, bRs, beta, c, cOff, cRs));
            } else {
                Parallel.forRange(m, (long) n * k, PARALLEL_MIN_WORK, (s, e) -> {
                    for (int i = s; i < e; i++) directRowF32(kern, i, 0, n, k, alpha, a, aOff, aRs, aCs,
                            b, bOff, bRs, beta, c, cOff, cRs);
                });
            }
        } else {
            Parallel.forRange(m * n, k, PARALLEL_MIN_WORK, (s, e) -> {
                for (int ij = s; ij < e; ij++) {
                    int i = ij / n, j = ij % n;
                    float acc = 0;
                    int ai = aOff + i * aRs, bj = bOff + j * bCs;
                    for (int p = 0; p < k; p++) acc += a[ai + p * aCs] * b[bj + p * bRs];
                    int idx = cOff + i * cRs + j * cCs;
                    float v = alpha * acc;
                    c[idx] = beta == 0 ? v : v + beta * c[idx];
                }
            });
        }
    }

    /** Columns {@code [j0, j1)} of row {@code i} of C as a sum of scaled rows of B. */
    private static void directRowF32(VectorKernels kern, int i, int j0, int j1, int k, float alpha,
                                     float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs,
                                     float beta, float[] c, int cOff, int cRs) {
        int ci = cOff + i * cRs;
        for (int j = j0; j < j1; j++) c[ci + j] = beta == 0 ? 0 : beta * c[ci + j];
        for (int p = 0; p < k; p++) {
            kern.axpy(j1 - j0, alpha * a[aOff + i * aRs + p * aCs], b, bOff + p * bRs + j0, c, ci + j0);
        }
    }

    private static void packedF32(VectorKernels kern, int m, int n, int k, float alpha,
                                  float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                                  float beta, float[] c, int cOff, int cRs, int cCs) {
        final int mr = kern.gemmRowsF32(), nr = kern.gemmColsF32();
        final int kBlocks = (k + KC_F32 - 1) / KC_F32;
        final int kcMax = (k + kBlocks - 1) / kBlocks;
        final int nc = Math.max(nr, NC_F32 / nr * nr);
        final int nb = Math.min(Math.max(nc, NB_F32 / nc * nc), roundUp(n, nr));
        final int mb = Math.max(mr, MB_F32 / mr * mr);
        final boolean serial = Parallel.availableThreads() == 1 || (long) m * n * k < PARALLEL_GEMM_WORK;
        final float[] packB = WORKSPACE_F32.get().packB(nb * kcMax);
        for (int jb = 0; jb < n; jb += nb) {
            final int nbCur = Math.min(nb, n - jb);
            final int nPanels = (nbCur + nr - 1) / nr;
            final int[] grid = unitGrid(m, nbCur, mr, nr, mb, serial);
            final int rowChunk = grid[0], colChunk = grid[1];
            final int colUnits = (nbCur + colChunk - 1) / colChunk;
            final int unitCount = ((m + rowChunk - 1) / rowChunk) * colUnits;
            for (int pc = 0; pc < k; pc += kcMax) {
                final int kc = Math.min(kcMax, k - pc);
                final float betaBlock = pc == 0 ? beta : 1;
                final int bBase = bOff + pc * bRs + jb * bCs, aBase = aOff + pc * aCs, cBase = cOff + jb * cCs;
                Parallel.RangeBody packing = (s, e) -> {
                    for (int jp = s; jp < e; jp++) {
                        packPanelBF32(b, bBase + jp * nr * bCs, bRs, bCs, kc, Math.min(nr, nbCur - jp * nr), nr,
                                packB, jp * nr * kc);
                    }
                };
                Parallel.RangeBody units = (s, e) -> {
                    WorkspaceF32 ws = WORKSPACE_F32.get();
                    float[] packA = ws.packA(Math.min(mb, roundUp(rowChunk, mr)) * kc);
                    float[] tile = ws.tile(mr * nr);
                    for (int u = s; u < e; u++) {
                        int r0 = (u / colUnits) * rowChunk, r1 = Math.min(m, r0 + rowChunk);
                        int c0 = (u % colUnits) * colChunk, c1 = Math.min(nbCur, c0 + colChunk);
                        for (int ib = r0; ib < r1; ib += mb) {
                            int mbCur = Math.min(mb, r1 - ib);
                            for (int ip = 0; ip * mr < mbCur; ip++) {
                                packPanelAF32(a, aBase + (ib + ip * mr) * aRs, aRs, aCs, kc,
                                        Math.min(mr, mbCur - ip * mr), mr, packA, ip * mr * kc);
                            }
                            for (int jc = c0; jc < c1; jc += nc) {
                                int jp0 = jc / nr, jp1 = (Math.min(c1, jc + nc) + nr - 1) / nr;
                                for (int ip = 0; ip * mr < mbCur; ip++) {
                                    int rows = Math.min(mr, mbCur - ip * mr);
                                    int cRow = cBase + (ib + ip * mr) * cRs;
                                    for (int jp = jp0; jp < jp1; jp++) {
                                        kern.gemmMicroF32(kc, packA, ip * mr * kc, packB, jp * nr * kc, alpha, betaBlock,
                                                c, cRow + jp * nr * cCs, cRs, cCs, rows, Math.min(nr, nbCur - jp * nr), tile);
                                    }
                                }
                            }
                        }
                    }
                };
                if (serial) {
                    packing.run(0, nPanels);
                    units.run(0, unitCount);
                } else {
                    Parallel.forRange(nPanels, (long) kc * nr, PARALLEL_MIN_WORK, packing);
                    Parallel.forRange(unitCount, 1, units);
                }
            }
        }
    }

    /**
     * {@code C = A B} (C overwritten, unit column stride) for operands already in the packed
     * micro-panel layout of {@code kern} (A: {@code ceil(m / MR)} panels of {@code MR x k}, B:
     * {@code ceil(n / NR)} panels of {@code k x NR}, zero-padded), as one k-block, on the calling
     * thread. {@code tile} is scratch of MR * NR elements.
     */
    static void macroF32(VectorKernels kern, int m, int n, int k, float[] packA, int aOff, float[] packB, int bOff,
                         float[] c, int cOff, int cRs, float[] tile) {
        int mr = kern.gemmRowsF32(), nr = kern.gemmColsF32();
        for (int ip = 0; ip * mr < m; ip++) {
            int rows = Math.min(mr, m - ip * mr);
            for (int jp = 0; jp * nr < n; jp++) {
                kern.gemmMicroF32(k, packA, aOff + ip * mr * k, packB, bOff + jp * nr * k, 1, 0,
                        c, cOff + ip * mr * cRs + jp * nr, cRs, 1, rows, Math.min(nr, n - jp * nr), tile);
            }
        }
    }

    /** Packs {@code rows <= mr} rows of A (k-slice of length kc) as kc groups of mr values. */
    private static void packPanelAF32(float[] a, int src, int aRs, int aCs, int kc, int rows, int mr,
                                      float[] dst, int d) {
        if (aRs == 1 && rows == mr) {
            for (int p = 0; p < kc; p++) System.arraycopy(a, src + p * aCs, dst, d + p * mr, mr);
            return;
        }
        if (mr == 6 && rows == 6 && aCs == 1) {
            // the common full panel, unrolled: six sequential row streams, dst written in order
            int r0 = src, r1 = r0 + aRs, r2 = r1 + aRs, r3 = r2 + aRs, r4 = r3 + aRs, r5 = r4 + aRs;
            int dp = d;
            for (int p = 0; p < kc; p++, dp += 6) {
                dst[dp] = a[r0 + p]; dst[dp + 1] = a[r1 + p]; dst[dp + 2] = a[r2 + p];
                dst[dp + 3] = a[r3 + p]; dst[dp + 4] = a[r4 + p]; dst[dp + 5] = a[r5 + p];
            }
            return;
        }
        // p outer: the rows are read as parallel sequential streams, dst is written in order
        for (int p = 0; p < kc; p++) {
            int s = src + p * aCs, dp = d + p * mr;
            for (int i = 0; i < rows; i++) dst[dp + i] = a[s + i * aRs];
            for (int i = rows; i < mr; i++) dst[dp + i] = 0;
        }
    }

    /** Packs {@code cols <= nr} columns of B (k-slice of length kc) as kc groups of nr values. */
    private static void packPanelBF32(float[] b, int src, int bRs, int bCs, int kc, int cols, int nr,
                                      float[] dst, int d) {
        if (bCs == 1) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, src + p * bRs, dst, d + p * nr, cols);
                for (int j = cols; j < nr; j++) dst[d + p * nr + j] = 0;
            }
            return;
        }
        for (int j = 0; j < cols; j++) {
            int s = src + j * bCs;
            for (int p = 0; p < kc; p++) dst[d + p * nr + j] = b[s + p * bRs];
        }
        for (int j = cols; j < nr; j++) {
            for (int p = 0; p < kc; p++) dst[d + p * nr + j] = 0;
        }
    }

    // </f32>

    // ---- shape logic shared by both precisions ------------------------------------------

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /**
     * The (rows, columns) of C per work unit of one packed step: {@code mb} rows and all columns
     * for a serial run (one thread, or a call nested in a parallel loop); otherwise row chunks of
     * at most {@code mb} rows (at least 4 mr), about {@link #MIN_UNITS} of them, and when m alone
     * gives fewer, column chunks too. Chunks are multiples of mr and nr, so the tile grid is the
     * same however the work is split.
     */
    private static int[] unitGrid(int m, int n, int mr, int nr, int mb, boolean serial) {
        if (serial) return new int[] {mb, n};
        int rowChunk = Math.min(mb, Math.max(4 * mr, roundUp((m + MIN_UNITS - 1) / MIN_UNITS, mr)));
        int rowUnits = (m + rowChunk - 1) / rowChunk;
        if (rowUnits >= MIN_UNITS) return new int[] {rowChunk, n};
        int colUnits = (MIN_UNITS + rowUnits - 1) / rowUnits;
        int colChunk = Math.max(2 * nr, roundUp((n + colUnits - 1) / colUnits, nr));
        return new int[] {rowChunk, colChunk};
    }

    private static boolean batchInParallel(int batch, long workPerProblem) {
        return batch > 1 && (workPerProblem < (1L << 21) || batch >= 2 * Parallel.threads());
    }

    private static void checkLeadingDims(String op, boolean transA, boolean transB, int m, int n, int k,
                                         int lda, int ldb, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(op + ": negative size m=" + m + ", n=" + n + ", k=" + k);
        }
        checkLd(op, "lda", lda, transA ? k : m, transA ? m : k, transA ? "A^T" : "A");
        checkLd(op, "ldb", ldb, transB ? n : k, transB ? k : n, transB ? "B^T" : "B");
        checkLd(op, "ldc", ldc, m, n, "C");
    }

    private static void checkLd(String op, String name, int ld, int storedRows, int storedCols, String what) {
        if (storedRows > 1 && ld < Math.max(1, storedCols) || ld < 0) {
            throw new IllegalArgumentException(op + ": " + name + " = " + ld + " is smaller than the "
                    + storedCols + " columns of the stored " + what + " [" + storedRows + ", " + storedCols
                    + "]; pass the row length of the array it lives in");
        }
    }

    private static void checkOperands(String op, int m, int n, int k,
                                      int aLen, int aOff, int aRs, int aCs, int bLen, int bOff, int bRs, int bCs,
                                      int cLen, int cOff, int cRs, int cCs) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(op + ": negative size m=" + m + ", n=" + n + ", k=" + k);
        }
        ArrayRanges.checkMatrix(op, "A [m=" + m + ", k=" + k + "]", aLen, aOff, m, k, aRs, aCs);
        ArrayRanges.checkMatrix(op, "B [k=" + k + ", n=" + n + "]", bLen, bOff, k, n, bRs, bCs);
        ArrayRanges.checkMatrix(op, "C [m=" + m + ", n=" + n + "]", cLen, cOff, m, n, cRs, cCs);
        boolean distinct = m <= 1 && n <= 1
                || m <= 1 && cCs >= 1
                || n <= 1 && cRs >= 1
                || cCs >= 1 && cRs >= (long) n * cCs
                || cRs >= 1 && cCs >= (long) m * cRs;
        if (!distinct) {
            throw new IllegalArgumentException(op + ": C [" + m + ", " + n + "] strides (" + cRs + ", " + cCs
                    + ") make its elements overlap; C needs a row stride >= n * column stride or a "
                    + "column stride >= m * row stride");
        }
    }

    private static void checkBatch(String op, int m, int n, int k, int batch,
                                   int aLen, int aOff, int aRs, int aCs, int strideA,
                                   int bLen, int bOff, int bRs, int bCs, int strideB,
                                   int cLen, int cOff, int ldc, int strideC) {
        if (batch < 0) throw new IllegalArgumentException(op + ": batch must be >= 0, got " + batch);
        if (strideA < 0 || strideB < 0 || strideC < 0) {
            throw new IllegalArgumentException(op + ": batch strides must be >= 0, got (" + strideA + ", "
                    + strideB + ", " + strideC + ")");
        }
        long cSpan = m == 0 || n == 0 ? 0 : (long) (m - 1) * ldc + n;
        if (batch > 1 && strideC < cSpan) {
            throw new IllegalArgumentException(op + ": batch stride of C (" + strideC + ") is smaller than "
                    + "one C [" + m + ", " + n + "] with ldc " + ldc + " (" + cSpan
                    + " elements), so the outputs would overlap");
        }
        if (batch == 0) return;
        long last = batch - 1L;
        checkOperands(op, m, n, k, aLen, offset(op, "A", aOff, last, strideA), aRs, aCs,
                bLen, offset(op, "B", bOff, last, strideB), bRs, bCs,
                cLen, offset(op, "C", cOff, last, strideC), ldc, 1);
        checkOperands(op, m, n, k, aLen, aOff, aRs, aCs, bLen, bOff, bRs, bCs, cLen, cOff, ldc, 1);
    }

    private static int offset(String op, String name, int off, long index, int stride) {
        long o = off + index * stride;
        if (o > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": the last problem's " + name + " offset " + o
                    + " exceeds the largest array index");
        }
        return (int) o;
    }
}
