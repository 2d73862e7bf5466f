// Tests of volume_loss.hpp: a shape's load lines and the loss over its volume, against a
// reference written out element by element from the public pieces (the volume quadrature, the
// local fields, the operating point and the curve's reversed fraction), with no merging, no
// closed-form knee test and no Newton steps.
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/errors.hpp>
#include <magmat/shapes.hpp>
#include <magmat/thermal.hpp>
#include <magmat/volume_loss.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using Catch::Detail::Approx;
using magmat::from_celsius;
using magmat::to_celsius;
using magmat::length;
using magmat::magnetic_field_strength;

namespace {

const magmat::thermodynamic_temperature room = from_celsius(20.0);

double reversed_past_knee(const magmat::demagnetization_model& curve, double field) {
  const double knee = curve.reversed_fraction(magnetic_field_strength::from_value(-curve.knee_field().value()));
  const double sigma = curve.reversed_fraction(magnetic_field_strength::from_value(field));
  return std::max(0.0, (sigma - knee) / (1.0 - knee));
}

// The loss of thermal.hpp's definition, summed over every quadrature node.
double reference_loss(const magmat::Magnet& magnet, const magmat::magnet_shape& shape, double temperature_C,
                      double external, magmat::external_field_kind kind) {
  const auto cold = magnet.demagnetization(room);
  const auto hot = magnet.demagnetization(from_celsius(temperature_C));
  const bool applied = kind == magmat::external_field_kind::applied;
  double before = 0.0, after = 0.0;
  for (const auto& q : magmat::volume_quadrature(shape, 24)) {
    const double n = -magmat::demagnetizing_field_per_magnetization(shape, q.point)[2];
    const double pc = (1.0 - n) / n;
    const double h20 = magmat::find_operating_point(magnet, pc, room, magnetic_field_strength::from_value(0.0)).field.value();
    const double h = magmat::find_operating_point(magnet, pc, from_celsius(temperature_C),
                                                  magnetic_field_strength::from_value(applied ? external : 0.0))
                         .field.value() -
                     (applied ? 0.0 : external);
    const double s20 = reversed_past_knee(cold, h20);
    before += q.weight * (1.0 - 2.0 * s20);
    after += q.weight * (1.0 - 2.0 * std::max(s20, reversed_past_knee(hot, h)));
  }
  return std::clamp(1.0 - after / before, 0.0, 1.0);
}

// One shape of each kind: the makers' L/D = 0.7 cylinder, a flat block, an axial ring.
const std::vector<magmat::magnet_shape>& three_shapes() {
  static const std::vector<magmat::magnet_shape> shapes{
      magmat::cylinder_shape{length::from_value(0.007), length::from_value(0.01)},
      magmat::block_shape{length::from_value(0.004), length::from_value(0.02), length::from_value(0.01)},
      magmat::ring_shape{length::from_value(0.005), length::from_value(0.02), length::from_value(0.008)}};
  return shapes;
}

} // namespace

TEST_CASE("Load lines: mirror images merged, weights kept, sorted, the worst point's Pc", "[volume_loss]") {
  const magmat::magnet_shape cylinder = magmat::cylinder_shape{length::from_value(0.007), length::from_value(0.01)};
  const magmat::magnet_shape block =
      magmat::block_shape{length::from_value(0.004), length::from_value(0.02), length::from_value(0.01)};
  for (const auto& shape : {cylinder, block}) {
    const magmat::shape_load_lines lines(shape);
    const auto nodes = magmat::volume_quadrature(shape, 24);
    double weight = 0.0;
    for (const auto& e : lines.elements()) weight += e.weight;
    CHECK(weight == Approx(1.0).epsilon(1e-12));
    CHECK(std::is_sorted(lines.elements().begin(), lines.elements().end(),
                         [](const auto& a, const auto& b) { return a.permeance < b.permeance; }));
    // z -> -z halves a cylinder's nodes; a block's side planes halve them twice more
    const std::size_t mirrors = std::holds_alternative<magmat::block_shape>(shape) ? 8 : 2;
    CHECK(lines.elements().size() == nodes.size() / mirrors);
    CHECK(lines.worst_permeance() == Approx(magmat::permeance_coefficients(shape).minimum_local));
    CHECK(lines.worst_permeance() < lines.elements().front().permeance); // the face centre is worse than any node
  }
  // the cache hands out one computation per shape
  CHECK(magmat::shape_load_lines::of(cylinder) == magmat::shape_load_lines::of(cylinder));
  CHECK_THROWS_AS(magmat::shape_load_lines(magmat::cylinder_shape{length::from_value(-1.0), length::from_value(1.0)}),
                  magmat::domain_error);
}

