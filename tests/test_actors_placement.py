"""Where and what an actor is when the words do not say it outright: regions, peoples living
abroad, owners, the sentence's country, places as actors, international non-state actors."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from actorkit import annotate as annotate_on
from actorkit import entity_of
from sitrep.actors.evaluate import plover_codes
from sitrep.actors.stage import ActorStage

pytestmark = pytest.mark.model

GOLD_DATE = "2000-01-01"  # the date every PLOVER gold record carries


def annotate(nlp: Language, stage: ActorStage, text: str, date: str = GOLD_DATE) -> Doc:
    return annotate_on(nlp, stage, text, date=date)


def codes(doc: Doc, text: str) -> tuple[str | None, str | None]:
    return plover_codes(entity_of(doc, text))


def test_regions_resolve_to_the_country_that_holds_or_claims_them(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(nlp, stage, "Israeli troops remained on alert in the occupied West Bank today.")
    assert entity_of(doc, "West Bank").country == "PSE"
    doc = annotate(
        nlp, stage, "The Sudanese government accused Darfur rebels of violating a truce."
    )
    assert codes(doc, "Darfur rebels") == ("SDN", "REB")
    doc = annotate(
        nlp, stage, "Britain outlawed the largest Protestant extremist group in Northern Ireland."
    )
    assert entity_of(doc, "Northern Ireland").country == "GBR"
    doc = annotate(nlp, stage, "The government of Sindh province has ordered police patrols.")
    assert entity_of(doc, "government").country == "PAK"


def test_a_gazetteer_name_written_out_beats_the_models_cut(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp,
        stage,
        "Afghanistan has been sharing expertise with the Liberation Tigers of Tamil Eelam.",
    )
    assert codes(doc, "Liberation Tigers of Tamil Eelam") == ("LKA", "REB")


def test_a_people_is_coded_where_the_sentence_places_it(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "The Albanians of southern Serbia are demanding autonomy.")
    assert codes(doc, "Albanians") == ("SRB", "CVL")
    doc = annotate(
        nlp,
        stage,
        "Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia.",
    )
    assert codes(doc, "Albanians") == ("SRB", "CVL")
    # Without a place or "ethnic", the demonym's country stands.
    doc = annotate(nlp, stage, "Albanians protested in Tirana on Monday.")
    assert entity_of(doc, "Albanians").country == "ALB"
    # The Serbians of the same sentence stay a separate entity.
    doc = annotate(nlp, stage, "Serbians and ethnic Albanians in Serbia clashed again.")
    assert entity_of(doc, "Serbians").id != entity_of(doc, "Albanians").id


def test_domestic_groups_take_the_one_country_their_sentence_names(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp, stage, "The Mozambique government accepted demands from Shona rebels on Thursday."
    )
    assert codes(doc, "Shona rebels") == ("MOZ", "REB")
    # Armies are often reported abroad: they do not take the sentence's country.
    doc = annotate(nlp, stage, "Foreign troops entered Lebanon on Sunday.")
    assert entity_of(doc, "Foreign troops").country is None
    # Two countries named: no guess.
    doc = annotate(nlp, stage, "Rebels attacked a town near the border of Chad and Sudan.")
    assert entity_of(doc, "Rebels").country is None


def test_a_phrase_belongs_to_its_owner(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "The Bush administration declared that China must drop barriers.")
    assert codes(doc, "administration") == ("USA", "GOV")
    doc = annotate(
        nlp,
        stage,
        "The Serbian parliament recognised victories by Zoran Djindjic's opposition coalition.",
    )
    assert entity_of(doc, "Zoran Djindjic").kind == "person"  # the "'s" is not in the name
    assert codes(doc, "opposition coalition") == ("SRB", "OPP")


def test_places_as_actors(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Seven opposition parties organised a strike that shut down Kabul.")
    assert codes(doc, "Kabul") == ("AFG", "GOV")  # a capital stands for its government
    doc = annotate(nlp, stage, "Rebels shelled Kandahar for the first time in a year.")
    assert codes(doc, "Kandahar") == ("AFG", "CVL")  # a town for the people living there


def test_unidentified_attackers_and_ngos(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "A journalist was killed in a car bomb explosion in Beirut.")
    assert codes(doc, "car bomb explosion") == ("LBN", "UAF")
    doc = annotate(nlp, stage, "Gunmen opened fire on a bus, police said.")
    assert codes(doc, "Gunmen") == (None, "UAF")
    doc = annotate(nlp, stage, "Amnesty International demanded that the government end curbs.")
    assert codes(doc, "Amnesty International") == ("NGO", None)
    doc = annotate(nlp, stage, "A human rights group protested here on Wednesday.")
    assert codes(doc, "human rights group") == ("NGO", None)
    doc = annotate(nlp, stage, "Al-Qaeda threatened to deliver devastating blows.")
    assert codes(doc, "Al-Qaeda") == ("IMG", "REB")


def test_plural_heads_and_archive_era_leaders(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Catholic bishops and Western ambassadors met on Monday.")
    assert codes(doc, "Catholic bishops")[1] == "REL"
    assert codes(doc, "Western ambassadors")[1] == "GOV"
    doc = annotate(nlp, stage, "President Reagan met the press.", date="1986-05-02")
    assert codes(doc, "Reagan") == ("USA", "GOV")
    doc = annotate(nlp, stage, "Prime Minister Shamir rejected the plan.", date="1990-03-01")
    assert codes(doc, "Shamir") == ("ISR", "GOV")


def test_peoples_without_one_country(nlp: Language, stage: ActorStage) -> None:
    # A people of several countries is placed in the one country its sentence names ...
    doc = annotate(nlp, stage, "Kurds in the north attacked Iraqi troops.")
    assert codes(doc, "Kurds") == ("IRQ", "CVL")
    # ... but not in the country it goes to.
    doc = annotate(nlp, stage, "Hutus fled across the border into Zaire.")
    assert entity_of(doc, "Hutus").country is None
    # The leaders of a people are elites, not a government, and not the state's leaders.
    doc = annotate(nlp, stage, "Yoruba leaders and Nigerian leaders met in Lagos.")
    assert codes(doc, "Yoruba leaders") == ("NGA", "ELI")
    assert codes(doc, "Nigerian leaders") == ("NGA", "GOV")
    assert entity_of(doc, "Yoruba leaders").id != entity_of(doc, "Nigerian leaders").id
