"""The group stage: articles → stories, with copy groups and the reasons for each member.

``group(articles)`` groups a batch in one go; :class:`StoryIndex` does the same incrementally
(``add`` a batch, get back the stories it created or changed and the ids it removed). Both are
one code path: ``group`` is a fresh index fed everything, earliest first.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.group.events import MAX_DAYS_APART
from newsloom.group.index import Changes, StoryIndex
from newsloom.model import Article, Story

__all__ = ["MAX_DAYS_APART", "Changes", "StoryIndex", "group"]


def group(articles: Sequence[Article]) -> list[Story]:
    """Group articles into stories, newest story first."""
    index = StoryIndex()
    index.add(sorted(articles, key=lambda a: (a.date_key or "9999", a.id)))
    return index.stories()
