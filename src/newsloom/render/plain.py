"""Untrusted page text made safe for a terminal (no model imports: the CLI's listings use it)."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str | None) -> Text:
    """Untrusted text as an inert ``Text``: control characters (terminal escapes) removed."""
    return Text(_CONTROL_RE.sub("", text or ""))
