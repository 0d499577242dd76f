"""Figures: every number in an article body that is a claim, with what it counts and who says so.

``find_figures`` reads spaCy's parse of the body (no extra model pass): it walks the number
tokens, drops numbers that are names, dates, times, labels or page furniture, and for each
figure left reads from the dependency parse

- ``value`` (scale folded in: "9 million" → 9000000), ``unit`` ("%", "USD", "km"), ``scale``;
- ``qualifier``, normalised ("some", "more than", "about", "up to", …);
- ``counts`` / ``counts_head``: the counted noun phrase and its singular head
  ("North Korean soldiers" / "soldier");
- ``per``: a rate ("1,200 troops every day" → "day");
- ``scope``: where or what ("in Russia's Kursk region", "to Russia");
- ``attributed_to`` / ``cue``: the source ("according to X", "X said", "…, X say");
- ``in_quote``: the number sits inside a direct quote.

``date`` is left empty: the time-expression annotator fills it from the same sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsloom.annotate.figure_links import (
    People,
    attribution,
    counted_head,
    counted_noun,
    counted_phrase,
    number_root,
    rate_after,
    scope,
)
from newsloom.annotate.figure_vocab import (
    DURATION_UNITS,
    LABEL_WORDS,
    MONTHS,
    NAME_LABELS,
    NAME_WORDS,
    QUALIFIER_MAX_TOKENS,
    QUALIFIERS,
    TIME_WORDS,
)
from newsloom.annotate.numbers import NumberSpan, number_spans
from newsloom.model import Figure, Mention

__all__ = ["find_figures"]

#: A sentence this short with no verb is page furniture ("1 of 5", "Photo 3", "12 comments").
FURNITURE_MAX_TOKENS = 6
#: A body line in title case of this many tokens at most is a headline, a link's text (not
#: swept: a long headline is some 15 words); words this long must be capitalised ("of", "the"
#: and "in" need not).
TITLE_MAX_TOKENS = 16
TITLE_WORD_MIN = 4
#: One digit and a K: a grade ("4K", "8k") or a distance ("5K"), not thousands.
_GRADE_RE = re.compile(r"^[1-9][kK]$")
#: Words before a number word that make it a verb ("to zero in", "will zero in").
_VERB_BEFORE = frozenset({"to", "will", "would", "can", "could", "may", "might", "must", "should"})
#: Most tokens between a number and its counted noun for the noun to join the figure's text
#: ("some 8,000 North Korean soldiers": 3; "the estimated 9 million artillery shells": 2).
COUNTED_MAX_GAP = 4
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
_OPENING_QUOTES = frozenset({"“", "«"})
_CLOSING_QUOTES = frozenset({"”", "»"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def find_figures(doc: Doc, mentions: list[Mention]) -> list[Figure]:
    """Every figure in ``doc`` (the parse of an article body), in text order.

    ``mentions`` are the article's entity mentions: numbers inside a named mention are names,
    and PERSON mentions resolve "he said" to a source.
    """
    spans = number_spans(doc)
    if not spans:
        return []
    names = _name_spans(mentions)
    kept = [span for span in spans if not _excluded(doc, span, names)]
    if not kept:
        return []
    people = People.of(mentions)
    return [_figure(doc, span, people) for span in kept]


# ------------------------------------------------------------------------------- assembly


def _figure(doc: Doc, span: NumberSpan, people: People) -> Figure:
    noun = counted_noun(doc, span)
    start, qualifier = _qualifier(doc, span)
    end = _counted_end(doc, span, noun)
    rate = rate_after(doc, end - 1)
    if rate is not None:
        end = rate[1]
    anchor = noun if noun is not None else number_root(doc, span)
    source, cue = attribution(anchor, people)
    text = doc[start:end].text  # not doc.text: spaCy rebuilds the whole text on each access
    first = doc[start].idx
    return Figure(
        text=text,
        start=first,
        end=first + len(text),
        value=span.value,
        value_max=span.value_max,
        unit=span.unit,
        scale=span.scale,
        qualifier=qualifier,
        counts=counted_phrase(doc, noun, span) if noun is not None else None,
        counts_head=counted_head(noun) if noun is not None else None,
        per=rate[0] if rate is not None else None,
        scope=scope(anchor, start, end),
        attributed_to=source,
        cue=cue,
        in_quote=_in_quote(doc, start),
        predicate=predicate(anchor),
    )


#: Event words that say what happened to the counted thing, folded to one form each, so that
#: "42 people died", "killed 42 people" and "a toll of 42 dead" share the predicate "killed".
PREDICATES: dict[str, str] = {
    **dict.fromkeys(("killed", "dead", "died", "die", "deaths", "death", "perished", "lost"),
                    "killed"),
    **dict.fromkeys(("injured", "hurt", "wounded", "injuries", "treated", "hospitalized",
                     "hospitalised"), "injured"),
    **dict.fromkeys(("missing", "unaccounted"), "missing"),
    **dict.fromkeys(("evacuated", "fled", "displaced", "forced", "forcing", "evacuate",
                     "evacuating", "flee", "ordered"), "evacuated"),
    **dict.fromkeys(("sheltered", "shelters", "shelter", "slept", "spent", "stayed"), "sheltered"),
    **dict.fromkeys(("employs", "employed", "employ", "employing", "work", "works", "working",
                     "worked"), "employed"),
    **dict.fromkeys(("arrested", "detained", "held"), "arrested"),
    **dict.fromkeys(("rescued", "saved", "pulled"), "rescued"),
    **dict.fromkeys(("damaged", "destroyed", "flattened", "collapsed"), "damaged"),
}  # fmt: skip


def predicate(anchor: Token) -> str | None:
    """What happened to the counted thing, from the parse: the governing verb or a modifier."""
    for child in anchor.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.lower_ in PREDICATES:
            return PREDICATES[child.lower_]
    head = anchor.head
    if anchor.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    for word in (head, *head.children):
        if word.i != anchor.i and word.lower_ in PREDICATES:
            return PREDICATES[word.lower_]
    return None  # a generic verb ("are", "has") says nothing about which event is counted


def _qualifier(doc: Doc, span: NumberSpan) -> tuple[int, str | None]:
    """(first token, normalised qualifier) for the words right before a number."""
    for n in range(min(QUALIFIER_MAX_TOKENS, span.start), 0, -1):
        words = tuple(t.lower_ for t in doc[span.start - n : span.start])
        found = QUALIFIERS.get(words)
        if found is not None and (found != "between" or span.value_max is not None):
            return span.start - n, found
    return span.start, None


def _counted_end(doc: Doc, span: NumberSpan, noun: Token | None) -> int:
    """Token end of the figure's text: through the counted noun when it follows closely."""
    if noun is None or not span.end <= noun.i <= span.end + COUNTED_MAX_GAP:
        return span.end
    if any(doc[k].is_punct or doc[k].pos_ == "VERB" for k in range(span.end, noun.i)):
        return span.end
    return noun.i + 1


