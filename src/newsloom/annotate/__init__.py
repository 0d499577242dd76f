"""The annotate stage: sentences, entity mentions, figures and time expressions.

Articles go through spaCy in batches (``nlp.pipe`` with ``as_tuples``), so the model's cost is
paid once per batch, not per call; every extractor reads the same parse, none runs a model of
its own. Time expressions are resolved against the article's publication date (else the crawl
date), and figures take the date of the time expression in their sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsloom.annotate.dating import date_items, date_quotes
from newsloom.annotate.figures import find_figures
from newsloom.annotate.nlp import load_nlp
from newsloom.annotate.quotes import find_quotes
from newsloom.annotate.speakers import canonical_name
from newsloom.annotate.times import find_times
from newsloom.components import Component, check_order, run_components
from newsloom.model import Article, Mention, Span

__all__ = ["annotate", "load_nlp"]

#: Entity labels kept as mentions. Dates, times and numbers become ``times`` and ``figures``.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
#: Labels of places, extended over a following region word ("Kursk region").
PLACE_LABELS = frozenset({"GPE", "LOC"})
_REGION_WORDS = frozenset(
    {"region", "oblast", "province", "area", "district", "county", "governorate", "krai"}
)
#: Flags on an article whose relative dates count from its crawl date (no publication date was
#: found), or that has neither date (relative expressions keep their span but get no value).
ANCHOR_CRAWL_FLAG = "dated-by-crawl"
ANCHOR_NONE_FLAG = "undated"
#: spaCy batch size; measured flat between 32 and 256 on 600-word articles.
PIPE_BATCH = 64

_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE_RE = re.compile(r"^the\s+", re.I)
#: Labels whose mention may be a list of names the tagger read as one.
_LISTED_LABELS = frozenset({"ORG", "PERSON"})
_LIST_SEP_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+(?=[A-Z])")
#: Words after a comma that belong to the name before it ("Alder Works, Inc.", "Jo Doe, Jr.").
_NAME_SUFFIXES = frozenset(
    {"Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Co", "Co.", "Corp", "Corp.", "Jr", "Jr.", "Sr",
     "Sr.", "PLC", "plc", "LP", "L.P.", "N.A."}
)  # fmt: skip


def annotate(articles: Iterable[Article], nlp: Language) -> Iterator[Article]:
    """Yield each article with ``sentences`` and ``entities`` filled, in input order.

    Only articles the English model can read (``reads_as_english``) go through spaCy and the
    extractors; any other is kept with its sentences split by punctuation and no mentions,
    quotes, figures or times, rather than mis-annotated (a Russian page once yielded 749
    "entities" from the English model).
    """
    items = list(articles)
    english = ((a.body, a) for a in items if reads_as_english(a))
    docs = nlp.pipe(english, as_tuples=True, batch_size=PIPE_BATCH)
    for article in items:
        if reads_as_english(article):
            doc, same = next(docs)
            yield _annotated(same, doc)
        else:
            yield article.model_copy(update={"sentences": plain_sentences(article.body)})


def reads_as_english(article: Article) -> bool:
    """English, or of unknown language (too little text to tell: read as before)."""
    return article.language in (None, "en")


#: A sentence ends at terminal punctuation (Latin, CJK, Devanagari, Arabic) and the spaces
#: after it, or at a paragraph break: language-neutral, for articles spaCy does not read.
_SENTENCE_END = re.compile(r"(?<=[.!?。！？।؟])\s+|\n\s*\n")


def plain_sentences(text: str) -> list[Span]:
    """Sentences of ``text`` by punctuation alone, trimmed of surrounding spaces."""
    spans: list[Span] = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if end - trail > start + lead:
            spans.append(Span(start=start + lead, end=end - trail))
        start = match.end() if match else len(text)
    return spans


#: The extractors, in the order they run over one parse (``newsloom.components``): each names
#: what it reads and what it sets; a failing one leaves its field empty and flags the article.
EXTRACTORS = (
    Component("sentences", ("doc",), ("sentences",), lambda v: {"sentences": _sentences(v["doc"])}),
    Component("mentions", ("doc",), ("entities",), lambda v: {"entities": _mentions(v["doc"])}),
    Component(
        "times",
        ("doc", "article"),
        ("times",),
        lambda v: {"times": find_times(v["article"].body, anchor_date(v["article"]), v["doc"])},
    ),
    Component(
        "figures",
        ("doc", "entities", "times", "sentences"),
        ("figures",),
        lambda v: {
            "figures": date_items(find_figures(v["doc"], v["entities"]), v["times"], v["sentences"])
        },
    ),
    Component(
        "quotes",
        ("doc", "entities", "times", "sentences"),
        ("quotes",),
        lambda v: {
            "quotes": date_quotes(
                find_quotes(v["doc"], v["entities"]), v["times"], v["sentences"], v["doc"]
            )
        },
    ),
)
_FIELDS = ("sentences", "entities", "times", "figures", "quotes")
_EMPTY = {name: list for name in _FIELDS}
check_order(EXTRACTORS, ("doc", "article"))


def _annotated(article: Article, doc: Doc) -> Article:
    values = {"doc": doc, "article": article}
    failed = run_components(EXTRACTORS, values, _EMPTY, f"article {article.input}")
    update = {name: values[name] for name in _FIELDS}
    update["flags"] = [*_anchor_flags(article), *failed]
    return article.model_copy(update=update)


def anchor_date(article: Article) -> date | None:
    """The day relative expressions count from: publication, else crawl date, else None.

    A missing or unreadable publication date falls through to the crawl date: a page without a
    stamp of its own still gets its "Thursday" resolved against the day it was captured.
    """
    for value in (article.published, article.crawl_date):
        if day := _iso_day(value):
            return day
    return None


def _anchor_flags(article: Article) -> list[str]:
    """``article.flags`` plus how its anchor was found, when not from its publication date."""
    if _iso_day(article.published):
        return article.flags
    flag = ANCHOR_CRAWL_FLAG if _iso_day(article.crawl_date) else ANCHOR_NONE_FLAG
    return article.flags if flag in article.flags else [*article.flags, flag]


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


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
    out = []
    whole = doc.text  # once: spaCy rebuilds the whole text on each access (5% of an ingest's
    for ent in doc.ents:  # CPU went to rebuilding it per entity, measured with py-spy)
        if ent.label_ not in ENTITY_LABELS:
            continue
        end = _place_extent(doc, ent.end) if ent.label_ in PLACE_LABELS else ent.end_char
        for start, stop in _list_items(whole, ent.start_char, end, ent.label_):
            text = whole[start:stop]
            norm = canonical_name(text) if ent.label_ == "PERSON" else normalise(text)
            out.append(Mention(text=text, start=start, end=stop, label=ent.label_, norm=norm))
    return out


def _list_items(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """A mention's extent without a trailing comma; an organisation or person mention that
    is a list of names ("Alder Works, Quist Labs and Vale Corporation") as one per name.

    The tagger sometimes reads a list as one name; the dossier then merged the whole list
    with the one name whose initials it gave (an SEB story: "SNC" also "Blue Origin, …")."""
    while end > start and text[end - 1] in ",;:":
        end -= 1
    if label not in _LISTED_LABELS:
        return [(start, end)]
    if "," not in text[start:end]:
        return [(start, end)]  # "Bank of Veloria and Trust" is one name
    items: list[tuple[int, int]] = []
    at = start
    for sep in _LIST_SEP_RE.finditer(text, start, end):
        items.append((at, sep.start()))
        at = sep.end()
    items.append((at, end))
    names = all(text[a:b][:1].isupper() and text[a:b] not in _NAME_SUFFIXES for a, b in items)
    return items if len(items) > 1 and names else [(start, end)]


def _place_extent(doc: Doc, end: int) -> int:
    """Extend a place over a following region word: "Kursk region", "Kursk-Oblast area"."""
    i = end
    while i < len(doc) and doc[i].lower_ in _REGION_WORDS | {"-"}:
        i += 1
    while i > end and doc[i - 1].lower_ == "-":
        i -= 1
    return (
        int(doc[i - 1].idx + len(doc[i - 1].text))
        if i > end
        else int(doc[end - 1].idx + len(doc[end - 1].text))
    )


def normalise(text: str) -> str:
    """A mention's text without possessive ending or leading article: "Ukraine’s" → "Ukraine"."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _LEADING_THE_RE.sub("", text)
    return _POSSESSIVE_RE.sub("", text).strip()
