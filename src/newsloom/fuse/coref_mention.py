"""The mention type of cross-document coreference and the pronoun vocabulary it relies on.

Kept apart from :mod:`newsloom.fuse.coref` (cross-document clustering) and
:mod:`newsloom.fuse.coref_within` (chains inside one document), which both use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsloom.fuse.names import fold

__all__ = ["FAMILIES", "PRONOUNS", "MentionInDoc", "pronoun"]

#: Coarse families; mentions of different families never corefer (ECB+ 1–35: 2 of 849 chains
#: mix families).
FAMILIES = ("HUM", "LOC", "TIME", "NON")


@dataclass(frozen=True, slots=True)
class MentionInDoc:
    """One entity mention with the analysis clustering needs.

    ``position`` orders mentions within their document (token or character offset); ``lemmas``
    are the mention's lower-case content lemmas, ``context`` those of its sentence outside the
    mention; ``label`` is the NER label of the head token (``""`` for none); ``proper`` says
    the head is a proper noun.
    """

    key: str
    doc: str
    text: str
    head: str
    family: str
    label: str = ""
    sentence: int = 0
    position: int = 0
    plural: bool = False
    proper: bool = False
    lemmas: frozenset[str] = field(default_factory=frozenset)
    context: frozenset[str] = field(default_factory=frozenset)


#: Pronoun → (families it may stand for, "sg"/"pl"/"" number, needs a person antecedent).
PRONOUNS: dict[str, tuple[frozenset[str], str, bool]] = {
    **dict.fromkeys(
        ("he", "him", "his", "himself", "she", "her", "hers", "herself"),
        (frozenset({"HUM"}), "sg", True),
    ),
    **dict.fromkeys(("i", "me", "my", "mine", "myself"), (frozenset({"HUM"}), "sg", True)),
    **dict.fromkeys(
        ("they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "ourselves"),
        (frozenset({"HUM", "NON"}), "", False),
    ),
    **dict.fromkeys(("it", "its", "itself"), (frozenset({"NON", "HUM", "LOC"}), "sg", False)),
    **dict.fromkeys(("who", "whom", "whose"), (frozenset({"HUM"}), "", False)),
    **dict.fromkeys(("which", "that"), (frozenset({"NON", "HUM", "LOC"}), "", False)),
    "where": (frozenset({"LOC"}), "", False),
    "there": (frozenset({"LOC"}), "", False),
    "here": (frozenset({"LOC"}), "", False),
    "when": (frozenset({"TIME"}), "", False),
    "then": (frozenset({"TIME"}), "", False),
}

_QUOTES = "\"'“”‘’`«»"
#: Contracted verbs a pronoun mention may carry ("He's", "I'm", "they're").
_CONTRACTION_RE = re.compile(r"['’](?:s|m|re|ve|ll|d)$")


def pronoun(mention: MentionInDoc) -> str | None:
    """The mention's pronoun, folded (``"I`` → ``i``, ``She's`` → ``she``), or ``None`` for any
    other mention."""
    word = fold(mention.text.strip().strip(_QUOTES).strip())
    if word not in PRONOUNS:
        word = _CONTRACTION_RE.sub("", word)
    return word if word in PRONOUNS else None
