// Python bindings of composition.hpp: the immutable Composition value type.
#include "element_arg.hpp"
#include "pybind.hpp"

#include <magmat/composition.hpp>
#include <magmat/formula_reading.hpp>
#include <magmat/errors.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace magmat::python {
namespace {

using share_map = std::map<element_arg, double>;

// Keys given as str or Element; the same element twice ("Nd" and Element.Nd) is an error.
std::map<Element, double> resolve(const share_map& shares) {
  std::map<Element, double> out;
  for (const auto& [key, value] : shares) {
    const Element e = to_element(key);
    if (!out.emplace(e, value).second) {
      throw domain_error("element " + std::string(symbol(e)) + " is given twice");
    }
  }
  return out;
}

std::optional<Element> resolve(const std::optional<element_arg>& e) {
  if (!e) return std::nullopt;
  return to_element(*e);
}

py::dict to_dict(const std::vector<Composition::entry>& v) {
  py::dict out;
  for (const auto& [e, x] : v) out[py::str(std::string(symbol(e)))] = x;
  return out;
}

py::tuple amounts_tuple(const Composition& c) {
  py::tuple out(c.amounts().size());
  std::size_t k = 0;
  for (const auto& [e, n] : c.amounts()) out[k++] = py::make_tuple(std::string(symbol(e)), n);
  return out;
}

Composition from_amount_pairs(const std::vector<std::pair<element_arg, double>>& pairs) {
  std::vector<Composition::entry> v;
  v.reserve(pairs.size());
  for (const auto& [key, n] : pairs) v.emplace_back(to_element(key), n);
  return Composition::from_amounts(v);
}

constexpr const char* share_rules =
    "Keys are element symbols ('Nd') or Element members. Every value must be finite and >= 0 "
    "(checked first: a negative or NaN value raises DomainError naming the element). With "
    "`balance`, that element takes the remainder. Otherwise the total must be within the "
    "tolerance of the full amount, else DomainError naming the total and the tolerance. An "
    "unknown symbol raises UnknownNameError (a KeyError). The result is normalised to one "
    "atom per formula unit.";

} // namespace

