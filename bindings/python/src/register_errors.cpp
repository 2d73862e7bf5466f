// Maps the C++ exception hierarchy of errors.hpp onto Python classes that also derive from
// ValueError or KeyError, so callers can catch either the magmat class or the builtin one.
#include "pybind.hpp"

#include <magmat/errors.hpp>

#include <cstring>

namespace magmat::python {
namespace {

// Creates magmat._core.<name> with the given bases; the module keeps the reference.
py::object new_exception(py::module_& m, const char* name, py::tuple bases, const char* doc) {
  const std::string qualified = std::string("magmat._core.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (type == nullptr) throw py::error_already_set();
  py::object cls = py::reinterpret_steal<py::object>(type);
  m.attr(name) = cls;
  return cls;
}

// Sets a Python exception whose message is `what`, decoded as UTF-8 with bytes that are not
// UTF-8 shown as \xNN: a message naming a non-UTF-8 file name would otherwise make
// PyErr_SetString raise UnicodeDecodeError instead of the magmat error.
void raise_magmat_error(py::handle type, const char* what) {
  PyObject* text = PyUnicode_DecodeUTF8(what, static_cast<Py_ssize_t>(std::strlen(what)), "backslashreplace");
  if (text == nullptr) { // only on memory exhaustion; the error type still tells what happened
    PyErr_Clear();
    PyErr_SetNone(type.ptr());
    return;
  }
  PyErr_SetObject(type.ptr(), text);
  Py_DECREF(text);
}

} // namespace

void register_errors(py::module_& m) {
  py::object builtins = py::module_::import("builtins");
  py::object value_error = builtins.attr("ValueError");
  py::object key_error = builtins.attr("KeyError");
  py::object exception = builtins.attr("Exception");

  static py::handle magmat_error = new_exception(m, "MagmatError", py::make_tuple(exception),
      "Base class of every error raised by magmat.").release();
  static py::handle parse_error = new_exception(m, "ParseError",
      py::make_tuple(magmat_error, value_error),
      "Text that cannot be read: a chemical formula, a unit string, a data file.").release();
  static py::handle domain_error = new_exception(m, "DomainError",
      py::make_tuple(magmat_error, value_error),
      "A value outside the domain of the quantity or model (negative, NaN, out of range, "
      "incompatible units).").release();
  static py::handle data_error = new_exception(m, "DataError",
      py::make_tuple(magmat_error, value_error),
      "A material data record or file that breaks the schema or basic physics.").release();
  static py::handle infeasible_error = new_exception(m, "InfeasibleError",
      py::make_tuple(magmat_error, value_error),
      "A well-posed request that no solution satisfies.").release();
  static py::handle unknown_name_error = new_exception(m, "UnknownNameError",
      py::make_tuple(magmat_error, key_error),
      "A name that is not known: element, grade, phase, process.").release();
  new_exception(m, "CompositionWarning", py::make_tuple(builtins.attr("UserWarning")),
      "A composition that is probably not what was meant: a wt% alloy written as a formula, "
      "read as atoms.");
  new_exception(m, "ExtrapolationWarning", py::make_tuple(builtins.attr("UserWarning")),
      "A fitted magnet's value asked for outside its measured temperatures: the physics model carries it "
      "there from the nearer measured curve (Magnet.is_extrapolated).");
  // KeyError quotes its message in str(); show it as written, like the other errors.
  unknown_name_error.attr("__str__") = exception.attr("__str__");

  // Most derived first; magmat::error last catches any kind added later.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const magmat::parse_error& e) {
      raise_magmat_error(parse_error, e.what());
    } catch (const magmat::domain_error& e) {
      raise_magmat_error(domain_error, e.what());
    } catch (const magmat::data_error& e) {
      raise_magmat_error(data_error, e.what());
    } catch (const magmat::infeasible_error& e) {
      raise_magmat_error(infeasible_error, e.what());
    } catch (const magmat::unknown_name_error& e) {
      raise_magmat_error(unknown_name_error, e.what());
    } catch (const magmat::error& e) {
      raise_magmat_error(magmat_error, e.what());
    }
  });
  // A value that pybind11 cannot convert inside a function body (e.g. a str with a lone
  // surrogate where text is needed) is a wrong argument: TypeError, as when the conversion
  // fails at the call itself, rather than pybind11's default RuntimeError.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const py::cast_error& e) {
      PyErr_SetString(PyExc_TypeError, e.what());
    }
  });
}

} // namespace magmat::python
