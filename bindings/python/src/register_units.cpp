// magmat._core unit functions: convert() for floats and arrays, si_unit(), mu0 and the CGS
// factors, all taken from the C++ definitions.
#include "pybind.hpp"
#include "real_array_arg.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <magmat/unit_conversion.hpp>
#include <magmat/units.hpp>
#include <magmat/units/cgs_magnetic.hpp>

namespace magmat::python {
namespace {

using float_array = py::array_t<double, py::array::c_style | py::array::forcecast>;

// A float (or int, or NumPy scalar) gives a float; an array or sequence gives an array.
py::object convert_any(const py::object& given, std::string_view from_unit,
                       std::string_view to_unit) {
  // Parse first, so unknown or incompatible units raise even for an empty array.
  const unit_converter converter(from_unit, to_unit);
  // A pint Quantity is read in from_unit by pint (a DomainError when pint cannot: its oersted
  // and gauss are Gaussian units, not convertible from A/m and T), not taken as a bare magnitude.
  const py::object value = quantity_in(given, std::string(from_unit), "convert(): value");
  // Text, alone or in a sequence ('12', ['30']), is refused alike (TypeError).
  if (!py::isinstance<py::float_>(value) && !py::isinstance<py::int_>(value)) require_real_array(value, "convert(): value");
  if (py::isinstance<py::array>(value) || PySequence_Check(value.ptr())) {
    const float_array in = float_array::ensure(value);
    // ensure() clears NumPy's error (strings, None, structured dtypes), so raise our own; an
    // empty error indicator here used to surface as RuntimeError "Internal error".
    if (!in)
      throw py::type_error("convert(): value must be a number or an array of numbers, got " +
                           std::string(py::str(py::repr(value)).cast<std::string>().substr(0, 80)));
    float_array out(std::vector<py::ssize_t>(in.shape(), in.shape() + in.ndim()));
    const double* src = in.data();
    double* dst = out.mutable_data();
    for (py::ssize_t i = 0, n = in.size(); i < n; ++i) dst[i] = converter(src[i]);
    return std::move(out);
  }
  // __float__ of floats, ints and NumPy scalars; a TypeError for anything else.
  const double number = PyFloat_AsDouble(value.ptr());
  if (number == -1.0 && PyErr_Occurred()) throw py::error_already_set();
  return py::float_(converter(number));
}

} // namespace

void register_units(py::module_& m) {
  m.def("convert", &convert_any, py::arg("value"), py::arg("from_unit"), py::arg("to_unit"),
        R"doc(Convert a value between units given as strings.

value: a float, or a NumPy array / sequence of floats (returns a float64 array of the
same shape). Units are exact, case-sensitive symbols, e.g. "T", "mT", "kG", "A/m", "kA/m",
"kOe", "emu/cm3", "J/m3", "kJ/m3", "MGOe", "K", "degC", "degF", "kg", "g/cm3", "N m",
"rpm", "rad/s", "1/K", "%/K", "%".

    convert(12.0, "kOe", "kA/m")  # 954.93 kA/m
    convert(1.0, "MGOe", "kJ/m3")  # 7.9577 kJ/m^3

Raises ParseError (a ValueError) for an unknown unit, DomainError (a ValueError) for units
of different dimensions, a NaN or infinite value, or a temperature below 0 K.)doc");

  m.def("si_unit", [](std::string_view unit) { return si_unit_of(unit); }, py::arg("unit"),
        R"doc(The SI unit of the same dimension: si_unit("kOe") == "A/m",
si_unit("MGOe") == "J/m3", si_unit("degC") == "K". Raises ParseError for an unknown unit.)doc");

  // The numbers-not-text rule of require_real_array, for the pure-Python entry points
  // (magmat.units, magmat.plot, magmat.export), so that they refuse what the core refuses.
  m.def("_require_numbers", [](py::handle value, const std::string& what) { require_real_array(value, what); },
        py::arg("value"), py::arg("what"),
        "Raises TypeError if value is text (str, bytes) or an array of text, complex numbers, dates or records.");

  m.attr("VACUUM_PERMEABILITY") = vacuum_permeability_h_per_m;
  m.attr("TESLA_PER_GAUSS") = cgs::tesla_per_gauss;
  m.attr("AMPERE_PER_METRE_PER_OERSTED") = cgs::ampere_per_metre_per_oersted;
  m.attr("JOULE_PER_CUBIC_METRE_PER_MGOE") = cgs::joule_per_cubic_metre_per_mgoe;
  m.attr("AMPERE_PER_METRE_PER_EMU_PER_CUBIC_CENTIMETRE") =
      cgs::ampere_per_metre_per_emu_per_cubic_centimetre;
  m.attr("ZERO_CELSIUS_IN_KELVIN") = zero_celsius_in_kelvin;
  m.attr("RADIAN_PER_SECOND_PER_RPM") = radian_per_second_per_rpm;
}

} // namespace magmat::python
