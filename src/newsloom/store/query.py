"""The search syntax: parse what a user types into a tree, then into FTS5 and SQL.

What a search box accepts (documented in docs/usage.md; the CLI and the web share it)::

    ferry strike            both words (in any order; stemmed: "strikes" matches "strike")
    "port alder"            the phrase
    strik*  "north kor"*    a prefix
    zelensky OR ferry       either (OR in capitals)
    fire -plastics          fire, not plastics (also: fire NOT plastics)
    (fire OR blaze) mill    parentheses group
    title:fire  title:"mill fire"      in the headline
    outlet:"Valley Times"  entity:Zelensky  from:2025-03-01  to:2025-03  (filters, whole query)

A word or phrase that names an entity the store knows also finds its other spellings (its
aliases, and spellings with the same transliteration skeleton: "Zelenskiy" finds "Zelenskyy"
and "Zelensky"); the expansion is reported as a note ("also written …").

Everything is parsed here, by the project: the text that reaches FTS5 is built from quoted
strings only (inside an FTS5 string every character is literal), so no input is an FTS5 syntax
error or a surprise. What cannot be read raises :class:`QuerySyntaxError` with a message that
says what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

#: Terms kept from one query (words, phrases, aliases after expansion). A search box never
#: needs more; it bounds the work a hostile query can ask for.
MAX_TERMS = 32
#: Parentheses nested deeper than this are refused.
MAX_DEPTH = 8

#: Fields that filter the whole query rather than match text.
FILTER_FIELDS = {
    "outlet": "outlet",
    "source": "outlet",
    "entity": "entity",
    "from": "from",
    "since": "from",
    "to": "to",
    "until": "to",
}
#: Fields that match text in one column.
TEXT_FIELDS = {"title": "title"}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ALNUM = re.compile(r"[^\W_]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class QuerySyntaxError(ValueError):
    """A query that cannot be read; the message says what to write instead."""


# ------------------------------------------------------------------------------------ tree


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False
    column: str | None = None  # "title", or None for title and body


@dataclass(frozen=True, slots=True)
class Any_:
    """Any of the parts (OR)."""

    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class All:
    """All of the parts (AND, implicit between terms)."""

    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    part: Node


Node = Term | Any_ | All | Not


@dataclass(slots=True)
class Filters:
    outlets: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None  # inclusive: the last day that counts

    def any(self) -> bool:
        return bool(self.outlets or self.since or self.until)


@dataclass(slots=True)
class Parsed:
    """A query as read: its text part (None when it has only filters) and its filters."""

    text: Node | None
    filters: Filters


# ----------------------------------------------------------------------------------- lexing


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "(" ")" "OR" "NOT" "AND" "-" "term" "field"
    text: str = ""
    phrase: bool = False
    prefix: bool = False
    name: str = ""  # for "field"
    at: int = 0


def _lex(query: str) -> list[_Token]:
    text = _CONTROL.sub(" ", query)
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char, at=i))
            i += 1
        elif char == "-" and i + 1 < n and not text[i + 1].isspace():
            tokens.append(_Token("-", at=i))
            i += 1
        elif char == '"':
            phrase, i = _read_phrase(text, i)
            tokens.append(phrase)
        else:
            token, i = _read_word(text, i)
            tokens.append(token)
    return tokens


def _read_phrase(text: str, start: int) -> tuple[_Token, int]:
    end = text.find('"', start + 1)
    if end < 0:
        raise QuerySyntaxError(
            f'unclosed quote at character {start + 1}: close it ("port alder") or drop it'
        )
    prefix = end + 1 < len(text) and text[end + 1] == "*"
    after = end + 2 if prefix else end + 1
    return _Token("term", text[start + 1 : end], phrase=True, prefix=prefix, at=start), after


def _read_word(text: str, start: int) -> tuple[_Token, int]:
    i = start
    while i < len(text) and not text[i].isspace() and text[i] not in '()"':
        i += 1
    word = text[start:i]
    name, colon, value = word.partition(":")
    key = name.lower()
    if colon and (key in FILTER_FIELDS or key in TEXT_FIELDS):
        if not value and i < len(text) and text[i] == '"':
            phrase, after = _read_phrase(text, i)
            return _Token("field", phrase.text, True, phrase.prefix, key, start), after
        if not value:
            raise QuerySyntaxError(f'{name}: needs a value, e.g. {name}:fire or {name}:"two words"')
        return _Token("field", value.rstrip("*"), False, value.endswith("*"), key, start), i
    if word in ("OR", "NOT", "AND"):
        return _Token(word, at=start), i
    return _Token("term", word.rstrip("*"), prefix=word.endswith("*"), at=start), i


# ---------------------------------------------------------------------------------- parsing


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.filters = Filters()

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def sequence(self, depth: int) -> Node | None:
        """Terms up to a closing parenthesis or the end, ANDed."""
        parts: list[Node] = []
        while (token := self.peek()) is not None and token.kind != ")":
            if token.kind == "AND":
                self.take()
                continue
            node = self.either(depth)
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def either(self, depth: int) -> Node | None:
        first = self.unary(depth)
        if (token := self.peek()) is None or token.kind != "OR":
            return first
        parts = [first]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "OR", "AND"):
                raise QuerySyntaxError("OR needs a term on both sides: zelensky OR ferry")
            parts.append(self.unary(depth))
        kept = [p for p in parts if p is not None]
        if len(kept) < len(parts):
            raise QuerySyntaxError(
                "filters (outlet:, entity:, from:, to:) apply to the whole query: "
                "put them outside OR and parentheses"
            )
        if any(isinstance(p, Not) for p in kept) and len(kept) > 1:
            raise QuerySyntaxError("NOT inside OR cannot be searched: write fire -plastics")
        return kept[0] if len(kept) == 1 else Any_(tuple(kept))

    def unary(self, depth: int) -> Node | None:
        token = self.peek()
        if token is None:
            raise QuerySyntaxError("the query ends where a term was expected")
        if token.kind in ("NOT", "-"):
            self.take()
            inner = self.unary(depth)
            if inner is None:
                raise QuerySyntaxError("NOT and - take a word or phrase, not a filter")
            if isinstance(inner, Not):
                return inner.part
            return Not(inner)
        return self.atom(depth)

    def atom(self, depth: int) -> Node | None:
        token = self.take()
        if token.kind == "(":
            if depth >= MAX_DEPTH:
                raise QuerySyntaxError(f"parentheses nest at most {MAX_DEPTH} deep")
            inner = self.sequence(depth + 1)
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QuerySyntaxError(f"unclosed parenthesis at character {token.at + 1}")
            self.take()
            if inner is None:
                raise QuerySyntaxError("empty parentheses: put words inside them")
            return inner
        if token.kind == ")":
            raise QuerySyntaxError(f"unmatched ')' at character {token.at + 1}")
        if token.kind == "field":
            return self.field(token, depth)
        if token.kind in ("OR", "AND"):
            raise QuerySyntaxError(f"{token.kind} needs a term on both sides")
        return Term(token.text, token.phrase, token.prefix)

    def field(self, token: _Token, depth: int) -> Node | None:
        if token.name in TEXT_FIELDS:
            return Term(token.text, token.phrase, token.prefix, TEXT_FIELDS[token.name])
        if depth > 0:
            raise QuerySyntaxError(
                f"{token.name}: filters the whole query: put it outside parentheses"
            )
        kind = FILTER_FIELDS[token.name]
        if kind == "outlet":
            self.filters.outlets.append(token.text)
        elif kind == "entity":
            self.filters.entities.append(token.text)
        elif kind == "from":
            self.filters.since = _day(token.text, first=True)
        else:
            self.filters.until = _day(token.text, first=False)
        return None


def _day(text: str, *, first: bool) -> date:
    """``2025``, ``2025-03`` or ``2025-03-04`` → the first (or last) day it covers."""
    match = _DATE.match(text.strip())
    if not match:
        raise QuerySyntaxError(f"a date is written 2025-03-04, 2025-03 or 2025, not {text!r}")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day is not None:
            return date(year, int(month or 1), int(day))
        if month is not None:
            m = int(month)
            if first:
                return date(year, m, 1)
            nxt = date(year + (m == 12), m % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(year, 1, 1) if first else date(year, 12, 31)
    except ValueError as exc:
        raise QuerySyntaxError(f"no such date: {text!r}") from exc


def parse(query: str) -> Parsed:
    """Read ``query`` (see the module docstring); QuerySyntaxError when it cannot be read."""
    parser = _Parser(_lex(query))
    node = parser.sequence(0)
    if parser.peek() is not None:  # a stray ")"
        raise QuerySyntaxError(f"unmatched ')' at character {parser.take().at + 1}")
    node = _prune(node)
    if node is not None and _count(node) > MAX_TERMS:
        raise QuerySyntaxError(f"a query holds at most {MAX_TERMS} words and phrases")
    return Parsed(node, parser.filters)


def _prune(node: Node | None) -> Node | None:
    """Terms with no letter or digit match nothing the tokenizer keeps: drop them."""
    if node is None:
        return None
    if isinstance(node, Term):
        return node if _ALNUM.search(node.text) else None
    if isinstance(node, Not):
        inner = _prune(node.part)
        return Not(inner) if inner is not None else None
    parts = tuple(p for p in (_prune(p) for p in node.parts) if p is not None)
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return Any_(parts) if isinstance(node, Any_) else All(parts)


def _count(node: Node) -> int:
    if isinstance(node, Term):
        return 1
    if isinstance(node, Not):
        return _count(node.part)
    return sum(_count(p) for p in node.parts)


def terms(node: Node | None) -> list[Term]:
    """Every term of the tree, in order (negated ones included)."""
    if node is None:
        return []
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return terms(node.part)
    return [t for p in node.parts for t in terms(p)]


def replace_terms(node: Node, swap: dict[Term, Node]) -> Node:
    """The tree with each term in ``swap`` replaced (entity spellings)."""
    if isinstance(node, Term):
        return swap.get(node, node)
    if isinstance(node, Not):
        return Not(replace_terms(node.part, swap))
    parts = tuple(replace_terms(p, swap) for p in node.parts)
    return Any_(parts) if isinstance(node, Any_) else All(parts)


# ---------------------------------------------------------------------------------- FTS5


def split_negations(node: Node) -> tuple[Node | None, Node | None]:
    """``(positive, negative)``: the top level's NOT parts pulled out, ORed together."""
    if isinstance(node, Not):
        return None, node.part
    if isinstance(node, All):
        pos = [p for p in node.parts if not isinstance(p, Not)]
        neg = [p.part for p in node.parts if isinstance(p, Not)]
        positive: Node | None = None
        if pos:
            positive = pos[0] if len(pos) == 1 else All(tuple(pos))
        negative: Node | None = None
        if neg:
            negative = neg[0] if len(neg) == 1 else Any_(tuple(neg))
        return positive, negative
    return node, None


