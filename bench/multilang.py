"""Synthetic pages in seven languages (tests/multilang_pages.py), by language: body shingle F1
from the text capture and from the HTML, beside the line filter and trafilatura, plus the
headline, the publication day and the byline read from the capture.

    python bench/multilang.py [--variants 5] [--verbose]

The pages are generated at run time from fictional stories and chrome written for the tests
(nothing from any publisher); English runs the same layouts as a control. Each page is cleaned
on its own (no site chrome learned across pages). This checks the non-English handling on pages
nobody tuned the line model on; it is not an estimate for real sites, since the chrome was
written by the same hand as the vocabularies.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from multilang_pages import PUBLISHED, SynthPage, pages
from newsloom.clean import clean
from newsloom.model import Article
from newsloom.read.capture import parse_capture
from newsloom.read.pages import Origin, capture_page, html_page
from seb_score import PageScore, metrics, page_score
from seb_systems import longest_run


def text_article(page: SynthPage) -> Article | None:
    capture = parse_capture(page.capture)
    assert capture is not None
    result = clean(capture_page(capture, Origin(id=page.id, input=f"{page.id}.txt")))
    return result if isinstance(result, Article) else None


def html_article(page: SynthPage) -> Article | None:
    result = clean(html_page(page.html, Origin(id=page.id, input=f"{page.id}.html")))
    return result if isinstance(result, Article) else None


def trafilatura_body(page: SynthPage) -> str:
    import trafilatura

    return trafilatura.extract(page.html, include_comments=False) or ""


def line_filter_body(page: SynthPage) -> str:
    """bench/seb_systems' line filter on a synthetic capture."""
    capture = parse_capture(page.capture)
    return longest_run(capture.text if capture else "")


def fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", type=int, default=5, help="layouts of each story")
    parser.add_argument("--verbose", action="store_true", help="chrome kept, body lost, per page")
    parser.add_argument(
        "--held-out", action="store_true", help="the chrome written after tuning, never tuned on"
    )
    args = parser.parse_args()
    synth = pages(args.variants, held_out=args.held_out)
    scores: dict[str, dict[str, list[PageScore]]] = defaultdict(lambda: defaultdict(list))
    facts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for page in synth:
        text = text_article(page)
        html = html_article(page)
        row = scores[page.language]
        row["text"].append(page_score(page.body, text.body if text else ""))
        row["line filter"].append(page_score(page.body, line_filter_body(page)))
        row["HTML"].append(page_score(page.body, html.body if html else ""))
        row["trafilatura"].append(page_score(page.body, trafilatura_body(page)))
        f = facts[page.language]
        f["pages"] += 1
        f["headline"] += bool(text and fold(text.title) == fold(page.headline))
        f["day"] += bool(text and (text.published or "")[:10] == PUBLISHED)
        f["byline"] += bool(text and tuple(text.byline) == page.byline)
        f["language"] += bool(text and text.language == page.language)
        if args.verbose and text:
            report(page, text)
    chrome = "held-out chrome (never tuned on)" if args.held_out else "dev chrome"
    layouts = f"{args.variants} layouts of 2 stories a language"
    print(f"{len(synth)} synthetic pages, {layouts}, {chrome}\n")
    names = ["text", "line filter", "HTML", "trafilatura"]
    print("| language | pages | " + " | ".join(f"{n} F1" for n in names)
          + " | capture: headline | day | byline | language |")  # fmt: skip
    print("|---|---|" + "---|" * (len(names) + 4))
    every: dict[str, list[PageScore]] = defaultdict(list)
    for language, row in scores.items():
        f = facts[language]
        n = f["pages"]
        cells = [f"{metrics(row[name]).f1:.3f}" for name in names]
        shares = [f"{f[k] / n:.2f}" for k in ("headline", "day", "byline", "language")]
        print(f"| {language} | {n} | " + " | ".join(cells + shares) + " |")
        if language != "en":
            for name in names:
                every[name].extend(row[name])
    cells = [f"{metrics(every[name]).f1:.3f}" for name in names]
    print(f"| not English | {len(every['text'])} | " + " | ".join(cells) + " | | | | |")
    return 0


def report(page: SynthPage, article: Article) -> None:
    """Chrome lines kept as paragraphs, gold paragraphs missing (whole paragraphs compared)."""
    got = {fold(p) for p in article.body.split("\n\n")}
    kept = sorted({line for line in page.chrome_lines if fold(line) in got})
    lost = [p for p in page.body.split("\n\n") if fold(p) not in got]
    if kept or lost:
        print(f"{page.id}: chrome kept {kept}; body lost {[p[:50] for p in lost]}")


if __name__ == "__main__":
    raise SystemExit(main())
