"""Regenerate src/newsloom/clean/linemodel_weights.py from the SEB captures, or cross-validate.

    python bench/seb_train.py [--data ../shared/evaldata] [--train-on dev|all] [--report-held-out]
    python bench/seb_train.py --cv 5      # grouped by site; writes no weights

A capture line is labelled body when most of its 4-word shingles are in the page's ground-truth
body (a 3-word line: when its words appear in that order in the ground truth; a line of one or
two words: when it is a whole line of the ground truth).

Two logistic models are fitted (see clean/linemodel.py): the first on the line features, the
second on those plus the first model's scores around the line (also against the page's highest,
and as a rank). The second model is trained on first-model scores predicted out of fold (the
training pages in ``FOLDS`` groups by site), so that it learns how far to trust the first model
on pages the first model has not seen.

The shipped weights are trained on every page (``--train-on all``, the default); the figure to
report for them is the cross-validated one (``--cv 5``: each page cleaned by the whole clean
stage with models trained without its site, folds by ``seb_data.cv_fold``), which is also where
features and settings are chosen. ``--train-on dev`` trains on the dev half only, for the old
dev / held-out comparison in bench/seb.py.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
#: One BLAS thread: the fits are small, and threads fighting over a loaded machine's cores made
#: each one a hundred times slower.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from newsloom.clean.capture import Line, classify, mark_rails
from newsloom.clean.linemodel import (
    FEATURE_NAMES,
    SECOND_NAMES,
    LineModel,
    features,
    models_in_use,
    second_features,
)
from newsloom.read.capture import parse_capture
from seb_data import SebPage, cv_fold, load
from seb_score import metrics, page_score, shingles, tokens

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsloom" / "clean" / "linemodel_weights.py"
#: A line is body when at least this share of its shingles is in the ground truth.
LABEL_SHARE = 0.5
#: Inverse regularisation strength of the logistic regressions (sklearn's C).
C = 0.2
#: A line weighs at least as much as a line of this many words when training.
WEIGHT_FLOOR_WORDS = 4
#: Out-of-fold groups (by site) for the first model's scores that train the second.
FOLDS = 5


def page_lines(page: SebPage) -> list[Line]:
    capture = parse_capture(page.capture())
    lines = classify(capture.text if capture else "")
    mark_rails(lines)
    return lines


def short_grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}


def across_lines(lines: list[Line], truth: set[tuple[str, ...]]) -> list[float]:
    """Per line, the share of the page's 4-word shingles that take a word from it, read across
    line ends, found in the ground truth (0 for a line with no word). A table captured one cell
    a line ("1", "Kyle Busch", "5040") is body this way when its rows are in the truth, though
    no cell is a whole line of it; a lone "Share" between paragraphs is not."""
    owner: list[int] = []
    words: list[str] = []
    for i, line in enumerate(lines):
        toks = tokens(line.text)
        words += toks
        owner += [i] * len(toks)
    hits = [0] * len(lines)
    seen = [0] * len(lines)
    for start in range(len(words) - 3):
        found = tuple(words[start : start + 4]) in truth
        for i in set(owner[start : start + 4]):
            seen[i] += 1
            hits[i] += found
    return [h / s if s else 0.0 for h, s in zip(hits, seen, strict=True)]


def labels(page: SebPage, lines: list[Line]) -> list[int]:
    truth = set(shingles(page.truth))
    short = short_grams(tokens(page.truth))
    whole = {tuple(tokens(line)) for line in page.truth.split("\n")}
    across = across_lines(lines, truth)
    out: list[int] = []
    for line, share in zip(lines, across, strict=True):
        words = tokens(line.text)
        if not words:
            out.append(0)
        elif len(words) < 3:  # "Home", "Share": when a whole line of the truth, or its cells
            out.append(int(tuple(words) in whole or share >= LABEL_SHARE))
        elif len(words) < 4:
            out.append(int(tuple(words) in short or share >= LABEL_SHARE))
        else:
            grams = shingles(line.text)
            hit = sum(n for g, n in grams.items() if g in truth)
            out.append(int(hit >= LABEL_SHARE * sum(grams.values())))
    return out


def weights(lines: list[Line]) -> list[float]:
    """Each page weighs the same in total (the score averages pages), and within a page a line
    weighs by its words (the score counts shingles), with a floor so that short lines count."""
    sizes = [max(len(tokens(line.text)), WEIGHT_FLOOR_WORDS) for line in lines]
    total = sum(sizes) or 1
    return [len(lines) * s / total for s in sizes]


class PageData:
    def __init__(self, page: SebPage) -> None:
        self.page = page
        self.lines = page_lines(page)
        self.rows = features(self.lines)
        self.labels = labels(page, self.lines)
        self.weights = weights(self.lines)


def fit(rows: Sequence[Sequence[float]], ys: list[int], ws: list[float]) -> LineModel:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(rows)
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(scaler.transform(rows), ys, sample_weight=ws)
    scale = tuple(float(s) if s > 0 else 1.0 for s in scaler.scale_)
    return LineModel(
        names=(),
        mean=tuple(float(m) for m in scaler.mean_),
        scale=scale,
        weights=tuple(float(w) for w in model.coef_[0]),
        bias=float(model.intercept_[0]),
    )


def stack(data: list[PageData], attr: str) -> Any:
    return [x for d in data for x in getattr(d, attr)]


def fold_of(page: SebPage) -> int:
    import hashlib

    return hashlib.sha1(page.host.encode()).digest()[1] % FOLDS


def second_rows(data: list[PageData], first_for: dict[int, LineModel]) -> list[list[float]]:
    rows: list[list[float]] = []
    for d in data:
        model = first_for[fold_of(d.page)]
        guess = [model.probability(row) for row in d.rows]
        rows.extend(second_features(d.lines, d.rows, guess))
    return rows


def train(dev: list[PageData]) -> tuple[LineModel, LineModel]:
    first = fit(stack(dev, "rows"), stack(dev, "labels"), stack(dev, "weights"))
    out_of_fold: dict[int, LineModel] = {}
    for k in range(FOLDS):
        rest = [d for d in dev if fold_of(d.page) != k]
        out_of_fold[k] = fit(stack(rest, "rows"), stack(rest, "labels"), stack(rest, "weights"))
    second = fit(second_rows(dev, out_of_fold), stack(dev, "labels"), stack(dev, "weights"))
    return first, second


def accuracy(data: list[PageData], first: LineModel, second: LineModel) -> tuple[float, float]:
    ys = stack(data, "labels")
    p1 = [first.probability(r) for r in stack(data, "rows")]
    rows2 = []
    for d in data:
        rows2.extend(second_features(d.lines, d.rows, [first.probability(r) for r in d.rows]))
    p2 = [second.probability(r) for r in rows2]
    hit1 = sum((p >= 0.5) == bool(y) for p, y in zip(p1, ys, strict=True))
    hit2 = sum((p >= 0.5) == bool(y) for p, y in zip(p2, ys, strict=True))
    return hit1 / len(ys), hit2 / len(ys)


def floats(values: Sequence[float]) -> str:
    return "(\n" + "".join(f"    {v!r},\n" for v in values) + ")"


def names(values: Sequence[str]) -> str:
    return "(\n" + "".join(f'    "{v}",\n' for v in values) + ")"


def write(first: LineModel, second: LineModel, trained_on: str) -> None:
    pages = "every page" if trained_on == "all" else "the dev half"
    OUT.write_text(
        '"""Weights of the body-line models (clean/linemodel.py). Generated by bench/seb_train.py\n'
        f'from {pages} of the SEB captures; do not edit by hand."""\n\n'
        f"NAMES = {names(FEATURE_NAMES)}\nMEAN = {floats(first.mean)}\n"
        f"SCALE = {floats(first.scale)}\nWEIGHTS = {floats(first.weights)}\n"
        f"BIAS = {first.bias!r}\n\n"
        f"NAMES_2 = {names(SECOND_NAMES)}\nMEAN_2 = {floats(second.mean)}\n"
        f"SCALE_2 = {floats(second.scale)}\nWEIGHTS_2 = {floats(second.weights)}\n"
        f"BIAS_2 = {second.bias!r}\n",
        encoding="utf-8",
    )


