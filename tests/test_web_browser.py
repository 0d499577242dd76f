"""Browser tests: Playwright drives Debian's chromium against a real server on 127.0.0.1.

The hostile fixture pages must render as inert text: no dialog, no script element from page
text, no request that leaves 127.0.0.1, no CSP violation. ``.ci/run`` installs chromium; the
tests skip where it is missing. ``NEWSLOOM_SCREENSHOTS=docs`` also writes the screenshots in
``docs/`` (on the bundled sample corpus when it is ingested at ``NEWSLOOM_SCREENSHOT_DB``).
"""

from __future__ import annotations

import csv
import io
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
    "/coverage",
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


def test_search_finds_other_spellings_and_reads_or_and_not(server: Server, page: Any) -> None:
    """Issue 16: a name the store knows as an entity finds its other spellings, said in a
    note; OR widens and NOT narrows, typed into the search box as a user would."""
    page.goto(server.url("/"))
    page.locator("#global-search").fill("AFWU")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=AFWU")
    assert "also written Alder Ferry Workers Union" in page.locator("p.notice").inner_text()
    assert page.locator("ol.hits li").count() == 3  # pages that spell the union out too

    def hits(query: str) -> list[str]:
        page.locator("#global-search").fill(query)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        return page.locator("ol.hits li").all_inner_texts()

    either = hits("mill OR strike")
    assert len(either) == 5 and any("mill" in h.lower() for h in either)
    only = hits("strike NOT passengers")
    assert len(only) == 1 and all("passengers" not in h.lower() for h in only)


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


# ------------------------------------------------------------------- any screen, either colour

#: Contrast WCAG asks of body text (AA); checked on the page's own text in both colour schemes.
MIN_CONTRAST = 4.5

_CONTRAST = """sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length)
  .slice(0, 4).map(e => {
    const rgb = c => c.match(/[\\d.]+/g).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    let bg = e, back = null;
    while (bg) { const c = rgb(getComputedStyle(bg).backgroundColor);
      if (c.length < 4 || c[3] > 0.5) { back = c; break; } bg = bg.parentElement; }
    const fore = rgb(getComputedStyle(e).color);
    const [hi, lo] = [lum(fore), lum(back || [255, 255, 255])].sort((a, b) => b - a);
    return [e.tagName + '.' + e.className, (hi + 0.05) / (lo + 0.05)];
  })"""

#: Text of every kind on the dossier and coverage pages (the first few of each are checked).
_TEXT = (
    "h1",
    ".kicker",
    ".summary li",
    ".note",
    ".muted",
    ".tag-copy",
    ".tag-ind",
    ".tag-first",
    ".status-differs",
    ".status-single-source",
    ".status-corroborated",
    ".outlet",
    "a.marker",
    ".outlet-name",
    "td",
    "figcaption",
    "ins",
    "del",
    ".excerpt",
    "td[data-label]",
    ".missing .outlet",
    ".said-kind",
    ".etype",
    ".count",
    ".toc a",
    ".axis-labels span",
)


def _low_contrast(page: Any) -> list[tuple[str, float]]:
    found = [c for sel in _TEXT for c in page.evaluate(_CONTRAST, sel)]
    assert len(found) > 20  # the check saw the page's text
    return [(name, ratio) for name, ratio in found if ratio < MIN_CONTRAST]


def _overflow(page: Any) -> list[str]:
    """Elements wider than the window (outside a sideways-scrolling box)."""
    return list(
        page.evaluate(
            "() => [...document.querySelectorAll('main *')].filter(e => !e.closest('.scroll') &&"
            " e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
            ".map(e => e.tagName + '.' + e.className)"
        )
    )


