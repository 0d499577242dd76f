"""An independent judge for byline entries: does spaCy read the entry as one person's name?

The entry is put in a neutral sentence ("The story was written by NAME.") and counts as a name
when spaCy's small English model labels exactly that span PERSON. The judge is imperfect on
unusual names, so the bench prints the rejected entries with --verbose for a human look.
"""

from __future__ import annotations

from functools import cache
from typing import Any

TEMPLATE = "The story was written by {}."
PREFIX = len("The story was written by ")


@cache
def _nlp() -> Any:
    import spacy

    from newsloom.config import DEFAULT_SPACY_MODELS

    for name in DEFAULT_SPACY_MODELS:
        try:
            return spacy.load(name, disable=["parser", "lemmatizer"])
        except OSError:
            continue
    raise RuntimeError("no spaCy English model installed")


@cache
def is_person_name(name: str) -> bool:
    doc = _nlp()(TEMPLATE.format(name))
    end = PREFIX + len(name)
    return any(
        ent.label_ == "PERSON" and ent.start_char == PREFIX and ent.end_char == end
        for ent in doc.ents
    )
