"""The figure table: figures grouped into claims across outlets, each with a status.

A claim is one counted thing in one scope: the counted head (``soldier`` and ``troop`` are one
class), the unit, the rate (``a day``) and the place the scope names. Within a claim, reports
that agree on the number corroborate each other when they come from two or more independent
reports (copies of one wire story count once); different numbers make it ``differs``. Claims
that count the same class in different scopes stay apart, and each says why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsloom.fuse.names import place_key
from newsloom.model import Article, Figure, FigureClaim, FigureReport

#: Two reports agree when their values differ by at most this share ("some 8,000" = "8,000").
AGREE_TOLERANCE = 0.02

#: Counted heads that are one class of thing.
COUNT_CLASSES: dict[str, str] = {
    "soldier": "troop",
    "troop": "troop",
    "serviceman": "troop",
    "servicemen": "troop",
    "servicemember": "troop",
    "personnel": "troop",
    "fighter": "troop",
    "person": "people",
    "people": "people",
    "resident": "people",
    "civilian": "people",
    "shell": "shell",
    "munition": "shell",
    "round": "shell",
    "dead": "death",
    "death": "death",
    "fatality": "death",
    "killed": "death",
    "injured": "injury",
    "injury": "injury",
    "wounded": "injury",
}

_CAPITALISED_RUN_RE = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


@dataclass(frozen=True, slots=True)
class ClaimKey:
    what: str
    unit: str
    per: str
    where: str

    def describe(self) -> str:
        parts = [self.what]
        if self.per:
            parts.append(f"per {self.per}")
        if self.where:
            parts.append(f"in scope {self.where}")
        return " ".join(parts)


def counted_class(figure: Figure) -> str:
    head = (figure.counts_head or _last_word(figure.counts) or "").lower()
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return COUNT_CLASSES.get(head) or COUNT_CLASSES.get(singular) or singular


def _last_word(text: str | None) -> str | None:
    return text.split()[-1] if text and text.split() else None


def scope_place(scope: str | None) -> str:
    """The place key of the last proper name in a scope: "in Russia’s Kursk region" → kursk."""
    if not scope:
        return ""
    runs = _CAPITALISED_RUN_RE.findall(scope)
    return place_key(runs[-1]) if runs else ""


def claim_key(figure: Figure) -> ClaimKey:
    return ClaimKey(
        what=counted_class(figure),
        unit=figure.unit or "",
        per=figure.per or "",
        where=scope_place(figure.scope),
    )


def figure_claims(members: Sequence[Article], report_of: Mapping[str, str]) -> list[FigureClaim]:
    """Claims of the story's figures; ``report_of`` maps each copy to its group's earliest page."""
    grouped: dict[ClaimKey, list[tuple[Article, Figure]]] = {}
    for article in members:
        for figure in article.figures:
            if figure.value is None:
                continue
            grouped.setdefault(claim_key(figure), []).append((article, figure))
    claims = {key: _claim(key, items, report_of) for key, items in grouped.items()}
    _explain_apart(claims)
    return sorted(claims.values(), key=lambda c: (-c.independent_reports, c.counts or ""))


def _claim(
    key: ClaimKey, items: list[tuple[Article, Figure]], report_of: Mapping[str, str]
) -> FigureClaim:
    reports = [
        FigureReport(
            article=a.id, text=f.text, start=f.start, end=f.end, attributed_to=f.attributed_to,
            value=f.value, qualifier=f.qualifier, outlet=a.outlet,
            report=report_of.get(a.id, a.id),
        )
        for a, f in items
    ]  # fmt: skip
    values = _distinct_values([r.value for r in reports if r.value is not None])
    by_report = {r.report for r in reports}
    main = Counter(_bucket(r.value, values) for r in reports).most_common(1)[0][0]
    agreeing = {r.report for r in reports if _bucket(r.value, values) == main}
    status = "differs" if len(values) > 1 and _independent_disagree(reports, values) else (
        "corroborated" if len(agreeing) >= 2 else "single-source"
    )  # fmt: skip
    first = items[0][1]
    return FigureClaim(
        value=values[main], counts=first.counts, status=status, reports=reports,
        scope=first.scope, per=first.per, unit=first.unit, independent_reports=len(by_report),
    )  # fmt: skip


def _distinct_values(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or abs(value - out[-1]) > AGREE_TOLERANCE * max(abs(out[-1]), 1.0):
            out.append(value)
    return out


def _bucket(value: float | None, values: list[float]) -> int:
    if value is None:
        return 0
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def _independent_disagree(reports: list[FigureReport], values: list[float]) -> bool:
    """Different numbers from different reports (one report restating itself is not a conflict)."""
    buckets_by_report: dict[str | None, set[int]] = {}
    for r in reports:
        buckets_by_report.setdefault(r.report, set()).add(_bucket(r.value, values))
    seen = set().union(*buckets_by_report.values()) if buckets_by_report else set()
    return len(seen) > 1 and len(buckets_by_report) > 1


def _explain_apart(claims: dict[ClaimKey, FigureClaim]) -> None:
    keys = list(claims)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a.what != b.what or a.unit != b.unit:
                continue
            reason = _difference(a, b)
            claims[a].apart_from.append(f"{_label(claims[b])}: {reason}")
            claims[b].apart_from.append(f"{_label(claims[a])}: {reason}")


def _difference(a: ClaimKey, b: ClaimKey) -> str:
    if a.per != b.per:
        return f"a rate per {a.per or b.per}, not a total"
    return f"different scope ({a.where or 'unstated'} vs {b.where or 'unstated'})"


def _label(claim: FigureClaim) -> str:
    value = f"{claim.value:,.0f}" if claim.value is not None else "?"
    return f"{value} {claim.counts or ''}".strip()
