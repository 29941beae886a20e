"""One sentence, one system: what a sentence says about the transfer of a weapon system.

A sentence that names a system (from the equipment catalogue) and says something about a
transfer — a status cue ("delayed", "first batch arrived"), a kind cue ("licensed
production"), a transfer word ("deal", "delivery") or an amount of money — gives one
:class:`SentenceFact` per system. Supplier and recipient are what the sentence itself says;
the article's context fills the gaps later (:mod:`sitrep.transfers.merge`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sitrep.actors.entries import EquipmentEntry
from sitrep.actors.equipment import EquipmentMatch
from sitrep.actors.gazetteer import Gazetteer
from sitrep.actors.money import find_money
from sitrep.records import Amount, TimeExpression
from sitrep.transfers.amounts import assign_values, deal_values, quantity_before
from sitrep.transfers.cues import CueLexicon, CueMatch
from sitrep.transfers.generic import ANY_KIND
from sitrep.transfers.kinds import is_replaced, kinds_for
from sitrep.transfers.parties import CountryMention, countries_in
from sitrep.transfers.rates import RateTable
from sitrep.transfers.timing import delay_reason, due_and_ordered, year_of


@dataclass(slots=True)
class SentenceFact:
    """What one sentence says about one system's transfer."""

    system: EquipmentEntry
    mention: EquipmentMatch  # offsets in the document
    sentence: Span
    cue: CueMatch | None  # the cue that makes it a transfer fact (offsets within the sentence)
    supplier: str | None = None
    recipient: str | None = None
    supplier_org: str | None = None  # the company that supplies, when one is named
    kind: str = "purchase"
    kind_from_cue: bool = False
    status: str | None = None
    status_reason: str | None = None
    value: Amount | None = None
    quantity: int | None = None
    ordered: TimeExpression | None = None
    delivery_due: TimeExpression | None = None
    countries: list[CountryMention] = field(default_factory=list)

    @property
    def fields(self) -> list[str]:
        """The Transfer fields this sentence itself supports (for its evidence)."""
        named = ["system"]
        named += [
            name
            for name in ("supplier", "recipient", "status", "status_reason", "value")
            if getattr(self, name) is not None and self._stated(name)
        ]
        if self.kind_from_cue:
            named.append("kind")
        named += [
            n for n in ("quantity", "ordered", "delivery_due") if getattr(self, n) is not None
        ]
        return named

    def _stated(self, name: str) -> bool:
        if name in ("supplier", "recipient"):
            return any(c.iso3 == getattr(self, name) for c in self.countries)
        return True


def resolve_families(matches: list[EquipmentMatch], sentence_of: list[int]) -> list[EquipmentMatch]:
    """Read a generic designation as the one variant the article names elsewhere: in an
    article about the Su-30MKI, "SU-30 aircraft" is the Su-30MKI (news shortens it). A
    sentence that names both ("MiG-29s ... and the MiG29Ks") means two different systems.

    ``sentence_of[i]`` is the index of the sentence that holds ``matches[i]``.
    """
    entries = {m.entry.id: m.entry for m in matches}
    resolved = []
    for match, sentence in zip(matches, sentence_of, strict=True):
        named = [
            (other.entry.id, where == sentence)
            for other, where in zip(matches, sentence_of, strict=True)
            if other.entry.family == match.entry.id
        ]
        variants = {variant for variant, here in named if not here}
        if len(variants) == 1 and not any(here for _, here in named):
            entry = entries[next(iter(variants))]
            match = EquipmentMatch(match.start, match.end, match.text, entry)
        resolved.append(match)
    return resolved


