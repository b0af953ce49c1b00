#!/usr/bin/env python3
"""numpy/scipy peer for Noether's JMH suite: the same workloads at the same sizes.

Prints (or writes with --out) ONE JSON object; every timing is seconds per call, min/median/max
over >= 7 samples after warm-up, a sample looping the call until it lasts >= 0.1 s.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/peers/numpy_peer.py --threads 1
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/peers/numpy_peer.py --threads 2

--threads limits OpenBLAS (GEMM, complex batched matmul) through threadpoolctl when installed,
else through OPENBLAS_NUM_THREADS / OMP_NUM_THREADS set before numpy is imported (run one
process per thread count); it is also scipy.fft's `workers`. numpy.fft and numpy's ufuncs are
single-threaded whatever the flag. Unsetting OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE lets OpenBLAS
pick its own kernel for the CPU (the environment's override slows it down on this machine).

Workloads (Noether's benchmark classes in brackets):
  gemm        C = A @ B, n = 64, 256, 1024, f64 and f32, into a preallocated C   [GemmBenchmark]
  mode_mix    complex batched matmul over 16 modes: (16, 20, 64) @ (16, 64, 64), complex128 and
              complex64, mode-major layout (numpy's fastest), into a preallocated output
              [ModeMixBenchmark]
  fft         rfft / irfft over the last axis of (20, 64, 1024); rfft2 / irfft2 over the last
              two axes of (20, 32, 64, 64); f64 and f32 (numpy >= 2 transforms float32 in single
              precision); numpy.fft both as a plain call (new output, like Noether's Tensor
              API) and into preallocated outputs with out= (not irfft2: numpy 2.4 gives wrong
              values with out=); scipy.fft with `workers` (allocates its output); truncated
              DFT = first 16 bins of rfft (what a numpy user writes)          [FftBenchmark]
  elementwise 1e7 f64: np.add(a, b, out=c), np.exp(a, out=c), a.sum(), np.copyto(c, a)
                                                                     [ElementwiseBenchmark]
"""
import argparse
import json
import os
import platform
import sys
import time

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--threads", type=int, required=True, help="BLAS threads and scipy.fft workers")
ap.add_argument("--repeats", type=int, default=9, help="timed samples per case (>= 7)")
ap.add_argument("--quick", action="store_true", help="short smoke run: 3 samples of >= 0.02 s (not for reporting)")
ap.add_argument("--out", help="write the JSON here instead of stdout")
args = ap.parse_args()
if args.threads < 1:
    sys.exit("--threads must be >= 1")
if args.repeats < 7 and not args.quick:
    sys.exit("--repeats must be >= 7 (use --quick for a smoke run)")

try:
    from threadpoolctl import threadpool_info, threadpool_limits
    HAVE_THREADPOOLCTL = True
except ImportError:
    HAVE_THREADPOOLCTL = False
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)

import numpy as np  # noqa: E402  (after the thread variables)
import scipy  # noqa: E402
import scipy.fft  # noqa: E402

if HAVE_THREADPOOLCTL:
    threadpool_limits(limits=args.threads, user_api="blas")

REPEATS = 3 if args.quick else args.repeats
MIN_SAMPLE_S = 0.02 if args.quick else 0.1

# the sizes of Noether's benchmark classes
GEMM_SIZES = (64, 256, 1024)
FFT_1D = (20, 64, 1024)
FFT_2D = (20, 32, 64, 64)
MODES, BATCH, CHANNELS = 16, 20, 64
ELEMENTS = 10_000_000


