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


def test_one_name_per_outlet_and_never_its_wire(result: Result) -> None:
    """Every outlet of the corpus comes out under one name (or, naming itself nowhere, as
    unknown), and no page is put under the wire it republished."""
    names: dict[str, set[str | None]] = defaultdict(set)
    for article in result.articles:
        names[ANSWERS["pages"][article.id]["outlet"]].add(article.source)
    assert all(len(found) == 1 for found in names.values()), names
    agencies = {a.agency for a in result.articles if a.agency}
    sources = {s.name for d in result.dossiers.values() for s in d.sources}
    assert agencies and not sources & agencies


def test_fire_story_has_its_five_outlets(result: Result) -> None:
    """The Calloway Courier republished the wire's fire story and reported on its own: one
    outlet with an independent report, not the wire "copying" itself."""
    event_of = {pid: page["event"] for pid, page in ANSWERS["pages"].items()}
    fire = next(s for s in result.stories if event_of[s.articles[0]] == "E1")
    gold = {ANSWERS["pages"][a]["outlet"] for a in fire.articles}
    sources = result.dossiers[fire.id].sources
    assert len(sources) == len(gold) == 5
    assert all(s.independent for s in sources if len(s.articles) > 1)
