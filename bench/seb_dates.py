"""Publication dates on the SEB pages whose URL carries the day: newsloom (HTML and text
captures) beside trafilatura and htmldate, dev and held-out halves side by side.

    python bench/seb_dates.py [--data ../shared/evaldata] [--verbose] [--cache /tmp/seb_dates]

The reference is the day the URL spells out (bench/seb_data.py ``url_date``): SEB's ground truth
carries no dates, and a URL's date is written by the publisher when the story goes up. A value
counts as right when its ISO day is that day, as written (with the page's zone when it states
one); ``zone-aware`` also counts a UTC stamp that is the URL's day in some zone, since the
newsroom's day is not stated. The capture's `` date YYYY-MM-DD `` line is the crawl date, not a
publication date: newsloom's text figure never reads it as one, and refuses dates after it
(the last column counts answers after it; in seb_text that line is htmldate's guess, which is
sometimes earlier than the page's own date). ``newsloom text, capture_dates`` is
``textdates.capture_dates`` on the capture, as the clean stage gives it with the hook described
in that module. The halves are split by site (bench/seb_data.py): tune on dev, report held-out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsloom.clean import clean, learn_site_chrome
from newsloom.clean.chrome import SiteChrome
from newsloom.clean.dates import after_day
from newsloom.clean.textdates import capture_dates
from newsloom.model import Article
from newsloom.read.capture import parse_capture
from seb import DEFAULT_DATA, utc_day_matches
from seb_data import SebPage, load, url_date

DateFn = Callable[[SebPage], "str | None"]


def newsloom_html(page: SebPage) -> str | None:
    article = clean(page.html_page())
    return article.published if isinstance(article, Article) else None


def make_newsloom_text(chrome: SiteChrome) -> DateFn:
    def run(page: SebPage) -> str | None:
        article = clean(page.text_page(), site_chrome=chrome)
        return article.published if isinstance(article, Article) else None

    return run


def newsloom_capture_dates(page: SebPage) -> str | None:
    """``textdates.capture_dates`` on the capture, as the clean stage would with the hook that
    hands it the page's text and crawl date (see its module)."""
    capture = parse_capture(page.capture())
    if capture is None:
        return None
    return capture_dates(capture.text, capture.crawl_date).published


def trafilatura_date(page: SebPage) -> str | None:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html(), with_metadata=True, include_comments=False)
    value = getattr(doc, "date", None)
    return value if isinstance(value, str) else None


def htmldate_date(page: SebPage) -> str | None:
    from htmldate import find_date

    value = find_date(page.html(), original_date=True)
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Tally:
    right: int = 0
    aware: int = 0
    wrong: int = 0
    future: int = 0
    none: int = 0

    def add(self, value: str | None, day: date) -> Tally:
        if not value:
            return Tally(self.right, self.aware, self.wrong, self.future, self.none + 1)
        if value[:10] == day.isoformat():
            return Tally(self.right + 1, self.aware, self.wrong, self.future, self.none)
        if utc_day_matches(value, day):
            return Tally(self.right, self.aware + 1, self.wrong, self.future, self.none)
        future = int(value[:10] > day.isoformat())
        return Tally(self.right, self.aware, self.wrong + 1, self.future + future, self.none)

    def n(self) -> int:
        return self.right + self.aware + self.wrong + self.none

    def cell(self) -> str:
        n = self.n() or 1
        return f"{self.right / n:.3f} / {(self.right + self.aware) / n:.3f}"


def run_all(
    systems: dict[str, DateFn], pages: list[SebPage], cache: Path | None
) -> dict[str, dict[str, str | None]]:
    """Every system's answer per page id; peers' answers are cached (they do not change)."""
    answers: dict[str, dict[str, str | None]] = {}
    for name, fn in systems.items():
        path = cache / f"{name.replace(' ', '_')}.json" if cache else None
        if path and path.exists() and not name.startswith("newsloom"):
            answers[name] = json.loads(path.read_text())
            continue
        answers[name] = {p.id: _safe(fn, p) for p in pages}
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(answers[name]))
    return answers


def _safe(fn: DateFn, page: SebPage) -> str | None:
    try:
        return fn(page)
    except Exception as exc:  # a crash is no date, as for the bodies
        print(f"  failed on {page.id[:12]}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def table(answers: dict[str, dict[str, str | None]], checkable: list[tuple[SebPage, date]]) -> None:
    halves = {
        "dev": [(p, d) for p, d in checkable if not p.held_out],
        "held-out": [(p, d) for p, d in checkable if p.held_out],
        "all": checkable,
    }
    sizes = ", ".join(f"{k} {len(v)}" for k, v in halves.items())
    print(f"\n## Publication date, exact day / zone-aware ({sizes} pages)\n")
    print("| system | dev | held-out | all | wrong (future) | none | after crawl line |")
    print("|---|---|---|---|---|---|---|")
    for name, found in answers.items():
        cells = []
        for half in halves.values():
            tally = Tally()
            for page, day in half:
                tally = tally.add(found.get(page.id), day)
            cells.append(tally)
        total = cells[-1]
        late = sum(_after_crawl_line(found.get(p.id), p) for p, _ in checkable)
        print(f"| {name} | {cells[0].cell()} | {cells[1].cell()} | {total.cell()} "
              f"| {total.wrong} ({total.future}) | {total.none} | {late} |")  # fmt: skip


def _after_crawl_line(value: str | None, page: SebPage) -> bool:
    """``value`` is after the capture's `` date `` line (which newsloom refuses from text)."""
    capture = parse_capture(page.capture())
    if not value or capture is None or capture.crawl_date is None:
        return False
    return after_day(value, capture.crawl_date)


def details(
    answers: dict[str, dict[str, str | None]], checkable: list[tuple[SebPage, date]]
) -> None:
    names = list(answers)
    print("\n| half | url day | " + " | ".join(names) + " | url |")
    print("|---" * (len(names) + 3) + "|")
    for page, day in checkable:
        values = [answers[n].get(page.id) or "-" for n in names]
        marks = [v if v[:10] == day.isoformat() else f"**{v}**" for v in values]
        half = "held" if page.held_out else "dev"
        print(f"| {half} | {day} | " + " | ".join(marks) + f" | {page.id[:8]} {page.url[:70]} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--verbose", action="store_true", help="every page's answers")
    parser.add_argument("--split", choices=("dev", "held-out", "all"), default="all")
    parser.add_argument("--cache", type=Path, help="keep the peers' answers here")
    args = parser.parse_args(argv)
    pages = load(args.data)
    chrome = learn_site_chrome([p.text_page() for p in pages])
    checkable = [(p, d) for p in pages if (d := url_date(p.url)) is not None]
    if args.split != "all":
        checkable = [(p, d) for p, d in checkable if p.held_out == (args.split == "held-out")]
    systems: dict[str, DateFn] = {
        "newsloom HTML": newsloom_html,
        "newsloom text": make_newsloom_text(chrome),
        "newsloom text, capture_dates": newsloom_capture_dates,
        "trafilatura": trafilatura_date,
        "htmldate": htmldate_date,
    }
    answers = run_all(systems, [p for p, _ in checkable], args.cache)
    table(answers, checkable)
    if args.verbose:
        details(answers, checkable)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
