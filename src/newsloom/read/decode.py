"""Bytes to text: BOM, declared charset, UTF-8, a confident guess, then windows-1252.

Also refuses binary content (NUL bytes, many control bytes) before any decoding is tried.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from newsloom.errors import Code
from newsloom.read.html import declared_charset
from newsloom.read.reject import ReadError

WINDOWS_1252 = "windows-1252"

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Bytes sampled for binary detection and for the encoding guess.
SAMPLE_BYTES = 256 * 1024
#: Control bytes (C0 other than tab/newline/CR/FF/VT/ESC, plus DEL) above this share of the
#: sample mean binary. Text has ~0; random bytes have ~11%. Half-way-ish, not measured further.
MAX_CONTROL_SHARE = 0.05
#: UTF-16 without a BOM: share of the even (or odd) bytes that are NUL, for ASCII-heavy text.
UTF16_NUL_SHARE = 0.4
#: charset-normalizer "chaos" (mess ratio) above which its guess is not trusted at all.
MAX_GUESS_CHAOS = 0.2
#: A guess other than windows-1252 must be this much less messy than the windows-1252 reading
#: to win: on short Western text the detector cannot tell Latin code pages apart (it picks
#: cp1250 or cp775 for "Café … “quoted”" with chaos 0.0, where windows-1252 also scores 0.0).
GUESS_MARGIN = 0.1
#: windows-1252 fallback: at most one C1 control character per this many characters.
C1_CHARS_PER_ALLOWED = 1000
#: "Mostly UTF-8": invalid sequences allowed, relative to valid non-ASCII characters.
UTF8_VALID_PER_ERROR = 20

_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32), 127])
_C1 = re.compile("[\x80-\x9f]")
_SURROGATE_ESCAPE = re.compile("[\udc80-\udcff]")
_NEWLINES = re.compile(r"\r\n?")
_WHATWG_AS_1252 = frozenset({"cp1252", "iso8859-1", "latin-1", "ascii"})
_WHATWG_AS_UTF8 = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"})


class Decoded(NamedTuple):
    text: str
    encoding: str


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` (newlines normalised to ``\\n``, no leading BOM) or raise ``ReadError``.

    ``declared`` is a charset from outside the content (an HTTP header); the content's own
    ``<meta charset>`` is tried after it.
    """
    found = _with_bom(data) or _refuse_binary(data) or _text_by_rules(data, declared)
    if found is None:
        raise ReadError(Code.UNDECODABLE, "not UTF-8, and no declared or detectable encoding fits")
    return Decoded(normalise(found.text), found.encoding)


def normalise(text: str) -> str:
    """Newlines to ``\\n``; a leading BOM character dropped."""
    return _NEWLINES.sub("\n", text.removeprefix("\ufeff"))


def _with_bom(data: bytes) -> Decoded | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    Code.UNDECODABLE,
                    f"has a {encoding} byte-order mark but is not {encoding} "
                    f"(bad byte at offset {exc.start + len(bom):,})",
                ) from exc
    return None


def _refuse_binary(data: bytes) -> Decoded | None:
    """UTF-16 text without a BOM, None for ordinary text; raise NOT_TEXT for binary."""
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ReadError(Code.NOT_TEXT, "binary content: it contains NUL bytes")
        return utf16
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        share = controls / len(sample)
        raise ReadError(Code.NOT_TEXT, f"binary content: {share:.0%} of its bytes are controls")
    return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """ASCII-heavy UTF-16 has NUL in every other byte: high bytes NUL for LE, low for BE."""
    sample = data[: SAMPLE_BYTES - SAMPLE_BYTES % 2]
    pairs = len(sample) // 2
    if pairs == 0 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0) / pairs, sample[1::2].count(0) / pairs
    encoding = None
    if odd >= UTF16_NUL_SHARE and even == 0:
        encoding = "utf-16-le"
    elif even >= UTF16_NUL_SHARE and odd == 0:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _text_by_rules(data: bytes, declared: str | None) -> Decoded | None:
    for label in (declared, declared_charset(data)):
        found = _as_declared(data, label)
        if found is not None:
            return found
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _mostly_utf8(data) or _guess(data) or _windows_1252_fallback(data)


def _as_declared(data: bytes, label: str | None) -> Decoded | None:
    """Decode with a declared charset, read the way browsers read it (WHATWG: latin-1 and
    ASCII mean windows-1252; a UTF-16 label on ASCII-compatible bytes means UTF-8)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _WHATWG_AS_1252:
        return Decoded(windows_1252(data), WINDOWS_1252)
    if name in _WHATWG_AS_UTF8:
        name = "utf-8"
    try:
        return Decoded(data.decode(name), name)
    except UnicodeDecodeError:
        return None


def windows_1252(data: bytes) -> str:
    """windows-1252 as browsers decode it: the five undefined bytes map to C1 controls."""
    text = data.decode("cp1252", errors="surrogateescape")
    return _SURROGATE_ESCAPE.sub(lambda m: chr(ord(m.group()) - 0xDC00), text)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray bytes (a common crawl defect): decode with U+FFFD for those."""
    sample = data[:SAMPLE_BYTES].decode("utf-8", errors="replace")
    errors = sample.count("\ufffd")
    valid = sum(1 for char in sample if char > "\x7f") - errors
    if valid < UTF8_VALID_PER_ERROR * max(errors, 1):
        return None
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8")


def _guess(data: bytes) -> Decoded | None:
    """charset-normalizer's best guess, if it is confident and beats windows-1252."""
    best = from_bytes(data[:SAMPLE_BYTES]).best()
    if best is None or best.chaos > MAX_GUESS_CHAOS:
        return None
    name = codecs.lookup(best.encoding).name
    if name != "cp1252":
        as_1252 = windows_1252(data[:SAMPLE_BYTES])
        if not _c1_excess(as_1252) and mess_ratio(as_1252) <= best.chaos + GUESS_MARGIN:
            return None
    try:
        return Decoded(data.decode(name), name if name != "cp1252" else WINDOWS_1252)
    except UnicodeDecodeError:
        return None


def _windows_1252_fallback(data: bytes) -> Decoded | None:
    text = windows_1252(data)
    return None if _c1_excess(text) else Decoded(text, WINDOWS_1252)


def _c1_excess(text: str) -> bool:
    return len(_C1.findall(text)) * C1_CHARS_PER_ALLOWED > len(text)
