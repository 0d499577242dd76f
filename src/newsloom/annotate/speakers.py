"""Speakers: names without titles, subject phrases, and resolving "Zelenskyy" / "he" in an article.

``canonical_name`` is the string-only helper others reuse. ``subject_phrase`` turns the subject
token of a cue verb into the words that name the speaker (a name run, a pronoun, or a group
phrase such as "U.S. and South Korean officials"). ``NameBook`` remembers, in text order, the full
names an article gives, so that a later surname or pronoun resolves to the first full form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Token

from newsloom.annotate.quote_vocab import (
    CUE_VERBS,
    GROUP_PRONOUNS,
    NAMING_CUES,
    NOT_NAME,
    PERSON_PRONOUNS,
    PRONOUNS,
    TITLES,
)
from newsloom.model import Mention

SpeakerKind = Literal["person", "group", "pronoun"]

_POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.I)
_SPACE_RE = re.compile(r"\s+")
#: Dependents kept to the right of a group's head noun: "a spokesman for the campaign".
_KEPT_RIGHT_PREPS = frozenset({"of", "for", "at", "from", "with", "in"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Links followed up from a cue verb to the clause holding its subject; "acl", "dobj", "pobj"
#: reach the speaker of a participle on a noun: "The union issued a statement saying …",
#: "wrote to members saying …", "sent an email to riders stating …".
_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "acl", "dobj", "pobj"})
#: Steps at most from a cue verb up to its subject. PolNeAR train speaker accuracy
#: (bench/polnear.py) with the noun links: 3 → 92.6%, 4 → 92.9%, 5 → 93.0%, 6 → 93.0%
#: (without them, 3 steps: 92.4%).
_SUBJECT_CLIMB = 5
#: "the council, which said …": the relative pronoun stands for the noun the clause modifies.
_RELATIVES = frozenset({"who", "which", "that"})
_NAME_DEPS = frozenset({"compound", "flat", "nmod", "amod"})
_PERSON_LABELS = frozenset({"PERSON"})
_QUOTE_MARKS = '"“”'
#: Parts of speech of an "of" phrase that belongs to a name: "of the Inspector General".
_OF_PHRASE_POS = frozenset({"ADP", "DET", "PROPN", "CCONJ"})


def canonical_name(text: str) -> str:
    """A name without leading titles, roles, possessive owners or possessive ending.

    "Ukraine’s President Volodymyr Zelenskyy" → "Volodymyr Zelenskyy";
    "U.S. Secretary of Defense Lloyd Austin" → "Lloyd Austin"; "Putin’s" → "Putin".
    Words up to the last title (or possessive, or lowercase word) go when a name is left after
    them; otherwise only leading titles go ("Martin Luther King" stays whole).
    """
    words = _SPACE_RE.sub(" ", text).strip().split(" ")
    if not words or words == [""]:
        return ""
    words[-1] = _POSSESSIVE_RE.sub("", words[-1])
    cut = 0
    for i, word in enumerate(words[:-1]):
        if _is_title_like(word):
            cut = i + 1
    kept = words[cut:]
    while len(kept) > 1 and (kept[0].lower() in TITLES or kept[0].lower() in NOT_NAME):
        kept = kept[1:]
    return " ".join(w for w in kept if w).strip(" ,")


def _is_title_like(word: str) -> bool:
    low = word.lower()
    return (
        low in TITLES
        or low in NOT_NAME
        or bool(_POSSESSIVE_RE.search(word))
        or (word[:1].islower() and word[:1].isalpha())
    )


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as written (``start``/``end`` into the text) and as resolved (``name``)."""

    name: str
    start: int
    end: int
    kind: SpeakerKind


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, looking up through "X has said", "X urged …, saying",
    "X ended by saying" (at most ``_SUBJECT_CLIMB`` steps)."""
    token = verb
    for _ in range(_SUBJECT_CLIMB):
        subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            # two subjects are a misparse ("Nothing the president said "…," the senator
            # said"): the one nearest the verb is its own
            child = min(subjects, key=lambda c: abs(c.i - token.i))
            if token is verb and _named_thing(verb, child):
                return None
            relative = child.lower_ in _RELATIVES and token.dep_ == "relcl"
            return token.head if relative else child
        if token.dep_ not in _CLIMB_DEPS or token.head is token:
            return None
        token = token.head
    return None


def _named_thing(verb: Token, subj: Token) -> bool:
    """ "it has been dubbed "…"", "the plan was labeled "…"": a naming verb's passive subject
    is the thing named, not whoever named it."""
    return subj.dep_ == "nsubjpass" and CUE_VERBS.get(verb.lower_) in NAMING_CUES


def subject_phrase(subj: Token, mentions: list[Mention]) -> Speaker:
    """The words naming the speaker whose head is ``subj``: a name, pronoun or group phrase."""
    low = subj.text.lower()
    if low in PRONOUNS:
        return Speaker(subj.text, subj.idx, subj.idx + len(subj.text), "pronoun")
    if subj.pos_ == "PROPN":
        return _proper_subject(subj, mentions)
    named = _appositive_name(subj)
    if named is not None:  # "the fire chief, Mara Quist, said": the name is who spoke
        return subject_phrase(named, mentions)
    return _group_phrase(subj)


def _proper_subject(subj: Token, mentions: list[Mention]) -> Speaker:
    """A name run ending at ``subj``; an organisation's name keeps a possessive the tagger
    reads as one name with it ("the People's Daily") and "of" phrases of proper words
    ("the Office of the Inspector General"), which a person's name does not take."""
    doc = subj.doc
    first = _name_start(subj)
    start, end = doc[first].idx, subj.idx + len(subj.text)
    person = _person_mention(subj, mentions)
    if person is not None and _trusted_start(person.start, start, mentions):
        # "Ocasio-Cortez", "ambassador to Britain Anton Marquell"
        text = person.text[: end - person.start]
        return Speaker(canonical_name(text) or text, person.start, end, "person")
    text = doc[first : subj.i + 1].text
    name = canonical_name(text) or text
    if _is_person(name, start, end, mentions):
        return Speaker(name, start, end, "person")
    owner = _owner_in_name(subj, first, mentions)
    if owner is not None:
        start, name = doc[owner].idx, doc[owner : subj.i + 1].text
    last = _of_phrase_end(subj)
    if last > subj.i and _one_name(start, doc[last].idx + len(doc[last].text), mentions):
        end = doc[last].idx + len(doc[last].text)
        name = f"{name} {doc[subj.i + 1 : last + 1].text}"
    return Speaker(name, start, end, "group")