void register_composition(py::module_& m) {
  py::class_<Composition> cls(m, "Composition",
      "An immutable chemical composition: elements with amounts in atoms per formula unit. "
      "From a formula the formula unit is kept as written (Nd2Fe14B: 17 atoms); from "
      "percentages, fractions or mixing it is one atom. Masses are in kg, molar masses in "
      "kg/mol. Equality is exact on the amounts (Nd2Fe14B != Nd4Fe28B2).");

  cls.def_static("from_formula", &Composition::from_formula, py::arg("formula"),
          "Parse a chemical formula such as 'Nd2Fe14B', '(Nd0.8Dy0.2)2Fe14B' or "
          "'Sm(Co0.69Fe0.22Cu0.07Zr0.02)7.5'. Symbols are case-sensitive; subscripts are "
          "decimals ('0.75', not '.75') up to 1e6, a zero subscript meaning the element or group is "
          "absent ('(Nd0.7Dy0.3Tb0.0)2Fe14B' has no Tb); groups use () or [] and nest up to "
          "16 levels; whitespace is rejected. Any problem, an unknown element included, raises "
          "ParseError (a ValueError) naming it and its 0-based position.")
      .def_static("from_amounts", &from_amount_pairs, py::arg("amounts"),
          "Build from (element, atoms per formula unit) pairs, kept as given; repeated elements "
          "are summed. Negative, NaN or no positive amount raises DomainError.")
      .def_static("from_mass_percent",
          [](const share_map& p, const std::optional<element_arg>& balance, double tol) {
            return Composition::from_mass_percent(resolve(p), resolve(balance), tol);
          },
          py::arg("percent"), py::kw_only(), py::arg("balance") = py::none(),
          py::arg("tolerance_percent") = Composition::default_tolerance_percent,
          (std::string("From mass percent (wt%, total 100; default tolerance 0.5 percentage "
                       "points). ") + share_rules).c_str())
      .def_static("from_atomic_percent",
          [](const share_map& p, const std::optional<element_arg>& balance, double tol) {
            return Composition::from_atomic_percent(resolve(p), resolve(balance), tol);
          },
          py::arg("percent"), py::kw_only(), py::arg("balance") = py::none(),
          py::arg("tolerance_percent") = Composition::default_tolerance_percent,
          (std::string("From atomic percent (at%, total 100; default tolerance 0.5 percentage "
                       "points). ") + share_rules).c_str())
      .def_static("from_mass_fractions",
          [](const share_map& f, const std::optional<element_arg>& balance, double tol) {
            return Composition::from_mass_fractions(resolve(f), resolve(balance), tol);
          },
          py::arg("fractions"), py::kw_only(), py::arg("balance") = py::none(),
          py::arg("tolerance") = Composition::default_tolerance_percent / 100.0,
          (std::string("From mass fractions (total 1; default tolerance 0.005). ") + share_rules).c_str())
      .def_static("from_atomic_fractions",
          [](const share_map& f, const std::optional<element_arg>& balance, double tol) {
            return Composition::from_atomic_fractions(resolve(f), resolve(balance), tol);
          },
          py::arg("fractions"), py::kw_only(), py::arg("balance") = py::none(),
          py::arg("tolerance") = Composition::default_tolerance_percent / 100.0,
          (std::string("From atomic fractions (total 1; default tolerance 0.005). ") + share_rules).c_str())
      .def_static("mix_by_mass", &Composition::mix_by_mass, py::arg("parts"),
          "Mix phases by mass: parts is a list of (Composition, weight), e.g. "
          "[(main, 97), (nd_rich, 3)]. Weights are masses in any common unit, each finite and "
          ">= 0 with a positive sum, and are normalised. The result has one atom per formula "
          "unit. Bad weights or no parts raise DomainError.");

  cls.def("mass_fraction", [](const Composition& c, const element_arg& e) { return c.mass_fraction(to_element(e)); },
          py::arg("element"), "Mass fraction of an element (0..1; 0 if absent).")
      .def("atomic_fraction", [](const Composition& c, const element_arg& e) { return c.atomic_fraction(to_element(e)); },
          py::arg("element"), "Atomic (mole) fraction of an element (0..1; 0 if absent).")
      .def("amount", [](const Composition& c, const element_arg& e) { return c.amount(to_element(e)); },
          py::arg("element"), "Atoms of an element per formula unit (0 if absent).")
      .def("__contains__", [](const Composition& c, const element_arg& e) { return c.contains(to_element(e)); },
          py::arg("element"))
      .def("mass_fractions", [](const Composition& c) { return to_dict(c.mass_fractions()); },
          "Mass fractions {symbol: fraction} in atomic-number order; they sum to 1.")
      .def("atomic_fractions", [](const Composition& c) { return to_dict(c.atomic_fractions()); },
          "Atomic fractions {symbol: fraction} in atomic-number order; they sum to 1.")
      .def("amounts", [](const Composition& c) {
            return to_dict({c.amounts().begin(), c.amounts().end()});
          },
          "Atoms per formula unit {symbol: amount} in atomic-number order.")
      .def("rare_earth_mass_fraction", &Composition::rare_earth_mass_fraction,
          "Mass fraction (0..1) of all rare earths, light + heavy (Sc not counted).")
      .def("light_rare_earth_mass_fraction", &Composition::light_rare_earth_mass_fraction,
          "Mass fraction (0..1) of La, Ce, Pr, Nd, Pm, Sm, Eu.")
      .def("heavy_rare_earth_mass_fraction", &Composition::heavy_rare_earth_mass_fraction,
          "Mass fraction (0..1) of Gd..Lu and Y.")
      .def("rare_earth_atomic_fraction", &Composition::rare_earth_atomic_fraction,
          "Atomic fraction (0..1) of all rare earths.")
      .def("element_mass",
          [](const Composition& c, const element_arg& e, double kg) { return c.element_mass(to_element(e), kg); },
          py::arg("element"), py::arg("magnet_mass_kg"),
          "Mass in kg of an element in a magnet of magnet_mass_kg kg. A negative or NaN mass "
          "raises DomainError.")
      .def("element_masses", [](const Composition& c, double kg) { return to_dict(c.element_masses(kg)); },
          py::arg("magnet_mass_kg"),
          "Masses in kg {symbol: kg} of every element in a magnet of magnet_mass_kg kg.")
      .def_property_readonly("formula", &Composition::formula,
          "Normalised formula for display, electropositive elements first, amounts to 6 "
          "significant digits: 'Nd2Fe14B'.")
      .def_property_readonly("molar_mass", [](const Composition& c) { return c.formula_molar_mass() / 1000.0; },
          "Molar mass of one formula unit in kg/mol (SI): 1.08112 kg/mol for Nd2Fe14B.")
      .def_property_readonly("elements", [](const Composition& c) {
            std::vector<std::string> out;
            for (const auto& [e, n] : c.amounts()) out.emplace_back(symbol(e));
            return out;
          },
          "Symbols of the elements present, in atomic-number order.")
      .def_property_readonly("total_amount", &Composition::total_amount, "Atoms per formula unit.")
      .def("__repr__", [](const Composition& c) { return "Composition('" + c.formula() + "')"; })
      .def("__str__", &Composition::formula)
      .def("__eq__", [](const Composition& a, const py::object& b) -> py::object {
            if (!py::isinstance<Composition>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const Composition&>());
          }, py::is_operator())
      .def("__hash__", [](const Composition& c) { return py::hash(amounts_tuple(c)); })
      .def(py::pickle([](const Composition& c) { return amounts_tuple(c); },
                      [](const py::tuple& state) {
                        return from_amount_pairs(state.cast<std::vector<std::pair<element_arg, double>>>());
                      }));

  m.def("formula_reading", [](const std::string& formula) {
        const formula_reading r = read_formula_against_phases(formula);
        py::dict out;
        out["atomic_phase"] = r.atomic_phase;
        out["atomic_distance"] = r.atomic_distance;
        out["mass_phase"] = r.mass_phase.empty() ? py::object(py::none()) : py::object(py::str(r.mass_phase));
        out["mass_distance"] = r.mass_phase.empty() ? py::object(py::none()) : py::object(py::float_(r.mass_distance));
        out["probably_mass_percent"] = r.probably_mass_percent;
        out["advice"] = r.advice;
        return out;
      }, py::arg("formula"),
      "How a formula reads against the shipped phases: the nearest phase and its site distance (sum of "
      "absolute differences of the atomic fractions of rare earths, alkaline earths, B/C, O and the rest) "
      "reading the subscripts as atoms, and, when they total 100, as mass percent; probably_mass_percent "
      "when the atomic reading is farther than 0.15 from every phase and the mass reading within 0.10 of "
      "one (a wt% alloy written as a formula, 'Nd31Fe68B1'). Keys: atomic_phase, atomic_distance, "
      "mass_phase, mass_distance (None without a mass reading), probably_mass_percent, advice.");
}

} // namespace magmat::python
