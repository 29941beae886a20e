"""Arms transfers: who supplies which system to whom, for how much, due when, and its status.

:class:`TransferStage` (spaCy factory ``sitrep_transfers_v1``) writes ``doc._.transfers``;
:func:`link_deals` joins the transfers of many articles into deals with a dated timeline;
:func:`load_rates` and :func:`with_usd` convert values to US dollars at the year's rate.
"""

from sitrep.transfers.cues import KINDS, STATUSES, CueLexicon, load_cues
from sitrep.transfers.linking import (
    Contradiction,
    Deal,
    DealFact,
    ReportedValue,
    deal_id,
    link_deals,
)
from sitrep.transfers.rates import Rate, RateTable, load_rates, parse_rates, with_usd
from sitrep.transfers.stage import TransferStage, find_transfers

__all__ = [
    "KINDS",
    "STATUSES",
    "Contradiction",
    "CueLexicon",
    "Deal",
    "DealFact",
    "Rate",
    "RateTable",
    "ReportedValue",
    "TransferStage",
    "deal_id",
    "find_transfers",
    "link_deals",
    "load_cues",
    "load_rates",
    "parse_rates",
    "with_usd",
]
