"""Who supplies and who receives: countries named in a sentence and the part the parse gives them.

Countries are found with the gazetteer directly (names, aliases, demonyms; a capital or a
metonym only as the subject of a verb, since "Singh left for Moscow" says nothing about who
supplies whom). The dependency parse then says what each country does: the subject of "get",
"buy", "order" receives; the subject of "supply", "sell", "deliver" supplies; "delivery to X"
and "the Indian Navy" point at the recipient, "purchase from X" and "Russian S-400" at the
supplier; "Russia is India's largest defence supplier" names both.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from sitrep.actors.gazetteer import Gazetteer
from sitrep.transfers.cues import Roles

Role = Literal["supplier", "recipient"]
_MAX_NAME_TOKENS = 4  # longest country name in tokens ("Democratic Republic of the Congo" is 5,
# but news writes "DR Congo"); longer names are still found as their aliases
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Verbs by which a company buys (otherwise a company in a deal sells).
_BUYING = frozenset({"buy", "purchase", "order", "acquire", "import", "lease", "procure"})


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country named in a sentence, with the role the parse gives it (if any)."""

    iso3: str
    start: int  # character offsets in the document
    end: int
    text: str
    via: str  # name, alias, demonym, capital ...
    role: Role | None = None
    # For "X is Y's largest supplier": the other party named in the same relation.
    partner: str | None = None
    subject: bool = False  # the subject of the verb that gives the role (the strongest cue)
    # The role is stated by the deal itself: "ordered ... from Bulgaria", "the sale to India"
    # (not "engine deliveries from the US", which is about a part).
    explicit: bool = False
    company: str | None = None  # the company named, when the party is a company's country


def _is_candidate_start(token: Token) -> bool:
    return token.text[:1].isupper() or token.lower_ == "the"


def find_countries(sentence: Span, gazetteer: Gazetteer) -> list[tuple[Span, str, str]]:
    """(span, iso3, via) for every country named in ``sentence``, longest names first."""
    found: list[tuple[Span, str, str]] = []
    i = sentence.start
    doc = sentence.doc
    while i < sentence.end:
        if not _is_candidate_start(doc[i]):
            i += 1
            continue
        best: tuple[Span, str, str] | None = None
        for j in range(min(sentence.end, i + _MAX_NAME_TOKENS), i, -1):
            span = doc[i:j]
            match = gazetteer.lookup_country(span.text)
            if match is not None:
                best = (span, match.country.iso3, match.via)
                break
        if best is None:
            i += 1
            continue
        found.append(best)
        i = best[0].end
    return found


def _verb_chain_lemmas(verb: Token) -> set[str]:
    """The lemmas of a verb and the verbs it governs through open complements:
    "was supposed to get" -> {suppose, get}; "plans to buy" -> {plan, buy}."""
    lemmas = {verb.lemma_.lower()}
    frontier = [verb]
    for _ in range(3):  # three levels cover "is expected to start to receive"
        frontier = [c for t in frontier for c in t.children if c.dep_ in ("xcomp", "ccomp")]
        lemmas.update(t.lemma_.lower() for t in frontier)
    return lemmas


