"""magmat: properties and rare-earth footprint of permanent-magnet materials (minimal facade)."""

from ._core import (
    ATOMIC_WEIGHTS_VERSION,
    Composition,
    DataError,
    DomainError,
    Element,
    InfeasibleError,
    MagmatError,
    ParseError,
    UnknownNameError,
    element,
    elements,
)
