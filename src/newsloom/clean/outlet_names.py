"""Outlet names on their own: how a raw site name is cleaned, and whether it names a host.

A page names its publisher in many shapes: "CNN", "Cable News Network LP", "CBSSports.com",
"https://www.newsnation.in", "LinkNaija | Nigeria's popular news platform", "NYP Holdings".
``clean_name`` strips what is never part of a brand (legal forms, years, a URL's scheme); the
host tests (``host_match``) say whether a name is the site's own: its letters are the host's
label ("CBS Sports" = ``cbssports``), or it spells the label with initials and word starts
("The Wall Street Journal" = ``wsj``, "The New York Times" = ``nytimes``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from urllib.parse import urlsplit

from newsloom.clean.outlet_vocab import (
    COMPANY_WORDS,
    EDITION_WORDS,
    LEGAL_AFFIXES,
    LEGAL_SUFFIXES,
    NAME_PARTICLES,
    NOT_OUTLETS,
    PARENT_COMPANIES,
    PUBLIC_SECOND_LEVEL,
    SKIPPABLE_WORDS,
)

#: Longest name kept, in characters and in words: longer "names" are taglines or sentences.
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 7
#: A name of at least this many words with at least ``TAGLINE_LOWER`` lower-case words (name
#: particles aside) is a tagline ("Nigeria's popular news platform", "Expert how-to for English
#: Riders"), not a brand ("Kabar tentang Dunia Islam", "Prefeitura de Jaraguá do Sul").
TAGLINE_MIN_WORDS = 4
TAGLINE_LOWER = 2
#: A name spells the start of the host's label and leaves at most this many letters over
#: ("Practical Horseman" for ``practicalhorsemanmag``, "Sputnik" for ``sputniknews``).
PARTIAL_REST = 4
#: ...and spells at least this many letters of it.
PARTIAL_MIN = 4
#: A word contributes its initial, all of it, or a start of at least this many letters
#: ("Smithsonian Magazine" spells ``smithsonianmag``).
WORD_START_MIN = 3

_SEPARATORS_RE = re.compile(r"\s+(?:\||-|–|—|::?|·|•)\s+")
_URL_RE = re.compile(r"^(?:https?:)?//(?:www\.)?(?P<host>[^/\s:]+)", re.I)
_DOMAIN_RE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,12}$")
_YEARS_RE = re.compile(r"[\s,]*\(?\d{4}(?:\s*[-–]\s*(?:\d{4}|present))?\)?$", re.I)
_COPYRIGHT_HEAD_RE = re.compile(
    r"^(?:copyright|©|\(c\)|\s|\d{4}(?:\s*[-–—]\s*(?:\d{4}\b)?)?|,)+", re.I
)
_WORD_RE = re.compile(r"[^\s\-/_]+")
_ABBREVIATION_END_RE = re.compile(r"(?:^|[\s.])\w\.$")


class Match(IntEnum):
    """How a name relates to the page's host, weakest first."""

    NONE = 0
    PARTIAL = 1  # spells the start of the host's label
    EXACT = 2  # spells the whole label


@dataclass(frozen=True, slots=True)
class Name:
    """A cleaned name and what it looked like: a legal form dropped makes it a company's."""

    text: str
    legal: bool = False

    @property
    def is_domain(self) -> bool:
        return is_domain(self.text)


@dataclass(frozen=True, slots=True)
class Host:
    """A host as names are matched against it: ``keys`` are the letter strings a name of the
    site may spell, the registrable label first ("cbssports"), then it joined with each
    subdomain label ("skynews" and "newssky" for ``news.sky.com``)."""

    name: str
    label: str
    keys: tuple[str, ...]
    subs: tuple[str, ...]
    #: The first letters of the keys: a name of the site starts with one of them.
    starts: frozenset[str] = frozenset()


def letters(text: str) -> str:
    """Case-folded letters and digits, accents dropped: "Al-Bawaba" → ``albawaba``."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


def host_name(url: str | None) -> str | None:
    """The host of a URL without ``www.``, lower case; None without one."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


