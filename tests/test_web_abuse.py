"""The server under abuse: hostile parameters are 4xx, never 500; every answer carries the
security headers (internal errors too); HEAD works; uploads are refused before their body is
read; odd ids make working links; no server path is shown; a busy port is a clear error."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import anyio
import pytest

from newsloom.model import Article, Dossier, Story
from newsloom.store import Store
from newsloom.web import WebSettings, create_app
from newsloom.web.fixtures import fixture_store
from newsloom.web.guard import SECURITY_HEADERS
from newsloom.web.upload import MAX_UPLOAD_BYTES
from webclient import Client, _close

HOSTILE_QUERIES = [
    "/?window=1000000000d",
    "/?now=0001-01-01",
    "/?now=9999-12-31T23:59",
    "/api/v1/top?now=0001-01-01",
    "/api/v1/top?window=1000000000d",
    "/api/v1/trending?window=99999999999999999999w",
    "/api/v1/trending?now=0001-01-01",
    "/api/v1/latest?now=0001-01-01",
    "/feeds/top.atom?now=0001-01-01",
    "/feeds/top.atom?window=1e308d",
    "/stories?page=99999999999999999999",
    "/stories?from=0001-01-01&to=9999-12-31",
    "/api/v1/stories?limit=-1",
    "/search?q=%00%22%22%22",
    "/entities?q=%2e%2e%2f%2e%2e",
]


@pytest.fixture
def served(tmp_path: Path) -> Any:
    built = create_app(WebSettings(db=fixture_store(tmp_path / "f.db")))
    yield built
    _close(built)


@pytest.mark.parametrize("path", HOSTILE_QUERIES)
def test_hostile_parameters_are_never_a_server_error(served: Any, path: str) -> None:
    r = Client(served).get(path)
    assert r.status_code < 500, (path, r.status_code, r.text[:200])
    assert r.headers["content-security-policy"] == SECURITY_HEADERS["content-security-policy"]
    if path.startswith("/api/") and r.status_code >= 400:
        assert r.json()["error"]["code"] == "invalid_parameter"


def test_an_internal_error_still_carries_the_security_headers(served: Any) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("boom")

    served.state.web.catalog.stories = broken
    client = Client(served)
    for path in ("/stories", "/api/v1/stories"):
        r = client.get(path)
        assert r.status_code == 500
        for key, value in SECURITY_HEADERS.items():
            assert r.headers[key] == value
        assert "boom" not in r.text  # the traceback goes to the log, not to the client
    assert client.get("/api/v1/stories").json()["error"]["code"] == "internal_error"


def test_head_answers_like_get_without_a_body(served: Any) -> None:
    client = Client(served)
    for path in ("/", "/stories/S1", "/api/v1/stories", "/feeds/top.atom"):
        got, head = client.get(path), client.request("HEAD", path)
        assert head.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert "content-security-policy" in head.headers


#: The start of a well-formed multipart upload of one file; the file's bytes follow.
_PART = (
    b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\n"
)


class _Body:
    """A multipart request body of about ``size`` bytes that counts how much the app read."""

    def __init__(self, size: int, chunk: int = 1 << 20) -> None:
        self.left, self.chunk, self.read = size, chunk, 0
        self.first = True

    async def receive(self) -> dict[str, Any]:
        n = min(self.chunk, self.left)
        self.left -= n
        self.read += n
        data = (_PART if self.first else b"") + b"x" * n
        self.first = False
        return {"type": "http.request", "body": data, "more_body": self.left > 0}


def _post(app: Any, path: str, body: _Body, headers: list[tuple[bytes, bytes]]) -> int:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *headers],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    anyio.run(app, scope, body.receive, send)
    return int(next(m["status"] for m in sent if m["type"] == "http.response.start"))


MULTIPART = [(b"content-type", b"multipart/form-data; boundary=xyz")]


def test_uploads_to_a_read_only_server_are_refused_before_reading(served: Any) -> None:
    for path in ("/api/v1/pages", "/upload"):
        body = _Body(200 << 20)
        assert _post(served, path, body, MULTIPART) == 403
        assert body.read == 0


def test_uploads_with_a_wrong_token_or_too_large_are_refused_before_reading(
    tmp_path: Path,
) -> None:
    app = create_app(WebSettings(db=fixture_store(tmp_path / "f.db"), token="tok"))
    try:
        body = _Body(200 << 20)
        assert (
            _post(app, "/api/v1/pages", body, [*MULTIPART, (b"authorization", b"Bearer no")]) == 401
        )
        assert body.read == 0
        big = str(MAX_UPLOAD_BYTES + 1).encode()
        body = _Body(MAX_UPLOAD_BYTES + 1)
        auth = (b"authorization", b"Bearer tok")
        assert (
            _post(app, "/api/v1/pages", body, [*MULTIPART, auth, (b"content-length", big)]) == 413
        )
        assert body.read == 0
        # no length announced: read up to the cap, not beyond
        body = _Body(MAX_UPLOAD_BYTES * 4)
        assert _post(app, "/upload", body, MULTIPART) == 413
        assert body.read <= MAX_UPLOAD_BYTES + (1 << 20)
    finally:
        _close(app)


def test_odd_ids_make_working_links_and_no_server_path_is_shown(tmp_path: Path) -> None:
    db = tmp_path / "odd.db"
    odd = Article(
        id="../mirror/index",
        input="/srv/secret-crawl/mirror/index.html#L3",
        digest="d",
        title="Odd page",
        source="Odd Outlet",
        published="2025-03-04T08:00",
        body="The harbour ferry strike ended on Monday after talks.",
    )
    with Store(db) as store:
        store.write_batch([odd], [])
        story = Story(id="S1", title="Odd page", articles=[odd.id])
        store.replace_stories([story], {"S1": Dossier(story="S1")})
    app = create_app(WebSettings(db=db))
    try:
        client = Client(app)
        page = client.get("/stories/S1").text
        assert 'href="/articles/..%2Fmirror%2Findex"' in page
        article = client.get("/articles/..%2Fmirror%2Findex")
        assert article.status_code == 200 and "Odd page" in article.text
        assert "/srv/secret-crawl" not in article.text
        assert "index.html#L3" in article.text
        assert client.get("/api/v1/articles/..%2Fmirror%2Findex").json()["article"]["id"] == odd.id
    finally:
        _close(app)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_on_a_busy_port_is_a_usage_error(tmp_path: Path) -> None:
    db = fixture_store(tmp_path / "f.db")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "newsloom", "serve", "--db", str(db), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 2, proc.stderr
    assert "cannot listen" in proc.stderr and "serving" not in proc.stdout


def test_serve_with_two_workers(tmp_path: Path) -> None:
    db = fixture_store(tmp_path / "f.db")
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsloom",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/v1/stats", timeout=5
                ) as r:
                    assert r.status == 200
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        for _ in range(6):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/stories", timeout=5) as r:
                assert r.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
