#!/usr/bin/env bash
# The main job of magmat on a fresh machine: installs what is missing, builds the package from
# this tree, and compares every design strategy for the magnets of an EV traction motor on the
# embedded data, writing its plot to build/main-job/compare.png. Extra arguments go to
# `magmat compare` (see `magmat compare --help`); a later option wins.
#
# The case (docs/design_study.md, "The main job's case"):
#   150 degC     rotor magnets run "above 150 degC under continuous duty"; hot spots reach
#                150-180 degC in sustained high load (MAINRICH-EV in materials/references.json)
#   1.2 kg       "approximately 1.2 kg of sintered NdFeB per 100 kW of peak motor power" (MAINRICH-EV)
#   fleet        world NdFeB demand for EV traction in 2030, interpolated between the seed's
#                6,000 t (2017) and 161,000 t (2040) (scenario ev_traction_ndfeb_world, METI-2025)
#   Pc 2         no source gives a traction magnet's permeance or armature field: Pc 2 is the
#                makers' rating convention (max_operating_temperature(pc=2) reads it as they do),
#                and no external field is applied; pass --pc, --external-field for a real design.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
magmat_install_python_package
mkdir -p "$MAGMAT_ROOT/build/main-job"
"$MAGMAT_VENV/bin/magmat" compare --at 150C --pc 2 --mass-kg 1.2 \
  --demand ev_traction_ndfeb_world --year 2030 \
  --plot "$MAGMAT_ROOT/build/main-job/compare.png" "$@"
