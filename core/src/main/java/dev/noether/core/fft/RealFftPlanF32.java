package dev.noether.core.fft;

// GENERATED from RealFftPlanF64.java by F32SourceGenerator (core/src/test); edit the f64 source and regenerate.

import java.util.concurrent.ConcurrentHashMap;

/**
 * The FFT of a real signal of one length on f32 arrays (numpy's {@code rfft} / {@code irfft}).
 *
 * <p>Forward: real {@code x[j]}, {@code j < n}, to the {@code h = n/2 + 1} (integer division)
 * complex bins {@code X[k] = scale * sum_j x[j] exp(-2 pi i j k / n)}, {@code k < h}, interleaved;
 * the remaining bins are {@code conj(X[n-k])}. The imaginary parts of {@code X[0]} and, for even
 * {@code n}, {@code X[n/2]} are written as exact zeros.
 *
 * <p>Inverse: {@code h} complex bins to the real {@code x[j] = scale * sum_{k<n} X[k] exp(+2 pi i j k / n)}
 * of the Hermitian extension {@code X[n-k] = conj(X[k])}. As in numpy, the imaginary part of
 * {@code X[0]} and, for even {@code n}, of {@code X[n/2]} is ignored (the real signal's spectrum
 * has none).
 *
 * <p>Even {@code n} packs the signal as {@code z[j] = x[2j] + i x[2j+1]}, {@code j < M = n/2}
 * (the real array read as complex, no copy), takes a complex FFT of length {@code M} and splits
 * {@code Z} into the spectra {@code E, O} of the even and odd samples:
 * {@code X[k] = E[k] + w^k O[k]}, {@code E[k] = (Z[k] + conj Z[M-k])/2},
 * {@code O[k] = (Z[k] - conj Z[M-k])/(2i)}, {@code w = exp(-2 pi i / n)}; the inverse runs the
 * same steps backwards. Odd {@code n} uses a complex FFT of length {@code n}.
 *
 * <p>Immutable and thread-safe; callers pass a work array of {@link #workLength()} elements.
 */
public final class RealFftPlanF32 {
    private static final int MAX_CACHED = 256;
    private static final ConcurrentHashMap<Integer, RealFftPlanF32> CACHE = new ConcurrentHashMap<>();

    private final int n;
    private final FftPlanF32 complexPlan;
    /** Even n: (cos, sin)(2 pi k / n) for k <= n/4. */
    private final float[] roots;
    private final int workLength;

    private RealFftPlanF32(int n) {
        this.n = n;
        if (n % 2 == 0) {
            complexPlan = FftPlanF32.of(n / 2);
            roots = UnitRoots.toF32(UnitRoots.table(n / 4 + 1, 1, n));
            workLength = complexPlan.workLength();
        } else {
            complexPlan = FftPlanF32.of(n);
            roots = null;
            workLength = 2 * n + complexPlan.workLength();
        }
    }

    /** The (cached) plan for real signals of length {@code n >= 1}. */
    public static RealFftPlanF32 of(int n) {
        if (n < 1) throw new IllegalArgumentException("RealFftPlanF32: length must be >= 1, got " + n);
        RealFftPlanF32 plan = CACHE.get(n);
        if (plan != null) return plan;
        plan = new RealFftPlanF32(n);
        if (CACHE.size() >= MAX_CACHED) CACHE.clear();
        RealFftPlanF32 raced = CACHE.putIfAbsent(n, plan);
        return raced != null ? raced : plan;
    }

    /** The real signal length {@code n}. */
    public int length() {
        return n;
    }

    /** The number of complex bins, {@code n/2 + 1}. */
    public int bins() {
        return n / 2 + 1;
    }

    /** Minimum length of the work array, in elements. */
    public int workLength() {
        return workLength;
    }

    /**
     * Real-to-complex transform: {@code n} reals at {@code src[srcOffset ..]} to {@code n/2+1}
     * interleaved bins at {@code dst[dstOffset ..]}, times {@code scale}. The three ranges must not
     * overlap.
     */
    public void forward(float[] src, int srcOffset, float[] dst, int dstOffset,
                        float[] work, int workOffset, float scale) {
        FftPlanF32.checkRange("RealFftPlanF32.forward", "source", src.length, srcOffset, n);
        FftPlanF32.checkRange("RealFftPlanF32.forward", "destination", dst.length, dstOffset, 2 * bins());
        FftPlanF32.checkRange("RealFftPlanF32.forward", "work", work.length, workOffset, workLength);
        forwardUnchecked(src, srcOffset, dst, dstOffset, work, workOffset, scale);
    }

