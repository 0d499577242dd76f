"""The clean stage: ``Page`` → ``Article`` (or a ``Rejection`` when no article text is left)."""

from __future__ import annotations

from urllib.parse import urlsplit

from newsloom.clean.capture import clean_capture, is_prose
from newsloom.clean.chrome import SiteChrome, learn_site_chrome
from newsloom.clean.dates import after_day
from newsloom.clean.html import PathologicalHtml, UnparseableHtml, clean_html
from newsloom.clean.meta import guess_language, site_from_chrome
from newsloom.clean.textdates import capture_dates
from newsloom.errors import Code
from newsloom.model import Article, Page, Rejection

__all__ = ["SiteChrome", "clean", "learn_site_chrome"]

#: Separator between paragraphs in ``Article.body``.
PARAGRAPH_SEP = "\n\n"
#: The flag of an article whose page shows no credible headline: its title stays empty rather
#: than a menu item or a sentence of the body standing in for one.
NO_HEADLINE = "no-headline"


def clean(page: Page, site_chrome: SiteChrome | None = None) -> Article | Rejection:
    """Clean one page. Never raises for bad content: a failure becomes a ``Rejection``.

    ``site_chrome`` (from ``learn_site_chrome`` over the batch or corpus) removes the lines that
    recur across many pages of the page's site; without it each page is cleaned on its own.
    """
    try:
        article = _clean(page, site_chrome)
    except UnparseableHtml as exc:
        return Rejection(input=page.input, code=Code.NOT_TEXT, reason=f"unparseable HTML: {exc}")
    except PathologicalHtml as exc:
        reason = f"markup not extracted, to keep time per page bounded: {exc}"
        return Rejection(input=page.input, code=Code.CLEAN_FAILED, reason=reason)
    except Exception as exc:  # one bad page never stops a run
        reason = f"{type(exc).__name__}: {exc}"[:300]
        return Rejection(input=page.input, code=Code.CLEAN_FAILED, reason=reason)
    if not article.body.strip():
        return Rejection(
            input=page.input,
            code=Code.NO_ARTICLE_TEXT,
            reason="no article text left once the page chrome was removed",
        )
    return article


def _clean(page: Page, site_chrome: SiteChrome | None) -> Article:
    if page.html is not None:
        return _from_html(page, page.html)
    known = site_chrome.for_page(page) if site_chrome else frozenset()
    return _from_text(page, page.text or "", known)


def _base(page: Page) -> Article:
    return Article(
        id=page.id,
        input=page.input,
        digest=page.digest,
        url=page.url,
        source=page.source or _host(page.url),
        crawl_date=page.crawl_date.isoformat() if page.crawl_date else None,
    )


def _from_text(page: Page, text: str, site_lines: frozenset[str]) -> Article:
    found = clean_capture(text, site_lines)
    article = _base(page)
    paragraphs = found.paragraphs or _bare_sentences(text)
    body = PARAGRAPH_SEP.join(paragraphs)
    published, updated = _capture_times(page, text, found.published, found.updated)
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
            "language": guess_language(body),
            "body": body,
            "captions": found.captions,
            "removed": found.removed,
            "source": article.source or site_from_chrome(r.text for r in found.removed),
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
    found = clean_html(markup, page.crawl_date, page.url)
    article = _base(page)
    body = PARAGRAPH_SEP.join(found.paragraphs)
    url = article.url or found.url
    return article.model_copy(
        update={
            "url": url,
            "source": article.source or found.site or _host(url),
            "title": found.title,
            "flags": _flags(found.title),
            "byline": found.byline,
            "agency": found.agency,
            "dateline": found.dateline,
            "published": found.published,
            "updated": found.updated,
            "section": found.section,
            "language": found.language or guess_language(body),
            "body": body,
            "captions": found.captions,
            "removed": found.removed,
        }
    )


def _flags(title: str | None) -> list[str]:
    return [] if title else [NO_HEADLINE]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
