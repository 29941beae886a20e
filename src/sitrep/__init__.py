"""sitrep: evidence-backed, time-anchored event data from dated news articles.

The public Python API is small::

    import sitrep

    extraction = sitrep.process("Rajnath Singh left for Moscow on Monday.", date="2020-06-23")
    for timex in extraction.time_expressions:
        print(timex.text, timex.value)

    with sitrep.open_store("sitrep.db") as store:
        print(store.count_documents())
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sitrep.errors import ConfigError, InputError, NotFoundError, SitrepError
from sitrep.records import (
    ActorRef,
    Amount,
    Document,
    Entity,
    Event,
    Evidence,
    Extraction,
    Mention,
    TimeExpression,
    Transfer,
    TransferFact,
)
from sitrep.store import EventQuery, Store, open_store

if TYPE_CHECKING:
    from sitrep.extractor import Extractor

__version__ = "0.1.0"

__all__ = [
    "ActorRef",
    "Amount",
    "ConfigError",
    "Document",
    "Entity",
    "Event",
    "EventQuery",
    "Evidence",
    "Extraction",
    "InputError",
    "Mention",
    "NotFoundError",
    "SitrepError",
    "Store",
    "TimeExpression",
    "Transfer",
    "TransferFact",
    "__version__",
    "open_store",
    "process",
]


@cache
def _extractor(model: str) -> Extractor:
    from sitrep.extractor import Extractor
    from sitrep.nlp.pipeline import PipelineConfig

    return Extractor(PipelineConfig(model=model))


def process(
    text: str,
    *,
    date: str,
    title: str | None = None,
    url: str | None = None,
    model: str = "en_core_web_md",
) -> Extraction:
    """Extract every record from one article text dated ``date`` (YYYY-MM-DD).

    The pipeline is loaded on first use and kept for later calls.
    """
    from sitrep.readers import parse_date

    document = Document(
        text=text, date=parse_date(date, source="process()"), title=title, url=url, source=None
    )
    return _extractor(model).extract(document)
