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
#   shape        no source gives a traction magnet's shape, permeance or armature field. The same
#                page names N42SH (an SH grade) as the entry grade for such motors, and makers rate
#                an SH grade's 150 degC on a cylinder of L/D = 0.7 with no external field, judged at
#                its most exposed part (SHANGHAI-MAGNET; docs/validation.md): that rating is the case,
#                a 7 mm x 10 mm cylinder (only L/D enters the loss). Pass --shape, --pc,
#                --external-field for a real design.
#   equal flux   like for like: each strategy's magnet mass is scaled to give the bulk-Dy magnet's
#                Br x pole area at 150 degC (docs/design_study.md); --equal mass compares equal masses.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
magmat_install_python_package
mkdir -p "$MAGMAT_ROOT/build/main-job"
"$MAGMAT_VENV/bin/magmat" compare --at 150C --shape cylinder:length=7mm,diameter=10mm --mass-kg 1.2 --equal flux \
  --demand ev_traction_ndfeb_world --year 2030 \
  --plot "$MAGMAT_ROOT/build/main-job/compare.png" "$@"
