"""Clean a crawler's plain-text capture of a page: every body line in, the chrome out.

The capture has one visible line of the page per line. Each line gets a *kind* from its own
text (ad marker, rail heading, relative time, caption, byline, date stamp, prose, short line);
then rails of teasers are followed from their heading, the body is the stretch from the first to
the last prose line outside the chrome, and the header before it yields the metadata.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from newsloom.clean import vocab
from newsloom.clean.chrome import line_key
from newsloom.clean.dates import parse_date_line, parse_datetime
from newsloom.clean.linemodel import probabilities
from newsloom.clean.meta import agency_name, find_dateline, parse_byline
from newsloom.model import Removed

#: A body line has at least this many words when it ends like a sentence...
PROSE_MIN_WORDS = 4
#: ...or at least this many words whatever its end.
PROSE_LONG_WORDS = 16
#: How far back (in non-blank lines) a repeated line counts as a duplicate teaser or caption.
DUPLICATE_WINDOW = 3
#: A line adds to the body's evidence when its body probability is above this, else subtracts.
REGION_THRESHOLD = 0.35
#: Inside the body stretch, a line that is not prose is dropped under this probability.
KEEP_THRESHOLD = 0.3
#: How many lines ahead a rail looks for a teaser's shape before it gives way to body text.
RAIL_LOOKAHEAD = 2
#: A headline has between these many words.
TITLE_WORDS = (3, 40)
#: A section label ("World News") has at most this many words.
SECTION_MAX_WORDS = 4

_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", ":", "…")


class Kind(StrEnum):
    AD = "ad-marker"
    HEADING = "rail-heading"
    RELTIME = "relative-time"
    SEPARATOR = "separator"
    URL = "url"
    SIGN_OFF = "sign-off"
    POSTED = "posted"
    STAMP = "date-stamp"
    BYLINE = "byline"
    CAPTION = "caption"
    CREDIT = "agency-credit"
    DUPLICATE = "duplicate"
    TRUNCATED = "truncated-teaser"
    SITE = "site-chrome"
    PROSE = "prose"
    SHORT = "short"


#: Kinds that are page furniture wherever they stand.
ALWAYS_CHROME = frozenset(
    {Kind.AD, Kind.RELTIME, Kind.SEPARATOR, Kind.URL, Kind.SIGN_OFF, Kind.CAPTION,
     Kind.DUPLICATE, Kind.TRUNCATED, Kind.HEADING, Kind.POSTED, Kind.STAMP, Kind.BYLINE,
     Kind.SITE}
)  # fmt: skip
#: Kinds that say nothing about where the body is: an ad slot or a lone "Related" label sits
#: inside an article as often as outside it.
TRANSPARENT = frozenset({Kind.AD, Kind.HEADING})
#: Kinds that end a rail: the structure of an article's own header.
ENDS_RAIL = frozenset({Kind.BYLINE, Kind.POSTED, Kind.CAPTION})
#: Kinds that show a run of lines is a teaser rail rather than body.
RAIL_SIGNALS = frozenset({Kind.RELTIME, Kind.DUPLICATE, Kind.TRUNCATED})


@dataclass(slots=True)
class Line:
    text: str
    kind: Kind
    reason: str | None = None  # set when the line is removed
    score: float = 0.0  # probability of being body text (linemodel)


@dataclass(slots=True)
class CaptureResult:
    title: str | None = None
    section: str | None = None
    byline: list[str] = field(default_factory=list)
    agency: str | None = None
    dateline: str | None = None
    published: str | None = None
    updated: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    dateline_prefix: str | None = None


def clean_capture(text: str, site_lines: frozenset[str] = frozenset()) -> CaptureResult:
    """Split a text capture into metadata, body paragraphs, captions and removed chrome.

    ``site_lines`` are the ``chrome.line_key`` of lines learned as chrome for the page's site.
    """
    lines = classify(text, site_lines)
    mark_rails(lines)
    start, end = body_bounds(lines)
    result = CaptureResult()
    header = lines[:start] if start is not None else lines
    read_header(header, result)
    if start is not None and end is not None:
        read_body(lines[start : end + 1], result)
        mark_footer(lines[end + 1 :], result)
    result.removed = [Removed(text=ln.text, reason=ln.reason) for ln in lines if ln.reason]
    if result.dateline_prefix:
        result.removed.append(Removed(text=result.dateline_prefix, reason="dateline"))
    return result


# ------------------------------------------------------------------------------- line kinds


def classify(text: str, site_lines: frozenset[str] = frozenset()) -> list[Line]:
    """One ``Line`` per non-blank line of ``text``, with its kind."""
    lines: list[Line] = []
    for raw in text.split("\n"):
        stripped = re.sub(r"\s+", " ", raw).strip()
        if not stripped:
            continue
        kind = Kind.SITE if site_lines and line_key(stripped) in site_lines else line_kind(stripped)
        recent = [ln.text for ln in lines[-DUPLICATE_WINDOW:]]
        if stripped in recent or _extends_recent_caption(stripped, lines):
            kind = Kind.DUPLICATE
        lines.append(Line(stripped, kind))
    return lines


def _extends_recent_caption(text: str, lines: list[Line]) -> bool:
    """A caption printed twice, once with a suffix such as "| License Photo"."""
    return any(
        ln.kind in (Kind.CAPTION, Kind.DUPLICATE) and text.startswith(ln.text)
        for ln in lines[-DUPLICATE_WINDOW:]
    )


def line_kind(text: str) -> Kind:  # noqa: C901 - a flat list of independent tests
    lower = text.lower().rstrip(":")
    if lower in vocab.AD_MARKERS:
        return Kind.AD
    if lower in vocab.RAIL_HEADINGS or vocab.RAIL_HEADING_RE.match(lower):
        return Kind.HEADING
    if vocab.RELATIVE_TIME_RE.match(text):
        return Kind.RELTIME
    if vocab.SEPARATOR_RE.match(text):
        return Kind.SEPARATOR
    if vocab.URL_LINE_RE.match(text):
        return Kind.URL
    if vocab.POSTED_RE.match(text) and parse_datetime(text):
        return Kind.POSTED
    if parse_date_line(text):
        return Kind.STAMP
    if parse_byline(text) is not None and len(text.split()) <= 12:
        return Kind.BYLINE
    if agency_name(text):
        return Kind.CREDIT
    if vocab.SIGN_OFF_RE.match(text):
        return Kind.SIGN_OFF
    if vocab.CAPTION_RE.search(text) or vocab.CREDIT_TAIL_RE.search(text):
        return Kind.CAPTION
    if vocab.TRUNCATED_RE.search(text) and not text.endswith(("....", "……")):
        return Kind.TRUNCATED
    return Kind.PROSE if is_prose(text) else Kind.SHORT


def is_prose(text: str) -> bool:
    words = text.split()
    if len(words) >= PROSE_LONG_WORDS:
        return True
    if len(words) < PROSE_MIN_WORDS or not text.endswith(_TERMINAL):
        return False
    lowercase_words = sum(1 for w in words[1:] if w[:1].islower())
    return lowercase_words >= 2


# ------------------------------------------------------------------------------------ rails


def mark_rails(lines: list[Line]) -> None:
    """Follow each rail heading over its teasers (titles, blurbs, times), marking them removed."""
    i = 0
    while i < len(lines):
        if lines[i].kind is Kind.HEADING:
            i = _consume_rail(lines, i)
        else:
            i += 1


def _consume_rail(lines: list[Line], start: int) -> int:
    """Mark the rail opened at ``start``; return the index of the first line after it."""
    lines[start].reason = "rail-heading"
    previous = Kind.HEADING
    signals = 0
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.kind is Kind.HEADING or line.kind in ENDS_RAIL:
            break
        if line.kind in RAIL_SIGNALS:
            signals += 1
        elif line.kind is Kind.PROSE and not (previous is not Kind.HEADING and signals):
            break  # a sentence right after the heading, or with no teaser shape: body again
        elif line.kind is Kind.PROSE and previous is Kind.PROSE and not _signal_ahead(lines, i):
            lines[i - 1].reason = None  # two sentences in a row: a teaser has one; body again
            i -= 1
            break
        line.reason = "teaser-rail"
        previous = line.kind
        i += 1
    _unmark_bare_rail(lines, start, i, signals)
    return i


def _signal_ahead(lines: list[Line], i: int) -> bool:
    """A teaser's shape (time, repeated title) within the next lines keeps the rail going."""
    return any(ln.kind in RAIL_SIGNALS for ln in lines[i + 1 : i + 1 + RAIL_LOOKAHEAD])


