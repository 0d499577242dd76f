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

from newsloom.fuse.linking import link
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
    "worker": "worker",
    "employee": "worker",
    "staff": "worker",
    "staffer": "worker",
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

_PREPOSITION_RE = re.compile(
    r"\b(?:in|into|of|near|to|at|from|on|across|inside|outside|along|around|off)\b", re.I
)
_CAPITALISED_RUN_RE = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


@dataclass(frozen=True, slots=True)
class ClaimKey:
    """What a figure counts, as far as comparing it with other figures goes."""

    what: str
    unit: str
    per: str
    where: str
    predicate: str = ""

    def same_kind(self, other: ClaimKey) -> bool:
        return (self.what, self.unit, self.per) == (other.what, other.unit, other.per)

    def same_place(self, other: ClaimKey) -> bool:
        return not self.where or not other.where or self.where == other.where

    @property
    def bare(self) -> bool:
        """A number that names neither what it counts nor a unit ("more than 200")."""
        return not self.what and not self.unit

    def same_predicate(self, other: ClaimKey) -> bool:
        return not self.predicate or not other.predicate or self.predicate == other.predicate


def counted_class(figure: Figure) -> str:
    head = (figure.counts_head or _last_word(figure.counts) or "").lower()
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if _names_people(figure.counts):
        return "people"
    return COUNT_CLASSES.get(head) or COUNT_CLASSES.get(singular) or singular


def _names_people(counts: str | None) -> bool:
    """A demonym as the counted thing: "7,000 North Koreans", "300 Velorians"."""
    last = _last_word(counts) or ""
    return last[:1].isupper() and last.endswith(_DEMONYM_PLURALS)


#: Plural demonym endings (Koreans, Ukrainians, Chinese, Israelis).
_DEMONYM_PLURALS = ("ans", "ese", "is", "ers")
#: Classes that count people: claims across them are compared and explained, never merged.
PEOPLE_CLASSES = frozenset({"troop", "people"})


def _last_word(text: str | None) -> str | None:
    return text.split()[-1] if text and text.split() else None


def scope_place(scope: str | None) -> str:
    """The place a scope names most narrowly: the last proper name of its first phrase that has
    one. "in Russia’s Kursk region near Ukraine’s border" → kursk; "the Kursk-Oblast area of
    Russia" → kursk; "to areas near Ukraine" → ukraine."""
    if not scope:
        return ""
    for phrase in _PREPOSITION_RE.split(scope):
        runs = _CAPITALISED_RUN_RE.findall(phrase)
        if runs:
            return place_key(_after_possessive(runs[-1]))
    return ""


def _after_possessive(run: str) -> str:
    """ "Russia’s Kursk" → "Kursk": the owner names a wider place than the thing it owns."""
    words = run.split()
    owners = [i for i, w in enumerate(words) if w.endswith(("’s", "'s"))]
    if owners and owners[-1] + 1 < len(words):
        return " ".join(words[owners[-1] + 1 :])
    return run


def claim_key(figure: Figure) -> ClaimKey:
    return ClaimKey(
        what=counted_class(figure),
        unit=figure.unit or "",
        per=figure.per or "",
        where=scope_place(figure.scope),
        predicate=figure.predicate or "",
    )


Placed = tuple[Article, Figure, ClaimKey]


def figure_claims(members: Sequence[Article], report_of: Mapping[str, str]) -> list[FigureClaim]:
    """Claims of the story's figures; ``report_of`` maps each copy to its group's earliest page.

    Two figures are one claim when they count the same kind of thing in compatible scopes and
    either agree on the number (and do not name different events: "killed" vs "missing") or
    name the same event with different numbers (a ``differs`` claim). Figures of one article
    with different numbers are never linked directly: one report does not contradict itself.
    """
    placed: list[Placed] = [
        (a, f, claim_key(f)) for a in members for f in a.figures if f.value is not None
    ]
    reps, copies = _one_per_report(placed, report_of)
    reps = _adopt_kinds(reps, report_of)
    groups = []
    for linked in link(list(range(len(reps))), lambda i, j: _same_claim(reps[i], reps[j])):
        order = sorted(k for i in linked for k in copies[i])
        key_of = {k: reps[i][2] for i in linked for k in copies[i]}
        groups.append([(placed[k][0], placed[k][1], key_of[k]) for k in order])
    claims = [(_representative(g), _claim([(a, f) for a, f, _ in g], report_of)) for g in groups]
    _explain_apart(claims)
    return sorted((c for _, c in claims), key=lambda c: (-c.independent_reports, c.counts or ""))


