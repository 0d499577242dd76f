"""Published and updated times from an HTML page's markup, with the zone the page gives.

Pages state their dates in several places (JSON-LD, meta tags, ``<time>`` elements), often the
same instant twice: once in UTC and once in the newsroom's zone. A UTC stamp of 02:34 on the 19th
is 21:34 on the 18th in New York, and the 18th is the day the story is dated, so when two
candidates are one instant the one in a local zone wins. A UTC stamp with no such twin is put in
the page's own zone when the page shows it (``pagezone``): the same instant printed as a local
clock ("November 18, 2019 11:03 PM" under the headline), another stamp's offset, or the day
printed under the headline. Placeholders ("0001-01-01") and dates after the crawl are refused
rather than reported. With no stamp in the markup, htmldate's guess (from the URL, the text, the
page's structure) gives the day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from newsloom.clean.dates import after_day, parse_datetime
from newsloom.clean.pagezone import localise

PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "ptime",
)
UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "lastmod", "utime")
#: No news page in any corpus we read predates this year; earlier stamps are placeholders.
EARLIEST_YEAR = 1995
#: Two stamps this close are one instant written in two zones.
SAME_INSTANT = timedelta(minutes=1)


def published(
    tree: Any, meta: dict[str, str], ld: dict[str, Any], latest: date, url: str | None
) -> str | None:
    found = _choose(_candidates(meta, ld, PUBLISHED_META, "datePublished", tree), latest)
    if found is not None and not _is_local(found):
        found = localise(found, tree, _stamps(meta, ld, tree))
    return found or _htmldate(tree, latest, url)


def updated(meta: dict[str, str], ld: dict[str, Any], latest: date) -> str | None:
    return _choose(_candidates(meta, ld, UPDATED_META, "dateModified", None), latest)


def _stamps(meta: dict[str, str], ld: dict[str, Any], tree: Any) -> list[str]:
    """Every published and updated stamp of the markup, for the page's zone."""
    published = _candidates(meta, ld, PUBLISHED_META, "datePublished", tree)
    return published + _candidates(meta, ld, UPDATED_META, "dateModified", None)


def _candidates(
    meta: dict[str, str], ld: dict[str, Any], keys: tuple[str, ...], ld_key: str, tree: Any
) -> list[str]:
    raw: list[str] = []
    value = ld.get(ld_key)
    if isinstance(value, str):
        raw.append(value)
    raw.extend(meta[key] for key in keys if key in meta)
    if tree is not None:
        raw.extend(_time_elements(tree))
    return [parsed for text in raw if (parsed := parse_datetime(text))]


def _time_elements(tree: Any) -> list[str]:
    return [value for el in tree.iter("time") if (value := el.get("datetime"))]


def _choose(candidates: list[str], latest: date) -> str | None:
    valid = [c for c in candidates if _plausible(c, latest)]
    if not valid:
        return None
    first = valid[0]
    if _is_local(first):
        return first
    for other in valid[1:]:
        if _is_local(other) and _same_instant(first, other):
            return other
    return first


def _plausible(value: str, latest: date) -> bool:
    day = date.fromisoformat(value[:10])
    return day.year >= EARLIEST_YEAR and not after_day(value, latest)


def _is_local(value: str) -> bool:
    """Carries a zone other than UTC."""
    stamp = datetime.fromisoformat(value)
    offset = stamp.utcoffset()
    return offset is not None and offset != timedelta(0)


def _same_instant(a: str, b: str) -> bool:
    x, y = datetime.fromisoformat(a), datetime.fromisoformat(b)
    if (x.tzinfo is None) != (y.tzinfo is None):
        return False
    return abs(x - y) <= SAME_INSTANT


def _htmldate(tree: Any, latest: date, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(
            tree, url=url, original_date=True, extensive_search=False, max_date=latest.isoformat()
        )
    except Exception:  # htmldate is a best-effort guess; its failure is "no date"
        return None
    return found if isinstance(found, str) else None
