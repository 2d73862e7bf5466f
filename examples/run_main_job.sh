#!/usr/bin/env bash
# The main job of magmat on a fresh machine: installs what is missing, builds the package
# from this tree, and prints the rare-earth content of the reference phases from the
# embedded data.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
magmat_install_python_package
"$MAGMAT_VENV/bin/magmat" content "$@"
