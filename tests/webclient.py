"""An in-process client for the web app, shared by the web tests."""

from __future__ import annotations

from typing import Any

import anyio
import httpx

from newsloom.web.app import Web


class Client:
    """A synchronous in-process client: each request runs the ASGI app on a fresh event loop."""

    def __init__(self, app: Any, host: str = "127.0.0.1") -> None:
        self.app = app
        self.base = f"http://{host}"

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url=self.base) as client:
                return await client.request(method, url, **kw)

        return anyio.run(go)

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)


def _close(app: Any) -> None:
    state: Web = app.state.web
    state.writer.close()
    state.catalog.close()
