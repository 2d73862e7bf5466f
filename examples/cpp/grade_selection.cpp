// Which catalog grades run at 160 degC at permeance coefficient 1.5 without crossing the knee, and their Dy.
#include <magmat/magmat.hpp>

#include <fmt/core.h>

int main() {
  using namespace magmat::literals;

  const magmat::thermodynamic_temperature temperature = magmat::from_celsius(160.0);
  const double permeance = 1.5;

  magmat::requirement requirement;
  requirement.temperature = temperature;
  requirement.permeance = permeance;

  fmt::print("Sintered NdFeB grades that do not cross the knee at {:g} degC, Pc = {:g}:\n",
             magmat::to_celsius(temperature), permeance);
  fmt::print("{:<8} {:>9} {:>14} {:>13} {:>14}\n", "grade", "Br20 (T)", "HcJ(T) (kA/m)", "T max (degC)",
             "Dy wt% (est.)");

  const auto& catalog = magmat::Catalog::builtin();
  magmat::grade_filter filter;
  filter.family = "ndfeb_sintered";
  int count = 0;
  for (const auto& name : catalog.find(filter)) {
    const magmat::Grade grade = catalog.grade(name);
    if (!magmat::check_requirement(grade, requirement).met) continue;
    ++count;
    fmt::print("{:<8} {:9.3f} {:14.0f} {:13.0f} {:14.2f}\n", grade.name(),
               grade.remanence(20.0_degC).value(), grade.intrinsic_coercivity(temperature).value() / 1e3,
               magmat::to_celsius(magmat::max_operating_temperature(grade, permeance, 0.0, 0.0_A_per_m)),
               100.0 * grade.composition().mass_fraction(magmat::Element::Dy));
  }
  fmt::print("{} grades; Dy is magmat's estimate from each grade's HcJ (docs/catalog.md).\n", count);
  return 0;
}
