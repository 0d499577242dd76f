"""Markdown export: one section per story, readable in a terminal, a wiki or an email.

Each story carries its whole dossier — coverage, summary, entities, quotes traced across
outlets, the figure table, the timeline, and what each outlet alone reports or leaves out —
and every line points back to its sentence as ``[article-id:start–end]`` (character offsets
into that article's body in the JSON export).

Page text is untrusted: Markdown and HTML metacharacters are escaped so a crafted headline
cannot inject links, images or markup into a renderer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsloom.fuse import claim_label, items_beyond_facts
from newsloom.fuse import format_number as _number
from newsloom.model import (
    Article,
    Dossier,
    FactRef,
    FigureClaim,
    FigureReport,
    QuoteGroup,
    QuoteVariant,
    Rejection,
    Result,
    SourceCoverage,
    Story,
    TimelineEntry,
)
from newsloom.render.counts import claim_reports, quote_backing, reports_copies
from newsloom.render.dates import human_date

_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+!|<>&~])")

#: Rows shown per list before "… and N more"; the JSON export has them all.
SECTION_ROWS = 25


def escape(text: str | None) -> str:
    """Escape Markdown and inline-HTML metacharacters; collapse newlines."""
    if not text:
        return ""
    return _MD_SPECIAL_RE.sub(r"\\\1", re.sub(r"\s+", " ", text).strip())


def _when(value: str | None) -> str:
    """A date or time in words (``render.dates``), escaped; "?" when unknown."""
    return escape(human_date(value)) if value else "?"


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


def story_lines(story: Story, dossier: Dossier | None, by_id: Mapping[str, Article]) -> list[str]:
    dossier = dossier or Dossier(story=story.id)
    independent = sum(1 for s in dossier.sources if s.independent)
    lines = [
        f"## {escape(story.title) or story.id}",
        "",
        f"`{story.id}` · {len(story.articles)} pages · {independent} independent outlets · "
        f"{_when(story.first_published)} → {_when(story.last_published)}",
    ]
    lines += _coverage(dossier.sources)
    if dossier.summary:
        lines += ["", "### Summary", ""]
        lines += [f"- {escape(s.text)} {_sources_of(s.articles, by_id)}" for s in dossier.summary]
    lines += _entities(dossier)
    lines += _quotes(dossier.quotes, _report_of(story))
    lines += _figures(dossier.figures, _report_of(story))
    lines += _timeline(dossier.timeline)
    lines += _alone(dossier)
    lines += _articles(story, by_id)
    return lines


# ------------------------------------------------------------------------------- sections


def _coverage(sources: Sequence[SourceCoverage]) -> list[str]:
    if not sources:
        return []
    lines = [
        "",
        "### Coverage",
        "",
        "| outlet | first published | headline | words | report |",
        "|---|---|---|---|---|",
    ]
    for source in sources:
        report = "independent" if source.independent else "copy"
        if source.first:
            report += ", first"
        lines.append(
            f"| {escape(source.name)} | {_when(source.first_published)} | "
            f"{escape(source.headline)} | {source.words:,} | {report} |"
        )
    return lines


def _entities(dossier: Dossier) -> list[str]:
    if not dossier.entities:
        return []
    lines = ["", "### Entities", ""]
    for entity in dossier.entities[:SECTION_ROWS]:
        others = [a for a in entity.aliases if a != entity.name]
        also = f" — also written {', '.join(escape(a) for a in others)}" if others else ""
        lines.append(
            f"- **{escape(entity.name)}** ({entity.type}, {_n(entity.mentions, 'mention')} in "
            f"{_n(len(entity.articles), 'article')}){also}"
        )
    return lines + _more(len(dossier.entities))


def _quotes(groups: Sequence[QuoteGroup], report_of: Mapping[str, str]) -> list[str]:
    if not groups:
        return []
    lines = [
        "",
        "### Quotes",
        "",
        "Each statement as each outlet quotes it. Against the longest version: "
        "**bold** words are this outlet's own, _italic_ words are worded differently, "
        "\\[…\\] marks a cut.",
    ]
    for group in groups[:SECTION_ROWS]:
        said = quote_backing([(v.article, v.text) for v in group.variants], report_of)
        speaker = escape(group.speaker) or "unknown speaker"
        lines += ["", f"**{speaker}** · {said}", ""]
        for variant in group.variants:
            lines.append(_variant_line(variant, group))
    return lines + _more(len(groups))


def _variant_line(variant: QuoteVariant, group: QuoteGroup) -> str:
    marks = [
        m
        for m, on in (
            ("longest", variant.article == group.longest),
            ("earliest", variant.article == group.earliest),
        )
        if on
    ]
    when = _when(variant.published)
    label = f"{escape(variant.outlet) or variant.article} ({when}, {variant.words} words"
    label += "".join(f", {m}" for m in marks) + ")"
    return f"- {label}: “{_diff_text(variant)}” {_ref(variant.article, variant.start, variant.end)}"


def _diff_text(variant: QuoteVariant) -> str:
    if not variant.diff:
        return escape(variant.text)
    out: list[str] = []
    for step in variant.diff:
        if step.op == "same":
            out.append(escape(step.text))
        elif step.op == "added":
            out.append(f"**{escape(step.text)}**")
        elif step.op == "changed":
            out.append(f"_{escape(step.text)}_")
        else:
            out.append("\\[…\\]")
    return " ".join(part for part in out if part)


def _report_of(story: Story) -> dict[str, str]:
    """Each copy's report (the earliest page of its copy group)."""
    return {a: g.earliest for g in story.copy_groups for a in g.articles if a != g.earliest}