def _relation_role(head: Token, roles: Roles) -> tuple[Role, str | None] | None:
    """ "X is Y's largest supplier" -> (supplier, Y); "X is Y's biggest buyer" -> (recipient, Y)."""
    if head.lemma_ != "be":
        return None
    for attr in head.children:
        if attr.dep_ != "attr":
            continue
        lemma = attr.lemma_.lower()
        partner = next((c for c in attr.children if c.dep_ == "poss"), None)
        if partner is None:
            # "Russia is No. 1 supplier of arms to India"
            partner = next(
                (
                    g
                    for p in attr.subtree
                    if p.dep_ == "prep" and p.lower_ == "to"
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
        partner_text = _compound_text(partner) if partner is not None else None
        if lemma in roles.supplier_nouns:
            return "supplier", partner_text
        if lemma in roles.buyer_nouns:
            return "recipient", partner_text
    return None


def _compound_text(tok: Token) -> str:
    """A name with its compounds ("South Korea" for the token "Korea")."""
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    return " ".join([*(w.text for w in words), tok.text])


def _names_a_part(noun: Token) -> bool:
    """A transfer noun compounded with another noun names a part's deal ("engine
    deliveries"), unless the compound is a designation (a proper noun or a code)."""
    return any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and c.is_alpha for c in noun.children
    )


def role_of(
    name: Span, roles: Roles, origins: tuple[str, ...], iso3: str
) -> tuple[Role | None, str | None, bool]:
    """The role the parse gives a country name, the partner's name in a relation, and whether
    the deal itself states the role (see :attr:`CountryMention.explicit`)."""
    role, partner = _role(name, roles, origins, iso3)
    explicit = False
    if role is not None and name.root.dep_ == "pobj":
        governor = name.root.head.head
        if governor.pos_ in ("VERB", "AUX"):
            explicit = True
        elif governor.lemma_.lower() in roles.transfer_nouns:
            explicit = not _names_a_part(governor)
    elif role is None and name.root.dep_ == "pobj" and name.root.head.lower_ == "from":
        # "ordered 12 BM-21 rocket launchers from Belarus": "from" hangs on the bought
        # system, which is the object of a buying verb.
        noun = name.root.head.head
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in roles.recipient_verbs:
            role, explicit = "supplier", True
    return role, partner, explicit


def _counterpart(name: Span, roles: Roles) -> bool:
    """ "signed a contract with Belarus", "placed an order with Dassault": the other party of
    a deal whose subject's role the sentence gives."""
    token = name.root
    if token.dep_ != "pobj" or token.head.lower_ != "with":
        return False
    governor = token.head.head
    return governor.lemma_.lower() in roles.transfer_nouns | {"sign", "agreement"}


def _role(
    name: Span, roles: Roles, origins: tuple[str, ...], iso3: str
) -> tuple[Role | None, str | None]:
    token = name.root
    dep = token.dep_
    head = token.head
    if dep in _SUBJECTS:
        relation = _relation_role(head, roles)
        if relation is not None:
            return relation
        lemmas = _verb_chain_lemmas(head)
        # Supplier verbs are checked first: "Russia agreed to supply India" names Russia.
        if lemmas & roles.supplier_verbs and dep != "nsubjpass":
            return "supplier", None
        if lemmas & roles.recipient_verbs:
            return "recipient", None
        if lemmas & roles.supplier_verbs:  # "India was supplied with ..."
            return "recipient", None
        return None, None
    if dep == "pobj":
        prep = head.lower_
        governor = head.head.lemma_.lower()
        if prep in ("to", "for") and governor in roles.supplier_verbs | roles.transfer_nouns:
            return "recipient", None
        if prep == "from" and governor in roles.recipient_verbs | roles.transfer_nouns:
            return "supplier", None
        if prep == "in" and governor in ("production", "manufacture", "assembly"):
            return "recipient", None  # "licensed production in India"
        return None, None
    if dep == "dobj" and head.lemma_.lower() in roles.supplier_verbs:
        return "recipient", None  # "to supply India with ..."
    if dep == "dative":
        return "recipient", None  # "sold India five squadrons"
    if dep == "poss":
        if head.lemma_.lower() in roles.transfer_nouns:
            return "recipient", None  # "India's S-400 deal"
        if head.lemma_.lower() in roles.service_nouns:
            return "recipient", None  # "Vietnam's air force"
    if dep in ("amod", "compound", "nmod"):
        if head.lemma_.lower() in roles.service_nouns:
            return "recipient", None  # "the Indian Navy"
        if iso3 in origins:
            return "supplier", None  # "Russian S-400s", "Russian-origin fighter aircraft"
    return None, None


def _companies(sentence: Span, roles: Roles, origins: tuple[str, ...]) -> list[CountryMention]:
    """Companies the actor stage placed in a country ("BAE agreed to a deal with Saudi
    Arabia", "Lockheed Martin will deliver"): in a transfer sentence a company sells unless
    the parse says it buys. Read only when the actor stage ran."""
    doc = sentence.doc
    entities = {e.id: e for e in (doc._.entities or [])}
    out: list[CountryMention] = []
    for mention in doc._.mentions or []:
        if not (sentence.start_char <= mention.start < sentence.end_char):
            continue
        entity = entities.get(mention.entity_id or "")
        if entity is None or entity.kind != "organisation" or not entity.country:
            continue
        if "BUS" not in entity.sector and not entity.attributes.get("industry"):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        role, _, explicit = role_of(span, roles, origins, entity.country)
        subject = span.root.dep_ in _SUBJECTS
        if role == "recipient" and not (_verb_chain_lemmas(span.root.head) & _BUYING):
            role = "supplier"  # "Dassault signed a contract with Egypt": the seller signs
        out.append(
            CountryMention(
                entity.country,
                mention.start,
                mention.end,
                mention.text,
                "company",
                role or "supplier",
                None,
                subject,
                explicit or role is None,
                entity.name,
            )
        )
    return out


def _counterpart_at(sentence: Span, mention: CountryMention, roles: Roles) -> bool:
    span = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and _counterpart(span, roles)


def countries_in(
    sentence: Span, gazetteer: Gazetteer, roles: Roles, origins: tuple[str, ...] = ()
) -> list[CountryMention]:
    """Every country named in the sentence with its role; capitals and metonyms count only
    as subjects ("Moscow agreed to supply"), never as destinations ("flew to Moscow")."""
    parsed = sentence.doc.has_annotation("DEP")
    mentions: list[CountryMention] = []
    to_party = False
    for span, iso3, via in find_countries(sentence, gazetteer):
        role: Role | None = None
        partner: str | None = None
        explicit = False
        if parsed:
            role, partner_text, explicit = role_of(span, roles, origins, iso3)
            if partner_text:
                match = gazetteer.lookup_country(partner_text)
                partner = match.country.iso3 if match else None
        if via in ("capital", "metonym") and (not parsed or span.root.dep_ not in _SUBJECTS):
            continue
        subject = parsed and span.root.dep_ in _SUBJECTS
        mentions.append(
            CountryMention(
                iso3,
                span.start_char,
                span.end_char,
                span.text,
                via,
                role,
                partner,
                subject,
                explicit,
            )
        )
        to_party = to_party or (role == "recipient" and span.root.head.lower_ == "to")
    subject_roles = {m.role for m in mentions if m.subject and m.role is not None}
    if len(subject_roles) == 1:
        (other,) = {"supplier", "recipient"} - subject_roles
        mentions = [
            dataclasses.replace(m, role=other, explicit=True)  # type: ignore[arg-type]
            if m.role is None and _counterpart_at(sentence, m, roles)
            else m
            for m in mentions
        ]
    mentions += _companies(sentence, roles, origins) if parsed else []
    if to_party:
        # "Germany will lease two Patriots to Ukraine": with the receiver named after "to",
        # the subject of a two-way verb (lease, transfer, order) is the one giving.
        mentions = [
            dataclasses.replace(m, role="supplier") if m.subject and m.role == "recipient" else m
            for m in mentions
        ]
    return mentions
