package dev.noether.core.fft;

// GENERATED from FftPlanF64.java by F32SourceGenerator (core/src/test); edit the f64 source and regenerate.

import java.util.concurrent.ConcurrentHashMap;

/**
 * A complex FFT of one length on f32 arrays: precomputed twiddles, no allocation when run.
 *
 * <p>Computes, for interleaved complex data {@code z[j] = (a[2j], a[2j+1])}, {@code j < n},
 * <pre>
 *   forward:  Z[k] = scale * sum_{j<n} z[j] exp(-2 pi i j k / n)
 *   inverse:  z[j] = scale * sum_{k<n} Z[k] exp(+2 pi i j k / n)
 * </pre>
 * ({@code scale = 1} in {@link #forward} and {@link #inverse}: unnormalised; see {@link FftNorm}
 * for the usual scales). Any {@code n >= 1} works: Stockham mixed-radix passes (radix 4, 2, 3, 5
 * and a generic odd radix for primes up to {@link FftSchedule#MAX_GENERIC_RADIX}) or Bluestein's
 * chirp convolution for larger prime factors, see {@link FftSchedule}. Twiddles are computed in
 * 64-bit arithmetic by {@link UnitRoots} with exact argument reduction (the f32 plan rounds them once).
 *
 * <p>A plan is immutable and may be shared by threads; each thread passes its own work array of
 * at least {@link #workLength()} elements. {@link #of(int)} caches one plan per length.
 */
public final class FftPlanF32 {
    private static final int MAX_CACHED = 256;
    private static final ConcurrentHashMap<Integer, FftPlanF32> CACHE = new ConcurrentHashMap<>();

    private static final float SIN_PI_3 = (float) Math.sin(Math.PI / 3);
    private static final float COS_2PI_5 = (float) Math.cos(2 * Math.PI / 5);
    private static final float COS_4PI_5 = (float) Math.cos(4 * Math.PI / 5);
    private static final float SIN_2PI_5 = (float) Math.sin(2 * Math.PI / 5);
    private static final float SIN_4PI_5 = (float) Math.sin(4 * Math.PI / 5);

    private final int n;
    private final int[] radices;
    private final float[][] twiddles;
    private final float[][] radixRoots;
    private final int bluesteinLength;
    private final FftPlanF32 bluesteinInner;
    private final float[] chirp;
    private final float[] filterForward;
    private final float[] filterInverse;
    private final int workLength;

    private FftPlanF32(FftSchedule schedule) {
        n = schedule.n;
        radices = schedule.radices;
        twiddles = new float[radices.length][];
        radixRoots = new float[radices.length][];
        for (int t = 0; t < radices.length; t++) {
            twiddles[t] = UnitRoots.toF32(schedule.twiddles[t]);
            if (schedule.radixRoots[t] != null) radixRoots[t] = UnitRoots.toF32(schedule.radixRoots[t]);
        }
        bluesteinLength = schedule.bluesteinLength;
        if (schedule.isBluestein()) {
            bluesteinInner = of(bluesteinLength);
            chirp = UnitRoots.toF32(schedule.chirp);
            filterForward = UnitRoots.toF32(schedule.filterForward);
            filterInverse = UnitRoots.toF32(schedule.filterInverse);
            workLength = 2 * bluesteinLength + bluesteinInner.workLength();
        } else {
            bluesteinInner = null;
            chirp = null;
            filterForward = null;
            filterInverse = null;
            workLength = 2 * n;
        }
    }

    /** The (cached) plan for length {@code n >= 1}. */
    public static FftPlanF32 of(int n) {
        FftPlanF32 plan = CACHE.get(n);
        if (plan != null) return plan;
        plan = new FftPlanF32(FftSchedule.of(n));
        if (CACHE.size() >= MAX_CACHED) CACHE.clear();
        FftPlanF32 raced = CACHE.putIfAbsent(n, plan);
        return raced != null ? raced : plan;
    }

    /** The transform length {@code n} (complex points). */
    public int length() {
        return n;
    }

    /** Minimum length of the work array, in elements. */
    public int workLength() {
        return workLength;
    }

    /** Whether this plan uses Bluestein's algorithm (a prime factor above the mixed-radix bound). */
    public boolean isBluestein() {
        return bluesteinLength > 0;
    }

    /** Unnormalised forward transform of {@code data[offset .. offset + 2n)} in place. */
    public void forward(float[] data, int offset, float[] work) {
        transform(data, offset, data, offset, work, 0, false, 1.0f);
    }

