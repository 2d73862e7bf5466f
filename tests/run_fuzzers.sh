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
  -DMAGMAT_BUILD_FUZZERS=ON -DMAGMAT_BUILD_TESTS=OFF -DMAGMAT_BUILD_EXAMPLES=OFF -DMAGMAT_INSTALL=OFF >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi
cmake --build "$build_dir" -j "$jobs" --target "${targets[@]}"

status=0
for target in "${targets[@]}"; do
  # New inputs go to a scratch corpus in build/; the seeds in the repository are only read.
  work="$build_dir/corpus/$target"
  artifacts="$build_dir/artifacts/$target"
  mkdir -p "$work" "$artifacts"
  log="$build_dir/$target.log"
  rc=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build_dir/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$root/tests/fuzz/corpus/$target" \
    >"$log" 2>&1 || rc=$?
  # libFuzzer 14 prints stat::number_of_executed_units (later versions: ..._runs).
  runs=$(sed -n 's/^stat::number_of_executed_\(runs\|units\): *//p' "$log" | tail -1)
  if [ "$rc" -eq 0 ] && ! grep -q "ERROR: \(libFuzzer\|AddressSanitizer\|LeakSanitizer\)\|runtime error:" "$log"; then
    echo "magmat fuzz: $target: ${runs:-?} executions in ${seconds} s, no crash, leak, timeout or sanitizer report"
  else
    echo "magmat fuzz: $target: FAILED after ${runs:-?} executions (exit $rc); log $log, input in $artifacts/" >&2
    grep -m1 -A30 "ERROR:\|runtime error:\|property violated\|deadly signal" "$log" >&2 || tail -40 "$log" >&2
    status=1
  fi
done
exit $status
