"""Vocabularies the figure finder reads: data only, no logic.

Every list is lower case. Phrases are tuples of tokens as spaCy splits them.
"""

from __future__ import annotations

#: Qualifier phrase (tokens before the number) → normalised qualifier. Longest match wins.
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("roughly",): "about",
    ("circa",): "about",
    ("some",): "some",
    ("more", "than"): "more than",
    ("over",): "over",
    ("upwards", "of"): "over",
    ("in", "excess", "of"): "over",
    ("well", "over"): "over",
    ("just", "over"): "over",
    ("at", "least"): "at least",
    ("no", "fewer", "than"): "at least",
    ("no", "less", "than"): "at least",
    ("nearly",): "nearly",
    ("close", "to"): "nearly",
    ("just", "under"): "nearly",
    ("almost",): "almost",
    ("up", "to"): "up to",
    ("as", "many", "as"): "up to",
    ("as", "much", "as"): "up to",
    ("at", "most"): "at most",
    ("no", "more", "than"): "at most",
    ("less", "than"): "less than",
    ("fewer", "than"): "less than",
    ("under",): "less than",
    ("estimated",): "estimated",
    ("an", "estimated"): "estimated",
    ("the", "estimated"): "estimated",
    ("between",): "between",
}
#: Longest qualifier phrase, in tokens: how far back the finder looks.
QUALIFIER_MAX_TOKENS = max(len(k) for k in QUALIFIERS)

#: Scale words and suffixes → multiplier ("9 million", "2.5m", "1.2bn", "10k").
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}
#: Scale words written out (the short suffixes above only count right after digits).
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})

#: Number words spaCy marks ``like_num``. "one" is left out on purpose: "at one point",
#: "one of them" are almost never figures.
NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "zero": 0,
}  # fmt: skip

#: Currency symbols and words → ISO code.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
    "₴": "UAH", "c$": "CAD", "a$": "AUD",
}  # fmt: skip
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "rupees": "INR", "roubles": "RUB",
    "rubles": "RUB", "hryvnias": "UAH", "yuan": "CNY",
}  # fmt: skip
CURRENCY_CODES = frozenset({"usd", "eur", "gbp", "jpy", "cny", "rub", "uah", "inr"})

#: Percent markers after the number.
PERCENT_WORDS = frozenset({"%", "percent", "pct"})

#: Measurement units after the number → canonical unit.
UNITS: dict[str, str] = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "mile", "mile": "mile", "meters": "m", "metres": "m", "feet": "ft",
    "kg": "kg", "kilograms": "kg", "kilos": "kg", "kilogram": "kg",
    "tons": "t", "tonnes": "t", "ton": "t", "tonne": "t", "pounds": "lb", "lbs": "lb",
    "liters": "l", "litres": "l", "barrels": "barrel", "acres": "acre", "hectares": "ha",
    "square": "sq",
}  # fmt: skip

#: Words that make a following number a time of day or a preceding number a clock time.
TIME_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "hrs", "h"})
#: Month names and abbreviations: a number next to one is a date.
MONTHS = frozenset(
    "jan jan. january feb feb. february mar mar. march apr apr. april may jun jun. june jul "
    "jul. july aug aug. august sep sep. sept sept. september oct oct. october nov nov. "
    "november dec dec. december".split()
)
#: A number hyphenated to one of these is an age or a duration ("20-year-old", "3-day").
DURATION_UNITS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
     "minute", "minutes", "second", "seconds"}
)  # fmt: skip

#: Rates after the counted noun: "a day", "per week", "every month", "daily".
RATE_DETERMINERS = frozenset({"a", "an", "per", "every", "each"})
RATE_UNITS: dict[str, str] = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "night",
    "week": "week", "month": "month", "year": "year", "quarter": "quarter", "capita": "capita",
    "person": "person",
}  # fmt: skip
RATE_ADVERBS: dict[str, str] = {
    "daily": "day", "nightly": "night", "weekly": "week", "monthly": "month",
    "yearly": "year", "annually": "year", "hourly": "hour",
}  # fmt: skip

