"""How many reports and copies back a claim, said the same way on every surface.

A figure reported by one wire story and three papers that reprinted it is *one* report: "single-
source · 4 outlets" reads as a contradiction, "single-source · 1 report · 3 copies" does not. The
web dossier, the Markdown export and the terminal all word it with :func:`reports_copies`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsloom.model import FigureClaim


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 report``, ``3 reports``, ``1 copy``, ``2 copies``."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def reports_copies(reports: int, copies: int) -> str:
    """``2 reports`` or ``1 report · 3 copies``: independent reports, then the copies of them."""
    text = plural(reports, "report")
    return text + (f" · {plural(copies, 'copy', 'copies')}" if copies else "")


def count_reports(articles: Iterable[str], report_of: Mapping[str, str]) -> tuple[int, int]:
    """(independent reports, copies) among ``articles``; ``report_of`` maps a copy to the
    report it copies (an article not in it is a report of its own)."""
    unique = set(articles)
    reports = {report_of.get(a, a) for a in unique}
    return len(reports), len(unique) - len(reports)


def claim_reports(claim: FigureClaim, report_of: Mapping[str, str]) -> tuple[int, int]:
    """(independent reports, copies) behind a figure claim. Each report row names its report
    (``FigureReport.report``, set by the fuse stage); ``report_of`` covers rows without one."""
    of = {r.article: r.report or report_of.get(r.article, r.article) for r in claim.reports}
    return count_reports(of, of)
