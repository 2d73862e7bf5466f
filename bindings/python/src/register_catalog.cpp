// Python bindings of catalog.hpp: the grade catalog and grades (Magnets with a datasheet).
#include "path_arg.hpp"
#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "state_arg.hpp"

#include <magmat/catalog.hpp>
#include <magmat/data_files.hpp>

#include <fmt/format.h>

#include <limits>
#include <optional>
#include <string>

namespace magmat::python {
namespace {

py::object optional_float(const std::optional<double>& value) {
  return value ? py::object(py::float_(*value)) : py::object(py::none());
}

py::dict range_dict(const datasheet_range& r) {
  py::dict out;
  out["min"] = optional_float(r.min);
  out["typical"] = optional_float(r.typical);
  out["max"] = optional_float(r.max);
  out["nominal"] = r.nominal();
  out["source"] = r.source;
  return out;
}

py::object value_dict(const std::optional<datasheet_value>& v) {
  if (!v) return py::none();
  py::dict out;
  out["value"] = v->value;
  out["source"] = v->source;
  return out;
}

py::object celsius(const std::optional<thermodynamic_temperature>& t) {
  return t ? py::object(py::float_(to_celsius(*t))) : py::object(py::none());
}

// The datasheet of a grade as plain Python data, SI units (temperatures in degrees Celsius).
py::dict datasheet_dict(const grade_record& g) {
  py::dict out;
  out["name"] = g.name;
  out["aliases"] = g.aliases;
  out["family"] = g.family;
  out["kind"] = g.kind;
  out["description"] = g.description;
  out["remanence"] = range_dict(g.remanence);
  out["normal_coercivity"] = g.normal_coercivity.source.empty() ? py::object(py::none())
                                                                : py::object(range_dict(g.normal_coercivity));
  out["intrinsic_coercivity"] = range_dict(g.intrinsic_coercivity);
  out["max_energy_product"] = g.max_energy_product.source.empty() ? py::object(py::none())
                                                                  : py::object(range_dict(g.max_energy_product));
  py::dict coefficients;
  coefficients["remanence"] = g.remanence_coefficient ? py::object(py::float_(g.remanence_coefficient->value())) : py::object(py::none());
  coefficients["intrinsic_coercivity"] = g.intrinsic_coercivity_coefficient
                                             ? py::object(py::float_(g.intrinsic_coercivity_coefficient->value()))
                                             : py::object(py::none());
  coefficients["from_C"] = celsius(g.coefficients_from);
  coefficients["to_C"] = celsius(g.coefficients_to);
  coefficients["interval_stated"] = g.coefficients_stated;
  coefficients["source"] = g.coefficients_source;
  out["temperature_coefficients"] = coefficients;
  out["max_operating_temperature_C"] = celsius(g.max_operating_temperature);
  out["curie_temperature_C"] = celsius(g.curie_temperature);
  out["density"] = value_dict(g.density);
  out["recoil_permeability"] = value_dict(g.recoil_permeability);
  out["squareness"] = value_dict(g.squareness);
  if (g.composition) {
    py::dict c;
    c["basis"] = g.composition->basis;
    c["total_rare_earth"] = optional_float(g.composition->total_rare_earth);
    c["Dy"] = optional_float(g.composition->dysprosium);
    c["Tb"] = optional_float(g.composition->terbium);
    c["Pr"] = optional_float(g.composition->praseodymium);
    c["Co"] = optional_float(g.composition->cobalt);
    c["source"] = g.composition->source;
    c["method"] = g.composition->method;
    out["composition"] = c;
  } else {
    out["composition"] = py::none();
  }
  out["coercivity_letter_exception"] = value_dict(g.coercivity_letter_exception);
  out["file"] = g.file;
  return out;
}

// One dict per grade, SI units, nominal values plus min/max, NaN where missing.
py::list catalog_records(const Catalog& c) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  py::list records;
  py::dict row;
  auto add = [&](const char* n, py::object value) { row[n] = value; };
  auto number = [&](const std::optional<double>& v) { return py::float_(v.value_or(nan)); };
  for (const auto& g : c.records()) {
    row = py::dict();
    add("name", py::str(g.name));
    add("family", py::str(g.family));
    add("kind", py::str(g.kind));
    std::string aliases;
    for (const auto& a : g.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    add("aliases", py::str(aliases));
    add("remanence", py::float_(g.remanence.nominal()));
    add("remanence_min", number(g.remanence.min));
    add("remanence_max", number(g.remanence.max));
    add("intrinsic_coercivity", py::float_(g.intrinsic_coercivity.nominal()));
    add("intrinsic_coercivity_min", number(g.intrinsic_coercivity.min));
    add("normal_coercivity", py::float_(g.normal_coercivity.source.empty() ? nan : g.normal_coercivity.nominal()));
    add("max_energy_product", py::float_(g.max_energy_product.source.empty() ? nan : g.max_energy_product.nominal()));
    add("max_energy_product_min", number(g.max_energy_product.min));
    add("max_energy_product_max", number(g.max_energy_product.max));
    add("remanence_coefficient", py::float_(g.remanence_coefficient ? g.remanence_coefficient->value() : nan));
    add("intrinsic_coercivity_coefficient",
        py::float_(g.intrinsic_coercivity_coefficient ? g.intrinsic_coercivity_coefficient->value() : nan));
    add("coefficients_from_C", py::float_(g.coefficients_from ? to_celsius(*g.coefficients_from) : nan));
    add("coefficients_to_C", py::float_(g.coefficients_to ? to_celsius(*g.coefficients_to) : nan));
    add("max_operating_temperature_C",
        py::float_(g.max_operating_temperature ? to_celsius(*g.max_operating_temperature) : nan));
    add("curie_temperature_C", py::float_(g.curie_temperature ? to_celsius(*g.curie_temperature) : nan));
    add("density", py::float_(g.density ? g.density->value : nan));
    add("recoil_permeability", py::float_(g.recoil_permeability ? g.recoil_permeability->value : nan));
    add("source", py::str(g.remanence.source));
    records.append(row);
  }
  return records;
}

// The records as a magmat.Table (units per column): one path for DataFrames, CSV, JSON and text.
py::object catalog_table(const Catalog& c) {
  return py::module_::import("magmat.table").attr("catalog_table")(catalog_records(c));
}

py::object to_dataframe(const Catalog& c) {
  try {
    py::module_::import("pandas");
  } catch (py::error_already_set&) {
    throw py::import_error("Catalog.to_dataframe needs pandas: pip install pandas (or magmat[dataframe])");
  }
  return catalog_table(c).attr("to_dataframe")();
}

} // namespace

// A catalog of the one grade a pickled (family, record JSON, file) state holds. The family goes in
// as a JSON string (json.dumps), so no text of the state can change the document's structure.
Catalog one_grade_catalog(const py::tuple& t, const char* type) {
  check_state_size(t, 3, type);
  const std::string family = state_item<std::string>(t, 0, type);
  const std::string record = state_item<std::string>(t, 1, type);
  const std::string file = state_item<std::string>(t, 2, type);
  const std::string quoted = py::module_::import("json").attr("dumps")(family).cast<std::string>();
  const std::string text = "{\"schema\": \"magmat-grades/1\", \"family\": " + quoted + ", \"grades\": [" + record + "]}";
  Catalog one = Catalog::from_json(text, file);
  if (one.size() != 1)
    throw domain_error(fmt::format("{}: a pickled state holds one grade record, got {}", type, one.size()));
  return one;
}

Grade grade_from_state(const py::tuple& t) {
  const Catalog one = one_grade_catalog(t, "Grade");
  return one.grade(one.names().front());
}

void register_catalog(py::module_& m) {
  py::class_<Grade, Magnet>(m, "Grade",
      "A catalog grade: a Magnet whose 20 degC values are its datasheet's, whose temperature "
      "behaviour follows the datasheet's coefficients inside their interval and the physics model "
      "outside it. `datasheet` holds the file's values in SI units.")
      .def_property_readonly("density",
          [](const Grade& g) { return g.record().density ? g.record().density->value : g.density().value(); },
          "Mass density in kg/m^3: the datasheet's where it prints one, else the model's (Magnet.density).")
      .def_property_readonly("datasheet", [](const Grade& g) { return datasheet_dict(g.record()); },
          "The datasheet as in the file, converted to SI: ranges as {'min','typical','max','nominal',"
          "'source'} (T, A/m, J/m^3), coefficients in 1/K, temperatures in degrees Celsius, density in kg/m^3.")
      .def_property_readonly("coercivity_coefficient_basis", &Grade::coercivity_coefficient_basis,
          "Where the beta(HcJ) anchoring this grade comes from: 'datasheet' (its own page), 'class' (its "
          "coercivity class's published value, materials/classes/ndfeb_sintered.json) or 'model'.")
      .def("__repr__", [](const Grade& g) { return fmt::format("Grade('{}', family='{}')", g.name(), g.family_name()); })
      // A grade travels as its own JSON record, so user grades pickle as well as shipped ones.
      .def(py::pickle(
          [](const Grade& g) { return py::make_tuple(g.record().family, g.record().json, g.record().file); },
          [](const py::tuple& t) { return grade_from_state(t); }));

  py::class_<Catalog>(m, "Catalog",
      "An immutable catalog of magnet grades. Catalog.default() is the shipped one; Catalog.load(path) "
      "reads a user's file and catalog.extend(path) returns a new catalog with it added. A file with "
      "any problem is rejected whole: DataError lists file, JSON pointer and reason of every problem.")
      .def_static("default", &Catalog::builtin, py::return_value_policy::copy, "The grades shipped with magmat.")
      .def_static("load", [](const py::object& path) { return Catalog::load(path_arg(path)); }, py::arg("path"),
          "A catalog of the grades in a file (the format of materials/grades/*.json); path is a str, "
          "bytes or os.PathLike naming a regular UTF-8 file of at most 64 MiB.")
      .def_static("from_json", &Catalog::from_json, py::arg("text"), py::arg("label") = "<string>",
          "A catalog from JSON text; `label` names it in error messages.")
      .def("extend", [](const Catalog& c, const py::object& path) { return c.extend(path_arg(path)); },
          py::arg("path"), "A new catalog with this one's grades plus the file's (path as for load); this "
          "catalog is unchanged.")
      .def("merge", [](const Catalog& c, const Catalog& other) { return c.extend(other); }, py::arg("other"),
          "A new catalog with the grades of both; clashing names are an error.")
      .def("__len__", &Catalog::size)
      .def("names", &Catalog::names, "Grade names in catalog order.")
      .def("__contains__", &Catalog::contains, py::arg("name"))
      .def("__getitem__", &Catalog::grade, py::arg("name"),
          "The Grade by name or alias, case-insensitive; an unknown name raises UnknownNameError "
          "(a KeyError) suggesting the nearest names.")
      .def("__iter__", [](const Catalog& c) {
            py::list grades;
            for (const auto& name : c.names()) grades.append(py::cast(c.grade(name)));
            return py::iter(grades);
          },
          "Iterates over the grades (Grade objects) in catalog order.")
      .def("datasheet", [](const Catalog& c, const std::string& name) { return datasheet_dict(c.record(name)); },
          py::arg("name"), "The datasheet of a grade as plain data (see Grade.datasheet).")
      .def("suggestions", &Catalog::suggestions, py::arg("name"), py::arg("count") = 3,
          "The nearest grade names to `name`, best first.")
      .def("find",
          [](const Catalog& c, std::optional<std::string> family, std::optional<std::string> kind,
             std::optional<double> min_intrinsic_coercivity, std::optional<double> min_max_energy_product,
             std::optional<double> max_heavy_rare_earth, celsius_arg temperature_C) {
            grade_filter f;
            f.family = family;
            f.kind = kind;
            if (min_intrinsic_coercivity) f.min_intrinsic_coercivity = magnetic_field_strength::from_value(*min_intrinsic_coercivity);
            if (min_max_energy_product) f.min_max_energy_product = energy_density::from_value(*min_max_energy_product);
            f.max_heavy_rare_earth = max_heavy_rare_earth;
            f.temperature = from_celsius(temperature_C);
            std::vector<Grade> out;
            for (const auto& name : c.find(f)) out.push_back(c.grade(name));
            return out;
          },
          py::kw_only(), py::arg("family") = py::none(), py::arg("kind") = py::none(),
          py::arg("min_intrinsic_coercivity") = py::none(),
          py::arg("min_max_energy_product") = py::none(), py::arg("max_heavy_rare_earth") = py::none(),
          py::arg("temperature_C") = 20.0,
          "The grades (Grade objects) that pass every given filter: family ('ndfeb_sintered', ..., "
          "case-insensitive; 'ndfeb' for every NdFeB family; an unknown name raises UnknownNameError), "
          "kind ('commercial': a maker's datasheet; 'literature': a magnet from a peer-reviewed paper), "
          "min_intrinsic_coercivity (A/m) and min_max_energy_product (J/m^3) at temperature_C "
          "(degrees Celsius), max_heavy_rare_earth (Dy + ... mass fraction of the grade's typical or "
          "estimated composition).")
      .def("to_dataframe", &to_dataframe,
          "A pandas DataFrame, one row per grade: nominal, min and max values in SI units (T, A/m, J/m^3), "
          "coefficients in 1/K, temperatures in degrees Celsius, density in kg/m^3; missing values are NaN.")
      .def("to_records", &catalog_records,
           "One dict per grade: the columns of to_dataframe(), SI values, NaN where missing.")
      .def("to_table", &catalog_table,
           "The grades as a magmat.Table (units and sources per column): to_text(), to_csv(), to_json(), to_dataframe().")
      .def("__repr__", [](const Catalog& c) { return fmt::format("Catalog({} grades)", c.size()); })
      .def(py::pickle(
          [](const Catalog& c) {
            py::list records;
            for (const auto& g : c.records()) records.append(py::make_tuple(g.family, g.json, g.file));
            return records;
          },
          [](const py::list& records) {
            Catalog out = Catalog::from_json(R"({"schema": "magmat-grades/1", "family": "ferrite", "grades": []})", "<pickle>");
            for (const auto& item : records) {
              if (!py::isinstance<py::tuple>(item)) throw domain_error("Catalog: a pickled record must be a tuple");
              out = out.extend(one_grade_catalog(item.cast<py::tuple>(), "Catalog"));
            }
            return out;
          }));

  m.def("coercivity_letter", &coercivity_letter, py::arg("grade_name"),
        "The coercivity letter of a sintered NdFeB grade name ('N42SH' -> 'SH', 'N52' -> '').");
  m.def("coercivity_letter_minimum",
        [](const std::string& letter) { return optional_float(coercivity_letter_minimum(letter)); }, py::arg("letter"),
        "The industry's minimum HcJ in A/m of a sintered NdFeB coercivity letter, or None.");
  m.def("coercivity_classes", [] {
        py::list out;
        for (const auto& c : sintered_coercivity_classes()) {
          py::dict d;
          d["letter"] = c.letter;
          d["name"] = c.name;
          d["min_intrinsic_coercivity"] = c.min_intrinsic_coercivity;
          d["min_source"] = c.min_source;
          d["intrinsic_coercivity_coefficient"] = optional_float(
              c.intrinsic_coercivity_coefficient ? std::optional<double>(c.intrinsic_coercivity_coefficient->value()) : std::nullopt);
          d["coefficient_from_C"] = to_celsius(c.coefficient_from);
          d["coefficient_to_C"] = to_celsius(c.coefficient_to);
          d["coefficient_interval_stated"] = c.coefficient_interval_stated;
          d["coefficient_source"] = c.coefficient_source;
          out.append(d);
        }
        return out;
      },
      "The coercivity classes of sintered NdFeB (materials/classes/ndfeb_sintered.json): letter, minimum HcJ "
      "(A/m), the class's published beta(HcJ) (1/K, None where none was found) with its interval (degC) and sources.");
  m.def("_embedded_data_files", &embedded_data_files, py::arg("folder"),
        "(path, text) of the material files compiled in under a folder of materials/ (private).");
  m.def("_read_data_file", [](const py::object& path) { return read_data_file(path_arg(path), "data file"); },
        py::arg("path"),
        "The text of a user's data file through the library's one reader: regular UTF-8 file of at most "
        "64 MiB, BOM removed (private; validation_report uses it).");
}

} // namespace magmat::python
