"""RSS and Atom feeds: poll with a conditional GET, fetch new items' pages, read them.

Each poll sends the validators of the last answer (``If-None-Match`` with the ETag,
``If-Modified-Since`` with Last-Modified), so an unchanged feed costs one ``304 Not
Modified``. Items are identified by their link: a link already stored as a document's URL is
never fetched again. Pages are read with the HTML reader (trafilatura); the item's published
date, when the feed gives one, is the document date (the publisher states it explicitly
there, while a page may carry several dates). A feed that is down, slow or malformed, or a
page that cannot be fetched, is one coded error in the stream and the rest goes on; a page
that fails ``PAGE_RETRIES`` polls in a row is given up.
"""

from __future__ import annotations

import calendar
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import feedparser

from sitrep import __version__
from sitrep.errors import E, InputError
from sitrep.follow.state import FeedState
from sitrep.readers.sources import ReadResult, read_document
from sitrep.records import Document
from sitrep.store import Store

USER_AGENT = f"sitrep/{__version__} (feed reader; +https://github.com/openeventdata/PLOVER)"
MAX_BYTES = 20 * 2**20  # a feed or page larger than this is not news: refuse it
PAGE_RETRIES = 3


@dataclass(slots=True)
class Response:
    status: int  # 200, or 304 when the feed is unchanged
    body: bytes
    etag: str | None
    modified: str | None


class FetchError(Exception):
    """A URL that could not be fetched (network, HTTP status, timeout, too large)."""


def fetch(
    url: str, *, timeout: float, etag: str | None = None, modified: str | None = None
) -> Response:
    """GET ``url`` within ``timeout`` seconds in all (a slow trickle of bytes too)."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            chunks: list[bytes] = []
            size = 0
            while chunk := answer.read(65536):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(f"larger than {MAX_BYTES >> 20} MiB")
                if time.monotonic() > deadline:
                    raise FetchError(f"no complete answer within {timeout:g} s")
                chunks.append(chunk)
            return Response(
                answer.status,
                b"".join(chunks),
                answer.headers.get("ETag"),
                answer.headers.get("Last-Modified"),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Response(304, b"", etag, modified)
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(str(error.reason)) from None
    except (TimeoutError, OSError) as error:
        raise FetchError(str(error) or type(error).__name__) from None


def poll_feed(url: str, state: FeedState, store: Store, *, timeout: float) -> Iterator[ReadResult]:
    """The new items of one feed as Documents (errors in place); updates ``state``."""
    try:
        response = fetch(url, timeout=timeout, etag=state.etag, modified=state.modified)
    except FetchError as error:
        yield InputError(E.FEED_UNREACHABLE, url=url, reason=str(error))
        return
    if response.status == 304:
        return
    parsed = feedparser.parse(response.body)
    entries = [e for e in parsed.entries if _link(e)]
    if parsed.bozo and not entries:  # feedparser is lenient: only a feed with no item fails
        reason = str(getattr(parsed, "bozo_exception", "")) or "no items"
        yield InputError(E.FEED_MALFORMED, url=url, reason=reason)
        return
    known = store.known_urls(_link(e) for e in entries)
    retry = False
    for entry in entries:
        link = _link(entry)
        if link in known or state.failures.get(link, 0) >= PAGE_RETRIES:
            continue
        result = _read_page(entry, link, timeout)
        if isinstance(result, InputError):
            state.failures[link] = state.failures.get(link, 0) + 1
            retry = retry or state.failures[link] < PAGE_RETRIES
        else:
            state.failures.pop(link, None)
        yield result
    # Validators last, so a poll that dies before its items are stored refetches them; and
    # not while a page is to be retried, since a 304 would hide its item from the next poll.
    if not retry:
        state.etag, state.modified = response.etag, response.modified


def _link(entry: Any) -> str:
    link = str(entry.get("link") or "").strip()
    return link if link.startswith(("http://", "https://")) else ""


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    moment = time.gmtime(calendar.timegm(parsed))  # feedparser gives UTC struct_time
    return time.strftime("%Y-%m-%dT%H:%M:%S", moment)


def _read_page(entry: Any, link: str, timeout: float) -> ReadResult:
    try:
        page = fetch(link, timeout=timeout)
    except FetchError as error:
        return InputError(E.PAGE_UNREACHABLE, url=link, reason=str(error))
    date = _entry_date(entry)
    document = read_document(page.body, kind="html", source=link, date=date)
    if not isinstance(document, Document):
        return document
    if date is not None:
        document.date = date
    document.url = link  # the item's link: what a later poll recognises the item by
    document.title = document.title or (str(entry.get("title") or "").strip() or None)
    return document
