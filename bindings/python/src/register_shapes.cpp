// Python bindings of shapes.hpp: Cylinder, Block and Ring (dimensions in metres), their local
// demagnetizing field for NumPy arrays of points, volume quadrature and permeance coefficients.
#include "pybind.hpp"
#include "quantity_arg.hpp"
#include "real_array_arg.hpp"
#include "shape_arg.hpp"
#include "state_arg.hpp"

#include <magmat/shapes.hpp>

#include <fmt/format.h>
#include <pybind11/numpy.h>

namespace magmat::python {
namespace {

length metres(double value) { return length::from_value(value); }

// H / M at each point, (n, 3); a (3,) input gives a (3,) result.
py::array_t<double> field_at(const magnet_shape& shape, const py::object& points) {
  bool single = false;
  const points_array p = points_of(points, &single);
  const auto in = p.unchecked<2>();
  py::array_t<double> out({p.shape(0), py::ssize_t{3}});
  auto o = out.mutable_unchecked<2>();
  for (py::ssize_t i = 0; i < p.shape(0); ++i) {
    const auto h = demagnetizing_field_per_magnetization(shape, {metres(in(i, 0)), metres(in(i, 1)), metres(in(i, 2))});
    for (int k = 0; k < 3; ++k) o(i, k) = h[static_cast<std::size_t>(k)];
  }
  if (single) return out.reshape({py::ssize_t{3}});
  return out;
}

py::array_t<bool> contains_at(const magnet_shape& shape, const py::object& points) {
  const points_array p = points_of(points);
  const auto in = p.unchecked<2>();
  py::array_t<bool> out(p.shape(0));
  auto o = out.mutable_unchecked<1>();
  for (py::ssize_t i = 0; i < p.shape(0); ++i) o(i) = contains(shape, {metres(in(i, 0)), metres(in(i, 1)), metres(in(i, 2))});
  return out;
}

py::tuple quadrature_of(const magnet_shape& shape, int order) {
  const auto nodes = volume_quadrature(shape, order);
  py::array_t<double> points({static_cast<py::ssize_t>(nodes.size()), py::ssize_t{3}});
  py::array_t<double> weights(static_cast<py::ssize_t>(nodes.size()));
  auto p = points.mutable_unchecked<2>();
  auto w = weights.mutable_unchecked<1>();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto n = static_cast<py::ssize_t>(i);
    p(n, 0) = nodes[i].point.x.value();
    p(n, 1) = nodes[i].point.y.value();
    p(n, 2) = nodes[i].point.z.value();
    w(n) = nodes[i].weight;
  }
  return py::make_tuple(points, weights);
}

constexpr const char* field_doc =
    "The demagnetizing field H_d / M (dimensionless) at `points` (metres, shape (3,) or (n, 3), origin at the "
    "magnet's centre, z along the magnetization) of the shape uniformly magnetized along +z. Inside, -H_d[..., 2] "
    "is the local axial demagnetizing factor. On a face the limit from inside is returned; a point on a charged "
    "face's edge raises DomainError.";
constexpr const char* quadrature_doc =
    "(points (n, 3) in metres, weights (n,)) of a Gauss-Legendre volume quadrature with `order` nodes per "
    "direction; weights are volume fractions summing to 1 (cylinders and rings: radius and z at azimuth 0, their "
    "fields being axisymmetric).";

template <class Shape, class Class>
void add_common(Class& cls) {
  cls.def("demagnetizing_field", [](const Shape& s, const py::object& points) { return field_at(s, points); },
          py::arg("points"), field_doc)
      .def("contains", [](const Shape& s, const py::object& points) { return contains_at(s, points); },
           py::arg("points"), "True where each point (metres, (n, 3)) lies inside the magnet (boundary excluded).")
      .def("volume_quadrature", [](const Shape& s, int order) { return quadrature_of(s, order); },
           py::arg("order") = 24, quadrature_doc);
}

} // namespace

