// Python bindings of heavy_rare_earth.hpp and design_study.hpp: requirements, strategies and
// design studies (SI units; temperatures in degrees Celsius; tonnes per year).
#include "curve_fit_state.hpp"
#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "shape_arg.hpp"

#include <magmat/design_study.hpp>
#include <magmat/errors.hpp>

#include <fmt/format.h>

#include <limits>
#include <optional>
#include <string>
#include <variant>

namespace magmat::python {
namespace {

py::dict by_symbol(const std::map<Element, double>& values) {
  py::dict out;
  for (const auto& [e, v] : values) out[py::str(std::string(symbol(e)))] = v;
  return out;
}

py::object optional_value(const std::optional<double>& v) { return v ? py::object(py::float_(*v)) : py::none(); }

// Duty points from Python: a sequence of (temperature_C, external_field A/m) pairs.
std::vector<duty_point> duty_arg(const py::object& duty) {
  std::vector<duty_point> out;
  if (duty.is_none()) return out;
  if (py::isinstance<py::str>(duty) || !py::isinstance<py::sequence>(duty))
    throw py::type_error("duty must be a list of (temperature_C, external_field) pairs");
  const auto points = duty.cast<py::sequence>();
  for (std::size_t i = 0; i < points.size(); ++i) {
    const py::object point = points[i];
    if (py::isinstance<py::str>(point) || !py::isinstance<py::sequence>(point) || py::len(point) != 2)
      throw py::type_error(fmt::format("duty[{}] must be a (temperature_C, external_field) pair", i));
    const auto pair = point.cast<py::sequence>();
    duty_point d;
    try {
      d.temperature = from_celsius(py::object(pair[0]).cast<double>());
      d.external_field = magnetic_field_strength::from_value(py::object(pair[1]).cast<double>());
    } catch (const py::cast_error&) {
      throw py::type_error(fmt::format("duty[{}] must hold two numbers (degC, A/m)", i));
    }
    out.push_back(d);
  }
  return out;
}

py::list duty_object(const std::vector<duty_point>& duty) {
  py::list out;
  for (const auto& d : duty) out.append(py::make_tuple(to_celsius(d.temperature), d.external_field.value()));
  return out;
}

// The Python object (Cylinder, Block or Ring) of a shape.
py::object shape_object(const magnet_shape& shape) {
  return std::visit([](const auto& s) { return py::cast(s); }, shape);
}

std::string requirement_repr(const requirement& r) {
  std::string parts = fmt::format("temperature_C={:g}", to_celsius(r.temperature));
  if (r.min_intrinsic_coercivity) parts += fmt::format(", min_intrinsic_coercivity={:g}", r.min_intrinsic_coercivity->value());
  if (r.permeance) parts += fmt::format(", permeance={:g}, max_irreversible_loss={:g}", *r.permeance, r.max_irreversible_loss);
  if (r.shape)
    parts += fmt::format(", shape={}, max_irreversible_loss={:g}", py::repr(shape_object(*r.shape)).cast<std::string>(),
                         r.max_irreversible_loss);
  if (r.field_kind == external_field_kind::in_magnet) parts += ", external_field_kind='in_magnet'";
  if (r.external_field.value() != 0.0) parts += fmt::format(", external_field={:g}", r.external_field.value());
  if (r.min_remanence) parts += fmt::format(", min_remanence={:g}", r.min_remanence->value());
  if (r.min_max_energy_product) parts += fmt::format(", min_max_energy_product={:g}", r.min_max_energy_product->value());
  if (r.min_remanence_at_temperature)
    parts += fmt::format(", min_remanence_at_temperature={:g}", r.min_remanence_at_temperature->value());
  if (r.knee_margin != 0.0) parts += fmt::format(", knee_margin={:g}", r.knee_margin);
  if (!r.duty.empty()) {
    std::string points;
    for (const auto& d : r.duty)
      points += fmt::format("{}({:g}, {:g})", points.empty() ? "" : ", ", to_celsius(d.temperature), d.external_field.value());
    parts += ", duty=[" + points + "]";
  }
  return "Requirement(" + parts + ")";
}

// One dict per strategy, SI values (NaN where missing) under the keys of Study.to_dataframe().
py::list study_records(const study& s) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  py::list records;
  for (const auto& row : s.rows) {
    py::dict rec;
    rec["strategy"] = row.strategy;
    rec["feasible"] = row.feasible;
    rec["reason"] = row.reason;
    rec["magnet_mass_kg"] = row.magnet_mass.value();
    rec["rests_on_unconfirmed"] = row.rests_on_unconfirmed();
    {
      std::string unconfirmed;
      for (const auto& a : row.assumptions)
        if (a.level == confidence::unconfirmed) unconfirmed += (unconfirmed.empty() ? "" : "; ") + a.parameter;
      rec["unconfirmed_parameters"] = unconfirmed;
    }
    rec["rare_earth_mass_fraction"] = row.feasible ? row.rare_earth_mass_fraction : nan;
    rec["heavy_rare_earth_mass_fraction"] = row.feasible ? row.heavy_rare_earth_mass_fraction : nan;
    rec["cost_per_kg"] = row.cost_per_kg.value_or(nan);
    rec["rare_earth_cost_per_kg"] = row.rare_earth_cost_per_kg.value_or(nan);
    for (Element e : study_elements()) {
      const std::string sym(symbol(e));
      rec[py::str(sym + "_mass_fraction")] = row.feasible ? row.mass_fractions.at(e) : nan;
      rec[py::str(sym + "_kg_per_unit")] = row.feasible ? row.kg_per_unit.at(e) : nan;
      rec[py::str(sym + "_t_per_year")] = row.feasible ? row.tonnes_per_year.at(e) : nan;
      const auto saved = row.saving_vs_baseline.find(e);
      rec[py::str(sym + "_saving_t_per_year")] = saved != row.saving_vs_baseline.end() ? saved->second : nan;
    }
    if (row.magnet) {
      rec["remanence_20C"] = row.magnet->remanence(from_celsius(20.0)).value();
      try {
        rec["intrinsic_coercivity_at_T"] = row.magnet->intrinsic_coercivity(s.required.temperature).value();
      } catch (const error&) {
        rec["intrinsic_coercivity_at_T"] = nan;
      }
    } else {
      rec["remanence_20C"] = nan;
      rec["intrinsic_coercivity_at_T"] = nan;
    }
    records.append(rec);
  }
  return records;
}

// The records as a magmat.Table (units per column; magmat.table renders it): one path for
// DataFrames, CSV, JSON and text.
py::object study_table(const study& s) {
  return py::module_::import("magmat.table").attr("study_table")(study_records(s));
}

py::object study_dataframe(const study& s) {
  try {
    py::module_::import("pandas");
  } catch (py::error_already_set&) {
    throw py::import_error("Study.to_dataframe needs pandas: pip install pandas (or magmat[dataframe])");
  }
  return study_table(s).attr("to_dataframe")();
}

// Pickling of study rows and studies: plain tuples; a row's magnet pickles itself.
py::list element_pairs(const std::map<Element, double>& values) {
  py::list out;
  for (const auto& [e, v] : values) out.append(py::make_tuple(static_cast<int>(e), v));
  return out;
}

std::map<Element, double> element_map(const py::handle& pairs) {
  std::map<Element, double> out;
  for (const auto& item : pairs.cast<py::list>()) {
    const auto t = item.cast<py::tuple>();
    out[static_cast<Element>(t[0].cast<int>())] = t[1].cast<double>();
  }
  return out;
}

const char* equal_name(equal_basis e) {
  switch (e) {
  case equal_basis::flux: return "flux";
  case equal_basis::energy: return "energy";
  case equal_basis::mass: break;
  }
  return "mass";
}

equal_basis equal_arg(const std::string& name) {
  if (name == "mass") return equal_basis::mass;
  if (name == "flux") return equal_basis::flux;
  if (name == "energy") return equal_basis::energy;
  throw domain_error("equal must be \"mass\", \"flux\" or \"energy\", got \"" + name + "\"");
}

py::list assumptions_object(const std::vector<row_assumption>& assumptions) {
  py::list out;
  for (const auto& a : assumptions) {
    py::dict d;
    d["parameter"] = a.parameter;
    d["source"] = a.source;
    d["confidence"] = confidence_letter(a.level);
    out.append(d);
  }
  return out;
}

std::vector<row_assumption> assumptions_arg(const py::handle& list) {
  std::vector<row_assumption> out;
  for (const auto& item : list.cast<py::list>()) {
    const auto d = item.cast<py::dict>();
    const std::string level = d["confidence"].cast<std::string>();
    if (level != "D" && level != "U") throw domain_error("StudyRow: an assumption's confidence must be 'D' or 'U'");
    out.push_back({d["parameter"].cast<std::string>(), d["source"].cast<std::string>(),
                   level == "D" ? confidence::derived : confidence::unconfirmed});
  }
  return out;
}

py::tuple row_state(const study_row& r) {
  py::list unpriced;
  for (Element e : r.unpriced_elements) unpriced.append(static_cast<int>(e));
  return py::make_tuple(r.strategy, r.feasible, r.reason, r.level, r.magnet ? py::cast(*r.magnet) : py::none(),
                        element_pairs(r.mass_fractions), element_pairs(r.kg_per_unit), element_pairs(r.tonnes_per_year),
                        element_pairs(r.saving_vs_baseline), r.rare_earth_mass_fraction, r.heavy_rare_earth_mass_fraction,
                        optional_value(r.cost_per_kg), optional_value(r.rare_earth_cost_per_kg), unpriced,
                        r.magnet_mass.value(), assumptions_object(r.assumptions));
}

study_row row_from_state(const py::tuple& t) {
  if (t.size() != 16) throw domain_error(fmt::format("StudyRow: a pickled state holds 16 items, got {}", t.size()));
  study_row r;
  r.strategy = t[0].cast<std::string>();
  r.feasible = t[1].cast<bool>();
  r.reason = t[2].cast<std::string>();
  r.level = t[3].cast<double>();
  if (!t[4].is_none()) r.magnet = t[4].cast<Magnet>();
  r.mass_fractions = element_map(t[5]);
  r.kg_per_unit = element_map(t[6]);
  r.tonnes_per_year = element_map(t[7]);
  r.saving_vs_baseline = element_map(t[8]);
  r.rare_earth_mass_fraction = t[9].cast<double>();
  r.heavy_rare_earth_mass_fraction = t[10].cast<double>();
  if (!t[11].is_none()) r.cost_per_kg = t[11].cast<double>();
  if (!t[12].is_none()) r.rare_earth_cost_per_kg = t[12].cast<double>();
  for (const auto& e : t[13].cast<py::list>()) r.unpriced_elements.push_back(static_cast<Element>(e.cast<int>()));
  r.magnet_mass = mass::from_value(t[14].cast<double>());
  r.assumptions = assumptions_arg(t[15]);
  return r;
}

} // namespace

