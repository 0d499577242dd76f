"""One event per story: the group stage's event evidence (fictional texts written for these
tests)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsloom.group.events import (
    ACTION_THRESHOLD,
    EVIDENCE_MIN_ARTICLES,
    EVIDENCE_THRESHOLD,
    MAX_DAYS_APART,
    OPENING_CLOSE,
    OPENING_THRESHOLD,
    STRONG,
    evidence_similarity,
    evidence_split,
)
from newsloom.group.features import (
    Doc,
    action_terms,
    headline_names,
    is_edition,
    is_guide,
    is_listicle,
    opening_terms,
    stop_words,
    to_doc,
    variants,
    words,
)
from newsloom.model import Article, Mention

# Two unrelated German posts: only function words in common.
GERMAN_A = "Die Stadt und der Hafen haben mit dem neuen Plan für die Fähre begonnen."
GERMAN_B = "Der Verein und die Schule haben mit dem Fest für die Kinder gewartet."


def test_a_decimal_number_is_one_term_and_other_pieces_stay_words() -> None:
    assert words("A 4.8 magnitude quake shook Wend; $12.25 million lost") == [
        "4.8", "magnitude", "quake", "shook", "wend", "12.25", "million", "lost"
    ]  # fmt: skip
    # No decimal: a one-digit piece is dropped and a year ending a sentence stays a word.
    assert words("Built in 1998. 7 rooms, v2 plans") == ["built", "1998", "rooms", "v2", "plans"]


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


# The Brightwell probe (tests/test_group.py) among filler, plus a newsletter whose opening is
# about markets and whose third item retells the probe.
def _probe_docs() -> tuple[list[Doc], dict[str, int]]:
    from test_group import PROBE_OTHER, _article, _brightwell_corpus, _docs_and_df

    people = [("Brightwell", "ORG"), ("Ivo Lund", "PERSON"), ("Mara Quist", "PERSON")]
    roundup = (
        "Stocks slipped at the open on Monday as oil prices climbed and bond yields rose for a "
        "third day; traders waited for the central bank's minutes.\n\n"
        "Shipping rates fell again as container lines added capacity, and grain futures "
        "dropped after rain in the plains.\n\n"
        "Carmakers reported weaker van sales in the spring; two airlines cut summer routes.\n\n"
        "Attorney General Mara Quist opened an investigation into Brightwell over loans its "
        "founder Ivo Lund took against his shares; subpoenas went to the board."
    )
    chrome = "Subscribe now | Sign in | Menu | Share this article\n\n" + PROBE_OTHER
    extra = [
        _article("roundup", roundup, people, "2025-06-02T07:00", "Market Brief"),
        _article("chrome", chrome, people, "2025-06-02T11:30", "Gazette"),
    ]
    docs, df = _docs_and_df([*_brightwell_corpus(), *extra])
    return docs, df


def test_a_roundup_whose_opening_is_elsewhere_leaves_the_story() -> None:
    docs, df = _probe_docs()
    probe, probe2, roundup = docs[0], docs[1], docs[-2]
    trio = [probe, probe2, roundup]
    whole = evidence_similarity(trio, df, len(docs))
    opening = evidence_similarity(trio, df, len(docs), part="opening")
    assert whole[0, 2] >= EVIDENCE_THRESHOLD  # the whole text alone would keep it
    assert max(opening[0, 2], opening[1, 2]) < OPENING_THRESHOLD
    assert max(whole[0, 2], whole[1, 2]) < STRONG
    assert evidence_split(trio, df, len(docs))[:2] == [0, 0]
    assert evidence_split(trio, df, len(docs))[2] != 0


def test_a_strong_whole_text_link_holds_without_a_shared_opening() -> None:
    docs, df = _probe_docs()
    pair = [docs[1], docs[-1]]  # the second probe report, and a capture of it led by chrome
    whole = evidence_similarity(pair, df, len(docs))
    opening = evidence_similarity(pair, df, len(docs), part="opening")
    assert opening[0, 1] < 1.0 and whole[0, 1] >= STRONG
    assert evidence_split(pair, df, len(docs)) == [0, 0]


def test_headline_names_are_the_leads_and_the_headlines() -> None:
    body = "Mara Quist opened an inquiry on Monday.\n\nBrightwell said Ivo Lund was abroad."
    mentions = [
        Mention(text="Mara Quist", start=0, end=10, label="PERSON"),
        Mention(text="Brightwell", start=41, end=51, label="ORG"),
        Mention(text="Ivo Lund", start=57, end=65, label="PERSON"),
        Mention(text="Monday", start=29, end=35, label="DATE"),
    ]
    article = Article(id="x", body=body, entities=mentions, title="Brightwell faces an inquiry")
    assert headline_names(article) == {"mara quist", "brightwell"}  # lead + headline only
    plain = to_doc(article.model_copy(update={"title": "An inquiry"}))
    weighted = to_doc(article)
    assert weighted.terms["@brightwell"] > plain.terms["@brightwell"]
    assert weighted.terms["@ivo lund"] == plain.terms["@ivo lund"]
    assert "@mara quist" in weighted.opening and "@ivo lund" not in weighted.opening


def test_an_openings_action_words_are_those_of_no_name() -> None:
    opening = opening_terms(
        words("Attorney General Mara Quist opens probe of Brightwell loans"),
        {"mara quist", "attorney general", "brightwell"},
    )
    assert set(action_terms(opening)) == {"opens", "probe", "loans"}
    assert action_terms(opening_terms([], {"brightwell"})) == {}


# Hand-built docs with every term equally rare (empty document frequencies), so that each
# cosine is a count of shared terms: one company's probe against its layoffs, same people.
BODY = ["@brightwell", "@ivo lund", "loans", "shares", "board", "founder", "memo", "pay"]


def _doc(aid: str, body_terms: list[str], opening: list[str]) -> Doc:
    names = {t[1:] for t in opening if t.startswith("@")}
    head = opening_terms([t for t in opening if not t.startswith("@")], names)
    return Doc(
        id=aid,
        order=("2025-06-02", aid),
        day=None,
        title=None,
        outlet=aid,
        terms=dict.fromkeys(body_terms, 1.0),
        entities=frozenset(),
        paragraphs={},
        opening=head,
    )


def _pair(opening_b: list[str]) -> tuple[list[Doc], list[list[float]]]:
    probe = _doc(
        "probe",
        [*BODY[:2], "probe", "subpoenas", "quist", "inquiry", "minutes", "office"],
        ["@brightwell", "@mara quist", "probe", "opens", "subpoenas"],
    )
    other = _doc("other", [*BODY[:2], *BODY[2:]], opening_b)
    pair = [probe, other]
    sims = [
        evidence_similarity(pair, {}, EVIDENCE_MIN_ARTICLES, part)[0, 1]
        for part in ("terms", "opening", "action")
    ]
    return pair, [float(x) for x in sims]


def test_openings_that_share_only_names_do_not_link_two_reports() -> None:
    pair, (whole, opening, action) = _pair(["@brightwell", "layoffs", "begin", "memo", "staff"])
    assert EVIDENCE_THRESHOLD <= whole < STRONG  # the whole texts alone would link them
    assert OPENING_THRESHOLD <= opening < OPENING_CLOSE  # the openings share a name...
    assert action < ACTION_THRESHOLD  # ...and nothing of what happened
    assert evidence_split(pair, {}, EVIDENCE_MIN_ARTICLES) == [0, 1]


def test_openings_that_share_what_happened_link_two_reports() -> None:
    pair, (whole, opening, action) = _pair(
        ["@ivo lund", "probe", "widens", "memo", "staff", "cuts"]
    )
    assert EVIDENCE_THRESHOLD <= whole < STRONG and opening < OPENING_CLOSE
    assert action >= ACTION_THRESHOLD  # "probe" in both openings
    assert evidence_split(pair, {}, EVIDENCE_MIN_ARTICLES) == [0, 0]


def test_openings_close_on_names_alone_link_two_reports() -> None:
    pair, (whole, opening, action) = _pair(["@brightwell", "@mara quist", "widens"])
    assert EVIDENCE_THRESHOLD <= whole < STRONG and action < ACTION_THRESHOLD
    assert opening >= OPENING_CLOSE  # two names of a short opening in common
    assert evidence_split(pair, {}, EVIDENCE_MIN_ARTICLES) == [0, 0]


def test_evidence_similarity_is_the_cosine_of_shared_terms() -> None:
    """Every term equally rare: the cosine is shared terms over the square root of the two
    sizes (8 and 8 terms sharing 2: 0.25); a report more than ``MAX_DAYS_APART`` days from
    another is 0 to it, itself 1."""
    pair, (whole, _, _) = _pair(["@brightwell", "layoffs"])
    assert whole == pytest.approx(2 / 8)
    dated = [replace(pair[0], day=100), replace(pair[1], day=100 + MAX_DAYS_APART + 1)]
    sim = evidence_similarity(dated, {}, EVIDENCE_MIN_ARTICLES)
    assert sim[0, 1] == 0.0 and sim[0, 0] == sim[1, 1] == 1.0


def test_strongly_linked_reports_need_no_shared_opening() -> None:
    """Whole texts at ``STRONG`` or more link whatever their openings say (the openings are
    then not compared at all); without any link each report is its own story."""
    same = _doc("same", BODY, ["@mara quist", "resigns"])
    twin = _doc("twin", BODY, ["storm", "closes", "schools"])
    assert evidence_similarity([same, twin], {}, EVIDENCE_MIN_ARTICLES, "opening")[0, 1] == 0.0
    assert evidence_split([same, twin], {}, EVIDENCE_MIN_ARTICLES) == [0, 0]
    apart = _doc("apart", ["harbor", "ferry", "tides"], ["storm", "closes", "schools"])
    assert evidence_split([same, apart], {}, EVIDENCE_MIN_ARTICLES) == [0, 1]


@pytest.mark.parametrize(
    ("title", "edition"),
    [
        ("Market Brief 06.02.25", True),
        ("Morning Briefing: June 2, 2025", True),
        ("2 June 2025 | The Harbor Digest", True),
        ("[Newsletter] Evening Update - 2025-06-02", True),
        ("Storm kills 5 on June 2", False),  # an event and its day
        ("Protests in Lakeshore on 2 June", False),
        ("Storm hits June 2 coast", False),  # the date inside the headline
        ("Brightwell probe opens", False),  # no date
        ("Market Brief", False),
        (None, False),
    ],
)
def test_a_dated_edition_is_a_series_name_and_a_date(title: str | None, edition: bool) -> None:
    assert is_edition(title) is edition


def test_a_dated_editions_opening_is_not_its_first_item() -> None:
    """A newsletter leads with one item of many: its opening says nothing of what it is about,
    so it joins a story only on whole texts close enough (``STRONG``)."""
    lead = "Attorney General Mara Quist opened a probe of Brightwell on Monday."
    edition = Article(id="e", title="Market Brief 06.02.25", body=lead + "\n\nOil rose.")
    report = Article(id="r", title="Quist opens Brightwell probe", body=lead + "\n\nOil rose.")
    assert to_doc(edition).opening == {}
    assert "probe" in to_doc(report).opening and "quist" in to_doc(report).opening
    assert "probe" in to_doc(edition).terms  # its whole text still counts


def test_a_headlines_bracketed_label_is_not_its_opening() -> None:
    """ "[Review] ..." names the column every page of it is in, not what this page reports."""
    labelled = Article(id="l", title="[Harbor Review] Ferry fares rise", body="Fares rose.")
    opening = to_doc(labelled).opening
    assert "ferry" in opening and "fares" in opening
    assert "harbor" not in opening and "review" not in opening
    assert "harbor" in to_doc(labelled).terms  # the label still counts in the whole text


@pytest.mark.parametrize(
    ("headline", "found"),
    [
        ("13-Inch Lumen Pro With New Keys Expected", {"inch lumen": {"13"}}),
        ("Review: the 16-inch Lumen Pro", {"inch lumen": {"16"}}),
        ("Deals on 55-inch and 65-inch Vista TV sets", {"inch vista": {"65"}}),
        ("5 Killed In Harbor Crash", {}),  # a toll in a title-case headline, no hyphen
        ("6.1-magnitude Quake Hits Lakeshore", {}),  # a decimal: outlets differ on it
        ("A 2-Year-Old Boy Is Found", {}),
        ("Ferry fares rise", {}),
    ],
)
def test_a_headlines_numbered_variants(headline: str, found: dict[str, set[str]]) -> None:
    assert variants(headline) == {key: frozenset(nums) for key, nums in found.items()}


def _titled(doc: Doc, title: str) -> Doc:
    return replace(doc, title=title, variants=variants(title))


def test_reports_of_two_numbered_variants_never_join_even_through_a_third() -> None:
    """News of the 13-inch model and a review of the 16-inch one share the product's words;
    a column about the maker links to both. The column goes with the report it is closer to,
    and the two variants stay apart (without their numbers, all three are one story)."""
    common = ["@lumen pro", "keyboard", "keys", "laptop", "battery", "screen"]
    news = _doc("news", [*common, "switch", "expected", "supply"], ["@lumen pro", "keys"])
    column = _doc("column", [*common, "switch", "expected", "maker"], ["keys", "maker"])
    review = _doc("review", [*common, "review", "tested", "maker"], ["@lumen pro", "keys"])
    docs = [news, column, review]
    assert evidence_split(docs, {}, EVIDENCE_MIN_ARTICLES) == [0, 0, 0]
    docs = [
        _titled(news, "13-inch Lumen Pro expected"),
        column,
        _titled(review, "16-inch Lumen Pro review"),
    ]
    whole = evidence_similarity(docs, {}, EVIDENCE_MIN_ARTICLES)
    assert whole[0, 1] > whole[1, 2] >= EVIDENCE_THRESHOLD  # the column is closer to the news
    assert evidence_split(docs, {}, EVIDENCE_MIN_ARTICLES) == [0, 0, 1]
    same = [
        _titled(news, "13-inch Lumen Pro expected"),
        _titled(review, "13-Inch Lumen Pro review"),
    ]
    assert evidence_split(same, {}, EVIDENCE_MIN_ARTICLES) == [0, 0]  # one model: one story


@pytest.mark.parametrize(
    ("title", "listicle"),
    [
        ("The 10 best early deals on Lumen laptops", True),
        ("7 key questions heading into the harbor debate", True),
        ("Five things to know about the ferry strike", True),
        ("[Guide] 15 helpful tips for new sailors", True),
        ("5 killed in harbor crash", False),  # a toll: an event
        ("10 sailors rescued off the coast", False),
        ("Ferry fares rise", False),
        (None, False),
    ],
)
def test_a_list_articles_headline_numbers_what_it_lists(title: str | None, listicle: bool) -> None:
    assert is_listicle(title) is listicle


@pytest.mark.parametrize(
    ("title", "guide"),
    [
        ("A guide to understanding ferry fares", True),
        ("Harbor levy, explained", True),
        ("[Analysis] An explainer on the harbor levy", True),
        ("Ferry fares rise as harbor levy takes effect", False),
        ("Guide dogs rescued from harbor fire", False),  # a guide that is no explainer
        (None, False),
    ],
)
def test_an_explainers_headline_says_so(title: str | None, guide: bool) -> None:
    assert is_guide(title) is guide


def test_an_explainers_opening_is_not_an_event() -> None:
    lead = "The harbor levy adds a fee to every ferry ticket sold at Riverport."
    guide = Article(id="g", title="A guide to the harbor levy", body=lead + "\n\nMore.")
    report = Article(id="r", title="Riverport ferry fares rise", body=lead + "\n\nMore.")
    assert to_doc(guide).opening == {}
    assert "riverport" in to_doc(report).opening


def test_a_list_articles_opening_is_not_its_first_item() -> None:
    """A roundup of deals leads with one deal: it joins a story only on whole texts close
    enough (``STRONG``), as a dated edition does."""
    lead = "The Lumen Pro laptop is down to $700 at Riverstore this week."
    roundup = Article(id="l", title="The 10 best deals on laptops", body=lead + "\n\nMore.")
    report = Article(id="r", title="Riverstore cuts Lumen Pro price", body=lead + "\n\nMore.")
    assert to_doc(roundup).opening == {}
    assert "riverstore" in to_doc(report).opening
    assert "riverstore" in to_doc(roundup).terms
