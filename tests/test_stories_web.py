"""Stories in `sitrep serve`: the pages, their JSON twins, the API and its exports, and the
story links on events and deals, in-process on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sitrep.store import open_store
from sitrep.stories import link_stories
from sitrep.web import create_app
from storykit import visit_reports
from webapp import client_for

pytestmark = pytest.mark.model  # linking uses the word vectors of en_core_web_md


@pytest.fixture
def client(store_url: str):  # type: ignore[no-untyped-def]
    with client_for(store_url) as c:
        store = c.app.state.store
        for item in visit_reports():  # four outlets on one visit, and a second visit
            store.add(item, "test")
        link_stories(store)
        yield c


def june_visit(client) -> dict:  # type: ignore[no-untyped-def,type-arg]
    found = client.get("/api/stories", params={"min_sources": 2}).json()["items"]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


def test_the_api_lists_stories_with_their_counts_and_filters(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/stories").json()
    totals = data["totals"]
    assert totals["mentions"] == client.get("/index.json").json()["counts"]["events"]
    assert totals["unlinked"] == 0
    assert totals["stories"] == data["count"] == len(data["items"])
    visit = june_visit(client)
    assert (visit["mentions"], visit["sources"], visit["date"]) == (4, 4, "2020-06-22")
    assert visit["conflicting"] == ["time"]
    assert visit["links"]["page"] == f"/stories/{visit['id']}"
    by_actor = client.get("/api/stories", params={"actor": "IND", "type": "CONSULT"}).json()
    assert {s["date"] for s in by_actor["items"]} >= {"2020-06-22", "2020-07-23"}
    assert client.get("/api/stories", params={"conflicts": "true"}).json()["count"] == 1
    assert client.get("/api/stories", params={"text": "working visit"}).json()["count"] == 1
    page = client.get("/api/stories", params={"limit": 2}).json()
    assert page["count"] == 2 and "cursor=" in page["next"]
    seen = [s["id"] for s in page["items"]]
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += [s["id"] for s in page["items"]]
    assert seen == [s["id"] for s in data["items"]], "pages cover every story once, in order"


def test_one_story_has_every_report_and_the_events_link_to_it(client) -> None:  # type: ignore[no-untyped-def]
    visit = june_visit(client)
    detail = client.get(f"/api/stories/{visit['id'][:8]}").json()
    assert detail["id"] == visit["id"]
    assert sorted(r["outlet"] for r in detail["reports"]) == [
        "deccanherald.com",
        "ptinews.com",
        "tass.com",
        "thehindu.com",
    ]
    assert [r["published"] for r in detail["reports"]] == sorted(
        r["published"] for r in detail["reports"]
    )
    for report in detail["reports"]:
        assert report["links"]["page"].startswith(f"/documents/{report['document_id']}?event=")
    events = client.get("/api/events", params={"text": "working visit"}).json()["items"]
    assert events[0]["story_id"] == visit["id"]
    assert events[0]["links"]["story"] == f"/stories/{visit['id']}"
    document = client.get(f"/api/documents/{events[0]['document_id']}").json()
    assert document["events"][0]["story_id"] == visit["id"]


def test_story_pages_and_their_json_twins(client) -> None:  # type: ignore[no-untyped-def]
    visit = june_visit(client)
    listing = client.get("/stories")
    assert listing.status_code == 200 and f'href="/stories/{visit["id"]}"' in listing.text
    assert client.get("/stories.json").json()["totals"]["stories"] >= 2
    page = client.get(f"/stories/{visit['id']}")
    assert page.status_code == 200
    assert "4 reports in 4 articles from 4 independent sources" in page.text
    assert "Reports disagree" in page.text and "2020-06-20" in page.text
    assert client.get(f"/stories/{visit['id']}.json").json()["id"] == visit["id"]
    assert 'href="/stories"' in client.get("/").text


def test_unknown_stories_and_bad_parameters_get_the_one_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/stories/ffffffffffff0", "/stories/ffffffffffff0"):
        response = client.get(path, headers={"Accept": "application/json"})
        assert response.status_code == 404
    error = client.get("/api/stories/ffffffffffff0").json()["error"]
    assert (error["status"], error["code"]) == (404, "E220")
    for params in (
        {"min_sources": 0},
        {"since": "2020-13-01"},
        {"cursor": "nonsense"},
        {"type": "VISIT"},
        {"dyad": ["IND"]},
    ):
        response = client.get("/api/stories", params=params)
        assert response.status_code in (400, 422), params
        assert response.json()["error"]["code"] in ("E301", "E313"), params


def test_exports_offer_stories_and_mentions(client) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/stories/export?format=csv").text)))
    assert len(rows) == client.get("/api/stories").json()["totals"]["stories"]
    visit = next(r for r in rows if r["reports"] == "4")
    assert visit["sources"] == "4" and visit["conflicts"] == "time"
    lines = client.get("/api/stories/export", params={"format": "jsonl", "min_sources": 2}).text
    (record,) = [json.loads(line) for line in lines.splitlines()]
    assert len(record["reports"]) == 4 and {r["event_id"] for r in record["reports"]}
    mentions = client.get("/api/events/export", params={"format": "csv", "actor": "IND"}).text
    stories_of = {r["story_id"] for r in csv.DictReader(io.StringIO(mentions))}
    assert record["id"] in stories_of
    plover = client.get("/api/events/export", params={"text": "working visit"}).text
    assert json.loads(plover.splitlines()[0])["story"] == record["id"]


def test_deals_count_reports_by_story(store_url: str) -> None:
    from fastapi.testclient import TestClient

    from webkit import seed

    with open_store(store_url) as store:
        seed(store)
        app = create_app(store, token=None)
        with TestClient(app) as client:
            (deal,) = client.get("/api/deals").json()["items"]
            assert (deal["reports"], deal["articles"]) == (2, 2)
            detail = client.get(f"/api/deals/{deal['id']}").json()
            assert [(r["status"], r["sources"]) for r in detail["reports"]] == [
                ("ordered", 1),
                ("delayed", 1),
            ]
            assert client.get(f"/deals/{deal['id']}").text.count("1 article, 1 source") == 2