def _unmark_bare_rail(lines: list[Line], start: int, stop: int, signals: int) -> None:
    """A heading followed by short lines but no teaser shape is a label, not a rail."""
    if signals or stop - start <= 1:
        return
    if stop < len(lines) and lines[stop].kind is Kind.PROSE:
        for line in lines[start + 1 : stop]:
            if line.kind is Kind.SHORT:
                line.reason = "rail-title"


# ------------------------------------------------------------------------------------- body


def body_bounds(lines: list[Line]) -> tuple[int | None, int | None]:
    """Indexes of the first and last body line: the stretch with the most body evidence.

    Each line's body probability (``linemodel``) minus ``REGION_THRESHOLD``, weighted by the
    line's length, is summed over every stretch; the best stretch is the body (Kadane's scan).
    """
    if not lines:
        return None, None
    for line, p in zip(lines, probabilities(lines), strict=True):
        line.score = p
    gains = [_gain(ln) for ln in lines]
    start, end = _best_stretch(gains)
    if start is None or end is None:
        return None, None
    while end + 1 < len(lines) and _short_sentence(lines[end + 1]):
        end += 1  # a closing paragraph too short to count on its own
    return start, end


def _gain(line: Line) -> float:
    """A line's evidence for the body; ad markers and lone headings inside a body are neutral."""
    if line.kind in TRANSPARENT:
        return 0.0
    return (line.score - REGION_THRESHOLD) * math.log1p(len(line.text))


