"""Annotate cost beside spaCy's own pipeline, on the same texts, interleaved in one run.

The annotate stage runs spaCy once and then its own extractors (mentions, figures, times,
quotes, dates) over the parse. Issue 5's budget: at most 15% more than spaCy alone. Rounds
alternate the two so that machine load hits both alike; the table gives words/s of each and the
overhead from the summed times.

    python bench/annotate_speed.py [--source DIR] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsloom.annotate import annotate, load_nlp
from newsloom.clean import clean
from newsloom.cli import sample_dir
from newsloom.config import Settings
from newsloom.model import Article, Page
from newsloom.read import read_inputs

#: spaCy batch size, as in the annotate stage.
BATCH = 64


def articles_from(source: Path, settings: Settings) -> list[Article]:
    pages = [p for p in read_inputs([str(source)], settings) if isinstance(p, Page)]
    return [a for p in pages if isinstance(a := clean(p), Article)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=sample_dir())
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    articles = articles_from(args.source, settings)
    texts = [a.body for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp(settings.spacy_models)
    list(nlp.pipe(texts[:4]))  # warm up
    t_spacy = t_annotate = 0.0
    for _ in range(args.rounds):
        start = time.perf_counter()
        list(nlp.pipe(texts, batch_size=BATCH))
        t_spacy += time.perf_counter() - start
        start = time.perf_counter()
        list(annotate(articles, nlp))
        t_annotate += time.perf_counter() - start
    total = words * args.rounds
    print(f"\n{len(articles)} articles, {words:,} words, {args.rounds} interleaved rounds\n")
    print("| what | seconds | words/s |")
    print("|---|---|---|")
    print(f"| spaCy nlp.pipe (newsloom's pipeline) | {t_spacy:.2f} | {total / t_spacy:,.0f} |")
    print(f"| annotate stage (spaCy + extractors) | {t_annotate:.2f} | {total / t_annotate:,.0f} |")
    print(f"\nannotate overhead over spaCy alone: {t_annotate / t_spacy - 1:+.1%} (budget +15%)")


if __name__ == "__main__":
    main()
