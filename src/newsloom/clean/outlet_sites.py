"""One outlet name per site across a crawl.

Each page picks its outlet from its own evidence (``outlet_page``); pages of one site may still
disagree ("PolitiFact" on one, "politifact.com" on another with less to go on). Here every page
of a host votes with its own pick, the votes are weighed against the host as one page's votes
are (``outlet.pick``), and the winner becomes the name of all of them. The user's rules
(``OutletNames``) have the last word. Pages without a URL have no host to be counted under:
they keep their own pick, renamed by the user's name rules only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from newsloom.clean.outlet import Kind, Vote, pick
from newsloom.clean.outlet_names import host_name
from newsloom.config import OutletNames
from newsloom.model import Article


def site_name(votes: Mapping[str | None, int] | Iterable[str | None], host: str | None) -> str | None:
    """The one name of a site whose pages picked ``votes`` (names, or names with page counts);
    None when no page found a name."""
    counts = votes if isinstance(votes, Mapping) else _count(votes)
    ballot = [Vote(name, Kind.PAGE, float(n)) for name, n in counts.items() if name and n > 0]
    found = pick(ballot, host)
    return found.name if found else None


def settle_outlets(articles: Sequence[Article], rules: OutletNames | None = None) -> list[Article]:
    """``articles`` with one outlet name per host (and the user's rules applied)."""
    rules = rules or OutletNames()
    by_host: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        host = host_name(article.url)
        if host:
            by_host[host].append(i)
    names: dict[int, str | None] = {}
    for host, members in by_host.items():
        name = rules.resolve(site_name([articles[i].source for i in members], host), host)
        names.update((i, name) for i in members)
    out = []
    for i, article in enumerate(articles):
        name = names[i] if i in names else rules.resolve(article.source)
        out.append(article if name == article.source else article.model_copy(update={"source": name}))
    return out


def _count(names: Iterable[str | None]) -> dict[str | None, int]:
    counts: dict[str | None, int] = defaultdict(int)
    for name in names:
        counts[name] += 1
    return counts
