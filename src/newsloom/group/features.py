"""What the group stage keeps of an article: weighted terms, entities, a day, paragraph hashes.

An article is reduced once to a small :class:`Doc`; everything after (blocking, event
clustering, the reasons shown to a user) works on these, so a stream of articles never has to
be held in memory whole. Terms are lower-cased words (stop words out, numbers kept: "23
pirates" against "26 pirates" tells two events apart); the headline and the lead paragraph
count extra, because that is where a news story says which event it is about; each entity
mention adds an ``@name`` term, so who and where weigh beside what.
"""

from __future__ import annotations

import importlib
import math
import re
import zlib
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsloom.model import Article

#: Extra weight of a headline word / a lead-paragraph word over a body word. Tuned on ECB+
#: topics 1–25 (bench/ecbplus_events.py): lead 1.0 against 0 gives +0.004 B-cubed F1.
TITLE_WEIGHT = 1.0
LEAD_WEIGHT = 1.0
#: Weight of one entity mention as an ``@name`` term. ECB+ 1–25: 1.0 and 2.0 within 0.001
#: B-cubed F1 (names are what tells two same-kind events apart).
ENTITY_WEIGHT = 1.0
#: Extra weight of a name that the headline or the lead paragraph mentions (once per name):
#: who the story is about and where, which tells two same-kind events apart (one team's
#: injured player from another's). Tuned with bench/ecbplus_events.py (topics 1–25) and
#: bench/seb_events.py (dev half), grid 0/1/2/4: ECB+ dev B-cubed F1 0.897/0.902/0.899/0.885,
#: SEB dev HTML 0.979/0.979/0.985/0.973 (text 0.975 throughout, mixed stories unchanged);
#: 1 for the larger ECB+ dev set, 4 joined unrelated pages that name one company.
HEADLINE_ENTITY_WEIGHT = 1.0
#: Entity labels that name who, where and what; dates and numbers are not entities here.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)

#: Entity labels of who acts: a person or an organisation (a team, an agency, a company).
AGENT_LABELS = frozenset({"PERSON", "ORG"})

#: Paragraph text kept per article for showing what a copy changed, in characters.
EDIT_CHARS = 160

#: A newsletter's or a column's dated edition has a headline of at most this many words besides
#: its date ("Harbor Bell 06.02.25", "Morning Briefing: June 2, 2025"): a series name.
EDITION_WORDS = 3

_WORD_RE = re.compile(r"(?u)\b\w\w+\b")
#: A term: a decimal number whole ("5.9", "2.6": a quake's magnitude, a sum in millions, which
#: the word pattern would cut into one-digit pieces and drop), else a word of two characters
#: or more.
_TERM_RE = re.compile(r"(?u)\b\d+(?:\.\d+)+\b|\b\w\w+\b")
#: A label in brackets before a headline ("[Review]", "[Harbor Stage] ..."): the column or
#: series the page belongs to, said by every page of it.
_LABEL_RE = re.compile(r"^\s*(?:\[[^\]]{1,80}\]|【[^】]{1,80}】)\s*")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: Words that put a date in a sentence ("... on Nov. 18"), not beside a series name.
_BEFORE_DATE = frozenset({"on", "in", "at", "of", "for", "from", "since", "until", "by", "to"})
#: A date as an edition gives it: "11.18.19", "18/11/2019", "2019-11-18", "Nov. 18, 2019",
#: "18 November 2019", "Monday, November 18".
_EDITION_DATE_RE = re.compile(
    r"\b(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+\d{4})?)\b",
    re.I,
)
_SPACE_RE = re.compile(r"\s+")
#: A list article's headline: a count, at most two words, then what it lists.
_LISTICLE_RE = re.compile(
    r"(?:the\s+)?(?:\d{1,3}|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:best|top|biggest|greatest|worst|things|ways|reasons|tips|questions"
    r"|takeaways|facts|deals|photos|pictures|charts|lessons|signs|myths|mistakes)\b",
    re.I,
)
#: An explainer's headline: "A guide to understanding tariffs", "Ferry fares, explained", "An
#: explainer on the harbor levy": background on a subject, no event of its own.
_GUIDE_RE = re.compile(r"\b(?:guide\s+to|explainer|explained|primer\s+on)\b", re.I)
#: A numbered variant of a named thing in a headline: a number, a hyphen and a unit word before
#: a capitalised name ("13-inch Laptop Pro", "65-Inch Vista TV"), keyed by the unit and the
#: name's first word (a title-case headline capitalises the words after the name too). The
#: hyphen keeps counts out ("5 Killed In Crash" in a title-case headline is a toll, not a
#: model), and so does a decimal ("6.1-magnitude quake": outlets differ on one magnitude).
_VARIANT_RE = re.compile(r"(?<![\w.])(\d{1,4})-([A-Za-z]{2,12})\s+([A-Z]\w*)")


