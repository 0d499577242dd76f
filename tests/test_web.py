"""Tests for newsloom.web: API and pages in-process, against a store built in code.

The fixture store (``newsloom.web.fixtures``) holds a ferry strike (four outlets, a wire copy,
quotes that differ, a figure reported differently), a mill fire, and a story of hostile pages.
"""

from __future__ import annotations

import csv
import dataclasses
import gc
import io
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from newsloom.model import Article, Dossier, Story
from newsloom.pipeline import stored_result
from newsloom.render.json import article_dict, story_dict
from newsloom.store import Store, StoryFilter, slugify
from newsloom.web import CSP, ERROR_CODES, WebSettings, create_app, pages, routes_html
from newsloom.web import dossier as dossier_page
from newsloom.web.data import Catalog
from newsloom.web.fixtures import XSS_BODY_IMG, XSS_LINK, XSS_TITLE, fixture_store
from newsloom.web.over_time import CoveragePage
from newsloom.web.routes_html import ApiDocsPage
from newsloom.web.text import diff_words, highlight, safe_href, snippet_parts
from newsloom.web.upload import UploadResult, safe_name
from webclient import Client, _close

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "web.md"
#: The screenshots ``docs/web.md`` shows (``tests/test_web_browser.py`` writes them).
SCREENSHOTS = ("stories", "story", "article", "story-390", "story-dark", "coverage")
TOKEN = "s3cret-token"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return fixture_store(tmp_path / "fixture.db")


@pytest.fixture
def app(db: Path) -> Iterator[Any]:
    built = create_app(WebSettings(db=db))
    yield built
    _close(built)


@pytest.fixture
def client(app: Any) -> Client:
    return Client(app)


def _fake_ingester(calls: list[list[str]]) -> Any:
    def ingest(db: Path, paths: Any) -> UploadResult:
        calls.append([p.read_text() for p in paths])
        body = "A new report about the harbour."
        article = Article(
            id=paths[0].stem, input=str(paths[0]), digest="new", body=body, source="New Outlet"
        )
        with Store(db) as store:
            store.write_batch([article], [])
            old = store.stories()
            dossiers = {s.id: store.dossier(s.id) for s in old}
            story = Story(id="S9", title="Uploaded story", articles=[article.id])
            store.replace_stories([*old, story], {**dossiers, "S9": Dossier(story="S9")})
        return UploadResult(added=1, stories=len(old) + 1)

    return ingest


# ------------------------------------------------------------------------------------ API


def test_stories_api_lists_with_counts_and_pagination(client: Client) -> None:
    r = client.get("/api/v1/stories", params={"per_page": 2})
    assert r.status_code == 200
    data = r.json()
    assert data["schema"] == "newsloom/1"
    assert [s["id"] for s in data["stories"]] == ["S1", "S3"]  # most recent first
    ferry = data["stories"][0]
    assert ferry["n_articles"] == 4 and ferry["n_reports"] == 3  # the wire copy counts once
    assert {"name": "Dunmore Gazette", "independent": False} in ferry["sources"]
    page = data["pagination"]
    assert page == {
        "page": 1,
        "per_page": 2,
        "total": 3,
        "pages": 2,
        "next": "/api/v1/stories?per_page=2&page=2",
        "prev": None,
    }
    nxt = client.get(page["next"]).json()
    assert [s["id"] for s in nxt["stories"]] == ["S2"]
    assert nxt["pagination"]["prev"] == "/api/v1/stories?per_page=2"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sort": "size"}, ["S1", "S3", "S2"]),  # ties: most recent first
        ({"q": "ferry"}, ["S1"]),
        ({"q": '"night-shift crews"'}, ["S1"]),
        ({"outlet": "Valley Times"}, ["S1", "S2"]),
        ({"entity": "maren-voss"}, ["S1"]),
        ({"entity": "Maren Voß"}, ["S1"]),  # a spelling resolves to the entity
        ({"entity": "AFWU"}, ["S1"]),
        ({"from": "2025-03-02", "to": "2025-03-02"}, ["S3"]),
        ({"to": "2025-03-01"}, ["S2"]),
        ({"q": "nothing-like-this"}, []),
    ],
)
def test_stories_api_filters(client: Client, params: dict[str, str], expected: list[str]) -> None:
    r = client.get("/api/v1/stories", params=params)
    assert r.status_code == 200, r.text
    assert [s["id"] for s in r.json()["stories"]] == expected


