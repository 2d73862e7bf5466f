// A file path from Python: str, bytes or os.PathLike (pathlib.Path), as the bytes the file system
// sees, so a non-UTF-8 file name (bytes, or a str decoded with surrogateescape) reaches the file.
#pragma once

#include "pybind.hpp"

#include <magmat/errors.hpp>

#include <filesystem>
#include <string>

namespace magmat::python {

/// The path `path` names, converted by os.fsencode. A value of another type raises TypeError;
/// a str the file system encoding cannot represent (a lone surrogate that is not an escaped
/// byte) raises magmat.DataError naming it.
inline std::filesystem::path path_arg(const py::object& path, const char* argument = "path") {
  const py::module_ os = py::module_::import("os");
  py::object raw;
  try {
    raw = os.attr("fsencode")(path);
  } catch (py::error_already_set& e) {
    if (e.matches(PyExc_TypeError))
      throw py::type_error(std::string(argument) + " must be str, bytes or os.PathLike, got " +
                           py::str(py::type::handle_of(path).attr("__name__")).cast<std::string>());
    if (e.matches(PyExc_UnicodeError))
      throw data_error(py::repr(path).cast<std::string>() + ": " + argument +
                       " cannot be encoded for the file system: " + py::str(e.value()).cast<std::string>());
    throw;
  }
  return std::filesystem::path(raw.cast<std::string>());
}

} // namespace magmat::python
