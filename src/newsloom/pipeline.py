"""The stages in a row: read → clean → annotate → group → fuse → store.

``analyze`` runs everything in memory and returns a ``Result``; ``ingest`` streams pages into a
``Store`` one transaction per batch, skipping pages it already holds before any costly work, and
then regroups the stories. A run killed at any point leaves the store consistent: the next
``ingest`` finds the committed pages already there, adds the rest, and regroups.

No input stops a run: each page's failure in read, clean, annotate or the store is caught at
that page's boundary and becomes a coded rejection, and every page has a time limit per stage
(``Settings.page_seconds``) and size budgets (``newsloom.budget``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO

from spacy.language import Language

from newsloom.annotate import annotate, load_nlp
from newsloom.budget import OverTime, time_limit
from newsloom.clean import SiteChrome, clean, learn_site_chrome, settle_outlets, site_name
from newsloom.config import OutletNames, Settings
from newsloom.errors import Code
from newsloom.front import assign_sections
from newsloom.fuse import fuse
from newsloom.group import MAX_DAYS_APART, group
from newsloom.model import Article, Dossier, Page, Rejection, Result, Story
from newsloom.read import batches, read_inputs
from newsloom.store import Reading, Store

Progress = Callable[[str, int], None]

log = logging.getLogger("newsloom.pipeline")


@dataclass(frozen=True, slots=True)
class Renamed:
    """A page whose id an earlier page of the same run had: it was stored as ``id``."""

    input: str
    id: str
    was: str


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    stories: int = 0
    renamed: list[Renamed] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)


def _noop(event: str, n: int) -> None:
    return None


#: Characters of article text the annotate stage takes on from one page. spaCy's small English
#: model needs memory in proportion to the text (and refuses over 1,000,000 characters); the
#: longest SEB article has about 40,000. Longer "articles" are dumps, not news.
MAX_ANNOTATE_CHARS = 200_000


def process(
    pages: Sequence[Page], nlp: Language, settings: Settings | None = None
) -> list[Article | Rejection]:
    """Clean and annotate a batch of pages; a failure on one page rejects that page only.

    Site chrome (lines recurring across a site's pages) is learned from the batch itself.
    ``settings.page_seconds`` bounds each page's time in clean and in annotate.
    """
    seconds = settings.page_seconds if settings else None
    chrome = _site_chrome(pages)
    cleaned = [clean(p, chrome, seconds) for p in pages]
    articles = [c for c in cleaned if isinstance(c, Article)]
    annotated = annotate_within(articles, nlp, seconds)
    return [item if isinstance(item, Rejection) else annotated[item.id] for item in cleaned]


def _site_chrome(pages: Sequence[Page]) -> SiteChrome | None:
    """The batch's site chrome; None (each page cleaned on its own) if learning it fails."""
    try:
        return learn_site_chrome(pages)
    except Exception:
        return None


def annotate_within(
    articles: list[Article], nlp: Language, seconds: float | None
) -> dict[str, Article | Rejection]:
    """Each article annotated, or rejected: over ``MAX_ANNOTATE_CHARS``, over its time, or
    failing. The batch runs in one ``nlp.pipe`` with the batch's time; when anything in it
    fails, the articles not yet done are annotated one by one to find the one at fault."""
    out: dict[str, Article | Rejection] = {}
    fits = []
    for article in articles:
        if len(article.body) > MAX_ANNOTATE_CHARS:
            reason = f"{len(article.body):,} characters of text, over {MAX_ANNOTATE_CHARS:,}"
            out[article.id] = Rejection(input=article.input, code=Code.OVER_MEMORY, reason=reason)
        else:
            fits.append(article)
    try:
        with time_limit(seconds * len(fits) if seconds else None):
            for done in annotate(fits, nlp):
                out[done.id] = done
        return out
    except (Exception, OverTime):
        pass  # one by one below
    for article in fits:
        if article.id not in out:
            out[article.id] = _annotate_one(article, nlp, seconds)
    return out


def _annotate_one(article: Article, nlp: Language, seconds: float | None) -> Article | Rejection:
    def rejected(code: Code, reason: str) -> Rejection:
        return Rejection(input=article.input, code=code, reason=reason[:300])

    try:
        with time_limit(seconds):
            return next(annotate([article], nlp))
    except OverTime as exc:
        return rejected(Code.OVER_TIME, f"annotate stopped: {exc}")
    except MemoryError:
        return rejected(Code.OVER_MEMORY, "annotate ran out of memory on this article")
    except Exception as exc:
        return rejected(Code.ANNOTATE_FAILED, f"{type(exc).__name__}: {exc}")


def analyze(
    paths: Sequence[str],
    settings: Settings,
    nlp: Language | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress = _noop,
    stdin_id: str | None = None,
) -> Result:
    """Run every stage in memory on ``paths`` and return the whole result."""
    items = read_inputs(paths, settings, stdin=stdin, stdin_id=stdin_id)
    return analyze_items(items, settings, nlp=nlp, progress=progress)


def analyze_items(
    items: Iterable[Page | Rejection],
    settings: Settings,
    nlp: Language | None = None,
    progress: Progress = _noop,
) -> Result:
    """Run every stage in memory on pages already read (and the readers' rejections)."""
    result = Result()
    seen: set[str] = set()
    for batch in batches(items, settings.batch_size):
        pages, _ = _first_of_each_id([p for p in batch if isinstance(p, Page)], seen)
        result.rejections += [r for r in batch if isinstance(r, Rejection)]
        if pages:
            nlp = nlp or load_nlp(settings.spacy_models)
            for item in process(pages, nlp, settings):
                if isinstance(item, Article):
                    result.articles.append(item)
                else:
                    result.rejections.append(item)
        progress("read", len(batch))
    result.articles = settle_outlets(result.articles, settings.outlets)  # one name per site
    result.stories = assign_sections(group(result.articles), result.articles)
    result.dossiers = fuse_all(result.stories, result.articles)
    return result


def _first_of_each_id(pages: list[Page], seen: set[str]) -> tuple[list[Page], int]:
    """The pages whose id is new in this run, and how many repeated one (the read stage
    renames a repeated id with other content, so a repeat here is the same page again: the
    same file given twice, a line repeated in a JSONL file)."""
    out = []
    for page in pages:
        if page.id not in seen:
            seen.add(page.id)
            out.append(page)
    return out, len(pages) - len(out)


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    nlp: Language | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress = _noop,
    stdin_id: str | None = None,
    base: Path | None = None,
    workers: int = 1,
    cluster: str | None = None,
) -> IngestReport:
    """Add the pages under ``paths`` to ``store``, then regroup its stories if anything changed.

    ``workers`` processes read, clean and annotate (0: one per core; 1: all in this process,
    with ``nlp`` if given); ``cluster`` runs them on a Dask cluster instead (``local:N`` or a
    scheduler address). This process is the one writer either way, and the store ends up the
    same (``newsloom.scale``). ``base``: files given one by one are named by their path under
    it (``read.paths.expand_inputs``).
    """
    from newsloom.scale.backends import open_backend
    from newsloom.scale.parts import plan_partitions
    from newsloom.scale.run import run_ingest

    parts = plan_partitions(paths, settings, stdin, stdin_id, base)
    head = list(islice(parts, 2))
    if workers == 0 and not cluster and len(head) < 2 and not any(p.many for p in head):
        workers = 1  # one batch of one-page files: starting workers would cost more than it saves
    backend = open_backend(settings, workers, cluster, nlp)
    try:
        return run_ingest(chain(head, parts), store, settings, backend, progress)
    finally:
        backend.close()


