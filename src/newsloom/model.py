"""The typed data model: what each stage takes and returns.

Every derived item (mention, quote, figure, time) carries its provenance: the id of the article
it came from plus character offsets ``start``/``end`` (end exclusive) into that article's clean
``body``. The JSON export (``render.json``) is this model, versioned as ``SCHEMA``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "newsloom/1"

PageFormat = Literal["capture", "html", "text", "warc-html"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# --------------------------------------------------------------------------------------- read


class Page(_Model):
    """One input page as read, before cleaning.

    ``text`` holds decoded text for text captures and plain text; ``html`` holds decoded markup.
    ``input`` says where the page came from (a path, ``path#L12`` for a JSONL line,
    ``path#<record id>`` for a WARC record) so a user can find it again. ``id`` is unique and
    stable (see ``newsloom.ids``): the URL, an explicit id, or the path under the argument.
    """

    id: str
    input: str
    format: PageFormat
    url: str | None = None
    source: str | None = None
    crawl_date: date | None = None
    text: str | None = None
    html: str | None = None
    encoding: str | None = None
    digest: str = Field(description="sha256 of the decoded content; same page twice = same digest")
    #: The id this page would have had, when another page of the same run already had it.
    renamed_from: str | None = None


class Rejection(_Model):
    """An input that did not become an article, with a stable code (see ``errors.py``)."""

    input: str
    code: str
    reason: str


# -------------------------------------------------------------------------------------- clean


class Removed(_Model):
    """A span of page text the clean stage dropped, and why."""

    text: str
    reason: str


class Span(_Model):
    start: int
    end: int


# ----------------------------------------------------------------------------------- annotate


class Mention(_Model):
    """An entity mention in an article body. ``entity`` links it to a story-level ``Entity``."""

    text: str
    start: int
    end: int
    label: str
    norm: str | None = None
    entity: str | None = None


class Quote(_Model):
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_entity: str | None = None
    cue: str | None = None
    channel: str | None = None
    date: str | None = None
    fragment: bool = False
    direct: bool = True
    #: Parts of one quoted passage (split around a cue, or run over paragraphs) share ``group``;
    #: ``part`` numbers them from 0 in text order.
    group: int | None = None
    part: int = 0
    #: Where the speaker (as written: "he", "Zelenskyy", "U.S. officials") and the cue are.
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None


class Figure(_Model):
    text: str
    start: int
    end: int
    value: float | None = None
    qualifier: str | None = None
    counts: str | None = None
    scope: str | None = None
    attributed_to: str | None = None
    date: str | None = None
    value_max: float | None = None  # upper end of a range ("8,000 to 10,000")
    unit: str | None = None  # "%", "USD", "km"; None for plain counts
    scale: str | None = None  # the scale word folded into value ("million")
    counts_head: str | None = None  # counted head, singular lower case ("soldier")
    per: str | None = None  # rate ("day" for "1,200 a day")
    cue: str | None = None  # attribution cue ("said", "according to")
    in_quote: bool = False  # the figure sits inside a direct quote
    predicate: str | None = None  # what happened to the counted thing ("killed", "missing")


class TimeRef(_Model):
    text: str
    start: int
    end: int
    value: str | None = None
    precision: Literal["minute", "hour", "day", "week", "month", "year", "unknown"] = "unknown"
    #: TIMEX3 type (DATE, TIME, DURATION, SET) and modifier (START, MID, END), when known.
    type: str | None = None
    mod: str | None = None


#: A page id that is a bare hex digest (a crawler's file named by the hash of its URL) this long
#: or longer is shortened in outlet labels to its first ``SHORT_DIGEST`` digits: 64 hex digits
#: in every "unknown site (…)" label buried the story list; 12 still tell 16^12 pages apart.
LONG_DIGEST = 24
SHORT_DIGEST = 12
_HEX_ID = re.compile(r"[0-9a-f]+")


def _short_id(page_id: str) -> str:
    """``page_id`` for an outlet label: a long hex digest cut to its first digits and "…"."""
    if len(page_id) >= LONG_DIGEST and _HEX_ID.fullmatch(page_id):
        return page_id[:SHORT_DIGEST] + "…"
    return page_id


def outlet_label(source: str | None, agency: str | None, page_id: str) -> str:
    """Who published page ``page_id``, as ``Article.outlet`` says it (from its stored columns:
    a search hit names its outlet the way the page's dossier does)."""
    if source:
        return source
    name = _short_id(page_id)
    if agency:
        return f"unknown site ({agency} story, {name})"
    return f"unknown site ({name})"


class Article(_Model):
    """A cleaned (and, once annotated, annotated) article."""

    id: str
    input: str = ""
    digest: str = ""
    url: str | None = None
    source: str | None = None
    title: str | None = None
    byline: list[str] = Field(default_factory=list)
    agency: str | None = None
    dateline: str | None = None
    published: str | None = None
    updated: str | None = None
    crawl_date: str | None = None
    section: str | None = None
    language: str | None = None
    body: str = ""
    captions: list[str] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    sentences: list[Span] = Field(default_factory=list)
    entities: list[Mention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    times: list[TimeRef] = Field(default_factory=list)

    @property
    def outlet(self) -> str:
        """Who published this page: its ``source``. A page that names no publisher is an
        unknown outlet of its own ("unknown site (id)", or "unknown site (AP story, id)" when
        it credits a wire), never its wire agency (``agency``): the wire's story republished by
        a local site is that site's page, and two pages of unknown sites are not one outlet."""
        return outlet_label(self.source, self.agency, self.id)

    @property
    def date_key(self) -> str | None:
        """The best known publication date (ISO), falling back to the crawl date."""
        return self.published or self.crawl_date


# -------------------------------------------------------------------------------------- group


class CopyEdit(_Model):
    """What one later copy changed against the earliest copy of its report."""

    article: str
    title: str | None = None
    added: list[str] = Field(default_factory=list)
    dropped: list[str] = Field(default_factory=list)
    added_paragraphs: int = 0
    dropped_paragraphs: int = 0


class CopyGroup(_Model):
    """Pages that are copies of one report (e.g. one wire story republished)."""

    id: str
    articles: list[str]
    earliest: str
    similarity: float = 1.0
    edits: list[CopyEdit] = Field(default_factory=list)


class Membership(_Model):
    """Why an article is in its story."""

    article: str
    shared_entities: list[str] = Field(default_factory=list)
    shared_terms: list[str] = Field(default_factory=list)
    similarity: float = 0.0
    copy_of: str | None = None


class Story(_Model):
    id: str
    title: str | None = None
    articles: list[str]
    copy_groups: list[CopyGroup] = Field(default_factory=list)
    why: list[Membership] = Field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    pages: int = 0
    reports: int = 0
    block: str | None = None
    #: The section most of its pages carry ("World"), see ``front.sections``; None when unknown.
    section: str | None = None


# --------------------------------------------------------------------------------------- fuse


class FactRef(_Model):
    """A sentence of one article, by offsets."""

    article: str
    text: str
    start: int
    end: int


class SourceCoverage(_Model):
    name: str
    articles: list[str]
    first_published: str | None = None
    independent: bool = True
    headline: str | None = None
    words: int = 0
    first: bool = False  # the earliest outlet of the story
    alone: list[FactRef] = Field(default_factory=list)  # facts only this outlet reports
    alone_quotes: list[int] = Field(default_factory=list)  # indexes into the dossier's quotes
    alone_figures: list[int] = Field(default_factory=list)  # indexes into its figures
    omits_quotes: list[int] = Field(default_factory=list)  # quotes the others have, it lacks
    omits_figures: list[int] = Field(default_factory=list)
    #: Facts other outlets report that it does not, the most widely reported first.
    omits: list[FactRef] = Field(default_factory=list)


class Entity(_Model):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    mentions: int = 0


class WordDiff(_Model):
    """One step of a word-level comparison of a variant with the group's longest version."""

    op: Literal["same", "added", "dropped", "changed"]
    text: str
    other: str | None = None  # for "changed": the longest version's words here


class QuoteVariant(_Model):
    article: str
    text: str
    start: int
    end: int
    outlet: str | None = None
    published: str | None = None
    words: int = 0
    diff: list[WordDiff] = Field(default_factory=list)


class QuoteGroup(_Model):
    """One statement as each outlet quotes it, trimmed, cut or translated differently."""

    speaker: str | None = None
    speaker_entity: str | None = None
    variants: list[QuoteVariant] = Field(default_factory=list)
    longest: str | None = None  # article id of the longest version
    earliest: str | None = None  # article id of the earliest version


class FigureReport(_Model):
    article: str
    text: str
    start: int = 0
    end: int = 0
    attributed_to: str | None = None
    value: float | None = None
    qualifier: str | None = None
    outlet: str | None = None
    report: str | None = None  # the independent report it belongs to (copies share one)


FigureStatus = Literal["corroborated", "single-source", "differs"]


class FigureClaim(_Model):
    value: float | None = None
    counts: str | None = None
    status: FigureStatus = "single-source"
    reports: list[FigureReport] = Field(default_factory=list)
    scope: str | None = None
    per: str | None = None
    unit: str | None = None
    independent_reports: int = 0
    #: Why claims that look alike are kept apart ("different scope: Kursk vs Russia").
    apart_from: list[str] = Field(default_factory=list)


class TimelineEntry(_Model):
    date: str
    text: str
    articles: list[str] = Field(default_factory=list)
    first_reported: str | None = None
    outlets: list[str] = Field(default_factory=list)
    expression: str | None = None  # the time expression as written ("late Friday")
    start: int = 0  # offsets of the sentence in the first article
    end: int = 0


class SummaryLine(_Model):
    text: str
    articles: list[str] = Field(default_factory=list)


class Dossier(_Model):
    """Everything fuse says about one story; rendered inside the story in the JSON export."""

    story: str
    sources: list[SourceCoverage] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[QuoteGroup] = Field(default_factory=list)
    figures: list[FigureClaim] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    summary: list[SummaryLine] = Field(default_factory=list)
    #: Extractors that failed on this story (``failed:figures``): their sections are empty.
    flags: list[str] = Field(default_factory=list)


class Result(_Model):
    """What a whole run produced: the shape of the JSON export."""

    articles: list[Article] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    dossiers: dict[str, Dossier] = Field(default_factory=dict)
    rejections: list[Rejection] = Field(default_factory=list)
