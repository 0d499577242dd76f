"""The annotate stage: sentences and entity mentions (later: quotes, figures, times).

Articles go through spaCy in batches (``nlp.pipe`` with ``as_tuples``), so the model's cost is
paid once per batch, not per call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsloom.annotate.nlp import load_nlp
from newsloom.model import Article, Mention, Span

__all__ = ["annotate", "load_nlp"]

#: Entity labels kept as mentions. Dates, times and numbers become ``times`` and ``figures``.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
#: spaCy batch size; measured flat between 32 and 256 on 600-word articles.
PIPE_BATCH = 64

_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE_RE = re.compile(r"^the\s+", re.I)


def annotate(articles: Iterable[Article], nlp: Language) -> Iterator[Article]:
    """Yield each article with ``sentences`` and ``entities`` filled, in input order."""
    pairs = ((article.body, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=PIPE_BATCH):
        yield article.model_copy(update={"sentences": _sentences(doc), "entities": _mentions(doc)})


def _sentences(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            spans.append(Span(start=start, end=end))
    return spans


def _mentions(doc: Doc) -> list[Mention]:
    return [
        Mention(
            text=ent.text,
            start=ent.start_char,
            end=ent.end_char,
            label=ent.label_,
            norm=normalise(ent.text),
        )
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
    ]


def normalise(text: str) -> str:
    """A mention's text without possessive ending or leading article: "Ukraine’s" → "Ukraine"."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _LEADING_THE_RE.sub("", text)
    return _POSSESSIVE_RE.sub("", text).strip()
