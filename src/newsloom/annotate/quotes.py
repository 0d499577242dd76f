"""Who said what: direct quotes with speaker, cue and channel, and reported speech.

``find_quotes(doc, mentions)`` reads spaCy's parse of an article body (tagger + parser; the
lemmatizer is not needed) and returns ``Quote`` items in text order:

- a **direct quote** is each contiguous quoted span (marks excluded). A quote split around its
  cue (``"…," Austin said. "…"``) or run over paragraphs gives one item per contiguous span, the
  parts sharing ``group`` and numbered by ``part``, so that fuse can match a variant that quotes
  only one part;
- the **cue** is searched after the quote first (``"…," X said``, ``"…," said X``,
  ``"…," according to X``), then before it in the same sentence (``X said: "…"``), then at the
  end of the previous paragraph when it ends with a colon; a quote with none of these continues
  the speaker of the quoted passage it belongs to;
- ``Quote.cue`` is the verb's simple past ("says" → "said"), or "according to";
- the **speaker** is the subject of the cue: a name with titles stripped and resolved to the
  article's first full form ("Zelenskyy" → "Volodymyr Zelenskyy"), a pronoun resolved to the
  latest person (he/she) or group (they/it) named before it, or a group phrase as written
  ("U.S. and South Korean officials"); ``speaker_start``/``speaker_end`` point at the words as
  written;
- the **channel** is the noun phrase of the cue's "in/on/during/at …" phrases that name a medium
  (a post, a statement, an interview, Telegram…), preposition of the first phrase dropped and
  time words removed: "said in a post late Friday on Telegram" → "a post on Telegram"; failing
  that, the audience of "told": "told reporters" → "reporters";
- a **fragment** is a short quote (at most ``FRAGMENT_MAX_WORDS`` words) embedded in a sentence
  and not introduced by its cue: scare quotes ("stop “watching”"), a borrowed phrase ("be “at
  war”");
- **reported speech** ("X said that …", "…, X said", "according to X, …") gives items with
  ``direct=False`` whose text is the reported clause.

``date`` is left ``None``: the time expressions of the cue's sentence give it later.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsloom.annotate.quote_vocab import (
    CHANNEL_NOUNS,
    CHANNEL_PREPS,
    CUE_VERBS,
    PLATFORMS,
    REPORTING_CUES,
)
from newsloom.annotate.quotemarks import MarkSpan, find_mark_spans
from newsloom.annotate.speakers import (
    NameBook,
    Speaker,
    canonical_name,
    glued_subject,
    resolve,
    subject_of,
    subject_phrase,
)
from newsloom.model import Mention, Quote

__all__ = ["canonical_name", "find_quotes"]

#: Longest embedded quote, not introduced by its cue, still called a fragment. Measured on
#: PolNeAR train (first 400 articles, bench/polnear.py): 2 words → quote recall 97.3%, lenient
#: precision 92.4%; 4 → 94.0% / 93.5%; 6 → 92.0% / 93.8%; speaker accuracy flat (86.2–86.5%).
#: 4 keeps "at war"-style phrases out of the speech list, as issue 5 asks.
FRAGMENT_MAX_WORDS = 4
#: A cue after a quote that ends with a full stop is taken only within this many tokens
#: (``"…." Trump said.``). Same measurement: 0 → speaker accuracy 86.1%, 6 → 86.4%,
#: 12 → 86.7% (recall 94.2%, precision 93.3%); kept small so that a following sentence about
#: something else is not read as the cue. Re-measured on all of train (840 articles, with the
#: nearest-subject fix): 6 → 88.6%, 9 → 88.7%, 12 → 88.7%, 16 → 88.3%, 24 → 88.0%.
SHORT_TAIL_TOKENS = 9
#: A quote without any cue takes the voice of the last attributed quote within this many
#: characters before it. PolNeAR train speaker accuracy: none 88.7%, 200 → 89.3%,
#: 400 → 89.3%, 800 → 89.4%, 2000 → 89.4%; quote scores unchanged. Giving it also to quotes
#: whose only cue is a non-speech verb with a group subject lowered it to 89.0%.
VOICE_GAP_CHARS = 800
#: Words at most between the comma and the cue closing a long sentence after a quote
#: (``…, he said.``).
CLOSING_CUE_TOKENS = 4
#: How far back (characters) to look for the "He said:" line or the sentence before a quote.
COLON_LOOKBACK = 400
#: Reported clauses shorter than this many tokens are dropped ("he said so").
REPORTED_MIN_TOKENS = 3

_SPEECH_END = frozenset(",?!—–-…:")
_PARA_TAIL = " \t\n.,;:!?…—–-\"“”’'"
_SENTENCE_END = frozenset({".", "!", "?"})
_PHRASE_POS = frozenset({"PROPN", "PRON", "DET", "NOUN"})
_NOUN_POS = frozenset({"PROPN", "NOUN"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_AUDIENCE_DEPS = frozenset({"dobj", "dative", "iobj"})
_ACCORDING = "according to"


@dataclass(frozen=True, slots=True)
class _Cue:
    """An attribution found for a quote: who, by which word, through which channel."""

    speaker: Speaker | None
    word: str
    start: int
    end: int
    channel: str | None
    adjacent: bool
    token: int  # index of the cue token, to tell the cue of a split quote


@dataclass(frozen=True, slots=True)
class _Ctx:
    """One article: the parse, its text (``Doc.text`` is rebuilt on every access), mentions
    and quote-mark spans."""

    doc: Doc
    text: str
    mentions: list[Mention]
    spans: list[MarkSpan]


@dataclass(slots=True)
class _Item:
    quote: Quote
    speaker: Speaker | None


def find_quotes(doc: Doc, mentions: list[Mention]) -> list[Quote]:
    """Direct quotes and reported speech in ``doc``, in text order (see the module docstring)."""
    text = doc.text
    ctx = _Ctx(doc, text, mentions, find_mark_spans(text))
    items = _direct_items(ctx)
    used = {q.quote.cue_start for q in items if q.quote.cue_start is not None}
    items += _reported_items(ctx, used)
    items.sort(key=lambda it: (it.quote.start, it.quote.direct))
    book = NameBook.from_mentions(doc, mentions)
    return [_resolved(item, book) for item in items]


def _resolved(item: _Item, book: NameBook) -> Quote:
    if item.speaker is None:
        return item.quote
    speaker = resolve(item.speaker, book)
    if (noun := _channel_speaker(speaker.name)) is not None:
        # "“…,” the statement said": the statement is the one someone made just before.
        owner = book.channel_owner(noun, speaker.start)
        if owner is not None:
            speaker = Speaker(owner.name, speaker.start, speaker.end, owner.kind)
    book.note(speaker)
    if item.quote.channel and (noun := _channel_noun(item.quote.channel)) is not None:
        book.note_channel(noun, speaker)
    return item.quote.model_copy(update={"speaker": speaker.name})


_CHANNEL_DETERMINERS = frozenset({"the", "this", "that", "a", "an", "his", "her", "its", "their"})


def _channel_speaker(name: str) -> str | None:
    """The channel noun of a speaker that is a channel ("the statement", "her post")."""
    words = name.lower().split()
    if len(words) == 2 and words[0] in _CHANNEL_DETERMINERS and words[1] in CHANNEL_NOUNS:
        return _singular(words[1])
    return None


def _channel_noun(channel: str) -> str | None:
    """The head noun of a channel phrase: "a post on Telegram" → post."""
    return next((_singular(w) for w in channel.lower().split() if w in CHANNEL_NOUNS), None)


def _singular(noun: str) -> str:
    return noun if noun == "address" else noun.removesuffix("s")


# ------------------------------------------------------------------------------ direct quotes


@dataclass(frozen=True, slots=True)
class _Main:
    """The last quote that is not a fragment: the passage a new span may continue."""

    k: int
    group: int
    part: int
    cue: _Cue | None


def _direct_items(ctx: _Ctx) -> list[_Item]:
    """One item per quoted span; a span joins the passage of the last quote that is not a
    fragment when it continues it (same cue, next paragraph, nothing between)."""
    items: list[_Item] = []
    main: _Main | None = None
    groups = 0
    for k, span in enumerate(ctx.spans):
        cue, joins = _attribute(ctx, k, main.k if main else -1), span.continues
        if main is not None and main.cue is not None:
            joins = joins or (cue is not None and cue.token == main.cue.token)
            if cue is None and _follows_quote(ctx, k, main.k, main.cue):
                cue, joins = main.cue, True
        if cue is None and not _head_tokens(ctx, k):
            cue = _previous_sentence_cue(ctx, span)
        if cue is None and main is not None:
            cue = _nearby_voice(ctx, k, main)
        if joins and main is not None:
            group, part = main.group, main.part + 1
            cue = cue or main.cue
        else:
            group, part, groups = groups, 0, groups + 1
        item = _direct_item(ctx.text, span, cue, group, part)
        items.append(item)
        if not item.quote.fragment:
            main = _Main(k, group, part, cue)
    _share_within_groups(items)
    return items


def _nearby_voice(ctx: _Ctx, k: int, main: _Main) -> _Cue | None:
    """A quote with no cue of its own, close after an attributed one, is most often the same
    voice going on after a sentence of narration (``VOICE_GAP_CHARS``)."""
    gap = ctx.spans[k].open_at - ctx.spans[main.k].close_at
    if main.cue is None or gap > VOICE_GAP_CHARS:
        return None
    return replace(main.cue, adjacent=False)


def _follows_quote(ctx: _Ctx, k: int, main_k: int, previous: _Cue) -> bool:
    """The same voice goes on: only space lies between this quote and the previous one, or
    this quote opens the paragraph after one that ended with the previous quote or with the
    previous quote's cue sentence (``"…," Trump said in an interview.``)."""
    span, prev = ctx.spans[k], ctx.spans[main_k]
    if not ctx.text[prev.close_at + 1 : span.open_at].strip():
        return True
    if span.open_at != span.para_start or ctx.text[prev.para_end : span.para_start].strip():
        return False
    rest = ctx.text[prev.close_at + 1 : prev.para_end].strip(_PARA_TAIL)
    in_rest = prev.close_at < previous.start < prev.para_end
    return prev.open_end or not rest or in_rest


