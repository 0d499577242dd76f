"""Typed page contexts (Datasette's habit): each HTML page renders exactly one of these.

A builder function reads the store through a :class:`~newsloom.web.data.Catalog` and returns the
context; the template only lays it out. Tests call the builders directly and check the fields;
``docs/web.md`` lists the fields (checked by ``tests/test_web.py``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from newsloom.errors import NotFoundError
from newsloom.model import Article
from newsloom.store import (
    EntityRow,
    QuerySyntaxError,
    SearchPlan,
    StoryFilter,
    StoryRow,
    slugify,
)
from newsloom.web.data import Catalog
from newsloom.web.text import KINDS, Segment, SnippetPart, highlight, safe_href, snippet_parts

#: Rows per page of the stories, search and entity lists. Enough to scan, small enough that a
#: page renders in a few milliseconds.
PER_PAGE = 50
#: Search hits per page: each carries a snippet the full-text index cuts from the article's
#: body (about 0.1 ms a hit at 100k articles) and takes three or four lines on the page; a
#: search results page is read from the top, twenty at a time.
SEARCH_PER_PAGE = 20


@dataclass(frozen=True, slots=True)
class Chrome:
    """What every page shows around its content: title, store counts, the search box."""

    title: str
    section: str
    q: str = ""
    articles: int = 0
    stories: int = 0
    sources: int = 0
    stale: bool = False
    can_upload: bool = False


@dataclass(frozen=True, slots=True)
class Pager:
    page: int
    per_page: int
    total: int
    prev_url: str | None
    next_url: str | None
    last_url: str | None = None

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def past_end(self) -> bool:
        """A page number beyond the last page of a non-empty list (an old or edited link)."""
        return self.total > 0 and self.page > self.pages

    @property
    def first(self) -> int:
        return 0 if not self.total else (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def pager(path: str, params: Mapping[str, str], page: int, total: int, per_page: int) -> Pager:
    """Previous/next (and last-page) links that keep every other parameter."""
    kept = {k: v for k, v in params.items() if v and k != "page"}

    def url(n: int) -> str:
        query = urlencode({**kept, "page": str(n)} if n > 1 else kept)
        return path + ("?" + query if query else "")

    pages = max(1, math.ceil(total / per_page))
    return Pager(
        page=page,
        per_page=per_page,
        total=total,
        prev_url=url(min(page - 1, pages)) if page > 1 else None,
        next_url=url(page + 1) if page < pages else None,
        last_url=url(pages),
    )


def chrome(catalog: Catalog, title: str, section: str, q: str = "", upload: bool = False) -> Chrome:
    stats = catalog.stats
    return Chrome(
        title=title,
        section=section,
        q=q,
        articles=stats.get("articles", 0),
        stories=stats.get("stories", 0),
        sources=stats.get("sources", 0),
        stale=bool(stats.get("stories_dirty", 0)),
        can_upload=upload,
    )


# ---------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class StoriesPage:
    chrome: Chrome
    filter: StoryFilter
    rows: list[StoryRow]
    pager: Pager
    outlets: list[tuple[str, int]]
    entity: EntityRow | None
    notices: list[str] = field(default_factory=list)
    template: str = "stories.html"


def stories_page(
    catalog: Catalog,
    flt: StoryFilter,
    page: int,
    params: Mapping[str, str],
    notices: list[str] | None = None,
    upload: bool = False,
) -> StoriesPage:
    notices = list(notices or [])
    try:
        rows, total = catalog.stories(flt, (page - 1) * PER_PAGE, PER_PAGE)
    except QuerySyntaxError as exc:
        rows, total = [], 0
        notices.append(f"This search cannot be read: {exc}.")
    slug = catalog.resolve_entity(flt.entity) if flt.entity else None
    return StoriesPage(
        chrome=chrome(catalog, "Stories", "stories", flt.q, upload),
        filter=flt,
        rows=rows,
        pager=pager("/stories", params, page, total, PER_PAGE),
        outlets=catalog.outlets(),
        entity=catalog.entity(slug) if slug else None,
        notices=notices,
    )


# ----------------------------------------------------------------------------- search


@dataclass(frozen=True, slots=True)
class SearchHitView:
    article: str
    title: str | None
    outlet: str | None
    published: str | None
    story: str | None
    story_title: str | None
    parts: list[SnippetPart]


@dataclass(frozen=True, slots=True)
class SearchPage:
    chrome: Chrome
    q: str
    hits: list[SearchHitView]
    pager: Pager
    notes: list[str] = field(default_factory=list)  # "Zelenskiy: also written …"
    error: str | None = None  # the query could not be read: what to write instead
    template: str = "search.html"


def search_hits(
    catalog: Catalog, q: str | SearchPlan, offset: int, limit: int
) -> tuple[list[SearchHitView], int]:
    """One page of article hits, best first, and how many hits there are."""
    found, total = catalog.search(q, offset, limit)
    stories = catalog.story_rows(sorted({h.story for h in found if h.story}))
    hits = [
        SearchHitView(
            article=h.article,
            title=h.title,
            outlet=h.outlet,
            published=h.published,
            story=h.story,
            story_title=stories[h.story].title if h.story in stories else None,
            parts=snippet_parts(h.snippet),
        )
        for h in found
    ]
    return hits, total


def search_page(
    catalog: Catalog, q: str, page: int, params: Mapping[str, str], upload: bool = False
) -> SearchPage:
    hits: list[SearchHitView] = []
    total, notes, error = 0, [], None
    if q:
        try:
            plan = catalog.reader().search_plan(q)  # read once: its notes and its hits
            notes = plan.notes
            offset = (page - 1) * SEARCH_PER_PAGE
            hits, total = search_hits(catalog, plan, offset, SEARCH_PER_PAGE)
        except QuerySyntaxError as exc:
            error = str(exc)
    return SearchPage(
        chrome=chrome(catalog, f"Search: {q}" if q else "Search", "search", q, upload),
        q=q,
        hits=hits,
        pager=pager("/search", params, page, total, SEARCH_PER_PAGE),
        notes=notes,
        error=error,
    )


# ---------------------------------------------------------------------------- article


@dataclass(frozen=True, slots=True)
class MentionView:
    text: str
    label: str
    slug: str | None
    count: int


@dataclass(frozen=True, slots=True)
class ArticlePage:
    chrome: Chrome
    article: Article
    href: str | None
    story: StoryRow | None
    paragraphs: list[list[Segment]]
    counts: dict[str, int]
    mentions: list[MentionView]
    template: str = "article.html"


def article_page(catalog: Catalog, article_id: str, upload: bool = False) -> ArticlePage:
    reader = catalog.reader()
    article = reader.article(article_id)
    story_id = reader.story_of(article_id)
    story = catalog.story_rows([story_id]).get(story_id) if story_id else None
    slugs = catalog.story_entity_slugs(story_id) if story_id else {}
    return ArticlePage(
        chrome=chrome(catalog, article.title or article.id, "article", upload=upload),
        article=article,
        href=safe_href(article.url),
        story=story,
        paragraphs=highlight(article),
        counts=_kind_counts(article),
        mentions=_mentions(article, slugs),
        template="article.html",
    )


def _kind_counts(article: Article) -> dict[str, int]:
    sizes = {
        "quote": sum(1 for q in article.quotes if q.direct),
        "said": sum(1 for q in article.quotes if not q.direct),
        "figure": len(article.figures),
        "time": len(article.times),
        "entity": len(article.entities),
    }
    return {k: sizes[k] for k in KINDS}


def _mentions(article: Article, slugs: dict[str, str]) -> list[MentionView]:
    seen: dict[tuple[str, str], list[str | None]] = {}
    for m in article.entities:
        key = (m.norm or m.text, m.label)
        seen.setdefault(key, []).append(slugs.get(m.entity or "") or None)
    views = [
        MentionView(text, label, next((s for s in found if s), None), len(found))
        for (text, label), found in seen.items()
    ]
    return sorted(views, key=lambda v: (-v.count, v.text))


# ----------------------------------------------------------------------------- entity


@dataclass(frozen=True, slots=True)
class EntityQuoteView:
    story: str
    article: str
    outlet: str
    text: str


@dataclass(frozen=True, slots=True)
class EntityPage:
    chrome: Chrome
    entity: EntityRow
    stories: list[StoryRow]
    quotes: list[EntityQuoteView]
    pager: Pager
    template: str = "entity.html"


def entity_page(
    catalog: Catalog, slug: str, page: int, params: Mapping[str, str], upload: bool = False
) -> EntityPage:
    entity = catalog.entity(slug)
    if entity is None:
        raise NotFoundError(f"no entity {slug!r} in the store")
    found, total = catalog.entity_stories(slug, (page - 1) * PER_PAGE, PER_PAGE)
    return EntityPage(
        chrome=chrome(catalog, entity.name, "entities", upload=upload),
        entity=entity,
        stories=[row for row, _ in found],
        quotes=entity_quotes(catalog, entity, found),
        pager=pager(f"/entities/{slug}", params, page, total, PER_PAGE),
    )


def entity_quotes(
    catalog: Catalog, entity: EntityRow, found: list[tuple[StoryRow, list[str]]]
) -> list[EntityQuoteView]:
    """Quotes attributed to the entity in the listed stories (by entity id or by spelling)."""
    reader = catalog.reader()
    spellings = {slugify(a) for a in entity.aliases} | {entity.slug}
    quotes: list[EntityQuoteView] = []
    for row, ids in found:
        try:
            dossier = reader.dossier(row.id)
        except NotFoundError:
            continue
        outlets = {a: s.name for s in dossier.sources for a in s.articles}
        for group in dossier.quotes:
            mine = group.speaker_entity in ids or (
                group.speaker is not None and slugify(group.speaker) in spellings
            )
            if mine:
                quotes += [
                    EntityQuoteView(row.id, v.article, outlets.get(v.article, "?"), v.text)
                    for v in group.variants
                ]
    return quotes


@dataclass(frozen=True, slots=True)
class EntitiesPage:
    chrome: Chrome
    prefix: str
    entities: list[EntityRow]
    pager: Pager
    template: str = "entities.html"


def entities_page(
    catalog: Catalog, prefix: str, page: int, params: Mapping[str, str], upload: bool = False
) -> EntitiesPage:
    slug = slugify(prefix) if prefix.strip() else ""
    rows, total = catalog.entities(slug, (page - 1) * PER_PAGE, PER_PAGE)
    return EntitiesPage(
        chrome=chrome(catalog, "Entities", "entities", upload=upload),
        prefix=prefix,
        entities=rows,
        pager=pager("/entities", params, page, total, PER_PAGE),
    )


# ------------------------------------------------------------------------------ errors


@dataclass(frozen=True, slots=True)
class ErrorPage:
    chrome: Chrome
    status: int
    code: str
    message: str
    template: str = "error.html"


@dataclass(frozen=True, slots=True)
class UploadPage:
    chrome: Chrome
    result: dict[str, object] | None = None
    error: str | None = None
    template: str = "upload.html"
