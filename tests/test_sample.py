"""The bundled sample corpus end to end: read, grouped into its events, copies found.

The corpus and its answers (``src/newsloom/sample/answers.json``) were written together for
newsloom; the grouping was not tuned on them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsloom.cli import Exit, app, sample_dir
from newsloom.config import Settings
from newsloom.model import Page, Result
from newsloom.pipeline import analyze
from newsloom.read import read_inputs

pytestmark = pytest.mark.slow

ANSWERS: dict[str, Any] = json.loads((sample_dir().parent / "answers.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def result() -> Result:
    return analyze([str(sample_dir())], Settings())


def test_every_sample_page_reads() -> None:
    items = list(read_inputs([str(sample_dir())], Settings()))
    assert all(isinstance(i, Page) for i in items), [i for i in items if not isinstance(i, Page)]
    assert {i.id for i in items if isinstance(i, Page)} == set(ANSWERS["pages"])


def test_each_event_is_one_story(result: Result) -> None:
    event_of = {pid: page["event"] for pid, page in ANSWERS["pages"].items()}
    stories_of_event: dict[str, set[str]] = defaultdict(set)
    for story in result.stories:
        events = {event_of[a] for a in story.articles}
        assert len(events) == 1, (story.id, events)
        stories_of_event[events.pop()].add(story.id)
    assert all(len(s) == 1 for s in stories_of_event.values()), stories_of_event
    assert set(stories_of_event) == {e["id"] for e in ANSWERS["events"]}


def test_wire_copies_fold_into_one_report(result: Result) -> None:
    found = {
        (copy, group.earliest)
        for story in result.stories
        for group in story.copy_groups
        for copy in group.articles
        if copy != group.earliest
    }
    gold = {(pid, p["copy_of"]) for pid, p in ANSWERS["pages"].items() if p["copy_of"]}
    assert found == gold


def test_demo_runs(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(app, ["demo", "--db", str(tmp_path / "demo.db")])
    assert outcome.exit_code == Exit.OK, outcome.output
    assert "8 stories" in outcome.output
