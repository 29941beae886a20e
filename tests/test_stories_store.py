"""Stories and the rest of the store: a database made before stories is upgraded and linked
keeping every row, and a deal's reports are counted by story."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from sitrep.records import Amount, Evidence, TimeExpression, Transfer, TransferFact, to_json_dict
from sitrep.store import EventQuery, open_store
from sitrep.store import stories as table
from sitrep.stories import link_stories
from sitrep.stories.deals import deal_reports
from sitrep.transfers import link_deals
from storykit import visit_reports


@pytest.mark.model
def test_a_database_made_by_0002_is_upgraded_and_its_events_linked(store_url: str) -> None:
    if store_url.startswith("sqlite"):
        Path(store_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(files("sitrep.store") / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    reports = visit_reports()
    with engine.begin() as connection:  # rows as 0002 wrote them: no stories tables yet
        for item in reports:
            document = item.document
            connection.execute(
                text(
                    "INSERT INTO documents (id, date, url, text, language, ingested_at, "
                    "processed_with, n_time_expressions, n_mentions, n_events, n_transfers) "
                    "VALUES (:id, :date, :url, :text, 'en', CURRENT_TIMESTAMP, 'old', 0, 0, 1, 0)"
                ),
                {
                    "id": document.id,
                    "date": document.date,
                    "url": document.url,
                    "text": document.text,
                },
            )
            for event in item.events:
                connection.execute(
                    text(
                        "INSERT INTO events (document_id, event_type, modality, date, record) "
                        "VALUES (:doc, :type, :modality, :date, :record)"
                    ),
                    {
                        "doc": document.id,
                        "type": event.event_type,
                        "modality": event.modality,
                        "date": document.date,
                        "record": json.dumps(to_json_dict(event)),
                    },
                )
    engine.dispose()
    with open_store(store_url) as store:  # upgrades to head: the events wait in no story
        assert len(store.events(EventQuery())) == 5
        assert table.counts(store).unlinked == 5
        link_stories(store)
        counts = table.counts(store)
        assert (counts.stories, counts.mentions, counts.unlinked) == (2, 5, 0)


def _transfer(status: str, due: str, sentence: str) -> Transfer:
    evidence = Evidence("doc", 0, len(sentence), sentence, 0, trigger=status)
    return Transfer(
        system="S-400",
        evidence=evidence,
        supplier="RUS",
        recipient="IND",
        value=Amount(5.2e9, "USD", "USD 5.2 billion", usd=5.2e9),
        delivery_due=TimeExpression(due, 0, 4, "DATE", due),
        status=status,
        facts=[TransferFact(evidence, ["status", "delivery_due"], status)],
    )


def test_a_deal_counts_its_reports_by_story() -> None:
    """Three outlets repeating one delay within days are one report with three sources; the
    same delay reported again a month later, and a new due date, are reports of their own."""
    delay = "The S-400 deliveries are delayed to 2022."
    facts = [
        ("a", "2020-06-01", _transfer("ordered", "2021-12", "India ordered the S-400.")),
        ("b", "2020-07-01", _transfer("delayed", "2022", delay)),
        ("c", "2020-07-02", _transfer("delayed", "2022", delay)),
        ("d", "2020-07-04", _transfer("delayed", "2022", delay)),
        ("e", "2020-08-20", _transfer("delayed", "2022", delay)),
        ("f", "2020-08-21", _transfer("delayed", "2023", "Now it is 2023.")),
    ]
    (deal,) = link_deals(facts)
    outlets = {"a": "thehindu.com", "b": "tass.com", "c": "ptinews.com", "d": "tass.com"}
    reports = deal_reports(deal, outlets)
    assert [
        (r.first, r.last, r.status, r.delivery_due, len(r.documents), r.sources) for r in reports
    ] == [
        ("2020-06-01", "2020-06-01", "ordered", "2021-12", 1, 1),
        ("2020-07-01", "2020-07-04", "delayed", "2022", 3, 2),  # TASS twice: one source
        ("2020-08-20", "2020-08-20", "delayed", "2022", 1, 1),
        ("2020-08-21", "2020-08-21", "delayed", "2023", 1, 1),
    ]
    assert len(deal.timeline) == 6


def test_the_judged_newswire_sample_is_complete_and_split_by_its_rule() -> None:
    import sys

    import yaml

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from stories_sample import DEFAULT_JUDGED, split_of

    items = yaml.safe_load(DEFAULT_JUDGED.read_text(encoding="utf-8"))["items"]
    assert len(items) >= 100
    for item in items:
        assert item["same"] in (True, False), item
        assert item["split"] == split_of(item["a"]["document"], item["b"]["document"])
        assert item["same"] or item["note"], "a pair judged wrong says why"
