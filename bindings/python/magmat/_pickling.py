"""Pickling of the core's look-up records by the call that makes them (private)."""

from __future__ import annotations

from . import _core


def install() -> None:
    """Element rows, shipped supply scenarios and price tables pickle as the call that rebuilds them."""
    _core.ElementInfo.__reduce__ = lambda self: (_core.element, (self.symbol,))
    _core.SupplyScenario.__reduce__ = lambda self: (_core.supply_scenario, (self.name,))
    _core.PriceTable.__reduce__ = lambda self: (
        _core.PriceTable, (self.name, self.currency, self.date, self.basis, self.prices, self.sources))
