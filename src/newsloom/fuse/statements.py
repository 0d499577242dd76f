"""Statements: sentences joined where a quotation runs across them.

spaCy ends a sentence inside a quotation ("“The sea was very angry this morning. The captain
should never have been allowed to sail,” said Jocelyn Abad."), so a dossier line built on one
sentence would start or stop mid-quote. A statement is a sentence, or a run of sentences of one
paragraph joined until the quotation marks opened in it are closed.
"""

from __future__ import annotations

import re

from newsloom.model import Article

#: A quotation is followed over at most this many sentences; past that it is left unbalanced.
MAX_SENTENCES = 4


def opens_quote(text: str) -> bool:
    """The text opens a quotation it does not close."""
    return _curly_balance(text) > 0 or _odd_straight(text)


def unbalanced_quotes(text: str) -> bool:
    """The text opens or closes a quotation it does not also close or open."""
    return _curly_balance(text) != 0 or _odd_straight(text)


#: How a written sentence ends, a closing quotation mark or bracket after its stop allowed.
_SENTENCE_END_RE = re.compile(r"[.!?…](?:[\"”’')\]]+)?\s*$")


def is_heading(text: str) -> bool:
    """The text is a heading, not a sentence: no stop at its end ("2. Never urged a probe",
    "Harbor: Claims are “not credible”", a subhead the body kept)."""
    return _SENTENCE_END_RE.search(text) is None


def _curly_balance(text: str) -> int:
    return text.count("“") - text.count("”")


def _odd_straight(text: str) -> bool:
    return text.count('"') % 2 == 1


def statement_spans(article: Article) -> list[tuple[int, int]]:
    """The article's statements, as ``(start, end)`` offsets into its body, in order."""
    spans = [(s.start, s.end) for s in article.sentences]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        j = i
        while (
            j + 1 < len(spans)
            and j + 1 - i < MAX_SENTENCES
            and opens_quote(article.body[start:end])
            and "\n\n" not in article.body[end : spans[j + 1][0]]
        ):
            j += 1
            end = spans[j][1]
        out.append((start, end))
        i = j + 1
    return out