#: Entity labels whose numbers are names, not figures ("24th Mechanised Brigade", "Route 9").
NAME_LABELS = frozenset(
    {"ORG", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "PERSON", "GPE", "LOC", "NORP",
     "DATE", "TIME", "ORDINAL"}
)  # fmt: skip
#: Tokens right before a number that make it a label ("No. 2", "page 3", "Photo 4").
LABEL_WORDS = frozenset({"no.", "no", "number", "page", "photo", "image", "slide", "episode"})
#: Capitalised words before a number that make it part of a name ("Local 412", "Flight 370",
#: "Gate 7", "Proposition 13"); lower-case, they may simply precede a figure.
NAME_WORDS = frozenset(
    {"local", "route", "flight", "highway", "interstate", "gate", "room", "chapter", "district",
     "ward", "precinct", "unit", "pier", "terminal", "platform", "line", "channel", "article",
     "section", "amendment", "proposition", "resolution", "bill", "building", "hall", "station",
     "stage", "phase", "block", "lot", "apartment", "suite", "lane", "exit", "track", "zone"}
)  # fmt: skip

#: Prepositions that give a figure its scope (where, what).
SCOPE_PREPS = frozenset(
    {"in", "to", "near", "inside", "into", "at", "across", "along", "from", "on", "within",
     "outside", "toward", "towards", "around", "throughout", "over"}
)  # fmt: skip

#: Verbs that attribute a claim to their subject, in the forms spaCy sees (no lemmatizer).
ATTRIBUTION_VERBS = frozenset(
    """say says said saying tell tells told telling estimate estimates estimated estimating
    report reports reported reporting claim claims claimed claiming announce announces
    announced state states stated add adds added note notes noted confirm confirms confirmed
    believe believes believed warn warns warned write writes wrote written post posts posted
    show shows showed shown find finds found assess assesses assessed count counts counted
    put puts acknowledge acknowledged acknowledges allege alleges alleged insist insists insisted
    tally tallied calculate calculates calculated indicate indicates indicated suggest suggests
    suggested""".split()
)
#: Verbs whose subject is what a bare number measures: "the toll rose to 205".
CHANGE_VERBS = frozenset(
    """rose rise rises risen climbed climb climbs jumped jump jumps fell fall falls fallen
    dropped drop drops reached reach reaches stood stand stands grew grow grows grown
    increased increase increases decreased decrease decreases totalled totaled total totals
    hit hits surged surge surges soared soar soars slipped slip slips declined decline
    declines is are was were be been worth""".split()
)
#: Pronouns resolved to the nearest preceding person.
PERSON_PRONOUNS = frozenset({"he", "she"})
#: Subjects too vague to be a source on their own.
UNRESOLVED_SUBJECTS = frozenset(
    {"it", "they", "we", "i", "you", "them", "this", "that", "who", "which", "one"}
)
#: Titles stripped from the front of a source's name.
TITLES = frozenset(
    """president vice prime minister secretary general gen. lt. col. maj. capt. sgt. adm.
    sen. rep. gov. mayor dr. mr. mrs. ms. chief commander spokesman spokeswoman spokesperson
    chancellor king queen prince foreign defense defence interior deputy ambassador senator
    governor judge pope police""".split()
)
#: Determiners and possessive pronouns stripped from the front of a source or counted phrase.
LEADING_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "these", "those"})

#: Irregular plurals for the singular head ("people" → "person").
IRREGULAR_SINGULARS: dict[str, str] = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "feet": "foot", "teeth": "tooth", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "thieves": "thief", "leaves": "leaf", "halves": "half",
    "police": "police", "personnel": "personnel", "staff": "staff", "data": "data",
    "crises": "crisis", "analyses": "analysis", "series": "series", "species": "species",
    "aircraft": "aircraft", "sheep": "sheep", "fish": "fish", "news": "news",
    "buses": "bus", "viruses": "virus", "gases": "gas", "bonuses": "bonus",
    "campuses": "campus", "censuses": "census", "taxes": "tax", "boxes": "box",
}  # fmt: skip
#: Endings that are not plural "-s" ("virus", "analysis", "glass").
SINGULAR_ENDINGS = ("ss", "us", "is", "os")
