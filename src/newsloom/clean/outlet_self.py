"""A site naming itself: the links of its menus and footers that say whose page this is
("About Sky News", "Contact The Ledger", "Advertise with Snopes", "Why you can trust BBC
News"), and its own address printed on the page (a share or canonical link left as a line of
the capture).

A copyright line names the company that owns a site ("Sky UK", "Hearst Communications"); these
links name the brand a reader sees. They are as short as menu items, and the same shapes name
other things ("About the Author", "Contact Newsletter", "About Jane Roe" over a writer's
biography), which are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from newsloom.clean.meta import agency_name, parse_byline
from newsloom.clean.outlet import Kind, Vote
from newsloom.clean.outlet_names import Host, clean_name, is_parent, letters
from newsloom.clean.outlet_text import notice_line, registrable
from newsloom.clean.outlet_vocab import BRAND_WORDS, LEGAL_SUFFIXES, PLATFORM_DOMAINS

#: A name in one link counts when the page links to it at least this many times (or writes it
#: in another line).
SELF_AGAIN = 2
#: A menu link is short; longer lines are sentences ("Contact the office of ...").
SELF_MAX_CHARS = 60
#: A name of capitalised words, "The" before it or not.
_NAME = r"(?:The\s+)?[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3}"
#: The cues of a link to the site's own pages, lower-case names' too.
_LINK_CUES = (
    r"about|contact|advertise\s+(?:on|with|in)|subscribe\s+to|careers\s+at|work\s+(?:at|for)"
)
#: A link naming the site: a cue, then a name of capitalised words, "The" before it or not, its
#: apps or newsletter after it or not ("Subscribe to Harbor News newsletter"); a
#: lower-case "the" is the cue's own word ("About the BBC" is about the corporation, and "About
#: the Author" about a person).
_SELF_RE = re.compile(
    r"^(?i:" + _LINK_CUES + r"|why\s+you\s+can\s+trust|download\s+the|support|who\s+pays\s+for)"
    r"\s+(?P<name>" + _NAME + r")(?:\s+(?i:apps?|newsletters?))?$"
)
#: A name before or around the cue: "Harbor News homepage", "Harbor News main menu", "Follow
#: Harbor News online", "Follow Harbor News on" over its social links (not a page tool: "Back
#: to homepage", "Toggle main menu"). "X app" and "X Store" name as often what the site sells
#: ("Apple Store", "NFL Shop") as the site.
_SELF_AFTER_RE = re.compile(
    r"^(?:(?i:follow)\s+(?P<followed>" + _NAME + r")\s+(?i:online|on):?"
    r"|(?!(?i:back|go|return|toggle|open|close|skip|mobile|main|site|our|your|the\s+app)\b)"
    r"(?P<name>" + _NAME + r")\s+(?i:homepage|home\s+page|main\s+menu|-\s+back\s+to\s+home))$"
)
_STAFF_LINE_RE = re.compile(
    r"^(?:(?i:by)\s+)?(?P<name>" + _NAME.replace("{0,3}", "{0,3}?") + r")\s+"
    r"(?i:(?:editorial\s+|news\s+)?staff)$"
)
#: More menu and footer links that only the site's own pages carry: "Make Harbor my homepage",
#: "Send Harbor Feedback", "Visit Harbor News's homepage for more stories", and a byline
#: crediting the site's staff ("Harbor Monthly Editorial Staff"; a wire's "AP Staff" is the
#: story's credit, see ``self_votes``).
_SELF_OTHER_RES = (
    re.compile(r"^(?i:make)\s+(?P<name>" + _NAME + r")\s+(?i:my\s+home\s?page)$"),
    re.compile(r"^(?i:send)\s+(?P<name>" + _NAME + r")\s+(?i:feedback)$"),
    _STAFF_LINE_RE,
    re.compile(
        r"^(?i:visit)\s+(?P<name>" + _NAME + r")(?:'s|’s)\s+(?i:home\s?page)"
        r"(?:\s+(?i:for\s+more(?:\s+\w+)?))?\.?$"
    ),
)
#: Sentences only a site writes of itself: its affiliate disclosure ("Harbor Science is
#: supported by its audience", "Harbor is reader-supported") and its group's footer ("Harbor
#: Science is part of Harbor Group Inc, an international media group and leading digital
#: publisher"); a brand then its owner ("The Harbor, A Harbor Media Company").
_SELF_SENTENCE_RES = (
    re.compile(
        r"^(?P<name>" + _NAME + r")\s+is\s+(?:supported\s+by\s+its\s+(?:audience|readers)"
        r"|reader-supported)\b"
    ),
    re.compile(
        r"^(?P<name>" + _NAME + r")\s+is\s+part\s+of\s+[^,.]{2,60},\s+an?\s+[^.]{0,60}?"
        r"(?i:media\s+(?:group|company)|publisher)\b"
    ),
    re.compile(r"^(?P<name>" + _NAME + r"),\s+(?i:an?)\s+[^,.]{2,40}?\s+(?i:company)\b"),
)
#: A time of day or a month's day: what a time stamp holds.
_STAMP = (
    r"(?:\d{1,2}:\d{2}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)"
)
#: A byline or a time stamp crediting the site after a bar or a slash: "By Jane Roe | Harbor
#: News", "November 20, 2019 / 1:07 AM / Harbor News".
_CREDIT_RE = re.compile(
    r"^(?:(?i:by)\s+[^|/]{3,60}|(?:[^|/]*\s[|/]\s)?[^|/]*" + _STAMP + r"[^|/]*)"
    r"\s+[|/]\s+(?P<name>" + _NAME + r")$"
)
#: A staff member's biography or a newsroom's own request: "a reporter for Harbor News",
#: "Senior editor at Harbor News.", "did not respond to Harbor News's request for comment".
_STAFF_RE = re.compile(
    r"\b(?i:reporter|writer|editor|correspondent|columnist|producer|critic)s?\s+(?:at|for)\s+"
    r"(?P<name>" + _NAME + r")(?=[.,;]|\s+(?:and|in|since|from|who|where)\b|$)"
)
_COMMENT_RE = re.compile(
    r"(?:(?i:respond|responded|reply|replied)\s+to\s+)(?P<name>" + _NAME + r")(?:'s|’s)\s+"
    r"(?i:requests?\s+for\s+comment)"
)
#: A line that names the site even when the page names it nowhere else (see ``self_votes``):
#: a brand then the day, under a headline where a writer's name would stand, when it is one
#: word with capitals inside, which no person's name is ("HarborNaija October 06, 2018"; "Jane
#: Roe October 06, 2018" and "MacRoe Oct. 6, 2018" are writers').
_BRAND_DAY_RE = re.compile(
    r"^(?!Ma?c[A-Z])(?P<name>[A-Z][a-z]{2,}(?:[A-Z][a-z0-9]+)+)\s+"
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}$"
)
#: A lead crediting the site as its dateline, the site written as its address: "Harbor.net -
#: Officials said on Monday ..." (a wire's credit is no address: "(Reuters) -").
_ADDRESS_LEAD_RE = re.compile(r"^(?P<name>[A-Z][\w-]*\.[A-Za-z]{2,6})\s+[-–—]\s+[A-Z\"“]")
#: A biography or a sentence of the newsroom's is at most this long (the SEB captures' are
#: 20-180 characters; longer lines are paragraphs of reporting, which cite other outlets).
STAFF_MAX_CHARS = 200
#: The same cues before one lower-case word: a site that writes its name in lower case
#: ("About newsbrand"), counted only when the word spells the page's host.
_SELF_LOWER_RE = re.compile(r"^(?i:" + _LINK_CUES + r")\s+(?P<name>[a-z][\w.&-]*)$")
#: What such links name besides the site: parts of the site and people's roles.
NOT_SELF = frozenset(
    {
        "author", "authors", "the author", "the authors", "newsletter", "newsletters",
        "newsroom", "the newsroom", "preferences", "editors", "the editors", "the editor",
        "editorial", "staff", "team", "the team", "ads", "advertising", "us", "me", "help",
        "faq", "faqs", "support", "subscriptions", "mailing list", "cookies", "privacy",
        "terms", "app", "apps", "health", "money", "election", "elections",
    }
)  # fmt: skip
#: Words that end a publication's full name after its short one ("Harbor Magazine").
FULL_NAME_WORDS = BRAND_WORDS | {"magazine", "times", "post", "journal", "herald", "review"}
#: Votes whose name is the site's in full: its notices and mastheads.
_FULL_KINDS = frozenset({Kind.COPYRIGHT, Kind.TRADEMARK, Kind.MASTHEAD})
#: Words that make a link's object the reader's or the page's, not a name.
OWNERS = frozenset({"our", "your", "my", "this", "these", "his", "her", "their", "its"})
#: A bare address on a line of its own with at least this many characters of path is a page's
#: (the page's own share or canonical link, or a link to one of its site's pages); a site's
#: home or a short path is as likely a partner's.
URL_PATH_MIN = 15
#: A domain written in a line, with its scheme or not ("on HarborPost.com", "harborbikes.co.uk
#: features"); not an e-mail address's.
_TEXT_DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.)?(?P<domain>(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,6})(?![\w-])"
)
#: A logo's line has at most this many words, and a domain's label this many letters to be
#: told from a common word shown as a menu item ("News" and news.example).
LOGO_WORDS = 3
LOGO_MIN = 5
#: Endings of a site's address written in its text (a product named "Security.cloud" is no
#: address): the generic ones news sites use and country codes.
SITE_TLDS = frozenset(
    {
        "com", "net", "org", "info", "news", "tv", "io", "co", "me", "us", "uk", "ca", "au",
        "nz", "ie", "in", "za", "ng", "de", "at", "ch", "fr", "be", "nl", "es", "pt", "it",
        "ru", "ua", "pl", "se", "no", "dk", "fi", "br", "ar", "mx", "kr", "jp", "cn", "hk",
        "sg", "id", "ph", "my", "eu",
    }
)  # fmt: skip
#: A site's imprint: its company's legal name on a line of its own ("Harbor Labs GmbH"), then a
#: street address ("Quaygasse 20", "Hafenstr. 126-128", "1625 Quay Street").
_IMPRINT_COMPANY_RE = re.compile(r"^(?P<name>[\w&.'’ -]{2,50}?)\s+(?P<form>[\w./]+)$")
_STREET_RE = re.compile(
    r"^[^\W\d][\w.'’ -]{2,40}\s\d{1,5}(?:[-–]\d{1,5})?[a-z]?$|^\d{1,5}\s+[A-Z][\w.'’ -]{2,40}$"
)
#: An imprint counts when the page gives it at least this many times (its offices, or its
#: header and footer): a press release's contact block names another company once. (On the
#: SEB captures one blog's footer gives its imprint, three times; no other page has one.)
IMPRINT_AGAIN = 2

_URL_LINE_RE = re.compile(r"^(?:https?://)(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)(?P<path>/\S*)$")


def self_votes(lines: Sequence[str], host: Host | None = None) -> list[Vote]:
    """The names of the site's links to its own pages, one vote per link, for names the page
    uses again: in another such link or in any other line ("About Sky News" and "Sky News
    Radio"). A name given once, in one link, may be a network or a partner the site links to
    ("About SBN" on a blog of a network). A lower-case name counts only when it spells the
    ``host``'s whole label. A brand then the day under a headline counts alone."""
    bylines = _byline_names(lines)
    found: list[tuple[int, str]] = []
    once: set[str] = set()
    for i, raw in enumerate(lines):
        line = " ".join(raw.split())
        match, alone = _named_line(line, host)
        if match is None:
            continue
        name = (match["name"] or match.groupdict().get("followed") or "").rstrip(".")
        if alone:
            once.add(name)
        if _not_site(name) or name.casefold() in bylines or is_parent(name):
            continue
        if agency_name(name) and match.re is _STAFF_LINE_RE:
            continue  # "By AP Staff": the wire's story, on a member's page
        if clean_name(name) is not None:
            found.append((i, name))
    links = Counter(name for _, name in found)
    return [
        Vote(name, Kind.SELF)
        for i, name in found
        if name in once or links[name] >= SELF_AGAIN or _used_elsewhere(name, lines, i)
    ]


def _named_line(line: str, host: Host | None) -> tuple[re.Match[str] | None, bool]:
    """The line's match naming the site, and whether it counts alone (a brand then the day, a
    lead crediting the site's address)."""
    match = _BRAND_DAY_RE.match(line) or _address_lead(line)
    return (match, True) if match is not None else (_self_match(line, host), False)


def _address_lead(line: str) -> re.Match[str] | None:
    match = _ADDRESS_LEAD_RE.match(line)
    return match if match is not None and _news_tld(match["name"].lower()) else None


def _self_match(line: str, host: Host | None) -> re.Match[str] | None:
    """A link to the site's own pages (a short line), or a sentence only the site's own staff
    write ("Jane Roe is a reporter for Harbor News", "did not respond to Harbor News's request
    for comment")."""
    if not line:
        return None
    if len(line) <= SELF_MAX_CHARS:
        found = (
            _SELF_RE.match(line)
            or _SELF_AFTER_RE.match(line)
            or _CREDIT_RE.match(line)
            or _first_match(_SELF_OTHER_RES, line)
            or _lower_self(line, host)
        )
        if found is not None:
            return found
    if len(line) <= STAFF_MAX_CHARS:
        return (
            _STAFF_RE.search(line)
            or _COMMENT_RE.search(line)
            or _first_match(_SELF_SENTENCE_RES, line)
        )
    return None


def _first_match(patterns: Iterable[re.Pattern[str]], line: str) -> re.Match[str] | None:
    return next((m for m in (p.match(line) for p in patterns) if m is not None), None)


def _lower_self(line: str, host: Host | None) -> re.Match[str] | None:
    match = _SELF_LOWER_RE.match(line) if host is not None else None
    if match is None or host is None or letters(match["name"]) not in host.keys:
        return None
    return match


def _used_elsewhere(name: str, lines: Sequence[str], at: int) -> bool:
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    return any(pattern.search(line) for i, line in enumerate(lines) if i != at)


def _not_site(name: str) -> bool:
    """A part of the site, a role, or a name of the reader's ("Our Mailing List", "Your
    Account", "Newsletters Manage Subscriptions": menu items run together)."""
    found = name.casefold().split()
    return name.casefold() in NOT_SELF or found[0] in OWNERS or any(w in NOT_SELF for w in found)


def _byline_names(lines: Iterable[str]) -> set[str]:
    """The writers the page credits ("By Jane Roe"): an "About Jane Roe" link is their
    biography, not the site's."""
    names: set[str] = set()
    for line in lines:
        byline = parse_byline(line) if len(line) <= SELF_MAX_CHARS else None
        if byline is not None:
            names.update(name.casefold() for name in byline[0])
    return names


def url_line_domains(lines: Iterable[str]) -> list[str]:
    """The registrable domain of the page addresses printed as lines of their own, when they
    all name one site (a capture keeps the page's share link as a line: it is the site's
    address); none when they name several (a list of links to other sites)."""
    found: Counter[str] = Counter()
    for line in lines:
        match = _URL_LINE_RE.match(line.strip())
        if match is None or len(match["path"]) < URL_PATH_MIN:
            continue
        domain = registrable(match["host"].lower())
        if domain and domain.split(".")[0] not in PLATFORM_DOMAINS:
            found[domain] += 1
    return list(found.elements()) if len(found) == 1 else []


def logo_domains(lines: Sequence[str]) -> list[str]:
    """A domain the page writes ("Trending now on HarborPost.com", "harborbikes.co.uk
    features the latest ...") whose label is also a line of its own, a logo or masthead
    ("HarborBikes", "harborpost"): the site's own address, when exactly one domain is so
    shown (a share platform's never). One vote per line naming it."""
    found: Counter[str] = Counter()
    for line in lines:
        for match in _TEXT_DOMAIN_RE.finditer(line):
            if match.group(0) == line.strip():
                continue  # a menu link to a sister site ("HarborLine.com")
            domain = registrable(match["domain"].lower())
            if domain and domain.split(".")[0] not in PLATFORM_DOMAINS and _news_tld(domain):
                found[domain] += 1
    shown = {letters(line) for line in lines if 0 < len(line.split()) <= LOGO_WORDS}
    labels = {domain: letters(domain.split(".")[0]) for domain in found}
    logos = [d for d, label in labels.items() if len(label) >= LOGO_MIN and label in shown]
    return [logos[0]] * found[logos[0]] if len(logos) == 1 else []


def _news_tld(domain: str) -> bool:
    return domain.rsplit(".", 1)[-1] in SITE_TLDS


def fuller_names(votes: list[Vote], lines: Sequence[str]) -> list[Vote]:
    """A site's links often use its short name ("About Examiner", "About Harbor") where its
    notices and lines give the full one: a link's name takes the longer name another vote
    gives that begins or ends with it ("Harbor Examiner" in the copyright notice), else
    the name with a brand word after it that the page writes in ``SELF_AGAIN`` lines or more
    ("Harbor Magazine"). A name that ends with such a word already is whole ("Harbor News",
    not its "Harbor News Radio")."""
    others = [v.name for v in votes if v.kind in _FULL_KINDS]
    out = []
    for vote in votes:
        if vote.kind is Kind.SELF:
            name = vote.name
            if name.split()[-1].casefold() not in FULL_NAME_WORDS:
                name = _extended(name, others) or _branded(name, lines) or name
            vote = Vote(_usual_spelling(name, lines), vote.kind, vote.weight)
        elif vote.kind is Kind.COPYRIGHT:
            vote = _spelled_as_shown(vote, lines)
        out.append(vote)
    return out


def _spelled_as_shown(vote: Vote, lines: Sequence[str]) -> Vote:
    """A notice's holder as the page writes the brand outside its notices ("2019 Harbornews,
    Inc." on a page that shows "HarborNews")."""
    holder = clean_name(vote.name)
    if holder is None:
        return vote
    spelled = _usual_spelling(holder.text, [line for line in lines if not notice_line(line)])
    return vote if spelled == holder.text else Vote(spelled, vote.kind, vote.weight)


def _usual_spelling(name: str, lines: Sequence[str]) -> str:
    """How the page most often writes ``name``, case aside, when it writes it with capitals
    inside more often than as the link does ("Who Pays for Harbormedia" on a page that writes
    "HarborMedia" in its sources): a menu's title case is not the brand's spelling."""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.I)
    found = Counter(m.group(0) for line in lines for m in pattern.finditer(line))
    inner = [
        (n, text)
        for text, n in found.items()
        if any(c.isupper() for c in text[1:]) and not text.isupper()  # not shouted
    ]
    if not inner:
        return name
    count, best = max(inner)
    return best if count > found[name] else name


