"""Tests for the read stage. Every fixture is written here, in tmp_path, from short made-up texts."""

from __future__ import annotations

import gzip
import io
import json
import random
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import newsloom.read
from newsloom.config import DEFAULT_MAX_BYTES, Settings
from newsloom.errors import Code
from newsloom.model import Page, Rejection
from newsloom.read import read_inputs
from newsloom.read.decode import decode

SEEDS = Path("/work/shared/seeds")

CAPTURE = (
    " date 2024-03-05 Harbour council approves new ferry line\n"
    "\n"
    "PORT AVEL — The harbour council voted on Tuesday to open a ferry line to the islands.\n"
)
HTML = (
    "<!DOCTYPE html>\n<html><head><title>Ferry line</title></head>\n"
    "<body><h1>Ferry line approved</h1><p>The council voted on Tuesday.</p></body></html>\n"
)
CAFE_1252 = (
    " date 2024-03-05 Café owners in Montréal said the “new rules” were unfair – and costly.\n"
).encode("cp1252")


def read(
    paths: Iterable[str | Path], settings: Settings | None = None, stdin: io.BytesIO | None = None
) -> list[Page | Rejection]:
    return list(read_inputs([str(p) for p in paths], settings or Settings(), stdin))


def ids(results: list[Page | Rejection]) -> list[str]:
    """The ids of the results, which must all be pages."""
    pages = [r for r in results if isinstance(r, Page)]
    assert len(pages) == len(results), results
    return [p.id for p in pages]


def one_page(path: Path, settings: Settings | None = None) -> Page:
    [result] = read([path], settings)
    assert isinstance(result, Page), result
    return result


def one_rejection(path: Path | str, settings: Settings | None = None) -> Rejection:
    [result] = read([path], settings)
    assert isinstance(result, Rejection), result
    return result


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def html_body(n: int) -> bytes:
    """A page whose text barely compresses, so a cut in a gzip lands inside its record."""
    words = random.Random(n).choices(["ferry", "harbour", "council", "island", "vote"], k=600)
    return f"<html><body><p>Story {n}: {' '.join(words)}</p></body></html>".encode()


def warc_record(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2024-11-02T09:30:00Z"},
    )
    writer.write_record(record)


# ------------------------------------------------------------------------------ captures


def test_capture_keeps_first_line_and_reads_date_and_id(tmp_path: Path) -> None:
    page = one_page(write(tmp_path / "001_ferry.txt", CAPTURE))
    assert page.format == "capture"
    assert page.id == "001_ferry"
    assert page.crawl_date == date(2024, 3, 5)
    assert page.text is not None
    assert page.text.startswith("Harbour council approves new ferry line\n\nPORT AVEL")
    assert "date 2024" not in page.text
    assert page.input == str(tmp_path / "001_ferry.txt")
    assert page.encoding == "utf-8"


def test_capture_without_leading_space(tmp_path: Path) -> None:
    page = one_page(write(tmp_path / "a.txt", CAPTURE.lstrip(" ")))
    assert page.format == "capture"
    assert page.crawl_date == date(2024, 3, 5)
    assert page.text is not None and page.text.startswith("Harbour council")


def test_capture_with_only_the_date_line_is_empty(tmp_path: Path) -> None:
    rejection = one_rejection(write(tmp_path / "a.txt", " date 2024-03-05 \n\n  \n"))
    assert rejection.code == Code.EMPTY
    assert "date line" in rejection.reason


def test_crlf_is_normalised_and_digest_is_stable(tmp_path: Path) -> None:
    unix = one_page(write(tmp_path / "unix.txt", CAPTURE))
    dos = one_page(write(tmp_path / "dos.txt", CAPTURE.replace("\n", "\r\n")))
    assert dos.text == unix.text
    assert dos.digest == unix.digest
    assert len(unix.digest) == 64


# ---------------------------------------------------------------------------------- HTML


def test_html_by_extension(tmp_path: Path) -> None:
    page = one_page(write(tmp_path / "ferry.html", "<p>Short fragment</p>"))
    assert page.format == "html"
    assert page.id == "ferry"
    assert page.html == "<p>Short fragment</p>"
    assert page.text is None


