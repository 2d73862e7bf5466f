// A magnet's irreversible loss judged over its volume (issue [10]): a shape's volume elements as
// load lines, precomputed once per shape, and the loss of one magnet in one shape evaluated at
// many (temperature, external field) pairs, the sweeps of thermal.hpp's shaped functions.
#pragma once

#include <magmat/magnet.hpp>
#include <magmat/shapes.hpp>
#include <magmat/units.hpp>

#include <memory>
#include <vector>

namespace magmat {

/// How an external field enters a shaped magnet: "applied", the load-line shift of
/// find_operating_point (an MMF per unit magnet length, armature reaction); "in_magnet", a reverse
/// field added directly to every part's internal field (what a field simulation gives).
enum class external_field_kind { applied, in_magnet };

/// One volume element of a shape as a load line: the fraction of the volume it stands for and its
/// local permeance coefficient Pc = (1 - N)/N from its local axial demagnetizing factor N.
struct element_load_line {
  double weight = 0.0;
  double permeance = 0.0;
};

/// A shape's volume quadrature (volume_quadrature, order 24) as load lines, computed once: the
/// local fields are the expensive part of a shaped loss, and they depend on the shape alone.
/// Elements with the same Pc to 1e-12 (mirror images: the fields are symmetric about the mid-plane,
/// and a block's also about its two side planes) are merged, which changes no sum; the rest are
/// sorted by Pc, ascending.
class shape_load_lines {
public:
  /// Checks the shape (check_shape) and computes its load lines.
  explicit shape_load_lines(const magnet_shape& shape);

  const magnet_shape& shape() const noexcept { return shape_; }
  const std::vector<element_load_line>& elements() const noexcept { return elements_; }
  /// The Pc of the shape's most exposed point, permeance_coefficients(shape).minimum_local: where
  /// reversal starts (the pole-face centres of a cylinder or block).
  double worst_permeance() const noexcept { return worst_permeance_; }

  /// The load lines of `shape` from a small cache of the shapes last asked for (thread-safe), so
  /// that repeated calls on one shape do not recompute its fields.
  static std::shared_ptr<const shape_load_lines> of(const magnet_shape& shape);

private:
  magnet_shape shape_;
  std::vector<element_load_line> elements_;
  double worst_permeance_ = 0.0;
};

/// The irreversible moment loss of one magnet in one shape, for many (temperature, external
/// field) pairs: the state after magnetizing at 20 degC is computed once, then each call solves
/// only the elements beyond their knee (decided in closed form per element) by safeguarded Newton
/// steps started on the line through the previous two elements' roots; with no coercivity left the
/// load lines meet J's step at H = 0, where the share reversed follows from J = -mu0 Pc H_ext.
/// With 64 or more elements beyond the knee (a block's 1728 load lines in its onset region) the
/// share, a smooth function of Pc alone at one temperature and field, is instead solved at
/// adaptively placed nodes and interpolated between them (quintic Hermite pieces with exact first
/// and second derivatives), each piece accepted when it misses the exact share at its midpoint by
/// at most share_tolerance times the moment at 20 degC and then split there: the loss stays
/// within 2 share_tolerance of every element solved to rounding (an estimate; tested to 1e-10,
/// measured 1.1e-11, while per_element()'s own Newton tolerance gives up to 2.7e-10). If that would
/// take more nodes than a quarter of the elements, each is solved. Each call is deterministic, so
/// the answers do not depend on the threads it runs on.
/// The loss is thermal.hpp's irreversible_loss(magnet, shape, ...), which calls this. Holds a
/// reference to `magnet`: keep the magnet alive while this is used.
class volume_loss {
public:
  volume_loss(const Magnet& magnet, std::shared_ptr<const shape_load_lines> lines,
              external_field_kind kind = external_field_kind::applied);

  /// Fraction of the moment lost (0.03 = 3 %) after 20 degC -> `temperature` (with the external
  /// field there) -> 20 degC. Throws domain_error for a non-finite field, and what the magnet
  /// throws for a temperature outside its range.
  double operator()(thermodynamic_temperature temperature, magnetic_field_strength external_field) const;

  /// The same loss with every element beyond its knee solved on its own (no interpolation): the
  /// reference operator() is tested against; slower when many elements are beyond.
  double per_element(thermodynamic_temperature temperature, magnetic_field_strength external_field) const;

  /// The interpolation's acceptance threshold per share, relative to the moment at 20 degC.
  static constexpr double share_tolerance = 1e-10;

  const shape_load_lines& lines() const noexcept { return *lines_; }

private:
  double loss(thermodynamic_temperature temperature, magnetic_field_strength external_field, bool interpolate) const;

  const Magnet* magnet_;
  std::shared_ptr<const shape_load_lines> lines_;
  external_field_kind kind_;
  std::vector<double> reversed_at_room_; // per element, after magnetizing at 20 degC in free space
  double moment_at_room_ = 0.0;          // sum w (1 - 2 s_20degC)
};

} // namespace magmat
