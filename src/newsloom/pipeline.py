"""The stages in a row: read → clean → annotate → group → fuse → store.

``analyze`` runs everything in memory and returns a ``Result``; ``ingest`` streams pages into a
``Store`` one transaction per batch, skipping pages it already holds before any costly work, and
then regroups the stories. A run killed at any point leaves the store consistent: the next
``ingest`` finds the committed pages already there, adds the rest, and regroups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from typing import BinaryIO

from spacy.language import Language

from newsloom.annotate import annotate, load_nlp
from newsloom.clean import clean
from newsloom.clean.chrome import learn_site_chrome
from newsloom.clean.outlet_names import host_name
from newsloom.clean.outlet_sites import settle_outlets, site_name
from newsloom.config import OutletNames, Settings
from newsloom.errors import Code
from newsloom.front.sections import assign_sections
from newsloom.fuse import fuse
from newsloom.group import group
from newsloom.group.events import MAX_DAYS_APART
from newsloom.model import Article, Page, Rejection, Result
from newsloom.read import read_inputs
from newsloom.store import Store

Progress = Callable[[str, int], None]


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    stories: int = 0

    @property
    def rejected(self) -> int:
        return len(self.rejections)


def _noop(event: str, n: int) -> None:
    return None


def _batches(items: Iterable[Page | Rejection], size: int) -> Iterator[list[Page | Rejection]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def process(pages: Sequence[Page], nlp: Language) -> list[Article | Rejection]:
    """Clean and annotate a batch of pages; a failure on one page rejects that page only.

    Site chrome (lines recurring across a site's pages) is learned from the batch itself.
    """
    chrome = learn_site_chrome(pages)
    cleaned = [clean(p, chrome) for p in pages]
    articles = [c for c in cleaned if isinstance(c, Article)]
    annotated = {a.id: a for a in _annotate_safely(articles, nlp)}
    out: list[Article | Rejection] = []
    for item in cleaned:
        if isinstance(item, Rejection):
            out.append(item)
        elif item.id in annotated:
            out.append(annotated[item.id])
        else:
            out.append(
                Rejection(input=item.input, code=Code.ANNOTATE_FAILED, reason="spaCy failed on it")
            )
    return out


def _annotate_safely(articles: list[Article], nlp: Language) -> list[Article]:
    try:
        return list(annotate(articles, nlp))
    except Exception:  # find the one article that fails; keep the others
        kept: list[Article] = []
        for article in articles:
            try:
                kept.extend(annotate([article], nlp))
            except Exception:
                continue
        return kept


def analyze(
    paths: Sequence[str],
    settings: Settings,
    nlp: Language | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress = _noop,
) -> Result:
    """Run every stage in memory on ``paths`` and return the whole result."""
    nlp = nlp or load_nlp(settings.spacy_models)
    result = Result()
    seen: set[str] = set()
    for batch in _batches(read_inputs(paths, settings, stdin=stdin), settings.batch_size):
        pages = _first_of_each_id([p for p in batch if isinstance(p, Page)], seen)
        result.rejections += [r for r in batch if isinstance(r, Rejection)]
        for item in process(pages, nlp):
            if isinstance(item, Article):
                result.articles.append(item)
            else:
                result.rejections.append(item)
        progress("read", len(batch))
    result.articles = settle_outlets(result.articles, settings.outlets)  # one name per site
    result.stories = assign_sections(group(result.articles), result.articles)
    result.dossiers = {s.id: fuse(s, result.articles) for s in result.stories}
    return result


def _first_of_each_id(pages: list[Page], seen: set[str]) -> list[Page]:
    out = []
    for page in pages:
        if page.id not in seen:
            seen.add(page.id)
            out.append(page)
    return out


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    nlp: Language | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress = _noop,
) -> IngestReport:
    """Add the pages under ``paths`` to ``store``, then regroup its stories if anything changed."""
    report = IngestReport()
    seen: set[str] = set()
    changed: set[str] = set()
    hosts: set[str] = set()
    for batch in _batches(read_inputs(paths, settings, stdin=stdin), settings.batch_size):
        pages = _first_of_each_id([p for p in batch if isinstance(p, Page)], seen)
        rejections = [r for r in batch if isinstance(r, Rejection)]
        report.read += len(pages)
        fresh = _unchanged_removed(pages, store, report)
        if fresh:
            nlp = nlp or load_nlp(settings.spacy_models)
            processed = process(fresh, nlp)
        else:
            processed = []
        articles = settle_outlets(
            [a for a in processed if isinstance(a, Article)], settings.outlets
        )
        changed.update(a.id for a in articles)
        hosts.update(h for a in articles if (h := host_name(a.url)))
        rejections += [r for r in processed if isinstance(r, Rejection)]
        counts = store.write_batch(articles, rejections)
        report.added += counts.added
        report.updated += counts.updated
        report.skipped += counts.skipped
        report.rejections += rejections
        progress("batch", len(batch))
    if hosts:
        changed |= settle_store_outlets(store, settings.outlets, hosts)
    if store.stories_dirty():
        progress("group", 0)
        report.stories = update_stories(store, changed)
    else:
        report.stories = store.count_stories()
    return report


def _unchanged_removed(pages: list[Page], store: Store, report: IngestReport) -> list[Page]:
    """Pages whose id and content the store already holds are skipped before any NLP."""
    known = store.digests(p.id for p in pages)
    fresh = [p for p in pages if known.get(p.id) != p.digest]
    report.skipped += len(pages) - len(fresh)
    return fresh


#: New pages are regrouped with the stored articles dated within this many days of them — twice
#: the widest gap two reports of one event may have (``group.events.MAX_DAYS_APART``) — and
#: with every article of any story those belong to. Stories outside stay as they are.
REGROUP_MARGIN_DAYS = 2 * MAX_DAYS_APART


def update_stories(store: Store, changed: Iterable[str]) -> int:
    """Regroup around the articles in ``changed`` (and any a killed run left ungrouped) only,
    not the whole store; return the story count. Falls back to ``regroup`` for a store with no
    stories yet, and when an undated article gives no time window to work in."""
    ids = set(changed) | set(store.ungrouped())
    if not ids:
        return store.count_stories()
    days = sorted(d for d in map(_day, store.date_keys(ids).values()) if d)
    if not store.count_stories() or len(days) < len(ids):
        return _regroup_all(store)
    margin = timedelta(days=REGROUP_MARGIN_DAYS)
    lo, hi = (days[0] - margin).isoformat(), (days[-1] + margin + timedelta(days=1)).isoformat()
    scope = ids | set(store.ids_between(lo, hi)) | set(store.ids_undated())
    members = store.story_members(scope)
    scope |= {a for arts in members.values() for a in arts}
    articles = list(store.articles(scope))
    stories = assign_sections(group(articles), articles)
    dossiers = {s.id: fuse(s, articles) for s in stories}
    store.replace_some_stories(list(members), stories, dossiers)
    return store.count_stories()


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def settle_store_outlets(
    store: Store, rules: OutletNames | None = None, hosts: Iterable[str] | None = None
) -> set[str]:
    """One outlet name per site in the store (all sites, or those of ``hosts``), from the names
    its stored pages carry, with the user's rules applied (also to pages without a URL); return
    the ids of the pages renamed."""
    rules = rules or OutletNames()
    hosts = set(hosts) if hosts is not None else None
    votes = store.site_votes(hosts)
    listed = hosts if hosts is not None else {h for r in store.outlets() for h in r.hosts}
    names = {  # a listed host without pages any more leaves the table
        host: rules.resolve(site_name(votes.get(host, {}), host), host)
        for host in listed | set(votes)
    }
    renamed = set(store.set_site_names(names))
    if rules:
        unhosted = {
            article: new
            for name, ids in store.unhosted_names().items()
            if (new := rules.resolve(name)) != name
            for article in ids
        }
        store.rename_pages(unhosted)
        renamed |= set(unhosted)
    return renamed


def regroup(store: Store, rules: OutletNames | None = None) -> int:
    """Settle the outlet names (with the user's ``rules``), then recompute the stories and
    dossiers of everything in ``store``; return the story count."""
    settle_store_outlets(store, rules)
    return _regroup_all(store)


def _regroup_all(store: Store) -> int:
    articles = list(store.articles())
    stories = assign_sections(group(articles), articles)
    dossiers = {s.id: fuse(s, articles) for s in stories}
    store.replace_stories(stories, dossiers)
    return len(stories)


def stored_result(store: Store, story_id: str | None = None) -> Result:
    """A ``Result`` read back from ``store``: one story, or everything."""
    stories = [store.story(story_id)] if story_id else store.stories()
    wanted = {a for s in stories for a in s.articles} if story_id else None
    articles = list(store.articles(wanted))
    return Result(
        articles=articles,
        stories=stories,
        dossiers={s.id: store.dossier(s.id) for s in stories},
        rejections=[] if story_id else store.rejections(),
    )
