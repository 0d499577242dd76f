"""The ASGI middleware in front of every route: the first wall, before FastAPI reads anything.

- Security headers on **every** response, error pages and internal errors included (a 500 is
  answered here, so it never leaves without them, and the traceback goes to the log).
- ``Host`` checked when bound to loopback (no DNS rebinding).
- ``HEAD`` answered as ``GET`` without the body.
- Uploads refused **before their body is read**: on a read-only server (403), with a wrong or
  missing bearer token on the API (401), or when ``Content-Length`` is over the cap (413); a body
  that grows past the cap without saying its length is cut off there (413).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from newsloom.web.upload import MAX_UPLOAD_BYTES, bearer, token_ok

log = logging.getLogger("newsloom.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Sent with every response. No inline script or style, nothing from another origin, no
#: plugins, no framing, forms post only here. Page text is escaped too; this is the second wall.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)

SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

#: Paths that take uploads: the API (bearer token in a header) and the HTML form (token in the
#: form body, so only the read-only and size checks can run before the body is read).
API_UPLOAD = "/api/v1/pages"
FORM_UPLOAD = "/upload"


@dataclass(frozen=True, slots=True)
class GuardSettings:
    allowed_hosts: tuple[str, ...] | None
    token: str | None
    max_body: int = MAX_UPLOAD_BYTES


class _TooLarge(Exception):
    """The body grew past the cap while it was being read."""


class Guard:
    """Plain ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp, settings: GuardSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await _error(send, scope, *refusal)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        started = False
        cap = _Cap(self.settings.max_body)

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if cap.exceeded:  # whatever the app answers (FastAPI: 400), the answer is 413
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _error(send, scope, 413, "too_large", self._too_large())
                return
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = _with_security(message.get("headers", []))
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(scope, cap.wrap(receive), guarded_send)
        except Exception:
            if started:
                raise
            if cap.exceeded:
                await _error(send, scope, 413, "too_large", self._too_large())
                return
            log.exception("internal error on %s %s", scope.get("method"), scope.get("path"))
            await _error(send, scope, 500, "internal_error", "internal error (see the log)")

    def _refusal(self, scope: Scope) -> tuple[int, str, str] | None:
        """Why this request is answered before any route sees it, or None."""
        allowed = self.settings.allowed_hosts
        if allowed is not None and _host(scope) not in allowed:
            return 400, "bad_request", "unexpected Host header"
        if scope["method"] != "POST" or scope["path"] not in (API_UPLOAD, FORM_UPLOAD):
            return None
        if not self.settings.token:
            return 403, "read_only", "this server is read-only (start it with --token)"
        if scope["path"] == API_UPLOAD:
            given = bearer(_header(scope, b"authorization") or None)
            if not token_ok(self.settings.token, given):
                return 401, "unauthorized", "missing or wrong bearer token"
        length = _header(scope, b"content-length")
        if length.isdigit() and int(length) > self.settings.max_body:
            return 413, "too_large", self._too_large()
        return None

    def _too_large(self) -> str:
        return f"uploads are capped at {self.settings.max_body} bytes"


class _Cap:
    """Counts the body as the app reads it and stops it past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen = 0
        self.exceeded = False

    def wrap(self, receive: Receive) -> Receive:
        async def capped() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                self.seen += len(message.get("body", b""))
                if self.seen > self.limit:
                    self.exceeded = True
                    raise _TooLarge
            return message

        return capped


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def _host(scope: Scope) -> str:
    """The Host header without its port (``[::1]:8000`` → ``[::1]``)."""
    host = _header(scope, b"host")
    return host.rsplit(":", 1)[0] if not host.endswith("]") else host


def _with_security(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    kept = [(k, v) for k, v in headers if k != b"server"]
    return kept + [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]


async def _error(send: Send, scope: Scope, status: int, code: str, message: str) -> None:
    """An error answered by the middleware: the API's JSON error body, else plain text."""
    if str(scope.get("path", "")).startswith("/api/"):
        payload = {"error": {"status": status, "code": code, "message": message}}
        body = json.dumps(payload).encode()
        kind = b"application/json"
    else:
        body = f"{status} {code}: {message}\n".encode()
        kind = b"text/plain; charset=utf-8"
    headers = _with_security(
        [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    )
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
