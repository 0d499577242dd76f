"""Bylines, wire agencies and datelines, from the text of a page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsloom.clean.vocab import AGENCIES, BYLINE_NOISE, NAME_PARTICLES
from newsloom.clean.vocab_langs import BYLINE_JOINERS, BYLINE_PREFIXES

BYLINE_RE = re.compile(r"^(?:written\s+)?by\s*:?\s+(?P<names>.{2,160})$", re.I)
#: "Von Jane Doe", "Par …", "Por …", "di …", "Автор: …": a byline only when a name follows
#: (else "Par ailleurs, …", "Por su parte, …" and "Von den Fahrgästen …" would be bylines).
LANGS_BYLINE_RE = re.compile(rf"^(?:{BYLINE_PREFIXES})\s*:?\s+(?P<names>.{{2,160}})$", re.I)
#: What separates the names of a byline: punctuation, "and", "with", their other languages.
_NAME_SPLIT_RE = re.compile(
    r",|;|\band\b|&|\bwith\b|\n|" + "|".join(rf"(?<!\w){w}(?!\w)" for w in BYLINE_JOINERS)
)

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*"

#: "KYIV, Ukraine (AP) — ", "SEOUL, Nov. 1 (UPI) -- ", "Nov. 2 (UPI) -- ", "LONDON (Reuters) - ",
#: "WASHINGTON — ". The place is upper case (with an optional ", Region" in any case).
DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}(?:,\s*(?!"
    + _MONTHS
    + r"\.?\s+\d)[A-Z][\w.'’\- ]{1,30}?)?)?"
    r"(?:,?\s*(?P<date>" + _MONTHS + r"\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w.&’' -]{0,30})\))?"
    r"\s*(?P<dash>—|–|--|-)\s+"
)

#: "By Jane Doe in Santiago": where the reporter filed from, not part of the name.
_PLACE_TAIL_RE = re.compile(r"\s+in\s+[A-Z][\w.'’ -]{1,40}$")

#: A token of a person's name: a capital letter (any script) then letters, or an initial.
_NAME_TOKEN_RE = re.compile(r"^[^\W\d_][\w'’.-]*$")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    agency: str | None
    end: int
    text: str


def agency_name(text: str) -> str | None:
    """The short name of a wire agency (``"The Associated Press"`` → ``"AP"``), or None."""
    key = re.sub(r"\s+", " ", text.strip().strip(".,;:()")).lower()
    return AGENCIES.get(key)


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens a body paragraph, if any.

    A dateline needs a dash and at least a place in capitals or an agency in parentheses,
    so that "Officials - who declined ..." or a sentence starting with a dash is not taken.
    """
    match = DATELINE_RE.match(paragraph)
    if not match:
        return None
    place, agency, stamp = match["place"], match["agency"], match["date"]
    if not place and not agency:
        return None
    if place and not agency and not _looks_like_place(place):
        return None
    if agency and not agency_name(agency) and not _looks_like_code(agency):
        return None
    return Dateline(
        place=_clean_place(place) if place else None,
        agency=(agency_name(agency) or agency.strip()) if agency else None,
        end=match.end(),
        text=paragraph[: match.end()].strip() if stamp or place or agency else "",
    )


def _looks_like_place(place: str) -> bool:
    head = place.split(",")[0].strip()
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _looks_like_code(agency: str) -> bool:
    """An unknown agency abbreviation such as ``MP`` or ``XNA``."""
    return bool(re.fullmatch(r"[A-Z][A-Za-z&]{0,7}", agency.strip()))


def _clean_place(place: str) -> str:
    return re.sub(r"\s+", " ", place).strip(" ,")


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """Names and wire agency from a "By ..." line; None when the line is not a byline."""
    match = BYLINE_RE.match(line.strip())
    if match:
        return split_names(match["names"])
    match = LANGS_BYLINE_RE.match(line.strip())
    if not match:
        return None
    names, agency = split_names(match["names"])
    return (names, agency) if names else None


def split_names(text: str) -> tuple[list[str], str | None]:
    """Split a byline's text into person names and at most one agency; drop everything else."""
    names: list[str] = []
    agency: str | None = None
    text = re.sub(r"\s*\|.*$", "", text)  # "Jane Doe | 3 hours ago"
    text = _PLACE_TAIL_RE.sub("", text)  # "Jane Doe in Santiago"
    for part in _NAME_SPLIT_RE.split(text):
        part = part.strip(" .")
        if not part:
            continue
        found = agency_name(part)
        if found:
            agency = agency or found
            continue
        part, tail_agency = _split_trailing_agency(part)
        agency = agency or tail_agency
        name = _person_name(part)
        if name and name not in names:
            names.append(name)
    return names, agency


def _split_trailing_agency(part: str) -> tuple[str, str | None]:
    words = part.split()
    for cut in range(1, min(4, len(words))):
        found = agency_name(" ".join(words[-cut:]))
        if found:
            return " ".join(words[:-cut]), found
    return part, None


def _person_name(text: str) -> str | None:
    """``text`` as a person's name (2–5 capitalised tokens), title-cased if shouted, else None."""
    tokens = [t for t in text.split() if t]
    if tokens and tokens[0].lower() == "by":  # "By GREG BEACHAM" from a meta author tag
        tokens = tokens[1:]
    while tokens and tokens[-1].lower().strip(".,") in BYLINE_NOISE:
        tokens.pop()
    if tokens and agency_name(tokens[0]):
        return None  # "AP Sports Writer", "CNN Business": a desk of an agency, not a person
    if not 2 <= len(tokens) <= 5:
        return None
    if any(t.lower() in BYLINE_NOISE for t in tokens):
        return None
    if any(any(ch.isdigit() for ch in t) for t in tokens):
        return None
    if all(t.isupper() and len(t) > 1 for t in tokens):
        tokens = [t.capitalize() for t in tokens]
    for token in tokens:
        if token.lower() in NAME_PARTICLES:
            continue
        if not (token[:1].isupper() and _NAME_TOKEN_RE.match(token)):
            return None
    return " ".join(tokens)
