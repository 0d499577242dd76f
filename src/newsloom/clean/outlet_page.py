"""One page's outlet, from everything the page says about itself (see ``outlet``).

The input's own ``source`` (a JSONL field) is the strongest vote, unless it is only a domain,
which then stands in for the page's host. A capture without a URL has only its text: its
copyright and trademark lines, its imprint (a company's legal name over a street address),
its links to its own pages ("About Sky News"), and, when its
newsroom gives an e-mail address or the capture keeps the page's own address as a line, that
domain as the host its lines are matched against. With no host to weigh a company's name against, a
copyright line naming a company ("© 2019 FOX News Network, LLC") counts only for the brand the
page shows in its own lines ("Fox News"); a page that shows none stays without an outlet.
"""

from __future__ import annotations

from newsloom.clean.outlet import Kind, Vote, pick
from newsloom.clean.outlet_full import full_names
from newsloom.clean.outlet_names import host_name, is_domain, parse_host
from newsloom.clean.outlet_self import (
    fuller_names,
    imprint_votes,
    logo_domains,
    self_votes,
    url_line_domains,
)
from newsloom.clean.outlet_text import (
    email_domains,
    main_domain,
    masthead_votes,
    notice_domains,
    owned_brands,
    text_votes,
)


def page_outlet(votes: list[Vote], url: str | None, given: str | None) -> str | None:
    """The page's outlet from its ``votes``, its URL and the input's own ``source``."""
    host = host_name(url)
    votes = list(votes)
    if given and is_domain(given.strip()):
        host = host or host_name(given.strip())
        votes.append(Vote(given.strip(), Kind.DOMAIN))
    elif given and given.strip():
        votes.append(Vote(given.strip(), Kind.GIVEN))
    if host:
        votes.append(Vote(host, Kind.HOST))
    found = pick(votes, host or _voted_domain(votes))
    return found.name if found else None


def capture_votes(text: str, url: str | None, given: str | None = None) -> list[Vote]:
    """The votes of a text capture's lines, matched against its host, else against the domain
    of its newsroom's e-mail addresses."""
    lines = text.split("\n")
    host = host_name(url) or (host_name(given) if given and is_domain(given.strip()) else None)
    votes: list[Vote] = []
    if host is None:
        domains = (
            notice_domains(lines)
            or email_domains(lines) + url_line_domains(lines)
            or logo_domains(lines)
        )
        votes = [Vote(domain, Kind.DOMAIN) for domain in domains]
        host = _voted_domain(votes)
    parsed = parse_host(host)
    votes += text_votes(lines, parsed) + self_votes(lines, parsed)
    if parsed is None:
        votes = owned_brands(votes + imprint_votes(lines), lines)
    holders = [v.name for v in votes if v.kind is Kind.COPYRIGHT]
    votes = fuller_names(votes, lines) + masthead_votes(lines, parsed, holders)
    return full_names(votes, lines)


def _voted_domain(votes: list[Vote]) -> str | None:
    return main_domain([v.name for v in votes if v.kind is Kind.DOMAIN])
