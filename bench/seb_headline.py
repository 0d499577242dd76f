"""Train and cross-validate the capture headline ranker (src/newsloom/clean/headline.py) on the
SEB text captures and their page gold.

    python bench/seb_headline.py [--data ../shared/evaldata] --cv 5 [--verbose]
    python bench/seb_headline.py --write        # train on every page, write the weights

A page's gold headline (``seb/page-gold.json``) occurs as a whole line of its capture; the
occurrence nearest the body's start is the positive line, the page's other candidate lines are
negatives (other copies of the headline, in a rail or a share widget, are left out of
training: they are neither). The model is a conditional logit: per page, a softmax over the
page's candidate lines, trained to put the headline first; then a one-feature logistic
regression over every candidate line turns its score into a probability of being the headline,
so that the threshold for "no credible headline" (``headline.MIN_PROBABILITY``) means something.

``--cv K`` is the figure to report: the pages are split into K folds by site
(``seb_data.cv_fold``), and every page is cleaned by the whole capture cleaner
(``clean_capture``) with a model trained without its site; the headline is scored by exact
match after NFKC, case-fold and whitespace folding, per half (dev / held-out) and in all.
``--write`` trains on every page and regenerates ``headline_weights.py``; its score on those
same pages estimates nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
#: One BLAS thread (see bench/seb_train.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from newsloom.clean import headline
from newsloom.clean.capture import body_bounds, classify, clean_capture, mark_rails
from newsloom.clean.linemodel import LineModel
from newsloom.read.capture import parse_capture
from seb_data import SebPage, cv_fold, load
from seb_pages import fold

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsloom" / "clean" / "headline_weights.py"
#: Inverse strength of the L2 penalty ``|w|² / 2C`` on the summed per-page losses. Chosen by
#: ``--cv 5`` (all pages, headline exact): 0.03 → 0.818, 0.05 → 0.818, 0.1 → 0.840,
#: 0.2 → 0.834, 0.3 → 0.829, 0.5 → 0.823; again with the candidate filters and wrap rules of
#: clean/headline.py: 0.05 → 0.895, 0.1 → 0.912, 0.2 → 0.906, 0.3 → 0.895.
C = 0.1


@dataclass(slots=True)
class PageData:
    page: SebPage
    text: str
    gold: str
    rows: list[list[float]]
    labels: list[int | None]  # None: another copy of the headline, left out of training


def page_data(page: SebPage, gold: str) -> PageData:
    """The capture's candidate lines as the cleaner sees them, with their labels."""
    capture = parse_capture(page.capture())
    text = capture.text if capture else ""
    lines = classify(text)
    mark_rails(lines)
    start, end = body_bounds(lines)
    at = headline.candidates(lines, start, end)
    rows = headline.features(lines, start, end, at)
    hits = [i for i in at if fold(lines[i].text) == fold(gold)]
    anchor = start if start is not None else 0
    best = min(hits, key=lambda i: (abs(anchor - i), i > anchor)) if hits else None
    labels: list[int | None] = [1 if i == best else (None if i in hits else 0) for i in at]
    return PageData(page, text, gold, rows, labels)


def fit(data: Sequence[PageData], c: float = C) -> LineModel:
    """The conditional logit (L-BFGS on standardised features), then its calibration."""
    import numpy as np
    from scipy.optimize import minimize
    from sklearn.linear_model import LogisticRegression

    pages = [d for d in data if 1 in d.labels]
    every = np.array([row for d in pages for row in d.rows], dtype=float)
    mean, scale = every.mean(axis=0), every.std(axis=0)
    scale[scale == 0] = 1.0
    blocks = []
    for d in pages:
        keep = [i for i, y in enumerate(d.labels) if y is not None]
        x = (np.array([d.rows[i] for i in keep], dtype=float) - mean) / scale
        blocks.append((x, [d.labels[i] for i in keep].index(1)))

    def loss(w: Any) -> tuple[float, Any]:
        total, grad = 0.5 * w @ w / c, w / c
        for x, pos in blocks:
            z = x @ w
            top = z.max()
            e = np.exp(z - top)
            total += top + math.log(e.sum()) - z[pos]
            grad = grad + (e / e.sum()) @ x - x[pos]
        return float(total), grad

    w = minimize(loss, np.zeros(every.shape[1]), jac=True, method="L-BFGS-B").x
    scores = np.concatenate([x @ w for x, _ in blocks]).reshape(-1, 1)
    ys = [int(i == pos) for x, pos in blocks for i in range(len(x))]
    calibration = LogisticRegression(C=1e6, max_iter=1000).fit(scores, ys)
    a, b = float(calibration.coef_[0][0]), float(calibration.intercept_[0])
    return LineModel(
        names=headline.FEATURE_NAMES,
        mean=tuple(float(m) for m in mean),
        scale=tuple(float(s) for s in scale),
        weights=tuple(float(a * v) for v in w),
        bias=b,
    )


