"""One entity, every spelling: the dossier's entities, from the story's resolver.

:func:`merge_entities` turns a story's articles into the mentions :func:`newsloom.fuse.resolve.
resolve` reads (every named mention, each quote speaker named in full, each dateline city, the
acronyms the text defines), resolves them, and returns one ``Entity`` per name cluster: its
best name, its type, every spelling, its articles. Each article ``Mention`` gets the id of the
entity it resolves to (``Mention.entity``). The ECB+ benchmark runs the same resolver.

A person named in full also answers to the bare surname (``Putin`` for ``Vladimir Putin``), as
an alias, when nothing else in the story could be meant by it: readers search by surname.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from newsloom.fuse.coref_mention import MentionInDoc
from newsloom.fuse.name_rules import NameCluster, best_type
from newsloom.fuse.names import fold, person_key, skeleton, without_suffix
from newsloom.fuse.resolve import resolve
from newsloom.model import Article, Entity, Mention

__all__ = [
    "ROLE_NAMES",
    "dateline_place",
    "defined_acronyms",
    "merge_entities",
    "role_entity",
    "speaker_entity",
    "story_mentions",
]

#: The coarse family (``coref_mention.FAMILIES``) of each annotate label: people and the
#: organisations and groups that act like them, places, and the rest.
FAMILY_OF_LABEL = {
    "PERSON": "HUM",
    "ORG": "HUM",
    "NORP": "HUM",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
}
_ORG_HEADS = (
    "intelligence|agency|ministry|service|directorate|committee|council|party|army|forces|"
    "command|office|department|bureau|authority|commission|union|organization|organisation|"
    "group|front|movement|court|guard|police"
)


_WORD_RE = re.compile(r"[^\W\d_]+")


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


def _surname_word(name: str) -> str:
    """The last word of a person's name before a generational suffix (``Jr.``, ``III``)."""
    words = without_suffix(name.split())
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


def merge_entities(members: Sequence[Article]) -> list[Entity]:
    """The story's entities, most mentioned first; sets ``Mention.entity`` on ``members``."""
    mentions, of_key = story_mentions(members)
    acronyms = [
        (article.id, acronym, long_form)
        for article in members
        for acronym, long_form in defined_acronyms(article.body).items()
    ]
    resolution = resolve(mentions, acronyms=acronyms)
    ranked = sorted(
        resolution.names.items(), key=lambda kv: (-sum(kv[1].forms.values()), kv[1].key)
    )
    entities = [_entity(f"E{n}", c) for n, (_, c) in enumerate(ranked, start=1)]
    entity_of = {cid: e.id for (cid, _), e in zip(ranked, entities, strict=True)}
    for key, mention in of_key.items():
        mention.entity = entity_of.get(resolution.cluster.get(key, ""))
    lower = {w for a in members for w in _WORD_RE.findall(a.body) if w.islower()}
    _add_surname_aliases(entities, lower)
    return entities


def story_mentions(members: Sequence[Article]) -> tuple[list[MentionInDoc], dict[str, Mention]]:
    """The resolver's mentions of a story, and the article ``Mention`` behind each key: every
    named mention, the quote speakers named in full (see :func:`_named_speakers`) and the
    dateline city of each article."""
    out: list[MentionInDoc] = []
    of_key: dict[str, Mention] = {}
    for article in members:
        starts = [s.start for s in article.sentences]
        for n, mention in enumerate(article.entities):
            key = f"{article.id}#{n}"
            of_key[key] = mention
            sentence = max(bisect_right(starts, mention.start) - 1, 0)
            out.append(_mention(key, article.id, mention.norm or mention.text, mention.label,
                                sentence, mention.start))  # fmt: skip
        for n, speaker in enumerate(sorted(_named_speakers(article))):
            out.append(_mention(f"{article.id}#s{n}", article.id, speaker, "PERSON", -1, -1))
        if place := dateline_place(article.dateline):
            out.append(_mention(f"{article.id}#d", article.id, place, "GPE", -1, -1))
    return out, of_key


def _mention(key: str, doc: str, text: str, label: str, sentence: int, at: int) -> MentionInDoc:
    words = frozenset(w for w in fold(text).split() if w)
    return MentionInDoc(
        key=key,
        doc=doc,
        text=text,
        head=fold(_last_word(text)),
        family=FAMILY_OF_LABEL.get(label, "NON"),
        label=label,
        sentence=sentence,
        position=at,
        proper=True,
        lemmas=words,
    )


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


def _entity(eid: str, cluster: NameCluster) -> Entity:
    return Entity(
        id=eid,
        name=_best_name(cluster),
        type=best_type(cluster),
        aliases=sorted(cluster.forms),
        articles=cluster.articles,
        mentions=sum(cluster.forms.values()),
    )


def _add_surname_aliases(entities: list[Entity], lowercase: set[str]) -> None:
    """Give a person named in full the bare surname as an alias, unless another entity of the
    story is spelled that way, another person has that surname, or the story writes the word
    in lower case (a common word: "Brennick Fire" is a fire department spaCy took for a
    person)."""
    taken: dict[str, set[str]] = {}
    for e in entities:
        for alias in e.aliases:
            taken.setdefault(fold(alias), set()).add(e.id)
    surnames: dict[str, list[Entity]] = {}
    for e in entities:
        if e.type == "PERSON" and (key := person_key(e.name)):
            surnames.setdefault(key[-1], []).append(e)
    for people in surnames.values():
        if len(people) != 1 or len(person_key(people[0].name)) < 2:
            continue
        person = people[0]
        surname = re.sub(r"['’]s?$", "", _surname_word(person.name))
        others = taken.get(fold(surname), set()) - {person.id}
        known = any(skeleton(a) == skeleton(surname) for a in person.aliases if " " not in a)
        if surname and not others and not known and surname.lower() not in lowercase:
            person.aliases = sorted([*person.aliases, surname])


def _best_name(cluster: NameCluster) -> str:
    """The longest form among the most used, for people; the most used form otherwise."""
    forms = cluster.names or cluster.forms
    if cluster.key.startswith("P:"):
        return max(forms, key=lambda f: (len(f.split()), forms[f], len(f)))
    return max(forms, key=lambda f: (forms[f], len(f)))