def _in_quote(doc: Doc, i: int) -> bool:
    """Is token ``i`` inside a direct quote? Reads back to the start of its paragraph only."""
    straight = 0
    for k in range(i - 1, -1, -1):
        text = doc[k].text
        if text in _OPENING_QUOTES:
            return True
        if text in _CLOSING_QUOTES or (doc[k].is_space and "\n" in text):
            break
        straight += text == '"'
    return straight % 2 == 1


# ------------------------------------------------------------------------------ exclusions


def _excluded(doc: Doc, span: NumberSpan, names: list[tuple[int, int]]) -> bool:
    """Names, years, dates, times, labels and page furniture are not figures."""
    tokens = [doc[i] for i in span.numbers]
    return (
        _in_name(tokens, names)
        or _is_year(tokens)
        or _is_date_or_time(doc, span)
        or _is_label(doc, span)
        or _is_furniture(doc, span)
        or _is_score(doc, span)
        or _from_zero(span)
        or _verb_use(doc, span)
        or _is_grade(doc, span)
    )


def _from_zero(span: NumberSpan) -> bool:
    """ "0-60 mph in 4.5 seconds", "zero to 60": a range from nothing names a measured span
    (how fast a car gets to a speed), not an amount anyone reports."""
    return span.value == 0 and span.value_max is not None


def _name_spans(mentions: list[Mention]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in mentions if m.label in NAME_LABELS]


def _in_name(tokens: list[Token], names: list[tuple[int, int]]) -> bool:
    for token in tokens:
        if token.ent_type_ in NAME_LABELS:
            return True
        if any(start <= token.idx < end for start, end in names):
            return True
    return False


