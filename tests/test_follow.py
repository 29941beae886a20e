"""`sitrep follow` against a real local HTTP server, and on a watched folder.

The server serves RSS and Atom feeds (with ETags, answering 304 when unchanged), article
pages, a feed that fails with 500, a malformed feed and one too slow to answer; it counts
every request, so the tests see what was fetched, not only what was stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from clirunner import run_cli
from sitrep.store import open_store

pytestmark = [pytest.mark.model, pytest.mark.slow]

STORIES = {
    1: ("India", "Russia", "the S-400 air defence systems"),
    2: ("France", "Greece", "Rafale fighter jets"),
    3: ("Japan", "Australia", "a reciprocal access agreement"),
    4: ("Germany", "Ukraine", "IRIS-T air defence systems"),
    6: ("Turkey", "Qatar", "armoured vehicles"),
    7: ("Brazil", "Sweden", "Gripen fighters"),
}


def page(n: int) -> bytes:
    buyer, seller, what = STORIES[n]
    paragraphs = [
        f"The defence minister of {buyer} met his counterpart from {seller} on Monday to "
        f"discuss the delivery of {what}, officials said.",
        f"Talks between {buyer} and {seller} will continue next month in the capital, "
        f"according to a statement released after the meeting.",
        f"Analysts said the deal for {what} was the largest signed by {buyer} this year "
        "and would strengthen ties between the two countries.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{buyer} and {seller} talk {what}</title></head><body>"
        f"<nav>Home | World | Defence</nav><article><h1>{buyer} and {seller} talk {what}"
        f"</h1>{body}</article><footer>Copyright 2024</footer></body></html>"
    ).encode()


def rss(base: str, items: list[int]) -> bytes:
    entries = "".join(
        f"<item><title>Story {n}</title><link>{base}/articles/{n}.html</link>"
        f"<pubDate>Tue, 0{min(n, 9)} Mar 2021 08:00:00 GMT</pubDate><guid>{n}</guid></item>"
        for n in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Defence wire</title>'
        f"<link>{base}/</link><description>News</description>{entries}</channel></rss>"
    ).encode()


def atom(base: str, items: list[int]) -> bytes:
    entries = "".join(
        f'<entry><title>Story {n}</title><link href="{base}/articles/{n}.html"/>'
        f"<id>urn:story:{n}</id><updated>2021-03-0{n}T09:30:00Z</updated></entry>"
        for n in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Atom wire</title><id>urn:wire</id><updated>2021-03-05T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


class Site:
    """What the server serves (changeable between polls) and what was asked of it."""

    def __init__(self) -> None:
        self.base = ""
        self.feeds: dict[str, bytes] = {}
        self.failing: set[str] = set()
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path
            state.hits[path] += 1
            if path == "/slow.xml":
                time.sleep(3)  # longer than the --timeout the tests give
            if path in state.failing:
                self.send_error(500, "Internal Server Error")
                return
            if path in state.feeds:
                body = state.feeds[path]
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    state.not_modified[path] += 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(body, "application/xml", etag)
            elif path.startswith("/articles/") and int(path[10:-5]) in STORIES:
                self._send(page(int(path[10:-5])), "text/html; charset=utf-8")
            else:
                self.send_error(404, "Not Found")

        def _send(self, body: bytes, kind: str, etag: str | None = None) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError):  # the client gave up (the slow feed)
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def _stored(db: str) -> dict[str, tuple[str, str | None]]:
    with open_store(db) as store:
        return {
            store.document(d.id).url or "": (d.date, d.title) for d in store.documents(limit=None)
        }


def test_feeds_new_repeated_down_malformed_and_slow(
    capsys: pytest.CaptureFixture[str], site: Site, tmp_path: Path
) -> None:
    base = site.base
    site.feeds["/rss.xml"] = rss(base, [1, 2, 5])  # 5: its page is missing (404)
    site.feeds["/atom.xml"] = atom(base, [3])
    site.feeds["/down.xml"] = rss(base, [6])
    site.failing.add("/down.xml")
    site.feeds["/malformed.xml"] = b"<html><body>This is not { a feed"
    site.feeds["/slow.xml"] = rss(base, [4])
    db = str(tmp_path / "follow.db")
    names = ["rss", "atom", "down", "malformed", "slow"]
    feeds = [arg for name in names for arg in ("--feed", f"{base}/{name}.xml")]
    command = ["--db", db, "follow", *feeds, "--once", "--timeout", "1"]
    command += ["--state", str(tmp_path / "state.json")]

    first = run_cli(capsys, *command)
    assert first.status == 1  # some inputs failed; the good ones are stored
    assert "3 ingested, 0 already stored, 4 failed" in first.out
    for code, what in [("E404", "down.xml"), ("E405", "malformed.xml"), ("E404", "slow.xml")]:
        assert any(code in line and what in line for line in first.err.splitlines())
    assert "E406" in first.err and "articles/5.html" in first.err
    stored = _stored(db)
    assert stored[f"{base}/articles/1.html"] == (
        "2021-03-01T08:00:00",
        "India and Russia talk the S-400 air defence systems",
    )
    assert stored[f"{base}/articles/3.html"][0] == "2021-03-03T09:30:00"  # the Atom date
    assert set(stored) == {f"{base}/articles/{n}.html" for n in (1, 2, 3)}

    # The failing feed recovers; the others are unchanged.
    site.failing.discard("/down.xml")
    second = run_cli(capsys, *command)
    assert "1 ingested, 0 already stored, 3 failed" in second.out  # 6 from down.xml
    assert site.not_modified["/atom.xml"] == 1  # unchanged feed: one conditional GET, a 304
    assert site.hits["/rss.xml"] == 2 and site.not_modified["/rss.xml"] == 0  # 5 is retried
    assert site.hits["/articles/5.html"] == 2

    # A new item: only it is fetched; repeated items are known by their link.
    site.feeds["/rss.xml"] = rss(base, [1, 2, 5, 7])
    third = run_cli(capsys, *command)
    assert "1 ingested" in third.out
    assert site.hits["/articles/5.html"] == 3  # third failure: given up from now on
    fourth = run_cli(capsys, *command)
    assert "0 ingested, 0 already stored, 2 failed" in fourth.out  # only malformed and slow
    assert site.hits["/articles/5.html"] == 3
    for n in (1, 2, 3, 6, 7):
        assert site.hits[f"/articles/{n}.html"] == 1, n  # every page fetched exactly once
    assert len(_stored(db)) == 5  # 1, 2, 3, 6, 7 (4 is on the feed too slow to answer)


def test_a_watched_folder_ingests_new_and_changed_files_once_settled(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("date: 2021-03-01\n\nIndia and Russia held talks in Moscow.")
    lines = [
        {"date": "2021-03-02", "text": "France sold Rafale jets to Greece."},
        {"date": "2021-03-03", "text": "Japan and Australia signed an agreement."},
    ]
    (inbox / "b.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    old = time.time() - 600
    for path in inbox.iterdir():
        os.utime(path, (old, old))
    db = str(tmp_path / "folder.db")
    command = ["--db", db, "follow", str(inbox), "--once", "--state", str(tmp_path / "s.json")]

    assert "3 ingested, 0 already stored, 0 failed" in run_cli(capsys, *command).out
    again = run_cli(capsys, *command)
    assert "0 ingested, 0 already stored, 0 failed" in again.out  # unchanged files not reread

    fresh = inbox / "c.txt"  # just written: may still be being written, so it waits
    fresh.write_text("date: 2021-03-04\n\nGermany delivered air defence systems to Ukraine.")
    with (inbox / "b.jsonl").open("a") as stream:  # an appended line
        stream.write(json.dumps({"date": "2021-03-05", "text": "Brazil bought Gripens."}) + "\n")
    os.utime(inbox / "b.jsonl", (old + 1, old + 1))
    grown = run_cli(capsys, *command, "--settle", "60")
    assert "1 ingested, 2 already stored, 0 failed" in grown.out  # the new line of b.jsonl
    settled = run_cli(capsys, *command, "--settle", "0")
    assert "1 ingested, 0 already stored, 0 failed" in settled.out  # c.txt
    with open_store(db) as store:
        assert store.count_documents() == 5