def _direct_item(text: str, span: MarkSpan, cue: _Cue | None, group: int, part: int) -> _Item:
    quoted = text[span.start : span.end]
    adjacent = cue is not None and cue.adjacent
    quote = Quote(
        text=quoted,
        start=span.start,
        end=span.end,
        fragment=not adjacent and _is_fragment(text, span, quoted),
        group=group,
        part=part,
    )
    return _Item(_with_cue(quote, cue), cue.speaker if cue else None)


def _with_cue(quote: Quote, cue: _Cue | None) -> Quote:
    if cue is None:
        return quote
    update: dict[str, object] = {"cue": cue.word, "cue_start": cue.start, "cue_end": cue.end}
    update["channel"] = cue.channel
    if cue.speaker is not None:
        update["speaker"] = cue.speaker.name
        update["speaker_start"] = cue.speaker.start
        update["speaker_end"] = cue.speaker.end
    return quote.model_copy(update=update)


def _share_within_groups(items: list[_Item]) -> None:
    """Parts of a passage without a cue of their own take the speaker of a part that has one
    (a quote over paragraphs whose cue comes in its last paragraph)."""
    by_group: dict[int | None, _Item] = {}
    for item in items:
        if item.quote.cue is not None and item.quote.group not in by_group:
            by_group[item.quote.group] = item
    for item in items:
        donor = by_group.get(item.quote.group)
        if item.quote.cue is None and donor is not None:
            keys = ("speaker", "cue", "channel", "speaker_start", "speaker_end")
            update = {key: getattr(donor.quote, key) for key in keys}
            update |= {"cue_start": donor.quote.cue_start, "cue_end": donor.quote.cue_end}
            item.quote = item.quote.model_copy(update=update)
            item.speaker = donor.speaker


