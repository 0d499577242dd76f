"""Quote-mark spans in plain text: which characters are inside quotation marks.

Pure string work, no spaCy: a paragraph at a time (paragraphs are separated by blank lines),
double marks first (straight ``"`` or curly ``“ ”``), then single marks (``‘ ’`` or ``'``)
outside any double-quoted span. A straight mark opens when it follows a space, an opening
bracket, a dash or the paragraph start, and closes otherwise. A paragraph whose quote is still
open at its end gives a span to the paragraph end (``open_end``); the next paragraph's span
that starts with an opening mark continues it (``continues``), the newspaper convention for a
quote over several paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsloom.annotate.quote_vocab import (
    DOUBLE_OPEN,
    OPENERS_BEFORE,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    SINGLE_STRAIGHT,
)

_PARA_RE = re.compile(r"\n[ \t\r]*\n\s*")
_DOUBLE_RE = re.compile(r"[\"“”„]")
_SINGLE_RE = re.compile(r"['‘’]")


@dataclass(slots=True)
class MarkSpan:
    """Text between two quote marks. ``start``/``end`` exclude the marks and outer spaces;
    ``open_at``/``close_at`` are the marks' offsets (``close_at`` is the paragraph end when the
    quote runs on)."""

    start: int
    end: int
    open_at: int
    close_at: int
    para_start: int
    para_end: int
    single: bool = False
    open_end: bool = False
    continues: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, blank lines between them excluded."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARA_RE.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if b > a]


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Every quoted span of ``text`` in text order (double-quoted, then single-quoted ones)."""
    spans: list[MarkSpan] = []
    previous_open = False
    for pstart, pend in paragraphs(text):
        found = _double_spans(text, pstart, pend)
        if found and previous_open and found[0].open_at == pstart:
            found[0].continues = True
        previous_open = bool(found) and found[-1].open_end
        spans.extend(found)
        spans.extend(_single_spans(text, pstart, pend, found))
    spans.sort(key=lambda s: s.open_at)
    return [s for s in spans if s.end > s.start]


def _is_opening(text: str, i: int, pstart: int) -> bool:
    """A straight mark (or a misused closing curly mark) opens when it starts a word."""
    before_ok = i == pstart or text[i - 1] in OPENERS_BEFORE
    after_ok = i + 1 < len(text) and not text[i + 1].isspace()
    return before_ok and after_ok


def _ends_word(text: str, i: int, pend: int) -> bool:
    """The mark at ``i`` follows a word and is followed by a space, punctuation or the end."""
    after = text[i + 1] if i + 1 < pend else " "
    return not text[i - 1].isspace() and not after.isalnum()


def _double_spans(text: str, pstart: int, pend: int) -> list[MarkSpan]:
    spans: list[MarkSpan] = []
    open_at: int | None = None
    for match in _DOUBLE_RE.finditer(text, pstart, pend):
        i = match.start()
        # outside a quote, curly opening marks open, and straight and closing curly ones at a
        # word start (some sites use one curly mark for both ends); inside one, a curly
        # opening mark opens anew unless it ends a word (then it closes: the same mix-up)
        if open_at is None:
            opening = text[i] in DOUBLE_OPEN or _is_opening(text, i, pstart)
        else:  # ``lose Iowa,“ said Clyburn``: an opening mark ending a word closes
            opening = text[i] in DOUBLE_OPEN and not _ends_word(text, i, pend)
        if opening:
            if open_at is not None:  # two opening marks: the first quote never closed
                spans.append(_span(text, open_at, i, pstart, pend))
            open_at = i
        elif open_at is not None:
            spans.append(_span(text, open_at, i, pstart, pend))
            open_at = None
    if open_at is not None:
        span = _span(text, open_at, pend, pstart, pend)
        span.open_end = True
        spans.append(span)
    return spans


def _single_spans(text: str, pstart: int, pend: int, doubles: list[MarkSpan]) -> list[MarkSpan]:
    """Single-quoted spans outside double quotes: an opening mark at a word start, paired with
    the next closing mark that ends a word."""
    spans: list[MarkSpan] = []
    open_at: int | None = None
    for match in _SINGLE_RE.finditer(text, pstart, pend):
        i = match.start()
        if any(d.open_at <= i <= d.close_at for d in doubles):
            continue
        if open_at is None:
            if text[i] in SINGLE_OPEN or text[i] == SINGLE_STRAIGHT:
                open_at = i if _is_opening(text, i, pstart) else None
            continue
        if _is_single_close(text, i, pend):
            span = _span(text, open_at, i, pstart, pend)
            span.single = True
            spans.append(span)
            open_at = None
    return spans


def _is_single_close(text: str, i: int, pend: int) -> bool:
    if text[i] not in SINGLE_CLOSE and text[i] != SINGLE_STRAIGHT:
        return False
    after = text[i + 1] if i + 1 < pend else " "
    return not after.isalnum() and not text[i - 1].isspace()


def _span(text: str, open_at: int, close_at: int, pstart: int, pend: int) -> MarkSpan:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return MarkSpan(start, end, open_at, close_at, pstart, pend)
