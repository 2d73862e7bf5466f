// A magnet in its circuit: the operating point on a load line, irreversible flux loss after a
// temperature excursion, the operating temperature limits, and the field on a magnet's axis
// (physics brief §6).
#pragma once

#include <magmat/magnet.hpp>
#include <magmat/shapes.hpp>
#include <magmat/units.hpp>
#include <magmat/volume_loss.hpp>

#include <vector>

namespace magmat {

/// Where the load line meets the normal curve.
struct operating_point {
  thermodynamic_temperature temperature;
  magnetic_field_strength field;        ///< internal H (A/m, negative: demagnetizing)
  magnetic_flux_density flux_density;   ///< B (T)
  magnetic_polarization polarization;   ///< J (T)
  /// |H| exceeds the knee field Hk; H already holds the external field, so this is brief
  /// §6.3's |H_op| + |H_ext| > Hk.
  bool beyond_knee = false;
};

/// The intersection of the load line B = −mu0 Pc (H + H_ext) with the normal curve at
/// `temperature`. `permeance` is Pc (> 0, finite); `external_field` H_ext (A/m) is an extra
/// reverse field in the magnet's circuit, e.g. armature reaction as MMF per unit magnet length:
/// positive values oppose the magnetization and shift the load line to the left by H_ext. (For a
/// uniform field H_a applied to an isolated magnet, brief §6.1 gives B = −mu0 Pc H + mu0 (1 + Pc) H_a,
/// that is H_ext = −H_a (1 + Pc)/Pc here.) Found by bracketed bisection.
operating_point find_operating_point(const Magnet& magnet, double permeance, thermodynamic_temperature temperature,
                                     magnetic_field_strength external_field);

/// Fraction of flux lost irreversibly (0.03 = 3 %) after the magnet, starting magnetized at
/// 20 degC, is taken to `temperature` at permeance Pc (with the external field there) and back.
/// The whole magnet sits on one load line and follows the rule of each volume element of the
/// shaped irreversible_loss below: nothing is lost inside the knee; beyond it the share s of the
/// grains reversed past the knee stays reversed, and the flux at 20 degC scales with the aligned
/// polarization, 1 − 2 s. So a magnet that meets the knee criterion (max_operating_temperature
/// with max_loss = 0, a requirement's permeance) loses exactly 0.
double irreversible_loss(const Magnet& magnet, double permeance, thermodynamic_temperature temperature,
                         magnetic_field_strength external_field);

/// The highest temperature at which the magnet at permeance Pc (with the external field) keeps
/// its irreversible loss within `max_loss` (with max_loss = 0: the knee is not crossed), found
/// by a scan and bisection from 20 degC up to the model's temperature range. Returns the top of
/// that range if the limit is never reached; throws infeasible_error if it is exceeded at 20 degC.
thermodynamic_temperature max_operating_temperature(const Magnet& magnet, double permeance, double max_loss,
                                                    magnetic_field_strength external_field);

/// The lowest temperature with the same criterion, scanning down from 20 degC: the cold limit
/// of ferrite, whose coercivity falls as it cools. Returns the bottom of the model's range if the
/// limit is never reached.
thermodynamic_temperature min_operating_temperature(const Magnet& magnet, double permeance, double max_loss,
                                                    magnetic_field_strength external_field);

/// Irreversible moment loss (0.03 = 3 %) of a magnet of `shape`, starting magnetized at 20 degC
/// in free space, taken to `temperature` (with the external field there) and back. Each element
/// of the shape's volume quadrature (order 24) sits on its own load line, of local Pc
/// (1 - N)/N from its axial demagnetizing factor N (shapes.hpp). An element loses nothing until
/// it crosses its knee; beyond it the share of its grains reversed past the knee,
/// s = (sigma(H) - sigma(-Hk)) / (1 - sigma(-Hk)), stays reversed. The loss is the volume-weighted
/// moment lost, 1 - sum w (1 - 2 s_after) / sum w (1 - 2 s_20degC). So a magnet whose every part
/// stays inside its knee loses exactly 0, as the onset criterion of max_operating_temperature says.
/// The shape's load lines come from shape_load_lines::of (cached); for sweeps over many
/// temperatures or fields use volume_loss (volume_loss.hpp), which this calls.
double irreversible_loss(const Magnet& magnet, const magnet_shape& shape, thermodynamic_temperature temperature,
                         magnetic_field_strength external_field,
                         external_field_kind kind = external_field_kind::applied);

/// The state of the magnet at one point inside its shape at `temperature`: what a loss map shows.
struct local_demagnetization {
  double permeance = 0.0;        ///< local Pc = (1 - N)/N
  magnetic_field_strength field; ///< internal H (A/m, negative: demagnetizing), external field included
  double knee_margin = 0.0;      ///< (Hk - |H|)/Hk, negative beyond the knee (-1 when Hk = 0)
  double reversed_share = 0.0;   ///< share of the grains reversed past the knee (0 inside it)
};

/// local_demagnetization at each of `points` (inside the shape: domain_error naming the first one
/// outside), on the same load lines and with the same external-field kinds as irreversible_loss.
std::vector<local_demagnetization> local_demagnetization_at(const Magnet& magnet, const magnet_shape& shape,
                                                            const std::vector<shape_point>& points,
                                                            thermodynamic_temperature temperature,
                                                            magnetic_field_strength external_field,
                                                            external_field_kind kind = external_field_kind::applied);

/// How far the shaped magnet's most exposed part (the point of the largest local N, shapes.hpp)
/// is from its knee at `temperature`: (Hk - |H|)/Hk, negative beyond it (-1 when Hk = 0). The
/// onset criterion of the shaped max_operating_temperature and of a requirement with a shape.
double onset_margin(const Magnet& magnet, const magnet_shape& shape, thermodynamic_temperature temperature,
                    magnetic_field_strength external_field,
                    external_field_kind kind = external_field_kind::applied);

/// The highest temperature at which the shaped magnet keeps within `max_loss`. With
/// max_loss = 0 this is the onset: no part of the magnet beyond its knee, judged at the point of
/// the largest local N (the pole-face centres of a cylinder or block), so that irreversible_loss
/// is 0 there. With max_loss > 0 the moment loss above is used. Scan and bisection as for
/// max_operating_temperature; the top of the model's range if never reached; infeasible_error if
/// exceeded at 20 degC.
thermodynamic_temperature max_operating_temperature(const Magnet& magnet, const magnet_shape& shape, double max_loss,
                                                    magnetic_field_strength external_field,
                                                    external_field_kind kind = external_field_kind::applied);

/// How a permeance coefficient is read by max_operating_temperature: as makers read it, the
/// neutral-section Pc of a cylinder (cylinder_with_neutral_section_permeance), whose local fields
/// then decide (the shaped limit: onset, or the volume's loss); or as one load line for the whole
/// magnet, the first-order "average knee" test of max_operating_temperature above.
enum class permeance_reading { makers_cylinder, one_load_line };
thermodynamic_temperature max_operating_temperature(const Magnet& magnet, double permeance, double max_loss,
                                                    magnetic_field_strength external_field, permeance_reading reading);

/// The makers' rating of a magnet's maximum operating temperature, computed: a cylinder of
/// L/D = 0.7 in free space, no external field, and the onset of irreversible loss, i.e. the
/// highest temperature at which no part of the magnet crosses its knee. Reversal starts where
/// the local reverse field is largest, the centres of the pole faces (shapes.hpp), so that is
/// the knee criterion of max_operating_temperature at their local Pc (0.687 for L/D = 0.7).
struct rated_temperature_result {
  thermodynamic_temperature temperature;
  /// The magnet's model range ends (e.g. a ferrite's 250 degC data range) before any part of it
  /// crosses its knee: `temperature` is then the end of the range, not a limit.
  bool range_end = false;
  /// The local Pc used: that of the pole-face centre of the L/D = 0.7 cylinder.
  double permeance = 0.0;
};
rated_temperature_result rated_temperature(const Magnet& magnet);

/// Flux density (T) on the axis of an axially magnetized cylinder at `distance` from a pole
/// face, B = (J/2) [(z + L)/√((z + L)² + R²) − z/√(z² + R²)], the field of the two uniformly
/// charged end faces (brief §6, [D]) with J the polarization at the cylinder's own operating
/// point (its magnetometric demagnetizing factor, permeance.hpp) at `temperature`.
magnetic_flux_density field_on_axis_cylinder(const Magnet& magnet, length length_along_axis, length diameter,
                                             length distance, thermodynamic_temperature temperature);

/// The same for a block magnetized along `length`, on the axis through the centre of a pole face:
/// B = (J/π) [atan(ab / (2z √(4z² + a² + b²))) − atan(ab / (2(z + L) √(4(z + L)² + a² + b²)))]
/// with a, b the pole face's sides ([D], charged rectangles).
magnetic_flux_density field_on_axis_block(const Magnet& magnet, length length_along_magnetization, length width,
                                          length height, length distance, thermodynamic_temperature temperature);

} // namespace magmat
