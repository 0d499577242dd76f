"""One outlet name per site across a crawl.

Each page picks its outlet from its own evidence (``outlet_page``); pages of one site may still
disagree ("PolitiFact" on one, "politifact.com" on another with less to go on). Every page of a
host votes with its own pick, the votes are weighed against the host as one page's votes are
(``outlet.pick``), and the winner becomes the name of all of them.

Pages without a URL have no host to be counted under. What is sound for them: a name one of
them gives in another shape than other pages ("callowaycourier.example", from a newsroom
e-mail, and "Calloway Courier") takes the shape the crawl's pages settle on for that brand; and
a page that names no publisher at all takes the name of the pages it shares its site's chrome
with (menus, footer, rails of teasers), when they agree. Pages that name different publishers
are never merged: sister sites share their chrome (cleveland.com, nj.com and oregonlive.com
share 16 to 22 lines on the SEB captures).

The user's rules (``OutletNames``) have the last word.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from newsloom.clean.chrome import line_key
from newsloom.clean.outlet import Kind, Vote, identity, pick
from newsloom.clean.outlet_names import host_name
from newsloom.clean.vocab import STOPWORDS
from newsloom.clean.vocab_langs import SHARE_MARKERS
from newsloom.config import OutletNames
from newsloom.model import Article

#: A page without a publisher takes its neighbours' name when it shares at least this many
#: chrome lines with them...
SHARED_MIN_LINES = 3
#: ...making up at least this share of the smaller page's chrome lines (same-site pairs on the
#: SEB captures share 0.25 to 0.97 of them, pages of unrelated sites under 0.1).
SHARED_MIN_SHARE = 0.25
#: Chrome lines counted: between these many words (menus' single words are shared by all
#: sites; long lines are sentences, which two outlets running one wire story share).
CHROME_WORDS = (3, 60)
#: Words of a page's tools besides share buttons' (``vocab_langs.SHARE_MARKERS``).
WIDGET_WORDS = frozenset(
    {"share", "scroll", "top", "back", "next", "previous", "prev", "print", "comment",
     "comments", "reply", "tweet", "follow", "like", "save", "email", "link"}
)  # fmt: skip
#: Removed lines that belong to the page's story, not its site: never chrome.
STORY_REASONS = frozenset(
    {"byline", "dateline", "title", "caption", "agency-credit", "date-stamp", "date-line",
     "posted", "section-label", "sign-off", "prose"}
)  # fmt: skip


def site_name(
    votes: Mapping[str | None, int] | Iterable[str | None], host: str | None
) -> str | None:
    """The one name of a site whose pages picked ``votes`` (names, or names with page counts);
    None when no page found a name."""
    counts = votes if isinstance(votes, Mapping) else Counter(votes)
    ballot = [Vote(name, Kind.PAGE, float(n)) for name, n in counts.items() if name and n > 0]
    found = pick(ballot, host)
    return found.name if found else None


def settle_outlets(articles: Sequence[Article], rules: OutletNames | None = None) -> list[Article]:
    """``articles`` with one outlet name per host (and the user's rules applied)."""
    rules = rules or OutletNames()
    names = [a.source for a in articles]
    by_host: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        host = host_name(article.url)
        if host:
            by_host[host].append(i)
    for host, members in by_host.items():
        name = rules.resolve(site_name([names[i] for i in members], host), host)
        names = [name if i in members else n for i, n in enumerate(names)]
    unhosted = [i for i, article in enumerate(articles) if not host_name(article.url)]
    _reshape(names, unhosted)
    _adopt(articles, names, unhosted)
    for i in unhosted:
        names[i] = rules.resolve(names[i])
    return [
        a if names[i] == a.source else a.model_copy(update={"source": names[i]})
        for i, a in enumerate(articles)
    ]


def _reshape(names: list[str | None], unhosted: list[int]) -> None:
    """A page without a URL takes the crawl's shape of its brand's name."""
    shapes: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        if name:
            shapes[identity(name)][name] += 1
    for i in unhosted:
        name = names[i]
        counted = shapes.get(identity(name)) if name else None
        if counted and len(counted) > 1:
            names[i] = site_name(counted, None) or name


def _adopt(articles: Sequence[Article], names: list[str | None], unhosted: list[int]) -> None:
    """A page without a URL or a name of its own takes the name of the pages it shares its
    chrome with, when those pages agree on one. A line that pages of different outlets carry
    is a publishing platform's (a blog engine's comment form), not one site's: it says
    nothing."""
    orphans = [i for i in unhosted if not names[i]]
    if not orphans:
        return
    lines = {i: _chrome(articles[i]) for i in range(len(articles))}
    holders: dict[str, list[int]] = defaultdict(list)
    for i, keys in lines.items():
        if names[i]:
            for key in keys:
                holders[key].append(i)
    for key, held in list(holders.items()):
        if len({identity(names[j] or "") for j in held}) > 1:
            del holders[key]  # a platform's line ("Leave a Reply", a comment form's notice)
    for i in orphans:
        shared = Counter(j for key in lines[i] for j in holders.get(key, ()))
        close = {
            names[j]
            for j, n in shared.items()
            if n >= SHARED_MIN_LINES and n >= SHARED_MIN_SHARE * min(len(lines[i]), len(lines[j]))
        }
        if len(close) == 1:
            names[i] = close.pop()


def _chrome(article: Article) -> set[str]:
    low, high = CHROME_WORDS
    return {
        line_key(r.text)
        for r in article.removed
        if r.reason not in STORY_REASONS
        and low <= len(r.text.split()) <= high
        and not _widget(r.text)
    }


def _widget(line: str) -> bool:
    """A line any site may print: share buttons and page tools ("Share on Facebook", "Scroll
    to top"), every word a function word or a word of page furniture."""
    found = re.findall(r"\w+", line.casefold())
    return all(w in STOPWORDS or w in WIDGET_WORDS or w in SHARE_MARKERS for w in found)