void register_shapes(py::module_& m) {
  py::class_<cylinder_shape> cylinder(m, "Cylinder", "A cylinder magnetized along its axis; length and diameter in metres.");
  cylinder
      .def(py::init([](length_arg length, length_arg diameter) {
             cylinder_shape s{metres(length), metres(diameter)};
             check_shape(s);
             return s;
           }),
           py::kw_only(), py::arg("length"), py::arg("diameter"))
      .def_property_readonly("length", [](const cylinder_shape& s) { return s.axial_length.value(); })
      .def_property_readonly("diameter", [](const cylinder_shape& s) { return s.diameter.value(); })
      .def("__repr__", [](const cylinder_shape& s) {
        return fmt::format("Cylinder(length={:g}, diameter={:g})", s.axial_length.value(), s.diameter.value());
      })
      .def(py::pickle([](const cylinder_shape& s) { return py::make_tuple(s.axial_length.value(), s.diameter.value()); },
                      [](const py::tuple& t) {
                        check_state_size(t, 2, "Cylinder");
                        const cylinder_shape s{metres(state_number(t, 0, "Cylinder")), metres(state_number(t, 1, "Cylinder"))};
                        check_shape(s);
                        return s;
                      }));
  add_common<cylinder_shape>(cylinder);

  py::class_<block_shape> block(m, "Block",
                                "A rectangular block magnetized along `length` (z); width along x, height along y; metres.");
  block
      .def(py::init([](length_arg length, length_arg width, length_arg height) {
             block_shape s{metres(length), metres(width), metres(height)};
             check_shape(s);
             return s;
           }),
           py::kw_only(), py::arg("length"), py::arg("width"), py::arg("height"))
      .def_property_readonly("length", [](const block_shape& s) { return s.axial_length.value(); })
      .def_property_readonly("width", [](const block_shape& s) { return s.width.value(); })
      .def_property_readonly("height", [](const block_shape& s) { return s.height.value(); })
      .def("__repr__", [](const block_shape& s) {
        return fmt::format("Block(length={:g}, width={:g}, height={:g})", s.axial_length.value(), s.width.value(),
                           s.height.value());
      })
      .def(py::pickle(
          [](const block_shape& s) { return py::make_tuple(s.axial_length.value(), s.width.value(), s.height.value()); },
          [](const py::tuple& t) {
            check_state_size(t, 3, "Block");
            const block_shape s{metres(state_number(t, 0, "Block")), metres(state_number(t, 1, "Block")),
                                metres(state_number(t, 2, "Block"))};
            check_shape(s);
            return s;
          }));
  add_common<block_shape>(block);

  py::class_<ring_shape> ring(m, "Ring", "An axially magnetized ring; length, outer_diameter and inner_diameter in metres.");
  ring.def(py::init([](length_arg length, length_arg outer_diameter, length_arg inner_diameter) {
             ring_shape s{metres(length), metres(outer_diameter), metres(inner_diameter)};
             check_shape(s);
             return s;
           }),
           py::kw_only(), py::arg("length"), py::arg("outer_diameter"), py::arg("inner_diameter"))
      .def_property_readonly("length", [](const ring_shape& s) { return s.axial_length.value(); })
      .def_property_readonly("outer_diameter", [](const ring_shape& s) { return s.outer_diameter.value(); })
      .def_property_readonly("inner_diameter", [](const ring_shape& s) { return s.inner_diameter.value(); })
      .def("__repr__", [](const ring_shape& s) {
        return fmt::format("Ring(length={:g}, outer_diameter={:g}, inner_diameter={:g})", s.axial_length.value(),
                           s.outer_diameter.value(), s.inner_diameter.value());
      })
      .def(py::pickle(
          [](const ring_shape& s) {
            return py::make_tuple(s.axial_length.value(), s.outer_diameter.value(), s.inner_diameter.value());
          },
          [](const py::tuple& t) {
            check_state_size(t, 3, "Ring");
            const ring_shape s{metres(state_number(t, 0, "Ring")), metres(state_number(t, 1, "Ring")),
                               metres(state_number(t, 2, "Ring"))};
            check_shape(s);
            return s;
          }));
  add_common<ring_shape>(ring);

  m.def("permeance_coefficients",
        [](const py::object& shape) {
          const auto pc = permeance_coefficients(shape_arg(shape, "permeance_coefficients"));
          py::dict out;
          out["neutral_section"] = pc.neutral_section;
          out["magnetometric"] = pc.magnetometric;
          out["minimum_local"] = pc.minimum_local;
          return out;
        },
        py::arg("shape"),
        "The shape's permeance coefficients Pc = (1 - N)/N in free space: 'neutral_section' (N averaged over the "
        "mid-plane, as makers rate: about 2 for a cylinder of L/D = 0.7), 'magnetometric' (volume-averaged N) and "
        "'minimum_local' (the largest local axial N, where reversal starts).");
}

} // namespace magmat::python
