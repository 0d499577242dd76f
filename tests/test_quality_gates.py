"""Pinned floors on the public benchmarks (trafilatura's eval gate): the clean stage's headline
figures on the SEB pages — body F1, headline, outlet, wire and language from HTML and from text
captures — the group stage's events on the SEB captures, and the annotate stage's quotes on
PolNeAR dev and time values on TempEval-3 (through ``pipeline.analyze``) must not fall below what docs/benchmarks.md reports, less a small margin.

Measured as ``bench/seb.py`` and ``bench/seb_pages.py --clean-only`` measure them (the folder
read, site chrome learned over the batch, each page cleaned, outlets settled per site). The
data is not in the repository: the tests skip when ``../shared/evaldata`` is absent (a clean
clone in CI), and run wherever it is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

EVALDATA = Path(__file__).resolve().parents[2] / "shared" / "evaldata"
BENCH = Path(__file__).resolve().parents[1] / "bench"

SEB_PRESENT = (EVALDATA / "seb" / "page-gold.json").is_file()
POLNEAR = EVALDATA / "polnear"

#: Floors: the figures of docs/benchmarks.md (shipped weights, all 181 pages) less about 0.01.
#: Text-capture headline and body figures are in-sample for the learned line models (their
#: cross-validated figures are in the docs); a floor still catches a regression.
FLOORS = {
    "html": {"body": 0.97, "title": 0.98, "outlet": 0.94, "consistency": 0.99,
             "wire": 0.96, "language": 0.99},
    "text": {"body": 0.94, "title": 0.97, "outlet": 0.67, "consistency": 0.99, "wire": 0.94,
             "language": 0.98},
}  # fmt: skip


@contextmanager
def _bench_on_path() -> Iterator[None]:
    """The bench scripts importable (they measure; the gates hold what they measure)."""
    sys.path.insert(0, str(BENCH))
    try:
        yield
    finally:
        sys.path.remove(str(BENCH))


def _below(measured: Mapping[str, float], floors: Mapping[str, float]) -> dict[str, object]:
    """The figures under their floor, as (measured, floor)."""
    return {k: (round(measured[k], 3), floor) for k, floor in floors.items() if measured[k] < floor}


def _measure(kind: str) -> dict[str, float]:
    with _bench_on_path():
        from seb_data import load
        from seb_pages import Found, page_id, score
        from seb_score import metrics, page_score

    from newsloom.clean import clean, learn_site_chrome
    from newsloom.clean.outlet_sites import settle_outlets
    from newsloom.config import Settings
    from newsloom.model import Article, Page
    from newsloom.read import read_inputs

    folder = EVALDATA / "seb" / "html" if kind == "html" else EVALDATA / "seb_text"
    pages = [p for p in read_inputs([str(folder)], Settings()) if isinstance(p, Page)]
    chrome = learn_site_chrome(pages)
    cleaned = [a for a in (clean(page, chrome) for page in pages) if isinstance(a, Article)]
    articles = {page_id(a): a for a in settle_outlets(cleaned)}
    gold = json.loads((EVALDATA / "seb" / "page-gold.json").read_text(encoding="utf-8"))
    seb = load(EVALDATA)
    found = {
        pid: Found(title=a.title, outlet=a.source, wire=a.agency, language=a.language)
        for pid, a in articles.items()
    }
    scores = score(gold, seb, found)
    body = metrics(
        [page_score(p.truth, articles[p.id].body if p.id in articles else "") for p in seb]
    )
    return {
        "body": body.f1,
        "title": scores.title,
        "outlet": scores.outlet,
        "consistency": scores.consistency,
        "wire": scores.wire,
        "language": scores.language,
    }


@pytest.mark.skipif(not SEB_PRESENT, reason="SEB evaldata not present")
@pytest.mark.parametrize("kind", ["html", "text"])
def test_seb_page_fields_hold_their_floors(kind: str) -> None:
    low = _below(_measure(kind), FLOORS[kind])
    assert not low, f"below the floor on SEB {kind} (measured, floor): {low}"


#: PolNeAR dev (held out; tuned on train): quote F1 0.970 and speaker accuracy 94.0% measured
#: (``bench/polnear.py --split dev``); floors at issue 17's goals.
POLNEAR_FLOORS = {"f1": 0.96, "speaker": 0.93}


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR evaldata not present")
def test_polnear_dev_quotes_and_speakers_hold_their_floors() -> None:
    with _bench_on_path():
        from polnear import run
    tally, _ = run(POLNEAR, "dev", None)
    recall = tally.gold_found / tally.gold
    precision = tally.predicted_lenient / tally.predicted
    measured = {
        "f1": 2 * recall * precision / (recall + precision),
        "speaker": tally.speaker_right / tally.speaker_scored,
    }
    low = _below(measured, POLNEAR_FLOORS)
    assert not low, f"below the floor on PolNeAR dev (measured, floor): {low}"


TEMPEVAL = EVALDATA / "tempeval3"
#: TempEval-3 (TimeBank + AQUAINT, 256 documents) through ``pipeline.analyze`` on JSONL pages,
#: all splits: value F1 81.0, strict 86.0, relaxed 93.1 measured
#: (``bench/tempeval_pages.py --harness``); floors about one point under.
TEMPEVAL_FLOORS = {"value": 0.80, "strict": 0.85, "relaxed": 0.92}


@pytest.mark.skipif(not TEMPEVAL.is_dir(), reason="TempEval-3 evaldata not present")
def test_tempeval_through_analyze_holds_its_floors() -> None:
    with _bench_on_path():
        from tempeval import documents
        from tempeval_pages import run_analyze, score_articles
    docs = list(documents(TEMPEVAL))
    articles, _ = run_analyze(docs)
    every, _, checks = score_articles(docs, articles, 0)
    strict, _, _, relaxed, _, _, value = every.row()
    measured = {"value": value, "strict": strict, "relaxed": relaxed}
    assert checks.anchor == checks.pages == len(docs)  # every page anchored on its crawl date
    low = _below(measured, TEMPEVAL_FLOORS)
    assert not low, f"below the floor on TempEval-3 (measured, floor): {low}"


#: All 181 SEB captures through ``pipeline.analyze`` (``bench/seb_pages.py --input text``):
#: event B-cubed F1 0.973 and 4 of 22 multi-page stories mixing events measured; the floor is
#: a point under, the ceiling the count measured (the goal is none).
SEB_EVENTS_FLOOR = 0.96
SEB_MIXED_CEILING = 4


@pytest.mark.skipif(not SEB_PRESENT, reason="SEB evaldata not present")
def test_seb_captures_events_hold_their_floor() -> None:
    with _bench_on_path():
        from seb_data import load
        from seb_pages import event_scores, run_analyze
    gold = json.loads((EVALDATA / "seb" / "page-gold.json").read_text(encoding="utf-8"))
    assert len(load(EVALDATA)) == len(gold)
    scores = event_scores(gold, run_analyze(EVALDATA / "seb_text"))
    assert scores.f1 >= SEB_EVENTS_FLOOR, f"event B-cubed F1 {scores.f1:.3f}"
    assert len(scores.mixed) <= SEB_MIXED_CEILING, f"{len(scores.mixed)} stories mix events"


ECBPLUS = EVALDATA / "ecbplus"
#: ECB+ event clustering through read → clean → annotate → ``group`` (``bench/ecbplus_events.py
#: --root ../shared/evaldata/ecbplus``): B-cubed F1 0.932 on topics 1–25 and 0.904 on 26–35
#: measured (rival numbers and the explainer rule, 2026-12-08; 0.926 / 0.905 with rival
#: agents, 0.908 / 0.893 before); floors about one point under the held-out figure and under
#: 0.926 on dev. Cleaning changes that touch no grouping code once moved dev 0.915 → 0.908
#: unseen before this gate.
ECBPLUS_FLOORS = {"dev 1–25": 0.915, "test 26–35": 0.895}


@pytest.mark.skipif(not ECBPLUS.is_dir(), reason="ECB+ evaldata not present")
def test_ecbplus_events_hold_their_floors(tmp_path: Path) -> None:
    with _bench_on_path():
        from ecbplus_events import SPLITS, annotated, newsloom_labels, scores
    measured = {}
    for name, topics in SPLITS.items():
        articles, ids = annotated(ECBPLUS, topics, tmp_path)
        measured[name] = scores(newsloom_labels(articles, ids))["F1"]
    low = _below(measured, ECBPLUS_FLOORS)
    assert not low, f"below the floor on ECB+ (measured, floor): {low}"