@lru_cache(maxsize=4096)
def parse_host(host: str | None) -> Host | None:
    """The labels of a host that a name may spell; None for no host or a bare IP address."""
    if not host or re.fullmatch(r"[\d.:\[\]]+", host):
        return None
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) < 2:
        return Host(host, letters(host), (letters(host),), (), frozenset(letters(host)[:1]))
    labels.pop()  # the top-level domain
    if len(labels) >= 2 and labels[-1] in PUBLIC_SECOND_LEVEL:
        labels.pop()  # "co" of co.uk, "com" of com.br
    label = letters(labels[-1])
    subs = tuple(letters(s) for s in labels[:-1] if s not in {"www", "www1", "www2", "m"})
    keys = [label]
    for sub in subs:
        keys += [sub + label, label + sub]
    unique = tuple(dict.fromkeys(k for k in keys if k))
    return Host(host, label, unique, subs, frozenset(k[0] for k in unique))


def is_domain(text: str) -> bool:
    """A name written as a domain: "Express.co.uk", "SpaceNews.com"."""
    return " " not in text and bool(_DOMAIN_RE.match(text))


def domain_label(text: str) -> str:
    """The name part of a domain-shaped name: "Express.co.uk" → "Express"."""
    parsed = parse_host(text.lower().removeprefix("www."))
    if parsed is None:
        return text
    head = text.removeprefix("www.").split(".")[0]
    return head if letters(head) == parsed.label else text


def clean_name(raw: str | None) -> Name | None:
    """A raw site name as a brand candidate, or None when nothing name-like is left.

    A URL becomes its host ("https://www.newsnation.in" → "newsnation.in"); a social handle
    ("@politifact") is no name; a copyright mark, years and legal forms are dropped and remembered
    ("Copyright India Post Media Pvt" → "India Post Media", legal).
    """
    if not raw:
        return None
    text = " ".join(unicodedata.normalize("NFKC", raw).split()).strip(" \"'“”‘’«»,;:|©®™")
    if text.endswith(".") and not _ABBREVIATION_END_RE.search(text):
        text = text.rstrip(".")  # but "City A.M." keeps its last dot
    url = _URL_RE.match(text)
    if url:
        return _checked(Name(url["host"].lower()))
    if text.startswith("@"):
        return None
    text = _COPYRIGHT_HEAD_RE.sub("", text) if re.match(r"(?i)copyright|©|\(c\)", text) else text
    text = _YEARS_RE.sub("", text).strip(" ,")
    text, legal = _strip_legal(text)
    return _checked(Name(text.removeprefix("www."), legal))


def _checked(name: Name) -> Name | None:
    text = name.text
    if not text or len(text) > MAX_NAME_CHARS or len(text.split()) > MAX_NAME_WORDS:
        return None
    if not any(ch.isalpha() for ch in text) or text.casefold() in NOT_OUTLETS:
        return None
    return name


def _strip_legal(text: str) -> tuple[str, bool]:
    legal = False
    for affix in LEGAL_AFFIXES:
        if affix in text and text != affix.strip():
            text, legal = text.replace(affix, "").strip(), True
    while True:
        words = text.split()
        if len(words) < 2:
            return text, legal
        last = words[-1].casefold().strip(".,")
        two = " ".join(words[-2:]).casefold().strip(".,")
        if two in LEGAL_SUFFIXES and len(words) > 2:
            words = words[:-2]
        elif last in LEGAL_SUFFIXES:
            words = words[:-1]
        else:
            return text, legal
        text, legal = " ".join(words).rstrip(" ,"), True


def split_tagline(text: str) -> list[str]:
    """The parts of "Brand | tagline" or "Brand - Memorabilia ...", each a candidate."""
    return [part.strip() for part in _SEPARATORS_RE.split(text) if part.strip()]


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def is_tagline(text: str) -> bool:
    """Several lower-case words: a description of the site, not its name."""
    found = words(text)
    if len(found) < TAGLINE_MIN_WORDS:
        return False
    lower = [w for w in found if w[:1].islower() and w not in NAME_PARTICLES]
    return len(lower) >= TAGLINE_LOWER


def is_company(name: Name, host: Host | None = None) -> bool:
    """A company's name: it holds a company word ("Vox Media"), or a legal form was dropped
    from it, unless what is left is the host's very name ("ScienceAlert Pty Ltd" on
    sciencealert.com is the brand's own company)."""
    if company_words(name.text) or is_parent(name.text):
        return True
    return name.legal and not (host is not None and letters(name.text) in host.keys)


def is_parent(text: str) -> bool:
    """A media group that owns outlets ("Hearst Newspapers", "The Hearst Corporation")."""
    key = letters(text)
    key = key[3:] if key.startswith("the") else key
    return any(key.startswith(parent) for parent in PARENT_COMPANIES)


