"""A watch's alerts as an Atom 1.0 feed (RFC 4287); ElementTree escapes every text."""

from __future__ import annotations

from datetime import UTC
from xml.etree import ElementTree as ET

from sitrep.store.watches import Alert, Watch

ATOM = "http://www.w3.org/2005/Atom"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom_feed(watch: Watch, alerts: list[Alert], base_url: str) -> bytes:
    """The feed of ``alerts`` (newest first); links are absolute under ``base_url``."""
    ET.register_namespace("", ATOM)
    base = base_url.rstrip("/")
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", f"urn:sitrep:watch:{watch.id}")
    _add(feed, "title", f"sitrep watch: {watch.name}")
    updated = alerts[0].created_at if alerts else watch.created_at
    _add(feed, "updated", updated.astimezone(UTC).isoformat())
    _add(feed, "link", rel="self", href=f"{base}/watches/{watch.id}/feed.atom")
    _add(feed, "link", rel="alternate", href=f"{base}/watches/{watch.id}")
    _add(feed, "generator", "sitrep")
    for alert in alerts:
        entry = _add(feed, "entry")
        _add(entry, "id", f"urn:sitrep:watch:{watch.id}:alert:{alert.id}")
        _add(entry, "title", alert.title)
        _add(entry, "updated", alert.created_at.astimezone(UTC).isoformat())
        if alert.summary:
            _add(entry, "summary", alert.summary)
        if alert.document_id:
            href = f"{base}/documents/{alert.document_id}"
            if alert.record.get("event_row"):
                href += f"?event={alert.record['event_row']}#event-{alert.record['event_row']}"
            _add(entry, "link", rel="alternate", href=href)
        elif alert.key.startswith("deal:"):
            _add(entry, "link", rel="alternate", href=f"{base}/deals/{alert.key.split(':')[1]}")
        author = _add(entry, "author")
        _add(author, "name", "sitrep")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
