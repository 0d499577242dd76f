"""Build ``src/newsloom/sample/pages/wire-archive.warc.gz``, the sample corpus's WARC file.

The archive holds four pages from the website of the Meridian Press, the fictional wire agency of
the sample corpus (all text is fictional, written for newsloom), as HTTP response records, plus a
``warcinfo`` record and an ``image/png`` response that a reader must skip. Record ids and dates are
fixed, so the output is the same on every run and ``sample/answers.json`` can name each record by
its ``WARC-Record-ID``.

    python bench/make_sample_warc.py
"""

from __future__ import annotations

import html
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "newsloom"
    / "sample"
    / "pages"
    / "wire-archive.warc.gz"
)
SITE = "https://www.meridianpress.example"
WARCINFO_ID = "cae20321-23d2-4f47-b82d-d5fa3f003cd1"
LOGO_ID = "71c80a7a-5d75-4d01-82e3-549460859060"
MOST_POPULAR = (
    "Police search for gunman after 3 wounded outside Hollis Creek shopping center",
    "Tour bus overturns on icy pass near Cold Spring Summit; 9 passengers hurt",
    "Regional airline grounds turboprop fleet for wing inspections",
    "Lottery ticket worth $187 million sold at a gas station in Dunmore Falls",
    "Minor league team unveils mascot after fan vote draws 40,000 entries",
)


@dataclass(frozen=True)
class WirePage:
    """One Meridian Press article page as it sits on the agency's site."""

    record_id: str
    path: str
    fetched: str  # WARC-Date, UTC
    section: str
    title: str
    byline: tuple[str, ...]
    published: str  # ISO 8601 with the zone the site states
    updated: str | None
    dateline: str
    caption: str
    credit: str
    paragraphs: tuple[str, ...]


