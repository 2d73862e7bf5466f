// Magnet shapes and the demagnetizing field inside (and around) each when it is uniformly
// magnetized along its length: the local fields that decide where a magnet starts to lose its
// magnetization (issue [10]). Closed forms, no meshing.
#pragma once

#include <magmat/units.hpp>

#include <array>
#include <variant>
#include <vector>

namespace magmat {

/// A cylinder magnetized along its axis (`length`).
struct cylinder_shape {
  length axial_length;
  length diameter;
};

/// A rectangular block magnetized along `length`; `width` along x, `height` along y.
struct block_shape {
  length axial_length;
  length width;
  length height;
};

/// An axially magnetized ring (a hollow cylinder).
struct ring_shape {
  length axial_length;
  length outer_diameter;
  length inner_diameter;
};

using magnet_shape = std::variant<cylinder_shape, block_shape, ring_shape>;

/// A point in the magnet's frame: origin at its centre, z along the magnetization (the length),
/// x along a block's width.
struct shape_point {
  length x;
  length y;
  length z;
};

/// Checks a shape's dimensions (finite, positive; a ring's inner diameter below its outer one).
/// Throws domain_error naming the dimension.
void check_shape(const magnet_shape& shape);

/// True where the point lies inside the magnet's material (boundary excluded).
bool contains(const magnet_shape& shape, const shape_point& point);

/// The demagnetizing field H_d at `point` of the shape uniformly magnetized with unit
/// magnetization along +z, as the dimensionless vector H_d / M (field of the end faces' magnetic
/// charges, +M on z = +L/2 and -M on z = -L/2). Inside the magnet -H_d,z / M is the local axial
/// demagnetizing factor. Block: the closed form of a uniformly charged rectangle (arctan and log
/// terms, as in Akoun & Yonnet 1984); cylinder: Derby & Olbert 2010 with Bulirsch's complete
/// elliptic integral; ring: outer cylinder minus inner. On a face the limit from inside the
/// magnet is returned; points on an edge of a charged face are singular: domain_error.
std::array<double, 3> demagnetizing_field_per_magnetization(const magnet_shape& shape, const shape_point& point);

/// A point of a volume quadrature and its weight, the fraction of the magnet's volume it stands for.
struct shape_quadrature_point {
  shape_point point;
  double weight = 0.0;
};

/// Gauss-Legendre quadrature over the magnet's volume, `order` nodes per direction (2-200):
/// a block's x, y, z; a cylinder's or ring's radius (weighted by the radius) and z, at azimuth 0
/// (its fields are axisymmetric). Weights sum to 1; nodes lie strictly inside. The fields' edge
/// singularities are logarithmic, so volume averages converge as the order grows.
std::vector<shape_quadrature_point> volume_quadrature(const magnet_shape& shape, int order = 24);

/// The three permeance coefficients of a shape magnetized along its length in free space, each
/// (1 - N)/N of a demagnetizing factor N:
struct shape_permeance_coefficients {
  /// From N averaged over the neutral section (the mid-plane z = 0): the makers' Pc, about 2 for
  /// a cylinder of L/D = 0.7.
  double neutral_section = 0.0;
  /// From the magnetometric (volume-averaged) N: the closed forms of permeance.hpp for a cylinder
  /// and a block, the volume quadrature for a ring.
  double magnetometric = 0.0;
  /// From the largest local axial N: at the centre of the end faces for a cylinder and a block,
  /// where reversal starts; for a ring, the largest on its end face's radius (searched).
  double minimum_local = 0.0;
};
shape_permeance_coefficients permeance_coefficients(const magnet_shape& shape);

/// The cylinder (of diameter 1 m; only L/D matters) whose neutral-section Pc is `permeance`: how
/// makers read a Pc, e.g. Pc = 2 for L/D = 0.68. Bisection in L/D over 1e-3 to 1e3; permeance
/// must be finite and > 0, and within what that range gives (0.002 to 2000).
cylinder_shape cylinder_with_neutral_section_permeance(double permeance);

/// Bulirsch's generalized complete elliptic integral
/// cel(kc, p, c, s) = ∫0^{π/2} (c cos²φ + s sin²φ) / ((cos²φ + p sin²φ) sqrt(cos²φ + kc² sin²φ)) dφ,
/// by his iteration (Bulirsch, Numer. Math. 13 (1969) 305), to double precision. kc != 0, p != 0.
double bulirsch_cel(double kc, double p, double c, double s);

} // namespace magmat
