#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang (-fsanitize=fuzzer,address,undefined)
# and runs each for a bounded time from its seed corpus. Fails on any crash, leak, timeout,
# out-of-memory or sanitizer report; prints one line per target with its number of executions.
# Usage: bash tests/run_fuzzers.sh [seconds per target, default 45] [target...]
# (tests/run_all.sh calls it; docs/reliability.md says how to fuzz one target for longer.)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-45}
shift || true
build_dir="$root/build/fuzz"
jobs=$(nproc 2>/dev/null || echo 2)

CXX=clang++ CC=clang cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMAGMAT_BUILD_FUZZERS=ON -DMAGMAT_BUILD_TESTS=OFF -DMAGMAT_BUILD_EXAMPLES=OFF -DMAGMAT_BUILD_BENCHMARKS=OFF -DMAGMAT_INSTALL=OFF >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi
cmake --build "$build_dir" -j "$jobs" --target "${targets[@]}"

# Runs one target; its result line goes to $build_dir/<target>.result.
run_target() {
  local target=$1
  # New inputs go to a scratch corpus in build/; the seeds in the repository are only read.
  local work="$build_dir/corpus/$target" artifacts="$build_dir/artifacts/$target" log="$build_dir/$target.log"
  mkdir -p "$work" "$artifacts"
  local rc=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build_dir/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$root/tests/fuzz/corpus/$target" \
    >"$log" 2>&1 || rc=$?
  # libFuzzer 14 prints stat::number_of_executed_units (later versions: ..._runs).
  local runs
  runs=$(sed -n 's/^stat::number_of_executed_\(runs\|units\): *//p' "$log" | tail -1)
  if [ "$rc" -eq 0 ] && ! grep -q "ERROR: \(libFuzzer\|AddressSanitizer\|LeakSanitizer\)\|runtime error:" "$log"; then
    echo "magmat fuzz: $target: ${runs:-?} executions in ${seconds} s, no crash, leak, timeout or sanitizer report" \
      >"$build_dir/$target.result"
  else
    { echo "magmat fuzz: $target: FAILED after ${runs:-?} executions (exit $rc); log $log, input in $artifacts/"
      grep -m1 -A30 "ERROR:\|runtime error:\|property violated\|deadly signal" "$log" || tail -40 "$log"
    } >"$build_dir/$target.result"
    return 1
  fi
}

# One target per core at a time (each fuzzer is single-threaded).
status=0
pids=()
for target in "${targets[@]}"; do
  rm -f "$build_dir/$target.result"
  run_target "$target" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
for target in "${targets[@]}"; do
  if grep -q "FAILED" "$build_dir/$target.result"; then cat "$build_dir/$target.result" >&2
  else cat "$build_dir/$target.result"; fi
done
exit $status
