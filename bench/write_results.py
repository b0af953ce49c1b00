#!/usr/bin/env python3
"""Writes bench/RESULTS.md from the files bench/run-benchmarks.sh leaves in bench/results/.

    python3 bench/write_results.py [--results bench/results] [--out bench/RESULTS.md]

Inputs: jmh*.json (JMH, average time per call; one file per JMH invocation), numpy-t<k>.json (bench/peers/numpy_peer.py, median
time per call), environment.json (dev.noether.bench.RunEnvironment), run-info.txt (key=value
lines written by the run script), jmh.log (scanned for failed benchmarks). Standard library only.

Every figure is converted from a time per call: GFLOP/s with 2 n^3 flops per n x n GEMM and
8 B Ci Co M per complex mode mixing; GB/s with the bytes a kernel must move (STREAM's
convention: add 24 B per element, copy 16, exp 16, sum 8; write-allocate traffic not counted).
Ratios are "Noether / peer" of throughput (GEMM: > 1 means Noether faster) or of time (FFT,
mode mixing: < 1 means Noether faster), as each table says. Text between the analysis markers
of an existing RESULTS.md is kept.
"""
import argparse
import glob
import json
import os
import re
import sys
import time

ANALYSIS_BEGIN = "<!-- analysis: begin (kept when write_results.py regenerates this file) -->"
ANALYSIS_END = "<!-- analysis: end -->"
PKG = "dev.noether.bench."
UNIT_SECONDS = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "µs/op": 1e-6, "ns/op": 1e-9}
ELEMENTS = 10_000_000
MODE_MIX_FLOPS = 8 * 20 * 64 * 64 * 16

# the targets
GEMM_VS_NUMPY = 0.6
GEMM_VS_EJML = 5.0
RFFT_VS_NUMPY_TIME = 1.5
RFFT_VS_JTRANSFORMS_TIME = 1.0
ADD_VS_COPY = 0.7


# ---------------------------------------------------------------- inputs

def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def load_info(path):
    """run-info.txt as {key: last value}, plus {key + '[]': all values} for repeated keys."""
    info = {}
    try:
        with open(path) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    info[k] = v
                    info.setdefault(k + "[]", []).append(v)
    except FileNotFoundError:
        pass
    return info


class Jmh:
    """JMH results keyed by (class, method, params)."""

    def __init__(self, runs):
        self.runs = runs or []
        self.by_key = {}
        for r in self.runs:
            cls, method = r["benchmark"].replace(PKG, "").rsplit(".", 1)
            pm = r["primaryMetric"]
            scale = UNIT_SECONDS.get(pm["scoreUnit"])
            if scale is None or r.get("mode") != "avgt":
                continue
            pct = pm.get("scorePercentiles") or {}
            median = float(pct.get("50.0", pm["score"])) * scale
            lo = float(pct.get("0.0", pm["score"])) * scale
            hi = float(pct.get("100.0", pm["score"])) * scale
            key = (cls, method, tuple(sorted((r.get("params") or {}).items())))
            self.by_key[key] = (median, lo, hi, False)
        self.disturbed = {}

    def mark_disturbed(self, windows, samples):
        """Flags every result whose time window overlaps a sample of foreign CPU use."""
        for key, (start, end) in windows.items():
            hits = overlaps(samples, start, end)
            if hits and key in self.by_key:
                self.by_key[key] = self.by_key[key][:3] + (True,)
                self.disturbed[key] = hits

    def get(self, cls, method, **params):
        """(median, min, max, disturbed) seconds per call over the measurement iterations, or None."""
        return self.by_key.get((cls, method, tuple(sorted((k, str(v)) for k, v in params.items()))))

    def seconds(self, cls, method, **params):
        v = self.get(cls, method, **params)
        return None if v is None else v[0]

    def setting(self, key):
        def text(v):
            return " ".join(f"`{a}`" for a in v) if isinstance(v, list) else str(v)
        vals = sorted({text(r.get(key)) for r in self.runs})
        return ", ".join(vals) if vals else "n/a"


STAMP = re.compile(r"^(\d\d):(\d\d):(\d\d) ?(.*)$")


def clock_seconds(hms):
    h, m, sec = (int(x) for x in hms.split(":"))
    return 3600 * h + 60 * m + sec


