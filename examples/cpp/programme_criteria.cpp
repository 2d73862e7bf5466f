// The METI 2025 criteria: which magnets meet 150 kJ/m^3 and 800 kA/m at 20 degC; a motor against 10,000 rpm, 50 Nm/L.
#include <magmat/magmat.hpp>

#include <fmt/core.h>

#include <map>
#include <string>
#include <vector>

int main() {
  using namespace magmat::literals;

  const auto& catalog = magmat::Catalog::builtin();
  std::vector<magmat::Magnet> magnets;
  for (const char* name : {"N42SH", "N52", "BN9", "YXG28H", "Y30"}) magnets.push_back(catalog.grade(name));
  magnets.push_back(magmat::Magnet::from_composition(
      magmat::Composition::from_mass_percent(std::map<std::string, double>{{"Nd", 31.0}, {"Fe", 68.0}, {"B", 1.0}}),
      "hot_deformed"));

  const auto python_bool = [](bool b) { return b ? "True" : "False"; };
  fmt::print("{:<34} {:>14} {:>9} {:>7} {:>9}\n", "magnet", "(BH)max kJ/m3", "HcJ kA/m", "passes", "eligible");
  for (const auto& magnet : magnets) {
    const magmat::policy_check c = magmat::check_policy(magnet, 20.0_degC);
    fmt::print("{:<34} {:14.0f} {:9.0f} {:>7} {:>9}\n", magnet.name(), c.max_energy_product.value() / 1e3,
               c.intrinsic_coercivity.value() / 1e3, python_bool(c.passes), python_bool(c.eligible));
  }

  const magmat::motor_check motor = magmat::check_motor(12000.0_rpm, 250.0_Nm, 4500.0_cm3); // 4.5 L
  fmt::print("\nmotor 12,000 rpm, 250 Nm in 4.5 L: {:.1f} Nm/L, passes = {}\n",
             magmat::to_newton_metre_per_litre(motor.torque_per_volume), python_bool(motor.passes));
  return 0;
}