TEST_CASE("volume_loss equals the loss summed node by node", "[volume_loss]") {
  const auto& catalog = magmat::Catalog::builtin();
  const auto& shapes = three_shapes();
  for (const char* name : {"N42", "N42SH", "YX18", "BN8", "Y30"}) {
    const magmat::Grade g = catalog.grade(name);
    for (const auto& shape : shapes) {
      for (const auto kind : {magmat::external_field_kind::applied, magmat::external_field_kind::in_magnet}) {
        const magmat::volume_loss loss(g, magmat::shape_load_lines::of(shape), kind);
        for (const double t : {20.0, 140.0, 240.0}) {
          // with no coercivity left (HcJ = 0) the load line meets J's step at H = 0, where the
          // reference's bisection lands on either side: that case is tested on its own below
          if (g.intrinsic_coercivity(from_celsius(t)).value() == 0.0) continue;
          for (const double external : {0.0, 2e5, -1e5}) {
            INFO(name << " at " << t << " degC, external " << external << " A/m, kind " << static_cast<int>(kind));
            const double expected = reference_loss(g, shape, t, external, kind);
            const double fast = loss(from_celsius(t), magnetic_field_strength::from_value(external));
            CHECK(fast == Approx(expected).margin(1e-7));
            CHECK(magmat::irreversible_loss(g, shape, from_celsius(t), magnetic_field_strength::from_value(external),
                                            kind) == fast);
          }
        }
      }
    }
  }
}

TEST_CASE("No coercivity left: demagnetized, unless an aiding field holds the magnetization", "[volume_loss]") {
  const magmat::Grade g = magmat::Catalog::builtin().grade("N42");
  const auto hot = from_celsius(300.0);
  REQUIRE(g.intrinsic_coercivity(hot).value() == 0.0);
  const magmat::magnet_shape shape = magmat::cylinder_shape{length::from_value(0.007), length::from_value(0.01)};
  for (const auto kind : {magmat::external_field_kind::applied, magmat::external_field_kind::in_magnet}) {
    const magmat::volume_loss loss(g, magmat::shape_load_lines::of(shape), kind);
    CHECK(loss(hot, magnetic_field_strength::from_value(0.0)) == 1.0);  // J = 0: no net moment
    CHECK(loss(hot, magnetic_field_strength::from_value(1e5)) == 1.0);  // reversed
    CHECK(loss(hot, magnetic_field_strength::from_value(-1e8)) == 0.0); // held along +z
  }
  // in between, a moderate aiding load-line shift holds part of J on the step: partial loss
  const magmat::volume_loss applied(g, magmat::shape_load_lines::of(shape));
  const double partial = applied(hot, magnetic_field_strength::from_value(-2e5));
  CHECK(partial > 0.0);
  CHECK(partial < 1.0);
}

TEST_CASE("The local state inside a shape: knee margin and reversed share where it reverses first",
          "[volume_loss]") {
  const magmat::Grade g = magmat::Catalog::builtin().grade("N42H");
  const magmat::magnet_shape rating = magmat::cylinder_shape{length::from_value(0.007), length::from_value(0.01)};
  const auto none = magnetic_field_strength::from_value(0.0);
  const auto onset = magmat::max_operating_temperature(g, rating, 0.0, none);
  const std::vector<magmat::shape_point> points = {
      {length::from_value(0.0), length::from_value(0.0), length::from_value(0.0)},       // centre
      {length::from_value(0.0), length::from_value(0.0), length::from_value(0.00349)},   // pole-face centre
      {length::from_value(0.00499), length::from_value(0.0), length::from_value(0.0)}};  // mid-plane rim
  const auto at_onset = magmat::local_demagnetization_at(g, rating, points, onset, none);
  REQUIRE(at_onset.size() == 3);
  CHECK(at_onset[1].knee_margin == Approx(0.0).margin(2e-3)); // the face centre is at its knee
  CHECK(at_onset[0].knee_margin > at_onset[1].knee_margin);
  CHECK(at_onset[2].knee_margin > at_onset[1].knee_margin);
  for (const auto& p : at_onset) CHECK(p.reversed_share == Approx(0.0).margin(1e-6));
  const auto hotter = magmat::local_demagnetization_at(g, rating, points, from_celsius(to_celsius(onset) + 15.0), none);
  CHECK(hotter[1].reversed_share > 0.0);
  CHECK(hotter[1].reversed_share > hotter[0].reversed_share);
  CHECK(hotter[1].field.value() < hotter[0].field.value());
  const std::vector<magmat::shape_point> outside = {
      {length::from_value(0.0), length::from_value(0.0), length::from_value(0.01)}};
  CHECK_THROWS_AS(magmat::local_demagnetization_at(g, rating, outside, onset, none), magmat::domain_error);
}

