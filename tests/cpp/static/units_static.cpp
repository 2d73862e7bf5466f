// Compile-time checks of magmat's quantity types: dimensions of products and quotients,
// aliases, and the CGS units' dimensions.
#include <type_traits>

#include <boost/units/is_quantity_of_dimension.hpp>
#include <boost/units/systems/si/energy.hpp>
#include <boost/units/systems/si/pressure.hpp>

#include <magmat/units.hpp>
#include <magmat/units/cgs_magnetic.hpp>

namespace {

using namespace magmat;
namespace bu = boost::units;

template <class A, class B>
using product = decltype(std::declval<A>() * std::declval<B>());
template <class A, class B>
using quotient = decltype(std::declval<A>() / std::declval<B>());

// B H is an energy density (T x A/m = J/m^3).
static_assert(std::is_same_v<product<magnetic_flux_density, magnetic_field_strength>,
                             energy_density>);
// mu0 H is a flux density, B / mu0 is a field strength, J / mu0 a magnetization.
static_assert(std::is_same_v<product<permeability, magnetic_field_strength>,
                             magnetic_flux_density>);
static_assert(std::is_same_v<quotient<magnetic_flux_density, permeability>,
                             magnetic_field_strength>);
static_assert(std::is_same_v<quotient<magnetic_polarization, permeability>, magnetization>);
// B^2 / mu0 is an energy density ((BH)max ~ Br^2 / 4 mu0).
static_assert(std::is_same_v<
              quotient<product<magnetic_flux_density, magnetic_flux_density>, permeability>,
              energy_density>);
// Polarization and flux density share one type; so do field strength and magnetization.
static_assert(std::is_same_v<magnetic_polarization, magnetic_flux_density>);
static_assert(std::is_same_v<magnetization, magnetic_field_strength>);
static_assert(!std::is_same_v<magnetic_flux_density, magnetic_field_strength>);
// Energy density is J/m^3, which Boost cannot tell from the pascal.
static_assert(std::is_same_v<energy_density_unit, bu::si::pressure>);
static_assert(std::is_same_v<quotient<bu::quantity<bu::si::energy>, volume>, energy_density>);
static_assert(std::is_same_v<cgs::si_energy_density_unit, energy_density_unit>);
// Mass density, molar mass and amount fit together.
static_assert(std::is_same_v<quotient<mass, volume>, mass_density>);
static_assert(std::is_same_v<quotient<mass, amount_of_substance>, molar_mass>);
// Torque x angular velocity is power.
static_assert(std::is_same_v<product<torque, angular_velocity>, power>);
// A temperature coefficient times a temperature difference is dimensionless.
static_assert(std::is_same_v<product<temperature_coefficient, temperature_difference>,
                             dimensionless>);
// Absolute minus absolute is a difference; absolute plus difference is absolute.
static_assert(std::is_same_v<decltype(std::declval<thermodynamic_temperature>() -
                                      std::declval<thermodynamic_temperature>()),
                             temperature_difference>);
static_assert(std::is_same_v<decltype(std::declval<thermodynamic_temperature>() +
                                      std::declval<temperature_difference>()),
                             thermodynamic_temperature>);
static_assert(!std::is_convertible_v<thermodynamic_temperature, temperature_difference>);
// The CGS units measure the SI dimensions, and convert only explicitly.
static_assert(std::is_same_v<cgs::gauss_unit::dimension_type,
                             bu::si::magnetic_flux_density::dimension_type>);
static_assert(std::is_same_v<cgs::oersted_unit::dimension_type,
                             bu::si::magnetic_field_intensity::dimension_type>);
static_assert(std::is_same_v<cgs::mgoe_unit::dimension_type, energy_density_unit::dimension_type>);
static_assert(std::is_constructible_v<magnetic_field_strength, cgs::kilooersted_quantity>);
static_assert(!std::is_convertible_v<cgs::kilooersted_quantity, magnetic_field_strength>);
// Literals are usable in constant expressions and give SI values.
using namespace magmat::literals;
static_assert((1_kG).value() == 1e3 * cgs::tesla_per_gauss);
static_assert((20_degC).value() == 293.15);
static_assert((2_m).value() == 2.0);

} // namespace
