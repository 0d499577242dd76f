"""Ingest speed: pages/s and words/s of ``newsloom ingest`` beside spaCy's own ``nlp.pipe``.

The sample corpus (or any folder) is repeated to ``--pages`` files, each copy with its own id and
a small change so no two are identical; then, in one run on the same texts:

- the whole ingest (read → clean → annotate → group → fuse → SQLite), in a fresh store;
- each stage alone, to show where the time goes;
- spaCy alone: ``nlp.pipe`` over the same clean bodies, with newsloom's pipeline and with the
  model's full default pipeline.

The share of ingest time spent outside spaCy is the number later issues drive down.

    python bench/ingest_speed.py [--source DIR] [--pages 2000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import spacy

from newsloom.annotate import annotate, load_nlp
from newsloom.clean import clean
from newsloom.cli import sample_dir
from newsloom.config import Settings
from newsloom.fuse import fuse
from newsloom.group import group
from newsloom.model import Article, Page
from newsloom.pipeline import ingest
from newsloom.read import read_inputs
from newsloom.store import Store

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def build_corpus(source: Path, n_pages: int, folder: Path) -> int:
    """Write ``n_pages`` files made from the pages under ``source``; return how many were read."""
    pages = [p for p in read_inputs([str(source)], Settings()) if isinstance(p, Page)]
    rng = random.Random(7)
    for n in range(n_pages):
        page = pages[n % len(pages)]
        tag = f"Ref {n}-{rng.randrange(10**6)}."  # a unique line: no two files are identical
        if page.html is not None:
            text = page.html.replace("</body>", f"<p>{tag}</p></body>", 1)
            (folder / f"{page.id}-{n}.html").write_text(text, encoding="utf-8")
        else:
            prefix = f" date {page.crawl_date} " if page.crawl_date else ""
            body = (page.text or "") + f"\n\n{tag}\n"
            (folder / f"{page.id}-{n}.txt").write_text(prefix + body, encoding="utf-8")
    return len(pages)


def stage_times(folder: Path, settings: Settings) -> tuple[dict[str, float], list[Article]]:
    pages, t_read = timed(
        lambda: [p for p in read_inputs([str(folder)], settings) if isinstance(p, Page)]
    )
    cleaned, t_clean = timed(lambda: [c for p in pages if isinstance(c := clean(p), Article)])
    nlp = load_nlp(settings.spacy_models)
    annotated, t_annotate = timed(lambda: list(annotate(cleaned, nlp)))
    stories, t_group = timed(lambda: group(annotated))
    _, t_fuse = timed(lambda: [fuse(s, annotated) for s in stories])
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
        _, t_store = timed(lambda: store.write_batch(annotated, []))
    times = {
        "read": t_read,
        "clean": t_clean,
        "annotate": t_annotate,
        "group": t_group,
        "fuse": t_fuse,
        "store": t_store,
    }
    return times, annotated


def spacy_alone(bodies: list[str], settings: Settings) -> tuple[float, float]:
    """Seconds for newsloom's spaCy pipeline and for the model's full pipeline, same texts."""
    ours = load_nlp(settings.spacy_models)
    _, t_ours = timed(lambda: list(ours.pipe(bodies, batch_size=64)))
    full = spacy.load(ours.meta["lang"] + "_" + ours.meta["name"])
    _, t_full = timed(lambda: list(full.pipe(bodies, batch_size=64)))
    return t_ours, t_full


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=sample_dir())
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        distinct = build_corpus(args.source, args.pages, folder)
        load_nlp(settings.spacy_models)  # model load is not ingest time
        with Store(Path(tmp) / "ingest.db") as store:
            report, t_ingest = timed(lambda: ingest([str(folder)], store, settings))
        times, articles = stage_times(folder, settings)
    bodies = [a.body for a in articles]
    words = sum(len(b.split()) for b in bodies)
    t_spacy, t_full = spacy_alone(bodies, settings)
    n = report.added
    print(f"\n{args.pages} files from {distinct} distinct pages; {n} articles, {words:,} words\n")
    print(f"| {'what':<40} | {'seconds':>8} | {'pages/s':>8} | {'words/s':>9} |")
    print(f"|{'-' * 42}|{'-' * 10}|{'-' * 10}|{'-' * 11}|")
    rows = [("newsloom ingest (all stages + SQLite)", t_ingest)]
    rows += [(f"  stage: {k}", v) for k, v in times.items()]
    rows += [("spaCy nlp.pipe, newsloom's pipeline", t_spacy)]
    rows += [("spaCy nlp.pipe, full default pipeline", t_full)]
    for label, secs in rows:
        print(f"| {label:<40} | {secs:8.2f} | {n / secs:8.1f} | {words / secs:9,.0f} |")
    outside = (t_ingest - t_spacy) / t_ingest
    print(f"\nshare of ingest time outside spaCy: {outside:.0%}")


if __name__ == "__main__":
    main()
