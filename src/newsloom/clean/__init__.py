"""The clean stage: ``Page`` → ``Article`` (or a ``Rejection`` when no article text is left)."""

from __future__ import annotations

from newsloom.budget import OverBudget, OverTime, time_limit
from newsloom.clean import vocab
from newsloom.clean.capture import clean_capture, is_prose
from newsloom.clean.chrome import SiteChrome, learn_site_chrome
from newsloom.clean.dates import after_day, numeric_dates
from newsloom.clean.html import PathologicalHtml, UnparseableHtml, clean_html
from newsloom.clean.language import day_first, guess_language, page_language
from newsloom.clean.linemodel import shape_spans
from newsloom.clean.markup_budget import trim_attributes
from newsloom.clean.outlet_names import host_name
from newsloom.clean.outlet_page import capture_votes, page_outlet
from newsloom.clean.outlet_sites import settle_outlets, site_name
from newsloom.clean.textdates import capture_dates
from newsloom.errors import Code
from newsloom.model import Article, Page, Rejection
from newsloom.when import with_page_zone

__all__ = [
    "SiteChrome",
    "clean",
    "host_name",
    "learn_site_chrome",
    "settle_outlets",
    "site_name",
]

#: Separator between paragraphs in ``Article.body``.
PARAGRAPH_SEP = "\n\n"
#: ``Article.language`` of the pages the annotate stage reads (its spaCy model is English).
ENGLISH = "en"
#: Flags set here: the page's id was taken by another page of its run (it became ``id~2``);
#: the article is not in English (kept, but not run through the English extractors).
FLAG_RENAMED = "id-renamed"
FLAG_NOT_ENGLISH = "not-english"
#: The flag of an article whose page shows no credible headline: its title stays empty rather
#: than a menu item or a sentence of the body standing in for one.
NO_HEADLINE = "no-headline"


def clean(
    page: Page, site_chrome: SiteChrome | None = None, seconds: float | None = None
) -> Article | Rejection:
    """Clean one page. Never raises for bad content: a failure becomes a ``Rejection``.

    ``site_chrome`` (from ``learn_site_chrome`` over the batch or corpus) removes the lines that
    recur across many pages of the page's site; without it each page is cleaned on its own.
    ``seconds`` bounds the time one page may take (``newsloom.budget``; None: no limit).
    """
    try:
        with time_limit(seconds):
            article = _clean(page, site_chrome)
    except OverTime as exc:
        return Rejection(input=page.input, code=Code.OVER_TIME, reason=f"clean stopped: {exc}")
    except MemoryError:
        reason = "clean ran out of memory on this page"
        return Rejection(input=page.input, code=Code.OVER_MEMORY, reason=reason)
    except UnparseableHtml as exc:
        return Rejection(input=page.input, code=Code.NOT_TEXT, reason=f"unparseable HTML: {exc}")
    except (PathologicalHtml, OverBudget) as exc:
        reason = f"markup not extracted, to keep time and memory per page bounded: {exc}"
        return Rejection(input=page.input, code=Code.OVER_MEMORY, reason=reason)
    except Exception as exc:  # one bad page never stops a run
        reason = f"{type(exc).__name__}: {exc}"[:300]
        return Rejection(input=page.input, code=Code.CLEAN_FAILED, reason=reason)
    if not article.body.strip():
        return Rejection(
            input=page.input,
            code=Code.NO_ARTICLE_TEXT,
            reason="no article text left once the page chrome was removed",
        )
    if not has_article_text(article.body.split(PARAGRAPH_SEP)):
        return Rejection(
            input=page.input,
            code=Code.NO_ARTICLE_TEXT,
            reason="only page chrome left (menus, ads, notices): no sentence of article text",
        )
    return _flagged(page, article)


def _flagged(page: Page, article: Article) -> Article:
    """The article with its flags: renamed in its run (``Page.renamed_from``), not English."""
    flags = list(article.flags)
    if page.renamed_from is not None:
        flags.append(FLAG_RENAMED)
    if article.language not in (None, ENGLISH):
        flags.append(FLAG_NOT_ENGLISH)
    return article.model_copy(update={"flags": flags}) if flags != article.flags else article


#: Non-blank lines a text page may have. The line model costs about 0.45 ms a line (linear),
#: so 10,000 lines clean in about 5 s; the longest SEB capture has 601 lines.
MAX_TEXT_LINES = 10_000
#: Characters a text page may have: a 5 MB one-line capture took 6.8 s to clean; the largest
#: SEB capture is 101 KB. 2,000,000 keeps a text page's clean under about 3 s.
MAX_TEXT_CHARS = 2_000_000


