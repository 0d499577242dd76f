"""General vocabulary for naming a page's outlet (``outlet_names``, ``outlet``).

Nothing here names a particular site: these are the words companies, platforms, editions and
host names are made of. Matched case-insensitively on whole words unless said otherwise.
"""

from __future__ import annotations

#: Legal forms written after a company's name ("Cable News Network LP", "NYP Holdings, Inc.").
LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "incorporated",
        "llc",
        "l.l.c",
        "ltd",
        "limited",
        "plc",
        "lp",
        "l.p",
        "llp",
        "co",
        "corp",
        "gmbh",
        "ag",
        "s.a",
        "sa",
        "s.p.a",
        "spa",
        "srl",
        "s.r.l",
        "b.v",
        "bv",
        "n.v",
        "nv",
        "pty",
        "pvt",
        "private limited",
        "oy",
        "ab",
        "a/s",
        "sas",
        "kg",
        "k.k",
        "ltda",
        "s.l",
        "sl",
    }
)

#: Legal forms written before or around a name in scripts without spaces (Japanese, Russian).
LEGAL_AFFIXES = (
    "株式会社",
    "有限会社",
    "合同会社",
    "特許業務法人",
    "弁護士法人",
    "一般社団法人",
    "公益社団法人",
    "一般財団法人",
    "公益財団法人",
    "ООО ",
    "ОАО ",
    "ЗАО ",
    "ПАО ",
    "АО ",
)

#: Words that make a name a company's rather than a publication's ("Vox Media", "NYP Holdings",
#: "Hearst Communications", "The New York Times Company", "Mortons Media Group").
COMPANY_WORDS = frozenset(
    {
        "holdings",
        "holding",
        "communications",
        "communication",
        "company",
        "companies",
        "group",
        "media",
        "network",
        "networks",
        "interactive",
        "publishing",
        "publications",
        "publishers",
        "newspapers",
        "enterprises",
        "partners",
        "ventures",
        "broadcasting",
        "corporation",
        "industries",
        "properties",
        "affiliates",
        "inc",
        "llc",
        "ltd",
        "limited",
        "plc",
    }
)

#: Words after a brand that name one of its editions ("Business Insider Deutschland", "RT
#: International", "Slate Magazine"): dropped when the rest of the name spells the site's host.
EDITION_WORDS = frozenset(
    {
        "international",
        "global",
        "world",
        "worldwide",
        "edition",
        "online",
        "digital",
        "magazine",
        "mag",
        "uk",
        "us",
        "usa",
        "india",
        "deutschland",
        "germany",
        "france",
        "españa",
        "italia",
        "canada",
        "australia",
        "asia",
        "europe",
        "africa",
        "arabia",
        "new york",
        "london",
    }
)

#: Media groups that own many outlets, as letters ("Hearst Newspapers" starts with ``hearst``):
#: named in a site's copyright notice they are its owner, never the outlet, or one group's
#: papers would count as one outlet in a story. Written from general knowledge of the trade,
#: not from any benchmark's pages; a group that publishes under its own name as a brand
#: (CBS, NBC News, Reuters) is not here.
PARENT_COMPANIES = frozenset(
    {
        "gannett", "hearst", "dowjones", "newscorp", "newsamerica", "condenast", "futureus",
        "futureplc", "futurepublishing", "ziffdavis", "nbcuniversal", "comcast", "microsoft",
        "poynterinstitute", "voxmedia", "advancelocal", "advancemedia", "advancepublications",
        "tribunepublishing", "tribunemedia", "mcclatchy", "leeenterprises", "penskemedia",
        "meredith", "dotdashmeredith", "nexstar", "sinclairbroadcast", "tegna", "grahammedia",
        "grahamholdings", "axelspringer", "newsgroupnewspapers", "dmgmedia", "reachplc",
        "bellmedia", "postmedia", "torstar", "nineentertainment", "cbsbroadcasting",
        "cbsinteractive", "viacomcbs", "paramountglobal", "warnermedia", "warnerbros",
        "turnerbroadcasting", "foxcorporation", "iacpublishing", "bustledigital", "valnet",
        "gatehouse", "digitalfirstmedia", "medianewsgroup", "coxmedia",
        "scrippsco", "ewscripps", "guardianmediagroup", "telegraphmediagroup", "tronc",
    }
)  # fmt: skip

