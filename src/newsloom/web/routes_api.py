"""The JSON API, ``/api/v1/…``: the JSON export's objects (schema ``newsloom/1``) over HTTP.

``/api/v1/stories/{id}`` answers ``story_dict`` and ``/api/v1/articles/{id}`` ``article_dict``:
exactly what ``newsloom export --format json`` prints for them. Lists are paginated
(``page``, ``per_page``; a ``pagination`` object with ``next``/``prev`` addresses). Errors are
``{"error": {"status", "code", "message"}}`` with the codes in ``app.ERROR_CODES``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request, Response, UploadFile
from pydantic import BaseModel

from newsloom.errors import NotFoundError
from newsloom.model import SCHEMA, Dossier
from newsloom.render.json import article_dict, story_dict
from newsloom.render.listing import ListFormat, Listing, text_of
from newsloom.store import HIT_END, HIT_START, QuerySyntaxError, StoryFilter, StoryRow, slugify
from newsloom.web import pages
from newsloom.web.app import Web, WebError, web
from newsloom.web.routes_html import ingest_uploads
from newsloom.web.upload import bearer, token_ok

#: Largest page an API client may ask for.
MAX_PER_PAGE = 200


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "invalid_parameter"},
    404: {"model": ErrorBody, "description": "not_found"},
}

router = APIRouter(prefix="/api/v1", tags=["api"], responses=_ERRORS)

WebDep = Annotated[Web, Depends(web)]
PageQ = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
PerPageQ = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="Items per page.")]


def _pagination(request: Request, page: int, per_page: int, total: int) -> dict[str, Any]:
    params = {k: v for k, v in request.query_params.items() if k not in ("page",)}
    found = pages.pager(request.url.path, params, page, total, per_page)
    return {
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": found.pages,
        "next": found.next_url,
        "prev": found.prev_url,
    }


def story_summary(row: StoryRow) -> dict[str, Any]:
    """A story in a list: the export's keys where they exist, plus counts."""
    return {
        "id": row.id,
        "title": row.title,
        "first_published": row.first_published,
        "last_published": row.last_published,
        "n_articles": row.n_articles,
        "n_reports": row.n_reports,
        "sources": [{"name": o.name, "independent": o.independent} for o in row.outlets],
        "url": f"/api/v1/stories/{row.id}",
        "html_url": f"/stories/{row.id}",
    }


@router.get("/stories", summary="List stories (filter, sort, paginate)")
def list_stories(
    request: Request,
    state: WebDep,
    q: Annotated[str, Query(description='Full-text query: words, "a phrase", prefix*.')] = "",
    outlet: Annotated[str, Query(description="Only stories this outlet covered.")] = "",
    entity: Annotated[
        str, Query(description="Only stories naming this entity (slug or name).")
    ] = "",
    since: Annotated[
        date | None, Query(alias="from", description="Last published on or after.")
    ] = None,
    until: Annotated[
        date | None, Query(alias="to", description="First published on or before.")
    ] = None,
    sort: Annotated[Literal["recent", "size"], Query(description="recent or size.")] = "recent",
    page: PageQ = 1,
    per_page: PerPageQ = pages.PER_PAGE,
) -> dict[str, Any]:
    flt = StoryFilter(
        q=q.strip(), outlet=outlet, entity=entity.strip(), since=since, until=until, sort=sort
    )
    try:
        rows, total = state.catalog.stories(flt, (page - 1) * per_page, per_page)
    except QuerySyntaxError as exc:
        raise WebError(400, "invalid_parameter", f"q: {exc}") from exc
    return {
        "schema": SCHEMA,
        "stories": [story_summary(r) for r in rows],
        "pagination": _pagination(request, page, per_page, total),
    }


@router.get("/stories/{story_id}", summary="One story with its dossier (as the JSON export)")
def get_story(story_id: str, state: WebDep) -> dict[str, Any]:
    reader = state.catalog.reader()
    story = reader.story(story_id)
    try:
        dossier: Dossier | None = reader.dossier(story_id)
    except NotFoundError:
        dossier = None
    return {"schema": SCHEMA, "story": story_dict(story, dossier)}


TableName = Literal["coverage", "figures", "quotes", "entities", "timeline"]


