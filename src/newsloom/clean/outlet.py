"""The outlet of a page: who published it, picked from the names the page gives itself.

A page names its publisher in many places, each a ``Vote`` of some ``Kind``: ``og:site_name``,
the JSON-LD publisher, the ``<title>`` after its separator, a logo's alt text, a trademark or
copyright line, a masthead line or a phrase of its text that spells the host, an e-mail domain,
the URL's host. ``pick`` weighs them: a name that spells the page's host counts several times
over, a company's name ("NYP Holdings", "Vox Media"), a domain ("Snopes.com") and a bare label
("usatoday") count less than a brand; votes for one brand in different shapes ("TheHill",
"The Hill"; "WSJ", "The Wall Street Journal") are added up and the brand is shown in its
fullest spaced form. A wire agency's name is the page's ``agency``, never its outlet, unless it
is the host's own name (a Reuters page on reuters.com).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from newsloom.clean.meta import agency_name
from newsloom.clean.outlet_names import (
    Host,
    Match,
    Name,
    clean_name,
    domain_label,
    edition_trimmed,
    host_match,
    initials,
    is_company,
    is_domain,
    is_slug,
    is_tagline,
    letters,
    names_label,
    parse_host,
    split_tagline,
    words,
)
from newsloom.clean.outlet_vocab import BRAND_WORDS


class Kind(StrEnum):
    """Where a page names its publisher."""

    GIVEN = "given"  # the input's own ``source`` field
    SITE_NAME = "site-name"  # og:site_name
    APP_NAME = "app-name"  # application-name, the app store names
    PUBLISHER = "publisher"  # JSON-LD publisher or organisation
    WEBSITE = "website"  # JSON-LD WebSite
    TITLE = "title"  # <title> after its separator
    LOGO = "logo"  # a logo's alt text
    TRADEMARK = "trademark"  # '"Daily Express" is a registered trademark'
    COPYRIGHT = "copyright"  # "© 2019 NYP Holdings"
    MASTHEAD = "masthead"  # a line of the page that is the host's name
    MENTION = "mention"  # a phrase inside a line that spells the host
    SELF = "self"  # a link to the site's own pages: "About Sky News", "Contact Snopes"
    DOMAIN = "domain"  # a domain the page gives (meta publisher, e-mail address)
    HOST = "host"  # the URL's host
    PAGE = "page"  # one page's pick, when a site's pages are counted together


#: How much each kind of evidence says about the brand, before the host is looked at: a
#: judgement (what a site states as its name over what it prints in passing; a link to its own
#: pages names it as a logo does), except ``MENTION``, set with the multipliers below on the
#: SEB dev half (see ``HOST_EXACT``).
WEIGHTS: dict[Kind, float] = {
    Kind.GIVEN: 20.0,
    Kind.SITE_NAME: 3.0,
    Kind.APP_NAME: 2.0,
    Kind.PUBLISHER: 3.0,
    Kind.WEBSITE: 2.0,
    Kind.TITLE: 2.0,
    Kind.LOGO: 2.0,
    Kind.TRADEMARK: 1.0,
    Kind.COPYRIGHT: 1.0,
    Kind.MASTHEAD: 1.0,
    Kind.MENTION: 1.0,
    Kind.SELF: 2.0,
    Kind.DOMAIN: 0.5,
    Kind.HOST: 0.2,
    Kind.PAGE: 1.0,
}
#: Kinds read from the page's running text rather than from where a site states its name: a wire
#: agency named there is the story's source, not the site's name.
TEXT_KINDS = frozenset({Kind.COPYRIGHT, Kind.TRADEMARK, Kind.MASTHEAD, Kind.MENTION, Kind.SELF})
#: Kinds whose name is taken as given: the input's own ``source``, a page's settled pick.
TRUSTED_KINDS = frozenset({Kind.GIVEN, Kind.PAGE})
#: Kinds that do not name the site as its name: a mention in running text, a bare domain.
UNDECLARED_KINDS = frozenset({Kind.MENTION, Kind.DOMAIN, Kind.HOST})
#: Kinds a reader sees as the site's name: a lower-case label shown there is the brand's spelling
#: ("harbr9" in a <title>, "About harbr9" in a footer).
SHOWN_KINDS = frozenset({Kind.TITLE, Kind.LOGO, Kind.MASTHEAD, Kind.SELF})
#: Kinds whose value may be "Brand | tagline": each part is weighed on its own.
SPLIT_KINDS = frozenset({Kind.SITE_NAME, Kind.APP_NAME, Kind.PUBLISHER, Kind.WEBSITE, Kind.LOGO})
#: A site that gives one name both as ``og:site_name`` and after its ``<title>``'s separator
#: names its brand: that name's group wins whatever else the page says. On the SEB pages (88
#: such pages, 34 dev and 54 held-out) the gold outlet is that name on 72 and another spelling
#: of it on 14 ("WSJ" / "The Wall Street Journal", "CBSSports.com" / "CBS Sports"); on none is
#: it another brand. A logo and menus spelling the host ("Beachbody on Demand" on the pages of
#: "The Beachbody Blog") say less.
AGREEING = frozenset({Kind.SITE_NAME, Kind.TITLE})
#: Multipliers: a name that spells the host's whole label, or its start; and for what is less
#: than a brand: a company's name, a domain, a bare lower-case label. Set with the mention weight
#: on the SEB dev half (``bench/seb_outlets.py --grid``, 243 settings): dev accuracy, mean of
#: HTML and JSONL, 0.806-0.831 and held-out 0.797-0.837 over the grid; 0.831 is reached by
#: many settings (HOST_EXACT 2, MENTION 1), and among them these keep the first judgement for
#: the others (held-out 0.837). The rules, not the weights, carry the result.
HOST_EXACT = 2.0
HOST_PARTIAL = 1.5
COMPANY = 0.3
DOMAIN = 0.6
SLUG = 0.3
#: A company named in a copyright notice that does not spell the page's host is the site's
#: owner ("NBCUniversal Media" on a TV station's site, "Breaking Media Inc" on a blog's): it
#: counts this much, less than the bare host, so that one owner's sites are not counted as one
#: outlet. (A plain name there may be the brand: "© Experience" on expapp.com.)
OWNER = 0.1
#: Mentions in running text are many on some pages: each distinct phrase counts at most this
#: many times.
MENTION_CAP = 4
#: Acronyms ("WSJ", "CNN") have at most this many letters.
ACRONYM_MAX = 6
#: Ranks of a name's form: a brand, a domain, a company's name, a bare lower-case label.
BRAND_RANK, DOMAIN_RANK, COMPANY_RANK, SLUG_RANK = 0, 1, 2, 3
#: The group of every name that spells the host, whatever its letters.
HOST_GROUP = "\x00host"


@dataclass(frozen=True, slots=True)
class Vote:
    """One place where a page names its publisher."""

    name: str
    kind: Kind
    weight: float = 1.0  # a multiplier: a page's pick weighs by its score


@dataclass(frozen=True, slots=True)
class Pick:
    """The chosen brand, with its score (the sum of the weighted votes behind it)."""

    name: str
    score: float


@dataclass(slots=True)
class _Form:
    text: str
    rank: int  # 0 brand, 1 domain, 2 company, 3 slug
    score: float = 0.0
    declared: bool = False  # named as the site's name, not only mentioned in running text
    kinds: set[Kind] = field(default_factory=set)


def pick(votes: Iterable[Vote], host: str | None = None) -> Pick | None:
    """The brand the votes name, weighed against ``host``; None when no vote names anything."""
    parsed = parse_host(host)
    groups: dict[str, dict[str, _Form]] = defaultdict(dict)
    mentions: dict[str, int] = defaultdict(int)
    for vote in votes:
        for name in _texts(vote, parsed):
            if vote.kind is Kind.MENTION:
                mentions[name.text] += 1
                if mentions[name.text] > MENTION_CAP:
                    continue
            _add(groups, name, vote, parsed)
    if not groups:
        return None
    _merge_acronyms(groups)
    forms = max(groups.values(), key=_standing)
    return Pick(name=_best(forms).text, score=round(sum(f.score for f in forms.values()), 3))


def _standing(forms: dict[str, _Form]) -> tuple[bool, float, int, int, str]:
    """Which group wins: one the site names in both ``og:site_name`` and ``<title>`` (see
    ``AGREEING``); then the best backed; on a tie (two pages of one site, one name each), the
    one shown in the better form ("The Berkshire Eagle" before "citizensvoice")."""
    best = _best(forms)
    declared = [f for f in forms.values() if f.declared and f.rank <= DOMAIN_RANK]
    agreed = any(f.kinds >= AGREEING and f.rank <= DOMAIN_RANK for f in forms.values())
    score = round(sum(f.score for f in forms.values()), 6)
    return agreed, score, -_tier(best, declared), _capitals(best.text), best.text


def _capitals(text: str) -> int:
    return sum(1 for ch in text if ch.isupper()) + text.count(" ")


def _texts(vote: Vote, host: Host | None) -> list[Name]:
    """The candidate names in one vote: the parts of a "Brand | tagline", cleaned. A name the
    input or a page's pick gives is taken as it is."""
    if vote.kind in TRUSTED_KINDS:
        text = " ".join(vote.name.split())
        return [Name(text)] if text else []
    parts = split_tagline(vote.name) if vote.kind in SPLIT_KINDS else [vote.name]
    if len(parts) > 1:
        parts = [p for p in parts if not is_tagline(p)]
    out = []
    for part in parts:
        name = clean_name(part)
        if name is None or is_tagline(name.text):
            continue
        trimmed = edition_trimmed(name.text, host)
        if trimmed:
            name = Name(trimmed, name.legal)
        if agency_name(name.text) and not _own_agency(name.text, vote.kind, host):
            continue  # a wire's credit ("© The Associated Press", a member paper's publisher)
        out.append(name)
    return out


