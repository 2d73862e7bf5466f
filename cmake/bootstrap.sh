# Sourced by the README's two commands: installs what a fresh machine lacks, then sets
# MAGMAT_VENV (a local virtual environment with the Python tools and magmat built from here).
# Debian packages are installed when running as root; otherwise we name the missing ones.
set -euo pipefail

MAGMAT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAGMAT_VENV="$MAGMAT_ROOT/.venv"
# libbenchmark-dev builds benchmarks/cpp; clang and libclang-rt-14-dev (libFuzzer and clang's
# sanitizer runtimes) build the fuzz targets.
MAGMAT_DEBIAN_PACKAGES=(g++ libeigen3-dev libboost-dev libfmt-dev catch2 nlohmann-json3-dev python3-venv
                        libbenchmark-dev clang libclang-rt-14-dev)

magmat_install_debian_packages() {
  local missing=()
  local pkg
  for pkg in "${MAGMAT_DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  # python3-venv is only needed when the interpreter cannot make a venv by itself.
  if python3 -c 'import venv, ensurepip' 2>/dev/null; then
    missing=("${missing[@]/python3-venv}")
  fi
  local wanted=()
  for pkg in "${missing[@]}"; do [ -n "$pkg" ] && wanted+=("$pkg"); done
  [ ${#wanted[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "magmat: installing Debian packages: ${wanted[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >/dev/null
  else
    echo "magmat: missing Debian packages: ${wanted[*]}" >&2
    echo "        install them with: sudo apt-get install ${wanted[*]}" >&2
    exit 1
  fi
}

magmat_make_venv() {
  if [ ! -x "$MAGMAT_VENV/bin/python" ]; then
    echo "magmat: creating the virtual environment $MAGMAT_VENV"
    python3 -m venv "$MAGMAT_VENV"
  fi
  # Build tools live in the venv too, so the C++ build does not depend on what the machine has.
  # wheel: the package is installed without build isolation, so a test dependency that PyPI has
  # only as an sdist (bibtexparser, which pymatgen-core needs) is built with this venv's tools.
  "$MAGMAT_VENV/bin/python" -m pip install -q --disable-pip-version-check \
    wheel "cmake>=3.20" ninja "scikit-build-core>=0.10" "pybind11>=2.12" numpy pytest jsonschema hypothesis pandas matplotlib "dask[dataframe]>=2024.1" "distributed>=2024.1"
}

# Builds and installs the Python package into the venv (incremental: build/ keeps the objects).
magmat_install_python_package() {
  "$MAGMAT_VENV/bin/python" -m pip install -q --disable-pip-version-check \
    --no-build-isolation "$MAGMAT_ROOT[test]"
}

magmat_install_debian_packages
magmat_make_venv
export PATH="$MAGMAT_VENV/bin:$PATH"
