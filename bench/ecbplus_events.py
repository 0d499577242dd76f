"""Event clustering on ECB+: newsloom's stories against gold events, beside a TF-IDF baseline.

    python bench/ecbplus_events.py [--root ../shared/evaldata/ecbplus] [--cache /tmp/nl-ecb]
                                   [--split dev|test|all] [--breakdown]

Every document of a split (topics 1–25 = dev, used for tuning; 26–35 = test, reported apart) goes
through newsloom's own analyze path — JSONL without dates → read → clean → annotate (spaCy) →
``group`` — all documents of the split at once, never per topic. The stories are scored against
the gold events (topic + ``ecb``/``ecbplus``: each topic holds two different events of one
kind) and against the topics, with B-cubed precision/recall/F1 and the adjusted Rand index.

The baseline is plain TF-IDF (headline + body) with average-linkage agglomerative clustering on
cosine distance, its threshold tuned on the dev split and applied unchanged to the test split.
Documents the pipeline rejects (ECB+ has a few headline-only documents) count as singletons.
Annotated articles are cached as JSONL under ``--cache`` (outside the repository) to speed up
reruns.

``--breakdown`` lists where newsloom's B-cubed F1 is lost, worst first: stories that mix a
topic's two events (precision) and events cut into several stories (recall), each with the
B-cubed mass it costs and every member's opening words, so the error kinds can be read off.
``--split dev`` scores the dev topics alone (tuning never needs to look at the test topics).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsloom
from ecbplus_to_jsonl import DEFAULT_ROOT, documents, gold_event, parse_topics
from newsloom.annotate import load_nlp
from newsloom.config import Settings
from newsloom.group import group
from newsloom.model import Article, Page
from newsloom.pipeline import process
from newsloom.read import read_inputs

SPLITS = {"dev 1–25": "1-25", "test 26–35": "26-35"}
#: ``--split`` choices: which of ``SPLITS`` a run scores.
SPLIT_CHOICES = {"dev": ["dev 1–25"], "test": ["test 26–35"], "all": list(SPLITS)}
#: Characters of each member's opening shown by ``--breakdown``.
BREAKDOWN_CHARS = 110
BASELINE_GRID = [round(x, 2) for x in np.arange(0.02, 0.60, 0.02)]

Labels = dict[str, str]


def bcubed(pred: Labels, gold: Labels) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of clustering ``pred`` against ``gold`` (same ids)."""
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for doc, label in pred.items():
        by_pred.setdefault(label, set()).add(doc)
    for doc, label in gold.items():
        by_gold.setdefault(label, set()).add(doc)
    p = r = 0.0
    for doc in gold:
        cp, cg = by_pred[pred[doc]], by_gold[gold[doc]]
        both = len(cp & cg)
        p += both / len(cp)
        r += both / len(cg)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def ari(pred: Labels, gold: Labels) -> float:
    ids = sorted(gold)
    return float(adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids]))


def annotated(root: Path, topics: str, cache: Path) -> tuple[list[Article], list[str]]:
    """The split's documents through read → clean → annotate; and every document id."""
    docs = list(documents(root, parse_topics(topics)))
    ids = [d["id"] for d in docs]
    cached = cache / f"articles-{topics}-{_stages_digest()}.jsonl"
    if cached.exists():
        lines = cached.read_text(encoding="utf-8").splitlines()
        return [Article.model_validate_json(line) for line in lines], ids
    source = cache / f"pages-{topics}.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    settings = Settings()
    pages = [p for p in read_inputs([str(source)], settings) if isinstance(p, Page)]
    nlp = load_nlp(settings.spacy_models)
    articles = [a for a in process(pages, nlp) if isinstance(a, Article)]
    cached.write_text("".join(a.model_dump_json() + "\n" for a in articles), encoding="utf-8")
    return articles, ids


