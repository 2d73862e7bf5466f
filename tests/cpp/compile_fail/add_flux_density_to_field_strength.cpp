// Must not compile: T + A/m adds a flux density to a field strength. The control adds two
// flux densities.
#include <magmat/units.hpp>

using namespace magmat::literals;

magmat::magnetic_flux_density sum() {
#ifdef MAGMAT_COMPILE_FAIL_CONTROL
  return 1.2_T + 0.1_T;
#else
  return 1.2_T + 800_kA_per_m;
#endif
}
