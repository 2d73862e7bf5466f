#!/usr/bin/env bash
# Runs every test of magmat on this machine, installing what is missing first:
# the C++ suite (Catch2 through ctest, including a find_package consumer build against the
# installed tree) and the Python suite (pytest against the package built from this tree).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
cd "$MAGMAT_ROOT"

jobs=$(nproc 2>/dev/null || echo 2)
build_dir="$MAGMAT_ROOT/build/cpp"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMAGMAT_BUILD_TESTS=ON >/dev/null
cmake --build "$build_dir" -j "$jobs"
cpp_status=0
(cd "$build_dir" && ctest --output-on-failure -j "$jobs") || cpp_status=$?

# The C++ suite again under AddressSanitizer and UndefinedBehaviorSanitizer: any report fails it.
sanitized_dir="$MAGMAT_ROOT/build/sanitized"
sanitizers="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cmake -S . -B "$sanitized_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMAGMAT_BUILD_EXAMPLES=OFF -DMAGMAT_BUILD_BENCHMARKS=OFF \
  -DCMAKE_CXX_FLAGS="$sanitizers" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$sanitized_dir" -j "$jobs" --target magmat_tests
echo "magmat: C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer"
(cd "$sanitized_dir" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j "$jobs" -E "^(consumer|compile_fail)\.") || cpp_status=$?

magmat_install_python_package
py_status=0
(cd "$MAGMAT_ROOT" && python -m pytest tests/python) || py_status=$?

if [ "$cpp_status" -ne 0 ] || [ "$py_status" -ne 0 ]; then
  echo "magmat: tests failed (ctest exit $cpp_status, pytest exit $py_status)" >&2
  exit 1
fi