def cv_bodies(
    pages: list[SebPage], data: list[PageData], folds: int, verbose: bool = True
) -> tuple[dict[str, str], float]:
    """Each page's body from the whole clean stage with line models trained without its site
    (folds by ``seb_data.cv_fold``), and the clean stage's seconds; prints each fold."""
    from newsloom.clean import learn_site_chrome
    from seb_systems import make_newsloom_text

    extract = make_newsloom_text(learn_site_chrome([p.text_page() for p in pages]))
    bodies: dict[str, str] = {}
    seconds = 0.0
    for k in range(folds):
        test = [d.page for d in data if cv_fold(d.page.host, folds) == k]
        first, second = train([d for d in data if cv_fold(d.page.host, folds) != k])
        started = time.perf_counter()
        with models_in_use(first, second):
            for page in test:
                bodies[page.id] = extract(page).body
        seconds += time.perf_counter() - started
        fold = metrics([page_score(p.truth, bodies[p.id]) for p in test])
        sites = len({p.host for p in test})
        if verbose:
            print(f"fold {k}: {len(test):3d} pages, {sites:3d} sites, F1 {fold.f1:.3f} "
                  f"(P {fold.precision:.3f} R {fold.recall:.3f})")  # fmt: skip
    return bodies, seconds


def cross_validate(pages: list[SebPage], data: list[PageData], folds: int) -> None:
    """Each page cleaned by the whole clean stage with models trained without its site (folds
    by ``seb_data.cv_fold``), scored with the benchmark's shingle F1: the honest estimate of the
    model trained on every page. Prints each fold, then the dev / held-out / all columns."""
    from seb import print_header, print_row, split_scores

    bodies, seconds = cv_bodies(pages, data, folds)
    print_header(f"Cross-validated by site, {folds} folds: text captures (seb_text)")
    print_row("newsloom (cv)", split_scores(pages, bodies), None)
    zero = sum(1 for p in pages if page_score(p.truth, bodies[p.id]).f1 == 0)
    print(f"\npages at F1 0: {zero}; clean stage {len(pages) / seconds:.1f} pages/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "evaldata")
    parser.add_argument("--train-on", choices=("dev", "all"), default="all")
    parser.add_argument("--cv", type=int, metavar="K", help="cross-validate in K folds by site")
    parser.add_argument("--report-held-out", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="no weight listing")
    args = parser.parse_args()
    pages = load(args.data)
    if args.cv:
        cross_validate(pages, [PageData(p) for p in pages], args.cv)
        return 0
    chosen = [PageData(p) for p in pages if args.train_on == "all" or not p.held_out]
    first, second = train(chosen)
    ys = stack(chosen, "labels")
    acc1, acc2 = accuracy(chosen, first, second)
    print(f"{args.train_on} lines {len(ys)}, body share {sum(ys) / len(ys):.3f}, "
          f"line accuracy first {acc1:.3f}, second {acc2:.3f}")  # fmt: skip
    if args.report_held_out and args.train_on == "dev":
        held = [PageData(p) for p in pages if p.held_out]
        acc1, acc2 = accuracy(held, first, second)
        print(f"held-out line accuracy first {acc1:.3f}, second {acc2:.3f}")
    write(first, second, args.train_on)
    if not args.quiet:
        for label, model, feature_names in (("first", first, FEATURE_NAMES),
                                            ("second", second, SECOND_NAMES)):  # fmt: skip
            print(f"{label} model:")
            ranked = sorted(zip(feature_names, model.weights, strict=True), key=lambda t: t[1])
            for name, w in ranked:
                print(f"  {name:<24} {w:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
