// CGS-Gaussian magnetic units (G, kG, Oe, kOe, MGOe, emu/cm^3) as scaled SI units, and
// the one definition of each CGS-to-SI factor.
#pragma once

#include <numbers>

#include <boost/units/base_unit.hpp>
#include <boost/units/conversion.hpp>
#include <boost/units/make_scaled_unit.hpp>
#include <boost/units/physical_dimensions/energy_density.hpp>
#include <boost/units/physical_dimensions/magnetic_field_intensity.hpp>
#include <boost/units/physical_dimensions/magnetic_flux_density.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/scale.hpp>
#include <boost/units/static_rational.hpp>
#include <boost/units/systems/si/magnetic_field_intensity.hpp>
#include <boost/units/systems/si/base.hpp>
#include <boost/units/systems/si/magnetic_flux_density.hpp>

namespace magmat {

/// pi and 4 pi, exact to double precision; 4 pi links the Gaussian magnetic units to SI.
inline constexpr double pi = std::numbers::pi;
inline constexpr double four_pi = 4.0 * std::numbers::pi;

} // namespace magmat

// Kept free of <magmat/units.hpp> (which includes this header through the literals).
namespace magmat::cgs {

// Sources: NIST SP 811 (2008), Appendix B, for G -> T and Oe -> A/m; the others follow from
// the Gaussian definitions (physics brief section 10): 1 G Oe = 1e-4 T x 1000/(4 pi) A/m =
// 0.1/(4 pi) J/m^3, so 1 MGOe = 1e5/(4 pi) J/m^3; 1 emu/cm^3 of M = 1000 A/m.

/// Tesla per gauss: 1 G = 1e-4 T (exact).
inline constexpr double tesla_per_gauss = 1.0e-4;
/// Ampere per metre per oersted: 1 Oe = 1000/(4 pi) A/m = 79.5774715... A/m (exact).
inline constexpr double ampere_per_metre_per_oersted = 1000.0 / four_pi;
/// Joule per cubic metre per mega-gauss-oersted: 1 MGOe = 1e5/(4 pi) J/m^3 = 7957.747... J/m^3.
inline constexpr double joule_per_cubic_metre_per_mgoe = 1.0e5 / four_pi;
/// Ampere per metre per emu/cm^3 of magnetization: 1 emu/cm^3 = 1000 A/m (exact).
inline constexpr double ampere_per_metre_per_emu_per_cubic_centimetre = 1000.0;

// Base units of a derived SI dimension, as Boost's metric::liter_base_unit is for volume.
// Ordinals must be unique and positive (Boost's own are negative, plus 10-14 and 33 in
// base_units/metric); 7301-7304 are magmat's.

/// Gauss (G), unit of magnetic flux density and polarization; 1 G = 1e-4 T.
struct gauss_base_unit
    : boost::units::base_unit<gauss_base_unit, boost::units::magnetic_flux_density_dimension,
                              7301> {
  static constexpr const char* name() { return "gauss"; }
  static constexpr const char* symbol() { return "G"; }
};

/// Oersted (Oe), unit of magnetic field strength; 1 Oe = 1000/(4 pi) A/m.
struct oersted_base_unit
    : boost::units::base_unit<oersted_base_unit,
                              boost::units::magnetic_field_intensity_dimension, 7302> {
  static constexpr const char* name() { return "oersted"; }
  static constexpr const char* symbol() { return "Oe"; }
};

/// Mega-gauss-oersted (MGOe), unit of energy density ((BH)max); 1 MGOe = 1e5/(4 pi) J/m^3.
struct mgoe_base_unit
    : boost::units::base_unit<mgoe_base_unit, boost::units::energy_density_dimension, 7303> {
  static constexpr const char* name() { return "mega-gauss-oersted"; }
  static constexpr const char* symbol() { return "MGOe"; }
};

/// emu per cubic centimetre (emu/cm^3), unit of magnetization; 1 emu/cm^3 = 1000 A/m.
struct emu_per_cubic_centimetre_base_unit
    : boost::units::base_unit<emu_per_cubic_centimetre_base_unit,
                              boost::units::magnetic_field_intensity_dimension, 7304> {
  static constexpr const char* name() { return "emu per cubic centimetre"; }
  static constexpr const char* symbol() { return "emu/cm^3"; }
};

/// J/m^3 in Boost's SI system: the same type as magmat::energy_density_unit (a static test
/// checks), spelled here so this header needs no <magmat/units.hpp>.
using si_energy_density_unit =
    boost::units::unit<boost::units::energy_density_dimension, boost::units::si::system>;

using kilo = boost::units::scale<10, boost::units::static_rational<3>>;

/// Gauss (G): magnetic flux density / polarization.
using gauss_unit = gauss_base_unit::unit_type;
/// Kilogauss (kG) = 1000 G = 0.1 T.
using kilogauss_unit = boost::units::make_scaled_unit<gauss_unit, kilo>::type;
/// Oersted (Oe): magnetic field strength.
using oersted_unit = oersted_base_unit::unit_type;
/// Kilooersted (kOe) = 1000 Oe = 79.577 kA/m.
using kilooersted_unit = boost::units::make_scaled_unit<oersted_unit, kilo>::type;
/// Mega-gauss-oersted (MGOe): energy density.
using mgoe_unit = mgoe_base_unit::unit_type;
/// emu/cm^3: magnetization.
using emu_per_cubic_centimetre_unit = emu_per_cubic_centimetre_base_unit::unit_type;

/// Quantities in CGS units; convert explicitly to the SI types, e.g.
/// `magnetic_field_strength h(kilooersted_quantity(...))`.
using gauss_quantity = boost::units::quantity<gauss_unit>;
using kilogauss_quantity = boost::units::quantity<kilogauss_unit>;
using oersted_quantity = boost::units::quantity<oersted_unit>;
using kilooersted_quantity = boost::units::quantity<kilooersted_unit>;
using mgoe_quantity = boost::units::quantity<mgoe_unit>;
using emu_per_cubic_centimetre_quantity = boost::units::quantity<emu_per_cubic_centimetre_unit>;

} // namespace magmat::cgs

// Conversion factors to SI, from the constants above (must be at global scope).
BOOST_UNITS_DEFINE_CONVERSION_FACTOR(magmat::cgs::gauss_base_unit,
                                     boost::units::si::magnetic_flux_density, double,
                                     magmat::cgs::tesla_per_gauss);
BOOST_UNITS_DEFINE_CONVERSION_FACTOR(magmat::cgs::oersted_base_unit,
                                     boost::units::si::magnetic_field_intensity, double,
                                     magmat::cgs::ampere_per_metre_per_oersted);
BOOST_UNITS_DEFINE_CONVERSION_FACTOR(magmat::cgs::mgoe_base_unit,
                                     magmat::cgs::si_energy_density_unit, double,
                                     magmat::cgs::joule_per_cubic_metre_per_mgoe);
BOOST_UNITS_DEFINE_CONVERSION_FACTOR(magmat::cgs::emu_per_cubic_centimetre_base_unit,
                                     boost::units::si::magnetic_field_intensity, double,
                                     magmat::cgs::ampere_per_metre_per_emu_per_cubic_centimetre);
