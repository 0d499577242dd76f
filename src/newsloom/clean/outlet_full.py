"""A site's full name where its links and lines use a short one.

Menus, mastheads and copyright lines often give a site's short or clipped name — "Chron" for
the Harbor Chronicle, "HB Post" for the Harbor Bay Post, "Hpost Inc" for The Harbor Post —
while the same page writes the full name elsewhere: as a line of its own (the logo's text), in
"About Harbor Chronicle", or in its notices ("The Harbor Post Group", "The Harbor Post
Conferences"). A short name takes the full one the page writes when each of its words is the
start or an abbreviation of the full name's words, in order ("Chron" of "Chronicle", "HB" of
"Harbor Bay", "Hpost" glued from "Harbor Post"): a reader knows the site by that name, and
every page of the site names it alike however its menus clip it. The full name has more
words than the short one, or the short one has a word of capitals ("HB"): "Harbor" is not
"Harborview"; and no word after the short name's end: "Harbor TV" and "Harbor News Radio" are
the site's programmes, not its name.

A full name must be one the page gives as a name: another vote's name, a line that is a name
and nothing else, or a run of capitalised words ending with a publication's word ("Post",
"Chronicle", "Magazine") written ``RUN_AGAIN`` times or more; never a menu item ("About
Harbor Chronicle") or a shouted byline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from newsloom.clean.outlet import Kind, Vote
from newsloom.clean.outlet_names import clean_name, letters
from newsloom.clean.outlet_self import FULL_NAME_WORDS

#: Words that end a publication's name: a run of capitalised words ending with one may be a
#: full name ("The Harbor Post"), and a short name ending with one is whole but for its own
#: words spelled out ("HB Post": "Harbor Bay Post", never "Harbor Evening Post").
PUBLICATION_WORDS = FULL_NAME_WORDS | {
    "chronicle", "press", "tribune", "gazette", "observer", "courier", "standard", "guardian",
    "telegraph", "express", "mail", "mirror", "inquirer", "dispatch", "register", "sentinel",
    "bulletin", "record", "monitor", "examiner", "independent", "weekly", "star", "sun",
}  # fmt: skip
#: A line of this many words at most, each capitalised (or a short connector: "Voice of the
#: Harbor"), is a name by itself: a logo's text, a masthead.
LINE_MAX_WORDS = 6
LINE_MAX_CHARS = 60
#: A run of capitalised words ending with a publication's word counts as a full name once the
#: page writes it this often.
RUN_AGAIN = 2
#: Words of a run, at most (with "The" before them).
RUN_MAX_WORDS = 4
#: A short name needs one piece of at least this many letters in the full name ("Chron",
#: "Post"): initials alone ("HBP") are the acronym rules' (``outlet._merge_acronyms``).
MIN_PIECE = 3
#: A word of capitals this long at most may abbreviate one word ("CT" of "Connecticut").
ABBREVIATION_MAX = 4
#: Lower-case words that may sit inside a name line ("Voice of the Harbor").
CONNECTOR_MAX = 7
#: First words of menu items and bylines: a line starting with one is no name by itself.
LINK_VERBS = frozenset(
    {
        "about", "contact", "by", "ask", "follow", "subscribe", "support", "join", "advertise",
        "meet", "visit", "read", "watch", "listen", "more", "inside", "from", "sign", "log",
        "download", "share", "get", "search", "back", "go", "see", "view", "email", "call",
    }
)  # fmt: skip
#: Votes whose name can be a short form.
SHORT_KINDS = frozenset({Kind.MENTION, Kind.MASTHEAD, Kind.SELF, Kind.COPYRIGHT})
#: Votes whose name is no candidate full name: addresses.
_NOT_NAMES = frozenset({Kind.HOST, Kind.DOMAIN})

_EDGE = "\"'“”‘’«»()[]{}:;,.!?|·•–—-/\\©®™ "
_WORD_RE = re.compile(r"[\w'’&.-]+")
_RUN_RE = re.compile(
    r"(?:\bThe\s+)?(?<![\w'’&.-])[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0," + str(RUN_MAX_WORDS) + "}"
)


def full_names(votes: list[Vote], lines: Sequence[str]) -> list[Vote]:
    """``votes`` with each short name the page writes in full replaced by that full name."""
    candidates = _candidates(votes, lines)
    fullest: dict[str, str | None] = {}  # a page repeats its mentions: one search per name
    out = []
    for vote in votes:
        if vote.kind in SHORT_KINDS and (name := clean_name(vote.name)) is not None:
            if name.text not in fullest:
                fullest[name.text] = _fullest(name.text, candidates)
            if (full := fullest[name.text]) is not None:
                vote = Vote(full, vote.kind, vote.weight)
        out.append(vote)
    return out


def _fullest(short: str, candidates: Counter[str]) -> str | None:
    """The most written candidate that ``short`` stands for, "The" kept when the page mostly
    writes it."""
    found = Counter({full: n for full, n in candidates.items() if stands_for(short, full)})
    if not found:
        return None
    keys: Counter[str] = Counter()
    for full, n in found.items():
        keys[letters(_without_the(full))] += n
    key = keys.most_common(1)[0][0]
    forms = Counter({f: n for f, n in found.items() if letters(_without_the(f)) == key})
    return forms.most_common(1)[0][0]


def _candidates(votes: list[Vote], lines: Sequence[str]) -> Counter[str]:
    """Full names the page gives: vote names, name lines, and runs ending with a publication's
    word written ``RUN_AGAIN`` times or more."""
    found: Counter[str] = Counter(v.name for v in votes if v.kind not in _NOT_NAMES)
    runs: Counter[str] = Counter()
    for raw in lines:
        line = " ".join(raw.split()).strip(_EDGE)
        if _name_line(line):
            found[line] += 1
        for match in _RUN_RE.finditer(raw):
            runs.update(_publication_runs(match.group(0).split()))
    found.update({run: n for run, n in runs.items() if n >= RUN_AGAIN})
    return found


def _name_line(line: str) -> bool:
    words = line.split()
    if not 0 < len(words) <= LINE_MAX_WORDS or len(line) > LINE_MAX_CHARS:
        return False
    if words[0].casefold() in LINK_VERBS or any(w.isupper() and len(w) > 4 for w in words):
        return False  # a menu item ("About Harbor Post") or a shouted byline
    if not words[0][:1].isupper() or any(ch.isdigit() for ch in line):
        return False
    return all(w[:1].isupper() or (w.isalpha() and len(w) <= CONNECTOR_MAX) for w in words)


def _publication_runs(words: list[str]) -> list[str]:
    """The parts of a capitalised run that end with a publication's word ("The Harbor Post"
    and "Harbor Post" of "The Harbor Post Conferences"); shouted runs are left out."""
    out = []
    for end, word in enumerate(words):
        if word.strip(_EDGE).casefold() not in PUBLICATION_WORDS or word.isupper():
            continue
        for start in range(end):
            if start == 0 or words[start - 1] != "The":  # "The X Post" counts as itself
                out.append(" ".join(w.strip(_EDGE) for w in words[start : end + 1]))
    return out


def stands_for(short: str, full: str) -> bool:
    """``short`` is a clipped or abbreviated ``full``: its words, in order, are the starts or
    abbreviations (first letter kept, letters in order) of ``full``'s words, a word of capitals
    their initials ("HB": "Harbor Bay"), a word glued from two ("Hpost": "Harbor Post"), with
    words of ``full`` left out before or between them, never after (see ``_go``)."""
    short_words = tuple(w for w in map(_short_word, _WORD_RE.findall(_without_the(short))) if w)
    full_words = tuple(w for w in map(letters, _WORD_RE.findall(_without_the(full))) if w)
    if not short_words or "".join(full_words) == "".join(short_words).lower():
        return False
    if len("".join(full_words)) <= len("".join(short_words)):
        return False
    if len(full_words) <= len(short_words) and not any(w.isupper() for w in short_words):
        return False  # "Harbor" is not "Harborview": a clipped name is a word short
    return _aligns(short_words, full_words)


@lru_cache(maxsize=4096)  # bounded: a long run meets many names
def _aligns(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    whole = short[-1].lower() in PUBLICATION_WORDS  # "Harbor News", not "Harbor Evening News"
    return _go(short, full, 0, 0, 0, (False, False), whole)


def _go(
    short: tuple[str, ...],
    full: tuple[str, ...],
    i: int,
    pos: int,
    k: int,
    seen: tuple[bool, bool],
    whole: bool,
) -> bool:
    """Short word ``i`` from letter ``pos`` on, against full word ``k`` on. ``seen``: a piece
    of ``MIN_PIECE`` letters or more has started a full word; the name has grown (a piece
    clipped or abbreviated, or a word left out inside it: words only before it, as in "Contact
    Harbor Post", do not make it longer). Words after the short name's end are a sub-brand's
    ("Harbor News Radio", "Harbor TV"), and a ``whole`` name (one ending with a publication's
    word) grows only by its own words spelled out ("HB Post": "Harbor Bay Post")."""
    long_piece, grown = seen
    if i == len(short):
        return long_piece and grown and k == len(full)
    if k == len(full):
        return False
    started = i > 0 or pos > 0
    if (
        pos == 0
        and not whole
        and _go(short, full, i, 0, k + 1, (long_piece, grown or started), whole)
    ):
        return True  # full word k is left out
    rest = short[i][pos:]
    for size in range(len(rest), 0, -1):
        piece = rest[:size]
        if not _fits(piece, full[k], glued=pos > 0 or size < len(rest), last=size == len(rest)):
            continue
        now = (
            long_piece or (size >= MIN_PIECE and full[k].startswith(piece.lower())),
            grown or piece.lower() != full[k],
        )
        nxt = (i + 1, 0) if size == len(rest) else (i, pos + size)
        if _go(short, full, nxt[0], nxt[1], k + 1, now, whole):
            return True
    return False


def _fits(piece: str, word: str, *, glued: bool, last: bool) -> bool:
    """A piece of a glued short word is the start of its full word, and its last piece the
    whole word ("Hpost": "H" of "Harbor", then "Post"), unless the short word is capitals,
    pieces of initials ("HB": "Harbor Bay"); a word of its own may abbreviate."""
    if not glued:
        return _abbreviates(piece.lower(), word)
    if piece.isupper() or not last:
        return word.startswith(piece.lower())
    return piece == word


def _short_word(word: str) -> str:
    """A short name's word as ``letters`` gives it, but kept in capitals when it is a word of
    capitals (initials, as ``_fits`` reads them)."""
    key = letters(word)
    return key.upper() if word.isupper() and len(key) <= ABBREVIATION_MAX else key


def _abbreviates(piece: str, word: str) -> bool:
    """``piece`` starts ``word`` or keeps its first letter and some later ones, in order."""
    if not piece or piece[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(ch in rest for ch in piece[1:])


def _without_the(name: str) -> str:
    return name[4:] if name.startswith("The ") else name
