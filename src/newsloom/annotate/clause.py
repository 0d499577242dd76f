"""Clauses from spaCy's dependency parse: which verb a time expression belongs to, and its tense.

A weekday takes its direction from the verb it modifies, not from any modal nearby: in "they
would look for ways to get around Wednesday's ruling" the "would" belongs to "look", and
Wednesday modifies a noun; in "the evacuation would begin ... possibly by Thursday" the
"would" is the auxiliary of "begin", the verb Thursday attaches to, so Thursday is ahead.

The same parse says which time expressions belong to a cue verb's own clause ("officials on
Thursday said ... where Ukraine in August captured territory": Thursday dates the statement,
August the capture inside the reported clause).
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span, Token

from newsloom.annotate.timex_vocab import (
    DEADLINE_PREPS,
    FUTURE_AUXILIARIES,
    PAST_AUXILIARIES,
    PERFECT_AUXILIARIES,
    PROSPECTIVE_VERBS,
    TARGET_PREPS,
)

Tense = Literal["past", "future"] | None

#: Dependency labels by which a time expression hangs off the verb it modifies: "said
#: Thursday" (npadvmod), "on Thursday" (pobj → prep), "Monday and Tuesday" (conj).
ATTACH_DEPS = frozenset({"npadvmod", "tmod", "obl", "pobj", "prep", "pcomp", "advmod", "conj",
                         "appos", "nummod", "quantmod", "dep", "cc", "attr"})  # fmt: skip
#: Steps up the parse from the time expression to the verb it modifies. TempEval-3 dev value
#: F1 (bench/tempeval.py --spacy): 1 → 79.3, 2 → 79.8, 3 → 79.8, 4 → 79.8, 6 → 79.8; 4 is the
#: middle of the flat top.
MAX_CLIMB = 4
#: Clausal dependents: a time inside one belongs to that clause, not to the verb above it.
CLAUSAL_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"}
)
_VERB_POS = frozenset({"VERB", "AUX"})
#: Present-tense reporting verbs: "officials say Friday's vote ..." reports, it sets no date.
_REPORTING = frozenset(
    f"{stem}{end}"
    for stem in ("say", "tell", "report", "announce", "claim", "add", "note", "write", "state",
                 "confirm", "show", "suggest", "reveal", "insist", "argue", "believe", "think")
    for end in ("", "s")
)  # fmt: skip


def governing_verb(span: Span) -> tuple[Token, str] | None:
    """The verb a time expression modifies and the preposition it hangs from ("" for none), or
    None when it modifies a noun ("Wednesday's ruling", "a Sunday night service") or the parse
    does not reach a verb in a few steps."""
    token, prep = span.root, ""
    for _ in range(MAX_CLIMB):
        if token.dep_ not in ATTACH_DEPS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in _VERB_POS:
            return token, prep
        if token.dep_ == "prep" and not prep:
            prep = token.lower_
    return None


def clause_tense(verb: Token, prep: str = "") -> Tense | Literal["unknown"]:
    """The tense of ``verb``'s clause for a time hanging from ``prep``: future, past, or
    "unknown" when the clause gives no sign (a bare present, an infinitive under a past verb),
    so the caller can fall back to cue words nearby."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in FUTURE_AUXILIARIES for a in auxes):
        return "future"
    if verb.i > 0 and verb.doc[verb.i - 1].tag_ == "POS":
        return "unknown"  # "the choir's set Friday night": a noun the parser read as a verb
    perfect = "had" in auxes
    if verb.lower_ in PROSPECTIVE_VERBS and prep in TARGET_PREPS and not perfect:
        return "future"  # "planned for early March", "has scheduled a news conference Thursday"
    past = perfect or any(a in PAST_AUXILIARIES for a in auxes) or verb.tag_ == "VBD"
    past = past or (verb.tag_ == "VBN" and any(a in PERFECT_AUXILIARIES for a in auxes))
    if past:
        if prep in DEADLINE_PREPS and not (verb.lower_ == "had" and not auxes):
            return "unknown"  # "extended the offer until Nov. 9": ahead, maybe
        return "past"  # "they had until Nov. 1 to file": the time they had is behind
    if verb.tag_ == "VBG" and auxes:  # "is meeting Tuesday"
        return "future"
    if verb.lower_ in {"is", "are"} and not auxes:
        return "future"  # "the vote is Tuesday", "the launch is on Tuesday": what is set
    if verb.tag_ == "VBP" and _singular_subject(verb):
        return "past"  # "weakness hurt the index on Friday": a past that looks like a present
    if verb.tag_ in ("VBZ", "VBP") and not auxes and verb.lower_ not in _REPORTING:
        return "future"  # "the fair opens on Friday": a schedule
    if verb.dep_ in ("xcomp", "ccomp") and verb.tag_ == "VB" and verb.head.i != verb.i:
        return _complement_tense(verb.head)
    if verb.dep_ == "xcomp" and _due_in_the_past(verb.head):
        return None  # "was due to be released in September": the nearer September
    return "unknown"


def _singular_subject(verb: Token) -> bool:
    """A singular noun subject ("weakness", "the mill"): a present tense would end in -s, so a
    bare form ("hurt", "cut", "set") under it is the unchanged past tense, tagged VBP. Not a
    coordinated subject ("Smith and Jones mail an offer by Nov. 22"), which is plural."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.tag_ in ("NN", "NNP")
        and not any(g.dep_ == "conj" for g in c.children)
        for c in verb.children
    )


def _due_in_the_past(head: Token) -> bool:
    """ "was due to", "were due to": a plan told in the past tense, whose date may have come
    or not; the nearer occurrence is the likelier."""
    return head.lower_ == "due" and head.dep_ == "acomp" and head.head.lower_ in ("was", "were")


def _complement_tense(head: Token) -> Tense | Literal["unknown"]:
    """ "is expected to arrive Thursday", "will try to meet Tuesday": ahead; "had been
    scheduled to expire Friday", "had planned to impose Dec. 15": a plan told in the past
    perfect, no direction (a weekday is the last one, a date the nearer); anything else says
    nothing."""
    auxes = [c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")]
    if "had" in auxes:
        return None if head.lower_ in PROSPECTIVE_VERBS else "unknown"
    if head.lower_ in PROSPECTIVE_VERBS or any(a in FUTURE_AUXILIARIES for a in auxes):
        return "future"
    return "unknown"


def time_tense(span: Span) -> Tense | Literal["unknown"]:
    """The tense of the clause a time expression belongs to (see ``clause_tense``)."""
    found = governing_verb(span)
    return "unknown" if found is None else clause_tense(*found)


def in_clause_of(verb: Token, token: Token) -> bool:
    """Whether ``token`` is in ``verb``'s own clause: under it, but not inside a clausal
    dependent (the reported clause, a relative clause) below it."""
    node = token
    while node.i != verb.i:
        if node.head.i == node.i:
            return False
        if node.dep_ in CLAUSAL_DEPS:
            return False
        node = node.head
    return True