@dataclass(slots=True)
class Doc:
    """The group stage's view of one article."""

    id: str
    order: tuple[str, str]
    day: int | None
    title: str | None
    outlet: str
    terms: dict[str, float]
    entities: frozenset[str]
    paragraphs: dict[str, str]
    #: The headline's and lead paragraph's terms alone (names as ``@name``): what the page
    #: says it is about, before any background or roundup item.
    opening: dict[str, float] = field(default_factory=dict)
    #: The headline's numbered variants of named things, as ``unit name`` → the numbers
    #: (``{"inch laptop": {"13"}}``): two headlines giving one thing different numbers
    #: are about two products (or games, or seasons), not one event.
    variants: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The opening's agents: its names (``@name``, as in ``opening``) that spaCy labels a
    #: person or an organisation, with that label. Reports whose openings name rival agents
    #: of one kind (two teams' offers to one player) are two events (``actors.rivals``).
    agents: dict[str, str] = field(default_factory=dict)
    #: ``terms`` as arrays for building matrices without a loop per term: each term's
    #: ``hash()`` (a number only this process compares) and its weight, in one order.
    term_ids: NDArray[np.int64] = field(init=False, repr=False)
    term_weights: NDArray[np.float64] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = len(self.terms)
        self.term_ids = np.fromiter(map(hash, self.terms), np.int64, n)
        self.term_weights = np.fromiter(self.terms.values(), np.float64, n)


def words(text: str, language: str | None = None) -> list[str]:
    """Content words of ``text``: lower case, stop words of its language out."""
    stop = stop_words(language)
    return [w for w in _TERM_RE.findall(text.lower()) if w not in stop]


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """The stop words of an ISO 639-1 language (spaCy's lists ship with spaCy: no download),
    English's for English, an unknown language or one spaCy has no list for.

    With English stop words only, a German page's "der", "und", "mit" are rare in a mostly
    English corpus and weigh like names: two unrelated German pages of one site looked like
    one event (SEB dev, cosine 0.28 on function words)."""
    if language in (None, "en") or not re.fullmatch(r"[a-z]{2,3}", language):
        return frozenset(ENGLISH_STOP_WORDS)
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset(ENGLISH_STOP_WORDS) | frozenset(getattr(module, "STOP_WORDS", ()))


