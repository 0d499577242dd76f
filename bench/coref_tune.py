"""Fine-tuning the mention encoder of :mod:`coref_embed` on coreference chains.

A bi-encoder, not a cross-encoder: each mention is encoded once (its word pieces' mean in the
context of its sentence), so clustering costs one pass per sentence, not one per mention pair.
Training samples a block of mentions (one document cluster and family), draws a few gold chains
from it, and pushes the cosine of every pair in the sample towards "same chain or not" (binary
cross-entropy on ``scale * cos + shift``). The dev blocks' pair average precision picks the
checkpoint that is kept. CPU only; needs ``torch`` and ``transformers``.
"""

from __future__ import annotations

import importlib
import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coref_embed import MentionEncoder, MentionSpan

__all__ = ["TrainingBlock", "TuneSettings", "fine_tune", "pair_average_precision"]


@dataclass(frozen=True, slots=True)
class TrainingBlock:
    """Mentions that the clusterer compares with each other, and each one's gold chain."""

    spans: tuple[MentionSpan, ...]
    chains: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TuneSettings:
    """Fine-tuning budget. Defaults measured on ECB+ topics 1–22 (dev 23–25) on 2 CPU cores:
    about 1 s a step."""

    minutes: float = 15.0
    max_steps: int = 2000
    chains_per_step: int = 8
    mentions_per_chain: int = 3
    singletons_per_step: int = 8
    learning_rate: float = 3e-5
    eval_every: int = 150
    seed: int = 13


def fine_tune(
    train: Sequence[TrainingBlock],
    dev: Sequence[TrainingBlock],
    out: Path,
    settings: TuneSettings = TuneSettings(),
    log: Callable[[str], None] = print,
) -> Path:
    """Fine-tune the MiniLM encoder on ``train``; save the checkpoint with the best dev pair
    average precision to ``out`` (a model folder :class:`MentionEncoder` reads)."""
    torch: Any = importlib.import_module("torch")
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    encoder = MentionEncoder()
    model = encoder.model
    scale = torch.nn.Parameter(torch.tensor(10.0))
    shift = torch.nn.Parameter(torch.tensor(-5.0))
    optimizer = torch.optim.AdamW(
        [*model.parameters(), scale, shift], lr=settings.learning_rate, weight_decay=0.01
    )
    best = pair_average_precision(encoder, dev)
    log(f"step 0: dev pair AP {best:.3f}")
    encoder.save(out)
    started = time.monotonic()
    useful = [b for b in train if len(set(b.chains)) < len(b.chains)]
    for step in range(1, settings.max_steps + 1):
        model.train()
        spans, chains = _sample(rng.choice(useful), settings, rng)
        vectors = _vectors(encoder, spans)
        same = torch.tensor([[a == b for b in chains] for a in chains], dtype=torch.float32)
        upper = torch.triu(torch.ones_like(same), diagonal=1).bool()
        logits = scale * (vectors @ vectors.T) + shift
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits[upper], same[upper])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        out_of_time = time.monotonic() - started > 60 * settings.minutes
        if step % settings.eval_every == 0 or out_of_time:
            model.eval()
            score = pair_average_precision(encoder, dev)
            log(f"step {step}: loss {float(loss):.3f}, dev pair AP {score:.3f}")
            if score > best:
                best = score
                encoder.save(out)
        if out_of_time:
            break
    return out


def _sample(
    block: TrainingBlock, settings: TuneSettings, rng: random.Random
) -> tuple[list[MentionSpan], list[str]]:
    """A few chains of the block (with up to ``mentions_per_chain`` mentions each) and a few
    other mentions."""
    members: dict[str, list[MentionSpan]] = defaultdict(list)
    for span, chain in zip(block.spans, block.chains, strict=True):
        members[chain].append(span)
    multi = sorted(c for c, ms in members.items() if len(ms) > 1)
    picked = rng.sample(multi, min(settings.chains_per_step, len(multi)))
    spans: list[MentionSpan] = []
    chains: list[str] = []
    for chain in picked:
        found = members[chain]
        for span in rng.sample(found, min(settings.mentions_per_chain, len(found))):
            spans.append(span)
            chains.append(chain)
    rest = [(s, c) for s, c in zip(block.spans, block.chains, strict=True) if c not in picked]
    for span, chain in rng.sample(rest, min(settings.singletons_per_step, len(rest))):
        spans.append(span)
        chains.append(chain)
    return spans, chains


def _vectors(encoder: MentionEncoder, spans: Sequence[MentionSpan]) -> Any:
    """Unit mention vectors (with gradients), as :meth:`MentionEncoder.encode` pools them."""
    torch: Any = importlib.import_module("torch")
    sentences = sorted({s.words for s in spans})
    row = {words: i for i, words in enumerate(sentences)}
    enc = encoder.tokenize(sentences)
    hidden = encoder.model(**enc).last_hidden_state
    pooled = []
    for span in spans:
        i = row[span.words]
        ids = enc.word_ids(i)
        inside = [k for k, w in enumerate(ids) if w is not None and span.start <= w < span.end]
        if not inside:
            inside = [k for k, w in enumerate(ids) if w is not None]
        pooled.append(hidden[i, inside].mean(dim=0))
    return torch.nn.functional.normalize(torch.stack(pooled), dim=-1)


def pair_average_precision(encoder: MentionEncoder, blocks: Sequence[TrainingBlock]) -> float:
    """Average precision of the mention cosine at ranking same-chain pairs within blocks."""
    from sklearn.metrics import average_precision_score

    spans = [s for b in blocks for s in b.spans]
    vectors = encoder.encode(spans)
    scores: list[float] = []
    labels: list[bool] = []
    for block in blocks:
        matrix = np.stack([vectors[s.key][0] for s in block.spans])
        cos = matrix @ matrix.T
        for i in range(len(block.spans)):
            for j in range(i + 1, len(block.spans)):
                scores.append(float(cos[i, j]))
                labels.append(block.chains[i] == block.chains[j])
    return float(average_precision_score(labels, scores)) if any(labels) else 0.0
