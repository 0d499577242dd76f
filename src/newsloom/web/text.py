"""Text helpers for pages: highlighted article bodies, quote differences, snippets, links.

Everything here returns plain strings split into typed parts; the templates escape every part
(Jinja autoescape). Nothing here builds HTML, so page text can never become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from urllib.parse import quote, urlsplit

from newsloom.model import Article
from newsloom.render.dates import human_time
from newsloom.store import HIT_END, HIT_START

_PARAGRAPH = re.compile(r"(?:(?!\n[ \t]*\n).)+", re.S)
_WORD = re.compile(r"\S+")
_NORM = re.compile(r"[^\w]+")

#: Highlight kinds, in the order they are listed in the legend. ``said`` is reported speech (a
#: paraphrase: the speaker's point in the writer's words), kept apart from a direct ``quote`` so
#: no page shows a paraphrase as if it were the speaker's own words.
KINDS = ("quote", "said", "figure", "time", "entity")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of body text and the highlight kinds over it (``quote``, ``entity`` …)."""

    text: str
    kinds: tuple[str, ...] = ()
    note: str = ""

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    kind: str
    note: str


def _marks(article: Article) -> list[_Mark]:
    n = len(article.body)
    marks = [
        _Mark(
            q.start,
            q.end,
            "quote" if q.direct else "said",
            _quote_note(q.speaker, q.channel, q.direct),
        )
        for q in article.quotes
    ]
    marks += [
        _Mark(f.start, f.end, "figure", _figure_note(f.counts, f.attributed_to))
        for f in article.figures
    ]
    marks += [
        _Mark(t.start, t.end, "time", human_time(t) if t.value else "unresolved")
        for t in article.times
    ]
    marks += [_Mark(m.start, m.end, "entity", m.label) for m in article.entities]
    return [m for m in marks if 0 <= m.start < m.end <= n]


def _quote_note(speaker: str | None, channel: str | None, direct: bool = True) -> str:
    kind = "quote" if direct else "reported speech, not a quote"
    note = f"{kind}: {speaker or 'unknown speaker'}"
    return note + (f", in {channel}" if channel else "")


def _figure_note(counts: str | None, attributed_to: str | None) -> str:
    note = f"figure: {counts or 'uncounted'}"
    return note + (f", per {attributed_to}" if attributed_to else "")


def highlight(article: Article) -> list[list[Segment]]:
    """The body as paragraphs of segments, each with the annotation kinds covering it."""
    marks = _marks(article)
    paragraphs = []
    for match in _PARAGRAPH.finditer(article.body):
        text = match.group()
        if text.strip():
            start = match.start() + len(text) - len(text.lstrip())
            end = match.end() - len(text) + len(text.rstrip())
            paragraphs.append(_segments(article.body, start, end, marks))
    return paragraphs


def _segments(body: str, start: int, end: int, marks: list[_Mark]) -> list[Segment]:
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end} | {p for m in inside for p in (m.start, m.end) if start < p < end})
    out = []
    for a, b in pairwise(cuts):
        over = [m for m in inside if m.start <= a and m.end >= b]
        kinds = tuple(k for k in KINDS if any(m.kind == k for m in over))
        out.append(Segment(body[a:b], kinds, "; ".join(m.note for m in over)))
    return out


# ------------------------------------------------------------------------------ quotes


@dataclass(frozen=True, slots=True)
class DiffPart:
    """A word run of a quote variant: ``same`` as the reference, ``changed``, or a ``cut``."""

    text: str
    kind: str  # "same" | "changed" | "cut"


def _norm(word: str) -> str:
    return _NORM.sub("", word.lower())


def diff_words(reference: str, variant: str) -> list[DiffPart]:
    """Mark where ``variant`` differs from ``reference``: changed words, and cut passages."""
    ref, var = _WORD.findall(reference), _WORD.findall(variant)
    matcher = SequenceMatcher(None, [_norm(w) for w in ref], [_norm(w) for w in var], False)
    parts: list[DiffPart] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart(" ".join(var[j1:j2]), "same"))
        elif op == "delete":
            parts.append(DiffPart(" ".join(ref[i1:i2]), "cut"))
        else:
            parts.append(DiffPart(" ".join(var[j1:j2]), "changed"))
    return parts


# ---------------------------------------------------------------------------- snippets


@dataclass(frozen=True, slots=True)
class SnippetPart:
    text: str
    hit: bool


def snippet_parts(snippet: str) -> list[SnippetPart]:
    """Split a search snippet on the store's hit markers (control characters, never HTML)."""
    parts: list[SnippetPart] = []
    for i, chunk in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet)):
        if chunk:
            parts.append(SnippetPart(chunk, i % 2 == 1))
    return parts


# ------------------------------------------------------------------------------- links


def safe_href(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) address, else None (shown as text, never a link)."""
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def pathpart(value: object) -> str:
    """One URL path segment: every ``/`` and ``.`` sequence escaped, so an id such as
    ``../a/index`` stays one segment (Jinja's ``urlencode`` keeps ``/``)."""
    segment = quote(str(value), safe="")
    return segment.replace(".", "%2E") if segment in (".", "..") else segment


def input_name(value: object) -> str:
    """Where a page came from, without the server's folders: ``/srv/crawl/a/b.html#L3`` →
    ``b.html#L3``. The full path stays in the JSON export for whoever runs the server."""
    text = str(value or "")
    path, mark, rest = text.partition("#")
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name + mark + rest
