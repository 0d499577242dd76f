"""The clause a time expression belongs to, and the dates of quotes read from their cue's
clause, on parses built by hand (no model needed).

Each token is written ``word/TAG/POS/dep>head`` (head: the index of the head token), the way
spaCy's own tests construct a ``Doc``. The parses are what ``en_core_web_sm`` gives for the
sentences (checked by hand), so the tests pin newsloom's reading of a parse, not the model.
"""

from __future__ import annotations

from datetime import date

import spacy
from spacy.tokens import Doc, Span

from newsloom.annotate.clause import governing_verb, in_clause_of, time_tense
from newsloom.annotate.dating import date_quotes
from newsloom.annotate.times import find_times
from newsloom.model import Quote
from newsloom.model import Span as TextSpan

SATURDAY = date(2024, 11, 2)
_VOCAB = spacy.blank("en").vocab


def parsed(spec: str) -> Doc:
    """A Doc from ``word/TAG/POS/dep>head`` tokens separated by spaces."""
    words, tags, pos, deps, heads = [], [], [], [], []
    for item in spec.split():
        word, tag, p, rest = item.split("/")
        dep, head = rest.split(">")
        words.append(word)
        tags.append(tag)
        pos.append(p)
        deps.append(dep)
        heads.append(int(head))
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (".", ",", "'s", "”") and words[i] != "“"
        for i in range(len(words))
    ]
    return Doc(_VOCAB, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads,
               sent_starts=[i == 0 for i in range(len(words))])  # fmt: skip


def phrase(doc: Doc, text: str) -> Span:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    assert span is not None
    return span


def value_of(doc: Doc, text: str) -> str | None:
    refs = {r.text: r.value for r in find_times(doc.text, SATURDAY, doc)}
    return refs[text]


