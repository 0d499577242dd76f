"""The fuse stage: one story's articles → its ``Dossier``.

First version: who covered the story and which reports are independent, the entities with every
spelling seen, quotes and figures gathered from the annotations, a timeline of dated statements,
and a lead-sentence summary. Cross-source alignment (quote tracing, figure claims, transliterated
names) deepens in later versions; every item already points back to its article and offsets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsloom.fuse.entities import merge_entities
from newsloom.model import (
    Article,
    Dossier,
    FigureClaim,
    FigureReport,
    QuoteGroup,
    QuoteVariant,
    SourceCoverage,
    Story,
    SummaryLine,
    TimelineEntry,
)

__all__ = ["fuse"]

#: At most this many lines in the summary.
SUMMARY_LINES = 4


def fuse(story: Story, articles: Sequence[Article]) -> Dossier:
    by_id = {a.id: a for a in articles}
    members = [by_id[i] for i in story.articles if i in by_id]
    copies = _copy_of(story)
    return Dossier(
        story=story.id,
        sources=_sources(members, copies),
        entities=merge_entities(members),
        quotes=_quotes(members),
        figures=_figures(members),
        timeline=_timeline(members),
        summary=_summary(members, copies),
    )


def _copy_of(story: Story) -> dict[str, str]:
    """For each later copy in a copy group, the id of the group's earliest page."""
    return {a: g.earliest for g in story.copy_groups for a in g.articles if a != g.earliest}


def _sources(members: Sequence[Article], copies: dict[str, str]) -> list[SourceCoverage]:
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in members:
        by_outlet[article.outlet].append(article)
    out = []
    for name, items in by_outlet.items():
        dates = sorted(d for a in items if (d := a.published or a.crawl_date))
        first = items[0]
        out.append(
            SourceCoverage(
                name=name,
                articles=[a.id for a in items],
                first_published=dates[0] if dates else None,
                independent=any(a.id not in copies for a in items),
                headline=first.title,
                words=len(first.body.split()),
            )
        )
    return sorted(out, key=lambda s: (s.first_published or "9999", s.name))


def _quotes(members: Sequence[Article]) -> list[QuoteGroup]:
    groups: dict[str, QuoteGroup] = {}
    for article in members:
        for q in article.quotes:
            if q.fragment:
                continue
            key = (q.speaker or "unknown").lower()
            group = groups.setdefault(key, QuoteGroup(speaker=q.speaker))
            group.variants.append(
                QuoteVariant(article=article.id, text=q.text, start=q.start, end=q.end)
            )
    return list(groups.values())


def _figures(members: Sequence[Article]) -> list[FigureClaim]:
    claims: dict[tuple[float | None, str | None], FigureClaim] = {}
    for article in members:
        for f in article.figures:
            claim = claims.setdefault(
                (f.value, f.counts), FigureClaim(value=f.value, counts=f.counts)
            )
            claim.reports.append(
                FigureReport(
                    article=article.id,
                    text=f.text,
                    start=f.start,
                    end=f.end,
                    attributed_to=f.attributed_to,
                )
            )
    return list(claims.values())


def _timeline(members: Sequence[Article]) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for article in members:
        for t in article.times:
            if not t.value:
                continue
            sentence = _sentence_at(article, t.start)
            entries.append(
                TimelineEntry(
                    date=t.value,
                    text=sentence,
                    articles=[article.id],
                    first_reported=article.published or article.crawl_date,
                )
            )
    return sorted(entries, key=lambda e: (e.date, e.text))


def _sentence_at(article: Article, offset: int) -> str:
    for span in article.sentences:
        if span.start <= offset < span.end:
            return article.body[span.start : span.end]
    return ""


def _summary(members: Sequence[Article], copies: dict[str, str]) -> list[SummaryLine]:
    """The lead sentence of each independent report, earliest first, with the copies behind it."""
    lines = []
    for article in members:
        if article.id in copies or not article.sentences:
            continue
        lead = article.sentences[0]
        backing = [article.id] + [c for c, src in copies.items() if src == article.id]
        lines.append(SummaryLine(text=article.body[lead.start : lead.end], articles=backing))
    return lines[:SUMMARY_LINES]
