"""Where and what an actor is when the words do not say it outright: regions, peoples living
abroad, owners, the sentence's country, places as actors, international non-state actors."""

from __future__ import annotations

import difflib

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from actorkit import annotate as annotate_on
from actorkit import entity_of
from sitrep.actors.evaluate import plover_codes
from sitrep.actors.spelling import country_spelling
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


def test_a_minority_is_coded_where_it_lives(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(
        nlp, stage, "Ethnic Hungarian activists in Slovakia demanded schools in their language."
    )
    assert entity_of(doc, "Ethnic Hungarian activists").country == "SVK"
    assert entity_of(doc, "Ethnic Hungarian activists").attributes["kin_country"] == "HUN"
    # A destination is not where they live: Germany, not Turkey they are sent to.
    doc = annotate(
        nlp,
        stage,
        "Hundreds of ethnic Kurds protested against Germany's plan to deport them to Turkey.",
    )
    assert entity_of(doc, "Kurds").country == "DEU"
    doc = annotate(
        nlp, stage, "Police in Latvia detained leaders of the Russian community on Friday."
    )
    assert entity_of(doc, "Russian community").country == "LVA"
    # An army named by its demonym stays its state's, "ethnic" or not elsewhere in the sentence.
    doc = annotate(nlp, stage, "Serbian troops attacked ethnic Albanian villages in Kosovo.")
    assert entity_of(doc, "Serbian troops").country == "SRB"


def test_a_town_the_model_calls_an_organisation(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Soldiers imposed a curfew in the town of Cizre after clashes.")
    assert codes(doc, "Cizre") == ("TUR", "CVL")
    # Only where the words say it is a place: a company named like a town stays a company.
    doc = annotate(nlp, stage, "Workers at Toyota went on strike on Monday.")
    assert entity_of(doc, "Toyota").kind == "organisation"


def test_a_place_name_shared_by_two_countries_follows_the_story(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp, stage, "Fighting between militias in Tripoli spread across the north Lebanese city."
    )
    assert entity_of(doc, "Tripoli").country == "LBN"
    assert entity_of(doc, "Tripoli").id == "place:lbn-tripoli"
    doc = annotate(nlp, stage, "Tripoli said on Monday it would reply to the sanctions.")
    assert codes(doc, "Tripoli") == ("LBY", "GOV")  # the capital as its government


def test_places_belong_to_the_state_of_the_document_date(nlp: Language, stage: ActorStage) -> None:
    text = "Rebels shelled the town of Juba on Sunday, killing ten people."
    old = annotate(nlp, stage, text, date="1998-03-02")
    assert codes(old, "Juba") == ("SDN", "CVL")
    assert entity_of(old, "Juba").attributes["country_today"] == "SSD"
    assert entity_of(annotate(nlp, stage, text, date="2014-03-02"), "Juba").country == "SSD"


def test_misspelt_country_names(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Quatar's foreign minister arrived in Cairo on Monday.")
    assert entity_of(doc, "Quatar").country == "QAT"


def test_misspellings_are_looked_up_as_against_every_name(stage: ActorStage) -> None:
    # The index compares only names whose letters can reach the cut-off: it must answer as
    # difflib does over every name, on slips of every country name and on real names.
    spelling = country_spelling(stage.gazetteer)
    names = spelling._list
    cutoff = 0.85

    def against_every_name(text: str) -> str | None:
        close = difflib.get_close_matches(text.lower(), names, n=2, cutoff=cutoff)
        if len(close) != 1 and not (
            close and spelling._names[close[0]] == spelling._names.get(close[-1])
        ):
            return None
        return spelling._names[close[0]].country.iso3 if close else None

    slips = [n[:i] + n[i + 1 :] for n in names[::7] for i in (1, len(n) // 2)]
    slips += [n[:i] + "e" + n[i + 1 :] for n in names[::7] for i in (2, len(n) - 1)]
    slips += ["Ethopia", "Afganistan", "Phillippines", "Quatar", "Austrailia", "Nigerai"]
    texts = [t for t in slips if len(t) >= 6]
    found = [(t, (m.country.iso3 if (m := spelling._lookup(t)) else None)) for t in texts]
    assert found == [(t, against_every_name(t)) for t in texts]
    assert sum(iso3 is not None for _, iso3 in found) > len(texts) // 2


def test_a_negotiating_format_named_for_its_parties_is_its_members(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp, stage, "The fifth round of six-party talks opened in Beijing.", "2005-11-09"
    )
    talks = entity_of(doc, "six-party")
    assert talks.id == "igo:six-party-talks"
    assert "country:PRK" in talks.attributes["members"]
    doc = annotate(nlp, stage, "Leaders of the Normandy Format met in Paris.", "2019-12-09")
    assert entity_of(doc, "Normandy Format").attributes["members"] == [
        "country:DEU",
        "country:FRA",
        "country:RUS",
        "country:UKR",
    ]


def test_peacekeepers_without_a_country_are_an_international_force(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp, stage, "The rebels opposed the deployment of a regional peacekeeping force."
    )
    assert codes(doc, "regional peacekeeping force") == ("IGO", "MIL")
    doc = annotate(nlp, stage, "Nigerian peacekeepers arrived in Monrovia on Friday.")
    assert codes(doc, "Nigerian peacekeepers") == ("NGA", "MIL")


def test_an_organisation_named_in_a_title_is_a_mention_too(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(nlp, stage, "The rebels agreed to meet U.N. mediator Diego Cordovez in Geneva.")
    assert entity_of(doc, "U.N.").id == "igo:un"
    assert entity_of(doc, "Diego Cordovez").kind == "person"
    doc = annotate(nlp, stage, "Troops killed six top al-Qaeda commanders in the raid.")
    assert codes(doc, "top al-Qaeda commanders")[0] == "IMG"


def test_domestic_actors_from_a_location_or_their_leaders(nlp: Language, stage: ActorStage) -> None:
    # Two countries: the one named as a location is where kidnappers are.
    doc = annotate(
        nlp, stage, "France said it would not pay kidnappers holding two aid workers in Mali."
    )
    assert entity_of(doc, "kidnappers").country == "MLI"
    # No country named, but the only leader in the sentence is Algerian.
    doc = annotate(
        nlp,
        stage,
        "Striking students demanded the resignation of Algerian President Liamine Zeroual.",
    )
    assert entity_of(doc, "Striking students").country == "DZA"


def test_institutions_take_the_country_the_story_is_about(nlp: Language, stage: ActorStage) -> None:
    text = (
        "Thai troops were sent to Narathiwat province after the attack.\n\n"
        "Thailand's prime minister said the south would be safe.\n\n"
        "Thai officials met village heads in Yala.\n\n"
        "Nine villagers were killed and nine others injured, local police said."
    )
    doc = annotate(nlp, stage, text, date="2005-11-16")
    police = entity_of(doc, "local police")
    assert (police.country, police.attributes["country_from"]) == ("THA", "document")
    # Groups the words make international stay without a country.
    world = text + "\n\nGovernments around the world condemned the attack."
    assert entity_of(annotate(nlp, stage, world, date="2005-11-16"), "Governments").country is None
    # A story about no one country in particular places nobody.
    doc = annotate(
        nlp,
        stage,
        "France and Germany signed the accord.\n\nNine villagers were killed, local police said.",
    )
    assert entity_of(doc, "local police").country is None


def test_names_the_model_mistakes_for_people(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(
        nlp,
        stage,
        "The envoy tried to persuade Khartoum to accept a joint peacekeeping force for Darfur.",
    )
    assert entity_of(doc, "Khartoum").country == "SDN"
    doc = annotate(
        nlp,
        stage,
        "Nicaragua's government ordered the opposition newspaper La Prensa to close.",
    )
    paper = entity_of(doc, "La Prensa")
    assert (paper.kind, paper.country) == ("organisation", "NIC")


def test_demonyms_that_count_people(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Eleven Japanese are still in Zaire and have refused to leave.")
    assert codes(doc, "Japanese") == ("JPN", "CVL")
    doc = annotate(nlp, stage, "Bhutan expelled more ethnic Nepalese on Monday.")
    assert codes(doc, "Nepalese") == ("BTN", "CVL")
    doc = annotate(nlp, stage, "The French said they would veto the resolution.")
    assert codes(doc, "French") == ("FRA", "GOV")


def test_generic_people_do_not_refer_back(nlp: Language, stage: ActorStage) -> None:
    text = (
        "Polish people protested in Warsaw on Sunday.\n\n"
        "In Moscow, people marched on Red Square with German and Soviet veterans."
    )
    doc = annotate(nlp, stage, text)
    polish, moscow = [m for m in doc._.mentions if m.text.endswith("people")]
    assert polish.entity_id != moscow.entity_id
    # An institution named bare after its full name is the same one.
    doc = annotate(
        nlp, stage, "French authorities banned the rally.\n\nLater authorities lifted the ban."
    )
    assert entity_of(doc, "authorities").country == "FRA"


def test_a_leader_of_a_known_group_is_of_its_country_and_sector(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp, stage, "Hezbollah leader Hassan Nasrallah denounced Israel's offensive on Friday."
    )
    assert codes(doc, "Hassan Nasrallah") == ("LBN", "REB")


def test_a_noun_compounded_into_a_title_keeps_the_country(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(
        nlp,
        stage,
        "Hong Kong democracy leader Martin Lee scoffed at the draft rules.",
        "1997-04-09",
    )
    assert entity_of(doc, "Martin Lee").country == "HKG"


def test_officials_take_the_country_the_story_is_about(nlp: Language, stage: ActorStage) -> None:
    text = (
        "Israeli police recommended charges against Prime Minister Benjamin Netanyahu.\n\n"
        "Israel's attorney general will decide within weeks, Israeli radio said.\n\n"
        "Justice Minister Tzahi Hanegbi said he would not resign."
    )
    doc = annotate(nlp, stage, text, date="1997-04-20")
    assert entity_of(doc, "Tzahi Hanegbi").country == "ISR"
    # Beside an official of another country, an official the words do not place stays open.
    doc = annotate(
        nlp,
        stage,
        text + "\n\nInterior Minister Arkady Volsky met Russian President Boris Yeltsin.",
    )
    assert entity_of(doc, "Arkady Volsky").country is None


def test_a_capital_is_its_government_only_when_it_acts_or_is_addressed(
    nlp: Language, stage: ActorStage
) -> None:
    for text, capital, sector in [
        ("The United States urged Moscow to release the prisoners.", "Moscow", "GOV"),
        ("Talks with Beijing resumed on Monday.", "Beijing", "GOV"),
        ("A car bomb exploded in central Kabul on Monday.", "Kabul", "CVL"),
        ("Rebels shelled Algiers overnight.", "Algiers", "CVL"),
        ("Farmers said they would blockade Paris from Monday.", "Paris", "CVL"),
    ]:
        assert codes(annotate(nlp, stage, text), capital)[1] == sector, text
    # A capital's name in a story about another country with a city of that size and name.
    doc = annotate(nlp, stage, "The US urged Moscow to act.")
    assert entity_of(doc, "Moscow").country == "RUS"  # not Moscow, Idaho


def test_an_abbreviation_the_article_defines_is_the_name_it_stands_for(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp,
        stage,
        "Sheikh Ahmed heads the Supreme Islamic Council of Somalia (SICS). The SICS said on "
        "Monday that it had withdrawn from the town.",
    )
    named = entity_of(doc, "Supreme Islamic Council of Somalia")
    assert [m.entity_id for m in doc._.mentions if m.text == "SICS"] == [named.id, named.id]
    assert codes(doc, "SICS")[0] == "SOM"
    # Letters that do not spell the words before the brackets define nothing.
    doc = annotate(nlp, stage, "The Communist Party of China (XYZ) met. XYZ said nothing.")
    assert entity_of(doc, "XYZ").country is None


def test_a_demonym_inside_a_tagged_name_goes_with_the_title(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(nlp, stage, "Nepali King Gyanendra left Kathmandu for Dhaka on Friday.")
    gyanendra = entity_of(doc, "Gyanendra")
    assert (gyanendra.country, gyanendra.kind) == ("NPL", "person")


def test_a_capital_institution_written_as_a_phrase(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "The State Department said on Monday it would send envoys.")
    assert codes(doc, "State Department") == ("USA", "GOV")


@pytest.mark.parametrize(
    ("text", "name", "entity_id"),
    [
        ("The United Nations said on Friday that it would send aid.", "United Nations", "igo:un"),
        ("The Security Council met on Friday.", "Security Council", "igo:unsc"),
    ],
)
def test_a_name_opening_a_sentence_with_the_is_the_same_body(
    nlp: Language, stage: ActorStage, text: str, name: str, entity_id: str
) -> None:
    # The Phoenix dictionaries list "THE_UNITED_NATIONS" beside "UNITED_NATIONS"; read as a
    # name of its own, it made a second entity for the UN at the start of a sentence.
    doc = annotate(nlp, stage, text)
    assert entity_of(doc, name).id == entity_id


@pytest.mark.parametrize(
    ("text", "capital", "code"),
    [
        ("Seoul called on Pyongyang to return to the negotiating table.", "Pyongyang", "PRK"),
        ("The European Union imposed new sanctions on Tehran.", "Tehran", "IRN"),
        ("France recalled its ambassador to Rome for consultations.", "Rome", "ITA"),
        ("Seoul protested to Tokyo over the textbook.", "Tokyo", "JPN"),
        ("Georgia appealed to Moscow to release the officers.", "Moscow", "RUS"),
    ],
)
def test_a_capital_pressed_on_or_posted_to_is_its_state(
    nlp: Language, stage: ActorStage, text: str, capital: str, code: str
) -> None:
    doc = annotate(nlp, stage, text)
    entity = entity_of(doc, capital)
    assert (entity.kind, entity.country) == ("country", code)


def test_a_capital_one_stands_on_is_a_city(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Thousands of people gathered on a square in central Pyongyang.")
    assert entity_of(doc, "Pyongyang").kind == "place"
    # words addressed to a capital are to its government; a journey to it ends in the city
    doc = annotate(nlp, stage, "The Japanese minister flew to Seoul on Monday.")
    assert entity_of(doc, "Seoul").kind == "place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The attack killed at least 57 people.", "people"),
        ("Gunmen killed more than 20 soldiers.", "soldiers"),
    ],
)
def test_a_count_before_a_group_is_not_its_name(
    nlp: Language, stage: ActorStage, text: str, name: str
) -> None:
    doc = annotate(nlp, stage, text)
    assert [m.text for m in doc._.mentions if m.text.endswith(name)] == [name]


def test_royals_and_patronymic_names_go_by_the_given_name(nlp: Language, stage: ActorStage) -> None:
    text = (
        "Saudi Prince Bandar bin Sultan arrived in Washington. "
        "Officials said Prince Bandar met Rice. Bandar left on Friday."
    )
    doc = annotate(nlp, stage, text)
    ids = {m.entity_id for m in doc._.mentions if "Bandar" in m.text}
    assert ids == {entity_of(doc, "Bandar bin Sultan").id}


def test_where_a_person_is_sent_is_not_their_country(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Prince Bandar was the kingdom's envoy to the United States.")
    assert entity_of(doc, "Bandar").country != "USA"


def test_member_states_of_a_named_format_are_entities_of_the_document(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(nlp, stage, "The six-party talks opened in Beijing on Monday.")
    names = {e.id: e.name for e in doc._.entities}
    assert names["country:PRK"] == "North Korea"
    assert names["country:USA"] == "United States"
