// Python bindings of batch.hpp: evaluate over dicts of NumPy arrays or DataFrames, mass
// fractions of many formulas and Pareto fronts; the C++ work runs without the GIL.
#include "pybind.hpp"

#include "element_arg.hpp"
#include "real_array_arg.hpp"

#include <magmat/batch.hpp>
#include <magmat/errors.hpp>
#include <magmat/units.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace magmat::python {
namespace {

using double_array = py::array_t<double, py::array::c_style | py::array::forcecast>;

// True when `object` is a pandas DataFrame (pandas is not imported if the caller has not).
bool is_dataframe(py::handle object) {
  const py::dict modules = py::module_::import("sys").attr("modules");
  if (!modules.contains("pandas")) return false;
  return py::isinstance(object, modules["pandas"].attr("DataFrame"));
}

// An element from a dict key or DataFrame column label: a symbol or a magmat.Element.
Element key_to_element(py::handle key) {
  if (py::isinstance<py::str>(key)) return element_from_symbol(key.cast<std::string>());
  try {
    return to_element(key.cast<Element>());
  } catch (const py::cast_error&) {
    throw domain_error(fmt::format("candidates: a key must be an element symbol or a magmat.Element, got {}",
                                   py::repr(key).cast<std::string>()));
  }
}

// A 1-D float64 array of `what`, as NumPy converts it.
double_array one_dimensional(py::handle values, const std::string& what) {
  require_real_array(values, what);  // forcecast would drop imaginary parts and count dates
  auto array = double_array::ensure(values);
  if (!array) throw domain_error(fmt::format("{} must be an array of numbers", what));
  if (array.ndim() != 1) throw domain_error(fmt::format("{} must be 1-D, got {} dimensions", what, array.ndim()));
  return array;
}

// The columns of `candidates` (dict or DataFrame): their elements and float64 arrays, which
// evaluate reads in place (NumPy converts only columns of another type or layout).
struct candidate_columns {
  std::vector<Element> elements;
  std::vector<double_array> arrays;
  py::ssize_t rows = 0;
};

candidate_columns read_candidates(py::handle candidates, bool dataframe) {
  std::vector<std::pair<py::object, py::object>> columns;
  if (dataframe) {
    for (py::handle label : candidates.attr("columns"))
      columns.emplace_back(py::reinterpret_borrow<py::object>(label), candidates.attr("__getitem__")(label));
  } else {
    if (!py::hasattr(candidates, "items"))
      throw domain_error("candidates must be a mapping element -> array of mass percent, or a pandas DataFrame");
    for (py::handle item : candidates.attr("items")()) {
      auto pair = item.cast<py::tuple>();
      columns.emplace_back(pair[0], pair[1]);
    }
  }
  if (columns.empty()) throw domain_error("candidates has no element columns");
  candidate_columns out;
  for (auto& [key, values] : columns) {
    out.elements.push_back(key_to_element(key));
    out.arrays.push_back(one_dimensional(values, fmt::format("candidates['{}']", symbol(out.elements.back()))));
  }
  out.rows = out.arrays.front().size();
  for (std::size_t j = 0; j < out.arrays.size(); ++j)
    if (out.arrays[j].size() != out.rows)
      throw domain_error(fmt::format("candidates['{}'] has {} rows, candidates['{}'] has {}", symbol(out.elements[j]),
                                     out.arrays[j].size(), symbol(out.elements.front()), out.rows));
  return out;
}

Eigen::ArrayXd read_temperature_kelvin(py::handle temperature, Eigen::Index rows) {
  const py::object temperature_C = quantity_in(temperature, "degC", "temperature_C");
  if (py::isinstance<py::float_>(temperature_C) || py::isinstance<py::int_>(temperature_C))
    return Eigen::ArrayXd::Constant(1, to_kelvin(from_celsius(temperature_C.cast<double>())));
  require_real_array(temperature_C, "temperature_C");
  auto array = double_array::ensure(temperature_C);
  if (!array) throw domain_error("temperature_C must be a number or an array of numbers");
  if (array.ndim() == 0) return Eigen::ArrayXd::Constant(1, to_kelvin(from_celsius(*array.data())));
  if (array.ndim() != 1 || array.size() != rows)
    throw domain_error(fmt::format("temperature_C must be a number or a 1-D array of one entry per row ({}), "
                                   "got shape of {} entries in {} dimensions",
                                   rows, array.size(), array.ndim()));
  Eigen::ArrayXd kelvin(rows);
  for (Eigen::Index i = 0; i < rows; ++i) kelvin(i) = to_kelvin(from_celsius(array.data()[i]));
  return kelvin;
}

// A NumPy array that takes over `values` (no copy: a sweep's result columns are large).
template <class Scalar>
py::array_t<Scalar> to_numpy(Eigen::Array<Scalar, Eigen::Dynamic, 1>&& values) {
  auto* owned = new Eigen::Array<Scalar, Eigen::Dynamic, 1>(std::move(values));
  py::capsule release(owned, [](void* p) { delete static_cast<Eigen::Array<Scalar, Eigen::Dynamic, 1>*>(p); });
  return py::array_t<Scalar>(owned->size(), owned->data(), release);
}

// evaluate() with magmat._progress's bar when `progress` (the GIL is held only inside each
// report, which also lets Ctrl-C stop a long sweep between chunks).
batch_result evaluate_with_progress(const batch_columns& input, int threads, bool mask_errors, bool progress) {
  py::object reporter = py::none();
  if (progress) reporter = py::module_::import("magmat._progress").attr("sweep_progress")(input.rows);
  if (reporter.is_none()) {
    py::gil_scoped_release release;
    return evaluate(input, threads, mask_errors);
  }
  const batch_progress report = [&reporter](Eigen::Index done, Eigen::Index total) {
    py::gil_scoped_acquire acquire;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    reporter.attr("update")(done, total);
  };
  batch_result result;
  try {
    py::gil_scoped_release release;
    result = evaluate(input, threads, mask_errors, report);
  } catch (...) {
    reporter.attr("close")();
    throw;
  }
  reporter.attr("close")();
  return result;
}

py::object evaluate_candidates(py::handle candidates, py::handle temperature_C, const std::string& process,
                               int threads, const std::string& errors, bool progress) {
  if (errors != "raise" && errors != "mask")
    throw domain_error(fmt::format("errors must be 'raise' or 'mask', got '{}'", errors));
  const bool dataframe = is_dataframe(candidates);
  // The arrays stay referenced here, so alive, for the call.
  const candidate_columns columns = read_candidates(candidates, dataframe);
  const Eigen::ArrayXd kelvin = read_temperature_kelvin(temperature_C, columns.rows);
  batch_columns input;
  input.elements = columns.elements;
  for (const auto& array : columns.arrays) input.mass_percent.push_back(array.data());
  input.rows = columns.rows;
  input.temperature_kelvin = kelvin.data();
  input.temperatures = kelvin.size();
  input.process = process;
  batch_result result = evaluate_with_progress(input, threads, errors == "mask", progress);
  py::dict out;
  out["remanence"] = to_numpy(std::move(result.remanence));
  out["intrinsic_coercivity"] = to_numpy(std::move(result.intrinsic_coercivity));
  out["normal_coercivity"] = to_numpy(std::move(result.normal_coercivity));
  out["max_energy_product"] = to_numpy(std::move(result.max_energy_product));
  out["rare_earth_mass_fraction"] = to_numpy(std::move(result.rare_earth_mass_fraction));
  out["heavy_rare_earth_mass_fraction"] = to_numpy(std::move(result.heavy_rare_earth_mass_fraction));
  out["policy_pass"] = to_numpy(std::move(result.policy_pass));
  if (errors == "mask") out["valid"] = to_numpy(std::move(result.valid));
  if (!dataframe) return out;
  return py::module_::import("pandas").attr("DataFrame")(out, py::arg("index") = candidates.attr("index"));
}

py::dict mass_fractions_of(const std::vector<std::string>& formulas, const std::vector<element_arg>& element_args) {
  std::vector<Element> elements;
  for (const auto& arg : element_args) elements.push_back(to_element(arg));
  Eigen::ArrayXXd fractions;
  {
    py::gil_scoped_release release;
    fractions = mass_fractions(formulas, elements);
  }
  py::dict out;
  for (std::size_t j = 0; j < elements.size(); ++j)
    out[py::str(std::string(symbol(elements[j])))] = to_numpy(Eigen::ArrayXd(fractions.col(static_cast<Eigen::Index>(j))));
  return out;
}

py::array_t<std::int64_t> pareto_front_of(py::handle result, const std::optional<std::vector<std::string>>& minimize,
                                          const std::optional<std::vector<std::string>>& maximize) {
  std::vector<std::pair<std::string, objective_sense>> objectives;
  for (const auto& name : minimize.value_or(std::vector<std::string>{})) objectives.emplace_back(name, objective_sense::minimize);
  for (const auto& name : maximize.value_or(std::vector<std::string>{})) objectives.emplace_back(name, objective_sense::maximize);
  if (objectives.empty()) throw domain_error("pareto_front needs at least one name in minimize or maximize");
  if (!py::hasattr(result, "__getitem__"))
    throw py::type_error("pareto_front: result must be a mapping name -> array (as evaluate returns) or a DataFrame, got " +
                         py::str(py::type::of(result).attr("__name__")).cast<std::string>());
  std::vector<double_array> columns;
  std::vector<objective_sense> senses;
  for (const auto& [name, sense] : objectives) {
    py::object column;
    try {
      column = result.attr("__getitem__")(name);
    } catch (const py::error_already_set& e) {
      if (!e.matches(PyExc_KeyError)) throw;
      throw unknown_name_error(fmt::format("pareto_front: no column '{}' in the result", name));
    }
    columns.push_back(one_dimensional(column, fmt::format("result['{}']", name)));
    senses.push_back(sense);
  }
  const py::ssize_t rows = columns.front().size();
  Eigen::ArrayXXd values(rows, static_cast<Eigen::Index>(columns.size()));
  for (std::size_t j = 0; j < columns.size(); ++j) {
    if (columns[j].size() != rows)
      throw domain_error(fmt::format("result['{}'] has {} rows, result['{}'] has {}", objectives[j].first,
                                     columns[j].size(), objectives.front().first, rows));
    values.col(static_cast<Eigen::Index>(j)) = Eigen::Map<const Eigen::ArrayXd>(columns[j].data(), rows);
  }
  // Without the GIL, but Ctrl-C still stops a long front: the core calls back every ~65536
  // rows, and the callback takes the GIL just to run Python's signal handlers.
  const std::function<void()> check_signals = [] {
    py::gil_scoped_acquire acquire;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  };
  std::vector<Eigen::Index> front;
  {
    py::gil_scoped_release release;
    front = pareto_front(values, senses, check_signals);
  }
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(front.size()));
  std::copy(front.begin(), front.end(), out.mutable_data());
  return out;
}

} // namespace

