"""Page identity on the 181 SEB pages: headline, outlet, wire, language and event, scored
against ``seb/page-gold.json`` through the product's own path.

    python bench/seb_pages.py [--data ../shared/evaldata] [--input html|text|jsonl|all]
                              [--clean-only] [--verbose]

``html`` analyzes ``seb/html`` (the ``.html.gz`` files, no URL given), ``text`` the ``seb_text``
captures as a crawler leaves them (no URL either), ``jsonl`` the same captures as JSONL lines
with the page's URL, the way a crawler that keeps URLs hands them over. Each runs
``newsloom.pipeline.analyze`` (read → clean → annotate → group → fuse, as ``newsloom analyze``
does) on the whole folder; ``--clean-only`` stops after clean for a quick look at the page
fields (events are then not scored).

Scores, per the evaldata README: headline exact after NFKC + case-fold + whitespace folding;
outlet accuracy (same folding) and consistency (per host with ≥ 2 pages, the share of its pages
carrying the host's most frequent name, averaged over hosts); wire accuracy with nulls; language
accuracy; event B-cubed precision / recall / F1 over the 181 pages, and the multi-page stories
that mix events. The halves are split by site (bench/seb_data.py): tune on dev, report held-out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsloom.clean import clean, learn_site_chrome
from newsloom.clean.outlet_sites import settle_outlets
from newsloom.config import Settings
from newsloom.model import Article, Page, Result
from newsloom.pipeline import analyze
from newsloom.read import read_inputs
from seb import DEFAULT_DATA
from seb_data import SebPage, load

#: The wire names the gold writes in full, keyed by the short names newsloom gives.
WIRE_NAMES = {"ap": "associated press", "afp": "agence france-presse", "dpa": "dpa"}

#: Anchors: the issue's measurements of the release before this bench (page identity, #12).
ANCHORS = {
    ("html", "title"): 0.96,
    ("text", "title"): 0.36,
    ("html", "outlet"): 0.61,
    ("text", "outlet"): 0.18,
}
GOALS = {"title-html": 0.97, "title-text": 0.95, "outlet": 0.95, "consistency": 1.0}


def fold(text: str | None) -> str:
    """NFKC, case-fold and whitespace folding: how the gold's values are compared."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def wire_key(name: str | None) -> str:
    key = fold(name)
    return WIRE_NAMES.get(key, key)


@dataclass(slots=True)
class Found:
    """newsloom's answer for one page, or an empty answer when the page was rejected."""

    title: str | None = None
    outlet: str | None = None
    wire: str | None = None
    language: str | None = None
    story: str | None = None
    rejected: bool = False


def page_id(article: Article) -> str:
    """The SEB id an article came from, whatever the reader made of its path."""
    stem = Path(article.id.split("#")[0]).name
    return re.sub(r"\.(html\.gz|html|txt|jsonl)$", "", stem)


def jsonl_folder(pages: list[SebPage], folder: Path) -> Path:
    """The captures as one JSONL file with each page's URL (the capture keeps its date line)."""
    path = folder / "seb_text.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for page in pages:
            line = {"id": page.id, "url": page.url, "text": page.capture()}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def run_analyze(path: Path) -> dict[str, Found]:
    result: Result = analyze([str(path)], Settings())
    found = {page_id(a): _found(a) for a in result.articles}
    for story in result.stories:
        for article_id in story.articles:
            key = re.sub(r"\.(html\.gz|html|txt)$", "", Path(article_id.split("#")[0]).name)
            if key in found:
                found[key].story = story.id
    return found


def run_clean(path: Path) -> dict[str, Found]:
    pages = [p for p in read_inputs([str(path)], Settings()) if isinstance(p, Page)]
    chrome = learn_site_chrome(pages)
    articles = [a for a in (clean(page, chrome) for page in pages) if isinstance(a, Article)]
    return {page_id(a): _found(a) for a in settle_outlets(articles)}  # one name per site


def _found(article: Article) -> Found:
    return Found(
        title=article.title,
        outlet=article.source,
        wire=article.agency,
        language=article.language,
    )


@dataclass(frozen=True, slots=True)
class Scores:
    title: float
    outlet: float
    consistency: float
    wire: float
    language: float
    pages: int


def score(
    gold: dict[str, dict[str, object]], pages: list[SebPage], found: dict[str, Found]
) -> Scores:
    n = len(pages)
    title = outlet = wire = language = 0
    by_host: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        g, f = gold[page.id], found.get(page.id, Found(rejected=True))
        title += fold(f.title) == fold(str(g["title"]))
        outlet += fold(f.outlet) == fold(str(g["outlet"]))
        wire += wire_key(f.wire) == wire_key(g["wire"] if isinstance(g["wire"], str) else None)
        language += fold(f.language) == fold(str(g["language"]))
        by_host[page.host].append(fold(f.outlet))
    shares = [
        Counter(names).most_common(1)[0][1] / len(names)
        for names in by_host.values()
        if len(names) >= 2
    ]
    return Scores(
        title=title / n,
        outlet=outlet / n,
        consistency=sum(shares) / len(shares) if shares else 1.0,
        wire=wire / n,
        language=language / n,
        pages=n,
    )