def test_story_and_article_api_mirror_the_json_export(client: Client, db: Path) -> None:
    with Store(db) as store:
        result = stored_result(store, "S1")
    got = client.get("/api/v1/stories/S1").json()
    assert got["schema"] == "newsloom/1"
    assert got["story"] == story_dict(result.stories[0], result.dossiers["S1"])
    for article in result.articles:
        data = client.get(f"/api/v1/articles/{article.id}").json()
        assert data["article"] == article_dict(article)
        assert data["story"] == "S1"


def test_entity_api(client: Client) -> None:
    data = client.get("/api/v1/entities/maren-voss").json()
    assert data["entity"]["name"] == "Maren Voss"
    assert {"Maren Voß", "M. Voss"} <= set(data["entity"]["aliases"])
    assert [s["id"] for s in data["stories"]] == ["S1"]
    assert data["stories"][0]["entity_ids"] == ["E2"]
    assert len(data["quotes"]) == 4  # three versions of one quote and one more
    assert client.get("/api/v1/entities/afwu").json()["entity"]["id"] == "alder-ferry-workers-union"
    listed = client.get("/api/v1/entities", params={"prefix": "mar"}).json()
    assert [e["id"] for e in listed["entities"]] == ["maren-voss"]


def test_search_api_marks_hits_by_offsets(client: Client) -> None:
    data = client.get("/api/v1/search", params={"q": "passengers"}).json()
    assert data["hits"] and data["query"] == "passengers"
    for hit in data["hits"]:
        assert "\x02" not in hit["snippet"]
        words = [hit["snippet"][a:b].lower() for a, b in hit["highlights"]]
        assert words and all(w.startswith("passenger") for w in words)
    assert data["pagination"]["total"] == len(data["hits"])


def test_api_errors_are_json_with_codes(client: Client) -> None:
    cases = [
        ("/api/v1/stories/NOPE", 404, "not_found"),
        ("/api/v1/articles/nope", 404, "not_found"),
        ("/api/v1/entities/nobody-at-all", 404, "not_found"),
        ("/api/v1/nothing-here", 404, "not_found"),
        ("/api/v1/stories?page=0", 400, "invalid_parameter"),
        ("/api/v1/stories?from=yesterday", 400, "invalid_parameter"),
        ("/api/v1/stories?sort=random", 400, "invalid_parameter"),
        ("/api/v1/stories?per_page=100000", 400, "invalid_parameter"),
        ("/api/v1/search", 400, "invalid_parameter"),
    ]
    for url, status, code in cases:
        r = client.get(url)
        assert r.status_code == status, url
        assert r.headers["content-type"].startswith("application/json")
        error = r.json()["error"]
        assert error["code"] == code and error["status"] == status and error["message"]
    r = client.request("DELETE", "/api/v1/stories/S1")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_openapi_and_docs_page(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/v1/stories",
        "/api/v1/stories/{story_id}",
        "/api/v1/articles/{article_id}",
        "/api/v1/entities",
        "/api/v1/entities/{slug}",
        "/api/v1/search",
        "/api/v1/pages",
    } <= paths
    assert not any(p.startswith(("/stories", "/articles")) for p in paths)  # pages stay out
    html = client.get("/docs").text
    for path in paths:
        assert path in html
    assert "cdn" not in html.lower()


# ---------------------------------------------------------------------------------- pages


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


HTML_PAGES = [
    "/",
    "/stories",
    "/?q=ferry&sort=size",
    "/stories/S1",
    "/stories/S2",
    "/stories/S3",
    "/articles/ferry-meridian",
    "/articles/xss-1",
    "/entities",
    "/entities/maren-voss",
    f"/entities/{slugify('<img src=x onerror=alert(6)>')}",
    "/search?q=officials",
    "/search",
    "/docs",
    "/coverage",
]


