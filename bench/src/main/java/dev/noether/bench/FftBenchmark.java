package dev.noether.bench;

import dev.noether.core.Tensor;
import dev.noether.core.cpu.Parallel;
import dev.noether.core.fft.Fft;
import dev.noether.core.fft.FftNorm;
import dev.noether.core.fft.RealFftPlanF32;
import dev.noether.core.fft.RealFftPlanF64;
import dev.noether.core.fft.TruncatedDft;
import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;
import org.jtransforms.fft.FloatFFT_1D;
import org.jtransforms.fft.FloatFFT_2D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Real FFTs of FNO-sized batches, f64 or f32, with JTransforms in the same fork as the peer.
 *
 * <p>Noether, Tensor API ({@link Fft}, {@link TruncatedDft}; norm BACKWARD; each call returns a
 * newly allocated tensor, as numpy does):
 * <ul>
 *   <li>{@code rfft}: {@code Fft.rfft} over the last axis of {@code [20, 64, 1024]} (1280 rows);
 *   <li>{@code irfft}: {@code Fft.irfft} of the {@code [20, 64, 513]} spectrum back to 1024 points;
 *   <li>{@code rfft2} / {@code irfft2}: {@code Fft.rfft2} / {@code Fft.irfft2} over the last two
 *       axes of {@code [20, 32, 64, 64]} (640 slices);
 *   <li>{@code truncatedDft}: {@code TruncatedDft.forward}, the first 16 modes of each of the 1280
 *       rows of 1024 points (one GEMM with a cached {@code [1024, 32]} matrix).
 * </ul>
 * {@code rfftInto} / {@code irfftInto}: the same transforms written into an output tensor allocated
 * once in the set-up ({@code Fft.rfft(x, axis, norm, out)}), what a training loop does.
 *
 * <p>Noether, raw plan: {@code rfftPlan} runs {@link RealFftPlanF64#forward} (or the f32 twin) row by
 * row into a preallocated {@code [1280, 513]} complex array, in the same row-parallel loop as the
 * JTransforms peer: the Tensor layer's cost (allocation, strided-view handling) is
 * {@code rfft - rfftPlan}.
 *
 * <p>JTransforms peer ({@code jtransformsRfft}, {@code jtransformsIrfft}: {@code DoubleFFT_1D}
 * {@code realForward} / {@code realInverse(scale = true)} on the same 1280 rows;
 * {@code jtransformsRfft2} / {@code jtransformsIrfft2}: {@code DoubleFFT_2D} on the 640 slices;
 * {@code FloatFFT_*} for f32). JTransforms transforms in place in its packed format, so each row
 * (slice) is first copied from the unchanged input into a preallocated output buffer, then
 * transformed there: the same memory traffic as an out-of-place transform. JTransforms only
 * threads inside one long transform (1-D length >= 8192, 2-D size >= 65536 by default), never
 * across a batch, so the harness splits the rows over {@link Parallel} (one contiguous chunk per
 * thread, one JTransforms plan per thread) and sets JTransforms' own thread count to 1.
 *
 * <p>The set-up checks Noether's rfft against JTransforms (rows 0 and 1279), the round trip
 * {@code irfft(rfft x) = x}, {@code rfft2} against a direct 2-D DFT of slice 0, and the truncated
 * DFT against the first 16 rfft bins (relative max error 1e-12 f64, 1e-5 f32).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.VECTOR_MODULE, ForkOptions.HEAP})
@State(Scope.Benchmark)
public class FftBenchmark {
    public static final int BATCH = 20, CHANNELS = 64, N = 1024, ROWS = BATCH * CHANNELS;
    public static final int CHANNELS_2D = 32, H = 64, W = 64, SLICES = BATCH * CHANNELS_2D;
    public static final int MODES = 16;
    private static final FftNorm NORM = FftNorm.BACKWARD;

    @Param({"f64", "f32"})
    public String dtype;

    @Param({"1", ThreadCount.ALL})
    public String threads;

    private boolean f64;
    /** One contiguous chunk of rows (slices) per thread in the raw and JTransforms loops. */
    private int rowGrain, sliceGrain;

    // Tensor API operands
    private Tensor signal, spectrum, signal2d, spectrum2d;
    /** Outputs allocated once for the into-forms (what a training loop does). */
    private Tensor spectrumOut, signalOut;

