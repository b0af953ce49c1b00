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
 * for the usual scales). Any {@code n >= 1} works: Stockham mixed-radix passes (radix 8, 4, 2, 3, 5
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
    private static final float HALF_SQRT2 = (float) Math.sqrt(0.5f);

    private final int n;
    private final int[] radices;
    /** Per pass, the twiddles exp(-i theta) and exp(+i theta), interleaved (see FftSchedule). */
    private final float[][] twiddlesForward;
    private final float[][] twiddlesInverse;
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
        twiddlesForward = new float[radices.length][];
        twiddlesInverse = new float[radices.length][];
        radixRoots = new float[radices.length][];
        for (int t = 0; t < radices.length; t++) {
            twiddlesInverse[t] = UnitRoots.toF32(schedule.twiddles[t]);
            twiddlesForward[t] = UnitRoots.toF32(UnitRoots.conjugate(schedule.twiddles[t]));
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
        float[][] tws = inverse ? twiddlesInverse : twiddlesForward;
        int s = 1;
        int len = n;
        for (int t = 0; t < passes; t++) {
            boolean toDst = ((passes - 1 - t) & 1) == 0;
            float[] out = toDst ? dst : work;
            int oo = toDst ? dOff : wo;
            int r = radices[t];
            int m = len / r;
            switch (r) {
                case 8 -> pass8(in, io, out, oo, s, m, tws[t], sg);
                case 4 -> pass4(in, io, out, oo, s, m, tws[t], sg);
                case 2 -> pass2(in, io, out, oo, s, m, tws[t]);
                case 3 -> pass3(in, io, out, oo, s, m, tws[t], sg);
                case 5 -> pass5(in, io, out, oo, s, m, tws[t], sg);
                default -> passGeneric(r, in, io, out, oo, s, m, tws[t], radixRoots[t], sg);
            }
            in = out;
            io = oo;
            s *= r;
            len = m;
        }
    }

    /*
     * The radix-r passes. Butterfly (p, q) reads x[q + s (p + k m)], k < r, and writes
     * y[q + s (r p + j)], j < r (complex indices). The last pass (m = 1) has no twiddles; the
     * others walk the (p, q) grid with the longer of the two loops inside: in elements,
     * input  = xo + u*iu + v*iv, output = yo + u*ou + v*ov, twiddles = u*tu + v*tv.
     */

    private static void pass2(float[] x, int xo, float[] y, int yo, int s, int m, float[] tw) {
        final int ks = 2 * s * m;
        final int js = 2 * s;
        if (m == 1) {
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
            return;
        }
        final boolean pOuter = s >= m;
        final int outer = pOuter ? m : s, inner = pOuter ? s : m;
        final int iu = pOuter ? 2 * s : 2, iv = pOuter ? 2 : 2 * s;
        final int ou = pOuter ? 4 * s : 2, ov = pOuter ? 2 : 4 * s;
        final int tu = pOuter ? 2 : 0, tv = pOuter ? 0 : 2;
        for (int u = 0; u < outer; u++) {
            for (int v = 0; v < inner; v++) {
                int i0 = xo + u * iu + v * iv;
                int o0 = yo + u * ou + v * ov;
                int t = u * tu + v * tv;
                float wr = tw[t], wi = tw[t + 1];
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
        if (m == 1) {
            for (int q = 0; q < s; q++) {
                int i0 = xo + 2 * q;
                int o0 = yo + 2 * q;
                float a0r = x[i0], a0i = x[i0 + 1];
                float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
                float a2r = x[i0 + 2 * ks], a2i = x[i0 + 2 * ks + 1];
                float t1r = a1r + a2r, t1i = a1i + a2i;
                float t2r = h * (a1r - a2r), t2i = h * (a1i - a2i);
                float m1r = a0r - 0.5f * t1r, m1i = a0i - 0.5f * t1i;
                y[o0] = a0r + t1r;
                y[o0 + 1] = a0i + t1i;
                y[o0 + js] = m1r - t2i;
                y[o0 + js + 1] = m1i + t2r;
                y[o0 + 2 * js] = m1r + t2i;
                y[o0 + 2 * js + 1] = m1i - t2r;
            }
            return;
        }
        final boolean pOuter = s >= m;
        final int outer = pOuter ? m : s, inner = pOuter ? s : m;
        final int iu = pOuter ? 2 * s : 2, iv = pOuter ? 2 : 2 * s;
        final int ou = pOuter ? 6 * s : 2, ov = pOuter ? 2 : 6 * s;
        final int tu = pOuter ? 4 : 0, tv = pOuter ? 0 : 4;
        for (int u = 0; u < outer; u++) {
            for (int v = 0; v < inner; v++) {
                int i0 = xo + u * iu + v * iv;
                int o0 = yo + u * ou + v * ov;
                int t = u * tu + v * tv;
                float a0r = x[i0], a0i = x[i0 + 1];
                float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
                float a2r = x[i0 + 2 * ks], a2i = x[i0 + 2 * ks + 1];
                float t1r = a1r + a2r, t1i = a1i + a2i;
                float t2r = h * (a1r - a2r), t2i = h * (a1i - a2i);
                float m1r = a0r - 0.5f * t1r, m1i = a0i - 0.5f * t1i;
                float y1r = m1r - t2i, y1i = m1i + t2r;
                float y2r = m1r + t2i, y2i = m1i - t2r;
                float w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3];
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
        if (m == 1) {
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
            return;
        }
        final boolean pOuter = s >= m;
        final int outer = pOuter ? m : s, inner = pOuter ? s : m;
        final int iu = pOuter ? 2 * s : 2, iv = pOuter ? 2 : 2 * s;
        final int ou = pOuter ? 8 * s : 2, ov = pOuter ? 2 : 8 * s;
        final int tu = pOuter ? 6 : 0, tv = pOuter ? 0 : 6;
        for (int u = 0; u < outer; u++) {
            for (int v = 0; v < inner; v++) {
                int i0 = xo + u * iu + v * iv;
                int o0 = yo + u * ou + v * ov;
                int t = u * tu + v * tv;
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
                float w1r = tw[t], w1i = tw[t + 1];
                float w2r = tw[t + 2], w2i = tw[t + 3];
                float w3r = tw[t + 4], w3i = tw[t + 5];
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
        final boolean last = m == 1;
        final boolean pOuter = s >= m;
        final int outer = pOuter ? m : s, inner = pOuter ? s : m;
        final int iu = pOuter ? 2 * s : 2, iv = pOuter ? 2 : 2 * s;
        final int ou = pOuter ? 10 * s : 2, ov = pOuter ? 2 : 10 * s;
        final int tu = pOuter ? 8 : 0, tv = pOuter ? 0 : 8;
        for (int u = 0; u < outer; u++) {
            for (int v = 0; v < inner; v++) {
                int i0 = xo + u * iu + v * iv;
                int o0 = yo + u * ou + v * ov;
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
                if (last) {
                    y[o0 + js] = y1r;
                    y[o0 + js + 1] = y1i;
                    y[o0 + 2 * js] = y2r;
                    y[o0 + 2 * js + 1] = y2i;
                    y[o0 + 3 * js] = y3r;
                    y[o0 + 3 * js + 1] = y3i;
                    y[o0 + 4 * js] = y4r;
                    y[o0 + 4 * js + 1] = y4i;
                } else {
                    int t = u * tu + v * tv;
                    float w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3];
                    float w3r = tw[t + 4], w3i = tw[t + 5], w4r = tw[t + 6], w4i = tw[t + 7];
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
    }

    private static void pass8(float[] x, int xo, float[] y, int yo, int s, int m, float[] tw, float sg) {
        final int ks = 2 * s * m;
        final int js = 2 * s;
        final boolean last = m == 1;
        final boolean pOuter = s >= m;
        final int outer = pOuter ? m : s, inner = pOuter ? s : m;
        final int iu = pOuter ? 2 * s : 2, iv = pOuter ? 2 : 2 * s;
        final int ou = pOuter ? 16 * s : 2, ov = pOuter ? 2 : 16 * s;
        final int tu = pOuter ? 14 : 0, tv = pOuter ? 0 : 14;
        for (int u = 0; u < outer; u++) {
            for (int v = 0; v < inner; v++) {
                int i0 = xo + u * iu + v * iv;
                int o0 = yo + u * ou + v * ov;
                // DFT4 of the even inputs 0, 2, 4, 6
                float a0r = x[i0], a0i = x[i0 + 1];
                float a4r = x[i0 + 4 * ks], a4i = x[i0 + 4 * ks + 1];
                float a2r = x[i0 + 2 * ks], a2i = x[i0 + 2 * ks + 1];
                float a6r = x[i0 + 6 * ks], a6i = x[i0 + 6 * ks + 1];
                float b0r = a0r + a4r, b0i = a0i + a4i, b1r = a0r - a4r, b1i = a0i - a4i;
                float b2r = a2r + a6r, b2i = a2i + a6i, b3r = sg * (a2r - a6r), b3i = sg * (a2i - a6i);
                float e0r = b0r + b2r, e0i = b0i + b2i, e2r = b0r - b2r, e2i = b0i - b2i;
                float e1r = b1r - b3i, e1i = b1i + b3r, e3r = b1r + b3i, e3i = b1i - b3r;
                // DFT4 of the odd inputs 1, 3, 5, 7
                float a1r = x[i0 + ks], a1i = x[i0 + ks + 1];
                float a5r = x[i0 + 5 * ks], a5i = x[i0 + 5 * ks + 1];
                float a3r = x[i0 + 3 * ks], a3i = x[i0 + 3 * ks + 1];
                float a7r = x[i0 + 7 * ks], a7i = x[i0 + 7 * ks + 1];
                float c0r = a1r + a5r, c0i = a1i + a5i, c1r = a1r - a5r, c1i = a1i - a5i;
                float c2r = a3r + a7r, c2i = a3i + a7i, c3r = sg * (a3r - a7r), c3i = sg * (a3i - a7i);
                float f0r = c0r + c2r, f0i = c0i + c2i, f2r = c0r - c2r, f2i = c0i - c2i;
                float f1r = c1r - c3i, f1i = c1i + c3r, f3r = c1r + c3i, f3i = c1i - c3r;
                // times w8^j, w8 = exp(sg 2 pi i / 8)
                float g1r = HALF_SQRT2 * (f1r - sg * f1i), g1i = HALF_SQRT2 * (f1i + sg * f1r);
                float g2r = -sg * f2i, g2i = sg * f2r;
                float g3r = -HALF_SQRT2 * (f3r + sg * f3i), g3i = HALF_SQRT2 * (sg * f3r - f3i);
                float y1r = e1r + g1r, y1i = e1i + g1i, y5r = e1r - g1r, y5i = e1i - g1i;
                float y2r = e2r + g2r, y2i = e2i + g2i, y6r = e2r - g2r, y6i = e2i - g2i;
                float y3r = e3r + g3r, y3i = e3i + g3i, y7r = e3r - g3r, y7i = e3i - g3i;
                float y4r = e0r - f0r, y4i = e0i - f0i;
                y[o0] = e0r + f0r;
                y[o0 + 1] = e0i + f0i;
                if (last) {
                    y[o0 + js] = y1r;
                    y[o0 + js + 1] = y1i;
                    y[o0 + 2 * js] = y2r;
                    y[o0 + 2 * js + 1] = y2i;
                    y[o0 + 3 * js] = y3r;
                    y[o0 + 3 * js + 1] = y3i;
                    y[o0 + 4 * js] = y4r;
                    y[o0 + 4 * js + 1] = y4i;
                    y[o0 + 5 * js] = y5r;
                    y[o0 + 5 * js + 1] = y5i;
                    y[o0 + 6 * js] = y6r;
                    y[o0 + 6 * js + 1] = y6i;
                    y[o0 + 7 * js] = y7r;
                    y[o0 + 7 * js + 1] = y7i;
                } else {
                    int t = u * tu + v * tv;
                    float wr = tw[t], wi = tw[t + 1];
                    y[o0 + js] = y1r * wr - y1i * wi;
                    y[o0 + js + 1] = y1r * wi + y1i * wr;
                    wr = tw[t + 2];
                    wi = tw[t + 3];
                    y[o0 + 2 * js] = y2r * wr - y2i * wi;
                    y[o0 + 2 * js + 1] = y2r * wi + y2i * wr;
                    wr = tw[t + 4];
                    wi = tw[t + 5];
                    y[o0 + 3 * js] = y3r * wr - y3i * wi;
                    y[o0 + 3 * js + 1] = y3r * wi + y3i * wr;
                    wr = tw[t + 6];
                    wi = tw[t + 7];
                    y[o0 + 4 * js] = y4r * wr - y4i * wi;
                    y[o0 + 4 * js + 1] = y4r * wi + y4i * wr;
                    wr = tw[t + 8];
                    wi = tw[t + 9];
                    y[o0 + 5 * js] = y5r * wr - y5i * wi;
                    y[o0 + 5 * js + 1] = y5r * wi + y5i * wr;
                    wr = tw[t + 10];
                    wi = tw[t + 11];
                    y[o0 + 6 * js] = y6r * wr - y6i * wi;
                    y[o0 + 6 * js + 1] = y6r * wi + y6i * wr;
                    wr = tw[t + 12];
                    wi = tw[t + 13];
                    y[o0 + 7 * js] = y7r * wr - y7i * wi;
                    y[o0 + 7 * js + 1] = y7r * wi + y7i * wr;
                }
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
                        float ajr = tw[tb + 2 * (j - 1)], aji = tw[tb + 2 * (j - 1) + 1];
                        float alr = tw[tb + 2 * (r - j - 1)], ali = tw[tb + 2 * (r - j - 1) + 1];
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
