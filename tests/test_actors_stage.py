"""The actor stage: who and what each mention is, on the document date."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from actorkit import annotate, entity_of
from sitrep.actors.stage import ActorStage
from sitrep.nlp.extensions import register_extensions
from sitrep.records import Mention

pytestmark = pytest.mark.model


def mention(doc: Doc, text: str) -> Mention:
    return next(m for m in doc._.mentions if m.text == text)


def test_mentions_point_exactly_into_the_text(nlp: Language, stage: ActorStage) -> None:
    text = "Russian leaders met Indian Navy officers in Moscow to discuss the S-400 deal."
    doc = annotate(nlp, stage, text)
    assert doc._.mentions
    for found in doc._.mentions:
        assert text[found.start : found.end] == found.text
    ids = {e.id for e in doc._.entities}
    assert all(m.entity_id in ids for m in doc._.mentions if m.entity_id)


def test_equipment_matchers_override_ner_errors(nlp: Language, stage: ActorStage) -> None:
    text = (
        "India wants the S-400 quickly, spares for the MiG29Ks of the Indian Navy "
        "and parts for two Kilo-class submarines."
    )
    doc = annotate(nlp, stage, text)
    assert mention(doc, "S-400").label == "EQUIPMENT"  # spaCy says FAC
    assert entity_of(doc, "S-400").attributes["category"] == "SAM system"
    assert entity_of(doc, "MiG29Ks").id == "equipment:mig-29k"
    assert entity_of(doc, "Kilo-class submarines").attributes["origin"] == "RUS"
    navy = entity_of(doc, "Indian Navy")  # cut out of the ORG span "the MiG29Ks of the ..."
    assert (navy.country, navy.sector) == ("IND", ["MIL"])
    assert not any(m.label in ("FAC", "LANGUAGE", "PRODUCT") for m in doc._.mentions)


def test_money_is_a_mention_without_entity(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "They signed the USD 5.2 billion deal in 2018.")
    money = mention(doc, "USD 5.2 billion")
    assert (money.label, money.entity_id) == ("MONEY", None)


def test_demonyms_with_institutions_give_country_and_sector(
    nlp: Language, stage: ActorStage
) -> None:
    doc = annotate(
        nlp,
        stage,
        "Singh raised the delays with the Russian leaders. The Indian Air Force and "
        "Sudan's government also objected, as did Turkish police.",
    )
    assert (
        entity_of(doc, "Russian leaders").country,
        entity_of(doc, "Russian leaders").sector,
    ) == (
        "RUS",
        ["GOV"],
    )
    air_force = entity_of(doc, "Indian Air Force")
    assert (air_force.country, air_force.sector) == ("IND", ["MIL"])
    government = entity_of(doc, "Sudan's government")
    assert (government.country, government.sector) == ("SDN", ["GOV"])
    assert entity_of(doc, "Turkish police").sector == ["COP"]


def test_a_capital_that_acts_is_its_government(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Moscow said on Monday that the talks would go ahead.")
    assert entity_of(doc, "Moscow").id == "country:RUS"
    doc = annotate(nlp, stage, "The minister flew to Moscow on Monday.")
    moscow = entity_of(doc, "Moscow")
    assert (moscow.kind, moscow.country) == ("place", "RUS")
    assert moscow.attributes["lat"] == pytest.approx(55.75, abs=0.1)


def test_an_unknown_name_that_acts_is_not_made_a_place(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Singh said on Monday that talks would go ahead.")
    assert entity_of(doc, "Singh").kind != "place"  # spaCy tags it GPE; no full name before


def test_a_country_is_a_state_actor(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Russia is India's largest defence supplier.")
    russia = entity_of(doc, "Russia")
    assert (russia.id, russia.kind, russia.sector) == ("country:RUS", "country", ["GOV"])


def test_media_outlets_are_flagged_never_actors(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "India will ask for spares, government sources told ANI.")
    ani = entity_of(doc, "ANI")
    assert ani.id == "org:ani"
    assert ani.attributes["media"] is True
    assert ani.sector == ["JRN"]  # PLOVER's code for media (MED is health)


def test_roles_follow_the_document_date(nlp: Language, stage: ActorStage) -> None:
    text = "Sergei Shoigu met Chinese officials in Beijing."
    then = entity_of(annotate(nlp, stage, text, "2020-06-01"), "Sergei Shoigu")
    later = entity_of(annotate(nlp, stage, text, "2025-06-01"), "Sergei Shoigu")
    assert (then.role, then.country, then.sector) == ("Defence Minister", "RUS", ["MIL"])
    assert later.role != "Defence Minister"
    assert later.country == "RUS"  # the table still knows whose minister he was


def test_titles_in_text_describe_people_the_table_lacks(nlp: Language, stage: ActorStage) -> None:
    doc = annotate(nlp, stage, "Nigerian junior foreign minister Dubem Oniya arrived on Monday.")
    person = entity_of(doc, "Dubem Oniya")
    assert (person.country, person.sector, person.role) == ("NGA", ["GOV"], "foreign minister")
    doc = annotate(nlp, stage, "Ousted President Askar Akayev agreed to resign.", "2005-04-03")
    assert entity_of(doc, "Askar Akayev").sector == ["ELI"]


def test_user_gazetteer_files_extend_the_stage(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        yaml.safe_dump({"media": [{"id": "ddn", "name": "Doon Defence News", "aliases": ["DDN"]}]}),
        encoding="utf-8",
    )
    register_extensions()
    mine = ActorStage(nlp, "sitrep_actors_v1", gazetteers=[str(path)])
    doc = annotate(nlp, mine, "The ministry told DDN that the deal was signed.")
    assert entity_of(doc, "DDN").attributes["media"] is True


def test_reference_article_entities(nlp: Language, stage: ActorStage, shared_dir: Path) -> None:
    from sitrep.readers import read_paths

    document = next(iter(read_paths([shared_dir / "examples" / "seed-article.txt"])))
    doc = nlp.make_doc(document.text)
    doc._.dct = document.day
    doc = stage(nlp(doc))
    expected = yaml.safe_load((shared_dir / "examples" / "seed-article.expected.yaml").read_text())
    by_name = {e.name: e for e in doc._.entities}
    by_id = {e.id: e for e in doc._.entities}
    for mention_ in doc._.mentions:  # "ANI" names Asian News International
        if mention_.entity_id:
            by_name.setdefault(mention_.text, by_id[mention_.entity_id])
    for want in expected["entities"]:
        got = by_name.get(want["name"])
        assert got is not None, f"{want['name']} not found among {sorted(by_name)}"
        assert got.kind == want["kind"], want["name"]
        for key in ("country", "role"):
            if key in want:
                assert getattr(got, key) == want[key], want["name"]
        if "sector" in want:
            assert want["sector"] in got.sector, want["name"]
        for key in ("category", "origin"):
            if key in want:
                assert got.attributes[key] == want[key], want["name"]
        if "mentions" in want:
            texts = {m.text for m in doc._.mentions if m.entity_id == got.id}
            assert set(want["mentions"]) <= texts, want["name"]
    assert by_name["ANI"].attributes["media"] is True
    # must_not: "'Singh' tagged as a place"
    places = {e.id for e in doc._.entities if e.kind == "place"}
    assert not [m for m in doc._.mentions if m.text == "Singh" and m.entity_id in places]
    two = [m for m in doc._.mentions if m.text == "the two countries"]
    assert two and all(m.entity_id == "group:IND+RUS" for m in two)