PAGES: tuple[WirePage, ...] = (
    WirePage(
        record_id="f92b161b-c432-460a-8f17-dae2988dcf4a",
        path="/article/michigan-plastics-plant-fire-evacuation-3f8a21c0",
        fetched="2025-03-04T22:06:41Z",
        section="U.S. News",
        title="Fire at Michigan plastics plant forces thousands from their homes",
        byline=("Dana Whitcombe",),
        published="2025-03-04T13:55:00-05:00",
        updated="2025-03-04T16:40:00-05:00",
        dateline="PORT CALLOWAY, Mich. (MP) — ",
        caption="Smoke rises over the Halden Polymer Works plant in Port Calloway, Mich., on "
        "Tuesday, March 4, 2025.",
        credit="(Jorge Almeda/Calloway County Sheriff’s Office via MP)",
        paragraphs=(
            "A fire tore through a plastics plant on the north side of Port Calloway early "
            "Tuesday, sending a column of black smoke over the city and forcing more than 3,000 "
            "residents from their homes, county officials said.",
            "The blaze started shortly before 6 a.m. in a storage building at Halden Polymer "
            "Works, a maker of plastic pellets and packaging film that sits along Route 9 near "
            "the Marrow River. Crews from six fire departments were still pouring water on "
            "smoldering drums of resin hours later.",
            "The 140 workers on the overnight shift all got out safely, plant manager Gordon "
            "Pryce said. Two firefighters were treated for heat exhaustion and released, "
            "according to Port Calloway Fire Chief Samuel Oduya.",
            "“We had flames coming through the roof when the first engine pulled up,” Oduya "
            "told reporters at the scene. “The wind was pushing everything east, right over the "
            "houses, and that’s what drove the decision to evacuate.”",
            "The Calloway County Office of Emergency Management ordered people in the Northgate "
            "and Riverside neighborhoods to leave and opened a shelter at Calloway High School. "
            "Residents farther away were told to stay indoors, close their windows and switch "
            "off furnace fans.",
            "State environmental regulators said air monitors placed around the site had not "
            "picked up dangerous levels of chemicals, but they urged people with asthma or other "
            "breathing problems to stay away. “Smoke from burning plastic is never good for you, "
            "even when the readings look normal,” said Dr. Helen Marsh, the county’s public "
            "health officer.",
            "Halden Polymer Works, which employs about 320 people in Port Calloway, said it was "
            "cooperating with investigators. “Our first concern is the safety of our employees "
            "and our neighbors,” the company said in a statement.",
            "The cause of the fire was not immediately known. Oduya said investigators from the "
            "state fire marshal’s office would begin examining the building once it was safe to "
            "enter, possibly by Thursday.",
            "It was the second fire at the plant since 2022, when a smaller blaze in a dust "
            "collector caused no injuries, according to county records.",
            "At the shelter, evacuees said they had left with little more than their phones and "
            "medications. “I saw the smoke from my kitchen window and started packing before "
            "anybody knocked,” said Marisol Petty, who lives on Birch Street, just south of the "
            "plant.",
            "County officials said the evacuation order would stay in place at least through "
            "Tuesday night.",
        ),
    ),
    WirePage(
        record_id="952c5e92-bcc2-4516-969b-43908983aa0e",
        path="/article/chile-earthquake-san-aurelio-deaths-b71e09d4",
        fetched="2025-03-06T15:12:09Z",
        section="World News",
        title="Earthquake in central Chile kills 42 and leaves towns without power",
        byline=("Lucía Fernández", "Owen Bright"),
        published="2025-03-06T08:30:00-05:00",
        updated=None,
        dateline="SAN AURELIO, Chile (MP) — ",
        caption="Residents walk past the collapsed bell tower of the church on the main square "
        "of San Aurelio, Chile, on Thursday, March 6, 2025.",
        credit="(Pablo Orrego/MP)",
        paragraphs=(
            "Rescue crews with dogs and heavy machinery searched collapsed homes in central "
            "Chile on Thursday after a strong earthquake killed 42 people and left towns across "
            "the region without electricity, officials said.",
            "The magnitude 6.4 quake struck at 3:12 p.m. Wednesday in the hills east of San "
            "Aurelio, a farming town of adobe houses and fruit-packing sheds, according to the "
            "national seismological service.",
            "Regional Gov. Ximena Carrasco said 12 people were still missing and more than 200 "
            "had been injured, many of them in San Aurelio’s old center, where the bell tower of "
            "the town church fell onto the main square.",
            "“We will not rest until we have searched every house that fell,” Carrasco said in "
            "a televised address Wednesday night, speaking in Spanish.",
            "Some 3,000 people spent the night in shelters set up in schools and gymnasiums, "
            "and many others slept in their cars or in tents in their yards as aftershocks "
            "rattled the area. The strongest, a magnitude 5.1, hit late Wednesday.",
            "The national power company said about 1.2 million customers lost electricity when "
            "the quake knocked out a substation near the regional capital. By Thursday morning, "
            "service had been restored to all but about 90,000.",
            "“The floor started rolling like a boat, and then the lights went out and all we "
            "could hear was glass breaking,” said Tomás Rivera, who runs a hardware store on the "
            "square.",
            "The army’s 3rd Mountain Brigade sent troops and field kitchens to San Aurelio, and "
            "the government declared a state of catastrophe in four municipalities, allowing the "
            "military to help with security and the delivery of aid.",
            "Chile lies where the Nazca plate slides beneath the South American plate and is "
            "among the most earthquake-prone countries in the world. Its building codes are "
            "considered some of the strictest anywhere, but many adobe homes in the countryside "
            "were built long before they took effect.",
            "“The new buildings held up. It was the old houses that came down,” said engineer "
            "Paula Ibáñez of the University of the Central Valley, who toured the town on "
            "Thursday.",
        ),
    ),
    WirePage(
        record_id="48901582-61aa-4fdf-ae18-9569ec690ed1",
        path="/article/philippines-ferry-capsizes-tamarag-5c2d88e1",
        fetched="2025-03-08T14:31:57Z",
        section="World News",
        title="Ferry capsizes in rough seas in central Philippines, killing at least 18",
        byline=("Carmela Reyes",),
        published="2025-03-08T07:45:00-05:00",
        updated="2025-03-08T09:10:00-05:00",
        dateline="TAMARAG, Philippines (MP) — ",
        caption="Coast guard personnel carry a survivor of the capsized ferry MV Lorna Grace at "
        "the port of Iloca, Philippines, on Saturday, March 8, 2025.",
        credit="(Philippine Coast Guard via MP)",
        paragraphs=(
            "A passenger ferry capsized in rough seas off the central Philippines early "
            "Saturday, killing at least 18 people, coast guard officials said. Dozens of others "
            "were pulled from the water by fishermen and rescue boats.",
            "The MV Lorna Grace was carrying at least 180 passengers and crew when it was struck "
            "by large waves less than an hour after leaving Tamarag Island for the port city of "
            "Iloca, said Lt. Cmdr. Ramon Ilagan, a coast guard spokesman.",
            "Ilagan said 152 people had been rescued and that the search would go on through "
            "the night for at least 10 people who were still unaccounted for.",
            "“The sea was very angry this morning. The captain should never have been allowed "
            "to sail,” said Jocelyn Abad, whose brother was among those rescued.",
            "The coast guard had issued a gale warning for the area on Friday afternoon, and "
            "Ilagan said investigators would look into whether the ferry had been cleared to "
            "leave port. The vessel’s operator, Bluewater Inter-Island Lines, did not "
            "immediately respond to requests for comment.",
            "Survivors were taken to a sports complex in Iloca, where social workers handed out "
            "dry clothes, rice and bottled water. Relatives crowded around lists of names taped "
            "to the walls.",
            "“Our first duty is to bring everyone home, the living and the dead,” provincial "
            "Gov. Arturo Velasco told reporters in Iloca. “After that, someone will have to "
            "explain why that boat left the harbor.”",
            "Sea accidents are common in the Philippine archipelago, where many islanders rely "
            "on ferries and small wooden boats to travel between islands. Overloading and lax "
            "enforcement of safety rules are often blamed.",
            "In December, a smaller boat overturned in the same waters, killing seven people.",
        ),
    ),
    WirePage(
        record_id="9dca00cd-2bb4-432a-ae9b-29bc50ead3c5",
        path="/article/vossberg-foods-brennick-plant-closure-jobs-e40a7f36",
        fetched="2025-03-11T16:48:20Z",
        section="Business",
        title="Vossberg Foods to close Michigan soup plant, cutting 600 jobs",
        byline=("Grant Holloway",),
        published="2025-03-11T10:20:00-04:00",
        updated="2025-03-11T12:05:00-04:00",
        dateline="BRENNICK, Mich. (MP) — ",
        caption="The Vossberg Foods plant on County Road 14 in Brennick, Mich., on Tuesday, "
        "March 11, 2025.",
        credit="(Nora Lindqvist/MP)",
        paragraphs=(
            "Vossberg Foods said Tuesday it will close its soup and broth plant in Brennick by "
            "the end of June, eliminating about 600 jobs in a village where the factory has been "
            "the largest employer since 1958.",
            "The company, based in Dayton, Ohio, said it would move production to newer plants "
            "in Ohio and Pennsylvania as part of a cost-cutting plan it announced in February. "
            "It expects the closure to save about $18 million a year.",
            "“This was a difficult decision, and it is not a reflection on the people in "
            "Brennick, who have done outstanding work for us for decades,” Chief Executive Laura "
            "Benning told analysts on a conference call.",
            "The Brennick plant turns out some 2.5 million cans of soup a week, according to the "
            "company’s website, but much of its equipment is decades old.",
            "Members of United Food Workers Local 88 learned of the closure at a shift meeting "
            "Tuesday morning. “Our members found out in a break room, with no warning, after "
            "giving this company their whole working lives,” Local 88 President Dale Minard said "
            "in a statement.",
            "Minard said the union would press Vossberg to extend health coverage for laid-off "
            "workers and to offer them jobs at its other plants.",
            "Village President Carol Wendt said the closure would take a deep bite out of "
            "Brennick’s tax base. The plant paid about $1.4 million in local property taxes last "
            "year, she said.",
            "“We’ve been through hard weeks before, but this one is going to test us,” she said.",
            "Vossberg’s shares rose 3% in morning trading in New York.",
            "The company employs about 9,000 people in North America and reported sales of "
            "$4.1 billion last year.",
        ),
    ),
)


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _clock(iso: str) -> str:
    """'2025-03-04T13:55:00-05:00' -> '1:55 PM EST, March 4, 2025' (US Eastern, as printed)."""
    moment = datetime.fromisoformat(iso)
    zone = "EST" if iso.endswith("-05:00") else "EDT"
    hour = moment.strftime("%I").lstrip("0")
    return f"{hour}:{moment:%M %p} {zone}, {moment:%B} {moment.day}, {moment.year}"


