#!/usr/bin/env bash
# Noether's benchmark suite: build the JMH jar, run it, run the numpy peer, write bench/RESULTS.md.
#
#   bench/run-benchmarks.sh                 # full run (about 30 minutes on 2 cores)
#   bench/run-benchmarks.sh --quick         # smoke run: short iterations, not for reporting
#   bench/run-benchmarks.sh -- GemmBenchmark -p n=1024    # extra arguments go to JMH
#
# Options: --quick, --skip-build (reuse bench/target/benchmarks.jar), --skip-peers (no numpy run).
# Without JMH arguments, JMH runs three times (everything but GEMM; GEMM n = 64, 256; GEMM n = 1024
# with 3 forks). Outputs in bench/results/: jmh*.json, jmh.log (time-stamped), numpy-t<k>.json, environment.json,
# run-info.txt, cpu-samples.txt (processes using the CPU, every 10 s).
# Run it on an otherwise idle machine: every other process steals cores from the measurement;
# the load average before and after each phase is recorded in RESULTS.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

quick=0
build=1
peers=1
jmh_extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --skip-build) build=0 ;;
    --skip-peers) peers=0 ;;
    --) shift; jmh_extra=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run-benchmarks.sh: unknown option '$1' (use --quick, --skip-build, --skip-peers, or -- JMH-ARGS)" >&2; exit 2 ;;
  esac
  shift
done

results=bench/results
jar=bench/target/benchmarks.jar
info="$results/run-info.txt"
mkdir -p "$results"
: > "$info"
note() { echo "$1=$2" >> "$info"; }   # a key may repeat (jmh_command)
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a; }

note started "$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
note quick "$quick"
note git_commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (uncommitted changes)')"
note cpu_model "$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
note cpus "$(nproc)"
note cpu_flags_simd "$(grep -m1 -o -w -E 'avx2|avx512f|fma' /proc/cpuinfo 2>/dev/null | sort -u | tr '\n' ' ')"
note memory "$(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}')"

if [[ $build -eq 1 ]]; then
  echo "== building $jar"
  ./mvnw -q -B -pl bench -am package -DskipTests
fi
[[ -f "$jar" ]] || { echo "run-benchmarks.sh: $jar is missing (run without --skip-build)" >&2; exit 1; }

# the same JVM options as the benchmark forks (ForkOptions.java)
java --add-modules=jdk.incubator.vector -cp "$jar" dev.noether.bench.RunEnvironment \
  2>/dev/null > "$results/environment.json"
echo "== environment: $(cat "$results/environment.json")"

# Every 10 s, the processes using >= 30% of a core (top's second frame, full command lines), each
# marked "ours" (this script's descendants: JMH, its forks, the numpy peer) or "other", so that
# write_results.py can name the benchmarks that ran while something else was using the CPU.
cpu_samples="$results/cpu-samples.txt"
: > "$cpu_samples"
run_pid=$$
is_ours() {  # is pid $1 a descendant of this script?
  local p=$1 n=0
  while [[ -n "$p" && "$p" -gt 1 && $n -lt 64 ]]; do
    [[ "$p" -eq "$run_pid" ]] && return 0
    p=$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null) || return 1
    n=$((n + 1))
  done
  return 1
}
sample_cpu() {
  local t pid cpu cmd owner
  while :; do
    t=$(date -u +%T)
    top -b -c -n 2 -d 2 -w 400 2>/dev/null | awk '
      /^top -/ { frame++ }
      frame == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 30 {
        cmd = ""; for (i = 12; i <= NF; i++) cmd = cmd " " $i
        print $1, $9, substr(cmd, 2, 200)
      }' | while read -r pid cpu cmd; do
        owner=other
        is_ours "$pid" && owner=ours
        echo "$t $pid $cpu $owner $cmd"
      done >> "$cpu_samples"
    sleep 8
  done
}
sample_cpu &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

note load_before_jmh "$(load)"
top -bn1 2>/dev/null | sed -n '1,15p' > "$results/top-before.txt" || true
busy=$(awk -v c="$(nproc)" '{ print ($1 > 0.5 * c) ? 1 : 0 }' /proc/loadavg 2>/dev/null || echo 0)
if [[ "$busy" == 1 ]]; then
  echo "WARNING: load average $(load) on $(nproc) cores: other processes will distort the timings" >&2
