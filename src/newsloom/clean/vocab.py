"""Heuristic vocabularies of the clean stage, kept as data (trafilatura's xpaths.py habit).

Everything here is matched case-insensitively against whole, stripped lines unless said
otherwise. Add to these lists when a measured page shows a new form; keep the tests in step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsloom.clean import vocab_langs as langs


def _merged(tables: Iterable[dict[str, tuple[str, ...]]]) -> frozenset[str]:
    """Every entry of per-language tables (``vocab_langs``), one set."""
    return frozenset(entry for table in tables for entries in table.values() for entry in entries)


#: Lines that only mark an ad slot (English here, the other languages from ``vocab_langs``).
AD_MARKERS = _merged([langs.AD_MARKERS]) | frozenset(
    {
        "advertisement",
        "advertisements",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "paid content",
        "promoted",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading below",
        "skip ad",
        "skip advertisement",
        "ad feedback",
        "report this ad",
    }
)

#: Headings that open a rail of teasers or a block of page furniture.
RAIL_HEADINGS = _merged([langs.RAIL_HEADINGS]) | frozenset(
    {
        "top stories",
        "top story",
        "latest headlines",
        "latest news",
        "latest",
        "trending",
        "trending stories",
        "trending now",
        "trending news",
        "most read",
        "most popular",
        "most viewed",
        "popular",
        "popular stories",
        "popular now",
        "related",
        "related stories",
        "related articles",
        "related content",
        "related coverage",
        "related news",
        "read more",
        "read next",
        "more stories",
        "more news",
        "more from this section",
        "more to explore",
        "recommended",
        "recommended stories",
        "recommended for you",
        "you may also like",
        "you might also like",
        "editor's picks",
        "editors' picks",
        "editor’s picks",
        "featured",
        "featured stories",
        "follow us",
        "share this article",
        "share this story",
        "share",
        "in case you missed it",
        "what to read next",
        "around the web",
        "from our partners",
        "watch",
        "videos",
        "video",
        "newsletter",
        "sign up for our newsletter",
        "comments",
        "leave a comment",
        "more in world news",
        "related links",
        "related posts",
        "see also",
        "also read",
        "read also",
        "you may be interested in",
        "you may also be interested in",
        "você pode gostar",
        "veja também",
        "leia também",
        "leggi anche",
        "potrebbe interessarti anche",
        "lesen sie auch",
        "das könnte sie auch interessieren",
        "lire aussi",
        "à lire aussi",
        "a lire aussi",
        "te puede interesar",
        "lee también",
        "читайте также",
        "смотрите также",
    }
)

#: Rail headings that follow an article's end (tags, the comment box), in every language.
END_HEADINGS = _merged([langs.END_HEADINGS]) | frozenset(
    {"tags", "tag", "comments", "leave a comment", "leave a reply", "post a comment"}
)
RAIL_HEADINGS |= END_HEADINGS

#: A comment box's rules: a word for comments and, within ``COMMENT_RULE_REACH`` characters
#: either side, a word of moderation or rules (English here, other languages from
#: ``vocab_langs``).
COMMENT_RULE_REACH = 80
COMMENT_WORDS = langs.COMMENT_WORDS
_COMMENT = "|".join(COMMENT_WORDS)
_RULES = "|".join(
    sorted(
        _merged([langs.COMMENT_RULE_WORDS])
        | {"moderat", "approv", "guideline", "respectful", "policy", "rules"}
    )
)
COMMENT_RULES_RE = re.compile(
    rf"(?:{_COMMENT}).{{0,{COMMENT_RULE_REACH}}}(?:{_RULES})"
    rf"|(?:{_RULES}).{{0,{COMMENT_RULE_REACH}}}(?:{_COMMENT})",
    re.I,
)

#: The head of a comment section, with or without its count: "[ 12 comments ]", "Top Rated
#: Comments", "3 responses to “…”", "12 Kommentare", "Комментарии (5)".
COMMENT_SECTION_RE = re.compile(
    r"^[\[(]?\s*(?:\d[\d,.]*\s+)?(?:top[- ]rated\s+|reader\s+|readers'?\s+|user\s+)?"
    r"(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|comentários?|"
    r"commenti|комментари\w*|отзыв\w*)"
    r"(?:\s*[\[(]\d[\d,.]*[\])])?(?:\s+(?:to|on|zu|sur|a|em|su|к)\s.{1,200})?\s*[\])]?$",
    re.I,
)

#: A rail heading of the form "More from X", "More in X", "Latest from X", or a local rail
#: "Around Town", "Around the Region" (at most three words after "around").
RAIL_HEADING_RE = re.compile(
    r"^(?:(more|latest|top|best|most (?:read|popular|viewed|shared)|trending|popular)"
    r" (from|in|on) [\w .’'&-]{2,40}"
    r"|around (?:[\w’'&-]+ ?){1,3})$",
    re.I,
)

#: Accessibility and navigation links printed as lines of their own, share buttons one a line.
NAV_MARKERS = (
    _merged([langs.NAV_MARKERS])
    | frozenset(langs.SHARE_MARKERS)
    | frozenset(
        {
            "skip to main content",
            "skip to content",
            "skip to main",
            "skip navigation",
            "skip to navigation",
            "skip to search",
            "skip to footer",
            "jump to content",
            "back to top",
        }
    )
)

#: Relative times of teaser rails: "6m ago", "7 hours ago", "World News // 7 hours ago".
RELATIVE_TIME_RE = re.compile(
    r"^(?:[\w .&’'-]{1,40}\s*(?://|\||·|•|-)\s*)?"
    r"(?:\d{1,3}\s*(?:s|m|h|d|w|mo|y|sec|secs|min|mins|hr|hrs|"
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|just now|yesterday|"
    + langs.RELATIVE_TIME
    + r")\.?$",
    re.I,
)

#: Separator lines (AP's "___", rules of dashes, stars, bullets).
SEPARATOR_RE = re.compile(r"^[\s_\-–—*=•·~#]{3,}$")

#: Sign-offs and calls to action that close an article.
SIGN_OFF_RE = re.compile(
    r"^(?:follow|read|see|find|get|sign up|subscribe|download|click|join|listen|watch|stay|"
    r"more on|for more|copyright|©|\(c\)|all rights reserved|this story|this article|"
    r"contact|email|send us|share your)\b.*(?:https?://|www\.|\.com\b|newsletter|app\b|"
    r"coverage|rights reserved|subscribe|here\.?$)",
    re.I,
)
#: The same in other languages: a follow / subscribe verb first, a network or newsletter named.
SIGN_OFF_LANGS_RE = re.compile(
    rf"^(?:{langs.SIGN_OFF_VERBS})\b.*(?:{langs.SIGN_OFF_OBJECTS})", re.I
)

#: Contact lines that close an article: "Write to Jane Doe at jdoe@site.example", "Have a news
#: tip? Email tips@site.example.", "Jane Doe can be reached at ...". The forms that start with
#: a verb need an e-mail address, so that "Contact tracing at the plant ..." stays body.
CONTACT_RE = re.compile(
    r"^(?:have an? (?:news )?tip|got an? (?:news )?tip|news tips?|tips?|"
    r"(?:send|share) (?:us )?(?:your )?(?:news )?(?:tips?|stories|questions)|"
    r"write to|contact|reach|e-?mail|questions\??)\b[^@]{0,120}@[\w.-]+\.\w+"
    r"|\bcan be (?:reached|contacted|emailed) (?:at|by|via|on)\b",
    re.I,
)
#: The same in other languages: "Schreiben Sie uns an …@…", "Écrivez-nous : …@…".
CONTACT_LANGS_RE = re.compile(rf"\b(?:{langs.CONTACT_VERBS})\w*\b[^@]{{0,120}}@[\w.-]+\.\w+", re.I)
#: A contact line has at most this many words (a sentence quoting an address is longer).
CONTACT_MAX_WORDS = 30

#: A line that is only a URL.
URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)

#: Photo captions and credits.
CAPTION_RE = re.compile(
    r"(?:\|\s*license photo\s*$|\b(?:file )?photo by\b|\bphotograph(?:ed)? by\b|"
    r"\b(?:ap|afp|reuters|getty|epa|upi)(?: photo| images)?\s*/|\bvia (?:ap|reuters|afp|getty)\)|"
    r"\(photo:|\bphoto credit\b|\b(?:photo|image|picture)s? courtesy (?:of )?|"
    r"\bphoto(?:graph)?s?:\s|\bpicture:\s|"
    r"^in this (?:photo|image|file photo|handout)|^file -|^file photo|"
    r"^(?:above|below|top|pictured|inset|main image|top image):\s|"
    r"\bimage:\s|\bcredit:\s|\bvia [\w .’'-]{2,30}\)\s*$)",
    re.I,
)
#: A caption's credit in any language, "… . Foto: Jan Peters", "(Photo d'illustration)";
#: searched only in a line that holds one of ``CAPTION_CREDIT_KEYS`` (lower case).
CAPTION_CREDIT_RE = re.compile(langs.CAPTION_CREDIT, re.I)
CAPTION_CREDIT_KEYS = langs.CAPTION_CREDIT_KEYS

#: Closing credit of a photo caption, "(Jane Doe/Unit via AP)" or "Jane Doe/Reuters".
#: The part after the slash is a capitalised name, so that "($4.99/mo)" is not a credit.
CREDIT_TAIL_RE = re.compile(
    r"\((?:[^()]{2,80}/\s*[A-Z][^()]{1,80}|[^()]{2,80} via [^()]{2,40})\)\s*$"
)

#: Labels of a date line that say the time is an update, not the first publication.
UPDATED_LABELS = r"last updated|updated|last modified|modified|" + langs.UPDATED_LABELS
POSTED_LABELS = rf"posted|published|first published|{langs.POSTED_LABELS}|{UPDATED_LABELS}"
#: Lines that start the header or footer of a news page and are never body.
POSTED_RE = re.compile(
    rf"^(?P<kind>{POSTED_LABELS})(?!\w)\s*(?:on|at|:|am|le|el|em|il|в)?\s*:?\s*(?P<rest>.+)$",
    re.I,
)

#: Where each part of a "Published ... | Updated ..." line starts.
POSTED_KEY_RE = re.compile(rf"(?<!\w)(?:{POSTED_LABELS})(?!\w)", re.I)
#: A label of ``POSTED_KEY_RE`` that marks an update.
UPDATED_KEY_RE = re.compile(rf"^(?:{UPDATED_LABELS})$", re.I)

#: Teaser blurbs are cut with an ellipsis.
TRUNCATED_RE = re.compile(r"(?:\.\.\.|…)\s*$")

#: Names of wire agencies, mapped to the short name newsloom reports.
AGENCIES: dict[str, str] = {
    **langs.AGENCIES,
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "upi": "UPI",
    "united press international": "UPI",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "cp": "CP",
    "the canadian press": "CP",
    "canadian press": "CP",
    "pa": "PA",
    "pa media": "PA",
    "press association": "PA",
    "ansa": "ANSA",
    "efe": "EFE",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "aap": "AAP",
    "australian associated press": "AAP",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "cnn": "CNN",
    "cnn wire": "CNN",
}

#: Words in a byline that are roles or page furniture, never part of a name.
BYLINE_NOISE = frozenset(langs.BYLINE_NOISE) | frozenset(
    {
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "editor",
        "editor-at-large",
        "sports",
        "auto",
        "national",
        "security",
        "business",
        "contributor",
        "columnist",
        "senior",
        "chief",
        "political",
        "foreign",
        "news",
        "desk",
        "hours",
        "hour",
        "ago",
        "minutes",
        "updated",
        "published",
        "posted",
        "photos",
        "video",
        "and",
        "with",
        "wire",
        "services",
        "service",
        "agencies",
        "report",
        "reporting",
        "the",
        "team",
    }
)

#: Particles allowed inside a person's name.
NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "du",
        "dos",
        "das",
        "ter",
        "st.",
        "mc",
        "o'",
    }
)

#: Common English function words.
ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "at",
        "it",
        "from",
        "said",
        "his",
        "her",
        "be",
        "have",
        "has",
        "are",
        "were",
        "not",
        "but",
        "an",
        "they",
        "this",
        "which",
        "or",
        "he",
        "she",
        "had",
        "their",
        "will",
        "its",
        "after",
        "who",
        "been",
        "more",
        "one",
    ]
)

#: Function words of English and of ``vocab_langs.LANGUAGES``: the share of them in a line is a
#: feature of the body model (prose has many whatever its language; menus and titles few).
STOPWORDS = ENGLISH_STOPWORDS | _merged([langs.STOPWORDS])

#: Words of page furniture (menus, share bars, cookie and newsletter boxes, footers), matched as
#: substrings of a lowercased line; a line feature of the body model (clean/linemodel.py).
ENGLISH_CHROME_WORDS = (
    "cookie",
    "privacy",
    "subscribe",
    "newsletter",
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "share",
    "tweet",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "whatsapp",
    "pinterest",
    "email",
    "e-mail",
    "comment",
    "reply",
    "advertis",
    "sponsor",
    "copyright",
    "©",
    "rights reserved",
    "terms of",
    "terms and",
    "contact us",
    "about us",
    "menu",
    "search",
    "follow",
    "click",
    "read more",
    "download",
    "app",
    "permalink",
)
#: The same, in every language of ``vocab_langs``.
CHROME_WORDS = (*ENGLISH_CHROME_WORDS, *sorted(_merged([langs.CHROME_WORDS])))

#: Link-like text: URLs, e-mail addresses, handles, "»" and "›" arrows, pipes between items.
LINKISH_RE = re.compile(r"https?://|www\.|@\w|\w\.(?:com|org|net)\b|[»›]|\s\|\s", re.I)

#: Calls to action and credits that close an HTML article (``html_filters``): newsletter and
#: subscription offers, "follow us" lines, affiliate notices, contributor and editing credits.
#: Searched (not matched from the start) in paragraphs of at most ``PROMO_MAX_WORDS`` words.
PROMO_RE = re.compile(
    r"\bsign up\b[^.]{0,60}\b(?:newsletter|today|inbox)|\bsubscribe (?:now|today|to (?:our|the))\b"
    r"|\b(?:daily|weekly|free|our) newsletter\b|\bdelivered (?:to|through) your (?:inbox|letterbox)"
    r"|\bfollow (?:us|him|her|them|me|@\w+|[\w’' ]{1,40}) on (?:twitter|facebook|instagram)\b"
    r"|^follow @\w+|\bif you enjoyed this (?:article|story)\b"
    r"|\b(?:buy|purchase) something through\b|\bmay (?:earn|get|receive) a (?:small )?"
    r"(?:commission|share of the sale)|^\(?(?:additional )?(?:reporting|writing|editing) by\b"
    r"|\bcontributed (?:reporting )?to this (?:report|story)\b|\bcontributed reporting\b"
    r"|^(?:reach|contact|email|e-mail) the (?:reporters?|writers?|authors?)\b",
    re.I,
)
PROMO_MAX_WORDS = 60
#: Words that each ``PROMO_RE`` form holds (a cheap test before the expression).
PROMO_KEYS = (
    "sign up", "subscrib", "newsletter", "delivered", "follow", "enjoyed", "something through",
    "commission", "share of the sale", "reporting", "editing", "writing", "contributed",
    "reach", "contact", "mail",
)  # fmt: skip

#: A copyright notice or a photo credit printed as a paragraph of its own.
COPYRIGHT_RE = re.compile(
    rf"©|\(c\) ?\d{{4}}|^copyright\b|\ball rights reserved\b|{langs.RIGHTS_RESERVED}", re.I
)

#: Cookie and consent banners (the site or "we" use cookies; accept or manage them). Each form
#: holds one of ``COOKIE_NOTICE_KEYS`` (a cheap test before the expression).
COOKIE_NOTICE_KEYS = ("cookie", "consent", "privacy", "blocker")
COOKIE_NOTICE_RE = re.compile(
    r"\b(?:(?:we|site|website|page) uses? cookies|accept (?:all )?cookies|cookie (?:policy|"
    r"settings|preferences)|(?:manage|your) consent|privacy settings|ad ?blocker)\b|"
    + langs.COOKIE_NOTICE,
    re.I,
)
COPYRIGHT_MAX_WORDS = 20
#: Words that each ``COPYRIGHT_RE`` form holds (lower case; a cheap test before the expression).
COPYRIGHT_KEYS = ("©", "(c)", "copyright", "rights", *langs.RIGHTS_RESERVED_KEYS)