def _figures(claims: Sequence[FigureClaim], report_of: Mapping[str, str]) -> list[str]:
    if not claims:
        return []
    lines = [
        "",
        "### Figures",
        "",
        "Status: corroborated = two or more independent reports (wire copies count once); "
        "single-source; differs = the same claim with different numbers.",
        "",
        "| figure | counts | scope | status | reported by |",
        "|---|---|---|---|---|",
    ]
    apart: list[str] = []
    seen: set[frozenset[str]] = set()
    for claim in claims[:SECTION_ROWS]:
        said = "<br>".join(_figure_report(r) for r in claim.reports)
        lines.append(
            f"| {_figure_value(claim)} | {escape(claim.counts)} | {escape(claim.scope)} | "
            f"{claim.status} · {reports_copies(*claim_reports(claim, report_of))} | {said} |"
        )
        apart += _apart_lines(claim, seen)
    lines += _more(len(claims))
    if apart:
        lines += ["", "Kept apart, though they look alike:", "", *apart]
    return lines


def _apart_lines(claim: FigureClaim, seen: set[frozenset[str]]) -> list[str]:
    """Why this claim stays apart from each look-alike, each pair said once."""
    mine = f"{_figure_value(claim)} {escape(claim.counts)}".strip()
    label = claim_label(claim)
    lines = []
    for why in claim.apart_from:
        other, _, reason = why.partition(": ")
        key = frozenset((label, other))
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"- {mine} vs {escape(other)}: {escape(reason)}")
    return lines


def _figure_value(claim: FigureClaim) -> str:
    if claim.value is None:
        return "?"
    value = _number(claim.value)
    unit = "%" if claim.unit == "%" else f" {escape(claim.unit)}" if claim.unit else ""
    per = f" a {escape(claim.per)}" if claim.per else ""
    return value + unit + per


def _figure_report(report: FigureReport) -> str:
    who = f" (per {escape(report.attributed_to)})" if report.attributed_to else ""
    return (
        f"{escape(report.outlet) or report.article}{who}: “{escape(report.text)}” "
        f"{_ref(report.article, report.start, report.end)}"
    )


