// magmat._core: declares the module and registers each topic; no logic lives here.
#include "pybind.hpp"
#include "text_signatures.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "magmat C++ core (private; use the magmat package)";
  // Errors first: every later registration may throw them.
  magmat::python::register_errors(m);
  magmat::python::register_units(m);
  magmat::python::register_elements(m);
  magmat::python::register_composition(m);
  magmat::python::register_report(m);
  magmat::python::register_phases(m);
  magmat::python::register_magnet(m);
  magmat::python::register_catalog(m);
  // after Magnet: adds fit_curves and the measured range to it
  magmat::python::register_curve_fit(m);
  // after Magnet: adds the load-line methods to it
  magmat::python::register_thermal(m);
  magmat::python::register_shapes(m);
  magmat::python::register_design(m);
  magmat::python::register_supply(m);
  magmat::python::register_policy(m);
  magmat::python::register_batch(m);
  // Last: reads the docstrings every registration above wrote.
  magmat::python::expose_text_signatures(m);
}
