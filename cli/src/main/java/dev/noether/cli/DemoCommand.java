package dev.noether.cli;

import dev.noether.core.DType;
import dev.noether.core.cpu.Kernels;
import dev.noether.core.cpu.Parallel;
import dev.noether.core.Tensor;
import dev.noether.core.io.Npz;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code noether demo}: the periodic heat equation solved with the FFT over several grid sizes
 * and times, errors against the closed form, timings; exits 1 when an error is above the
 * tolerance, so it doubles as a smoke test. The numerics are in {@link HeatEquationDemo}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Spectral heat-equation solve on the engine: errors, mass, timings.",
        description = {
            "Solves u_t = k u_xx on [0, 2 pi), periodic, for a batch of wrapped-Gaussian initial "
                    + "conditions: rfft along x, multiply mode xi by exp(-k xi^2 t), irfft (Noether's FFT). "
                    + "Compares with the exact solution (Gaussian images of variance s^2 + 2 k t) and prints, "
                    + "for every grid size and time, the max error, the relative max and L2 errors, the "
                    + "drift of the mean (mass) and the median time of one batch solve.",
            "Exits 1 if a relative error or the mass drift is above the tolerance, so the demo doubles "
                    + "as a smoke test of the engine.",
            ""
        })
public final class DemoCommand implements Callable<Integer> {
    /** Dtypes the demo solves in. */
    enum Precision {
        f64(DType.F64, 1e-12), f32(DType.F32, 1e-5);

        final DType dtype;
        final double defaultTolerance;

        Precision(DType dtype, double defaultTolerance) {
            this.dtype = dtype;
            this.defaultTolerance = defaultTolerance;
        }
    }

    @Option(names = "--n", split = ",", paramLabel = "N", defaultValue = "256,512,1024,2048,4096",
            description = "grid sizes (any n >= 2) (default: ${DEFAULT-VALUE})")
    int[] sizes;

    @Option(names = "--t", split = ",", paramLabel = "T", defaultValue = "0.01,0.1,1",
            description = "times to solve for (default: ${DEFAULT-VALUE})")
    double[] times;

