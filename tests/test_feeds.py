"""Atom feeds (``/feeds/…``, ``newsloom.render.atom``): valid RFC 4287, parsed with feedparser."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import feedparser
import pytest

from newsloom.render.atom import ATOM_NS, AtomEntry, AtomFeed, atom_feed, rfc3339
from newsloom.web import WebSettings, create_app
from newsloom.web.fixtures import XSS_TITLE, fixture_store
from test_web import Client, _close


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    built = create_app(WebSettings(db=fixture_store(tmp_path / "fixture.db")))
    yield Client(built)
    _close(built)


def _parse(body: bytes) -> Any:
    feed = feedparser.parse(body)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize(
    ("url", "ids"),
    [
        ("/feeds/top.atom", ["S1"]),
        ("/feeds/top.atom?window=7d", ["S1", "S3", "S2"]),
        ("/feeds/latest.atom", ["S1", "S3", "S2"]),
        ("/feeds/entity/maren-voss.atom", ["S1"]),
    ],
)
def test_feeds_parse_and_link_back_to_the_dossiers(
    client: Client, url: str, ids: list[str]
) -> None:
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert r.headers["x-content-type-options"] == "nosniff"
    feed = _parse(r.content)
    assert feed.feed.id == "http://127.0.0.1" + url.split("?")[0]
    assert feed.feed.title.startswith("newsloom: ") and feed.feed.updated
    assert any(link.rel == "self" for link in feed.feed.links)
    stories = [f"http://127.0.0.1/stories/{i}" for i in ids]
    assert [e.link for e in feed.entries] == stories
    assert [e.id for e in feed.entries] == stories
    for entry in feed.entries:
        assert entry.title and entry.updated and entry.summary
        assert entry.authors  # the outlets
        assert [link.rel for link in entry.links] == ["alternate"]


def test_feed_entries_carry_the_story(client: Client) -> None:
    feed = _parse(client.get("/feeds/latest.atom").content)
    ferry, hostile = feed.entries[0], feed.entries[1]
    assert ferry.title == "Ferry crews strike at Port Alder, stranding 1,200"
    assert ferry.updated == "2025-03-04T08:15:00Z"
    assert "3 independent reports, 4 pages" in ferry.summary
    assert {a.name for a in ferry.authors} >= {"Meridian Press", "Dunmore Gazette"}
    assert hostile.title == XSS_TITLE  # the hostile headline stays text
    assert hostile.title_detail.type == "text/plain"


def test_feed_text_is_escaped(client: Client) -> None:
    body = client.get("/feeds/latest.atom").content
    assert b"<script>" not in body and b"&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert b"<svg" not in body  # the hostile outlet name, as an author


def test_feed_errors_and_aliases(client: Client) -> None:
    r = client.get("/feeds/entity/nobody-at-all.atom")
    assert r.status_code == 404
    r = client.get("/feeds/entity/maren-vo%C3%9F.atom")  # a spelling: its entity's feed
    assert r.status_code == 307 and r.headers["location"] == "/feeds/entity/maren-voss.atom"
    assert client.get("/feeds/top.atom?window=soon").status_code == 400


def test_atom_feed_strips_what_xml_cannot_hold() -> None:
    when = datetime(2025, 3, 13, 14, 20)
    entry = AtomEntry(
        id="http://h/stories/S1",
        title="Bell\x07 and \x1b[31mred\x1b[0m & <b>bold</b> \ud800",
        updated=when,
        link="http://h/stories/S1",
        summary="a\x00b ]]> c",
        authors=["A & B"],
        categories=["World"],
        published=when - timedelta(hours=2),
    )
    body = atom_feed(AtomFeed("http://h/feeds/x.atom", "T", when, "http://h/", [entry]))
    root = ET.fromstring(body)
    assert root.tag == f"{{{ATOM_NS}}}feed"
    feed = _parse(body)
    got = feed.entries[0]
    assert got.title == "Bell and [31mred[0m & <b>bold</b>"  # trailing space trimmed by feedparser
    assert got.summary == "ab ]]> c" and got.authors[0].name == "A & B"
    assert got.tags[0].term == "World" and got.published == "2025-03-13T12:20:00Z"


def test_rfc3339() -> None:
    assert rfc3339(datetime(2025, 3, 13, 14, 20)) == "2025-03-13T14:20:00Z"
    assert rfc3339(datetime(2025, 3, 13, 14, 20, tzinfo=UTC)) == "2025-03-13T14:20:00Z"
    minus4 = timezone(timedelta(hours=-4))
    assert rfc3339(datetime(2025, 3, 13, 14, 20, tzinfo=minus4)) == "2025-03-13T14:20:00-04:00"
