"""Every input ends as a page or a coded rejection, at the read and clean stages (issue #13).

Each hostile input of the reliability probe is generated here, at test time: symlink loops,
non-UTF-8 names, lone surrogates and NUL in JSONL, duplicate stems, deep nesting, FIFOs,
attribute-heavy tags, chrome-only pages, documents that are not pages. No publisher text.
"""

from __future__ import annotations

import io
import json
import os
import socket
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsloom.clean as clean_module
from newsloom.budget import OverTime, time_limit
from newsloom.clean import clean, markup_budget
from newsloom.clean.language import detect_language, page_language
from newsloom.config import Settings
from newsloom.errors import DESCRIPTIONS, Code
from newsloom.ids import id_problem, path_id, printable, scrub
from newsloom.model import Article, Page, Rejection
from newsloom.read import read_inputs
from newsloom.read.notpage import looks_like_log, not_a_page

PARAS = [
    "The harbour council of Port Avel voted on Tuesday to open a new ferry line to the islands.",
    "Officials said the first crossing would run in June, weather allowing, twice a day.",
    "Residents of the islands welcomed the news at a meeting on Wednesday evening.",
]
CAPTURE = " date 2025-03-04 Ferry line approved\n\n" + "\n\n".join(PARAS) + "\n"


def html(n: int = 0, extra: str = "") -> str:
    body = "".join(f"<p>{p} Page {n}.</p>" for p in PARAS)
    return f"<html><head><title>Ferry {n}</title></head><body><h1>Ferry {n}</h1>{body}{extra}"


def read(paths: Iterable[str | Path], **kwargs: object) -> list[Page | Rejection]:
    return list(read_inputs([str(p) for p in paths], Settings(), **kwargs))  # type: ignore[arg-type]


def pages(results: list[Page | Rejection]) -> list[Page]:
    return [r for r in results if isinstance(r, Page)]


def rejections(results: list[Page | Rejection]) -> dict[str, str]:
    """``{input: code}`` of the rejections."""
    return {r.input: r.code for r in results if isinstance(r, Rejection)}


# ------------------------------------------------------------------------ the folder walker


def test_symlink_loop_is_a_coded_rejection_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.html").write_text(html())
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    results = read([tmp_path])
    assert [p.id for p in pages(results)] == ["good"]
    assert rejections(results) == {
        str(tmp_path / "a"): Code.BROKEN_LINK,
        str(tmp_path / "b"): Code.BROKEN_LINK,
        str(tmp_path / "loop"): Code.BROKEN_LINK,
    }