def _is_fragment(text: str, span: MarkSpan, quoted: str) -> bool:
    """Short, and embedded: the word before the opening mark belongs to the same sentence."""
    if len(quoted.split()) > FRAGMENT_MAX_WORDS:
        return False
    before = text[span.para_start : span.open_at].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "’'")


# ------------------------------------------------------------------------------- attribution


def _attribute(ctx: _Ctx, k: int, main_k: int) -> _Cue | None:
    """The cue of quote ``k``: after it, before it in its sentence, above it in the parse, in
    the sentence since quote ``main_k`` (the last non-fragment quote), or in a "He said:"
    paragraph."""
    span = ctx.spans[k]
    tail = _tail_tokens(ctx, k)
    # a nested quote's closing mark hides the comma: ``say, 'Well done,' " said Russell``
    last = ctx.text[span.start : span.end].rstrip(" '’")[-1:]
    ends_speech = last in _SPEECH_END
    if ends_speech or len(tail) <= SHORT_TAIL_TOKENS:
        cue = _cue_in(ctx, tail, span, any_verb=ends_speech, adjacent=True)
        if cue is not None and _subject_before(cue, span):
            # ``He said the base "went into collect mode" and said …``: the words before the
            # quote name its speaker; the quote stays introduced by a cue
            before = _cue_before(ctx, k, main_k)
            return cue if before is None else replace(before, adjacent=True)
        if cue is not None and (ends_speech or not _introduces_next(ctx, k, cue)):
            return cue
    elif last not in _SENTENCE_END:  # the sentence goes on after the quote
        cue = _closing_cue(ctx, tail, span)
        if cue is not None and not _subject_before(cue, span):
            return cue
    return _cue_before(ctx, k, main_k)