def entity_key(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip().lower()


def lead(body: str) -> str:
    return body.split("\n\n", 1)[0]


def paragraphs(body: str) -> dict[str, str]:
    """Each paragraph by a key that ignores case and punctuation, its text cut short."""
    out: dict[str, str] = {}
    for para in body.split("\n\n"):
        key = f"{zlib.crc32(' '.join(_WORD_RE.findall(para.lower())).encode('utf-8')):08x}"
        if para.strip():
            text = para.strip()
            cut = text if len(text) <= EDIT_CHARS else text[: EDIT_CHARS - 1].rstrip() + "…"
            out.setdefault(key, cut)
    return out


def to_doc(article: Article) -> Doc:
    terms: dict[str, float] = {}
    language = article.language
    title_words = words(article.title or "", language)
    lead_words = words(lead(article.body), language)
    headline_words = words(_unlabelled(article.title), language)
    for word in words(article.body, language):
        terms[word] = terms.get(word, 0.0) + 1.0
    for word in title_words:
        terms[word] = terms.get(word, 0.0) + TITLE_WEIGHT
    for word in lead_words:
        terms[word] = terms.get(word, 0.0) + LEAD_WEIGHT
    names = [entity_key(m.norm or m.text) for m in article.entities if m.label in ENTITY_LABELS]
    for name in names:
        terms["@" + name] = terms.get("@" + name, 0.0) + ENTITY_WEIGHT
    heads = headline_names(article)
    for name in heads:
        terms["@" + name] = terms.get("@" + name, 0.0) + HEADLINE_ENTITY_WEIGHT
    weighted = {t: 1.0 + math.log(c) for t, c in terms.items() if c > 0}
    return Doc(
        id=article.id,
        order=(article.date_key or "9999", article.id),
        day=day_number(article.date_key),
        title=article.title,
        outlet=article.outlet,
        terms=weighted,
        entities=frozenset(names),
        paragraphs=paragraphs(article.body),
        opening=_opening(article, headline_words, lead_words, heads),
        variants=variants(_unlabelled(article.title)),
        agents={"@" + n: label for n, label in agent_names(article).items() if n in heads},
    )


def variants(headline: str) -> dict[str, frozenset[str]]:
    """The numbered variants a headline names (see ``Doc.variants``)."""
    found: dict[str, set[str]] = {}
    for match in _VARIANT_RE.finditer(headline):
        number, unit, name = match.groups()
        found.setdefault(f"{unit} {name}".lower(), set()).add(number)
    return {key: frozenset(numbers) for key, numbers in found.items()}


def variants_differ(a: Doc, b: Doc) -> bool:
    """The two headlines name one thing (same unit and name) with no number in common."""
    return any(
        key in b.variants and not (nums & b.variants[key]) for key, nums in a.variants.items()
    )


def _opening(
    article: Article, headline: list[str], lead_words: list[str], names: set[str]
) -> dict[str, float]:
    """What the page opens with (see ``Doc.opening``): nothing for a newsletter's or a
    column's dated edition, or a list article, whose lead is only its first item of many, or
    an explainer, whose lead introduces its subject."""
    if is_edition(article.title) or is_listicle(article.title) or is_guide(article.title):
        return {}
    return opening_terms(headline + lead_words, names)


def is_listicle(title: str | None) -> bool:
    """The headline numbers a list ("The 10 best deals on …", "7 key questions heading into …",
    "5 things to know"): a roundup or a guide whose first item is no event of its own."""
    return bool(title) and _LISTICLE_RE.match(_unlabelled(title).strip()) is not None


def is_guide(title: str | None) -> bool:
    """The headline announces an explainer ("A guide to understanding tariffs"): its lead
    introduces a subject, not an event, and its opening says nothing of which event."""
    return bool(title) and _GUIDE_RE.search(_unlabelled(title)) is not None


def is_edition(title: str | None) -> bool:
    """The headline is a series name and a date: a dated edition ("Harbor Bell 06.02.25")."""
    title = _unlabelled(title).strip(" -–—:|,.")
    found = list(_EDITION_DATE_RE.finditer(title))
    if len(found) != 1 or (found[0].start() > 0 and found[0].end() < len(title)):
        return False  # no date, or one inside the headline: "Storm hits on Nov. 18 and ..."
    rest = _WORD_RE.findall(_EDITION_DATE_RE.sub(" ", title).lower())
    if any(w.isdigit() or w in _BEFORE_DATE for w in rest):
        return False  # "Storm kills 5 on Nov. 18": an event and its day
    return 0 < len(rest) <= EDITION_WORDS


def _unlabelled(title: str | None) -> str:
    """The headline without the bracketed label of its column or series."""
    return _LABEL_RE.sub("", title or "", count=1)


def opening_terms(opening: list[str], names: set[str]) -> dict[str, float]:
    """Sublinear counts of the headline's and lead's words (``opening``, as ``words`` gives
    them), and their names as ``@name``."""
    counts: dict[str, float] = {}
    for word in opening:
        counts[word] = counts.get(word, 0.0) + 1.0
    for name in names:
        counts["@" + name] = 1.0
    return {t: 1.0 + math.log(c) for t, c in counts.items()}


def action_terms(opening: dict[str, float]) -> dict[str, float]:
    """The words of an ``opening`` (as ``opening_terms`` gives it) that are neither a name
    nor a word of one of its names: what the page says *happened*, the evidence two same-topic
    events of the same people and days differ by. "Attorney General Mara Quist opens a probe
    of Brightwell" keeps "opens" and "probe", not "attorney", "quist" or "brightwell"."""
    name_words = {w for t in opening if t.startswith("@") for w in _WORD_RE.findall(t[1:])}
    return {t: w for t, w in opening.items() if not t.startswith("@") and t not in name_words}


def headline_names(article: Article) -> set[str]:
    """Names (entity keys) mentioned in the lead paragraph or written in the headline."""
    opening = len(lead(article.body))
    title = f" {entity_key(_unlabelled(article.title))} "
    found: set[str] = set()
    for mention in article.entities:
        if mention.label not in ENTITY_LABELS:
            continue
        name = entity_key(mention.norm or mention.text)
        if mention.start < opening or f" {name} " in title:
            found.add(name)
    return found


def agent_names(article: Article) -> dict[str, str]:
    """Entity keys of the article's names labelled ``AGENT_LABELS``, with the label of their
    first such mention."""
    out: dict[str, str] = {}
    for mention in article.entities:
        if mention.label in AGENT_LABELS:
            out.setdefault(entity_key(mention.norm or mention.text), mention.label)
    return out


def day_number(key: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date or datetime, None when absent or unreadable."""
    try:
        return date.fromisoformat(key[:10]).toordinal() if key else None
    except ValueError:
        return None