def _timeline(entries: Sequence[TimelineEntry]) -> list[str]:
    if not entries:
        return []
    lines = [
        "",
        "### Timeline",
        "",
        "| date | what | as written | reported by | first reported |",
        "|---|---|---|---|---|",
    ]
    for entry in entries[: SECTION_ROWS * 2]:
        first = entry.articles[0] if entry.articles else ""
        ref = _ref(first, entry.start, entry.end)
        lines.append(
            f"| {_when(entry.date)} | {escape(entry.text)} {ref} | "
            f"{escape(entry.expression)} | {escape(', '.join(entry.outlets))} | "
            f"{_when(entry.first_reported)} |"
        )
    return lines + _more(len(entries), SECTION_ROWS * 2)


def _alone(dossier: Dossier) -> list[str]:
    lines: list[str] = []
    for source in dossier.sources:
        if not source.independent:  # a copy's own and missing facts are its original's
            continue
        items = items_beyond_facts(dossier, source)
        rows = [f"- only here: {_fact(f)}" for f in source.alone[:SECTION_ROWS]]
        rows += [f"- only here, quote: {_quote_ref(dossier, i)}" for i in items.alone_quotes]
        rows += [f"- only here, figure: {_claim_ref(dossier, i)}" for i in items.alone_figures]
        rows += [f"- leaves out: {_fact(f)}" for f in source.omits[:SECTION_ROWS]]
        rows += [f"- leaves out quote: {_quote_ref(dossier, i)}" for i in items.omits_quotes]
        rows += [f"- leaves out figure: {_claim_ref(dossier, i)}" for i in items.omits_figures]
        if rows:
            lines += ["", f"**{escape(source.name)}**", "", *rows]
    if not lines:
        return []
    return ["", "### What each outlet alone reports, and what it leaves out", *lines]


def _fact(fact: FactRef) -> str:
    return f"{escape(fact.text)} {_ref(fact.article, fact.start, fact.end)}"


def _quote_ref(dossier: Dossier, index: int) -> str:
    if not 0 <= index < len(dossier.quotes) or not dossier.quotes[index].variants:
        return f"#{index}"
    group = dossier.quotes[index]
    variant = group.variants[0]
    speaker = escape(group.speaker) or "unknown speaker"
    return f"{speaker}: “{escape(_clip(variant.text))}”"


def _claim_ref(dossier: Dossier, index: int) -> str:
    if not 0 <= index < len(dossier.figures):
        return f"#{index}"
    claim = dossier.figures[index]
    return f"{_figure_value(claim)} {escape(claim.counts)}".strip()


def _articles(story: Story, by_id: Mapping[str, Article]) -> list[str]:
    copy_of = {m.article: m.copy_of for m in story.why if m.copy_of}
    lines = ["", "### Articles", ""]
    for article_id in story.articles:
        article = by_id.get(article_id)
        title = escape(article.title) if article else ""
        outlet = escape(article.outlet) if article else ""
        when = f" ({_when(article.published)})" if article and article.published else ""
        copy = f" — copy of `{copy_of[article_id]}`" if article_id in copy_of else ""
        url = f" <{escape(article.url)}>" if article and article.url else ""
        lines.append(f"- `{article_id}` {outlet}{when}: {title}{copy}{url}")
    return lines


# --------------------------------------------------------------------------------- helpers


def _ref(article: str, start: int, end: int) -> str:
    if not article:
        return ""
    if end > start:
        return f"\\[{escape(article)}:{start}–{end}\\]"
    return f"\\[{escape(article)}\\]"


def _sources_of(article_ids: Sequence[str], by_id: Mapping[str, Article]) -> str:
    outlets = list(dict.fromkeys(by_id[a].outlet for a in article_ids if a in by_id))
    refs = ", ".join(f"`{a}`" for a in article_ids)
    return f"— {escape(', '.join(outlets))} ({refs})" if outlets else f"({refs})"


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _clip(text: str, words: int = 14) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def _more(total: int, shown: int = SECTION_ROWS) -> list[str]:
    return [f"- … and {total - shown} more (see the JSON export)"] if total > shown else []


def rejection_lines(rejections: list[Rejection]) -> list[str]:
    lines = ["## Rejected inputs", "", "| input | code | reason |", "|---|---|---|"]
    lines += [f"| {escape(r.input)} | {r.code} | {escape(r.reason)} |" for r in rejections]
    return lines
