"""Resolution with the field's dictionaries on sentences the tables were not written for:
titles that name a country beat the story's country, office-holders outside the hand table,
groups by their other names, and named actors kept when nothing resolves them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from actorkit import annotate, entity_of
from sitrep.actors.evaluate import plover_codes
from sitrep.actors.roles import roles_on
from sitrep.actors.stage import ActorStage

pytestmark = pytest.mark.model

# A story about Syria: the document-country rule would place an unplaced official in Syria.
_SYRIA = " Syria's government blamed the rebels. Syrian troops shelled Homs. Damascus denied it."


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("British Foreign Office minister Alistair Burt visited Turkey.", "Burt", "GBR"),
        ("Alistair Burt, Britain's minister for the Middle East, said so.", "Burt", "GBR"),
        ("Britain's minister for the Middle East, Alistair Burt, said so.", "Burt", "GBR"),
        ("The UK minister Alistair Burt met opposition leaders in Istanbul.", "Burt", "GBR"),
        ("India's ambassador Syed Akbaruddin said the council must act.", "Akbaruddin", "IND"),
        ("Kremlin aide Yuri Ushakov said Moscow would respond.", "Ushakov", "RUS"),
    ],
)  # fmt: skip
def test_a_title_naming_a_country_beats_the_story_country(
    nlp: Language, stage: ActorStage, text: str, name: str, country: str
) -> None:
    full = {"Burt": "Alistair Burt", "Akbaruddin": "Syed Akbaruddin", "Ushakov": "Yuri Ushakov"}
    person = entity_of(annotate(nlp, stage, text + _SYRIA, "2013-05-01"), full[name])
    assert person.country == country
    assert person.attributes.get("country_from") is None  # from the title, not the context


def test_an_envoy_is_not_of_the_country_they_are_posted_to(
    nlp: Language, stage: ActorStage
) -> None:
    text = "Robert Ford, the ambassador to Syria, left Damascus." + _SYRIA
    ford = entity_of(annotate(nlp, stage, text, "2013-05-01"), "Robert Ford")
    assert ford.country is None and ford.sector == ["GOV"]
    text = "The US ambassador to Syria, Robert Ford, left Damascus." + _SYRIA
    assert entity_of(annotate(nlp, stage, text, "2013-05-01"), "Robert Ford").country == "USA"


def test_office_holders_from_countryinfo(nlp: Language, stage: ActorStage) -> None:
    # Not in roles.tsv: Cyprus's foreign minister 2006-07, written as the table does not.
    text = "Cyprus' Foreign Minister George Lillikas left for Finland on Sunday."
    minister = entity_of(annotate(nlp, stage, text, "2006-11-05"), "George Lillikas")
    assert (minister.country, minister.sector) == ("CYP", ["GOV"])
    assert minister.attributes["roles_source"].startswith("roles_countryinfo.tsv:")
    # A minister of a smaller government, named without a title: the table knows him.
    text = "Roumen Ovcharov said Bulgaria would sign the gas deal with Gazprom."
    assert entity_of(annotate(nlp, stage, text, "2006-03-01"), "Roumen Ovcharov").country == "BGR"
    # Out of office, a foreign minister keeps his country; a former minister of the cabinet
    # lists does not (among 18,000 of them a namesake is likelier).
    text = "Roumen Ovcharov said the deal had been a mistake."
    assert entity_of(annotate(nlp, stage, text, "2012-03-01"), "Roumen Ovcharov").country is None
    text = "Jorge Taiana said the deal had been a mistake."  # Argentina's, 2005-2008
    assert entity_of(annotate(nlp, stage, text, "2012-03-01"), "Jorge Taiana").country == "ARG"


def test_a_title_naming_an_organisation_beats_a_national_past(
    nlp: Language, stage: ActorStage
) -> None:
    """Kenzo Oshima was Japan's envoy at the UN before he coordinated its relief: the title
    says whom he acts for now."""
    text = "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded access."
    doc = annotate(nlp, stage, text, "2004-05-01")
    coordinator = entity_of(doc, "United Nations Emergency Relief Coordinator")
    assert coordinator is entity_of(doc, "Kenzo Oshima")
    assert plover_codes(coordinator) == ("IGO", "REF")


def test_groups_by_their_other_names(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Daesh fighters attacked Kobani on Monday.", "2014-10-06")
    assert entity_of(doc, "Daesh fighters").id == "org:islamic-state"
    doc = annotate(nlp, stage, "The Da'esh attack killed twelve people.", "2014-10-06")
    islamic_state = next(e for e in doc._.entities if e.id == "org:islamic-state")
    assert plover_codes(islamic_state) == ("IMG", "REB")
    doc = annotate(
        nlp, stage, "Khaled Meshaal said Hamas would not recognise Israel.", "2010-03-01"
    )
    meshaal = entity_of(doc, "Khaled Meshaal")
    assert (meshaal.country, meshaal.sector) == ("PSE", ["REB"])
    assert meshaal.attributes["member_of"] == "org:hamas"
    doc = annotate(nlp, stage, "Taliban leader Mullah Mohammad Omar praised his men.", "2006-12-01")
    assert entity_of(doc, "Taliban").country == "AFG"  # the group named in the title


def test_national_institutions_of_the_dictionaries(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "The Shin Bet arrested two men in Hebron.", "2008-04-01")
    assert plover_codes(entity_of(doc, "Shin Bet")) == ("ISR", "SPY")
    doc = annotate(nlp, stage, "The Peshmerga fought in Kirkuk.", "2008-04-01")
    assert plover_codes(entity_of(doc, "Peshmerga")) == ("IRQ", "MIL")


def test_a_named_actor_that_resolves_to_nothing_is_kept(nlp: Language, stage: ActorStage) -> None:
    text = "Xanthia Plumtree said the Glorbix Liberation Committee would talk to Quorvania."
    doc = annotate(nlp, stage, text, "2010-01-01")
    person = entity_of(doc, "Xanthia Plumtree")
    assert (person.kind, person.country) == ("person", None)
    committee = entity_of(doc, "Glorbix Liberation Committee")
    assert committee.country is None and committee.kind == "organisation"
    text = "Annan visited Sierra Leone last July, the UN said."
    doc = annotate(nlp, stage, text, "2006-12-01")
    assert entity_of(doc, "Sierra Leone").kind == "country"  # not a person, whatever the model


def test_a_source_that_disagrees_is_never_used() -> None:
    """CountryInfo keeps Kevin Rudd in office to 2013 (he left in 2010, and came back for
    three months): the reviewed hand row is used, CountryInfo's is an alternative."""
    assert all(r.role != "head of government" for r in roles_on("Kevin Rudd", "2012-01-01"))
    (rudd,) = roles_on("Kevin Rudd", "2009-01-01")
    assert rudd.source.startswith("roles.tsv:")


def test_officials_of_another_state_keep_the_story_country_off_people(
    nlp: Language, stage: ActorStage
) -> None:
    """A story mostly about Sudan that names a Danish prime minister: "the minister of
    development co-operation" is as likely Danish, and is left unplaced rather than Sudanese."""
    text = (
        "The Sudanese government has stopped the Danish minister's visit to Darfur. "
        "Danish Prime Minister Anders Fogh Rasmussen had criticised Khartoum. "
        "Sudan's army controls Darfur, Sudanese officials said. "
        "The minister of development co-operation, Ulla Toenaes, was to leave on Friday."
    )
    doc = annotate(nlp, stage, text, "2006-11-21")
    assert entity_of(doc, "Ulla Toenaes").country is None
    assert entity_of(doc, "Anders Fogh Rasmussen").country == "DNK"
