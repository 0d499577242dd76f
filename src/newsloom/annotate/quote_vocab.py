"""Vocabularies for quotes and speakers: cue verbs, titles, channels, pronouns, quote marks.

Data only, no logic, so that a word can be added without touching the code that reads it.
"""

from __future__ import annotations

#: Inflected cue verb → the normal form stored in ``Quote.cue`` (simple past: "says" → "said").
#: The lemmatizer is disabled in newsloom's pipeline, so forms are listed.
_CUE_FORMS: dict[str, tuple[str, ...]] = {
    "said": ("say", "says", "said", "saying"),
    "told": ("tell", "tells", "told", "telling"),
    "wrote": ("write", "writes", "wrote", "writing", "written"),
    "added": ("add", "adds", "added", "adding"),
    "asked": ("ask", "asks", "asked", "asking"),
    "tweeted": ("tweet", "tweets", "tweeted", "tweeting"),
    "posted": ("post", "posts", "posted"),
    "stated": ("state", "states", "stated", "stating"),
    "explained": ("explain", "explains", "explained", "explaining"),
    "noted": ("note", "notes", "noted", "noting"),
    "argued": ("argue", "argues", "argued", "arguing"),
    "warned": ("warn", "warns", "warned", "warning"),
    "claimed": ("claim", "claims", "claimed", "claiming"),
    "insisted": ("insist", "insists", "insisted", "insisting"),
    "declared": ("declare", "declares", "declared", "declaring"),
    "announced": ("announce", "announces", "announced", "announcing"),
    "replied": ("reply", "replies", "replied", "replying"),
    "responded": ("respond", "responds", "responded", "responding"),
    "continued": ("continue", "continues", "continued"),
    "recalled": ("recall", "recalls", "recalled"),
    "remarked": ("remark", "remarks", "remarked"),
    "joked": ("joke", "jokes", "joked"),
    "quipped": ("quip", "quips", "quipped"),
    "shouted": ("shout", "shouts", "shouted"),
    "yelled": ("yell", "yells", "yelled"),
    "urged": ("urge", "urges", "urged", "urging"),
    "acknowledged": ("acknowledge", "acknowledges", "acknowledged"),
    "admitted": ("admit", "admits", "admitted"),
    "suggested": ("suggest", "suggests", "suggested"),
    "asserted": ("assert", "asserts", "asserted"),
    "predicted": ("predict", "predicts", "predicted", "predicting"),
    "promised": ("promise", "promises", "promised", "promising"),
    "vowed": ("vow", "vows", "vowed", "vowing"),
    "conceded": ("concede", "concedes", "conceded"),
    "complained": ("complain", "complains", "complained"),
    "agreed": ("agree", "agrees", "agreed"),
    "countered": ("counter", "counters", "countered"),
    "cautioned": ("caution", "cautions", "cautioned"),
    "emphasized": ("emphasize", "emphasizes", "emphasized", "emphasise", "emphasised"),
    "stressed": ("stress", "stresses", "stressed"),
    "reported": ("report", "reports", "reported", "reporting"),
    "wondered": ("wonder", "wonders", "wondered"),
    "boasted": ("boast", "boasts", "boasted"),
    "read": ("reads",),
    "observed": ("observe", "observes", "observed", "observing"),
    "echoed": ("echo", "echoes", "echoed", "echoing"),
    "affirmed": ("affirm", "affirms", "affirmed"),
    "concluded": ("conclude", "concludes", "concluded", "concluding"),
    "released": ("release", "releases", "released"),
    # naming a thing in someone's words: He called it a "fundamental mistake"
    "called": ("call", "calls", "called", "calling"),
    "described": ("describe", "describes", "described", "describing"),
    "dubbed": ("dub", "dubs", "dubbed", "dubbing"),
    "labeled": ("label", "labels", "labeled", "labelled", "labeling", "labelling"),
    "branded": ("brand", "brands", "branded", "branding"),
    "termed": ("term", "terms", "termed", "terming"),
}
CUE_VERBS: dict[str, str] = {form: norm for norm, forms in _CUE_FORMS.items() for form in forms}
#: Cues that name a thing in someone's words ("called it a "mistake""): in the passive their
#: subject is the thing named ("it has been dubbed "…""), never the speaker.
NAMING_CUES = frozenset({"called", "described", "dubbed", "labeled", "branded", "termed"})
#: The normal forms (``Quote.cue``) of the cue verbs. A short quote inside a sentence under
#: one of these verbs in the parse is the speaker's words, not a fragment: on PolNeAR train
#: (bench/polnear.py) 93% of such quotes lie inside an annotated attribution's content (150
#: are gold direct quotes); quote recall 95.8% → 98.2%, lenient precision 94.9% → 94.8%
#: (a quoted prepositional phrase and a quote under an infinitive excepted, see
#: ``quote_attribution._governs``).
SPEECH_WORDS = frozenset(_CUE_FORMS)

