"""Turn an untrusted search-box query into a safe FTS5 ``MATCH`` expression.

FTS5 has its own query language (``AND``/``OR``/``NOT``, ``NEAR(...)``, ``column:``, ``^``,
parentheses); typed by a user, it raises syntax errors or does surprising things. We support only
what a search box needs and quote everything else:

- each whitespace-separated word becomes a quoted FTS5 string, all of them ANDed;
- ``"words in double quotes"`` is a phrase;
- a trailing ``*`` on a word or a closing quote makes the last token a prefix (``ukrain*``).

Inside an FTS5 string every character is literal (a ``"`` is escaped as ``""``), so the result
can never be a syntax error; ``AND``, ``NEAR(`` or ``body:`` are searched for as words. Control
characters are dropped (a NUL would end the string early), and so are words with no letter or
digit, which the tokenizer would turn into an empty phrase.
"""

from __future__ import annotations

import re

#: Words kept from one query. A search box never needs more; it bounds the work a hostile query
#: can ask for.
MAX_TERMS = 32

_TOKEN = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ALNUM = re.compile(r"[^\W_]")


def match_expression(query: str) -> str | None:
    """The FTS5 expression for ``query``, or None when there is nothing to search for."""
    terms: list[str] = []
    for m in _TOKEN.finditer(_CONTROL.sub(" ", query)):
        if m[1] is not None:
            text, prefix = m[1], bool(m[2])
        else:
            text, prefix = m[3].rstrip("*"), m[3].endswith("*")
        if _ALNUM.search(text):
            terms.append(_quote(text) + (" *" if prefix else ""))
    return " ".join(terms[:MAX_TERMS]) or None


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