WOULD_BEGIN = parsed(
    "The/DT/DET/det>1 evacuation/NN/NOUN/nsubj>3 would/MD/AUX/aux>3 begin/VB/VERB/ccomp>12 "
    "within/IN/ADP/prep>3 days/NNS/NOUN/pobj>4 ,/,/PUNCT/punct>3 possibly/RB/ADV/advmod>8 "
    "by/IN/ADP/prep>3 Thursday/NNP/PROPN/pobj>8 ,/,/PUNCT/punct>12 officials/NNS/NOUN/nsubj>12 "
    "said/VBD/VERB/ROOT>12 ././PUNCT/punct>12"
)
WOULD_LOOK = parsed(
    "They/PRP/PRON/nsubj>2 would/MD/AUX/aux>2 look/VB/VERB/ROOT>2 for/IN/ADP/prep>2 "
    "ways/NNS/NOUN/pobj>3 to/TO/PART/aux>6 get/VB/VERB/relcl>4 around/IN/ADP/prep>6 "
    "Wednesday/NNP/PROPN/poss>10 's/POS/PART/case>8 ruling/NN/NOUN/pobj>7 ././PUNCT/punct>2"
)
EXPECTED = parsed(
    "He/PRP/PRON/nsubjpass>2 is/VBZ/AUX/auxpass>2 expected/VBN/VERB/ROOT>2 to/TO/PART/aux>4 "
    "arrive/VB/VERB/xcomp>2 Thursday/NNP/PROPN/npadvmod>4 ././PUNCT/punct>2"
)
HAD_BEEN_SCHEDULED = parsed(
    "It/PRP/PRON/nsubjpass>3 had/VBD/AUX/aux>3 been/VBN/AUX/auxpass>3 scheduled/VBN/VERB/ROOT>3 "
    "to/TO/PART/aux>5 expire/VB/VERB/xcomp>3 Friday/NNP/PROPN/npadvmod>5 ././PUNCT/punct>3"
)
AGREED = parsed(
    "They/PRP/PRON/nsubj>1 agreed/VBD/VERB/ROOT>1 to/TO/PART/aux>3 meet/VB/VERB/xcomp>1 "
    "Tuesday/NNP/PROPN/npadvmod>3 ././PUNCT/punct>1"
)
UNTIL = parsed(
    "The/DT/DET/det>1 union/NN/NOUN/nsubj>2 extended/VBD/VERB/ROOT>2 the/DT/DET/det>4 "
    "strike/NN/NOUN/dobj>2 until/IN/ADP/prep>2 Tuesday/NNP/PROPN/pobj>5 ././PUNCT/punct>2"
)
BY_PAST = parsed(
    "By/IN/ADP/prep>5 December/NNP/PROPN/pobj>0 ,/,/PUNCT/punct>5 the/DT/DET/det>4 "
    "symptoms/NNS/NOUN/nsubj>5 worsened/VBD/VERB/ROOT>5 ././PUNCT/punct>5"
)
IS_TUESDAY = parsed(
    "The/DT/DET/det>1 vote/NN/NOUN/nsubj>2 is/VBZ/AUX/ROOT>2 Tuesday/NNP/PROPN/attr>2 "
    "././PUNCT/punct>2"
)
WAS_TUESDAY = parsed(
    "The/DT/DET/det>1 vote/NN/NOUN/nsubj>2 was/VBD/AUX/ROOT>2 Tuesday/NNP/PROPN/attr>2 "
    "././PUNCT/punct>2"
)
OPENS_ON = parsed(
    "The/DT/DET/det>1 show/NN/NOUN/nsubj>2 opens/VBZ/VERB/ROOT>2 on/IN/ADP/prep>2 "
    "Friday/NNP/PROPN/pobj>3 ././PUNCT/punct>2"
)
SAYS_ON = parsed(
    "The/DT/DET/det>1 mayor/NN/NOUN/nsubj>2 says/VBZ/VERB/ROOT>2 on/IN/ADP/prep>2 "
    "Friday/NNP/PROPN/pobj>3 ././PUNCT/punct>2"
)
BANDS_SET = parsed(
    "The/DT/DET/det>1 show/NN/NOUN/nsubj>2 ended/VBD/VERB/ROOT>2 after/IN/ADP/prep>2 "
    "the/DT/DET/det>5 band/NN/NOUN/pobj>3 's/POS/PART/case>5 set/VBN/VERB/acl>5 "
    "Friday/NNP/PROPN/npadvmod>7 ././PUNCT/punct>2"
)
ITS_PLANS = parsed(
    "The/DT/DET/det>1 band/NN/NOUN/nsubj>2 unveiled/VBD/VERB/ROOT>2 its/PRP$/PRON/poss>4 "
    "plans/NNS/NOUN/dobj>2 at/IN/ADP/prep>2 its/PRP$/PRON/poss>8 Friday/NNP/PROPN/compound>8 "
    "concert/NN/NOUN/pobj>5 ././PUNCT/punct>2"
)
HAD_UNTIL = parsed(
    "Owners/NNS/NOUN/nsubj>1 had/VBD/VERB/ROOT>1 until/IN/ADP/prep>1 Friday/NNP/PROPN/pobj>2 "
    "to/TO/PART/aux>5 file/VB/VERB/advcl>1 ././PUNCT/punct>1"
)
PLANNED_ON = parsed(
    "On/IN/ADP/prep>4 Friday/NNP/PROPN/pobj>0 ,/,/PUNCT/punct>4 officials/NNS/NOUN/nsubj>4 "
    "planned/VBD/VERB/ROOT>4 talks/NNS/NOUN/dobj>4 ././PUNCT/punct>4"
)
PLANNED_FOR = parsed(
    "Talks/NNS/NOUN/nsubjpass>2 were/VBD/AUX/auxpass>2 planned/VBN/VERB/ROOT>2 "
    "for/IN/ADP/prep>2 Tuesday/NNP/PROPN/pobj>3 ././PUNCT/punct>2"
)
HAD_PLANNED_FOR = parsed(
    "Talks/NNS/NOUN/nsubjpass>3 had/VBD/AUX/aux>3 been/VBN/AUX/auxpass>3 planned/VBN/VERB/ROOT>3 "
    "for/IN/ADP/prep>3 Tuesday/NNP/PROPN/pobj>4 ././PUNCT/punct>3"
)
IS_MEETING = parsed(
    "The/DT/DET/det>1 board/NN/NOUN/nsubj>3 is/VBZ/AUX/aux>3 meeting/VBG/VERB/ROOT>3 "
    "Tuesday/NNP/PROPN/npadvmod>3 ././PUNCT/punct>3"
)
HAS_MET = parsed(
    "The/DT/DET/det>1 board/NN/NOUN/nsubj>3 has/VBZ/AUX/aux>3 met/VBN/VERB/ROOT>3 "
    "Tuesday/NNP/PROPN/npadvmod>3 ././PUNCT/punct>3"
)
STATEMENT = parsed(
    "Officials/NNS/NOUN/nsubj>3 on/IN/ADP/prep>0 Thursday/NNP/PROPN/pobj>1 said/VBD/VERB/ROOT>3 "
    "Ukraine/NNP/PROPN/nsubj>7 in/IN/ADP/prep>7 August/NNP/PROPN/pobj>5 "
    "captured/VBD/VERB/ccomp>3 territory/NN/NOUN/dobj>7 ././PUNCT/punct>3"
)