    @Option(names = "--k", paramLabel = "K", defaultValue = "1.0", description = "diffusivity (default: ${DEFAULT-VALUE})")
    double k;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "initial conditions solved together (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--dtype", paramLabel = "f64|f32", defaultValue = "f64",
            description = "precision of the solve (default: ${DEFAULT-VALUE}); the exact solution is always f64")
    Precision precision;

    @Option(names = "--sigma-min", paramLabel = "S", defaultValue = "0.15",
            description = "standard deviation of the narrowest initial Gaussian (default: ${DEFAULT-VALUE})")
    double sigmaMin;

    @Option(names = "--sigma-max", paramLabel = "S", defaultValue = "0.6",
            description = "standard deviation of the widest initial Gaussian (default: ${DEFAULT-VALUE})")
    double sigmaMax;

    @Option(names = "--tol", paramLabel = "TOL",
            description = "largest relative error and mass drift accepted (default: 1e-12 for f64, 1e-5 for f32)")
    Double tolerance;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
            description = "timed solves per case; the median is shown, after 3 warm-up solves (and 0.3 s of warm-up before the first case) (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--out", paramLabel = "FILE.npz",
            description = "also save grids, initial conditions, solutions and exact solutions to an NPZ archive "
                    + "(np.load reads it): k, t[T], sigma[B], centre[B] and for every n: x_<n>[n], u0_<n>[B,n], "
                    + "u_<n>[T,B,n] (in --dtype), exact_<n>[T,B,n] (f64)")
    Path outFile;

    @Spec
    CommandSpec spec;

    static final int WARMUPS = 3;
    static final long WARMUP_MILLIS = 300;

    @Override
    public Integer call() throws IOException {
        if (repeats < 1) throw new ParameterException(spec.commandLine(), "--repeats must be at least 1, got " + repeats);
        double tol = tolerance != null ? tolerance : precision.defaultTolerance;
        List<HeatEquationDemo.Setup> setups = new ArrayList<>();
        try {
            for (int n : sizes) {
                for (double t : times) {
                    setups.add(new HeatEquationDemo.Setup(n, k, t, batch, precision.dtype, sigmaMin, sigmaMax));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (outFile != null && !outFile.getFileName().toString().endsWith(".npz")) {
            throw new ParameterException(spec.commandLine(), "--out must name a .npz file, got " + outFile);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Heat equation u_t = k u_xx on [0, 2pi), periodic: k = %s, %d wrapped Gaussians, s in [%s, %s]%n",
                fmt(k), batch, fmt(sigmaMin), fmt(sigmaMax));
        out.printf(Locale.ROOT, "rfft -> exp(-k xi^2 t) -> irfft in %s, %d thread(s), kernels: %s; exact solution in f64%n",
                precision, Parallel.threads(), Kernels.name());
        out.printf(Locale.ROOT, "pass: relative max error, relative L2 error and mass drift all <= %s%n%n", fmt(tol));
        String header = String.format(Locale.ROOT, "%6s %8s %11s %11s %11s %11s %10s  %s",
                "n", "t", "max |err|", "rel max", "rel L2", "mass drift", "ms/batch", "");
        out.println(header);
        out.println("-".repeat(header.length() + 4));
        warmUp(setups.get(0));
        int failed = 0;
        for (HeatEquationDemo.Setup s : setups) {
            HeatEquationDemo.Result r = HeatEquationDemo.run(s, WARMUPS, repeats);
            boolean ok = r.worstRelativeError() <= tol;  // false for NaN
            if (!ok) failed++;
            out.printf(Locale.ROOT, "%6d %8s %11.2e %11.2e %11.2e %11.2e %10.3f  %s%n",
                    s.n(), fmt(s.t()), r.maxError(), r.relMaxError(), r.relL2Error(), r.massDrift(),
                    r.millisPerSolve(), ok ? "ok" : "FAIL");
            out.flush();
        }
        out.println();
        if (outFile != null) {
            save(outFile);
            out.printf("saved %s%n", outFile);
        }
        if (failed == 0) {
            out.printf(Locale.ROOT, "all %d cases within %s%n", setups.size(), fmt(tol));
            out.flush();
            return 0;
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "noether demo: %d of %d cases above the tolerance %s; where the grid is too coarse for"
                + " the narrowest Gaussian (aliasing ~ exp(-(s n/2)^2/2) at t = 0), use a larger --n or --sigma-min%n",
                failed, setups.size(), fmt(tol));
        err.flush();
        return 1;
    }

    /** Writes the archive described by {@code --out}; solves again (cheap) rather than keeping every result. */
    private void save(Path file) throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("k", Tensor.scalar(k));
        arrays.put("t", Tensor.of(times.clone(), times.length));
        HeatEquationDemo.Setup first = new HeatEquationDemo.Setup(sizes[0], k, times[0], batch, precision.dtype, sigmaMin, sigmaMax);
        double[] sig = new double[batch];
        double[] cen = new double[batch];
        for (int b = 0; b < batch; b++) {
            sig[b] = first.sigma(b);
            cen[b] = first.centre(b);
        }
        arrays.put("sigma", Tensor.of(sig, batch));
        arrays.put("centre", Tensor.of(cen, batch));
        for (int n : sizes) {
            HeatEquationDemo.Setup s0 = new HeatEquationDemo.Setup(n, k, 0, batch, precision.dtype, sigmaMin, sigmaMax);
            Tensor u0 = HeatEquationDemo.initialCondition(s0);
            Tensor[] solved = new Tensor[times.length];
            double[] exact = new double[times.length * batch * n];
            for (int i = 0; i < times.length; i++) {
                solved[i] = HeatEquationDemo.solve(u0, k, times[i]);
                System.arraycopy(HeatEquationDemo.exactSolution(s0, times[i]), 0, exact, i * batch * n, batch * n);
            }
            arrays.put("x_" + n, Tensor.of(HeatEquationDemo.grid(n), n));
            arrays.put("u0_" + n, u0);
            arrays.put("u_" + n, Tensor.stack(0, solved));
            arrays.put("exact_" + n, Tensor.of(exact, times.length, batch, n));
        }
        Npz.write(file, arrays, false);
    }

    /** Solves the first case for {@link #WARMUP_MILLIS} so the JIT has compiled the FFT before the first timing. */
    private static void warmUp(HeatEquationDemo.Setup s) {
        var u0 = HeatEquationDemo.initialCondition(s);
        long end = System.nanoTime() + WARMUP_MILLIS * 1_000_000L;
        do {
            HeatEquationDemo.solve(u0, s.k(), s.t());
        } while (System.nanoTime() < end);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(?=e|$)", "");
    }
}