    /**
     * Complex-to-real transform: {@code n/2+1} interleaved bins at {@code src[srcOffset ..]} to
     * {@code n} reals at {@code dst[dstOffset ..]}, times {@code scale}. The three ranges must not
     * overlap; {@code src} is not modified.
     */
    public void inverse(float[] src, int srcOffset, float[] dst, int dstOffset,
                        float[] work, int workOffset, float scale) {
        FftPlanF32.checkRange("RealFftPlanF32.inverse", "source", src.length, srcOffset, 2 * bins());
        FftPlanF32.checkRange("RealFftPlanF32.inverse", "destination", dst.length, dstOffset, n);
        FftPlanF32.checkRange("RealFftPlanF32.inverse", "work", work.length, workOffset, workLength);
        inverseUnchecked(src, srcOffset, dst, dstOffset, work, workOffset, scale);
    }

    void forwardUnchecked(float[] src, int so, float[] dst, int dOff, float[] work, int wo, float scale) {
        if (n % 2 == 1) {
            forwardOdd(src, so, dst, dOff, work, wo, scale);
            return;
        }
        final int half = n / 2;
        complexPlan.apply(src, so, dst, dOff, work, wo, false, 1.0f);
        final float hs = 0.5f * scale;
        float z0r = dst[dOff], z0i = dst[dOff + 1];
        dst[dOff] = (z0r + z0i) * scale;
        dst[dOff + 1] = 0.0f;
        dst[dOff + 2 * half] = (z0r - z0i) * scale;
        dst[dOff + 2 * half + 1] = 0.0f;
        int k = 1;
        int j = half - 1;
        for (; k < j; k++, j--) {
            int ik = dOff + 2 * k;
            int ij = dOff + 2 * j;
            float a = dst[ik], b = dst[ik + 1], c = dst[ij], d = dst[ij + 1];
            float er = a + c, ei = b - d;
            float or = b + d, oi = c - a;
            float wr = roots[2 * k], wi = -roots[2 * k + 1];
            float vr = wr * or - wi * oi, vi = wr * oi + wi * or;
            dst[ik] = hs * (er + vr);
            dst[ik + 1] = hs * (ei + vi);
            dst[ij] = hs * (er - vr);
            dst[ij + 1] = hs * (vi - ei);
        }
        if (k == j) {
            int ik = dOff + 2 * k;
            dst[ik] = scale * dst[ik];
            dst[ik + 1] = -scale * dst[ik + 1];
        }
    }

    void inverseUnchecked(float[] src, int so, float[] dst, int dOff, float[] work, int wo, float scale) {
        if (n % 2 == 1) {
            inverseOdd(src, so, dst, dOff, work, wo, scale);
            return;
        }
        final int half = n / 2;
        float x0 = src[so], xh = src[so + 2 * half];
        dst[dOff] = scale * (x0 + xh);
        dst[dOff + 1] = scale * (x0 - xh);
        int k = 1;
        int j = half - 1;
        for (; k < j; k++, j--) {
            int sk = so + 2 * k;
            int sj = so + 2 * j;
            float a = src[sk], b = src[sk + 1], c = src[sj], d = src[sj + 1];
            float fr = a + c, fi = b - d;
            float dr = a - c, di = b + d;
            float cr = roots[2 * k], ci = roots[2 * k + 1];
            float gr = cr * dr - ci * di, gi = cr * di + ci * dr;
            dst[dOff + 2 * k] = scale * (fr - gi);
            dst[dOff + 2 * k + 1] = scale * (fi + gr);
            dst[dOff + 2 * j] = scale * (fr + gi);
            dst[dOff + 2 * j + 1] = scale * (gr - fi);
        }
        if (k == j) {
            dst[dOff + 2 * k] = 2 * scale * src[so + 2 * k];
            dst[dOff + 2 * k + 1] = -2 * scale * src[so + 2 * k + 1];
        }
        complexPlan.apply(dst, dOff, dst, dOff, work, wo, true, 1.0f);
    }

    private void forwardOdd(float[] src, int so, float[] dst, int dOff, float[] work, int wo, float scale) {
        for (int j = 0; j < n; j++) {
            work[wo + 2 * j] = src[so + j];
            work[wo + 2 * j + 1] = 0.0f;
        }
        complexPlan.apply(work, wo, work, wo, work, wo + 2 * n, false, scale);
        System.arraycopy(work, wo, dst, dOff, 2 * bins());
        dst[dOff + 1] = 0.0f;
    }

    private void inverseOdd(float[] src, int so, float[] dst, int dOff, float[] work, int wo, float scale) {
        final int h = n / 2;
        work[wo] = src[so];
        work[wo + 1] = 0.0f;
        for (int k = 1; k <= h; k++) {
            float re = src[so + 2 * k], im = src[so + 2 * k + 1];
            work[wo + 2 * k] = re;
            work[wo + 2 * k + 1] = im;
            work[wo + 2 * (n - k)] = re;
            work[wo + 2 * (n - k) + 1] = -im;
        }
        complexPlan.apply(work, wo, work, wo, work, wo + 2 * n, true, scale);
        for (int j = 0; j < n; j++) dst[dOff + j] = work[wo + 2 * j];
    }
}
