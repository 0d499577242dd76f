"""Logging: every module logs to ``logging.getLogger("newsloom.<module>")``; the CLI sets the
level once, from ``--verbose``/``--quiet`` or ``NEWSLOOM_LOG`` (debug, info, warning, error).

Warnings (an extractor that failed on one article, a page over its budget) reach stderr by
default; ``--verbose`` adds what each stage did, ``-vv`` everything; ``--quiet`` only errors.
A library user configures logging as usual: newsloom adds no handler of its own unless the CLI
runs.
"""

from __future__ import annotations

import logging
import os

ENV = "NEWSLOOM_LOG"
LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


def level_for(verbose: int, quiet: bool, env: str | None = None) -> int:
    """The level the options ask for; the environment variable when neither is given."""
    if quiet:
        return logging.ERROR
    if verbose >= 2:
        return logging.DEBUG
    if verbose == 1:
        return logging.INFO
    named = (env if env is not None else os.environ.get(ENV, "")).strip().lower()
    return LEVELS.get(named, logging.WARNING)


def configure(level: int) -> None:
    """Send newsloom's log records at ``level`` and above to stderr (once per process)."""
    logger = logging.getLogger("newsloom")
    logger.setLevel(level)
    if not any(getattr(h, "_newsloom", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handler._newsloom = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False