#: A bare number ("more than 200") takes the kind of the figures elsewhere that agree with it
#: only from this value up: small numbers agree by chance too often.
BARE_MIN_VALUE = 10


def _one_per_report(
    placed: list[Placed], report_of: Mapping[str, str]
) -> tuple[list[Placed], list[list[int]]]:
    """One figure per copy group: the same figure (text, value and kind, and which of its kind
    in its page) in every copy of one report is compared once, not once per copy — a story
    with 250 copies of a wire report compared 250² figure pairs. Returns the representatives
    (the first copy's) and, for each, the indices in ``placed`` of all its copies."""
    reps: list[Placed] = []
    copies: list[list[int]] = []
    first: dict[tuple[object, ...], int] = {}
    nth: Counter[tuple[object, ...]] = Counter()
    for index, (article, figure, key) in enumerate(placed):
        own = (article.id, figure.text, figure.value, key)
        nth[own] += 1
        sig = (report_of.get(article.id, article.id), figure.text, figure.value, key, nth[own])
        if sig in first:
            copies[first[sig]].append(index)
            continue
        first[sig] = len(reps)
        reps.append((article, figure, key))
        copies.append([index])
    return reps, copies


def _adopt_kinds(placed: list[Placed], report_of: Mapping[str, str]) -> list[Placed]:
    """A figure that names no counted thing and no unit ("more than 200", "about 90,000") takes
    the kind of the figures of other reports that give the same number, when they all count one
    kind of thing; otherwise it stays a claim of its own."""
    out: list[Placed] = []
    for article, figure, key in placed:
        if key.what or key.unit or (figure.value or 0) < BARE_MIN_VALUE:
            out.append((article, figure, key))
            continue
        mine = report_of.get(article.id, article.id)
        kinds = {
            (k.what, k.unit, k.per)
            for a, f, k in placed
            if report_of.get(a.id, a.id) != mine
            and (k.what or k.unit)
            and _agree(f.value, figure.value)
        }
        if len(kinds) == 1:
            what, unit, per = kinds.pop()
            key = ClaimKey(what=what, unit=unit, per=per, where=key.where,
                           predicate=key.predicate)  # fmt: skip
        out.append((article, figure, key))
    return out


def _same_claim(a: Placed, b: Placed) -> bool:
    (art_a, fig_a, ka), (art_b, fig_b, kb) = a, b
    if not ka.same_place(kb):
        return False
    if _agree(fig_a.value, fig_b.value):
        if ka.bare and kb.bare:  # "up to 80" and "as many as 80": the same number by chance
            return bool(ka.predicate) and ka.predicate == kb.predicate
        return _same_kind_agreeing(art_a, ka, art_b, kb) and ka.same_predicate(kb)
    if not ka.same_kind(kb):
        return False
    return art_a.id != art_b.id and bool(ka.predicate) and ka.predicate == kb.predicate


def _same_kind_agreeing(art_a: Article, ka: ClaimKey, art_b: Article, kb: ClaimKey) -> bool:
    """Kinds that may be one claim when two outlets give the same number.

    The same number of the same thing with the rate left out by one outlet ("18,000 vehicles a
    day" / "some 18,000 vehicles") is one claim across articles; within one article, figures
    counted differently stay apart. The same number of people in different roles ("320
    people" / "320 employees") was measured and left apart: on the sample corpus it raised
    pair recall from 0.76 to 0.82 but chained different claims, precision 0.94 → 0.90.
    """
    if ka.same_kind(kb):
        return True
    if art_a.id == art_b.id or (ka.what, ka.unit) != (kb.what, kb.unit):
        return False
    return not ka.per or not kb.per


