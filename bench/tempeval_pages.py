"""TempEval-3 through the product path: the documents as JSONL pages, scored on ``analyze``.

    python bench/tempeval_pages.py [--data ../shared/evaldata/tempeval3] [--split dev|held|all]
                                   [--write-jsonl FILE] [--score EXPORT.json] [--harness]
                                   [--errors N]

``bench/tempeval.py`` calls ``find_times`` on the raw ``<TEXT>`` with the document creation time
as the anchor. This bench gives the same documents to newsloom the way a crawler would: one JSONL
page per document, ``{"id", "date", "text"}``, the creation day in ``date`` (the crawl date) and
no published date anywhere else. ``newsloom.pipeline.analyze`` then runs read → clean →
annotate (→ group → fuse), exactly as ``newsloom analyze pages.jsonl`` does, and the ``TimeRef``
of each article are scored against the TIMEX3 gold with tempeval.py's scorer (relaxed / strict
extent F1, value F1 = value accuracy × relaxed F1).

Clean may re-flow the text (paragraphs joined by blank lines) and drop lines it takes for a title
or page chrome, so each gold timex is aligned to the article body through the text's
non-whitespace characters; a gold timex whose characters are not all in the body, in order, is
"not aligned" and counts as missed (the product never annotated its text). The table reports how
many gold timexes aligned, and for how many pages the JSONL ``date`` reached the article as its
crawl date and as the anchor that relative expressions were resolved against.

``--write-jsonl FILE`` only writes the pages (then run ``newsloom analyze FILE > out.json``);
``--score out.json`` scores such an export instead of running ``analyze`` in process.
``--harness`` adds bench/tempeval.py's figure (``find_times`` on the raw text, the creation time
as the anchor, the same spaCy model) on the same split, for comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsloom.annotate import anchor_date
from newsloom.config import Settings
from newsloom.model import Article
from newsloom.pipeline import analyze
from tempeval import (
    ANCHORS,
    DEFAULT_DATA,
    Document,
    Score,
    Timex,
    documents,
    in_split,
    newsloom_system,
    score,
)


@dataclass
class Alignment:
    """Gold timexes mapped from the document text onto the article body (None: not aligned)."""

    gold: list[Timex | None]

    @property
    def aligned(self) -> int:
        return sum(g is not None for g in self.gold)


@dataclass
class Checks:
    """Did the page's ``date`` arrive, and were the gold spans found in the body?"""

    pages: int = 0
    articles: int = 0
    crawl_date: int = 0
    anchor: int = 0
    published: int = 0
    gold: int = 0
    aligned: int = 0
    notes: list[str] = field(default_factory=list)


def to_jsonl(docs: list[Document]) -> str:
    """One JSONL page per document: the creation day as the crawl date, the text as text."""
    lines = [
        json.dumps({"id": d.id, "date": d.dct.isoformat(), "text": d.text}, ensure_ascii=False)
        for d in docs
    ]
    return "\n".join(lines) + "\n"