def test_html_by_content_saved_as_txt(tmp_path: Path) -> None:
    page = one_page(write(tmp_path / "saved.txt", HTML))
    assert page.format == "html"
    assert page.id == "saved"


def test_html_gz(tmp_path: Path) -> None:
    page = one_page(write(tmp_path / "ferry.html.gz", gzip.compress(HTML.encode())))
    assert page.format == "html"
    assert page.id == "ferry"
    assert page.html == HTML


def test_rss_feed_is_unsupported(tmp_path: Path) -> None:
    feed = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>'
    assert one_rejection(write(tmp_path / "feed.xml", feed)).code == Code.UNSUPPORTED


# ----------------------------------------------------------------------------- encodings


def test_utf16_with_bom(tmp_path: Path) -> None:
    text = "Le maire a dit « bonjour » aux habitants de Saint-Érable.\n"
    page = one_page(write(tmp_path / "fr.txt", text.encode("utf-16")))
    assert page.format == "text"
    assert page.text == text
    assert page.encoding is not None and page.encoding.startswith("utf-16")


def test_utf16_without_bom(tmp_path: Path) -> None:
    text = "The ferry sails at noon, said the harbour master.\n"
    page = one_page(write(tmp_path / "le.txt", text.encode("utf-16-le")))
    assert page.text == text


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    page = one_page(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + CAPTURE.encode()))
    assert page.format == "capture"
    assert page.text is not None and not page.text.startswith("\ufeff")


def test_windows_1252_html_with_declared_charset(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Ferry</title></head>'
        "<body><p>She said “we will sail” on Friday.</p></body></html>"
    )
    page = one_page(write(tmp_path / "w.html", html.encode("cp1252")))
    assert page.html is not None
    assert "“we will sail”" in page.html
    assert page.encoding == "windows-1252"


def test_latin1_declared_in_http_equiv_reads_as_windows_1252(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        "</head><body><p>“Quoted”</p></body></html>"
    )
    page = one_page(write(tmp_path / "l.html", html.encode("cp1252")))
    assert page.html is not None and "“Quoted”" in page.html


def test_windows_1252_capture_without_declaration(tmp_path: Path) -> None:
    data = (
        " date 2024-03-05 The mayor said “we will rebuild the bridge” on Tuesday.\n\n"
        "Residents of Lakeview welcomed the news.\n"
    ).encode("cp1252")
    page = one_page(write(tmp_path / "mayor.txt", data))
    assert page.format == "capture"
    assert page.text is not None
    assert page.text.startswith("The mayor said “we will rebuild the bridge” on Tuesday.")


def test_windows_1252_beats_a_lookalike_code_page_guess(tmp_path: Path) -> None:
    # charset-normalizer alone guesses cp775 here ("Cafķ", "ōnew rulesö").
    page = one_page(write(tmp_path / "cafe.txt", CAFE_1252))
    assert page.text == "Café owners in Montréal said the “new rules” were unfair – and costly.\n"
    assert page.encoding == "windows-1252"


def test_confident_guess_for_a_non_latin_code_page() -> None:
    text = (
        "Паром отправится в полдень, сказал начальник порта. Жители острова рады новой линии, "
        "которая соединит их с материком уже этим летом."
    )
    assert decode(text.encode("cp1251")).text == text


def test_mostly_utf8_with_a_stray_byte() -> None:
    data = ("Jürgen’s café “review” — naïve résumé. " * 4).encode() + b"\x93 end"
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("Jürgen’s café")


# -------------------------------------------------------------------------------- binary