    /** Unnormalised inverse transform (exponent sign +1) of {@code data[offset .. offset + 2n)} in place. */
    public void inverse(float[] data, int offset, float[] work) {
        transform(data, offset, data, offset, work, 0, true, 1.0f);
    }

    /**
     * Transforms {@code n} complex points from {@code src[srcOffset ..]} to {@code dst[dstOffset ..]},
     * multiplied by {@code scale}. {@code src} is only read unless it is {@code dst} at the same
     * offset (in place); otherwise the two ranges must not overlap, and neither may overlap
     * {@code work[workOffset .. workOffset + workLength())}.
     */
    public void transform(float[] src, int srcOffset, float[] dst, int dstOffset,
                          float[] work, int workOffset, boolean inverse, float scale) {
        String op = inverse ? "FftPlanF32.inverse" : "FftPlanF32.forward";
        checkRange(op, "source", src.length, srcOffset, 2 * n);
        checkRange(op, "destination", dst.length, dstOffset, 2 * n);
        checkRange(op, "work", work.length, workOffset, workLength);
        if (src == dst && srcOffset != dstOffset && Math.abs(srcOffset - dstOffset) < 2 * n) {
            throw new IllegalArgumentException(op + ": source and destination overlap partially (offsets "
                    + srcOffset + " and " + dstOffset + ", length " + 2 * n + ")");
        }
        apply(src, srcOffset, dst, dstOffset, work, workOffset, inverse, scale);
    }

    static void checkRange(String op, String what, int arrayLength, int offset, int needed) {
        if (offset < 0 || (long) offset + needed > arrayLength) {
            throw new IllegalArgumentException(op + ": " + what + " array of length " + arrayLength
                    + " cannot hold " + needed + " elements from offset " + offset);
        }
    }

    /** {@link #transform} without argument checks (package-internal callers). */
    void apply(float[] src, int so, float[] dst, int dOff, float[] work, int wo, boolean inverse, float scale) {
        if (bluesteinLength > 0) {
            bluestein(src, so, dst, dOff, work, wo, inverse, scale);
            return;
        }
        stockham(src, so, dst, dOff, work, wo, inverse);
        if (scale != 1.0f) {
            for (int i = dOff, e = dOff + 2 * n; i < e; i++) dst[i] *= scale;
        }
    }

    private void stockham(float[] src, int so, float[] dst, int dOff, float[] work, int wo, boolean inverse) {
        int passes = radices.length;
        if (passes == 0) {
            dst[dOff] = src[so];
            dst[dOff + 1] = src[so + 1];
            return;
        }
        float[] in = src;
        int io = so;
        if ((passes & 1) == 1 && src == dst && so == dOff) {
            System.arraycopy(src, so, work, wo, 2 * n);
            in = work;
            io = wo;
        }
        float sg = inverse ? 1.0f : -1.0f;
        int s = 1;
        int len = n;
        for (int t = 0; t < passes; t++) {
            boolean toDst = ((passes - 1 - t) & 1) == 0;
            float[] out = toDst ? dst : work;
            int oo = toDst ? dOff : wo;
            int r = radices[t];
            int m = len / r;
            switch (r) {
                case 4 -> pass4(in, io, out, oo, s, m, twiddles[t], sg);
                case 2 -> pass2(in, io, out, oo, s, m, twiddles[t], sg);
                case 3 -> pass3(in, io, out, oo, s, m, twiddles[t], sg);
                case 5 -> pass5(in, io, out, oo, s, m, twiddles[t], sg);
                default -> passGeneric(r, in, io, out, oo, s, m, twiddles[t], radixRoots[t], sg);
            }
            in = out;
            io = oo;
            s *= r;
            len = m;
        }
    }