def _non_space(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and the original offset of each character kept."""
    offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in offsets), offsets


def align(doc: Document, body: str) -> Alignment:
    """Each gold timex's extent in ``body``, through the non-whitespace characters of both."""
    src, src_at = _non_space(doc.text)
    dst, dst_at = _non_space(body)
    where: dict[int, int] = {}
    matcher = SequenceMatcher(None, src, dst, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            where[block.a + k] = block.b + k
    index = {offset: n for n, offset in enumerate(src_at)}
    out: list[Timex | None] = []
    for g in doc.gold:
        mapped = [where.get(index[i], -1) for i in range(g.start, g.end) if i in index]
        contiguous = bool(mapped) and mapped == list(range(mapped[0], mapped[0] + len(mapped)))
        if not contiguous or mapped[0] < 0:
            out.append(None)
            continue
        out.append(Timex(dst_at[mapped[0]], dst_at[mapped[-1]] + 1, g.value))
    return Alignment(out)


def score_articles(
    docs: list[Document], articles: dict[str, Article], keep_errors: int
) -> tuple[Score, Score, Checks]:
    """(score over all gold, score over aligned gold only, checks)."""
    every, aligned_only, checks = Score(), Score(), Checks()
    for doc in docs:
        checks.pages += 1
        checks.gold += len(doc.gold)
        article = articles.get(doc.id)
        if article is None:
            every.gold += len(doc.gold)
            checks.notes.append(f"{doc.id}: no article (rejected)")
            continue
        _check_dates(doc, article, checks)
        mapping = align(doc, article.body)
        checks.aligned += mapping.aligned
        system = [Timex(t.start, t.end, t.value) for t in article.times]
        found = [g for g in mapping.gold if g is not None]
        body_doc = Document(doc.id, article.body, doc.dct, found)
        aligned_only.add(body_doc, system, 0)
        every.add(body_doc, system, keep_errors)
        every.gold += len(doc.gold) - len(found)
    return every, aligned_only, checks


def _check_dates(doc: Document, article: Article, checks: Checks) -> None:
    checks.articles += 1
    checks.crawl_date += article.crawl_date == doc.dct.isoformat()
    checks.anchor += anchor_date(article) == doc.dct
    if article.published:
        checks.published += 1
        if len(checks.notes) < 5:
            checks.notes.append(f"{doc.id}: clean set published={article.published}")


def run_analyze(docs: list[Document]) -> tuple[dict[str, Article], float]:
    """Analyze the documents as one JSONL file, as ``newsloom analyze pages.jsonl`` does."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tempeval3.jsonl"
        path.write_text(to_jsonl(docs), encoding="utf-8")
        began = time.perf_counter()
        result = analyze([str(path)], Settings())
        seconds = time.perf_counter() - began
    for rejection in result.rejections:
        print(f"rejected: {rejection.input} {rejection.code}: {rejection.reason}")
    return {a.id: a for a in result.articles}, seconds


def read_export(path: Path) -> dict[str, Article]:
    """The articles of a ``newsloom analyze`` JSON export."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {a["id"]: Article.model_validate(a) for a in data["articles"]}


def _row(name: str, split: str, result: Score | tuple[float, float, float], extra: str) -> str:
    if isinstance(result, Score):
        sf, _, _, rf, rp, rr, vf = (100 * x for x in result.row())
        return (f"{name:42} {split:5} {result.gold:>5} {sf:9.1f} {rf:10.1f} {rp:5.1f} {rr:5.1f}"
                f" {vf:8.1f}  {extra}")  # fmt: skip
    sf, rf, vf = result
    return f"{name:42} {split:5} {'':>5} {sf:9.1f} {rf:10.1f} {'':5} {'':5} {vf:8.1f}  {extra}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=["dev", "held", "all", "each"], default="each")
    parser.add_argument("--write-jsonl", type=Path, help="only write the JSONL pages here")
    parser.add_argument("--score", type=Path, help="score this `newsloom analyze` JSON export")
    parser.add_argument("--errors", type=int, default=0, help="print N value errors (dev only)")
    parser.add_argument(
        "--harness", action="store_true", help="also run bench/tempeval.py's find_times + spaCy"
    )
    args = parser.parse_args()

    docs = list(documents(args.data))
    if not docs:
        raise SystemExit(f"no TimeML .tml documents under {args.data} (give --data)")
    if args.write_jsonl:
        args.write_jsonl.write_text(to_jsonl(docs), encoding="utf-8")
        print(f"wrote {len(docs)} pages to {args.write_jsonl}")
        return
    seconds = 0.0
    if args.score:
        articles, how = read_export(args.score), f"export {args.score.name}"
    else:
        articles, seconds = run_analyze(docs)
        how = "pipeline.analyze"
    splits = ["dev", "held", "all"] if args.split == "each" else [args.split]
    harness = None
    if args.harness:
        from newsloom.annotate.nlp import load_nlp

        harness = newsloom_system(load_nlp(Settings().spacy_models))
    head = f"{'system':42} {'split':5} {'gold':>5} {'strict F1':>9} {'relaxed F1':>10}"
    print(head + f" {'P':>5} {'R':>5} {'value F1':>8}  checks")
    for split in splits:
        part = [d for d in docs if in_split(d.id, split)]
        keep = args.errors if split == "dev" else 0
        every, aligned_only, checks = score_articles(part, articles, keep)
        for line in every.errors:
            print(line)
        extra = (f"pages {checks.articles}/{checks.pages}, crawl date {checks.crawl_date}, "
                 f"anchor = DCT {checks.anchor}, published set {checks.published}, "
                 f"gold aligned {checks.aligned}/{checks.gold}")  # fmt: skip
        print(_row(f"newsloom analyze JSONL ({how})", split, every, extra))
        print(_row("  same, aligned gold only", split, aligned_only, ""))
        for note in checks.notes[:5]:
            print(f"  note: {note}")
        if harness is not None:
            print(_row("bench harness (find_times + spaCy)", split, score(harness, part, 0), ""))
    for name, figures in ANCHORS.items():
        print(_row(name, "test", figures, ""))
    if seconds:
        print(f"analyze: {seconds:.1f} s for {len(docs)} pages")


if __name__ == "__main__":
    main()
