"""The resolver's pair model and chains (fuse.coref, fuse.coref_within, through fuse.resolve) and
the CoNLL scorer of bench/entity_coref.py.

Fixtures are small fictional mentions built by hand; the scorer cases are checked by hand
against the reference scorer's definitions (MUC links, per-mention B-cubed, CEAF-e with phi4).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
import spacy

from newsloom.fuse.coref import FEATURES, PAIR_WEIGHTS, block_stats, date_keys, pair_features
from newsloom.fuse.coref_mention import MentionInDoc
from newsloom.fuse.coref_within import OTHER_ROLES, within_doc_links
from newsloom.fuse.resolve import resolve

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
bench = importlib.import_module("entity_coref")

KEY = {"a": "1", "b": "2", "c": "2", "d": "3", "e": "3", "f": "3"}


def _m(key: str, doc: str, text: str, head: str, **kw: object) -> MentionInDoc:
    proper = text[:1].isupper() and head not in {"he", "she", "it", "they"}
    fields: dict[str, object] = {
        "family": "HUM",
        "label": "PERSON" if proper else "",
        "proper": proper,
    }
    fields.update(kw)
    return MentionInDoc(key=key, doc=doc, text=text, head=head, **fields)  # type: ignore[arg-type]


def cluster_mentions(
    mentions: list[MentionInDoc], doc_clusters: dict[str, str] | None = None
) -> dict[str, str]:
    return resolve(mentions, doc_clusters).cluster


def resolve_pronouns(mentions: list[MentionInDoc]) -> dict[str, str]:
    return {src: dst for src, dst, _ in within_doc_links(mentions, ["pronoun"])}


# --------------------------------------------------------------------------------- the scorer


def test_perfect_response_scores_one_everywhere() -> None:
    scores = bench.conll(KEY, dict(KEY))
    for metric in ("MUC", "B3", "CEAF-e"):
        assert scores[metric] == pytest.approx((1.0, 1.0, 1.0))
    assert scores["CoNLL"] == pytest.approx(1.0)


def test_merging_two_chains_by_hand() -> None:
    response = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "f": "y"}
    # MUC: key links 0+1+2 = 3, response links 2+2 = 4, correct (3-2)+(3-1) = 3.
    assert bench.muc(KEY, response)[:2] == pytest.approx((1.0, 3 / 4))
    # B-cubed precision: a 1/3, b and c 2/3, d e f 1 → (14/3)/6; recall 1.
    assert bench.b_cubed(KEY, response)[:2] == pytest.approx((1.0, 7 / 9))
    # CEAF-e: {bc}~{abc} 2*2/5 + {def}~{def} 1 = 1.8 over 3 key and 2 response chains.
    assert bench.ceaf_e(KEY, response)[:2] == pytest.approx((0.6, 0.9))


def test_all_singletons_response() -> None:
    response = {m: m for m in KEY}
    assert bench.muc(KEY, response)[2] == 0.0
    # B-cubed recall: (1 + 2*(1/2) + 3*(1/3)) / 6.
    assert bench.b_cubed(KEY, response)[:2] == pytest.approx((0.5, 1.0))
    # CEAF-e: a→1, one of b/c→2/3, one of d/e/f→2/4: 13/6 over 3 key, 6 response chains.
    assert bench.ceaf_e(KEY, response)[:2] == pytest.approx((13 / 18, 13 / 36))


def test_conll_is_the_mean_of_the_three_f1() -> None:
    response = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "z", "f": "z"}
    scores = bench.conll(KEY, response)
    mean = sum(scores[m][2] for m in ("MUC", "B3", "CEAF-e")) / 3
    assert scores["CoNLL"] == pytest.approx(mean)


def test_entity_tags_follow_the_literature() -> None:
    assert bench.is_entity_tag("HUMAN_PART_PER")
    assert bench.is_entity_tag("NON_HUMAN_PART_GENERIC")
    assert bench.is_entity_tag("LOC_GEO")
    assert bench.is_entity_tag("TIME_DATE")
    assert not bench.is_entity_tag("ACTION_OCCURRENCE")
    assert not bench.is_entity_tag("NEG_ACTION_STATE")
    assert not bench.is_entity_tag("UNKNOWN_INSTANCE_TAG")
    assert bench.family("HUMAN_PART_ORG") == "HUM"
    assert bench.family("NON_HUMAN_PART") == "NON"


def test_reader_on_a_fictional_document(tmp_path: Path) -> None:
    xml = """<Document doc_name="9_1ecb.xml">
