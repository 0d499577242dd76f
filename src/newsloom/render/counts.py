"""How many reports and copies back a claim, said the same way on every surface.

A figure reported by one wire story and three papers that reprinted it is *one* report: "single-
source · 4 outlets" reads as a contradiction, "single-source · 1 report · 3 copies" does not. The
web dossier, the Markdown export and the terminal all word it with :func:`reports_copies`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from newsloom.model import FigureClaim

_WORD = re.compile(r"\S+")
_NOT_WORD = re.compile(r"[^\w]+")


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


def wording_key(text: str) -> str:
    """Equal for two quotes with the same words, whatever their case, punctuation or spacing
    (a reprint's curly apostrophe, a dropped comma): such copies are one wording."""
    return " ".join(n for w in _WORD.findall(text) if (n := _NOT_WORD.sub("", w.lower())))


def quote_summary(
    n_articles: int, n_wordings: int, reports: int, copies: int, reworded: bool
) -> str:
    """``same words in 4 articles (1 report · 3 copies)``, ``2 versions in 5 articles (2 reports
    · 3 copies): some trimmed`` (or ``worded differently``), ``1 article``: copies of one wording
    are never called versions."""
    if n_articles <= 1:
        return "1 article"
    backing = f"in {n_articles} articles ({reports_copies(reports, copies)})"
    if n_wordings <= 1:
        return f"same words {backing}"
    how = "worded differently" if reworded else "some trimmed"
    return f"{n_wordings} versions {backing}: {how}"


def quote_backing(variants: Sequence[tuple[str, str]], report_of: Mapping[str, str]) -> str:
    """:func:`quote_summary` of a quote's ``(article, text)`` versions: a version whose words
    all appear, in order, in the longest one is trimmed; any other is worded differently."""
    wordings = list(dict.fromkeys(wording_key(text) for _, text in variants))
    longest = max(wordings, key=len, default="").split()
    reworded = any(not _within(w.split(), longest) for w in wordings)
    reports, copies = count_reports([a for a, _ in variants], report_of)
    return quote_summary(len({a for a, _ in variants}), len(wordings), reports, copies, reworded)


def _within(words: list[str], longest: list[str]) -> bool:
    """Are ``words`` a subsequence of ``longest``?"""
    rest = iter(longest)
    return all(w in rest for w in words)
