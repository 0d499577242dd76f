"""One entity, every spelling: merge a story's mentions into entities.

- People: full names merge when their word skeletons agree (Volodymyr Zelenskyy = Volodymyr
  Zelensky); a bare surname joins the one full name in the story with that surname, and stays
  apart when two full names share it (never merge two people on a surname alone).
- Places and organisations: merge on the place key (``Kursk region`` = ``Kursk-Oblast area``);
  demonyms (``Ukrainian``, ``North Korean``) join the place they name when it is in the story.
- Acronyms the text defines (``Long Name (ACR)``, ``known by its acronym ACR``) join their long
  form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsloom.fuse.names import demonym_places, person_key, place_key, strip_titles
from newsloom.model import Article, Entity

#: A demonym's stem may be this many characters shorter than the place key (Ukrain-e).
DEMONYM_SLACK = 2

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ORG_HEADS = (
    "intelligence|agency|ministry|service|directorate|committee|council|party|army|forces|"
    "command|office|department|bureau|authority|commission|union|organization|organisation|"
    "group|front|movement|court|guard|police"
)
#: Last words that end an organisation's or a building's name, never a person's.
ORG_SUFFIXES = frozenset(
    """works inc corp corporation co company companies ltd llc plc group foods lines airlines
    bank university college school hospital center centre institute foundation association
    industries holdings partners systems technologies motors mills factory plant council
    ministry department agency authority commission committee union party church""".split()
)


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


_ACRONYM_PAREN_RE = re.compile(r"\((?P<acr>[A-Z]{2,8})\)")
#: Small words allowed inside a long name: "Ministry of Foreign Affairs".
_NAME_JOINERS = frozenset({"of", "for", "and", "the", "on", "de", "&"})
#: At most this many words are read back from "(ACR)" for its long form.
_LONG_FORM_MAX_WORDS = 8
_ACRONYM_KNOWN_RE = re.compile(r"known (?:by its acronym|by the acronym|as) (?P<acr>[A-Z]{2,8})\b")
_LONG_FORM_RE = re.compile(
    r"(?P<long>(?!(?:The|This|That|Its|Their|Such)\b)(?:[A-Z][\w’'.-]*\s+)"
    r"(?:[a-z][\w’'-]*\s+){0,3}(?:" + _ORG_HEADS + r"))\b"
)


@dataclass(slots=True)
class _Cluster:
    key: str
    label: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)  # forms that name it (not demonyms)
    articles: list[str] = field(default_factory=list)

    def add(self, form: str, label: str, article: str, n: int = 1) -> None:
        self.forms[form] += n
        if label != "NORP":
            self.names[form] += n
        self.label[label] += n
        if article not in self.articles:
            self.articles.append(article)

    def absorb(self, other: _Cluster) -> None:
        self.forms.update(other.forms)
        self.names.update(other.names)
        self.label.update(other.label)
        self.articles += [a for a in other.articles if a not in self.articles]

    def absorb_as(self, other: _Cluster, label: str, form: str | None = None) -> None:
        """Take ``other``'s mentions as this cluster's ``label`` (spaCy's label for them was
        wrong), under the one spelling ``form`` when given."""
        total = sum(other.forms.values())
        if form is None:
            self.forms.update(other.forms)
            self.names.update(other.names)
        else:
            self.forms[form] += total
            self.names[form] += total
        self.label[label] += total
        self.articles += [a for a in other.articles if a not in self.articles]


def merge_entities(members: Sequence[Article]) -> list[Entity]:
    clusters: dict[str, _Cluster] = {}
    surnames: list[tuple[str, str, str, str]] = []  # (surname skeleton, form, label, article)
    for article in members:
        for mention in article.entities:
            _place_mention(clusters, surnames, article.id, mention.norm or mention.text,
                           mention.label)  # fmt: skip
        for speaker in _named_speakers(article):
            _place_mention(clusters, surnames, article.id, speaker, "PERSON")
        if place := dateline_place(article.dateline):
            _place_mention(clusters, surnames, article.id, place, "GPE")
    _attach_surnames(clusters, surnames)
    _attach_titled_people(clusters)
    _attach_mislabelled_surnames(clusters)
    _attach_lone_names(clusters)
    _merge_same_names(clusters)
    _attach_demonyms(clusters)
    _attach_acronyms(clusters, members)
    return _entities(clusters)


def _place_mention(
    clusters: dict[str, _Cluster],
    surnames: list[tuple[str, str, str, str]],
    article: str,
    text: str,
    label: str,
) -> None:
    if _last_word(text).lower().strip(".,") in ORG_SUFFIXES:
        if len(text.split()) == 1:
            return  # "Works", "University" alone: a generic word cut from a longer name
        if label == "PERSON":
            label = "ORG"  # "Halden Polymer Works", "Bluewater Inter-Island Lines": not people
    if label == "PERSON":
        name = strip_titles(text)
        key = person_key(name)
        if len(key) == 1:
            surnames.append((key[0], name, label, article))
            return
        if not key:
            return
        cluster_key = "P:" + " ".join((key[0], key[-1]))
    else:
        name = strip_titles(text) if label in _PLACE_LABELS else text
        pk = place_key(name)
        if not pk:
            return
        cluster_key = ("N:" if label == "NORP" else "X:") + pk
    clusters.setdefault(cluster_key, _Cluster(cluster_key)).add(name, label, article)


def dateline_place(dateline: str | None) -> str | None:
    """The city of a dateline, in the case the body uses: "KYIV, Ukraine" → "Kyiv"."""
    if not dateline:
        return None
    city = dateline.split(",")[0].strip()
    return city.title() if city.isupper() else city or None


def _named_speakers(article: Article) -> set[str]:
    """Quote speakers that are full names of people the article mentions by surname.

    spaCy sometimes misses a full name that the quote reader resolved ("U.S. Secretary of
    Defense Lloyd Austin" tagged as an organisation); the speaker restores it, so a bare
    "Austin" can join it.
    """
    surnames = {
        key[-1]
        for m in article.entities
        if m.label == "PERSON" and (key := person_key(m.norm or m.text))
    }
    return {
        q.speaker
        for q in article.quotes
        if q.speaker and len(person_key(q.speaker)) >= 2 and person_key(q.speaker)[-1] in surnames
    }


def _attach_surnames(
    clusters: dict[str, _Cluster], surnames: list[tuple[str, str, str, str]]
) -> None:
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in clusters:
        if key.startswith("P:"):
            by_surname[key.split()[-1]].append(key)
    for surname, form, label, article in surnames:
        owners = by_surname.get(surname, [])
        key = owners[0] if len(owners) == 1 else f"P:{surname}"
        clusters.setdefault(key, _Cluster(key)).add(form, label, article)


def _attach_titled_people(clusters: dict[str, _Cluster]) -> None:
    """A non-person mention that ends with a person's full name is that person.

    spaCy tags "Secretary of Defense Lloyd Austin" as an organisation "Defense Lloyd Austin";
    when the story names "Lloyd Austin" as a person, the mention is his.
    """
    people = {
        form: key
        for key, c in clusters.items()
        if key.startswith("P:")
        for form in c.names
        if len(form.split()) >= 2
    }
    if not people:
        return
    for key in [k for k in clusters if k.startswith("X:")]:
        cluster = clusters[key]
        owners = {_person_suffix(form, people) for form in cluster.forms}
        if len(owners) != 1 or None in owners:
            continue
        owner = owners.pop()
        assert owner is not None
        clusters[people[owner]].absorb_as(cluster, "PERSON", owner)
        del clusters[key]


def _attach_mislabelled_surnames(clusters: dict[str, _Cluster]) -> None:
    """A bare surname spaCy tagged as an organisation or a place ("Carrasco said …" as an ORG)
    is the one person of the story with that surname. A place name is only taken when the story
    also tags that very word as the person at least as often: "Austin" the city stays."""
    people = [k for k in clusters if k.startswith("P:")]
    for key in [k for k in clusters if k.startswith("X:")]:
        cluster = clusters[key]
        if len(cluster.forms) != 1:
            continue
        form, n = next(iter(cluster.forms.items()))
        surname = person_key(form)
        owners = [p for p in people if len(surname) == 1 and p.split()[-1] == surname[0]]
        if len(owners) != 1:
            continue
        person = clusters[owners[0]]
        if _best_type(cluster) in _PLACE_LABELS and person.forms[form] < n:
            continue
        person.absorb_as(cluster, "PERSON", form)
        del clusters[key]


def _attach_lone_names(clusters: dict[str, _Cluster]) -> None:
    """A one-word "person" no full name in the story owns, spelled exactly like a place or an
    organisation the story names, is that place or organisation: spaCy tags an unfamiliar town
    ("Brennick said it would …") or company ("Vossberg") as a person. People in the news are
    named in full at least once."""
    things: dict[str, str] = {}
    for key, cluster in clusters.items():
        if key.startswith("X:"):
            for form in cluster.forms:
                things.setdefault(form, key)
    for key in [k for k in clusters if k.startswith("P:") and len(k.split()) == 1]:
        cluster = clusters[key]
        targets = {things.get(form) for form in cluster.forms}
        if len(targets) == 1 and None not in targets:
            target = targets.pop()
            assert target is not None
            clusters[target].absorb_as(cluster, _best_type(clusters[target]))
            del clusters[key]


def _merge_same_names(clusters: dict[str, _Cluster]) -> None:
    """One name written the same, tagged a person in one sentence and a ship, building or
    organisation in another ("the Margaret Hale"), is one entity of the type used most."""
    things: dict[str, str] = {}
    for key, cluster in clusters.items():
        if key.startswith("X:"):
            for form in cluster.names:
                things.setdefault(form, key)
    for key in [k for k in clusters if k.startswith("P:")]:
        person = clusters[key]
        targets = {things.get(form) for form in person.forms}
        if len(targets) != 1 or None in targets:
            continue
        target = targets.pop()
        assert target is not None
        thing = clusters[target]
        if sum(thing.forms.values()) > sum(person.forms.values()):
            thing.absorb_as(person, _best_type(thing))
            del clusters[key]


def _person_suffix(form: str, people: dict[str, str]) -> str | None:
    """The person's full name that ``form`` ends with, after a leading title or office word."""
    return next((p for p in people if form != p and form.endswith(" " + p)), None)


def _attach_demonyms(clusters: dict[str, _Cluster]) -> None:
    places = [k for k in clusters if k.startswith("X:")]
    for key in [k for k in clusters if k.startswith("N:")]:
        form = clusters[key].forms.most_common(1)[0][0]
        target = _demonym_target(form, places)
        if target:
            clusters[target].absorb(clusters.pop(key))


def _demonym_target(form: str, places: list[str]) -> str | None:
    for stem in demonym_places(form):
        for key in places:
            place = key[2:]
            if place.startswith(stem) and len(place) - len(stem) <= DEMONYM_SLACK:
                return key
    return None


def _attach_acronyms(clusters: dict[str, _Cluster], members: Sequence[Article]) -> None:
    for article in members:
        for acronym, long_form in defined_acronyms(article.body).items():
            _join_acronym(clusters, article.id, acronym, long_form)


def _join_acronym(
    clusters: dict[str, _Cluster], article: str, acronym: str, long_form: str
) -> None:
    long_key = "X:" + place_key(long_form)
    acr_key = "X:" + place_key(acronym)
    target = clusters.setdefault(long_key, _Cluster(long_key))
    if not target.forms:
        target.add(long_form, "ORG", article)
    if acr_key in clusters and acr_key != long_key:
        target.absorb(clusters.pop(acr_key))
    else:
        target.add(acronym, "ORG", article, n=0)
    target.forms.setdefault(acronym, 0)


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines, with their long form: ``{"VBP": "Veloria’s border police"}``."""
    found: dict[str, str] = {}
    for match in _ACRONYM_PAREN_RE.finditer(text):
        long_form = _capitalised_run_before(text[max(0, match.start() - 200) : match.start()])
        if long_form:
            found.setdefault(match["acr"], long_form)
    for match in _ACRONYM_KNOWN_RE.finditer(text):
        before = text[max(0, match.start() - 600) : match.start()]
        longs = list(_LONG_FORM_RE.finditer(before))
        if longs:
            found.setdefault(match["acr"], longs[-1]["long"].strip())
    return found


def _capitalised_run_before(text: str) -> str | None:
    """The run of capitalised words (with joiners) that ends ``text``: a name before "(ACR)"."""
    words = text.rstrip().split(" ")
    run: list[str] = []
    for word in reversed(words[-_LONG_FORM_MAX_WORDS:]):
        if word[:1].isupper() or (word.lower() in _NAME_JOINERS and run):
            run.insert(0, word)
        else:
            break
    while run and run[0].lower() in _NAME_JOINERS:
        run.pop(0)
    return " ".join(run) if len(run) >= 2 else None


_COMPANY_WORDS = frozenset(
    """company co inc corp corporation foods works lines group ltd llc plc industries holdings
    motors airlines bank mills""".split()
)
#: A speaker named by its role ("the company said") and the last words of the names that role
#: can stand for in the story.
ROLE_NAMES: dict[str, frozenset[str]] = {
    "company": _COMPANY_WORDS,
    "firm": _COMPANY_WORDS,
    "operator": _COMPANY_WORDS,
    "union": frozenset({"union", "workers", "local", "federation", "guild"}),
    "agency": frozenset({"agency", "authority", "administration", "commission", "bureau"}),
    "university": frozenset({"university", "college"}),
    "hospital": frozenset({"hospital", "clinic"}),
    "ministry": frozenset({"ministry"}),
    "council": frozenset({"council"}),
}
_ROLE_SPEAKER_RE = re.compile(r"(?:the\s+)?(?P<role>" + "|".join(ROLE_NAMES) + r")", re.I)


def role_entity(speaker: str, entities: list[Entity]) -> str | None:
    """The one organisation of the story a role speaker ("the company") stands for."""
    m = _ROLE_SPEAKER_RE.fullmatch(speaker.strip())
    if not m:
        return None
    words = ROLE_NAMES[m["role"].lower()]
    found = [
        e.id
        for e in entities
        if e.type in {"ORG", "FAC"} and len(e.name.split()) > 1
        and _last_word(e.name).lower().strip(".,") in words
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def speaker_entity(speaker: str | None, entities: list[Entity]) -> str | None:
    """The id of the person entity a speaker names, when exactly one matches; a role speaker
    ("the company") is the one organisation of the story that role can stand for."""
    if not speaker:
        return None
    if (role := role_entity(speaker, entities)) is not None:
        return role
    key = person_key(speaker)
    if not key:
        return None
    found = [
        e.id for e in entities
        if e.type == "PERSON" and any(person_key(a)[-1:] == key[-1:] for a in e.aliases if a)
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _entities(clusters: dict[str, _Cluster]) -> list[Entity]:
    ranked = sorted(clusters.values(), key=lambda c: (-sum(c.forms.values()), c.key))
    return [
        Entity(
            id=f"E{n}",
            name=_best_name(c),
            type=_best_type(c),
            aliases=sorted(c.forms),
            articles=c.articles,
            mentions=sum(c.forms.values()),
        )
        for n, c in enumerate(ranked, start=1)
    ]


def _best_type(cluster: _Cluster) -> str:
    """The most used label, preferring a place label when the cluster is a place at all."""
    places = [lab for lab, _ in cluster.label.most_common() if lab in _PLACE_LABELS]
    if places:
        return places[0]
    return cluster.label.most_common(1)[0][0] if cluster.label else "ORG"


def _best_name(cluster: _Cluster) -> str:
    """The longest form among the most used, for people; the most used form otherwise."""
    forms = cluster.names or cluster.forms
    if cluster.key.startswith("P:"):
        return max(forms, key=lambda f: (len(f.split()), forms[f], len(f)))
    return max(forms, key=lambda f: (forms[f], len(f)))
