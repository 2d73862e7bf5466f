"""Magnet shapes: local demagnetizing fields against magpylib (a test-only dependency), volume
averages against the magnetometric factors, permeance coefficients, bad input."""

import math
import pickle

import numpy as np
import pytest

import magmat as mm

magpy = pytest.importorskip("magpylib")

M = 1.0e6  # A/m; the fields are per unit magnetization


def _interior(rng, n, sampler):
    return np.array([sampler(rng) for _ in range(n)])


def _cylinder_points(rng, radius, half, inner=0.0):
    def one(r):
        rho = math.sqrt(inner**2 + (radius**2 - inner**2) * r.random())
        phi = 2 * math.pi * r.random()
        return (rho * math.cos(phi), rho * math.sin(phi), half * (2 * r.random() - 1))
    return one


def _relative_error(mine, reference):
    scale = np.maximum(np.linalg.norm(reference, axis=1), 1e-300)
    return np.max(np.abs(mine - reference).max(axis=1) / scale)


def test_cylinder_field_agrees_with_magpylib_inside():
    rng = np.random.default_rng(7)
    for length, diameter in ((0.007, 0.01), (0.002, 0.02), (0.03, 0.008)):
        shape = mm.Cylinder(length=length, diameter=diameter)
        points = _interior(rng, 1000, _cylinder_points(rng, 0.4999 * diameter, 0.4999 * length))
        assert shape.contains(points).all()
        reference = magpy.magnet.Cylinder(magnetization=(0, 0, M), dimension=(diameter, length)).getH(points) / M
        assert _relative_error(shape.demagnetizing_field(points), reference) < 1e-6


def test_block_field_agrees_with_magpylib_inside():
    rng = np.random.default_rng(8)
    for length, width, height in ((0.01, 0.008, 0.006), (0.002, 0.03, 0.02), (0.04, 0.005, 0.01)):
        shape = mm.Block(length=length, width=width, height=height)
        half = 0.4999 * np.array([width, height, length])
        points = (2 * rng.random((1000, 3)) - 1) * half
        reference = magpy.magnet.Cuboid(magnetization=(0, 0, M), dimension=(width, height, length)).getH(points) / M
        assert _relative_error(shape.demagnetizing_field(points), reference) < 1e-6


def test_ring_field_agrees_with_magpylib_inside():
    rng = np.random.default_rng(9)
    for length, outer, inner in ((0.007, 0.03, 0.015), (0.002, 0.05, 0.04)):
        shape = mm.Ring(length=length, outer_diameter=outer, inner_diameter=inner)
        points = _interior(rng, 1000, _cylinder_points(rng, 0.4999 * outer, 0.4999 * length, 0.5001 * inner))
        assert shape.contains(points).all()
        reference = magpy.magnet.CylinderSegment(
            magnetization=(0, 0, M), dimension=(inner / 2, outer / 2, length, 0, 360)).getH(points) / M
        assert _relative_error(shape.demagnetizing_field(points), reference) < 1e-6


def test_volume_quadrature_gives_the_magnetometric_factor():
    c = mm.Cylinder(length=0.007, diameter=0.01)
    points, weights = c.volume_quadrature(64)
    assert weights.sum() == pytest.approx(1.0)
    average = -(weights * c.demagnetizing_field(points)[:, 2]).sum()
    assert average == pytest.approx(mm.demagnetizing_factor_cylinder(length=0.007, diameter=0.01), rel=2e-3)


def test_permeance_coefficients_of_the_rating_cylinder():
    pc = mm.permeance_coefficients(mm.Cylinder(length=0.007, diameter=0.01))
    assert pc["neutral_section"] == pytest.approx(2.056, rel=1e-3)  # makers' "Pc about 2 at L/D 0.7"
    assert pc["magnetometric"] == pytest.approx(mm.permeance_coefficient_cylinder(length=0.007, diameter=0.01))
    assert pc["minimum_local"] < pc["magnetometric"] < pc["neutral_section"]
    ring = mm.permeance_coefficients(mm.Ring(length=0.007, outer_diameter=0.03, inner_diameter=0.015))
    assert ring["minimum_local"] < ring["magnetometric"] < ring["neutral_section"]


def test_single_points_pickling_and_bad_input():
    c = mm.Cylinder(length=0.01, diameter=0.01)
    assert c.demagnetizing_field((0.0, 0.0, 0.0)).shape == (3,)
    assert c.demagnetizing_field([[0.0, 0.0, 0.0], [0.001, 0, 0]]).shape == (2, 3)
    assert repr(pickle.loads(pickle.dumps(c))) == repr(c)
    with pytest.raises(ValueError, match="Cylinder: diameter"):
        mm.Cylinder(length=0.01, diameter=-1.0)
    with pytest.raises(ValueError, match="inner_diameter"):
        mm.Ring(length=0.01, outer_diameter=0.01, inner_diameter=0.02)
    with pytest.raises(ValueError, match="Block: height"):
        mm.Block(length=0.01, width=0.01, height=float("nan"))
    with pytest.raises(ValueError, match="rim"):
        c.demagnetizing_field((0.005, 0.0, 0.005))
    with pytest.raises(ValueError, match="shape"):
        c.demagnetizing_field(np.zeros((4, 2)))
    with pytest.raises(TypeError, match="real numbers"):
        c.demagnetizing_field(np.zeros(3, dtype=complex))
    with pytest.raises(TypeError, match="Cylinder, Block or Ring"):
        mm.permeance_coefficients("cylinder")
