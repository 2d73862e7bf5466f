// The support programme's own numbers (METI 2025): the magnet eligibility criteria, the motor
// target, and the first-order machine sizing relations that turn a magnet into a torque density.
#pragma once

#include <magmat/lanes.hpp>
#include <magmat/magnet.hpp>
#include <magmat/units.hpp>

#include <string>

namespace magmat {

// --- the programme's thresholds ------------------------------------------------------------

/// Minimum (BH)max of an NdFeB magnet to be produced, at room temperature: 150 kJ/m^3 (J/m^3 here).
/// [METI-2025, Ch. 3 Sec. 2: "最大エネルギー積が 150 kJ/m^3 以上"]
inline constexpr energy_density policy_min_max_energy_product = energy_density::from_value(150e3);

/// Minimum intrinsic coercivity HcJ of an NdFeB magnet to be produced, at room temperature:
/// 800 kA/m (A/m here). [METI-2025, Ch. 3 Sec. 2: "保磁力が 800 kA/m 以上"; the criterion names
/// 保磁力 (coercivity) without saying which; magmat reads it as HcJ, the coercivity magnet
/// grades are specified by]
inline constexpr magnetic_field_strength policy_min_intrinsic_coercivity =
    magnetic_field_strength::from_value(800e3);

/// Minimum rated speed of the heavy-rare-earth-free EV traction motor: 10,000 rpm (rad/s here).
/// [METI-2025, Ch. 2 Sec. 2 (3): "回転数 10,000rpm 以上"]
inline constexpr angular_velocity policy_min_rated_speed = from_rpm(10000.0);

/// Minimum torque density of that motor: 50 N m/L (N m/m^3 here). [METI-2025, Ch. 2 Sec. 2 (3):
/// "トルク密度 50Nm/L 以上"; the document does not say which volume; magmat divides by the
/// volume the caller states, see check_motor]
inline constexpr torque_density policy_min_torque_density = from_newton_metre_per_litre(50.0);

/// "Room temperature" of the magnet criteria, 20 degC. The document says 室温 without a number;
/// 20 degC is magmat's choice: the temperature datasheets (and the catalog) state values at.
inline constexpr thermodynamic_temperature policy_room_temperature = from_celsius(20.0);

/// Values within this relative distance below a threshold count as meeting it, so that decimal
/// inputs exactly at a threshold (50 N m/L given as 5 N m in 0.1 L) are not failed by binary
/// rounding. 1e-12 is far below any measured or modelled precision (magmat's choice).
inline constexpr double policy_relative_tolerance = 1e-12;

/// The lowest value that meets `threshold`: the threshold less the relative tolerance.
inline double policy_lowest_passing(double threshold) {
  return threshold - policy_relative_tolerance * (threshold < 0.0 ? -threshold : threshold);
}

/// value >= threshold, forgiving binary rounding of a decimal input at the threshold (the test
/// every criterion below applies; shared with the batch engine).
/// On a double, or lane by lane on a block of values (lanes.hpp).
template <class Value>
lanes::mask_of<Value> policy_meets(const Value& value, double threshold) {
  return value >= policy_lowest_passing(threshold);
}

// --- the magnet criteria -------------------------------------------------------------------

/// The magnet criteria of the programme (Ch. 3 Sec. 2) checked for one magnet at one temperature.
///
/// The rule reads: produce "SmCo magnets, or NdFeB magnets with (BH)max >= 150 kJ/m^3 and
/// HcJ >= 800 kA/m at room temperature". magmat reports the parts separately:
/// - `passes` is the numeric criterion alone: both thresholds met, for any family;
/// - `smco_eligible` is true for SmCo5 and Sm2Co17 magnets, which qualify by rule whatever
///   their numbers;
/// - `eligible` is the whole rule: smco_eligible, or an NdFeB magnet (any process) that passes.
///   A ferrite is never eligible (and fails the (BH)max threshold anyway).
struct policy_check {
  std::string name;          ///< the magnet's name (grade name or formula)
  std::string family;        ///< Magnet::family_name(): "ndfeb_sintered", "smco5", "ferrite", ...
  thermodynamic_temperature temperature;
  bool passes = false;                ///< max_energy_product_ok && coercivity_ok
  bool max_energy_product_ok = false; ///< (BH)max >= 150 kJ/m^3
  bool coercivity_ok = false;         ///< HcJ >= 800 kA/m
  bool smco_eligible = false;         ///< SmCo5 or Sm2Co17: eligible by rule
  bool eligible = false;              ///< smco_eligible || (NdFeB && passes)
  energy_density max_energy_product;            ///< (BH)max at `temperature` (J/m^3)
  magnetic_field_strength intrinsic_coercivity; ///< HcJ at `temperature` (A/m)
  energy_density max_energy_product_margin;     ///< (BH)max - 150 kJ/m^3 (J/m^3; > 0 above)
  magnetic_field_strength coercivity_margin;    ///< HcJ - 800 kA/m (A/m; > 0 above)
};

/// The programme's magnet criteria for `magnet` at `temperature` (room temperature, 20 degC, by
/// default; another temperature answers "would it still meet the numbers hot?", which the
/// programme does not ask). Throws domain_error for a temperature outside the magnet's model range.
policy_check check_policy(const Magnet& magnet, thermodynamic_temperature temperature = policy_room_temperature);

// --- the motor target ----------------------------------------------------------------------

/// The programme's motor target (Ch. 2 Sec. 2 (3)) checked for a stated motor.
struct motor_check {
  angular_velocity rated_speed;       ///< rad/s
  torque rated_torque;                ///< N m
  volume active_volume;               ///< m^3
  torque_density torque_per_volume;   ///< rated_torque / active_volume (N m/m^3)
  bool passes = false;                ///< speed_ok && torque_density_ok
  bool speed_ok = false;              ///< rated_speed >= 10,000 rpm
  bool torque_density_ok = false;     ///< torque_per_volume >= 50 N m/L
  angular_velocity speed_margin;      ///< rated_speed - 10,000 rpm (rad/s; > 0 above)
  torque_density torque_density_margin; ///< torque_per_volume - 50 N m/L (N m/m^3; > 0 above)
};

/// Checks a motor's rated speed (>= 0, finite), rated torque (>= 0, finite) and active volume
/// (> 0, finite) against the programme's 10,000 rpm and 50 N m/L. The document does not define
/// the volume of "torque density"; pass the volume your comparison needs (commonly the active
/// volume: stator outer diameter by stack length) and say which. Throws domain_error naming
/// the argument.
motor_check check_motor(angular_velocity rated_speed, torque rated_torque, volume active_volume);

// --- first-order machine sizing ------------------------------------------------------------

/// Electric loading: the rms linear current density around the air gap (ampere-conductors per
/// metre of gap circumference), in A/m. The same Boost type as H; the name says which is meant.
using electric_loading = magnetic_field_strength;

/// First-order estimate of the air-gap flux density (T) of a surface-mounted magnet of radial
/// thickness `magnet_thickness` (> 0) behind a mechanical gap `air_gap` (>= 0, the magnet-to-
/// stator distance; use the Carter-corrected gap if you have it), at `temperature`:
///
///   B_g = Br(T) t_m / (t_m + mu_rec g)
///
/// Derivation [D]: magnet and gap in series between ideal (infinitely permeable) rotor and stator
/// iron, same cross-section, no leakage, no armature current. Ampere's law round the loop,
/// H_m t_m + H_g g = 0; flux continuity, B_m = B_g; gap, B_g = mu0 H_g; magnet on its linear
/// recoil line, B_m = Br + mu0 mu_rec H_m. Eliminating H_m and H_g gives the formula. It is the
/// load line of physics brief §6.1 (B_op = Br Pc/(Pc + mu_rec)) with permeance coefficient
/// Pc = t_m/g, so Magnet's operating point at Pc = t_m/g gives the same B and tells whether the
/// knee is crossed (this function assumes it is not). Ignores slotting, saturation, leakage
/// and armature reaction: an upper bound on the real gap flux density.
/// Throws domain_error naming the argument.
magnetic_flux_density air_gap_flux_density(const Magnet& magnet, thermodynamic_temperature temperature,
                                           length magnet_thickness, length air_gap);

/// First-order estimate of the torque per rotor volume (N m/m^3) of a machine whose air gap
/// carries a sinusoidal radial flux density of peak `fundamental_flux_density` B1 (T, >= 0) and
/// a sinusoidal current sheet of rms `loading` A (A/m, >= 0; include the winding factor), in
/// phase (torque-maximizing):
///
///   T / V_r = 2 sigma,   sigma = B1 A / sqrt(2)   so   T / V_r = sqrt(2) B1 A
///
/// Derivation [D]: the tangential force per unit area of the gap surface is B(x) K(x); with
/// B = B1 cos(x) and K = sqrt(2) A cos(x) its average is sigma = B1 sqrt(2) A / 2 = B1 A / sqrt(2).
/// On a rotor of diameter D and length L, T = sigma (pi D L)(D/2) = 2 sigma (pi D^2 L / 4)
/// = 2 sigma V_r. Throws domain_error naming the argument.
torque_density torque_per_rotor_volume(magnetic_flux_density fundamental_flux_density, electric_loading loading);

/// Peak of the fundamental (T) of a rectangular radial flux density wave of height `flux_density`
/// covering `pole_arc_fraction` alpha (0 < alpha <= 1) of each pole pitch, centred on the pole:
/// B1 = (4/pi) B sin(alpha pi / 2) [D: first Fourier coefficient of the even pulse train].
magnetic_flux_density fundamental_flux_density(magnetic_flux_density flux_density, double pole_arc_fraction);

/// The chain of first-order estimates from a magnet to a torque density.
struct torque_density_estimate {
  magnetic_flux_density air_gap_flux_density;     ///< B_g under the magnet (T)
  magnetic_flux_density fundamental_flux_density; ///< B1 of the gap wave (T)
  torque_density per_rotor_volume;                ///< sqrt(2) B1 A (N m/m^3)
  torque_density per_active_volume;               ///< per_rotor_volume x rotor_volume_fraction (N m/m^3)
};

/// First-order estimate of a surface-magnet machine's torque density: air_gap_flux_density,
/// then fundamental_flux_density with `pole_arc_fraction`, then torque_per_rotor_volume with
/// `loading`, then times `rotor_volume_fraction` (rotor volume / the volume the density is
/// quoted per, in (0, 1]: the split ratio squared (D_r/D_s)^2 for the active volume; 1 gives
/// the torque per rotor volume). Not a motor design: no saturation, slotting, leakage, armature
/// reaction, reluctance torque (interior magnets) or thermal limit on A. Use it to compare
/// magnets in one machine, not to certify a motor against the 50 N m/L target.
torque_density_estimate estimate_torque_density(const Magnet& magnet, thermodynamic_temperature temperature,
                                                length magnet_thickness, length air_gap, electric_loading loading,
                                                double pole_arc_fraction, double rotor_volume_fraction);

} // namespace magmat
