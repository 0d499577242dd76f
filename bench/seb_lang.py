"""Body shingle F1 by language on SEB: text captures and HTML, beside trafilatura, one run.

    python bench/seb_lang.py [--data ../shared/evaldata] [--cv 5] [--verbose]

The language of each page is ``seb/page-gold.json``'s ``language`` (the article's, decided by
hand). Rows: each language, all non-English pages together, English, all pages. Columns:

- text, shipped: newsloom on the capture with the shipped line-model weights (trained on every
  SEB page, so in-sample);
- text, CV: the same with line models trained without the page's site (``--cv K``, folds by
  ``seb_data.cv_fold``; the estimate for unseen sites, as ``bench/seb_train.py --cv``);
- line filter: the longest run of long lines (``seb_systems.line_filter``), the text anchor;
- HTML: newsloom on the page's HTML; trafilatura: trafilatura 2 on the same HTML, interleaved
  page by page with newsloom in this run.

SEB is thin outside English (20 pages in 7 languages, 2 to 6 each, several from one site), so
the per-language rows are anecdotes: read them with their page counts. ``bench/multilang.py``
scores synthetic pages in six languages written for the tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seb import run_interleaved, run_system
from seb_data import SebPage, load
from seb_score import Metrics, metrics, page_score
from seb_systems import line_filter, newsloom_html, text_systems, trafilatura_html

ROOT = Path(__file__).resolve().parents[1]


def gold_languages(data: Path) -> dict[str, str]:
    gold = json.loads((data / "seb" / "page-gold.json").read_text(encoding="utf-8"))
    return {key: item.get("language") or "?" for key, item in gold.items()}


def groups(pages: list[SebPage], language: dict[str, str]) -> dict[str, list[SebPage]]:
    """Pages per language (most pages first), then the non-English pages together and by half
    (``seb_data.is_held_out``: dev sites were looked at while writing the vocabularies), English,
    and all."""
    by: dict[str, list[SebPage]] = defaultdict(list)
    for page in pages:
        by[language.get(page.id, "?")].append(page)
    out = dict(sorted(by.items(), key=lambda item: (-len(item[1]), item[0])))
    out.pop("en", None)
    out["non-English"] = [p for p in pages if language.get(p.id) != "en"]
    out["non-English, dev sites"] = [p for p in out["non-English"] if not p.held_out]
    out["non-English, held-out sites"] = [p for p in out["non-English"] if p.held_out]
    out["English"] = by.get("en", [])
    out["all"] = list(pages)
    return out


def score(pages: list[SebPage], bodies: dict[str, str]) -> Metrics:
    return metrics([page_score(p.truth, bodies.get(p.id, "")) for p in pages])


def table(rows: dict[str, list[SebPage]], columns: dict[str, dict[str, str]]) -> None:
    names = list(columns)
    print("\n| language | pages | sites | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for label, pages in rows.items():
        if not pages:
            continue
        cells = [f"{score(pages, columns[name]).f1:.3f}" for name in names]
        sites = len({p.host for p in pages})
        print(f"| {label} | {len(pages)} | {sites} | " + " | ".join(cells) + " |")


def worst(pages: list[SebPage], language: dict[str, str], bodies: dict[str, str]) -> None:
    print("\nnon-English pages, text (first column):")
    for page in pages:
        if language.get(page.id) == "en":
            continue
        s = page_score(page.truth, bodies.get(page.id, ""))
        print(f"  {language[page.id]} {s.f1:.3f} P {s.precision:.3f} R {s.recall:.3f} "
              f"{page.id[:12]} {page.url[:70]}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "evaldata")
    parser.add_argument("--cv", type=int, metavar="K", help="also the text column CV by site")
    parser.add_argument("--verbose", action="store_true", help="each non-English page")
    args = parser.parse_args()
    pages = load(args.data)
    language = gold_languages(args.data)
    columns: dict[str, dict[str, str]] = {}
    text = run_system("text", text_systems(pages)["newsloom"], pages)
    columns["text, shipped"] = {k: a.body for k, a in text.answers.items()}
    if args.cv:
        from seb_train import PageData, cv_bodies

        bodies, _ = cv_bodies(pages, [PageData(p) for p in pages], args.cv, verbose=False)
        columns[f"text, CV {args.cv} by site"] = bodies
    filtered = run_system("line filter", line_filter, pages)
    columns["line filter"] = {k: a.body for k, a in filtered.answers.items()}
    html = run_interleaved({"HTML": newsloom_html, "trafilatura": trafilatura_html}, pages)
    for run in html:
        columns[run.name] = {k: a.body for k, a in run.answers.items()}
    print(f"{len(pages)} SEB pages; body shingle F1 by the page-gold language")
    table(groups(pages, language), columns)
    if args.verbose:
        worst(pages, language, columns[next(iter(columns))])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
