"""Pickling of the core's look-up records by the call that makes them (private)."""

from __future__ import annotations

from typing import Any

from . import _core


def _element_info_reduce(self: _core.ElementInfo) -> tuple[Any, ...]:
    return (_core.element, (self.symbol,))


def _supply_scenario_reduce(self: _core.SupplyScenario) -> tuple[Any, ...]:
    return (_core.supply_scenario, (self.name,))


def _price_table_reduce(self: _core.PriceTable) -> tuple[Any, ...]:
    return (_core.PriceTable, (self.name, self.currency, self.date, self.basis, self.prices, self.sources))


def install() -> None:
    """Element rows, shipped supply scenarios and price tables pickle as the call that rebuilds them."""
    # setattr: the stubs declare no __reduce__ of these classes' own (object's is replaced here).
    setattr(_core.ElementInfo, "__reduce__", _element_info_reduce)
    setattr(_core.SupplyScenario, "__reduce__", _supply_scenario_reduce)
    setattr(_core.PriceTable, "__reduce__", _price_table_reduce)
