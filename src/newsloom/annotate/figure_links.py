"""What a number is tied to in the parse: the thing it counts, its scope, its rate, its source.

All functions read spaCy's dependency parse around one number; none runs a model.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsloom.annotate.figure_vocab import (
    ATTRIBUTION_VERBS,
    CHANGE_VERBS,
    IRREGULAR_SINGULARS,
    LEADING_WORDS,
    PERSON_PRONOUNS,
    RATE_ADVERBS,
    RATE_DETERMINERS,
    RATE_UNITS,
    SCOPE_PREPS,
    SINGULAR_ENDINGS,
    TITLES,
    UNRESOLVED_SUBJECTS,
)
from newsloom.annotate.numbers import MONEY_UNITS, NumberSpan
from newsloom.model import Mention

#: Longest scope phrase kept, in tokens; longer prepositional phrases are cut (seed pages: the
#: longest useful scope, "in Russia's Kursk region near Ukraine's border", is 9 tokens).
SCOPE_MAX_TOKENS = 10
#: How many verbs up from the counted noun a scope may come from ("7,000 North Koreans equipped
#: with … had been transported to areas near Ukraine" needs two).
SCOPE_MAX_CLIMB = 2
#: Words after "a day" that make it a point in time, not a rate ("a day after the vote").
_NOT_RATE_AFTER = frozenset({"after", "before", "earlier", "later", "ago", "of", "when"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
_CLAUSE_DEPS = frozenset({"acl", "relcl"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NP_LEFT_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case", "nummod", "punct", "cc"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_CUT_TEXT = frozenset({",", ";", "(", ")", "–", "—", ":", '"', "“", "”"})


@dataclass(frozen=True, slots=True)
class People:
    """The article's PERSON mentions, sorted by start, to resolve "he said"."""

    starts: tuple[int, ...]
    mentions: tuple[Mention, ...]

    @classmethod
    def of(cls, mentions: list[Mention]) -> People:
        people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start)
        return cls(tuple(m.start for m in people), tuple(people))

    def covering(self, offset: int) -> Mention | None:
        i = bisect_left(self.starts, offset + 1) - 1
        if i >= 0 and self.mentions[i].end > offset:
            return self.mentions[i]
        return None

    def before(self, offset: int) -> Mention | None:
        i = bisect_left(self.starts, offset) - 1
        return self.mentions[i] if i >= 0 else None


# ------------------------------------------------------------------------------ counted noun


def counted_noun(doc: Doc, span: NumberSpan) -> Token | None:
    """The noun a number counts: "8,000 [soldiers]", "6% of [voters]", "[toll] rose to 205"."""
    if span.unit_token is not None:
        unit = doc[span.unit_token]
        return _of_object(unit) or unit
    root = number_root(doc, span)
    head = root.head
    if root.dep_ in _MODIFIER_DEPS and head.pos_ in _NOUNS and head.i >= span.end:
        return _of_object(head) if head.lower_ in {"percent", "%"} else head
    return _of_object(root) or _money_object(root, span) or _changed_subject(root) or _of_head(root)


def number_root(doc: Doc, span: NumberSpan) -> Token:
    """The token of the span whose head lies outside it (the span's syntactic root)."""
    for i in range(span.start, span.end):
        head = doc[i].head
        if head.i < span.start or head.i >= span.end or head.i == i:
            return doc[i]
    return doc[span.numbers[-1]]


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _money_object(root: Token, span: NumberSpan) -> Token | None:
    """ "$2.5 million in emergency [aid]" """
    if span.unit not in MONEY_UNITS:
        return None
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "for"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _changed_subject(root: Token) -> Token | None:
    """The subject of "rose to", "jumped", "is worth": what a bare number measures."""
    token = root
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return None
        if head.lower_ in CHANGE_VERBS:
            subject = _relative_antecedent(head, _subject(head))
            if subject is not None and subject.pos_ in _NOUNS:
                return _of_object(subject) if _is_total(subject) else subject
            return None
        if head.pos_ not in {"ADP", "ADJ"}:
            return None
        token = head
    return None


def _relative_antecedent(verb: Token, subject: Token | None) -> Token | None:
    """ "the toll, which stood at 30": the relative pronoun stands for the noun it hangs on."""
    if subject is not None and subject.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        return verb.head
    return subject


