"""Quotes credited without a verb: a speaker's label before a colon, or a dash line after.

Transcripts, fact checks and newsletters credit a quote by name alone::

    Rep. Trey Gowdy (R-S.C.): "I have not heard anyone cite that figure."
    From the report: "In general, samples with more elaborate sampling …"
    "I will look into it." — Hillary Clinton      (or "- Hillary Clinton." as the next paragraph)

The speaker is the name (or noun phrase) the label gives; the quote has no cue word
(``Quote.cue`` stays ``None``), and the cue's offsets point at the colon or the dash.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsloom.annotate.quote_cues import Ctx, Cue, tokens_between
from newsloom.annotate.quotemarks import MarkSpan
from newsloom.annotate.speakers import subject_phrase

__all__ = ["DASHES", "dash_cue", "label_cue"]

DASHES = frozenset({"-", "--", "—", "–", "―"})
#: Words at most in a dash line naming a speaker ("— Jim Clyburn, a Democratic congressman
#: from South Carolina" has 8 before its comma); a longer line is a sentence of its own.
DASH_LINE_TOKENS = 12
#: Words at most in a label ("Former secretary of state Hillary Rodham Clinton" has 7).
LABEL_TOKENS = 8
_VERB_POS = frozenset({"VERB", "AUX"})
_LABEL_POS = frozenset({"PROPN", "NOUN"})
_SOURCE_PREPS = frozenset({"from"})
_SENTENCE_ENDS = frozenset(".!?;")
_BREAKS = DASHES | _SENTENCE_ENDS
_CLOSING_MARKS = frozenset('"”')


def label_cue(ctx: Ctx, head: list[Token]) -> Cue | None:
    """``Name: "…"``: the words before the colon (after the last dash or full stop) hold no
    verb and end with a name or a noun, that phrase is the speaker."""
    colon = head[-1] if head else None
    if colon is None or not colon.text.endswith(":"):
        return None
    start = max((i + 1 for i, t in enumerate(head[:-1]) if _is_break(t)), default=0)
    label = head[start:-1] if colon.text == ":" else head[start:]  # "):" is one token
    if not label or len(label) > LABEL_TOKENS or any(t.pos_ in _VERB_POS for t in label):
        return None
    if label[0].lower_ in _SOURCE_PREPS:  # "From the report:", "More from the report:"
        label = label[1:]
    if not label or label[0].pos_ == "ADP" or not _starts_line(ctx, head[start]):
        return None  # "After the meeting:" sets a scene, it names no one
    last = _before_brackets(label)
    if last is None or last.pos_ not in _LABEL_POS:
        return None
    at = colon.idx + len(colon.text) - 1
    return Cue(subject_phrase(last, ctx.mentions), "", at, at + 1, None, True, colon.i)


def _is_break(token: Token) -> bool:
    """A full stop, or a dash set off by a space (not the hyphen of "30-minute")."""
    return token.text in _BREAKS and (token.text not in DASHES or bool(token.whitespace_))


def _starts_line(ctx: Ctx, first: Token) -> bool:
    """The label opens its paragraph, or follows a dash, a full stop or a quote that ends its
    sentence (``….” Bush: “…”``); not the middle of a sentence (``contrasted him with
    Clinton: "…"``, ``in a 30-minute spree: "…"``)."""
    before = ctx.text[: first.idx].rstrip(" \t")
    if before[-1:] in _CLOSING_MARKS:
        before = before[:-1]
        return before[-1:] in _SENTENCE_ENDS
    return not before or before.endswith("\n") or before[-1] in _SENTENCE_ENDS | DASHES


def _before_brackets(tokens: list[Token]) -> Token | None:
    """The last token, or the one before a closing bracketed group: "Gowdy (R-S.C.)" → Gowdy."""
    i = len(tokens) - 1
    if ")" in tokens[i].text:  # ")", or "S.C.):" as the tokenizer leaves it
        while i >= 0 and tokens[i].text != "(":
            i -= 1
        i -= 1
    return tokens[i] if i >= 0 else None


def dash_cue(ctx: Ctx, span: MarkSpan, tail: list[Token]) -> Cue | None:
    """``"…" — Name`` after the quote in its sentence, or ``- Name.`` as the paragraph after a
    quote that fills its own paragraph."""
    if tail:
        return _dash_line(ctx, tail)
    rest = ctx.text[span.close_at + 1 : span.para_end].strip(" \t\n.,;")
    if span.open_at != span.para_start or rest:
        return None
    end = ctx.text.find("\n\n", span.para_end + 2)
    following = tokens_between(ctx.doc, span.para_end, len(ctx.text) if end < 0 else end)
    return _dash_line(ctx, following)


def _dash_line(ctx: Ctx, tokens: list[Token]) -> Cue | None:
    """A dash, then a name run that starts the line, with no verb up to the line's first
    comma, full stop or its end."""
    if len(tokens) < 2 or tokens[0].text not in DASHES or tokens[1].pos_ != "PROPN":
        return None
    line: list[Token] = []
    for token in tokens[1:]:
        if token.text in {",", ".", "(", ";"} or token.is_space:
            break
        line.append(token)
    if len(line) > DASH_LINE_TOKENS or any(t.pos_ in _VERB_POS for t in line):
        return None
    run = 0
    while run + 1 < len(line) and line[run + 1].pos_ == "PROPN":
        run += 1
    dash = tokens[0]
    speaker = subject_phrase(line[run], ctx.mentions)
    return Cue(speaker, "", dash.idx, dash.idx + len(dash.text), None, True, dash.i)