@pytest.mark.parametrize("url", HTML_PAGES)
def test_pages_render_with_strict_headers(client: Client, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    for tag, attrs in _tags(r.text):
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "style" not in attrs  # the CSP would block it anyway
        for key in ("href", "src", "action"):
            value = attrs.get(key) or ""
            assert not value.lower().startswith(("javascript:", "data:", "//")), (tag, attrs)
            if value.startswith("http"):
                assert tag == "a" and "noreferrer" in str(attrs.get("rel")), (tag, attrs)
        if tag == "script":
            assert attrs.get("src") == "/static/newsloom.js"
        assert tag not in ("iframe", "img", "object", "embed", "marquee", "style")


def test_hostile_text_is_escaped(client: Client) -> None:
    story = client.get("/stories/S3").text
    article = client.get("/articles/xss-1").text
    for html in (story, article):
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert 'href="javascript:' not in article and XSS_LINK in article  # shown, not linked
    assert "&lt;b onmouseover=" in article
    assert "&lt;div class=&#34;banner&#34;&gt;Verified" in article
    stories = client.get("/").text
    assert "&lt;svg onload=alert(7)&gt;Outlet" in stories


def test_story_page_context(app: Any) -> None:
    catalog: Catalog = app.state.web.catalog
    page = dossier_page.story_page(catalog, "S1")
    assert page.n_reports == 3 and page.n_independent_outlets == 3
    assert [s.name for s in page.sources][:2] == ["Meridian Press", "Dunmore Gazette"]
    assert page.sources[0].first and not page.sources[1].independent
    assert [r.outlet for r in page.strip.rows if r.first] == ["Meridian Press"]
    assert {d.article for r in page.strip.rows for d in r.dots if d.copy} == {"ferry-gazette"}
    assert [f.status for f in page.figures] == ["corroborated", "differs", "single-source"]
    voss = page.quotes[0]
    assert voss.speaker_slug == "maren-voss" and voss.differs
    trimmed = next(v for v in voss.variants if v.article.id == "ferry-gazette")
    assert [p.kind for p in trimmed.parts] == ["same", "cut"]
    assert page.timeline_chart is not None and len(page.timeline_chart.points) == 3
    assert [e.slug for e in page.entities] == [
        "port-alder",
        "maren-voss",
        "alder-ferry-workers-union",
    ]
    assert (
        page.summary[0].markers[0].n == 1 and page.summary[0].markers[1].outlet == "Dunmore Gazette"
    )
    only = [c for row in page.matrix.rows for c in row.cells if c == "only"]
    assert len(only) == 2  # 14 sailings (Meridian) and the second quote (Harbor Wire)


def test_dates_are_words_on_pages_and_iso_in_the_api(client: Client) -> None:
    html = client.get("/stories/S1").text
    timeline = html.split("timeline-list")[1].split("</table>")[0]
    assert '<time datetime="2025-03-03">March 3, 2025</time>' in timeline
    assert ">2025-03-03<" not in html
    data = client.get("/api/v1/stories/S1").json()
    assert [e["date"] for e in data["story"]["timeline"]] == [
        "2025-03-03",
        "2025-03-04",
        "2025-03-06",
    ]


def test_story_page_shows_empty_sections_plainly(app: Any) -> None:
    html = Client(app).get("/stories/S2").text
    assert "No quotes found in this story yet." in html
    assert "No dated statements found in this story yet." in html


def test_article_page_highlights_and_removed_chrome(client: Client, app: Any) -> None:
    page = pages.article_page(app.state.web.catalog, "ferry-meridian")
    kinds = {k for para in page.paragraphs for seg in para for k in seg.kinds}
    assert kinds == {"quote", "figure", "time", "entity"}
    assert page.counts == {"quote": 1, "said": 0, "figure": 3, "time": 1, "entity": 3}
    assert page.story is not None and page.story.id == "S1"
    assert [m.slug for m in page.mentions if m.text == "Maren Voss"] == ["maren-voss"]
    html = client.get("/articles/ferry-meridian").text
    assert '<details class="removed">' in html and "teaser-rail" in html
    assert 'class="hl-quote"' in html


def test_stories_page_context_and_notices(app: Any) -> None:
    catalog: Catalog = app.state.web.catalog
    page = pages.stories_page(catalog, StoryFilter(outlet="Valley Times"), 1, {})
    assert [r.id for r in page.rows] == ["S1", "S2"]
    assert ("Valley Times", 2) in page.outlets
    html = Client(app).get("/?from=last-week").text
    assert "Ignored from=" in html and "YYYY-MM-DD" in html


@pytest.mark.parametrize(
    ("url", "last"),
    [
        ("/stories?page=99", "/stories"),  # page 1 needs no number (and "/" is the front page)
        ("/?outlet=Valley+Times&page=7", "/stories?outlet=Valley+Times"),
        ("/search?q=officials&page=5", "/search?q=officials"),
        ("/entities?page=3", "/entities"),
        ("/entities/maren-voss?page=4", "/entities/maren-voss"),
    ],
)
def test_a_page_past_the_end_says_so_and_links_to_the_last(
    client: Client, url: str, last: str
) -> None:
    html = client.get(url).text
    assert "is past the end" in html and "No story matches" not in html
    assert f'<a href="{last}">Go to the last page (1)</a>' in html


def test_past_end_pager_links_back_to_the_last_page() -> None:
    p = pages.pager("/stories", {"q": "ferry", "page": "9"}, 9, 120, 50)
    assert p.past_end and p.pages == 3
    assert p.last_url == "/stories?q=ferry&page=3" and p.prev_url == p.last_url
    assert p.next_url is None
    inside = pages.pager("/stories", {}, 3, 120, 50)
    assert not inside.past_end and inside.prev_url == "/stories?page=2"
    assert not pages.pager("/stories", {}, 2, 0, 50).past_end  # empty: "no match", not this


def test_entity_page_and_alias_redirect(client: Client) -> None:
    r = client.get("/entities/maren-vo%C3%9F")  # a spelling: sent to the entity's address
    assert r.status_code == 307 and r.headers["location"] == "/entities/maren-voss"
    html = client.get("/entities/maren-voss").text
    assert "M. Voss" in html and "the company knows what it owes" in html
    assert client.get("/entities/nobody").status_code == 404


def test_html_errors_are_pages(client: Client) -> None:
    r = client.get("/stories/NOPE")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "no story" in r.text
    assert client.get("/stories/S1?page=x").status_code == 200  # unknown parameters ignored
    assert client.get("/?page=0").status_code == 400


def test_search_page_marks_hits(client: Client) -> None:
    html = client.get("/search", params={"q": "strike"}).text
    assert "<mark>" in html and "story" in html


def test_foreign_host_header_is_refused(app: Any) -> None:
    r = Client(app, host="evil.example").get("/")
    assert r.status_code == 400
    assert Client(app, host="localhost:8000").get("/").status_code == 200


def test_static_assets_ship_in_the_package_and_fetch_nothing_remote() -> None:
    web = resources.files("newsloom.web")
    names = {p.name for p in (web / "static").iterdir()}
    assert {"newsloom.css", "newsloom.js", "favicon.svg"} <= names
    for folder in ("static", "templates"):
        for item in (web / folder).iterdir():
            text = item.read_text(encoding="utf-8")
            assert not re.search(r"(src|href)=\"(https?:)?//", text), item.name
            assert "@import" not in text and "url(http" not in text, item.name
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert "web/templates/*" in pyproject and "web/static/*" in pyproject


# ------------------------------------------------------------------------------- index


def test_listings_follow_replaced_stories(app: Any, db: Path) -> None:
    """No refresh step: the listing tables are written with the stories, so the next request
    sees the change, and cached answers (keyed by the stories version) are dropped."""
    catalog: Catalog = app.state.web.catalog
    before = catalog.stamp
    assert catalog.memo("k", lambda: "old") == "old"
    with Store(db) as store:
        stories = store.stories()
        dossiers = {s.id: store.dossier(s.id) for s in stories}
        keep = [s for s in stories if s.id != "S2"]
        store.replace_stories(keep, {k: v for k, v in dossiers.items() if k != "S2"})
    assert catalog.stamp != before
    assert catalog.memo("k", lambda: "new") == "new"
    rows, total = catalog.stories(StoryFilter(), 0, 10)
    assert total == 2 and "S2" not in {r.id for r in rows}
    assert catalog.entity("dana-holm") is None


def _file_state(db: Path) -> tuple[bytes, set[str]]:
    with Store(db) as store:
        tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
    return db.read_bytes(), tables


def test_serving_never_writes_the_store(db: Path) -> None:
    before, tables = _file_state(db)
    built = create_app(WebSettings(db=db))
    try:
        client = Client(built)
        for path in (
            "/",
            "/stories",
            "/stories/S2",
            "/entities",
            "/search?q=mill",
            "/api/v1/stories?entity=kessel",
            "/api/v1/top",
            "/feeds/top.atom",
        ):
            assert client.get(path).status_code == 200, path
        assert [s["id"] for s in client.get("/api/v1/stories?entity=kessel").json()["stories"]] == [
            "S2"
        ]
    finally:
        _close(built)
    assert db.read_bytes() == before
    assert not any(t.startswith("web_") for t in tables)


def test_slugify() -> None:
    assert slugify("Volodymyr Zelenskyy") == "volodymyr-zelenskyy"
    assert slugify("Maren Voß") == "maren-voß"
    assert slugify("Zoë  O'Neil-Ávila!") == "zoe-o-neil-avila"
    assert slugify("<script>") == "script"
    assert slugify("...") == "-"


# -------------------------------------------------------------------------------- upload


def test_read_only_by_default(client: Client) -> None:
    r = client.post("/api/v1/pages", files={"files": ("a.txt", b"hello")})
    assert r.status_code == 403 and r.json()["error"]["code"] == "read_only"
    assert client.get("/upload").status_code == 403


def test_upload_needs_the_token(db: Path) -> None:
    calls: list[list[str]] = []
    built = create_app(WebSettings(db=db, token=TOKEN, ingester=_fake_ingester(calls)))
    try:
        client = Client(built)
        files = {"files": ("new-page.txt", b" date 2025-03-05 Harbour\nA new report.")}
        r = client.post("/api/v1/pages", files=files, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
        assert calls == []
        r = client.post("/api/v1/pages", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200, r.text
        assert r.json()["added"] == 1 and len(calls) == 1
        assert "S9" in {s["id"] for s in client.get("/api/v1/stories").json()["stories"]}
        assert client.get("/api/v1/articles/new-page").status_code == 200  # the stem is the id
        form = client.post("/upload", data={"token": "nope"}, files=files)
        assert form.status_code == 401 and len(calls) == 1
        assert "Upload" in client.get("/").text
    finally:
        _close(built)


def test_safe_upload_names() -> None:
    assert safe_name("../../etc/passwd", 0) == "passwd"
    assert safe_name("C:\\x\\page one.html", 1) == "page_one.html"
    assert safe_name(".hidden", 2) == "hidden"
    assert safe_name("", 3) == "upload-3.txt"


# --------------------------------------------------------------------------------- text


def test_highlight_splits_overlaps_and_paragraphs() -> None:
    body = 'Ana said "we sail on Monday" today.\n\nSecond paragraph.'
    article = Article.model_validate(
        {
            "id": "t",
            "body": body,
            "quotes": [{"text": "we sail on Monday", "start": 10, "end": 27}],
            "times": [{"text": "Monday", "start": 21, "end": 27, "value": "2025-03-03"}],
            "entities": [{"text": "Ana", "start": 0, "end": 3, "label": "PERSON"}],
            "figures": [{"text": "bad", "start": 40, "end": 999}],  # out of range: ignored
        }
    )
    paras = highlight(article)
    assert len(paras) == 2 and "".join(s.text for s in paras[1]) == "Second paragraph."
    kinds = [(s.text, s.kinds) for s in paras[0]]
    assert ("Ana", ("entity",)) in kinds
    assert ("we sail on ", ("quote",)) in kinds and ("Monday", ("quote", "time")) in kinds


def test_diff_words_marks_changes_and_cuts() -> None:
    parts = diff_words("we will not sail again until paid", "We won't sail again")
    assert [(p.kind, p.text) for p in parts] == [
        ("same", "We"),
        ("changed", "won't"),
        ("same", "sail again"),
        ("cut", "until paid"),
    ]


def test_snippets_and_links() -> None:
    parts = snippet_parts("a \x02b\x03 c")
    assert [(p.text, p.hit) for p in parts] == [("a ", False), ("b", True), (" c", False)]
    assert safe_href("https://example.test/x") == "https://example.test/x"
    for bad in (
        XSS_LINK,
        "JavaScript:alert(1)",
        "data:text/html,x",
        "//evil.test",
        "http://",
        None,
        "https://a b",
    ):
        assert safe_href(bad) is None


# --------------------------------------------------------------------------------- docs


def _context_classes() -> list[type]:
    return [
        pages.StoriesPage,
        dossier_page.StoryPage,
        pages.ArticlePage,
        pages.EntityPage,
        pages.EntitiesPage,
        pages.SearchPage,
        pages.ErrorPage,
        pages.UploadPage,
        ApiDocsPage,
        CoveragePage,
    ]


def test_docs_list_every_page_context_field() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for cls in _context_classes():
        line = re.search(rf"^- `{cls.__name__}`.*: (.+)$", text, re.M)
        assert line, f"docs/web.md does not describe {cls.__name__}"
        documented = set(re.findall(r"`(\w+)`", line.group(1)))
        fields = {f.name for f in dataclasses.fields(cls)} - {"template"}
        assert documented == fields, cls.__name__


def test_docs_list_every_route_and_error_code(app: Any) -> None:
    text = DOCS.read_text(encoding="utf-8")
    for path in app.openapi()["paths"]:
        assert f"`{path}`" in text, path
    for code in ERROR_CODES.values():
        assert f"`{code}`" in text, code
    for address in (
        "`/`",
        "`/stories/{id}`",
        "`/articles/{id}`",
        "`/entities/{slug}`",
        "`/search?q=`",
    ):
        assert address in text


def test_docs_show_the_screenshots() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in SCREENSHOTS:
        assert f"screenshot-{name}.png" in text
        assert (ROOT / "docs" / f"screenshot-{name}.png").is_file()


# ---------------------------------------------------------------------------------- CLI


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsloom", "serve", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 6
    assert "newsloom ingest" in proc.stderr


def test_xss_fixture_strings_are_in_the_store(db: Path) -> None:
    with Store(db) as store:
        article = store.article("xss-1")
    assert article.title == XSS_TITLE and XSS_BODY_IMG in article.body
    assert json.loads(article.model_dump_json())["url"] == XSS_LINK


def test_dossier_tables_download_as_csv(client: Client) -> None:
    page = client.get("/stories/S2").text
    assert page.count("download CSV") == 5
    r = client.get("/api/v1/stories/S2/tables/figures?format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="S2-figures.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and rows[0]["status"] in ("corroborated", "single-source", "differs")
    as_json = client.get("/api/v1/stories/S2/tables/quotes").json()
    assert as_json["table"] == "quotes" and isinstance(as_json["rows"], list)
    assert client.get("/api/v1/stories/nope/tables/figures").status_code == 404
    assert client.get("/api/v1/stories/S2/tables/secrets").status_code == 400


def test_a_finished_threads_reader_closes_with_it(tmp_path: Path) -> None:
    """Server worker threads come and go; each one's store connection must go with it, not
    stay open until shutdown (one per thread ever started: a slow leak of file handles)."""
    catalog = Catalog(fixture_store(tmp_path / "t.db"))
    for _ in range(5):
        worker = threading.Thread(target=lambda: catalog.reader().count_stories())
        worker.start()
        worker.join()
    gc.collect()
    assert len(catalog._open) == 1  # the creating thread's reader only
    catalog.reader().count_stories()
    catalog.close()
    assert len(catalog._open) == 0


def test_a_story_page_is_built_once_per_stories_version(
    db: Path, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    real = routes_html.story_page

    def counted(catalog: Catalog, story_id: str, upload: bool = False) -> Any:
        built.append(story_id)
        return real(catalog, story_id, upload)

    monkeypatch.setattr(routes_html, "story_page", counted)
    first = client.get("/stories/S1")
    assert first.status_code == 200 and client.get("/stories/S1").text == first.text
    assert built == ["S1"]  # the second reader got the page already built
    assert client.get("/stories/S404").status_code == 404  # a miss is never remembered
    assert client.get("/stories/S404").status_code == 404 and built.count("S404") == 2
    with Store(db) as store:  # the stories change: the page is built again from them
        stories = store.stories()
        store.replace_stories(stories, {s.id: store.dossier(s.id) for s in stories})
    assert client.get("/stories/S1").status_code == 200
    assert built.count("S1") == 2


def test_search_results_come_twenty_a_page(tmp_path: Path) -> None:
    from newsloom.web.fixtures import synthetic_store

    db = synthetic_store(tmp_path / "syn.db", 60, per_story=3)
    client = Client(create_app(WebSettings(db=db)))
    hits = client.get("/api/v1/search", params={"q": "the", "per_page": 200}).json()
    total = hits["pagination"]["total"]
    assert total > pages.SEARCH_PER_PAGE  # enough hits for a second page
    first = client.get("/search", params={"q": "the"}).text
    second = client.get("/search", params={"q": "the", "page": 2}).text
    assert first.count('<div class="hit-head">') == pages.SEARCH_PER_PAGE
    assert "page=2" in first
    left = min(total - pages.SEARCH_PER_PAGE, pages.SEARCH_PER_PAGE)
    assert second.count('<div class="hit-head">') == left


def test_a_search_hit_without_a_publisher_names_its_unknown_site(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.write_batch(
            [
                Article(id="p1", body="The ferry strike closed the harbour.", title="Strike"),
                Article(id="p2", body="A ferry strike, said the union.", source="Harbor Courier"),
            ],
            [],
        )
    client = Client(create_app(WebSettings(db=db)))
    hits = {h["article"]: h for h in client.get("/api/v1/search?q=ferry").json()["hits"]}
    assert hits["p1"]["source"] is None and hits["p1"]["outlet"] == "unknown site (p1)"
    assert hits["p2"]["outlet"] == "Harbor Courier"
    html = client.get("/search?q=ferry").text
    assert "unknown site (p1)" in html and "unknown outlet" not in html
