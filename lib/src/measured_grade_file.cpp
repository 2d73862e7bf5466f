// A fitted magnet written as a grade file (curve_fit.hpp, measured_grade_json), in the format
// catalog_loading.cpp reads: the measured_curves block carries the fitted table.
#include <magmat/curve_fit.hpp>
#include <magmat/errors.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <string>

namespace magmat {
namespace {

using json = nlohmann::ordered_json;

json quantity(double value, const char* unit) { return json{{"value", value}, {"unit", unit}}; }

json typical(double value, const char* unit, std::string_view source) {
  return json{{"typical", quantity(value, unit)}, {"source", source}};
}

} // namespace

std::string measured_grade_json(const Magnet& fitted, std::string_view source) {
  const auto& anchor = fitted.datasheet();
  if (!anchor || !anchor->measured)
    throw domain_error(fmt::format("'{}' rests on no measured curves; only a magnet from Magnet.fit_curves can be "
                                   "written as a measured grade", fitted.name()));
  if (source.empty()) throw domain_error("a grade needs a source: name where the curves come from");
  const measured_curves_table& table = *anchor->measured;
  // The datasheet values at 20 degC, as every grade states them (read off the fitted curves).
  const auto room = from_celsius(20.0);
  const magnet_properties p = fitted.properties(room);
  json curves = json::array();
  std::string temperatures;
  for (const fitted_curve_parameters& c : table.curves) {
    curves.push_back(json{{"temperature", quantity(to_celsius(c.temperature), "degC")},
                          {"remanence", quantity(c.remanence.value(), "T")},
                          {"intrinsic_coercivity", quantity(c.intrinsic_coercivity.value(), "A/m")},
                          {"squareness", quantity(c.squareness, "1")},
                          {"remanence_uncertainty", quantity(c.remanence_uncertainty.value(), "T")},
                          {"intrinsic_coercivity_uncertainty", quantity(c.intrinsic_coercivity_uncertainty.value(), "A/m")},
                          {"squareness_uncertainty", quantity(c.squareness_uncertainty, "1")},
                          {"rms_residual", quantity(c.rms_residual.value(), "T")},
                          {"max_residual", quantity(c.max_residual.value(), "T")},
                          {"points", c.points}});
    temperatures += (temperatures.empty() ? "" : ", ") + fmt::format("{:g}", to_celsius(c.temperature));
  }
  json measured{{"source", source},
                {"process", fitted.process().process},
                {"recoil_permeability", quantity(table.recoil_permeability, "1")},
                {"recoil_permeability_uncertainty", quantity(table.recoil_permeability_uncertainty, "1")},
                {"curves", curves}};
  json grade{{"name", fitted.name()},
             {"kind", "commercial"},
             {"description", fmt::format("Fitted to measured demagnetization curves at {} degC", temperatures)},
             {"remanence", typical(p.remanence.value(), "T", source)},
             {"normal_coercivity", typical(p.normal_coercivity.value(), "A/m", source)},
             {"intrinsic_coercivity", typical(p.intrinsic_coercivity.value(), "A/m", source)},
             {"max_energy_product", typical(p.max_energy_product.value(), "J/m3", source)},
             {"recoil_permeability", json{{"value", table.recoil_permeability}, {"unit", "1"}, {"source", source}}},
             {"measured_curves", measured}};
  json file{{"schema", "magmat-grades/1"},
            {"family", fitted.family_name()},
            {"description", fmt::format("A magnet fitted to measured demagnetization curves ({})", source)},
            {"grades", json::array({grade})}};
  return file.dump(2) + "\n";
}

} // namespace magmat
