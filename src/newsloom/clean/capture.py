"""Clean a crawler's plain-text capture of a page: every body line in, the chrome out.

The capture has one visible line of the page per line. Each line gets a *kind* from its own
text (ad marker, rail heading, relative time, caption, byline, date stamp, prose, short line);
then rails of teasers are followed from their heading, the body is the stretch from the first to
the last prose line outside the chrome, and the header before it yields the metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from newsloom.clean import headline, vocab
from newsloom.clean.bodyends import end_of_article, is_comment_rules, mark_author_boxes
from newsloom.clean.chrome import line_key
from newsloom.clean.dates import has_clock, parse_clock_on, parse_date_line, parse_datetime
from newsloom.clean.linemodel import best_stretch, gains, probabilities, shape_spans
from newsloom.clean.meta import agency_name, find_dateline, parse_byline
from newsloom.model import Removed

#: A body line has at least this many words when it ends like a sentence...
PROSE_MIN_WORDS = 4
#: ...or at least this many words whatever its end.
PROSE_LONG_WORDS = 16
#: How far back (in non-blank lines) a repeated line counts as a duplicate teaser or caption.
DUPLICATE_WINDOW = 3
#: Inside the body stretch, a line that is not prose is dropped under this probability (SEB
#: captures, dev half, with the two-pass line model: 0.3 → F1 0.919, 0.4 → 0.920, 0.5 → 0.920
#: with fewer chrome lines kept, such as "Listen to this article · 3 min").
KEEP_THRESHOLD = 0.5
#: A list or table (``linemodel.shape_spans``: "3a rodada: 14 de abril – Porto Alegre", a tour's
#: dates, a standings table one cell a line) that the body stretch reaches is body as a whole,
#: its short lines kept whatever their own score, when its lines' mean body probability is at
#: least this (SEB captures, text F1 cross-validated by site, bench/seb_train.py folds: flat on
#: the dev half at 0.944 from 0.15 to 0.45; all pages 0.934 at 0.15-0.25, 0.933 at 0.3-0.45).
LIST_MIN_SCORE = 0.25
#: How many lines ahead a rail looks for a teaser's shape before it gives way to body text.
RAIL_LOOKAHEAD = 2
#: A byline ("By Jane Doe and John Roe, Staff Writers") has at most this many words before any
#: "|" (what follows a pipe is a date or a topic, "By Jane Doe | April 8, 2025 | Topic: ...").
BYLINE_MAX_WORDS = 12
#: A section label ("World News") has at most this many words.
SECTION_MAX_WORDS = 4
#: A header line that carries the page's date inside other text is at most this long (longer
#: lines are teasers and blurbs that mention other dates).
STAMP_MAX_CHARS = 120
#: A "Read also: <headline>" line has at most this many words after its label.
RELATED_MAX_WORDS = 40
#: A cookie or consent banner has at most this many words (a longer line that mentions cookies
#: is an article about them).
NOTICE_MAX_WORDS = 80
#: The section label stands at most this many lines above the headline (a date stamp may sit
#: between them).
SECTION_REACH = 2

_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", ":", "…")
#: How a sentence ends in the scripts of the SEB pages (a body has at least one such line).
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "”", '"', "»", "」")


class Kind(StrEnum):
    AD = "ad-marker"
    HEADING = "rail-heading"
    RELATED = "related-link"
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
    {Kind.AD, Kind.RELATED, Kind.RELTIME, Kind.SEPARATOR, Kind.URL, Kind.SIGN_OFF, Kind.CAPTION,
     Kind.DUPLICATE, Kind.TRUNCATED, Kind.HEADING, Kind.POSTED, Kind.STAMP, Kind.BYLINE,
     Kind.SITE}
)  # fmt: skip
#: Kinds that end a rail: the structure of an article's own header.
ENDS_RAIL = frozenset({Kind.BYLINE, Kind.POSTED, Kind.CAPTION})
#: Kinds that make up an article's own header, near which the headline stands.
HEADER_ANCHORS = frozenset({Kind.BYLINE, Kind.POSTED, Kind.STAMP, Kind.CAPTION})
#: Kinds an item of a list or table taken as body has (a date stamp or a byline in a list is
#: still furniture; a link printed under each item of a numbered list of deals is the item's,
#: SEB captures: text F1 not English, CV by site, 0.905 → 0.919 with URLs, English unchanged).
LIST_ITEM_KINDS = frozenset({Kind.SHORT, Kind.PROSE, Kind.DUPLICATE, Kind.URL})
#: Kinds that show a run of lines is a teaser rail rather than body.
RAIL_SIGNALS = frozenset({Kind.RELTIME, Kind.DUPLICATE, Kind.TRUNCATED})


@dataclass(slots=True)
class Line:
    text: str
    kind: Kind
    reason: str | None = None  # set when the line is removed
    score: float = 0.0  # probability of being body text (linemodel)
    spaced: bool = False  # a blank line (or the edge of the text) on both sides, like a <p>
    listed: bool = False  # an item of a list or table taken as body (``_take_lists``)


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
    title_at = headline.choose(lines, start, end)
    if title_at is not None:
        result.title = lines[title_at].text
        if not _after_body_prose(lines, title_at, start, end):
            lines[title_at].reason = "title"
            start = _title_out_of_body(lines, title_at, start, end)
    header = lines[:start] if start is not None else lines
    read_header(header, result, title_at)
    if start is not None and end is not None:
        read_body(lines[start : end + 1], result)
        mark_footer(lines[end + 1 :], result)
    result.removed = [Removed(text=ln.text, reason=ln.reason) for ln in lines if ln.reason]
    if result.dateline_prefix:
        result.removed.append(Removed(text=result.dateline_prefix, reason="dateline"))
    return result


# ------------------------------------------------------------------------------- line kinds


def classify(text: str, site_lines: frozenset[str] = frozenset()) -> list[Line]:
    """One ``Line`` per non-blank line of ``text``, with its kind, and whether blank lines stand
    around it (``spaced``: a paragraph in a browser's ``innerText``)."""
    lines: list[Line] = []
    opened = True  # a blank line, or the start of the text, since the last line
    line_opened = True
    for raw in text.split("\n"):
        stripped = re.sub(r"\s+", " ", raw).strip()
        if not stripped:
            if lines and not opened:
                lines[-1].spaced = line_opened
            opened = True
            continue
        kind = Kind.SITE if site_lines and line_key(stripped) in site_lines else line_kind(stripped)
        recent = [ln.text for ln in lines[-DUPLICATE_WINDOW:]]
        if stripped in recent or _extends_recent_caption(stripped, lines):
            kind = Kind.DUPLICATE
        elif kind is Kind.CAPTION and lines and stripped.startswith(lines[-1].text):
            lines[-1].kind = Kind.CAPTION  # the caption printed first without its credit suffix
            kind = Kind.DUPLICATE
        lines.append(Line(stripped, kind))
        line_opened, opened = opened, False
    if lines and not opened:
        lines[-1].spaced = line_opened
    return lines


def _extends_recent_caption(text: str, lines: list[Line]) -> bool:
    """A caption printed twice, once with a suffix such as "| License Photo"."""
    return any(
        ln.kind in (Kind.CAPTION, Kind.DUPLICATE) and text.startswith(ln.text)
        for ln in lines[-DUPLICATE_WINDOW:]
    )


def line_kind(text: str) -> Kind:  # noqa: C901 - a flat list of independent tests
    lower = text.lower().rstrip(":.… ")  # "Related links:", "Você pode gostar..."
    if lower in vocab.AD_MARKERS:
        return Kind.AD
    if lower in vocab.NAV_MARKERS or _is_notice(text) or is_comment_rules(text):
        return Kind.SITE
    if lower in vocab.RAIL_HEADINGS or vocab.RAIL_HEADING_RE.match(lower):
        return Kind.HEADING
    if _is_related(text):
        return Kind.RELATED
    if vocab.RELATIVE_TIME_RE.match(text):
        return Kind.RELTIME
    if vocab.SEPARATOR_RE.match(text):
        return Kind.SEPARATOR
    if vocab.URL_LINE_RE.match(text):
        return Kind.URL
    if vocab.POSTED_RE.match(text) and (parse_datetime(text) or has_clock(text)):
        return Kind.POSTED
    if len(text) <= STAMP_MAX_CHARS and parse_date_line(text):
        return Kind.STAMP
    if parse_byline(text) is not None and len(text.split("|")[0].split()) <= BYLINE_MAX_WORDS:
        return Kind.BYLINE
    if agency_name(text):
        return Kind.CREDIT
    if vocab.SIGN_OFF_RE.match(text) or _is_contact(text) or _is_closing(text):
        return Kind.SIGN_OFF
    if (
        vocab.CAPTION_RE.search(text)
        or vocab.CREDIT_TAIL_RE.search(text)
        or _is_credit(text.lower())
    ):
        return Kind.CAPTION
    if vocab.TRUNCATED_RE.search(text) and not text.endswith(("....", "……")):
        return Kind.TRUNCATED
    return Kind.PROSE if is_prose(text) else Kind.SHORT


def _is_related(text: str) -> bool:
    """A link to another story under a rail's label, on one line: "Read also: <headline>",
    "Lesen Sie auch: …", "À lire aussi : …", "Читайте также: …" (every such line in the SEB
    captures, 41, is outside the gold body)."""
    label, colon, rest = text.partition(":")
    if not colon or not rest.strip() or len(rest.split()) > RELATED_MAX_WORDS:
        return False
    return label.strip().lower() in vocab.RAIL_HEADINGS


def _is_contact(text: str) -> bool:
    if "@" not in text and "can be" not in text.lower():
        return False  # every form holds an address, or "can be reached"
    if len(text.split()) > vocab.CONTACT_MAX_WORDS:
        return False
    return bool(vocab.CONTACT_RE.search(text) or vocab.CONTACT_LANGS_RE.search(text))


def _is_closing(text: str) -> bool:
    """A call to follow or subscribe in another language, or a short copyright line."""
    words = len(text.split())
    if words <= vocab.CONTACT_MAX_WORDS and vocab.SIGN_OFF_LANGS_RE.match(text):
        return True
    lower = text.lower()
    if words > vocab.COPYRIGHT_MAX_WORDS or not any(k in lower for k in vocab.COPYRIGHT_KEYS):
        return False
    return bool(vocab.COPYRIGHT_RE.search(text))


def _is_notice(text: str) -> bool:
    """A cookie or consent banner (prose in form, furniture in fact)."""
    lower = text.lower()
    if not any(key in lower for key in vocab.COOKIE_NOTICE_KEYS):
        return False
    return len(text.split()) <= NOTICE_MAX_WORDS and bool(vocab.COOKIE_NOTICE_RE.search(text))


def _is_credit(lower: str) -> bool:
    """A photo credit in any language ("… . Foto: Jan Peters", "(Photo d'illustration)")."""
    return any(key in lower for key in vocab.CAPTION_CREDIT_KEYS) and bool(
        vocab.CAPTION_CREDIT_RE.search(lower)
    )


def is_prose(text: str) -> bool:
    words = text.split()
    if len(words) >= PROSE_LONG_WORDS:
        return True
    if len(words) < PROSE_MIN_WORDS or not text.endswith(_TERMINAL):
        return False
    lowercase_words = sum(1 for w in words[1:] if w[:1].islower())
    return lowercase_words >= 2


# ------------------------------------------------------------------------------------ rails

#: How a body's sentence ends, a closing quote after its full stop or not (a teaser's title
#: under its kicker has no full stop: ``_kicked``).
_STOPS = (".", ".'", ".’", '."', ".”")
#: A kicker over a teaser's title: a short line in capitals ("EYE POPPING", "‘GET WITH IT’").
KICKER_MIN_LETTERS = 4
KICKER_MAX_WORDS = 5


def mark_rails(lines: list[Line]) -> None:
    """Follow each rail heading over its teasers (titles, blurbs, times), marking them removed;
    mark the author box under the article (``bodyends.mark_author_boxes``)."""
    texts = [ln.text for ln in lines]
    lists = frozenset(
        span[0] for span in shape_spans(texts) if span and any(c.isdigit() for c in texts[span[0]])
    )
    i = 0
    while i < len(lines):
        if lines[i].kind is Kind.HEADING:
            i = _consume_rail(lines, i, lists)
        else:
            i += 1
    mark_author_boxes(lines)


def _consume_rail(lines: list[Line], start: int, lists: frozenset[int] = frozenset()) -> int:
    """Mark the rail opened at ``start``; return the index of the first line after it.
    ``lists`` are the first lines of lists and tables of numbers (``linemodel.shape_spans``,
    first line with a digit): a rail with no teaser's shape yet (a menu's label, "Videos",
    over its links) stops at one, a calendar or a table of results under a page's header being
    body, not teasers (three teasers' titles with a comma each are a list too, but no numbers)."""
    lines[start].reason = "rail-heading"
    previous = Kind.HEADING
    was_kicked = False
    signals = 0
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if (
            line.kind is Kind.HEADING
            or line.kind in ENDS_RAIL
            or _list_under_rail(i, start, signals, lists)
        ):
            break
        kicked = _kicked(lines, i)
        if line.kind in RAIL_SIGNALS or kicked:
            signals += 1
        elif line.kind is Kind.PROSE and previous is Kind.HEADING and not _signal_ahead(lines, i):
            break  # a sentence right after the heading, not a teaser's title: body again
        elif line.kind is Kind.PROSE and previous is not Kind.HEADING and not signals:
            if not (previous is Kind.SHORT and _signal_ahead(lines, i)):
                break  # a sentence with no teaser shape before or just after it: body again
        elif line.kind is Kind.PROSE and previous is Kind.PROSE and not _signal_ahead(lines, i):
            if not was_kicked:  # two sentences in a row: a teaser has one; body again
                lines[i - 1].reason = None
                i -= 1
            break
        line.reason = "teaser-rail"
        previous, was_kicked = line.kind, kicked
        i += 1
    _unmark_bare_rail(lines, start, i, signals)
    return i


def _kicked(lines: list[Line], i: int) -> bool:
    """A teaser's title under its kicker: a line with no full stop right after a short line in
    capitals ("RANDOM KICKER" over "Harbor star 'quits show after row'"), as tabloids' rails
    print them; a body's sentences end with one."""
    if i == 0 or lines[i].kind is not Kind.PROSE or lines[i].text.endswith(_STOPS):
        return False
    kicker = lines[i - 1]
    letters = [ch for ch in kicker.text if ch.isalpha()]
    return (
        kicker.kind is Kind.SHORT
        and len(letters) >= KICKER_MIN_LETTERS
        and all(ch.isupper() for ch in letters)
        and len(kicker.text.split()) <= KICKER_MAX_WORDS
    )


def _list_under_rail(i: int, start: int, signals: int, lists: frozenset[int]) -> bool:
    """Whether a list or table of numbers opens at ``i`` below a rail that has shown no teaser's
    shape is body under a menu's label. A list right under the heading is the rail's own ranked
    teasers ("Most read" over "1. …", "2. …"), not body."""
    return not signals and i > start + 1 and i in lists


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

    Each line's body probability (``linemodel``, two passes) minus ``REGION_THRESHOLD``,
    weighted by the line's length, is summed over every stretch; the best stretch is the body
    (Kadane's scan).
    """
    if not lines:
        return None, None
    for line, p in zip(lines, probabilities(lines), strict=True):
        line.score = p
    start, end = best_stretch(gains(lines, [ln.score for ln in lines]))
    if start is None or end is None or not _has_body_text(lines, start, end):
        start = end = _surest_prose(lines)
    if start is None or end is None:
        return None, None
    start = _after_header(lines, start, end)
    end = end_of_article(lines, start, end, KEEP_THRESHOLD)
    start, end = _take_lists(lines, start, end)
    while end + 1 < len(lines) and _short_sentence(lines[end + 1]):
        end += 1  # a closing paragraph too short to count on its own
    return start, end


def _take_lists(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """A list or table the body stretch reaches is taken whole: a calendar, a tour's dates or a
    standings table is a run of short lines that each score low on their own, so the stretch
    tends to stop in its middle and the keep threshold to drop its items. A run the model
    thinks unlikely as a whole (a menu of "Formula 1 news", "Formula 1 standings", ...) is
    left out."""
    spans = shape_spans([ln.text for ln in lines])
    for first, last in sorted({span for span in spans[start : end + 1] if span}):
        items = [ln for ln in lines[first : last + 1] if not ln.reason]
        if not items or sum(ln.score for ln in items) / len(items) < LIST_MIN_SCORE:
            continue
        for line in items:
            line.listed = True
        start, end = min(start, first), max(end, last)
    return start, end


def _has_body_text(lines: list[Line], start: int, end: int) -> bool:
    """The stretch holds a sentence (``_has_prose``) or is a list or table of numbers (a race
    calendar, standings: content with no sentence; ``clean.has_article_text`` keeps it too)."""
    if _has_prose(lines[start : end + 1]):
        return True
    texts = [ln.text for ln in lines]
    spans = shape_spans(texts)[start : end + 1]
    return any(span and any(c.isdigit() for c in texts[span[0]]) for span in spans)


def _has_prose(lines: list[Line]) -> bool:
    """A body has at least one line that ends like a sentence, in any script (a lone headline is
    not an article; a Chinese paragraph has no spaces to count words by, so is not ``PROSE``)."""
    return any(
        not ln.reason and (ln.kind is Kind.PROSE or ln.text.endswith(_SENTENCE_ENDS))
        for ln in lines
    )


def _after_header(lines: list[Line], start: int, end: int) -> int:
    """The body starts after the article's own header: a stretch that opens on the headline,
    byline and caption (a page whose header lines score high) starts after its last header
    line before the first prose line, so that the header yields the metadata."""
    for i in range(start, end + 1):
        if lines[i].kind is Kind.PROSE and not lines[i].reason:
            break
        if lines[i].kind in HEADER_ANCHORS:
            start = i + 1
    return start


def _surest_prose(lines: list[Line]) -> int | None:
    """No stretch has more evidence for than against (a page of one or two sentences amid its
    site's chrome): the prose line the model is surest of, rather than no body at all."""
    found = [(ln.score, i) for i, ln in enumerate(lines) if ln.kind is Kind.PROSE and not ln.reason]
    return max(found)[1] if found else None


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
        if line.listed and line.kind in LIST_ITEM_KINDS:
            result.paragraphs.append(line.text)  # a table's repeated cell ("0") is no duplicate
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


def _title_out_of_body(
    lines: list[Line], title_at: int, start: int | None, end: int | None
) -> int | None:
    """A headline the body stretch swallowed, with no body line before it, leaves it: the body
    starts after it (and after the byline or date stamp that follow it)."""
    if start is None or end is None or not start <= title_at <= end:
        return start
    return _after_header(lines, title_at + 1, end)


def _after_body_prose(lines: list[Line], title_at: int, start: int | None, end: int | None) -> bool:
    """Whether the headline stands inside the body stretch below a body paragraph. Such a line
    is also a paragraph of the article (a page without a headline of its own, whose likeliest
    line is a sentence of the text), so it stays in the body: taking it out loses a paragraph
    and whatever dates, names and quotes it holds."""
    if start is None or end is None or not start <= title_at <= end:
        return False
    return any(ln.kind is Kind.PROSE and not ln.reason for ln in lines[start:title_at])


def read_header(lines: list[Line], result: CaptureResult, title_at: int | None = None) -> None:
    """Metadata from the lines before the body; every header line is removed from the text.
    ``title_at`` is the headline's index (``headline.choose``), already taken."""
    section_at = (
        _section_index(lines, title_at) if title_at is not None and title_at < len(lines) else None
    )
    for i, line in enumerate(lines):
        if line.reason:
            continue
        if i == section_at:
            result.section, line.reason = line.text, "section-label"
        else:
            _read_header_line(line, result)
    if result.published is None:
        result.published = _first_date(lines)


def _first_date(lines: list[Line]) -> str | None:
    """No date line in the header: the first date printed inside a short header line
    ("By Jane Doe | November 18, 2019 -- 19:14 GMT | Topic: ...")."""
    for line in lines:
        if len(line.text) <= STAMP_MAX_CHARS and (value := parse_datetime(line.text)):
            return value
    return None


def _section_index(lines: list[Line], title_at: int | None) -> int | None:
    """The section label: a short capitalised line just above the headline."""
    if title_at is None:
        return None
    for i in range(title_at - 1, max(-1, title_at - 1 - SECTION_REACH), -1):
        line = lines[i]
        if line.kind is Kind.SHORT and not line.reason and _is_section(line.text):
            return i
    return None


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
    line.reason = _HEADER_REASONS.get(kind, kind.value)


_HEADER_REASONS = {
    Kind.POSTED: "date-line",
    Kind.STAMP: "date-line",
    Kind.DUPLICATE: "duplicate-line",
    Kind.SHORT: "header",
    Kind.PROSE: "header",
}


def _take_posted(text: str, result: CaptureResult) -> None:
    """ "Published March 4, 2025 at 7:18 p.m. | Updated 8:05 p.m.": each part to its field; a
    clock time alone is on the day already known."""
    marks = list(vocab.POSTED_KEY_RE.finditer(text))
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        segment = text[mark.start() : after.start() if after else len(text)]
        value = parse_datetime(segment)
        known = result.published or result.updated
        if value is None and known:
            value = parse_clock_on(segment, date.fromisoformat(known[:10]))
        if value is None:
            continue
        if vocab.UPDATED_KEY_RE.match(mark[0]):
            result.updated = result.updated or value
        else:
            result.published = result.published or value


def _is_section(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= SECTION_MAX_WORDS and all(w[:1].isupper() or w == "&" for w in words)