#: Cues that introduce reported speech ("X said that …") when no quote mark is involved; a
#: narrower set than ``CUE_VERBS``: "asked", "continued", "posted" rarely carry a clause.
REPORTING_CUES = frozenset(
    {
        "said",
        "told",
        "wrote",
        "added",
        "stated",
        "explained",
        "noted",
        "argued",
        "warned",
        "claimed",
        "insisted",
        "declared",
        "announced",
        "acknowledged",
        "admitted",
        "suggested",
        "asserted",
        "predicted",
        "promised",
        "vowed",
        "conceded",
        "complained",
        "cautioned",
        "emphasized",
        "stressed",
        "reported",
        "tweeted",
    }
)

#: Titles and roles stripped from the front of a name ("President Volodymyr Zelenskyy").
TITLES = frozenset(
    {
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "gov.",
        "governor",
        "mayor",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen.",
        "lt.",
        "col.",
        "colonel",
        "maj.",
        "major",
        "capt.",
        "captain",
        "adm.",
        "admiral",
        "sgt.",
        "commander",
        "chief",
        "judge",
        "justice",
        "dr.",
        "doctor",
        "prof.",
        "professor",
        "mr.",
        "mrs.",
        "ms.",
        "miss",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev.",
        "reverend",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "supreme",
        "leader",
        "ayatollah",
        "sheikh",
        "foreign",
        "defense",
        "defence",
        "interior",
        "state",
        "deputy",
        "acting",
        "former",
        "senior",
        "attorney",
        "speaker",
        "house",
        "senate",
        "majority",
        "minority",
        "gop",
        "democratic",
        "republican",
        "nominee",
        "candidate",
        "presidential",
        "first",
    }
)

#: Words that are never part of a person's name, even when capitalised or tagged PROPN.
NOT_NAME = frozenset({"the", "a", "an", "of", "for", "and", "u.s.", "us", "u.n.", "eu", "uk"})

#: Personal pronouns a speaker can be; resolved to a name or group seen earlier.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "it"})
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | frozenset({"i", "you"})

#: Head nouns of a channel phrase ("in a post on Telegram", "in a statement").
CHANNEL_NOUNS = frozenset(
    {
        "post",
        "posts",
        "statement",
        "statements",
        "interview",
        "tweet",
        "tweets",
        "speech",
        "video",
        "videos",
        "address",
        "briefing",
        "conference",
        "message",
        "email",
        "e-mail",
        "letter",
        "broadcast",
        "podcast",
        "op-ed",
        "column",
        "editorial",
        "remarks",
        "release",
        "appearance",
        "rally",
        "hearing",
        "debate",
        "memo",
        "report",
        "blog",
        "filing",
        "translation",
        "call",
        "comments",
        "show",
        "program",
        "programme",
    }
)

#: Platforms and media that are a channel on their own ("on Telegram", "on X").
PLATFORMS = frozenset(
    {
        "telegram",
        "twitter",
        "x",
        "facebook",
        "instagram",
        "tiktok",
        "youtube",
        "truth",
        "threads",
        "bluesky",
        "linkedin",
        "reddit",
        "weibo",
        "television",
        "tv",
        "radio",
    }
)

#: Prepositions that open a channel phrase after the cue.
CHANNEL_PREPS = frozenset({"in", "on", "during", "at", "via", "through"})

#: Quote marks. Straight marks are opening or closing by context.
DOUBLE_OPEN = frozenset({"“", "„"})
SINGLE_OPEN = frozenset({"‘"})
SINGLE_CLOSE = frozenset({"’"})
SINGLE_STRAIGHT = "'"
#: Characters after which a straight mark opens a quote.
OPENERS_BEFORE = frozenset(" \t\n([{—–-/:")
