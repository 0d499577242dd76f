"""The JSON export (schema ``newsloom/1``, see docs/json-schema.md)."""

from __future__ import annotations

import json
from typing import Any

from newsloom.model import SCHEMA, Article, Dossier, Result, Story

#: Article fields that are internal bookkeeping, not part of the export.
_ARTICLE_INTERNAL = {"digest"}


def article_dict(article: Article) -> dict[str, Any]:
    return article.model_dump(mode="json", exclude=_ARTICLE_INTERNAL)


def story_dict(story: Story, dossier: Dossier | None) -> dict[str, Any]:
    data = story.model_dump(mode="json")
    fused = (dossier or Dossier(story=story.id)).model_dump(mode="json", exclude={"story"})
    ordered = {k: data[k] for k in ("id", "title", "articles")}
    return {**ordered, **fused, **{k: v for k, v in data.items() if k not in ordered}}


def result_dict(result: Result) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "articles": [article_dict(a) for a in result.articles],
        "stories": [story_dict(s, result.dossiers.get(s.id)) for s in result.stories],
        "rejections": [r.model_dump(mode="json") for r in result.rejections],
    }


def dumps(result: Result) -> str:
    return json.dumps(result_dict(result), ensure_ascii=False, indent=2)
