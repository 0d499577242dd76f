"""Outlet identity: a page's brand from its own evidence, one name per site, the user's rules.

Pages and names are written for these tests; outlets are fictional or are the shapes the issue
lists (a parent company, a legal suffix, a domain, a tagline).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.utils import load_html

from newsloom.clean import clean
from newsloom.clean.outlet import Kind, Vote, pick
from newsloom.clean.outlet_html import html_votes, title_votes, visible_lines
from newsloom.clean.outlet_names import (
    Match,
    clean_name,
    edition_trimmed,
    host_match,
    is_parent,
    is_tagline,
    parse_host,
    spells,
)
from newsloom.clean.outlet_page import capture_votes, page_outlet
from newsloom.clean.outlet_sites import settle_outlets, site_name
from newsloom.clean.outlet_text import (
    company_trimmed,
    credit_votes,
    email_domains,
    family_form,
    host_votes,
    main_domain,
    masthead_votes,
    notice_votes,
    owned_brands,
    registrable,
    shown_form,
    text_votes,
)
from newsloom.config import ConfigError, OutletNames, config_path, load_outlet_names
from newsloom.model import Article, Page, Removed

# ----------------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("raw", "text", "legal"),
    [
        ("https://www.harborgazette.example/", "harborgazette.example", False),
        ("Cable News Network LP", "Cable News Network", True),
        ("NYP Holdings, Inc.", "NYP Holdings", True),
        ("Copyright India Post Media Pvt", "India Post Media", True),
        ("The Anti-Fog Almanac 2011-2019", "The Anti-Fog Almanac", False),
        ("特許業務法人ライトハウス国際特許事務所", "ライトハウス国際特許事務所", True),
        ("City A.M.", "City A.M.", False),
        ("Wccftech ©", "Wccftech", False),
    ],
)
def test_clean_name(raw: str, text: str, legal: bool) -> None:
    name = clean_name(raw)
    assert name is not None
    assert (name.text, name.legal) == (text, legal)


@pytest.mark.parametrize("raw", ["@harborgazette", "Hosted", "U.S.", "2019", "", "Logo"])
def test_what_is_no_name(raw: str) -> None:
    assert clean_name(raw) is None


def test_host_labels_and_keys() -> None:
    sky = parse_host("news.sky.example")
    assert sky is not None and sky.label == "sky" and "skynews" in sky.keys
    uk = parse_host("www.harbor.co.uk")
    assert uk is not None and uk.label == "harbor"
    br = parse_host("jornal.com.br")
    assert br is not None and br.label == "jornal"
    assert parse_host("10.0.0.1") is None and parse_host(None) is None
    local = parse_host("localhost")
    assert local is not None and local.keys == ("localhost",)


@pytest.mark.parametrize(
    ("name", "key", "match"),
    [
        ("CBS Sports", "cbssports", Match.EXACT),  # its letters
        ("The Wall Street Journal", "wsj", Match.EXACT),  # initials
        ("The New York Times", "nytimes", Match.EXACT),  # initials, then a whole word
        ("Smithsonian Magazine", "smithsonianmag", Match.EXACT),  # the last word's start
        ("Physics", "phys", Match.NONE),  # a single word must be whole
        ("Fox News Shop", "foxnews", Match.PARTIAL),  # the label and more; "new"+"s" is no spelling
        ("Practical Horseman", "practicalhorsemanmag", Match.PARTIAL),  # the label's start
        ("The Spokesman-Review", "spokesman", Match.PARTIAL),  # the label, then more
        ("Harbor Gazette", "wsj", Match.NONE),
    ],
)
def test_spells(name: str, key: str, match: Match) -> None:
    assert spells(name, key) is match


def test_subdomain_alone_matches_only_partly() -> None:
    assert host_match("Detroit", parse_host("detroit.tvlocal.example")) is Match.PARTIAL
    assert host_match("TV Local", parse_host("detroit.tvlocal.example")) is Match.EXACT


def test_edition_and_company_words_trimmed_when_the_rest_is_the_host() -> None:
    bi = parse_host("businessinsider.example")
    assert edition_trimmed("Business Insider Deutschland", bi) == "Business Insider"
    assert edition_trimmed("Healthline Media", parse_host("healthline.example")) == "Healthline"
    assert edition_trimmed("Vox Media", parse_host("theverge.example")) is None  # not its host
    assert edition_trimmed("Twin Cities Pioneer Press", parse_host("twincities.example")) is None
    assert edition_trimmed("Business Insider Deutschland", None) is None


@pytest.mark.parametrize(
    ("text", "tagline"),
    [
        ("Nigeria's popular news platform", True),
        ("Expert how-to for English Riders", True),
        ("Kabar tentang Dunia Islam", False),
        ("Prefeitura de Jaraguá do Sul", False),
        ("pv magazine International", False),
    ],
)
def test_tagline(text: str, tagline: bool) -> None:
    assert is_tagline(text) is tagline


# ------------------------------------------------------------------------------------ pick


def _pick(host: str | None, *votes: tuple[str, Kind]) -> str | None:
    found = pick([Vote(name, kind) for name, kind in votes], host)
    return found.name if found else None


def test_spelled_out_name_shown_for_its_acronym() -> None:
    name = _pick(
        "wsj.example",
        ("WSJ", Kind.SITE_NAME),
        ("WSJ", Kind.TITLE),
        ("Wall Street Journal", Kind.PUBLISHER),
        ("The Wall Street Journal", Kind.MASTHEAD),
        ("Dow Jones & Company, Inc.", Kind.COPYRIGHT),
    )
    assert name == "The Wall Street Journal"


def test_brand_before_parent_company_and_legal_name() -> None:
    assert (
        _pick("nypost.example", ("New York Post", Kind.SITE_NAME), ("NYP Holdings", Kind.COPYRIGHT))
        == "New York Post"
    )
    name = _pick(
        "cnn.example",
        ("CNN", Kind.SITE_NAME),
        ("Cable News Network LP", Kind.COPYRIGHT),
        ("CNN", Kind.MENTION),
    )
    assert name == "CNN"


def test_spaced_spelling_of_a_joined_name() -> None:
    name = _pick(
        "thehill.example",
        ("TheHill", Kind.SITE_NAME),
        ("TheHill", Kind.TITLE),
        ("The Hill", Kind.PUBLISHER),
    )
    assert name == "The Hill"
    # a spacing only mentioned still shows a declared domain's brand: "CBS Sports"
    name = _pick(
        "cbssports.example", ("CBSSports.com", Kind.SITE_NAME), ("CBS Sports", Kind.MENTION)
    )
    assert name == "CBS Sports"


def test_section_and_tagline_are_not_the_outlet() -> None:
    assert _pick("reuters.example", ("U.S.", Kind.SITE_NAME), ("Reuters", Kind.TITLE)) == "Reuters"
    name = _pick(
        "linknaija.example", ("LinkNaija | Nigeria's popular news platform", Kind.SITE_NAME)
    )
    assert name == "LinkNaija"


def test_wire_agency_is_never_a_member_papers_outlet() -> None:
    name = _pick(
        "ctpost.example",
        ("Connecticut Post", Kind.SITE_NAME),
        ("Associated Press", Kind.PUBLISHER),
        ("The Associated Press", Kind.COPYRIGHT),
        ("The Associated Press", Kind.COPYRIGHT),
    )
    assert name == "Connecticut Post"
    assert _pick("harbor.example", ("Associated Press", Kind.PUBLISHER)) is None


def test_agency_on_its_own_site_is_its_outlet() -> None:
    assert _pick("reuters.example", ("Reuters", Kind.MENTION), ("Reuters", Kind.COPYRIGHT)) == (
        "Reuters"
    )


def test_agency_linking_to_its_own_pages_is_the_outlet_without_a_host() -> None:
    assert _pick(None, ("CNN", Kind.SELF)) == "CNN"  # "Work for CNN" on a page without a URL
    assert _pick(None, ("CNN", Kind.COPYRIGHT), ("CNN", Kind.MENTION)) is None  # a credit


def test_declared_domain_before_a_mentioned_city_of_the_same_name() -> None:
    name = _pick(
        "cleveland.example",
        ("cleveland", Kind.SITE_NAME),  # a bare label
        ("cleveland.example", Kind.TITLE),
        ("Cleveland", Kind.MENTION),
        ("Cleveland", Kind.MENTION),
    )
    assert name == "cleveland.example"


def test_registered_trademark_names_the_brand_behind_a_domain() -> None:
    name = _pick(
        "express.co.uk",
        ("Express.co.uk", Kind.SITE_NAME),
        ("Express.co.uk", Kind.TITLE),
        ("Daily Express", Kind.TRADEMARK),
        ("Express Newspapers", Kind.COPYRIGHT),
    )
    assert name == "Daily Express"


def test_site_name_given_twice_beats_a_logo_spelling_the_host() -> None:
    name = _pick(
        "beachbodyondemand.example",
        ("The Beachbody Blog", Kind.SITE_NAME),
        ("The Beachbody Blog", Kind.TITLE),
        ("Beachbody on Demand", Kind.LOGO),
        ("Beachbody on Demand", Kind.LOGO),
        *[("Beachbody on Demand", Kind.MENTION)] * 4,
    )
    assert name == "The Beachbody Blog"
    # without the second statement the host's spelling wins
    name = _pick(
        "beachbodyondemand.example",
        ("The Beachbody Blog", Kind.SITE_NAME),
        ("Beachbody on Demand", Kind.LOGO),
    )
    assert name == "Beachbody on Demand"


def test_legal_name_that_is_the_hosts_own_is_the_brand() -> None:
    name = _pick(
        "sciencealert.example",
        ("ScienceAlert Pty Ltd", Kind.COPYRIGHT),
        ("sciencealert.example", Kind.HOST),
    )
    assert name == "ScienceAlert"
    assert _pick(None, ("Reuters", Kind.COPYRIGHT)) is None  # no host: a wire is no outlet


def test_lower_case_label_shown_as_the_name_is_the_brand() -> None:
    name = _pick(
        "harbr9.example",
        ("harbr9", Kind.SITE_NAME),
        ("harbr9", Kind.TITLE),
        ("harbr9.example", Kind.HOST),
    )
    assert name == "harbr9"


def test_the_before_a_name_when_the_page_writes_it_so() -> None:
    votes = [("Telegraph", Kind.MASTHEAD)] + [("The Telegraph", Kind.MENTION)] * 3
    assert _pick("telegraph.co.uk", *votes) == "The Telegraph"
    votes = [("Slate", Kind.PUBLISHER), ("Slate", Kind.APP_NAME), ("The Slate", Kind.MENTION)]
    assert _pick("slate.example", *votes) == "Slate"


def test_a_tie_between_pages_goes_to_the_better_shown_name() -> None:
    votes = {"citizensvoice": 1, "The Berkshire Eagle": 1}
    assert site_name(votes, "hosted.ap.example") == "The Berkshire Eagle"


def test_the_host_alone_is_the_last_resort() -> None:
    assert _pick("vse-diety.example", ("vse-diety.example", Kind.HOST)) == "vse-diety.example"
    assert _pick(None) is None


def test_given_source_is_taken_as_it_is() -> None:
    assert _pick("cnn.example", ("CNN", Kind.SITE_NAME), ("Associated Press", Kind.GIVEN)) == (
        "Associated Press"
    )


# -------------------------------------------------------------------------- text evidence


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("© 2019 NYP Holdings. All rights reserved.", ["NYP Holdings"]),
        ("Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.", ["Dow Jones & Company"]),
        ("Copyright Gannett 2018", ["Gannett"]),
        ("© 1995 - 2019 by Snopes Media Group Inc.", ["Snopes Media Group Inc"]),
        ("© 2019 All Rights Reserved Poynter Institute", ["Poynter Institute"]),
        ("© 2019 Cable News Network.Turner Broadcasting System, Inc.", ["Cable News Network"]),
        ("© 2019 OregonLive.com. All rights reserved", ["OregonLive.com"]),
        ("© Copyright 2019, The Harbor Times | Terms of Service", ["The Harbor Times"]),
        ("2019 Harbor Wire, Inc. All Rights Reserved", ["Harbor Wire, Inc"]),  # mark lost
        ("2019 was a year of records. All rights reserved", []),  # not a name
        ("Copyright Policy", []),  # a link, not a notice
        ("Respect copyright: do not copy", []),
    ],
)
def test_copyright_holders(line: str, names: list[str]) -> None:
    assert [v.name for v in notice_votes(line) if v.kind is Kind.COPYRIGHT] == names


def test_trademark_lines() -> None:
    line = (
        'Copyright ©2019 Express Newspapers. "Daily Express" is a registered trademark. '
        "All rights reserved."
    )
    assert [v.name for v in notice_votes(line) if v.kind is Kind.TRADEMARK] == ["Daily Express"]
    line = "Snopes and the Snopes.com logo are registered service marks of Snopes.com"
    assert [v.name for v in notice_votes(line) if v.kind is Kind.TRADEMARK] == ["Snopes"]
    line = (
        "©1999-2019 Pinecone Media, LLC. HBR® is among the federally registered trademarks of "
        "HBR Entertainment, Inc. and may only be used with explicit written permission."
    )
    assert [v.name for v in notice_votes(line) if v.kind is Kind.TRADEMARK] == ["HBR"]


def test_masthead_needs_both_ends_and_a_witness() -> None:
    lines = ["Tidewater Business Journal", "Markets", "Subscribe", "Sign in", "A headline here"]
    lines += ["Body text."] * 30
    lines += ["Tidewater Business Journal", "Markets", "Copyright ©2025 Tidewater Media Group."]
    names = {v.name for v in masthead_votes(lines, None, ["Tidewater Media Group"])}
    assert names == {"Tidewater Business Journal"}  # "Markets" is at both ends too
    assert masthead_votes(lines, None, []) == []  # nothing bears the line out


def test_photo_credit_names_the_host() -> None:
    host = parse_host("callowaycourier.example")
    assert host is not None
    line = "Barricades block the bridge on Thursday. (Tom Keller/Calloway Courier)"
    assert [v.name for v in credit_votes(line, host)] == ["Calloway Courier"]
    line = "Smoke rises over the plant. (Jorge Almeda/County Sheriff's Office via MP)"
    assert credit_votes(line, host) == []


def test_mentions_in_menus_not_in_longer_names() -> None:
    cleveland = parse_host("cleveland.example")
    assert cleveland is not None
    assert host_votes("Cleveland Browns news and scores", cleveland) == []
    assert [v.name for v in host_votes("More from Cleveland", cleveland)] == ["Cleveland"]
    naija = parse_host("linknaija.example")
    assert naija is not None
    assert [v.name for v in host_votes("LinkNaija October 06, 2018", naija)] == ["LinkNaija"]
    assert [v.kind for v in host_votes("LinkNaija", naija)] == [Kind.MASTHEAD]


def test_email_domains() -> None:
    lines = ["Email newsroom@news.callowaycourier.example.", "Tips: reader@gmail.com"]
    assert email_domains(lines) == ["callowaycourier.example"]
    assert registrable("desk.harbor.co.uk") == "harbor.co.uk"
    assert registrable("localhost") is None


# -------------------------------------------------------------------------- html evidence

HTML = """<!doctype html><html><head>
<title>Bridge closed after cracks found | Harbor Gazette</title>
<meta property="og:site_name" content="Harbor Gazette">
<meta property="og:url" content="https://www.harborgazette.example/news/bridge">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge closed",
 "author": {"@type": "Person", "name": "Ana Ruiz"},
 "publisher": {"@type": "Organization", "name": "Harbor Gazette Media LLC"}}</script>