def _agree(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= AGREE_TOLERANCE * max(abs(a), abs(b), 1.0)


def _representative(group: list[Placed]) -> ClaimKey:
    """The group's key: its most common kind, with the place and predicate it states."""
    keys = [k for _, _, k in group]
    where = next((k.where for k in keys if k.where), "")
    predicate = Counter(k.predicate for k in keys if k.predicate).most_common(1)
    first = keys[0]
    return ClaimKey(
        what=first.what, unit=first.unit, per=first.per, where=where,
        predicate=predicate[0][0] if predicate else "",
    )  # fmt: skip


def _claim(items: list[tuple[Article, Figure]], report_of: Mapping[str, str]) -> FigureClaim:
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
    agreeing = [r for r in reports if _bucket(r.value, values) == main]
    status = "differs" if len(values) > 1 and _independent_disagree(reports, values) else (
        "corroborated" if _corroborating(agreeing) else "single-source"
    )  # fmt: skip
    first = items[0][1]
    return FigureClaim(
        value=values[main], counts=first.counts, status=status, reports=reports,
        scope=first.scope, per=first.per, unit=first.unit, independent_reports=len(by_report),
    )  # fmt: skip


def _corroborating(agreeing: list[FigureReport]) -> bool:
    """Two independent reports from two outlets: one outlet's second article repeats its own
    number (its reporters share notes), it does not corroborate it."""
    reports = {r.report for r in agreeing}
    outlets = {r.outlet for r in agreeing}
    return len(reports) >= 2 and (len(outlets) >= 2 or None in outlets)


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


def _explain_apart(claims: list[tuple[ClaimKey, FigureClaim]]) -> None:
    for i, (a, ca) in enumerate(claims):
        for b, cb in claims[i + 1 :]:
            if not _comparable(a, b):
                continue
            reason = _difference(a, b, ca, cb)
            ca.apart_from.append(f"{claim_label(cb)}: {reason}")
            cb.apart_from.append(f"{claim_label(ca)}: {reason}")


def _comparable(a: ClaimKey, b: ClaimKey) -> bool:
    """Claims a reader could confuse: the same class, or both counting people."""
    if a.unit != b.unit:
        return False
    return a.what == b.what or (a.what in PEOPLE_CLASSES and b.what in PEOPLE_CLASSES)


def _difference(a: ClaimKey, b: ClaimKey, ca: FigureClaim, cb: FigureClaim) -> str:
    reasons = []
    pa, pb = a.predicate, b.predicate
    if pa and pb and pa != pb:
        reasons.append(f"different events ({pa} vs {pb})")
    if a.what != b.what:
        reasons.append(f"counts different things ({ca.counts} vs {cb.counts})")
    if a.per != b.per:
        reasons.append(f"a rate per {a.per or b.per}, not a total")
    if a.where != b.where:
        reasons.append(f"different scope ({ca.scope or 'unstated'} vs {cb.scope or 'unstated'})")
    if not reasons and ca.value != cb.value:
        reasons.append("different numbers with nothing saying they count the same event")
    return "; ".join(reasons) or "different claims"


def format_number(value: float) -> str:
    """A figure as a reader writes it: 4,100,000,000 rather than 4,099,999,999.9999995."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.2f}".rstrip("0").rstrip(".")


def claim_label(claim: FigureClaim) -> str:
    """How a claim is named where another claim says why it stays apart: "9%", "8,000 troops",
    "18,000,000 USD"."""
    value = "?" if claim.value is None else format_number(claim.value)
    if claim.unit == "%":
        value += "%"
    elif claim.unit:
        value += f" {claim.unit}"
    return f"{value} {claim.counts or ''}".strip()