def _extended(name: str, others: Iterable[str]) -> str | None:
    short = name.split()
    found = Counter(
        other
        for other in others
        if len(other.split()) > len(short)
        and (other.split()[: len(short)] == short or other.split()[-len(short) :] == short)
    )
    return found.most_common(1)[0][0] if found else None


def _branded(name: str, lines: Sequence[str]) -> str | None:
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"\s+(?P<word>[A-Z][a-z]+)(?!\w)")
    found: Counter[str] = Counter()
    for line in lines:
        for match in pattern.finditer(line):
            if match["word"].casefold() in FULL_NAME_WORDS:
                found[f"{name} {match['word']}"] += 1
    best = found.most_common(1)
    return best[0][0] if best and best[0][1] >= SELF_AGAIN else None


def imprint_votes(lines: Sequence[str]) -> list[Vote]:
    """The company a site's imprint names, as a copyright notice would: its legal name on a
    line of its own over a street address, given ``IMPRINT_AGAIN`` times or more (a blog's
    footer listing its company's offices). One vote per imprint."""
    shown = [line.strip() for line in lines if line.strip()]
    found = Counter(
        company
        for company, below in pairwise(shown)
        if _STREET_RE.match(below) and _legal_name(company)
    )
    return [
        Vote(name, Kind.COPYRIGHT)
        for name, n in found.items()
        if n >= IMPRINT_AGAIN
        for _ in range(n)
    ]


def _legal_name(line: str) -> bool:
    match = _IMPRINT_COMPANY_RE.match(line)
    return match is not None and match["form"].casefold().strip(".,") in LEGAL_SUFFIXES