def _is_year(tokens: list[Token]) -> bool:
    """ "in 2024" is a year; "2000 troops" (a plural noun after it) is a count."""
    if len(tokens) != 1 or not _YEAR_RE.match(tokens[0].text):
        return False
    token = tokens[0]
    counts = token.dep_ == "nummod" and token.head.tag_ in _PLURAL_TAGS and token.head.i > token.i
    return not counts


def _is_date_or_time(doc: Doc, span: NumberSpan) -> bool:
    """Next to a month ("Sept. 12", "12 March"), a clock word ("9 p.m."), or an age/duration
    compound ("20-year-old", "3-day")."""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before in MONTHS or after in MONTHS or after in TIME_WORDS:
        return True
    if ":" in doc[span.numbers[0]].text:
        return True
    return after == "-" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in DURATION_UNITS


def _is_label(doc: Doc, span: NumberSpan) -> bool:
    """ "Route 9", "Apollo 11", "No. 2", "Smith, 45,": a number naming or tagging something."""
    if _word_before(doc, span.start) in LABEL_WORDS:
        return True
    if span.start > 0 and doc[span.start - 1].is_title and doc[span.start - 1].lower_ in NAME_WORDS:
        return True
    root = number_root(doc, span)
    head = root.head
    if head.i < root.i and (root.dep_ == "nummod" or _is_age(root)):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.head.i in span.numbers


def _word_before(doc: Doc, i: int) -> str:
    """The word before token ``i``, rejoining an abbreviation split from its dot ("No" ".")."""
    if i >= 2 and doc[i - 1].text == "." and not doc[i - 2].whitespace_:
        return doc[i - 2].lower_ + "."
    return doc[i - 1].lower_ if i > 0 else ""


def _is_age(root: Token) -> bool:
    """ "Mara Quist, 45, said": a bare number set off after a name."""
    return root.head.pos_ == "PROPN" and root.dep_ in {"appos", "npadvmod", "amod"}


def _is_score(doc: Doc, span: NumberSpan) -> bool:
    """ "passed 52-48", "won 3-1": two numbers hyphenated, the second not larger (ranges that
    rise were merged into one span already)."""
    after = span.end + 1 < len(doc) and _hyphen_between(doc[span.end - 1], doc[span.end + 1])
    before = span.start >= 2 and _hyphen_between(doc[span.start - 2], doc[span.start])
    return after or before


def _hyphen_between(left: Token, right: Token) -> bool:
    hyphen = left.doc[left.i + 1]
    return (
        right.i == left.i + 2
        and hyphen.text in {"-", "–"}
        and not left.whitespace_
        and not hyphen.whitespace_
        and left.like_num
        and right.like_num
    )


def _is_furniture(doc: Doc, span: NumberSpan) -> bool:
    """ "1 of 5" in a slide counter, a short verbless line of page chrome, or a line in title
    case with no full stop: a link to another story ("12 Strangest Harbor Mysteries Explained")."""
    sent = doc[span.start].sent
    if len(sent) <= FURNITURE_MAX_TOKENS and not any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return True
    if _title_line(sent):
        return True
    j = span.end
    return j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].like_num


def _title_line(sent: Span) -> bool:
    """A sentence that is a headline: every word of ``TITLE_WORD_MIN`` letters or more starts
    with a capital, at least two of them, no full stop, ``TITLE_MAX_TOKENS`` tokens at most."""
    tokens = [t for t in sent if not t.is_space]
    if not tokens or len(tokens) > TITLE_MAX_TOKENS or tokens[-1].text in {".", "!", "?", ":"}:
        return False
    words = [t.text for t in tokens if t.is_alpha and len(t.text) >= TITLE_WORD_MIN]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _is_grade(doc: Doc, span: NumberSpan) -> bool:
    """ "4K video", "a 5K run": one digit and a K name a grade or a distance, not thousands
    (unless money, which the number's unit says: "$4K")."""
    return span.unit is None and _GRADE_RE.match(doc[span.start : span.end].text) is not None


def _verb_use(doc: Doc, span: NumberSpan) -> bool:
    """ "trying to zero in on the cause": the number word as a verb."""
    first = doc[span.start]
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return first.lower_ == "zero" and after == "in" and before in _VERB_BEFORE
