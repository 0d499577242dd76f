"""Per-page budgets: a wall-clock limit around one page's work in read, clean and annotate.

The limit is an interval timer (``SIGALRM``) whose handler raises ``OverTime`` in the code that
is running. ``OverTime`` is a ``BaseException``, so a library's ``except Exception`` cannot
swallow it; each stage catches it at its page boundary and turns it into a NL-BUDGET-001
rejection, and the run goes on. Memory is bounded by size budgets checked before the costly
work (bytes, elements, attributes per tag, article length: see ``errors.Code.OVER_MEMORY``),
because one process cannot cap the memory of one page; an allocation that fails all the same
(``MemoryError``) is rejected with NL-BUDGET-002.

Signals reach only the main thread, and Python runs the handler between bytecodes: a limit is
not enforced off the main thread (the web server's upload worker) unless the thread asks for it
with ``thread_limits()`` — a Dask worker runs its tasks in a thread, and there a timer thread
raises ``OverTime`` in the task's thread (``PyThreadState_SetAsyncExc``, also between
bytecodes). Either way a single long C call (one lxml parse) finishes before the limit bites —
which is why the size budgets exist.
A timer already running (pytest-timeout's) is put back, less the time spent, on the way out.
"""

from __future__ import annotations

import ctypes
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


_THREAD = threading.local()


def _on_main_thread() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def limits_apply() -> bool:
    """Whether ``time_limit`` can interrupt here: the main thread (on a platform with
    SIGALRM), or a thread inside ``thread_limits()``."""
    return _on_main_thread() or bool(getattr(_THREAD, "limited", False))


@contextmanager
def thread_limits() -> Iterator[None]:
    """Let ``time_limit`` interrupt the current thread even when it is not the main one (a
    Dask worker's task thread). Without it a limit off the main thread is not enforced."""
    before = getattr(_THREAD, "limited", False)
    _THREAD.limited = True
    try:
        yield
    finally:
        _THREAD.limited = before


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``OverTime`` in the block after ``seconds`` (None or <= 0: no limit)."""
    if not seconds or seconds <= 0 or not limits_apply():
        yield
        return
    if not _on_main_thread():
        with _thread_limit(seconds):
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


def _expiry(seconds: float) -> type[OverTime]:
    """An ``OverTime`` that can be raised without arguments (as ``SetAsyncExc`` raises)."""

    def init(self: OverTime) -> None:
        OverTime.__init__(self, seconds)

    return type("OverTime", (OverTime,), {"__init__": init})


@contextmanager
def _thread_limit(seconds: float) -> Iterator[None]:
    """``time_limit`` off the main thread: a timer raises ``OverTime`` in this thread. The lock
    makes sure it can only fire while the block runs; one that fired but was not raised yet
    when the block ended is cancelled."""
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}
    expired = _expiry(seconds)

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                _async_raise(target, expired)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
        timer.cancel()
        if state["fired"]:
            _async_raise(target, None)  # clear it if it is still pending


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )
