"""HTML pages. Addresses people can guess and share:

``/`` (the front page; with list parameters, the stories) · ``/stories`` · ``/stories/{id}`` ·
``/articles/{id}`` · ``/entities`` · ``/entities/{slug}`` · ``/search?q=`` · ``/coverage`` (coverage
over time) · ``/docs`` (the API reference) · ``/upload`` (only with a token).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from newsloom.front import DEFAULT_WINDOW, parse_now, parse_window
from newsloom.store import Sort, StoryFilter
from newsloom.web import front, pages
from newsloom.web.app import Web, WebError, web
from newsloom.web.dossier import story_page
from newsloom.web.over_time import coverage_page
from newsloom.web.upload import MAX_UPLOAD_BYTES, UploadResult, token_ok

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

WebDep = Annotated[Web, Depends(web)]
PageQ = Annotated[int, Query(ge=1, le=100_000)]


def _params(request: Request) -> dict[str, str]:
    return {k: v for k, v in request.query_params.items()}


def _day(text: str, name: str, notices: list[str]) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        notices.append(f"Ignored {name}={text!r}: dates are written YYYY-MM-DD.")
        return None


#: Parameters that make ``/`` the stories list rather than the front page (shared links).
LIST_PARAMS = ("q", "outlet", "entity", "from", "to", "sort", "page")


@router.get("/")
@router.get("/stories")
def stories(
    request: Request,
    state: WebDep,
    q: str = "",
    outlet: str = "",
    entity: str = "",
    since: Annotated[str, Query(alias="from")] = "",
    until: Annotated[str, Query(alias="to")] = "",
    sort: str = "recent",
    page: PageQ = 1,
    window: str = "",
    now: str = "",
) -> Response:
    notices: list[str] = []
    if request.url.path == "/" and not any(k in request.query_params for k in LIST_PARAMS):
        return _front(state, window, now, notices)
    flt = StoryFilter(
        q=q.strip(),
        outlet=outlet,
        entity=entity.strip(),
        since=_day(since, "from", notices),
        until=_day(until, "to", notices),
        sort=_sort(sort),
    )
    page_ = pages.stories_page(
        state.catalog, flt, page, _params(request), notices, state.can_upload
    )
    return state.render(page_)


def _front(state: Web, window: str, now: str, notices: list[str]) -> Response:
    span = DEFAULT_WINDOW
    if window.strip():
        try:
            span = parse_window(window)
        except ValueError as exc:
            notices.append(f"Ignored window={window!r}: {exc}.")
    at = None
    if now.strip():
        try:
            at = parse_now(now)
        except ValueError as exc:
            notices.append(f"Ignored now={now!r}: {exc}.")
    ref = front.clock(state.catalog, at, span)
    chrome = pages.chrome(state.catalog, "Front page", "front", upload=state.can_upload)
    return state.render(front.front_page(state.catalog, chrome, ref, notices))


def _sort(text: str) -> Sort:
    return "size" if text == "size" else "recent"


@router.get("/stories/{story_id}")
def story(story_id: str, state: WebDep) -> Response:
    catalog, upload = state.catalog, state.can_upload
    # Kept as HTML: a large dossier's template takes twice as long as building its page (a
    # 40-article story: 9 ms against 4), and readers open the same few stories at once.
    html = catalog.memo(
        ("story", story_id, upload),
        lambda: state.html(story_page(catalog, story_id, upload)),
        page=True,
    )
    return HTMLResponse(html)


@router.get("/coverage")
def coverage(
    state: WebDep,
    since: Annotated[str, Query(alias="from")] = "",
    until: Annotated[str, Query(alias="to")] = "",
) -> Response:
    notices: list[str] = []
    low, high = _day(since, "from", notices), _day(until, "to", notices)
    found = coverage_page(state.catalog, low, high, notices, state.can_upload)
    return state.render(found)


@router.get("/articles/{article_id:path}")
def article(article_id: str, state: WebDep) -> Response:
    return state.render(pages.article_page(state.catalog, article_id, state.can_upload))


@router.get("/entities")
def entities(request: Request, state: WebDep, q: str = "", page: PageQ = 1) -> Response:
    found = pages.entities_page(state.catalog, q, page, _params(request), state.can_upload)
    return state.render(found)


@router.get("/entities/{slug}")
def entity(slug: str, request: Request, state: WebDep, page: PageQ = 1) -> Response:
    resolved = state.catalog.resolve_entity(slug)
    if resolved is None:
        raise WebError(404, "not_found", f"no entity {slug!r} in the store")
    if resolved != slug:  # a spelling or another form of the name: send to the entity's page
        return RedirectResponse(f"/entities/{resolved}", status_code=307)
    found = pages.entity_page(state.catalog, slug, page, _params(request), state.can_upload)
    return state.render(found)


@router.get("/search")
def search(request: Request, state: WebDep, q: str = "", page: PageQ = 1) -> Response:
    found = pages.search_page(state.catalog, q.strip(), page, _params(request), state.can_upload)
    return state.render(found)


@router.get("/docs")
def docs(request: Request, state: WebDep) -> Response:
    chrome = pages.chrome(state.catalog, "API", "docs", upload=state.can_upload)
    return state.render(ApiDocsPage(chrome, api_operations(request.app.openapi())))


@dataclass(frozen=True, slots=True)
class ApiParam:
    name: str
    where: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class ApiOperation:
    path: str
    method: str
    summary: str
    params: list[ApiParam]


@dataclass(frozen=True, slots=True)
class ApiDocsPage:
    """The API reference, rendered on the server from the OpenAPI document (no JS, no CDN)."""

    chrome: pages.Chrome
    operations: list[ApiOperation]
    template: str = "docs.html"


def api_operations(spec: dict[str, Any]) -> list[ApiOperation]:
    return [
        ApiOperation(
            path=path,
            method=method.upper(),
            summary=str(op.get("summary", "")),
            params=[_param(p) for p in op.get("parameters", [])],
        )
        for path, item in spec.get("paths", {}).items()
        for method, op in item.items()
    ]


def _param(p: dict[str, Any]) -> ApiParam:
    schema = p.get("schema", {})
    types = [schema.get("type")] + [s.get("type") for s in schema.get("anyOf", [])]
    shown = " | ".join(t for t in types if t and t != "null")
    if schema.get("format"):
        shown += f" ({schema['format']})"
    if schema.get("enum"):
        shown += ": " + ", ".join(map(str, schema["enum"]))
    return ApiParam(
        name=str(p.get("name")),
        where=str(p.get("in")),
        type=shown,
        required=bool(p.get("required")),
        description=str(p.get("description", "")),
    )


@router.get("/upload")
def upload_form(state: WebDep) -> Response:
    _require_upload(state)
    chrome = pages.chrome(state.catalog, "Upload pages", "upload", upload=True)
    return state.render(pages.UploadPage(chrome))


@router.post("/upload")
async def upload(state: WebDep, token: Annotated[str, Form()], files: list[UploadFile]) -> Response:
    _require_upload(state)
    chrome = pages.chrome(state.catalog, "Upload pages", "upload", upload=True)
    if not token_ok(state.settings.token, token):
        return state.render(pages.UploadPage(chrome, error="Wrong token."), 401)
    result = await ingest_uploads(state, files)
    return state.render(pages.UploadPage(chrome, result=asdict(result)))


def _require_upload(state: Web) -> None:
    if not state.can_upload:
        raise WebError(403, "read_only", "this server is read-only (start it with --token)")


async def ingest_uploads(state: Web, files: list[UploadFile]) -> UploadResult:
    """Read the uploads (capped) and ingest them on the writer thread."""
    contents = await _read_uploads(files)
    return await run_in_threadpool(state.writer.ingest, contents)


async def _read_uploads(files: list[UploadFile]) -> list[tuple[str, bytes]]:
    out, size = [], 0
    for f in files:
        content = await f.read(MAX_UPLOAD_BYTES + 1 - size)
        size += len(content)
        if size > MAX_UPLOAD_BYTES:
            raise WebError(413, "too_large", f"uploads are capped at {MAX_UPLOAD_BYTES} bytes")
        out.append((f.filename or "", content))
    if not out:
        raise WebError(400, "bad_request", "no files uploaded")
    return out