def _best_stretch(gains: list[float]) -> tuple[int | None, int | None]:
    best = 0.0
    best_span: tuple[int | None, int | None] = (None, None)
    total, start = 0.0, 0
    for i, gain in enumerate(gains):
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _short_sentence(line: Line) -> bool:
    text = line.text
    return (
        line.kind is Kind.SHORT
        and not line.reason
        and text[:1].isupper()
        and text.endswith((".", "!", "?", "”", '"'))
    )


def read_body(lines: Iterable[Line], result: CaptureResult) -> None:
    for line in lines:
        if line.reason:
            continue
        if line.kind is not Kind.PROSE and line.score < KEEP_THRESHOLD:
            line.reason = "unlikely-body"
            continue
        if line.kind is Kind.CAPTION or line.kind is Kind.DUPLICATE:
            line.reason = "caption" if line.kind is Kind.CAPTION else "duplicate-line"
            if line.kind is Kind.CAPTION:
                result.captions.append(line.text)
            continue
        if line.kind in ALWAYS_CHROME or line.kind is Kind.CREDIT:
            line.reason = line.kind.value
            continue
        result.paragraphs.append(line.text)
    _take_dateline(result)


def _take_dateline(result: CaptureResult) -> None:
    if not result.paragraphs:
        return
    found = find_dateline(result.paragraphs[0])
    if not found:
        return
    result.dateline = found.place
    result.agency = result.agency or found.agency
    result.paragraphs[0] = result.paragraphs[0][found.end :].lstrip()
    result.dateline_prefix = found.text


def mark_footer(lines: Iterable[Line], result: CaptureResult) -> None:
    for line in lines:
        if line.kind is Kind.CREDIT and not line.reason:
            result.agency = result.agency or agency_name(line.text)
        if not line.reason:
            line.reason = "footer" if line.kind in (Kind.PROSE, Kind.SHORT) else line.kind.value


# ----------------------------------------------------------------------------------- header


def read_header(lines: list[Line], result: CaptureResult) -> None:
    """Metadata from the lines before the body; every header line is removed from the text."""
    for line in lines:
        if line.reason:
            continue
        _read_header_line(line, result)
    if result.title is None:
        _take_title(lines, result)


def _read_header_line(line: Line, result: CaptureResult) -> None:
    kind = line.kind
    if kind is Kind.POSTED:
        _take_posted(line.text, result)
    elif kind is Kind.STAMP and result.published is None:
        result.published = parse_date_line(line.text)
    elif kind is Kind.BYLINE:
        parsed = parse_byline(line.text)
        if parsed:
            result.byline = result.byline or parsed[0]
            result.agency = result.agency or parsed[1]
    elif kind is Kind.CAPTION:
        result.captions.append(line.text)
    elif kind is Kind.CREDIT:
        result.agency = result.agency or agency_name(line.text)
    elif kind in (Kind.SHORT, Kind.PROSE) and result.title is None and _is_title(line.text):
        result.title = line.text
        line.reason = "title"
        return
    elif kind is Kind.SHORT and result.section is None and _is_section(line.text):
        result.section = line.text
        line.reason = "section-label"
        return
    line.reason = _HEADER_REASONS.get(kind, kind.value)


_HEADER_REASONS = {
    Kind.POSTED: "date-line",
    Kind.STAMP: "date-line",
    Kind.DUPLICATE: "duplicate-line",
    Kind.SHORT: "header",
    Kind.PROSE: "header",
}


def _take_posted(text: str, result: CaptureResult) -> None:
    match = vocab.POSTED_RE.match(text)
    value = parse_datetime(text)
    if not match or not value:
        return
    if "updat" in match["kind"].lower() or "modif" in match["kind"].lower():
        result.updated = result.updated or value
    else:
        result.published = result.published or value


def _is_title(text: str) -> bool:
    words = text.split()
    return TITLE_WORDS[0] <= len(words) <= TITLE_WORDS[1] and not text.endswith((".", ":"))


def _is_section(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= SECTION_MAX_WORDS and all(w[:1].isupper() or w == "&" for w in words)


def _take_title(lines: list[Line], result: CaptureResult) -> None:
    """No headline-shaped header line: fall back on the page's first non-chrome line."""
    for line in lines:
        if line.kind in (Kind.SHORT, Kind.PROSE):
            result.title = line.text
            return
