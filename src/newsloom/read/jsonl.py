"""JSONL input: one page per line, keys ``id``, ``url``, ``date``, ``source``, ``html``/``text``.

Every line is read on its own: a line that is not a page (bad JSON, nested past the parser's
depth, an id that cannot be one) is a rejection of that line, and the next line is read.
A line's id is its ``id``, else its ``url``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsloom.errors import Code
from newsloom.ids import id_problem
from newsloom.model import Page, Rejection
from newsloom.read.decode import normalise
from newsloom.read.pages import Origin, html_page, parse_iso_date, text_page
from newsloom.read.reject import ReadError, one_line, rejection
from newsloom.read.streams import Line

_JSON_TYPES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


def read_jsonl(lines: Iterable[Line], label: str, cap: int) -> Iterator[Page | Rejection]:
    """One Page or Rejection per non-blank line; input is ``label#L<number>``."""
    seen = False
    for line in lines:
        if line.size <= cap and not line.data.strip():
            continue
        seen = True
        yield _read_line(line, label, cap)
    if not seen:
        raise ReadError(Code.EMPTY, "JSONL input holds no lines")


def _read_line(line: Line, label: str, cap: int) -> Page | Rejection:
    where = f"{label}#L{line.number}"
    try:
        return _page_from_line(line, where, cap)
    except ReadError as exc:
        return rejection(where, exc.code, f"line {line.number}: {exc.reason}")
    except MemoryError:
        return rejection(where, Code.OVER_MEMORY, f"line {line.number}: out of memory")
    except Exception as exc:  # one line never stops the file: the next line is read
        reason = one_line(f"line {line.number}: unexpected {type(exc).__name__}: {exc}")
        return rejection(where, Code.MALFORMED_LINE, reason)


def _page_from_line(line: Line, where: str, cap: int) -> Page:
    if line.size > cap:
        raise ReadError(Code.TOO_LARGE, f"{line.size:,} bytes exceeds the {cap:,}-byte cap")
    record = _parse_object(line.data)
    html, text = record.get("html"), record.get("text")
    if not isinstance(html, str) and not isinstance(text, str):
        raise _malformed('no "html" or "text" string')
    origin = Origin(
        id=_require_id(record),
        input=where,
        url=_optional_str(record, "url"),
        source=_optional_str(record, "source"),
        crawl_date=parse_iso_date(record.get("date")),
        encoding="utf-8",
    )
    if isinstance(html, str):
        return html_page(normalise(html), origin)
    return text_page(normalise(str(text)), origin)


def _parse_object(data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _malformed(f"not valid UTF-8 (bad byte at offset {exc.start:,})") from exc
    try:
        value = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise _malformed(f"not valid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise _malformed("JSON nested too deeply to read") from exc
    if not isinstance(value, dict):
        kind = "null" if value is None else _JSON_TYPES.get(type(value), "value")
        raise _malformed(f"a JSON {kind}, not an object")
    return value


def _require_id(record: dict[str, Any]) -> str:
    """The line's ``id``, else its ``url``; an id that cannot name a page is refused."""
    value = record.get("id")
    key = "id"
    if value is None:
        value, key = record.get("url"), "url"
        if not isinstance(value, str) or not value.strip():
            raise _malformed('has page content but no "id" (nor a "url" to name it by)')
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        shown = json.dumps(value, ensure_ascii=True)[:40]
        raise _malformed(f'"{key}" must be a non-empty string, not {shown}')
    page_id = str(value).strip()
    problem = id_problem(page_id)
    if problem is not None:
        raise _malformed(f'"{key}" {problem}')
    return page_id


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _malformed(reason: str) -> ReadError:
    return ReadError(Code.MALFORMED_LINE, reason)