def render(page: WirePage) -> str:
    """The page's markup: site chrome around one article."""
    url = SITE + page.path
    byline = " and ".join(page.byline)
    paragraphs = [page.dateline + page.paragraphs[0], *page.paragraphs[1:]]
    body = "\n".join(f"      <p>{_esc(p)}</p>" for p in paragraphs)
    popular = "\n".join(
        f'        <li><a href="{SITE}/article/popular-{n}">{_esc(t)}</a></li>'
        for n, t in enumerate(MOST_POPULAR, 1)
    )
    updated = ""
    if page.updated:
        updated = f'\n    <meta property="article:modified_time" content="{page.updated}">'
        stamp = f'Updated <time datetime="{page.updated}">{_clock(page.updated)}</time>'
    else:
        stamp = f'<time datetime="{page.published}">{_clock(page.published)}</time>'
    return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{_esc(page.title)} | Meridian Press</title>
    <link rel="canonical" href="{url}">
    <meta property="og:type" content="article">
    <meta property="og:site_name" content="Meridian Press">
    <meta property="og:title" content="{html.escape(page.title)}">
    <meta property="og:url" content="{url}">
    <meta property="article:published_time" content="{page.published}">{updated}
    <meta property="article:section" content="{page.section}">
    <meta name="author" content="{html.escape(byline)}">
  </head>
  <body>
    <header class="mp-masthead">
      <a class="mp-logo" href="{SITE}/"><img src="{SITE}/img/mp-logo.png" alt="Meridian Press"></a>
      <nav aria-label="Sections">
        <a href="{SITE}/us">U.S.</a> <a href="{SITE}/world">World</a>
        <a href="{SITE}/business">Business</a> <a href="{SITE}/science">Science</a>
        <a href="{SITE}/photos">Photos</a> <a href="{SITE}/video">Video</a>
      </nav>
      <a class="mp-signin" href="{SITE}/account">Sign in</a>
    </header>
    <main>
      <article class="mp-story">
      <div class="mp-section">{_esc(page.section)}</div>
      <h1>{_esc(page.title)}</h1>
      <div class="mp-byline">By {_esc(byline)}</div>
      <div class="mp-timestamp">{stamp}</div>
      <figure>
        <img src="{SITE}/photos{page.path}.jpg" alt="">
        <figcaption>{_esc(page.caption)} <span class="credit">{_esc(page.credit)}</span>
        </figcaption>
      </figure>
{body}
      <p class="mp-copyright">Copyright 2025 The Meridian Press. All rights reserved.</p>
      </article>
      <aside class="mp-popular">
        <h2>Most Popular</h2>
        <ol>
{popular}
        </ol>
      </aside>
    </main>
    <footer>
      <a href="{SITE}/about">About</a> · <a href="{SITE}/contact">Contact</a> ·
      <a href="{SITE}/terms">Terms of Use</a> · <a href="{SITE}/privacy">Privacy Policy</a>
      <p>© 2025 The Meridian Press</p>
    </footer>
  </body>