def _closing_cue(ctx: _Ctx, tail: list[Token], span: MarkSpan) -> _Cue | None:
    """A cue closing the sentence the quote opens, set off by a comma: ``"…" that Sanders can
    win, said Steve Elmendorf, an adviser.``, ``"…" because of the delegates, he said.``"""
    for n, token in enumerate(tail):
        if token.lower_ not in CUE_VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        comma = max((i for i in range(n) if tail[i].text == ","), default=-1)
        rest = tail[n + 1 :]
        closes = not rest or rest[0].text == "," or tail[n - 1].text == ","
        if comma >= 0 and n - comma <= CLOSING_CUE_TOKENS and closes:
            return _cue_in(ctx, [token], span, any_verb=False, adjacent=True)
    return None


def _introduces_next(ctx: _Ctx, k: int, cue: _Cue) -> bool:
    """The cue after a quote that ends its sentence introduces the next quote instead
    (``"…founder of ISIS." A flabbergasted Noah quipped, "It's like …"``)."""
    if k + 1 >= len(ctx.spans) or ctx.spans[k + 1].para_start != ctx.spans[k].para_start:
        return False
    end = max(cue.end, cue.speaker.end if cue.speaker is not None else cue.end)
    between = ctx.text[end : ctx.spans[k + 1].open_at].strip()
    return between in ("", ",", ":")


def _cue_before(ctx: _Ctx, k: int, main_k: int) -> _Cue | None:
    """The cue of quote ``k`` in the words before it: its sentence, the parse, the sentence
    since quote ``main_k``, or a "He said:" paragraph."""
    span = ctx.spans[k]
    head = _head_tokens(ctx, k)
    cue = _cue_in(ctx, head[::-1], span, any_verb=_after_colon(ctx.text, span), adjacent=False)
    if cue is not None:
        return replace(cue, adjacent=_introduces(ctx.text, cue, span))
    if head:
        return _governing_cue(ctx, span)
    if main_k >= 0 and ctx.spans[main_k].para_start == span.para_start:
        # "…," X said. "…": the second part's cue is the sentence between the two parts
        between = _tokens_between(ctx.doc, ctx.spans[main_k].close_at + 1, span.open_at)
        return _cue_in(ctx, between, span, any_verb=False, adjacent=True)
    return _colon_paragraph_cue(ctx, span)


def _after_colon(text: str, span: MarkSpan) -> bool:
    """The quote follows a colon in its paragraph: ``X said: "…"``."""
    return text[span.para_start : span.open_at].rstrip().endswith(":")


def _subject_before(cue: _Cue, span: MarkSpan) -> bool:
    """The cue's speaker, as written, stands before the quote."""
    return cue.speaker is not None and cue.speaker.start < span.open_at


def _tail_tokens(ctx: _Ctx, k: int) -> list[Token]:
    """Tokens after the closing mark, up to the sentence end, the next quote or the paragraph
    end."""
    spans = ctx.spans
    span = spans[k]
    stop = span.para_end
    if k + 1 < len(spans) and spans[k + 1].para_start == span.para_start:
        stop = min(stop, spans[k + 1].open_at)
    tokens: list[Token] = []
    for token in _tokens_between(ctx.doc, span.close_at + 1, stop):
        if token.text in _SENTENCE_END:
            break
        tokens.append(token)
    return tokens


def _head_tokens(ctx: _Ctx, k: int) -> list[Token]:
    """Tokens before the opening mark, back to the sentence start, the previous quote or the
    paragraph start."""
    spans = ctx.spans
    span = spans[k]
    begin = span.para_start
    if k > 0 and spans[k - 1].para_start == span.para_start:
        begin = max(begin, spans[k - 1].close_at + 1)
    tokens = _tokens_between(ctx.doc, begin, span.open_at)
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].text in _SENTENCE_END:
            return tokens[i + 1 :]
    return tokens


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    view = doc.char_span(start, end, alignment_mode="contract")
    if view is None:
        return []
    return [t for t in view if not t.is_space and t.text not in "\"“”„‘’'"]