def _own_agency(text: str, kind: Kind, host: Host | None) -> bool:
    """A wire agency's name counts as the outlet on the agency's own site: named where a site
    states its name and spelling the host, or in its text as the host's very label ("Reuters"
    on reuters.com; "The Associated Press" in an AP-hosted frame's footer is the story's)."""
    if host is None:
        return kind is Kind.SELF  # "Work for CNN", "Follow CNN Politics": the agency's own site
    if kind in TEXT_KINDS:
        return letters(text) == host.label
    return host_match(text, host) is not Match.NONE


def _add(groups: dict[str, dict[str, _Form]], name: Name, vote: Vote, host: Host | None) -> None:
    match = host_match(name.text, host)
    if vote.kind is Kind.TRADEMARK and match is not Match.EXACT and names_label(name.text, host):
        match = Match.EXACT  # '"Daily Express" is a registered trademark' on express.co.uk
    if vote.kind is Kind.SELF and match is Match.PARTIAL and _host_brand(name.text, host):
        match = Match.EXACT  # "Contact BBC News" on bbc.com: the brand, in its fullest form
    rank = _rank(name, host)
    owner = vote.kind is Kind.COPYRIGHT and match is Match.NONE and rank == COMPANY_RANK
    if rank == SLUG_RANK and vote.kind in SHOWN_KINDS:
        rank = BRAND_RANK  # a lower-case name the page shows as its own ("harbr9" in its <title>)
    score = WEIGHTS[vote.kind] * vote.weight * _factor(match, rank) * (OWNER if owner else 1.0)
    key = HOST_GROUP if match is Match.EXACT else _identity(name)
    form = groups[key].setdefault(name.text, _Form(name.text, rank))
    form.score += score
    form.rank = min(form.rank, rank)
    form.declared = form.declared or vote.kind not in UNDECLARED_KINDS
    if vote.kind in AGREEING:
        form.kinds.add(vote.kind)


