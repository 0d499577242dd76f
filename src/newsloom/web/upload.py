"""The one write path: pages uploaded with the token given at start, ingested by one writer.

Writes go through a single worker thread that owns the store's write connection (Datasette's
``execute_write_fn`` shape); the request waits for its batch. Without a token the server is
read-only and the upload endpoints answer 403 ``read_only``.
"""

from __future__ import annotations

import hmac
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

#: Upload cap per request (bytes, all files together). The pipeline's own per-page cap still
#: applies; this one stops a runaway client from filling the disk.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(slots=True)
class UploadResult:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    stories: int = 0
    rejections: list[dict[str, str]] = field(default_factory=list)


#: Ingests files into the store at a path. The default runs the whole pipeline (spaCy);
#: tests pass a small fake.
Ingester = Callable[[Path, Sequence[Path]], UploadResult]


def pipeline_ingester(db: Path, paths: Sequence[Path]) -> UploadResult:
    from newsloom.config import Settings  # imported here: spaCy is slow to import
    from newsloom.pipeline import ingest
    from newsloom.store import Store

    with Store(db) as store:
        report = ingest([str(p) for p in paths], store, Settings())
    return UploadResult(
        added=report.added,
        updated=report.updated,
        skipped=report.skipped,
        stories=report.stories,
        rejections=[r.model_dump(mode="json") for r in report.rejections],
    )


def token_ok(expected: str | None, given: str | None) -> bool:
    """Constant-time token check; always False when the server has no token (read-only)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


def bearer(header: str | None) -> str | None:
    if header and header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


def safe_name(name: str | None, n: int) -> str:
    """A file name to save an upload under: its last path part, tame characters only."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE_NAME.sub("_", base).lstrip(".")
    return base[:120] or f"upload-{n}.txt"


class Writer:
    """One thread that runs every ingest, one at a time."""

    def __init__(self, db: Path, ingester: Ingester) -> None:
        self._db = db
        self._ingester = ingester
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsloom-writer")

    def ingest(self, files: Sequence[tuple[str, bytes]]) -> UploadResult:
        folder = Path(tempfile.mkdtemp(prefix="newsloom-upload-"))
        try:
            paths = []
            for n, (name, content) in enumerate(files):
                path = folder / f"{n:04d}" / safe_name(name, n)  # the page id is its name
                path.parent.mkdir()
                path.write_bytes(content)
                paths.append(path)
            return self._pool.submit(self._ingester, self._db, paths).result()
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
