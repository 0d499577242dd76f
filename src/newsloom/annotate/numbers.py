"""Numeric expressions in parsed text: "8,000", "$2.5m", "9 million", "6.2%", "8,000 to 10,000".

``number_spans`` walks the tokens once and returns each expression with its value, scale word
and unit. It knows nothing about what the number counts; ``figures`` decides that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsloom.annotate.figure_vocab import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    NUMBER_WORDS,
    PERCENT_WORDS,
    SCALE_WORDS,
    SCALES,
    UNITS,
)

_DIGITS_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SUFFIXED_RE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|b|tn)$", re.I)
_SCALE_NAMES = {
    100: "hundred",
    1_000: "thousand",
    1_000_000: "million",
    1_000_000_000: "billion",
    1_000_000_000_000: "trillion",
}
#: Units that mark a sum of money.
MONEY_UNITS = (
    frozenset(CURRENCY_SYMBOLS.values())
    | frozenset(CURRENCY_WORDS.values())
    | frozenset(code.upper() for code in CURRENCY_CODES)
)
_RANGE_WORDS = frozenset({"to", "-", "–", "and"})
_POUNDS = frozenset({"pound", "pounds"})


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """One numeric expression: tokens ``start``..``end`` (exclusive) of its doc."""

    start: int
    end: int
    numbers: tuple[int, ...]  # indices of the digit / number-word / scale tokens
    value: float
    scale: str | None = None
    unit: str | None = None
    unit_token: int | None = None  # index of a unit word ("hectares", "pounds") if any
    value_max: float | None = None


def parse_digits(text: str) -> float | None:
    """ "8,000" → 8000, "2.5" → 2.5; anything else → None."""
    if not _DIGITS_RE.match(text):
        return None
    return float(text.replace(",", ""))


def parse_number(texts: list[str]) -> tuple[float, str | None] | None:
    """The value of number tokens and the largest scale word in them.

    ["9", "million"] → (9000000, "million"); ["twenty", "-", "five"] → (25, None);
    ["2.5bn"] → (2500000000, "billion").
    """
    total, current, scale = 0.0, 0.0, 0
    seen = False
    for text in texts:
        low = text.lower()
        mult = SCALES.get(low, 0)
        digits = parse_digits(text)
        suffixed = _SUFFIXED_RE.match(text)
        if mult:
            current, total = _apply_scale(current, total, mult)
            scale = max(scale, mult)
        elif digits is not None:
            current += digits
        elif suffixed:
            mult = SCALES[suffixed.group(2).lower()]
            total += float(suffixed.group(1).replace(",", "")) * mult
            scale = max(scale, mult)
        elif low == "dozen":
            current = (current or 1) * NUMBER_WORDS[low]
        elif low in NUMBER_WORDS:
            current += NUMBER_WORDS[low]
        else:
            continue
        seen = True
    if not seen:
        return None
    return total + current, _SCALE_NAMES.get(scale)


def _apply_scale(current: float, total: float, mult: int) -> tuple[float, float]:
    if mult < 1_000:  # "two hundred" multiplies the running part only
        return (current or 1) * mult, total
    return 0.0, total + (current or 1) * mult


def is_number_start(token: Token) -> bool:
    """Digits ("8,000", "2.5", "1.2bn") or a number word other than "one"."""
    text = token.text
    if text[0].isdigit():
        return bool(_DIGITS_RE.match(text) or _SUFFIXED_RE.match(text))
    return token.lower_ in NUMBER_WORDS


def number_spans(doc: Doc) -> list[NumberSpan]:
    """Every numeric expression in ``doc``, in order, ranges merged."""
    spans: list[NumberSpan] = []
    resume = 0
    for token in doc:
        if token.i >= resume and is_number_start(token):
            span = _read_span(doc, token.i)
            if span is not None:
                spans.append(span)
                resume = span.end
    return _merge_ranges(doc, spans)


def _read_span(doc: Doc, i: int) -> NumberSpan | None:
    numbers = _number_run(doc, i)
    parsed = parse_number([doc[k].text for k in numbers])
    if parsed is None:
        return None
    value, scale = parsed
    start, unit = _currency_before(doc, i)
    end, unit_after, unit_token = _unit_after(doc, numbers[-1] + 1)
    return NumberSpan(
        start=start,
        end=end,
        numbers=tuple(numbers),
        value=value,
        scale=scale,
        unit=unit or unit_after,
        unit_token=unit_token,
    )


def _number_run(doc: Doc, i: int) -> list[int]:
    """Indices of the tokens that make one number, starting at ``i``."""
    run = [i]
    j = i + 1
    while j < len(doc):
        if _continues(doc, j):
            run.append(j)
        elif not _joins_words(doc, j):
            break
        j += 1
    return run


def _continues(doc: Doc, j: int) -> bool:
    """Does token ``j`` extend the number before it ("9 million", "2.5m", "twenty five")?"""
    token, prev = doc[j], doc[j - 1]
    low = token.lower_
    if low in SCALE_WORDS or low == "dozen":
        return True
    if low in SCALES and not prev.whitespace_ and parse_digits(prev.text) is not None:
        return True  # "2.5m" split by the tokenizer into "2.5" + "m"
    return low in NUMBER_WORDS and (prev.lower_ in NUMBER_WORDS or prev.lower_ in {"-", "and"})


def _joins_words(doc: Doc, j: int) -> bool:
    """A hyphen or "and" inside a written number ("twenty-five", "two hundred and fifty")."""
    if j + 1 >= len(doc) or doc[j + 1].lower_ not in NUMBER_WORDS:
        return False
    prev = doc[j - 1].lower_
    if doc[j].text == "-":
        return prev in NUMBER_WORDS
    return doc[j].lower_ == "and" and prev == "hundred"


def _currency_before(doc: Doc, i: int) -> tuple[int, str | None]:
    if i == 0:
        return i, None
    prev = doc[i - 1]
    low = prev.lower_
    if low in CURRENCY_SYMBOLS:
        return i - 1, CURRENCY_SYMBOLS[low]
    if low in CURRENCY_CODES:
        return i - 1, low.upper()
    return i, None


def _unit_after(doc: Doc, j: int) -> tuple[int, str | None, int | None]:
    """(end, unit, unit token index) for a percent sign, currency word or unit after a number."""
    if j >= len(doc):
        return j, None, None
    token = doc[j]
    low = token.lower_
    if low in PERCENT_WORDS:
        return j + 1, "%", None
    if low == "per" and j + 1 < len(doc) and doc[j + 1].lower_ == "cent":
        return j + 2, "%", None
    if low in CURRENCY_WORDS and (low not in _POUNDS or token.ent_type_ == "MONEY"):
        return j + 1, CURRENCY_WORDS[low], None
    if low in CURRENCY_CODES:
        return j + 1, low.upper(), None
    if low == "square" and j + 1 < len(doc) and doc[j + 1].lower_ in UNITS:
        return j + 2, "sq " + UNITS[doc[j + 1].lower_], j + 1
    if low in UNITS and low != "square":
        return j + 1, UNITS[low], j
    return j, None, None


def _merge_ranges(doc: Doc, spans: list[NumberSpan]) -> list[NumberSpan]:
    """Fold "8,000 to 10,000", "8,000-10,000" and "between 2 and 3 million" into one span."""
    merged: list[NumberSpan] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last is not None and _is_range(doc, last, span):
            merged[-1] = _range(last, span)
        else:
            merged.append(span)
    return merged


def _is_range(doc: Doc, low: NumberSpan, high: NumberSpan) -> bool:
    if high.start != low.end + 1 or low.value_max is not None:
        return False
    word = doc[low.end].lower_
    if word not in _RANGE_WORDS:
        return False
    if word == "and":
        return low.start > 0 and doc[low.start - 1].lower_ == "between"
    return high.value > low.value or high.scale is not None


def _range(low: NumberSpan, high: NumberSpan) -> NumberSpan:
    value = low.value
    if low.scale is None and high.scale is not None:  # "2 to 3 million": 2 means 2 million
        mult = next(k for k, v in _SCALE_NAMES.items() if v == high.scale)
        value *= mult
    return replace(
        high,
        start=low.start,
        numbers=low.numbers + high.numbers,
        value=value,
        value_max=high.value,
        unit=high.unit or low.unit,
    )
