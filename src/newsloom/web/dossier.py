"""The story page's context: the dossier laid out for reading, with its charts.

Renders whatever the fuse stage filled in; an empty section is shown as empty, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsloom.errors import NotFoundError
from newsloom.fuse import format_number
from newsloom.model import Article, Dossier, Entity, FigureClaim, FigureReport, QuoteGroup, Story
from newsloom.render.counts import (
    claim_reports,
    count_reports,
    quote_summary,
    reports_copies,
    wording_key,
)
from newsloom.store import slugify
from newsloom.web.charts import NARROW, TimelineChart, TimeStrip, time_strip, timeline_chart
from newsloom.web.data import Catalog
from newsloom.web.omissions import FactItem, Omissions, clip_words, omissions
from newsloom.web.pages import Chrome, chrome
from newsloom.web.text import DiffPart, diff_words, pathpart, safe_href

#: Columns of each kind in the coverage matrix; the rest are in the sections below it.
MATRIX_ENTITIES = 10
MATRIX_FIGURES = 6
MATRIX_QUOTES = 6


@dataclass(frozen=True, slots=True)
class Shown:
    """Rows of a long section shown at once; the rest fold behind "N more" (and are in the
    section's CSV). A story of eight long pages held 180 figures and 236 entities: all of them
    made a page of 22,000 pixels and 12 printed pages, most of it single-source prices and
    one-mention names; another, 40 quotes each printed once. The counts keep every corroborated
    or differing figure of the sample corpus (at most 7 in a story), all its quotes (at most 11)
    and its most-mentioned entities in view."""

    figures: int = 20
    quotes: int = 12
    entities: int = 30
    timeline: int = 40
    #: Quotes one outlet alone reports, listed before "and N more" (the Quotes section has all).
    outlet_quotes: int = 4
    #: Figures one outlet alone reports, listed on its line before "and N more".
    outlet_figures: int = 12


#: Characters of a matrix column's label, cut at a word (the full name is in its tooltip). The
#: header is as tall as its longest label, so no label is cut mid-word by the layout.
MATRIX_LABEL_CHARS = 24


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article of the story as the dossier lists it; ``n`` is its source-marker number."""

    n: int
    id: str
    outlet: str
    title: str | None
    published: str | None
    words: int
    copy_of: str | None
    href: str | None
    byline: list[str]

    @property
    def path(self) -> str:
        """This article's page (the id quoted once here, not in the template for each marker)."""
        return "/articles/" + pathpart(self.id)


#: Looks an article id up as an ``ArticleRef`` (a placeholder for ids the store lacks).
_Ref = Callable[[str], ArticleRef]


@dataclass(frozen=True, slots=True)
class SourceRow:
    name: str
    first_published: str | None
    independent: bool
    headline: str | None
    articles: list[ArticleRef]
    words: int
    first: bool


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    group: str  # "entity" | "figure" | "quote"
    label: str
    title: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    outlet: str
    independent: bool
    cells: list[str]  # "" (absent), "has", "only" (no other outlet has it)


@dataclass(frozen=True, slots=True)
class Matrix:
    columns: list[MatrixColumn]
    rows: list[MatrixRow]
    groups: list[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class ReportView:
    """One wording of a figure, with every article that gives it so (copies fold in here)."""

    articles: list[ArticleRef]
    text: str
    attributed_to: str | None

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(a.outlet for a in self.articles))


@dataclass(frozen=True, slots=True)
class FigureView:
    value: str
    counts: str | None
    status: str
    reports: list[ReportView]
    n_reports: int
    n_copies: int

    @property
    def backing(self) -> str:
        """``1 report · 3 copies``: what stands behind the status."""
        return reports_copies(self.n_reports, self.n_copies)


@dataclass(frozen=True, slots=True)
class VariantView:
    """One wording of a quote and every article that prints exactly these words."""

    articles: list[ArticleRef]
    text: str
    parts: list[DiffPart]
    reference: bool

    @property
    def article(self) -> ArticleRef:
        return self.articles[0]


@dataclass(frozen=True, slots=True)
class QuoteView:
    speaker: str | None
    speaker_slug: str | None
    variants: list[VariantView]
    differs: bool
    n_reports: int = 1
    n_copies: int = 0

    @property
    def n_articles(self) -> int:
        return sum(len(v.articles) for v in self.variants)

    @property
    def summary(self) -> str:
        """``same words in 4 articles (1 report · 3 copies)`` and the like (``quote_summary``)."""
        reworded = any(p.kind == "changed" for v in self.variants for p in v.parts)
        return quote_summary(
            self.n_articles, len(self.variants), self.n_reports, self.n_copies, reworded
        )


@dataclass(frozen=True, slots=True)
class TimelineRow:
    date: str
    text: str
    articles: list[ArticleRef]
    first_reported: str | None


@dataclass(frozen=True, slots=True)
class EntityView:
    id: str
    slug: str
    name: str
    type: str
    aliases: list[str]
    n_articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class SummaryView:
    text: str
    markers: list[ArticleRef]


@dataclass(frozen=True, slots=True)
class FactView:
    text: str
    article: ArticleRef


@dataclass(frozen=True, slots=True)
class StoryPage:
    chrome: Chrome
    story: Story
    n_reports: int
    n_independent_outlets: int
    articles: list[ArticleRef]
    sources: list[SourceRow]
    strip: TimeStrip
    strip_narrow: TimeStrip
    matrix: Matrix
    figures: list[FigureView]
    quotes: list[QuoteView]
    timeline: list[TimelineRow]
    timeline_chart: TimelineChart | None
    timeline_narrow: TimelineChart | None
    entities: list[EntityView]
    summary: list[SummaryView]
    omissions: Omissions = field(default_factory=Omissions)
    missing: list[str] = field(default_factory=list)
    shown: Shown = field(default_factory=Shown)
    template: str = "story.html"


def story_page(catalog: Catalog, story_id: str, upload: bool = False) -> StoryPage:
    reader = catalog.reader()
    story = reader.story(story_id)
    try:
        dossier = reader.dossier(story_id)
    except NotFoundError:
        dossier = Dossier(story=story_id)
    by_id = {a.id: a for a in reader.articles(story.articles)}
    copies = {a: g.earliest for g in story.copy_groups for a in g.articles if a != g.earliest}
    refs = _refs(story, by_id, copies)
    slugs = catalog.story_entity_slugs(story_id)

    def ref(article_id: str) -> ArticleRef:
        return refs.get(article_id) or ArticleRef(0, article_id, "?", None, None, 0, None, None, [])

    return StoryPage(
        chrome=chrome(catalog, story.title or story.id, "story", upload=upload),
        story=story,
        n_reports=len(story.articles) - len(copies),
        n_independent_outlets=sum(1 for s in dossier.sources if s.independent),
        articles=list(refs.values()),
        sources=_sources(dossier, ref),
        strip=time_strip(dossier.sources, by_id, set(copies)),
        strip_narrow=time_strip(dossier.sources, by_id, set(copies), NARROW),
        matrix=_matrix(dossier),
        figures=[figure_view(f, ref, copies) for f in dossier.figures],
        quotes=[quote_view(q, ref, slugs, copies) for q in dossier.quotes if q.variants],
        timeline=[
            TimelineRow(t.date, t.text, [ref(a) for a in t.articles], t.first_reported)
            for t in dossier.timeline
        ],
        timeline_chart=timeline_chart(dossier.timeline),
        timeline_narrow=timeline_chart(dossier.timeline, NARROW),
        entities=[_entity(e, slugs) for e in dossier.entities],
        summary=[SummaryView(s.text, [ref(a) for a in s.articles]) for s in dossier.summary],
        omissions=omissions(
            dossier, ref, lambda i: _quote_item(dossier, i), lambda i: _figure_item(dossier, i)
        ),
        missing=[a for a in story.articles if a not in by_id],
    )


def _refs(story: Story, by_id: dict[str, Article], copies: dict[str, str]) -> dict[str, ArticleRef]:
    ordered = sorted(
        (a for a in story.articles if a in by_id),
        key=lambda a: (by_id[a].date_key is None, by_id[a].date_key or "", a),
    )
    return {
        a: ArticleRef(
            n=n,
            id=a,
            outlet=by_id[a].outlet,
            title=by_id[a].title,
            published=by_id[a].date_key,
            words=len(by_id[a].body.split()),
            copy_of=copies.get(a),
            href=safe_href(by_id[a].url),
            byline=by_id[a].byline,
        )
        for n, a in enumerate(ordered, start=1)
    }


def _sources(dossier: Dossier, ref: _Ref) -> list[SourceRow]:
    rows = []
    for i, s in enumerate(dossier.sources):
        rows.append(
            SourceRow(
                name=s.name,
                first_published=s.first_published,
                independent=s.independent,
                headline=s.headline,
                articles=[ref(a) for a in s.articles],
                words=s.words,
                first=i == 0 and s.first_published is not None,
            )
        )
    return rows


def _quote_item(dossier: Dossier, index: int) -> FactItem:
    group = dossier.quotes[index]
    text = group.variants[0].text if group.variants else ""
    return FactItem("quote", clip_words(text), speaker=group.speaker or "unattributed")


def _figure_item(dossier: Dossier, index: int) -> str:
    claim = dossier.figures[index]
    per = f" a {claim.per}" if claim.per else ""
    return (
        " ".join(x for x in (_number(claim.value), claim.unit or "", claim.counts or "") if x) + per
    )


def figure_view(claim: FigureClaim, ref: _Ref, copies: dict[str, str]) -> FigureView:
    n_reports, n_copies = claim_reports(claim, copies)
    return FigureView(
        value=_number(claim.value),
        counts=claim.counts,
        status=claim.status,
        reports=_report_views(claim.reports, ref),
        n_reports=n_reports,
        n_copies=n_copies,
    )


def _report_views(reports: list[FigureReport], ref: _Ref) -> list[ReportView]:
    """One row per wording and attribution, with every article that gives it so."""
    rows: dict[tuple[str, str | None], list[ArticleRef]] = {}
    for r in reports:
        found = rows.setdefault((" ".join(r.text.split()), r.attributed_to), [])
        if all(a.id != r.article for a in found):
            found.append(ref(r.article))
    return [ReportView(arts, text, by) for (text, by), arts in rows.items()]


def _matrix(dossier: Dossier) -> Matrix:
    columns: list[MatrixColumn] = []
    covered: list[set[str]] = []
    top = sorted(dossier.entities, key=lambda e: (-len(e.articles), -e.mentions, e.id))
    for e in top[:MATRIX_ENTITIES]:
        columns.append(MatrixColumn("entity", clip_label(e.name), f"{e.name} ({e.type})"))
        covered.append(set(e.articles))
    for f in dossier.figures[:MATRIX_FIGURES]:
        label = " ".join(x for x in (_number(f.value), f.counts or "") if x)
        columns.append(MatrixColumn("figure", clip_label(label), f"figure: {label} ({f.status})"))
        covered.append({r.article for r in f.reports})
    for q in dossier.quotes[:MATRIX_QUOTES]:
        text = q.variants[0].text if q.variants else ""
        label = q.speaker or "unattributed"
        title = f"quote, {label}: “{clip_words(text)}”"
        columns.append(MatrixColumn("quote", clip_label(label), title))
        covered.append({v.article for v in q.variants})
    owned = [set(s.articles) for s in dossier.sources]
    holders = [sum(1 for mine in owned if mine & arts) for arts in covered]
    rows = []
    for s, mine in zip(dossier.sources, owned, strict=True):
        cells = [
            "" if not mine & arts else ("has" if n > 1 else "only")
            for arts, n in zip(covered, holders, strict=True)
        ]
        rows.append(MatrixRow(s.name, s.independent, cells))
    groups = [(g, sum(1 for c in columns if c.group == g)) for g in ("entity", "figure", "quote")]
    return Matrix(columns, rows, [g for g in groups if g[1]])


def clip_label(label: str, size: int = MATRIX_LABEL_CHARS) -> str:
    """``label`` cut at a word boundary to ``size`` characters, with "…" when cut."""
    if len(label) <= size:
        return label
    cut = label[: size - 1].rsplit(" ", 1)[0] if " " in label[: size - 1] else label[: size - 1]
    return cut.rstrip(" ,;:-") + "…"


def quote_view(
    group: QuoteGroup, ref: _Ref, slugs: dict[str, str], copies: dict[str, str]
) -> QuoteView:
    """The group's wordings, identical ones folded together (a wire quote and its reprints
    are one wording printed by several outlets), each marked against the longest."""
    reference = max(group.variants, key=lambda v: (len(v.text), v.article))
    wordings: dict[str, tuple[str, list[ArticleRef]]] = {}
    for v in group.variants:
        key = wording_key(v.text)
        _, arts = wordings.setdefault(key, (v.text, []))
        if all(a.id != v.article for a in arts):
            arts.append(ref(v.article))
    ref_key = wording_key(reference.text)
    variants = [
        VariantView(
            articles=arts,
            text=text,
            parts=diff_words(reference.text, text),
            reference=key == ref_key,
        )
        for key, (text, arts) in wordings.items()
    ]
    speaker_slug = slugs.get(group.speaker_entity or "") or (
        slugify(group.speaker) if group.speaker else None
    )
    differs = any(p.kind != "same" for v in variants for p in v.parts)
    n_reports, n_copies = count_reports([v.article for v in group.variants], copies)
    return QuoteView(group.speaker, speaker_slug, variants, differs, n_reports, n_copies)


def _entity(entity: Entity, slugs: dict[str, str]) -> EntityView:
    return EntityView(
        id=entity.id,
        slug=slugs.get(entity.id) or slugify(entity.name),
        name=entity.name,
        type=entity.type,
        aliases=[a for a in entity.aliases if a != entity.name],
        n_articles=len(entity.articles),
        mentions=entity.mentions,
    )


def _number(value: float | None) -> str:
    return "—" if value is None else format_number(value)