def _labels_inside(page: Any, svg: str) -> list[str]:
    """Text of ``svg`` (visible drawing) that runs outside its viewBox."""
    return list(
        page.evaluate(
            """sel => { const svg = document.querySelector(sel); const box = svg.viewBox.baseVal;
            return [...svg.querySelectorAll('text')].filter(t => { const b = t.getBBox();
              return b.x < -0.5 || b.x + b.width > box.width + 0.5; }).map(t => t.textContent); }""",
            svg,
        )
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dossier_at_390_px_reads_in_either_colour_scheme(
    server: Server, browser: Any, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        page = context.new_page()
        Watch(page)
        page.goto(server.url("/stories/S1"))
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        assert _overflow(page) == []
        strip = page.locator("svg.strip:visible")
        assert strip.count() == 1 and "chart-narrow" in str(strip.get_attribute("class"))
        assert _labels_inside(page, "svg.strip.chart-narrow") == []
        # Labels stay legible: a tick label is drawn at least 9 CSS pixels tall on the phone.
        tick = page.locator("svg.strip.chart-narrow .tick-label").first
        assert tick.bounding_box()["height"] >= 9
        assert page.locator("table.sources thead").is_hidden()  # the table reads as cards
        assert page.locator("table.sources td[data-label='Headline']").first.is_visible()
        matrix = page.locator("#matrix .scroll")
        assert matrix.evaluate("e => e.scrollWidth >= e.clientWidth")  # scrolls inside
        assert _low_contrast(page) == []
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(14, 19, 26)") == (scheme == "dark")
    finally:
        context.close()


def test_dossier_labels_fit_and_print_is_the_wide_page(server: Server, page: Any) -> None:
    page.goto(server.url("/stories/S1"))
    assert _labels_inside(page, "svg.strip.chart-wide") == []
    assert _labels_inside(page, "svg.timeline.chart-wide") == []
    cut = page.evaluate(
        "() => [...document.querySelectorAll('.matrix .col span')]"
        ".filter(s => s.scrollHeight > s.clientHeight + 1 || s.getBoundingClientRect().height >"
        " s.closest('th').getBoundingClientRect().height).map(s => s.textContent)"
    )
    assert cut == []
    page.emulate_media(media="print")
    assert page.locator(".topbar").is_hidden() and page.locator("a.download").first.is_hidden()
    assert page.locator("svg.strip.chart-wide").is_visible()
    assert page.locator("svg.strip.chart-narrow").is_hidden()


def test_reported_speech_looks_unlike_a_quote(server: Server, page: Any) -> None:
    page.goto(server.url("/articles/ferry-harbor"))
    said = page.locator(".body .hl-said").first
    quote = page.locator(".body .hl-quote").first
    assert said.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    assert quote.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
    marks = page.locator(".said-list q.said-quote").first
    assert marks.evaluate("e => getComputedStyle(e, '::before').content") == "open-quote"
    paraphrase = page.locator(".said-list .said-paraphrase").first
    assert paraphrase.evaluate("e => getComputedStyle(e, '::before').content") in ("none", "normal")
    assert page.locator(".said-list .is-paraphrase .said-kind").inner_text().lower() == "reported"


def test_folds_close_on_a_phone_and_open_in_print(tmp_path: Path, browser: Any) -> None:
    """The sample corpus's story shape: three outlets of their own, facts one alone reports."""
    from newsloom.model import FactRef
    from newsloom.store import Store

    db = fixture_store(tmp_path / "folds.db")
    with Store(db) as store:
        stories = store.stories()
        dossiers = {s.id: store.dossier(s.id) for s in stories}
        first = dossiers["S1"].sources[0]
        first.alone = [
            FactRef(article=first.articles[0], text="The operator cancelled 14.", start=0, end=5)
        ]
        store.replace_stories(stories, dossiers)
    with Server(db) as running:
        for width, is_open in ((390, False), (1280, True)):
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.goto(running.url("/stories/S1"))
            fold = page.locator("#alone details.fold").first
            assert fold.evaluate("d => d.open") is is_open
            if not is_open:
                fold.locator("summary").click()
                assert page.locator("#alone .facts li").first.is_visible()
                page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
                assert page.evaluate(
                    "() => [...document.querySelectorAll('details.fold')].every(d => d.open)"
                )
            context.close()


@pytest.mark.parametrize(("width", "scheme"), [(390, "dark"), (1280, "light")])
def test_coverage_page_draws_bars_at_any_width(
    server: Server, browser: Any, width: int, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto(server.url("/"))
        page.get_by_role("link", name="Coverage", exact=True).click()
        page.wait_for_url("**/coverage")
        assert page.locator("svg.volume rect").count() == 6  # 5 days; March 3 has a copy on top
        titles = page.locator("svg.volume title").all_text_contents()
        assert "March 3, 2025: 2 reports · 1 copy" in titles
        assert page.locator("#outlets svg.spark").count() == 7  # one row per outlet
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        assert _overflow(page) == [] and _low_contrast(page) == []
        assert watch.away == []
    finally:
        context.close()


def test_csv_downloads_from_the_dossier_and_the_coverage_page(server: Server, page: Any) -> None:
    page.goto(server.url("/stories/S1"))
    with page.expect_download() as found:
        page.locator("#figures a.download").click()
    path = found.value.path()
    assert found.value.suggested_filename == "S1-figures.csv"
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8"))))
    assert {r["status"] for r in rows} == {"corroborated", "differs", "single-source"}
    page.goto(server.url("/coverage?from=2025-03-03"))
    with page.expect_download() as found:
        page.locator("a.download").click()
    assert found.value.suggested_filename == "coverage-2025-03-03.csv"
    rows = list(csv.DictReader(io.StringIO(Path(found.value.path()).read_text(encoding="utf-8"))))
    assert rows and min(r["day"] for r in rows) == "2025-03-03"


# ------------------------------------------------------------------------------ screenshots


def test_screenshots(browser: Any, tmp_path: Path) -> None:
    """Screenshots of the main pages (into ``$NEWSLOOM_SCREENSHOTS`` when set): the dossier at
    1280 px, at 390 px and in the dark scheme, the coverage page, the stories list, an article."""
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
        story = page.url
        page.screenshot(path=str(target / "screenshot-story.png"), full_page=True)
        page.locator("table.articles td a").first.click()
        page.wait_for_url("**/articles/*")
        page.screenshot(path=str(target / "screenshot-article.png"))
        page.goto(running.url("/coverage"))
        page.screenshot(path=str(target / "screenshot-coverage.png"), full_page=True)
        context.close()
        for name, options in (
            ("story-390", {"viewport": {"width": 390, "height": 2400}}),
            ("story-dark", {"viewport": {"width": 1280, "height": 1500}, "color_scheme": "dark"}),
        ):
            context = browser.new_context(**options)
            page = context.new_page()
            Watch(page)
            page.goto(story)
            page.screenshot(path=str(target / f"screenshot-{name}.png"))
            context.close()
    for name in ("stories", "story", "article", "coverage", "story-390", "story-dark"):
        assert (target / f"screenshot-{name}.png").stat().st_size > 10_000
