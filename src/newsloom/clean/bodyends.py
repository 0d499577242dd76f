"""Where an article's body ends in a text capture, whatever the page's language.

Below an article stand its tags, an author box, the comment box and its rules, then the
sidebar. The sidebar's blurbs score like body (whole sentences, topic words), so the line
model's stretch tends to run on past the article's end; the markers here stop it. Lines are
``capture.Line`` objects, read through their ``text``, ``kind`` (a ``capture.Kind`` value),
``reason`` and ``score``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from newsloom.clean import vocab

#: A body stretch ends at a marker below at least this many lines it keeps (prose, or a line
#: scoring the keep threshold: a calendar's rows count). SEB captures, text F1 cross-validated
#: by site (bench/seb_train.py folds), dev half: 0.950 at 1, 2 and 3; a comment-count link in
#: the header stands above every paragraph.
END_MIN_KEPT = 2
#: A comment box's rules name the comments within this many words of the line's start (SEB
#: captures: every such line, 7, does so within six words; an article's "his comments" later).
COMMENT_RULES_REACH_WORDS = 8
#: A comment box's rules are at most this many words (``capture.NOTICE_MAX_WORDS``'s bound for
#: a cookie notice).
COMMENT_RULES_MAX_WORDS = 80
#: An author box's bio is at most this many lines under its heading.
AUTHOR_BIO_LINES = 2
#: An author box's heading: "About", "Über", "Sobre", "À propos de", ... and the author's name.
_AUTHOR_BOX_RE = re.compile(
    r"^(?:about|über|sobre|à propos de|a propos de|acerca de|informazioni su)\s+(.+)$", re.I
)
#: A word of a person's name: capitalised, not all capitals ("Ana", "O'Neil", "Souza-Lima").
_NAME_WORD_RE = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")
#: A name has two or three words ("About Us", "Sobre o Blog" are no author's).
_NAME_WORDS = (2, 3)

_HEADING = "rail-heading"
_PROSE = "prose"
_SITE = "site-chrome"
AUTHOR_BOX = "author-box"
AUTHOR_BIO = "author-bio"


class BodyLine(Protocol):
    """What is read of a ``capture.Line`` (its ``reason`` is also set)."""

    reason: str | None

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def score(self) -> float: ...


def end_of_article(lines: Sequence[BodyLine], start: int, end: int, keep: float) -> int:
    """The last line of a body stretch ``start..end`` that stops before the first marker of the
    article's end (``ends_article``) met below at least ``END_MIN_KEPT`` lines the body keeps
    (prose, or a line scoring ``keep`` or more). Above that many lines a marker is part of the
    header (a "Comments" count beside the byline), and the body is below it."""
    kept = 0
    for i in range(start, end + 1):
        line = lines[i]
        if kept >= END_MIN_KEPT and ends_article(line):
            return i - 1
        if not line.reason and (line.kind == _PROSE or line.score >= keep):
            kept += 1
    return end


def ends_article(line: BodyLine) -> bool:
    """The heading of the article's tags or comment box (``vocab.END_HEADINGS``: "Tags",
    "Comentários", "Комментарии"), the head of a comment section ("[ 12 comments ]", "3
    responses to …", ``vocab.COMMENT_SECTION_RE``), the comment box's rules, or an author
    box's heading."""
    if line.reason == AUTHOR_BOX or vocab.COMMENT_SECTION_RE.match(line.text):
        return True
    if line.kind == _HEADING:
        return line.text.lower().rstrip(":.… ") in vocab.END_HEADINGS
    return line.kind == _SITE and is_comment_rules(line.text)


def is_comment_rules(text: str) -> bool:
    """A comment box's rules ("Comments are moderated ...", "Comentários são moderados ..."):
    a short line that speaks of comments within its first
    ``COMMENT_RULES_REACH_WORDS`` words (an article that quotes "his comments" further in is
    not one) and of moderation or rules (``vocab.COMMENT_RULES_RE``)."""
    words = text.split()
    if len(words) > COMMENT_RULES_MAX_WORDS:
        return False
    opening = " ".join(words[:COMMENT_RULES_REACH_WORDS]).lower()
    if not any(stem in opening for stem in vocab.COMMENT_WORDS):
        return False
    return bool(vocab.COMMENT_RULES_RE.search(text))


def mark_author_boxes(lines: Sequence[BodyLine]) -> None:
    """An author box: a heading "About Jane Doe" / "Über Jane Doe" / "Sobre Jane Doe" over a
    bio of at most ``AUTHOR_BIO_LINES`` lines that name the author again. The heading and the
    bio are marked removed; a heading no bio follows ("About Us" over a menu) is left alone."""
    for i, line in enumerate(lines):
        if line.reason or line.kind == _HEADING:
            continue
        surname = _author_surname(line.text)
        if surname is None:
            continue
        bio = [
            ln
            for ln in lines[i + 1 : i + 1 + AUTHOR_BIO_LINES]
            if not ln.reason and surname in ln.text
        ]
        if bio:
            line.reason = AUTHOR_BOX
            for ln in bio:
                ln.reason = AUTHOR_BIO


def _author_surname(text: str) -> str | None:
    """The last word of the name in an author box's heading, or None for another line."""
    found = _AUTHOR_BOX_RE.match(text)
    if not found:
        return None
    words = found[1].split()
    if not _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1]:
        return None
    if not all(_NAME_WORD_RE.match(w) and w[0].isupper() and not w.isupper() for w in words):
        return None
    return words[-1]
