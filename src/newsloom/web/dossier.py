"""The story page's context: the dossier laid out for reading, with its charts.

Renders whatever the fuse stage filled in; an empty section is shown as empty, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsloom.errors import NotFoundError
from newsloom.fuse.coverage import items_beyond_facts
from newsloom.fuse.figures import format_number
from newsloom.model import Article, Dossier, Entity, FigureClaim, QuoteGroup, Story
from newsloom.store import slugify
from newsloom.web.charts import TimelineChart, TimeStrip, time_strip, timeline_chart
from newsloom.web.data import Catalog
from newsloom.web.pages import Chrome, chrome
from newsloom.web.text import DiffPart, diff_words, pathpart, safe_href

#: Columns of each kind in the coverage matrix; the rest are in the sections below it.
MATRIX_ENTITIES = 10
MATRIX_FIGURES = 6
MATRIX_QUOTES = 6


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
    article: ArticleRef
    text: str
    attributed_to: str | None


@dataclass(frozen=True, slots=True)
class FigureView:
    value: str
    counts: str | None
    status: str
    reports: list[ReportView]
    outlets: int


@dataclass(frozen=True, slots=True)
class VariantView:
    article: ArticleRef
    text: str
    parts: list[DiffPart]
    reference: bool


@dataclass(frozen=True, slots=True)
class QuoteView:
    speaker: str | None
    speaker_slug: str | None
    variants: list[VariantView]
    differs: bool


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
class OutletFacts:
    """What one outlet alone reports, and what it leaves out that the others report."""

    name: str
    independent: bool
    alone: list[FactView]
    alone_quotes: list[str]
    alone_figures: list[str]
    omits: list[FactView]
    omits_quotes: list[str]
    omits_figures: list[str]

    @property
    def has_alone(self) -> bool:
        return bool(self.alone or self.alone_quotes or self.alone_figures)

    @property
    def has_omits(self) -> bool:
        return bool(self.omits or self.omits_quotes or self.omits_figures)


@dataclass(frozen=True, slots=True)
class StoryPage:
    chrome: Chrome
    story: Story
    n_reports: int
    n_independent_outlets: int
    articles: list[ArticleRef]
    sources: list[SourceRow]
    strip: TimeStrip
    matrix: Matrix
    figures: list[FigureView]
    quotes: list[QuoteView]
    timeline: list[TimelineRow]
    timeline_chart: TimelineChart | None
    entities: list[EntityView]
    summary: list[SummaryView]
    outlets: list[OutletFacts] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
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
        matrix=_matrix(dossier),
        figures=[
            FigureView(
                value=_number(f.value),
                counts=f.counts,
                status=f.status,
                reports=[ReportView(ref(r.article), r.text, r.attributed_to) for r in f.reports],
                outlets=len({ref(r.article).outlet for r in f.reports}),
            )
            for f in dossier.figures
        ],
        quotes=[_quote(q, ref, slugs) for q in dossier.quotes if q.variants],
        timeline=[
            TimelineRow(t.date, t.text, [ref(a) for a in t.articles], t.first_reported)
            for t in dossier.timeline
        ],
        timeline_chart=timeline_chart(dossier.timeline),
        entities=[_entity(e, slugs) for e in dossier.entities],
        summary=[SummaryView(s.text, [ref(a) for a in s.articles]) for s in dossier.summary],
        outlets=_outlet_facts(dossier, ref),
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


def _outlet_facts(dossier: Dossier, ref: _Ref) -> list[OutletFacts]:
    quotes = [_quote_label(q) for q in dossier.quotes]
    figures = [_figure_label(f) for f in dossier.figures]

    def pick(labels: list[str], indexes: list[int]) -> list[str]:
        return [labels[i] for i in indexes if 0 <= i < len(labels)]

    rows = []
    for s in dossier.sources:
        if not s.independent:  # a copy's own and missing facts are its original's
            continue
        items = items_beyond_facts(dossier, s)
        rows.append(
            OutletFacts(
                name=s.name,
                independent=s.independent,
                alone=[FactView(f.text, ref(f.article)) for f in s.alone],
                alone_quotes=pick(quotes, items.alone_quotes),
                alone_figures=pick(figures, items.alone_figures),
                omits=[FactView(f.text, ref(f.article)) for f in s.omits],
                omits_quotes=pick(quotes, items.omits_quotes),
                omits_figures=pick(figures, items.omits_figures),
            )
        )
    return [r for r in rows if r.has_alone or r.has_omits]


def _quote_label(group: QuoteGroup) -> str:
    text = group.variants[0].text if group.variants else ""
    words = text.split()
    clipped = " ".join(words[:16]) + (" …" if len(words) > 16 else "")
    return f"{group.speaker or 'unattributed'}: “{clipped}”"


def _figure_label(claim: FigureClaim) -> str:
    per = f" a {claim.per}" if claim.per else ""
    return (
        " ".join(x for x in (_number(claim.value), claim.unit or "", claim.counts or "") if x) + per
    )


def _matrix(dossier: Dossier) -> Matrix:
    columns: list[MatrixColumn] = []
    covered: list[set[str]] = []
    top = sorted(dossier.entities, key=lambda e: (-len(e.articles), -e.mentions, e.id))
    for e in top[:MATRIX_ENTITIES]:
        columns.append(MatrixColumn("entity", e.name, f"{e.name} ({e.type})"))
        covered.append(set(e.articles))
    for f in dossier.figures[:MATRIX_FIGURES]:
        label = " ".join(x for x in (_number(f.value), f.counts or "") if x)
        columns.append(MatrixColumn("figure", label, f"figure: {label} ({f.status})"))
        covered.append({r.article for r in f.reports})
    for q in dossier.quotes[:MATRIX_QUOTES]:
        text = q.variants[0].text if q.variants else ""
        label = q.speaker or "unattributed"
        columns.append(MatrixColumn("quote", label, f"quote, {label}: “{text[:80]}”"))
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


def _quote(group: QuoteGroup, ref: _Ref, slugs: dict[str, str]) -> QuoteView:
    reference = max(group.variants, key=lambda v: (len(v.text), v.article))
    variants = [
        VariantView(
            article=ref(v.article),
            text=v.text,
            parts=diff_words(reference.text, v.text),
            reference=v is reference,
        )
        for v in group.variants
    ]
    speaker_slug = slugs.get(group.speaker_entity or "") or (
        slugify(group.speaker) if group.speaker else None
    )
    differs = any(p.kind != "same" for v in variants for p in v.parts)
    return QuoteView(group.speaker, speaker_slug, variants, differs)


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
