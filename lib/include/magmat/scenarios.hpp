// Supply scenarios from the METI policy (demand, recoverable scrap, Sm demand) and the
// arithmetic that turns magnet tonnages into element tonnages and back.
#pragma once

#include <magmat/composition.hpp>
#include <magmat/elements.hpp>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace magmat {

/// One given point of a series: a calendar year and the value in the series' unit.
struct supply_point {
  double year;
  double value;          ///< t/year
  std::string as_written; ///< the figure as the source writes it
};

/// A yearly series shipped in materials/scenarios/<name>.json, with its source.
struct supply_series {
  std::string name;          ///< file name without .json, e.g. "ev_traction_ndfeb_world"
  std::string description;
  std::string quantity;      ///< e.g. "NdFeB demand", "recoverable end-of-life NdFeB", "Sm demand"
  std::string unit;          ///< always "t/year" (tonnes per year)
  std::string region;        ///< "world", "Japan"
  std::string source;        ///< key in materials/references.json, e.g. "METI-2025"
  std::string location;      ///< where in the source, e.g. "Ch. 1, Sec. 1 (6), issue 3"
  std::string quote;         ///< the source's sentence
  std::string cited_source;  ///< the source the seed itself cites
  std::vector<supply_point> points; ///< at least two, years strictly increasing
};

/// The shipped series by name. An unknown name throws magmat::unknown_name_error listing the
/// known names.
const supply_series& supply_scenario(std::string_view name);

/// Names of the shipped series, sorted.
std::vector<std::string> supply_scenario_names();

/// The series' value in t/year at `year` (a calendar year, fractional allowed).
/// At a given year: the given value exactly. Between two given years: linear interpolation.
/// Outside [first year, last year]: magmat::domain_error naming the year and the range, unless
/// `extrapolate` is true; then the straight line through the two nearest given points is
/// continued (clamped at 0 t/year, since a tonnage cannot be negative). NaN or infinite
/// years throw magmat::domain_error.
double value_at(const supply_series& series, double year, bool extrapolate = false);

/// Tonnes of each element in `magnet_tonnes` t of a magnet of composition `magnet`.
/// `magnet_tonnes` must be finite and >= 0, else magmat::domain_error.
std::map<Element, double> element_tonnes(double magnet_tonnes, const Composition& magnet);

/// Tonnes of each element in `magnet_tonnes` t of a mix of magnets given as (composition,
/// mass share) pairs. Shares must be finite, >= 0 and sum to 1 within 1e-6, else
/// magmat::domain_error naming the sum.
std::map<Element, double> element_tonnes(double magnet_tonnes,
                                         const std::vector<std::pair<Composition, double>>& mix);

/// Tonnes of `compound` that contain `element_tonnes` t of `element`:
/// element_tonnes / (mass fraction of element in compound). 80 t Sm is 236.7 t of SmCo5 and
/// 346.5 t of Sm2Co17. Throws magmat::domain_error for a negative, NaN or infinite tonnage, or
/// when the compound does not contain the element.
double compound_tonnes_from_element(double element_tonnes, const Composition& compound, Element element);

/// Tonnes of each element recovered in `year` from the recoverable scrap of `recoverable`
/// (t/year of magnet, no extrapolation) with scrap of composition `scrap_composition` and an
/// overall recovery yield in (0, 1] (else magmat::domain_error).
std::map<Element, double> recycled_element_tonnes(const supply_series& recoverable, double year,
                                                  const Composition& scrap_composition, double recovery_yield);

} // namespace magmat