def _of_head(root: Token) -> Token | None:
    """ "a [rise] of 8 percent", "a death [toll] of 205" """
    prep = root.head
    if root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ in _NOUNS:
        return prep.head
    return None


def _is_total(token: Token) -> bool:
    return token.lower_ in {"number", "total", "tally", "count"} and _of_object(token) is not None


def counted_phrase(doc: Doc, noun: Token, span: NumberSpan) -> str:
    """The counted noun with its key modifiers: "North Korean soldiers", "artillery shells"."""
    if span.start <= noun.i < span.end:  # the unit itself: "12,000 hectares"
        return unbracketed(noun.text)
    if span.end <= noun.i <= span.end + SCOPE_MAX_TOKENS and _no_cut(doc, span.end, noun.i):
        start = span.end
    else:
        start = min((c.left_edge.i for c in noun.lefts if c.dep_ in _NP_LEFT_DEPS), default=noun.i)
        start = max(start, span.end) if start < span.end <= noun.i else start
    while start < noun.i and _is_leading(doc[start]):
        start += 1
    return unbracketed(doc[start : noun.i + 1].text)


def unbracketed(text: str) -> str:
    """A quotation's editorial brackets taken out: "a 30 min[ute] walk" counts "minute"."""
    return text.replace("[", "").replace("]", "")


def _is_leading(token: Token) -> bool:
    """Words dropped from the front of a counted phrase: "of the", "their", punctuation."""
    return token.lower_ in LEADING_WORDS or token.is_punct or token.pos_ == "ADP"


def _no_cut(doc: Doc, start: int, end: int) -> bool:
    return not any(doc[k].text in _CUT_TEXT or doc[k].pos_ in _VERBS for k in range(start, end))


