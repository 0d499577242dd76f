"""Group-stage scale: time and peak memory of copies + events on 10k / 30k / 100k articles.

    python bench/group_scale.py [--sizes 10000,30000,100000] [--batch 2000]

The stream is generated from the bundled sample corpus (the seeds when it is absent): its pages
go through read → clean → annotate once; then replica ``r`` of the corpus renames every entity
(consistently, so copies stay copies and each replica's events are new events), shifts every
date by ``r // REPLICAS_PER_DAY`` days and trims the last paragraph of some pages. Articles are
generated lazily, batch by batch, and fed to ``StoryIndex.add`` in publication order — the
streaming path ``group`` also uses. Each size runs in a fresh process; the table gives the
grouping time (generation excluded), the process's peak RSS, and the growth exponent fitted on
log(time) against log(size).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsloom.annotate import load_nlp
from newsloom.config import Settings
from newsloom.group import StoryIndex
from newsloom.model import Article, Mention, Page
from newsloom.pipeline import process
from newsloom.read import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "newsloom" / "sample" / "pages"
SEEDS = ROOT.parent / "shared" / "seeds"
#: Replicas of the corpus that share one calendar day: sets how many events are live at once.
REPLICAS_PER_DAY = 4
#: Share of pages whose last paragraph is trimmed.
TRIM_SHARE = 0.3
#: Percent of other words each replica replaces (consistently): replicas are new events in
#: new words, not copies of the originals.
REWORD_PERCENT = 80
_WORD_RE = re.compile(r"\b[A-Za-z]{4,}\b")
_SYLLABLES = ["ka", "ro", "vel", "mir", "tan", "so", "dre", "lin", "ba", "gor", "pe", "zu"]


def base_articles(cache: Path) -> list[Article]:
    if cache.exists():
        return [Article.model_validate_json(x) for x in cache.read_text().splitlines()]
    source = SAMPLE if SAMPLE.is_dir() and any(SAMPLE.iterdir()) else SEEDS
    settings = Settings()
    pages = [p for p in read_inputs([str(source)], settings) if isinstance(p, Page)]
    out = [a for a in process(pages, load_nlp(settings.spacy_models)) if isinstance(a, Article)]
    cache.write_text("".join(a.model_dump_json() + "\n" for a in out))
    return out


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _reword(text: str, r: int) -> str:
    """Replace most words, the same way for every page of replica ``r``: new event, new words."""

    def swap(m: re.Match[str]) -> str:
        word = m.group()
        key = zlib.crc32(f"{r}:{word.lower()}".encode())
        if key % 100 >= REWORD_PERCENT:
            return word
        return "".join(_SYLLABLES[(key >> (4 * i)) % len(_SYLLABLES)] for i in range(3))

    return _WORD_RE.sub(swap, text)


def replica(article: Article, r: int, names: dict[str, str], rng: random.Random) -> Article:
    body = article.body
    for old in sorted(names, key=len, reverse=True):
        body = body.replace(old, names[old])
    body = _reword(body, r)
    if rng.random() < TRIM_SHARE and body.count("\n\n") > 2:
        body = body.rsplit("\n\n", 1)[0]
    mentions = []
    for m in article.entities:
        new = names.get(m.text, m.text)
        at = body.find(new)
        if at >= 0:
            mentions.append(Mention(text=new, start=at, end=at + len(new), label=m.label, norm=new))
    shift = timedelta(days=r // REPLICAS_PER_DAY)
    return article.model_copy(
        update={
            "id": f"r{r}_{article.id}",
            "body": body,
            "title": article.title and _reword(_rename(article.title, names), r),
            "entities": mentions,
            "published": _shift(article.published, shift),
            "crawl_date": _shift(article.crawl_date, shift),
            "sentences": [],
        }
    )


def _rename(text: str, names: dict[str, str]) -> str:
    for old in sorted(names, key=len, reverse=True):
        text = text.replace(old, names[old])
    return text


def _shift(value: str | None, shift: timedelta) -> str | None:
    if not value:
        return value
    day = date.fromisoformat(value[:10]) + shift
    return day.isoformat() + value[10:]


def stream(base: list[Article], size: int) -> Iterator[Article]:
    base = sorted(base, key=lambda a: (a.date_key or "9999", a.id))
    n = 0
    for r in range(math.ceil(size / len(base))):
        rng = random.Random(r)
        texts = {m.text for a in base for m in a.entities}
        names = {t: " ".join(_name(rng) for _ in t.split()) for t in sorted(texts)}
        for article in base:
            if n == size:
                return
            yield replica(article, r, names, rng)
            n += 1


def run_one(size: int, batch: int, cache: Path) -> dict[str, float]:
    base = base_articles(cache)
    index = StoryIndex()
    spent = 0.0
    pending: list[Article] = []
    for article in stream(base, size):
        pending.append(article)
        if len(pending) == batch:
            start = time.perf_counter()
            index.add(pending)
            spent += time.perf_counter() - start
            pending = []
    start = time.perf_counter()
    index.add(pending)
    stories = index.stories()
    spent += time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"size": size, "seconds": spent, "peak_mb": peak, "stories": len(stories)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/nl-scale-base.jsonl"))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.batch, args.cache)))
        return 0
    base_articles(args.cache)
    rows = []
    print(f"{'articles':>9} {'seconds':>9} {'peak RSS MB':>12} {'stories':>8}")
    for size in [int(s) for s in args.sizes.split(",")]:
        cmd = [sys.executable, __file__, "--one", str(size), "--batch", str(args.batch),
               "--cache", str(args.cache)]  # fmt: skip
        row = json.loads(subprocess.run(cmd, check=True, capture_output=True).stdout)
        rows.append(row)
        print(f"{size:>9} {row['seconds']:>9.1f} {row['peak_mb']:>12.0f} {row['stories']:>8}")
    if len(rows) > 1:
        xs = [math.log(r["size"]) for r in rows]
        ys = [math.log(r["seconds"]) for r in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        print(f"growth exponent (time ~ n^k): k = {slope:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