def sentence_facts(
    sentence: Span,
    mentions: list[EquipmentMatch],
    times: list[TimeExpression],
    dct: str,
    lexicon: CueLexicon,
    gazetteer: Gazetteer,
    rates: RateTable,
) -> list[SentenceFact]:
    """The transfer facts of one sentence, one per system named in it."""
    text = sentence.text
    base = sentence.start_char
    status = lexicon.status_of(text)
    kind_cues = lexicon.kind_cues(text)
    transfer_cue = lexicon.transfer_cue(text)
    if status is None and not kind_cues and transfer_cue is None and not find_money(text):
        return []
    # One fact per system: "the S-400 ... the S-400's radar" is one system. A system being
    # replaced ("to replace its Soviet-era Su-22 jets") is not the one changing hands.
    unique: dict[str, EquipmentMatch] = {}
    for mention in mentions:
        if not is_replaced(mention, sentence, lexicon.roles.replaced_verbs):
            unique.setdefault(mention.entry.id, mention)
    if not unique:
        return []
    systems = list(unique.values())
    origins = tuple(sorted({o for m in systems for o in m.entry.origins}))
    countries = countries_in(sentence, gazetteer, lexicon.roles, origins)
    due, ordered = due_and_ordered(sentence, times, dct, lexicon)
    reason = (
        delay_reason(sentence, lexicon, times)
        if status and status.label in ("delayed", "cancelled")
        else None
    )
    amounts = deal_values(sentence, lexicon, year_of(ordered, dct), rates)
    values = assign_values(amounts, systems, base)
    kinds = kinds_for(systems, kind_cues, sentence)
    facts = []
    statuses = lexicon.statuses_in(text) if status is not None else []
    sentence_status = status
    for index, mention in enumerate(systems):
        kind_cue = kinds[index]
        # "intends to buy Russian arms and bought fighter jets in 2003": each system takes
        # the status of its own clause
        status = _clause_status(sentence, statuses, mention, lexicon) or sentence_status
        supplier, recipient = _parties(mention, countries)
        if mention.entry.category == ANY_KIND and status is None:
            continue  # "Russia is No. 1 supplier of arms to India": a relation, no deal
        company = next((c.company for c in countries if c.company and c.iso3 == supplier), None)
        facts.append(
            SentenceFact(
                system=mention.entry,
                mention=mention,
                sentence=sentence,
                cue=status or kind_cue or transfer_cue,
                supplier=supplier,
                recipient=recipient,
                supplier_org=company,
                kind=kind_cue.label if kind_cue else "purchase",
                kind_from_cue=kind_cue is not None,
                status=status.label if status else None,
                status_reason=reason,
                value=values.get(index),
                quantity=_quantity(mention.entry.id, mentions, text, base, lexicon.batch_words),
                ordered=ordered,
                delivery_due=due,
                countries=countries,
            )
        )
    return facts


def _clause_status(
    sentence: Span, cues: list[CueMatch], mention: EquipmentMatch, lexicon: CueLexicon
) -> CueMatch | None:
    """The status stated in the system's own clause (the first in precedence order), when
    the sentence states several in different clauses."""
    if len(cues) < 2 or not sentence.doc.has_annotation("DEP"):
        return None
    doc = sentence.doc
    system = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if system is None:
        return None
    home = _clause_head(system.root)
    own = []
    for cue in cues:
        span = doc.char_span(
            sentence.start_char + cue.start, sentence.start_char + cue.end, alignment_mode="expand"
        )
        if span is not None and any(_clause_head(t) == home for t in span):
            own.append(cue)
    if not own or len(own) == len(cues):
        return None
    order = {status: i for i, (status, _) in enumerate(lexicon.statuses)}
    return min(own, key=lambda c: order[c.label])


_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})


def _clause_head(tok: Token) -> Token:
    """The verb heading ``tok``'s clause (open complements belong to the verb above them)."""
    for _ in range(12):  # clause nesting in a sentence is shallow; bounds the walk
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS:
            return tok
        if tok.head == tok:
            return tok
        tok = tok.head
    return tok


def _quantity(
    entry_id: str, mentions: list[EquipmentMatch], text: str, base: int, batch_words: frozenset[str]
) -> int | None:
    """The count written before any mention of the system: "... with BrahMos Aerospace to buy
    three batteries of the BrahMos missile" gives 3 although the first mention has none."""
    for mention in mentions:
        if mention.entry.id == entry_id:
            count = quantity_before(text, mention.start - base, batch_words)
            if count is not None:
                return count
    return None


def _parties(
    mention: EquipmentMatch, countries: list[CountryMention]
) -> tuple[str | None, str | None]:
    """Supplier and recipient the sentence names for this system.

    Roles read off the parse come first; a country without a role is the recipient when it is
    not where the system comes from ("India was supposed to get the S-400": India), and the
    supplier is left to the system's origin and the article's context.
    """
    middle = (mention.start + mention.end) / 2

    def nearest(candidates: list[CountryMention]) -> str | None:
        if not candidates:
            return None
        return min(candidates, key=lambda c: abs((c.start + c.end) / 2 - middle)).iso3

    # A supplier the system does not come from must be the subject of a supplying verb
    # ("Poland will send T-72 tanks") or named by the deal ("ordered 12 Su-25 from
    # Bulgaria"); "engine deliveries from the United States" in a sentence about a Korean
    # jet is about a part, not the deal.
    origins = set(mention.entry.origins)
    supplier = nearest(
        [
            c
            for c in countries
            if c.role == "supplier" and (c.iso3 in origins or c.subject or c.explicit)
        ]
    )
    recipient = nearest([c for c in countries if c.role == "recipient" and c.iso3 != supplier])
    if recipient is None:
        others = [
            c
            for c in countries
            if c.role is None
            and c.iso3 != supplier
            and c.via != "capital"
            and not (c.iso3 in origins and len(origins) == 1)
        ]
        recipient = nearest(others)
    return supplier, recipient