#: New pages are regrouped with the stored articles dated within this many days of them — twice
#: the widest gap two reports of one event may have (``group.events.MAX_DAYS_APART``) — and
#: with every article of any story those belong to. Stories outside stay as they are.
REGROUP_MARGIN_DAYS = 2 * MAX_DAYS_APART


def update_stories(store: Store, changed: Iterable[str]) -> int:
    """Regroup around the articles in ``changed`` (and any a killed run left ungrouped) only,
    not the whole store; return the story count. Falls back to ``regroup`` for a store with no
    stories yet.

    The scope is the changed articles' dates widened by ``REGROUP_MARGIN_DAYS``, every undated
    article, and every article of a story those belong to. Undated changed articles give no
    date: they are regrouped in the window of the dated ones, or, when none is dated, in the
    store's newest days (a page crawled without a date is most likely new) — never with the
    whole store, which only ``newsloom regroup`` takes on.
    """
    ids = set(changed) | set(store.ungrouped())
    if not ids:
        return store.count_stories()
    if not store.count_stories():
        return _regroup_all(store)
    days = sorted(d for d in map(_day, store.date_keys(ids).values()) if d)
    newest = _day(store.newest_date_key())
    margin = timedelta(days=REGROUP_MARGIN_DAYS)
    scope = ids | set(store.ids_undated())
    if days or newest:
        first, last = (days[0], days[-1]) if days else (newest, newest)
        assert first is not None and last is not None
        lo, hi = (first - margin).isoformat(), (last + margin + timedelta(days=1)).isoformat()
        scope |= set(store.ids_between(lo, hi))
    members = store.story_members(scope)
    scope |= {a for arts in members.values() for a in arts}
    from newsloom.scale.regroup import regroup_store

    regroup_store(store, scope, list(members))  # streamed: flat memory for a large run too
    return store.count_stories()


def fuse_all(stories: Sequence[Story], articles: Sequence[Article]) -> dict[str, Dossier]:
    """Each story's dossier, fused from its own articles (looked up once, not per story:
    passing every article to every story was quadratic — 83 s for a 20,000-article store)."""
    by_id = {a.id: a for a in articles}
    return {s.id: fuse(s, [by_id[a] for a in s.articles if a in by_id]) for s in stories}


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
    """Every story again, the store streamed through the story index (flat memory)."""
    from newsloom.scale.regroup import regroup_store

    return regroup_store(store)


def stored_result(store: Reading, story_id: str | None = None) -> Result:
    """A ``Result`` read back from ``store``: one story, or everything."""
    stories = [store.story(story_id)] if story_id else store.stories()
    wanted = {a for s in stories for a in s.articles} if story_id else None
    articles = list(store.articles(wanted, linked=True))
    return Result(
        articles=articles,
        stories=stories,
        dossiers={s.id: store.dossier(s.id) for s in stories},
        rejections=[] if story_id else store.rejections(),
    )
