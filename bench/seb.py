"""Body extraction on the SEB news pages (HTML) and their text captures, beside the anchors.

    python bench/seb.py [--data ../shared/evaldata] [--only html|text] [--limit N] [--verbose]

Prints, for each system, shingle F1 (precision / recall) on the dev half, the held-out half and
all pages; the published figures of the benchmark's extractors scored by the same code (which
checks the scorer); publication-date exact-day accuracy on pages whose URL carries the date;
byline precision; and pages/s on one core, newsloom and trafilatura alone, same pages, same run.
The halves are split by site (bench/seb_data.py): tune on dev, report held-out.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seb_data import SebPage, load, load_output, url_date
from seb_score import Metrics, PageScore, metrics, page_score
from seb_systems import (
    Answer,
    Extract,
    html_systems,
    htmldate_only,
    text_systems,
    trafilatura_meta,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "evaldata"

#: The benchmark README's figures (F1) for the extractors whose answers ship in output/.
PUBLISHED = {
    "rs_trafilatura": 0.970,
    "AutoExtract": 0.970,
    "go_trafilatura": 0.960,
    "trafilatura": 0.958,
    "Diffbot": 0.951,
    "newspaper": 0.949,
    "news_please": 0.948,
    "readability_js": 0.947,
    "readability": 0.922,
    "dragnet": 0.907,
    "boilerpipe": 0.860,
    "justext": 0.804,
}
#: Live peers beside the published figure of the same extractor.
LIVE_ANCHORS = {
    "trafilatura": PUBLISHED["trafilatura"],
    "newspaper4k": PUBLISHED["newspaper"],
    "readability-lxml": PUBLISHED["readability"],
}
#: Reference points on seb_text, from ../shared/evaldata/seb_text/README.md.
TEXT_ANCHORS = {"whole capture": 0.689, "line filter": 0.886, "trafilatura (HTML)": 0.953}


@dataclass
class Run:
    name: str
    answers: dict[str, Answer] = field(default_factory=dict)
    seconds: float = 0.0
    errors: int = 0


def run_system(name: str, extract: Extract, pages: list[SebPage]) -> Run:
    return run_interleaved({name: extract}, pages)[0]


def run_interleaved(systems: dict[str, Extract], pages: list[SebPage]) -> list[Run]:
    """Every system on page 1, then every system on page 2, ...: load on the machine hits all
    systems alike. The order of the systems rotates from page to page (warm caches too)."""
    runs = [Run(name) for name in systems]
    extracts = list(systems.values())
    for n, page in enumerate(pages):
        for k in range(len(runs)):
            i = (n + k) % len(runs)
            _run_one(runs[i], extracts[i], page)
    return runs


def _run_one(run: Run, extract: Extract, page: SebPage) -> None:
    start = time.perf_counter()
    try:
        run.answers[page.id] = extract(page)
    except Exception as exc:  # a peer's crash is an empty answer, as in the benchmark
        run.errors += 1
        run.answers[page.id] = Answer("")
        print(f"  {run.name} failed on {page.id[:12]}: {type(exc).__name__}", file=sys.stderr)
    run.seconds += time.perf_counter() - start


def split_scores(pages: list[SebPage], bodies: dict[str, str]) -> dict[str, Metrics]:
    scores = {p.id: page_score(p.truth, bodies.get(p.id, "")) for p in pages}
    return {
        "dev": metrics([scores[p.id] for p in pages if not p.held_out]),
        "held-out": metrics([scores[p.id] for p in pages if p.held_out]),
        "all": metrics(list(scores.values())),
    }


def print_header(title: str) -> None:
    print(f"\n## {title}\n")
    print(f"| {'system':<28} | {'dev F1':>7} | {'held-out F1':>11} | {'all F1':>6} "
          f"| {'all P':>5} | {'all R':>5} | {'anchor':>6} |")  # fmt: skip
    print(f"|{'-' * 30}|{'-' * 9}|{'-' * 13}|{'-' * 8}|{'-' * 7}|{'-' * 7}|{'-' * 8}|")


def print_row(name: str, split: dict[str, Metrics], anchor: float | None) -> None:
    a = split["all"]
    ref = f"{anchor:.3f}" if anchor is not None else ""
    print(f"| {name:<28} | {split['dev'].f1:7.3f} | {split['held-out'].f1:11.3f} | "
          f"{a.f1:6.3f} | {a.precision:5.3f} | {a.recall:5.3f} | {ref:>6} |")  # fmt: skip


def published_table(data: Path, pages: list[SebPage]) -> None:
    print_header("Published answers (seb/output), scored here — checks the scorer")
    for path in sorted((data / "seb" / "output").glob("*.json")):
        print_row(path.stem, split_scores(pages, load_output(path)), PUBLISHED.get(path.stem))


def live_table(
    title: str, runs: list[Run], pages: list[SebPage], anchors: dict[str, float]
) -> None:
    print_header(title)
    for run in runs:
        bodies = {key: answer.body for key, answer in run.answers.items()}
        print_row(run.name, split_scores(pages, bodies), anchors.get(run.name))


def worst_pages(run: Run, pages: list[SebPage], n: int = 15) -> None:
    scored: list[tuple[PageScore, SebPage]] = [
        (page_score(p.truth, run.answers[p.id].body), p) for p in pages
    ]
    scored.sort(key=lambda item: item[0].f1)
    print(f"\nworst pages, {run.name}:")
    for score, page in scored[:n]:
        half = "held" if page.held_out else "dev "
        print(f"  {score.f1:.3f} P {score.precision:.3f} R {score.recall:.3f} {half} "
              f"{page.id[:12]} {page.url[:80]}")  # fmt: skip


def speed_table(runs: list[Run], pages: int) -> None:
    print("\n## Speed, one core, same pages, same run, interleaved page by page\n")
    print("| system | pages | seconds | pages/s |\n|---|---|---|---|")
    for run in runs:
        rate = pages / run.seconds if run.seconds else 0.0
        print(f"| {run.name} | {pages} | {run.seconds:.2f} | {rate:.1f} |")


def date_table(runs: list[Run], pages: list[SebPage]) -> None:
    dated = [(p, url_date(p.url)) for p in pages]
    checkable = [(p, d) for p, d in dated if d is not None]
    print(f"\n## Publication date, exact day, on the {len(checkable)} pages whose URL has a date\n")
    print(
        "`zone-aware`: a UTC stamp also counts when it is the URL's day in some zone "
        "(UTC−12…+14), since the newsroom's day is not stated.\n"
    )
    print("| system | exact day | zone-aware | wrong day | none |\n|---|---|---|---|---|")
    for run in runs:
        right = aware = wrong = none = 0
        for page, day in checkable:
            value = run.answers[page.id].published
            if not value:
                none += 1
            elif value[:10] == day.isoformat():
                right += 1
            elif utc_day_matches(value, day):
                aware += 1
            else:
                wrong += 1
        n = len(checkable)
        print(f"| {run.name} | {right / n:.3f} ({right}) | {(right + aware) / n:.3f} "
              f"| {wrong} | {none} |")  # fmt: skip


def utc_day_matches(value: str, day: date) -> bool:
    """A UTC instant that falls on ``day`` in some zone between UTC−12 and UTC+14."""
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return False
    if stamp.utcoffset() != timedelta(0):
        return False
    return any((stamp + timedelta(hours=h)).date() == day for h in (-12, 14))


def byline_table(runs: list[Run], verbose: bool) -> None:
    from seb_bylines import is_person_name

    print("\n## Bylines: share of entries that are a person's name (spaCy PERSON judge)\n")
    print("| system | pages with a byline | entries | person names | precision |")
    print("|---|---|---|---|---|")
    for run in runs:
        entries = [name for a in run.answers.values() for name in a.byline]
        good = [name for name in entries if is_person_name(name)]
        pages = sum(1 for a in run.answers.values() if a.byline)
        share = len(good) / len(entries) if entries else 0.0
        print(f"| {run.name} | {pages} | {len(entries)} | {len(good)} | {share:.3f} |")
        if verbose:
            bad = sorted(set(entries) - set(good))
            print(f"    not judged names: {bad[:40]}")


def html_part(data: Path, pages: list[SebPage], peers: bool, verbose: bool) -> None:
    runs = run_interleaved(html_systems(peers), pages)
    live_table("HTML pages (seb), run live", runs, pages, LIVE_ANCHORS)
    speed_table([r for r in runs if r.name in ("newsloom", "trafilatura")], len(pages))
    meta_runs = [runs[0], run_system("trafilatura (metadata)", trafilatura_meta, pages)]
    meta_runs.append(run_system("htmldate", htmldate_only, pages))
    meta_runs += [r for r in runs if r.name == "newspaper4k"]
    date_table(meta_runs, pages)
    byline_table([r for r in meta_runs if r.name != "htmldate"], verbose)
    if verbose:
        worst_pages(runs[0], pages)


def text_part(pages: list[SebPage], verbose: bool) -> None:
    runs = [run_system(name, fn, pages) for name, fn in text_systems(pages).items()]
    live_table("Text captures (seb_text), body from text alone", runs, pages, TEXT_ANCHORS)
    date_table(runs[:1], pages)
    byline_table(runs[:1], verbose)
    if verbose:
        worst_pages(runs[0], pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", choices=("html", "text"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--no-peers", action="store_true", help="skip newspaper4k, readability")
    parser.add_argument("--verbose", action="store_true", help="worst pages, rejected bylines")
    args = parser.parse_args(argv)
    pages = load(args.data, args.limit)
    held = sum(p.held_out for p in pages)
    print(f"{len(pages)} pages: dev {len(pages) - held}, held-out {held} (split by site)")
    if args.only is None:
        published_table(args.data, pages)
    if args.only in (None, "html"):
        html_part(args.data, pages, not args.no_peers, args.verbose)
    if args.only in (None, "text"):
        text_part(pages, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
