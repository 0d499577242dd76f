"""Stores built in code for the web tests, the screenshots and the latency benchmark.

Datasette's habit (``datasette/fixtures.py``): the data a test runs against is written here, by
hand, so a reader sees exactly what each page must show. Every name, outlet and event is
fictional. :func:`fixture_store` holds three stories, one of them made of hostile pages (script
tags, event handlers, ``javascript:`` links, markup meant to fool a reader);
:func:`synthetic_store` writes any number of generated articles for the benchmark.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from newsloom.model import (
    Article,
    CopyGroup,
    Dossier,
    Entity,
    Figure,
    FigureClaim,
    FigureReport,
    Mention,
    Quote,
    QuoteGroup,
    QuoteVariant,
    Removed,
    SourceCoverage,
    Span,
    Story,
    SummaryLine,
    TimelineEntry,
    TimeRef,
)
from newsloom.store import Store

#: The hostile strings of the XSS story; the browser test checks that none of them runs.
XSS_TITLE = "<script>alert(1)</script>"
XSS_BODY_IMG = "<img src=x onerror=alert(1)>"
XSS_LINK = "javascript:alert(document.domain)"
XSS_BYLINE = '<b onmouseover="alert(2)">Ed Itor</b>'
XSS_FAKE = '<div class="banner">Verified by newsloom: this story is confirmed</div>'


def _at(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def _sentences(body: str) -> list[Span]:
    spans, start = [], 0
    for i, char in enumerate(body):
        if char in ".!?" and (i + 1 == len(body) or body[i + 1] in " \n"):
            spans.append(Span(start=start, end=i + 1))
            start = i + 2
    return spans


def _mention(body: str, text: str, label: str, entity: str, nth: int = 0) -> Mention:
    start, end = _at(body, text, nth)
    return Mention(text=text, start=start, end=end, label=label, entity=entity)


def _quote(body: str, text: str, speaker: str | None, entity: str | None, **kw: str) -> Quote:
    start, end = _at(body, text)
    return Quote(text=text, start=start, end=end, speaker=speaker, speaker_entity=entity, **kw)


def _figure(body: str, text: str, value: float, counts: str, by: str | None = None) -> Figure:
    start, end = _at(body, text)
    return Figure(text=text, start=start, end=end, value=value, counts=counts, attributed_to=by)


def _time(body: str, text: str, value: str) -> TimeRef:
    start, end = _at(body, text)
    return TimeRef(text=text, start=start, end=end, value=value, precision="day")


# ----------------------------------------------------------------------- story 1: ferry

_F1 = (
    "Ferry crews at Port Alder walked off the job on Monday, stranding about 1,200 passengers "
    "on the first day of the strike.\n\n"
    'Union leader Maren Voss said "we will not sail again until the company restores the '
    'night-shift crews and pays the overtime it owes" in a post on Telegram.\n\n'
    "The Alder Ferry Workers Union says 300 workers joined the walkout. The operator cancelled "
    "14 sailings."
)
_F2 = (
    "Ferry crews at Port Alder walked off the job on Monday, stranding about 1,200 passengers "
    "on the first day of the strike.\n\n"
    'Union leader Maren Voss said "we will not sail again until the company restores the '
    'night-shift crews" in a post on Telegram.\n\n'
    "The Alder Ferry Workers Union says 300 workers joined the walkout."
)
_F3 = (
    "Some 350 workers at the Port Alder ferry terminal stopped work on Monday, according to "
    "harbour officials, and about 1,200 passengers were left waiting.\n\n"
    "Maren Voß, who leads the AFWU, told reporters: \"We won't sail again until the company "
    'brings back the night-shift crews."\n\n'
    "Talks are set for Thursday at the harbour office."
)
_F4 = (
    "The strike at Port Alder entered its second day on Tuesday. Union chief M. Voss said "
    '"the company knows what it owes" and refused to set a date for a return.\n\n'
    "Harbour officials said talks would open on Thursday."
)


def _ferry_articles() -> list[Article]:
    a1 = Article(
        id="ferry-meridian",
        input="fixtures/ferry-meridian.html",
        digest="f1",
        url="https://meridian.example/ferry-strike",
        source="Meridian Press",
        agency="Meridian Press",
        title="Ferry crews strike at Port Alder, stranding 1,200",
        byline=["Ilse Marlow"],
        dateline="PORT ALDER",
        published="2025-03-03T07:40",
        body=_F1,
        removed=[
            Removed(text="Most read: Ten gardens to visit this spring", reason="teaser-rail"),
            Removed(text="Advertisement", reason="ad-marker"),
        ],
        captions=["Passengers wait at the Port Alder terminal."],
        sentences=_sentences(_F1),
        entities=[
            _mention(_F1, "Port Alder", "GPE", "E1"),
            _mention(_F1, "Maren Voss", "PERSON", "E2"),
            _mention(_F1, "Alder Ferry Workers Union", "ORG", "E3"),
        ],
        quotes=[
            _quote(
                _F1,
                "we will not sail again until the company restores the night-shift crews and "
                "pays the overtime it owes",
                "Maren Voss",
                "E2",
                cue="said",
                channel="a post on Telegram",
            )
        ],
        figures=[
            _figure(_F1, "about 1,200 passengers", 1200, "passengers"),
            _figure(_F1, "300 workers", 300, "workers", "Alder Ferry Workers Union"),
            _figure(_F1, "14 sailings", 14, "sailings cancelled"),
        ],
        times=[_time(_F1, "Monday", "2025-03-03")],
    )
    a2 = Article(
        id="ferry-gazette",
        input="fixtures/ferry-gazette.html",
        digest="f2",
        url="https://gazette.example/news/ferry",
        source="Dunmore Gazette",
        agency="Meridian Press",
        title="Port Alder ferry strike strands passengers",
        published="2025-03-03T10:05",
        body=_F2,
        sentences=_sentences(_F2),
        entities=[
            _mention(_F2, "Port Alder", "GPE", "E1"),
            _mention(_F2, "Maren Voss", "PERSON", "E2"),
            _mention(_F2, "Alder Ferry Workers Union", "ORG", "E3"),
        ],
        quotes=[
            _quote(
                _F2,
                "we will not sail again until the company restores the night-shift crews",
                "Maren Voss",
                "E2",
                cue="said",
                channel="a post on Telegram",
            )
        ],
        figures=[
            _figure(_F2, "about 1,200 passengers", 1200, "passengers"),
            _figure(_F2, "300 workers", 300, "workers", "Alder Ferry Workers Union"),
        ],
        times=[_time(_F2, "Monday", "2025-03-03")],
    )
    a3 = Article(
        id="ferry-valley",
        input="fixtures/ferry-valley.html",
        digest="f3",
        url="https://valleytimes.example/2025/03/03/ferry",
        source="Valley Times",
        title="Hundreds walk out at ferry terminal",
        byline=["Tomas Ravel", "Anke Dorn"],
        published="2025-03-03T12:30",
        body=_F3,
        sentences=_sentences(_F3),
        entities=[
            _mention(_F3, "Port Alder", "GPE", "E1"),
            _mention(_F3, "Maren Voß", "PERSON", "E2"),
            _mention(_F3, "AFWU", "ORG", "E3"),
        ],
        quotes=[
            _quote(
                _F3,
                "We won't sail again until the company brings back the night-shift crews.",
                "Maren Voß",
                "E2",
                cue="told reporters",
            )
        ],
        figures=[
            _figure(_F3, "Some 350 workers", 350, "workers", "harbour officials"),
            _figure(_F3, "about 1,200 passengers", 1200, "passengers"),
        ],
        times=[_time(_F3, "Monday", "2025-03-03"), _time(_F3, "Thursday", "2025-03-06")],
    )
    a4 = Article(
        id="ferry-harbor",
        input="fixtures/ferry-harbor.html",
        digest="f4",
        source="Harbor Wire",
        title="Port Alder strike enters second day",
        published="2025-03-04T08:15",
        body=_F4,
        sentences=_sentences(_F4),
        entities=[
            _mention(_F4, "Port Alder", "GPE", "E1"),
            _mention(_F4, "M. Voss", "PERSON", "E2"),
        ],
        quotes=[
            _quote(_F4, "the company knows what it owes", "M. Voss", "E2", cue="said"),
            # Reported speech: the officials' point in the writer's words, not a quote.
            _quote(
                _F4, "talks would open on Thursday", "Harbour officials", None, cue="said"
            ).model_copy(update={"direct": False}),
        ],
        times=[_time(_F4, "Tuesday", "2025-03-04"), _time(_F4, "Thursday", "2025-03-06")],
    )
    return [a1, a2, a3, a4]


def _ferry_story(articles: list[Article]) -> tuple[Story, Dossier]:
    ids = [a.id for a in articles]
    story = Story(
        id="S1",
        title="Ferry crews strike at Port Alder, stranding 1,200",
        articles=ids,
        copy_groups=[
            CopyGroup(id="C1", articles=ids[:2], earliest=ids[0], similarity=0.93),
        ],
        first_published="2025-03-03T07:40",
        last_published="2025-03-04T08:15",
    )
    a1, a2, a3, a4 = articles
    quote = [q for a in articles for q in a.quotes]
    dossier = Dossier(
        story="S1",
        sources=[
            SourceCoverage(
                name="Meridian Press",
                articles=[a1.id],
                first=True,
                first_published=a1.published,
                headline=a1.title,
                words=len(a1.body.split()),
            ),
            SourceCoverage(
                name="Dunmore Gazette",
                articles=[a2.id],
                first_published=a2.published,
                independent=False,
                headline=a2.title,
                words=len(a2.body.split()),
            ),
            SourceCoverage(
                name="Valley Times",
                articles=[a3.id],
                first_published=a3.published,
                headline=a3.title,
                words=len(a3.body.split()),
            ),
            SourceCoverage(
                name="Harbor Wire",
                articles=[a4.id],
                first_published=a4.published,
                headline=a4.title,
                words=len(a4.body.split()),
            ),
        ],
        entities=[
            Entity(
                id="E1",
                name="Port Alder",
                type="GPE",
                aliases=["Port Alder"],
                articles=ids,
                mentions=4,
            ),
            Entity(
                id="E2",
                name="Maren Voss",
                type="PERSON",
                aliases=["M. Voss", "Maren Voss", "Maren Voß"],
                articles=ids,
                mentions=4,
            ),
            Entity(
                id="E3",
                name="Alder Ferry Workers Union",
                type="ORG",
                aliases=["AFWU", "Alder Ferry Workers Union"],
                articles=ids[:3],
                mentions=3,
            ),
        ],
        quotes=[
            QuoteGroup(
                speaker="Maren Voss",
                speaker_entity="E2",
                variants=[
                    QuoteVariant(article=a.id, text=q.text, start=q.start, end=q.end)
                    for a, q in zip(articles[:3], quote[:3], strict=True)
                ],
            ),
            QuoteGroup(
                speaker="Maren Voss",
                speaker_entity="E2",
                variants=[
                    QuoteVariant(
                        article=a4.id, text=quote[3].text, start=quote[3].start, end=quote[3].end
                    )
                ],
            ),
        ],
        figures=[
            FigureClaim(
                value=1200,
                counts="passengers stranded",
                status="corroborated",
                reports=[
                    FigureReport(article=a.id, text="about 1,200 passengers") for a in (a1, a2, a3)
                ],
            ),
            FigureClaim(
                value=300,
                counts="workers on strike",
                status="differs",
                reports=[
                    FigureReport(
                        article=a1.id, text="300 workers", attributed_to="Alder Ferry Workers Union"
                    ),
                    FigureReport(
                        article=a2.id, text="300 workers", attributed_to="Alder Ferry Workers Union"
                    ),
                    FigureReport(
                        article=a3.id, text="Some 350 workers", attributed_to="harbour officials"
                    ),
                ],
            ),
            FigureClaim(
                value=14,
                counts="sailings cancelled",
                status="single-source",
                reports=[FigureReport(article=a1.id, text="14 sailings")],
            ),
        ],
        timeline=[
            TimelineEntry(
                date="2025-03-03",
                text="Ferry crews at Port Alder walked off the job on Monday.",
                articles=[a1.id, a2.id, a3.id],
                first_reported=a1.published,
            ),
            TimelineEntry(
                date="2025-03-04",
                text="The strike at Port Alder entered its second day on Tuesday.",
                articles=[a4.id],
                first_reported=a4.published,
            ),
            TimelineEntry(
                date="2025-03-06",
                text="Talks between the union and the operator open at the harbour office.",
                articles=[a3.id, a4.id],
                first_reported=a3.published,
            ),
        ],
        summary=[
            SummaryLine(
                text="Ferry crews at Port Alder walked off the job on Monday, stranding about "
                "1,200 passengers on the first day of the strike.",
                articles=[a1.id, a2.id],
            ),
            SummaryLine(
                text="Some 350 workers stopped work, according to harbour officials.",
                articles=[a3.id],
            ),
            SummaryLine(text="The strike entered its second day on Tuesday.", articles=[a4.id]),
        ],
    )
    return story, dossier


# ---------------------------------------------------------------------- story 2: mill fire

_M1 = (
    "A fire at the Kessel textile mill killed four workers late on Friday, the county fire "
    "service said. Chief officer Dana Holm said the blaze started in a dye store."
)
_M2 = (
    "Four people died when fire swept through the Kessel mill on Friday night. Dana Holm of "
    "the county fire service said crews fought the flames for six hours."
)


def _mill() -> tuple[list[Article], Story, Dossier]:
    a1 = Article(
        id="mill-courier",
        input="fixtures/mill-courier.html",
        digest="m1",
        source="Kessel Courier",
        title="Four killed in Kessel mill fire",
        published="2025-02-28T23:10",
        body=_M1,
        sentences=_sentences(_M1),
        entities=[
            _mention(_M1, "Kessel", "GPE", "E1"),
            _mention(_M1, "Dana Holm", "PERSON", "E2"),
        ],
        figures=[_figure(_M1, "four workers", 4, "deaths", "county fire service")],
        times=[_time(_M1, "late on Friday", "2025-02-28")],
    )
    a2 = Article(
        id="mill-valley",
        input="fixtures/mill-valley.html",
        digest="m2",
        source="Valley Times",
        title="Mill blaze kills four",
        published="2025-03-01T06:00",
        body=_M2,
        sentences=_sentences(_M2),
        entities=[
            _mention(_M2, "Kessel", "GPE", "E1"),
            _mention(_M2, "Dana Holm", "PERSON", "E2"),
        ],
        figures=[_figure(_M2, "Four people", 4, "deaths")],
        times=[_time(_M2, "Friday night", "2025-02-28")],
    )
    story = Story(
        id="S2",
        title="Four killed in Kessel mill fire",
        articles=[a1.id, a2.id],
        first_published=a1.published,
        last_published=a2.published,
    )
    dossier = Dossier(
        story="S2",
        sources=[
            SourceCoverage(
                name="Kessel Courier",
                articles=[a1.id],
                first=True,
                first_published=a1.published,
                headline=a1.title,
            ),
            SourceCoverage(
                name="Valley Times",
                articles=[a2.id],
                first_published=a2.published,
                headline=a2.title,
            ),
        ],
        entities=[
            Entity(
                id="E1",
                name="Kessel",
                type="GPE",
                aliases=["Kessel"],
                articles=[a1.id, a2.id],
                mentions=2,
            ),
            Entity(
                id="E2",
                name="Dana Holm",
                type="PERSON",
                aliases=["Dana Holm"],
                articles=[a1.id, a2.id],
                mentions=2,
            ),
        ],
        figures=[
            FigureClaim(
                value=4,
                counts="deaths",
                status="corroborated",
                reports=[
                    FigureReport(
                        article=a1.id, text="four workers", attributed_to="county fire service"
                    ),
                    FigureReport(article=a2.id, text="Four people"),
                ],
            )
        ],
        summary=[SummaryLine(text=_M1.split(". ")[0] + ".", articles=[a1.id])],
    )
    return [a1, a2], story, dossier


# ------------------------------------------------------------------ story 3: hostile pages

_X1 = (
    f"Officials denied the report. {XSS_BODY_IMG} The statement read in full.\n\n"
    f'Read more at {XSS_LINK} or <a href="javascript:alert(3)">click here</a>.\n\n'
    f"{XSS_FAKE}\n\n"
    '<iframe src="https://tracker.example/pixel"></iframe> <style>body{display:none}</style> '
    '<link rel="stylesheet" href="https://cdn.example/evil.css"> Mayor <svg onload=alert(4)> said '
    '"</blockquote><script>alert(5)</script>" on Sunday.'
)


def _hostile() -> tuple[list[Article], Story, Dossier]:
    evil_name = "<img src=x onerror=alert(6)>"
    a1 = Article(
        id="xss-1",
        input="fixtures/<xss>.html",
        digest="x1",
        url=XSS_LINK,
        source="<svg onload=alert(7)>Outlet",
        title=XSS_TITLE,
        byline=[XSS_BYLINE],
        dateline="<marquee>NOWHERE</marquee>",
        published="2025-03-02T09:00",
        body=_X1,
        removed=[
            Removed(
                text='<iframe src="https://tracker.example/frame"></iframe>', reason="<b>ad</b>"
            ),
            Removed(text="<script src=https://cdn.example/x.js></script>", reason="script"),
        ],
        captions=['<img src="https://tracker.example/caption.png">'],
        sentences=_sentences(_X1),
        entities=[_mention(_X1, "<svg onload=alert(4)>", "PERSON", "E1")],
        quotes=[_quote(_X1, "</blockquote><script>alert(5)</script>", evil_name, "E1", cue="said")],
        figures=[_figure(_X1, XSS_BODY_IMG, 1, "<style>*{display:none}</style>")],
        times=[_time(_X1, "Sunday", "2025-03-02")],
    )
    a2 = Article(
        id="xss-2",
        input="fixtures/xss-2.html",
        digest="x2",
        url="https://calm.example/ok",
        source="Plain Outlet",
        title="A calm report on the same event",
        published="2025-03-02T11:00",
        body="Officials denied the report on Sunday.",
        sentences=[Span(start=0, end=38)],
    )
    story = Story(
        id="S3",
        title=XSS_TITLE,
        articles=[a1.id, a2.id],
        first_published=a1.published,
        last_published=a2.published,
    )
    dossier = Dossier(
        story="S3",
        sources=[
            SourceCoverage(
                name=str(a1.source),
                articles=[a1.id],
                first=True,
                first_published=a1.published,
                headline=XSS_TITLE,
            ),
            SourceCoverage(
                name="Plain Outlet",
                articles=[a2.id],
                first_published=a2.published,
                headline=a2.title,
            ),
        ],
        entities=[
            Entity(
                id="E1",
                name=evil_name,
                type="<b>PERSON</b>",
                aliases=[evil_name, XSS_LINK],
                articles=[a1.id],
                mentions=1,
            )
        ],
        quotes=[
            QuoteGroup(
                speaker=evil_name,
                speaker_entity="E1",
                variants=[
                    QuoteVariant(
                        article=a1.id,
                        text=a1.quotes[0].text,
                        start=a1.quotes[0].start,
                        end=a1.quotes[0].end,
                    )
                ],
            )
        ],
        figures=[
            FigureClaim(
                value=1,
                counts="<style>*{display:none}</style>",
                reports=[FigureReport(article=a1.id, text=XSS_BODY_IMG, attributed_to=XSS_BYLINE)],
            )
        ],
        timeline=[TimelineEntry(date="2025-03-02", text=XSS_FAKE, articles=[a1.id])],
        summary=[SummaryLine(text=f"{XSS_TITLE} {XSS_BODY_IMG}", articles=[a1.id, a2.id])],
    )
    return [a1, a2], story, dossier


def fixture_store(path: Path) -> Path:
    """Write the three fixture stories (ferry strike, mill fire, hostile pages) to ``path``."""
    ferry = _ferry_articles()
    s1, d1 = _ferry_story(ferry)
    mill, s2, d2 = _mill()
    hostile, s3, d3 = _hostile()
    with Store(path) as store:
        store.write_batch([*ferry, *mill, *hostile], [])
        store.replace_stories([s1, s2, s3], {"S1": d1, "S2": d2, "S3": d3})
    return path


# ------------------------------------------------------------------------- benchmark data

_OUTLETS = [f"Outlet {c}{n}" for c in "ABCDEFGHIJKLMNOPQRST" for n in range(1, 11)]
_PLACES = [
    f"{p}{s}"
    for p in ("Port ", "Lake ", "Fort ", "North ", "East ")
    for s in (
        "Alder",
        "Birch",
        "Cedar",
        "Dunmore",
        "Elm",
        "Fenwick",
        "Garnet",
        "Holloway",
        "Ivel",
        "Juniper",
        "Kessel",
        "Larch",
        "Marlow",
        "Norwood",
        "Oakley",
        "Pell",
        "Quarry",
        "Rowan",
        "Selby",
        "Thorne",
    )
]
_EVENTS = [
    "strike",
    "fire",
    "flood",
    "election",
    "trial",
    "protest",
    "merger",
    "storm",
    "outage",
    "audit",
]
_WORDS = (
    "council harbour workers officials police court company residents report statement talks "
    "agreement plan budget bridge road school hospital market river station crews union mayor "
    "minister committee inquiry weather evening morning week month spokesperson"
).split()


def synthetic_store(path: Path, n_articles: int, per_story: int = 5, seed: int = 7) -> Path:
    """A store of ``n_articles`` generated articles in stories of about ``per_story``.

    Written straight with ``write_batch`` and ``replace_stories`` (no spaCy): the shape of a
    real store (bodies of ~150 words, entities, figures, timeline, summary), fictional text.
    """
    rng = random.Random(seed)
    with Store(path) as store:
        stories: list[Story] = []
        dossiers: dict[str, Dossier] = {}
        batch: list[Article] = []
        for story, dossier, articles in _synthetic_stories(rng, n_articles, per_story):
            stories.append(story)
            dossiers[story.id] = dossier
            batch += articles
            if len(batch) >= 2000:
                store.write_batch(batch, [])
                batch = []
        store.write_batch(batch, [])
        store.replace_stories(stories, dossiers)
    return path


def _synthetic_stories(
    rng: random.Random, n_articles: int, per_story: int
) -> Iterator[tuple[Story, Dossier, list[Article]]]:
    made, n = 0, 0
    while made < n_articles:
        n += 1
        size = min(n_articles - made, max(1, int(rng.expovariate(1 / per_story))))
        made += size
        yield _synthetic_story(rng, n, size)


def _synthetic_story(rng: random.Random, n: int, size: int) -> tuple[Story, Dossier, list[Article]]:
    place, event = rng.choice(_PLACES), rng.choice(_EVENTS)
    day = 1 + n % 28
    month = 1 + (n // 28) % 12
    title = f"{event.capitalize()} in {place} ({n})"
    first = rng.choice(["Ana", "Ben", "Cleo", "Dev", "Eli"])
    person = f"{first} {rng.choice(['Holm', 'Voss', 'Ravel', 'Dorn'])}"
    articles = []
    for i in range(size):
        outlet = rng.choice(_OUTLETS)
        filler = " ".join(rng.choice(_WORDS) for _ in range(140))
        body = (
            f"The {event} in {place} left {10 + n % 90} people affected on Monday, {person} said. "
            f"{filler}."
        )
        articles.append(
            Article(
                id=f"syn-{n}-{i}",
                input=f"synthetic/{n}/{i}.html",
                digest=f"d{n}-{i}",
                source=outlet,
                title=f"{title}: report {i + 1}",
                published=f"2024-{month:02d}-{day:02d}T{8 + i % 12:02d}:{(7 * i) % 60:02d}",
                body=body,
                entities=[
                    _mention(body, place, "GPE", "E1"),
                    _mention(body, person, "PERSON", "E2"),
                ],
            )
        )
    ids = [a.id for a in articles]
    story = Story(
        id=f"S{n:06d}",
        title=title,
        articles=ids,
        first_published=articles[0].published,
        last_published=articles[-1].published,
    )
    dossier = Dossier(
        story=story.id,
        sources=_synthetic_sources(articles),
        entities=[
            Entity(id="E1", name=place, type="GPE", aliases=[place], articles=ids, mentions=size),
            Entity(
                id="E2", name=person, type="PERSON", aliases=[person], articles=ids, mentions=size
            ),
        ],
        figures=[
            FigureClaim(
                value=10 + n % 90,
                counts="people affected",
                status="corroborated" if size > 1 else "single-source",
                reports=[FigureReport(article=a, text=f"{10 + n % 90} people") for a in ids],
            )
        ],
        timeline=[
            TimelineEntry(
                date=f"2024-{month:02d}-{day:02d}", text=f"The {event} in {place}.", articles=ids
            )
        ],
        summary=[SummaryLine(text=f"The {event} in {place} left people affected.", articles=ids)],
    )
    return story, dossier, articles


def _synthetic_sources(articles: list[Article]) -> list[SourceCoverage]:
    by_outlet: dict[str, list[Article]] = {}
    for article in articles:
        by_outlet.setdefault(str(article.source), []).append(article)
    return [
        SourceCoverage(
            name=name,
            articles=[a.id for a in items],
            first_published=items[0].published,
            headline=items[0].title,
            words=len(items[0].body.split()),
        )
        for name, items in by_outlet.items()
    ]