def test_fifo_socket_dangling_link_and_linked_folder_inside_a_folder(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.html").write_text(html(1))
    (tmp_path / "linked").symlink_to(tmp_path / "sub")
    (tmp_path / "page.html").symlink_to(tmp_path / "sub" / "x.html")  # a link to a file: read
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock"))
        results = read([tmp_path])
    assert sorted(p.id for p in pages(results)) == ["page", "sub/x"]
    codes = rejections(results)
    assert codes == {
        str(tmp_path / "gone"): Code.BROKEN_LINK,
        str(tmp_path / "linked"): Code.NOT_A_FILE,
        str(tmp_path / "pipe"): Code.NOT_A_FILE,
        str(tmp_path / "sock"): Code.NOT_A_FILE,
    }


def test_fifo_given_as_an_argument_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    [result] = read([tmp_path / "pipe"])  # no writer: opening it would block forever
    assert isinstance(result, Rejection) and result.code == Code.NOT_A_FILE
    assert "standard input with -" in result.reason


def test_dangling_link_given_as_an_argument(tmp_path: Path) -> None:
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    [result] = read([tmp_path / "gone.html"])
    assert isinstance(result, Rejection) and result.code == Code.BROKEN_LINK


def test_deep_folder_tree_does_not_exhaust_the_stack(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(300):  # deeper than a recursive walk of generators can go cheaply
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text(CAPTURE)
    [page] = pages(read([tmp_path]))
    assert page.id == "d/" * 300 + "deep"


def test_file_name_that_is_not_utf8_is_read_with_an_escaped_label(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.html")
    with open(raw, "w", encoding="utf-8") as f:
        f.write(html(2))
    [page] = pages(read([tmp_path]))
    assert page.id == "caf\\xe9"
    assert page.input == f"{tmp_path}/caf\\xe9.html"
    page.model_dump_json()  # encodes as UTF-8: the store can write it


def test_unreadable_folder_is_a_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(CAPTURE)
    (tmp_path / "b.txt").write_text(CAPTURE.replace("June", "July"))
    real = os.scandir

    def refuse(path: object) -> object:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied")
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    results = read([tmp_path])
    assert rejections(results) == {str(tmp_path / "sub"): Code.UNREADABLE}
    assert [p.id for p in pages(results)] == ["b"]


# ----------------------------------------------------------------------------------- ids


def test_pages_of_the_same_name_in_one_crawl_are_two_pages(tmp_path: Path) -> None:
    for folder, n in (("a", 1), ("b", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(html(n))
    assert [p.id for p in pages(read([tmp_path]))] == ["a/index", "b/index"]


def test_ids_keep_unknown_suffixes_and_drop_known_ones() -> None:
    assert path_id("a/index.html") == "a/index"
    assert path_id("000_x.txt") == "000_x"
    assert path_id("b/page.HTML.gz") == "b/page"
    assert path_id("story.php") == "story.php"  # not a page suffix: part of the name
    assert path_id(".html") == ".html"  # nothing would be left


def test_same_id_twice_in_one_run_becomes_distinct_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "p.html").write_text(html(1))
    (tmp_path / "y" / "p.html").write_text(html(2))
    results = pages(read([tmp_path / "x", tmp_path / "y"]))  # both are "p" under their argument
    assert [(p.id, p.renamed_from) for p in results] == [("p", None), ("p~2", "p")]


def test_same_page_twice_keeps_its_id(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(html(1))
    results = pages(read([tmp_path, tmp_path / "p.html"]))
    assert [(p.id, p.renamed_from) for p in results] == [("p", None), ("p", None)]


def test_stdin_pages_are_named_by_content_or_by_id() -> None:
    first = pages(read(["-"], stdin=io.BytesIO(CAPTURE.encode())))[0]
    other = CAPTURE.replace("June", "July").encode()
    second = pages(read(["-"], stdin=io.BytesIO(other)))[0]
    again = pages(read(["-"], stdin=io.BytesIO(CAPTURE.encode())))[0]
    assert first.id.startswith("stdin-") and len(first.id) == len("stdin-") + 16
    assert first.id != second.id and first.id == again.id
    named = pages(read(["-"], stdin=io.BytesIO(other), stdin_id="ferry-2025"))[0]
    assert named.id == "ferry-2025"


def test_id_problems() -> None:
    assert id_problem("a/index") is None
    assert id_problem("") == "is empty"
    assert id_problem("a\x00b") is not None
    assert id_problem("a\ud800") is not None
    assert id_problem("x" * 5000) is not None


# --------------------------------------------------------------------------------- JSONL


def jsonl_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_lone_surrogates_in_page_fields_become_replacement_characters(tmp_path: Path) -> None:
    line = json.dumps({"id": "a", "url": "https://x.example/a", "source": "S", "html": html()})
    bad = line.replace("x.example", "x\\ud800.example").replace('"S"', '"S\\udfff"')
    bad = bad.replace("Tuesday", "Tues\\ud800day")
    [page] = pages(read([jsonl_file(tmp_path, bad)]))
    assert page.url == "https://x\ufffd.example/a" and page.source == "S\ufffd"
    assert page.html is not None and "Tues\ufffdday" in page.html
    page.model_dump_json()


def test_odd_ids_are_their_own_line_rejections(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "html": html()})
    nul = json.dumps({"id": "a\u0000b", "html": html(1)})
    surrogate = json.dumps({"id": "b@", "html": html(2)}).replace("@", "\\ud800")
    results = read([jsonl_file(tmp_path, nul, surrogate, good)])
    assert [p.id for p in pages(results)] == ["ok"]
    codes = rejections(results)
    assert set(codes.values()) == {Code.MALFORMED_LINE} and len(codes) == 2


def test_deeply_nested_line_rejects_that_line_only(tmp_path: Path) -> None:
    first = json.dumps({"id": "a", "html": html(1)})
    nested = "[" * 100_000 + "]" * 100_000
    object_nested = '{"id": "n", "html": ' + "[" * 100_000 + "]" * 100_000 + "}"
    last = json.dumps({"id": "c", "html": html(3)})
    results = read([jsonl_file(tmp_path, first, nested, object_nested, last)])
    assert [p.id for p in pages(results)] == ["a", "c"]
    bad = [r for r in results if isinstance(r, Rejection)]
    assert [r.input.rsplit("#", 1)[1] for r in bad] == ["L2", "L3"]
    assert all(r.code == Code.MALFORMED_LINE for r in bad)


def test_nested_first_line_does_not_lose_the_file(tmp_path: Path) -> None:
    nested = "{" + '"a":' * 50_000 + "1" + "}" * 50_000
    results = read([jsonl_file(tmp_path, nested, json.dumps({"id": "c", "html": html()}))])
    assert [p.id for p in pages(results)] == ["c"]
    assert list(rejections(results).values()) == [Code.MALFORMED_LINE]


def test_unexpected_error_on_one_line_rejects_that_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(record: object) -> str:
        raise RuntimeError("boom")

    lines = [json.dumps({"id": "a", "html": html()}), json.dumps({"id": "b", "html": html(1)})]
    monkeypatch.setattr("newsloom.read.jsonl._require_id", boom)
    results = read([jsonl_file(tmp_path, *lines)])
    assert [r.code for r in results if isinstance(r, Rejection)] == ["NL-READ-007"] * 2
    assert all("RuntimeError: boom" in r.reason for r in results if isinstance(r, Rejection))


# ------------------------------------------------------------------------ not web pages


def test_markdown_json_and_logs_are_not_pages(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Crawl\n\nThese pages were fetched in March.\n")
    (tmp_path / "answers.json").write_text(json.dumps({"events": [{"id": "E1"}]}, indent=1))
    (tmp_path / "config.dat").write_text('{"threads": 4}\n{"retries": 2}\n')
    log = "\n".join(f"2025-03-04 10:00:{s:02d},120 INFO fetched page {s}" for s in range(12))
    (tmp_path / "crawl.out").write_text(log + "\n")
    (tmp_path / "page.txt").write_text(CAPTURE)
    (tmp_path / "saved.md").write_text(CAPTURE)  # a capture saved as .md is still a page
    results = read([tmp_path])
    assert sorted(p.id for p in pages(results)) == ["page", "saved.md"]
    assert set(rejections(results)) == {
        str(tmp_path / n) for n in ("README.md", "answers.json", "config.dat", "crawl.out")
    }
    assert set(rejections(results).values()) == {Code.NOT_A_PAGE}


def test_not_a_page_rules() -> None:
    doc = "<!DOCTYPE html><html><body><p>x</p></body></html>"
    assert not_a_page(doc, "notes.md") is None  # a whole HTML document wins over the name
    assert not_a_page("[1] A footnote first.\nThen prose.", "") is None
    assert not_a_page('[{"a": 1}]', "") is not None
    assert not_a_page("Plain prose about a ferry.", "a.json") is not None
    assert not_a_page('{"a": 1}', "a.html", html_name=True) is None
    assert not looks_like_log("10:00 GMT The ferry left.\nIt was late.\n")


def test_jsonl_pages_in_a_json_file_are_read(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"id": "j", "html": html()}) + "\n", encoding="utf-8")
    assert [p.id for p in pages(read([path]))] == ["j"]


def test_images_are_not_text(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert list(rejections(read([tmp_path])).values()) == [Code.NOT_TEXT]


# --------------------------------------------------------------------------------- clean


def page_of(markup: str | None = None, text: str | None = None) -> Page:
    return Page(
        id="p",
        input="p",
        format="html" if markup is not None else "capture",
        html=markup,
        text=text,
        digest="0" * 64,
    )


def test_chrome_only_pages_have_no_article_text() -> None:
    nav = (
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a> <a href='/s'>Sport</a>"
        "</nav><div class='ad'>Advertisement</div><div id='consent'><p>We use cookies to "
        "improve your experience on our site.</p><button>Accept all cookies</button></div>"
        "<footer>Terms | Privacy</footer></body></html>"
    )
    result = clean(page_of(nav))
    assert isinstance(result, Rejection) and result.code == Code.NO_ARTICLE_TEXT


def test_has_article_text() -> None:
    has = clean_module.has_article_text
    assert not has(["Home World Sport", "Advertisement"])
    assert not has(["We use cookies to improve your experience on our site."])
    assert has(["The council voted on Tuesday to open the line."])
    assert has(
        [
            "港口委员会周二投票决定开通一条通往岛屿的新渡轮航线。官员们表示，如果天气允许，首班船将在六月启航。"
        ]
    )


def test_attribute_heavy_tag_is_trimmed_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markup_budget, "MAX_ATTRIBUTES_PER_TAG", 50)
    monkeypatch.setattr(
        markup_budget, "_LONG_TAG", markup_budget.re.compile(r"<[a-zA-Z][^<>]{100,}>")
    )
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(5000))
    markup = html(extra=f"<div {attrs}><p>{PARAS[0]}</p></div>")
    trimmed = markup_budget.trim_attributes(markup)
    assert trimmed.count("data-a") == 50 and "data-a49=" in trimmed and "data-a50=" not in trimmed
    result = clean(page_of(markup))
    assert isinstance(result, Article) and PARAS[0] in result.body


def test_trim_leaves_ordinary_markup_alone() -> None:
    markup = html(extra='<a href="/x" class="y" data-z=\'1\'>link</a>')
    assert markup_budget.trim_attributes(markup) == markup


def test_comment_first_fragment_is_read_as_a_document() -> None:
    fragment = "<!x><div><p>" + PARAS[0] + "</p><p>" + PARAS[1] + "</p></div>"
    result = clean(page_of(fragment))
    assert isinstance(result, Article) and PARAS[1] in result.body


def test_text_over_the_line_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clean_module, "MAX_TEXT_LINES", 10)
    text = "Title\n" + "\n".join(f"Menu item {i}" for i in range(20))
    result = clean(page_of(text=text))
    assert isinstance(result, Rejection) and result.code == Code.OVER_MEMORY


def test_text_over_the_character_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Ferry line approved\n\n" + "\n\n".join(PARAS)
    monkeypatch.setattr(clean_module, "MAX_TEXT_CHARS", len(text))
    assert isinstance(clean(page_of(text=text)), Article)
    result = clean(page_of(text=text + " More."))
    assert isinstance(result, Rejection) and result.code == Code.OVER_MEMORY


def test_clean_over_its_time_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    def forever(page: Page, chrome: object) -> Article:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(clean_module, "_clean", forever)
    result = clean(page_of(text=CAPTURE), seconds=0.2)
    assert isinstance(result, Rejection) and result.code == Code.OVER_TIME


def test_time_limit_puts_back_an_outer_timer() -> None:
    with pytest.raises(OverTime), time_limit(0.3):
        with time_limit(5):
            pass  # the inner limit ends; the outer one must still fire
        while True:
            time.sleep(0.01)


def test_time_limit_is_off_outside_the_main_thread() -> None:
    import threading

    done: list[bool] = []

    def work() -> None:
        with time_limit(0.01):
            time.sleep(0.05)
        done.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done == [True]


# ------------------------------------------------------------------------------ language

RUSSIAN = (
    "Городской совет проголосовал во вторник за открытие новой паромной линии к островам. "
    "Первый рейс отправится в июне, если позволит погода, сообщили чиновники."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, eine neue Fährlinie zu den Inseln zu eröffnen. "
    "Die erste Fahrt soll im Juni stattfinden, wenn das Wetter es erlaubt."
)


def test_language_is_detected_from_the_text() -> None:
    assert detect_language(" ".join(PARAS)) == "en"
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language(GERMAN) == "de"
    assert detect_language("Ferry news.") is None  # too little text to tell


def test_declared_language_only_when_the_text_cannot_tell() -> None:
    assert page_language(RUSSIAN, "en") == "ru"  # a template's default <html lang> is wrong
    assert page_language("Ferry news.", "de") == "de"
    assert page_language("Ferry news.", None) is None


def test_non_english_article_is_kept_and_flagged() -> None:
    result = clean(page_of(f"<html lang='en'><body><p>{RUSSIAN}</p><p>{RUSSIAN}</p></body>"))
    assert isinstance(result, Article)
    assert result.language == "ru" and "not-english" in result.flags


def test_english_article_is_not_flagged() -> None:
    result = clean(page_of(html()))
    assert isinstance(result, Article) and result.language == "en" and not result.flags


# ------------------------------------------------------------------------------- fuzzing


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.html", "a.txt", "a.jsonl", "a"]))
def test_reading_any_bytes_never_raises(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for result in read([path]):
        if isinstance(result, Page):
            result.model_dump_json()
        else:
            assert result.code in {c.value for c in Code}


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<!-- c -->", "<!x>", "<?pi?>", "<![CDATA[x]]>", "<br>",
     "<table><tr><td>", "</td></tr></table>", "<svg><path/></svg>", "<template>", "<script>x",
     "</script>", "<head>", "<body>", "</html>", "<!DOCTYPE html>", "<a href='x'>", "</a>",
     "<figure><figcaption>c</figcaption></figure>", "<h1>T</h1>", "&nbsp;", "&bogus;", "\x0c",
     "<li>", "<noscript>", "<frameset>", "<math>", "<textarea>", "<title>t</title>"]
)  # fmt: skip
_WORDS = st.sampled_from([*PARAS, "Word ", "\n", "\u2028", "\x85", " — ", "“Quoted,” she said."])


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.one_of(_TAGS, _WORDS), min_size=1, max_size=60))
def test_clean_never_raises_on_tag_soup(parts: list[str]) -> None:
    markup = "".join(parts)
    for page in (page_of(markup), page_of(text=markup.replace("<", "\n"))):
        result = clean(page)
        if isinstance(result, Rejection):
            assert result.code != Code.CLEAN_FAILED, result.reason
        else:
            assert result.body.strip()


# ------------------------------------------------------------------------------- helpers


def test_printable_and_scrub() -> None:
    assert printable("a\nb\udcffc\u2028") == "a\\x0ab\\xffc\u2028"
    assert printable("bad\ud800") == "bad\\ud800"
    assert scrub("a\x00b\ud800") == "a\ufffdb\ufffd"


def test_every_code_is_described() -> None:
    assert set(DESCRIPTIONS) == set(Code)
    values = [c.value for c in Code]
    assert len(values) == len(set(values))


def test_every_code_is_in_the_user_guide() -> None:
    guide = (Path(__file__).resolve().parents[1] / "docs" / "usage.md").read_text("utf-8")
    for code in Code:
        assert f"| {code.value} |" in guide, code


def test_renamed_page_is_flagged() -> None:
    page = page_of(html()).model_copy(update={"id": "p~2", "renamed_from": "p"})
    result = clean(page)
    assert isinstance(result, Article) and result.id == "p~2" and result.flags == ["id-renamed"]