def is_slug(text: str, host: Host | None) -> bool:
    """A lower-case label standing in for a name ("nj", "cleveland", "usatoday")."""
    if host is None or " " in text or not text.islower():
        return False
    return letters(text) in {host.label, *host.subs, *host.keys}


def initials(text: str) -> str:
    return "".join(w[0] for w in map(letters, words(text)) if w and w not in SKIPPABLE_WORDS)


def _reach(tokens: tuple[str, ...], key: str) -> frozenset[int]:
    """Positions in ``key`` reachable once every token has been spelled (see ``Match``)."""
    states = {0}
    for i, token in enumerate(tokens):
        nxt: set[int] = set()
        for pos in states:
            nxt.update(_steps(token, key, pos, last=i == len(tokens) - 1))
        states = nxt
        if not states:
            break
    return frozenset(states)


def _steps(token: str, key: str, pos: int, last: bool) -> set[int]:
    """Where ``key`` may continue after ``token`` read from ``pos``: skipped (a small word),
    whole, its initial, or, for the last word after others, its start ("Smithsonian
    Mag[azine]"; a single word must be whole: "Physics" is not ``phys``)."""
    out: set[int] = set()
    if token in SKIPPABLE_WORDS or not token:
        out.add(pos)
    if not token or pos >= len(key):
        return out
    if key.startswith(token, pos):
        out.add(pos + len(token))
    if token.isdigit():
        return out
    if key[pos] == token[0]:
        out.add(pos + 1)
    if not last or pos == 0:
        return out
    for k in range(WORD_START_MIN, len(token)):
        if key.startswith(token[:k], pos):
            out.add(pos + k)
    return out


def name_tokens(text: str) -> tuple[str, ...]:
    label = domain_label(text) if is_domain(text) else text
    return tuple(t for t in map(letters, words(label)) if t)


@lru_cache(maxsize=65536)
def spells(text: str, key: str) -> Match:
    """How the words of ``text`` spell ``key``: all of it, its start, or not at all."""
    tokens = name_tokens(text)
    if not tokens or not key:
        return Match.NONE
    joined = "".join(tokens)
    if joined == key or (tokens[0] == "the" and joined[3:] == key):
        return Match.EXACT
    reach = _reach(tokens, key)
    if len(key) in reach:
        return Match.EXACT
    if reach and max(reach) >= PARTIAL_MIN and len(key) - max(reach) <= PARTIAL_REST:
        return Match.PARTIAL
    for cut in range(len(tokens) - 1, 0, -1):  # "The Spokesman-Review" on spokesman.com
        if tokens[cut - 1] not in SKIPPABLE_WORDS and len(key) in _reach(tokens[:cut], key):
            return Match.PARTIAL
    return Match.NONE


def host_match(text: str, host: Host | None) -> Match:
    """The best match of a name against the host's keys (the registrable label counts fully;
    a subdomain's label alone only partly, e.g. ``detroit`` of ``detroit.cbslocal.com``)."""
    if host is None:
        return Match.NONE
    best = max((spells(text, key) for key in host.keys), default=Match.NONE)
    if best is Match.NONE and any(spells(text, sub) is Match.EXACT for sub in host.subs):
        return Match.PARTIAL
    return best


def names_label(text: str, host: Host | None) -> bool:
    """One of the name's words is the host's label ("Daily Express" on express.co.uk)."""
    if host is None:
        return False
    return any(letters(w) == host.label for w in words(text)) or host_match(text, host) > 0


def edition_trimmed(text: str, host: Host | None) -> str | None:
    """The brand without its edition or its company words ("Business Insider Deutschland" →
    "Business Insider", "Healthline Media" → "Healthline", "The New York Times Company" → "The
    New York Times") when what is left spells the host and every word cut is such a word."""
    if host is None:
        return None
    parts = text.split()
    for cut in range(len(parts) - 1, 0, -1):
        tail = " ".join(parts[cut:]).casefold()
        if tail not in EDITION_WORDS and not all(_trimmable(w) for w in parts[cut:]):
            continue
        head = " ".join(parts[:cut]).rstrip(" ,&")
        if any(spells(head, key) is Match.EXACT for key in host.keys):
            return head
    return None


def _trimmable(word: str) -> bool:
    word = word.casefold().strip(".,")
    return word in EDITION_WORDS or word in COMPANY_WORDS or word == "&"


def company_words(text: str) -> bool:
    """The name holds a company word after its first ("Vox Media", not "Media Matters")."""
    return any(w.casefold().strip(".,") in COMPANY_WORDS for w in words(text)[1:])
