"""pint Quantities at the boundary (issue [13], item 2): read by their units where the argument's
unit is known, refused where it is not; other objects with .units are a TypeError."""

import numpy as np
import pytest

import magmat as mm

pint = pytest.importorskip("pint")  # a test dependency (pyproject.toml [test])
Q = pint.UnitRegistry().Quantity


@pytest.fixture(scope="module")
def n42sh():
    return mm.Catalog.default()["N42SH"]


def test_a_temperature_in_kelvin_is_the_same_temperature(n42sh):
    """The issue's example: Q(300, 'K') was taken as 300 degC (0.508 T instead of 1.307 T)."""
    assert n42sh.remanence(Q(300, "K")) == pytest.approx(n42sh.remanence(26.85), rel=1e-12)
    assert n42sh.intrinsic_coercivity(Q(212, "degF")) == pytest.approx(n42sh.intrinsic_coercivity(100.0), rel=1e-12)
    swept = n42sh.remanence(Q(np.array([293.15, 373.15]), "K"))
    assert np.allclose(swept, n42sh.remanence(np.array([20.0, 100.0])), rtol=1e-12)


def test_fields_and_temperatures_of_a_load_line_sweep(n42sh):
    op = n42sh.operating_point(pc=2.0, temperature_C=Q(373.15, "K"), external_field=Q(100, "kA/m"))
    plain = n42sh.operating_point(pc=2.0, temperature_C=100.0, external_field=1e5)
    assert op.B == pytest.approx(plain.B, rel=1e-12) and op.H == pytest.approx(plain.H, rel=1e-12)


def test_convert_reads_a_quantity_in_from_unit():
    assert mm.convert(Q(954.93, "kA/m"), "kA/m", "kOe") == pytest.approx(12.0, rel=1e-5)
    assert mm.convert(Q(1.2, "T"), "mT", "kG") == pytest.approx(12.0)
    # pint's oersted is a Gaussian unit it cannot reach from A/m: refused, not 75,991 as before
    with pytest.raises(mm.DomainError, match="cannot be read in kOe"):
        mm.convert(Q(954.93, "kA/m"), "kOe", "kA/m")


def test_a_quantity_of_the_wrong_dimension_is_refused(n42sh):
    with pytest.raises(mm.DomainError, match="meter cannot be read in degC"):
        n42sh.remanence(Q(3, "m"))
    with pytest.raises(mm.DomainError, match="external_field"):
        n42sh.operating_point(pc=2.0, temperature_C=20.0, external_field=Q(1, "T"))


def test_where_the_unit_is_not_known_a_quantity_is_refused():
    with pytest.raises(TypeError, match="pint Quantity is read where"):
        mm.units.celsius_to_kelvin(Q(3, "degC"))


def test_an_object_with_units_that_is_not_pint_is_a_type_error(n42sh):
    class Quantityish:  # what NumPy would read as its magnitude
        units = "K"
        magnitude = 300.0

        def __array__(self, dtype=None, copy=None):
            return np.asarray(300.0)

    with pytest.raises(TypeError, match="not a pint Quantity"):
        n42sh.remanence(Quantityish())
    with pytest.raises(TypeError, match="not a pint Quantity"):
        mm.convert(Quantityish(), "K", "degC")


def test_every_scalar_temperature_argument_reads_a_quantity(n42sh):
    """The scalar (non-array) temperature arguments read a Quantity by its units too."""
    hot = Q(373.15, "K")
    assert n42sh.properties(hot).intrinsic_coercivity == pytest.approx(
        n42sh.properties(100.0).intrinsic_coercivity, rel=1e-12)
    assert np.allclose(n42sh.demag_curve(hot, points=50).J, n42sh.demag_curve(100.0, points=50).J, rtol=1e-12)
    c = n42sh.reversible_coefficients(Q(68, "degF"), Q(100, "degC"))
    assert c.from_C == pytest.approx(20.0) and c.to_C == pytest.approx(100.0)
    assert mm.check_policy(n42sh, Q(373.15, "K")).temperature_C == pytest.approx(100.0)
    assert mm.Requirement(temperature_C=Q(423.15, "K"), min_intrinsic_coercivity=8e5).temperature_C == pytest.approx(150.0)
    catalog = mm.Catalog.default()
    found = catalog.find(family="ndfeb_sintered", min_intrinsic_coercivity=1.0e6, temperature_C=Q(176, "degF"))
    plain = catalog.find(family="ndfeb_sintered", min_intrinsic_coercivity=1.0e6, temperature_C=80.0)
    assert [g.name for g in found] == [g.name for g in plain] and len(plain) > 0
    with pytest.raises(mm.DomainError, match="a temperature"):
        n42sh.properties(Q(1, "kA/m"))


def test_lengths_and_fields_read_a_quantity(n42sh):
    assert mm.Cylinder(length=Q(7, "mm"), diameter=Q(1, "cm")).length == pytest.approx(0.007)
    assert mm.Block(length=Q(5, "mm"), width=0.02, height=0.01).length == pytest.approx(0.005)
    assert mm.demagnetizing_factor_cylinder(length=Q(1, "cm"), diameter=Q(10, "mm")) == pytest.approx(
        mm.demagnetizing_factor_cylinder(length=0.01, diameter=0.01), rel=1e-12)
    assert mm.air_gap_flux_density(n42sh, magnet_thickness=Q(5, "mm"), air_gap=Q(1, "mm")) == pytest.approx(
        mm.air_gap_flux_density(n42sh, magnet_thickness=0.005, air_gap=0.001), rel=1e-12)
    assert n42sh.min_operating_temperature(pc=2.0, external_field=Q(0, "A/m")) == n42sh.min_operating_temperature(pc=2.0)
    with pytest.raises(mm.DomainError, match="a length"):
        mm.Cylinder(length=Q(7, "K"), diameter=0.01)
    with pytest.raises(TypeError, match="not a pint Quantity"):
        class Quantityish:
            units = "m"
            magnitude = 0.01

            def __float__(self):
                return 0.01
        mm.Cylinder(length=Quantityish(), diameter=0.01)
