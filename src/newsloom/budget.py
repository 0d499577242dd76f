"""Per-page budgets: a wall-clock limit around one page's work in read, clean and annotate.

The limit is an interval timer (``SIGALRM``) whose handler raises ``OverTime`` in the code that
is running. ``OverTime`` is a ``BaseException``, so a library's ``except Exception`` cannot
swallow it; each stage catches it at its page boundary and turns it into a NL-BUDGET-001
rejection, and the run goes on. Memory is bounded by size budgets checked before the costly
work (bytes, elements, attributes per tag, article length: see ``errors.Code.OVER_MEMORY``),
because one process cannot cap the memory of one page; an allocation that fails all the same
(``MemoryError``) is rejected with NL-BUDGET-002.

Signals reach only the main thread, and Python runs the handler between bytecodes: a limit is
not enforced off the main thread (the web server's upload worker), and a single long C call
(one lxml parse) finishes before the handler runs — which is why the size budgets exist.
A timer already running (pytest-timeout's) is put back, less the time spent, on the way out.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(ValueError):
    """One page is over a size budget that bounds its time and memory (NL-BUDGET-002)."""


class OverTime(BaseException):
    """One page's work went past its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the {seconds:g}-second per-page time limit")
        self.seconds = seconds


def limits_apply() -> bool:
    """Whether ``time_limit`` can interrupt here (main thread, a platform with SIGALRM)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``OverTime`` in the block after ``seconds`` (None or <= 0: no limit)."""
    if not seconds or seconds <= 0 or not limits_apply():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise OverTime(seconds)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer > 0:  # an outer timer was running: re-arm it with what it had left
            left = max(outer - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)
