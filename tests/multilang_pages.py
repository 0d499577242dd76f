"""Synthetic news pages in seven languages, generated at test time, with known body and chrome.

Every word here was written for newsloom's tests: fictional towns, people and events, and page
chrome worded the way sites in each language commonly word it (menus, cookie banners, bylines,
date lines, share rows, "read also" rails, ad markers, calls to action, footers). Nothing is
copied from any publisher. English is included as a control with the same layouts, so that a
gap between English and another language is the language's, not the layout's.

Each ``SynthPage`` is rendered twice from one description: as a crawler's text capture (the seed
format, one visible line a line, blank lines around paragraphs in some layouts) and as HTML (nav,
article header, body paragraphs with inserted "read also" links and ad slots, an aside rail, a
footer, a cookie banner). The gold body is the article's paragraphs; the headline is not body.

Layouts vary with a seeded ``random.Random``: which chrome appears, where, how many teasers,
whether paragraphs are spaced, which date-line form. ``pages(variants)`` is deterministic.

This is a check that the non-English handling works on pages nobody tuned on, not an estimate
of quality on real sites: the chrome was written by the same hand as the vocabularies.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

from multilang_chrome import CHROME, EXPECTED_BYLINES, Chrome
from multilang_chrome_held import CHROME_HELD_OUT, EXPECTED_BYLINES_HELD_OUT
from multilang_stories import STORIES, Story

#: The day every synthetic article is published (the date lines spell it in each language).
PUBLISHED = "2024-03-12"
#: The crawl date of the captures (the day after).
CRAWLED = "2024-03-13"


LANGUAGES = tuple(STORIES)


@dataclass(frozen=True, slots=True)
class SynthPage:
    id: str
    language: str
    headline: str
    body: str  # the gold: the article's paragraphs, blank line between
    capture: str  # the seed format: " date YYYY-MM-DD " + the page's lines
    html: str
    chrome_lines: tuple[str, ...]  # every chrome line the capture shows (for precision checks)
    byline: tuple[str, ...]  # the names the page's byline credits


@dataclass(slots=True)
class _Layout:
    """The page as blocks in order: ("chrome", lines) or ("body", paragraph)."""

    head: list[str]
    cookie: list[str]  # the banner and its buttons, or nothing
    header: list[str]
    byline: str
    body: list[tuple[str, str]]  # (kind, text): kind "p" (gold), or a chrome kind
    after: list[str]
    rails: list[tuple[str, list[str]]]  # heading, lines (titles, times, blurbs)
    foot: list[str]
    spaced: bool


def pages(variants: int = 3, seed: int = 17, held_out: bool = False) -> list[SynthPage]:
    """``variants`` layouts of every story in every language (deterministic for a seed), with
    the dev chrome (``multilang_chrome``) or the held-out chrome (``multilang_chrome_held``)."""
    chrome = CHROME_HELD_OUT if held_out else CHROME
    names = EXPECTED_BYLINES_HELD_OUT if held_out else EXPECTED_BYLINES
    tag = "held-" if held_out else ""
    out: list[SynthPage] = []
    for language in LANGUAGES:
        for s, story in enumerate(STORIES[language]):
            for v in range(variants):
                rng = random.Random(f"{seed}:{tag}{language}:{s}:{v}")
                layout = _layout(chrome[language], story, rng, v)
                site = chrome[language]
                key = f"{tag}{language}-{s}-{v}"
                out.append(_render(key, language, story, layout, site, names[layout.byline]))
    return out


def _layout(chrome: Chrome, story: Story, rng: random.Random, variant: int) -> _Layout:
    head = [chrome.skip] if rng.random() < 0.6 else []
    head += [chrome.site, *rng.sample(chrome.menu, rng.randint(5, len(chrome.menu)))]
    cookie = [chrome.cookie, *chrome.cookie_buttons] if rng.random() < 0.5 else []
    header = []
    if rng.random() < 0.5:
        header.append(rng.choice(chrome.menu[1:6]))  # the section label
    header.append("\x00headline")  # where the headline goes
    stamp = chrome.stamps[variant % len(chrome.stamps)]
    byline = rng.choice(chrome.bylines)
    header += [byline, stamp] if rng.random() < 0.5 else [stamp, byline]
    if rng.random() < 0.6:
        header += chrome.share[: rng.randint(2, len(chrome.share))]
    if rng.random() < 0.5:
        header.append(rng.choice(chrome.captions))
    body: list[tuple[str, str]] = [("p", p) for p in story.paragraphs]
    for _ in range(rng.randint(1, 3)):  # inserts between paragraphs
        at = rng.randint(1, len(body) - 1)
        body.insert(at, _insert(chrome, rng))
    after = [rng.choice(chrome.sign_offs)] if rng.random() < 0.8 else []
    if rng.random() < 0.5:
        after += chrome.share[:3]
    rails = [_rail(chrome, rng, h) for h in rng.sample(chrome.rail_headings, rng.randint(1, 2))]
    foot = [*chrome.comments[: rng.randint(1, 3)], *chrome.footer, chrome.copyright]
    spaced = rng.random() < 0.5
    return _Layout(head, cookie, header, byline, body, after, rails, foot, spaced)


def _insert(chrome: Chrome, rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(("read-also", "ad", "caption"))
    if kind == "read-also":
        return kind, f"{rng.choice(chrome.read_also)} {rng.choice(chrome.teasers)}"
    if kind == "ad":
        return kind, rng.choice(chrome.ads)
    return kind, rng.choice(chrome.captions)


def _rail(chrome: Chrome, rng: random.Random, heading: str) -> tuple[str, list[str]]:
    lines: list[str] = []
    with_blurbs = rng.random() < 0.4
    for title in rng.sample(chrome.teasers, rng.randint(3, len(chrome.teasers))):
        lines.append(title)
        if with_blurbs:
            lines.append(rng.choice(chrome.blurbs))
        if rng.random() < 0.7:
            lines.append(rng.choice(chrome.reltimes))
    return heading, lines


def _render(
    key: str, language: str, story: Story, layout: _Layout, site: Chrome, byline: tuple[str, ...]
) -> SynthPage:
    body = "\n\n".join(story.paragraphs)
    lines, chrome_lines = _capture_lines(story, layout)
    capture = f" date {CRAWLED} " + "\n".join(lines) + "\n"
    return SynthPage(
        id=f"synth-{key}",
        language=language,
        headline=story.headline,
        body=body,
        capture=capture,
        html=_html(language, story, layout, site),
        chrome_lines=tuple(chrome_lines),
        byline=byline,
    )


def _capture_lines(story: Story, layout: _Layout) -> tuple[list[str], list[str]]:
    """The capture's lines (blank ones included) and the chrome among them."""
    out: list[str] = []
    chrome: list[str] = []

    def add(text: str, gold: bool = False) -> None:
        if layout.spaced and gold and out and out[-1] != "":
            out.append("")
        out.append(text)
        if layout.spaced and gold:
            out.append("")
        if not gold:
            chrome.append(text)

    for text in [*layout.head, *layout.cookie, *layout.header]:
        if text == "\x00headline":
            out.append(story.headline)
        else:
            add(text)
    for kind, text in layout.body:
        add(text, gold=kind == "p")
    for text in layout.after:
        add(text)
    for heading, items in layout.rails:
        add(heading)
        for text in items:
            add(text)
    for text in layout.foot:
        add(text)
    return out, chrome