    // raw rows: the signal, Noether's rfftPlan output, JTransforms' buffers and packed spectra
    private double[] rows, planOut, jtRows, jtSpectrum;
    private float[] rowsF, planOutF, jtRowsF, jtSpectrumF;
    private double[][] jtSlices, jtSpectrum2d;
    private float[][] jtSlicesF, jtSpectrum2dF;
    private double[] slices;
    private float[] slicesF;

    private ThreadLocal<double[]> planWork;
    private ThreadLocal<float[]> planWorkF;
    private ThreadLocal<DoubleFFT_1D> jt1;
    private ThreadLocal<FloatFFT_1D> jt1F;
    private ThreadLocal<DoubleFFT_2D> jt2;
    private ThreadLocal<FloatFFT_2D> jt2F;

    @Setup(Level.Trial)
    public void setUp() {
        int t = ThreadCount.resolve(threads);
        Parallel.setThreads(t);
        ConcurrencyUtils.setNumberOfThreads(1);
        rowGrain = (ROWS + t - 1) / t;
        sliceGrain = (SLICES + t - 1) / t;
        double[] x = RandomArrays.doubles(ROWS * N, 1);
        double[] x2 = RandomArrays.doubles(SLICES * H * W, 2);
        switch (dtype) {
            case "f64" -> {
                f64 = true;
                rows = x;
                slices = x2;
                signal = Tensor.of(rows, BATCH, CHANNELS, N);
                signal2d = Tensor.of(slices, BATCH, CHANNELS_2D, H, W);
                planOut = new double[ROWS * (N + 2)];
                jtRows = new double[ROWS * N];
                jtSlices = new double[SLICES][H * W];
                planWork = ThreadLocal.withInitial(() -> new double[RealFftPlanF64.of(N).workLength()]);
                jt1 = ThreadLocal.withInitial(() -> new DoubleFFT_1D(N));
                jt2 = ThreadLocal.withInitial(() -> new DoubleFFT_2D(H, W));
            }
            case "f32" -> {
                f64 = false;
                rowsF = toFloats(x);
                slicesF = toFloats(x2);
                signal = Tensor.of(rowsF, BATCH, CHANNELS, N);
                signal2d = Tensor.of(slicesF, BATCH, CHANNELS_2D, H, W);
                planOutF = new float[ROWS * (N + 2)];
                jtRowsF = new float[ROWS * N];
                jtSlicesF = new float[SLICES][H * W];
                planWorkF = ThreadLocal.withInitial(() -> new float[RealFftPlanF32.of(N).workLength()]);
                jt1F = ThreadLocal.withInitial(() -> new FloatFFT_1D(N));
                jt2F = ThreadLocal.withInitial(() -> new FloatFFT_2D(H, W));
            }
            default -> throw new IllegalArgumentException("FftBenchmark: dtype must be f64 or f32, got " + dtype);
        }
        spectrum = rfft();
        spectrum2d = rfft2();
        spectrumOut = Tensor.zeros(spectrum.dtype(), spectrum.shape());
        signalOut = Tensor.zeros(signal.dtype(), signal.shape());
        // JTransforms' packed spectra, the inputs of its inverse benchmarks
        jtransformsRfft();
        jtransformsRfft2();
        if (f64) {
            jtSpectrum = jtRows.clone();
            jtSpectrum2d = new double[SLICES][];
            for (int s = 0; s < SLICES; s++) jtSpectrum2d[s] = jtSlices[s].clone();
        } else {
            jtSpectrumF = jtRowsF.clone();
            jtSpectrum2dF = new float[SLICES][];
            for (int s = 0; s < SLICES; s++) jtSpectrum2dF[s] = jtSlicesF[s].clone();
        }
        checkResults();
    }

    // ------------------------------------------------------------------ Noether, Tensor API

    @Benchmark
    public Tensor rfft() {
        return Fft.rfft(signal, -1, NORM);
    }

    @Benchmark
    public Tensor irfft() {
        return Fft.irfft(spectrum, N, -1, NORM);
    }

    /** {@link #rfft()} into a preallocated output: no zeroing of a fresh 10.5 MB array per call. */
    @Benchmark
    public Tensor rfftInto() {
        return Fft.rfft(signal, -1, NORM, spectrumOut);
    }

    @Benchmark
    public Tensor irfftInto() {
        return Fft.irfft(spectrum, N, -1, NORM, signalOut);
    }

    @Benchmark
    public Tensor rfft2() {
        return Fft.rfft2(signal2d, NORM);
    }