@router.get(
    "/stories/{story_id}/tables/{table}",
    summary="One dossier table as rows: JSON, or CSV/TSV to download (format=csv|tsv)",
    response_model=None,
)
def get_story_table(
    story_id: str,
    table: TableName,
    state: WebDep,
    fmt: Annotated[
        Literal["json", "csv", "tsv"], Query(alias="format", description="json, csv or tsv.")
    ] = "json",
) -> Response | dict[str, Any]:
    columns, rows = state.catalog.reader().dossier_table(story_id, table)
    listing = Listing(columns, [list(r) for r in rows])
    if fmt == "json":
        return {"schema": SCHEMA, "story": story_id, "table": table, "rows": listing.records()}
    text = text_of(listing, ListFormat(fmt))
    kind = "text/csv" if fmt == "csv" else "text/tab-separated-values"
    name = f"{_file_part(story_id)}-{table}.{fmt}"
    return Response(
        text,
        media_type=f"{kind}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def _file_part(text: str) -> str:
    """A story id as a safe piece of a download's file name."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:80] or "story"


#: Columns of ``/api/v1/coverage`` (JSON keys and CSV header), as ``CoverageDay`` names them.
COVERAGE_COLUMNS = ("kind", "key", "name", "day", "reports", "copies", "first")


@router.get(
    "/coverage",
    summary="Coverage over time, store-wide: per outlet and per entity, per day (format=csv|tsv)",
    response_model=None,
)
def get_coverage(
    state: WebDep,
    kind: Annotated[
        Literal["all", "outlet", "entity"], Query(description="outlet, entity or all.")
    ] = "all",
    since: Annotated[date | None, Query(alias="from", description="First day.")] = None,
    until: Annotated[date | None, Query(alias="to", description="Last day.")] = None,
    fmt: Annotated[
        Literal["json", "csv", "tsv"], Query(alias="format", description="json, csv or tsv.")
    ] = "json",
) -> Response | dict[str, Any]:
    low = since.isoformat() if since else ""
    high = until.isoformat() if until else ""
    days = state.catalog.coverage_days(low, high or "9999")
    rows = [[getattr(d, c) for c in COVERAGE_COLUMNS] for d in days if kind in ("all", d.kind)]
    listing = Listing(list(COVERAGE_COLUMNS), rows)
    if fmt == "json":
        return {
            "schema": SCHEMA,
            "from": low or None,
            "to": high or None,
            "rows": listing.records(),
        }
    text = text_of(listing, ListFormat(fmt))
    media = "text/csv" if fmt == "csv" else "text/tab-separated-values"
    name = "-".join(["coverage", *([kind] if kind != "all" else []), *filter(None, (low, high))])
    return Response(
        text,
        media_type=f"{media}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.{fmt}"'},
    )


@router.get("/articles/{article_id:path}", summary="One article (as the JSON export)")
def get_article(article_id: str, state: WebDep) -> dict[str, Any]:
    reader = state.catalog.reader()
    article = reader.article(article_id)
    return {
        "schema": SCHEMA,
        "article": article_dict(article),
        "story": reader.story_of(article_id),
    }


def _entity_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.slug,
        "name": row.name,
        "type": row.type,
        "aliases": row.aliases,
        "stories": row.n_stories,
        "mentions": row.mentions,
        "url": f"/api/v1/entities/{row.slug}",
        "html_url": f"/entities/{row.slug}",
    }


@router.get("/entities", summary="List entities across the store, most stories first")
def list_entities(
    request: Request,
    state: WebDep,
    prefix: Annotated[str, Query(description="Only entities whose slug starts so.")] = "",
    page: PageQ = 1,
    per_page: PerPageQ = pages.PER_PAGE,
) -> dict[str, Any]:
    slug = slugify(prefix) if prefix.strip() else ""
    rows, total = state.catalog.entities(slug, (page - 1) * per_page, per_page)
    return {
        "schema": SCHEMA,
        "entities": [_entity_dict(r) for r in rows],
        "pagination": _pagination(request, page, per_page, total),
    }


@router.get("/entities/{slug}", summary="One entity: aliases, stories, quotes")
def get_entity(
    slug: str,
    request: Request,
    state: WebDep,
    page: PageQ = 1,
    per_page: PerPageQ = pages.PER_PAGE,
) -> dict[str, Any]:
    resolved = state.catalog.resolve_entity(slug)
    row = state.catalog.entity(resolved) if resolved else None
    if row is None:
        raise WebError(404, "not_found", f"no entity {slug!r} in the store")
    found, total = state.catalog.entity_stories(row.slug, (page - 1) * per_page, per_page)
    quotes = pages.entity_quotes(state.catalog, row, found)
    return {
        "schema": SCHEMA,
        "entity": _entity_dict(row),
        "stories": [{**story_summary(r), "entity_ids": ids} for r, ids in found],
        "quotes": [asdict(q) for q in quotes],
        "pagination": _pagination(request, page, per_page, total),
    }


@router.get("/search", summary="Full-text search over titles and bodies, best first")
def search(
    request: Request,
    state: WebDep,
    q: Annotated[str, Query(min_length=1, description='Words, "a phrase", or prefix*.')],
    page: PageQ = 1,
    per_page: PerPageQ = pages.PER_PAGE,
) -> dict[str, Any]:
    try:
        plan = state.catalog.reader().search_plan(q)  # read once: its notes and its hits
        found, total = state.catalog.search(plan, (page - 1) * per_page, per_page)
    except QuerySyntaxError as exc:
        raise WebError(400, "invalid_parameter", f"q: {exc}") from exc
    return {
        "schema": SCHEMA,
        "query": q,
        "notes": plan.notes,
        "hits": [
            {
                "article": h.article,
                "title": h.title,
                "source": h.source,
                "outlet": h.outlet,
                "published": h.published,
                "story": h.story,
                "score": h.score,
                "snippet": h.snippet.replace(HIT_START, "").replace(HIT_END, ""),
                "highlights": _highlights(h.snippet),
            }
            for h in found
        ],
        "pagination": _pagination(request, page, per_page, total),
    }


def _highlights(snippet: str) -> list[list[int]]:
    """``[start, end]`` of each matched word in the marker-free snippet."""
    spans, pos, start = [], 0, 0
    for char in snippet:
        if char == HIT_START:
            start = pos
        elif char == HIT_END:
            spans.append([start, pos])
        else:
            pos += 1
    return spans


@router.get("/stats", summary="Counts of what the store holds")
def stats(state: WebDep) -> dict[str, Any]:
    return {"schema": SCHEMA, "stats": state.catalog.stats}


@router.post(
    "/pages",
    summary="Upload pages to ingest (needs the token given to `newsloom serve --token`)",
    responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody}},
)
async def upload_pages(
    state: WebDep,
    files: list[UploadFile],
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
) -> dict[str, Any]:
    if not state.can_upload:
        raise WebError(403, "read_only", "this server is read-only (start it with --token)")
    if not token_ok(state.settings.token, bearer(authorization)):
        raise WebError(401, "unauthorized", "missing or wrong bearer token")
    result = await ingest_uploads(state, files)
    return {"schema": SCHEMA, **asdict(result)}
