// The out-of-line error path of the temperature laws (temperature.hpp).
#include <magmat/errors.hpp>
#include <magmat/temperature.hpp>

#include <string>

namespace magmat::detail {

void throw_negative_reduced_temperature(double tau) {
  throw domain_error("reduced temperature T/Tc must be >= 0, got " + std::to_string(tau));
}

} // namespace magmat::detail
