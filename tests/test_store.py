"""The store on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from sitrep.errors import ConfigError, InputError, NotFoundError
from sitrep.records import (
    ActorRef,
    Document,
    Entity,
    Event,
    Evidence,
    Extraction,
    Mention,
    TimeExpression,
)
from sitrep.store import EventQuery, open_store, schema


def make_extraction(text: str, date: str = "2020-06-23", **events: tuple[str, str]) -> Extraction:
    """A document with one mention, one time expression and events named actor->recipient."""
    document = Document(text=text, date=date, title=f"About {text[:20]}", source="test")
    evidence = Evidence(document.id, 0, len(text), text, 0, trigger="met")
    return Extraction(
        document=document,
        time_expressions=[TimeExpression("Monday", 0, 6, "DATE", date, date, date)],
        entities=[Entity("country:IND", "India", "country", country="IND", sector=["GOV"])],
        mentions=[Mention("India", 0, 5, "GPE", "country:IND")],
        events=[
            Event(
                event_type=event_type,
                evidence=evidence,
                actor=[ActorRef("country:IND", actor, country=actor[:3].upper())],
                recipient=[ActorRef(None, recipient, country=recipient[:3].upper())],
            )
            for event_type, (actor, recipient) in events.items()
        ],
    )


def test_migrations_create_exactly_the_declared_schema(store_url: str) -> None:
    store = open_store(store_url)
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), schema.metadata)
    # FTS5 shadow tables are SQLite's own; everything else must match schema.py.
    diff = [
        d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("documents_fts"))
    ]
    assert diff == []
    store.close()


def test_add_is_idempotent_and_keeps_raw_text(store_url: str) -> None:
    extraction = make_extraction("India and Russia met in Moscow.", CONSULT=("India", "Russia"))
    with open_store(store_url) as store:
        assert store.add(extraction, "test") is True
        assert store.add(extraction, "test") is False  # same content hash: a no-op
        assert store.count_documents() == 1
        stored = store.extraction(extraction.document.id[:10])
    assert stored.document.text == "India and Russia met in Moscow."
    assert stored.events == extraction.events
    assert stored.time_expressions == extraction.time_expressions
    assert stored.entities[0].country == "IND"


def test_same_text_with_other_whitespace_is_the_same_document(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.add(make_extraction("Talks  were held\nin Delhi."), "test")
        assert not store.add(make_extraction("Talks were held in Delhi. "), "test")
        assert store.count_documents() == 1


def test_a_failed_write_leaves_no_partial_document(store_url: str) -> None:
    extraction = make_extraction("A document whose records cannot be written.")
    extraction.mentions.append(Mention(None, 0, 1, "GPE"))  # type: ignore[arg-type]
    with open_store(store_url) as store:
        with pytest.raises(InputError, match=r"\[E117\] test: could not be stored"):
            store.add(extraction, "test")
        with store.engine.connect() as connection:
            for table in (schema.documents, schema.mentions, schema.time_expressions):
                assert connection.scalar(select(func.count()).select_from(table)) == 0


def test_full_text_search_and_date_filters(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(make_extraction("The S-400 delivery is delayed.", "2020-06-23"), "t")
        store.add(make_extraction("Wheat prices rose in Chicago.", "1997-04-01"), "t")
        assert [d.date for d in store.documents(search="delivery")] == ["2020-06-23"]
        assert [d.date for d in store.documents(until="1997-04-01")] == ["1997-04-01"]
        assert len(store.documents(since="1997-04-02")) == 1
        # Query syntax and SQL in a search string are just text to look for.
        assert store.documents(search='" OR 1=1 --') == []
        assert store.documents(search="'; DROP TABLE documents; --") == []
        assert store.count_documents() == 2


def test_event_filters_dyad_country_and_type(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(make_extraction("One.", "2020-01-01", CONSULT=("India", "Russia")), "t")
        store.add(make_extraction("Two.", "2020-02-01", REQUEST=("Russia", "India")), "t")
        store.add(make_extraction("Three.", "2020-03-01", ACCUSE=("China", "India")), "t")
        dyad = store.events(EventQuery(dyad=("IND", "RUS")))
        assert [e.event.event_type for e in dyad] == ["CONSULT", "REQUEST"]
        assert len(store.events(EventQuery(country="IND"))) == 3
        assert [e.event.event_type for e in store.events(EventQuery(actor="CHI"))] == ["ACCUSE"]
        assert len(store.events(EventQuery(event_types=["consult"]))) == 1
        assert len(store.events(EventQuery(since="2020-02-01"))) == 2
        assert store.events(EventQuery(actor="%")) == []  # LIKE wildcards are escaped


def test_a_country_code_matches_codes_only_and_a_country_name_its_code(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(make_extraction("One.", "2020-01-01", CONSULT=("India", "Russia")), "t")
        indonesia = make_extraction("Two.", "2020-02-01", PROTEST=("Indonesia", "Russia"))
        indonesia.events[0].actor[0].country = "IDN"
        store.add(indonesia, "t")
        for term in ("IND", "India"):  # "IND" is a code: no part of the name "Indonesia"
            assert [e.event.event_type for e in store.events(EventQuery(actor=term))] == [
                "CONSULT"
            ], term
        usa = make_extraction("Three.", "2020-03-01", CONSULT=("Washington", "Russia"))
        usa.events[0].actor[0].country = "USA"
        store.add(usa, "t")
        assert len(store.events(EventQuery(actor="U.S."))) == 1  # by the code it names


def test_search_with_control_characters_is_no_error(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(make_extraction("India and Russia met.", "2020-01-01"), "t")
        assert store.documents(search="\x00") == []  # nothing to look for
        assert len(store.documents(search="Russia\x00")) == 1  # the words around it


def test_state_coded_keeps_events_between_states(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(make_extraction("One.", "2020-01-01", CONSULT=("India", "Russia")), "t")
        company = make_extraction("Two.", "2020-02-01", ACCUSE=("Boeing", "Airbus"))
        company.events[0].actor[0].country = None  # an actor nobody placed
        store.add(company, "t")
        alone = make_extraction("Three.", "2020-03-01", PROTEST=("India", "none"))
        alone.events[0].recipient = []  # no recipient at all: still between states
        store.add(alone, "t")
        unplaced = make_extraction("Four.", "2020-04-01", REQUEST=("India", "Lockheed"))
        unplaced.events[0].recipient[0].country = None
        store.add(unplaced, "t")
        assert len(store.events(EventQuery())) == 4
        coded = store.events(EventQuery(state_coded=True))
        assert [e.event.event_type for e in coded] == ["CONSULT", "PROTEST"]


def test_unknown_and_ambiguous_ids_are_clear_errors(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(make_extraction("First text."), "t")
        with pytest.raises(NotFoundError, match="E204"):
            store.document("zzzz")


def test_bad_database_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="E203"):
        open_store("nosuchdialect://x/y")


def test_search_finds_designations_as_written_and_wildcards_as_text(store_url: str) -> None:
    with open_store(store_url) as store:
        for date, text in [
            ("2021-03-01", "The S-400 deliveries are late."),
            ("2021-04-01", "Some 400 troops and 20% of the fleet moved."),
            ("2021-05-01", "The US's 400 tanks and the F-16_block_70 jets."),
        ]:
            store.add(make_extraction(text, date), "t")

        def found(search: str) -> list[str]:
            return sorted(d.date for d in store.documents(search=search))

        assert found("S-400") == ["2021-03-01"]  # not "400 troops", not "US's 400"
        assert found("s-400 deliveries") == ["2021-03-01"]
        assert found("(S-400),") == ["2021-03-01"]  # sentence punctuation around it
        assert found("400") == ["2021-03-01", "2021-04-01", "2021-05-01"]
        assert found("20%") == ["2021-04-01"]
        assert found("%") == ["2021-04-01"]  # LIKE wildcards are characters to find
        assert found("_") == ["2021-05-01"]
        assert found("F-16_block_70") == ["2021-05-01"]
        assert found("F-16%70") == []
        with pytest.raises(NotFoundError, match="E204"):
            store.document("%")
        with pytest.raises(NotFoundError, match="E204"):
            store.document("_")


def test_a_database_that_refuses_writes_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "read-only.db"
    with open_store(str(path)) as store:
        store.add(make_extraction("Stored before."), "t")
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    with open_store(read_only) as store:
        assert store.count_documents() == 1  # reading works
        with pytest.raises(ConfigError, match=r"\[E215\].*readonly.*everything stored before"):
            store.add(make_extraction("Not stored."), "t")
