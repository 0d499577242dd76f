"""The front page's JSON API (``/api/v1/top``, ``/latest``, ``/trending``) and Atom feeds.

Feeds: ``/feeds/top.atom``, ``/feeds/latest.atom``, ``/feeds/entity/{slug}.atom``; each entry
links back to the story's dossier page, absolute from the address the request came to.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from newsloom import __version__
from newsloom.front import DEFAULT_WINDOW, parse_now, parse_window, window_text
from newsloom.render.atom import AtomFeed, atom_feed
from newsloom.web import front
from newsloom.web.app import Web, WebError, web
from newsloom.web.routes_api import ErrorBody

#: Most stories or trends one answer holds.
MAX_LIMIT = 100

#: Entries of a feed.
FEED_SIZE = 30

ATOM_TYPE = "application/atom+xml; charset=utf-8"

api = APIRouter(prefix="/api/v1", tags=["front page"], responses={400: {"model": ErrorBody}})
feeds = APIRouter(prefix="/feeds", include_in_schema=False)

WebDep = Annotated[Web, Depends(web)]
WindowQ = Annotated[
    str, Query(description="How far back from now: 90m, 24h, 7d, 2w (default 24h).")
]
NowQ = Annotated[
    str, Query(description="The reference time (ISO); default: the newest page in the store.")
]
LimitQ = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many to answer.")]


def _clock(state: Web, window: str, now: str) -> front.Clock:
    span = DEFAULT_WINDOW
    if window.strip():
        try:
            span = parse_window(window)
        except ValueError as exc:
            raise WebError(400, "invalid_parameter", f"window: {exc}") from exc
    try:
        at = parse_now(now) if now.strip() else None
    except ValueError as exc:
        raise WebError(400, "invalid_parameter", f"now: {exc}") from exc
    return front.clock(state.catalog, at, span)


@api.get("/top", summary="Top Stories: most independent reports in the window, then newest")
def top(state: WebDep, window: WindowQ = "", now: NowQ = "", limit: LimitQ = 10) -> Any:
    ref = _clock(state, window, now)
    stories = front.top(state.catalog, ref, limit)
    return front.envelope(ref, stories=[front.story_json(s) for s in stories])


@api.get("/latest", summary="Latest Headlines: stories by their newest page, newest first")
def latest(state: WebDep, now: NowQ = "", limit: LimitQ = 10) -> Any:
    ref = _clock(state, "", now)
    stories = front.latest(state.catalog, ref, limit)
    return front.envelope(ref, stories=[front.story_json(s) for s in stories])


@api.get("/trending", summary="Trending: entities and phrases rising against their baseline")
def trending(state: WebDep, window: WindowQ = "", now: NowQ = "", limit: LimitQ = 10) -> Any:
    ref = _clock(state, window, now)
    found = front.trends(state.catalog, ref, limit)
    return front.envelope(ref, trending=[front.trend_json(t) for t in found])


# ---------------------------------------------------------------------------------- feeds


def _feed(
    request: Request, ref: front.Clock, title: str, page: str, stories: list[front.FrontStory]
) -> Response:
    base = str(request.base_url).rstrip("/")
    entries = front.atom_entries(stories, base)
    updated = max((e.updated for e in entries), default=ref.now or datetime(1970, 1, 1))
    feed = AtomFeed(
        id=base + request.url.path,
        title=title,
        updated=updated,
        link=base + page,
        entries=entries,
        subtitle="Stories from the whole crawl; copies of one wire report count once.",
        version=__version__,
    )
    return Response(atom_feed(feed), media_type=ATOM_TYPE)


@feeds.get("/top.atom")
def top_feed(request: Request, state: WebDep, window: str = "", now: str = "") -> Response:
    ref = _clock(state, window, now)
    stories = front.top(state.catalog, ref, FEED_SIZE)
    return _feed(
        request, ref, f"newsloom: Top Stories, last {window_text(ref.window)}", "/", stories
    )


@feeds.get("/latest.atom")
def latest_feed(request: Request, state: WebDep, now: str = "") -> Response:
    ref = _clock(state, "", now)
    stories = front.latest(state.catalog, ref, FEED_SIZE)
    return _feed(request, ref, "newsloom: Latest Headlines", "/", stories)


@feeds.get("/entity/{slug}.atom")
def entity_feed(slug: str, request: Request, state: WebDep) -> Response:
    resolved = state.catalog.resolve_entity(slug)
    row = state.catalog.entity(resolved) if resolved else None
    if row is None:
        raise WebError(404, "not_found", f"no entity {slug!r} in the store")
    if row.slug != slug:
        return RedirectResponse(f"/feeds/entity/{row.slug}.atom", status_code=307)
    ref = front.clock(state.catalog, None, timedelta(days=1))
    stories = front.entity_stories(state.catalog, ref, row.slug, FEED_SIZE)
    return _feed(request, ref, f"newsloom: {row.name}", f"/entities/{row.slug}", stories)
