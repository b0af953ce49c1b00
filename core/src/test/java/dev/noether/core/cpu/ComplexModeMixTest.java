package dev.noether.core.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ComplexModeMix} against a naive complex loop, the adjoint identity, and across threads. */
class ComplexModeMixTest {
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    static double[] random(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextDouble(-1, 1);
        return x;
    }

    /** Naive {@code out[p, q, m] (+)= sum_r opA(p, r, m) opB(r, q, m)} in complex arithmetic. */
    static double[] naive(int rows, int cols, int inner, int modes, double[] a, boolean ta, boolean ca,
                          double[] b, boolean tb, boolean cb, double[] out0, boolean accumulate) {
        double[] out = accumulate ? out0.clone() : new double[2 * rows * cols * modes];
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < cols; q++) {
                for (int m = 0; m < modes; m++) {
                    double re = 0, im = 0;
                    for (int r = 0; r < inner; r++) {
                        int ai = 2 * ((ta ? r * rows + p : p * inner + r) * modes + m);
                        int bi = 2 * ((tb ? q * inner + r : r * cols + q) * modes + m);
                        double ar = a[ai], aim = ca ? -a[ai + 1] : a[ai + 1];
                        double br = b[bi], bim = cb ? -b[bi + 1] : b[bi + 1];
                        re += ar * br - aim * bim;
                        im += ar * bim + aim * br;
                    }
                    int o = 2 * ((p * cols + q) * modes + m);
                    out[o] += re;
                    out[o + 1] += im;
                }
            }
        }
        return out;
    }

    static void assertClose(double[] ref, double[] got, double tol, String what) {
        assertEquals(ref.length, got.length, what);
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], got[i], tol, what + " at " + i);
    }

    static double[] slice(double[] x, int off) {
        double[] y = new double[x.length - off];
        System.arraycopy(x, off, y, 0, y.length);
        return y;
    }

    @Test
    void generalFormMatchesNaiveLoopForEveryFlagCombination() {
        SplittableRandom rnd = new SplittableRandom(1);
        // rows <= cols and rows > cols take the two real embeddings
        int[][] shapes = {{3, 5, 4, 2}, {6, 2, 7, 3}, {1, 1, 1, 1}, {4, 4, 9, 5}, {9, 7, 1, 2}};
        for (VectorKernels kern : GemmTest.kernels()) {
            for (int[] s : shapes) {
                int rows = s[0], cols = s[1], inner = s[2], modes = s[3];
                for (int flags = 0; flags < 32; flags++) {
                    boolean ta = (flags & 1) != 0, ca = (flags & 2) != 0, tb = (flags & 4) != 0, cb = (flags & 8) != 0;
                    boolean acc = (flags & 16) != 0;
                    // operands at offsets 3 and 1, output at offset 2
                    double[] a = random(rnd, 2 * rows * inner * modes + 3), b = random(rnd, 2 * inner * cols * modes + 1);
                    double[] out0 = random(rnd, 2 * rows * cols * modes);
                    double[] ref = naive(rows, cols, inner, modes, slice(a, 3), ta, ca, slice(b, 1), tb, cb, out0, acc);
                    double[] out = new double[out0.length + 2];
                    System.arraycopy(out0, 0, out, 2, out0.length);
                    ComplexModeMix.mix(kern, rows, cols, inner, modes, a, 3, ta, ca, b, 1, tb, cb, out, 2, acc);
                    assertClose(ref, slice(out, 2), 1e-13 * (inner + 1), "f64 " + kern.name() + " " + s[0] + "x" + s[1] + " flags=" + flags);

                    float[] fa = GemmTest.toFloat(a), fb = GemmTest.toFloat(b);
                    float[] fout = GemmTest.toFloat(out);
                    ComplexModeMix.mix(kern, rows, cols, inner, modes, fa, 3, ta, ca, fb, 1, tb, cb, fout, 2, false);
                    double[] fref = naive(rows, cols, inner, modes, slice(GemmTest.toDouble(fa), 3), ta, ca,
                            slice(GemmTest.toDouble(fb), 1), tb, cb, out0, false);
                    assertClose(fref, slice(GemmTest.toDouble(fout), 2), 1e-5 * (inner + 1), "f32 " + kern.name() + " flags=" + flags);
                }
            }
        }
    }

    @Test
    void forwardAndGradientsMatchNaiveAndSatisfyTheAdjointIdentity() {
        SplittableRandom rnd = new SplittableRandom(2);
        int batch = 5, in = 6, out = 4, modes = 3;
        double[] x = random(rnd, 2 * batch * in * modes), w = random(rnd, 2 * in * out * modes);
        double[] g = random(rnd, 2 * batch * out * modes);
        double[] y = new double[g.length];
        ComplexModeMix.forward(x, 0, w, 0, y, 0, batch, in, out, modes);
        double[] yRef = new double[g.length];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                for (int m = 0; m < modes; m++) {
                    double re = 0, im = 0;
                    for (int i = 0; i < in; i++) {
                        int xi = 2 * ((b * in + i) * modes + m), wi = 2 * ((i * out + o) * modes + m);
                        re += x[xi] * w[wi] - x[xi + 1] * w[wi + 1];
                        im += x[xi] * w[wi + 1] + x[xi + 1] * w[wi];
                    }
                    yRef[2 * ((b * out + o) * modes + m)] = re;
                    yRef[2 * ((b * out + o) * modes + m) + 1] = im;
                }
            }
        }
        assertClose(yRef, y, 1e-13, "forward");

        double[] gx = new double[x.length], gw = new double[w.length];
        ComplexModeMix.gradInput(g, 0, w, 0, gx, 0, batch, in, out, modes, false);
        ComplexModeMix.gradWeight(x, 0, g, 0, gw, 0, batch, in, out, modes, false);
        // adjoint identity of the bilinear map for real inner products:
        // <g, forward(x, w)> = <gradInput(g), x> = <gradWeight(g), w>
        double lhs = dot(g, y);
        assertEquals(lhs, dot(gx, x), 1e-12);
        assertEquals(lhs, dot(gw, w), 1e-12);
        // and one gradient entry by a finite difference of the real loss <g, forward(x)>
        int probe = 7;
        double h = 1e-6;
        double[] xp = x.clone();
        xp[probe] += h;
        double[] yp = new double[y.length];
        ComplexModeMix.forward(xp, 0, w, 0, yp, 0, batch, in, out, modes);
        assertEquals((dot(g, yp) - lhs) / h, gx[probe], 1e-6);

        double[] gx2 = gx.clone();
        ComplexModeMix.gradInput(g, 0, w, 0, gx2, 0, batch, in, out, modes, true);
        for (int i = 0; i < gx.length; i++) assertEquals(2 * gx[i], gx2[i], 1e-15);

        float[] fy = new float[y.length];
        ComplexModeMix.forward(GemmTest.toFloat(x), 0, GemmTest.toFloat(w), 0, fy, 0, batch, in, out, modes);
        assertClose(yRef, GemmTest.toDouble(fy), 1e-5, "f32 forward");
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void fnoSizedProblemIsBitwiseIdenticalAcrossThreadCounts() {
        SplittableRandom rnd = new SplittableRandom(3);
        int batch = 20, in = 64, out = 64, modes = 16;
        double[] x = random(rnd, 2 * batch * in * modes), w = random(rnd, 2 * in * out * modes);
        double[] g = random(rnd, 2 * batch * out * modes);
        double[] y1 = null, gx1 = null, gw1 = null;
        for (int t : new int[] {1, 2, 8}) {
            Parallel.setThreads(t);
            double[] y = new double[g.length], gx = new double[x.length], gw = new double[w.length];
            ComplexModeMix.forward(x, 0, w, 0, y, 0, batch, in, out, modes);
            ComplexModeMix.gradInput(g, 0, w, 0, gx, 0, batch, in, out, modes, false);
            ComplexModeMix.gradWeight(x, 0, g, 0, gw, 0, batch, in, out, modes, false);
            if (y1 == null) {
                y1 = y; gx1 = gx; gw1 = gw;
                assertClose(naive(batch, out, in, modes, x, false, false, w, false, false, null, false), y, 1e-12, "forward");
                assertClose(naive(batch, in, out, modes, g, false, false, w, true, true, null, false), gx, 1e-12, "gradInput");
                assertClose(naive(in, out, batch, modes, x, true, true, g, false, false, null, false), gw, 1e-12, "gradWeight");
            } else {
                assertArrayEquals(y1, y, "forward, threads=" + t);
                assertArrayEquals(gx1, gx, "gradInput, threads=" + t);
                assertArrayEquals(gw1, gw, "gradWeight, threads=" + t);
            }
        }
    }

    @Test
    void rejectsShortArrays() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComplexModeMix.forward(new double[10], 0, new double[100], 0, new double[100], 0, 2, 3, 4, 1));
        assertTrue(e.getMessage().contains("ComplexModeMix") && e.getMessage().contains("[2, 3, 1, 2]"), e.getMessage());
    }
}
