"""Plain-text articles, with an optional header that carries the date and other metadata.

Two header styles are recognised, both at the very top of the text:

1. The one-line style of ``examples/seed-article.txt``: the word ``date``, whitespace, a
   date, whitespace, then the body, which may go on on the same line::

       date 2020-06-23 Union Defence Minister Rajnath Singh on Monday ...

2. A ``key: value`` block ended by a blank line (keys ``date``, ``title``, ``url``,
   ``source``, any case; other keys inside the block are ignored)::

       Date: 2020-06-23
       Title: Rajnath Singh leaves for Moscow

       Union Defence Minister ...

   The block is only taken for a header when its first line is one of the known keys, so an
   article that opens with "Note: ..." stays an article. It also ends at the first line that
   is not ``key: value`` (a forgotten blank line then costs nothing).

Without a header the whole text is the body and the date must come from elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.errors import E, InputError
from sitrep.readers.dates import parse_date
from sitrep.records import Document

__all__ = ["blank_header", "header_length", "read_text"]

_BOM = "\ufeff"

# Style 1. The date token must look like a whole date (8 digits, or three separated numbers)
# so that "Date 2020 was a hard year ..." is not taken for a header; ambiguous forms such as
# 23/06/2020 do match, so that they are reported as malformed instead of read as body text.
_DATE_LINE = re.compile(
    r"\s*date\s+(?P<value>(?:\d{8}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})\S*)(?:\s+|\Z)",
    re.IGNORECASE,
)
# Style 2, one line of the block. Keys are single words, so prose like "The minister said:
# ..." never reads as a field.
_FIELD_LINE = re.compile(r"[ \t]*(?P<key>[A-Za-z][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)\s*")
_HEADER_KEYS = frozenset({"date", "title", "url", "source"})


@dataclass(slots=True)
class _Header:
    length: int  # characters of the raw text taken by the header (BOM included)
    fields: dict[str, str] = field(default_factory=dict)  # known keys, lower case


def _parse_header(raw: str) -> _Header | None:
    start = len(_BOM) if raw.startswith(_BOM) else 0
    one_line = _DATE_LINE.match(raw, start)
    if one_line is not None:
        return _Header(one_line.end(), {"date": one_line["value"]})
    return _parse_field_block(raw, start)


def _parse_field_block(raw: str, start: int) -> _Header | None:
    # Leading blank lines are allowed before the block; they become part of the header.
    position = start + len(raw[start:]) - len(raw[start:].lstrip())
    while position > start and raw[position - 1] not in "\r\n":
        position -= 1  # back to the start of the first non-blank line
    fields: dict[str, str] = {}
    first = True
    for line in raw[position:].splitlines(keepends=True):
        if not line.strip():
            position += len(line)  # the blank line that ends the block
            break
        match = _FIELD_LINE.fullmatch(line)
        if match is None:
            break
        key = match["key"].lower()
        if first and key not in _HEADER_KEYS:
            return None
        first = False
        if key in _HEADER_KEYS:
            fields.setdefault(key, match["value"])
        position += len(line)
    if first:
        return None
    return _Header(position, fields)


def header_length(raw: str) -> int:
    """How many leading characters of ``raw`` form its header (0 when it has none).

    Blanking exactly these characters leaves the body at the offsets it has in ``raw``, so
    extraction results can point into the text the user gave.
    """
    header = _parse_header(raw)
    return header.length if header is not None else 0


def blank_header(raw: str) -> str:
    """``raw`` with its header characters turned to spaces (newlines kept): same offsets."""
    length = header_length(raw)
    return "".join(c if c == "\n" else " " for c in raw[:length]) + raw[length:]


def read_text(
    raw: str, *, source: str, date: str | None = None, keep_offsets: bool = False
) -> Document | InputError:
    """One article from text with an optional header; ``date`` is used when it has none.

    The Document's text is the body without the header, or, with ``keep_offsets``, the
    whole of ``raw`` with the header blanked (:func:`blank_header`), so that offsets into
    it are offsets into ``raw`` (what ``sitrep extract`` reports). Both give the same id.
    Returns (does not raise) ``InputError`` with E.EMPTY, E.BAD_DATE or E.NO_DATE.
    """
    header = _parse_header(raw)
    fields = header.fields if header is not None else {}
    body = raw[header.length if header is not None else 0 :]
    body = body.removeprefix(_BOM).strip()
    if not body:
        return InputError(E.EMPTY, source=source)
    if keep_offsets:
        body = blank_header(raw)
    try:
        if "date" in fields:
            document_date = parse_date(fields["date"], source=source)
        elif date is not None:
            document_date = parse_date(date, source="--date")
        else:
            return InputError(E.NO_DATE, source=source)
    except InputError as error:
        return error
    # A header's "source:" names the publisher, but Document.source records where the text
    # was read from (the contract in records.py), so the location is kept.
    return Document(
        text=body,
        date=document_date,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        source=source,
    )
