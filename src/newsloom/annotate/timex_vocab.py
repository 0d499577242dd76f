"""Vocabularies for time expressions, kept as data (see ``times.py`` for the rules using them).

Every table maps the lower-cased surface form to what it means. Regex alternations are built
from these tables in ``times.py``, longest form first, so "September" wins over "Sept".
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan.": 1, "jan": 1,
    "february": 2, "feb.": 2, "feb": 2,
    "march": 3, "mar.": 3,
    "april": 4, "apr.": 4,
    "may": 5,
    "june": 6, "jun.": 6,
    "july": 7, "jul.": 7,
    "august": 8, "aug.": 8, "aug": 8,
    "september": 9, "sept.": 9, "sep.": 9, "sept": 9,
    "october": 10, "oct.": 10, "oct": 10,
    "november": 11, "nov.": 11, "nov": 11,
    "december": 12, "dec.": 12, "dec": 12,
}  # fmt: skip

#: Month forms that are also ordinary words or names ("May", "March", "Jan"): accepted alone only
#: after a temporal preposition or modifier, never as a bare capitalised word.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "aug", "sept", "oct", "nov", "dec", "feb"})

#: Monday = 0, as ``date.weekday()``.
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

#: Parts of the day and their TIMEX3 codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI", "daytime": "DT",
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2,
}  # fmt: skip

#: Vague counts: the duration is known in unit only ("several years" = PXY).
VAGUE_COUNTS = frozenset({"several", "a few", "few", "many", "some", "numerous", "the next few"})

#: Units of time: (TIMEX3 duration letter, is it a clock unit written after "T").
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "week": ("W", False), "weekend": ("WE", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

#: References to the present, past and future without a date (TIMEX3 special values).
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "formerly": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "current": "PRESENT_REF",
}  # fmt: skip
#: "current" alone ("his current wife") is PRESENT_REF in TimeML: on TempEval-3 dev 8 right /
#: 6 not annotated, value F1 77.7 → 77.9 (held 78.5 → 78.4: 1 right, 1 wrong, 2 not annotated).
#: Left out, measured on TempEval-3 dev (true / false positives): "soon" 3/10,
#: "previously" 2/9, "shortly" 0/2, "presently" 0/1 — annotators rarely tag them.

#: Sets: recurring times.
SETS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D",
}  # fmt: skip
#: Left out, measured on TempEval-3 dev: "quarterly" 1 true / 8 false positives ("quarterly
#: dividend"), "annually" 2/4.

#: Fixed-date holidays (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "independence day": (7, 4), "valentine's day": (2, 14), "veterans day": (11, 11),
}  # fmt: skip

#: Words after a year-like number that make it a count, not a year ("2000 troops").
COUNT_NOUNS = frozenset(
    {
        "troops", "soldiers", "people", "men", "women", "children", "workers", "jobs",
        "shares", "miles", "kilometers", "kilometres", "km", "meters", "metres", "feet",
        "tons", "tonnes", "dollars", "euros", "votes", "cases", "deaths", "units",
        "employees", "residents", "members", "points", "acres", "barrels", "homes", "cars",
    }
)  # fmt: skip

#: Words before a year-like number that make it a count or an amount ("about 2000").
QUANTIFIERS = frozenset(
    {
        "about", "some", "nearly", "almost", "approximately", "around", "than", "least",
        "roughly", "estimated", "over", "under", "only", "just", "total", "No.", "no.",
        "number", "route", "flight", "room", "page", "$", "€", "£", "#",
    }
)  # fmt: skip

#: Words that point a sentence at the future (weekday and month direction).
FUTURE_CUES = frozenset(
    {"will", "'ll", "’ll", "shall", "wo", "going", "plans", "planned", "scheduled", "due",
     "expected", "upcoming", "next", "until", "til", "till"}
)  # fmt: skip

#: Past auxiliaries: the only past cues kept (see ``times._cue`` for what was measured).
PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})

# Words of the clause a time expression belongs to (``clause.py``, spaCy's parse).

#: Auxiliaries and modals of the clause's own verb that put it in the future ("will meet",
#: "would begin"). "would" as a cue word anywhere near a weekday lowered TempEval-3 dev value
#: F1 79.2 → 78.8; as the auxiliary of the verb the weekday attaches to it changes one
#: expression in all 256 documents (neutral), and is what "would begin ... by Thursday" needs.
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "’ll", "wo", "would"})
#: Perfect auxiliaries: "has met" is in the past, "will have met" is not.
PERFECT_AUXILIARIES = frozenset({"has", "have", "'s", "’s", "'ve", "’ve"})
#: Verbs whose complement or target is ahead: "is expected to arrive Thursday", "plans to vote
#: Tuesday", "talks are set for Tuesday", "was planned for early March". A time hanging from
#: another preposition ("On Friday, the government planned ...") dates the planning itself.
PROSPECTIVE_VERBS = frozenset(
    {"expected", "expects", "expect", "scheduled", "schedule", "due", "set", "slated", "plans",
     "plan", "planned", "planning", "intends", "intend", "intended", "going", "aims", "aim",
     "hopes", "hope", "poised", "preparing", "prepares", "vowed", "promised", "pledged"}
)  # fmt: skip
#: Prepositions that make a time a plan's target ("planned for March"); "" is a bare time.
TARGET_PREPS = frozenset({"", "for", "by", "until", "till", "through", "before"})
#: Deadline prepositions: "extended the offer until Nov. 9" is ahead although the verb is past,
#: so a past clause says nothing about a time hanging from one. Not "by": a past verb done by a
#: time ("by December, the symptoms worsened") puts the time in the past too.
DEADLINE_PREPS = frozenset({"until", "till", "through"})

#: Relative day words and their offset from the anchor.
RELATIVE_DAYS: dict[str, int] = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}

#: "the past decade", "this century": annotated as durations in TimeBank.
LONG_SPANS: dict[str, str] = {"DE": "P10Y", "CE": "P100Y"}

AGO_SIGN: dict[str, int] = {"ago": -1, "earlier": -1, "previously": -1, "from now": 1, "hence": 1}
#: "three days later", "10 days before the shooting": counted from an event, not from the
#: anchor, so the match is refused and the duration rule tags "three days" (P3D), as TimeBank
#: does. TempEval-3 dev: these were 0 right of 7 as anchor-relative dates; value F1 77.4 → 77.7.
EVENT_RELATIVE = frozenset({"before", "after", "later"})