def read_log(path):
    """jmh.log as (seconds since midnight UTC or None, text) per line; run-benchmarks.sh stamps
    each line with the time it was printed."""
    try:
        with open(path, errors="replace") as f:
            raw = f.read().splitlines()
    except FileNotFoundError:
        return []
    out, day = [], 0
    last = None
    for line in raw:
        m = STAMP.match(line)
        if not m:
            out.append((None, line))
            continue
        t = 3600 * int(m.group(1)) + 60 * int(m.group(2)) + int(m.group(3)) + day
        if last is not None and t < last - 43200:      # the run crossed midnight
            day += 86400
            t += 86400
        last = t
        out.append((t, m.group(4)))
    return out


def parse_params(text):
    """'(dtype = f64, n = 1024, threads = 1)' -> (('dtype', 'f64'), ('n', '1024'), ('threads', '1'))."""
    text = text.strip()
    if not text.startswith("("):
        return ()
    pairs = [p.split("=", 1) for p in text.strip("()").split(",") if "=" in p]
    return tuple(sorted((k.strip(), v.strip()) for k, v in pairs))


def failures_from_log(lines):
    """(benchmark, params, first exception line) for each '<failure>' JMH reported."""
    out = []
    bench, params = "?", ""
    for i, (_, line) in enumerate(lines):
        if line.startswith("# Benchmark: "):
            bench = line[len("# Benchmark: "):].replace(PKG, "")
        elif line.startswith("# Parameters: "):
            params = line[len("# Parameters: "):]
        elif line.strip() == "<failure>":
            msg = next((l.strip() for _, l in lines[i + 1:i + 12]
                        if re.match(r"^\s*[\w.$]+(Exception|Error)\b", l)), "see jmh.log")
            out.append((bench, params, msg))
    return out


def benchmark_windows(lines):
    """{(class, method, params): (start, end)} in seconds, from the time-stamped jmh.log."""
    windows = {}
    key, start = None, None
    for t, line in lines:
        if line.startswith("# Benchmark: ") and t is not None:
            cls, method = line[len("# Benchmark: "):].replace(PKG, "").rsplit(".", 1)
            key, start = (cls, method, ()), t
        elif line.startswith("# Parameters: ") and key is not None:
            key = (key[0], key[1], parse_params(line[len("# Parameters: "):]))
        elif line.startswith('Result "') and key is not None and t is not None:
            windows[key] = (start, t)
            key = None
    return windows


