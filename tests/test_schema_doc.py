"""docs/json-schema.md is the contract: every key the JSON export writes is documented there,
and every documented key is written (Datasette's habit: docs that cannot drift)."""

from __future__ import annotations

import re
from pathlib import Path

from newsloom.model import Article, Dossier, Rejection, Story
from newsloom.render.json import article_dict, story_dict

DOC = Path(__file__).resolve().parents[1] / "docs" / "json-schema.md"


def _documented(section: str) -> set[str]:
    """Keys of the table under ``## section`` (a row may name several: `pages`, `reports`)."""
    text = DOC.read_text(encoding="utf-8")
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    keys: set[str] = set()
    for line in body.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            keys.update(re.findall(r"`(\w+)`", first_cell))
    return keys


def test_every_article_key_is_documented_and_every_documented_key_written() -> None:
    written = set(article_dict(Article(id="a", body="x")))
    assert _documented("Article") == written


def test_every_story_key_is_documented_and_every_documented_key_written() -> None:
    written = set(story_dict(Story(id="S1", articles=["a"]), Dossier(story="S1")))
    assert _documented("Story") == written


def test_every_rejection_key_is_documented() -> None:
    written = set(Rejection(input="x", code="NL-READ-001", reason="r").model_dump())
    assert _documented("Rejection") == written
