"""The library's front door: ``newsloom.analyze`` (in memory) and ``newsloom.open`` (a store).

    >>> import newsloom
    >>> result = newsloom.analyze(["crawl/"])          # read → clean → annotate → group → fuse
    >>> for story in result.stories:
    ...     print(story.id, story.title, len(story.articles))
    >>> with newsloom.open("newsloom.db") as store:    # created when missing, migrated when old
    ...     report = store.ingest(["crawl/"])
    ...     dossier = store.dossier(store.stories()[0].id)

The CLI and the web app are clients of the same calls. Loading the spaCy model takes a few
seconds: pass ``nlp=newsloom.load_nlp()`` to reuse one across calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, overload

from spacy.language import Language

from newsloom import pipeline
from newsloom.config import Settings
from newsloom.model import Page, Rejection, Result
from newsloom.read import read_inputs
from newsloom.store import Store as _BaseStore
from newsloom.store import StoreReader

Inputs = str | Path | Page | Iterable[str | Path | Page]


class Store(_BaseStore):
    """A store opened for writing (see :class:`newsloom.store.Store` for every read method:
    ``stories()``, ``story(id)``, ``dossier(id)``, ``articles(ids)``, ``search(q)``, …), plus the
    pipeline's writes."""

    def ingest(
        self,
        paths: str | Path | Sequence[str | Path],
        settings: Settings | None = None,
        nlp: Language | None = None,
        workers: int = 1,
        cluster: str | None = None,
    ) -> pipeline.IngestReport:
        """Add the pages under ``paths`` (files, folders, globs) and regroup what changed;
        ``workers`` processes (0: one per core) or a Dask ``cluster`` (``local:N`` or a
        scheduler address) clean and annotate, with the same result."""
        return pipeline.ingest(
            _paths(paths), self, settings or Settings(), nlp=nlp, workers=workers, cluster=cluster
        )

    def regroup(self) -> int:
        """Recompute every story and dossier; return how many stories there are."""
        return pipeline.regroup(self)


def analyze(
    inputs: Inputs, settings: Settings | None = None, nlp: Language | None = None
) -> Result:
    """Run every stage in memory on paths (files, folders, globs) and/or ``Page`` objects."""
    settings = settings or Settings()
    items = [inputs] if isinstance(inputs, str | Path | Page) else list(inputs)
    return pipeline.analyze_items(_items(items, settings), settings, nlp=nlp)


@overload
def open(db: str | Path, *, read_only: Literal[False] = False) -> Store: ...


@overload
def open(db: str | Path, *, read_only: Literal[True]) -> StoreReader: ...


def open(db: str | Path, *, read_only: bool = False) -> Store | StoreReader:
    """Open the store file ``db``: for writing (created when missing, migrated when old), or
    ``read_only`` (must exist; never written). Use it as a context manager."""
    return StoreReader(Path(db)) if read_only else Store(db)


def load_nlp(settings: Settings | None = None) -> Language:
    """The spaCy pipeline newsloom uses (load once, pass to ``analyze``/``ingest``)."""
    from newsloom.annotate import load_nlp as _load

    return _load((settings or Settings()).spacy_models)


def _paths(paths: str | Path | Sequence[str | Path]) -> list[str]:
    return [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]


def _items(items: list[str | Path | Page], settings: Settings) -> Iterator[Page | Rejection]:
    """Pages as given, paths read, in the order given."""
    for item in items:
        if isinstance(item, Page):
            yield item
        else:
            yield from read_inputs([str(item)], settings)
