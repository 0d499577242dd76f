"""A site naming itself: links to its own pages and its own address printed on a capture."""

from __future__ import annotations

import pytest

from newsloom.clean.outlet import Kind
from newsloom.clean.outlet_names import parse_host
from newsloom.clean.outlet_page import capture_votes, page_outlet
from newsloom.clean.outlet_self import (
    fuller_names,
    imprint_votes,
    logo_domains,
    self_votes,
    url_line_domains,
)
from newsloom.clean.outlet_text import notice_domains


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("About Harbor Times", "Harbor Times"),
        ("Contact The Lakeshore Ledger", "The Lakeshore Ledger"),
        ("Advertise with Valley Wire", "Valley Wire"),
        ("Why you can trust Harbor News", "Harbor News"),
        ("Download the Harbor Times app", "Harbor Times"),
        ("Subscribe to HTN.", "HTN"),
        ("Make Harbor Times my homepage", "Harbor Times"),
        ("Send HTN Feedback", "HTN"),
        ("Visit Harbor Times's homepage for more stories.", "Harbor Times"),
        (
            "Harbor Science is supported by its audience. When you buy through links",
            "Harbor Science",
        ),
        (
            "Harbor Science is part of Harbor Group Inc, an international media group.",
            "Harbor Science",
        ),
        ("The Harbor, A Harbor Media Company", "The Harbor"),
        ("Harbor Monthly Editorial Staff", "Harbor Monthly"),
        ("Harbor Times News Staff", "Harbor Times"),
    ],
)
def test_links_to_the_sites_own_pages_name_it(line: str, name: str) -> None:
    lines = [line, f"{name} weather"]  # the page uses the name again
    assert [(v.name, v.kind) for v in self_votes(lines)] == [(name, Kind.SELF)]


def test_a_name_given_once_in_one_link_is_not_enough() -> None:
    assert self_votes(["About Harbor Network"]) == []  # a network or a partner, maybe
    twice = ["About Harbor Times", "Contact Harbor Times"]
    assert [v.name for v in self_votes(twice)] == ["Harbor Times", "Harbor Times"]
    assert self_votes(["About Harbor Times", "Harbor Timesheets"]) == []  # a whole-word use only


@pytest.mark.parametrize(
    "line",
    [
        "About the Author",  # a person's biography
        "About the Harbor Trust",  # a lower-case "the": the cue's word, not the name's
        "Contact Newsletter",
        "Subscribe to Newsletters Manage Subscriptions",  # menu items run together
        "Subscribe to Our Mailing List",
        "about us",
        "About Harbor Times and the people who make it every single day of the year",
        "Contact Harbor Times to report a correction or a factual error",
        "Make Harbor Times your homepage",  # "your": a sentence of advice, not the menu link
        "Harbor Science is part of the city's plan for the waterfront.",  # no group after
        "Dow Jones, A News Corp Company",  # a media group is an owner, not the site
        "AP Staff",  # a wire's story on a member's page
    ],
)
def test_what_such_links_name_besides_the_site(line: str) -> None:
    assert self_votes([line]) == []


def test_a_writers_biography_link_is_not_the_site() -> None:
    lines = ["By Jane Roe", "The council met on Tuesday.", "About Jane Roe", "Jane Roe writes"]
    assert self_votes(lines) == []
    assert [v.name for v in self_votes(lines[1:])] == ["Jane Roe"]


def test_the_pages_own_address_on_a_line_names_its_site() -> None:
    lines = [
        "Storm hits the coast",
        "https://www.harbortimes.example/news/2019/11/storm-hits-the-coast",
        "https://news.harbortimes.example/weather/storm-updates-live",
    ]
    assert url_line_domains(lines) == ["harbortimes.example", "harbortimes.example"]


@pytest.mark.parametrize(
    "lines",
    [
        ["https://www.harbortimes.example/"],  # a home page: as likely a partner's
        ["https://www.facebook.com/sharer/sharer.php?u=story-about-the-storm"],
        ["Read more at https://www.harbortimes.example/news/2019/11/storm"],  # not on its own
        [  # links to several sites: a list, not the page's own address
            "https://www.harbortimes.example/news/2019/11/storm-hits-the-coast",
            "https://www.valleywire.example/news/2019/11/storm-hits-the-coast",
        ],
    ],
)
def test_addresses_that_do_not_name_the_site(lines: list[str]) -> None:
    assert url_line_domains(lines) == []


