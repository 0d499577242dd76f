"""Outlet evidence in a page's visible text: copyright and trademark lines, the host's name as
a line of its own (a masthead, a footer) or inside a line ("More from Sportsnet"), and the
domains of the newsroom's e-mail addresses. Works on a capture's lines and on an HTML page's
text segments alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsloom.clean.capture import Kind as LineKind
from newsloom.clean.capture import line_kind
from newsloom.clean.outlet import Kind, Vote
from newsloom.clean.outlet_names import (
    PARTIAL_MIN,
    PARTIAL_REST,
    Host,
    Match,
    clean_name,
    domain_label,
    host_match,
    is_domain,
    letters,
)
from newsloom.clean.outlet_vocab import NAME_PARTICLES, PLATFORM_DOMAINS, PUBLIC_SECOND_LEVEL

#: A masthead line is short; longer lines that spell the host are sentences about it.
MASTHEAD_MAX_CHARS = 60
#: ...and, when no host is known, has at most this many words and stands in the first and in
#: the last this many non-blank lines of the page (the sample corpus's mastheads stand within
#: the first 4 and the last 6 lines; SEB captures' within 10 of each end).
NAME_LINE_WORDS = 5
MASTHEAD_ZONE = 12
#: Lines longer than this are not looked into for the host's name: a site names itself in its
#: menus and footers ("More from Sportsnet", "Support Snopes"), a city of the same name is
#: mentioned in sentences ("Cleveland" on cleveland.com).
MENTION_MAX_CHARS = 100
#: A phrase naming the host inside a line has at most this many words.
MENTION_MAX_WORDS = 4

_YEAR = r"(?:\d{4}(?:\s*[-–]\s*\d{4})?|[MDCLXVI]{4,})"
#: "© 2019 NYP Holdings. All rights reserved." / "Copyright ©2019 Dow Jones & Company, Inc." /
#: "Copyright Gannett 2018". A "Copyright Policy" link (no mark, no year) is not a notice.
_COPYRIGHT_RE = re.compile(
    r"(?:(?:©|\(c\))\s*(?:" + _YEAR + r")?|copyright\s*(?:©|\(c\))?\s*(?=[\d©(]|[^\W\d_][^|]*\d{4})"
    r"(?:" + _YEAR + r")?)"
    r"\s*,?\s*(?:all rights reserved\.?,?\s*)?(?:by\s+)?(?P<name>[^\W_][\w&’'.· -]{1,60}?)"
    r"\s*(?:\.(?:\s|$)|,|\||$|\s+all rights|\s+\d{4}\b)",
    re.I,
)
#: '"Daily Express" is a registered trademark', "CBS Sports is a registered trademark of ...",
#: "Snopes and the Snopes.com logo are registered service marks of ...".
_TRADEMARK_RE = re.compile(
    r"(?:^|[.!;]\s+)[\"“]?(?P<name>[^\W_][\w&’'. -]{1,50}?)[\"”]?"
    r"(?:\s+and\s+[^.]{1,60}?)?\s+(?:is|are)\s+(?:a\s+)?(?:registered\s+)?"
    r"(?:trade\s?marks?|service\s+marks?)",
    re.I,
)
#: "Cable News Network.Turner Broadcasting System": two sentences run together.
_GLUED_SENTENCE_RE = re.compile(r"\.(?=[A-Z][a-z])")
_CREDIT_RE = re.compile(r"\((?:[^()/]{2,60})/(?P<org>[^()/]{2,60})\)")
_EMAIL_RE = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_CALENDAR_RE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)", re.I
)
_ABBREVIATION_RE = re.compile(r"(?:^|[\s.])\w\.$")
_EDGE = "\"'“”‘’«»()[]{}:;,.!?|·•–—-/\\©®™"


def text_votes(segments: Iterable[str], host: Host | None) -> list[Vote]:
    """Every vote in the text; the host's name in the lines only when the host is known."""
    votes: list[Vote] = []
    for segment in segments:
        line = " ".join(segment.split())
        if not line:
            continue
        votes += notice_votes(line)
        if host is not None and len(line) <= MENTION_MAX_CHARS:
            votes += host_votes(line, host)
        if host is not None and "/" in line:
            votes += credit_votes(line, host)
    return votes


def credit_votes(line: str, host: Host) -> list[Vote]:
    """A staff photographer's credit naming the host ("(Tom Keller/Calloway Courier)"), in a
    caption of any length."""
    return [
        Vote(m["org"].strip(), Kind.MENTION)
        for m in _CREDIT_RE.finditer(line)
        if _names_host(m["org"].strip(), host)
    ]


def masthead_votes(lines: Sequence[str], host: Host | None, holders: Iterable[str]) -> list[Vote]:
    """Name-like lines printed both in the page's first and in its last lines ("Lakeshore
    Ledger" over the menu and again above "About Us") that the rest of the page bears out: they
    spell the host (or the start of it), or the copyright holder's name starts with them ("©
    2025 Lakeshore Ledger Media Co."). Menu items are repeated at both ends too ("Subscribe",
    "About", "Obituaries" on the SEB captures), hence the second witness."""
    found = [" ".join(line.split()) for line in lines]
    found = [line for line in found if line]
    top = {line for line in found[:MASTHEAD_ZONE] if _name_like(line)}
    bottom = {line for line in found[-MASTHEAD_ZONE:] if _name_like(line)}
    owners = {_first_word(h) for h in holders} - {""}
    return [
        Vote(line, Kind.MASTHEAD)
        for line in sorted(top & bottom)
        if host_match(line, host) is not Match.NONE or _first_word(line) in owners
        for _ in range(2)
    ]