def bcubed(gold: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of clusters ``found`` against ``gold`` (page → label)."""
    by_found: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for page, label in found.items():
        by_found[label].add(page)
    for page, label in gold.items():
        by_gold[label].add(page)
    p = r = 0.0
    for page in gold:
        mine, theirs = by_found[found[page]], by_gold[gold[page]]
        both = len(mine & theirs)
        p += both / len(mine)
        r += both / len(theirs)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True, slots=True)
class EventScores:
    precision: float
    recall: float
    f1: float
    multi: list[list[str]]  # the stories of more than one page, as page ids
    mixed: list[list[str]]  # those holding pages of more than one gold event


def event_scores(gold: dict[str, dict[str, object]], found: dict[str, Found]) -> EventScores:
    """B-cubed against the gold ``event`` labels, and the stories that mix events."""
    events = {pid: str(g["event"]) for pid, g in gold.items()}
    stories = {
        pid: (found[pid].story if pid in found and found[pid].story else f"own:{pid}")
        for pid in gold
    }
    p, r, f1 = bcubed(events, {k: str(v) for k, v in stories.items()})
    members: dict[str, list[str]] = defaultdict(list)
    for pid, story in stories.items():
        members[story].append(pid)
    multi = [ids for ids in members.values() if len(ids) > 1]
    mixed = [ids for ids in multi if len({events[i] for i in ids}) > 1]
    return EventScores(p, r, f1, multi, mixed)


def event_table(gold: dict[str, dict[str, object]], found: dict[str, Found], verbose: bool) -> None:
    s = event_scores(gold, found)
    print(
        f"  events: B-cubed P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}; multi-page "
        f"stories {len(s.multi)}, mixing events {len(s.mixed)} (goal 0)"
    )
    if verbose:
        for ids in s.mixed:
            print(
                "   mixed:",
                "; ".join(f"{gold[i]['event']}: {str(gold[i]['title'])[:50]}" for i in ids),
            )


def print_scores(label: str, split: dict[str, Scores], kind: str) -> None:
    print(f"\n{label}")
    head = ("half", "pages", "title", "outlet", "consist.", "wire", "lang")
    print("  {:<9} {:>5} {:>6} {:>7} {:>8} {:>6} {:>6}".format(*head))
    for half, s in split.items():
        print(
            f"  {half:<9} {s.pages:>5} {s.title:>6.3f} {s.outlet:>7.3f} {s.consistency:>8.3f}"
            f" {s.wire:>6.3f} {s.language:>6.3f}"
        )
    anchor_t = ANCHORS.get((kind, "title"))
    anchor_o = ANCHORS.get((kind, "outlet"))
    if anchor_t is not None:
        print(
            f"  before (issue #12): title {anchor_t:.2f}, outlet {anchor_o:.2f};"
            f" goals: title {GOALS['title-' + kind]:.2f}, outlet {GOALS['outlet']:.2f},"
            f" consistency {GOALS['consistency']:.2f}"
        )


def misses(
    gold: dict[str, dict[str, object]], pages: Iterable[SebPage], found: dict[str, Found]
) -> None:
    for page in pages:
        g, f = gold[page.id], found.get(page.id, Found(rejected=True))
        if fold(f.title) != fold(str(g["title"])):
            print(
                f"   title  {page.host:<28} want {str(g['title'])[:60]!r} got {str(f.title)[:60]!r}"
            )
        if fold(f.outlet) != fold(str(g["outlet"])):
            print(f"   outlet {page.host:<28} want {g['outlet']!r} got {f.outlet!r}")
        if wire_key(f.wire) != wire_key(g["wire"] if isinstance(g["wire"], str) else None):
            print(f"   wire   {page.host:<28} want {g['wire']!r} got {f.wire!r}")
        if fold(f.language) != fold(str(g["language"])):
            print(f"   lang   {page.host:<28} want {g['language']!r} got {f.language!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--input", choices=["html", "text", "jsonl", "all"], default="all")
    parser.add_argument("--clean-only", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    gold = json.loads((args.data / "seb" / "page-gold.json").read_text(encoding="utf-8"))
    pages = load(args.data)
    kinds = ["html", "text", "jsonl"] if args.input == "all" else [args.input]
    run = run_clean if args.clean_only else run_analyze
    with tempfile.TemporaryDirectory() as tmp:
        paths = {
            "html": args.data / "seb" / "html",
            "text": args.data / "seb_text",
            "jsonl": jsonl_folder(pages, Path(tmp)),
        }
        for kind in kinds:
            started = time.perf_counter()
            found = run(paths[kind])
            seconds = time.perf_counter() - started
            split = {
                "dev": score(gold, [p for p in pages if not p.held_out], found),
                "held-out": score(gold, [p for p in pages if p.held_out], found),
                "all": score(gold, pages, found),
            }
            label = {
                "html": "HTML (seb/html)",
                "text": "text captures (seb_text)",
                "jsonl": "text captures with URL (JSONL)",
            }[kind]
            print_scores(
                f"{label} — {len(found)} articles, {seconds:.0f} s",
                split,
                "html" if kind == "html" else "text",
            )
            if not args.clean_only:
                event_table(gold, found, args.verbose)
            if args.verbose:
                misses(gold, pages, found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
