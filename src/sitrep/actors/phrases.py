"""Sector phrases: noun phrases whose head names a sector and whose modifiers a country.

"the Indian Navy" -> IND MIL, "Russian leaders" -> RUS GOV, "Sudan's government" -> SDN GOV,
"rebels in Darfur" -> SDN REB, "Afghan rebel leaders" -> AFG REB. The head comes from the sector
lexicon, the country from a demonym or country name attached to the head (directly, through a
possessive, or through "in"/"of"/"from"), so "Russian-origin fighter aircraft" (the origin of
the aircraft, not their owner) gives no country. One pass over the tokens with dict lookups.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.actors.gazetteer import Gazetteer
from sitrep.actors.peoples import people_country
from sitrep.actors.sectors import SectorLexicon
from sitrep.actors.spelling import country_spelling

_HEAD_POS = frozenset({"NOUN", "PROPN"})
_LEADING_SKIP_POS = frozenset({"DET", "NUM", "ADP", "PRON", "PUNCT", "CCONJ", "PART"})
# Words of a count before a phrase ("at least 57 people", "more than 20 soldiers"): not the
# phrase's own words.
_COUNT_WORDS = frozenset(
    {"least", "most", "more", "fewer", "less", "over", "nearly", "almost", "about"}
    | {"around", "roughly", "approximately", "some", "up"}
)
_LOCATIVE_PREPS = frozenset({"in", "of", "from"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# How many tokens of a proper name to try as one country name ("United States", "Ivory Coast").
_MAX_NAME_TOKENS = 4


@dataclass(slots=True)
class SectorPhrase:
    start: int  # token offsets [start, end)
    end: int
    sector: str
    country: str | None
    organisation: str | None  # the owning organisation's id ("UN peacekeepers" -> "un")
    key_words: tuple[str, ...]  # head words without the country words, for the entity id
    plural: bool
    capitalised: bool


def _country_pieces(
    tokens: list[Token], gazetteer: Gazetteer
) -> list[tuple[str | None, str | None, list[Token]]]:
    """(country ISO3, IGO id, the tokens naming it) for each country or IGO in ``tokens``."""
    found: list[tuple[str | None, str | None, list[Token]]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].text[:1].isupper():
            i += 1
            continue
        for size in range(min(_MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
            piece = tokens[i : i + size]
            text = piece[0].doc[piece[0].i : piece[-1].i + 1].text
            match = gazetteer.lookup_country(text)
            if match is not None and match.via != "metonym":
                elsewhere = gazetteer.capital_elsewhere(text, piece[0].doc)
                iso3 = elsewhere.country if elsewhere else match.country.iso3
                found.append((iso3, None, piece))
                break
            people = people_country(text) if size == 1 else None
            if people is not None:
                found.append((people, None, piece))
                break
            if size == 1 and piece[0].ent_type_ in ("GPE", "NORP"):
                spelt = country_spelling(gazetteer).lookup(text)  # "Phillippines military"
                if spelt is not None:
                    found.append((spelt.country.iso3, None, piece))
                    break
            region = gazetteer.region(text)
            if region is not None:
                found.append((region.country, None, piece))  # "Darfur rebels"
                break
            org = gazetteer.organisation(text)
            if org is not None:
                # An IGO owns the phrase ("UN peacekeepers"); so does a group ("Hezbollah
                # guerrillas"), which also gives its country.
                found.append((org.country, org.id, piece))
                break
        else:
            i += 1
            continue
        i += size
    return found


def _hyphenated(piece: list[Token]) -> bool:
    """ "Russian-origin", "anti-Syria", "NATO-member": a country word inside a hyphenated
    modifier names an origin or an opponent, not the owner. "Vietnamese-led" is the owner."""
    doc = piece[0].doc
    before = doc[piece[0].i - 1] if piece[0].i > 0 else None
    after = doc[piece[-1].i + 1] if piece[-1].i + 1 < len(doc) else None
    if before is not None and before.text == "-" and before.whitespace_ == "":
        return True
    if after is not None and after.text == "-" and piece[-1].whitespace_ == "":
        led = piece[-1].i + 2 < len(doc) and doc[piece[-1].i + 2].lower_ == "led"
        return not led
    return False


def _led(piece: list[Token]) -> bool:
    doc = piece[0].doc
    end = piece[-1].i
    return end + 2 < len(doc) and doc[end + 1].text == "-" and doc[end + 2].lower_ == "led"


def _attached(
    piece: list[Token], head: Token, span_tokens: list[Token], lexicon: SectorLexicon
) -> bool:
    """Whether the country words modify the head (or the noun the head modifies, "Israeli
    police custody"), or a sector word of the phrase ("Afghan rebel leaders"), or are
    coordinated with such words ("Hungarian and Romanian officials")."""
    if _hyphenated(piece):
        return False
    if _led(piece):
        return True  # "Vietnamese-led forces"
    inside = {t.i for t in piece}
    root = next((t for t in piece if t.head.i not in inside), piece[-1])
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "Hungarian and Romanian officials": Romanian conj Hungarian
    # Sector words of the phrase, and proper adjectives or nouns between ("Turkish Kurd
    # refugees": Turkish modifies Kurd, which modifies refugees).
    targets = {head.i} | {
        t.i for t in span_tokens if lexicon.is_title_word(t.lower_) or t.text[:1].isupper()
    }
    if head.dep_ == "compound":
        targets.add(head.head.i)
    return root.head.i in targets or root.i in targets


def _locative_country(head: Token, gazetteer: Gazetteer) -> tuple[str | None, list[Token]]:
    """ "rebels in Darfur", "refugees from Liberia": the country of an attached place."""
    for child in head.rights:
        if child.dep_ != "prep" or child.lower_ not in _LOCATIVE_PREPS:
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            tokens = [t for t in obj.subtree if t.pos_ != "DET"]
            for country, _org, piece in _country_pieces(tokens, gazetteer):
                if country:
                    return country, piece
            first = obj.left_edge.i
            while first < obj.i and obj.doc[first].pos_ == "DET":
                first += 1
            name = obj.doc[first : obj.i + 1].text
            named = gazetteer.countries_named(obj.doc)
            place = gazetteer.place(name, prefer=named) if obj.pos_ == "PROPN" else None
            if place is not None:
                return place.country, [obj]
            region = gazetteer.region(name)
            if region is not None:
                return region.country, [obj]
    return None, []


def find_sector_phrases(
    doc: Doc, gazetteer: Gazetteer, lexicon: SectorLexicon, blocked: list[bool]
) -> list[SectorPhrase]:
    """Every sector phrase whose tokens are not ``blocked`` (claimed by a person, equipment)."""
    found: list[SectorPhrase] = []
    for head in doc:
        if head.pos_ not in _HEAD_POS or blocked[head.i] or head.ent_type_ in _PLACE_ENTS:
            continue  # "West Bank" is a place, not a bank
        if not _multiword_end(head, lexicon):
            continue
        if head.dep_ == "compound" and _multiword_end(head.head, lexicon):
            continue  # "army chief": the phrase ends at "chief"
        left = head.head.left_edge.i if head.dep_ == "compound" else head.left_edge.i
        start = max(min(left, head.left_edge.i), head.sent.start)
        while start < head.i and (
            doc[start].pos_ in _LEADING_SKIP_POS
            or doc[start].is_punct
            or doc[start].lower_ in _COUNT_WORDS
        ):
            start += 1
        if any(blocked[i] for i in range(start, head.i)):
            start = max(i for i in range(start, head.i) if blocked[i]) + 1
            while start < head.i and (doc[start].pos_ in _LEADING_SKIP_POS or doc[start].is_punct):
                start += 1  # "Djindjic's opposition coalition": the "'s" after the person
        tokens = list(doc[start : head.i + 1])
        sector = lexicon.phrase_sector([t.lower_ for t in tokens])
        if sector is None:
            continue
        pieces = [
            p
            for p in _country_pieces(tokens[:-1], gazetteer)
            if _attached(p[2], head, tokens, lexicon)
        ]
        if sector == "GOV" and any(_names_a_people(p[2], gazetteer) for p in pieces):
            # "Yoruba leaders", "Kurdish officials": a people has no government of its own;
            # its leaders are elites (PLOVER ELI), not a state's officials.
            sector = "ELI"
        if not pieces:
            country, _ = _locative_country(head, gazetteer)
            pieces = [(country, None, [])]
        # The country words are left out of the entity's key ("Indian Navy" and "India's navy"
        # are one), a people's name is kept: "Yoruba leaders" are not "Nigerian leaders".
        taken = {
            t.i for _c, _o, piece in pieces for t in piece if not _names_a_people(piece, gazetteer)
        }
        key = tuple(
            t.lower_
            for t in tokens
            if t.i not in taken
            and t.text not in ("'s", "’s", "'")
            and not t.is_punct
            and t.pos_ != "CCONJ"
        )
        # Coordinated owners ("Hungarian and Romanian officials") make one phrase each: the
        # first ones are the country word alone, the last runs to the head.
        for n, (country, org, piece) in enumerate(pieces):
            last = n == len(pieces) - 1
            first = piece[0].i if piece and (n > 0 or not last) else start
            end = head.i + 1 if last else piece[-1].i + 1
            found.append(
                SectorPhrase(
                    start=first,
                    end=end,
                    sector=sector,
                    country=country,
                    organisation=org,
                    key_words=key,
                    plural=head.tag_ in ("NNS", "NNPS"),
                    capitalised=head.text[:1].isupper(),
                )
            )
    return found


def _names_a_people(piece: list[Token], gazetteer: Gazetteer) -> bool:
    """Whether the words name a people (peoples.yaml), not a country or its demonym."""
    if len(piece) != 1:
        return False
    text = piece[0].text
    return people_country(text) is not None and gazetteer.lookup_country(text) is None


def _multiword_end(head: Token, lexicon: SectorLexicon) -> bool:
    """ "Air Force", "riot police": the head ends a multi-word lexicon entry."""
    doc = head.doc
    first = max(head.sent.start, head.i - 3)
    words = [t.lower_ for t in doc[first : head.i + 1]]
    return lexicon.head_sector(words) is not None