    private static void pass2(float[] x, int xo, float[] y, int yo, int s, int m, float[] tw, float sg) {
        final int ks = 2 * s * m;
        final int js = 2 * s;
        for (int q = 0; q < s; q++) {
            int i0 = xo + 2 * q;
            int o0 = yo + 2 * q;
            float a0r = x[i0], a0i = x[i0 + 1];
            float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
            y[o0] = a0r + a1r;
            y[o0 + 1] = a0i + a1i;
            y[o0 + js] = a0r - a1r;
            y[o0 + js + 1] = a0i - a1i;
        }
        for (int p = 1; p < m; p++) {
            float wr = tw[2 * p], wi = sg * tw[2 * p + 1];
            for (int q = 0; q < s; q++) {
                int i0 = xo + 2 * (q + s * p);
                int o0 = yo + 2 * (q + 2 * s * p);
                float a0r = x[i0], a0i = x[i0 + 1];
                float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
                float dr = a0r - a1r, di = a0i - a1i;
                y[o0] = a0r + a1r;
                y[o0 + 1] = a0i + a1i;
                y[o0 + js] = dr * wr - di * wi;
                y[o0 + js + 1] = dr * wi + di * wr;
            }
        }
    }

    private static void pass3(float[] x, int xo, float[] y, int yo, int s, int m, float[] tw, float sg) {
        final int ks = 2 * s * m;
        final int js = 2 * s;
        final float h = sg * SIN_PI_3;
        for (int p = 0; p < m; p++) {
            float w1r = 1.0f, w1i = 0.0f, w2r = 1.0f, w2i = 0.0f;
            if (p > 0) {
                int tb = 4 * p;
                w1r = tw[tb];
                w1i = sg * tw[tb + 1];
                w2r = tw[tb + 2];
                w2i = sg * tw[tb + 3];
            }
            for (int q = 0; q < s; q++) {
                int i0 = xo + 2 * (q + s * p);
                int o0 = yo + 2 * (q + 3 * s * p);
                float a0r = x[i0], a0i = x[i0 + 1];
                float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
                float a2r = x[i0 + 2 * ks], a2i = x[i0 + 2 * ks + 1];
                float t1r = a1r + a2r, t1i = a1i + a2i;
                float t2r = h * (a1r - a2r), t2i = h * (a1i - a2i);
                float m1r = a0r - 0.5f * t1r, m1i = a0i - 0.5f * t1i;
                float y1r = m1r - t2i, y1i = m1i + t2r;
                float y2r = m1r + t2i, y2i = m1i - t2r;
                y[o0] = a0r + t1r;
                y[o0 + 1] = a0i + t1i;
                y[o0 + js] = y1r * w1r - y1i * w1i;
                y[o0 + js + 1] = y1r * w1i + y1i * w1r;
                y[o0 + 2 * js] = y2r * w2r - y2i * w2i;
                y[o0 + 2 * js + 1] = y2r * w2i + y2i * w2r;
            }
        }
    }

    private static void pass4(float[] x, int xo, float[] y, int yo, int s, int m, float[] tw, float sg) {
        final int ks = 2 * s * m;
        final int js = 2 * s;
        for (int q = 0; q < s; q++) {
            int i0 = xo + 2 * q;
            int o0 = yo + 2 * q;
            float a0r = x[i0], a0i = x[i0 + 1];
            float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
            float a2r = x[i0 + 2 * ks], a2i = x[i0 + 2 * ks + 1];
            float a3r = x[i0 + 3 * ks], a3i = x[i0 + 3 * ks + 1];
            float t0r = a0r + a2r, t0i = a0i + a2i;
            float t1r = a0r - a2r, t1i = a0i - a2i;
            float t2r = a1r + a3r, t2i = a1i + a3i;
            float t3r = sg * (a1r - a3r), t3i = sg * (a1i - a3i);
            y[o0] = t0r + t2r;
            y[o0 + 1] = t0i + t2i;
            y[o0 + js] = t1r - t3i;
            y[o0 + js + 1] = t1i + t3r;
            y[o0 + 2 * js] = t0r - t2r;
            y[o0 + 2 * js + 1] = t0i - t2i;
            y[o0 + 3 * js] = t1r + t3i;
            y[o0 + 3 * js + 1] = t1i - t3r;
        }
        for (int p = 1; p < m; p++) {
            int tb = 6 * p;
            float w1r = tw[tb], w1i = sg * tw[tb + 1];
            float w2r = tw[tb + 2], w2i = sg * tw[tb + 3];
            float w3r = tw[tb + 4], w3i = sg * tw[tb + 5];
            for (int q = 0; q < s; q++) {
                int i0 = xo + 2 * (q + s * p);
                int o0 = yo + 2 * (q + 4 * s * p);
                float a0r = x[i0], a0i = x[i0 + 1];
                float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
                float a2r = x[i0 + 2 * ks], a2i = x[i0 + 2 * ks + 1];
                float a3r = x[i0 + 3 * ks], a3i = x[i0 + 3 * ks + 1];
                float t0r = a0r + a2r, t0i = a0i + a2i;
                float t1r = a0r - a2r, t1i = a0i - a2i;
                float t2r = a1r + a3r, t2i = a1i + a3i;
                float t3r = sg * (a1r - a3r), t3i = sg * (a1i - a3i);
                float y1r = t1r - t3i, y1i = t1i + t3r;
                float y2r = t0r - t2r, y2i = t0i - t2i;
                float y3r = t1r + t3i, y3i = t1i - t3r;
                y[o0] = t0r + t2r;
                y[o0 + 1] = t0i + t2i;
                y[o0 + js] = y1r * w1r - y1i * w1i;
                y[o0 + js + 1] = y1r * w1i + y1i * w1r;
                y[o0 + 2 * js] = y2r * w2r - y2i * w2i;
                y[o0 + 2 * js + 1] = y2r * w2i + y2i * w2r;
                y[o0 + 3 * js] = y3r * w3r - y3i * w3i;
                y[o0 + 3 * js + 1] = y3r * w3i + y3i * w3r;
            }
        }
    }

