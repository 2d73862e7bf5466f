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