    @Benchmark
    public Tensor irfft2() {
        return Fft.irfft2(spectrum2d, new int[] {H, W}, NORM);
    }

    @Benchmark
    public Tensor truncatedDft() {
        return TruncatedDft.forward(signal, MODES, -1, NORM);
    }

    // ------------------------------------------------------------------ Noether, raw plan

    @Benchmark
    public Object rfftPlan() {
        final int bins2 = N + 2;
        if (f64) {
            RealFftPlanF64 plan = RealFftPlanF64.of(N);
            double[] src = rows, dst = planOut;
            Parallel.forRange(ROWS, rowGrain, (r0, r1) -> {
                double[] work = planWork.get();
                for (int r = r0; r < r1; r++) plan.forward(src, r * N, dst, r * bins2, work, 0, 1.0);
            });
            return dst;
        }
        RealFftPlanF32 plan = RealFftPlanF32.of(N);
        float[] src = rowsF, dst = planOutF;
        Parallel.forRange(ROWS, rowGrain, (r0, r1) -> {
            float[] work = planWorkF.get();
            for (int r = r0; r < r1; r++) plan.forward(src, r * N, dst, r * bins2, work, 0, 1.0f);
        });
        return dst;
    }

    // ------------------------------------------------------------------ JTransforms peer

    @Benchmark
    public Object jtransformsRfft() {
        if (f64) {
            double[] src = rows, buf = jtRows;
            Parallel.forRange(ROWS, rowGrain, (r0, r1) -> {
                DoubleFFT_1D fft = jt1.get();
                for (int r = r0; r < r1; r++) {
                    System.arraycopy(src, r * N, buf, r * N, N);
                    fft.realForward(buf, r * N);
                }
            });
            return buf;
        }
        float[] src = rowsF, buf = jtRowsF;
        Parallel.forRange(ROWS, rowGrain, (r0, r1) -> {
            FloatFFT_1D fft = jt1F.get();
            for (int r = r0; r < r1; r++) {
                System.arraycopy(src, r * N, buf, r * N, N);
                fft.realForward(buf, r * N);
            }
        });
        return buf;
    }

    @Benchmark
    public Object jtransformsIrfft() {
        if (f64) {
            double[] src = jtSpectrum, buf = jtRows;
            Parallel.forRange(ROWS, rowGrain, (r0, r1) -> {
                DoubleFFT_1D fft = jt1.get();
                for (int r = r0; r < r1; r++) {
                    System.arraycopy(src, r * N, buf, r * N, N);
                    fft.realInverse(buf, r * N, true);
                }
            });
            return buf;
        }
        float[] src = jtSpectrumF, buf = jtRowsF;
        Parallel.forRange(ROWS, rowGrain, (r0, r1) -> {
            FloatFFT_1D fft = jt1F.get();
            for (int r = r0; r < r1; r++) {
                System.arraycopy(src, r * N, buf, r * N, N);
                fft.realInverse(buf, r * N, true);
            }
        });
        return buf;
    }

    @Benchmark
    public Object jtransformsRfft2() {
        final int hw = H * W;
        if (f64) {
            double[] src = slices;
            double[][] buf = jtSlices;
            Parallel.forRange(SLICES, sliceGrain, (s0, s1) -> {
                DoubleFFT_2D fft = jt2.get();
                for (int s = s0; s < s1; s++) {
                    System.arraycopy(src, s * hw, buf[s], 0, hw);
                    fft.realForward(buf[s]);
                }
            });
            return buf;
        }
        float[] src = slicesF;
        float[][] buf = jtSlicesF;
        Parallel.forRange(SLICES, sliceGrain, (s0, s1) -> {
            FloatFFT_2D fft = jt2F.get();
            for (int s = s0; s < s1; s++) {
                System.arraycopy(src, s * hw, buf[s], 0, hw);
                fft.realForward(buf[s]);
            }
        });
        return buf;
    }

    @Benchmark
    public Object jtransformsIrfft2() {
        final int hw = H * W;
        if (f64) {
            double[][] src = jtSpectrum2d, buf = jtSlices;
            Parallel.forRange(SLICES, sliceGrain, (s0, s1) -> {
                DoubleFFT_2D fft = jt2.get();
                for (int s = s0; s < s1; s++) {
                    System.arraycopy(src[s], 0, buf[s], 0, hw);
                    fft.realInverse(buf[s], true);
                }
            });
            return buf;
        }
        float[][] src = jtSpectrum2dF, buf = jtSlicesF;
        Parallel.forRange(SLICES, sliceGrain, (s0, s1) -> {
            FloatFFT_2D fft = jt2F.get();
            for (int s = s0; s < s1; s++) {
                System.arraycopy(src[s], 0, buf[s], 0, hw);
                fft.realInverse(buf[s], true);
            }
        });
        return buf;
    }

