"""From sentence facts to one :class:`Transfer` per deal within an article.

Two steps. First the article's context fills what a sentence leaves unsaid: the supplier is
the system's country of origin (the other partner for a jointly designed system) or the
supplier the article names ("Russia is India's largest defence supplier"); the recipient is
the one another sentence about the same system names, or that relation's other party — never
merely the country the article is about, which in a story about Syria made the US Navy's
F-35 order Syrian. Then facts with the same (supplier, recipient, system, kind)
merge into one Transfer whose every sentence keeps its evidence; a system named by its kind
alone ("fighter jets") is split into deals by order year and plan (:func:`_deals`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sitrep.records import Evidence, Transfer, TransferFact
from sitrep.transfers.cues import CueLexicon
from sitrep.transfers.facts import SentenceFact
from sitrep.transfers.generic import ANY_KIND, is_kind_only
from sitrep.transfers.parties import CountryMention
from sitrep.transfers.timing import CONCRETE_DATE

# Statuses of a deal still to be made.
_AHEAD = frozenset({"planned", "negotiating"})


def relations(countries: Iterable[CountryMention]) -> list[tuple[str, str]]:
    """(supplier, recipient) pairs the article states outright."""
    pairs = []
    for country in countries:
        if country.partner is None or country.partner == country.iso3:
            continue
        if country.role == "supplier":
            pairs.append((country.iso3, country.partner))
        elif country.role == "recipient":
            pairs.append((country.partner, country.iso3))
    return pairs


def _origin_supplier(fact: SentenceFact) -> str | None:
    origins = [o for o in fact.system.origins if o != fact.recipient]
    return origins[0] if len(origins) == 1 else None


def fill_from_context(
    facts: list[SentenceFact], all_countries: list[CountryMention]
) -> list[SentenceFact]:
    """Complete supplier and recipient from the article; drop domestic procurement."""
    pairs = relations(all_countries)
    by_system: dict[str, Counter[str]] = {}
    for fact in facts:
        if fact.recipient:
            by_system.setdefault(fact.system.id, Counter())[fact.recipient] += 1
    _share_suppliers(facts)
    kept = []
    for fact in _without_summaries(facts):
        if fact.supplier is None:
            fact.supplier = _origin_supplier(fact)
        if fact.recipient is None:
            fact.recipient = _context_recipient(fact, by_system, pairs)
        if fact.supplier is None:
            fact.supplier = _origin_supplier(fact) or next(
                (s for s, r in pairs if r == fact.recipient), None
            )
        domestic = fact.supplier is None and set(fact.system.origins) == {fact.recipient}
        if domestic or (fact.supplier is not None and fact.supplier == fact.recipient):
            continue  # a country buying its own system: procurement, not an arms transfer
        if (
            not fact.kind_from_cue
            and fact.recipient in fact.system.origins
            and len(fact.system.origins) > 1
        ):
            fact.kind = "co-development"  # BrahMos for India: designed together
        kept.append(fact)
    return kept


def _share_suppliers(facts: list[SentenceFact]) -> None:
    """Systems named by their kind in a sentence whose other system has a supplier share it:
    "buy Russian arms, mainly submarines and fighter jets"."""
    by_sentence: dict[int, list[SentenceFact]] = {}
    for fact in facts:
        by_sentence.setdefault(fact.sentence.start_char, []).append(fact)
    for group in by_sentence.values():
        known = {f.supplier or _origin_supplier(f) for f in group} - {None}
        if len(known) != 1:
            continue
        (supplier,) = known
        for fact in group:
            if fact.supplier is None and not fact.system.origins and is_kind_only(fact.system):
                fact.supplier = supplier


def _without_summaries(facts: list[SentenceFact]) -> list[SentenceFact]:
    """Arms named by no kind are a summary of the systems their sentence names beside them
    with the same status ("buy Russian arms, mainly submarines and fighter jets", "once a
    major purchaser of Soviet weaponry, bought fighter jets"): those systems are the
    transfers, once they have taken the summary's supplier (:func:`_share_suppliers`).
    Arms with a clause of their own stay ("intends to buy Russian arms and bought jets")."""
    told: Counter[tuple[int, str | None]] = Counter(
        (f.sentence.start_char, f.status) for f in facts
    )
    return [
        f
        for f in facts
        if not (f.system.category == ANY_KIND and told[f.sentence.start_char, f.status] > 1)
    ]


def _context_recipient(
    fact: SentenceFact,
    by_system: dict[str, Counter[str]],
    pairs: list[tuple[str, str]],
) -> str | None:
    named = by_system.get(fact.system.id)
    candidates = [c for c, _ in named.most_common()] if named else []
    candidates += [r for s, r in pairs if s == fact.supplier or s in fact.system.origins]
    for candidate in candidates:
        if candidate != fact.supplier:
            return candidate
    return None


def _evidence(fact: SentenceFact, document_id: str) -> Evidence:
    sentence = fact.sentence
    start, end = fact.mention.start, fact.mention.end
    if fact.cue is not None:
        start = min(start, sentence.start_char + fact.cue.start)
        end = max(end, sentence.start_char + fact.cue.end)
    return Evidence(
        document_id=document_id,
        start=start,
        end=end,
        sentence=sentence.text,
        sentence_start=sentence.start_char,
        trigger=fact.cue.text if fact.cue is not None else None,
    )


def merge_facts(facts: list[SentenceFact], document_id: str, lexicon: CueLexicon) -> list[Transfer]:
    """One Transfer per (supplier, recipient, system, kind), in order of first mention."""
    groups: dict[tuple[str | None, str | None, str, str], list[SentenceFact]] = {}
    for fact in facts:
        key = (fact.supplier, fact.recipient, fact.system.name, fact.kind)
        groups.setdefault(key, []).append(fact)
    transfers = []
    for (supplier, recipient, system, kind), facts_of_key in groups.items():
        for group in _deals(facts_of_key):
            transfers.append(
                _transfer(group, supplier, recipient, system, kind, document_id, lexicon)
            )
    return transfers


def _deals(group: list[SentenceFact]) -> list[list[SentenceFact]]:
    """The deals among facts about one system named by its kind only: "fighter jets" bought
    in 2003 and "fighter jets" Indonesia now intends to buy are two deals. A kind names no
    one deal, so sentences whose order years differ, or a plan beside a purchase dated in an
    earlier year, are told apart; a designated system's sentences stay one deal."""
    if not is_kind_only(group[0].system):
        return [group]
    dated: dict[str, list[SentenceFact]] = {}
    plans, rest = [], []
    for fact in group:
        if fact.ordered is not None and CONCRETE_DATE.match(fact.ordered.value):
            dated.setdefault(fact.ordered.value[:4], []).append(fact)
        elif fact.status in _AHEAD:
            plans.append(fact)
        else:
            rest.append(fact)
    if not dated:
        return [group]
    deals = list(dated.values())
    deals[-1].extend(rest)  # an undated sentence is about the last dated deal
    if plans:
        deals.append(plans)
    return deals


def _transfer(
    group: list[SentenceFact],
    supplier: str | None,
    recipient: str | None,
    system: str,
    kind: str,
    document_id: str,
    lexicon: CueLexicon,
) -> Transfer:
    """One deal's Transfer from its sentence facts."""
    with_status = [f for f in group if f.status is not None]
    lead = (
        min(with_status, key=lambda f: lexicon.article_order(f.status))
        if with_status
        else next((f for f in group if f.value is not None), group[0])
    )
    return Transfer(
        system=system,
        evidence=_evidence(lead, document_id),
        supplier=supplier,
        recipient=recipient,
        supplier_org=next((f.supplier_org for f in group if f.supplier_org), None),
        kind=kind,
        # The first sentence that states a value wins: articles give the headline figure
        # first and details (batches, conversions) after.
        quantity=next((f.quantity for f in group if f.quantity is not None), None),
        value=next((f.value for f in group if f.value is not None), None),
        ordered=next((f.ordered for f in group if f.ordered is not None), None),
        delivery_due=lead.delivery_due
        or next((f.delivery_due for f in group if f.delivery_due is not None), None),
        status=lead.status,
        # A reason explains the status it was given for: a delay's cause is not the reason
        # for a later "first batch arrived".
        status_reason=next(
            (f.status_reason for f in group if f.status == lead.status and f.status_reason),
            None,
        ),
        facts=[TransferFact(_evidence(f, document_id), f.fields, f.status) for f in group],
    )