def counted_head(noun: Token) -> str:
    """Normalised head: singular lower case, with a proper noun's compounds ("north korean")."""
    words = [singular(unbracketed(noun.lower_))]
    if noun.pos_ == "PROPN":
        words[:0] = [c.lower_ for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(words)


def singular(word: str) -> str:
    """A plural noun's singular, by rule ("soldiers" → "soldier", "casualties" → "casualty")."""
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if len(word) < 4 or not word.endswith("s") or word.endswith(SINGULAR_ENDINGS):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    return word[:-1]


# ------------------------------------------------------------------------------------- rate


def rate_after(doc: Doc, last: int) -> tuple[str, int] | None:
    """("day", end) for "a day", "per day", "every day", "daily" right after token ``last``."""
    j = last + 1
    if j >= len(doc):
        return None
    low = doc[j].lower_
    if low in RATE_ADVERBS:
        return RATE_ADVERBS[low], j + 1
    if low not in RATE_DETERMINERS or j + 1 >= len(doc):
        return None
    unit = doc[j + 1].lower_
    if unit not in RATE_UNITS:
        return None
    if j + 2 < len(doc) and doc[j + 2].lower_ in _NOT_RATE_AFTER:
        return None
    return RATE_UNITS[unit], j + 2


# ------------------------------------------------------------------------------------ scope


def scope(anchor: Token, lo: int, hi: int) -> str | None:
    """Where or what a figure is about: "in Russia's Kursk region", "to Russia".

    Prepositional phrases on the counted noun, on a clause attached to it ("troops deployed
    in …", "shells North Korea has sent to …"), or on the verbs above it, nearest first.
    ``lo``..``hi`` is the figure's own token range, never part of its scope.
    """
    for holder in _scope_holders(anchor):
        phrases = [_phrase(p) for p in holder.children if _is_scope_prep(p, lo, hi)]
        if phrases:
            return " ".join(phrases)
    return None


def _scope_holders(anchor: Token) -> Iterator[Token]:
    yield anchor
    yield from (c for c in anchor.children if c.dep_ in _CLAUSE_DEPS)
    token = anchor
    for _ in range(SCOPE_MAX_CLIMB):
        head = token.head
        if head.i == token.i or head.pos_ not in _VERBS or head.lower_ in ATTRIBUTION_VERBS:
            return
        yield head
        token = head


def _is_scope_prep(prep: Token, lo: int, hi: int) -> bool:
    if prep.dep_ not in {"prep", "dative"} or prep.lower_ not in SCOPE_PREPS:
        return False
    if prep.i < hi and prep.right_edge.i >= lo:  # the figure's own phrase ("rose to 6.2%")
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ not in _TIME_LABELS and obj.pos_ != "NUM"


def _ends_phrase(token: Token) -> bool:
    return token.text in _CUT_TEXT or token.is_space or token.dep_ in _CLAUSE_DEPS


def _phrase(prep: Token) -> str:
    doc = prep.doc
    end = prep.i + 1
    limit = min(prep.right_edge.i + 1, prep.i + SCOPE_MAX_TOKENS, prep.sent.end)
    while end < limit and not _ends_phrase(doc[end]):
        end += 1
    return doc[prep.i : end].text


# ------------------------------------------------------------------------------ attribution


def attribution(anchor: Token, people: People) -> tuple[str | None, str | None]:
    """(source, cue) for a figure: "according to X", an "X said" above it, or in its sentence."""
    sent = anchor.sent
    source = _according_to(sent, people)
    if source is not None:
        return source, "according to"
    verb = _speech_verb(anchor, sent)
    if verb is None:
        return None, None
    subject = _subject(verb)
    name = source_name(subject, people) if subject is not None else None
    return name, verb.lower_


def _according_to(sent: Span, people: People) -> str | None:
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        to = token.doc[token.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if to.lower_ == "to" and obj is not None:
            return source_name(obj, people)
    return None


def _speech_verb(anchor: Token, sent: Span) -> Token | None:
    """A say-type verb governing the figure, else one heading its sentence ("…, X say.")."""
    for token in anchor.ancestors:
        if _is_speech(token) and not _is_within(anchor, _subject(token)):
            return token
    root = sent.root
    for token in sent:
        if token == anchor or not _is_speech(token) or root not in (token, token.head):
            continue
        subject = _subject(token)
        if subject is not None and not _is_within(anchor, subject):
            return token
    return None


def _is_speech(token: Token) -> bool:
    return token.lower_ in ATTRIBUTION_VERBS and token.pos_ == "VERB"


def _is_within(anchor: Token, subject: Token | None) -> bool:
    """Is the figure itself the speaker ("200 protesters said")?"""
    return subject is not None and subject.left_edge.i <= anchor.i <= subject.right_edge.i


def _subject(verb: Token) -> Token | None:
    for _ in range(2):  # "X said … and added": the second verb borrows the first's subject
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def source_name(token: Token, people: People) -> str | None:
    """A source as named: titles and leading determiners off ("Lloyd Austin", "Biden
    administration", "Western analysts"); "he"/"she" → the nearest person named before."""
    low = token.lower_
    if low in PERSON_PRONOUNS:
        person = people.before(token.idx)
        return strip_titles(person.text.split(), person=True) if person else None
    if low in UNRESOLVED_SUBJECTS or token.pos_ == "PRON":
        return None
    person = people.covering(token.idx)
    if person is not None:
        return strip_titles(person.text.split(), person=True)
    if token.pos_ == "PROPN":
        return _proper_name(token)
    return _noun_phrase(token)


def _proper_name(token: Token) -> str:
    """The compound run ending at a proper noun, titles off: "Defense Minister Anya Korvel"."""
    words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = words[0].i if words else token.i
    names = [t.text for t in token.doc[start : token.i + 1] if t.lower_ not in LEADING_WORDS]
    return strip_titles(names, person=token.ent_type_ == "PERSON")


def _noun_phrase(token: Token) -> str:
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and (doc[start].lower_ in LEADING_WORDS or doc[start].is_punct):
        start += 1
    end = token.i + 1
    of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        end = of.right_edge.i + 1
    return _strip_possessive(doc[start:end].text)


def strip_titles(words: list[str], person: bool) -> str:
    """Leading titles off a name; for non-persons only when two or more words remain."""
    keep = 1 if person else 2
    while len(words) > keep and words[0].lower() in TITLES:
        words = words[1:]
    return _strip_possessive(" ".join(words))


def _strip_possessive(text: str) -> str:
    for ending in ("'s", "’s"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text
