"""Where an entity clustering goes wrong: mention pairs broken down by family, by kind of pair
(name, nominal, pronoun) and by within- or cross-document, missed against wrong; and what each
family would add to CoNLL F1 if it were clustered perfectly.

    python bench/entity_coref.py --data ../shared/evaldata/ecbplus --topics 1-25 --breakdown

Counting pairs (not chains) over-weights large chains, which is also what B³ does; the oracle
rows answer the question CoNLL asks (how much a family is worth) directly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

from newsloom.fuse.coref_mention import MentionInDoc, pronoun

__all__ = ["PairTally", "breakdown_lines", "kind", "oracle", "pair_tally", "top_misses"]

Clusters = dict[str, str]
Scorer = Callable[[Mapping[str, str], Mapping[str, str]], Mapping[str, object]]
#: (family, pair kind, "within"/"cross") → counts of "correct", "missed", "wrong" pairs.
PairTally = dict[tuple[str, str, str], Counter[str]]


def kind(m: MentionInDoc) -> str:
    """``pron``, ``name`` or ``nom`` (a common noun, a number, anything else)."""
    return "pron" if pronoun(m) else "name" if m.proper else "nom"


def _pair_kind(a: MentionInDoc, b: MentionInDoc) -> str:
    return "-".join(sorted((kind(a), kind(b))))


def pair_tally(
    mentions: Sequence[MentionInDoc], gold: Mapping[str, str], pred: Mapping[str, str]
) -> PairTally:
    """Every pair of mentions that gold or prediction puts together, counted by class.

    A pair is ``correct`` (together in both), ``missed`` (gold only) or ``wrong`` (prediction
    only). Only pairs inside one gold or one predicted chain are visited, so the cost follows
    the chain sizes, not the square of the mention count."""
    by_key = {m.key: m for m in mentions}
    seen: set[tuple[str, str]] = set()
    tally: PairTally = defaultdict(Counter)
    for clusters in (gold, pred):
        members: dict[str, list[str]] = defaultdict(list)
        for key in sorted(by_key):
            members[clusters[key]].append(key)
        for chain in members.values():
            for i, a in enumerate(chain):
                for b in chain[i + 1 :]:
                    if (a, b) in seen:
                        continue
                    seen.add((a, b))
                    ma, mb = by_key[a], by_key[b]
                    together = gold[a] == gold[b], pred[a] == pred[b]
                    outcome = {(True, True): "correct", (True, False): "missed"}.get(
                        together, "wrong"
                    )
                    where = "within" if ma.doc == mb.doc else "cross"
                    tally[(ma.family, _pair_kind(ma, mb), where)][outcome] += 1
    return tally


def oracle(
    mentions: Sequence[MentionInDoc],
    gold: Mapping[str, str],
    pred: Mapping[str, str],
    keep: Callable[[MentionInDoc], bool],
) -> Clusters:
    """The prediction with the mentions ``keep`` selects placed perfectly given the rest: each
    joins the predicted chain most of its gold chain's other (unselected) mentions are in, or,
    when the gold chain has none, a chain of the selected mentions of its gold chain alone."""
    rest: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if not keep(m):
            rest[gold[m.key]][pred[m.key]] += 1
    out = dict(pred)
    for m in mentions:
        if keep(m):
            home = rest.get(gold[m.key])
            out[m.key] = home.most_common(1)[0][0] if home else f"oracle|{gold[m.key]}"
    return out


def top_misses(
    mentions: Sequence[MentionInDoc],
    gold: Mapping[str, str],
    pred: Mapping[str, str],
    family: str,
    limit: int = 15,
    wrong: bool = False,
) -> list[tuple[int, str]]:
    """The most frequent missed (or, with ``wrong``, wrongly joined) pairs of one family, as
    ``head/kind ~ head/kind``."""
    counts: Counter[str] = Counter()
    chains: dict[str, list[MentionInDoc]] = defaultdict(list)
    by, other = (pred, gold) if wrong else (gold, pred)
    for m in mentions:
        if m.family == family:
            chains[by[m.key]].append(m)
    for chain in chains.values():
        for i, a in enumerate(chain):
            for b in chain[i + 1 :]:
                if other[a.key] != other[b.key]:
                    pair = sorted((f"{a.head}/{kind(a)}", f"{b.head}/{kind(b)}"))
                    counts[" ~ ".join(pair)] += 1
    return [(n, label) for label, n in counts.most_common(limit)]


def breakdown_lines(
    mentions: Sequence[MentionInDoc],
    gold: Mapping[str, str],
    pred: Mapping[str, str],
    score: Scorer,
) -> list[str]:
    """The printed report: pair table, oracle CoNLL per family and per kind, top misses."""
    tally = pair_tally(mentions, gold, pred)
    lines = [f"{'family':<5} {'pair':<10} {'where':<6} {'correct':>8} {'missed':>8} {'wrong':>8}"]
    for (fam, pair, where), c in sorted(tally.items(), key=lambda kv: -sum(kv[1].values())):
        lines.append(
            f"{fam:<5} {pair:<10} {where:<6} {c['correct']:>8} {c['missed']:>8} {c['wrong']:>8}"
        )
    base = float(str(score(gold, pred)["CoNLL"]))
    lines.append(f"CoNLL as predicted: {100 * base:.1f}")
    tests: dict[str, Callable[[MentionInDoc], bool]] = {
        f"family {fam}": (lambda m, f=fam: m.family == f) for fam in ("HUM", "NON", "LOC", "TIME")
    }
    tests.update({f"kind {k}": (lambda m, k=k: kind(m) == k) for k in ("name", "nom", "pron")})
    tests["HUM names and nominals"] = lambda m: m.family == "HUM" and kind(m) != "pron"
    tests["HUM nominals"] = lambda m: m.family == "HUM" and kind(m) == "nom"
    tests["HUM pronouns"] = lambda m: m.family == "HUM" and kind(m) == "pron"
    for label, keep in tests.items():
        value = float(str(score(gold, oracle(mentions, gold, pred, keep))["CoNLL"]))
        lines.append(f"oracle {label:<24} {100 * value:5.1f} ({100 * (value - base):+.1f})")
    for fam in ("HUM", "NON", "LOC", "TIME"):
        for wrong in (False, True):
            lines.append(f"top {'wrong' if wrong else 'missed'} pairs, {fam}:")
            found = top_misses(mentions, gold, pred, fam, wrong=wrong)
            lines += [f"  {n:>5}  {label}" for n, label in found]
    return lines
