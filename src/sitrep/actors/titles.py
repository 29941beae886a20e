"""Read a person's title from the words around the name.

"Russian Deputy Prime Minister Yury Borisov": the parser attaches the words before the name to
it; of those, country words ("Russian", "Lebanon's", "U.S.") give the country, the rest give
the role ("Deputy Prime Minister") and, through the sector lexicon, the sector (GOV). "King
Hassan of Morocco" puts the country after the name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.actors.entries import Organisation
from sitrep.actors.gazetteer import Gazetteer
from sitrep.actors.resolve import Title
from sitrep.actors.sectors import SectorLexicon

# Longest country name, in tokens, tried at each position ("Democratic Republic of the Congo"
# is longer but news writes "DR Congo"/"Congo"; five tokens covers "United Arab Emirates").
_MAX_NAME_TOKENS = 4
# A title longer than this is a clause the parser attached to the name, not a title.
_MAX_TITLE_TOKENS = 8
_STOP_POS = frozenset({"DET", "PRON", "VERB", "AUX", "CCONJ", "SCONJ", "NUM"})
_KEEP_ADP = frozenset({"of", "for"})
_STOP_ENTS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})


def _window(span: Span, lexicon: SectorLexicon) -> list[Token]:
    """The title-like tokens right before the name, in text order.

    Read from the words, not the parse: the parser often attaches a long title badly
    ("Russian Deputy Prime Minister Yury Borisov" makes the name an apposition). A token
    belongs to the title when it is capitalised, a title word ("junior", "foreign",
    "minister"), a noun compounded with a title word ("democracy leader"), a hyphen,
    "of"/"for" or a possessive; a determiner, verb, other
    preposition, punctuation or another name ends it.
    """
    doc = span.doc
    first = span.sent.start
    kept: list[Token] = []
    for i in range(span.start - 1, first - 1, -1):
        token = doc[i]
        titled_name = token.ent_type_ == "PERSON" and lexicon.is_title_word(token.lower_)
        modifier = token.lower_ in lexicon.modifiers  # "Ousted President" (tagged a verb)
        if (token.ent_type_ in _STOP_ENTS and not titled_name) or (
            token.pos_ in _STOP_POS and not modifier
        ):
            break  # ("King" in a PERSON span "King Hassan" is a title, not another name)
        if token.pos_ == "ADP" and token.lower_ not in _KEEP_ADP:
            break
        if token.is_punct and token.text not in ("-", ".") and token.text not in _POSSESSIVE:
            break  # ("Cyprus' Foreign Minister": the possessive belongs to the title)
        titled = token.text[:1].isupper() or token.text in _POSSESSIVE or token.text == "-"
        # "Hong Kong democracy leader": a noun compounded with the title word after it.
        compound = bool(kept) and token.dep_ == "compound" and token.head in kept
        if not (
            titled or compound or token.lower_ in _KEEP_ADP or lexicon.is_title_word(token.lower_)
        ):
            break
        kept.append(token)
        if len(kept) >= _MAX_TITLE_TOKENS:
            break
    kept.reverse()
    while kept and (kept[0].lower_ in _KEEP_ADP or kept[0].is_punct or kept[0].text in _POSSESSIVE):
        kept.pop(0)  # a title does not start with "of", a hyphen or a possessive
    return kept


def country_in(tokens: list[Token], gazetteer: Gazetteer) -> tuple[str | None, int]:
    """The first country named in ``tokens`` and the index just after its name (0 if none).

    Capitals do not count: "In Moscow, Rajnath Singh" does not make him Russian. Seats of
    government do: "Kremlin aide", "Elysee spokesman".
    """
    for i in range(len(tokens)):
        for size in range(min(_MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
            piece = tokens[i : i + size]
            if not piece[0].text[:1].isupper():
                break
            text = piece[0].doc[piece[0].i : piece[-1].i + 1].text
            match = gazetteer.lookup_country(text)
            if match is not None and match.via != "capital":
                return match.country.iso3, i + size
    return None, 0


def _country_after(span: Span, gazetteer: Gazetteer) -> str | None:
    """ "King Hassan of Morocco", "president of Armenia": a country in an "of" phrase."""
    for child in span.root.rights:
        if child.lower_ == "of" and child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    tokens = list(obj.subtree)
                    country, _ = country_in([t for t in tokens if t.pos_ != "DET"], gazetteer)
                    if country:
                        return country
    return None


def _names_owner(tokens: list[Token], country_end: int) -> bool:
    """Without a title word, a country counts only as an adjective or a possessive right
    before the name: "Israeli right-winger Ariel Sharon" has no office but is Israeli."""
    if country_end == 0:
        return False
    last = tokens[country_end - 1]
    after = tokens[country_end] if country_end < len(tokens) else None
    return last.pos_ == "ADJ" or (after is not None and after.text in _POSSESSIVE)


def _organisation_in(
    tokens: list[Token], gazetteer: Gazetteer
) -> tuple[Organisation | None, int, tuple[int, int] | None]:
    """An organisation the gazetteers know named in the title ("U.N. Secretary-General",
    "Hezbollah leader"): the entry, the index just after its name, and its character offsets."""
    for i in range(len(tokens)):
        if not tokens[i].text[:1].isupper():
            continue
        for size in range(min(_MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
            piece = tokens[i : i + size]
            org = gazetteer.organisation(piece[0].doc[piece[0].i : piece[-1].i + 1].text)
            if org is not None:
                return org, i + size, (piece[0].idx, piece[-1].idx + len(piece[-1]))
    return None, 0, None


# Heads of an appositive title that name a person, besides the lexicon's person nouns and
# nominal titles ("the United Nations Emergency Relief Coordinator").
_PERSON_HEADS = frozenset(
    {"coordinator", "representative", "adviser", "advisor", "director", "commissioner"}
    | {"rapporteur", "chairman", "chairwoman", "chair", "head", "aide", "secretary-general"}
)


def _apposition(span: Span, lexicon: SectorLexicon) -> list[Token]:
    """The title in apposition to a name, in text order: "Alistair Burt, Britain's minister
    for the Middle East, said" and "Britain's minister for the Middle East, Alistair Burt,
    said". The appositive's head must be a title word of the lexicon ("minister", "envoy");
    its words are those before the head and an "of"/"for" phrase after it ("ambassador to
    Syria" keeps "ambassador" only: the country it is posted to is not its own).
    """
    root = span.root
    heads = [c for c in root.rights if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < span.start:
        heads.append(root.head)
    for head in heads:
        if head.pos_ not in ("NOUN", "PROPN") or lexicon.head_sector([head.lower_]) is None:
            continue
        if not (lexicon.names_a_person([head.lower_]) or head.lower_ in _PERSON_HEADS):
            continue  # "an Alewite temple, Cemevi": an institution, not a person's office
        kept = [t for t in head.lefts for t in t.subtree if t.pos_ not in ("DET", "PUNCT")]
        kept.append(head)
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in _KEEP_ADP:
                kept.extend(t for t in prep.subtree if t.pos_ not in ("DET", "PUNCT"))
        kept = [t for t in kept if not span.start <= t.i < span.end]
        if 0 < len(kept) <= _MAX_TITLE_TOKENS + 2:
            return sorted(kept, key=lambda t: t.i)
    return []


def title_of(span: Span, gazetteer: Gazetteer, lexicon: SectorLexicon) -> Title | None:
    """The title written with a person's name, or None when the name stands alone.

    The words right before the name first ("Russian Deputy Prime Minister Yury Borisov"),
    else a title in apposition ("Alistair Burt, Britain's minister for the Middle East").
    """
    tokens = _window(span, lexicon)
    apposition = False
    if not tokens or lexicon.phrase_sector([t.lower_ for t in tokens]) is None:
        appositive = _apposition(span, lexicon)
        tokens, apposition = (appositive, True) if appositive else (tokens, False)
    after = _country_after(span, gazetteer)
    if not tokens:
        if after is None:
            return None
        return Title(span.start_char, span.start_char, None, after, None)
    doc = span.doc
    country, owner_end = country_in(tokens, gazetteer)
    organisation = None
    organisation_span = None
    found: Organisation | None = None
    group: Organisation | None = None  # a non-state group the person leads or speaks for
    if country is None:
        found, owner_end, organisation_span = _organisation_in(tokens, gazetteer)
        if found is not None and "IGO" in found.sector:
            organisation = found.id
        elif found is not None:
            group, country = found, found.country  # "Hezbollah leader", "Mossad chief"
    rest = tokens[owner_end:]
    while rest and rest[0].text in _POSSESSIVE:
        rest = rest[1:]
    # Hyphens are words here as in the lexicon: "Secretary-General" -> secretary, -, general.
    words = [t.lower_ for t in rest]
    sector = lexicon.phrase_sector(words) if words else None
    # Qualifiers ("new", "Union") go from the role but stay in the words used for coreference.
    role_tokens = list(rest)
    while role_tokens and role_tokens[0].lower_ in lexicon.title_qualifiers:
        role_tokens.pop(0)
    modifier = lexicon.modifier_sector(words)
    if modifier is not None and role_tokens and role_tokens[0].lower_ in lexicon.modifiers:
        role_tokens.pop(0)  # "Ousted President" -> role "President", sector ELI
    if group is not None and sector is not None:
        # "Hezbollah leader Hassan Nasrallah": the group's sector (REB), unless a modifier
        # says otherwise ("former Hezbollah leader").
        own = [code for code in group.sector if code not in ("IGO", "IMG", "NGO")]
        sector = modifier or (own[0] if own else sector)
    if sector is None and not _names_owner(tokens, owner_end):
        country = None  # "Moscow Rajnath Singh": capitalised words, but no title
    role = None
    if sector is not None and role_tokens:
        role = doc[role_tokens[0].i : role_tokens[-1].i + 1].text
    return Title(
        start=tokens[0].idx,
        end=tokens[-1].idx + len(tokens[-1]),
        role=role,
        country=country or after,
        sector=sector,
        words=frozenset(t.lower_ for t in tokens),
        organisation=organisation,
        organisation_span=organisation_span,
        named_organisation=found.id if found is not None else None,
        apposition=apposition,
    )