</html>
"""


def _png() -> bytes:
    """A valid 1x1 grey PNG: the non-HTML record a reader must skip."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _http_date(warc_date: str) -> str:
    moment = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


def _response(
    writer: WARCWriter, uri: str, record_id: str, fetched: str, content_type: str, payload: bytes
) -> None:
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Date", _http_date(fetched)),
            ("Server", "nginx"),
            ("Content-Type", content_type),
            ("Content-Length", str(len(payload))),
        ],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(payload),
        length=len(payload),
        http_headers=http_headers,
        warc_headers_dict={
            "WARC-Record-ID": f"<urn:uuid:{record_id}>",
            "WARC-Date": fetched,
        },
    )
    writer.write_record(record)


def build(out: Path = OUT) -> Path:
    """Write the WARC file and return its path."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = (
            b"software: newsloom bench/make_sample_warc.py\r\n"
            b"description: fictional sample pages written for newsloom\r\n"
            b"format: WARC File Format 1.0\r\n"
        )
        warcinfo = writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": f"<urn:uuid:{WARCINFO_ID}>",
                "WARC-Date": PAGES[0].fetched,
                "WARC-Filename": out.name,
            },
        )
        writer.write_record(warcinfo)
        for n, page in enumerate(PAGES):
            _response(
                writer,
                SITE + page.path,
                page.record_id,
                page.fetched,
                "text/html; charset=utf-8",
                render(page).encode("utf-8"),
            )
            if n == 0:
                _response(
                    writer, f"{SITE}/img/mp-logo.png", LOGO_ID, page.fetched, "image/png", _png()
                )
    return out


if __name__ == "__main__":
    print(build())