    private static void pass5(float[] x, int xo, float[] y, int yo, int s, int m, float[] tw, float sg) {
        final int ks = 2 * s * m;
        final int js = 2 * s;
        final float s1 = sg * SIN_2PI_5;
        final float s2 = sg * SIN_4PI_5;
        for (int p = 0; p < m; p++) {
            float w1r = 1.0f, w1i = 0.0f, w2r = 1.0f, w2i = 0.0f, w3r = 1.0f, w3i = 0.0f, w4r = 1.0f, w4i = 0.0f;
            if (p > 0) {
                int tb = 8 * p;
                w1r = tw[tb];
                w1i = sg * tw[tb + 1];
                w2r = tw[tb + 2];
                w2i = sg * tw[tb + 3];
                w3r = tw[tb + 4];
                w3i = sg * tw[tb + 5];
                w4r = tw[tb + 6];
                w4i = sg * tw[tb + 7];
            }
            for (int q = 0; q < s; q++) {
                int i0 = xo + 2 * (q + s * p);
                int o0 = yo + 2 * (q + 5 * s * p);
                float a0r = x[i0], a0i = x[i0 + 1];
                float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
                float a2r = x[i0 + 2 * ks], a2i = x[i0 + 2 * ks + 1];
                float a3r = x[i0 + 3 * ks], a3i = x[i0 + 3 * ks + 1];
                float a4r = x[i0 + 4 * ks], a4i = x[i0 + 4 * ks + 1];
                float t1r = a1r + a4r, t1i = a1i + a4i;
                float t2r = a2r + a3r, t2i = a2i + a3i;
                float t3r = a1r - a4r, t3i = a1i - a4i;
                float t4r = a2r - a3r, t4i = a2i - a3i;
                float b1r = a0r + COS_2PI_5 * t1r + COS_4PI_5 * t2r;
                float b1i = a0i + COS_2PI_5 * t1i + COS_4PI_5 * t2i;
                float b2r = a0r + COS_4PI_5 * t1r + COS_2PI_5 * t2r;
                float b2i = a0i + COS_4PI_5 * t1i + COS_2PI_5 * t2i;
                float d1r = s1 * t3r + s2 * t4r, d1i = s1 * t3i + s2 * t4i;
                float d2r = s2 * t3r - s1 * t4r, d2i = s2 * t3i - s1 * t4i;
                float y1r = b1r - d1i, y1i = b1i + d1r;
                float y4r = b1r + d1i, y4i = b1i - d1r;
                float y2r = b2r - d2i, y2i = b2i + d2r;
                float y3r = b2r + d2i, y3i = b2i - d2r;
                y[o0] = a0r + t1r + t2r;
                y[o0 + 1] = a0i + t1i + t2i;
                y[o0 + js] = y1r * w1r - y1i * w1i;
                y[o0 + js + 1] = y1r * w1i + y1i * w1r;
                y[o0 + 2 * js] = y2r * w2r - y2i * w2i;
                y[o0 + 2 * js + 1] = y2r * w2i + y2i * w2r;
                y[o0 + 3 * js] = y3r * w3r - y3i * w3i;
                y[o0 + 3 * js + 1] = y3r * w3i + y3i * w3r;
                y[o0 + 4 * js] = y4r * w4r - y4i * w4i;
                y[o0 + 4 * js + 1] = y4r * w4i + y4i * w4r;
            }
        }
    }