#: Words a site writes after its name in its brand ("BBC News" on bbc.com, "Sky News" on
#: sky.com): a link to the site's own pages that names the host with one of them after it names
#: the brand, not another publication.
BRAND_WORDS = frozenset({"news", "tv", "radio", "daily", "today"})

#: Names that are a publishing platform, a section or a frame, never a publication.
NOT_OUTLETS = frozenset(
    {
        "blogger",
        "blogspot",
        "wordpress",
        "wordpress.com",
        "tumblr",
        "medium",
        "substack",
        "wix",
        "squarespace",
        "ghost",
        "hosted",
        "logo",
        "all rights reserved",
        "all rights",
        "home",
        "homepage",
        "news",
        "latest news",
        "u.s.",
        "us",
        "world",
        "opinion",
        "politics",
        "business",
        "sports",
        "blog",
        "getty images",
        "shutterstock",
        "facebook",
        "twitter",
        "instagram",
        "youtube",
        "google",
    }
)

#: Words a spelled-out name may skip when it is matched against a host ("nytimes" from "The
#: New York Times", "jpost" from "The Jerusalem Post").
SKIPPABLE_WORDS = frozenset(
    {"the", "of", "and", "&", "a", "an", "de", "da", "do", "dos", "das", "di", "la", "le", "el"}
)

#: Lower-case words inside a brand that do not make it a description ("Prefeitura de Jaraguá do
#: Sul", "Kabar tentang Dunia Islam" has one such word only).
NAME_PARTICLES = frozenset(
    {
        "the",
        "of",
        "and",
        "a",
        "an",
        "de",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "del",
        "la",
        "le",
        "el",
        "von",
        "van",
        "der",
        "den",
        "du",
        "des",
        "y",
        "e",
        "et",
        "und",
        "on",
        "at",
        "in",
        "for",
        "и",
        "в",
    }
)

#: Host labels that say what kind of page it is rather than whose it is ("www", "m", "blog"):
#: never a site's name on their own.
GENERIC_LABELS = frozenset(
    {
        "www",
        "www1",
        "www2",
        "m",
        "mobile",
        "amp",
        "en",
        "edition",
        "news",
        "blog",
        "blogs",
        "hosted",
        "beta",
        "web",
        "home",
        "article",
        "articles",
        "static",
    }
)

#: Second-level labels under a country code that are not a name ("co" in ``bbc.co.uk``).
PUBLIC_SECOND_LEVEL = frozenset(
    {"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "nic", "mil", "sc"}
)

#: Domains of the platforms pages link to: never the page's own site.
PLATFORM_DOMAINS = frozenset(
    {
        "facebook",
        "twitter",
        "x",
        "instagram",
        "youtube",
        "google",
        "gmail",
        "apple",
        "linkedin",
        "pinterest",
        "whatsapp",
        "reddit",
        "tiktok",
        "outlook",
        "hotmail",
        "yahoo",
    }
)

#: Words before a copyright mark that make it a credit for a picture or data, not the site's
#: notice ("Sports data © STATS 2018", "Image: © Shutterstock", "Photo © Jane Roe").
CREDIT_WORDS = frozenset(
    {
        "photo",
        "photos",
        "photograph",
        "photography",
        "image",
        "images",
        "picture",
        "pictures",
        "video",
        "footage",
        "graphic",
        "graphics",
        "illustration",
        "map",
        "maps",
        "data",
        "credit",
        "credits",
        "source",
    }
)