def fts(node: Node) -> str:
    """The FTS5 expression of a tree without NOT at its top (see ``split_negations``)."""
    if isinstance(node, Term):
        quoted = '"' + node.text.replace('"', '""') + '"' + (" *" if node.prefix else "")
        return f"title : {quoted}" if node.column == "title" else quoted
    if isinstance(node, Not):
        raise QuerySyntaxError("NOT needs something to subtract from: write fire -plastics")
    if isinstance(node, Any_):
        return "(" + " OR ".join(fts(p) for p in node.parts) + ")"
    pos = [p for p in node.parts if not isinstance(p, Not)]
    neg = [p.part for p in node.parts if isinstance(p, Not)]
    if not pos:
        raise QuerySyntaxError("NOT needs something to subtract from: write fire -plastics")
    text = "(" + " AND ".join(fts(p) for p in pos) + ")"
    if neg:
        text += " NOT (" + " OR ".join(fts(p) for p in neg) + ")"
    return f"({text})" if neg else text


def match_expression(query: str) -> str | None:
    """The FTS5 expression of ``query``'s text part, or None when it has no positive text."""
    try:
        parsed = parse(query)
    except QuerySyntaxError:
        return None
    if parsed.text is None:
        return None
    positive, negative = split_negations(parsed.text)
    if positive is None:
        return None
    expression = fts(positive)
    return f"{expression} NOT {fts(negative)}" if negative is not None else expression
