"""Loading the SEB pages and their text captures, and the dev / held-out split."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from newsloom.model import Page
from newsloom.read.capture import parse_capture
from newsloom.read.pages import Origin, capture_page, html_page


@dataclass(frozen=True, slots=True)
class SebPage:
    id: str
    url: str
    truth: str
    held_out: bool
    html_path: Path
    text_path: Path

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").removeprefix("www.")

    def html(self) -> str:
        with gzip.open(self.html_path, "rt", encoding="utf8") as f:
            return f.read()

    def html_page(self) -> Page:
        return html_page(self.html(), Origin(id=self.id, input=str(self.html_path)))

    def capture(self) -> str:
        return self.text_path.read_text(encoding="utf-8")

    def text_page(self) -> Page:
        capture = parse_capture(self.capture())
        assert capture is not None, self.text_path
        origin = Origin(id=self.id, input=str(self.text_path), url=self.url)
        return capture_page(capture, origin)


def is_held_out(url: str) -> bool:
    """Split by *site*: every page of a host lands in the same half, so held-out sites are unseen.

    The first byte of sha1(host) decides, which is deterministic and unrelated to the content.
    """
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return hashlib.sha1(host.encode()).digest()[0] % 2 == 1


def cv_fold(host: str, folds: int, salt: str = "cv") -> int:
    """The cross-validation fold of a site: every page of a host in the same fold, so each page
    is scored by a model that never saw its site. A salted sha1 of the host decides (not the
    bytes ``is_held_out`` reads), so the folds mix dev and held-out sites alike; another
    ``salt`` draws other folds (the standard draw is "cv")."""
    return int.from_bytes(hashlib.sha1(f"{salt}:{host}".encode()).digest()[:4], "big") % folds


def load(data: Path, limit: int | None = None) -> list[SebPage]:
    seb = data / "seb"
    truth = json.loads((seb / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        SebPage(
            id=key,
            url=item["url"],
            truth=item.get("articleBody") or "",
            held_out=is_held_out(item["url"]),
            html_path=seb / "html" / f"{key}.html.gz",
            text_path=data / "seb_text" / f"{key}.txt",
        )
        for key, item in sorted(truth.items())
    ]
    return pages[:limit] if limit else pages


def load_output(path: Path) -> dict[str, str]:
    """A published extractor's answers, ``{id: articleBody}`` (both layouts of the benchmark)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data["output"] if "output" in data and "version" in data else data
    return {key: (value or {}).get("articleBody") or "" for key, value in items.items()}


_URL_DATE_RES = (
    re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$|-)"),
    re.compile(r"[/_-]((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?:/|$)"),
)


def url_date(url: str) -> date | None:
    """The publication day a URL spells out (``/2019/11/19/``, ``-2019-11-19``), else None.

    This is the checkable set for dates: SEB's ground truth carries no dates, and a date in the
    URL is written by the publisher when the story goes up, independently of the page's markup.
    """
    path = urlsplit(url).path
    for pattern in _URL_DATE_RES:
        match = pattern.search(path)
        if not match:
            continue
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None
