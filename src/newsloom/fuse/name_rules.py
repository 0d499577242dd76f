"""Name rules: which named mentions of a story are one entity, by how they are spelled.

The first pass of :mod:`newsloom.fuse.resolve`; it sees only mentions that carry a name label
(``PERSON``, ``GPE``, ``ORG`` …) and decides them from their spelling alone:

- People: full names merge when their word skeletons agree (Volodymyr Zelenskyy = Volodymyr
  Zelensky), or when the first names agree but for vowels and the surnames agree (Volodymyr /
  Vladimir Zelensky). A bare surname (or an initial and a surname: ``V. Zelensky``) joins the one
  full name with that surname in its own document, else the one in the story, and stays apart
  when two full names share it (never merge two people on a surname alone); an initial narrows
  the candidates to the full names it abbreviates.
- Places and organisations: merge on the place key (``Kursk region`` = ``Kursk-Oblast area``);
  demonyms (``Ukrainian``, ``North Korean``) join the place they name when it is in the story.
- Acronyms the text defines (``Long Name (ACR)``, ``known by its acronym ACR``) join their long
  form.
- Repairs of spaCy's labels: a title glued to a name ("Defense Lloyd Austin" as an ORG), a
  surname tagged as an organisation, a one-word "person" that is a town or company named in the
  story, one name tagged a person once and a ship more often.

Every cluster keeps the keys of its mentions, so the resolver can say which entity each mention
resolves to.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsloom.fuse.coref_mention import MentionInDoc
from newsloom.fuse.names import demonym_places, fold, person_key, place_key, strip_titles
from newsloom.spelling import POSSESSIVE_RE

__all__ = ["NAME_LABELS", "PLACE_LABELS", "NameCluster", "best_type", "name_clusters"]

#: Labels whose mentions the name rules place (the annotate stage's entity labels).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A demonym's stem may be this many characters shorter than the place key (Ukrain-e).
DEMONYM_SLACK = 2
#: First names agree when their consonants agree and there are at least this many of them
#: (vldmr: Volodymyr / Vladimir); fewer consonants say too little ("Dan" / "Dina").
FIRST_NAME_CONSONANTS = 4

#: Last words that end an organisation's or a building's name, never a person's.
ORG_SUFFIXES = frozenset(
    """works inc corp corporation co company companies ltd llc plc group foods lines airlines
    bank university college school hospital center centre institute foundation association
    industries holdings partners systems technologies motors mills factory plant council
    ministry department agency authority commission committee union party church""".split()
)
_VOWELS_RE = re.compile(r"[aeiouy]")
_PREPOSITIONS = frozenset({"in", "at", "near", "on", "from", "of", "to", "into", "outside"})
_INITIAL_RE = re.compile(r"^[A-Z]\.?$")
#: Lower-case words that may sit inside a place's name ("Gulf of Varna", "Rio de Plata").
_CONNECTORS = frozenset({"of", "de", "del", "da", "the", "on", "upon", "and"})


@dataclass(slots=True)
class NameCluster:
    """Mentions the rules put together: their spellings, labels, documents and keys."""

    key: str
    label: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)  # forms that name it (not demonyms)
    articles: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    families: Counter[str] = field(default_factory=Counter)

    def add(
        self, form: str, label: str, article: str, key: str | None, n: int = 1, family: str = ""
    ) -> None:
        self.forms[form] += n
        self.families[family] += n
        if label != "NORP":
            self.names[form] += n
        self.label[label] += n
        if article not in self.articles:
            self.articles.append(article)
        if key is not None:
            self.keys.append(key)

    def absorb(self, other: NameCluster) -> None:
        self.forms.update(other.forms)
        self.names.update(other.names)
        self.label.update(other.label)
        self._take(other)

    def absorb_as(self, other: NameCluster, label: str, form: str | None = None) -> None:
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
        self._take(other)

    def _take(self, other: NameCluster) -> None:
        seen = set(self.articles)
        self.articles += [a for a in other.articles if a not in seen]
        self.keys += other.keys
        self.families.update(other.families)


@dataclass(frozen=True, slots=True)
class _Surname:
    skeleton: str
    initial: str  # "v" for "V. Zelensky", "" without one
    mention: MentionInDoc
    form: str


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


def name_clusters(
    mentions: Sequence[MentionInDoc], acronyms: Iterable[tuple[str, str, str]] = ()
) -> dict[str, NameCluster]:
    """Clusters of the named mentions (proper, label in ``NAME_LABELS``); ``acronyms`` are
    ``(document, acronym, long form)`` definitions read from the text."""
    clusters: dict[str, NameCluster] = {}
    surnames: list[_Surname] = []
    for mention in mentions:
        if mention.proper and mention.label in NAME_LABELS:
            _place_mention(clusters, surnames, mention)
    _attach_surnames(clusters, surnames)
    _attach_titled_people(clusters)
    _attach_mislabelled_surnames(clusters)
    _attach_lone_names(clusters)
    _attach_first_names(clusters)
    _merge_same_names(clusters)
    _attach_mislabelled_full_names(clusters)
    _attach_demonyms(clusters)
    _attach_short_org_names(clusters)
    for doc, acronym, long_form in acronyms:
        _join_acronym(clusters, doc, acronym, long_form)
    return clusters


def _place_mention(
    clusters: dict[str, NameCluster], surnames: list[_Surname], mention: MentionInDoc
) -> None:
    text, label = _unprefixed(mention.text), mention.label
    if _last_word(text).lower().strip(".,") in ORG_SUFFIXES:
        if len(text.split()) == 1:
            return  # "Works", "University" alone: a generic word cut from a longer name
        if label == "PERSON":
            label = "ORG"  # "Halden Polymer Works", "Bluewater Inter-Island Lines": not people
    if label == "PERSON":
        name = strip_titles(text)
        key = person_key(name)
        if len(key) == 1:
            surnames.append(_Surname(key[0], _initial(name), mention, name))
            return
        if not key:
            return
        cluster_key = "P:" + " ".join((key[0], key[-1]))
    else:
        name = _place_core(text) if label in PLACE_LABELS else text
        pk = place_key(name)
        if not pk:
            return
        cluster_key = ("N:" if label == "NORP" else "X:") + pk
    cluster = clusters.setdefault(cluster_key, NameCluster(cluster_key))
    cluster.add(name, label, mention.doc, mention.key, family=mention.family)


def _unprefixed(text: str) -> str:
    """The name without a leading preposition a mention span may carry ("in Gulf of Aden")."""
    words = text.split()
    while len(words) > 1 and words[0] in _PREPOSITIONS:
        words.pop(0)
    return " ".join(words)


def _place_core(text: str) -> str:
    """The capitalised run of a place mention: ``the notorious Gulf of Varna , off the coast``
    → ``Gulf of Varna``. Lower-case words before it (an epithet) and after it (what follows a
    comma or a preposition) are not the name; ``of``/``de``/``the`` inside it are. (The title
    stripping of people's names read "Gulf of" as a title, "Secretary of", and kept "Varna".)"""
    words = POSSESSIVE_RE.sub("", text.strip()).split()
    if len(words) > 1 and words[0] == "The":
        words.pop(0)
    start = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if start is None:
        return text
    end = start + 1
    while end < len(words) and (
        words[end][:1].isupper()
        or (words[end] in _CONNECTORS and end + 1 < len(words) and words[end + 1][:1].isupper())
    ):
        end += 1
    return " ".join(words[start:end])


def _initial(name: str) -> str:
    """The initial before a surname: ``V. Zelensky`` → ``v``; ``""`` for none."""
    words = name.split()
    return fold(words[0][0]) if len(words) > 1 and _INITIAL_RE.match(words[0]) else ""


def _consonants(word: str) -> str:
    return _VOWELS_RE.sub("", word)


def _join_first_name_variants(clusters: dict[str, NameCluster]) -> None:
    """Full names with one surname skeleton whose first names differ only in vowels
    (Volodymyr / Vladimir: ``vldmr``) are one person: transliterations of one first name."""
    by_variant: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(clusters):
        if key.startswith("P:") and len(words := key[2:].split()) == 2:
            first = _consonants(words[0])
            if len(first) >= FIRST_NAME_CONSONANTS:
                by_variant[(first, words[1])].append(key)
    for keys in by_variant.values():
        for other in keys[1:]:
            clusters[keys[0]].absorb(clusters.pop(other))


def _attach_surnames(clusters: dict[str, NameCluster], surnames: list[_Surname]) -> None:
    """A bare surname joins the one full name with its surname (and initial) in its own
    document, else the one in the story; else it stays a cluster of its own."""
    _join_first_name_variants(clusters)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in clusters:
        if key.startswith("P:"):
            by_surname[key.split()[-1]].append(key)
    named_in = {k: set(clusters[k].articles) for ks in by_surname.values() for k in ks}
    for surname in surnames:
        owners = [
            k for k in by_surname.get(surname.skeleton, [])
            if not surname.initial or k[2:].startswith(surname.initial)
        ]  # fmt: skip
        local = [k for k in owners if surname.mention.doc in named_in[k]]
        chosen = local if len(local) == 1 else owners
        key = chosen[0] if len(chosen) == 1 else f"P:{surname.skeleton}"
        cluster = clusters.setdefault(key, NameCluster(key))
        cluster.add(surname.form, "PERSON", surname.mention.doc, surname.mention.key,
                    family=surname.mention.family)  # fmt: skip


def _attach_first_names(clusters: dict[str, NameCluster]) -> None:
    """A one-word person name that is no full name's surname, nor a place or organisation of
    the story, but the first name of one full name named in each of its documents ("Lindsay"
    after "Lindsay Lohan") is that person."""
    firsts: dict[str, list[str]] = defaultdict(list)
    for key in clusters:
        if key.startswith("P:") and len(words := key[2:].split()) == 2:
            firsts[words[0]].append(key)
    for key in [k for k in clusters if k.startswith("P:") and len(k.split()) == 1]:
        owners = firsts.get(key[2:], [])
        cluster = clusters[key]
        if len(owners) == 1 and set(cluster.articles) <= set(clusters[owners[0]].articles):
            clusters[owners[0]].absorb(clusters.pop(key))


def _attach_titled_people(clusters: dict[str, NameCluster]) -> None:
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


def _person_suffix(form: str, people: Mapping[str, str]) -> str | None:
    """The person's full name that ``form`` ends with, after a leading title or office word."""
    return next((p for p in people if form != p and form.endswith(" " + p)), None)


def _attach_mislabelled_surnames(clusters: dict[str, NameCluster]) -> None:
    """A bare surname spaCy tagged as an organisation or a place ("Carrasco said …" as an ORG)
    is the one person of the story with that surname; so is a surname tagged as a nationality
    ("Klitschko" as a NORP) that is no demonym of a place of the story. A place name is only
    taken when the story also tags that very word as the person at least as often ("Austin" the
    city stays), or when the mentions' family says they are people."""
    people = [k for k in clusters if k.startswith("P:")]
    places = [k for k in clusters if k.startswith("X:")]
    for key in [k for k in clusters if k.startswith(("X:", "N:"))]:
        cluster = clusters[key]
        if len(cluster.forms) != 1:
            continue
        if key.startswith("N:") and _demonym_target(next(iter(cluster.forms)), places):
            continue
        form, n = next(iter(cluster.forms.items()))
        surname = person_key(form)
        owners = [p for p in people if len(surname) == 1 and p.split()[-1] == surname[0]]
        if len(owners) != 1:
            continue
        person = clusters[owners[0]]
        as_person = set(cluster.families) == {"HUM"}  # the caller knows it names a person
        if best_type(cluster) in PLACE_LABELS and person.forms[form] < n and not as_person:
            continue
        person.absorb_as(cluster, "PERSON", form)
        del clusters[key]


def _attach_lone_names(clusters: dict[str, NameCluster]) -> None:
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
            clusters[target].absorb_as(cluster, best_type(clusters[target]))
            del clusters[key]


def _merge_same_names(clusters: dict[str, NameCluster]) -> None:
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
            thing.absorb_as(person, best_type(thing))
            del clusters[key]


#: Labels of a person's full name that can only be spaCy's mistake when the mention is a
#: person's (organisations, buildings and ships are named after people).
_NOT_A_PERSON_S_THING = frozenset({"GPE", "LOC", "NORP", "WORK_OF_ART"})


def _attach_mislabelled_full_names(clusters: dict[str, NameCluster]) -> None:
    """A full name (two words or more) that the caller says names a person (family ``HUM``)
    but spaCy tagged a place, a nationality or a work, written exactly as one person of the
    story is named and no more often than that person is tagged a person, is that person.
    Organisations, buildings and ships keep their tag: a company or a ship is often named
    after a person and stands beside them. Only a cluster with no other spelling moves."""
    people: dict[str, set[str]] = defaultdict(set)
    for key, cluster in clusters.items():
        if key.startswith("P:"):
            for form in cluster.forms:
                if len(form.split()) > 1:
                    people[form].add(key)
    for key in [k for k in clusters if k.startswith(("X:", "N:"))]:
        thing = clusters[key]
        if set(thing.families) != {"HUM"} or not set(thing.label) <= _NOT_A_PERSON_S_THING:
            continue
        owners = {frozenset(people.get(form, ())) for form in thing.forms}
        if len(owners) != 1 or len(found := next(iter(owners))) != 1:
            continue
        person = clusters[next(iter(found))]
        if all(person.forms[form] >= n for form, n in thing.forms.items()):
            person.absorb_as(thing, "PERSON")
            del clusters[key]


def _attach_demonyms(clusters: dict[str, NameCluster]) -> None:
    places = [k for k in clusters if k.startswith("X:")]
    for key in [k for k in clusters if k.startswith("N:")]:
        form = clusters[key].forms.most_common(1)[0][0]
        target = _demonym_target(form, places)
        if target:
            clusters[target].absorb(clusters.pop(key))


def _attach_short_org_names(clusters: dict[str, NameCluster]) -> None:
    """An organisation named by the last words of one other organisation's name ("Saints" for
    "New Orleans Saints", "Red Sox" for "Boston Red Sox") is that organisation, when only one
    name of the story ends that way."""
    longs: dict[str, list[str]] = defaultdict(list)
    for key, cluster in clusters.items():
        if key.startswith("X:") and best_type(cluster) not in PLACE_LABELS:
            for form in cluster.names:
                words = form.split()
                for i in range(1, len(words)):
                    longs[place_key(" ".join(words[i:]))].append(key)
    for key in [k for k in clusters if k.startswith("X:")]:
        found = clusters.get(key)
        if found is None or best_type(found) in PLACE_LABELS:
            continue
        generic = _last_word(found.forms.most_common(1)[0][0]).lower() in ORG_SUFFIXES
        targets = set(longs.get(key[2:], [])) - {key}
        if len(targets) == 1 and not generic and (target := targets.pop()) in clusters:
            clusters[target].absorb(clusters.pop(key))


def _demonym_target(form: str, places: list[str]) -> str | None:
    for stem in demonym_places(form):
        for key in places:
            place = key[2:]
            if place.startswith(stem) and len(place) - len(stem) <= DEMONYM_SLACK:
                return key
    return None


def _join_acronym(
    clusters: dict[str, NameCluster], article: str, acronym: str, long_form: str
) -> None:
    long_key = "X:" + place_key(long_form)
    acr_key = "X:" + place_key(acronym)
    target = clusters.setdefault(long_key, NameCluster(long_key))
    if not target.forms:
        target.add(long_form, "ORG", article, None)
    if acr_key in clusters and acr_key != long_key:
        target.absorb(clusters.pop(acr_key))
    else:
        target.add(acronym, "ORG", article, None, n=0)
    target.forms.setdefault(acronym, 0)


def best_type(cluster: NameCluster) -> str:
    """The most used label, preferring a place label when the cluster is a place at all."""
    places = [lab for lab, _ in cluster.label.most_common() if lab in PLACE_LABELS]
    if places:
        return places[0]
    return cluster.label.most_common(1)[0][0] if cluster.label else "ORG"