def _first_word(name: str) -> str:
    """The first word of a name that is not "The", when it is long enough to tell a name."""
    found = [letters(w) for w in name.split() if w.casefold() != "the"]
    return found[0] if found and len(found[0]) >= PARTIAL_MIN else ""


def _name_like(line: str) -> bool:
    """A short line of capitalised words ("The Wall Street Journal", "Tidewater Business
    Journal"), not a menu item, a heading or a sentence."""
    tokens = line.split()
    if not 1 <= len(tokens) <= NAME_LINE_WORDS or len(line) > MASTHEAD_MAX_CHARS:
        return False
    if line[-1] in ".!?:" or line_kind(line) is not LineKind.SHORT or clean_name(line) is None:
        return False
    capitals = [t for t in tokens if t.casefold() not in NAME_PARTICLES]
    return bool(capitals) and all(t[0].isupper() or t[0].isdigit() for t in capitals)


def notice_votes(line: str) -> list[Vote]:
    """Copyright holders and trademark owners' marks named in one line."""
    votes = []
    if "©" in line or "(c)" in line.lower() or "copyright" in line.lower():
        marked = "©" in line or "(c)" in line.lower()
        for match in _COPYRIGHT_RE.finditer(line):
            name = _GLUED_SENTENCE_RE.split(match["name"])[0].strip(" .,-")
            if name and (marked or not name[0].islower()):  # "© pv magazine" is a notice,
                votes.append(Vote(name, Kind.COPYRIGHT))  # "copyright infringement" is not
    if "mark" in line.lower():
        for match in _TRADEMARK_RE.finditer(line):
            name = re.split(r"\s+and\s+", match["name"])[0]  # "Snopes and the Snopes.com logo"
            votes.append(Vote(name, Kind.TRADEMARK))
    return votes


def email_domains(segments: Iterable[str]) -> list[str]:
    """The registrable domains of the e-mail addresses in the text, platforms' left out."""
    found = []
    for segment in segments:
        if "@" not in segment:
            continue
        for match in _EMAIL_RE.finditer(segment):
            domain = registrable(match["domain"].lower().rstrip("."))
            if domain and domain.split(".")[0] not in PLATFORM_DOMAINS:
                found.append(domain)
    return found


def registrable(domain: str) -> str | None:
    """``news.example.co.uk`` → ``example.co.uk``."""
    labels = domain.split(".")
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in PUBLIC_SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def host_votes(line: str, host: Host) -> list[Vote]:
    """The host's name as the whole line (a masthead) or as a phrase inside it."""
    bare = line.strip(_EDGE)
    if len(bare) <= MASTHEAD_MAX_CHARS and host_match(bare, host) is Match.EXACT:
        return [Vote(bare, Kind.MASTHEAD)]
    tokens = line.split()
    votes = []
    i = 0
    while i < len(tokens):
        size = _mention_at(tokens, i, host)
        if size:
            votes.append(Vote(_phrase(tokens[i : i + size]), Kind.MENTION))
        i += size or 1
    return votes


def _mention_at(tokens: list[str], i: int, host: Host) -> int:
    """How many tokens from ``i`` name the host (the longest such phrase), else 0."""
    first = tokens[i].strip(_EDGE)
    if not first or first[0].islower():
        return 0
    if first[0].casefold() not in host.starts and first != "The":
        return 0  # most words: no key starts with their letter
    for n in range(min(MENTION_MAX_WORDS, len(tokens) - i), 0, -1):
        phrase = _phrase(tokens[i : i + n])
        if phrase and _names_host(phrase, host) and not _continues(tokens, i + n):
            return n
    return 0


def _continues(tokens: list[str], after: int) -> bool:
    """The phrase runs on into a longer proper name ("Cleveland Browns", "CBS Sports HQ"); a
    date after it does not ("LinkNaija October 06, 2018")."""
    if after >= len(tokens) or tokens[after - 1][-1:] in _EDGE:
        return False
    nxt = tokens[after].strip(_EDGE)
    return bool(nxt) and nxt[0].isupper() and not _CALENDAR_RE.match(nxt)


def _phrase(tokens: list[str]) -> str:
    phrase = " ".join(tokens)
    dot = phrase.endswith(".") and _ABBREVIATION_RE.search(phrase) is not None
    phrase = phrase.strip(_EDGE) + ("." if dot else "")  # "City A.M." keeps its last dot
    for suffix in ("'s", "’s"):
        phrase = phrase.removesuffix(suffix)
    return phrase


def _names_host(phrase: str, host: Host) -> bool:
    """The phrase's letters are the host's label (or its start, a few letters short), or it is
    the host's domain: initials are not enough inside running text."""
    if is_domain(phrase):
        return letters(domain_label(phrase)) in host.keys
    key = letters(phrase)
    if phrase.startswith("The ") and key[3:] in host.keys:
        return True  # "Follow The Telegraph"; a lower-case "the" is the sentence's
    if key in host.keys:
        return True
    rest = len(host.label) - len(key)
    return 0 < rest <= PARTIAL_REST and len(key) >= PARTIAL_MIN and host.label.startswith(key)