void register_design(py::module_& m) {
  py::class_<requirement>(m, "Requirement",
      "What a magnet must do at temperature_C (degrees Celsius): min_intrinsic_coercivity (A/m) there, and/or "
      "hold a load line of permeance coefficient `permeance` with at most max_irreversible_loss (0: knee not "
      "crossed) under an optional external reverse field (A/m), or instead of the load line a shape (Cylinder, "
      "Block, Ring) judged over its volume (max_irreversible_loss 0: the onset, no part past its knee; "
      "external_field_kind 'applied' or 'in_magnet'); optionally min_remanence (T) and min_max_energy_product "
      "(J/m^3) at 20 degC, min_remanence_at_temperature (T, at temperature_C), knee_margin (the onset criterion "
      "with a margin: (Hk - |H|)/Hk >= knee_margin at the most exposed point) and duty, a list of further "
      "(temperature_C, external_field) points judged the same way, all of which must hold.")
      .def(py::init([](celsius_arg temperature_C, std::optional<double> min_intrinsic_coercivity, std::optional<double> permeance,
                       double max_irreversible_loss, double external_field, std::optional<double> min_remanence,
                       std::optional<double> min_max_energy_product, const py::object& shape, const std::string& kind,
                       std::optional<double> min_remanence_at_temperature, double knee_margin, const py::object& duty) {
             requirement r;
             if (min_remanence_at_temperature)
               r.min_remanence_at_temperature = magnetic_polarization::from_value(*min_remanence_at_temperature);
             r.knee_margin = knee_margin;
             r.duty = duty_arg(duty);
             r.temperature = from_celsius(temperature_C);
             if (min_intrinsic_coercivity) r.min_intrinsic_coercivity = magnetic_field_strength::from_value(*min_intrinsic_coercivity);
             r.permeance = permeance;
             if (!shape.is_none()) r.shape = shape_arg(shape, "Requirement shape");
             r.field_kind = external_field_kind_arg(kind);
             r.max_irreversible_loss = max_irreversible_loss;
             r.external_field = magnetic_field_strength::from_value(external_field);
             if (min_remanence) r.min_remanence = magnetic_polarization::from_value(*min_remanence);
             if (min_max_energy_product) r.min_max_energy_product = energy_density::from_value(*min_max_energy_product);
             validate(r);
             return r;
           }),
           py::kw_only(), py::arg("temperature_C"), py::arg("min_intrinsic_coercivity") = py::none(),
           py::arg("permeance") = py::none(), py::arg("max_irreversible_loss") = 0.0, py::arg("external_field") = 0.0,
           py::arg("min_remanence") = py::none(), py::arg("min_max_energy_product") = py::none(),
           py::arg("shape") = py::none(), py::arg("external_field_kind") = "applied",
           py::arg("min_remanence_at_temperature") = py::none(), py::arg("knee_margin") = 0.0, py::arg("duty") = py::none())
      .def_property_readonly("temperature_C", [](const requirement& r) { return to_celsius(r.temperature); })
      .def_property_readonly("min_intrinsic_coercivity", [](const requirement& r) {
        return r.min_intrinsic_coercivity ? py::object(py::float_(r.min_intrinsic_coercivity->value())) : py::none();
      })
      .def_property_readonly("permeance", [](const requirement& r) { return optional_value(r.permeance); })
      .def_property_readonly("shape", [](const requirement& r) { return r.shape ? shape_object(*r.shape) : py::none(); })
      .def_property_readonly("external_field_kind", [](const requirement& r) {
        return std::string(r.field_kind == external_field_kind::in_magnet ? "in_magnet" : "applied");
      })
      .def_property_readonly("max_irreversible_loss", [](const requirement& r) { return r.max_irreversible_loss; })
      .def_property_readonly("external_field", [](const requirement& r) { return r.external_field.value(); })
      .def_property_readonly("min_remanence", [](const requirement& r) {
        return r.min_remanence ? py::object(py::float_(r.min_remanence->value())) : py::none();
      })
      .def_property_readonly("min_max_energy_product", [](const requirement& r) {
        return r.min_max_energy_product ? py::object(py::float_(r.min_max_energy_product->value())) : py::none();
      })
      .def_property_readonly("min_remanence_at_temperature", [](const requirement& r) {
        return r.min_remanence_at_temperature ? py::object(py::float_(r.min_remanence_at_temperature->value())) : py::none();
      }, "Minimum Br (T) at temperature_C, or None.")
      .def_property_readonly("knee_margin", [](const requirement& r) { return r.knee_margin; },
          "Required knee margin (Hk - |H|)/Hk at the most exposed point (onset criterion), 0 by default.")
      .def_property_readonly("duty", [](const requirement& r) { return duty_object(r.duty); },
          "Further (temperature_C, external_field) points that must hold, as a list of pairs.")
      .def("check", [](const requirement& r, const Magnet& magnet) {
            const requirement_check c = check_requirement(magnet, r);
            extrapolation_seen seen(magnet);
            seen(r.temperature);
            for (const duty_point& d : r.duty) seen(d.temperature);
            seen.warn();
            return py::make_tuple(c.met, c.reason);
          },
          py::arg("magnet"), "(met, reason): whether a magnet meets this requirement, and if not why.")
      .def("__repr__", &requirement_repr)
      .def(py::pickle(
          [](const requirement& r) {
            auto opt = [](const auto& v) { return v ? py::object(py::float_(v->value())) : py::object(py::none()); };
            return py::make_tuple(to_kelvin(r.temperature), opt(r.min_intrinsic_coercivity), optional_value(r.permeance),
                                  r.max_irreversible_loss, r.external_field.value(), opt(r.min_remanence),
                                  opt(r.min_max_energy_product), r.shape ? shape_object(*r.shape) : py::none(),
                                  r.field_kind == external_field_kind::in_magnet ? "in_magnet" : "applied",
                                  opt(r.min_remanence_at_temperature), r.knee_margin, duty_object(r.duty));
          },
          [](const py::tuple& t) {
            if (t.size() != 12)
              throw domain_error(fmt::format("Requirement: a pickled state holds 12 items, got {}", t.size()));
            requirement r;
            r.temperature = from_kelvin(t[0].cast<double>());
            if (!t[1].is_none()) r.min_intrinsic_coercivity = magnetic_field_strength::from_value(t[1].cast<double>());
            if (!t[2].is_none()) r.permeance = t[2].cast<double>();
            r.max_irreversible_loss = t[3].cast<double>();
            r.external_field = magnetic_field_strength::from_value(t[4].cast<double>());
            if (!t[5].is_none()) r.min_remanence = magnetic_polarization::from_value(t[5].cast<double>());
            if (!t[6].is_none()) r.min_max_energy_product = energy_density::from_value(t[6].cast<double>());
            if (!t[7].is_none()) r.shape = shape_arg(t[7], "Requirement shape");
            r.field_kind = external_field_kind_arg(t[8].cast<std::string>());
            if (!t[9].is_none()) r.min_remanence_at_temperature = magnetic_polarization::from_value(t[9].cast<double>());
            r.knee_margin = t[10].cast<double>();
            r.duty = duty_arg(t[11]);
            validate(r);
            return r;
          }));

  py::class_<study_row>(m, "StudyRow",
      "One strategy's result: feasible, reason, the solved magnet, mass fractions (kg/kg), kg per unit, "
      "t per year and t per year saved against the baseline (dicts by element symbol).")
      .def_property_readonly("strategy", [](const study_row& r) { return r.strategy; })
      .def_property_readonly("feasible", [](const study_row& r) { return r.feasible; })
      .def_property_readonly("reason", [](const study_row& r) { return r.reason; })
      .def_property_readonly("level", [](const study_row& r) { return r.level; },
          "The solved level: Dy/Tb mass fraction (heavy-rare-earth strategies) or the substitute's share of "
          "the rare-earth site (Ce/La).")
      .def_property_readonly("magnet", [](const study_row& r) { return r.magnet ? py::cast(*r.magnet) : py::none(); })
      .def_property_readonly("assumptions", [](const study_row& r) { return assumptions_object(r.assumptions); },
          "The model parameters this row's answer rests on that are not confirmed in their source: a list of "
          "{'parameter', 'source', 'confidence': 'D' (derived or fitted) | 'U' (unconfirmed)}.")
      .def_property_readonly("rests_on_unconfirmed", &study_row::rests_on_unconfirmed,
          "True when one of the assumptions is unconfirmed ([U]).")
      .def_property_readonly("validation", [](const study_row& r) -> py::object {
            if (!r.magnet) return py::none();
            return py::module_::import("magmat.validation").attr("validation_for")(py::cast(*r.magnet));
          }, "The published figures that validate this row's magnet class (its process), as a ValidationReport of "
             "model, published and residual; None without a magnet.")
      .def_property_readonly("magnet_mass_kg", [](const study_row& r) { return r.magnet_mass.value(); },
          "This strategy's magnet per unit in kg: the study's magnet_mass_kg, or with equal='flux' | 'energy' the "
          "mass giving the baseline's flux or energy at the requirement's temperature.")
      .def_property_readonly("dy_mass_fraction", [](const study_row& r) { return r.feasible ? r.mass_fractions.at(Element::Dy) : std::numeric_limits<double>::quiet_NaN(); })
      .def_property_readonly("tb_mass_fraction", [](const study_row& r) { return r.feasible ? r.mass_fractions.at(Element::Tb) : std::numeric_limits<double>::quiet_NaN(); })
      .def_property_readonly("nd_mass_fraction", [](const study_row& r) { return r.feasible ? r.mass_fractions.at(Element::Nd) : std::numeric_limits<double>::quiet_NaN(); })
      .def_property_readonly("rare_earth_mass_fraction", [](const study_row& r) { return r.feasible ? r.rare_earth_mass_fraction : std::numeric_limits<double>::quiet_NaN(); })
      .def_property_readonly("heavy_rare_earth_mass_fraction", [](const study_row& r) { return r.feasible ? r.heavy_rare_earth_mass_fraction : std::numeric_limits<double>::quiet_NaN(); })
      .def_property_readonly("mass_fractions", [](const study_row& r) { return by_symbol(r.mass_fractions); })
      .def_property_readonly("kg_per_unit", [](const study_row& r) { return by_symbol(r.kg_per_unit); })
      .def_property_readonly("tonnes_per_year", [](const study_row& r) { return by_symbol(r.tonnes_per_year); })
      .def_property_readonly("saving_vs_baseline", [](const study_row& r) { return by_symbol(r.saving_vs_baseline); })
      .def_property_readonly("cost_per_kg", [](const study_row& r) { return optional_value(r.cost_per_kg); },
          "Raw-material cost per kg of magnet in the price table's currency; None when an element is unpriced "
          "(see unpriced_elements) or the strategy is infeasible.")
      .def_property_readonly("rare_earth_cost_per_kg", [](const study_row& r) { return optional_value(r.rare_earth_cost_per_kg); },
          "The rare earths' part of the raw-material cost per kg of magnet; None when a rare earth is unpriced.")
      .def_property_readonly("unpriced_elements", [](const study_row& r) {
            std::vector<std::string> out;
            for (Element e : r.unpriced_elements) out.emplace_back(symbol(e));
            return out;
          }, "Elements of the magnet without a price in the table.")
      .def("__repr__", [](const study_row& r) {
        return r.feasible ? fmt::format("StudyRow('{}', feasible, level={:.5g})", r.strategy, r.level)
                          : fmt::format("StudyRow('{}', infeasible: {})", r.strategy, r.reason);
      })
      .def(py::pickle(&row_state, &row_from_state));

  py::class_<study>(m, "Study", "A design study: one StudyRow per strategy; study['gbd_tb'], iteration, to_dataframe().")
      .def("__getitem__", [](const study& s, const std::string& name) { return s.row(name); }, py::arg("strategy"))
      .def("__iter__", [](const study& s) { return py::iter(py::cast(s.rows)); })
      .def("__len__", [](const study& s) { return s.rows.size(); })
      .def_property_readonly("rows", [](const study& s) { return s.rows; })
      .def_property_readonly("baseline", [](const study& s) { return s.baseline; })
      .def_property_readonly("baseline_note", [](const study& s) { return s.baseline_note; })
      .def_property_readonly("equal", [](const study& s) { return equal_name(s.equal); },
          "What the rows' magnet masses were made equal in: 'mass', 'flux' or 'energy'.")
      .def_property_readonly("requirement", [](const study& s) { return s.required; })
      .def_property_readonly("magnet_tonnes_per_year", [](const study& s) { return s.magnet_tonnes_per_year; })
      .def_property_readonly("price_table", [](const study& s) { return s.price_table_name; })
      .def_property_readonly("currency", [](const study& s) { return s.currency; })
      .def("to_dataframe", &study_dataframe, "A pandas DataFrame, one row per strategy (mass fractions, kg/unit, t/year, savings).")
      .def("to_records", &study_records,
           "One dict per strategy: the columns of to_dataframe(), SI values, NaN where missing.")
      .def("to_table", &study_table,
           "The rows as a magmat.Table (units per column): to_text(), to_csv(), to_json(), to_dataframe().")
      .def("__repr__", [](const study& s) { return fmt::format("Study({} strategies, baseline '{}')", s.rows.size(), s.baseline); })
      .def(py::pickle(
          [](const study& s) {
            py::list rows;
            for (const auto& r : s.rows) rows.append(row_state(r));
            return py::make_tuple(py::cast(s.required), s.baseline, s.baseline_note, s.magnet_tonnes_per_year,
                                  s.price_table_name, s.currency, rows, equal_name(s.equal));
          },
          [](const py::tuple& t) {
            if (t.size() != 8) throw domain_error(fmt::format("Study: a pickled state holds 8 items, got {}", t.size()));
            study s;
            s.required = t[0].cast<requirement>();
            s.baseline = t[1].cast<std::string>();
            s.baseline_note = t[2].cast<std::string>();
            s.magnet_tonnes_per_year = t[3].cast<double>();
            s.price_table_name = t[4].cast<std::string>();
            s.currency = t[5].cast<std::string>();
            for (const auto& row : t[6].cast<py::list>()) s.rows.push_back(row_from_state(row.cast<py::tuple>()));
            s.equal = equal_arg(t[7].cast<std::string>());
            return s;
          }));

  m.def("design_study",
        [](const requirement& r, std::optional<std::vector<std::string>> strategies,
           const std::variant<std::string, Magnet>& baseline,
           double magnet_mass_kg, double units_per_year, std::optional<double> magnet_tonnes_per_year,
           std::optional<double> gbd_efficiency, std::optional<double> tb_dy_effectiveness,
           std::optional<double> lanthanum_share, std::optional<double> magnet_thickness,
           std::optional<price_table> prices, const std::string& equal, std::optional<double> pr_share) {
          study_options o;
          o.equal = equal_arg(equal);
          if (prices) o.prices = &*prices;
          if (strategies) o.strategies = *strategies;
          if (const auto* own = std::get_if<Magnet>(&baseline)) o.baseline_magnet = *own;
          else o.baseline = std::get<std::string>(baseline);
          o.magnet_mass = mass::from_value(magnet_mass_kg);
          o.units_per_year = units_per_year;
          o.magnet_tonnes_per_year = magnet_tonnes_per_year;
          o.overrides.gbd_efficiency = gbd_efficiency;
          o.overrides.tb_dy_effectiveness = tb_dy_effectiveness;
          o.overrides.lanthanum_share = lanthanum_share;
          o.overrides.pr_share = pr_share;
          if (magnet_thickness) o.overrides.magnet_thickness = length::from_value(*magnet_thickness);
          py::gil_scoped_release release;
          return design_study(r, o);
        },
        py::arg("requirement"), py::arg("strategies") = py::none(), py::kw_only(), py::arg("baseline") = "bulk_dy",
        py::arg("magnet_mass_kg") = 1.0, py::arg("units_per_year") = 0.0, py::arg("magnet_tonnes_per_year") = py::none(),
        py::arg("gbd_efficiency") = py::none(), py::arg("tb_dy_effectiveness") = py::none(),
        py::arg("lanthanum_share") = py::none(), py::arg("magnet_thickness") = py::none(),
        py::arg("prices") = py::none(), py::arg("equal") = "mass", py::arg("pr_share") = py::none(),
        "Solve every strategy (or the named ones) for the requirement and account its rare earths: magnet_mass_kg "
        "per unit and units_per_year (or magnet_tonnes_per_year directly); savings against `baseline`, a strategy's "
        "name or a Magnet of one's own (a grade, a fitted magnet: its row, named after it, is checked against the "
        "requirement as it is, not solved). Overrides: "
        "gbd_efficiency (finite, >= 1), tb_dy_effectiveness (Tb's coercivity per atom relative to Dy's, finite, > 0), "
        "lanthanum_share (La/(Ce + La) of the substitute, in [0, 1]), pr_share (Pr/(Pr + Nd) by mass of the NdFeB "
        "bases' light rare earth, in [0, 1]; unset: each strategy's stored base.pr_share, 19.63 % (1 Pr for 4 Nd "
        "atoms, AMES10-PRND); 0: Nd alone), magnet_thickness (m, finite, > 0, for the diffusion "
        "depth limit); one outside its range raises DomainError naming it. prices: a PriceTable "
        "(default: default_price_table()); for a price shock pass default_price_table().with_shock(7). equal: "
        "'mass' (every strategy uses magnet_mass_kg), 'flux' (each magnet's mass scaled to give the baseline's "
        "Br(T) x pole area at the requirement's temperature, same thickness so same Pc) or 'energy' (the "
        "baseline's (BH)max(T) x volume); rows give magnet_mass_kg, and their tonnages and savings follow it.");
  m.def("strategy_names", &strategy_names, "Names of the shipped design strategies, in table order.");
  m.def("strategy_magnet",
        [](const std::string& name, double level, std::optional<double> pr_share) {
          strategy_overrides o;
          o.pr_share = pr_share;
          return strategy_magnet(strategy_data(name), level, o);
        },
        py::arg("strategy"), py::arg("level"), py::kw_only(), py::arg("pr_share") = py::none(),
        "The magnet a strategy makes at a level (Dy/Tb mass fraction, or substitute share of the rare-earth site); "
        "pr_share: Pr/(Pr + Nd) by mass of an NdFeB base's light rare earth (unset: the strategy's stored share, "
        "19.63 %; 0: Nd alone).");
}

} // namespace magmat::python