def _stages_digest() -> str:
    """A hash of the read, clean and annotate sources and of the converter that writes the
    pages: a cache is stale once they change."""
    package = Path(newsloom.__file__).parent
    digest = hashlib.sha1(Path(__file__).with_name("ecbplus_to_jsonl.py").read_bytes())
    for path in sorted(
        p for d in ("read", "clean", "annotate") for p in (package / d).rglob("*.py")
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def newsloom_labels(articles: Sequence[Article], ids: Sequence[str]) -> Labels:
    labels = {a: s.id for s in group(articles) for a in s.articles}
    return {i: labels.get(i, f"rejected:{i}") for i in ids}


def baseline_labels(articles: Sequence[Article], ids: Sequence[str], threshold: float) -> Labels:
    texts = [f"{a.title or ''}\n{a.body}" for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - threshold
    )
    found = model.fit_predict(matrix.toarray())
    labels = {a.id: f"B{k}" for a, k in zip(articles, found, strict=True)}
    return {i: labels.get(i, f"rejected:{i}") for i in ids}


def scores(pred: Labels) -> dict[str, float]:
    event = {i: gold_event(i) for i in pred}
    topic = {i: i.partition("_")[0] for i in pred}
    p, r, f = bcubed(pred, event)
    tf = bcubed(pred, topic)[2]
    return {
        "P": p,
        "R": r,
        "F1": f,
        "ARI": ari(pred, event),
        "topic F1": tf,
        "topic ARI": ari(pred, topic),
    }


def tune_baseline(articles: Sequence[Article], ids: Sequence[str]) -> float:
    best = max(BASELINE_GRID, key=lambda t: scores(baseline_labels(articles, ids, t))["F1"])
    return float(best)


def breakdown(pred: Labels, articles: Sequence[Article]) -> list[str]:
    """Lines naming the stories that mix events and the events split over stories, worst
    first, with the B-cubed precision or recall mass (summed over documents) each loses."""
    gold = {i: gold_event(i) for i in pred}
    text = {a.id: " ".join(f"{a.title or ''} {a.body}".split())[:BREAKDOWN_CHARS] for a in articles}
    losses = [
        *_losses("MIXED story", pred, gold, lambda d: f"{gold[d]:<12} {d:<20} {text.get(d, '')}"),
        *_losses("SPLIT event", gold, pred, lambda d: f"{pred[d]:<18} {d:<20} {text.get(d, '')}"),
    ]
    losses.sort(key=lambda x: -x[0])
    return [line for _, lines in losses for line in lines]


def _losses(
    kind: str, outer: Labels, inner: Labels, show: Callable[[str], str]
) -> list[tuple[float, list[str]]]:
    """Each ``outer`` cluster holding more than one ``inner`` label, with the B-cubed mass it
    loses and a line per member (a split event shows only the members outside its main part)."""
    by_outer: dict[str, list[str]] = {}
    for doc, label in sorted(outer.items()):
        by_outer.setdefault(label, []).append(doc)
    out = []
    for label, docs in by_outer.items():
        sizes = Counter(inner[d] for d in docs)
        if len(sizes) < 2:
            continue
        lost = sum(1 - sizes[inner[d]] / len(docs) for d in docs)
        shown = docs if kind.startswith("MIXED") else [
            d for d in docs if sizes[inner[d]] < max(sizes.values())
        ]  # fmt: skip
        head = f"{kind} {label}: {len(docs)} docs as {sorted(sizes.values(), reverse=True)}"
        lines = [f"{head}, B3 mass lost {lost:.1f}"]
        out.append((lost, lines + [f"  {show(d)}" for d in sorted(shown, key=inner.get)]))
    return out


def row(name: str, split: str, result: dict[str, float], seconds: float) -> str:
    cells = " ".join(f"{result[k]:>9.3f}" for k in ("P", "R", "F1", "ARI", "topic F1", "topic ARI"))
    return f"{split:<11} {name:<28} {cells} {seconds:>7.1f}s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "nl-ecb")
    parser.add_argument("--split", choices=sorted(SPLIT_CHOICES), default="all")
    parser.add_argument("--breakdown", action="store_true", help="list where F1 is lost")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    data = {name: annotated(args.root, SPLITS[name], args.cache) for name in SPLIT_CHOICES["all"]}
    threshold = tune_baseline(*data["dev 1–25"])
    data = {name: data[name] for name in SPLIT_CHOICES[args.split]}
    head = " ".join(f"{k:>9}" for k in ("B3 P", "B3 R", "B3 F1", "ARI", "topic F1", "topic ARI"))
    print(f"{'split':<11} {'method':<28} {head} {'time':>8}")
    runs: list[tuple[str, Callable[[Sequence[Article], Sequence[str]], Labels]]] = [
        ("newsloom group()", newsloom_labels),
        (f"TF-IDF+average t={threshold:.2f}", lambda a, i: baseline_labels(a, i, threshold)),
    ]
    for split, (articles, ids) in data.items():
        print(
            f"{split}: {len(ids)} documents, {len(articles)} articles after clean", file=sys.stderr
        )
        for name, method in runs:
            start = time.perf_counter()
            labels = method(articles, ids)
            print(row(name, split, scores(labels), time.perf_counter() - start))
        if args.breakdown:
            print("\n".join(breakdown(newsloom_labels(articles, ids), articles)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
