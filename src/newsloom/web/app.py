"""The web application: FastAPI, server-rendered pages, a JSON API, strict security headers.

``create_app(WebSettings(db=...))`` builds the app; ``newsloom serve`` runs it with uvicorn.
Every asset ships in the package (``templates/``, ``static/``); no page loads anything from
another origin, and the Content-Security-Policy forbids it anyway.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsloom import __version__
from newsloom.errors import NotFoundError
from newsloom.render.dates import human_date, human_time
from newsloom.web import pages
from newsloom.web.data import Catalog
from newsloom.web.guard import Guard, GuardSettings
from newsloom.web.text import input_name, pathpart
from newsloom.web.upload import Ingester, Writer, pipeline_ingester

#: Host headers accepted when bound to loopback: a page elsewhere cannot reach the API through
#: DNS rebinding. ``--host`` other than loopback accepts any.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

#: Stable error codes of the API (``{"error": {"status", "code", "message"}}``).
ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "read_only",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_parameter",
    500: "internal_error",
}

_PACKAGE = resources.files("newsloom.web")


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How to serve one store. ``token`` enables the upload path; ``allowed_hosts`` None = any."""

    db: Path
    token: str | None = None
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS
    ingester: Ingester = pipeline_ingester


class WebError(Exception):
    """An error a handler raises on purpose: HTTP status, stable code, message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class Web:
    """What the routes share: the catalog, the templates, the settings, the writer."""

    settings: WebSettings
    catalog: Catalog
    env: Environment
    writer: Writer
    stop: threading.Event = field(default_factory=threading.Event)

    @property
    def can_upload(self) -> bool:
        return bool(self.settings.token)

    def render(self, page: Any, status: int = 200) -> HTMLResponse:
        return HTMLResponse(self.html(page), status_code=status)

    def html(self, page: Any) -> str:
        """``page`` through its template: a pure function of the page (and the version)."""
        return self.env.get_template(page.template).render(page=page, version=__version__)


def web(request: Request) -> Web:
    return cast(Web, request.app.state.web)


def _environment() -> Environment:
    folder = Path(str(_PACKAGE / "templates"))
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = human_date
    env.filters["time_words"] = human_time
    env.filters["number"] = lambda n: f"{n:,}"
    env.filters["pathpart"] = pathpart
    env.filters["input_name"] = input_name
    return env


# ---------------------------------------------------------------------------------- errors


def error_response(
    request: Request, status: int, code: str, message: str, **extra: Any
) -> Response:
    if request.url.path.startswith("/api/"):
        body: dict[str, Any] = {"status": status, "code": code, "message": message, **extra}
        return JSONResponse({"error": body}, status_code=status)
    state = web(request)
    chrome = pages.chrome(state.catalog, f"{status} {code}", "error", upload=state.can_upload)
    return state.render(pages.ErrorPage(chrome, status, code, message), status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError) -> Response:
        return error_response(request, 404, "not_found", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = ERROR_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]), "problem": e.get("msg")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{d['parameter']}: {d['problem']}" for d in details)
        return error_response(request, 400, "invalid_parameter", message, details=details)


# ------------------------------------------------------------------------------------- app


#: Environment variables that carry ``serve``'s settings to each worker process of
#: ``newsloom serve --workers N`` (uvicorn starts workers from an import string).
ENV_DB = "NEWSLOOM_SERVE_DB"
ENV_TOKEN = "NEWSLOOM_SERVE_TOKEN"
ENV_HOSTS = "NEWSLOOM_SERVE_HOSTS"


def settings_to_env(settings: WebSettings) -> dict[str, str]:
    env = {ENV_DB: str(settings.db), ENV_TOKEN: settings.token or ""}
    env[ENV_HOSTS] = "*" if settings.allowed_hosts is None else ",".join(settings.allowed_hosts)
    return env


def app_from_env() -> FastAPI:
    """The app factory each worker process of ``serve --workers N`` calls."""
    hosts = os.environ.get(ENV_HOSTS, ",".join(LOOPBACK_HOSTS))
    return create_app(
        WebSettings(
            db=Path(os.environ[ENV_DB]),
            token=os.environ.get(ENV_TOKEN) or None,
            allowed_hosts=None if hosts == "*" else tuple(hosts.split(",")),
        )
    )


def create_app(settings: WebSettings) -> FastAPI:
    """Build the app for the store at ``settings.db`` (which must exist)."""
    from newsloom.web import routes_api, routes_front, routes_html  # routes import this module

    if not settings.db.is_file():
        raise NotFoundError(f"no store at {settings.db}")
    state = Web(
        settings=settings,
        catalog=Catalog(settings.db),
        env=_environment(),
        writer=Writer(settings.db, settings.ingester),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Everything loaded so far lives as long as the server: keep it out of the collector's
        # full passes. Measured with bench/web_latency.py: without this, gen-2 collections
        # over the imported modules (spaCy, via the CLI) stalled requests for 30-90 ms.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            state.stop.set()
            state.writer.close()
            state.catalog.close()

    app = FastAPI(
        title="newsloom",
        version=__version__,
        summary="Stories and cross-source dossiers from a crawl of news pages.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
    )
    app.state.web = state
    app.mount("/static", StaticFiles(directory=Path(str(_PACKAGE / "static"))), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_front.api)
    app.include_router(routes_front.feeds)
    app.include_router(routes_html.router)
    _install_error_handlers(app)
    guard = GuardSettings(allowed_hosts=settings.allowed_hosts, token=settings.token)
    app.add_middleware(Guard, settings=guard)
    return app