def test_png_is_not_text(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    rejection = one_rejection(write(tmp_path / "photo.txt", data))
    assert rejection.code == Code.NOT_TEXT
    assert "PNG" in rejection.reason


def test_random_bytes_with_nuls_are_not_text(tmp_path: Path) -> None:
    data = random.Random(7).randbytes(4096) + b"\x00\x00"
    rejection = one_rejection(write(tmp_path / "blob.html", data))
    assert rejection.code == Code.NOT_TEXT
    assert "NUL" in rejection.reason


def test_control_bytes_without_nuls_are_not_text(tmp_path: Path) -> None:
    data = bytes(random.Random(3).choice(range(1, 32)) for _ in range(2000))
    assert one_rejection(write(tmp_path / "ctl.txt", data)).code == Code.NOT_TEXT


def test_empty_file(tmp_path: Path) -> None:
    rejection = one_rejection(write(tmp_path / "empty.txt", b""))
    assert rejection.code == Code.EMPTY


def test_whitespace_file(tmp_path: Path) -> None:
    rejection = one_rejection(write(tmp_path / "blank.html", b" \n\t\r\n  \n"))
    assert rejection.code == Code.EMPTY
    assert "whitespace" in rejection.reason


# ---------------------------------------------------------------------------------- gzip


def test_truncated_gz(tmp_path: Path) -> None:
    data = gzip.compress(html_body(1) * 3)
    rejection = one_rejection(write(tmp_path / "cut.html.gz", data[: len(data) // 2]))
    assert rejection.code == Code.TRUNCATED
    assert "ends early" in rejection.reason


def test_gz_over_the_cap_after_decompression(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt.gz", gzip.compress(b"ferry " * 10_000))
    rejection = one_rejection(path, Settings(max_bytes=20_000))
    assert rejection.code == Code.TOO_LARGE
    assert "decompressed data exceeds the 20,000-byte cap" in rejection.reason


# ---------------------------------------------------------------------------------- WARC


def test_warc_with_html_and_other_records(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    warc_record(writer, "https://news.example/ferry", HTML.encode())
    warc_record(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    quoted = "<html><body><p>“Ahoy”, said the captain.</p></body></html>"
    warc_record(
        writer, "https://news.example/q", quoted.encode("cp1252"), "text/html; charset=cp1252"
    )
    warc_record(writer, "https://news.example/plain", HTML.encode(), "text/plain")
    warc_record(writer, "https://news.example/missing", HTML.encode(), status="404 Not Found")
    warc_record(writer, "https://news.example/notes.txt", b"just words", "text/plain")
    path = write(tmp_path / "crawl.warc", buffer.getvalue())

    results = read([path])
    assert all(isinstance(r, Page) for r in results), results
    pages = [r for r in results if isinstance(r, Page)]
    assert [p.url for p in pages] == [
        "https://news.example/ferry",
        "https://news.example/q",
        "https://news.example/plain",
    ]
    first = pages[0]
    assert first.format == "warc-html"
    assert first.crawl_date == date(2024, 11, 2)
    assert first.html == HTML
    assert first.id == "https://news.example/ferry"  # named by its URL, not the record id
    record_id = first.input.rpartition("#")[2]
    assert len(record_id) == 36 and not record_id.startswith("<")
    assert first.input == f"{path}#{record_id}"
    assert pages[1].html is not None and "“Ahoy”" in pages[1].html
    assert pages[1].encoding == "windows-1252"


def test_warc_gz_without_html_is_unsupported(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    warc_record(writer, "https://news.example/a.png", b"\x89PNG\r\n\x1a\n", "image/png")
    rejection = one_rejection(write(tmp_path / "img.warc.gz", buffer.getvalue()))
    assert rejection.code == Code.UNSUPPORTED
    assert "no HTML" in rejection.reason


@pytest.mark.parametrize("compressed", [True, False])
def test_truncated_warc_keeps_good_records(tmp_path: Path, compressed: bool) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    for n in range(2):
        warc_record(writer, f"https://news.example/{n}", html_body(n))
    good_end = buffer.tell()
    warc_record(writer, "https://news.example/2", html_body(2))
    data = buffer.getvalue()
    cut = good_end + (len(data) - good_end) // 2
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    path = write(tmp_path / name, data[:cut])

    results = read([path])
    assert [type(r) for r in results] == [Page, Page, Rejection]
    assert [r.url for r in results[:2] if isinstance(r, Page)] == [
        "https://news.example/0",
        "https://news.example/1",
    ]
    last = results[2]
    assert isinstance(last, Rejection)
    assert last.code == Code.TRUNCATED
    assert last.input == str(path)
    assert "ends early after 2 complete records" in last.reason


def test_warc_record_over_the_cap_is_rejected_and_others_read(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    warc_record(writer, "https://news.example/big", b"<html><body>" + b"x" * 5000)
    warc_record(writer, "https://news.example/small", b"<html><body><p>ok</p></body></html>")
    results = read([write(tmp_path / "c.warc.gz", buffer.getvalue())], Settings(max_bytes=3000))
    assert isinstance(results[0], Rejection) and results[0].code == Code.TOO_LARGE
    assert "#" in results[0].input
    assert isinstance(results[1], Page) and results[1].url == "https://news.example/small"


# --------------------------------------------------------------------------------- JSONL


def jsonl(*lines: object) -> str:
    return "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"


def test_jsonl_good_bad_and_missing_id_lines(tmp_path: Path) -> None:
    content = jsonl(
        {"id": "p1", "url": "https://news.example/1", "date": "2024-11-02", "html": HTML},
        "",
        {"id": "p2", "date": "2024-11-02T15:38:00Z", "source": "Isle Post", "text": "Ferry news."},
        '{"id": "p3", "text": "unclosed"',
        {"source": "Isle Post", "html": HTML},
        ["not", "an", "object"],
        {"id": "p6", "url": "https://news.example/6"},
        {"id": "p7", "text": CAPTURE},
        {"url": "https://news.example/8", "html": HTML},
    )
    path = write(tmp_path / "pages.jsonl", content)
    results = read([path])
    assert [type(r).__name__ for r in results] == [
        "Page", "Page", "Rejection", "Rejection", "Rejection", "Rejection", "Page", "Page",
    ]  # fmt: skip
    p1, p2, bad3, no_id, array, no_content, p7, p8 = results
    assert isinstance(p1, Page) and isinstance(p2, Page) and isinstance(p7, Page)
    assert (p1.id, p1.format, p1.url, p1.crawl_date) == (
        "p1",
        "html",
        "https://news.example/1",
        date(2024, 11, 2),
    )
    assert p1.input == f"{path}#L1"
    assert (p2.format, p2.source, p2.crawl_date, p2.input) == (
        "text",
        "Isle Post",
        date(2024, 11, 2),
        f"{path}#L3",
    )
    assert isinstance(bad3, Rejection)
    assert bad3.code == Code.MALFORMED_LINE
    assert bad3.input == f"{path}#L4"
    assert bad3.reason.startswith("line 4: not valid JSON (")
    assert isinstance(no_id, Rejection) and no_id.code == Code.MALFORMED_LINE
    assert no_id.reason == 'line 5: has page content but no "id" (nor a "url" to name it by)'
    assert isinstance(p8, Page) and p8.id == "https://news.example/8"  # no id: named by its URL
    assert isinstance(array, Rejection) and "not an object" in array.reason
    assert isinstance(no_content, Rejection) and '"html" or "text"' in no_content.reason
    assert (p7.format, p7.crawl_date) == ("capture", date(2024, 3, 5))
    assert p7.text is not None and p7.text.startswith("Harbour council")


def test_jsonl_by_content_and_gzipped(tmp_path: Path) -> None:
    content = jsonl({"id": "a", "text": "One."}, {"id": "b", "text": "Two."})
    plain = read([write(tmp_path / "export.dat", content)])
    zipped = read([write(tmp_path / "export.jsonl.gz", gzip.compress(content.encode()))])
    assert ids(plain) == ids(zipped) == ["a", "b"]


def test_jsonl_line_over_the_cap(tmp_path: Path) -> None:
    content = jsonl({"id": "big", "text": "x" * 500}, {"id": "ok", "text": "Fine."})
    results = read([write(tmp_path / "p.jsonl", content)], Settings(max_bytes=200))
    assert isinstance(results[0], Rejection) and results[0].code == Code.TOO_LARGE
    assert results[0].reason.startswith("line 1: ")
    assert isinstance(results[1], Page) and results[1].id == "ok"


# ------------------------------------------------------------------------------ size cap


def test_file_over_a_small_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    rejection = one_rejection(path, Settings(max_bytes=1_000_000))
    assert rejection.code == Code.TOO_LARGE
    assert rejection.reason == "52,428,800 bytes exceeds the 1,000,000-byte cap"


def test_file_over_the_default_cap_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dump.html"
    with path.open("wb") as f:
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"\0")

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    rejection = one_rejection(path)
    assert rejection.code == Code.TOO_LARGE
    assert rejection.reason == f"52,428,800 bytes exceeds the {DEFAULT_MAX_BYTES:,}-byte cap"


# --------------------------------------------------------------------------------- paths


def test_folder_recursion_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    for name in ("c.txt", "b.txt", "a/z.txt", "a/b/y.txt", ".hidden/x.txt", ".dot.txt"):
        write(root / name, f"Page {name}.")
    assert [r.input for r in read([root])] == [
        str(root / "a" / "b" / "y.txt"),
        str(root / "a" / "z.txt"),
        str(root / "b.txt"),
        str(root / "c.txt"),
    ]


def test_empty_folder_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    assert one_rejection(tmp_path / "none").code == Code.NOT_FOUND


def test_glob(tmp_path: Path) -> None:
    write(tmp_path / "one.html", HTML)
    write(tmp_path / "two.html", HTML)
    write(tmp_path / "skip.txt", "Not matched.")
    write(tmp_path / "deep" / "three.html", HTML)
    assert ids(read([tmp_path / "*.html"])) == ["one", "two"]
    # ids are paths relative to the pattern's folder, never the bare stem
    assert sorted(ids(read([f"{tmp_path}/**/*.html"]))) == ["deep/three", "one", "two"]


def test_glob_matching_nothing_and_missing_path(tmp_path: Path) -> None:
    pattern = one_rejection(f"{tmp_path}/*.warc")
    missing = one_rejection(tmp_path / "nope.txt")
    assert pattern.code == missing.code == Code.NOT_FOUND
    assert missing.reason == "no such file or folder"


def test_stdin(tmp_path: Path) -> None:
    [page] = read(["-"], None, io.BytesIO(CAPTURE.encode()))
    assert isinstance(page, Page)
    assert (page.id, page.input, page.format) == (f"stdin-{page.digest[:16]}", "stdin", "capture")
    lines = jsonl({"id": "from-json", "text": "Hello."})
    [page] = read(["-"], None, io.BytesIO(gzip.compress(lines.encode())))
    assert isinstance(page, Page) and page.id == "from-json"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", CAPTURE)
    write(tmp_path / "2.png", b"\x89PNG\r\n\x1a\n" + bytes(10))
    write(tmp_path / "3.html", HTML)
    results = read([tmp_path, tmp_path / "missing.txt", tmp_path / "1.txt"])
    assert [type(r).__name__ for r in results] == [
        "Page", "Rejection", "Page", "Rejection", "Page",
    ]  # fmt: skip


def test_unexpected_error_becomes_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def flaky(data: bytes, declared: str | None = None) -> object:
        if b"boom" in data:
            raise RuntimeError("boom\nsecond line")
        return decode(data, declared)

    monkeypatch.setattr("newsloom.read.dispatch.decode", flaky)
    write(tmp_path / "a.txt", "boom")
    write(tmp_path / "b.txt", "fine")
    bad, good = read([tmp_path])
    assert isinstance(bad, Rejection) and bad.code == Code.UNREADABLE
    assert bad.reason == "unexpected RuntimeError: boom second line"
    assert isinstance(good, Page)


def test_reading_is_lazy(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", "One.")
    second = write(tmp_path / "second.txt", "Two.")
    results = read_inputs([str(first), str(second)], Settings())
    assert isinstance(next(results), Page)
    second.unlink()
    rejection = next(results)
    assert isinstance(rejection, Rejection) and rejection.code == Code.NOT_FOUND


def test_public_surface() -> None:
    assert "read_inputs" in newsloom.read.__all__
    assert all(hasattr(newsloom.read, name) for name in newsloom.read.__all__)


# --------------------------------------------------------------------------------- seeds


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed captures not present")
def test_seed_captures() -> None:
    results = read([SEEDS])
    assert len(results) == 2
    for result in results:
        assert isinstance(result, Page), result
        assert result.format == "capture"
        assert result.crawl_date == date(2024, 11, 2)
        assert result.input.endswith(f"{result.id}.txt")


def test_batches_keep_order_and_end_with_a_short_one() -> None:
    from newsloom.read import batches

    pages = [Page(id=f"p{n}", input="x", format="text", text="t", digest="d") for n in range(5)]
    assert [[p.id for p in b] for b in batches(pages, 2)] == [["p0", "p1"], ["p2", "p3"], ["p4"]]
    assert list(batches([], 3)) == []