def _html(language: str, story: Story, layout: _Layout, chrome: Chrome) -> str:
    e = html.escape
    nav = "".join(f'<li><a href="/{i}">{e(t)}</a></li>' for i, t in enumerate(layout.head))
    cookie = ""
    if layout.cookie:
        buttons = "".join(f"<button>{e(t)}</button>" for t in layout.cookie[1:])
        cookie = f'<div class="consent-banner"><p>{e(layout.cookie[0])}</p>{buttons}</div>'
    header: list[str] = []
    for text in layout.header:
        if text == "\x00headline":
            header.append(f"<h1>{e(story.headline)}</h1>")
        else:
            header.append(f'<div class="meta">{e(text)}</div>')
    body: list[str] = []
    for kind, text in layout.body:
        if kind == "p":
            body.append(f"<p>{e(text)}</p>")
        elif kind == "read-also":
            label, _, title = text.rpartition(":")
            body.append(
                f'<p><strong>{e(label)}:</strong> <a href="/related">{e(title.strip())}</a></p>'
            )
        elif kind == "ad":
            body.append(f'<div class="ad-slot"><span>{e(text)}</span></div>')
        else:
            body.append(
                f'<figure><img src="/pic.jpg" alt=""><figcaption>{e(text)}</figcaption></figure>'
            )
    body += [f"<p>{e(text)}</p>" for text in layout.after]
    rails = "".join(
        f'<section class="rail"><h2>{e(heading)}</h2><ul>'
        + "".join(_rail_item(t, chrome) for t in items)
        + "</ul></section>"
        for heading, items in layout.rails
    )
    foot = "".join(f"<p>{e(t)}</p>" for t in layout.foot)
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{e(story.headline)} | {e(chrome.site)}</title>"
        f'<meta property="og:title" content="{e(story.headline)}"></head><body>'
        f"<nav><ul>{nav}</ul></nav><main><article><header>{''.join(header)}</header>"
        f'<div class="article-body">{"".join(body)}</div></article>'
        f"<aside>{rails}</aside></main><footer>{foot}</footer>{cookie}</body></html>"
    )


def _rail_item(text: str, chrome: Chrome) -> str:
    if text in chrome.teasers:
        return f'<li><a href="/t">{html.escape(text)}</a></li>'
    return f"<li><span>{html.escape(text)}</span></li>"