def foreign_cpu_samples(path):
    """[(seconds, pid, %cpu, command)] of processes not belonging to the run, from cpu-samples.txt."""
    out = []
    try:
        with open(path, errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").split(" ", 4)    # time pid %cpu ours|other command
                if len(parts) < 5 or parts[3] != "other":
                    continue
                try:
                    out.append((clock_seconds(parts[0]), parts[1], float(parts[2]), parts[4]))
                except ValueError:
                    continue
    except FileNotFoundError:
        return None
    return out


def overlaps(samples, start, end):
    """Samples inside [start, end] (a sample covers the 2 s after its time stamp)."""
    return [s for s in samples if start - 3 <= s[0] <= end + 1]


# ---------------------------------------------------------------- formatting

def f_num(v, digits=3):
    if v is None:
        return "—"
    if v == 0:
        return "0"
    mag = abs(v)
    if mag >= 100:
        return f"{v:.0f}"
    if mag >= 10:
        return f"{v:.1f}"
    if mag >= 1:
        return f"{v:.2f}"
    return f"{v:.{digits}g}"


def f_ms(sec, lo=None, hi=None, disturbed=False, scale=1e3):
    """A time in ms (scale 1e6: µs), with the min-max range of the iterations when given, and a
    dagger when another process used the CPU while it was measured."""
    if sec is None:
        return "not measured"
    s = f_num(sec * scale)
    if lo is not None and hi is not None and hi > lo:
        s += f" ({f_num(lo * scale)}–{f_num(hi * scale)})"
    return s + (" †" if disturbed else "")


def f_ratio(r):
    return "—" if r is None else f"{r:.2f}x"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def gflops(flops, sec):
    return None if sec is None or sec == 0 else flops / sec / 1e9


def gbs(nbytes, sec):
    return None if sec is None or sec == 0 else nbytes / sec / 1e9


def status_at_least(value, target):
    """Throughput-like ratio that must be >= target."""
    if value is None:
        return "not measured"
    if value >= target:
        return f"met ({value:.2f}x vs >= {target:g}x)"
    return (f"**MISSED**: {value:.2f}x vs >= {target:g}x, {100 * (1 - value / target):.0f}% short "
            f"(needs {target / value:.2f}x faster)")


def status_at_most(value, target):
    """Time ratio that must be <= target."""
    if value is None:
        return "not measured"
    if value <= target:
        return f"met ({value:.2f}x the time vs <= {target:g}x)"
    return (f"**MISSED**: {value:.2f}x the time vs <= {target:g}x, {100 * (value / target - 1):.0f}% over "
            f"(needs {value / target:.2f}x faster)")


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


# ---------------------------------------------------------------- the report

class Report:
    def __init__(self, results_dir):
        self.dir = results_dir
        runs = []
        for path in sorted(glob.glob(os.path.join(results_dir, "jmh*.json"))):
            runs += load_json(path) or []
        self.jmh = Jmh(runs)
        self.env = load_json(os.path.join(results_dir, "environment.json")) or {}
        self.info = load_info(os.path.join(results_dir, "run-info.txt"))
        self.numpy = {}
        for path in glob.glob(os.path.join(results_dir, "numpy-t*.json")):
            d = load_json(path)
            if d:
                self.numpy[int(d["threads"])] = d
        self.cpus = int(self.env.get("available_processors") or self.info.get("cpus") or 1)
        log = read_log(os.path.join(results_dir, "jmh.log"))
        self.failures = failures_from_log(log)
        self.foreign = foreign_cpu_samples(os.path.join(results_dir, "cpu-samples.txt"))
        if self.foreign:
            self.jmh.mark_disturbed(benchmark_windows(log), self.foreign)
        self.numpy_disturbed = {}
        for t in self.numpy:
            a, b = self.info.get(f"numpy_t{t}_started"), self.info.get(f"numpy_t{t}_finished")
            if self.foreign and a and b:
                hits = overlaps(self.foreign, clock_seconds(a), clock_seconds(b))
                if hits:
                    self.numpy_disturbed[t] = hits
        # JMH's thread parameter values and the peer process that matches each
        self.thread_params = [("1", 1), ("all", self.cpus)]

    def np_value(self, threads, *path):
        d = self.numpy.get(threads)
        for p in path:
            if not isinstance(d, dict) or p not in d:
                return None
            d = d[p]
        return d

    def np_seconds(self, threads, *path):
        v = self.np_value(threads, *path)
        return None if v is None else v["median_s"]

    # ------------------------------------------------------------ sections

    def header(self):
        quick = self.info.get("quick") == "1"
        np1 = self.numpy.get(1) or next(iter(self.numpy.values()), None)
        blas = (np1 or {}).get("blas", {})
        if isinstance(blas, dict) and "threadpoolctl" in blas:
            blas_text = "; ".join(f"{b.get('internal_api')} {b.get('version')} ({b.get('architecture')})"
                                  for b in blas["threadpoolctl"])
        elif isinstance(blas, dict):
            blas_text = f"{blas.get('name', '?')} {blas.get('version', '')}, kernel {blas.get('corename', '?')}"
        else:
            blas_text = "?"
        numpy_text = ("not measured (" + self.info.get("numpy", "no numpy-t*.json in " + self.dir) + ")"
                      if not self.numpy else
                      f"numpy {np1['numpy']}, scipy {np1['scipy']}, Python {np1['python']}; BLAS {blas_text}; "
                      f"processes with {', '.join(str(t) for t in sorted(self.numpy))} BLAS thread(s), "
                      f"OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset")
        np_loads = "; ".join(f"{t} thread(s): {d.get('loadavg_start', '?').split(' ')[0]} -> "
                             f"{d.get('loadavg_end', '?').split(' ')[0]}" for t, d in sorted(self.numpy.items()))
        jt = self.env.get("jtransforms_version", "?")
        rows = [
            ("Date", f"{self.info.get('started', '?')} to {self.info.get('finished', '?')}"),
            ("CPU", f"{self.info.get('cpu_model', '?')}, {self.info.get('cpus', self.cpus)} cores "
                    f"(lscpu), SIMD flags: {self.info.get('cpu_flags_simd', '?').strip() or '?'}; "
                    f"memory {self.info.get('memory', '?')}"),
            ("JDK", f"{self.env.get('java_vm', '?')} ({self.env.get('java_vendor', '?')}), {self.env.get('os', '?')}"),
            ("Noether SIMD path", f"`{self.env.get('simd_kernels', '?')}` (Kernels.name() in a JVM with the "
                                  f"forks' options; Vector API module present: "
                                  f"{self.env.get('vector_module_in_boot_layer', '?')})"),
            ("Threads", f"each benchmark at 1 thread and at all {self.cpus} (`-p threads=1,all`; "
                        "Parallel.setThreads in the set-up)"),
            ("JMH", f"{self.jmh.setting('jmhVersion')}; warm-up iterations {self.jmh.setting('warmupIterations')} "
                    f"x {self.jmh.setting('warmupTime')}, measurement {self.jmh.setting('measurementIterations')} "
                    f"x {self.jmh.setting('measurementTime')}, forks {self.jmh.setting('forks')}; "
                    f"JVM options {self.jmh.setting('jvmArgs')}. Noether / EJML / JTransforms figures are "
                    "the median over the measurement iterations (each one JMH's average time per call), "
                    "with (min–max) of the iterations where a time is shown; numpy figures are medians "
                    "of >= 7 samples"),
            ("Load average (1, 5, 15 min)", f"before JMH {self.info.get('load_before_jmh', '?')}, after JMH "
                                     f"{self.info.get('load_after_jmh', '?')}; numpy runs {np_loads or '—'}"),
            ("Peers", f"EJML {self.env.get('ejml_version', '?')}; JTransforms {jt}"
                      + (" (the issue names JTransforms 3.2; this run used the version the parent POM pins)"
                         if jt != "3.2" else "") + f"; {numpy_text}"),
            ("Source", f"git {self.info.get('git_commit', '?')}; "
                       + "; ".join(f"`{c}`" for c in self.info.get("jmh_command[]", ["?"]))),
        ]
        out = ["# Noether benchmark results", ""]
        if quick:
            out += ["> **QUICK RUN** (`--quick`: 1 warm-up and 2 one-second measurements; the GEMM is not "
                    "fully compiled in that time). Not for reporting.", ""]
        out += [f"Written by `bench/write_results.py` on {time.strftime('%Y-%m-%d %H:%M')} from "
                "`bench/results/` (`bench/run-benchmarks.sh`). Only ratios measured in one session "
                "mean anything: this VM's speed changes from day to day.", ""]
        out += [table(["", ""], rows), ""]
        if self.failures:
            out += ["**Failed benchmarks** (from jmh.log):", ""]
            out += [f"- {b} [{p}]: {m}" for b, p, m in self.failures] + [""]
        out += self.disturbances()
        return out

    def disturbances(self):
        if self.foreign is None:
            return ["Other CPU use during the run: not recorded (no cpu-samples.txt).", ""]
        if not self.foreign:
            return ["Other CPU use during the run: none seen (processes using >= 30% of a core, "
                    "sampled every 10 s).", ""]
        procs = {}
        for t, pid, cpu, cmd in self.foreign:
            first, last, peak, c = procs.get(pid, (t, t, cpu, cmd))
            procs[pid] = (min(first, t), max(last, t), max(peak, cpu), c)
        hms = lambda x: time.strftime("%H:%M:%S", time.gmtime(x % 86400))  # noqa: E731
        out = ["**Other processes used the CPU during the run** (sampled every 10 s; results measured "
               "meanwhile are marked † and are slower than the machine can do):", ""]
        out += [f"- {hms(a)}–{hms(b)} UTC, pid {pid}, up to {peak:.0f}% of a core: `{cmd[:120]}`"
                for pid, (a, b, peak, cmd) in sorted(procs.items(), key=lambda kv: kv[1][0])]
        hit = sorted(f"{c}.{m} [{', '.join(f'{k}={v}' for k, v in p)}]" for c, m, p in self.jmh.disturbed)
        if hit:
            out += ["", f"Benchmarks measured while they ran ({len(hit)}): " + "; ".join(hit) + "."]
        if self.numpy_disturbed:
            out += ["", "numpy peer runs affected: " + ", ".join(f"{t} thread(s)" for t in sorted(self.numpy_disturbed)) + "."]
        return out + [""]

    def targets(self):
        rows = []
        for dt in ("f64", "f32"):
            np_key = "float64_n1024" if dt == "f64" else "float32_n1024"
            for tp, tn in self.thread_params:
                noe = self.jmh.seconds("GemmBenchmark", "noether", n=1024, dtype=dt, threads=tp)
                ejml = self.jmh.seconds("GemmBenchmark", "ejml", n=1024, dtype=dt, threads=tp)
                npy = self.np_seconds(tn, "gemm", np_key)
                label = f"{tn} thread{'s' if tn > 1 else ''}"
                gemm = dict(n=1024, dtype=dt, threads=tp)
                rows.append((f"GEMM n=1024 {dt}, {label}: >= {GEMM_VS_NUMPY}x numpy GFLOP/s",
                             f"{f_num(gflops(2 * 1024 ** 3, noe))} vs {f_num(gflops(2 * 1024 ** 3, npy))} GFLOP/s",
                             status_at_least(ratio(npy, noe), GEMM_VS_NUMPY)
                             + self.dagger([("GemmBenchmark", "noether", gemm)], tn)))
                rows.append((f"GEMM n=1024 {dt}, {label}: >= {GEMM_VS_EJML:g}x EJML",
                             f"{f_num(gflops(2 * 1024 ** 3, noe))} vs {f_num(gflops(2 * 1024 ** 3, ejml))} GFLOP/s",
                             status_at_least(ratio(ejml, noe), GEMM_VS_EJML)
                             + self.dagger([("GemmBenchmark", "noether", gemm), ("GemmBenchmark", "ejml", gemm)])))
        for dt in ("f64", "f32"):
            noe1 = self.jmh.seconds("FftBenchmark", "rfft", dtype=dt, threads="1")
            npy1 = self.np_seconds(1, "fft", dt, "rfft_numpy")
            rows.append((f"rfft 20x64x1024 {dt}, 1 thread: <= {RFFT_VS_NUMPY_TIME}x numpy.fft's time",
                         f"{f_ms(noe1)} vs {f_ms(npy1)} ms", status_at_most(ratio(noe1, npy1), RFFT_VS_NUMPY_TIME)
                         + self.dagger([("FftBenchmark", "rfft", dict(dtype=dt, threads="1"))], 1)))
            into1 = self.jmh.seconds("FftBenchmark", "rfftInto", dtype=dt, threads="1")
            npo1 = self.np_seconds(1, "fft", dt, "rfft_numpy_out")
            rows.append((f"rfft 20x64x1024 {dt} into a preallocated output, 1 thread: <= {RFFT_VS_NUMPY_TIME}x "
                         "numpy's rfft(x, out=X)", f"{f_ms(into1)} vs {f_ms(npo1)} ms",
                         status_at_most(ratio(into1, npo1), RFFT_VS_NUMPY_TIME)
                         + self.dagger([("FftBenchmark", "rfftInto", dict(dtype=dt, threads="1"))], 1)))
            for tp, tn in self.thread_params:
                noe = self.jmh.seconds("FftBenchmark", "rfft", dtype=dt, threads=tp)
                jt = self.jmh.seconds("FftBenchmark", "jtransformsRfft", dtype=dt, threads=tp)
                rows.append((f"rfft 20x64x1024 {dt}, {tn} thread{'s' if tn > 1 else ''}: no slower than JTransforms",
                             f"{f_ms(noe)} vs {f_ms(jt)} ms", status_at_most(ratio(noe, jt), RFFT_VS_JTRANSFORMS_TIME)
                             + self.dagger([("FftBenchmark", m, dict(dtype=dt, threads=tp))
                                            for m in ("rfft", "jtransformsRfft")])))
        for tp, tn in self.thread_params:
            add = self.jmh.seconds("ElementwiseBenchmark", "add", threads=tp)
            copy_bw, copy_name = self.copy_bandwidth(tp)
            add_bw = gbs(24 * ELEMENTS, add)
            rows.append((f"add 1e7 f64, {tn} thread{'s' if tn > 1 else ''}: >= {ADD_VS_COPY}x copy bandwidth",
                         f"{f_num(add_bw)} GB/s vs {f_num(copy_bw)} GB/s ({copy_name})",
                         status_at_least(ratio(add_bw, copy_bw), ADD_VS_COPY)
                         + self.dagger([("ElementwiseBenchmark", m, dict(threads=tp))
                                        for m in ("add", "arraycopy", "copyLoop")])))
        return ["## Targets (from the issue)", "",
                "Like for like: Noether at 1 thread against numpy with 1 BLAS thread (numpy.fft is always "
                "single-threaded), Noether at all threads against numpy with all BLAS threads; EJML and "
                "JTransforms at the same thread count as Noether. GEMM and add ratios are throughput "
                "ratios (Noether / peer), FFT ratios are time ratios (Noether / peer). † = measured while "
                "another process used the CPU (see above).", "",
                table(["target", "Noether vs peer", "status"], rows), ""]

    def dagger(self, jmh_keys, numpy_threads=None):
        """' †' when any of these results was measured while another process used the CPU."""
        hit = any((c, m, tuple(sorted((k, str(v)) for k, v in p.items()))) in self.jmh.disturbed
                  for c, m, p in jmh_keys)
        return " †" if hit or numpy_threads in self.numpy_disturbed else ""

    def copy_bandwidth(self, tp):
        """The better of System.arraycopy and the copy loop at this thread count (16 B per element)."""
        best, name = None, "not measured"
        for method in ("arraycopy", "copyLoop"):
            bw = gbs(16 * ELEMENTS, self.jmh.seconds("ElementwiseBenchmark", method, threads=tp))
            if bw is not None and (best is None or bw > best):
                best, name = bw, f"{method}, same run"
        return best, name

    def gemm(self):
        rows = []
        for dt in ("f64", "f32"):
            np_dt = "float64" if dt == "f64" else "float32"
            for n in (64, 256, 1024):
                for tp, tn in self.thread_params:
                    flops = 2 * n ** 3
                    noe = self.jmh.get("GemmBenchmark", "noether", n=n, dtype=dt, threads=tp)
                    ejml = self.jmh.get("GemmBenchmark", "ejml", n=n, dtype=dt, threads=tp)
                    npy = self.np_seconds(tn, "gemm", f"{np_dt}_n{n}")
                    g_noe = gflops(flops, noe[0]) if noe else None
                    g_ejml = gflops(flops, ejml[0]) if ejml else None
                    g_np = gflops(flops, npy)
                    rows.append((dt, n, tn, f_num(g_noe), f_ms(*noe) if noe else "not measured",
                                 f_num(g_ejml), f_ratio(ratio(g_noe, g_ejml)), f_num(g_np),
                                 f_ratio(ratio(g_noe, g_np))))
        out = ["## GEMM (C = A B, n x n, row-major)", "",
               "`Gemm.dgemm` / `Gemm.sgemm` (GemmBenchmark.noether); EJML `CommonOps_DDRM.mult` / "
               "`CommonOps_FDRM.mult` at 1 thread, `CommonOps_MT_DDRM.mult` / `CommonOps_MT_FDRM.mult` "
               "at all threads (GemmBenchmark.ejml, same fork); numpy `np.matmul(a, b, out=c)` with "
               "OpenBLAS at the same thread count. GFLOP/s = 2 n^3 / time; ratios > 1 mean Noether is faster.",
               "",
               table(["dtype", "n", "threads", "Noether GFLOP/s", "Noether ms/call", "EJML GFLOP/s",
                      "Noether / EJML", "numpy GFLOP/s", "Noether / numpy"], rows), ""]
        rows = []
        for n in (64, 256, 1024):
            t = self.jmh.get("TensorMatmulBenchmark", "matmul", n=n)
            raw = self.jmh.seconds("GemmBenchmark", "noether", n=n, dtype="f64", threads="all")
            rows.append((n, f_num(gflops(2 * n ** 3, t[0] if t else None)), f_ms(*t) if t else "not measured",
                         f_num(gflops(2 * n ** 3, raw)),
                         "—" if not t or raw is None else f"{100 * (t[0] / raw - 1):+.0f}%"))
        out += ["### Tensor.matmul (f64, all threads)", "",
                "`a.matmul(b)` on n x n tensors: the raw GEMM plus shape checks, dispatch and a new "
                "output tensor per call.", "",
                table(["n", "Tensor.matmul GFLOP/s", "ms/call", "raw Gemm.dgemm GFLOP/s", "time vs raw"], rows), ""]
        return out

    def mode_mix(self):
        rows = []
        for dt in ("f64", "f32"):
            for tp, tn in self.thread_params:
                noe = self.jmh.get("ModeMixBenchmark", "noether", dtype=dt, threads=tp)
                npy = self.np_seconds(tn, "mode_mix", dt)
                rows.append((dt, tn, f_ms(*noe, scale=1e6) if noe else "not measured",
                             f_num(gflops(MODE_MIX_FLOPS, noe[0] if noe else None)),
                             f_num(npy * 1e6) if npy else "—", f_num(gflops(MODE_MIX_FLOPS, npy)),
                             f_ratio(ratio(noe[0] if noe else None, npy))))
        return ["## Batched complex mode mixing (batch 20, 64 x 64 channels, 16 modes)", "",
                "`ComplexModeMix.forward` (out[b,o,m] = sum_i x[b,i,m] w[i,o,m], complex interleaved, "
                "into a preallocated output); numpy peer: `np.matmul(x, w, out=o)` on mode-major "
                "complex arrays (16, 20, 64) @ (16, 64, 64) — numpy's fastest layout, complex128 / "
                "complex64. GFLOP/s with 8 real flops per complex multiply-add (10.5 MFLOP per call). "
                "Time ratio < 1 means Noether is faster.", "",
                table(["dtype", "threads", "Noether µs", "Noether GFLOP/s", "numpy µs", "numpy GFLOP/s",
                       "time Noether / numpy"], rows), ""]

    def fft(self):
        ops = [
            ("rfft", "rfft batch [20, 64, 1024] (1280 rows)", "rfft", "jtransformsRfft"),
            ("irfft", "irfft batch [20, 64, 513] -> 1024", "irfft", "jtransformsIrfft"),
            ("rfft2", "rfft2 [20, 32, 64, 64] (640 slices)", "rfft2", "jtransformsRfft2"),
            ("irfft2", "irfft2 [20, 32, 64, 33] -> 64 x 64", "irfft2", "jtransformsIrfft2"),
            ("truncated16", "truncated DFT, 16 modes of 1024 (1280 rows)", "truncatedDft", None),
        ]
        rows = []
        for key, label, method, jt_method in ops:
            for dt in ("f64", "f32"):
                for tp, tn in self.thread_params:
                    noe = self.jmh.get("FftBenchmark", method, dtype=dt, threads=tp)
                    noe_s = noe[0] if noe else None
                    npy = self.np_seconds(tn, "fft", dt, f"{key}_numpy")
                    sp = self.np_seconds(tn, "fft", dt, f"{key}_scipy")
                    jt = self.jmh.seconds("FftBenchmark", jt_method, dtype=dt, threads=tp) if jt_method else None
                    rows.append((label, dt, tn, f_ms(*noe) if noe else "not measured",
                                 f_ms(npy) if npy else "—", f_ratio(ratio(noe_s, npy)),
                                 f_ms(sp) if sp else "—", f_ratio(ratio(noe_s, sp)),
                                 f_ms(jt) if jt_method else "n/a", f_ratio(ratio(noe_s, jt))))
        out = ["## Real FFTs", "",
               "Noether: `Fft.rfft` / `irfft` / `rfft2` / `irfft2`, `TruncatedDft.forward` (Tensor API, "
               "norm BACKWARD, a new output tensor per call). numpy: the plain `np.fft.*` call (new "
               "output; numpy.fft is single-threaded whatever the BLAS thread count); scipy: "
               "`scipy.fft.*` with `workers` = the thread count; truncated DFT peer = `rfft(x)[..., :16]`. "
               "JTransforms (same fork): `realForward` / `realInverse(scale=true)` of `DoubleFFT_1D(1024)` "
               "/ `DoubleFFT_2D(64, 64)` (Float* for f32) on each row / slice after copying it into a "
               "preallocated buffer, rows split over the threads by the harness (JTransforms threads only "
               "inside one long transform). Times in ms per call; ratios are Noether's time / the peer's "
               "(< 1 means Noether is faster).", "",
               table(["transform", "dtype", "threads", "Noether ms", "numpy.fft ms", "Noether / numpy",
                      "scipy.fft ms", "Noether / scipy", "JTransforms ms", "Noether / JTransforms"], rows), ""]
        rows = []
        for op, jt_method in (("rfft", "jtransformsRfft"), ("irfft", "jtransformsIrfft")):
            for dt in ("f64", "f32"):
                for tp, tn in self.thread_params:
                    api = self.jmh.seconds("FftBenchmark", op, dtype=dt, threads=tp)
                    into = self.jmh.get("FftBenchmark", op + "Into", dtype=dt, threads=tp)
                    into_s = into[0] if into else None
                    plan = self.jmh.get("FftBenchmark", "rfftPlan", dtype=dt, threads=tp) if op == "rfft" else None
                    npo = self.np_seconds(tn, "fft", dt, op + "_numpy_out")
                    jt = self.jmh.seconds("FftBenchmark", jt_method, dtype=dt, threads=tp)
                    rows.append((op, dt, tn, f_ms(api) if api else "not measured",
                                 f_ms(*into) if into else "not measured",
                                 (f_ms(*plan) if plan else "not measured") if op == "rfft" else "n/a",
                                 f_ms(npo) if npo else "—", f_ratio(ratio(into_s, npo)),
                                 f_ms(jt) if jt else "—", f_ratio(ratio(into_s, jt))))
        out += ["### rfft / irfft batch into a preallocated output", "",
                "The Tensor API writing into a tensor allocated once (`Fft.rfft(x, axis, norm, out)`, "
                "`Fft.irfft(X, n, axis, norm, out)`: FftBenchmark.rfftInto / irfftInto), what a training "
                "loop does; the raw plan (`RealFftPlanF64.forward`, f32 `RealFftPlanF32`, row by row into "
                "a preallocated [1280, 513] complex array in the JTransforms harness's row-parallel loop: "
                "FftBenchmark.rfftPlan); numpy's `rfft(x, out=X)` / `irfft(X, n, out=y)` into preallocated "
                "arrays. Ratios: the into-form's time / the peer's.", "",
                table(["transform", "dtype", "threads", "Tensor API ms", "into out ms", "raw plan ms",
                       "numpy out= ms", "into / numpy out=", "JTransforms ms", "into / JTransforms"], rows), ""]
        return out

    def elementwise(self):
        ops = [("add", "add", 24, "`a.add(b, out)`"), ("exp", "exp", 16, "`a.apply(EXP, out)`"),
               ("sum", "sum", 8, "`a.sum()`"),
               ("arraycopy", "copyto", 16, "reference: `System.arraycopy`"),
               ("copyLoop", None, 16, "reference: loop `dst[i] = src[i]`"),
               ("addLoop", None, 24, "reference: loop `c[i] = a[i] + b[i]`")]
        rows = []
        for tp, tn in self.thread_params:
            copy_bw, _ = self.copy_bandwidth(tp)
            for method, np_key, nbytes, label in ops:
                noe = self.jmh.get("ElementwiseBenchmark", method, threads=tp)
                noe_s = noe[0] if noe else None
                bw = gbs(nbytes * ELEMENTS, noe_s)
                npy = self.np_seconds(tn, "elementwise", np_key) if np_key else None
                rows.append((label, tn, f_ms(*noe) if noe else "not measured", f_num(bw),
                             f_ratio(ratio(bw, copy_bw)) if nbytes and method != "exp" else "—",
                             f_ms(npy) if npy else "—", f_num(gbs(nbytes * ELEMENTS, npy)),
                             f_ratio(ratio(noe_s, npy))))
        return ["## Elementwise and reduction over 1e7 f64", "",
                "ElementwiseBenchmark: Tensor ops into a preallocated output, with the copy-bandwidth "
                "references in the same fork (one contiguous chunk per thread). GB/s counts the bytes "
                "the kernel must move (add 24 B/element, copy and exp 16, sum 8; a cache's extra "
                "read-for-ownership of the output is not counted). \"x copy\" = GB/s over the better of "
                "arraycopy and the copy loop at the same thread count. numpy (ufuncs single-threaded): "
                "`np.add(a, b, out=c)`, `np.exp(a, out=c)`, `a.sum()`, `np.copyto(c, a)`; time ratio < 1 "
                "means Noether is faster.", "",
                table(["op", "threads", "Noether ms", "GB/s", "x copy", "numpy ms", "numpy GB/s",
                       "time Noether / numpy"], rows), ""]

    def analysis(self, previous):
        kept = None
        if previous and ANALYSIS_BEGIN in previous and ANALYSIS_END in previous:
            kept = previous.split(ANALYSIS_BEGIN, 1)[1].split(ANALYSIS_END, 1)[0].strip("\n")
        return ["## Analysis", "", ANALYSIS_BEGIN] + ([kept] if kept else []) + [ANALYSIS_END, ""]

    def render(self, previous):
        parts = (self.header() + self.targets() + self.gemm() + self.mode_mix() + self.fft()
                 + self.elementwise() + self.analysis(previous))
        return "\n".join(parts).rstrip("\n") + "\n"


def main():
    ap = argparse.ArgumentParser(description="Write bench/RESULTS.md from bench/results/.")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--results", default=os.path.join(here, "results"))
    ap.add_argument("--out", default=os.path.join(here, "RESULTS.md"))
    args = ap.parse_args()
    if not glob.glob(os.path.join(args.results, "jmh*.json")):
        sys.exit(f"write_results.py: no jmh*.json in {args.results}; run bench/run-benchmarks.sh first")
    previous = None
    if os.path.exists(args.out):
        with open(args.out) as f:
            previous = f.read()
    text = Report(args.results).render(previous)
    with open(args.out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
