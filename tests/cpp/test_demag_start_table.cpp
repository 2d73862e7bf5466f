// Tests of lib/src/demag_start_table.hpp: the tabulated solver starts of the batch engine are
// close to the solved figures, and a start (good, poor or absent) never changes what the
// solvers converge to, only how soon.
#include <catch2/catch.hpp>

#include "demag_start_table.hpp"

#include <magmat/model_formulas.hpp>
#include <magmat/phases.hpp>

#include <cmath>
#include <limits>
#include <random>

namespace formulas = magmat::formulas;
using magmat::detail::demag_start_table;
using block = magmat::lanes::block<8>;

namespace {
constexpr double mu0 = magmat::vacuum_permeability_h_per_m;

formulas::demag_parameters curve_of(double remanence, double coercivity, double recoil_permeability, double squareness) {
  return {remanence, coercivity, recoil_permeability, formulas::logistic_width(coercivity, squareness)};
}

// A block of random curves: Br 0.2-1.5 T, HcJ such that Br / (mu0 HcJ) spans [1/32, 100]
// (inside the table and beyond it on both sides).
formulas::basic_demag_parameters<block> random_curves(std::mt19937& generator, double recoil_permeability,
                                                      double squareness) {
  std::uniform_real_distribution<double> remanence(0.2, 1.5), log_ratio(std::log(1.0 / 32.0), std::log(100.0));
  block br, hcj;
  for (Eigen::Index lane = 0; lane < 8; ++lane) {
    br(lane) = remanence(generator);
    hcj(lane) = br(lane) / (mu0 * std::exp(log_ratio(generator)));
  }
  return {br, hcj, recoil_permeability, formulas::logistic_width(hcj, squareness)};
}
} // namespace

TEST_CASE("An interval and a position locate every ratio inside the table and none outside", "[demag_start_table]") {
  std::mt19937 generator(7);
  std::uniform_real_distribution<double> log2_ratio(demag_start_table::first_octave,
                                                    demag_start_table::first_octave + demag_start_table::octaves);
  constexpr int per_octave = demag_start_table::intervals_per_octave;
  for (int i = 0; i < 10000; ++i) {
    const double ratio = std::exp2(log2_ratio(generator));
    int interval = -1;
    double position = 2.0;
    REQUIRE(demag_start_table::locate(ratio, interval, position));
    REQUIRE(interval >= 0);
    REQUIRE(interval < demag_start_table::octaves * per_octave);
    REQUIRE(position >= -1.0);
    REQUIRE(position < 1.0);
    // Back from (interval, position) to the ratio.
    const int octave = demag_start_table::first_octave + interval / per_octave;
    const double back = std::ldexp(1.0 + (interval % per_octave + 0.5 * (position + 1.0)) / per_octave, octave);
    REQUIRE(back == Approx(ratio).epsilon(1e-15));
  }
  int interval = 0;
  double position = 0.0;
  for (double outside : {0.0, -1.0, std::exp2(demag_start_table::first_octave) * 0.999,
                         std::exp2(demag_start_table::first_octave + demag_start_table::octaves),
                         std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN(),
                         std::numeric_limits<double>::denorm_min()})
    CHECK_FALSE(demag_start_table::locate(outside, interval, position));
}

