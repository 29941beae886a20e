"""Alerts: watches (saved queries) whose new matches feed an Atom feed and a webhook.

A watch of kind ``events`` keeps a filter over events ("between IND and RUS", "mentioning
S-400"); one of kind ``deals`` follows the status of the deals a filter keeps ("recipient
IND"). :func:`check_watches` runs after each ingest: it stores an alert per new match, once
(alerts have stable keys), and POSTs each watch's new alerts to its webhook.
"""

from sitrep.alerts.check import check_watches, deal_statuses
from sitrep.alerts.feed import atom_feed
from sitrep.alerts.spec import WATCH_KINDS, event_query, validate_watch

__all__ = [
    "WATCH_KINDS",
    "atom_feed",
    "check_watches",
    "deal_statuses",
    "event_query",
    "validate_watch",
]
