"""The progress bar of ``magmat.evaluate(..., progress=True)``.

The C++ engine evaluates the rows chunk by chunk and calls :meth:`SweepProgress.update` after
each (with the GIL held only for that call). The bar is tqdm's, and it appears only for a sweep
that is predicted, from the chunks done so far, or seen to take over a second: short sweeps stay
silent. tqdm is optional; without it :func:`sweep_progress` warns once per call (a
``RuntimeWarning`` naming the missing package) and the sweep runs without a bar, with the same
results.
"""

from __future__ import annotations

import importlib
import time
import warnings
from typing import Any

#: A sweep predicted or seen to take longer than this (seconds) shows a bar.
SHOW_AFTER_SECONDS = 1.0


class SweepProgress:
    """Progress of one sweep of ``total`` rows; ``bar_factory`` makes the bar (tqdm's class)."""

    def __init__(self, total: int, bar_factory: Any, clock: Any = time.perf_counter) -> None:
        self.total = total
        self._bar_factory = bar_factory
        self._clock = clock
        self._start = clock()
        self._done = 0
        self.bar: Any = None

    def update(self, done: int, total: int | None = None) -> None:
        """Rows done so far (called by the engine after each chunk)."""
        if self.bar is None and done > 0:
            elapsed = self._clock() - self._start
            predicted = elapsed * self.total / done
            if elapsed > SHOW_AFTER_SECONDS or predicted > SHOW_AFTER_SECONDS:
                self.bar = self._bar_factory(
                    total=self.total, initial=self._done, unit=" candidates", unit_scale=True, desc="magmat.evaluate"
                )
        if self.bar is not None:
            self.bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def sweep_progress(total: int) -> SweepProgress | None:
    """A SweepProgress over tqdm, or None (after a RuntimeWarning) when tqdm is not installed."""
    try:
        # Any: tqdm is optional and ships no type information of its own (types-tqdm does).
        tqdm: Any = importlib.import_module("tqdm.auto").tqdm
    except ImportError:
        warnings.warn(
            "magmat.evaluate(progress=True) shows its bar with tqdm, which is not installed "
            "(pip install tqdm); evaluating without a progress bar",
            RuntimeWarning,
            stacklevel=2,  # the caller of magmat.evaluate (the C++ binding has no frame)
        )
        return None
    return SweepProgress(total, tqdm)
