"""Jupyter renderings (_repr_html_) of magnets, properties, catalogs and studies."""

import html.parser

import magmat as mm


class _Cells(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.tables = [], 0

    def handle_starttag(self, tag, attrs):
        self.tables += tag == "table"

    def handle_data(self, data):
        self.cells.append(data)


def parse(text):
    p = _Cells()
    p.feed(text)
    return p.tables, " ".join(p.cells)


def test_magnet_and_properties_show_si_and_industry_units():
    g = mm.Catalog.default()["N42SH"]
    for obj in (g, g.properties(150)):
        tables, text = parse(obj._repr_html_())
        assert tables == 1
        for unit in ("T", "kG", "kA/m", "kOe", "kJ/m³", "MGOe"):
            assert unit in text


def test_catalog_and_study_render_every_row():
    cat = mm.Catalog.default()
    _, text = parse(cat._repr_html_())
    assert all(name in text for name in cat.names()[:5])
    study = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), units_per_year=1)
    tables, text = parse(study._repr_html_())
    assert tables == 1 and "gbd_tb" in text and "ce_la_substituted" in text
