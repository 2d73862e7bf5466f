// Dy and Tb for an EV traction magnet at 150 degC, strategy by strategy, and the Dy/Tb each
// saves per year at the seed's 2040 demand for EV traction NdFeB.
#include <magmat/magmat.hpp>

#include <fmt/core.h>

int main() {
  using namespace magmat::literals;

  const auto& demand = magmat::supply_scenario("ev_traction_ndfeb_world");
  const double tonnes_2040 = magmat::value_at(demand, 2040.0);

  magmat::requirement requirement;
  requirement.temperature = magmat::from_celsius(150.0);
  requirement.permeance = 2.0;
  requirement.external_field = 300.0_kA_per_m; // illustrative armature reaction

  magmat::study_options options;
  options.magnet_mass = 1.5_kg; // illustrative magnet mass per motor
  options.magnet_tonnes_per_year = tonnes_2040;
  const magmat::study study = magmat::design_study(requirement, options);

  fmt::print("EV traction NdFeB demand in 2040: {:.0f} t/year; requirement 150 degC, Pc = 2, 300 kA/m\n",
             tonnes_2040);
  fmt::print("{:<22} {:>7} {:>7} {:>13} {:>13}\n", "strategy", "Dy wt%", "Tb wt%", "Dy saved t/y", "Tb saved t/y");
  for (const auto& row : study.rows) {
    if (!row.feasible) {
      fmt::print("{:<22} infeasible: {}\n", row.strategy, row.reason);
      continue;
    }
    const auto saved = [&](magmat::Element e) {
      const auto it = row.saving_vs_baseline.find(e);
      return it == row.saving_vs_baseline.end() ? 0.0 : it->second;
    };
    fmt::print("{:<22} {:7.3f} {:7.3f} {:13.1f} {:13.1f}\n", row.strategy,
               100.0 * row.mass_fractions.at(magmat::Element::Dy), 100.0 * row.mass_fractions.at(magmat::Element::Tb),
               saved(magmat::Element::Dy), saved(magmat::Element::Tb));
  }
  return 0;
}
