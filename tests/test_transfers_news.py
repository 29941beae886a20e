"""Transfers as news words them (issue 11): suppliers the deal names, systems named by their
kind or by designations no catalogue holds, companies as suppliers, and no party taken from
the country a story is about. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from sitrep.nlp.extensions import register_extensions
from sitrep.records import Entity, Mention, Transfer
from sitrep.time.component import TimexStage
from sitrep.transfers import TransferStage

pytestmark = pytest.mark.model

Run = Callable[..., list[Transfer]]


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    register_extensions()
    timex = TimexStage(nlp, "sitrep_timex_v1")
    stage = TransferStage(nlp, "sitrep_transfers_v1")

    def run_text(text: str, companies: dict[str, str] | None = None) -> list[Transfer]:
        doc = nlp(text)
        doc._.dct = "2010-06-01"
        doc._.document_id = "doc"
        # what the actor stage would say about the companies named (name -> home country)
        entities, mentions = [], []
        for name, country in (companies or {}).items():
            start = text.index(name)
            entity_id = f"org:{name.lower().replace(' ', '-')}"
            entities.append(Entity(entity_id, name, "organisation", country, ["BUS"]))
            mentions.append(Mention(name, start, start + len(name), "ORG", entity_id))
        doc._.entities, doc._.mentions = entities, mentions
        return list(stage(timex(doc))._.transfers)

    return run_text


def parties(transfers: list[Transfer]) -> set[tuple[str, str | None, str | None]]:
    return {(t.system, t.supplier, t.recipient) for t in transfers}


@pytest.mark.parametrize(
    "text",
    [
        "Georgia has ordered 12 Su-25 ground attack aircraft from Bulgaria.",
        "Georgia signed a contract with Bulgaria for 12 Su-25 aircraft.",
        "Georgia placed an order with Bulgaria for 12 Su-25 aircraft.",
    ],
)
def test_the_seller_the_deal_names_wins_over_the_systems_origin(run: Run, text: str) -> None:
    # second-hand Soviet jets: Bulgaria sells, though the Su-25 is a Russian design
    assert parties(run(text)) == {("Su-25", "BGR", "GEO")}


def test_part_suppliers_are_not_the_deals(run: Run) -> None:
    text = "Vietnam ordered 12 FA-50 jets, with engine deliveries from the United States."
    assert parties(run(text)) == {("FA-50", "KOR", "VNM")}


def test_systems_named_by_their_kind(run: Run) -> None:
    transfers = run(
        "Indonesia intends to buy Russian arms and bought fighter jets, military helicopters "
        "and armoured personnel carriers from Moscow in 2003."
    )
    by_name = {t.system: t for t in transfers}
    assert {"fighter jets", "military helicopters", "armoured personnel carriers"} <= set(by_name)
    arms = by_name["Russian arms"]
    assert (arms.supplier, arms.recipient, arms.status) == ("RUS", "IDN", "planned")


def test_arms_a_sentence_then_names_are_those_systems(run: Run) -> None:
    transfers = run("Indonesia intends to buy Russian arms, mainly submarines and fighter jets.")
    assert parties(transfers) == {("submarines", "RUS", "IDN"), ("fighter jets", "RUS", "IDN")}


def test_a_kind_bought_in_another_year_is_another_deal(run: Run) -> None:
    transfers = run(
        "Indonesia intends to buy fighter jets from Russia. "
        "Indonesia bought fighter jets from Russia in 2003."
    )
    assert sorted(t.status or "" for t in transfers if t.system == "fighter jets") == [
        "ordered",
        "planned",
    ]
    # a named system is one deal however many sentences tell it
    transfers = run(
        "India signed a deal with Russia for five S-400 systems in 2018. "
        "India also plans to buy five S-400 systems from Russia."
    )
    assert [t.system for t in transfers] == ["S-400"]


def test_uncatalogued_designations_and_their_coordination(run: Run) -> None:
    transfers = run(
        "Thailand signed a deal with Sweden for Tornado and Hawk jets and 40 ZFB-05 APCs."
    )
    assert {t.system for t in transfers} >= {"Tornado", "Hawk", "ZFB-05"}
    assert all((t.supplier, t.recipient) == ("SWE", "THA") for t in transfers)


def test_civil_aircraft_and_fuel_tanks_are_no_arms(run: Run) -> None:
    assert run("Qantas said it was ordering 65 aircraft from Boeing for delivery from 2008.") == []
    assert run("The ministry bought 20 fuel tanks from Germany.") == []


def test_a_relation_is_no_deal(run: Run) -> None:
    assert run("Russia is the No. 1 supplier of arms to India.") == []


def test_a_kind_that_refers_back_to_a_named_system_is_that_system(run: Run) -> None:
    transfers = run(
        "Vietnam ordered 12 FA-50 jets from South Korea. "
        "The Korean light fighter will be delivered by 2012."
    )
    assert {t.system for t in transfers} == {"FA-50"}


def test_a_company_supplies_from_its_home_country(run: Run) -> None:
    transfers = run(
        "Dassault Aviation signed a contract with Egypt for 24 Rafale jets.",
        companies={"Dassault Aviation": "FRA"},
    )
    rafale = next(t for t in transfers if t.system == "Rafale")
    assert (rafale.supplier, rafale.recipient, rafale.supplier_org) == (
        "FRA",
        "EGY",
        "Dassault Aviation",
    )


def test_no_recipient_from_the_country_a_story_is_about(run: Run) -> None:
    text = (
        "Syria said its forces shelled the town. Syria also blamed Turkey. "
        "A US company was awarded a contract for 30 F-35 jets."
    )
    assert all(t.recipient != "SYR" for t in run(text))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia will supply five S-400 systems to India.", "planned"),
        ("India voiced its intention to buy five S-400 systems from Russia.", "planned"),
        ("Russia has delivered five S-400 systems to India.", "delivered"),
    ],
)
def test_status_follows_the_tense(run: Run, text: str, status: str) -> None:
    (s400,) = run(text)
    assert s400.status == status


def test_a_designations_number_is_no_count_of_a_second_system(run: Run) -> None:
    transfers = run("The Pentagon approved the possible sale of 12 MV-22 Osprey aircraft to Japan.")
    assert [(t.system, t.quantity) for t in transfers] == [("V-22 Osprey", 12)]