def _cue_in(
    ctx: _Ctx, tokens: list[Token], span: MarkSpan, *, any_verb: bool, adjacent: bool
) -> _Cue | None:
    """The first cue among ``tokens`` (a vocabulary verb, "according to", or with ``any_verb``
    any verb with a subject outside the quote) and its speaker."""
    for token in tokens:
        low = token.text.lower()
        if low == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            return _according_cue(token, ctx.mentions, adjacent)
        is_cue = low in CUE_VERBS and token.pos_ in {"VERB", "AUX"}
        if is_cue or (any_verb and token.pos_ == "VERB"):
            speaker = _speaker_of(token, ctx.mentions, span, tokens if adjacent else None)
            if speaker is not None or is_cue:
                return _cue_for(token, speaker, adjacent)
    return None


def _cue_for(verb: Token, speaker: Speaker | None, adjacent: bool) -> _Cue:
    word = CUE_VERBS.get(verb.lower_, verb.lower_)
    end = verb.idx + len(verb.text)
    return _Cue(speaker, word, verb.idx, end, channel_of(verb), adjacent, verb.i)


def _according_cue(token: Token, mentions: list[Mention], adjacent: bool) -> _Cue | None:
    to = token.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"]
    target = objects[0] if objects else (to.nbor() if to.i + 1 < len(to.doc) else None)
    if target is None:
        return None
    speaker = subject_phrase(target, mentions)
    end = to.idx + len(to.text)
    return _Cue(speaker, _ACCORDING, token.idx, end, None, adjacent, token.i)


def _speaker_of(
    verb: Token, mentions: list[Mention], span: MarkSpan, tail: list[Token] | None = None
) -> Speaker | None:
    """The cue's subject, unless the parser took it from inside the quote or found none; then
    the phrase opening the text after the quote (``"…," Trump, the nominee, said``), the noun
    phrase right after the verb (``said another New Hampshire Democrat``; never the audience
    of "told") or right before it (``Austin said``)."""
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
    after = () if CUE_VERBS.get(verb.lower_) == "told" else (verb.i + 1,)
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


def _introduces(text: str, cue: _Cue, span: MarkSpan) -> bool:
    """A cue before the quote introduces it when nothing but punctuation or "that" lies between
    the cue's phrase and the quote: ``X said: "…"``, ``X said, "…"``, ``X said that "…"``."""
    between = text[cue.end : span.open_at].strip()
    return not between or between[-1] in ":," or between.lower() == "that"


def _governing_cue(ctx: _Ctx, span: MarkSpan) -> _Cue | None:
    """A quote inside a sentence without a cue next to it: the speech verb above the quote in
    the parse (``He called it a "mistake," made by "voices" who are "wrong"``: called), else
    the nearest verb above it (``the protesters chanted "…"``, ``pledged to make Apple "build
    …"``); either one's subject must come before the quote."""
    inside = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    if inside is None or not len(inside):
        return None
    found: list[tuple[Token, Token]] = []
    for verb in inside[0].ancestors:
        if verb.idx >= span.open_at or verb.pos_ not in {"VERB", "AUX"}:
            continue
        subj = subject_of(verb)
        if subj is not None and subj.idx < span.open_at:
            found.append((verb, subj))
    if not found:
        return None
    verb, subj = next(((v, s) for v, s in found if v.lower_ in CUE_VERBS), found[0])
    return _cue_for(verb, subject_phrase(subj, ctx.mentions), adjacent=False)


def _previous_sentence_cue(ctx: _Ctx, span: MarkSpan) -> _Cue | None:
    """A quote that starts a sentence with no cue of its own (a quote paragraph after
    ``Clinton responded by …, saying …``): the cue of the sentence before it, or that
    sentence's main verb, when the sentence holds no quote of its own."""
    before = ctx.doc.char_span(max(0, span.open_at - COLON_LOOKBACK), span.open_at, "contract")
    if before is None or not len(before):
        return None
    last = before[-1]
    while last.is_space and last.i > before.start:
        last = ctx.doc[last.i - 1]
    sent = last.sent
    if sent.start_char < span.para_start and sent.start_char < _para_before(ctx, span):
        return None
    if any(ch in sent.text for ch in '"“”'):
        return None
    tokens = [t for t in sent if not t.is_space][::-1]
    cue = _cue_in(ctx, tokens, span, any_verb=False, adjacent=True)
    if cue is None and sent.root.pos_ in {"VERB", "AUX"}:
        cue = _cue_in(ctx, [sent.root], span, any_verb=True, adjacent=True)
    return cue


