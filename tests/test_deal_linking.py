"""Linking transfers across articles into deals with a dated timeline.

The corpus in ``fixtures/deal-corpus`` is written for these tests: six short dated articles in
the style of wire and local defence reporting that follow one fictional deal — Vietnam buying
12 KAI FA-50 light combat aircraft from South Korea — from talks (2022) to contract (2023),
a delay reported by two outlets two days apart with different new delivery dates (2024), the
first delivery (2026) and a later analysis piece that recalls the order. The deal, its value
and its dates are invented; the systems and countries are real. A Philippine FA-50 order in
the last article must stay a separate deal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.nlp.extensions import register_extensions
from sitrep.readers import read_paths
from sitrep.records import Amount, Evidence, TimeExpression, Transfer, TransferFact
from sitrep.time.component import TimexStage
from sitrep.transfers import Deal, TransferStage, deal_id, link_deals

CORPUS = Path(__file__).resolve().parent / "fixtures" / "deal-corpus"
Corpus = tuple[list[Deal], dict[str, str]]  # the linked deals, and file name by document id


def transfer(
    *,
    status: str | None = None,
    due: str | None = None,
    ordered: str | None = None,
    value: Amount | None = None,
    system: str = "S-400",
    supplier: str | None = "RUS",
    recipient: str | None = "IND",
    kind: str = "purchase",
    sentence: str = "",
) -> Transfer:
    sentence = sentence or f"The {system} deal is {status or 'in the news'}."
    evidence = Evidence("doc", 0, len(sentence), sentence, 0, trigger=status)
    return Transfer(
        system=system,
        evidence=evidence,
        supplier=supplier,
        recipient=recipient,
        kind=kind,
        value=value,
        ordered=TimeExpression(ordered, 0, 4, "DATE", ordered) if ordered else None,
        delivery_due=TimeExpression(due, 0, 4, "DATE", due) if due else None,
        status=status,
        facts=[TransferFact(evidence, ["system", "status"], status)],
    )


def one(deals: list[Deal], recipient: str = "IND") -> Deal:
    found = [d for d in deals if d.recipient == recipient]
    assert len(found) == 1, deals
    return found[0]


# -- rules, on hand-made transfers ----------------------------------------------------------
def test_same_supplier_recipient_system_and_kind_is_one_deal() -> None:
    deals = link_deals(
        [
            ("a", "2018-10-05", transfer(status="ordered", ordered="2018-10")),
            ("b", "2020-06-23", transfer(status="delayed", due="2021-12")),
            ("c", "2020-06-23", transfer(kind="spares")),
            ("d", "2020-07-01", transfer(recipient="TUR", status="delivered")),
        ]
    )
    keys = sorted((d.recipient, d.kind, len(d.timeline)) for d in deals)
    assert keys == [("IND", "purchase", 2), ("IND", "spares", 1), ("TUR", "purchase", 1)]


def test_current_status_is_the_latest_and_history_is_not_a_regression() -> None:
    deals = link_deals(
        [
            ("a", "2018-10-05", transfer(status="ordered")),
            ("b", "2020-06-23", transfer(status="delayed")),
            ("c", "2021-12-20", transfer(status="delivering")),
            ("d", "2022-03-01", transfer(status="ordered")),  # "India ordered it in 2018"
        ]
    )
    deal = one(deals)
    assert [f.status for f in deal.timeline] == ["ordered", "delayed", "delivering", "ordered"]
    assert (deal.status, deal.status_date) == ("delivering", "2021-12-20")


def test_same_day_disagreement_goes_to_the_majority() -> None:
    deals = link_deals(
        [
            ("a", "2020-06-23", transfer(status="delayed")),
            ("b", "2020-06-23", transfer(status="delayed")),
            ("c", "2020-06-23", transfer(status="delivering")),
        ]
    )
    assert one(deals).status == "delayed"


def test_two_delivery_dates_are_kept_as_a_contradiction() -> None:
    deals = link_deals(
        [
            (
                "a",
                "2020-06-23",
                transfer(status="delayed", due="2021-12", sentence="Due by December 2021."),
            ),
            (
                "b",
                "2020-06-25",
                transfer(status="delayed", due="2022-06", sentence="Due by June 2022."),
            ),
            ("c", "2020-07-01", transfer(status="delayed", due="2022")),  # agrees with 2022-06
        ]
    )
    deal = one(deals)
    (contradiction,) = deal.contradictions
    assert contradiction.field == "delivery_due" and contradiction.kind == "conflict"
    reported = [(r.value, r.document_id, r.sentence) for r in contradiction.reports]
    assert ("2021-12", "a", "Due by December 2021.") in reported
    assert ("2022-06", "b", "Due by June 2022.") in reported
    assert deal.delivery_due == "2022"  # the latest report; the others are not overwritten


def test_a_schedule_changed_months_later_is_a_revision() -> None:
    deals = link_deals(
        [
            ("a", "2019-01-10", transfer(status="ordered", due="2020-10")),
            ("b", "2020-06-23", transfer(status="delayed", due="2021-12")),
        ]
    )
    (contradiction,) = one(deals).contradictions
    assert contradiction.kind == "revision"


def test_values_in_different_currencies_agree_when_their_dollars_do() -> None:
    rupees = Amount(4e11, "INR", "Rs 40,000 crore", usd=5.85e9)
    dollars = Amount(5.43e9, "USD", "$5.43 billion", usd=5.43e9)
    other = Amount(3e9, "USD", "$3 billion", usd=3e9)
    same = link_deals(
        [("a", "2018-10-05", transfer(value=rupees)), ("b", "2018-10-06", transfer(value=dollars))]
    )
    assert one(same).contradictions == []
    differ = link_deals(
        [("a", "2018-10-05", transfer(value=rupees)), ("b", "2018-10-06", transfer(value=other))]
    )
    assert [c.field for c in one(differ).contradictions] == ["value"]


def test_orders_years_apart_are_two_deals_with_distinct_stable_ids() -> None:
    facts = [
        ("a", "2018-10-05", transfer(status="ordered", ordered="2018-10")),
        ("b", "2025-02-01", transfer(status="ordered", ordered="2025-01")),
    ]
    deals = link_deals(facts)
    assert len(deals) == 2
    ids = {d.id for d in deals}
    assert deal_id("RUS", "IND", "S-400", "purchase") in ids  # the first keeps the plain id
    assert ids == {d.id for d in link_deals(list(reversed(facts)))}


def test_fact_without_supplier_joins_the_one_deal_it_fits() -> None:
    deals = link_deals(
        [
            ("a", "2018-10-05", transfer(status="ordered")),
            ("b", "2020-06-23", transfer(status="delayed", supplier=None)),
        ]
    )
    deal = one(deals)
    assert deal.supplier == "RUS" and len(deal.timeline) == 2


def test_deal_to_dict_is_plain_data() -> None:
    import json

    (deal,) = link_deals([("a", "2020-06-23", transfer(status="delayed", due="2021-12"))])
    data = json.loads(json.dumps(deal.to_dict()))
    assert data["id"] == deal.id and data["documents"] == ["a"]
    assert data["timeline"][0]["delivery_due"] == "2021-12"
    assert data["timeline"][0]["evidence"][0]["document_id"] == "doc"
    row = deal.to_row()
    assert (row["id"], row["status"], row["delivery_due"], row["reports"]) == (
        deal.id,
        "delayed",
        "2021-12",
        1,
    )
    assert all(not isinstance(v, (dict, list)) for v in row.values())


# -- the corpus, end to end -----------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus_deals(nlp: Language) -> Corpus:
    register_extensions()
    timex = TimexStage(nlp, "sitrep_timex_v1")
    stage = TransferStage(nlp, "sitrep_transfers_v1")
    facts = []
    names = {}
    for path in sorted(CORPUS.glob("*.txt")):
        (document,) = read_paths([path])
        names[document.id] = path.name
        doc = nlp(document.text)
        doc._.dct = document.day
        doc._.document_id = document.id
        facts += [(document.id, document.day, t) for t in stage(timex(doc))._.transfers]
    return link_deals(facts), names


@pytest.fixture(scope="module")
def vietnam(corpus_deals: Corpus) -> Deal:
    """The deal the corpus follows."""
    return one(corpus_deals[0], "VNM")


@pytest.mark.model
def test_corpus_follows_the_deal_from_talks_to_first_delivery(
    vietnam: Deal, corpus_deals: Corpus
) -> None:
    _, names = corpus_deals
    assert (vietnam.supplier, vietnam.system, vietnam.kind) == ("KOR", "FA-50", "purchase")
    timeline = [(f.date, names[f.document_id], f.status) for f in vietnam.timeline]
    assert timeline == [
        ("2022-11-08", "01-talks.txt", "negotiating"),
        ("2023-03-14", "02-contract.txt", "ordered"),
        ("2024-09-10", "03-delay-wire.txt", "delayed"),
        ("2024-09-12", "04-delay-local.txt", "delayed"),
        ("2026-04-03", "05-first-delivery.txt", "delivering"),
        ("2026-06-18", "06-analysis.txt", "ordered"),  # recalls the order: not a regression
    ]
    assert (vietnam.status, vietnam.status_date) == ("delivering", "2026-04-03")
    assert vietnam.quantity == 12
    assert vietnam.ordered is not None and vietnam.ordered.startswith("2023")
    assert vietnam.value is not None and vietnam.value.currency == "KRW"
    assert vietnam.value.usd == pytest.approx(845e6, rel=0.01)


@pytest.mark.model
def test_corpus_evidence_says_what_each_status_rests_on(vietnam: Deal) -> None:
    says = {
        "negotiating": "in talks",
        "ordered": "signed",
        "delayed": "delay",
        "delivering": "first batch",
    }
    for fact in vietnam.timeline[:5]:
        assert fact.status is not None
        assert says[fact.status] in fact.sentence, (fact.status, fact.sentence)
        assert any(says[fact.status] in ev.sentence for ev in fact.evidence)
    delayed = [f for f in vietnam.timeline if f.status == "delayed"]
    assert {f.status_reason for f in delayed} == {"shortage of jet engines"}


@pytest.mark.model
def test_corpus_keeps_the_two_outlets_delivery_dates(vietnam: Deal, corpus_deals: Corpus) -> None:
    _, names = corpus_deals
    (due,) = [c for c in vietnam.contradictions if c.field == "delivery_due"]
    assert due.kind == "conflict"
    reported = {(names[r.document_id], r.value) for r in due.reports}
    assert {("03-delay-wire.txt", "2026-03"), ("04-delay-local.txt", "2026-12")} <= reported
    assert ("02-contract.txt", "2025") in reported  # the original schedule, kept
    assert not [c for c in vietnam.contradictions if c.field in ("value", "quantity")]


@pytest.mark.model
def test_corpus_keeps_another_buyers_order_apart(corpus_deals: Corpus) -> None:
    deals, names = corpus_deals
    philippines = one(deals, "PHL")
    assert philippines.system == "FA-50" and philippines.status == "ordered"
    assert [names[f.document_id] for f in philippines.timeline] == ["06-analysis.txt"]
    assert {(d.recipient, d.system) for d in deals} == {("VNM", "FA-50"), ("PHL", "FA-50")}
