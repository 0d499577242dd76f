"""Rich renderings for the terminal. Page text goes in as ``Text`` objects, never as markup,
so a headline holding ``[bold]`` or escape sequences prints as the characters it is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsloom.model import Article, Dossier, FigureClaim, QuoteVariant, Rejection, Story
from newsloom.render.counts import claim_reports, quote_backing, reports_copies, wording_key
from newsloom.render.dates import human_date
from newsloom.render.plain import plain as plain


def print_stories(
    console: Console, stories: Sequence[Story], dossiers: Mapping[str, Dossier]
) -> None:
    if not stories:
        console.print("no stories yet: run [bold]newsloom ingest PATH[/] first")
        return
    table = Table("story", "latest", "pages", "indep.", "outlets", "title", box=None)
    for story in stories:
        dossier = dossiers.get(story.id) or Dossier(story=story.id)
        independent = sum(1 for s in dossier.sources if s.independent)
        outlets = ", ".join(s.name for s in dossier.sources)
        table.add_row(
            story.id,
            plain(human_date(story.last_published)),
            str(len(story.articles)),
            str(independent),
            plain(outlets),
            plain(story.title),
        )
    console.print(table)


def print_story(
    console: Console, story: Story, dossier: Dossier, articles: Sequence[Article]
) -> None:
    by_id = {a.id: a for a in articles}
    _title_rule(console, story.title or story.id)
    reports = story.reports or sum(1 for s in dossier.sources if s.independent)
    console.print(f"{story.id} · {len(story.articles)} pages · {reports} independent reports")
    _sources(console, dossier)
    _copies(console, story)
    if dossier.summary:
        console.print("\n[bold]Summary[/]")
        for line in dossier.summary:
            console.print(Text("• ") + plain(line.text) + Text(f"  [{', '.join(line.articles)}]"))
    report_of = {a: g.earliest for g in story.copy_groups for a in g.articles}
    _figures(console, dossier, report_of)
    _quotes(console, dossier, report_of)
    _timeline(console, dossier)
    _alone(console, dossier)
    if dossier.entities:
        console.print("\n[bold]Entities[/]")
        names = "; ".join(
            f"{e.name} ({e.type}; also {', '.join(a for a in e.aliases if a != e.name) or '—'})"
            for e in dossier.entities[:12]
        )
        console.print(plain(names))
    _why(console, story, by_id)


#: A heading rule is never wider than this, even when the output is a pipe of "infinite" width.
RULE_MAX = 100


def _title_rule(console: Console, title: str) -> None:
    if console.width <= RULE_MAX:
        console.rule(plain(title))
        return
    console.print(plain(title), style="bold")
    console.print("─" * min(max(len(title), 20), RULE_MAX))


#: Rows shown per dossier section in the terminal; the JSON and the web page have them all.
SECTION_ROWS = 8


def _figures(console: Console, dossier: Dossier, report_of: Mapping[str, str]) -> None:
    console.print("\n[bold]Figures[/]")
    if not dossier.figures:
        console.print("none found")
        return
    table = Table("figure", "counts", "status", "reported as", box=None)
    for claim in dossier.figures[:SECTION_ROWS]:
        value = f"{claim.value:,.0f}" if claim.value is not None else "?"
        status = f"{claim.status} · {reports_copies(*claim_reports(claim, report_of))}"
        table.add_row(value, plain(claim.counts), status, plain(_reported_as(claim)))
    console.print(table)


def _reported_as(claim: FigureClaim) -> str:
    """Who reports the claim, one clause per number given, so a differing figure always shows."""
    by_value: dict[str, list[str]] = {}
    for r in claim.reports:
        number = f"{r.value:,.0f}" if r.value is not None else "?"
        who = r.outlet or r.article
        if r.attributed_to:
            who += f" (per {r.attributed_to})"
        names = by_value.setdefault(number, [])
        if who not in names:
            names.append(who)
    if len(by_value) == 1:
        return "; ".join(next(iter(by_value.values())))
    return "; ".join(f"{number}: {', '.join(who)}" for number, who in by_value.items())


def _quotes(console: Console, dossier: Dossier, report_of: Mapping[str, str]) -> None:
    console.print("\n[bold]Quotes[/]")
    if not dossier.quotes:
        console.print("none found")
        return
    for group in dossier.quotes[:SECTION_ROWS]:
        said = quote_backing([(v.article, v.text) for v in group.variants], report_of)
        console.print(plain(f"{group.speaker or 'unknown speaker'} · {said}"))
        wordings: dict[str, list[QuoteVariant]] = {}  # copies of one wording: one line
        for v in group.variants:
            wordings.setdefault(wording_key(v.text), []).append(v)
        for same in wordings.values():
            outlets = ", ".join(dict.fromkeys(v.outlet or v.article for v in same))
            longest = len(wordings) > 1 and any(v.article == group.longest for v in same)
            mark = " (longest)" if longest else ""
            console.print(Text("  ") + plain(f"{outlets}{mark}: “{same[0].text}”"))


def _timeline(console: Console, dossier: Dossier) -> None:
    console.print("\n[bold]Timeline[/]")
    if not dossier.timeline:
        console.print("no dated statements")
        return
    table = Table("date", "reported by", "statement", box=None)
    for entry in dossier.timeline[: SECTION_ROWS * 2]:
        table.add_row(
            plain(human_date(entry.date)), plain(", ".join(entry.outlets)), plain(entry.text)
        )
    console.print(table)


def _alone(console: Console, dossier: Dossier) -> None:
    rows = [s for s in dossier.sources if s.independent and (s.alone or s.omits)]
    if not rows:
        return
    console.print("\n[bold]Only in one outlet · left out[/]")
    for source in rows:
        for label, facts in (("only here", source.alone), ("leaves out", source.omits)):
            if facts:
                more = f"  (+{len(facts) - 1} more)" if len(facts) > 1 else ""
                console.print(
                    Text("• ") + plain(f"{source.name} {label}: {facts[0].text}") + Text(more)
                )


def _sources(console: Console, dossier: Dossier) -> None:
    table = Table("outlet", "first published", "words", "report", "headline", box=None)
    for s in dossier.sources:
        table.add_row(
            plain(s.name),
            plain(human_date(s.first_published)),
            str(s.words),
            "independent" if s.independent else "copy",
            plain(s.headline),
        )
    console.print(table)


def _copies(console: Console, story: Story) -> None:
    for group in story.copy_groups:
        console.print(
            f"copies of one report ({group.similarity:.2f} overlap): earliest {group.earliest}; "
            f"also {', '.join(a for a in group.articles if a != group.earliest)}"
        )


def _why(console: Console, story: Story, by_id: Mapping[str, Article]) -> None:
    table = Table("article", "outlet", "similarity", "shared entities", "shared terms", box=None)
    for member in story.why:
        article = by_id.get(member.article)
        table.add_row(
            member.article,
            plain(article.outlet if article else ""),
            f"{member.similarity:.2f}",
            plain(", ".join(member.shared_entities)),
            plain(", ".join(member.shared_terms)),
        )
    console.print("\n[bold]Why each article is here[/]")
    console.print(table)


def print_rejections(console: Console, rejections: Sequence[Rejection]) -> None:
    if not rejections:
        console.print("no rejected inputs")
        return
    for r in rejections:  # one unbroken line each, so scripts can grep and cut them
        console.print(
            Text(f"{r.code}  ") + plain(r.input) + Text("  ") + plain(r.reason), soft_wrap=True
        )
