"""Documents that are not web pages: Markdown, JSON data, logs, code, configuration.

A crawl folder holds more than pages (a README, an answer key, a crawler's log), and read as
text each would become an "article" that joins or splits stories. They are refused with
NL-READ-010 instead: by their name, or by their content when the name says nothing (JSON data
that is not JSONL pages; a log, where most lines open with a timestamp or a log level).
A page format recognised by content wins over a name: a text capture or a whole HTML document
saved as ``.md`` is still read.
"""

from __future__ import annotations

import json
import re

from newsloom.read.html import SNIFF_CHARS

#: Names of documents that are not pages (after a ``.gz``), with what to call them.
NOT_PAGE_SUFFIXES: dict[str, str] = {
    ".md": "a Markdown document",
    ".markdown": "a Markdown document",
    ".rst": "a reStructuredText document",
    ".json": "JSON data",
    ".geojson": "JSON data",
    ".csv": "a CSV table",
    ".tsv": "a TSV table",
    ".log": "a log file",
    ".yaml": "a YAML file",
    ".yml": "a YAML file",
    ".toml": "a TOML file",
    ".ini": "a configuration file",
    ".cfg": "a configuration file",
    ".py": "source code",
    ".js": "source code",
    ".css": "a style sheet",
    ".sh": "a shell script",
    ".svg": "an SVG image",
}
#: Lines looked at to call a text a log, and the share of them that must look like log lines.
#: A news text has no run of lines that each open with a date and a clock time; a log has
#: little else. Judgement, not measured: at least 5 lines, 80% of the first 40.
LOG_SAMPLE_LINES = 40
LOG_MIN_LINES = 5
LOG_LINE_SHARE = 0.8

_DOCUMENT_START = re.compile(r"\A\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
#: "2024-11-02 09:30:01,123 INFO ...", "[2024-11-02T09:30:01Z] ...", "Nov  2 09:30:01 host",
#: "INFO:root:...", "[WARN] ...".
_LOG_LINE = re.compile(
    r"^\s*\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2}"
    r"|\d{2}:\d{2}:\d{2}[.,]\d+"
    r"|(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL)\b[\]:])"
)


def not_a_page(text: str, name: str = "", *, html_name: bool = False) -> str | None:
    """What ``text`` is when it is not a page ("a Markdown document"), else None.

    ``name`` is the lower-cased file name ('' for standard input); ``html_name`` means the
    name says HTML, which no content test overrules.
    """
    if _DOCUMENT_START.match(text[:SNIFF_CHARS]):
        return None
    by_name = NOT_PAGE_SUFFIXES.get(_suffix(name))
    if by_name is not None:
        return f"{by_name} ({_suffix(name)}), not a web page"
    if html_name:
        return None
    if is_json_data(text):
        return 'JSON data that is not JSONL pages (no "html" or "text" per line)'
    if looks_like_log(text):
        return "a log file: its lines open with timestamps or log levels"
    return None


def _suffix(name: str) -> str:
    name = name.removesuffix(".gz")
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


def is_json_data(text: str) -> bool:
    """The whole text is one JSON document, or its first non-blank line is a JSON object
    (JSON lines): data, not prose. A text whose first line is ``[1]`` is not."""
    stripped = text.lstrip()
    if stripped[:1] not in ("{", "["):
        return False
    first = stripped.split("\n", 1)[0]
    return isinstance(_parsed(first), dict) or _parsed(stripped) is not None


def _parsed(text: str) -> object:
    """The JSON value of ``text``, or None when it is not JSON (or is JSON ``null``)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def looks_like_log(text: str) -> bool:
    lines = [line for line in text[: SNIFF_CHARS * 4].split("\n") if line.strip()]
    sample = lines[:LOG_SAMPLE_LINES]
    if len(sample) < LOG_MIN_LINES:
        return False
    hits = sum(1 for line in sample if _LOG_LINE.match(line))
    return hits >= LOG_LINE_SHARE * len(sample)