    // ------------------------------------------------------------------ set-up checks

    private void checkResults() {
        String p = "FftBenchmark " + dtype + ": ";
        double tol = f64 ? 1e-12 : 1e-5;
        double[] spec = spectrum.toDoubleArray();            // [ROWS, 513, 2]
        double[] packed = f64 ? jtSpectrum : floatsToDoubles(jtSpectrumF);
        for (int r : new int[] {0, ROWS - 1}) {
            double[] want = new double[N + 2], got = new double[N + 2];
            System.arraycopy(spec, r * (N + 2), got, 0, N + 2);
            // JTransforms' packing of even n: a[0] = Re X0, a[1] = Re X[n/2], a[2k], a[2k+1] = X[k]
            want[0] = packed[r * N];
            want[N] = packed[r * N + 1];
            for (int k = 1; k < N / 2; k++) {
                want[2 * k] = packed[r * N + 2 * k];
                want[2 * k + 1] = packed[r * N + 2 * k + 1];
            }
            RandomArrays.requireClose(p + "rfft row " + r + " vs JTransforms", RandomArrays.relativeMaxError(got, want), tol);
        }
        rfftPlan();
        RandomArrays.requireClose(p + "rfftPlan vs rfft",
                RandomArrays.relativeMaxError(f64 ? planOut : floatsToDoubles(planOutF), spec), tol);
        RandomArrays.requireClose(p + "rfftInto vs rfft",
                RandomArrays.relativeMaxError(rfftInto().toDoubleArray(), spec), 0.0);
        RandomArrays.requireClose(p + "irfftInto vs irfft",
                RandomArrays.relativeMaxError(irfftInto().toDoubleArray(), irfft().toDoubleArray()), 0.0);
        RandomArrays.requireClose(p + "irfft(rfft x) vs x",
                RandomArrays.relativeMaxError(irfft().toDoubleArray(), signal.toDoubleArray()), tol);
        RandomArrays.requireClose(p + "irfft2(rfft2 x) vs x",
                RandomArrays.relativeMaxError(irfft2().toDoubleArray(), signal2d.toDoubleArray()), tol);

        double[] got2 = spectrum2d.toDoubleArray();           // [SLICES, 64, 33, 2]
        int bins = W / 2 + 1;
        double[] slice0 = signal2d.toDoubleArray();
        double[] direct = new double[H * bins * 2];
        double[] cos = new double[H], sin = new double[H];    // H == W: one twiddle table
        for (int j = 0; j < H; j++) {
            cos[j] = Math.cos(2 * Math.PI * j / H);
            sin[j] = Math.sin(2 * Math.PI * j / H);
        }
        for (int u = 0; u < H; u++) {
            for (int v = 0; v < bins; v++) {
                double re = 0, im = 0;
                for (int j = 0; j < H; j++) {
                    for (int k = 0; k < W; k++) {
                        int ph = (u * j + v * k) % H;
                        double s = slice0[j * W + k];
                        re += s * cos[ph];
                        im -= s * sin[ph];
                    }
                }
                direct[(u * bins + v) * 2] = re;
                direct[(u * bins + v) * 2 + 1] = im;
            }
        }
        double[] got0 = new double[direct.length];
        System.arraycopy(got2, 0, got0, 0, direct.length);
        RandomArrays.requireClose(p + "rfft2 slice 0 vs a direct 2-D DFT", RandomArrays.relativeMaxError(got0, direct),
                f64 ? 1e-12 : 1e-5);

        double[] trunc = truncatedDft().toDoubleArray();     // [ROWS, 16, 2]
        double[] wantTrunc = new double[ROWS * MODES * 2];
        for (int r = 0; r < ROWS; r++) System.arraycopy(spec, r * (N + 2), wantTrunc, r * MODES * 2, MODES * 2);
        RandomArrays.requireClose(p + "truncatedDft vs the first 16 rfft bins",
                RandomArrays.relativeMaxError(trunc, wantTrunc), f64 ? 1e-12 : 1e-5);
    }

    private static float[] toFloats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    private static double[] floatsToDoubles(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }
}
