"""Who said what: direct quotes with speaker, cue and channel, and reported speech.

``find_quotes(doc, mentions)`` reads spaCy's parse of an article body (tagger + parser; the
lemmatizer is not needed) and returns ``Quote`` items in text order:

- a **direct quote** is each contiguous quoted span (marks excluded). A quote split around its
  cue (``"…," Austin said. "…"``) or run over paragraphs gives one item per contiguous span, the
  parts sharing ``group`` and numbered by ``part``, so that fuse can match a variant that quotes
  only one part;
- the **cue** is a speech verb before the quote that governs it in the parse (``X called it
  “…”``), else searched after the quote (``"…," X said``, ``"…," said X``,
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
  and not introduced by its cue: scare quotes ("stop “stalling”"), a borrowed phrase ("be “at a
  standstill”"); a speech verb above it in the parse makes it the speaker's words instead ("called
  the plan “reckless”"). A quote of a few capitalised words that no speech verb introduces is
  a title ("“Harbor Lights” star …") and a fragment too;
- **reported speech** ("X said that …", "…, X said", "according to X, …") gives items with
  ``direct=False`` whose text is the reported clause.

``date`` is left ``None``: the time expressions of the cue's sentence give it later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsloom.annotate.quote_attribution import attribute, head_tokens, previous_sentence_cue
from newsloom.annotate.quote_cues import Ctx, Cue, according_cue, cue_for
from newsloom.annotate.quote_vocab import CHANNEL_NOUNS, CUE_VERBS, REPORTING_CUES, SPEECH_WORDS
from newsloom.annotate.quotemarks import MarkSpan, find_mark_spans
from newsloom.annotate.speakers import (
    NameBook,
    Speaker,
    canonical_name,
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
#: A quote without any cue takes the voice of the last attributed quote within this many
#: characters before it. PolNeAR train speaker accuracy: none 88.7%, 200 → 89.3%,
#: 400 → 89.3%, 800 → 89.4%, 2000 → 89.4%; quote scores unchanged. Giving it also to quotes
#: whose only cue is a non-speech verb with a group subject lowered it to 89.0%.
VOICE_GAP_CHARS = 800
#: Reported clauses shorter than this many tokens are dropped ("he said so").
REPORTED_MIN_TOKENS = 3

#: Longest quote with every word capitalised, not introduced by a speech verb, taken for the
#: title of a show, book or ad rather than someone's words. PolNeAR train (bench/polnear.py,
#: F1 of overlap recall and lenient precision): no rule 0.9648, 2 words 0.9672, 3 → 0.9673,
#: 4 → 0.9674, 6 → 0.9675, 8 → 0.9677; 4 as for fragments (longer titles are rarer than
#: long capitalised slogans a speaker is credited with); speaker accuracy 91.1% → 91.2%.
TITLE_MAX_WORDS = 4
#: Small words a title leaves in lowercase ("Flip the Script with Liz Plank").
_TITLE_GLUE = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"}
)
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: A pull quote is dropped only when it has this many words (a short phrase set off on its own
#: may be a label or a slogan the page quotes twice on purpose).
PULL_QUOTE_MIN_WORDS = 5
_PARA_TAIL = " \t\n.,;:!?…—–-\"“”’'"


@dataclass(slots=True)
class _Item:
    quote: Quote
    speaker: Speaker | None


def find_quotes(doc: Doc, mentions: list[Mention]) -> list[Quote]:
    """Direct quotes and reported speech in ``doc``, in text order (see the module docstring)."""
    text = doc.text
    ctx = Ctx(doc, text, mentions, find_mark_spans(text))
    items = _direct_items(ctx)
    used = {q.quote.cue_start for q in items if q.quote.cue_start is not None}
    items += _reported_items(ctx, used)
    items.sort(key=lambda it: (it.quote.start, it.quote.direct))
    book = NameBook.from_mentions(doc, mentions)
    return _without_pull_quotes([_resolved(item, book) for item in items], text)


def _without_pull_quotes(quotes: list[Quote], text: str) -> list[Quote]:
    """Drop pull quotes: a paragraph that is only a quote whose words a longer direct quote of
    the page already holds (a layout's excerpt set off between paragraphs; its cue, if any,
    is a neighbour's, and it would count the speaker's words twice)."""
    keys = {q.start: " ".join(_WORD_RE.findall(q.text.lower())) for q in quotes if q.direct}
    out = []
    for quote in quotes:
        key = keys.get(quote.start) if quote.direct else None
        pulled = (
            key is not None
            and len(key.split()) >= PULL_QUOTE_MIN_WORDS
            and _own_paragraph(text, quote)
            and any(s != quote.start and len(k) > len(key) and key in k for s, k in keys.items())
        )
        if not pulled:
            out.append(quote)
    return out


def _own_paragraph(text: str, quote: Quote) -> bool:
    """Nothing but quote marks, spaces and punctuation around ``quote`` in its paragraph."""
    para_start = text.rfind("\n\n", 0, quote.start)
    para_end = text.find("\n\n", quote.end)
    before = text[para_start + 2 if para_start >= 0 else 0 : quote.start]
    after = text[quote.end : para_end if para_end >= 0 else len(text)]
    return not _WORD_RE.search(before) and not _WORD_RE.search(after)


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
    cue: Cue | None


def _direct_items(ctx: Ctx) -> list[_Item]:
    """One item per quoted span; a span joins the passage of the last quote that is not a
    fragment when it continues it (same cue, next paragraph, nothing between)."""
    items: list[_Item] = []
    main: _Main | None = None
    groups = 0
    for k, span in enumerate(ctx.spans):
        cue, joins = attribute(ctx, k, main.k if main else -1), span.continues
        if main is not None and main.cue is not None:
            joins = joins or (cue is not None and cue.token == main.cue.token)
            if cue is None and _follows_quote(ctx, k, main.k, main.cue):
                cue, joins = main.cue, True
        if cue is None and not head_tokens(ctx, k):
            cue = previous_sentence_cue(ctx, span)
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


def _nearby_voice(ctx: Ctx, k: int, main: _Main) -> Cue | None:
    """A quote with no cue of its own, close after an attributed one, is most often the same
    voice going on after a sentence of narration (``VOICE_GAP_CHARS``)."""
    gap = ctx.spans[k].open_at - ctx.spans[main.k].close_at
    if main.cue is None or gap > VOICE_GAP_CHARS:
        return None
    return replace(main.cue, adjacent=False)


def _follows_quote(ctx: Ctx, k: int, main_k: int, previous: Cue) -> bool:
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


def _direct_item(text: str, span: MarkSpan, cue: Cue | None, group: int, part: int) -> _Item:
    quoted = text[span.start : span.end]
    adjacent = cue is not None and cue.adjacent
    spoken = adjacent and cue is not None and (cue.word in SPEECH_WORDS or not cue.word)
    quote = Quote(
        text=quoted,
        start=span.start,
        end=span.end,
        fragment=(not adjacent and _is_fragment(text, span, quoted))
        or (not spoken and _is_title(quoted)),
        group=group,
        part=part,
    )
    return _Item(_with_cue(quote, cue), cue.speaker if cue else None)


def _with_cue(quote: Quote, cue: Cue | None) -> Quote:
    if cue is None:
        return quote
    # a label ("Name: …") or dash line ("— Name") credits the quote without a cue word
    update: dict[str, object] = {"cue": cue.word or None, "cue_start": cue.start}
    update["cue_end"] = cue.end
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
        if item.quote.cue_start is not None and item.quote.group not in by_group:
            by_group[item.quote.group] = item
    for item in items:
        donor = by_group.get(item.quote.group)
        if item.quote.cue_start is None and donor is not None:
            keys = ("speaker", "cue", "channel", "speaker_start", "speaker_end")
            update = {key: getattr(donor.quote, key) for key in keys}
            update |= {"cue_start": donor.quote.cue_start, "cue_end": donor.quote.cue_end}
            item.quote = item.quote.model_copy(update=update)
            item.speaker = donor.speaker


def _is_title(quoted: str) -> bool:
    """Every word capitalised, few words: the name of a show, book, ad or slogan (``“Broad
    City” star Arturo Castro``), not someone's words."""
    words = [w for w in _WORD_RE.findall(quoted) if w.lower() not in _TITLE_GLUE]
    if not words or len(words) > TITLE_MAX_WORDS:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def _is_fragment(text: str, span: MarkSpan, quoted: str) -> bool:
    """Short, and embedded: the word before the opening mark belongs to the same sentence."""
    if len(quoted.split()) > FRAGMENT_MAX_WORDS:
        return False
    before = text[span.para_start : span.open_at].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "’'")