    /** Odd prime radix r: y_j = E_j + i D_j, y_{r-j} = E_j - i D_j from the pairs (k, r-k). */
    private static void passGeneric(int r, float[] x, int xo, float[] y, int yo, int s, int m,
                                    float[] tw, float[] roots, float sg) {
        final int ks = 2 * s * m;
        final int js = 2 * s;
        final int half = (r - 1) / 2;
        for (int p = 0; p < m; p++) {
            int tb = 2 * (r - 1) * p;
            for (int q = 0; q < s; q++) {
                int i0 = xo + 2 * (q + s * p);
                int o0 = yo + 2 * (q + r * s * p);
                float x0r = x[i0], x0i = x[i0 + 1];
                float sumR = x0r, sumI = x0i;
                for (int k = 1; k < r; k++) {
                    sumR += x[i0 + k * ks];
                    sumI += x[i0 + k * ks + 1];
                }
                y[o0] = sumR;
                y[o0 + 1] = sumI;
                for (int j = 1; j <= half; j++) {
                    float er = x0r, ei = x0i, dr = 0.0f, di = 0.0f;
                    int jk = 0;
                    for (int k = 1; k <= half; k++) {
                        jk += j;
                        if (jk >= r) jk -= r;
                        float c = roots[2 * jk], sn = sg * roots[2 * jk + 1];
                        int ia = i0 + k * ks;
                        int ib = i0 + (r - k) * ks;
                        er += (x[ia] + x[ib]) * c;
                        ei += (x[ia + 1] + x[ib + 1]) * c;
                        dr += (x[ia] - x[ib]) * sn;
                        di += (x[ia + 1] - x[ib + 1]) * sn;
                    }
                    float yjr = er - di, yji = ei + dr;
                    float ylr = er + di, yli = ei - dr;
                    int oj = o0 + j * js;
                    int ol = o0 + (r - j) * js;
                    if (p == 0) {
                        y[oj] = yjr;
                        y[oj + 1] = yji;
                        y[ol] = ylr;
                        y[ol + 1] = yli;
                    } else {
                        float ajr = tw[tb + 2 * (j - 1)], aji = sg * tw[tb + 2 * (j - 1) + 1];
                        float alr = tw[tb + 2 * (r - j - 1)], ali = sg * tw[tb + 2 * (r - j - 1) + 1];
                        y[oj] = yjr * ajr - yji * aji;
                        y[oj + 1] = yjr * aji + yji * ajr;
                        y[ol] = ylr * alr - yli * ali;
                        y[ol + 1] = ylr * ali + yli * alr;
                    }
                }
            }
        }
    }

    private void bluestein(float[] src, int so, float[] dst, int dOff, float[] work, int wo,
                           boolean inverse, float scale) {
        final int m = bluesteinLength;
        final float sg = inverse ? 1.0f : -1.0f;
        final int innerWork = wo + 2 * m;
        for (int k = 0; k < n; k++) {
            float cr = chirp[2 * k], ci = sg * chirp[2 * k + 1];
            float xr = src[so + 2 * k], xi = src[so + 2 * k + 1];
            work[wo + 2 * k] = xr * cr - xi * ci;
            work[wo + 2 * k + 1] = xr * ci + xi * cr;
        }
        for (int i = wo + 2 * n, e = wo + 2 * m; i < e; i++) work[i] = 0.0f;
        bluesteinInner.apply(work, wo, work, wo, work, innerWork, false, 1.0f);
        float[] f = inverse ? filterInverse : filterForward;
        for (int k = 0; k < m; k++) {
            float ar = work[wo + 2 * k], ai = work[wo + 2 * k + 1];
            float fr = f[2 * k], fi = f[2 * k + 1];
            work[wo + 2 * k] = ar * fr - ai * fi;
            work[wo + 2 * k + 1] = ar * fi + ai * fr;
        }
        bluesteinInner.apply(work, wo, work, wo, work, innerWork, true, 1.0f);
        for (int k = 0; k < n; k++) {
            float cr = scale * chirp[2 * k], ci = scale * sg * chirp[2 * k + 1];
            float ar = work[wo + 2 * k], ai = work[wo + 2 * k + 1];
            dst[dOff + 2 * k] = ar * cr - ai * ci;
            dst[dOff + 2 * k + 1] = ar * ci + ai * cr;
        }
    }
}
