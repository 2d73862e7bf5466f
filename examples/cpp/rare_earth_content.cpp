// Prints the Nd, Sm and Dy mass fractions of the reference magnet phases, and shows
// unit-checked quantities with industry-unit literals.
#include <magmat/magmat.hpp>

#include <fmt/core.h>

#include <string>
#include <utility>
#include <vector>

int main() {
  using namespace magmat::literals;

  const std::vector<std::string> formulas = {"Nd2Fe14B", "(Nd0.8Dy0.2)2Fe14B", "SmCo5", "Sm2Co17",
                                             "SrFe12O19"};
  std::vector<std::pair<std::string, magmat::Composition>> phases;
  for (const auto& formula : formulas) {
    phases.emplace_back(formula, magmat::Composition::from_formula(formula));
  }
  const std::vector<magmat::Element> shown = {magmat::Element::Nd, magmat::Element::Sm,
                                              magmat::Element::Dy};
  fmt::print("{}", magmat::rare_earth_content_table(phases, shown));

  // 12 kOe is stored in A/m; the compiler refuses to add it to a flux density.
  const magmat::magnetic_field_strength coercivity = 12.0_kOe;
  fmt::print("\n12 kOe = {:.2f} kA/m\n", coercivity.value() / 1e3);
  return 0;
}
