// Thread safety of the scalar API (issue [8]): the lazily loaded tables (phases, processes,
// catalog, strategies, prices, the cache of shape load lines) and the objects built on them are used from several threads at
// once, and every thread gets the serial answer. Tagged [threads]: tests/run_all.sh runs these
// and the threaded batch tests under ThreadSanitizer.
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/composition.hpp>
#include <magmat/design_study.hpp>
#include <magmat/magnet.hpp>
#include <magmat/prices.hpp>
#include <magmat/thermal.hpp>
#include <magmat/unit_conversion.hpp>

#include <exception>
#include <thread>
#include <vector>

namespace {
// One value from each lazily loaded table, in a fixed order.
std::vector<double> work(int seed) {
  using magmat::from_celsius;
  std::vector<double> out;
  const auto c = magmat::Composition::from_formula(seed % 2 ? "(Nd0.8Dy0.2)2Fe14B" : "Nd2Fe14B");
  out.push_back(c.rare_earth_mass_fraction());
  const auto magnet = magmat::Magnet::from_composition(c, seed % 3 ? "sintered" : "grain_boundary_diffused");
  out.push_back(magnet.intrinsic_coercivity(from_celsius(100.0 + seed)).value());
  const auto& catalog = magmat::Catalog::builtin();
  const auto grade = catalog.grade(catalog.names()[static_cast<std::size_t>(seed) % catalog.size()]);
  out.push_back(grade.remanence(from_celsius(20.0)).value());
  out.push_back(magmat::irreversible_loss(magnet, 1.0, from_celsius(150.0), magmat::magnetic_field_strength::from_value(0.0)));
  // the shared cache of shape load lines: a few shapes, asked for from every thread
  const magmat::magnet_shape shape = magmat::cylinder_shape{magmat::length::from_value(0.005 + 0.001 * (seed % 3)),
                                                            magmat::length::from_value(0.01)};
  out.push_back(magmat::irreversible_loss(grade, shape, from_celsius(120.0), magmat::magnetic_field_strength::from_value(1e5)));
  // a block in its onset region: the interpolated sum over its load lines (per-thread nodes)
  const magmat::magnet_shape block = magmat::block_shape{
      magmat::length::from_value(0.004), magmat::length::from_value(0.02), magmat::length::from_value(0.01)};
  out.push_back(magmat::irreversible_loss(catalog.grade("N42SH"), block, from_celsius(150.0 + 5.0 * (seed % 4)),
                                          magmat::magnetic_field_strength::from_value(0.0)));
  magmat::requirement r;
  r.temperature = from_celsius(150.0);
  r.permeance = 2.0;
  out.push_back(magmat::solve_strategy(magmat::strategy_data(seed % 2 ? "gbd_dy" : "bulk_tb"), r).level);
  out.push_back(magmat::raw_material_cost(magmat::Composition::from_formula("Nd3Dy"), magmat::default_price_table()));
  out.push_back(magmat::convert(12.0 + seed, "kOe", "kA/m"));
  return out;
}
} // namespace

TEST_CASE("the scalar API gives the serial answers from 8 threads at once", "[threads]") {
  constexpr int count = 8;
  std::vector<std::vector<double>> parallel(count);
  std::vector<std::exception_ptr> failures(count);
  {
    std::vector<std::jthread> threads;
    for (int i = 0; i < count; ++i)
      threads.emplace_back([i, &parallel, &failures] {
        const auto k = static_cast<std::size_t>(i);
        try {
          parallel[k] = work(i);
        } catch (...) {  // rethrown below, where Catch can report it
          failures[k] = std::current_exception();
        }
      });
  }
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  for (int i = 0; i < count; ++i) CHECK(parallel[static_cast<std::size_t>(i)] == work(i));
}
