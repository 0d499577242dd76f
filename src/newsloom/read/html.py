"""What marks text as HTML: markup sniffing and the charset a page declares."""

from __future__ import annotations

import re

#: How far into a document to look for its opening tags or a charset declaration.
SNIFF_CHARS = 4096
#: Tags in the first ``SNIFF_CHARS`` characters that make text count as markup when it has no
#: ``<html>``/``<head>``/``<body>``/doctype. A judgment, not measured: plain prose almost never
#: holds six tags, a saved HTML fragment almost always does.
MIN_MARKUP_TAGS = 6

_DOCUMENT_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_FEED_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""\A<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def looks_like_markup(text: str) -> bool:
    """Text starts with a tag and has a doctype/``<html>``/``<head>``/``<body>`` near the top,
    or is dense with tags near the top."""
    head = text[:SNIFF_CHARS]
    if head.lstrip().startswith("<") and _DOCUMENT_TAG.search(head):
        return True
    return len(_ANY_TAG.findall(head)) >= MIN_MARKUP_TAGS


def is_feed(text: str) -> bool:
    """An RSS, Atom or RDF feed (not read by this stage yet)."""
    return _FEED_START.match(text[:SNIFF_CHARS]) is not None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta>`` or an XML declaration)."""
    head = data[:SNIFF_CHARS]
    match = _META_CHARSET.search(head) or _XML_ENCODING.match(head)
    return match.group(1).decode("ascii") if match else None


def content_type_charset(content_type: str | None) -> tuple[str, str | None]:
    """``(mime, charset)`` from an HTTP Content-Type value; mime lower-cased, '' if absent."""
    if not content_type:
        return "", None
    mime, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return mime.strip().lower(), charset