void register_batch(py::module_& m) {
  m.def("evaluate", &evaluate_candidates, py::arg("candidates"), py::arg("temperature_C") = 20.0,
        py::arg("process") = "sintered", py::arg("threads") = 1, py::arg("errors") = "raise",
        py::arg("progress") = false,
        "Evaluates many candidates at once with the model's formulas (the scalar API's own, computed on SIMD "
        "blocks of rows for R2Fe14B magnets, see batch_kernel(): equal to it within 1e-12 relative; other rows go "
        "through the scalar API). "
        "candidates: a mapping element symbol -> "
        "1-D array of mass percent (all the same length; each row must sum to 100 within 0.5 percentage points, "
        "no Fe balance is added), or a pandas DataFrame with element columns. temperature_C: a number or one per "
        "row. Returns a dict of NumPy arrays (a DataFrame with the same index for a DataFrame) with remanence (T), "
        "intrinsic_coercivity, normal_coercivity (A/m), max_energy_product (J/m^3), rare_earth_mass_fraction, "
        "heavy_rare_earth_mass_fraction and policy_pass (METI criterion at 20 degC). errors='raise': the first "
        "invalid row raises naming it ('row 3: ...'); errors='mask': invalid rows give NaN and False, plus a "
        "boolean 'valid' array. threads: worker threads (0 = all cores); results do not depend on it. "
        "progress=True: the rows are evaluated in chunks and a tqdm bar appears when the sweep is predicted or "
        "seen to take over a second (without tqdm: a RuntimeWarning and no bar); results do not depend on it. "
        "Runs without the GIL.");
  m.def("mass_fractions", &mass_fractions_of, py::arg("formulas"), py::arg("elements"),
        "Mass fraction of each element in each formula, parsed in C++: a dict symbol -> NumPy array (one entry "
        "per formula). A bad formula raises ParseError with 'formulas[i]: ...'.");
  m.def("pareto_front", &pareto_front_of, py::arg("result"), py::arg("minimize") = py::none(),
        py::arg("maximize") = py::none(),
        "Positional row indices (ascending, int64) of the non-dominated rows of an evaluate() result (dict or "
        "DataFrame: use df.iloc[front]) for the named columns to minimize and to maximize; rows with NaN in any of "
        "them are left out. O(n log n) for up to three objectives (above: each row against the front found so far); "
        "runs without the GIL and stops with KeyboardInterrupt on Ctrl-C.");
  m.def(
      "batch_kernel", [] { return std::string(batch_kernel_name()); },
      "The SIMD kernel evaluate() computes its blocks of rows with: 'avx2' (AVX2 + FMA, chosen at run time on "
      "x86-64 CPUs that have both) or 'baseline'. The environment variable MAGMAT_SIMD=baseline, set before the "
      "first evaluate(), forces 'baseline'; an unknown MAGMAT_SIMD raises DomainError. Both kernels equal the "
      "scalar API to 1e-12 relative.");
}

} // namespace magmat::python