<token t_id="1" sentence="0" number="0">Mayor</token>
<token t_id="2" sentence="0" number="1">Ilse</token>
<token t_id="3" sentence="0" number="2">Varkonyi</token>
<token t_id="4" sentence="0" number="3">opened</token>
<token t_id="5" sentence="0" number="4">Vell</token>
<token t_id="6" sentence="1" number="0">Rain</token>
<token t_id="7" sentence="1" number="1">fell</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="2"/><token_anchor t_id="3"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="4"/></ACTION_OCCURRENCE>
<LOC_GEO m_id="3"><token_anchor t_id="5"/></LOC_GEO>
<NON_HUMAN_PART m_id="4"><token_anchor t_id="6"/></NON_HUMAN_PART>
<HUMAN_PART_PER m_id="9" TAG_DESCRIPTOR="t9_varkonyi" instance_id="HUM1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="5" note="HUM1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>"""
    path = tmp_path / "9_1ecb.xml"
    path.write_text(xml, encoding="utf-8")
    doc = bench.read_document(path, 9)
    chains = {m.key: (m.chain, m.validated, m.tokens) for m in doc.mentions}
    assert chains == {
        "9_1ecb.xml:1": ("HUM1", True, (1, 2)),
        "9_1ecb.xml:3": ("9_1ecb.xml:3", True, (4,)),
        "9_1ecb.xml:4": ("9_1ecb.xml:4", False, (0,)),
    }


# ---------------------------------------------------------------------------- the clustering


def test_weights_match_features() -> None:
    assert len(PAIR_WEIGHTS) == len(FEATURES)
    a, b = _m("a", "d1", "Ilse Varkonyi", "varkonyi"), _m("b", "d2", "Varkonyi", "varkonyi")
    assert len(pair_features(a, b)) == len(FEATURES)
    assert pair_features(a, b) == pair_features(b, a)


def test_transliteration_variants_merge_across_documents() -> None:
    mentions = [
        _m("1", "d1", "President Volodymyr Zelenskyy", "zelenskyy"),
        _m("2", "d2", "Volodymyr Zelensky", "zelensky"),
        _m("3", "d3", "Zelenskiy", "zelenskiy"),
        _m("4", "d4", "Wolodymyr Zelenski", "zelenski"),
    ]
    clusters = cluster_mentions(mentions)
    assert len(set(clusters.values())) == 1


def test_two_people_sharing_a_surname_stay_apart() -> None:
    mentions = [
        _m("1", "d1", "Katja Orlen", "orlen"),
        _m("2", "d2", "Katja Orlen", "orlen"),
        _m("3", "d3", "Piet Orlen", "orlen"),
        _m("4", "d4", "Piet Orlen", "orlen"),
    ]
    clusters = cluster_mentions(mentions)
    assert clusters["1"] == clusters["2"]
    assert clusters["3"] == clusters["4"]
    assert clusters["1"] != clusters["3"]


def test_document_clusters_block_merges() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi"),
        _m("2", "d2", "Ilse Varkonyi", "varkonyi"),
    ]
    together = cluster_mentions(mentions, {"d1": "e1", "d2": "e1"})
    apart = cluster_mentions(mentions, {"d1": "e1", "d2": "e2"})
    assert together["1"] == together["2"]
    assert apart["1"] != apart["2"]


def test_pronouns_take_the_nearest_compatible_antecedent() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi", position=0, sentence=0),
        _m("2", "d1", "Vell", "vell", family="LOC", label="GPE", position=4, sentence=0),
        _m("3", "d1", "she", "she", position=8, sentence=1),
        _m("4", "d1", "there", "there", family="LOC", position=12, sentence=1),
        _m("5", "d2", "he", "he", position=0, sentence=0),
    ]
    links = resolve_pronouns(mentions)
    assert links == {"3": "1", "4": "2"}
    clusters = cluster_mentions(mentions)
    assert clusters["3"] == clusters["1"]
    others = {c for k, c in clusters.items() if k != "5"}
    assert clusters["5"] not in others  # nothing before it in its document: alone


def test_a_contracted_pronoun_is_a_pronoun() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi", position=0, sentence=0),
        _m("2", "d1", "She's", "she", position=8, sentence=1, proper=False, label=""),
        _m("3", "d1", "Shes", "shes", position=9, sentence=1, proper=False, label=""),
    ]
    assert resolve_pronouns(mentions) == {"2": "1"}


def test_generic_and_gendered_person_nouns() -> None:
    def feats(a: str, b: str, **kw: object) -> dict[str, float]:
        x = _m("1", "d1", f"the {a}", a, proper=False, label="")
        y = _m("2", "d2", f"the {b}", b, proper=False, label="", **kw)
        values = pair_features(x, y)
        return {n: values[FEATURES.index(n)] for n in ("generic_person", "gender_conflict")}

    assert feats("man", "ferryman") == {"generic_person": 1.0, "gender_conflict": 0.0}
    assert feats("woman", "father") == {"generic_person": 0.0, "gender_conflict": 1.0}
    assert feats("man", "ferryman", plural=True)["generic_person"] == 0.0  # number differs
    assert feats("man", "woman")["generic_person"] == 0.0  # both generic
    assert feats("pilot", "ferryman") == {"generic_person": 0.0, "gender_conflict": 0.0}


def test_common_nouns_spelled_two_ways_are_near() -> None:
    def near(a: str, b: str) -> float:
        x = _m("1", "d1", a, a, proper=False, label="", family="NON")
        y = _m("2", "d2", b, b, proper=False, label="", family="NON")
        return pair_features(x, y)[FEATURES.index("head_near")]

    assert near("harbour", "harbor") == 1.0  # one edit
    assert near("moustaches", "mustache") == 1.0  # two edits, long words
    assert near("travellers", "travelers") == near("jewellery", "jewelry") == 1.0
    assert near("crates", "grapes") == 0.0  # two edits, short words
    assert near("vat", "vats") == 0.0  # too short to tell
    assert near("harbor", "harbor") == 0.0  # same head: head_equal says it


def test_she_prefers_a_name_to_a_nearer_noun_that_says_no_gender() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi", position=0, sentence=0),
        _m("2", "d1", "the pilot", "pilot", position=5, sentence=1),
        _m("3", "d1", "the judge", "judge", position=9, sentence=1),
        _m("4", "d1", "she", "she", position=12, sentence=2),
    ]
    assert resolve_pronouns(mentions) == {"4": "1"}
    # With no name in reach, the nearest noun that is not a bystander's role.
    assert resolve_pronouns([m for m in mentions if m.key != "1"]) == {"4": "2"}
    # Only a bystander's role: nothing.
    assert resolve_pronouns([mentions[2], mentions[3]]) == {}
    # "they" keeps the nearest compatible mention.
    they = _m("5", "d1", "they", "they", position=12, sentence=2)
    crew = _m("6", "d1", "the crews", "crew", position=9, sentence=1, plural=True)
    assert resolve_pronouns([mentions[0], crew, they]) == {"5": "6"}


def test_a_capitalised_common_noun_is_not_a_name() -> None:
    mentions = [
        _m("1", "d1", "Skipper", "skipper", position=0),  # a headline's capital, read as a name
        _m("2", "d1", "Ilse Varkonyi", "varkonyi", position=3, sentence=1),
        _m("3", "d2", "the skipper", "skipper", position=0, proper=False, label=""),
    ]
    found = resolve(mentions, model=None)
    assert not any("skipper" in cid for cid in found.names)
    # A surname of a full name of the story stays a name, though the story has "the varkonyi".
    mentions += [
        _m("4", "d2", "Varkonyi", "varkonyi", position=5),
        _m("5", "d2", "the varkonyi", "varkonyi", position=9, proper=False, label=""),
    ]
    found = resolve(mentions, model=None)
    assert found.cluster["4"] == found.cluster["2"]


def test_gendered_pronoun_skips_a_mismatched_antecedent() -> None:
    mentions = [
        _m("1", "d1", "the woman", "woman", position=0),
        _m("2", "d1", "he", "he", position=3),
    ]
    assert resolve_pronouns(mentions) == {}


def test_acronym_and_demonym_features() -> None:
    org = _m("1", "d1", "Vellish Border Police", "police", label="ORG")
    acr = _m("2", "d2", "VBP", "vbp", label="ORG")
    assert pair_features(org, acr)[FEATURES.index("acronym")] == 1.0
    place = _m("3", "d1", "Ukraine", "ukraine", family="LOC", label="GPE")
    adj = _m("4", "d2", "Ukrainian", "ukrainian", family="LOC", label="NORP")
    assert pair_features(place, adj)[FEATURES.index("place_match")] == 1.0


def test_clustering_is_deterministic_under_input_order() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi"),
        _m("2", "d2", "Varkonyi", "varkonyi"),
        _m("3", "d3", "the mayor", "mayor", proper=False, label=""),
    ]
    first = cluster_mentions(mentions)
    second = cluster_mentions(list(reversed(mentions)))
    assert first == second


# --------------------------------------------------------------------- within-document chains


def test_within_doc_names_link_a_surname_and_a_first_name_to_the_full_name() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi", position=0),
        _m("2", "d1", "Varkonyi", "varkonyi", position=5),
        _m("3", "d1", "Ilse", "ilse", position=9),
        _m("4", "d1", "Piet Orlen", "orlen", position=12),
        _m("5", "d2", "Varkonyi", "varkonyi", position=0),
    ]
    links = {(src, dst) for src, dst, rule in within_doc_links(mentions) if rule == "name"}
    assert links == {("2", "1"), ("3", "1")}  # never across documents, never Orlen


def test_quoted_first_person_takes_the_salient_person() -> None:
    mentions = [
        _m("1", "d1", "Piet Orlen", "orlen", position=0, sentence=0),
        _m("2", "d1", "Ilse Varkonyi", "varkonyi", position=4, sentence=1),
        _m("3", "d1", "Varkonyi", "varkonyi", position=9, sentence=2),
        _m("4", "d1", '"I', "i", position=20, sentence=6),
    ]
    assert ("4", "2", "pronoun-i") in within_doc_links(mentions, ["pronoun"])


def test_role_nouns_for_other_people_do_not_score_as_the_salient_person() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi", position=0),
        _m("2", "d1", "the singer", "singer", position=5, proper=False, label=""),
        _m("3", "d1", "the judge", "judge", position=9, proper=False, label=""),
    ]
    stats = block_stats(mentions)
    role, other = FEATURES.index("role_of_salient"), FEATURES.index("other_role")
    assert pair_features(mentions[1], mentions[0], stats)[role] == 1.0
    assert pair_features(mentions[2], mentions[0], stats)[role] == 0.0
    assert pair_features(mentions[2], mentions[0], stats)[other] == 1.0
    assert "judge" in OTHER_ROLES


def test_a_within_doc_chain_moves_as_one() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi", position=0),
        _m("2", "d1", "she", "she", position=4, sentence=1),
        _m("3", "d2", "Varkonyi", "varkonyi", position=0),
    ]
    assert within_doc_links(mentions) == [("2", "1", "pronoun")]
    clusters = cluster_mentions(mentions)
    assert clusters["1"] == clusters["2"] == clusters["3"]


def test_dates_match_by_calendar_day_not_by_wording() -> None:
    assert date_keys("Nov . 30 , 2009") == {"d:11-30", "n:11", "y:2009"}
    assert date_keys("on Monday morning") == {"w:monday"}
    assert date_keys("in the spring") == frozenset()
    t = {"family": "TIME", "label": "DATE", "proper": False}
    a = _m("1", "d1", "Nov . 30", "nov", **t)
    b = _m("2", "d2", "November 30 , 2009", "november", **t)
    c = _m("3", "d3", "Dec . 2", "dec", **t)
    match, clash = FEATURES.index("date_match"), FEATURES.index("date_conflict")
    assert pair_features(a, b)[match] == 1.0 and pair_features(a, b)[clash] == 0.0
    assert pair_features(a, c)[match] == 0.0 and pair_features(a, c)[clash] == 1.0


def test_durations_relative_periods_and_days_named_from_the_writers_side() -> None:
    assert date_keys("eight - year") == date_keys("8 years") == {"dur:8-year"}
    assert date_keys("last week") == {"rel:week:-1"}
    t = {"family": "TIME", "label": "DATE", "proper": False}

    def feats(x: str, y: str) -> tuple[float, ...]:
        a, b = _m("1", "d1", x, x.split()[-1], **t), _m("2", "d2", y, y.split()[-1], **t)
        names = ("date_match", "date_conflict", "deictic_day")
        return tuple(pair_features(a, b)[FEATURES.index(n)] for n in names)

    assert feats("a nine - year", "nine years") == (1.0, 0.0, 0.0)
    assert feats("a nine - year", "a six - year") == (0.0, 1.0, 0.0)
    assert feats("last season", "next season") == (0.0, 1.0, 0.0)
    # A weekday and a date are two kinds of key, not a clash (they used to share a letter).
    assert feats("Monday", "Nov . 30") == (0.0, 0.0, 0.0)
    assert feats("yesterday", "on Thursday") == (0.0, 0.0, 1.0)
    assert feats("late last night", "today") == (0.0, 0.0, 1.0)
    assert feats("yesterday", "last year") == (0.0, 0.0, 0.0)  # not a day
    assert feats("Thursday", "Friday") == (0.0, 1.0, 0.0)  # neither from the writer's side


def test_loose_names_first_name_and_one_typo() -> None:
    loose = FEATURES.index("name_loose")
    full = _m("1", "d1", "Wladimir Klitschko", "klitschko")
    assert pair_features(full, _m("2", "d2", "Klistchko", "klistchko"))[loose] == 1.0
    assert pair_features(full, _m("3", "d3", "Wladimir", "wladimir"))[loose] == 1.0
    assert pair_features(full, _m("4", "d4", "Vitali Klitschko", "klitschko"))[loose] == 0.0
    assert pair_features(full, _m("5", "d5", "Klimenko", "klimenko"))[loose] == 0.0


def test_role_noun_scores_against_its_documents_salient_person() -> None:
    mentions = [
        _m("1", "d1", "Ilse Varkonyi", "varkonyi", position=0),
        _m("2", "d1", "the singer", "singer", position=5),
        _m("3", "d2", "Varkonyi", "varkonyi", position=0),
        _m("4", "d2", "Piet Orlen", "orlen", position=3),
    ]
    stats = block_stats(mentions)
    role = FEATURES.index("role_of_salient")
    assert pair_features(mentions[1], mentions[2], stats)[role] == 1.0
    assert pair_features(mentions[1], mentions[3], stats)[role] == 0.0


def test_headline_capitals_are_not_names() -> None:
    nlp = spacy.blank("en")
    words = bench.Doc(nlp.vocab, words=["Actress", "Ilse", "Varkonyi"])
    words[0].pos_ = words[1].pos_ = "PROPN"
    words[1].ent_type_ = "PERSON"
    lower = frozenset({"actress", "the"})
    assert bench._headline_noun(words[0], lower)
    assert not bench._headline_noun(words[1], lower)


def test_a_capital_the_topic_never_writes_in_lower_case_is_a_name() -> None:
    nlp = spacy.blank("en")
    words = bench.Doc(nlp.vocab, words=["Varkonyi", "Police", "She", "Ten", "skipper"])
    words[0].pos_ = words[1].pos_ = words[4].pos_ = "NOUN"  # the small model's mistake
    words[2].pos_, words[3].pos_ = "PRON", "NUM"
    lower = frozenset({"police", "skipper"})
    assert bench._capitalised_only(words[0], lower)
    assert not bench._capitalised_only(words[1], lower)  # written "police" elsewhere
    assert not bench._capitalised_only(words[2], lower)  # a pronoun
    assert not bench._capitalised_only(words[3], lower)  # a number
    assert not bench._capitalised_only(words[4], lower)  # not capitalised
