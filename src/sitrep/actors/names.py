"""Resolve a named span (an NER span that is not a person) against the gazetteers.

Order: media outlets (an attribution, never an actor), international organisations, countries
(names, demonyms, capitals, metonyms), places, regions ("Darfur", "southern Serbia"), then
organisations and groups the gazetteers do not know, with a country read from the words inside
them. A people named by a demonym is coded with the country the sentence places it in
("Albanians of southern Serbia" -> SRB). A capital is the government when it
acts ("Moscow said" -> RUS, the state) and a place otherwise ("to Moscow").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.actors.entries import CountryMatch
from sitrep.actors.gazetteer import Gazetteer, slug
from sitrep.actors.peoples import people_country
from sitrep.actors.resolve import EntityFactory
from sitrep.actors.sectors import SectorLexicon
from sitrep.actors.spelling import country_spelling
from sitrep.actors.titles import country_in
from sitrep.records import Entity

# Dependency roles in which a capital's name stands for its government: the subject of a
# verb ("Moscow said"), the agent of a passive ("was rejected by Beijing") or a possessor
# ("Washington's decision").
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Nouns that introduce a settlement's name ("the town of Cizre", "near the town of Samarra"),
# and prepositions whose object is where something happens: the model often tags a small
# town it does not know ORG or NORP, and these words say it is a place.
_SETTLEMENT_NOUNS = frozenset(
    {"town", "city", "village", "port", "capital", "district", "province", "region", "area"}
    | {"suburb", "outskirts", "camp", "border", "township", "hamlet", "settlement"}
)
_LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "inside", "across"})
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"northeast", "northwest", "southeast", "southwest", "north-east", "south-east"}
)


def bare_name(text: str) -> str:
    """The name without a leading article or a trailing possessive."""
    for article in ("the ", "The ", "THE "):
        if text.startswith(article):
            text = text[len(article) :]
    for possessive in ("'s", "’s", "'"):
        if text.endswith(possessive):
            text = text[: -len(possessive)]
    return text.strip()


def _misspelt_country_label(span: Span) -> bool:
    """Whether a span the gazetteers do not know may be a misspelt country: a place or
    people, or a one-word organisation (the model tags an unknown "Quatar" ORG)."""
    return span.label_ in ("GPE", "NORP") or (span.label_ == "ORG" and len(span) == 1)


# Words before a demonym that make it a count of people: "Eleven Japanese", "more ethnic
# Nepalese", "many Chinese", "wounded another Palestinian".
_PEOPLE_COUNTERS = frozenset(
    {"ethnic", "more", "many", "some", "several", "few", "other", "another", "a", "an", "one"}
)


def _names_people(span: Span, name: str) -> bool:
    """Whether a demonym names people rather than their state: a plural ("Palestinians"),
    or a demonym without plural form used as a noun and counted ("Eleven Japanese", "ethnic
    Nepalese"). "The French said" stays the state."""
    if name.endswith("s"):
        return True
    if span.root.pos_ not in ("NOUN", "PROPN") or span.root.dep_ in ("amod", "compound"):
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and (before.like_num or before.lower_ in _PEOPLE_COUNTERS)


# Verbs whose object is a city's people and buildings, not its government.
_VIOLENT_VERBS = frozenset(
    {"attack", "shell", "bomb", "strike", "hit", "raid", "storm", "besiege", "capture"}
    | {"seize", "invade", "occupy", "target", "rocket", "shoot", "blast", "destroy"}
    | {"overrun", "encircle", "surround", "enter", "flood", "rock", "devastate", "pound"}
    | {"blockade", "blockaded", "cut"}
)


# Words whose "on" phrase is whom they press: "called on Pyongyang", "sanctions on Tehran".
_CALLED_ON = frozenset(
    {"call", "prevail", "press", "pressure", "sanction", "embargo", "demand", "impose"}
)


# Diplomats and missions whose "to" phrase is the state they are posted to.
_POSTED = frozenset({"ambassador", "envoy", "embassy", "diplomat", "consul", "delegation"})
# Verbs of addressing whose "to" phrase is whom the words go to ("protested to Tokyo",
# "appealed to Washington"), not where something travels ("flew to London").
_ADDRESSED_TO = frozenset(
    {"protest", "complain", "object", "appeal", "plead", "petition", "apologize", "apologise"}
    | {"propose", "write", "explain", "pledge", "promise", "convey", "express", "turn"}
)


def _addressed(span: Span) -> bool:
    """Whether a capital is what a non-violent act is aimed at, or its doer, which PLOVER
    codes as its government: "urged Washington", "visited Beijing", "talks with Moscow",
    "an admission by Moscow" (not "in Moscow", "flew to London", "shelled Algiers", "fired
    at Baghdad": the city and its people)."""
    root = span.root
    if root.dep_ in ("dobj", "dative"):
        return root.head.lemma_.lower() not in _VIOLENT_VERBS
    if root.dep_ == "pobj":
        prep = root.head
        verb = prep.head
        if prep.lower_ == "by":
            return True  # "an admission by Moscow": the doer of a noun's act
        if prep.lower_ in ("on", "upon") and verb.lemma_.lower() in _CALLED_ON:
            return True  # "called on Pyongyang to return", "sanctions on Tehran"
        if prep.lower_ == "to" and verb.lemma_.lower() in _POSTED:
            return True  # "its ambassador to Rome": the state he is accredited to
        if prep.lower_ == "to" and verb.lemma_.lower() in _ADDRESSED_TO:
            return True  # "protested to Tokyo": whom the words are addressed to
        # Not other "to"/"from": "flew to London" is a place.
        return prep.lower_ in ("with", "against") and (
            verb.lemma_.lower() not in _VIOLENT_VERBS and verb.lower_ not in ("fire", "fired")
        )
    return False


def acts(span: Span) -> bool:
    """Whether a place name is used as an actor (subject, agent, possessor)."""
    root = span.root
    if root.dep_ in _ACTING_DEPS:
        return True
    # "by Moscow": the object of the passive agent "by".
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _written_as_place(span: Span) -> bool:
    """Whether the words around a one-word name say it is a place: "the town of Cizre",
    "fighting in Kisangani" (not "workers at Toyota", "shares of Honda")."""
    if len(span) != 1:
        return False
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in _LOCATIVE_PREPOSITIONS:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in _SETTLEMENT_NOUNS


class NameResolver:
    def __init__(self, gazetteer: Gazetteer, lexicon: SectorLexicon, factory: EntityFactory):
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.factory = factory

    def resolve(self, span: Span) -> tuple[str, Entity] | None:
        """(mention label, entity) for a named span, or None for what is not an actor or place."""
        label = span.label_
        doc = span.doc
        if "@" in span.text:
            return None  # a social-media handle ("@rajnathsingh") is not an entity
        name = bare_name(span.text)
        if not name:
            return None
        outlet = self.gazetteer.media_outlet(name)
        if outlet is not None:
            return "ORG", self.factory.organisation(outlet)
        igo = self.gazetteer.organisation(name)
        if igo is not None:
            return "ORG", self.factory.organisation(igo)
        match = self.gazetteer.lookup_country(name)
        if match is None and "/" in name:
            # "Russian/Soviet": one country under two names, or the first of two.
            match = self.gazetteer.lookup_country(name.split("/")[0].strip())
        if match is None and self.gazetteer.place(name) is None and _misspelt_country_label(span):
            match = country_spelling(self.gazetteer).lookup(name)
        if match is not None:
            return self._country(span, name, match)
        if label in _PLACE_LABELS:
            place = self.gazetteer.place(name)
            if place is not None:
                return label, self.factory.place(name, prefer=self.gazetteer.countries_named(doc))
            region = self.region(name)
            if region is not None:
                return label, region
        if label in ("ORG", "NORP") and _written_as_place(span):
            place = self.gazetteer.place(name, prefer=self.gazetteer.countries_named(doc))
            if place is not None and name in (place.name, *place.aliases):
                return "GPE", self.factory.place(name, prefer=(place.country,))
        if label in ("ORG", "FAC"):
            return self._organisation(span, name)
        if label == "NORP":
            return "NORP", self._people(span, name)
        if label in _PLACE_LABELS:
            if acts(span):
                # "Singh said": the model calls it a place, the gazetteers do not know it, and
                # it acts like a person or an organisation. Say so rather than guess a place.
                return label, Entity(id=f"other:{slug(name)}", name=name, kind="other")
            return label, Entity(id=f"place:{slug(name)}", name=name, kind="place")
        return None

    def region(self, name: str) -> Entity | None:
        """A region of a country: "Sindh", "the West Bank" (the regions gazetteer), or a part
        named by a compass word, "South Lebanon", "Western Cambodia", "southern Darfur"."""
        found = self.gazetteer.region(name)
        if found is not None:
            return self.factory.region(found.name, found.country)
        first, _, rest = name.partition(" ")
        if first.lower() not in _COMPASS or not rest:
            return None
        match = self.gazetteer.lookup_country(rest)
        if match is not None and match.via in ("name", "alias"):
            return self.factory.region(name, match.country.iso3)
        inner = self.gazetteer.region(rest)
        if inner is not None:
            return self.factory.region(name, inner.country)
        return None

    def _people(self, span: Span, name: str) -> Entity:
        """A people the gazetteers do not know ("Kurds", "Bosnian Serbs"), of the country an
        adjective before it names ("Iraqi Kurds" -> IRQ, civilians)."""
        doc = span.doc
        tokens = list(span)
        if span.start > 0 and doc[span.start - 1].pos_ in ("ADJ", "PROPN"):
            tokens = [doc[span.start - 1], *tokens]
        country, _ = country_in(tokens[:-1], self.gazetteer) if len(tokens) > 1 else (None, 0)
        country = country or people_country(name)
        plural = tokens[-1].tag_ in ("NNPS", "NNS") or name.endswith("s")
        sector = ["CVL"] if plural else []
        if country is None:
            # "Kurds", "Hutus": a people of several countries; the stage places it in the one
            # country its sentence names, if any.
            return Entity(id=f"group:{slug(name)}", name=name, kind="group", sector=sector)
        key = slug(tokens[-1].text)
        return Entity(
            id=f"group:{country.lower()}-{key}",
            name=name,
            kind="group",
            country=country,
            sector=sector,
        )

    def _country(self, span: Span, name: str, match: CountryMatch) -> tuple[str, Entity]:
        iso3 = match.country.iso3
        if match.via == "capital":
            elsewhere = self.gazetteer.capital_elsewhere(name, span.doc)
            if elsewhere is not None:
                return "GPE", self.factory.place(name, prefer=(elsewhere.country,))
            if acts(span) or _addressed(span):
                return "GPE", self.factory.country(iso3)
            # "in central Baghdad", "shelled Algiers": the city and its people.
            return "GPE", self.factory.place(name, match)
        if match.via == "metonym":
            # "the Kremlin", "the Pentagon": an institution of that country, in its sector.
            return "ORG", self.factory.metonym(name, match)
        if match.via in ("demonym",) and span.label_ == "NORP" and _names_people(span, name):
            # "Palestinians", "Nigerians": the people of a country; "ethnic Albanians in
            # south Serbia": a people living in another country is coded with that one.
            residence = self._residence(span, iso3)
            if residence is not None:  # group:srb-albanians, apart from group:srb-people
                words = (slug(name),)
                entity = self.factory.phrase(words, name, residence, "CVL", plural=True)
                entity.attributes.update(kin_country=iso3, country_from="residence")
                return "NORP", entity
            return "NORP", self.factory.phrase(("people",), name, iso3, "CVL", plural=True)
        label = "NORP" if match.via in ("demonym", "historical") else "GPE"
        return label, self.factory.country(iso3)

    def _residence(self, span: Span, kin: str) -> str | None:
        """The country a people named by a demonym lives in, where the words attached to it
        say so ("Albanians of southern Serbia" -> SRB, not ALB: PLOVER codes an actor with
        the country it acts in). A minority placed only by its sentence ("ethnic Albanians
        ... in southeastern Serbia") is left to the stage's context pass.
        """
        country = None
        after = span.doc[span.end] if span.end < len(span.doc) else None
        preps = [t for t in span.root.rights if t.dep_ == "prep"]
        for prep in ([after] if after is not None else []) + preps:
            if prep.lower_ in ("in", "of", "from"):
                country = self._country_of_place(prep)
                if country is not None:
                    break
        return country if country != kin else None

    def _country_of_place(self, prep: Token) -> str | None:
        """The country of the place a preposition governs ("in south Serbia")."""
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            # The longest name ending at the head: "the Israeli-occupied West Bank" is the
            # West Bank; the modifiers before it say who holds it, not where it is.
            for first in range(obj.left_edge.i, obj.i + 1):
                name = obj.doc[first : obj.i + 1].text
                found = self.gazetteer.lookup_country(name)
                if found is not None and found.via in ("name", "alias"):
                    return found.country.iso3
                region = self.region(name)
                if region is not None:
                    return region.country
        return None

    def _organisation(self, span: Span, name: str) -> tuple[str, Entity]:
        tokens = [t for t in span if t.pos_ != "DET"]
        country, _ = country_in(tokens, self.gazetteer)
        words = [t.text for t in tokens]
        sector = self.lexicon.organisation_sector(words)
        entity = self.factory.named_organisation(name, country, sector)
        if country is None:
            # "the United Nations Emergency Relief Coordinator": a body of an IGO.
            igo = self._igo_in(tokens)
            if igo is not None:
                entity.attributes["organisation"] = f"igo:{igo}"
        return "ORG", entity

    def _igo_in(self, tokens: list[Token]) -> str | None:
        for i in range(len(tokens)):
            for size in range(min(4, len(tokens) - i), 0, -1):
                piece = tokens[i : i + size]
                text = piece[0].doc[piece[0].i : piece[-1].i + 1].text
                org = self.gazetteer.organisation(text)
                if org is not None and "IGO" in org.sector:
                    return org.id
        return None
