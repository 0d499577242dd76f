"""Convert ECB+ tokenised XML documents into newsloom JSONL input, one line per document.

    python bench/ecbplus_to_jsonl.py OUT.jsonl [--root ../shared/evaldata/ecbplus]
                                     [--topics 1-25]

Each line is ``{"id": "<topic>_<file stem>", "text": ...}`` with no date: ECB+ documents carry
no publication date. Text is rebuilt from the tokens: one sentence per line, a blank line between
sentences (ECB+ keeps no paragraphs), punctuation attached the way it was printed. The URL that
ECB+ keeps as sentence 0 of many ``*ecbplus.xml`` files is page metadata, not text: it is
dropped (it would otherwise give every ``ecbplus`` document shared "http www com" terms that the
``ecb`` ones lack). ECB+'s tokeniser also cut decimals in the ``ecbplus`` files into three tokens
("5", ".", "9" for a magnitude of 5.9; "$2.6 million" likewise) while the ``ecb`` files keep
"5.6" whole: a number, a full stop and a number inside one sentence are glued back, as the page
printed them (a sentence ends at its full stop in ECB+, so a full stop between two digit tokens
of one sentence is a decimal point). This is ECB+'s artefact alone, so it is repaired here and
not in the product. Never write the output into the repository: the data is not ours.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "ecbplus"

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "''", "'", "...", "’s"}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "#"}
_QUOTES = {"``": "“", "''": "”"}
_URL_RE = re.compile(r"^https?\s*:\s*/\s*/")
_CLOCK_RE = re.compile(r"\b(\d{1,2}): (\d\d)\b")


def parse_topics(spec: str) -> list[int]:
    """``"1-25"`` or ``"1,3,26-35"`` → sorted topic numbers."""
    out: set[int] = set()
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out.update(range(int(lo), int(hi or lo) + 1))
    return sorted(out)


def detokenise(tokens: list[str]) -> str:
    """Join tokens with the spacing a printed sentence has."""
    out: list[str] = []
    glue = True
    for k, tok in enumerate(tokens):
        if out and not glue and tok not in _NO_SPACE_BEFORE and tok not in {"-", "/"}:
            out.append(" ")
        out.append(_QUOTES.get(tok, tok))
        glue = tok in _NO_SPACE_AFTER or tok in {"-", "/"} or decimal_point(tokens, k)
    return _CLOCK_RE.sub(r"\1:\2", "".join(out).strip())


def decimal_point(tokens: list[str], k: int) -> bool:
    """``tokens[k]`` is a full stop between two digit tokens ("5", ".", "9"): the decimal
    point ECB+'s tokeniser cut out of "5.9"."""
    return (
        tokens[k] == "."
        and 0 < k < len(tokens) - 1
        and tokens[k - 1].isdigit()
        and tokens[k + 1].isdigit()
    )


def document_text(path: Path) -> str:
    """The document's sentences, one per paragraph, the leading URL dropped."""
    sentences: dict[int, list[str]] = {}
    for token in ElementTree.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    lines = [detokenise(sentences[k]) for k in sorted(sentences)]
    if lines and _URL_RE.match(lines[0]):
        lines = lines[1:]
    return "\n\n".join(line for line in lines if line)


def gold_event(doc_id: str) -> str:
    """Gold event of a converted document id: topic + ``ecb`` or ``ecbplus``."""
    topic, _, stem = doc_id.partition("_")
    return f"{topic}:{'ecbplus' if stem.endswith('ecbplus') else 'ecb'}"


def documents(root: Path, topics: list[int]) -> Iterator[dict[str, str]]:
    for topic in topics:
        folder = root / str(topic)
        if not folder.is_dir():
            continue  # ECB+ has no topics 15 and 17
        for path in sorted(folder.glob("*.xml")):
            yield {"id": f"{topic}_{path.stem}", "text": document_text(path)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--topics", default="1-35")
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parents[1]
    if args.out.resolve().is_relative_to(repo):
        parser.error("write ECB+ output outside the repository (the data is not ours)")
    n = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for doc in documents(args.root, parse_topics(args.topics)):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} documents → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