def test_capture_without_url_takes_its_host_from_its_own_address() -> None:
    text = (
        "Storm hits the coast\n"
        "https://www.harbortimes.example/news/2019/11/storm-hits-the-coast\n"
        "The storm hit the coast on Monday.\n"
        "More from Harbor Times\n"
    )
    votes = capture_votes(text, None)
    assert ("harbortimes.example", Kind.DOMAIN) in {(v.name, v.kind) for v in votes}
    assert page_outlet(votes, None, None) == "Harbor Times"


def test_capture_without_url_named_by_its_menu_links_over_its_owner() -> None:
    text = (
        "Storm hits the coast\nThe storm hit the coast on Monday.\n"
        "About Harbor Times\nContact Harbor Times\n© 2019 Pinecone Media Group"
    )
    assert page_outlet(capture_votes(text, None), None, None) == "Harbor Times"


def test_brand_word_after_the_hosts_name_is_the_fuller_brand() -> None:
    url = "https://www.harbor.example/story"
    text = (
        "Storm hits the coast\nThe storm hit the coast on Monday.\n"
        "Harbor weather\nHarbor sport\nContact Harbor News\nHarbor News Radio\n© 2019 Harbor"
    )
    assert page_outlet(capture_votes(text, url), url, None) == "Harbor News"
    other = text.replace("Harbor News", "Harbor Chess Club")  # a club of the town, not a brand
    assert page_outlet(capture_votes(other, url), url, None) == "Harbor"


def test_a_lower_case_name_counts_only_when_it_spells_the_host() -> None:
    lines = ["About harbr9", "harbr9 is a news service for the bay.", "About support"]
    assert self_votes(lines) == []  # no host: a lower-case word may be any menu item
    host = parse_host("harbr9.example")
    assert [(v.name, v.kind) for v in self_votes(lines, host)] == [("harbr9", Kind.SELF)]
    other = parse_host("baynews.example")
    assert self_votes(lines, other) == []


def test_a_lower_case_brand_in_its_own_links_is_shown_as_written() -> None:
    text = "\n".join(["Harbor deal closes", "The deal closed on Monday.", "About harbr9",
                      "harbr9 is a news service for the bay."])  # fmt: skip
    votes = capture_votes(text, "https://harbr9.example/2019/01/deal")
    assert page_outlet(votes, "https://harbr9.example/2019/01/deal", None) == "harbr9"


def test_a_links_short_name_takes_the_full_name_the_page_gives() -> None:
    lines = ["About Examiner", "Examiner events", "Copyright 2019. Harbor Examiner."]
    votes = capture_votes("\n".join(lines), None)
    assert {v.name for v in votes} == {"Harbor Examiner"}
    lines = ["About Harbor", "Harbor tips", "Get Harbor Magazine by mail", "Harbor Magazine"]
    votes = capture_votes("\n".join(lines), None)
    assert [v.name for v in votes if v.kind is Kind.SELF] == ["Harbor Magazine"]


def test_a_short_name_stays_without_a_fuller_one_written_twice() -> None:
    lines = ["About Harbor", "Harbor tips", "Get Harbor Magazine by mail"]  # once only
    assert [v.name for v in fuller_names(self_votes(lines), lines)] == ["Harbor"]
    lines = ["About Harbor", "Harbor tips", "Harbor Labs", "Harbor Labs"]  # no brand word
    assert [v.name for v in fuller_names(self_votes(lines), lines)] == ["Harbor"]


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["Harbor Times homepage", "Harbor Times events"], "Harbor Times"),
        (["Follow Harbor Times online:", "Harbor Times events"], "Harbor Times"),
        (["Follow Harbor Times on", "Harbor Times events"], "Harbor Times"),  # social links
        (["Subscribe to Harbor Times newsletter", "Harbor Times events"], "Harbor Times"),
        (["Harbor Times main menu", "Harbor Times events"], "Harbor Times"),
        (["Jane Roe is a reporter for Harbor Times.", "Harbor Times"], "Harbor Times"),
        (["Senior editor at Harbor Times and a sailor", "Harbor Times"], "Harbor Times"),
        (
            ["The mayor did not respond to Harbor Times's request for comment.", "Harbor Times"],
            "Harbor Times",
        ),
        (["Support Harbor Times", "Harbor Times events"], "Harbor Times"),
        (["Who Pays for Harbor Times", "Harbor Times events"], "Harbor Times"),
        (["Harbor Times - Back to home", "Harbor Times events"], "Harbor Times"),
        (["By Jane Roe | Harbor Times", "Harbor Times events"], "Harbor Times"),
        (["June 2, 2025 / 1:07 AM / Harbor Times", "Harbor Times events"], "Harbor Times"),
    ],
)
def test_the_sites_own_staff_and_pages_name_it(lines: list[str], name: str) -> None:
    assert {v.name for v in self_votes(lines)} == {name}