def _clean(page: Page, site_chrome: SiteChrome | None) -> Article:
    if page.html is not None:
        return _from_html(page, page.html)
    text = page.text or ""
    if len(text) > MAX_TEXT_CHARS:
        raise OverBudget(f"{len(text):,} characters of text, over {MAX_TEXT_CHARS:,}")
    lines = sum(1 for line in text.split("\n") if line.strip())
    if lines > MAX_TEXT_LINES:
        raise OverBudget(f"{lines:,} lines of text, over {MAX_TEXT_LINES:,}")
    known = site_chrome.for_page(page) if site_chrome else frozenset()
    return _from_text(page, text, known)


def _base(page: Page) -> Article:
    return Article(
        id=page.id,
        input=page.input,
        digest=page.digest,
        url=page.url,
        source=page.source,
        crawl_date=page.crawl_date.isoformat() if page.crawl_date else None,
    )


def _from_text(page: Page, text: str, site_lines: frozenset[str]) -> Article:
    with numeric_dates(day_first(guess_language(text))):  # "12/03/2024" in a French capture
        found = clean_capture(text, site_lines)
        published, updated = _capture_times(page, text, found.published, found.updated)
    published, updated = with_page_zone(published, updated)
    article = _base(page)
    paragraphs = found.paragraphs or _bare_sentences(text)
    body = PARAGRAPH_SEP.join(paragraphs)
    return article.model_copy(
        update={
            "title": found.title,
            "flags": _flags(found.title),
            "byline": found.byline,
            "agency": found.agency,
            "dateline": found.dateline,
            "published": published,
            "updated": updated,
            "section": found.section,
            "language": page_language(body, None),
            "body": body,
            "captions": found.captions,
            "removed": found.removed,
            "source": page_outlet(
                capture_votes(text, page.url, page.source), page.url, page.source
            ),
        }
    )


def _capture_times(
    page: Page, text: str, published: str | None, updated: str | None
) -> tuple[str | None, str | None]:
    """The capture's published/updated times, never later than its crawl date.

    The header reader in ``capture`` knows the page's layout best; when it found nothing, or
    a time after the crawl date (a teaser's or a wrong guess: a page cannot be published after
    it was captured), the stamp reader of ``textdates``, bounded by the crawl date, answers.
    """
    crawl = page.crawl_date
    if crawl is None:
        return published, updated
    late_published = published is not None and after_day(published, crawl)
    late_updated = updated is not None and after_day(updated, crawl)
    if published is not None and not late_published and not late_updated:
        return published, updated
    stamps = capture_dates(text, crawl)
    if published is None or late_published:
        published = stamps.published
    if updated is None or late_updated:
        updated = stamps.updated
    return published, updated


#: A text this short with no page structure at all is a bare document (a wire brief, a corpus
#: file), not a page whose chrome was all that was left.
BARE_MAX_LINES = 6


def _bare_sentences(text: str) -> list[str]:
    """The sentences of a short plain text in which the cleaner found no article body."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) > BARE_MAX_LINES:
        return []
    return [ln for ln in lines if is_prose(ln)]


def _from_html(page: Page, markup: str) -> Article:
    found = clean_html(trim_attributes(markup), page.crawl_date, page.url)
    article = _base(page)
    body = PARAGRAPH_SEP.join(found.paragraphs)
    url = article.url or found.url
    published, updated = with_page_zone(found.published, found.updated)
    return article.model_copy(
        update={
            "url": url,
            "source": page_outlet(found.outlet_votes, url, page.source),
            "title": found.title,
            "flags": _flags(found.title),
            "byline": found.byline,
            "agency": found.agency,
            "dateline": found.dateline,
            "published": published,
            "updated": updated,
            "section": found.section,
            "language": page_language(body, found.language),
            "body": body,
            "captions": found.captions,
            "removed": found.removed,
        }
    )


#: A paragraph of a script written without spaces (Chinese, Japanese, Thai) counts as text
#: from this many letters on: ``is_prose`` counts words and cannot see its sentences.
UNSPACED_MIN_LETTERS = 40
#: Notices that are prose in form but page chrome in fact: cookie and consent banners.
_NOTICE_RE = vocab.COOKIE_NOTICE_RE


def has_article_text(paragraphs: list[str]) -> bool:
    """At least one paragraph is a sentence of text, not a menu, an ad marker or a notice; or
    the body is a list or table of numbers (a race calendar, a standings table: content with no
    sentence in it; a menu's bare words or page numbers make no such list)."""
    for text in paragraphs:
        if _NOTICE_RE.search(text):
            continue
        if is_prose(text):
            return True
        letters = sum(1 for char in text if char.isalpha())
        if len(text.split()) < 3 and letters >= UNSPACED_MIN_LETTERS:
            return True
    return any(
        span and any(c.isdigit() for c in paragraphs[span[0]]) for span in shape_spans(paragraphs)
    )


def _flags(title: str | None) -> list[str]:
    return [] if title else [NO_HEADLINE]