# ---------------------------------------------------------------------------- reported speech


def _reported_items(ctx: Ctx, used: set[int]) -> list[_Item]:
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
        if item is None or _overlaps_quote(item.quote, ctx.spans):
            continue
        if any(item.quote.start <= cue < item.quote.end for cue in used):
            continue  # "“…,” the chief told reporters, the Wire reported": a source's chain
        items.append(item)
    return items


def _cue_candidates(doc: Doc) -> list[Token]:
    """Tokens whose lowercase form is a cue verb or "according", found on the token array
    (creating a ``Token`` object for every word costs more than the rest of this module)."""
    strings = doc.vocab.strings
    wanted = {strings.add(word) for word in (*CUE_VERBS, "according")}
    lower = doc.to_array("LOWER").tolist()
    return [doc[i] for i, h in enumerate(lower) if h in wanted]


def _quoted_mask(ctx: Ctx) -> bytearray:
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
    cue = cue_for(verb, speaker, adjacent=True)
    return _reported(text, tokens[0], tokens[-1], cue)


def _according_item(text: str, token: Token, mentions: list[Mention]) -> _Item | None:
    cue = according_cue(token, mentions, adjacent=True)
    first, last = token.left_edge.i, token.right_edge.i
    sent = token.sent
    before = [t for t in sent if t.i < first and not (t.is_punct or t.is_space)]
    after = [t for t in sent if t.i > last and not (t.is_punct or t.is_space)]
    side = before if len(before) >= len(after) else after
    if cue is None or len(side) < REPORTED_MIN_TOKENS:
        return None
    return _reported(text, side[0], side[-1], cue)


def _reported(text: str, first: Token, last: Token, cue: Cue) -> _Item:
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