def test_would_on_the_weekdays_own_verb_points_ahead() -> None:
    assert time_tense(phrase(WOULD_BEGIN, "Thursday")) == "future"
    assert value_of(WOULD_BEGIN, "Thursday") == "2024-11-07"


def test_would_on_another_verb_does_not() -> None:
    assert governing_verb(phrase(WOULD_LOOK, "Wednesday")) is None  # modifies a noun
    assert value_of(WOULD_LOOK, "Wednesday") == "2024-10-30"


def test_complement_of_a_prospective_verb_is_ahead() -> None:
    assert time_tense(phrase(EXPECTED, "Thursday")) == "future"
    assert value_of(EXPECTED, "Thursday") == "2024-11-07"


def test_past_perfect_plan_has_no_direction_and_a_weekday_stays_behind() -> None:
    assert time_tense(phrase(HAD_BEEN_SCHEDULED, "Friday")) is None
    assert value_of(HAD_BEEN_SCHEDULED, "Friday") == "2024-11-01"


def test_complement_of_an_ordinary_past_verb_says_nothing() -> None:
    assert time_tense(phrase(AGREED, "Tuesday")) == "unknown"


def test_deadline_under_a_past_verb_falls_back_to_cue_words() -> None:
    assert time_tense(phrase(UNTIL, "Tuesday")) == "unknown"
    assert value_of(UNTIL, "Tuesday") == "2024-11-05"  # "until" is a future cue word


def test_the_time_someone_had_is_behind() -> None:
    """ "Owners had until Friday to file": the deadline they had is past; "extended … until"
    (another past verb) still says nothing and falls back to the cue word."""
    assert time_tense(phrase(HAD_UNTIL, "Friday")) == "past"
    assert value_of(HAD_UNTIL, "Friday") == "2024-11-01"
    assert time_tense(phrase(UNTIL, "Tuesday")) == "unknown"


def test_a_past_verb_done_by_a_time_is_behind() -> None:
    """Unlike "until", "by" under a past verb is the point something was over by: behind."""
    assert time_tense(phrase(BY_PAST, "December")) == "past"
    assert value_of(BY_PAST, "December") == "2023-12"


def test_a_present_copula_sets_a_day_ahead() -> None:
    """ "The vote is Tuesday": what is set; "was Tuesday": behind."""
    assert time_tense(phrase(IS_TUESDAY, "Tuesday")) == "future"
    assert value_of(IS_TUESDAY, "Tuesday") == "2024-11-05"
    assert time_tense(phrase(WAS_TUESDAY, "Tuesday")) == "past"
    assert value_of(WAS_TUESDAY, "Tuesday") == "2024-10-29"


