"""The headline of an HTML page: the visible ``h1`` that the page's own title tags confirm, else
the title tags with the site's name and section labels taken off.

A page names its headline several times: in an ``h1`` (the one a reader sees, but pages also
put their logo, a section name or a sidebar's title in ``h1``s), in JSON-LD ``headline``,
``og:title`` and ``twitter:title`` (written for sharing, sometimes with a "Opinion | " label or
" - Site" suffix) and in ``<title>`` (nearly always with the site's name: "Headline - The New
York Times", "BBC NEWS | Technology | Headline"). None is right on every page, but they check
each other: an ``h1`` whose text is one of the title tags, or one of their parts, is the
headline; a logo or a sidebar ``h1`` is not in them. When no ``h1`` is confirmed, the title tags
are cut at their separators and the parts that name the site (its ``og:site_name``, JSON-LD
publisher, or its host: "Digg" on digg.com) or label a section come off the ends; what is left
is the headline. No list of site names is involved. (``application-name`` is not a site name:
MSN pages put the headline in it.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: "Headline | Site", "Headline - Site", "Site » Section » Headline", "Headline :: Site".
SEPARATOR_RE = re.compile(r"\s+(?:[|–—\-»·•]|::)\s+")
#: The separators after which a short part is a label ("Opinion | ", "Technology | "); a dash
#: can be the headline's own punctuation, so only the site's name comes off at a dash.
LABEL_SEPARATOR_RE = re.compile(r"[|»·•]|::")
#: A last part after a dash of at most this many capitalised words is the site's name even when
#: nothing else names the site.
SUFFIX_MAX_WORDS = 2
#: An ``h1`` of fewer words is kept only when no longer one is confirmed or left (a section
#: name, a logo's text). The SEB pages' confirmed headlines have 2 words or more.
PREFERRED_WORDS = 4
#: An end part of a title tag of at most this many words, beside a longer part, is a label
#: ("Opinion", "Technology", "World News"), not part of the headline.
LABEL_MAX_WORDS = 3
#: A host label or site name must have at least this many letters to match a part by
#: containment ("nytimes" in "NYTimes.com", "bbc" in "BBC NEWS"), so that "ap" or "tv" match
#: none...
SITE_MIN_LETTERS = 3
#: ...and the part at most this many words (a site's name is short; a headline that merely
#: holds the letters of a host, "Skyscrapers rise" beside "sky", is not it).
SITE_MAX_WORDS = 4
#: Second-level labels under a country's domain ("bbc.co.uk", "entermedia.co.kr").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ne", "or", "edu"})


@dataclass(frozen=True, slots=True)
class TitleSources:
    """What a page says its headline is, in document order within each source."""

    h1s: Sequence[str]
    tags: Sequence[str]  # JSON-LD headline, og:title, twitter:title, <title>, in that order
    site_names: Iterable[str]  # og:site_name, JSON-LD publisher name
    host: str | None  # from og:url or the canonical link, when the page gives one


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def parts(text: str) -> list[str]:
    return [p.strip() for p in SEPARATOR_RE.split(text) if p.strip()]


def headline(src: TitleSources) -> str | None:
    """The page's headline, or None when it names none."""
    names = _site_keys(src.site_names, src.host)
    h1s = [h for h in src.h1s if h.strip() and not _names_site(h, names)]
    confirmed = _confirmed(h1s, src.tags, names)
    if confirmed:
        return confirmed
    preferred = [h for h in h1s if len(h.split()) >= PREFERRED_WORDS]
    if preferred:
        return preferred[0]
    cores = [core for tag in src.tags if (core := strip_site(tag, names))]
    return _first(cores or h1s)


def _confirmed(h1s: Sequence[str], tags: Sequence[str], names: set[str]) -> str | None:
    """The first ``h1`` that a title tag repeats, whole or once the site's name and labels are
    off ("Opinion | Headline - The New York Times"); of those, one of ``PREFERRED_WORDS`` words
    first. A section-name ``h1`` that is one of the labels confirms nothing."""
    known = {fold(tag) for tag in tags}
    known.update(fold(core) for tag in tags if (core := strip_site(tag, names)))
    found = [h for h in h1s if fold(h) in known]
    preferred = [h for h in found if len(h.split()) >= PREFERRED_WORDS]
    return _first(preferred or found)


def _first(texts: Sequence[str]) -> str | None:
    return texts[0] if texts else None


def strip_site(tag: str, names: set[str]) -> str | None:
    """``tag`` without the site's name and section labels at its ends: end parts come off
    while they name the site or are short labels beside a longer part; the rest keeps its own
    separators ("Reviews Are Here — And They're Not Great")."""
    spans = _part_spans(tag)
    if not spans:
        return None
    first, last = 0, len(spans) - 1
    while first < last and _is_site_part(tag, spans, first, last, first, names):
        first += 1
    while last > first and _is_site_part(tag, spans, first, last, last, names):
        last -= 1
    core = tag[spans[first][0] : spans[last][1]].strip()
    if _letters(core) in names:
        return None
    return core or None


def _part_spans(tag: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SEPARATOR_RE.finditer(tag):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(tag)))
    return [(a, b) for a, b in spans if tag[a:b].strip()]


def _is_site_part(
    tag: str, spans: list[tuple[int, int]], first: int, last: int, k: int, names: set[str]
) -> bool:
    text = tag[spans[k][0] : spans[k][1]]
    if _names_site(text, names):
        return True
    between = (
        tag[spans[k][1] : spans[k + 1][0]] if k == first else tag[spans[k - 1][1] : spans[k][0]]
    )
    if not LABEL_SEPARATOR_RE.search(between):  # a dash also joins the halves of a headline
        return k == last and _brand_shaped(text)  # ("Here — And They're Not Great")
    longest = max(len(tag[a:b].split()) for a, b in spans[first : last + 1])
    return len(text.split()) <= LABEL_MAX_WORDS < longest


def _brand_shaped(text: str) -> bool:
    """A short name of capitalised words, the shape of a site's name after " - " ("Headline -
    Entermedia"), unlike a headline's lower-case second half ("Apple unveils phone - finally")."""
    words = text.split()
    return len(words) <= SUFFIX_MAX_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _names_site(text: str, names: set[str]) -> bool:
    """``text`` is the site's name: equal to one of its names, or holding one (or held by one)
    of at least ``SITE_MIN_LETTERS`` letters ("Digg" on digg.com, "NYTimes.com")."""
    key = _letters(text)
    if not key:
        return False
    if key in names:
        return True
    if len(text.split()) > SITE_MAX_WORDS:
        return False
    return any(len(n) >= SITE_MIN_LETTERS and (n in key or key in n) for n in names)


def _site_keys(site_names: Iterable[str], host: str | None) -> set[str]:
    """The site's names as letters only, with its host's name ("entermedia" for
    www.entermedia.co.kr, "digg" for digg.com)."""
    keys = {_letters(name) for name in site_names}
    if host:
        keys.add(_letters(host_name(host)))
    return {k for k in keys if k}


def host_name(host: str) -> str:
    """The label that names the site in its host: the one before the public suffix
    ("news.sky.com" → "sky", "www.bbc.co.uk" → "bbc", "entermedia.co.kr" → "entermedia")."""
    labels = [x for x in host.lower().split(".") if x]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


def _letters(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())