def _host_brand(text: str, host: Host | None) -> bool:
    """The name is the host's own name with a brand word after it ("BBC News" on bbc.com)."""
    head, _, last = text.rpartition(" ")
    return bool(head) and last.casefold() in BRAND_WORDS and host_match(head, host) is Match.EXACT


def _rank(name: Name, host: Host | None) -> int:
    if is_slug(name.text, host):
        return SLUG_RANK
    if is_company(name, host):
        return COMPANY_RANK
    return DOMAIN_RANK if name.is_domain else BRAND_RANK


def _factor(match: Match, rank: int) -> float:
    factor = {Match.EXACT: HOST_EXACT, Match.PARTIAL: HOST_PARTIAL, Match.NONE: 1.0}[match]
    return (
        factor
        * {BRAND_RANK: 1.0, DOMAIN_RANK: DOMAIN, COMPANY_RANK: COMPANY, SLUG_RANK: SLUG}[rank]
    )


def _identity(name: Name) -> str:
    return identity(name.text)


def identity(text: str) -> str:
    """Names that are one brand in different shapes share this key ("TheHill", "The Hill",
    "Express.co.uk" and "express", "callowaycourier.example" and "Calloway Courier")."""
    key = letters(domain_label(text) if is_domain(text) else text)
    return key[3:] if key.startswith("the") and len(key) > 3 else key


