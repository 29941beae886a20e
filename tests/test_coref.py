"""Within-document coreference: surnames, bare titles, "the two countries"."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from actorkit import annotate
from sitrep.actors.coref import NominalFinder, PersonIndex, country_pairs, pair_before
from sitrep.actors.sectors import load_sector_lexicon
from sitrep.actors.stage import ActorStage
from sitrep.records import Entity


# -- the pieces, without the model ----------------------------------------------------------
def test_bare_titles_are_found_but_not_titles_before_a_name() -> None:
    finder = NominalFinder(load_sector_lexicon())
    text = (
        "The Union minister will attend. Then the Defence Minister Rajnath Singh spoke, "
        "and the talks with the minister ended; the president of Armenia left."
    )
    found = [(text[n.start : n.end], n.words) for n in finder.titles(text)]
    assert found == [
        ("The Union minister", ("union", "minister")),
        ("the minister", ("minister",)),
    ]


def test_person_index_resolves_surnames_and_titles_backwards() -> None:
    people = PersonIndex()
    singh = Entity(
        "person:rajnath-singh", "Rajnath Singh", "person", "IND", ["GOV"], "Defence Minister"
    )
    shoigu = Entity(
        "person:sergei-shoigu", "Sergei Shoigu", "person", "RUS", ["MIL"], "Defence Minister"
    )
    people.add("Rajnath Singh", singh, 0, {"union", "defence", "minister"})
    people.add("Sergei Shoigu", shoigu, 50)
    assert people.known("Singh") is singh
    assert people.known("Shoygu") is shoigu  # transliteration variants fold together
    assert people.known("Borisov") is None
    assert people.last_with_title(100, ["union", "minister"]) is singh
    assert people.last_with_title(100, ["defence", "minister"]) is shoigu  # the most recent
    assert people.last_with_title(40, ["defence", "minister"]) is singh
    assert people.last_with_title(100, ["prime", "minister"]) is None


def test_the_two_countries_are_the_last_pair_written_together() -> None:
    text = "India-Russia ties grew. China watched. The two countries signed deals."
    mentions = [(0, 5, "IND"), (6, 12, "RUS"), (24, 29, "CHN")]
    pairs = country_pairs(mentions, text)
    assert pairs == [(12, ("IND", "RUS"))]
    assert pair_before(text.index("The two"), pairs, mentions) == ("IND", "RUS")
    # Without a written pair, the last two countries named.
    assert pair_before(40, [], mentions) == ("RUS", "CHN")
    assert pair_before(40, [], mentions[:1]) is None


# -- through the stage ------------------------------------------------------------------------
def ids_of(doc: Doc, text: str) -> list[str | None]:
    return [m.entity_id for m in doc._.mentions if m.text == text]


@pytest.mark.model
def test_a_surname_after_a_full_name_is_that_person(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(
        nlp,
        stage,
        "Union Defence Minister Rajnath Singh on Monday left for Moscow, Russia, and during "
        "his visit Singh will hold talks.",
    )
    assert ids_of(doc, "Singh") == ["person:rajnath-singh"]  # spaCy tags this "Singh" GPE
    assert [m.label for m in doc._.mentions if m.text == "Singh"] == ["PERSON"]
    assert not any(e.kind == "place" and e.name == "Singh" for e in doc._.entities)


@pytest.mark.model
def test_bare_titles_refer_to_the_last_person_with_that_title(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp,
        stage,
        "Union Defence Minister Rajnath Singh left for Moscow. The Union minister will attend "
        "the parade. He will meet Deputy Prime Minister Yury Borisov. Later, the Defence "
        "Minister will raise the S-400 delivery.",
    )
    assert ids_of(doc, "The Union minister") == ["person:rajnath-singh"]
    assert ids_of(doc, "the Defence Minister") == ["person:rajnath-singh"]  # Borisov is not one


@pytest.mark.model
def test_a_title_without_a_matching_person_stays_unresolved(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(nlp, stage, "Rajnath Singh arrived. The foreign minister was not there.")
    assert "The foreign minister" not in [m.text for m in doc._.mentions]


@pytest.mark.model
def test_the_two_countries_is_a_group_of_both(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(
        nlp,
        stage,
        "Singh will discuss the India-Russia defence partnership. In recent years the two "
        "countries have signed several deals.",
    )
    assert ids_of(doc, "the two countries") == ["group:IND+RUS"]
    group = next(e for e in doc._.entities if e.id == "group:IND+RUS")
    assert group.kind == "group"
    assert group.attributes["members"] == ["country:IND", "country:RUS"]


def test_the_group_and_the_company_are_not_found_before_a_name_or_of() -> None:
    finder = NominalFinder(load_sector_lexicon())
    text = "The group said so. The group Human Rights Watch and the group of eight; the company."
    found = [(text[s:e], head) for s, e, head in finder.referring(text)]
    assert found == [("The group", "group"), ("the company", "company")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "reference", "entity_id"),
    [
        (  # the name has the word
            "The Iraq Study Group met Democratic leaders on Monday. The group will also "
            "interview Tony Blair.",
            "The group",
            "org:iraq-study-group",
        ),
        (  # the sector allows it
            "Hezbollah fired rockets into northern Israel. The group said the attack was a "
            "response to air strikes.",
            "The group",
            "org:hezbollah",
        ),
        (
            "Lockheed Martin won a contract from the Pentagon. The company will deliver 50 "
            "jets next year.",
            "The company",
            "org:lockheed-martin",
        ),
    ],
)
def test_the_group_or_the_company_is_the_organisation_named_before(
    nlp: Language, stage: ActorStage, text: str, reference: str, entity_id: str
) -> None:
    doc = annotate(nlp, stage, text)
    assert entity_id in ids_of(doc, reference) or entity_id in ids_of(doc, reference.split()[1])


@pytest.mark.model
def test_the_group_after_no_named_group_stays_unresolved(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(
        nlp, stage, "Lockheed Martin won a contract. The group said it would protest the award."
    )
    assert "org:lockheed-martin" not in ids_of(doc, "The group")