namespace {

// An element's root h on its load line by bisection to rounding, and its share past the knee:
// tighter than volume_loss's own Newton tolerance (1e-8 of the logistic width in h).
double tight_share(const magmat::demagnetization_model& curve, double pc, double external,
                   magmat::external_field_kind kind) {
  constexpr double mu0 = magmat::vacuum_permeability_h_per_m;
  const double e = kind == magmat::external_field_kind::applied ? external : 0.0;
  const double shift = kind == magmat::external_field_kind::applied ? 0.0 : external;
  const auto f = [&](double h) { return curve.flux_density(magnetic_field_strength::from_value(h)).value() + mu0 * pc * (h + e); };
  double high = std::max(0.0, -e), low = -curve.intrinsic_coercivity().value() - std::abs(e) - 1.0;
  while (f(high) < 0.0) high = 2.0 * high + 1.0;
  while (f(low) > 0.0) low = 2.0 * low - 1.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (low + high);
    if (!(mid > low && mid < high)) break;
    (f(mid) > 0.0 ? high : low) = mid;
  }
  return reversed_past_knee(curve, 0.5 * (low + high) - shift);
}

double tight_loss(const magmat::Magnet& magnet, const magmat::shape_load_lines& lines, double temperature_C,
                  double external, magmat::external_field_kind kind) {
  const auto cold = magnet.demagnetization(room);
  const auto hot = magnet.demagnetization(from_celsius(temperature_C));
  double before = 0.0, lost = 0.0;
  for (const auto& e : lines.elements()) {
    const double s20 = tight_share(cold, e.permeance, 0.0, kind);
    before += e.weight * (1.0 - 2.0 * s20);
    lost += e.weight * 2.0 * std::max(0.0, tight_share(hot, e.permeance, external, kind) - s20);
  }
  return std::clamp(lost / before, 0.0, 1.0);
}

} // namespace

TEST_CASE("volume_loss's interpolated sums equal every element solved on its own", "[volume_loss]") {
  // With 64 or more elements beyond the knee volume_loss interpolates the share over Pc; in a
  // block's onset region 400-1700 of its 1728 load lines are beyond, in a cylinder's or ring's up
  // to 288. Compared with per_element() and with a reference solved by bisection to rounding,
  // through the onset region into full reversal, both kinds of external field.
  const auto& catalog = magmat::Catalog::builtin();
  const auto& shapes = three_shapes();
  for (const char* name : {"N42", "N42SH", "YX18", "BN8"}) {
    const magmat::Grade g = catalog.grade(name);
    for (const auto& shape : shapes) {
      const auto lines = magmat::shape_load_lines::of(shape);
      for (const auto kind : {magmat::external_field_kind::applied, magmat::external_field_kind::in_magnet}) {
        const magmat::volume_loss loss(g, lines, kind);
        for (const double external : {0.0, 2e5, -1e5}) {
          for (double t = 20.0; t <= 300.0; t += 20.0) {
            if (g.intrinsic_coercivity(from_celsius(t)).value() == 0.0) continue; // tested above
            INFO(name << " at " << t << " degC, external " << external << " A/m, kind " << static_cast<int>(kind));
            const auto field = magnetic_field_strength::from_value(external);
            const double fast = loss(from_celsius(t), field), each = loss.per_element(from_celsius(t), field);
            const double tight = tight_loss(g, *lines, t, external, kind);
            // measured: interpolated within 1.1e-11 of the reference, per element within 2.7e-10
            CHECK(fast == Approx(tight).margin(1e-10));
            CHECK(fast == Approx(each).margin(1e-9));
          }
        }
      }
    }
  }
}