fi

quick_args=()
if [[ $quick -eq 1 ]]; then
  # short iterations, unless the JMH arguments after -- set that option themselves
  for pair in "-wi 1" "-w 1s" "-i 2" "-r 1s" "-f 1"; do
    opt=${pair% *}
    given=0
    for a in "${jmh_extra[@]}"; do [[ "$a" == "$opt" ]] && given=1; done
    [[ $given -eq 0 ]] && quick_args+=($pair)
  done
fi

# run_jmh OUT.json JMH-ARGS...: one JMH invocation, JSON to OUT.json, console to the time-stamped log
run_jmh() {
  local out=$1
  shift
  local cmd="java -jar $jar -rf json -rff $out $*"
  echo "== JMH: $cmd"
  note jmh_command "$cmd"
  # the log gets a UTC time stamp per line (benchmark time windows for write_results.py)
  java -jar "$jar" -rf json -rff "$out" "$@" 2>&1 | (
    export TZ=UTC
    while IFS= read -r line; do
      printf '%s\n' "$line"
      printf '%(%H:%M:%S)T %s\n' -1 "$line" >> "$results/jmh.log"
    done
  )
}

rm -f "$results"/jmh*.json
: > "$results/jmh.log"
note jmh_started "$(date -u '+%H:%M:%S UTC')"
if [[ ${#jmh_extra[@]} -gt 0 ]]; then
  run_jmh "$results/jmh.json" "${quick_args[@]}" "${jmh_extra[@]}"
else
  # GEMM n = 1024 gets 3 forks: its speed differs from fork to fork (28-48 ms per call seen for
  # f64 on 2 threads), and the issue's GEMM targets are stated at that size
  large_forks=(-f 3)
  [[ $quick -eq 1 ]] && large_forks=()
  run_jmh "$results/jmh.json" "${quick_args[@]}" -e GemmBenchmark
  run_jmh "$results/jmh-gemm.json" "${quick_args[@]}" GemmBenchmark -p n=64,256
  run_jmh "$results/jmh-gemm-1024.json" "${quick_args[@]}" "${large_forks[@]}" GemmBenchmark -p n=1024
fi
note jmh_finished "$(date -u '+%H:%M:%S UTC')"
note load_after_jmh "$(load)"

rm -f "$results"/numpy-t*.json
if [[ $peers -eq 0 ]]; then
  echo "== numpy peer skipped (--skip-peers)"
  note numpy "skipped (--skip-peers)"
elif ! command -v python3 > /dev/null; then
  echo "== numpy peer skipped: python3 not found"
  note numpy "skipped: python3 not found"
elif ! python3 -c 'import numpy, scipy' 2> /dev/null; then
  echo "== numpy peer skipped: python3 cannot import numpy and scipy"
  note numpy "skipped: python3 cannot import numpy and scipy"
else
  peer_args=()
  [[ $quick -eq 1 ]] && peer_args+=(--quick)
  thread_counts=(1)
  [[ "$(nproc)" -gt 1 ]] && thread_counts+=("$(nproc)")
  for t in "${thread_counts[@]}"; do
    echo "== numpy peer, $t thread(s)"
    note "numpy_t${t}_started" "$(date -u +%T)"
    # unset the environment's OpenBLAS overrides: numpy's own kernel choice (this command only);
    # one process per thread count, since OPENBLAS_NUM_THREADS is read when numpy loads
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$t" OMP_NUM_THREADS="$t" \
      python3 bench/peers/numpy_peer.py --threads "$t" "${peer_args[@]}" --out "$results/numpy-t$t.json"
    note "numpy_t${t}_finished" "$(date -u +%T)"
  done
  note numpy "measured"
fi
note load_after_peers "$(load)"
note finished "$(date -u '+%Y-%m-%d %H:%M:%S UTC')"

if command -v python3 > /dev/null; then
  python3 bench/write_results.py --results "$results" --out bench/RESULTS.md
  echo "== wrote bench/RESULTS.md"
else
  echo "== bench/RESULTS.md not written: python3 not found (raw results are in $results/)"
fi
