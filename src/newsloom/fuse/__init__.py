"""The fuse stage: one story's articles → its ``Dossier``.

Who covered the story and which reports are independent (copies of one wire story count
once); one entity for every spelling; each quote traced across outlets; figures grouped into
claims with a status; dated statements merged into a timeline; what each outlet alone reports;
and a short summary. Every item points back to its article and character offsets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from newsloom.components import Component, Values, check_order, run_components
from newsloom.fuse.coverage import SHARED_FACT, coverage, items_beyond_facts, overlap, summary
from newsloom.fuse.entities import merge_entities, speaker_entity
from newsloom.fuse.figures import claim_label, figure_claims, format_number
from newsloom.fuse.quotes import content, trace_quotes
from newsloom.fuse.timeline import sort_key, timeline
from newsloom.model import Article, Dossier, Entity, SourceCoverage, Story
from newsloom.when import time_order

# What renderers use to label and compare what fuse made (the web page, the Markdown export).
__all__ = [
    "SHARED_FACT",
    "claim_label",
    "content",
    "format_number",
    "fuse",
    "items_beyond_facts",
    "overlap",
    "sort_key",
]


def _name_speakers(values: Values) -> dict[str, Any]:
    """Each quote's speaker as the story's entity: one spelling per person across the dossier
    (refines the quote groups in place; sets nothing new), and each article quote's
    ``speaker_entity``."""
    entities = values["entities"]
    names = {e.id: e.name for e in entities}
    for group in values["quotes"]:
        group.speaker_entity = speaker_entity(group.speaker, entities)
        if group.speaker_entity:
            group.speaker = names[group.speaker_entity]
    link_speakers(values["members"], entities)
    return {}


def link_speakers(members: Sequence[Article], entities: list[Entity]) -> None:
    """Set each article quote's ``speaker_entity`` to the story entity its speaker is."""
    for article in members:
        for quote in article.quotes:
            quote.speaker_entity = speaker_entity(quote.speaker, entities)


def _cover(values: Values) -> dict[str, Any]:
    """What each outlet alone reports and leaves out (refines the sources in place)."""
    coverage(values["sources"], values["members"], values["quotes"], values["figures"],
             values["copy_of"])  # fmt: skip
    return {}


#: The fuse extractors, in order (``newsloom.components``): a failing one leaves its section
#: empty, is logged, and is named in ``Dossier.flags``; the dossier is still written.
EXTRACTORS = (
    Component(
        "sources",
        ("members", "copy_of"),
        ("sources",),
        lambda v: {"sources": _sources(v["members"], v["copy_of"])},
    ),
    Component(
        "quotes", ("members",), ("quotes",), lambda v: {"quotes": trace_quotes(v["members"])}
    ),
    Component(
        "figures",
        ("members", "report_of"),
        ("figures",),
        lambda v: {"figures": figure_claims(v["members"], v["report_of"])},
    ),
    Component("coverage", ("sources", "members", "quotes", "figures", "copy_of"), (), _cover),
    Component(
        "entities",
        ("members",),
        ("entities",),
        lambda v: {"entities": merge_entities(v["members"])},
    ),
    Component("speakers", ("quotes", "entities", "members"), (), _name_speakers),
    Component(
        "timeline", ("members",), ("timeline",), lambda v: {"timeline": timeline(v["members"])}
    ),
    Component(
        "summary",
        ("members", "copy_of", "quotes", "figures"),
        ("summary",),
        lambda v: {"summary": summary(v["members"], v["copy_of"], v["quotes"], v["figures"])},
    ),
)
_SECTIONS = ("sources", "entities", "quotes", "figures", "timeline", "summary")
_EMPTY = {name: list for name in _SECTIONS}
check_order(EXTRACTORS, ("members", "copy_of", "report_of"))


def fuse(story: Story, articles: Sequence[Article]) -> Dossier:
    by_id = {a.id: a for a in articles}
    members = [by_id[i] for i in story.articles if i in by_id]
    copy_of = _copy_of(story)
    report_of = {a.id: copy_of.get(a.id, a.id) for a in members}
    values: Values = {"members": members, "copy_of": copy_of, "report_of": report_of}
    flags = run_components(EXTRACTORS, values, _EMPTY, f"story {story.id}")
    return Dossier(story=story.id, flags=flags, **{name: values[name] for name in _SECTIONS})


def _copy_of(story: Story) -> dict[str, str]:
    """For each later copy in a copy group, the id of the group's earliest page."""
    return {a: g.earliest for g in story.copy_groups for a in g.articles if a != g.earliest}


def _sources(members: Sequence[Article], copy_of: dict[str, str]) -> list[SourceCoverage]:
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in members:
        by_outlet[article.outlet].append(article)
    order = time_order(a.published or a.crawl_date for a in members)
    out = []
    for name, items in by_outlet.items():
        dates = sorted((d for a in items if (d := a.published or a.crawl_date)), key=order)
        first = items[0]
        out.append(
            SourceCoverage(
                name=name,
                articles=[a.id for a in items],
                first_published=dates[0] if dates else None,
                independent=any(a.id not in copy_of for a in items),
                headline=first.title,
                words=len(first.body.split()),
            )
        )
    out.sort(key=lambda s: (order(s.first_published), s.name))
    if out and out[0].first_published:
        out[0].first = True
    return out