def _person_mention(head: Token, mentions: list[Mention]) -> Mention | None:
    """The PERSON mention that holds ``head`` and ends with it: its bounds, not the parse's
    name run, say where the name starts (a hyphen splits a run, a place may lead it)."""
    lo, hi = head.idx, head.idx + len(head.text)
    return next(
        (m for m in mentions if m.label in _PERSON_LABELS and m.start <= lo and m.end == hi),
        None,
    )


def _trusted_start(person_start: int, run_start: int, mentions: list[Mention]) -> bool:
    """Whether a PERSON mention's start is the name's: it reaches further left than the parse's
    name run, or what it leaves out of the run is another name ("to Britain Anton Marquell");
    not when the tagger dropped a word of the name ("He Jianxiong" tagged "Jianxiong")."""
    if person_start <= run_start:
        return True
    return any(
        m.label not in _PERSON_LABELS and m.start <= run_start and person_start - 1 <= m.end
        for m in mentions
    )


def _one_name(start: int, end: int, mentions: list[Mention]) -> bool:
    """One non-person mention spans ``start``..``end`` ("the Bank of England"); "Wee of the
    Times" is a person and the paper she writes for."""
    return any(
        m.label not in _PERSON_LABELS and m.start <= start and end <= m.end for m in mentions
    )


