"""Store additions for the web (issue 13) on a real SQLite file and a real PostgreSQL server:
filters, keyset pages, aggregates, the cooperation–conflict index, watches, migration 0002."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from sitrep.alerts import check_watches, deal_statuses, validate_watch
from sitrep.errors import NotFoundError, SitrepError
from sitrep.store import EventQuery, aggregates, lookups, open_store
from sitrep.store.watches import (
    create_watch,
    delete_watch,
    get_watch,
    list_watches,
    watch_alerts,
)
from webkit import seed, story


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    with open_store(store_url) as opened:
        seed(opened)
        yield opened


def types(store, query: EventQuery) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.event.event_type for e in store.events(query)]


def test_new_event_filters(store) -> None:  # type: ignore[no-untyped-def]
    assert types(store, EventQuery(modes=["visit"])) == ["CONSULT"]
    assert types(store, EventQuery(quads=[3])) == ["REQUEST", "ACCUSE"]  # PLOVER: verbal conflict
    assert types(store, EventQuery(quads=[4])) == []
    assert types(store, EventQuery(actor_entity="person:rajnath-singh")) == ["CONSULT"]
    assert types(store, EventQuery(recipient_entity="country:IND")) == ["ACCUSE", "CONSULT"]
    assert types(store, EventQuery(text="s-400")) == ["REQUEST"]  # case-insensitive
    assert types(store, EventQuery(text="%")) == []  # a wildcard is a character to find
    assert types(store, EventQuery(source="2020-02")) == ["REQUEST", "ACCUSE"]
    assert types(store, EventQuery(location="Moscow")) == ["CONSULT"]


def test_keyset_pages_cover_every_event_once_in_order(store) -> None:  # type: ignore[no-untyped-def]
    everything = store.events(EventQuery())
    seen, after = [], None
    while True:
        page = store.events(EventQuery(limit=2, after=after))
        seen.extend(page)
        if len(page) < 2:
            break
        after = (page[-1].date, page[-1].id)
    assert [e.id for e in seen] == [e.id for e in everything]
    assert [(e.date, e.id) for e in seen] == sorted((e.date, e.id) for e in seen)
    streamed = list(lookups.iter_events(store, EventQuery(limit=None), batch_size=2))
    assert [e.id for e in streamed] == [e.id for e in everything]


def test_counts_per_period_and_the_index(store) -> None:  # type: ignore[no-untyped-def]
    dyad = EventQuery(dyad=("IND", "RUS"))
    counts = aggregates.event_counts(store, dyad, "month", by="quad")
    assert [(c.period, c.total, c.by) for c in counts] == [
        ("2020-01", 2, {"1": 2}),
        ("2020-02", 1, {"3": 1}),
        ("2020-03", 2, {"1": 2}),
    ]
    by_type = aggregates.event_counts(store, EventQuery(), "year", by="type")
    assert by_type[0].by == {"CONSULT": 3, "AGREE": 1, "REQUEST": 1, "ACCUSE": 1}
    weeks = aggregates.event_counts(store, dyad, "week")
    assert [w.period for w in weeks] == ["2020-W04", "2020-W07", "2020-W10"]
    index = aggregates.cooperation_index(store, EventQuery(country="IND"), "month")
    february = next(i for i in index if i.period == "2020-02")
    # REQUEST (0.0) and ACCUSE (-2.0): both scored, one on the conflict side.
    assert (february.events, february.cooperation, february.conflict) == (2, 0, 1)
    assert february.total == -2.0
    assert february.mean == round(february.total / 2, 3)
    march = next(i for i in index if i.period == "2020-03")
    assert march.events == 1  # the hostile article's asserted talk; the planned one is left out
    planned = aggregates.cooperation_index(
        store, EventQuery(country="IND", modality="planned"), "month"
    )
    assert [(i.period, i.events) for i in planned] == [("2020-03", 1)]


def test_top_dyads_locations_and_entities(store) -> None:  # type: ignore[no-untyped-def]
    assert aggregates.top_dyads(store)[0] == ("IND", "RUS", 5)
    assert ("Moscow", 1) in aggregates.event_locations(store, EventQuery())
    activity = lookups.entity_activity(store, "person:rajnath-singh")
    assert activity is not None and (activity.mentions, activity.documents) == (1, 1)
    assert [e.id for e in lookups.entities(store, search="singh")] == ["person:rajnath-singh"]
    assert lookups.entities(store, search="_") == []


def test_watches_alert_once_on_new_events_and_deal_changes(store_url: str) -> None:
    first, second, third, _ = story()
    with open_store(store_url) as store:
        store.add(first, "t")
        store.add(second, "t")
        query = validate_watch("events", {"dyad": ["IND", "RUS"]}, None)
        events_watch = create_watch(store, name="ind-rus", kind="events", query=query, webhook=None)
        deals_query = validate_watch("deals", {"recipient": "IND"}, "http://127.0.0.1:9/hook")
        deals_watch = create_watch(
            store,
            name="india-deals",
            kind="deals",
            query=deals_query,
            webhook="http://127.0.0.1:9/hook",
            deal_status=deal_statuses(store, deals_query),
        )
        posted: list[tuple[str, dict]] = []
        assert [
            len(a) for _, a in check_watches(store, post=lambda *x: posted.append(x) or "200")
        ] == [0, 0]
        store.add(third, "t")
        results = dict(
            (w.name, a) for w, a in check_watches(store, post=lambda *x: posted.append(x) or "200")
        )
        assert [a.title for a in results["ind-rus"]] == ["CONSULT: Russia → India (2020-03-02)"]
        assert [a.record["previous_status"] for a in results["india-deals"]] == ["ordered"]
        assert "ordered → delayed" in results["india-deals"][0].title
        assert len(posted) == 1 and posted[0][0] == "http://127.0.0.1:9/hook"
        assert posted[0][1]["alerts"][0]["record"]["status"] == "delayed"
        # Nothing new: no new alerts; reprocessing the same events gives no duplicate either.
        assert [len(a) for _, a in check_watches(store)] == [0, 0]
        store.replace_records(third, "t2")
        assert [len(a) for _, a in check_watches(store)] == [0, 0]
        assert len(watch_alerts(store, events_watch)) == 1
        assert len(watch_alerts(store, deals_watch)) == 1
        delete_watch(store, "ind-rus")
        assert [w.name for w in list_watches(store)] == ["india-deals"]
        # a reference that only looks numeric is a name no watch has, not a server error
        for ref in ("\u00b2", "9" * 40):
            with pytest.raises(NotFoundError):
                get_watch(store, ref)


def test_watch_queries_are_checked() -> None:
    for kind, query, hook in [
        ("tweets", {"text": "x"}, None),
        ("events", {"supplier": "RUS"}, None),
        ("events", {"dyad": ["IND"]}, None),
        ("events", {}, None),
        ("events", {"text": "x"}, "javascript:alert(1)"),
        ("events", {"quads": [7]}, None),
    ]:
        with pytest.raises(SitrepError, match="E310"):
            validate_watch(kind, query, hook)


def test_a_database_made_by_0001_is_upgraded_keeping_every_row(store_url: str) -> None:
    """Migration 0002 fills the new event columns from the stored records."""
    if store_url.startswith("sqlite"):
        Path(store_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(store_url)
    config = Config()
    from importlib.resources import files

    config.set_main_option("script_location", str(files("sitrep.store") / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    first = story()[0]
    with engine.begin() as connection:  # rows as 0001 wrote them (no new columns)
        connection.execute(
            text(
                "INSERT INTO documents (id, date, text, language, ingested_at, processed_with, "
                "n_time_expressions, n_mentions, n_events, n_transfers) VALUES "
                "(:id, :date, :text, 'en', CURRENT_TIMESTAMP, 'old', 0, 0, 2, 0)"
            ),
            {"id": first.document.id, "date": first.document.date, "text": first.document.text},
        )
        import json

        from sitrep.records import to_json_dict

        for e in first.events:
            connection.execute(
                text(
                    "INSERT INTO events (document_id, event_type, modality, date, quad, record) "
                    "VALUES (:doc, :type, :modality, :date, :quad, :record)"
                ),
                {
                    "doc": first.document.id,
                    "type": e.event_type,
                    "modality": e.modality,
                    "date": first.document.date,
                    "quad": e.quad,
                    "record": json.dumps(to_json_dict(e)),
                },
            )
    engine.dispose()
    with open_store(store_url) as store:  # upgrades to head
        events = store.events(EventQuery(actor_entity="person:rajnath-singh"))
        assert [e.event.event_type for e in events] == ["CONSULT"]
        index = aggregates.cooperation_index(store, EventQuery(), "month")
        assert index[0].events == 2 and index[0].total == sum(
            e.intensity or 0 for e in first.events
        )
        assert dataclasses.asdict(store.events(EventQuery())[0].event) == dataclasses.asdict(
            first.events[0]
        )