def _para_before(ctx: _Ctx, span: MarkSpan) -> int:
    """Start offset of the paragraph before ``span``'s paragraph."""
    cut = ctx.text.rfind("\n\n", 0, max(0, span.para_start - 2))
    return 0 if cut < 0 else cut + 2


def _colon_paragraph_cue(ctx: _Ctx, span: MarkSpan) -> _Cue | None:
    """``He said:`` closing the previous paragraph introduces a quote paragraph."""
    before = ctx.text[max(0, span.para_start - COLON_LOOKBACK) : span.para_start].rstrip()
    if not before.endswith(":"):
        return None
    offset = max(0, span.para_start - COLON_LOOKBACK)
    start = offset + before.rfind("\n") + 1
    tokens = _tokens_between(ctx.doc, start, offset + len(before))
    return _cue_in(ctx, tokens[::-1], span, any_verb=False, adjacent=True)


# ------------------------------------------------------------------------------------ channel


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


# ---------------------------------------------------------------------------- reported speech


def _reported_items(ctx: _Ctx, used: set[int]) -> list[_Item]:
    """ "X said (that) …" and "according to X, …" outside the quotes already attributed."""
    items: list[_Item] = []
    quoted = _quoted_mask(ctx)
    for token in _cue_candidates(ctx.doc):
        if token.idx in used or quoted[token.idx]:
            continue
        low = token.lower_
        if low == "according" and token.i + 1 < len(ctx.doc) and token.nbor().lower_ == "to":
            item = _according_item(ctx.text, token, ctx.mentions)
        elif CUE_VERBS.get(low) in REPORTING_CUES and token.pos_ in {"VERB", "AUX"}:
            item = _reported_item(ctx.text, token, ctx.mentions)
        else:
            continue
        if item is not None and not _overlaps_quote(item.quote, ctx.spans):
            items.append(item)
    return items


def _cue_candidates(doc: Doc) -> list[Token]:
    """Tokens whose lowercase form is a cue verb or "according", found on the token array
    (creating a ``Token`` object for every word costs more than the rest of this module)."""
    strings = doc.vocab.strings
    wanted = {strings.add(word) for word in (*CUE_VERBS, "according")}
    lower = doc.to_array("LOWER").tolist()
    return [doc[i] for i, h in enumerate(lower) if h in wanted]


def _quoted_mask(ctx: _Ctx) -> bytearray:
    mask = bytearray(len(ctx.text) + 1)
    for s in ctx.spans:
        mask[s.open_at : s.close_at] = b"\x01" * (s.close_at - s.open_at)
    return mask


def _reported_item(text: str, verb: Token, mentions: list[Mention]) -> _Item | None:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    subj = subject_of(verb)
    if not clauses or subj is None:
        return None
    clause = clauses[0]
    tokens = list(clause.subtree)
    if tokens and tokens[0].lower_ == "that" and tokens[0].dep_ == "mark":
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if len(tokens) < REPORTED_MIN_TOKENS:
        return None
    speaker = subject_phrase(subj, mentions)
    cue = _cue_for(verb, speaker, adjacent=True)
    return _reported(text, tokens[0], tokens[-1], cue)


def _according_item(text: str, token: Token, mentions: list[Mention]) -> _Item | None:
    cue = _according_cue(token, mentions, adjacent=True)
    first, last = token.left_edge.i, token.right_edge.i
    sent = token.sent
    before = [t for t in sent if t.i < first and not (t.is_punct or t.is_space)]
    after = [t for t in sent if t.i > last and not (t.is_punct or t.is_space)]
    side = before if len(before) >= len(after) else after
    if cue is None or len(side) < REPORTED_MIN_TOKENS:
        return None
    return _reported(text, side[0], side[-1], cue)


def _reported(text: str, first: Token, last: Token, cue: _Cue) -> _Item:
    start, end = first.idx, last.idx + len(last.text)
    quote = Quote(text=text[start:end], start=start, end=end, direct=False)
    return _Item(_with_cue(quote, cue), cue.speaker)


def _overlaps_quote(quote: Quote, spans: list[MarkSpan]) -> bool:
    """A reported clause that is mostly one quote is that quote's attribution, not speech of
    its own ("…," X said, parsed as X said + clause)."""
    for s in spans:
        shared = min(quote.end, s.end) - max(quote.start, s.start)
        if shared > 0.5 * (quote.end - quote.start):
            return True
    return False