@pytest.mark.parametrize(
    "lines",
    [
        ["Back To homepage", "Back To Top"],  # page tools, not names
        ["2025 playoff picture | Standings", "Standings"],  # no time stamp before the bar
        ["Valley Apple Store", "Valley Apple Store"],  # what a site sells, maybe
        ["Toggle main menu", "Toggle"],
        ["Jane Roe writes for Valley Wire.", "Valley Wire"],  # no staff role: may be a freelance
        ["Harbor Times homepage"],  # a name the page gives once
        [
            "The report, first published by the Valley Wire, was picked up by other papers "
            "across the region; a reporter for Valley Wire said the documents had been "
            "checked against court records before the story ran on Tuesday night.",
            "Valley Wire",
        ],  # a paragraph of reporting cites other outlets
    ],
)
def test_what_is_not_the_sites_own_staff_or_pages(lines: list[str]) -> None:
    assert self_votes(lines) == []


def test_a_name_with_a_brand_word_is_not_extended() -> None:
    lines = ["About Harbor News", "Harbor News Radio", "Harbor News Radio"]
    assert [v.name for v in fuller_names(self_votes(lines), lines)] == ["Harbor News"]


def test_a_link_in_title_case_takes_the_brands_usual_spelling() -> None:
    lines = ["Who Pays for Harbormedia", "Who Pays for Harbormedia"]
    lines += ["HarborMedia, report of May 2", "HarborMedia, report of May 9", "HarborMedia"]
    assert {v.name for v in fuller_names(self_votes(lines), lines)} == {"HarborMedia"}
    shouted = ["About Harbor Times", "Harbor Times events"] + ["HARBOR TIMES"] * 3
    assert {v.name for v in fuller_names(self_votes(shouted), shouted)} == {"Harbor Times"}
    rare = ["About Harbormedia", "Harbormedia events", "Harbormedia", "HarborMedia"]
    assert {v.name for v in fuller_names(self_votes(rare), rare)} == {"Harbormedia"}


def test_a_domain_the_page_writes_and_shows_as_its_logo_is_its_address() -> None:
    lines = ["HarborBikes", "Menu", "harborbikes.co.uk features the latest bike reviews"]
    assert logo_domains(lines) == ["harborbikes.co.uk"]
    page = ["Trending Now on HarborPost.com", "Ferry fares rise", "harborpost", "Home"]
    assert logo_domains(page) == ["harborpost.com"]


@pytest.mark.parametrize(
    "lines",
    [
        ["HarborLine", "HarborLine.com"],  # a menu link to a sister site, a line of its own
        ["Security", "Quayside Email Security.cloud is on sale"],  # a product, not an address
        ["Read more at harborpost.com"],  # no logo shows it
        ["Follow us on twitter.com", "Twitter"],  # a platform's
        ["HarborPost", "harborpost.com and quaysidepost.com", "QuaysidePost"],  # two sites
    ],
)
def test_what_is_no_logo_domain(lines: list[str]) -> None:
    assert logo_domains(lines) == []


def test_a_page_without_url_takes_its_logo_domain_as_host() -> None:
    lines = ["HarborBikes", "Bike of the year", "harborbikes.co.uk features the latest reviews"]
    assert page_outlet(capture_votes("\n".join(lines), None), None, None) == "HarborBikes"


def test_a_staff_bylines_by_is_not_part_of_the_name() -> None:
    lines = ["By HARBOR POST STAFF", "Ferry fares rise", "By HARBOR POST STAFF"]
    assert all(not v.name.startswith("By") for v in self_votes(lines))


