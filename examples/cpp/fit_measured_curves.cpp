// A magnet fitted to its curves at 20, 100 and 150 degC (here sampled from the catalog's N42SH
// with 2 mT of noise; a user's come from a datasheet or a hysteresigraph), its fit report, and
// the fitted magnet as the baseline of a design study at 150 degC (docs/curves.md).
#include <magmat/magmat.hpp>

#include <fmt/core.h>

#include <random>

int main() {
  const magmat::Magnet bought = magmat::Catalog::builtin().grade("N42SH");
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0.0, 2e-3);
  std::vector<magmat::measured_curve> curves;
  for (const double celsius : {20.0, 100.0, 150.0}) {
    const auto curve = bought.demagnetization(magmat::from_celsius(celsius));
    const double hcj = curve.intrinsic_coercivity().value();
    const int points = 120;
    magmat::measured_curve measured{magmat::from_celsius(celsius), Eigen::ArrayXd(points), Eigen::ArrayXd(points)};
    for (int i = 0; i < points; ++i) {
      const double h = -1.1 * hcj * i / (points - 1); // H from 0 to past -HcJ, in A/m
      measured.field(i) = h;
      measured.values(i) = curve.polarization(magmat::magnetic_field_strength::from_value(h)).value() + noise(rng);
    }
    curves.push_back(std::move(measured));
  }

  const magmat::Magnet fitted = magmat::fit_magnet_to_curves(curves, magmat::curve_quantity::polarization,
                                                             "ndfeb_sintered", std::nullopt, "LOT-42");
  const auto& table = *fitted.datasheet()->measured; // the fit report
  fmt::print("{} fitted to {} curves, recoil permeability {:.4f} +- {:.2g}\n", fitted.name(), table.curves.size(),
             table.recoil_permeability, table.recoil_permeability_uncertainty);
  fmt::print("{:>6} {:>17} {:>19} {:>8} {:>7} {:>7}\n", "degC", "Br (T)", "HcJ (kA/m)", "Hk/HcJ", "rms mT",
             "max mT");
  for (const auto& c : table.curves)
    fmt::print("{:6.0f} {:7.4f} +- {:<6.2g} {:7.1f} +- {:<8.2g} {:8.4f} {:7.2f} {:7.2f}\n", magmat::to_celsius(c.temperature),
               c.remanence.value(), c.remanence_uncertainty.value(), c.intrinsic_coercivity.value() / 1e3,
               c.intrinsic_coercivity_uncertainty.value() / 1e3, c.squareness, c.rms_residual.value() * 1e3,
               c.max_residual.value() * 1e3);
  fmt::print("extrapolated at 180 degC: {}\n", fitted.is_extrapolated(magmat::from_celsius(180.0)));

  // The bought magnet as the baseline: what would a grain-boundary-diffused magnet save?
  magmat::requirement hot;
  hot.temperature = magmat::from_celsius(150.0);
  hot.permeance = 2.0;
  magmat::study_options options;
  options.strategies = {"gbd_tb", "hre_free_fine_grain"};
  options.baseline_magnet = fitted;
  options.magnet_mass = magmat::mass::from_value(1.5); // kg per motor
  options.units_per_year = 1e6;
  const magmat::study study = magmat::design_study(hot, options);
  for (const auto& row : study.rows) {
    if (!row.feasible) {
      fmt::print("{}: infeasible ({})\n", row.strategy, row.reason);
      continue;
    }
    const double dy_tb = row.mass_fractions.at(magmat::Element::Dy) + row.mass_fractions.at(magmat::Element::Tb);
    fmt::print("{}: Dy + Tb {:.3f} wt%, saves {:.1f} t Dy and {:.1f} t Tb per year against {}\n", row.strategy,
               100.0 * dy_tb, row.saving_vs_baseline.at(magmat::Element::Dy),
               row.saving_vs_baseline.at(magmat::Element::Tb), study.baseline);
  }
  if (!study.baseline_note.empty()) fmt::print("note: {}\n", study.baseline_note);
  return 0;
}
