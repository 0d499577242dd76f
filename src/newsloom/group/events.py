"""Event clustering: articles that report the same real-world event share a story.

Similarity of two articles mixes what they say (TF-IDF cosine of headline + body) with who and
where (overlap of their normalised PERSON/ORG/GPE/LOC/... mentions); copies of one report are
always together; articles published far apart are never together. Average-linkage agglomerative
clustering cuts the tree at ``EVENT_THRESHOLD``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from newsloom.model import Article

#: Weight of content (TF-IDF cosine) against entity overlap in the pair similarity.
CONTENT_WEIGHT = 0.7
#: Two articles (or clusters, on average) join when their similarity reaches this.
EVENT_THRESHOLD = 0.2
#: Articles published more than this many days apart are not one event.
MAX_DAYS_APART = 10


def vectorize(articles: Sequence[Article]) -> tuple[NDArray[np.float64], list[str]]:
    """L2-normalised TF-IDF rows (headline counted twice) and the vocabulary."""
    texts = [f"{a.title or ''}\n{a.title or ''}\n{a.body}" for a in articles]
    vectorizer = TfidfVectorizer(
        sublinear_tf=True, stop_words="english", token_pattern=r"(?u)\b[^\W\d_]{2,}\b"
    )
    matrix = vectorizer.fit_transform(texts)
    return matrix.toarray(), list(vectorizer.get_feature_names_out())


def entity_sets(articles: Sequence[Article]) -> list[set[str]]:
    return [{(m.norm or m.text).lower() for m in a.entities} for a in articles]


def similarity(
    articles: Sequence[Article], vectors: NDArray[np.float64], copies: list[tuple[int, int, float]]
) -> NDArray[np.float64]:
    content = vectors @ vectors.T
    ents = entity_sets(articles)
    overlap = np.array([[_jaccard(a, b) for b in ents] for a in ents], dtype=np.float64)
    sim = CONTENT_WEIGHT * content + (1 - CONTENT_WEIGHT) * overlap
    _apart_in_time(articles, sim)
    for i, j, _ in copies:
        sim[i, j] = sim[j, i] = 1.0
    np.fill_diagonal(sim, 1.0)
    return sim


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _apart_in_time(articles: Sequence[Article], sim: NDArray[np.float64]) -> None:
    days = [_day(a) for a in articles]
    for i, di in enumerate(days):
        for j in range(i + 1, len(days)):
            dj = days[j]
            if di and dj and abs((di - dj).days) > MAX_DAYS_APART:
                sim[i, j] = sim[j, i] = 0.0


def _day(article: Article) -> date | None:
    key = article.date_key
    try:
        return date.fromisoformat(key[:10]) if key else None
    except ValueError:
        return None


def cluster(sim: NDArray[np.float64]) -> list[int]:
    """A cluster label per article."""
    if len(sim) < 2:
        return [0] * len(sim)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - EVENT_THRESHOLD,
    )
    labels = model.fit_predict(np.clip(1.0 - sim, 0.0, 1.0))
    return [int(x) for x in labels]
