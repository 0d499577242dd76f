"""Components: the extractors inside a stage, each declaring what it needs and what it sets.

spaCy's habit (``Language.factory``: ``requires``/``assigns``, and one loop that runs them): a
stage lists its components in order; :func:`run_components` runs them over one shared dict of
values. A component that raises leaves the fields it assigns empty, is logged with its traceback
and named in the returned flags (``failed:figures``); the components after it run on what there
is (an empty list of mentions is still a list). The item being processed is kept: one bad
extractor never costs an article its other fields, nor a story its dossier.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("newsloom.components")

Values = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Component:
    """One extractor: reads ``requires`` from the values, returns ``assigns``."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Values], Mapping[str, Any]]


def check_order(components: Sequence[Component], given: Sequence[str]) -> None:
    """ValueError unless every requirement is given or assigned by an earlier component."""
    known = set(given)
    for component in components:
        missing = [r for r in component.requires if r not in known]
        if missing:
            raise ValueError(f"component {component.name!r} needs {missing} before it runs")
        known.update(component.assigns)


def run_components(
    components: Sequence[Component],
    values: Values,
    empty: Mapping[str, Callable[[], Any]],
    what: str,
) -> list[str]:
    """Run ``components`` in order over ``values`` (updated in place); return the flags of the
    components that failed or were skipped. ``empty`` makes the value a failed field gets;
    ``what`` names the item in the log ("article a/index")."""
    flags: list[str] = []
    for component in components:
        try:
            out = component.run(values)
            unexpected = set(out) ^ set(component.assigns)
            if unexpected:
                raise ValueError(f"set {sorted(out)}, declared {list(component.assigns)}")
            values.update(out)
        except Exception:
            log.exception("%s failed on %s; its fields are left empty", component.name, what)
            flags.append(f"failed:{component.name}")
            for name in component.assigns:
                values[name] = empty[name]() if name in empty else None
    return flags