def cross_validate(
    data: list[PageData], folds: int, c: float, salt: str = "cv"
) -> dict[str, str | None]:
    """Each page's headline from the whole capture cleaner with a model that never saw its site."""
    found: dict[str, str | None] = {}
    for k in range(folds):
        model = fit([d for d in data if cv_fold(d.page.host, folds, salt) != k], c)
        with headline.model_in_use(model):
            for d in data:
                if cv_fold(d.page.host, folds, salt) == k:
                    found[d.page.id] = clean_capture(d.text).title
    return found


def report(data: list[PageData], found: dict[str, str | None], verbose: bool) -> None:
    halves = {
        "dev": [d for d in data if not d.page.held_out],
        "held-out": [d for d in data if d.page.held_out],
        "all": data,
    }
    for half, items in halves.items():
        right = sum(fold(found.get(d.page.id)) == fold(d.gold) for d in items)
        print(f"  {half:<9} {len(items):>4} pages  headline exact {right / len(items):.3f}")
    empty = sum(1 for d in data if not found.get(d.page.id))
    print(f"  pages left without a headline: {empty}")
    if verbose:
        for d in data:
            if fold(found.get(d.page.id)) != fold(d.gold):
                print(f"   {d.page.host:<26} want {d.gold[:60]!r}\n{'':30}got  "
                      f"{str(found.get(d.page.id))[:60]!r}")  # fmt: skip


def draws(data: list[PageData], folds: int, c: float, n: int) -> None:
    """The same cross-validation over ``n`` fold draws (the standard "cv" first, then salts
    "a", "b", …): one rule can move a page between folds, and a figure that holds on one draw
    only is luck."""
    salts = ["cv", *(chr(ord("a") + i) for i in range(n - 1))]
    misses = []
    for salt in salts:
        found = cross_validate(data, folds, c, salt)
        misses.append(sum(fold(found.get(d.page.id)) != fold(d.gold) for d in data))
    mean = 1 - sum(misses) / (len(misses) * len(data))
    print(f"  {n} fold draws: misses {' / '.join(map(str, misses))} = {sum(misses)}, "
          f"mean exact {mean:.3f}")  # fmt: skip


def floats(values: Sequence[float]) -> str:
    return "(\n" + "".join(f"    {v!r},\n" for v in values) + ")"


def write(model: LineModel) -> None:
    names = "(\n" + "".join(f'    "{n}",\n' for n in model.names) + ")"
    OUT.write_text(
        '"""Weights of the capture headline ranker (clean/headline.py). Generated by\n'
        'bench/seb_headline.py from every page of the SEB captures; do not edit by hand."""\n\n'
        f"NAMES = {names}\nMEAN = {floats(model.mean)}\nSCALE = {floats(model.scale)}\n"
        f"WEIGHTS = {floats(model.weights)}\nBIAS = {model.bias!r}\n",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "evaldata")
    parser.add_argument("--cv", type=int, metavar="K", help="cross-validate in K folds by site")
    parser.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    parser.add_argument("--min-p", type=float, help="stand-in for headline.MIN_PROBABILITY")
    parser.add_argument("--write", action="store_true", help="train on every page, write weights")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--draws", type=int, default=1, metavar="N", help="with --cv: repeat over N fold draws"
    )
    args = parser.parse_args()
    if args.min_p is not None:
        headline.MIN_PROBABILITY = args.min_p
    gold = json.loads((args.data / "seb" / "page-gold.json").read_text(encoding="utf-8"))
    data = [page_data(p, str(gold[p.id]["title"])) for p in load(args.data)]
    unlabelled = sum(1 for d in data if 1 not in d.labels)
    print(f"{len(data)} pages, {sum(len(d.rows) for d in data)} candidate lines; "
          f"gold headline not a candidate on {unlabelled} pages")  # fmt: skip
    if args.cv:
        print(f"cross-validated by site, {args.cv} folds, C={args.c}:")
        report(data, cross_validate(data, args.cv, args.c), args.verbose)
        if args.draws > 1:
            draws(data, args.cv, args.c, args.draws)
    if args.write:
        model = fit(data, args.c)
        write(model)
        ranked = sorted(zip(model.names, model.weights, strict=True), key=lambda t: t[1])
        for name, w in ranked:
            print(f"  {name:<16} {w:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
