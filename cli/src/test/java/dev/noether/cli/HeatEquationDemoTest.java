package dev.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noether.core.DType;
import dev.noether.core.Tensor;
import org.junit.jupiter.api.Test;

class HeatEquationDemoTest {
    private static HeatEquationDemo.Setup setup(int n, double t, DType dtype) {
        return new HeatEquationDemo.Setup(n, 0.7, t, 6, dtype, 0.2, 0.5);
    }

    /** Poisson summation: the wrapped Gaussian equals 1/(2 pi) + (1/pi) sum_xi exp(-s^2 xi^2 / 2) cos(xi (x - c)). */
    @Test
    void exactSolutionAgreesWithItsFourierSeries() {
        for (double t : new double[] {0, 0.05, 2}) {
            HeatEquationDemo.Setup s = setup(48, t, DType.F64);
            double[] u = HeatEquationDemo.exactSolution(s, t);
            double[] x = HeatEquationDemo.grid(s.n());
            for (int b = 0; b < s.batch(); b++) {
                double var = s.sigma(b) * s.sigma(b) + 2 * s.k() * t;
                for (int i = 0; i < s.n(); i++) {
                    double series = 1 / (2 * Math.PI);
                    for (int xi = 1; xi < 400; xi++) {
                        series += Math.exp(-0.5 * var * xi * xi) * Math.cos(xi * (x[i] - s.centre(b))) / Math.PI;
                    }
                    assertEquals(series, u[b * s.n() + i], 1e-14 * Math.max(1, Math.abs(series)), "b=" + b + " i=" + i + " t=" + t);
                }
            }
        }
    }

    @Test
    void batchSpansTheSigmaRangeAndThePeriod() {
        HeatEquationDemo.Setup s = setup(16, 0, DType.F64);
        assertEquals(0.2, s.sigma(0), 1e-15);
        assertEquals(0.5, s.sigma(s.batch() - 1), 1e-15);
        for (int b = 0; b < s.batch(); b++) assertTrue(s.centre(b) >= 0 && s.centre(b) < 2 * Math.PI);
    }

    @Test
    void f64SolveMatchesTheClosedFormToRoundOff() {
        for (int n : new int[] {64, 96, 128}) {
            for (double t : new double[] {0, 0.01, 0.3}) {
                HeatEquationDemo.Result r = HeatEquationDemo.run(setup(n, t, DType.F64), 0, 1);
                assertTrue(r.relMaxError() < 1e-13, "n=" + n + " t=" + t + ": " + r);
                assertTrue(r.relL2Error() < 1e-13, "n=" + n + " t=" + t + ": " + r);
                assertTrue(r.massDrift() < 1e-14, "n=" + n + " t=" + t + ": " + r);
            }
        }
    }

    @Test
    void f32SolveStaysF32AndWithinItsTolerance() {
        HeatEquationDemo.Setup s = setup(128, 0.1, DType.F32);
        Tensor u = HeatEquationDemo.solve(HeatEquationDemo.initialCondition(s), s.k(), s.t());
        assertEquals(DType.F32, u.dtype());
        assertEquals(java.util.List.of(s.batch(), s.n()), java.util.List.of(u.size(0), u.size(1)));
        HeatEquationDemo.Result r = HeatEquationDemo.run(s, 0, 1);
        assertTrue(r.worstRelativeError() < 1e-5, r.toString());
        assertTrue(r.relMaxError() > 1e-9, "an f32 solve cannot be this exact; was it done in f64? " + r);
    }

    /** The check can fail: a grid too coarse for the narrowest Gaussian aliases visibly. */
    @Test
    void coarseGridFailsTheTolerance() {
        HeatEquationDemo.Result r = HeatEquationDemo.run(new HeatEquationDemo.Setup(16, 1, 0.001, 4, DType.F64, 0.15, 0.3), 0, 1);
        assertTrue(r.relMaxError() > 1e-3, r.toString());
        assertTrue(r.massDrift() < 1e-14, "mass is conserved even when the solution is under-resolved: " + r);
    }

    @Test
    void badSetupsAreRejectedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeatEquationDemo.Setup(64, -1, 0.1, 4, DType.F64, 0.1, 0.2));
        assertTrue(e.getMessage().contains("need diffusivity k > 0, got -1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HeatEquationDemo.Setup(64, 1, 0.1, 4, DType.I64, 0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new HeatEquationDemo.Setup(64, 1, 0.1, 4, DType.F64, 0.3, 0.2));
    }

    @Test
    void demoCommandPrintsATableAndExitsZeroWhenWithinTolerance() {
        MainTest.Run r = MainTest.run("demo", "--n", "64,128", "--t", "0.1", "--batch", "4", "--repeats", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().filter(l -> l.matches(" +(64|128) +0\\.1 .* ok")).count() == 2, r.out());
        assertTrue(r.out().contains("all 2 cases within 1e-12"), r.out());
    }

    @Test
    void demoCommandExitsOneAboveTolerance() {
        MainTest.Run r = MainTest.run("demo", "--n", "16", "--t", "0.001", "--batch", "4", "--repeats", "1", "--dtype", "f64");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("FAIL"), r.out());
        assertTrue(r.err().contains("1 of 1 cases above the tolerance 1e-12"), r.err());
    }

    @Test
    void demoCommandRejectsBadOptions() {
        assertEquals(2, MainTest.run("demo", "--dtype", "f16").code());
        assertEquals(2, MainTest.run("demo", "--n", "1").code());
        assertEquals(2, MainTest.run("demo", "--sigma-min", "0.5", "--sigma-max", "0.1").code());
    }

    @Test
    void demoOutWritesAnNpzWithEveryGridAndTime(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path file = tmp.resolve("heat.npz");
        MainTest.Run r = MainTest.run("demo", "--n", "64,96", "--t", "0,0.2", "--batch", "3", "--repeats", "1",
                "--dtype", "f32", "--out", file.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        java.util.Map<String, Tensor> z = dev.noether.core.io.Npz.read(file);
        assertEquals(java.util.List.of("k", "t", "sigma", "centre", "x_64", "u0_64", "u_64", "exact_64",
                "x_96", "u0_96", "u_96", "exact_96"), new java.util.ArrayList<>(z.keySet()));
        assertEquals(DType.F32, z.get("u_96").dtype());
        assertEquals(java.util.List.of(2, 3, 96), java.util.List.of(z.get("u_96").size(0), z.get("u_96").size(1), z.get("u_96").size(2)));
        HeatEquationDemo.Setup s = new HeatEquationDemo.Setup(96, 1, 0.2, 3, DType.F32, 0.15, 0.6);
        double[] exact = HeatEquationDemo.exactSolution(s, 0.2);
        double[] saved = z.get("exact_96").select(0, 1).toDoubleArray();
        double[] solved = z.get("u_96").select(0, 1).toDoubleArray();
        for (int i = 0; i < exact.length; i++) {
            assertEquals(exact[i], saved[i], 0.0);
            assertEquals(exact[i], solved[i], 1e-5 * 2);
        }
        assertEquals(2, MainTest.run("demo", "--out", tmp.resolve("heat.txt").toString()).code());
    }
}