<script>var site = "Not Visible Gazette";</script>
</head><body>
<header><a href="/"><img class="site-logo" src="/l.png" alt="Harbor Gazette logo"></a></header>
<article><h1>Bridge closed after cracks found</h1>
<p>The bridge over the <b>Marrow</b> River closed on Tuesday after inspectors found cracks.</p>
</article>
<footer><p>More from <a href="/">Harbor Gazette</a></p>
<p>© 2025 Harbor Gazette Media LLC. All rights reserved.</p></footer>
</body></html>"""


def test_html_votes_from_markup_and_text() -> None:
    tree = load_html(HTML)
    votes = {(v.name, v.kind) for v in html_votes(tree, parse_host("harborgazette.example"))}
    assert ("Harbor Gazette", Kind.SITE_NAME) in votes
    assert ("Harbor Gazette", Kind.TITLE) in votes
    assert ("Harbor Gazette Media LLC", Kind.PUBLISHER) in votes
    assert ("Harbor Gazette", Kind.LOGO) in votes
    assert ("Harbor Gazette Media LLC", Kind.COPYRIGHT) in votes
    assert ("Harbor Gazette", Kind.MENTION) in votes
    assert not any("Ana Ruiz" in name or "Not Visible" in name for name, _ in votes)


def test_title_names_the_site_after_a_separator_or_before_a_colon() -> None:
    host = parse_host("theharborreview.example")
    page = "<html><head><title>The Harbor Review: A longer season for the ferry</title></head>"
    votes = title_votes(load_html(page + "<body><p>x</p></body></html>"), host)
    assert [(v.name, v.kind) for v in votes] == [("The Harbor Review", Kind.TITLE)]
    page = "<html><head><title>Take C.A.R.E. - harbr9 auf der Hafenmesse 2025</title></head>"
    assert title_votes(load_html(page + "<body><p>x</p></body></html>"), None) == []


def test_visible_lines_follow_blocks() -> None:
    lines = visible_lines(load_html(HTML))
    assert "More from Harbor Gazette" in lines  # inline link joined into its paragraph
    assert any(line.startswith("The bridge over the Marrow River") for line in lines)
    assert not any("Not Visible" in line for line in lines)


def _page(html: str | None = None, text: str | None = None, **kw: object) -> Page:
    fmt = "html" if html is not None else "capture"
    return Page(id="p", input="p", format=fmt, html=html, text=text, digest="d", **kw)  # type: ignore[arg-type]


def test_clean_names_the_outlet_and_keeps_the_wire_apart() -> None:
    article = clean(_page(html=HTML.replace("cracks found.</p>", "cracks found, (AP) said.</p>")))
    assert isinstance(article, Article)
    assert article.source == "Harbor Gazette"
    assert article.url == "https://www.harborgazette.example/news/bridge"


def test_page_outlet_given_source_and_given_domain() -> None:
    assert page_outlet([], None, "Harbor Gazette") == "Harbor Gazette"
    votes = [Vote("Harbor Gazette", Kind.MENTION)]
    assert page_outlet(votes, None, "harborgazette.example") == "Harbor Gazette"
    assert page_outlet([], None, None) is None


def test_capture_with_url_matched_against_its_host() -> None:
    text = "Valley Wire\nHeadline here\nThe council met on Tuesday.\nMore from Valley Wire\n"
    votes = capture_votes(text, "https://www.valleywire.example/story")
    assert ("Valley Wire", Kind.MENTION) in {(v.name, v.kind) for v in votes}
    assert page_outlet(votes, "https://www.valleywire.example/story", None) == "Valley Wire"


def test_capture_without_url_matched_against_its_newsroom_domain() -> None:
    text = (
        "Bridge closed after cracks found\nBy Tom Keller\n"
        "The bridge closed on Tuesday after inspectors found cracks in two of its piers.\n"
        "Barricades block the bridge. (Tom Keller/Calloway Courier)\n"
        "Have a news tip? Email newsroom@callowaycourier.example.\n"
    )
    votes = capture_votes(text, None)
    assert ("callowaycourier.example", Kind.DOMAIN) in {(v.name, v.kind) for v in votes}
    assert page_outlet(votes, None, None) == "Calloway Courier"


# ------------------------------------------------------------------------------- per site


def _article(aid: str, source: str | None, url: str | None = None, chrome: int = 0) -> Article:
    topics = ["budget", "bridge", "school", "harbor", "library", "ferry", "election"]
    removed = [
        Removed(text=f"Council delays vote on the {topic} plan again", reason="teaser-rail")
        for topic in topics[:chrome]
    ]
    return Article(id=aid, source=source, url=url, removed=removed, body="x")


def test_one_name_per_host() -> None:
    articles = [
        _article("a", "PolitiFact", "https://www.politifact.example/a"),
        _article("b", "PolitiFact", "https://politifact.example/b"),
        _article("c", "politifact.example", "https://politifact.example/c"),
        _article("d", "Other Site", "https://other.example/d"),
    ]
    assert [a.source for a in settle_outlets(articles)] == [
        "PolitiFact",
        "PolitiFact",
        "PolitiFact",
        "Other Site",
    ]


def test_site_name_from_counts_and_no_name() -> None:
    assert site_name(
        {"Harbor Gazette": 3, "harborgazette.example": 5}, "harborgazette.example"
    ) == ("Harbor Gazette")
    assert site_name([None, None], "harborgazette.example") is None


def test_pages_without_url_share_a_brand_shape() -> None:
    articles = [_article("a", "callowaycourier.example"), _article("b", "Calloway Courier")]
    assert {a.source for a in settle_outlets(articles)} == {"Calloway Courier"}


def test_nameless_page_takes_the_name_of_the_pages_it_shares_chrome_with() -> None:
    articles = [_article("named", "Calloway Courier", chrome=5), _article("orphan", None, chrome=5)]
    assert [a.source for a in settle_outlets(articles)] == ["Calloway Courier"] * 2
    few = [_article("named", "Calloway Courier", chrome=2), _article("orphan", None, chrome=2)]
    assert settle_outlets(few)[1].source is None  # two shared lines are not enough


def test_nameless_page_between_two_named_sites_stays_unknown() -> None:
    articles = [
        _article("a", "Cleveland Site", chrome=5),
        _article("b", "Jersey Site", chrome=5),  # sister sites share their chrome
        _article("orphan", None, chrome=5),
    ]
    out = settle_outlets(articles)
    assert out[2].source is None and out[2].outlet == "unknown site (orphan)"


def test_unknown_site_labels_shorten_long_digest_ids_only() -> None:
    digest = "ea25dd7edff4d27973600f35728f20aed5a3eedcc23257d9c3afc3d3e840c3de"
    page = Article(id=digest, input="x", digest="d")
    assert page.outlet == "unknown site (ea25dd7edff4…)"
    wired = Article(id=digest[:24], input="x", digest="d", agency="AP")
    assert wired.outlet == "unknown site (AP story, ea25dd7edff4…)"
    # a readable id, however long, and a short hex one are kept whole
    path = "crawl/site/2019/11/three-cases-of-plague-diagnosed-in-china"
    assert Article(id=path, input="x", digest="d").outlet == f"unknown site ({path})"
    assert Article(id="ea25dd7e", input="x", digest="d").outlet == "unknown site (ea25dd7e)"


def test_user_rules_rename_hosts_and_names() -> None:
    rules = OutletNames.from_table({"express.co.uk": "Daily Express", "Vox Media": "Vox"})
    articles = [
        _article("a", "Express.co.uk", "https://www.express.co.uk/a"),
        _article("b", "Vox Media"),
        _article("c", "vox media", "https://vox.example/c"),
    ]
    assert [a.source for a in settle_outlets(articles, rules)] == ["Daily Express", "Vox", "Vox"]
    assert rules.resolve("Express.co.uk") == "Daily Express"  # a host key is a name key too
    assert rules.resolve("Harbor Gazette", "harbor.example") == "Harbor Gazette"
    assert rules.resolve(None) is None and not OutletNames()


# --------------------------------------------------------------------------------- config


def test_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "newsloom.toml"
    path.write_text('[outlets]\n"cnn.com" = "CNN"\n"Cable News Network LP" = "CNN"\n', "utf-8")
    rules = load_outlet_names(path)
    assert rules.resolve("whatever", "edition.cnn.com") == "whatever"  # hosts match exactly
    assert rules.resolve("whatever", "www.cnn.com") == "CNN"
    assert rules.resolve("cable news network lp") == "CNN"
    assert not load_outlet_names(None)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLOOM_CONFIG", raising=False)
    assert config_path() == Path("newsloom.toml")
    monkeypatch.setenv("NEWSLOOM_CONFIG", "/elsewhere.toml")
    assert config_path() == Path("/elsewhere.toml")
    assert config_path(Path("given.toml")) == Path("given.toml")
    (tmp_path / "newsloom.toml").unlink()
    monkeypatch.delenv("NEWSLOOM_CONFIG")
    assert config_path() is None


@pytest.mark.parametrize(
    "text",
    [
        '[outlets\n"a" = "b"',
        '[outlets]\n"cnn.com" = 3\n',
        '[outlets]\n"cnn.com" = " "\n',
        "outlets = 3\n",
    ],
)
def test_bad_config_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "newsloom.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError):
        load_outlet_names(path)


def test_missing_config_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_outlet_names(tmp_path / "absent.toml")


# --- Copyright lines that are not a site's brand (issue 12) ---------------------------------


def _copyrights(line: str) -> list[str]:
    return [v.name for v in notice_votes(line) if v.kind is Kind.COPYRIGHT]


def test_open_year_range_is_not_part_of_the_name() -> None:
    votes = [Vote(n, Kind.COPYRIGHT) for n in _copyrights("Copyright © 1998- Pinecone.com, LLC.")]
    found = pick(votes)
    assert found is not None and found.name == "Pinecone.com"


def test_registration_line_ends_the_name_at_its_legal_form() -> None:
    line = "©Harbour Print Newspapers Limited in England No. 123456 Registered office: 1 Quay St"
    assert _copyrights(line) == ["Harbour Print Newspapers Limited"]


def test_picture_and_data_credits_are_not_notices() -> None:
    assert _copyrights("Sports data © SCORELINE 2018") == []
    assert _copyrights("(Image: © Stockpix)") == []
    assert _copyrights("Photo © 2019 Jane Roe") == []


def test_plain_name_without_year_or_rights_is_a_photographer() -> None:
    assert _copyrights("© Jane Roe") == []
    assert _copyrights("© Jane Roe of Fife, Scotland") == []
    # a notice with a year, a company or "The ..." is the site's, year or not
    assert _copyrights("© 2019 Jane Roe") == ["Jane Roe"]
    assert _copyrights("© The Lakeshore Ledger, a Pinecone newspaper") == ["The Lakeshore Ledger"]
    assert _copyrights("© Pinecone Media LLC") == ["Pinecone Media LLC"]


def test_brand_printed_before_its_owners_notice_votes() -> None:
    votes = notice_votes("Gadgetly © 2019 Pinecone Ads, LLC. All rights reserved.")
    assert [v.name for v in votes] == ["Pinecone Ads", "Gadgetly"]
    found = pick(votes)
    assert found is not None and found.name == "Gadgetly"


def test_no_brand_before_a_notice_behind_menu_items_or_two_words() -> None:
    assert _copyrights("Privacy | Terms © 2019 Pinecone Ads, LLC.") == ["Pinecone Ads"]
    assert _copyrights("Press Regulated Copyright ©2019 Pinecone Ads") == ["Pinecone Ads"]


def test_company_trimmed() -> None:
    assert company_trimmed("FOX Weather Network") == "FOX Weather"
    assert company_trimmed("The Lakeshore Ledger Company") == "The Lakeshore Ledger"
    assert company_trimmed("Dow Smith & Company") == "Dow Smith"
    assert company_trimmed("Pinecone Services Vermont") is None  # no company word at the end
    assert company_trimmed("News Group Newspapers") is None  # only "News" left: no name


def test_shown_form_needs_the_brand_on_its_own() -> None:
    lines = ["Follow the lakeshore ledger", "More from The Lakeshore Ledger", "Ledger Sports"]
    assert shown_form("Lakeshore Ledger", lines) == "The Lakeshore Ledger"
    assert shown_form("Lakeshore", lines) is None  # always run on into a longer name
    assert shown_form("Fox Weather", ["Fox Weather Sunday at 9"]) is None
    assert shown_form("Harbor", ["Harbor's Edition"]) is None  # a product of its name
    assert shown_form("Harbor", ["More from Harbor", "Harbor's Edition"]) == "Harbor"
    # a lower-case word after the name is no longer name: the brand is shown in a sentence
    assert shown_form("HBR", ["HBR may receive a commission"]) == "HBR"
    assert shown_form("HBR", ["HBR Deals"]) is None
    # a holder's "The" is the page's to write or not ("The Harbor Group" → "The Harbor")
    assert shown_form("The Harbor", ["Harbor is published by its group."]) == "Harbor"


def test_family_form_is_a_brand_heading_its_products() -> None:
    menu = ["Harbor Video", "Harbor Travel Guide", "Harbor Magazine", "World", "harbor tides"]
    assert family_form("Harbor", menu) == "Harbor"
    assert family_form("The Harbor", menu) == "Harbor"
    assert family_form("Harbor", menu[:2]) is None  # two products: not yet a family
    long_lines = ["Harbor Video shows the whole coast on a sunny Monday morning", *menu[1:3]]
    assert family_form("Harbor", long_lines) is None  # a sentence is not a menu item
    assert family_form("Harbor", ["Harbor Video", "Harbor Video", "Harbor Shop"]) is None
    lower = ["Harbor video", "Harbor Shop", "Harbor Magazine"]  # a sentence, not a product
    assert family_form("Harbor", lower) is None


def test_owned_brands_keeps_a_brand_its_menus_name_products_after() -> None:
    lines = ["Harbor Video", "Harbor Travel Guide", "Harbor Magazine", "© 2019 Harbor Media LLC"]
    votes = owned_brands([Vote("Harbor Media LLC", Kind.COPYRIGHT)], lines)
    assert votes == [Vote("Harbor", Kind.MENTION)]


def test_owned_brands_keeps_the_brand_the_page_shows() -> None:
    lines = ["Fox Weather", "Storm hits the coast", "© 2019 FOX Weather Network, LLC"]
    votes = owned_brands([Vote("FOX Weather Network, LLC", Kind.COPYRIGHT)], lines)
    assert votes == [Vote("Fox Weather", Kind.MENTION)]


def test_owned_brands_drops_an_owner_the_page_does_not_show() -> None:
    lines = ["Storm hits the coast", "© 2019 Pinecone Communications, Inc."]
    assert owned_brands([Vote("Pinecone Communications, Inc.", Kind.COPYRIGHT)], lines) == []
    # a holder that is no company is left alone, as are other kinds of votes
    kept = [
        Vote("Lakeshore Ledger", Kind.COPYRIGHT),
        Vote("Lakeshore Ledger Pty Ltd", Kind.COPYRIGHT),  # a legal form alone: its own company
        Vote("Pinecone Media", Kind.TRADEMARK),
    ]
    assert owned_brands(kept, lines) == kept


def test_capture_without_url_naming_only_its_owner_stays_unknown() -> None:
    text = "Storm hits the coast\nThe storm hit the coast on Monday.\n© 2019 Pinecone Media Group"
    assert page_outlet(capture_votes(text, None), None, None) is None
    shown = "Lakeshore Ledger\n" + text.replace("Pinecone Media Group", "Lakeshore Ledger Media")
    assert page_outlet(capture_votes(shown, None), None, None) == "Lakeshore Ledger"


def test_capture_with_url_still_weighs_the_owner_against_the_host() -> None:
    text = "Storm hits the coast\n© 2019 Pinecone Media Group"
    url = "https://pinecone.example/storm"
    assert page_outlet(capture_votes(text, url), url, None) is not None


def test_an_owner_in_the_notice_is_not_the_outlet_of_a_hosted_page() -> None:
    url = "https://www.harbortimes.example/storm"
    owned = "Storm hits the coast\nThe storm hit the coast.\n© 2019 Pinecone Media Group Inc."
    assert page_outlet(capture_votes(owned, url), url, None) == "harbortimes.example"
    plain = owned.replace("Pinecone Media Group Inc.", "Harbor Daily")  # may be the brand
    assert page_outlet(capture_votes(plain, url), url, None) == "Harbor Daily"


def test_a_media_group_is_never_the_outlet() -> None:
    text = "Storm hits the coast\nThe storm hit the coast.\n© 2019 Gannett"
    assert page_outlet(capture_votes(text, None), None, None) is None  # unknown, not "Gannett"
    url = "https://www.harbortimes.example/storm"
    assert page_outlet(capture_votes(text, url), url, None) == "harbortimes.example"
    shown = "Harbor Times\n" + text + "\nAbout Harbor Times"
    assert page_outlet(capture_votes(shown, None), None, None) == "Harbor Times"


@pytest.mark.parametrize(
    ("name", "parent"),
    [("Hearst Newspapers", True), ("The Hearst Corporation", True), ("Dow Jones", True),
     ("Harbor Times", False), ("CBS News", False)],
)  # fmt: skip
def test_is_parent(name: str, parent: bool) -> None:
    assert is_parent(name) is parent


def test_a_media_groups_mail_domain_is_not_the_pages_host() -> None:
    assert main_domain(["gannett.com", "harbortimes.example"]) == "harbortimes.example"
    assert main_domain(["gannett.com"]) == "gannett.com"  # the only one given
    assert main_domain([]) is None
    text = (
        "Storm hits the coast\nThe storm hit the coast on Monday.\n"
        "Write to jane.roe@gannett.com and tips@harbortimes.example\n"
        "Harbor Times\n© 2019 Gannett Co., Inc.\nHarbor Times"
    )
    assert page_outlet(capture_votes(text, None), None, None) == "Harbor Times"


def test_sentences_name_the_host_only_in_a_brands_shape() -> None:
    """A line longer than a menu item is a sentence: a brand spelled in capitalised words or
    in camel case counts there, a common word, a lower-case word or an acronym does not."""
    review = parse_host("theharborreview.example")
    assert review is not None
    bio = "Jane Roe (jane@theharborreview.example) is the editor and publisher of " * 2
    assert [v.name for v in host_votes(bio + "The Harbor Review.", review)] == ["The Harbor Review"]
    assert [v.kind for v in host_votes(bio + "The Harbor Review.", review, whole=True)] == [
        Kind.MENTION
    ]
    crunch = parse_host("bytecrunch.example")
    assert crunch is not None
    assert [v.name for v in host_votes(bio + "ByteCrunch.", crunch, whole=True)] == ["ByteCrunch"]
    cleveland = parse_host("cleveland.example")
    assert cleveland is not None
    sentence = "The mayor of Cleveland said on Tuesday that the plan would go ahead."
    assert host_votes(sentence, cleveland, whole=True) == []
    wire = parse_host("hosted.wx.example")
    assert wire is not None
    assert host_votes("The council met on Monday, WX reported, and voted.", wire, whole=True) == []


def test_long_lines_are_read_for_a_brand_shaped_mention() -> None:
    review = parse_host("theharborreview.example")
    line = "Jane Roe is the editor and publisher of The Harbor Review, and writes for two "
    line += "other magazines about the ports and the fishing fleets of the bay."
    assert len(line) > 100
    assert [v.name for v in text_votes([line], review)] == ["The Harbor Review"]


def test_a_notice_that_names_nobody_gives_no_vote() -> None:
    assert notice_votes("© All rights reserved | Terms") == []
    assert notice_votes("© 2019 All Rights Reserved.") == []
    assert [v.name for v in notice_votes("© 2019 Harbor Media. All rights reserved.")] == [
        "Harbor Media"
    ]


def _with_lines(aid: str, source: str | None, lines: list[str]) -> Article:
    removed = [Removed(text=line, reason="footer") for line in lines]
    return Article(id=aid, source=source, removed=removed, body="x")


def test_share_buttons_and_page_tools_are_no_sites_chrome() -> None:
    tools = ["Share on Facebook", "Share on Twitter", "Share on LinkedIn", "Scroll to top"]
    own = ["Harbor Gazette weekend events calendar", "Letters to the Harbor Gazette editor"]
    named = _with_lines("named", "Harbor Gazette", tools + own)
    assert settle_outlets([named, _with_lines("orphan", None, tools)])[1].source is None
    out = settle_outlets([named, _with_lines("orphan", None, [*tools, *own, own[0] + " 2"])])
    assert out[1].source is None  # two lines of its own are not enough
    kin = _with_lines("orphan", None, [*own, "Harbor Gazette print edition archive"])
    named = _with_lines("named", "Harbor Gazette", [*own, "Harbor Gazette print edition archive"])
    assert settle_outlets([named, kin])[1].source == "Harbor Gazette"


def test_a_line_pages_of_two_outlets_carry_is_no_sites_chrome() -> None:
    platform = "Your email address will not be published"
    own = ["Harbor Gazette weekend events calendar", "Letters to the Harbor Gazette editor"]
    gazette = _with_lines("gazette", "Harbor Gazette", [platform, *own])
    other = _with_lines("other", "Valley Wire", [platform, "Valley Wire traffic and weather"])
    orphan = _with_lines("orphan", None, [platform, *own])
    assert settle_outlets([gazette, orphan])[1].source == "Harbor Gazette"
    assert settle_outlets([gazette, other, orphan])[2].source is None


def test_credits_to_several_providers_name_none_of_them() -> None:
    marks = (
        "Harbor Phone is a registered trademark of Harbor Devices Inc. Valley TV is a "
        "registered trademark of Valley Media, Inc. in the United States."
    )
    assert notice_votes(marks) == []
    group = (
        "Harbor Sports is a registered trademark of Harbor Broadcasting Inc. Harbor Fantasy "
        "is a registered trademark of Harbor Interactive Inc."
    )
    assert [v.name for v in notice_votes(group)] == ["Harbor Sports", "Harbor Fantasy"]
    data = (
        "Quotes delayed at least 15 minutes. Market data: Copyright 2018 Quoteline, Inc. All "
        "Rights Reserved. Index data: Copyright 2018 Indexco Ltd. All rights reserved. Futures "
        "data is the property of the exchange and its licensors."
    )
    assert notice_votes(data) == []
    assert [v.name for v in notice_votes("© 2018 Quoteline, Inc. All Rights Reserved.")] == [
        "Quoteline"
    ]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Copyright 2019. Harbor Examiner. All Rights Reserved.", ["Harbor Examiner"]),
        ("© 2000 - 2019 Harbor Times (www.harbortimes.example)", ["Harbor Times"]),
        ("All Rights Reserved © 2019", []),  # a year is nobody
        ("© 2019 The Printers (Bayside) Private Ltd.", []),  # "(Bayside)" is no address
    ],
)
def test_copyright_notice_shapes(line: str, names: list[str]) -> None:
    assert [v.name for v in notice_votes(line)] == names


def test_a_notice_giving_its_own_address_outweighs_a_credit() -> None:
    own = notice_votes("© 2000 - 2019 Harbor Times (www.harbortimes.example)")
    credit = notice_votes("Copyright © 2019 Valley Wire. All rights reserved.")
    other = notice_votes("© 2019 Harbor Times (www.valleywire.example)")  # not its address
    assert [v.weight for v in own] == [2.0]
    assert [v.weight for v in credit + other] == [1.0, 1.0]
    lines = [
        "Ferry fares rise",
        "Fares rose on Monday.",
        "Copyright © 2019 Valley Wire. All rights reserved.",
        "© 2000 - 2019 Harbor Times (www.harbortimes.example)",
    ]
    text = "\n".join(lines)
    assert page_outlet(capture_votes(text, None), None, None) == "Harbor Times"


def test_the_hosts_company_line_names_it_as_written() -> None:
    host = parse_host("blog.harbr9.example")
    assert host is not None
    assert [v.kind for v in host_votes("harbr9 GmbH", host)] == [Kind.MASTHEAD]
    found = pick(host_votes("harbr9 GmbH", host), "blog.harbr9.example")
    assert found is not None and found.name == "harbr9"
    assert host_votes("Quayside GmbH", host) == []  # another company: a partner, a client
