// Must not compile: an absolute temperature stored as a temperature difference. The control
// stores the difference of two absolute temperatures.
#include <magmat/units.hpp>

using namespace magmat::literals;

magmat::temperature_difference rise() {
#ifdef MAGMAT_COMPILE_FAIL_CONTROL
  magmat::temperature_difference d = 120_degC - 20_degC;
#else
  magmat::temperature_difference d = 120_degC;
#endif
  return d;
}
