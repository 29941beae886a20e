"""The Doc extension attributes through which our pipeline stages talk to each other.

Each stage reads what earlier stages wrote and writes its own records (plain dataclasses
from :mod:`sitrep.records`). ``doc._.dct`` is the document creation date, set before the
pipeline runs (see :func:`sitrep.nlp.pipeline.make_docs`).
"""

from __future__ import annotations

from spacy.tokens import Doc

# name -> default; list-valued attributes get a fresh list per Doc through a getter-free
# default of None, filled by the stage that owns them (see ``records_of``).
DOC_ATTRIBUTES: tuple[str, ...] = (
    "dct",  # str, ISO date of the document (YYYY-MM-DD)
    "document_id",  # str, id of the Document the Doc was made from
    "time_expressions",  # list[TimeExpression], written by sitrep_timex_v1
    "entities",  # list[Entity], written by sitrep_mentions_v1 / sitrep_actors_v1
    "mentions",  # list[Mention], written by sitrep_mentions_v1 / sitrep_actors_v1
    "events",  # list[Event], written by sitrep_events_v1
    "transfers",  # list[Transfer], written by sitrep_transfers_v1
)


def register_extensions() -> None:
    """Declare the attributes once per process; calling it again is harmless."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