def test_a_notice_holder_is_spelled_as_the_page_writes_the_brand() -> None:
    lines = ["HarborNews", "Ferry fares rise", "2019 Harbornews, Inc. All Rights Reserved"]
    assert page_outlet(capture_votes("\n".join(lines), None), None, None) == "HarborNews"
    plain = ["Ferry fares rise", "2019 Harbornews, Inc. All Rights Reserved"]
    assert page_outlet(capture_votes("\n".join(plain), None), None, None) == "Harbornews"


def test_a_brand_then_the_day_under_a_headline_names_the_site_alone() -> None:
    lines = ["Ferry fares rise again", "QuayWire October 06, 2018", "Fares rose on Monday."]
    assert [(v.name, v.kind) for v in self_votes(lines)] == [("QuayWire", Kind.SELF)]
    assert page_outlet(capture_votes("\n".join(lines), None), None, None) == "QuayWire"
    assert [v.name for v in self_votes(["HarborNaija Aug. 8, 2018"])] == ["HarborNaija"]


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe October 06, 2018",  # a writer's name and the day
        "Roe October 06, 2018",  # a writer's surname: no capital inside
        "MacRoe October 06, 2018",  # a surname with capitals inside
        "McRoe October 06, 2018",
        "QUAYWIRE October 06, 2018",  # shouted: a label or a writer, maybe
        "QuayWire October 06",  # no year: a teaser's date
        "Posted by QuayWire October 06, 2018",
    ],
)
def test_what_is_no_brand_then_the_day(line: str) -> None:
    assert self_votes(["Ferry fares rise again", line]) == []


def test_a_lead_crediting_the_sites_address_names_it_alone() -> None:
    lines = ["Ferry fares rise again", "QuayWIRE.Net - Fares rose on Monday, the operator said."]
    assert [(v.name, v.kind) for v in self_votes(lines)] == [("QuayWIRE.Net", Kind.SELF)]
    assert page_outlet(capture_votes("\n".join(lines), None), None, None) == "QuayWIRE.Net"


@pytest.mark.parametrize(
    "line",
    [
        "HARBOR (Reuters) - Fares rose on Monday, the operator said.",  # a wire's credit
        "Quay.cloud - Fares rose on Monday.",  # a product, no site's address
        "Mr. Roe - Fares rose on Monday.",
        "QuayWIRE.Net - a site for ferry news",  # a teaser, no sentence after the dash
    ],
)
def test_what_is_no_lead_crediting_the_site(line: str) -> None:
    assert self_votes(["Ferry fares rise again", line]) == []


def test_a_sites_imprint_given_twice_names_its_company() -> None:
    lines = ["Harbor Labs at the ferry fair", "Fares rose on Monday."]
    lines += ["harborlabs GmbH", "Quaygasse 20", "harborlabs GmbH", "Hafenstr. 126-128"]
    assert [(v.name, v.kind) for v in imprint_votes(lines)] == [
        ("harborlabs GmbH", Kind.COPYRIGHT),
        ("harborlabs GmbH", Kind.COPYRIGHT),
    ]
    assert page_outlet(capture_votes("\n".join(lines), None), None, None) == "harborlabs"
    us = ["Quay Post LLC", "1625 Quay Street", "Menu", "Quay Post LLC", "1625 Quay Street"]
    assert {v.name for v in imprint_votes(us)} == {"Quay Post LLC"}


@pytest.mark.parametrize(
    "lines",
    [
        ["Press contact:", "Harbor Labs GmbH", "Quaygasse 20"],  # a press release's, once
        ["Harbor Labs GmbH", "Menu", "Harbor Labs GmbH", "Contact"],  # no street address
        ["Harbor Labs team", "Quaygasse 20", "Harbor Labs team", "Quaygasse 20"],  # no legal form
    ],
)
def test_what_is_no_imprint(lines: list[str]) -> None:
    assert imprint_votes(lines) == []


def test_a_notice_naming_a_domain_gives_the_host_before_a_mailbox() -> None:
    lines = [
        "By Jane Roe | Harbor Advance Media for Harbor.com",
        "Reach her at jroe@harboradvancemedia.com.",
        "© 2019 Harbor.com. All rights reserved.",
    ]
    assert notice_domains(lines) == ["harbor.com"]
    assert page_outlet(capture_votes("\n".join(lines), None), None, None) == "Harbor.com"
    two = ["© 2019 Harbor.com. All rights reserved.", "© 2019 Quayside.com"]
    assert notice_domains(two) == []  # two sites' notices: neither is sure