def bench(fn, warmup=2):
    """Seconds per call: warm up, size a sample to >= MIN_SAMPLE_S, time REPEATS samples."""
    for _ in range(warmup):
        fn()
    t0 = time.perf_counter()
    fn()
    one = max(time.perf_counter() - t0, 1e-7)
    number = max(1, int(MIN_SAMPLE_S / one))
    samples = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - t0) / number)
    samples.sort()
    return {"median_s": samples[len(samples) // 2], "min_s": samples[0], "max_s": samples[-1],
            "samples": REPEATS, "calls_per_sample": number}


def require_close(what, got, want, tol):
    err = float(np.max(np.abs(got - want)) / max(float(np.max(np.abs(want))), 1e-300))
    if not err <= tol:
        raise SystemExit(f"{what}: relative max error {err:.3g} > {tol:g}; not timing a wrong answer")
    return err


def blas_info():
    """The BLAS numpy calls: threadpoolctl's view when installed, else numpy's build config plus
    the kernel and thread count OpenBLAS itself reports (asked through ctypes)."""
    if HAVE_THREADPOOLCTL:
        return {"threadpoolctl": [{k: d.get(k) for k in ("internal_api", "version", "num_threads",
                                                         "architecture")} for d in threadpool_info()]}
    info = {}
    try:
        c = np.__config__.CONFIG["Build Dependencies"]["blas"]
        info.update(name=c.get("name"), version=c.get("version"))
    except (AttributeError, KeyError, TypeError):
        pass
    import ctypes
    import glob
    libdir = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in glob.glob(os.path.join(libdir, "*openblas*")):
        lib = ctypes.CDLL(path)
        for sym, key in (("scipy_openblas_get_corename64_", "corename"),
                         ("scipy_openblas_get_num_threads64_", "num_threads")):
            if hasattr(lib, sym):
                f = getattr(lib, sym)
                if key == "corename":
                    f.restype = ctypes.c_char_p
                    info[key] = f().decode().strip()
                else:
                    info[key] = f()
    return info


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return f.read().strip()
    except OSError:
        return "n/a"


def gemm_cases(rng):
    out = {}
    for dt in (np.float64, np.float32):
        for n in GEMM_SIZES:
            a = rng.uniform(-1, 1, (n, n)).astype(dt)
            b = rng.uniform(-1, 1, (n, n)).astype(dt)
            c = np.empty((n, n), dt)
            np.matmul(a, b, out=c)
            require_close(f"gemm {np.dtype(dt).name} n={n}", c.astype(np.float64),
                          a.astype(np.float64) @ b.astype(np.float64), 1e-12 if dt == np.float64 else 1e-5)
            t = bench(lambda: np.matmul(a, b, out=c))
            t["gflops"] = 2.0 * n ** 3 / t["median_s"] / 1e9
            out[f"{np.dtype(dt).name}_n{n}"] = t
    return out


def mode_mix_cases(rng):
    out = {}
    for ct in (np.complex128, np.complex64):
        def crand(shape):
            return (rng.uniform(-1, 1, shape) + 1j * rng.uniform(-1, 1, shape)).astype(ct)
        x = crand((MODES, BATCH, CHANNELS))      # x[k, b, i]
        w = crand((MODES, CHANNELS, CHANNELS))   # w[k, i, o]
        o = np.empty((MODES, BATCH, CHANNELS), ct)
        np.matmul(x, w, out=o)
        want = np.einsum("kbi,kio->kbo", x.astype(np.complex128), w.astype(np.complex128))
        require_close(f"mode mix {np.dtype(ct).name}", o, want, 1e-12 if ct == np.complex128 else 1e-5)
        t = bench(lambda: np.matmul(x, w, out=o))
        t["gflops"] = 8.0 * MODES * BATCH * CHANNELS * CHANNELS / t["median_s"] / 1e9
        out["f64" if ct == np.complex128 else "f32"] = t
    return out


def fft_cases(rng, workers):
    out = {}
    n = FFT_1D[-1]
    h, w = FFT_2D[-2:]
    for dt, ct in ((np.float64, np.complex128), (np.float32, np.complex64)):
        name = "f64" if dt == np.float64 else "f32"
        tol = 1e-10 if dt == np.float64 else 1e-4
        x = rng.standard_normal(FFT_1D).astype(dt)
        X = np.empty(FFT_1D[:-1] + (n // 2 + 1,), ct)
        y = np.empty(FFT_1D, dt)
        np.fft.rfft(x, axis=-1, out=X)
        np.fft.irfft(X, n=n, axis=-1, out=y)
        require_close(f"irfft(rfft(x)) {name}", y, x, tol)
        if X.dtype != ct or y.dtype != dt:
            raise SystemExit(f"numpy.fft changed precision: {X.dtype}, {y.dtype}")
        x2 = rng.standard_normal(FFT_2D).astype(dt)
        X2 = np.empty(FFT_2D[:-1] + (w // 2 + 1,), ct)
        np.fft.rfft2(x2, axes=(-2, -1), out=X2)
        # numpy 2.4's irfft2(..., out=y) returns wrong values (max error ~ max |x|), so the
        # 2-D inverse allocates its output
        require_close(f"irfft2(rfft2(x)) {name}", np.fft.irfft2(X2, s=(h, w), axes=(-2, -1)), x2, tol)
        out[name] = {
            # default calls (a new output array each time, like Noether's Tensor-level Fft)
            "rfft_numpy": bench(lambda: np.fft.rfft(x, axis=-1)),
            "irfft_numpy": bench(lambda: np.fft.irfft(X, n=n, axis=-1)),
            "rfft2_numpy": bench(lambda: np.fft.rfft2(x2, axes=(-2, -1))),
            "irfft2_numpy": bench(lambda: np.fft.irfft2(X2, s=(h, w), axes=(-2, -1))),
            "truncated16_numpy": bench(lambda: np.fft.rfft(x, axis=-1)[..., :MODES]),
            # into preallocated outputs (out=)
            "rfft_numpy_out": bench(lambda: np.fft.rfft(x, axis=-1, out=X)),
            "irfft_numpy_out": bench(lambda: np.fft.irfft(X, n=n, axis=-1, out=y)),
            "rfft2_numpy_out": bench(lambda: np.fft.rfft2(x2, axes=(-2, -1), out=X2)),
            # scipy.fft with `workers` threads (allocates)
            "rfft_scipy": bench(lambda: scipy.fft.rfft(x, axis=-1, workers=workers)),
            "irfft_scipy": bench(lambda: scipy.fft.irfft(X, n=n, axis=-1, workers=workers)),
            "rfft2_scipy": bench(lambda: scipy.fft.rfft2(x2, axes=(-2, -1), workers=workers)),
            "irfft2_scipy": bench(lambda: scipy.fft.irfft2(X2, s=(h, w), axes=(-2, -1), workers=workers)),
            "truncated16_scipy": bench(lambda: scipy.fft.rfft(x, axis=-1, workers=workers)[..., :MODES]),
        }
    return out


def elementwise_cases(rng):
    a = rng.uniform(-1, 1, ELEMENTS)
    b = rng.uniform(-1, 1, ELEMENTS)
    c = np.empty(ELEMENTS)          # written once below, so no page faults while timing
    np.add(a, b, out=c)
    out = {
        "add": bench(lambda: np.add(a, b, out=c)),
        "exp": bench(lambda: np.exp(a, out=c)),
        "sum": bench(lambda: a.sum()),
        "copyto": bench(lambda: np.copyto(c, a)),
    }
    for key, nbytes in (("add", 24), ("exp", 16), ("sum", 8), ("copyto", 16)):
        out[key]["gb_per_s"] = nbytes * ELEMENTS / out[key]["median_s"] / 1e9
    return out


def main():
    rng = np.random.default_rng(20261125)
    result = {
        "harness": "bench/peers/numpy_peer.py",
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "quick": args.quick,
        "threads": args.threads,
        "threadpoolctl": HAVE_THREADPOOLCTL,
        "python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
        "blas": blas_info(),
        "env": {v: os.environ.get(v) for v in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
                                               "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")},
        "cpu_count": os.cpu_count(),
        "loadavg_start": loadavg(),
        "timing": "seconds per call: median/min/max over samples after warm-up",
    }
    result["gemm"] = gemm_cases(rng)
    result["mode_mix"] = mode_mix_cases(rng)
    result["fft"] = fft_cases(rng, args.threads)
    result["elementwise"] = elementwise_cases(rng)
    result["loadavg_end"] = loadavg()
    text = json.dumps(result, indent=1)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