def test_a_present_event_verb_sets_its_day_ahead() -> None:
    """ "The show opens on Friday" in a Thursday's report is a schedule: the coming Friday; a
    reporting verb in the present ("says on Friday") says nothing of the day."""
    assert time_tense(phrase(OPENS_ON, "Friday")) == "future"
    assert value_of(OPENS_ON, "Friday") == "2024-11-08"
    assert time_tense(phrase(SAYS_ON, "Friday")) == "unknown"


def test_a_noun_after_a_possessive_is_no_plan_verb() -> None:
    """ "the band's set Friday": "set" is the concert, not "set for Friday"."""
    assert time_tense(phrase(BANDS_SET, "Friday")) == "unknown"
    assert value_of(BANDS_SET, "Friday") == "2024-11-01"


def test_a_plan_noun_is_no_future_cue() -> None:
    """ "unveiled its plans at its Friday concert": the plans are a noun, the Friday behind."""
    assert value_of(ITS_PLANS, "Friday") == "2024-11-01"


def test_time_of_the_planning_is_past() -> None:
    assert time_tense(phrase(PLANNED_ON, "Friday")) == "past"
    assert value_of(PLANNED_ON, "Friday") == "2024-11-01"


def test_target_of_a_plan_is_ahead_unless_past_perfect() -> None:
    assert value_of(PLANNED_FOR, "Tuesday") == "2024-11-05"
    assert value_of(HAD_PLANNED_FOR, "Tuesday") == "2024-10-29"


def test_progressive_is_ahead_and_perfect_behind() -> None:
    assert value_of(IS_MEETING, "Tuesday") == "2024-11-05"
    assert value_of(HAS_MET, "Tuesday") == "2024-10-29"


def test_no_verb_within_reach() -> None:
    doc = parsed("Thursday/NNP/PROPN/ROOT>0 ././PUNCT/punct>0")
    assert governing_verb(phrase(doc, "Thursday")) is None
    assert time_tense(phrase(doc, "Thursday")) == "unknown"
    nouns = parsed(
        "The/DT/DET/det>1 start/NN/NOUN/ROOT>1 of/IN/ADP/prep>1 talks/NNS/NOUN/pobj>2 "
        "on/IN/ADP/prep>3 Thursday/NNP/PROPN/pobj>4"
    )
    assert governing_verb(phrase(nouns, "Thursday")) is None  # four steps up, still no verb


def test_complement_of_an_ordinary_past_perfect_says_nothing() -> None:
    doc = parsed(
        "They/PRP/PRON/nsubj>2 had/VBD/AUX/aux>2 agreed/VBN/VERB/ROOT>2 to/TO/PART/aux>4 "
        "meet/VB/VERB/xcomp>2 Tuesday/NNP/PROPN/npadvmod>4 ././PUNCT/punct>2"
    )
    assert time_tense(phrase(doc, "Tuesday")) == "unknown"


def test_the_cue_verbs_own_clause() -> None:
    said = STATEMENT[3]
    assert in_clause_of(said, phrase(STATEMENT, "Thursday").root)
    assert not in_clause_of(said, phrase(STATEMENT, "August").root)
    assert not in_clause_of(STATEMENT[7], said)  # the cue is not under the reported verb


# ------------------------------------------------------------------------------ quote dates

AFTER_FRIDAY = parsed(
    "After/IN/ADP/mark>2 troops/NNS/NOUN/nsubj>2 crossed/VBD/VERB/advcl>13 on/IN/ADP/prep>2 "
    "Friday/NNP/PROPN/pobj>3 ,/,/PUNCT/punct>13 “/``/PUNCT/punct>13 we/PRP/PRON/nsubj>8 "
    "are/VBP/AUX/ccomp>13 ready/JJ/ADJ/acomp>8 ,/,/PUNCT/punct>13 ”/''/PUNCT/punct>13 "
    "Austin/NNP/PROPN/nsubj>13 said/VBD/VERB/ROOT>13 Thursday/NNP/PROPN/npadvmod>13 "
    "././PUNCT/punct>13"
)


