"""newsloom: turn a crawl of news pages into stories with cross-source dossiers."""

from newsloom.config import Settings
from newsloom.errors import Code
from newsloom.model import SCHEMA, Article, Dossier, Page, Rejection, Result, Story

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
    "Story",
    "__version__",
]
