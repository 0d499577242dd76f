"""Browser tests: Playwright drives Debian's chromium against a real server on 127.0.0.1.

The hostile fixture pages must render as inert text: no dialog, no script element from page
text, no request that leaves 127.0.0.1, no CSP violation. ``.ci/run`` installs chromium; the
tests skip where it is missing. ``NEWSLOOM_SCREENSHOTS=docs`` also writes the screenshots in
``docs/`` (on the bundled sample corpus when it is ingested at ``NEWSLOOM_SCREENSHOT_DB``).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from newsloom.store import slugify
from newsloom.web import WebSettings, create_app
from newsloom.web.fixtures import XSS_TITLE, fixture_store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed")

HOSTILE_PAGES = [
    "/",
    "/stories/S3",
    "/articles/xss-1",
    "/search?q=officials",
    f"/entities/{slugify('<img src=x onerror=alert(6)>')}",
    "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/search?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E",
]


class Server:
    """uvicorn on a free loopback port, in a thread."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(
            create_app(WebSettings(db=db)), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = fixture_store(tmp_path_factory.mktemp("web") / "fixture.db")
    with Server(db) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


class Watch:
    """Everything a page tried that an inert page must not: dialogs, requests away, CSP hits."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.away: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", self._dialog)
        page.route("**/*", self._route)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if urlsplit(url).hostname != "127.0.0.1":
            self.away.append(url)
            route.abort()
        else:
            route.continue_()


_CSP_LISTENER = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"""


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_pages_render_inert(server: Server, page: Any, path: str) -> None:
    watch = Watch(page)
    page.add_init_script(_CSP_LISTENER)
    page.goto(server.url(path))
    page.wait_for_load_state("networkidle")
    page.mouse.move(200, 150)  # an onmouseover would fire now
    for link in page.locator("a.outlet-name, .byline").all()[:3]:
        link.hover()
    scripts = page.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
    assert scripts == ["/static/newsloom.js"]
    for selector in ("img", "iframe", "marquee", "object", "embed", "style", "link[href^='http']"):
        assert page.locator(selector).count() == 0, selector
    handlers = page.evaluate(
        "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
        ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
    )
    assert handlers == []
    assert page.evaluate("() => window.__violations") == []
    assert watch.dialogs == [] and watch.away == []
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in watch.requests)


def test_hostile_text_is_shown_as_text(server: Server, page: Any) -> None:
    Watch(page)
    page.goto(server.url("/articles/xss-1"))
    assert page.locator("h1").inner_text() == XSS_TITLE
    body = page.locator(".body").inner_text()
    assert "<img src=x onerror=alert(1)>" in body and "javascript:alert(document.domain)" in body
    assert page.locator(".body a").count() == 0  # link text stays text
    assert page.locator(".meta a[href^='javascript']").count() == 0
    assert page.locator("div.banner").count() == 0  # the fake banner is text, not a box


def test_story_page_reads_as_a_dossier(server: Server, page: Any) -> None:
    watch = Watch(page)
    page.goto(server.url("/"))
    page.get_by_role("link", name="Ferry crews strike at Port Alder, stranding 1,200").click()
    page.wait_for_url("**/stories/S1")
    strip = page.locator("svg.strip:visible")  # the wide drawing; the narrow one is hidden
    assert strip.count() == 1 and "chart-wide" in str(strip.get_attribute("class"))
    assert strip.locator("circle").count() == 4
    assert strip.locator(".first-label").text_content() == "first"
    assert page.locator("svg.timeline:visible circle").count() == 3
    assert page.locator("span.status-differs").count() >= 1
    assert page.locator(".variant").count() == 4 and page.locator(".variant del").count() == 2
    strip.locator("a").first.click()  # a dot opens its article
    page.wait_for_url("**/articles/*")
    assert watch.away == []


def test_article_toggles_work_without_script(server: Server, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url("/articles/ferry-meridian"))
        quote = page.locator(".body .hl-quote").first
        before = quote.evaluate("e => getComputedStyle(e).backgroundColor")
        page.locator("label[for='show-quote']").click()
        after = quote.evaluate("e => getComputedStyle(e).backgroundColor")
        assert before != after and after in ("rgba(0, 0, 0, 0)", "transparent")
        removed = page.locator("details.removed li").first
        assert not removed.is_visible()
        page.locator("details.removed summary").click()
        assert removed.is_visible() and "teaser-rail" in removed.inner_text()
        assert float(removed.evaluate("e => getComputedStyle(e).opacity")) < 1  # dimmed
    finally:
        context.close()


def test_search_box_and_filters(server: Server, page: Any) -> None:
    page.goto(server.url("/"))
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "global-search"
    page.keyboard.type("passengers")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=passengers")
    assert page.locator("ol.hits li").count() >= 3 and page.locator("mark").count() >= 3
    page.goto(server.url("/"))
    page.select_option("select[name=outlet]", "Kessel Courier")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/?*outlet=Kessel+Courier*")
    assert [t.strip() for t in page.locator(".col-title a").all_inner_texts()] == [
        "Four killed in Kessel mill fire"
    ]


def test_served_by_the_cli(tmp_path: Path) -> None:
    """``newsloom serve --db PATH --port N`` answers on loopback, with the CSP."""
    import subprocess
    import sys

    import httpx

    db = fixture_store(tmp_path / "cli.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "newsloom", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/stories", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert r.status_code == 200 and len(r.json()["stories"]) == 3
        assert "content-security-policy" in r.headers
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in out


# ------------------------------------------------------------------------------ screenshots


def test_screenshots(browser: Any, tmp_path: Path) -> None:
    """Screenshots of the main pages (into ``$NEWSLOOM_SCREENSHOTS`` when set)."""
    target = Path(os.environ.get("NEWSLOOM_SCREENSHOTS") or tmp_path)
    sample = os.environ.get("NEWSLOOM_SCREENSHOT_DB")
    db = Path(sample) if sample else fixture_store(tmp_path / "shots.db")
    with Server(db) as running:
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        page = context.new_page()
        Watch(page)
        page.goto(running.url("/"))
        page.screenshot(path=str(target / "screenshot-stories.png"))
        page.goto(running.url("/?sort=size"))  # the richest dossier
        page.locator(".col-title a").first.click()
        page.wait_for_url("**/stories/*")
        page.screenshot(path=str(target / "screenshot-story.png"), full_page=True)
        page.locator("table.articles td a").first.click()
        page.wait_for_url("**/articles/*")
        page.screenshot(path=str(target / "screenshot-article.png"))
        context.close()
    for name in ("stories", "story", "article"):
        assert (target / f"screenshot-{name}.png").stat().st_size > 10_000