TEST_CASE("Tabulated starts are within 1e-9 of the solved HcB and (BH)max field", "[demag_start_table]") {
  for (const auto& [recoil_permeability, squareness, tolerance] :
       {std::tuple{1.05, 0.95, 1e-9}, std::tuple{1.05, 0.90, 1e-9}, std::tuple{1.15, 0.5, 1e-9}}) {
    const auto table = demag_start_table::of_shape(recoil_permeability, squareness);
    std::mt19937 generator(11);
    std::uniform_real_distribution<double> log2_ratio(demag_start_table::first_octave,
                                                      demag_start_table::first_octave + demag_start_table::octaves);
    double worst_hcb = 0.0, worst_field = 0.0;
    for (int i = 0; i < 3000; ++i) {
      const double ratio = std::exp2(log2_ratio(generator));
      const double coercivity = 8e5;
      const auto curve = curve_of(ratio * mu0 * coercivity, coercivity, recoil_permeability, squareness);
      const double hcb = formulas::normal_coercivity(curve);
      const double field = formulas::max_energy_product(curve, hcb).field;
      double hcb_ratio = 0.0, field_ratio = 0.0;
      REQUIRE(table->ratios(ratio, hcb_ratio, field_ratio));
      worst_hcb = std::max(worst_hcb, std::abs(-hcb_ratio * coercivity - hcb) / hcb);
      worst_field = std::max(worst_field, std::abs(field_ratio * coercivity - field) / std::abs(field));
    }
    INFO("mu_rec " << recoil_permeability << ", q " << squareness);
    CHECK(worst_hcb < tolerance);
    CHECK(worst_field < tolerance);
  }
}

TEST_CASE("The table of a curve shape is built once and shared", "[demag_start_table]") {
  const auto a = demag_start_table::of_shape(1.05, 0.95);
  CHECK(a == demag_start_table::of_shape(1.05, 0.95));
  CHECK(a != demag_start_table::of_shape(1.05, 0.9));
}

TEST_CASE("Starts from the table, poor starts and no start give the same HcB and (BH)max", "[demag_start_table]") {
  for (const auto& [recoil_permeability, squareness] : {std::pair{1.05, 0.95}, std::pair{1.15, 0.5}, std::pair{1.03, 0.98}}) {
    const auto table = demag_start_table::of_shape(recoil_permeability, squareness);
    std::mt19937 generator(5);
    std::uniform_real_distribution<double> anywhere(-1.2, 0.2);
    for (int trial = 0; trial < 400; ++trial) {
      const auto curves = random_curves(generator, recoil_permeability, squareness);
      formulas::basic_solver_start<block> hcb_start, field_start;
      table->starts(curves, hcb_start, field_start);
      // Poor starts: anywhere on (and beyond) the branch, in every lane.
      formulas::basic_solver_start<block> poor_hcb{hcb_start.field, magmat::lanes::filled_mask<block>(true)};
      formulas::basic_solver_start<block> poor_field = poor_hcb;
      for (Eigen::Index lane = 0; lane < 8; ++lane) {
        poor_hcb.field(lane) = anywhere(generator) * curves.intrinsic_coercivity(lane);
        poor_field.field(lane) = anywhere(generator) * curves.intrinsic_coercivity(lane);
      }
      const block hcb_tabulated = formulas::normal_coercivity(curves, &hcb_start);
      const block hcb_poor = formulas::normal_coercivity(curves, &poor_hcb);
      const auto product_tabulated = formulas::max_energy_product(curves, hcb_tabulated, &field_start);
      const auto product_poor = formulas::max_energy_product(curves, hcb_poor, &poor_field);
      for (Eigen::Index lane = 0; lane < 8; ++lane) {
        const auto one = curve_of(curves.remanence(lane), curves.intrinsic_coercivity(lane), recoil_permeability, squareness);
        const double hcb = formulas::normal_coercivity(one);
        const double product = formulas::max_energy_product(one, hcb).value;
        INFO("mu_rec " << recoil_permeability << ", q " << squareness << ", Br " << one.remanence << " T, HcJ "
                       << one.intrinsic_coercivity << " A/m");
        REQUIRE(hcb_tabulated(lane) == Approx(hcb).epsilon(1e-13));
        REQUIRE(hcb_poor(lane) == Approx(hcb).epsilon(1e-13));
        REQUIRE(product_tabulated.value(lane) == Approx(product).epsilon(1e-13));
        REQUIRE(product_poor.value(lane) == Approx(product).epsilon(1e-13));
      }
    }
  }
}
