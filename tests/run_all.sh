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

magmat_install_python_package
py_status=0
(cd "$MAGMAT_ROOT" && python -m pytest tests/python) || py_status=$?

if [ "$cpp_status" -ne 0 ] || [ "$py_status" -ne 0 ]; then
  echo "magmat: tests failed (ctest exit $cpp_status, pytest exit $py_status)" >&2
  exit 1
fi
