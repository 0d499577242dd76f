"""One event per story: the group stage's event evidence (fictional texts written for these
tests)."""

from __future__ import annotations

from newsloom.group.features import stop_words, to_doc, words
from newsloom.model import Article

# Two unrelated German posts: only function words in common.
GERMAN_A = "Die Stadt und der Hafen haben mit dem neuen Plan für die Fähre begonnen."
GERMAN_B = "Der Verein und die Schule haben mit dem Fest für die Kinder gewartet."


def test_a_pages_own_language_drops_its_function_words() -> None:
    a = to_doc(Article(id="a", body=GERMAN_A, language="de"))
    b = to_doc(Article(id="b", body=GERMAN_B, language="de"))
    assert {"hafen", "fähre"} <= set(a.terms)
    assert not set(a.terms) & set(b.terms)  # "der", "und", "mit", "dem" are stop words


def test_english_stop_words_for_english_unknown_or_unlisted_languages() -> None:
    english = stop_words("en")
    assert "the" in english and "der" not in english
    assert stop_words(None) == english
    assert stop_words("xx") == english  # no spaCy list for this code
    assert stop_words("../x") == english  # not a language code: never imported
    assert "und" in stop_words("de") and "the" in stop_words("de")
    assert words(GERMAN_A) != words(GERMAN_A, "de")
