"""``sitrep_actors_v1``: who and what each mention is, as of the document date.

Reads ``doc.ents`` and ``doc._.dct``; writes ``doc._.entities`` and ``doc._.mentions``.
Candidates come from several sources, each with a priority; where they overlap the higher
priority wins, which is how our matchers override the model's NER errors:

1. equipment (the catalogue matcher) and money: "S-400" is not a FAC, "Kilo" not a LANGUAGE;
   then the defence industry's companies and agencies written out in the text (the industry
   matcher): "Lockheed Martin" tagged PERSON or "Northrop" + "Grumman" cut in two by the
   model are one company, whatever its label and span, unless the model's span is a person
   whose name ends with it ("Serge Dassault"; ``sitrep.actors.industry.keep_match``);
2. people (NER PERSON, and any span that is the surname of a person named before: "Singh"
   tagged GPE) with the title written before the name, which the person's span claims;
3. bare titles and pair nominals that refer back ("the Defence Minister", "the two countries");
4. sector phrases ("the Indian Navy", "Russian leaders", "Sudan's government");
5. multi-word names of the gazetteers written out in the text ("Liberation Tigers of Tamil
   Eelam", "Gaza Strip"), over the NER's cut of them;
6. the remaining NER spans, resolved against the gazetteers (countries, capitals acting as
   governments, places, international organisations, media outlets).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.actors.context import Candidate, place_in_context
from sitrep.actors.coref import (
    NominalFinder,
    PersonIndex,
    abbreviations_as_named,
    country_pairs,
    organisation_references,
    pair_before,
)
from sitrep.actors.entries import Region
from sitrep.actors.equipment import equipment_matcher
from sitrep.actors.gazetteer import Gazetteer, load_actor_gazetteer
from sitrep.actors.industry import industry_matcher, kept_matches
from sitrep.actors.kinds import names_equipment
from sitrep.actors.known_names import known_names
from sitrep.actors.money import find_money
from sitrep.actors.names import NameResolver, bare_name
from sitrep.actors.phrases import SectorPhrase, find_sector_phrases
from sitrep.actors.resolve import EntityFactory
from sitrep.actors.roles import load_role_table
from sitrep.actors.sectors import SectorLexicon, load_sector_lexicon
from sitrep.actors.titles import title_of
from sitrep.records import Entity, Mention

GAZETTEERS_ENV = "SITREP_GAZETTEERS"
_NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "LANGUAGE"})

# Priorities of the candidate sources (higher wins an overlap; ties go to the longer span).
_P_EQUIPMENT = 100
_P_MONEY = 95
_P_INDUSTRY = 90  # a company's name written out beats the model's person or place
_P_PERSON = 80
_P_NOMINAL = 75
_P_PHRASE = 60
_P_KNOWN = 55  # a gazetteer name written out beats the NER's cut of it, not a sector phrase
_P_NAMED = 50


def gazetteer_paths(gazetteers: Iterable[str] | None = None) -> tuple[Path, ...]:
    """User gazetteer files: the ones given, else those in $SITREP_GAZETTEERS."""
    if gazetteers is None:
        gazetteers = [p for p in os.environ.get(GAZETTEERS_ENV, "").split(os.pathsep) if p]
    return tuple(Path(p) for p in gazetteers)


class ActorStage:
    """Resolves mentions to canonical entities; see the module docstring for the order."""

    def __init__(self, nlp: Language, name: str, gazetteers: list[str] | None = None) -> None:
        self.name = name
        users = gazetteer_paths(gazetteers)
        self.gazetteer: Gazetteer = load_actor_gazetteer(users)
        self.lexicon: SectorLexicon = load_sector_lexicon()
        roles = load_role_table(users) if users else None  # users' `roles:` sections
        self.factory = EntityFactory(self.gazetteer, self.lexicon, roles)
        self.names = NameResolver(self.gazetteer, self.lexicon, self.factory)
        self.nominals = NominalFinder(self.lexicon)
        self.equipment = equipment_matcher(self.gazetteer)  # compiled once, kept on the gazetteer
        self.known = known_names(self.gazetteer)
        self.industry = industry_matcher(self.gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        date = doc._.dct
        candidates: list[Candidate] = []
        for match in self.equipment.find(text):
            entity = self.factory.equipment(match.entry)
            candidates.append(Candidate(match.start, match.end, "EQUIPMENT", entity, _P_EQUIPMENT))
        for start, end, _amount in find_money(text):
            candidates.append(Candidate(start, end, "MONEY", None, _P_MONEY))
        claimed = _claimed_chars(len(text), candidates)
        for found in kept_matches(self.industry.find(text), doc):
            if any(claimed[found.start : found.end]):
                continue
            entity = self.factory.organisation(found.body)
            candidates.append(Candidate(found.start, found.end, "ORG", entity, _P_INDUSTRY))
            claimed[found.start : found.end] = [True] * (found.end - found.start)

        people = PersonIndex()
        deferred: list[Span] = []
        for span in _ner_spans(doc, claimed):
            if self._describes_equipment(span, people):
                continue  # "FGA aircraft", "the AE 2100 engines": what equipment is, not who
            person = self._person(span, date, people, candidates)
            if person is None:
                deferred.append(span)
        candidates.extend(self._bare_titles(text, people))

        blocked = _blocked_tokens(doc, candidates)
        phrases = find_sector_phrases(doc, self.gazetteer, self.lexicon, blocked)
        organisations = [s for s in deferred if s.label_ in ("ORG", "FAC", "NORP")]
        equipment = _equipment_tokens(doc, candidates)
        # "36 Su-30MKI fighters": the noun after a designation is the equipment, not a group.
        phrases = [p for p in phrases if not _after_equipment(doc, p.start, equipment)]
        candidates.extend(self._phrase_candidates(doc, phrases, organisations))
        for known in self.known.find(text):
            if isinstance(known.value, Region):
                entity = self.factory.region(known.value.name, known.value.country)
                label = "GPE"  # as the model tags "West Bank", "Darfur"
            else:
                entity = self.factory.organisation(known.value)
                label = "ORG"
            candidates.append(Candidate(known.start, known.end, label, entity, _P_KNOWN))
        for span in deferred:
            found = self.names.resolve(span)
            if found is not None:
                label, entity = found
                from_words = label == "NORP" and entity.kind == "group"  # "Kurds", "Tamils"
                candidates.append(
                    Candidate(
                        span.start_char, span.end_char, label, entity, _P_NAMED, True, from_words
                    )
                )

        # Names inside a title sit under the title's claim; they are mentions of their own.
        chosen = _select([c for c in candidates if not c.inside_title])
        chosen.extend(c for c in candidates if c.inside_title)
        place_in_context(doc, date, chosen)
        abbreviations_as_named(text, chosen)
        chosen.extend(self._pair_nominals(text, chosen))
        chosen.extend(self._organisation_references(text, chosen))
        chosen.sort(key=lambda c: c.start)
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []
        for cand in chosen:
            if not cand.emit:
                continue
            entity_id = None
            if cand.entity is not None:
                entity_id = entities.setdefault(cand.entity.id, cand.entity).id
            mentions.append(
                Mention(text[cand.start : cand.end], cand.start, cand.end, cand.label, entity_id)
            )
        for entity in list(entities.values()):
            # The member states of a group or a negotiating format act for it in events
            # ("the six-party talks opened"): their entities, with name and sector, go with it.
            for member in entity.attributes.get("members") or []:
                code = str(member).removeprefix("country:")
                entities.setdefault(f"country:{code}", self.factory.country(code))
        doc._.entities = list(entities.values())
        doc._.mentions = mentions
        return doc

    # -- people ------------------------------------------------------------------------------
    def _person(
        self, span: Span, date: str | None, people: PersonIndex, out: list[Candidate]
    ) -> Entity | None:
        """Resolve ``span`` as a person if it is one; add its candidates to ``out``."""
        known = people.known(span.text)
        if known is None and span.label_ != "PERSON" and not self._after_title(span):
            return None
        if known is None and self._names_a_country(span):
            return None  # "persuade Khartoum to accept", "visited Sierra Leone", tagged PERSON
        if known is None:
            span = self._without_title(span)
            known = people.known(span.text)  # "Prince Bandar" after "Bandar bin Sultan"
        if known is not None:
            entity = known
            people.add(span.text, entity, span.start_char)
        else:
            title = title_of(span, self.gazetteer, self.lexicon)
            if title is not None and self.lexicon.names_an_organisation(title.role):
                # "the opposition newspaper La Prensa" (tagged PERSON): the newspaper's name.
                entity = self.factory.named_organisation(span.text, title.country, title.sector)
                out.append(Candidate(title.start, title.end, "TITLE", None, _P_PERSON, emit=False))
                out.append(
                    Candidate(span.start_char, span.end_char, "ORG", entity, _P_PERSON, True, True)
                )
                return entity
            entity = self.factory.person(span.text, date, title)
            people.add(span.text, entity, span.start_char, title.words if title else ())
            if title is not None and title.apposition:
                # "Kenzo Oshima, the United Nations Emergency Relief Coordinator": the
                # appositive names the same person.
                out.append(Candidate(title.start, title.end, "NOMINAL", entity, _P_PERSON))
            elif title is not None and title.end > title.start:
                out.append(Candidate(title.start, title.end, "TITLE", None, _P_PERSON, emit=False))
            if title is not None and title.organisation_span is not None:
                # "U.N. mediator Diego Cordovez" mentions the UN too, inside the title, as
                # "Taliban leader Mullah Omar" mentions the Taliban.
                org = self.gazetteer.organisations.get(title.named_organisation or "")
                if org is not None:
                    start, end = title.organisation_span
                    owner = self.factory.organisation(org)
                    out.append(Candidate(start, end, "ORG", owner, _P_PERSON, inside_title=True))
        out.append(Candidate(span.start_char, span.end_char, "PERSON", entity, _P_PERSON))
        return entity

    def _names_a_country(self, span: Span) -> bool:
        """Whether a span is a country's or a capital's name (one word: any country word)."""
        match = self.gazetteer.lookup_country(span.text)
        return match is not None and (len(span) == 1 or match.via in ("name", "alias", "capital"))

    def _describes_equipment(self, span: Span, people: PersonIndex) -> bool:
        """Whether a model's span names equipment rather than an actor: it stands before a
        noun for equipment and is a description ("FGA aircraft") or a designation ("the AE
        2100 engine", tagged PERSON) that no gazetteer knows as an actor."""
        after = span.end
        doc = span.doc
        if after < len(doc) and doc[after].text in ("-", "‐"):
            after += 1
        if after >= len(doc) or not names_equipment(doc[after].text):
            return False
        name = span.text
        if span.label_ == "PERSON":
            designation = any(ch.isdigit() for ch in name) or name.isupper()
            return designation and people.known(name) is None
        gazetteer = self.gazetteer
        known = (
            gazetteer.lookup_country(name)
            or gazetteer.organisation(name)
            or gazetteer.media_outlet(name)
            or gazetteer.company(name)
            or gazetteer.region(name)
            or gazetteer.place(name)
        )
        return known is None and self.lexicon.phrase_sector([t.text for t in span]) is None

    def _after_title(self, span: Span) -> bool:
        """ "President Prosper Avril" tagged ORG: a proper name right after a person's title
        is a person whatever the NER says."""
        if span.start == 0 or span.label_ not in ("ORG", "GPE", "NORP"):
            return False
        before = span.doc[span.start - 1]
        return (
            (before.lower_,) in self.lexicon.nominal_titles
            and before.text[:1].isupper()
            and all(t.pos_ == "PROPN" for t in span)
        )

    def _without_title(self, span: Span) -> Span:
        """ "King Hassan" tagged PERSON: the title words go to the title, not the name; so
        does a demonym before them ("Nepali King Gyanendra" tagged whole)."""
        start = span.start
        doc = span.doc
        if (
            span.end - start > 2
            and self.lexicon.is_title_word(doc[start + 1].lower_)
            and self.gazetteer.lookup_demonym(doc[start].text) is not None
        ):
            start += 1
        while start < span.end - 1 and (
            self.lexicon.is_title_word(doc[start].lower_) or doc[start].text == "-"
        ):
            start += 1
        return span if start == span.start else Span(doc, start, span.end, label=span.label_)

    def _bare_titles(self, text: str, people: PersonIndex) -> list[Candidate]:
        found = []
        for nominal in self.nominals.titles(text):
            person = people.last_with_title(nominal.start, nominal.words)
            if person is not None:
                found.append(Candidate(nominal.start, nominal.end, "NOMINAL", person, _P_NOMINAL))
        return found

    def _organisation_references(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """ "the group", "the company" after a named organisation: a mention of it. A bare
        phrase candidate there ("the company" as a business of no name) takes its entity."""
        found = []
        references = self.nominals.referring(text)
        heads = self.lexicon.referring_heads
        for start, end, entity in organisation_references(text, references, chosen, heads):
            inside = [c for c in chosen if c.start < end and start < c.end]
            if not inside:
                found.append(Candidate(start, end, "NOMINAL", entity, _P_NOMINAL))
            for cand in inside:
                if cand.from_words and (cand.entity is None or not cand.entity.country):
                    cand.entity = entity
        return found

    def _pair_nominals(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        countries = sorted(
            (c.start, c.end, c.entity.country)
            for c in chosen
            if c.entity is not None and c.entity.kind == "country" and c.entity.country
        )
        if not countries:
            return []
        pairs = country_pairs(countries, text)
        taken = sorted((c.start, c.end) for c in chosen)
        found = []
        for start, end in self.nominals.pairs(text):
            if any(s < end and start < e for s, e in taken):
                continue
            pair = pair_before(start, pairs, countries)
            if pair is not None:
                found.append(Candidate(start, end, "NOMINAL", self.factory.group(pair), _P_NOMINAL))
        return found

    # -- sector phrases ----------------------------------------------------------------------
    def _phrase_candidates(
        self, doc: Doc, phrases: list[SectorPhrase], names: list[Span]
    ) -> list[Candidate]:
        found: list[Candidate] = []
        by_key: dict[tuple[str, ...], Entity] = {}
        for phrase in phrases:
            span = doc[phrase.start : phrase.end]
            if _inside_longer_name(names, phrase):
                continue  # "Nigerian Union of Teachers" is a name, resolved as one
            entity = self._phrase_entity(span, phrase, by_key)
            if entity is None:
                continue
            by_key.setdefault(phrase.key_words, entity)
            by_key[phrase.key_words[-1:]] = entity  # the last phrase with this head word
            label = "ORG" if phrase.capitalised and not phrase.plural else "NOMINAL"
            from_words = entity.id.startswith(("org:", "group:", "person:")) and not (
                self.gazetteer.organisations.get(entity.id.split(":", 1)[1])
            )
            found.append(
                Candidate(
                    span.start_char, span.end_char, label, entity, _P_PHRASE, True, from_words
                )
            )
        return found

    def _named_organisation(self, span: Span) -> Entity | None:
        """The organisation or outlet a phrase names: "rebel Kurdistan Workers' Party" (the
        party), "Interfax agency" (the outlet), "Hezbollah guerrillas" (the group)."""
        start = 0
        while start < len(span) and not span[start].text[:1].isupper():
            start += 1
        end = start
        while end < len(span) and span[end].text[:1].isupper():
            end += 1
        # A name the model found inside the phrase, whatever its case ("top al-Qaeda leaders").
        named = [e for e in _entities_within(span) if e.label_ in ("ORG", "NORP")]
        pieces = [(span[start:], True), (span[start:end], False), *((e, False) for e in named)]
        for piece, whole in pieces:
            if not len(piece):
                continue
            found = self.gazetteer.organisation(piece.text) or self.gazetteer.media_outlet(
                piece.text
            )
            # An IGO before the head owns the phrase instead ("UN peacekeepers" are MIL).
            if found is not None and (whole or "IGO" not in found.sector):
                return self.factory.organisation(found)
        return None

    def _phrase_entity(
        self, span: Span, phrase: SectorPhrase, by_key: dict[tuple[str, ...], Entity]
    ) -> Entity | None:
        person_title = tuple(phrase.key_words[-2:]) in self.lexicon.nominal_titles or (
            phrase.key_words[-1:] in self.lexicon.nominal_titles
        )
        one_person = not phrase.plural and self.lexicon.names_a_person(phrase.key_words)
        named = self._named_organisation(span)
        if named is not None:
            return named  # "rebel Kurdistan Workers' Party": the party, "rebel" describes it
        name = bare_name(span.text)
        metonym = self.gazetteer.lookup_country(name) if phrase.capitalised else None
        if metonym is not None and metonym.via == "metonym":
            return self.factory.metonym(name, metonym)  # "the State Department said"
        owner = self.gazetteer.organisations.get(phrase.organisation or "")
        if owner is not None and "IGO" not in owner.sector:
            # "Hezbollah guerrillas", "the radical Palestinian Islamic Jihad movement": the
            # group itself.
            return self.factory.organisation(owner)
        if phrase.country is None and phrase.organisation is None:
            # A bare head refers back to the phrase with the same words ("the Navy" after
            # "the Indian Navy"); otherwise a named institution, a plural group, a subject
            # ("a terror group said") or a people-qualified one ("Karen guerrilla") counts.
            # "authorities" after "French authorities" are the same; "people" in another
            # sentence are other people unless the words say so ("the people").
            refers_back = _definite(span) or phrase.key_words[-1] not in _GENERIC_PEOPLE
            if refers_back and phrase.key_words in by_key:
                return by_key[phrase.key_words]
            if refers_back and len(phrase.key_words) == 1 and phrase.key_words[-1:] in by_key:
                return by_key[phrase.key_words[-1:]]  # "the agency" after "Interfax agency"
            if person_title and not phrase.plural:
                return None  # "the minister": a person, left to title coreference
            if self.lexicon.is_equipment_head(phrase.key_words):
                return None  # "tanks", "other warships": equipment, an actor only with an owner
            if self.lexicon.is_international_head(phrase.key_words):
                # "a regional peacekeeping force": forces of an international mandate.
                entity = self.factory.phrase(
                    phrase.key_words, span.text, None, phrase.sector, phrase.plural
                )
                entity.sector.append("IGO")
                return entity
            head = span[-1]
            # "Djindjic's opposition coalition": a phrase with a named possessor is that
            # owner's, as much an actor as a capitalised one.
            owned = span.start > 0 and span.doc[span.start - 1].tag_ == "POS"
            qualified = owned or any(t.text[:1].isupper() for t in span[:-1])
            subject = head.dep_ in ("nsubj", "nsubjpass")
            if not (phrase.capitalised or phrase.plural or qualified or subject):
                return None
        entity = self.factory.phrase(
            phrase.key_words, span.text, phrase.country, phrase.sector, phrase.plural
        )
        if one_person:
            entity.kind = "person"
            entity.id = "person:" + entity.id.split(":", 1)[1]
        if owner is not None:
            entity.attributes["organisation"] = f"igo:{owner.id}"
        return entity


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Heads too generic to refer back to an earlier phrase without a determiner.
_GENERIC_PEOPLE = frozenset(
    {"people", "persons", "civilians", "residents", "villagers", "men", "women", "children"}
)


def _definite(span: Span) -> bool:
    """Whether a phrase starts with (or follows) a definite determiner: "the Navy"."""
    first = span[0]
    before = span.doc[span.start - 1] if span.start > 0 else None
    return first.lower_ in _DEFINITE or (before is not None and before.lower_ in _DEFINITE)


def _inside_longer_name(names: list[Span], phrase: SectorPhrase) -> bool:
    """Whether the phrase's head is inside a named organisation that the phrase does not
    cover: "Teachers" in "Nigerian Union of Teachers", "Party" in "Kurdistan Workers' Party"."""
    head = phrase.end - 1
    for name in names:
        if name.start <= head < name.end and not (
            phrase.start <= name.start and name.end <= phrase.end
        ):
            return True
    return False


def _equipment_tokens(doc: Doc, candidates: list[Candidate]) -> set[int]:
    """Indexes of the tokens that equipment mentions cover."""
    tokens: set[int] = set()
    for cand in candidates:
        if cand.label == "EQUIPMENT":
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is not None:
                tokens.update(range(span.start, span.end))
    return tokens


def _after_equipment(doc: Doc, start: int, equipment: set[int]) -> bool:
    """Whether the token before ``start`` (a hyphen aside) belongs to an equipment mention."""
    before = start - 1
    if before >= 0 and doc[before].text in ("-", "‐") and before - 1 in equipment:
        return True
    return before in equipment


def _claimed_chars(length: int, candidates: list[Candidate]) -> list[bool]:
    claimed = [False] * length
    for cand in candidates:
        for i in range(cand.start, cand.end):
            claimed[i] = True
    return claimed


def _ner_spans(doc: Doc, claimed: list[bool]) -> list[Span]:
    """NER spans of the labels we resolve, cut around equipment and money.

    "the MiG29Ks of the Indian Navy" (tagged ORG) keeps "Indian Navy": the piece after the
    equipment is kept when a preposition separates it from the equipment.
    """
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        if len(ent) > 1 and ent[0].pos_ == "DET":
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)  # "The Indian Air Force"
        if len(ent) > 1 and ent[-1].tag_ == "POS":
            ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)  # "Zoran Djindjic's"
        free = [not claimed[t.idx] for t in ent]
        if all(free):
            spans.append(ent)
            continue
        if ent.label_ in ("PRODUCT", "LANGUAGE"):
            continue
        last_claimed = max(i for i, ok in enumerate(free) if not ok)
        rest = [t for t in ent[last_claimed + 1 :]]
        if rest and ent.label_ == "PERSON" and rest[-1].text[:1].isupper() and free[-1]:
            # "Boeing chief executive Jim McNerney": the company claims its name, the person
            # after it keeps the rest (his title words go to the title).
            spans.append(Span(doc, rest[0].i, rest[-1].i + 1, label=ent.label_))
            continue
        if not rest or rest[0].pos_ != "ADP":
            continue
        while rest and rest[0].pos_ in ("ADP", "DET"):
            rest.pop(0)
        if rest:
            spans.append(Span(doc, rest[0].i, rest[-1].i + 1, label=ent.label_))
    return spans


def _blocked_tokens(doc: Doc, candidates: list[Candidate]) -> list[bool]:
    blocked = [False] * len(doc)
    for cand in candidates:
        if cand.priority < _P_NOMINAL:
            continue
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                blocked[i] = True
    return blocked


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, higher priority first, then longer spans."""
    ordered = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in candidates), default=0))
    for cand in ordered:
        if any(taken[cand.start : cand.end]):
            continue
        chosen.append(cand)
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    return chosen


def _entities_within(span: Span) -> list[Span]:
    """The model's entities that lie wholly inside ``span``, read from its own tokens.

    ``Span.ents`` walks every entity of the document on each call: on a long text with
    thousands of entities, asking it once per phrase made the stage quadratic.
    """
    doc = span.doc
    found: list[Span] = []
    i = span.start
    while i < span.end:
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= span.end:
            found.append(Span(doc, i, end, label=doc[i].ent_type_))
        i = end
    return found
