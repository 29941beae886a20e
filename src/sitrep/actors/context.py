"""Countries the words of a mention do not give, read from its context.

Passes over the stage's chosen candidates, run in this order by :func:`place_in_context`:

1. places take the country of the document date ("Juba" in 1998 is in Sudan);
2. minorities named by a demonym live where the sentence puts them ("ethnic Albanians ...
   Macedonia's border" -> MKD, not ALB);
3. a phrase owned by a person is that person's country ("the Bush administration");
4. titled people and domestic groups without a country take the one country their sentence
   names ("Shona rebels" in a sentence about Mozambique);
5. groups, institutions and state-titled officials still without one, in a sentence that
   names no other country, take the country the document is about ("police said" in a story
   about Thailand).

Each entity placed this way says how in ``attributes["country_from"]``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span

from sitrep.actors.gazetteer import slug
from sitrep.actors.history import country_on
from sitrep.actors.resolve import place_id
from sitrep.records import Entity


@dataclass(slots=True)
class Candidate:
    """A span the actor stage may emit as a mention, with the entity it would resolve to."""

    start: int
    end: int
    label: str
    entity: Entity | None
    priority: int
    emit: bool = True  # False: claims the text (a person's title) without a mention of its own
    # True for entities made from the words of a phrase ("Shona rebels", "a car bomb"), whose
    # country the sentence may tell; False for gazetteer entries, which know theirs or have none.
    from_words: bool = False
    # True for a name inside a person's title ("U.N." in "U.N. mediator Diego Cordovez"),
    # which the title's claim would otherwise hide.
    inside_title: bool = False


def _assign(cand: Candidate, country: str, source: str) -> None:
    """Give the candidate's entity a country read from its context and, unless it is a named
    person, an id that says it: the same words placed elsewhere ("police" in another story,
    or in a sentence about another country) are another entity, "org:court" ->
    "org:deu-court". A named person keeps the id of their name, which is what joins their
    mentions across stories."""
    entity = cand.entity
    if entity is None:
        return
    if entity.kind != "person" or cand.from_words:
        prefix, _, rest = entity.id.partition(":")
        entity.id = f"{prefix}:{country.lower()}-{rest}"
    entity.country = country
    entity.attributes["country_from"] = source


class _Layout:
    """Token spans and sentences of the candidates, worked out once per document: the passes
    ask for them many times per candidate (its own, then as another's sentence-mate).
    Sentences are split on first use only, as before, for pipelines that never need them."""

    def __init__(self, doc: Doc, chosen: list[Candidate]) -> None:
        self.doc = doc
        self.chosen = chosen
        self._spans: dict[tuple[int, int], Span | None] = {}
        self._starts: list[int] = []
        self._by_sentence: list[list[Candidate]] | None = None

    def span(self, cand: Candidate) -> Span | None:
        key = (cand.start, cand.end)
        if key not in self._spans:
            self._spans[key] = self.doc.char_span(cand.start, cand.end, alignment_mode="expand")
        return self._spans[key]

    @property
    def by_sentence(self) -> list[list[Candidate]]:
        """The candidates of each sentence (by start offset), in the order of ``chosen``."""
        if self._by_sentence is None:
            sentences = list(self.doc.sents)
            self._starts = [sent.start_char for sent in sentences]
            self._by_sentence = [[] for _ in sentences]
            for cand in self.chosen:
                index = bisect_right(self._starts, cand.start) - 1
                if index >= 0 and cand.start < sentences[index].end_char:
                    self._by_sentence[index].append(cand)
        return self._by_sentence

    def sentence_mates(self, sent: Span) -> list[Candidate]:
        """The candidates that start inside ``sent``."""
        buckets = self.by_sentence
        return buckets[bisect_right(self._starts, sent.start_char) - 1]


def place_in_context(doc: Doc, date: str | None, chosen: list[Candidate]) -> None:
    """Fill in or correct countries of ``chosen`` from the document date and the sentence."""
    layout = _Layout(doc, chosen)
    _places_as_of(date, chosen)
    _minorities_where_they_live(layout)
    _countries_from_owner(doc.text, chosen)
    _countries_from_sentence(layout)
    _countries_from_document(layout)


def _places_as_of(date: str | None, chosen: list[Candidate]) -> None:
    """ "Juba" in a 1998 story is in Sudan: places take the country of the document date."""
    for cand in chosen:
        entity = cand.entity
        if entity is None or entity.kind != "place":
            continue
        then = country_on(entity.country, date)
        if then != entity.country:
            entity.attributes["country_today"] = entity.country
            entity.country = then
            entity.id = place_id(entity.name, then)
            if entity.sector == ["GOV"]:
                entity.sector = ["CVL"]  # today's capital was a town of the old state then


# Head nouns that make a people named by a demonym a minority where it lives: "the Albanian
# population of the province", "the Turkish community".
_MINORITY_HEADS = frozenset(
    {"population", "populations", "minority", "minorities", "community", "communities"}
    | {"diaspora", "enclave", "enclaves"}
)
# Sectors of a state's own institutions: "ethnic" does not move an army or a government.
_STATE_OWN = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def _minorities_where_they_live(layout: _Layout) -> None:
    """ "ethnic Albanian guerrillas operating in Macedonia" are MKD, not ALB.

    PLOVER codes an actor with the country it acts in. A people named by its kin state's
    demonym and marked as a minority ("ethnic ...", "... population/community") takes the
    first other country or place its sentence names (not the country of another group:
    "Serb forces" may be abroad), skipping destinations ("send them back to Bulgaria"); the
    kin country is kept in ``attributes["kin_country"]``.
    """
    text = layout.doc.text
    for cand in sorted(layout.chosen, key=lambda c: c.start):
        entity = cand.entity
        if (
            entity is None
            or entity.kind not in ("group", "organisation")
            or not entity.country
            or "country_from" in entity.attributes
            or set(entity.sector) & _STATE_OWN
            or not _minority(text, cand)
        ):
            continue
        span = layout.span(cand)
        if span is None:
            continue
        for other in sorted(layout.sentence_mates(span.sent), key=lambda c: c.start):
            found = other.entity
            if (
                found is None
                or other is cand
                or found.kind not in ("country", "place")
                or not found.country
                or found.country == entity.country
                or _destination(layout.span(other))
            ):
                continue
            entity.attributes["kin_country"] = entity.country
            prefix = entity.id.split(":", 1)[0]
            entity.id = f"{prefix}:{slug(entity.name)}"  # "ethnic Albanians", without ALB
            _assign(cand, found.country, "residence")
            break


def _minority(text: str, cand: Candidate) -> bool:
    words = text[cand.start : cand.end].lower().split()
    before = text[max(0, cand.start - 7) : cand.start].lower()
    return bool(words) and (
        words[0] == "ethnic" or before.endswith("ethnic ") or words[-1] in _MINORITY_HEADS
    )


# Offices of a state: only their holders get a country from the sentence they appear in.
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "ELI"})
# Sectors of domestic, non-state actors. A group of these the words do not place ("Shona
# rebels", "Tamil refugees", "a car bomb") is in the one country its sentence names: rebels,
# refugees and civilians are reported where they are, while armies and governments (left out)
# are often reported abroad ("troops entered Lebanon").
_DOMESTIC_SECTORS = frozenset(
    {"CVL", "REF", "REB", "OPP", "UAF", "REL", "LAB", "AGR", "EDU", "BUS", "CRM", "SOC", "PTY"}
    | {"MED", "JRN", "UNK"}
)


# What may separate an owner's name from the phrase it owns: "Bush administration",
# "Djindjic's coalition".
_OWNER_GAPS = frozenset({" ", "'s ", "’s ", "' "})


def _countries_from_owner(text: str, chosen: list[Candidate]) -> None:
    """ "the Bush administration", "Putin's government": a phrase the words do not place
    belongs to the country of the person named right before it."""
    ordered = sorted(chosen, key=lambda c: c.start)
    for before, cand in pairwise(ordered):
        entity, owner = cand.entity, before.entity
        if entity is None or owner is None or entity.country or not cand.from_words:
            continue
        if (
            owner.kind == "person"
            and owner.country
            and text[before.end : cand.start] in _OWNER_GAPS
        ):
            _assign(cand, owner.country, "owner")


# Offices held abroad: an ambassador or an envoy is reported where they are posted, not where
# they are from ("Robert Ford, the ambassador to Syria"), so neither their sentence nor the
# story's country is theirs.
_POSTED_ABROAD = frozenset(
    {"ambassador", "ambassadors", "envoy", "envoys", "emissary", "emissaries", "consul"}
    | {"diplomat", "diplomats", "chargé", "charge", "mediator", "mediators", "representative"}
)


def _posted_abroad(entity: Entity) -> bool:
    words = f"{entity.role or ''} {entity.name if entity.kind != 'person' else ''}"
    return any(word in _POSTED_ABROAD for word in words.lower().replace("-", " ").split())


def _countries_from_sentence(layout: _Layout) -> None:
    """Give a titled person, or a domestic group, of unknown country the one country their
    sentence names.

    "President Omar Hassan al-Bashir ... in Sudan": news names a foreign leader's country
    near the title; "The Mozambique government accepted demands from Shona rebels": rebels,
    refugees, civilians and unknown gunmen are reported where they are (people in a domestic
    sector are not: "Archbishop Desmond Tutu" speaks about Nigeria). Only for people with a
    state title and for groups made from words in a domestic sector (not for gazetteer
    entries), without a country of their own, and only when the sentence names exactly one
    country (places count, by their country). Where
    a domestic actor's sentence names several, the one named as a location ("prisoners in
    Iraq") is taken. Where a domestic group's sentence names none but its people are all of
    one country ("fundamentalists demand the resignation of Algerian President Ahmed Ben
    Bella"), that one. The entity records that it was inferred.
    """
    chosen = layout.chosen
    if not any(
        c.entity is not None and (c.entity.kind == "person" or c.from_words) for c in chosen
    ):
        return
    # A person is placed by the sentence that introduces them with their title, not by a
    # later one that repeats the surname ("Lee said" beside "US donations").
    first_mention: dict[int, Candidate] = {}
    for cand in sorted(chosen, key=lambda c: c.start):
        if cand.entity is not None and cand.entity.kind == "person":
            first_mention.setdefault(id(cand.entity), cand)
    for mates in layout.by_sentence:
        inside = [c for c in mates if c.entity is not None]
        named = [
            c
            for c in inside
            if c.entity is not None
            and c.entity.kind != "person"
            and c.entity.kind != "equipment"
            and c.entity.country
        ]
        countries = {c.entity.country for c in named if c.entity is not None}
        # "Hutus fled into Zaire": a destination is not where a group is from.
        homes = {c.entity.country for c in named if c.entity and not _destination(layout.span(c))}
        located = {c.entity.country for c in named if c.entity and _location(layout.span(c))}
        people = {
            c.entity.country
            for c in inside
            if c.entity is not None and c.entity.kind == "person" and c.entity.country
        }
        for cand in inside:
            entity = cand.entity
            if (
                entity is None
                or entity.country
                or "organisation" in entity.attributes  # "U.N. Secretary-General ..."
                or (entity.kind == "person" and cand is not first_mention.get(id(entity)))
                or _posted_abroad(entity)
            ):
                continue
            titled = entity.kind == "person" and set(entity.sector) & _STATE_SECTORS
            domestic = cand.from_words and set(entity.sector) & _DOMESTIC_SECTORS
            # "Prince Bandar, the kingdom's envoy to the United States": where a person is
            # sent or goes is not their country
            found = homes if titled or domestic else set()
            if domestic and len(found) > 1 and len(located) == 1:
                found = located
            if domestic and entity.kind != "person" and not countries:
                # Groups only: a person beside a foreign leader is as often that leader's
                # guest ("President Mitterrand welcomed South African leader de Klerk").
                found = people
            if len(found) == 1:
                _assign(cand, next(iter(found)), "sentence")


# A document is "about" a country when at least this many of its mentions are of it, and
# at least this share of the mentions that have a country.
_DOCUMENT_MIN_MENTIONS = 3
_DOCUMENT_MIN_SHARE = 0.5
# Non-state international actors: they have no country by definition.
_INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC"})


def _countries_from_document(layout: _Layout) -> None:
    """ "local police said", "the court heard", "Justice Minister Tzahi Hanegbi": news leaves
    the country of an institution or an official unsaid when the story is about it. A group,
    an institution or a person with a state title, without a country, in a sentence that
    names no other country, takes the document's main country: the one most of its
    country-bearing mentions are of (a majority, and three mentions at least). A person is
    judged at their first mention, and a sentence naming a foreign official ("met Russian
    President Putin") leaves them alone; people without a state title are left alone too (a
    foreign visitor is as likely as a local), and so are all people in a story that names an
    official of another state (a visiting minister is as likely theirs), and envoys (posted
    where the story is). A title that names a country never reaches this rule: the person
    has that country. The entity records ``country_from: document``. (On 400 newswire
    stories, 22 of 25 people placed this way were right, before the last two guards.)
    """
    chosen = layout.chosen
    counts: dict[str, int] = {}
    for cand in chosen:
        if cand.emit and cand.entity is not None and cand.entity.country:
            counts[cand.entity.country] = counts.get(cand.entity.country, 0) + 1
    if not counts:
        return
    main, top = max(counts.items(), key=lambda item: item[1])
    if top < _DOCUMENT_MIN_MENTIONS or top < _DOCUMENT_MIN_SHARE * sum(counts.values()):
        return
    # Officials of another state in the story ("Danish Prime Minister Anders Fogh
    # Rasmussen" in a story mostly about Sudan) make an official of unsaid country as likely
    # theirs: people are then left unplaced ("the minister of development co-operation, Ulla
    # Toernaes" is Danish).
    foreign_officials = any(
        c.entity is not None
        and c.entity.kind == "person"
        and c.entity.country not in (None, main)
        and set(c.entity.sector) & _STATE_SECTORS
        and "country_from" not in c.entity.attributes
        for c in chosen
    )
    seen_people: set[int] = set()
    for cand in sorted(chosen, key=lambda c: c.start):
        entity = cand.entity
        if entity is None or (entity.kind == "person" and id(entity) in seen_people):
            continue
        if entity.kind == "person":
            seen_people.add(id(entity))
            if foreign_officials:
                continue
        titled = entity.kind == "person" and set(entity.sector) & _STATE_SECTORS
        if (
            entity.country
            or not (titled or entity.kind in ("group", "organisation"))
            or not entity.sector
            or set(entity.sector) & _INTERNATIONAL
            or "organisation" in entity.attributes
            or entity.attributes.get("media")
            or _posted_abroad(entity)
        ):
            continue
        span = layout.span(cand)
        if span is None or _international(span):
            continue
        if any(
            other.entity is not None
            and other.entity.country not in (None, main)
            and (titled or other.entity.kind != "person")
            for other in layout.sentence_mates(span.sent)
        ):
            continue
        _assign(cand, main, "document")


# Objects that make a group international: "governments around the world", "ministers
# from over 50 African countries" (plural: "the police of the region" is one country's).
_WORLD = frozenset({"world", "globe"})
_MANY_COUNTRIES = frozenset({"countries", "nations", "continents", "regions", "states"})


def _international(span: Span) -> bool:
    for prep in span.root.rights:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            word = obj.lower_
            if obj.dep_ == "pobj" and (word in _WORLD or word in _MANY_COUNTRIES):
                return True
    return False


# Prepositions whose object is where something is or happens.
_AT = frozenset({"in", "at", "near", "inside", "across", "throughout"})


def _location(span: Span | None) -> bool:
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in _AT


# Prepositions of motion whose object is where someone goes, not where they are.
_TOWARDS = frozenset({"into", "to", "toward", "towards"})


def _destination(span: Span | None) -> bool:
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in _TOWARDS
