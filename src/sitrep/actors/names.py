"""Resolve a named span (an NER span that is not a person) against the gazetteers.

Order: media outlets (an attribution, never an actor), international organisations, countries
(names, demonyms, capitals, metonyms), places, then organisations and groups the gazetteers do
not know, with a country read from the words inside them. A capital is the government when it
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
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"northeast", "northwest", "southeast", "southwest", "north-east", "south-east"}
)


def _clean(text: str) -> str:
    """The name without a leading article or a trailing possessive."""
    for article in ("the ", "The ", "THE "):
        if text.startswith(article):
            text = text[len(article) :]
    for possessive in ("'s", "’s", "'"):
        if text.endswith(possessive):
            text = text[: -len(possessive)]
    return text.strip()


def acts(span: Span) -> bool:
    """Whether a place name is used as an actor (subject, agent, possessor)."""
    root = span.root
    if root.dep_ in _ACTING_DEPS:
        return True
    # "by Moscow": the object of the passive agent "by".
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


class NameResolver:
    def __init__(self, gazetteer: Gazetteer, lexicon: SectorLexicon, factory: EntityFactory):
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.factory = factory

    def resolve(self, span: Span) -> tuple[str, Entity] | None:
        """(mention label, entity) for a named span, or None for what is not an actor or place."""
        label = span.label_
        if "@" in span.text:
            return None  # a social-media handle ("@rajnathsingh") is not an entity
        name = _clean(span.text)
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
        if match is None and label in ("GPE", "NORP") and self.gazetteer.place(name) is None:
            match = country_spelling(self.gazetteer).lookup(name)
        if match is not None:
            return self._country(span, name, match)
        if label in _PLACE_LABELS:
            place = self.gazetteer.place(name)
            if place is not None:
                return label, self.factory.place(name)
            region = self._region(name)
            if region is not None:
                return label, region
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

    def _region(self, name: str) -> Entity | None:
        """ "South Lebanon", "Western Cambodia": a part of a country named by a compass word."""
        first, _, rest = name.partition(" ")
        if first.lower() not in _COMPASS or not rest:
            return None
        match = self.gazetteer.lookup_country(rest)
        if match is None or match.via not in ("name", "alias"):
            return None
        iso3 = match.country.iso3
        return Entity(id=f"place:{slug(name)}", name=name, kind="place", country=iso3)

    def _people(self, span: Span, name: str) -> Entity:
        """A people the gazetteers do not know ("Kurds", "Bosnian Serbs"), of the country an
        adjective before it names ("Iraqi Kurds" -> IRQ, civilians)."""
        doc = span.doc
        tokens = list(span)
        if span.start > 0 and doc[span.start - 1].pos_ in ("ADJ", "PROPN"):
            tokens = [doc[span.start - 1], *tokens]
        country, _ = country_in(tokens[:-1], self.gazetteer) if len(tokens) > 1 else (None, 0)
        country = country or people_country(name)
        if country is None:
            return Entity(id=f"group:{slug(name)}", name=name, kind="group")
        key = slug(tokens[-1].text)
        sector = ["CVL"] if tokens[-1].tag_ in ("NNPS", "NNS") or name.endswith("s") else []
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
            if acts(span):
                return "GPE", self.factory.country(iso3)
            return "GPE", self.factory.place(name, match)
        if match.via == "metonym":
            # "the Kremlin", "the Pentagon": an institution of that country, in its sector.
            entity = self.factory.phrase(
                (slug(name),), name, iso3, match.sector or "GOV", plural=False
            )
            return "ORG", entity
        if match.via in ("demonym",) and span.label_ == "NORP" and name.endswith("s"):
            # "Palestinians", "Nigerians": the people of a country.
            return "NORP", self.factory.phrase(("people",), name, iso3, "CVL", plural=True)
        label = "NORP" if match.via in ("demonym", "historical") else "GPE"
        return label, self.factory.country(iso3)

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
