"""The web UI in a real headless chromium, over articles ingested by the real pipeline; and
an alert: an ingest that changes a deal's status feeds the watch's Atom feed and webhook."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from liveserver import chromium, serving
from sitrep.cli.commands_ingest import bundled_examples
from sitrep.extractor import Extractor
from sitrep.ingest import ingest
from sitrep.readers import read_paths
from sitrep.store import Store, open_store
from sitrep.web import create_app

pytestmark = pytest.mark.model
DEALS = Path(__file__).parent / "fixtures" / "deal-corpus"
TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def extractor(nlp) -> Extractor:  # type: ignore[no-untyped-def]
    from sitrep.nlp.pipeline import PipelineConfig, build_pipeline

    return Extractor(PipelineConfig(), nlp=build_pipeline(PipelineConfig()))


def ingest_paths(store: Store, extractor: Extractor, paths: list[str]) -> None:
    summary = ingest(read_paths(paths, date=None, columns={}), store, extractor.extract_many, "t")
    assert summary.failed == 0, summary.errors


@pytest.fixture(scope="module")
def site(tmp_path_factory, extractor) -> Iterator[str]:  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'ui.db'}")
    ingest_paths(store, extractor, [*bundled_examples(), str(DEALS)])
    with serving(create_app(store, token=TOKEN)) as url:
        yield url
    store.close()


def arrived(browser, part: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the browser has loaded the page whose URL contains ``part``."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 15).until(
        lambda b: (
            part in b.current_url and b.execute_script("return document.readyState") == "complete"
        )
    )


def test_dyad_filter_event_evidence_and_deal_timeline(site: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    with chromium() as browser:
        # The start page's dyad form leads to the India–Russia page.
        browser.get(site + "/")
        form = browser.find_element(By.ID, "dyad-form")
        form.find_element(By.NAME, "first").send_keys("India")
        form.find_element(By.NAME, "second").send_keys("Russia")
        form.find_element(By.TAG_NAME, "button").click()
        arrived(browser, "/dyads/India/Russia")
        assert browser.find_element(By.ID, "dyad-title").text == "India – Russia"
        bars = browser.find_elements(By.CSS_SELECTOR, "#dyad-chart rect.bar")
        assert bars, "the chart has bars"
        all_events = browser.find_elements(By.CSS_SELECTOR, "li.event")
        types = {e.find_element(By.CLASS_NAME, "type").text for e in all_events}
        assert "CONSULT" in types and len(types) > 1

        # Filter to one type: only those events remain.
        Select(browser.find_element(By.ID, "filter-type")).select_by_visible_text("CONSULT")
        browser.find_element(By.CSS_SELECTOR, "#event-filters button").click()
        arrived(browser, "type=CONSULT")
        filtered = browser.find_elements(By.CSS_SELECTOR, "li.event")
        assert 0 < len(filtered) < len(all_events)
        assert {e.find_element(By.CLASS_NAME, "type").text for e in filtered} == {"CONSULT"}
        sentence = filtered[0].find_element(By.CLASS_NAME, "evidence-sentence").text

        # Open the event: its evidence is highlighted in the article, and its record shown.
        filtered[0].find_element(By.CLASS_NAME, "open-event").click()
        arrived(browser, "?event=")

        def words(text: str) -> str:
            return " ".join(text.split())

        in_sentence = browser.find_elements(By.CSS_SELECTOR, "#text .hl.sentence")
        assert words("".join(h.text for h in in_sentence)) == words(sentence)
        span = words(
            "".join(h.text for h in browser.find_elements(By.CSS_SELECTOR, "#text .hl.evidence"))
        )
        assert span and span in words(sentence)
        panel = browser.find_element(By.ID, "record")
        assert "CONSULT" in panel.text and "evidence" in panel.text
        # Clicking a time expression shows its record instead.
        browser.find_element(By.CSS_SELECTOR, "#text .hl.timex").click()
        assert "Time expression" in panel.text and "value" in panel.text

        # The deal tracker, then one deal's dated timeline with its sentences.
        browser.find_element(By.LINK_TEXT, "Deal tracker").click()
        arrived(browser, "/deals")
        rows = browser.find_elements(By.CSS_SELECTOR, "#deals tbody tr")
        fa50 = next(r for r in rows if "FA-50" in r.text and "KOR → VNM" in r.text)
        fa50.find_element(By.CLASS_NAME, "deal-link").click()
        arrived(browser, "/deals/")
        assert "FA-50" in browser.find_element(By.ID, "deal-title").text
        reports = browser.find_elements(By.CSS_SELECTOR, "#deal-timeline li.report")
        assert len(reports) >= 3
        dates = [r.find_element(By.CLASS_NAME, "date").text for r in reports]
        assert dates == sorted(dates)
        assert all(r.find_elements(By.CLASS_NAME, "evidence-sentence") for r in reports)
        # Nothing on any page was fetched from elsewhere (the CSP would block it anyway).
        for entry in browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
        ):
            assert entry.startswith(site), entry


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[dict]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Hook.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_an_ingest_that_changes_a_deal_alerts_its_watch(tmp_path, extractor) -> None:  # type: ignore[no-untyped-def]
    hook = HTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    _Hook.received.clear()
    store = open_store(f"sqlite:///{tmp_path / 'alerts.db'}")
    try:
        ingest_paths(
            store, extractor, [str(DEALS / "01-talks.txt"), str(DEALS / "02-contract.txt")]
        )
        client = TestClient(create_app(store, token=TOKEN, extractor=lambda: extractor))
        headers = {"Authorization": f"Bearer {TOKEN}"}
        watch = {
            "name": "vietnam-deals",
            "kind": "deals",
            "query": {"recipient": "VNM"},
            "webhook": f"http://127.0.0.1:{hook.server_port}/hook",
        }
        assert client.post("/api/watches", json=watch, headers=headers).status_code == 201
        feed = ET.fromstring(client.get("/watches/vietnam-deals/feed.atom").content)
        assert feed.findall("{http://www.w3.org/2005/Atom}entry") == []

        # The delay report arrives through the API's ingest, as a newsroom feed would send it.
        raw = (DEALS / "03-delay-wire.txt").read_text(encoding="utf-8")
        header, _, text = raw.partition("\n\n")
        article = {"text": text, "date": "2024-09-10", "title": header.splitlines()[1][7:]}
        response = client.post("/api/ingest", json={"articles": [article]}, headers=headers)
        assert response.status_code == 200 and response.json()["ingested"] == 1, response.text

        entries = ET.fromstring(client.get("/watches/vietnam-deals/feed.atom").content).findall(
            "{http://www.w3.org/2005/Atom}entry"
        )
        titles = [e.find("{http://www.w3.org/2005/Atom}title").text for e in entries]
        assert any("FA-50" in t and "delayed" in t for t in titles), titles
        assert len(_Hook.received) == 1
        alerts = _Hook.received[0]["alerts"]
        assert _Hook.received[0]["watch"]["name"] == "vietnam-deals"
        assert any(a["record"]["status"] == "delayed" for a in alerts)
        assert (
            client.get("/api/watches/vietnam-deals").json()["alerts"][0]["webhook_status"] == "204"
        )
        # Ingesting the same article again adds nothing: no new entry, no second POST.
        client.post("/api/ingest", json={"articles": [article]}, headers=headers)
        assert len(_Hook.received) == 1
    finally:
        hook.shutdown()
        store.close()