def _owner_in_name(head: Token, first: int, mentions: list[Mention]) -> int | None:
    """Index where a possessive owner of ``head`` starts when one non-person mention spans
    owner and head ("the People's Daily" is one name; "Ukraine's Zelenskyy" is two)."""
    owner = next((c for c in head.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None or owner.i >= first:
        return None
    owner_first = _name_start(owner)
    lo, hi = head.doc[owner_first].idx, head.idx + len(head.text)
    spans = any(m.label not in _PERSON_LABELS and m.start <= lo and hi <= m.end for m in mentions)
    return owner_first if spans else None


def _of_phrase_end(head: Token) -> int:
    """Index of the last token of the "of …" phrases of proper words right of ``head``
    ("Bank of England", "Office of the Inspector General"); ``head.i`` when there is none."""
    right = head.i
    for child in head.rights:
        words = list(child.subtree)
        proper = all(t.pos_ in _OF_PHRASE_POS for t in words) and words[-1].pos_ == "PROPN"
        if not (child.dep_ == "prep" and child.lower_ == "of" and proper):
            break
        right = child.right_edge.i
    return right


def _appositive_name(head: Token) -> Token | None:
    """A proper name set beside a common-noun subject ("the fire chief, Mara Quist")."""
    return next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def glued_subject(token: Token, cut: int, mentions: list[Mention]) -> Speaker | None:
    """The words of ``token`` after offset ``cut``: a subject the tokenizer glued to the
    closing quote mark before it (``paranoia,”Clinton said``)."""
    end = token.idx + len(token.text)
    start = cut + 1
    part = token.text[start - token.idx :]  # not doc.text: rebuilt whole on each access
    if not (token.idx < start < end and part[:1].isupper() and part.isalpha()):
        return None
    kind: SpeakerKind = "person" if _is_person(part, start, end, mentions) else "group"
    if part.lower() in PRONOUNS:
        kind = "pronoun"
    return Speaker(part, start, end, kind)


def _name_start(head: Token) -> int:
    """Index of the first token of the name run ending at ``head``: PROPN compounds to the left,
    stopping at titles and glue words ("Defense Secretary Lloyd Austin" → "Lloyd")."""
    first = head.i
    doc = head.doc
    while first > 0:
        prev = doc[first - 1]
        low = prev.text.lower()
        if prev.pos_ != "PROPN" or low in TITLES or low in NOT_NAME or prev.head.i < first - 1:
            break
        if any(mark in low for mark in _QUOTE_MARKS):  # ,”Hillary Clinton: glued to a quote
            break
        if prev.dep_ not in _NAME_DEPS:
            break
        first -= 1
    return first


def _is_person(name: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """A PERSON mention overlaps the name; or no other mention is exactly it and it has two
    words or more (NER often labels "Defense Lloyd Austin" ORG)."""
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    if any(m.label in _PERSON_LABELS for m in overlapping):
        return True
    if any(name in {m.text, m.norm} for m in overlapping):
        return False
    return len(name.split()) >= 2


def _group_phrase(head: Token) -> Speaker:
    """A common-noun subject with its left dependents and "of/for …" phrases on the right."""
    doc = head.doc
    left = head.left_edge.i
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    right = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.text.lower() in _KEPT_RIGHT_PREPS:
            right = max(right, child.right_edge.i)
        else:
            break
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    return Speaker(doc[left : right + 1].text, start, end, "group")


@dataclass(slots=True)
class NameBook:
    """Full names in text order; resolves surnames and pronouns to them."""

    full: list[str] = field(default_factory=list)
    persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, name) subjects
    groups: list[tuple[int, str]] = field(default_factory=list)
    #: (offset, channel noun, speaker): who spoke through which statement, post, letter …
    channels: list[tuple[int, str, Speaker]] = field(default_factory=list)

    @classmethod
    def from_mentions(cls, doc: Doc, mentions: list[Mention]) -> NameBook:
        book = cls()
        for m in sorted(mentions, key=lambda m: m.start):
            if m.label not in _PERSON_LABELS:
                continue
            name = canonical_name(m.norm or m.text)
            if not name:
                continue
            name = book.add(name)
            if _is_subject_at(doc, m.start, m.end):
                book.persons.append((m.start, name))
        return book

    def add(self, name: str) -> str:
        """Register ``name``; return the full form it resolves to."""
        resolved = self.resolve(name)
        if resolved == name and name not in self.full:
            self.full.append(name)
        return resolved

    def resolve(self, name: str) -> str:
        """The first full name that ends with, or contains, all the words of ``name``."""
        words = name.lower().split()
        if not words:
            return name
        for full in self.full:
            full_words = full.lower().split()
            if len(full_words) > len(words) and _contains(full_words, words):
                return full
        return name

    def note(self, speaker: Speaker) -> None:
        """Remember a resolved speaker as the latest candidate for later pronouns."""
        if speaker.kind == "person":
            self.persons.append((speaker.start, speaker.name))
        elif speaker.kind == "group":
            self.groups.append((speaker.start, speaker.name))

    def note_channel(self, noun: str, speaker: Speaker) -> None:
        """Remember that ``speaker`` spoke through a ``noun`` ("said in a statement")."""
        if speaker.kind in ("person", "group"):
            self.channels.append((speaker.start, noun, speaker))

    def channel_owner(self, noun: str, offset: int) -> Speaker | None:
        """Who spoke, before ``offset``, through the ``noun`` a later quote is credited to ("…,”
        the statement said")."""
        before = [(pos, who) for pos, n, who in self.channels if n == noun and pos < offset]
        return max(before, key=lambda t: t[0])[1] if before else None

    def antecedent(self, pronoun: str, offset: int) -> str | None:
        """The latest person (he/she) or group (they/it) named before ``offset``."""
        low = pronoun.lower()
        if low in PERSON_PRONOUNS:
            pool = self.persons
        elif low in GROUP_PRONOUNS:
            pool = self.groups
        else:
            return None
        before = [(pos, name) for pos, name in pool if pos < offset]
        return max(before)[1] if before else None


def _contains(full: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(full[i : i + n] == part for i in range(len(full) - n + 1))


def _is_subject_at(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _SUBJECT_DEPS


def resolve(speaker: Speaker, book: NameBook) -> Speaker:
    """``speaker`` with ``name`` resolved: a surname to its full name, a pronoun to its
    antecedent (kept as written when none is found)."""
    if speaker.kind == "pronoun":
        name = book.antecedent(speaker.name, speaker.start)
        if name is None:
            return speaker
        kind: SpeakerKind = "person" if speaker.name.lower() in PERSON_PRONOUNS else "group"
        return Speaker(name, speaker.start, speaker.end, kind)
    if speaker.kind == "person":
        return Speaker(book.add(speaker.name), speaker.start, speaker.end, "person")
    full = book.resolve(speaker.name)  # a surname NER did not call a person
    if full != speaker.name:
        return Speaker(full, speaker.start, speaker.end, "person")
    return speaker
