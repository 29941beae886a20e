"""The JSON API and the pages' .json twins, in-process, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from webapp import auth, client_for
from webkit import HOSTILE_TITLE


@pytest.fixture
def client(tmp_path):  # type: ignore[no-untyped-def]
    with client_for(f"sqlite:///{tmp_path / 'web.db'}") as c:
        yield c


def assert_error(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"].startswith(f"[{code}] ")
    return body


def test_documents_search_pages_and_detail(client) -> None:  # type: ignore[no-untyped-def]
    listing = client.get("/api/documents", params={"per_page": 2}).json()
    assert [d["date"] for d in listing["items"]] == ["2020-03-05", "2020-03-02"]
    assert listing["next"].endswith("page=2") and listing["next_page"] == 2
    second = client.get(listing["next"]).json()
    assert [d["date"] for d in second["items"]] == ["2020-02-11", "2020-01-20"]
    assert second["next"] is None
    found = client.get("/api/documents", params={"q": "spare parts"}).json()["items"]
    assert [d["title"] for d in found] == ["Singh in Moscow"]
    doc_id = found[0]["id"]
    detail = client.get(f"/api/documents/{doc_id[:10]}").json()
    assert detail["document"]["id"] == doc_id
    assert [e["event_type"] for e in detail["events"]] == ["CONSULT", "AGREE"]
    evidence = detail["events"][0]["evidence"]
    text = detail["document"]["text"]
    assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert detail["events"][0]["links"]["page"].startswith(f"/documents/{doc_id}?event=")
    assert_error(client.get("/api/documents/ffffffff"), 404, "E204")


def test_events_filters_and_cursor_pagination(client) -> None:  # type: ignore[no-untyped-def]
    everything = client.get("/api/events").json()["items"]
    assert len(everything) == 6
    seen, url = [], "/api/events?limit=4"
    while url:
        page = client.get(url).json()
        seen += page["items"]
        url = page["next"]
    assert [e["id"] for e in seen] == [e["id"] for e in everything]
    first = everything[0]
    assert (
        first["document_id"]
        and first["links"]["document"] == f"/api/documents/{first['document_id']}"
    )
    assert {"start", "end", "sentence", "sentence_start", "trigger"} <= set(first["evidence"])

    def kinds(**params: object) -> list[str]:
        response = client.get("/api/events", params=params)
        assert response.status_code == 200, response.text
        return [e["event_type"] for e in response.json()["items"]]

    assert kinds(dyad=["IND", "RUS"], type="CONSULT") == ["CONSULT", "CONSULT", "CONSULT"]
    assert kinds(actor="Singh") == ["CONSULT"]
    assert kinds(recipient="IND", modality="planned") == ["CONSULT"]
    assert kinds(country="CHN") == ["ACCUSE"]
    assert kinds(quad=["3"]) == ["REQUEST", "ACCUSE"]
    assert kinds(mode="visit") == ["CONSULT"]
    assert kinds(since="2020-02", until="2020-02") == ["REQUEST", "ACCUSE"]
    assert kinds(text="S-400") == ["REQUEST"]
    assert kinds(source="2020-01-20") == ["CONSULT", "AGREE"]
    assert kinds(location="Moscow") == ["CONSULT"]
    assert kinds(type="", quad="", modality="") == kinds()  # a form's "any"
    assert_error(client.get("/api/events", params={"cursor": "bm9wZQ"}), 400, "E313")
    assert_error(client.get("/api/events", params={"limit": 0}), 422, "E301")
    assert_error(client.get("/api/events", params={"type": "HUG"}), 422, "E301")
    assert_error(client.get("/api/events", params={"since": "15/06/2020"}), 422, "E301")
    assert_error(client.get("/api/events", params={"dyad": "IND"}), 422, "E301")


def test_exports_stream_every_event(client) -> None:  # type: ignore[no-untyped-def]
    jsonl = client.get("/api/events/export", params={"country": "IND"})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    rows = [line for line in jsonl.text.splitlines() if line]
    assert len(rows) == 6 and '"event": "CONSULT"' in rows[0]
    csv = client.get("/api/events/export", params={"format": "csv", "type": "ACCUSE"}).text
    lines = csv.strip().splitlines()
    assert lines[0].startswith("event_id,document_id,date,event_type") and len(lines) == 2


def test_aggregates_dyad_and_map(client) -> None:  # type: ignore[no-untyped-def]
    counts = client.get("/api/aggregates/counts", params={"dyad": ["IND", "RUS"]}).json()
    assert [(c["period"], c["total"]) for c in counts["items"]] == [
        ("2020-01", 2),
        ("2020-02", 1),
        ("2020-03", 2),
    ]
    by_type = client.get("/api/aggregates/counts", params={"by": "type", "period": "year"}).json()
    assert by_type["items"][0]["by"]["CONSULT"] == 3
    index = client.get("/api/aggregates/index", params={"country": "IND"}).json()
    assert index["modalities"] == ["asserted", "historical"]
    assert [i["period"] for i in index["items"]] == ["2020-01", "2020-02", "2020-03"]
    dyad = client.get("/api/dyads/India/Russia", params={"period": "week", "limit": 2}).json()
    assert dyad["dyad"] == ["India", "Russia"] and dyad["period"] == "week"
    assert len(dyad["events"]["items"]) == 2 and dyad["events"]["next"]
    assert sum(c["total"] for c in dyad["counts"]) == 5
    places = client.get("/api/map").json()
    moscow = next(p for p in places["points"] if p["location"] == "Moscow")
    assert moscow["country"] == "RUS" and 55 < moscow["lat"] < 56
    assert_error(client.get("/api/aggregates/counts", params={"period": "decade"}), 422, "E301")


def test_entities_and_deals(client) -> None:  # type: ignore[no-untyped-def]
    people = client.get("/api/entities", params={"kind": "person"}).json()["items"]
    assert [p["id"] for p in people] == ["person:rajnath-singh"]
    singh = client.get("/api/entities/person:rajnath-singh").json()
    assert singh["mentions"] == 1 and singh["first_seen"] == "2020-01-20"
    assert [e["event_type"] for e in singh["events_as_actor"]] == ["CONSULT"]
    assert any(r["title"] == "Defence Minister" and r["of"] == "IND" for r in singh["roles"])
    india = client.get("/api/entities/country:IND").json()
    assert [e["event_type"] for e in india["events_as_recipient"]] == ["ACCUSE", "CONSULT"]
    assert_error(client.get("/api/entities/person:nobody"), 404, "E312")
    deals = client.get("/api/deals", params={"recipient": "IND"}).json()["items"]
    assert len(deals) == 1
    deal = deals[0]
    assert (deal["system"], deal["status"], deal["status_date"]) == (
        "S-400",
        "delayed",
        "2020-03-02",
    )
    assert (deal["first_due"], deal["due"], deal["slip_days"]) == ("2021-12", "2022", 365)
    assert deal["delayed"] is True and deal["value_usd"] == 5.2e9 and deal["sipri"] is None
    detail = client.get(f"/api/deals/{deal['id'][:6]}").json()
    assert [f["status"] for f in detail["timeline"]] == ["ordered", "delayed"]
    assert "pandemic" in detail["timeline"][1]["sentence"]
    assert client.get("/api/deals", params={"status": "delivered"}).json()["items"] == []
    assert_error(client.get("/api/deals/000000"), 404, "E209")


def test_watches_need_the_token_and_have_a_feed(client) -> None:  # type: ignore[no-untyped-def]
    body = {"name": "s400", "kind": "events", "query": {"text": "S-400"}}
    assert_error(client.post("/api/watches", json=body), 401, "E304")
    assert_error(client.post("/api/watches", json=body, headers=auth("wrong")), 403, "E305")
    created = client.post("/api/watches", json=body, headers=auth())
    assert created.status_code == 201, created.text
    watch = created.json()
    assert watch["query"] == {"text": "S-400"} and watch["links"]["feed"].endswith("feed.atom")
    assert_error(client.post("/api/watches", json=body, headers=auth()), 409, "E311")
    bad = {"name": "x", "query": {"planet": "Mars"}}
    assert_error(client.post("/api/watches", json=bad, headers=auth()), 400, "E310")
    assert [w["name"] for w in client.get("/api/watches").json()["items"]] == ["s400"]
    assert client.get(f"/api/watches/{watch['id']}").json()["alerts"] == []
    feed = client.get("/watches/s400/feed.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.find("{http://www.w3.org/2005/Atom}title").text == "sitrep watch: s400"
    assert_error(client.delete("/api/watches/s400"), 401, "E304")
    assert client.delete("/api/watches/s400", headers=auth()).status_code == 200
    assert_error(client.get("/api/watches/s400"), 404, "E309")


def test_writes_are_refused_when_the_server_has_no_token(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with client_for(f"sqlite:///{tmp_path / 'w.db'}", token=None) as client:
        body = {"name": "w", "query": {"text": "x"}}
        assert_error(client.post("/api/watches", json=body, headers=auth()), 403, "E306")
        article = {"articles": [{"text": "x", "date": "2020-01-01"}]}
        assert_error(client.post("/api/ingest", json=article, headers=auth()), 403, "E306")


def test_every_page_has_a_json_twin(client) -> None:  # type: ignore[no-untyped-def]
    doc = client.get("/api/documents", params={"q": "spare"}).json()["items"][0]["id"]
    deal = client.get("/api/deals").json()["items"][0]["id"]
    client.post("/api/watches", json={"name": "w", "query": {"text": "x"}}, headers=auth())
    pages = [
        "/",
        "/documents",
        "/search?q=S-400",
        f"/documents/{doc}",
        "/events?country=IND",
        "/dyads/IND/RUS",
        "/entities",
        "/entities/person:rajnath-singh",
        "/deals",
        f"/deals/{deal}",
        "/map",
        "/watches",
        "/watches/w",
        "/api",
    ]
    for page in pages:
        html = client.get(page)
        assert html.status_code == 200, page
        assert html.headers["content-type"].startswith("text/html")
        path, _, query = page.partition("?")
        twin = ("/index" if path == "/" else path) + ".json" + (f"?{query}" if query else "")
        assert f'href="{twin.replace("&", "&amp;")}"' in html.text, page  # linked from the page
        data = client.get(twin)
        assert data.status_code == 200, twin
        assert data.headers["content-type"] == "application/json", twin
        assert isinstance(data.json(), dict)
    dyad = client.get("/dyads/IND/RUS.json").json()
    assert dyad["dyad"] == ["IND", "RUS"]  # ".json" is not read as part of the actor


def test_unknown_routes_and_methods_have_the_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    assert_error(client.get("/api/nothing"), 404, "E307")
    assert_error(client.put("/api/events"), 405, "E308")
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "E307" in page.text
    assert page.headers["content-type"].startswith("text/html")


def test_openapi_schema_lists_every_endpoint(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in [
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/events",
        "/api/events/export",
        "/api/aggregates/counts",
        "/api/aggregates/index",
        "/api/dyads/{first}/{second}",
        "/api/map",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/deals",
        "/api/deals/{deal_id}",
        "/api/watches",
        "/api/watches/{ref}",
        "/api/watches/{ref}/feed.atom",
        "/api/ingest",
    ]:
        assert path in paths, path
    assert client.get("/docs").status_code == 404  # no Swagger UI: it would load a CDN


def test_titles_are_escaped_in_listings(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/documents").text
    assert HOSTILE_TITLE not in html
    assert "&lt;script&gt;alert(" in html


def test_deals_show_the_sipri_rows_that_record_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    register = Path(__file__).parent / "fixtures" / "sipri" / "invented-register.csv"
    with client_for(f"sqlite:///{tmp_path / 'web.db'}", sipri=register) as client:
        deal = client.get("/api/deals", params={"recipient": "IND"}).json()["items"][0]
        assert deal["sipri"]["register"] == "invented-register.csv"
        assert [(r["designation"], r["order_year"]) for r in deal["sipri"]["rows"]] == [
            ("S-400 Triumf", 2018)
        ]
        detail = client.get(f"/api/deals/{deal['id']}").json()
        assert detail["sipri"]["rows"][0]["supplier"] == "Russia"
        page = client.get(f"/deals/{deal['id']}").text
        assert "S-400 Triumf (SAM system), ordered 2018" in page
        assert "S-400 Triumf (2018)" in client.get("/deals").text
