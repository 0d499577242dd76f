"""Markdown export: one section per story, readable in a terminal, a wiki or an email.

Page text is untrusted: Markdown and HTML metacharacters are escaped so a crafted headline
cannot inject links, images or markup into a renderer.
"""

from __future__ import annotations

import re

from newsloom.model import Article, Dossier, Rejection, Result, Story

_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+!|<>&~])")


def escape(text: str | None) -> str:
    """Escape Markdown and inline-HTML metacharacters; collapse newlines."""
    if not text:
        return ""
    return _MD_SPECIAL_RE.sub(r"\\\1", re.sub(r"\s+", " ", text).strip())


def render(result: Result) -> str:
    by_id = {a.id: a for a in result.articles}
    parts = ["# newsloom report", ""]
    parts.append(
        f"{len(result.stories)} stories from {len(result.articles)} articles; "
        f"{len(result.rejections)} inputs rejected."
    )
    for story in result.stories:
        parts += ["", *story_lines(story, result.dossiers.get(story.id), by_id)]
    if result.rejections:
        parts += ["", *rejection_lines(result.rejections)]
    return "\n".join(parts) + "\n"


def story_lines(story: Story, dossier: Dossier | None, by_id: dict[str, Article]) -> list[str]:
    dossier = dossier or Dossier(story=story.id)
    independent = sum(1 for s in dossier.sources if s.independent)
    lines = [
        f"## {escape(story.title) or story.id}",
        "",
        f"`{story.id}` · {len(story.articles)} pages · {independent} independent outlets · "
        f"{escape(story.first_published) or '?'} → {escape(story.last_published) or '?'}",
        "",
        "| outlet | first published | headline | independent |",
        "|---|---|---|---|",
    ]
    for source in dossier.sources:
        lines.append(
            f"| {escape(source.name)} | {escape(source.first_published)} | "
            f"{escape(source.headline)} | {'yes' if source.independent else 'copy'} |"
        )
    if dossier.summary:
        lines += ["", "**Summary**", ""]
        lines += [f"- {escape(s.text)} [{', '.join(s.articles)}]" for s in dossier.summary]
    if dossier.entities:
        names = [f"{escape(e.name)} ({e.type})" for e in dossier.entities[:12]]
        lines += ["", "**Entities:** " + "; ".join(names)]
    lines += ["", "**Articles**", ""]
    for article_id in story.articles:
        article = by_id.get(article_id)
        title = escape(article.title) if article else ""
        outlet = escape(article.outlet) if article else ""
        lines.append(f"- `{article_id}` {outlet}: {title}")
    return lines


def rejection_lines(rejections: list[Rejection]) -> list[str]:
    lines = ["## Rejected inputs", "", "| input | code | reason |", "|---|---|---|"]
    lines += [f"| {escape(r.input)} | {r.code} | {escape(r.reason)} |" for r in rejections]
    return lines
