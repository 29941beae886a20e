"""Turn one record of a table-like input (a JSONL object, a CSV row) into a Document.

JSONL and CSV share the field names ``id``, ``date``, ``title``, ``text``, ``url`` and
``source``, and the same ``columns`` mapping from those names to the input's own names
(``{"text": "body", "date": "published"}``), so the mapping and the checks live here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitrep.errors import ConfigError, E, InputError
from sitrep.readers.dates import parse_date
from sitrep.records import Document

__all__ = ["FIELDS", "document_from_fields", "resolve_columns"]

FIELDS = ("id", "date", "title", "text", "url", "source")


def resolve_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Our field name -> the input's field name, for every field; unmapped ones keep theirs.

    Raises ``ConfigError(E.BAD_OPTION)`` for a mapping of a field we do not know, which is
    almost always a mapping written the wrong way round (input name -> ours).
    """
    resolved = {name: name for name in FIELDS}
    for ours, theirs in (columns or {}).items():
        if ours not in resolved:
            raise ConfigError(
                E.BAD_OPTION,
                option="--columns",
                reason=f"unknown field {ours!r}; map one of {', '.join(FIELDS)} "
                "to a column of the input, e.g. text=body",
            )
        if not isinstance(theirs, str) or not theirs:
            raise ConfigError(
                E.BAD_OPTION, option="--columns", reason=f"empty column name for {ours!r}"
            )
        resolved[ours] = theirs
    return resolved


def _scalar(value: Any) -> str | None:
    """A field value as stripped text; None for missing, empty or structured values."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    return value.strip() or None


def document_from_fields(
    record: Mapping[str, Any], *, source: str, date: str | None, columns: Mapping[str, str]
) -> Document | InputError:
    """The Document in ``record`` (a ``resolve_columns`` mapping), or why there is none.

    ``date`` is the fallback for a record without one, already normalised. The input's own
    ``id`` is not used: a Document's id is the hash of its text, so that the same article
    read twice, from any source, is one document.
    """
    text = _scalar(record.get(columns["text"]))
    if text is None:
        return InputError(E.NO_TEXT, source=source, column=columns["text"])
    own_date = _scalar(record.get(columns["date"]))
    if own_date is not None:
        try:
            document_date = parse_date(own_date, source=source)
        except InputError as error:
            return error
    elif date is not None:
        document_date = date
    else:
        return InputError(E.NO_DATE, source=source)
    return Document(
        text=text,
        date=document_date,
        title=_scalar(record.get(columns["title"])),
        url=_scalar(record.get(columns["url"])),
        source=source,
    )