def _merge_acronyms(groups: dict[str, dict[str, _Form]]) -> None:
    """An acronym's votes go to the spelled-out name they abbreviate ("WSJ" → "Wall Street
    Journal"), when both are on the page."""
    for key in list(groups):
        forms = groups.get(key)
        if not forms or key == HOST_GROUP or len(key) > ACRONYM_MAX:
            continue
        if not any(f.text.isupper() for f in forms.values()):
            continue
        for other, target in groups.items():
            if other == key or len(other) <= len(key):
                continue
            if any(initials(f.text) == key and f.rank == 0 for f in target.values()):
                for text, form in forms.items():
                    merged = target.setdefault(text, _Form(form.text, form.rank))
                    merged.score += form.score
                    merged.declared = merged.declared or form.declared
                del groups[key]
                break


def _best(forms: dict[str, _Form]) -> _Form:
    """A brand's display form: the lowest ``_tier``; among names the page gives as its own,
    the most words ("The Hill" before "TheHill", "The Wall Street Journal" before "WSJ"), then
    the best backed; among names it only mentions, the most often mentioned."""
    declared = [f for f in forms.values() if f.declared and f.rank <= DOMAIN_RANK]

    def order(form: _Form) -> tuple[int, float, float, str]:
        tier = _tier(form, declared)
        size, score = float(len(words(form.text))), form.score
        return (tier, -size, -score, form.text) if tier < 2 else (tier, -score, -size, form.text)

    return min(forms.values(), key=order)


def _tier(form: _Form, declared: list[_Form]) -> int:
    """0: a brand the page gives as its own, or another spelling of one ("City A.M." for
    "CityAM"); 1: a domain it gives as its own ("cleveland.com"); 2: a brand it only mentions
    ("Cleveland" on cleveland.com, "CNN" in a capture's menus); 3: a domain it only gives in
    passing; 4: a company's name; 5: a bare label."""
    if form.rank >= COMPANY_RANK:
        return form.rank + 2
    backed = form.declared or any(_respells(form, other) for other in declared)
    return form.rank + (0 if backed else 2)


def _respells(form: _Form, declared: _Form) -> bool:
    """The form writes a declared name with spaces put in ("CBS Sports" for "CBSSports.com"),
    or with "The" before it, as the page does more often than not ("Follow The Telegraph")."""
    if _shape(form.text) == _shape(declared.text):
        return len(words(form.text)) > len(words(declared.text))
    the = form.text[:4].casefold() == "the " and form.text[4:] == declared.text
    return the and form.score >= declared.score


def _shape(text: str) -> str:
    """Letters and digits as written, case kept, a domain's ending dropped: "CBS Sports",
    "CBSSports.com" and "CBSSports" share one shape; "Cleveland" and "cleveland.com" do not."""
    name = domain_label(text) if is_domain(text) else text
    return "".join(ch for ch in name if ch.isalnum())
