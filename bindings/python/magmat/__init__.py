"""magmat: permanent-magnet material properties (minimal package for the units branch)."""
from ._core import (  # noqa: F401
    DataError,
    DomainError,
    InfeasibleError,
    MagmatError,
    ParseError,
    UnknownNameError,
    convert,
    si_unit,
)
from . import units  # noqa: F401
