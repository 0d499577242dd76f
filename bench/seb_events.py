"""Event grouping on the 181 SEB pages: stories against the gold ``event`` labels, per half.

    python bench/seb_events.py [--data ../shared/evaldata] [--input html|text|all]
                               [--cache /tmp/nl-seb] [--verbose]

The pages go through the product's own read → clean → annotate path (batch by batch, as
``newsloom.pipeline.analyze`` does) and then ``group`` on all of them at once, so the figures
are those of ``bench/seb_pages.py`` (which runs the whole ``analyze``); the annotated articles
are cached as JSONL under ``--cache`` (outside the repository, keyed by a hash of the read,
clean and annotate sources) so that tuning the group stage reruns in seconds.

Scored per half (bench/seb_data.py, split by site: tune on dev, report held-out): B-cubed
precision / recall / F1 over the pages, restricted to the half, the multi-page stories and how
many of them mix events (the goal is none). ``--verbose`` lists the mixed stories and the gold
events that were split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsloom
from newsloom.annotate import load_nlp
from newsloom.config import Settings
from newsloom.group import group
from newsloom.model import Article, Page
from newsloom.pipeline import process
from newsloom.read import read_inputs
from seb import DEFAULT_DATA
from seb_data import load
from seb_pages import bcubed

INPUTS = {"html": ("seb", "html"), "text": ("seb_text",)}


def stages_digest() -> str:
    """A hash of the read, clean and annotate sources: a cache is stale once they change."""
    package = Path(newsloom.__file__).parent
    digest = hashlib.sha1()
    for path in sorted(
        p for d in ("read", "clean", "annotate") for p in (package / d).rglob("*.py")
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def annotated(data: Path, kind: str, cache: Path) -> list[Article]:
    """The pages of one input kind through read → clean → annotate, cached."""
    cached = cache / f"seb-{kind}-{stages_digest()}.jsonl"
    if cached.exists():
        lines = cached.read_text(encoding="utf-8").splitlines()
        return [Article.model_validate_json(line) for line in lines]
    settings = Settings()
    nlp = load_nlp(settings.spacy_models)
    items = list(read_inputs([str(data.joinpath(*INPUTS[kind]))], settings))
    articles: list[Article] = []
    pages = [p for p in items if isinstance(p, Page)]
    size = settings.batch_size
    for start in range(0, len(pages), size):
        batch = pages[start : start + size]
        articles += [a for a in process(batch, nlp) if isinstance(a, Article)]
    cached.write_text("".join(a.model_dump_json() + "\n" for a in articles), encoding="utf-8")
    return articles


def story_of(articles: list[Article]) -> dict[str, str]:
    """Each SEB page id's story id."""
    return {page_id_of(a): s.id for s in group(articles) for a in s.articles}


def page_id_of(article_id: str) -> str:
    """The SEB id an article came from (as ``seb_pages.page_id``, from the id alone)."""
    stem = Path(article_id.split("#")[0]).name
    return re.sub(r"\.(html\.gz|html|txt|jsonl)$", "", stem)


def report(
    name: str, events: dict[str, str], stories: dict[str, str], titles: dict[str, str],
    verbose: bool,
) -> None:  # fmt: skip
    found = {pid: stories.get(pid, f"own:{pid}") for pid in events}
    p, r, f1 = bcubed(events, found)
    members: dict[str, list[str]] = defaultdict(list)
    for pid, story in found.items():
        members[story].append(pid)
    multi = [ids for ids in members.values() if len(ids) > 1]
    mixed = [ids for ids in multi if len({events[i] for i in ids}) > 1]
    print(
        f"  {name:<9} {len(events):>5} {p:>6.3f} {r:>6.3f} {f1:>6.3f}"
        f" {len(multi):>6} {len(mixed):>6}"
    )
    if not verbose:
        return
    for ids in mixed:
        print("     mixed:", "; ".join(f"{events[i][3:30]}: {titles[i][:40]}" for i in ids))
    gold: dict[str, list[str]] = defaultdict(list)
    for pid, event in events.items():
        gold[event].append(pid)
    for event, ids in gold.items():
        if len({found[i] for i in ids}) > 1:
            print(f"     split: {event[3:40]} into {len({found[i] for i in ids})} stories")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--input", choices=["html", "text", "all"], default="all")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "nl-seb")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    gold = json.loads((args.data / "seb" / "page-gold.json").read_text(encoding="utf-8"))
    pages = load(args.data)
    titles = {pid: str(g["title"]) for pid, g in gold.items()}
    halves = {
        "dev": {p.id for p in pages if not p.held_out},
        "held-out": {p.id for p in pages if p.held_out},
        "all": {p.id for p in pages},
    }
    for kind in ["html", "text"] if args.input == "all" else [args.input]:
        articles = annotated(args.data, kind, args.cache)
        started = time.perf_counter()
        stories = story_of(articles)
        seconds = time.perf_counter() - started
        print(f"\n{kind}: {len(articles)} articles, grouped in {seconds:.1f} s")
        print(
            f"  {'half':<9} {'pages':>5} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"
            f" {'multi':>6} {'mixed':>6}"
        )
        for name, ids in halves.items():
            events = {pid: str(gold[pid]["event"]) for pid in ids}
            report(name, events, stories, titles, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
