"""The clean stage on the bundled sample corpus, field by field, per outlet.

    python bench/clean_sample.py [--verbose] [--no-site-chrome]

The sample (``src/newsloom/sample/``) is fictional and was written independently of the cleaner,
with its answers in ``answers.json``. Every page is read and cleaned the way the pipeline does it
(site chrome learned over the whole batch), then scored on: title, byline, agency, dateline,
published, updated and section (exact), the body's first and last eight words and paragraph
count, and the page's chrome lines (none may be in the body).

To keep tuning honest the 8 outlets are split into two halves by a hash of their name (dev /
held-out, see ``is_held_out``): failures are studied and fixed on dev, held-out is only reported.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from newsloom.clean import clean, learn_site_chrome
from newsloom.config import Settings
from newsloom.model import Article, Page
from newsloom.read import read_inputs

EXACT_FIELDS = ("title", "byline", "agency", "dateline", "published", "updated", "section")
BODY_FIELDS = ("body_first", "body_last", "paragraphs", "chrome")
FIELDS = EXACT_FIELDS + BODY_FIELDS


def sample_dir() -> Path:
    """The bundled sample pages (the CLI's ``sample_dir``, without importing the CLI)."""
    return Path(str(resources.files("newsloom") / "sample" / "pages"))


def answers() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((sample_dir().parent / "answers.json").read_text("utf-8"))
    return data


def outlet_rank(name: str) -> bytes:
    return hashlib.sha1(name.encode()).digest()


def held_out_outlets(outlets: list[str]) -> set[str]:
    """The half of the outlets that sort last by sha1 of their name: unrelated to content."""
    ranked = sorted(outlets, key=outlet_rank)
    return set(ranked[len(ranked) // 2 :])


@dataclass(frozen=True, slots=True)
class Check:
    page: str
    outlet: str
    field: str
    ok: bool
    got: Any
    want: Any


def chrome_in(chrome: str, body: str) -> bool:
    """``chrome`` stands in ``body`` as whole words ("Share" is not in "Shares of ...")."""
    return re.search(rf"(?<!\w){re.escape(chrome)}(?!\w)", body) is not None


def check_page(page_id: str, want: dict[str, Any], got: Article | None) -> list[Check]:
    outlet = want["outlet"]
    if got is None:
        return [Check(page_id, outlet, f, False, "rejected", want.get(f)) for f in FIELDS]
    checks = [
        Check(page_id, outlet, f, getattr(got, f) == want[f], getattr(got, f), want[f])
        for f in EXACT_FIELDS
    ]
    paragraphs = got.body.split("\n\n") if got.body else []
    first = paragraphs[0] if paragraphs else ""
    left = [c for c in want["chrome"] if chrome_in(c, got.body)]
    checks += [
        Check(page_id, outlet, "body_first", first.startswith(want["body_first"]),
              first[:60], want["body_first"]),
        Check(page_id, outlet, "body_last", got.body.endswith(want["body_last"]),
              got.body[-60:], want["body_last"]),
        Check(page_id, outlet, "paragraphs", len(paragraphs) == want["paragraphs"],
              len(paragraphs), want["paragraphs"]),
        Check(page_id, outlet, "chrome", not left, left, []),
    ]  # fmt: skip
    return checks


def run(use_site_chrome: bool = True) -> list[Check]:
    gold = answers()["pages"]
    pages = [p for p in read_inputs([str(sample_dir())], Settings()) if isinstance(p, Page)]
    chrome = learn_site_chrome(pages) if use_site_chrome else None
    checks: list[Check] = []
    for page in pages:
        result = clean(page, chrome)
        checks += check_page(
            page.id, gold[page.id], result if isinstance(result, Article) else None
        )
    return checks


def share(checks: list[Check]) -> str:
    return f"{sum(c.ok for c in checks) / len(checks):.2f}" if checks else "  – "


def field_table(checks: list[Check], held: set[str]) -> None:
    halves = {
        "dev": [c for c in checks if c.outlet not in held],
        "held-out": [c for c in checks if c.outlet in held],
        "all": checks,
    }
    print(f"| half | pages | {' | '.join(FIELDS)} | all fields | pages all right |")
    print("|---" * (len(FIELDS) + 4) + "|")
    for name, part in halves.items():
        pages = {c.page for c in part}
        cells = [share([c for c in part if c.field == f]) for f in FIELDS]
        perfect = sum(all(c.ok for c in part if c.page == p) for p in pages)
        print(f"| {name} | {len(pages)} | {' | '.join(cells)} | {share(part)} | {perfect} |")


def outlet_table(checks: list[Check], held: set[str]) -> None:
    by_outlet: dict[str, list[Check]] = defaultdict(list)
    for check in checks:
        by_outlet[check.outlet].append(check)
    print(f"\n| outlet | half | pages | {' | '.join(FIELDS)} | all fields |")
    print("|---" * (len(FIELDS) + 4) + "|")
    for outlet in sorted(by_outlet, key=lambda o: (o in held, o)):
        part = by_outlet[outlet]
        half = "held-out" if outlet in held else "dev"
        cells = [share([c for c in part if c.field == f]) for f in FIELDS]
        pages = len({c.page for c in part})
        print(f"| {outlet} | {half} | {pages} | {' | '.join(cells)} | {share(part)} |")


def failures(checks: list[Check], held: set[str], show_held_out: bool) -> None:
    print("\nfailures:")
    for check in checks:
        if check.ok or (check.outlet in held and not show_held_out):
            continue
        print(f"  {check.page[:20]:<20} {check.outlet[:18]:<18} {check.field:<10} "
              f"got {check.got!r:.90} want {check.want!r:.90}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list the failures on dev")
    parser.add_argument("--show-held-out", action="store_true", help="list held-out failures too")
    parser.add_argument("--no-site-chrome", action="store_true")
    args = parser.parse_args(argv)
    outlets = sorted({p["outlet"] for p in answers()["pages"].values()})
    held = held_out_outlets(outlets)
    print(f"outlets: dev {sorted(set(outlets) - held)}; held-out {sorted(held)}\n")
    checks = run(not args.no_site_chrome)
    field_table(checks, held)
    outlet_table(checks, held)
    if args.verbose or args.show_held_out:
        failures(checks, held, args.show_held_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
