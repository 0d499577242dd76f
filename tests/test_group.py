"""Grouping and fusing hand-built articles (fictional texts written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsloom.annotate import load_nlp
from newsloom.config import Settings
from newsloom.fuse import fuse
from newsloom.group import StoryIndex, group
from newsloom.group.copies import containment, copy_pairs, shingles
from newsloom.group.events import (
    CHECK_MAX,
    EVIDENCE_MIN_ARTICLES,
    EVIDENCE_THRESHOLD,
    block_similarity,
    evidence_similarity,
    evidence_split,
)
from newsloom.group.features import Doc, to_doc
from newsloom.model import Article, Mention, Page, Story
from newsloom.pipeline import process
from newsloom.read import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
ANSWERS = ROOT / "src" / "newsloom" / "sample" / "answers.json"

FIRE_WIRE = (
    "A fire tore through the Kessel textile mill in Dunmore on Monday night, killing four workers "
    "and forcing the evacuation of nearby homes. Fire chief Orla Benn said crews fought the blaze "
    "for nine hours before bringing it under control early Tuesday.\n\n"
    "Investigators have not said what started the fire. The mill, which employs about 300 people, "
    "had been cited twice last year for blocked exits, according to state records.\n\n"
    "Mayor Piet Sand said the town would open a shelter at the Dunmore high school gym for "
    "families who cannot return home, and that counselling would be offered to the workers."
)
FIRE_COPY = (
    FIRE_WIRE.rsplit("\n\n", 1)[0]
    + "\n\nThe Dunmore Gazette contacted the mill's owners, who did not reply by press time."
)
FIRE_INDEPENDENT = (
    "Four people died when flames engulfed the Kessel mill in Dunmore, the county coroner "
    "confirmed on Tuesday, as neighbours described a night of smoke and sirens.\n\n"
    "Orla Benn, who leads the Dunmore fire service, told reporters the roof collapsed within an "
    "hour. Residents of Mill Lane were moved to a school shelter opened by Mayor Piet Sand.\n\n"
    "Kessel's owners have been fined before over safety lapses at the textile plant."
)
OTHER_FIRE = (
    "A warehouse fire in the port city of Lisvane destroyed stocks of grain on Wednesday, but "
    "no one was hurt, harbour master Eda Roon said.\n\n"
    "The blaze broke out in a storage shed at the Lisvane docks and spread to two more sheds "
    "before port firefighters contained it. Grain prices in the region rose on the news.\n\n"
    "Roon said the port would reopen on Thursday once the sheds were declared safe."
)


def _article(aid: str, body: str, ents: list[tuple[str, str]], day: str, source: str) -> Article:
    mentions = [
        Mention(text=t, start=body.find(t), end=body.find(t) + len(t), label=lab, norm=t)
        for t, lab in ents
        if t in body
    ]
    return Article(
        id=aid, body=body, entities=mentions, published=day, source=source,
        title=body.split(".")[0][:60],
    )  # fmt: skip


def _corpus() -> list[Article]:
    mill = [("Kessel", "ORG"), ("Dunmore", "GPE"), ("Orla Benn", "PERSON"), ("Piet Sand", "PERSON")]
    port = [("Lisvane", "GPE"), ("Eda Roon", "PERSON")]
    return [
        _article("wire", FIRE_WIRE, mill, "2025-03-04T08:00", "Meridian Press"),
        _article("copy", FIRE_COPY, mill, "2025-03-04T10:00", "Dunmore Gazette"),
        _article("indep", FIRE_INDEPENDENT, mill, "2025-03-04T12:00", "Valley Times"),
        _article("other", OTHER_FIRE, port, "2025-03-05T09:00", "Harbor Courier"),
    ]


def test_shingles_and_containment() -> None:
    assert containment(shingles(FIRE_WIRE), shingles(FIRE_COPY)) > 0.6
    assert containment(shingles(FIRE_WIRE), shingles(FIRE_INDEPENDENT)) < 0.1


def test_copy_pairs_find_the_republished_wire_only() -> None:
    pairs = copy_pairs(_corpus())
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_same_event_together_same_kind_event_apart() -> None:
    stories = group(_corpus())
    by_article = {a: s.id for s in stories for a in s.articles}
    assert by_article["wire"] == by_article["copy"] == by_article["indep"]
    assert by_article["other"] != by_article["wire"]


def test_story_records_copies_and_reasons() -> None:
    stories = group(_corpus())
    mill = next(s for s in stories if "wire" in s.articles)
    assert len(mill.copy_groups) == 1
    assert mill.copy_groups[0].earliest == "wire"
    assert set(mill.copy_groups[0].articles) == {"wire", "copy"}
    why = {m.article: m for m in mill.why}
    assert "dunmore" in why["indep"].shared_entities
    assert why["indep"].shared_terms
    assert mill.first_published == "2025-03-04T08:00"


def test_story_ids_are_stable_when_articles_arrive_later() -> None:
    first = {s.id for s in group(_corpus()[:3])}
    later = {s.id for s in group(_corpus())}
    assert first <= later


def test_fuse_counts_copies_once() -> None:
    articles = _corpus()
    mill = next(s for s in group(articles) if "wire" in s.articles)
    dossier = fuse(mill, articles)
    independent = {s.name: s.independent for s in dossier.sources}
    assert independent == {"Meridian Press": True, "Dunmore Gazette": False, "Valley Times": True}
    assert dossier.sources[0].name == "Meridian Press"  # first to publish
    names = {e.name for e in dossier.entities}
    assert {"Kessel", "Dunmore", "Orla Benn"} <= names
    assert dossier.summary == []  # no sentences annotated on hand-built articles


def test_empty_input() -> None:
    assert group([]) == []


def test_copy_groups_say_what_each_copy_changed() -> None:
    mill = next(s for s in group(_corpus()) if "wire" in s.articles)
    edit = mill.copy_groups[0].edits[0]
    assert edit.article == "copy"
    assert edit.added == [
        "The Dunmore Gazette contacted the mill's owners, who did not reply by press time."
    ]
    assert edit.dropped_paragraphs == 1 and edit.dropped[0].startswith("Mayor Piet Sand")
    assert edit.title is None  # same headline
    assert (mill.pages, mill.reports) == (3, 2)
    why = {m.article: m for m in mill.why}
    assert why["copy"].copy_of == "wire" and why["indep"].copy_of is None


def test_index_in_batches_matches_one_batch() -> None:
    corpus = _corpus()
    index = StoryIndex()
    first = index.add(corpus[:2])
    assert [s.articles for s in first.stories] == [["wire", "copy"]]
    later = index.add(corpus[2:])
    assert {a for s in later.stories for a in s.articles} == {"wire", "copy", "indep", "other"}
    assert later.removed == []  # the mill story kept its id: it grew
    assert _partition(index.stories()) == _partition(group(corpus))


def test_index_replaces_an_updated_article_and_drops_its_old_story() -> None:
    corpus = _corpus()
    index = StoryIndex()
    index.add(corpus)
    old = {a: s.id for s in index.stories() for a in s.articles}
    moved = corpus[3].model_copy(update={"body": FIRE_INDEPENDENT + "\n\nMore to follow."})
    changes = index.add([moved])
    assert changes.removed == [old["other"]]
    assert [s.id for s in changes.stories] == [old["wire"]]  # the mill story keeps its id
    assert "other" in changes.stories[0].articles


def test_far_apart_dates_never_join() -> None:
    near = [to_doc(a) for a in _corpus()[:3]]
    far = to_doc(_corpus()[2].model_copy(update={"id": "late", "published": "2025-05-01"}))
    sim = block_similarity([*near, far])
    assert sim[2, 1] > 0.1 and sim[3, 1] == 0.0


# One company, two events on one day: an attorney general's probe (two independent reports)
# and the company's layoffs. They share the topic (Brightwell, its founder, office rentals),
# not the event.
PROBE = (
    "Attorney General Mara Quist has opened an investigation into Brightwell, the office-rental "
    "company, over loans its founder Ivo Lund took against his shares, two people familiar with "
    "the matter said on Monday.\n\n"
    "Quist's office sent subpoenas to Brightwell's board asking for minutes of the meetings that "
    "approved the loans. Brightwell said it was cooperating with the inquiry.\n\n"
    "Lund, who stepped down as chief executive last month, did not reply to a request for comment."
)
PROBE_OTHER = (
    "Brightwell confirmed on Monday that it had been contacted by Attorney General Mara Quist, "
    "whose office is examining share-backed loans made to founder Ivo Lund.\n\n"
    "The subpoenas ask for board minutes and for the loan agreements, according to a copy seen by "
    "reporters. A Brightwell spokeswoman said the company was cooperating with the inquiry.\n\n"
    "Quist declined to comment on the investigation."
)
LAYOFFS = (
    "Brightwell began laying off about 2,400 employees on Monday, chief executive Dana Pell told "
    "staff in a memo, as the office-rental company cuts costs after its failed stock listing.\n\n"
    "The cuts fall mostly on cleaning, maintenance and kitchen crews at Brightwell buildings, Pell "
    "wrote. Severance will be paid for eight weeks.\n\n"
    "Founder Ivo Lund left the company last month with a payout that angered employees."
)
# Earlier coverage of the same company: what makes Brightwell and its founder the topic.
BACKGROUND = [
    "Brightwell, the office-rental company founded by Ivo Lund, called off its stock listing on "
    "Friday after investors balked at its losses, and said it would look for new funding.",
    "Ivo Lund stepped down as chief executive of Brightwell on Thursday. Dana Pell, the "
    "office-rental company's finance chief, takes over, Brightwell's board said.",
]
TOWNS = ["Arden", "Belmoor", "Corrigan", "Dovey", "Elsworth", "Farrow", "Glenby", "Harlan"]
FILLER = [
    "The {town} council approved a {n} million budget for road repairs on {day}, with most of the "
    "money going to bridges on the river road.",
    "Police in {town} are looking for a driver who left the scene after a crash that injured {n} "
    "cyclists near the railway station on {day}.",
    "The {town} library will stay open late on {day} evenings from next month after {n} readers "
    "signed a petition, the librarian said.",
]


def _brightwell_corpus() -> list[Article]:
    """The three Brightwell reports among filler news, enough articles for corpus-wide IDF."""
    people = [("Brightwell", "ORG"), ("Ivo Lund", "PERSON"), ("Mara Quist", "PERSON")]
    articles = [
        _article("probe", PROBE, people, "2025-06-02T09:00", "Ledger"),
        _article("probe2", PROBE_OTHER, people, "2025-06-02T11:00", "Courier"),
        _article("layoffs", LAYOFFS, [*people, ("Dana Pell", "PERSON")], "2025-06-02T12:00",
                 "Wire Daily"),
    ]  # fmt: skip
    for k, body in enumerate(BACKGROUND):
        day = f"2025-05-{12 + 3 * k}T10:00"  # weeks before: never in the same block
        articles.append(_article(f"bg{k}", body, people, day, "Ledger"))
    for k, (town, template) in enumerate((t, f) for t in TOWNS for f in FILLER):
        body = template.format(town=town, n=k + 3, day="Tuesday" if k % 2 else "Monday")
        articles.append(_article(f"f{k}", body, [(town, "GPE")], "2025-06-02T08:00", "Local"))
    return articles


def _docs_and_df(articles: list[Article]) -> tuple[list[Doc], dict[str, int]]:
    docs = [to_doc(a) for a in articles]
    df: dict[str, int] = {}
    for doc in docs:
        for term in doc.terms:
            df[term] = df.get(term, 0) + 1
    return docs, df


def test_a_small_story_keeps_one_event_not_the_topic() -> None:
    corpus = _brightwell_corpus()
    assert len(corpus) >= EVIDENCE_MIN_ARTICLES
    stories = {a: s.id for s in group(corpus) for a in s.articles}
    assert stories["probe"] == stories["probe2"]
    assert stories["layoffs"] != stories["probe"]


def test_event_evidence_links_reports_of_one_event_only() -> None:
    docs, df = _docs_and_df(_brightwell_corpus())
    sim = evidence_similarity(docs[:3], df, len(docs))
    assert sim[0, 1] >= EVIDENCE_THRESHOLD  # the probe, reported twice
    assert max(sim[0, 2], sim[1, 2]) < EVIDENCE_THRESHOLD  # the layoffs: same company only
    assert evidence_split(docs[:3], df, len(docs)) == [0, 0, 1]


def test_evidence_check_is_skipped_without_a_corpus_or_for_large_stories() -> None:
    docs, df = _docs_and_df(_brightwell_corpus())
    # Too few articles seen to weigh terms by: the proposed story stays whole.
    assert evidence_split(docs[:3], df, EVIDENCE_MIN_ARTICLES - 1) == [0, 0, 0]
    # A story of more than CHECK_MAX reports is held by its many links: not checked.
    many = docs[:2] + docs[3 : 3 + CHECK_MAX - 1]
    assert len(many) == CHECK_MAX + 1
    assert evidence_split(many, df, len(docs)) == [0] * len(many)
    assert len(set(evidence_split(many[:CHECK_MAX], df, len(docs)))) > 1


def test_evidence_never_links_far_apart_days() -> None:
    docs, df = _docs_and_df(_brightwell_corpus())
    late = to_doc(_brightwell_corpus()[1].model_copy(update={"published": "2025-08-01"}))
    sim = evidence_similarity([docs[0], late], df, len(docs))
    assert sim[0, 1] == 0.0 and evidence_split([docs[0], late], df, len(docs)) == [0, 1]


def _partition(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not present")
def test_seed_pages_are_one_story_with_two_independent_reports() -> None:
    stories = group(_pipeline([str(SEEDS)]))
    assert len(stories) == 1
    assert (stories[0].pages, stories[0].reports) == (2, 2)
    assert stories[0].copy_groups == []


@pytest.mark.slow
@pytest.mark.skipif(not ANSWERS.exists(), reason="sample corpus not present")
def test_sample_corpus_events_and_copies() -> None:
    answers = json.loads(ANSWERS.read_text())["pages"]
    stories = group(_pipeline([str(ANSWERS.parent / "pages")]))
    events = [{answers[a]["event"] for a in s.articles} for s in stories]
    assert all(len(e) == 1 for e in events), events  # no story mixes two events
    copies = {a for s in stories for g in s.copy_groups for a in g.articles[1:]}
    assert copies == {a for a, p in answers.items() if p["copy_of"]}
    # Known gap: E1's follow-up two days later (the fire marshal's finding) is its own story.
    assert len(stories) <= len({p["event"] for p in answers.values()}) + 1


def _pipeline(paths: list[str]) -> list[Article]:
    settings = Settings()
    pages = [p for p in read_inputs(paths, settings) if isinstance(p, Page)]
    return [a for a in process(pages, load_nlp(settings.spacy_models)) if isinstance(a, Article)]


def test_best_first_reads_like_a_full_stable_sort() -> None:
    from newsloom.group.index import _best_first

    vals = np.array([0.3, 0.05, 0.9, 0.3, 0.5, 0.3, 0.11, 0.7, 0.3, 0.2])
    full = [int(i) for i in np.argsort(-vals, kind="stable") if vals[i] >= 0.1]
    assert list(_best_first(vals, 0.1, 3)) == full  # ties at the cut: all of them come first
    assert list(_best_first(vals, 0.1, 100)) == full  # fewer than ``first``: one sort
    assert list(_best_first(vals, 0.95, 3)) == []


def test_neighbours_far_in_time_are_not_candidates_but_undated_ones_are() -> None:
    corpus = _corpus()
    index = StoryIndex()
    index.add(corpus[:2])
    late = corpus[2].model_copy(update={"id": "late", "published": "2025-03-20"})  # 16 days
    undated = corpus[2].model_copy(update={"id": "nodate", "published": None})
    index.add([late])
    keys = {doc.id: k for k, doc in index._docs.items()}
    assert index._near([keys["late"]]) == [keys["late"]]  # early March is out of its window
    story_of = {a: s.id for s in index.stories() for a in s.articles}
    assert story_of["late"] != story_of["wire"]
    index.add([undated])
    keys = {doc.id: k for k, doc in index._docs.items()}
    assert keys["nodate"] in index._near([keys["wire"]])  # undated: always a candidate
    assert index._near([]) == []
    story_of = {a: s.id for s in index.stories() for a in s.articles}
    assert story_of["nodate"] == story_of["wire"]  # an undated report still finds its story


def test_copy_index_forgets_a_body_and_empties_its_buckets() -> None:
    from newsloom.group.copies import CopyIndex

    index = CopyIndex()
    assert index.add(1, FIRE_WIRE) == []
    assert [k for k, _ in index.add(2, FIRE_COPY)] == [1]  # the republished wire
    assert index.add(3, OTHER_FIRE) == []  # an independent report is no copy
    index.forget(1)
    index.forget(1)  # twice: nothing left to drop
    assert [k for k, _ in index.add(4, FIRE_WIRE)] == [2]  # only the copy still held
    for key in (2, 3, 4):
        index.forget(key)
    assert all(not bucket for bucket in index._buckets) and not index._hashes


def test_copy_bands_are_datasketchs_choice_for_the_threshold() -> None:
    from datasketch import MinHashLSH

    from newsloom.group.copies import BANDS, LSH_THRESHOLD, NUM_PERM, ROWS

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
