// Tests of lib/src/demag_figure_table.hpp: the batch engine's tabulated HcB and (BH)max are
// within 1e-14 of the scalar solvers wherever the table is used, every interval of the shipped
// curve shapes is used, and an interval the build-time check refuses is left to the solvers.
#include <catch2/catch.hpp>

#include "demag_figure_table.hpp"

#include <magmat/model_formulas.hpp>
#include <magmat/phases.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <tuple>
#include <utility>

namespace formulas = magmat::formulas;
using magmat::detail::demag_figure_table;
using block = magmat::lanes::block<8>;

namespace {
constexpr double mu0 = magmat::vacuum_permeability_h_per_m;
constexpr int table_intervals = demag_figure_table::octaves * demag_figure_table::intervals_per_octave;

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

// The curve shapes (mu_rec, q) of the shipped processes (materials/processes).
constexpr std::pair<double, double> shipped_shapes[] = {{1.05, 0.95}, {1.05, 0.9}, {1.03, 0.9}, {1.05, 0.85}, {1.15, 0.5}};
} // namespace

TEST_CASE("An interval and a position locate every ratio inside the table and none outside", "[demag_figure_table]") {
  std::mt19937 generator(7);
  std::uniform_real_distribution<double> log2_ratio(demag_figure_table::first_octave,
                                                    demag_figure_table::first_octave + demag_figure_table::octaves);
  constexpr int per_octave = demag_figure_table::intervals_per_octave;
  for (int i = 0; i < 10000; ++i) {
    const double ratio = std::exp2(log2_ratio(generator));
    int interval = -1;
    double position = 2.0;
    REQUIRE(demag_figure_table::locate(ratio, interval, position));
    REQUIRE(interval >= 0);
    REQUIRE(interval < demag_figure_table::octaves * per_octave);
    REQUIRE(position >= -1.0);
    REQUIRE(position < 1.0);
    // Back from (interval, position) to the ratio.
    const int octave = demag_figure_table::first_octave + interval / per_octave;
    const double back = std::ldexp(1.0 + (interval % per_octave + 0.5 * (position + 1.0)) / per_octave, octave);
    REQUIRE(back == Approx(ratio).epsilon(1e-15));
  }
  int interval = 0;
  double position = 0.0;
  for (double outside : {0.0, -1.0, std::exp2(demag_figure_table::first_octave) * 0.999,
                         std::exp2(demag_figure_table::first_octave + demag_figure_table::octaves),
                         std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN(),
                         std::numeric_limits<double>::denorm_min()})
    CHECK_FALSE(demag_figure_table::locate(outside, interval, position));
}

TEST_CASE("Every interval of the shipped curve shapes is used", "[demag_figure_table]") {
  for (const auto& [recoil_permeability, squareness] : shipped_shapes) {
    INFO("mu_rec " << recoil_permeability << ", q " << squareness);
    CHECK(demag_figure_table::of_shape(recoil_permeability, squareness)->used_intervals() ==
          static_cast<std::size_t>(table_intervals));
  }
}

TEST_CASE("Tabulated HcB and (BH)max are within 1e-14 of the solvers wherever the table is used",
          "[demag_figure_table]") {
  for (const auto& [recoil_permeability, squareness] :
       {std::pair{1.05, 0.95}, std::pair{1.05, 0.9}, std::pair{1.03, 0.9}, std::pair{1.05, 0.85}, std::pair{1.15, 0.5},
        std::pair{1.2, 0.99}, std::pair{1.0, 0.3}}) {
    const auto table = demag_figure_table::of_shape(recoil_permeability, squareness);
    std::mt19937 generator(11);
    double worst_hcb = 0.0, worst_product = 0.0;
    int tabulated_lanes = 0;
    for (int trial = 0; trial < 1000; ++trial) {
      const auto curves = random_curves(generator, recoil_permeability, squareness);
      block hcb_tabulated, product_tabulated;
      const auto used = table->figures(curves, hcb_tabulated, product_tabulated);
      for (Eigen::Index lane = 0; lane < 8; ++lane) {
        const auto one = curve_of(curves.remanence(lane), curves.intrinsic_coercivity(lane), recoil_permeability, squareness);
        const double ratio = one.remanence / (mu0 * one.intrinsic_coercivity);
        double hcb_ratio = 0.0, product_ratio = 0.0;
        // The lane is tabulated exactly when the table has r in a used interval.
        REQUIRE(used(lane) == table->ratios(ratio, hcb_ratio, product_ratio));
        if (!used(lane)) continue;
        ++tabulated_lanes;
        const double hcb = formulas::normal_coercivity(one);
        const double product = formulas::max_energy_product(one, hcb).value;
        worst_hcb = std::max(worst_hcb, std::abs(hcb_tabulated(lane) - hcb) / hcb);
        worst_product = std::max(worst_product, std::abs(product_tabulated(lane) - product) / product);
      }
    }
    INFO("mu_rec " << recoil_permeability << ", q " << squareness << ": " << tabulated_lanes << " tabulated lanes");
    CHECK(tabulated_lanes > 4000); // most of the 8000 lanes: their ratios span 11.6 octaves, the table 16
    CHECK(worst_hcb < 1e-14);
    CHECK(worst_product < 1e-14);
  }
}

TEST_CASE("An interval that misses the tolerance is left to the solvers", "[demag_figure_table]") {
  // q = 0.99: a knee so sharp (a = ln 19 / 0.02) that HcB turns from Br-limited to HcJ-limited
  // within a few 1e-3 of r, which no series of degree 11 on 1/32 of an octave follows.
  const auto table = demag_figure_table::of_shape(1.2, 0.99);
  REQUIRE(table->used_intervals() < static_cast<std::size_t>(table_intervals));
  int refused = 0;
  for (int interval = 0; interval < table_intervals; ++interval) {
    constexpr int per_octave = demag_figure_table::intervals_per_octave;
    const double middle = std::ldexp(1.0 + (interval % per_octave + 0.5) / per_octave,
                                     demag_figure_table::first_octave + interval / per_octave);
    double hcb_ratio = 0.0, product_ratio = 0.0;
    if (table->ratios(middle, hcb_ratio, product_ratio)) continue;
    ++refused;
    // figures() leaves lanes there to the solvers too.
    block hcb, product;
    const formulas::basic_demag_parameters<block> curves{block::Constant(middle * mu0 * 1e6), block::Constant(1e6), 1.2,
                                                         block::Constant(formulas::logistic_width(1e6, 0.99))};
    CHECK_FALSE(magmat::lanes::any(table->figures(curves, hcb, product)));
  }
  CHECK(refused == table_intervals - static_cast<int>(table->used_intervals()));
}

TEST_CASE("The table of a curve shape is built once and shared", "[demag_figure_table]") {
  const auto a = demag_figure_table::of_shape(1.05, 0.95);
  CHECK(a == demag_figure_table::of_shape(1.05, 0.95));
  CHECK(a != demag_figure_table::of_shape(1.05, 0.9));
}
