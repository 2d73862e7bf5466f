#!/usr/bin/env bash
# Runs every test of magmat on this machine, installing what is missing first:
# the C++ suite (Catch2 through ctest, including a find_package consumer build against the
# installed tree), the same suite under ASan + UBSan (clang, in the fuzzers' build), the threaded
# tests under ThreadSanitizer, the unit tests built with -march=native, each libFuzzer target for
# a bounded time (MAGMAT_FUZZ_SECONDS, default 20 s per target), and the Python suite (pytest
# against the package built from this tree).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
cd "$MAGMAT_ROOT"

jobs=$(nproc 2>/dev/null || echo 2)
# Minutes and seconds since the start, printed after each stage: CI must stay under 25 minutes.
stage_done() { echo "magmat: $1 done at $((SECONDS / 60)) min $((SECONDS % 60)) s"; }
build_dir="$MAGMAT_ROOT/build/cpp"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMAGMAT_BUILD_TESTS=ON >/dev/null
cmake --build "$build_dir" -j "$jobs"
cpp_status=0
(cd "$build_dir" && ctest --output-on-failure -j "$jobs") || cpp_status=$?
stage_done "C++ build and ctest"

# The C++ suite again under AddressSanitizer and UndefinedBehaviorSanitizer: any report fails it.
# Built with clang in the fuzzers' build directory (tests/run_fuzzers.sh), whose library is
# instrumented with the same sanitizers: one sanitized library serves both, and the optimized
# (RelWithDebInfo) suite runs in a fifth of the time of a -O0 build.
sanitized_dir="$MAGMAT_ROOT/build/fuzz"
CXX=clang++ CC=clang cmake -S . -B "$sanitized_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAGMAT_BUILD_FUZZERS=ON \
  -DMAGMAT_BUILD_TESTS=ON -DMAGMAT_BUILD_EXAMPLES=OFF -DMAGMAT_BUILD_BENCHMARKS=OFF -DMAGMAT_INSTALL=OFF >/dev/null
cmake --build "$sanitized_dir" -j "$jobs" --target magmat_tests
echo "magmat: C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer"
asan_status=0
(cd "$sanitized_dir" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j "$jobs" -E "^(consumer|compile_fail)\.") || asan_status=$?
if [ "$asan_status" -eq 0 ]; then
  echo "magmat: AddressSanitizer + UndefinedBehaviorSanitizer: no report in the C++ suite"
else
  echo "magmat: AddressSanitizer + UndefinedBehaviorSanitizer: FAILED (ctest exit $asan_status)" >&2
  cpp_status=$asan_status
fi
stage_done "AddressSanitizer + UndefinedBehaviorSanitizer"

# The tests that start threads ("[threads]": the batch engine and the scalar API from 8 threads)
# under ThreadSanitizer; any data race fails the run.
tsan_dir="$MAGMAT_ROOT/build/tsan"
cmake -S . -B "$tsan_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAGMAT_BUILD_EXAMPLES=OFF -DMAGMAT_BUILD_BENCHMARKS=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build "$tsan_dir" -j "$jobs" --target magmat_thread_tests
tsan_status=0
TSAN_OPTIONS=halt_on_error=1:exitcode=66 "$tsan_dir/tests/cpp/magmat_thread_tests" "[threads]" || tsan_status=$?
if [ "$tsan_status" -eq 0 ]; then
  echo "magmat: ThreadSanitizer: no data race in the [threads] tests"
else
  echo "magmat: ThreadSanitizer: FAILED (exit $tsan_status)" >&2
  cpp_status=$tsan_status
fi
stage_done "ThreadSanitizer"

# The C++ unit tests built for this CPU (-march=native: FMA where the CPU has it), as a user's
# optimized build would be: the batch's stage 1 and the scalar API's composition steps must
# still round alike (lib/CMakeLists.txt), and every figure still equal the scalar API's.
native_dir="$MAGMAT_ROOT/build/native"
cmake -S . -B "$native_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMAGMAT_BUILD_EXAMPLES=OFF -DMAGMAT_BUILD_BENCHMARKS=OFF \
  -DMAGMAT_AVX2_KERNEL=OFF -DCMAKE_CXX_FLAGS="-march=native" >/dev/null
cmake --build "$native_dir" -j "$jobs" --target magmat_tests
native_status=0
"$native_dir/tests/cpp/magmat_tests" || native_status=$?
if [ "$native_status" -eq 0 ]; then
  echo "magmat: C++ unit tests built with -march=native: passed"
else
  echo "magmat: C++ unit tests built with -march=native: FAILED (exit $native_status)" >&2
  cpp_status=$native_status
fi
stage_done "-march=native"

# libFuzzer: each target for a bounded time; one line per target with its executions.
fuzz_status=0
bash "$MAGMAT_ROOT/tests/run_fuzzers.sh" "${MAGMAT_FUZZ_SECONDS:-20}" || fuzz_status=$?
stage_done "fuzzers"

magmat_install_python_package
stage_done "Python package build"
py_status=0
(cd "$MAGMAT_ROOT" && python -m pytest tests/python) || py_status=$?

if [ "$cpp_status" -ne 0 ] || [ "$fuzz_status" -ne 0 ] || [ "$py_status" -ne 0 ]; then
  echo "magmat: tests failed (ctest exit $cpp_status, fuzzers exit $fuzz_status, pytest exit $py_status)" >&2
  exit 1
fi
