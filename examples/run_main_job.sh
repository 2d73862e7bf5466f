#!/usr/bin/env bash
# The main job of magmat on a fresh machine: installs what is missing, builds the package from
# this tree, and compares every design strategy for an EV traction magnet (150 degC, Pc 2) on
# the embedded data, writing its plot to build/main-job/compare.png. Extra arguments go to
# `magmat compare` (see `magmat compare --help`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
magmat_install_python_package
mkdir -p "$MAGMAT_ROOT/build/main-job"
"$MAGMAT_VENV/bin/magmat" compare --at 150C --pc 2 --mass-kg 1.5 --units-per-year 1e6 \
  --plot "$MAGMAT_ROOT/build/main-job/compare.png" "$@"
