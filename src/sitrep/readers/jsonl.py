"""JSON Lines: one article object per line, read one line at a time.

Each line is decoded and parsed on its own, so a file of any size streams in constant memory
and one broken line (bad JSON, bad UTF-8, no text, no date) becomes one error naming
``path:LINE`` while the rest of the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from sitrep.errors import E, InputError
from sitrep.readers.fields import document_from_fields
from sitrep.readers.text import decode_utf8
from sitrep.records import Document

__all__ = ["read_jsonl", "read_jsonl_stream"]


def read_jsonl(
    path: Path, *, source: str, date: str | None, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """Documents from a JSONL file; ``columns`` as from ``resolve_columns``.

    ``source`` is how the file is named in records and errors; each line adds ``:LINE``.
    """
    try:
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, source=source, date=date, columns=columns)
    except OSError as error:
        yield InputError(E.UNREADABLE, source=source, reason=error.strerror or str(error))


def read_jsonl_stream(
    stream: Iterable[bytes],
    *,
    source: str,
    date: str | None,
    columns: Mapping[str, str],
    first_line: int = 1,
    offset: int = 0,
) -> Iterator[Document | InputError]:
    """Documents from JSON Lines read from a binary stream (an open file, stdin, a URL).

    ``first_line`` and ``offset`` (bytes) say where the stream starts in its file when it
    is a part of one (a batch partition), so that errors and sources name the right line.
    """
    seen_content = False
    for number, raw in enumerate(stream, start=first_line):
        line_source = f"{source}:{number}"
        line_offset, offset = offset, offset + len(raw)
        try:
            line = decode_utf8(raw, source=line_source, offset=line_offset)
        except InputError as error:
            seen_content = True
            yield error
            continue
        if not line.strip():
            continue
        seen_content = True
        yield _parse_line(line, source=line_source, date=date, columns=columns)
    if not seen_content:
        yield InputError(E.EMPTY, source=source)


def _parse_line(
    line: str, *, source: str, date: str | None, columns: Mapping[str, str]
) -> Document | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(E.BAD_JSON, source=source, reason=f"{error.msg} (column {error.colno})")
    except RecursionError:  # absurdly deep nesting: still one bad line, not a crash
        return InputError(E.BAD_JSON, source=source, reason="nested too deeply")
    if not isinstance(record, dict):
        return InputError(
            E.BAD_JSON, source=source, reason=f"expected an object, got {type(record).__name__}"
        )
    return document_from_fields(record, source=source, date=date, columns=columns)
