"""newsloom: turn a crawl of news pages into stories with cross-source dossiers.

The library's front door (see ``newsloom.api``)::

    import newsloom

    result = newsloom.analyze(["crawl/"])        # in memory: Result(articles, stories, dossiers)
    with newsloom.open("newsloom.db") as store:  # a store file: ingest, stories, dossiers, search
        store.ingest(["crawl/"])
        print([s.title for s in store.stories()])

Every name below is loaded on first use (``analyze``, ``open``, ``Store`` and ``load_nlp`` bring
the pipeline, spaCy included), so ``import newsloom`` — and ``newsloom --help`` — stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsloom.api import Store, analyze, load_nlp, open
    from newsloom.config import Settings
    from newsloom.errors import Code
    from newsloom.model import SCHEMA, Article, Dossier, Page, Rejection, Result, Story
    from newsloom.store import StoreReader

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Article",
    "Code",
    "Dossier",
    "Page",
    "Rejection",
    "Result",
    "Settings",
    "Store",
    "StoreReader",
    "Story",
    "__version__",
    "analyze",
    "load_nlp",
    "open",
]

_LAZY = {
    "SCHEMA": "newsloom.model",
    "Article": "newsloom.model",
    "Dossier": "newsloom.model",
    "Page": "newsloom.model",
    "Rejection": "newsloom.model",
    "Result": "newsloom.model",
    "Story": "newsloom.model",
    "Settings": "newsloom.config",
    "Code": "newsloom.errors",
    "analyze": "newsloom.api",
    "open": "newsloom.api",
    "Store": "newsloom.api",
    "load_nlp": "newsloom.api",
    "StoreReader": "newsloom.store",
}


def __getattr__(name: str) -> Any:
    """Load the pipeline's entry points on first use (spaCy takes seconds to import)."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsloom' has no attribute {name!r}")
