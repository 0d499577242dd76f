"""The words that attribute a quote: cue verbs, their speakers, "according to", channels.

The pieces :mod:`newsloom.annotate.quote_attribution` combines: a ``Cue`` (who, by which word,
through which medium) found among given tokens, the speaker of a cue verb (its subject, or the
phrase next to it when the parser lost the subject), and the channel a cue names ("said in a
post on Telegram" → "a post on Telegram").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsloom.annotate.quote_vocab import CHANNEL_NOUNS, CHANNEL_PREPS, CUE_VERBS, PLATFORMS
from newsloom.annotate.quotemarks import MarkSpan
from newsloom.annotate.speakers import Speaker, glued_subject, subject_of, subject_phrase
from newsloom.model import Mention

__all__ = ["Ctx", "Cue", "according_cue", "channel_of", "cue_for", "cue_in", "tokens_between"]

_PHRASE_POS = frozenset({"PROPN", "PRON", "DET", "NOUN"})
_NOUN_POS = frozenset({"PROPN", "NOUN"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_AUDIENCE_DEPS = frozenset({"dobj", "dative", "iobj"})
_ACCORDING = "according to"
#: The reader addressed in the text: the subject of no verb that introduces a quote unless the
#: verb is a speech verb ("you're looking at", "you'll find" after a quoted term).
READERS = frozenset({"you", "you'll", "you're", "you've", "you'd"})


@dataclass(frozen=True, slots=True)
class Cue:
    """An attribution found for a quote: who, by which word, through which channel."""

    speaker: Speaker | None
    word: str
    start: int
    end: int
    channel: str | None
    adjacent: bool
    token: int  # index of the cue token, to tell the cue of a split quote


@dataclass(frozen=True, slots=True)
class Ctx:
    """One article: the parse, its text (``Doc.text`` is rebuilt on every access), mentions
    and quote-mark spans."""

    doc: Doc
    text: str
    mentions: list[Mention]
    spans: list[MarkSpan]


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    view = doc.char_span(start, end, alignment_mode="contract")
    if view is None:
        return []
    return [t for t in view if not t.is_space and t.text not in "\"“”„‘’'"]


def cue_in(
    ctx: Ctx, tokens: list[Token], span: MarkSpan, *, any_verb: bool, adjacent: bool
) -> Cue | None:
    """The first cue among ``tokens`` (a vocabulary verb, "according to", or with ``any_verb``
    any verb with a subject outside the quote) and its speaker."""
    for token in tokens:
        low = token.text.lower()
        if low == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            return according_cue(token, ctx.mentions, adjacent)
        is_cue = low in CUE_VERBS and token.pos_ in {"VERB", "AUX"}
        if is_cue or (any_verb and token.pos_ == "VERB"):
            speaker = _speaker_of(token, ctx.mentions, span, tokens if adjacent else None)
            if not is_cue and speaker is not None and speaker.name.lower() in READERS:
                continue  # 'the side pocket, or "pouch," you're looking at': the reader's verb
            if speaker is not None or is_cue:
                return cue_for(token, speaker, adjacent)
    return None


def cue_for(verb: Token, speaker: Speaker | None, adjacent: bool) -> Cue:
    word = CUE_VERBS.get(verb.lower_, verb.lower_)
    end = verb.idx + len(verb.text)
    return Cue(speaker, word, verb.idx, end, channel_of(verb), adjacent, verb.i)


def according_cue(token: Token, mentions: list[Mention], adjacent: bool) -> Cue | None:
    to = token.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"]
    target = objects[0] if objects else (to.nbor() if to.i + 1 < len(to.doc) else None)
    if target is None:
        return None
    speaker = subject_phrase(target, mentions)
    end = to.idx + len(to.text)
    return Cue(speaker, _ACCORDING, token.idx, end, None, adjacent, token.i)


def _speaker_of(
    verb: Token, mentions: list[Mention], span: MarkSpan, tail: list[Token] | None = None
) -> Speaker | None:
    """The cue's subject, unless the parser took it from inside the quote or found none; then
    the phrase opening the text after the quote (``"…," Trump, the nominee, said``), the noun
    phrase right after the verb (``said another New Hampshire Democrat``; never the audience
    of "told" nor the clause after "saying") or right before it (``Austin said``)."""
    subj = subject_of(verb)
    if subj is not None and not span.open_at <= subj.idx < span.close_at:
        return subject_phrase(subj, mentions)
    glued = glued_subject(subj, span.close_at, mentions) if subj is not None else None
    if glued is not None:
        return glued
    if tail:
        first = _first_phrase_speaker(tail, verb, mentions)
        if first is not None:
            return first
    doc = verb.doc
    # "told reporters": the audience; "saying the U.S. …": the reported clause
    object_after = CUE_VERBS.get(verb.lower_) == "told" or verb.tag_ == "VBG"
    after = () if object_after else (verb.i + 1,)
    for i in (*after, verb.i - 1):
        outside = 0 <= i < len(doc) and not span.open_at <= doc[i].idx < span.close_at
        if outside and _starts_name_phrase(doc[i]):
            return subject_phrase(_phrase_head(doc[i], verb), mentions)
    return None


def _starts_name_phrase(token: Token) -> bool:
    if token.pos_ in _PHRASE_POS:
        return True
    return token.is_title and token.is_alpha  # "said Skelly", with Skelly tagged ADV


def _phrase_head(token: Token, verb: Token) -> Token:
    """The noun heading the phrase that ``token`` starts or ends: "another New Hampshire
    Democrat" → Democrat."""
    head = token
    while head.head.i > head.i and head.head.pos_ in _NOUN_POS and head.head != verb:
        head = head.head
    return head


def _first_phrase_speaker(
    tokens: list[Token], verb: Token, mentions: list[Mention]
) -> Speaker | None:
    """``"…," Trump, the party's nominee, said``: the phrase opening the tail is the speaker
    when the parser lost the subject."""
    if not tokens or tokens[0].i >= verb.i or not _starts_name_phrase(tokens[0]):
        return None
    return subject_phrase(_phrase_head(tokens[0], verb), mentions)


def channel_of(verb: Token) -> str | None:
    """The medium the cue names ("a post on Telegram", "a statement", "reporters"), or None."""
    pieces: list[str] = []
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in CHANNEL_PREPS and _names_medium(child):
            words = _phrase_words(child)
            pieces.append(" ".join(words[1:] if not pieces else words))
    if pieces:
        return " ".join(pieces)
    if verb.lower_ in {"told", "tell", "tells", "telling"}:
        for child in verb.rights:
            if child.dep_ in _AUDIENCE_DEPS:
                return " ".join(_phrase_words(child))
    return None


def _names_medium(prep: Token) -> bool:
    return any(
        t.lower_ in CHANNEL_NOUNS or t.lower_ in PLATFORMS for t in prep.subtree if t is not prep
    )


def _phrase_words(head: Token) -> list[str]:
    """The words of ``head``'s phrase without time words and "in <place>" phrases."""
    dropped: set[int] = set()
    for token in head.subtree:
        if token.dep_ == "prep" and token is not head and _is_place_phrase(token):
            dropped.update(t.i for t in token.subtree)
    return [
        t.text
        for t in head.subtree
        if t.i not in dropped and t.ent_type_ not in _TIME_ENTS and not t.is_space
    ]


def _is_place_phrase(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].ent_type_ in _PLACE_ENTS