def _quote(doc: Doc, words: str, cue: str | None) -> Quote:
    start = doc.text.index(words)
    at = doc.text.index(cue) if cue else None
    return Quote(text=words, start=start, end=start + len(words), cue=cue, cue_start=at,
                 cue_end=at + len(cue) if at is not None and cue else None)  # fmt: skip


def _quote_date(doc: Doc, quote: Quote) -> str | None:
    times = find_times(doc.text, SATURDAY, doc)
    sentences = [TextSpan(start=0, end=len(doc.text))]
    return date_quotes([quote], times, sentences, doc)[0].date


def test_quote_is_dated_by_its_cue_verbs_clause() -> None:
    quote = _quote(AFTER_FRIDAY, "we are ready,", "said")
    assert _quote_date(AFTER_FRIDAY, quote) == "2024-10-31"  # Thursday, not the nearer Friday


def test_quote_without_a_cue_verb_takes_the_nearest_time() -> None:
    assert _quote_date(AFTER_FRIDAY, _quote(AFTER_FRIDAY, "we are ready,", None)) == "2024-11-01"
    not_a_verb = _quote(AFTER_FRIDAY, "we are ready,", "Austin")
    assert _quote_date(AFTER_FRIDAY, not_a_verb) == "2024-11-01"


def test_cue_clause_without_a_time_takes_the_nearest_time() -> None:
    doc = parsed(
        "Officials/NNS/NOUN/nsubj>1 said/VBD/VERB/ROOT>1 troops/NNS/NOUN/nsubj>3 "
        "left/VBD/VERB/ccomp>1 ,/,/PUNCT/punct>1 after/IN/ADP/mark>7 talks/NNS/NOUN/nsubj>7 "
        "ended/VBD/VERB/advcl>1 Friday/NNP/PROPN/npadvmod>7 ././PUNCT/punct>1"
    )
    quote = _quote(doc, "troops left", "said")
    assert _quote_date(doc, quote) == "2024-11-01"


SLUMP_HURT = parsed(
    "The/DT/DET/det>1 slump/NN/NOUN/nsubj>2 hurt/VBP/VERB/ROOT>2 the/DT/DET/det>4 "
    "mill/NN/NOUN/dobj>2 on/IN/ADP/prep>2 Friday/NNP/PROPN/pobj>5 ././PUNCT/punct>2"
)
TRADERS_CUT = parsed(
    "Traders/NNS/NOUN/nsubj>1 cut/VBP/VERB/ROOT>1 prices/NNS/NOUN/dobj>1 on/IN/ADP/prep>1 "
    "Friday/NNP/PROPN/pobj>3 ././PUNCT/punct>1"
)
SMITH_AND_JONES_CUT = parsed(
    "Smith/NNP/PROPN/nsubj>3 and/CC/CCONJ/cc>0 Jones/NNP/PROPN/conj>0 cut/VBP/VERB/ROOT>3 "
    "prices/NNS/NOUN/dobj>3 on/IN/ADP/prep>3 Friday/NNP/PROPN/pobj>5 ././PUNCT/punct>3"
)


def test_a_bare_verb_under_a_singular_noun_is_past() -> None:
    """ "The slump hurt the mill on Friday": a present would be "hurts", so the VBP tag is the
    unchanged past; under a plural subject ("traders cut") it stays a schedule."""
    assert time_tense(phrase(SLUMP_HURT, "Friday")) == "past"
    assert value_of(SLUMP_HURT, "Friday") == "2024-11-01"
    assert time_tense(phrase(TRADERS_CUT, "Friday")) == "future"
    assert time_tense(phrase(SMITH_AND_JONES_CUT, "Friday")) == "future"
