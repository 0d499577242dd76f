"""Quote tracing and figure grouping on the bundled sample corpus, against its written answers.

The sample corpus (``src/newsloom/sample``) was written with its answers: per page, every figure
with the claim it belongs to, and the quote groups (the same statement across pages). This runs
the real pipeline (``analyze``) and scores, over pairs of items on different pages of one
story:

- figure grouping: pairwise precision/recall of "same claim", and status accuracy per gold
  claim (corroborated / single-source / differs);
- quote tracing: pairwise precision/recall of "same statement".

Items are aligned to the gold by page and text (one contains the other, case and punctuation
folded); the share of gold items found at all is printed too.

    python bench/fuse_sample.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from newsloom.cli import sample_dir
from newsloom.config import Settings
from newsloom.model import Result
from newsloom.pipeline import analyze

Item = tuple[str, str]  # (page id, folded text)


def fold(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def gold_figures(answers: dict[str, Any]) -> dict[Item, str]:
    return {
        (pid, fold(f["text"])): f["claim"]
        for pid, page in answers["pages"].items()
        for f in page["figures"]
        if f.get("claim")
    }


def gold_quotes(answers: dict[str, Any]) -> dict[Item, str]:
    out: dict[Item, str] = {}
    for n, group in enumerate(answers["quote_groups"]):
        for variant in group["variants"]:
            out[(variant["page"], fold(variant["text"]))] = f"Q{n}"
    return out


def predicted_figures(result: Result) -> dict[Item, str]:
    out: dict[Item, str] = {}
    for story in result.stories:
        for n, claim in enumerate(result.dossiers[story.id].figures):
            for report in claim.reports:
                out[(report.article, fold(report.text))] = f"{story.id}/F{n}"
    return out


def predicted_quotes(result: Result) -> dict[Item, str]:
    out: dict[Item, str] = {}
    for story in result.stories:
        for n, group in enumerate(result.dossiers[story.id].quotes):
            for variant in group.variants:
                for part in variant.text.split(" … "):
                    out[(variant.article, fold(part))] = f"{story.id}/Q{n}"
    return out


def align(gold: dict[Item, str], predicted: dict[Item, str]) -> dict[Item, str | None]:
    """For each gold item, the predicted cluster of the item on its page that overlaps it."""
    by_page: dict[str, list[tuple[str, str]]] = {}
    for (page, text), cluster in predicted.items():
        by_page.setdefault(page, []).append((text, cluster))
    out: dict[Item, str | None] = {}
    for (page, text), _ in gold.items():
        found = [c for t, c in by_page.get(page, []) if t and (t in text or text in t)]
        out[(page, text)] = found[0] if found else None
    return out


def pairwise(gold: dict[Item, str], aligned: dict[Item, str | None]) -> tuple[float, float]:
    """Precision and recall of "same cluster" over pairs of found items on different pages."""
    found = [i for i in gold if aligned[i] is not None]
    tp = fp = fn = 0
    for a, b in combinations(found, 2):
        if a[0] == b[0]:
            continue
        same_gold, same_pred = gold[a] == gold[b], aligned[a] == aligned[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def status_accuracy(
    answers: dict[str, Any], result: Result, aligned: dict[Item, str | None]
) -> float:
    claims = {c["id"]: c["status"] for c in answers["claims"]}
    predicted_status = {
        f"{s.id}/F{n}": c.status
        for s in result.stories
        for n, c in enumerate(result.dossiers[s.id].figures)
    }
    votes: dict[str, Counter[str]] = {}
    for item, cluster in aligned.items():
        if cluster is not None:
            claim = gold_figures(answers)[item]
            votes.setdefault(claim, Counter())[predicted_status[cluster]] += 1
    right = sum(1 for cid, v in votes.items() if v.most_common(1)[0][0] == claims.get(cid))
    return right / len(votes) if votes else 0.0


def found_share(aligned: dict[Item, str | None]) -> float:
    return sum(1 for c in aligned.values() if c is not None) / max(len(aligned), 1)


def row(name: str, values: Iterable[str]) -> str:
    return f"| {name:<34} | " + " | ".join(f"{v:>9}" for v in values) + " |"


def main() -> None:
    answers = json.loads((sample_dir().parent / "answers.json").read_text(encoding="utf-8"))
    result = analyze([str(sample_dir())], Settings())
    gf, gq = gold_figures(answers), gold_quotes(answers)
    af, aq = align(gf, predicted_figures(result)), align(gq, predicted_quotes(result))
    fp, fr = pairwise(gf, af)
    qp, qr = pairwise(gq, aq)
    print(f"\nsample corpus: {len(answers['pages'])} pages, {len(result.stories)} stories\n")
    print(row("measure", ["found", "pair P", "pair R", "status"]))
    print(f"|{'-' * 36}|{'-' * 11}|{'-' * 11}|{'-' * 11}|{'-' * 11}|")
    status = status_accuracy(answers, result, af)
    print(
        row(
            f"figure grouping ({len(gf)} gold)",
            [f"{found_share(af):.2f}", f"{fp:.2f}", f"{fr:.2f}", f"{status:.2f}"],
        )
    )
    print(
        row(
            f"quote tracing ({len(gq)} gold)",
            [f"{found_share(aq):.2f}", f"{qp:.2f}", f"{qr:.2f}", "-"],
        )
    )


if __name__ == "__main__":
    main()
