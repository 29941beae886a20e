"""JSON Lines: one article object per line, read one line at a time.

Each line is decoded and parsed on its own, so a file of any size streams in constant memory
and one broken line (bad JSON, bad bytes, no text, no date, even a bug of ours) becomes one
error naming ``path:LINE`` while the rest of the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import E, InputError, unexpected
from sitrep.readers.decoding import SNIFF_BYTES, Encoding, detect, split_lines, text_lines
from sitrep.readers.fields import document_from_fields
from sitrep.records import Document

__all__ = ["read_jsonl", "read_jsonl_file", "read_jsonl_stream"]


def read_jsonl(
    path: Path, *, source: str, date: str | None, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """Documents from a JSONL file; ``columns`` as from ``resolve_columns``.

    ``source`` is how the file is named in records and errors; each line adds ``:LINE``.
    The encoding is found as for any input (``sitrep.readers.decoding``).
    """
    try:
        with path.open("rb") as stream:
            try:
                encoding = detect(stream.read(SNIFF_BYTES), source=source, lines=True)
            except InputError as error:
                yield error
                return
            stream.seek(0)
            yield from read_jsonl_file(stream, encoding, source=source, date=date, columns=columns)
    except OSError as error:
        yield InputError(E.UNREADABLE, source=source, reason=error.strerror or str(error))


def read_jsonl_file(
    stream: BinaryIO,
    encoding: Encoding,
    *,
    source: str,
    date: str | None,
    columns: Mapping[str, str],
) -> Iterator[Document | InputError]:
    """Documents from an open JSONL file (at its start) in ``encoding``."""
    yield from _records(
        text_lines(stream, encoding, source=source), source=source, date=date, columns=columns
    )


def read_jsonl_stream(
    stream: Iterable[bytes],
    *,
    source: str,
    date: str | None,
    columns: Mapping[str, str],
    first_line: int = 1,
    offset: int = 0,
) -> Iterator[Document | InputError]:
    """Documents from UTF-8 JSON Lines read from a binary stream (stdin, a part of a file).

    ``first_line`` and ``offset`` (bytes) say where the stream starts in its file when it
    is a part of one (a batch partition), so that errors and sources name the right line.
    """
    lines = split_lines(stream, source=source, first_line=first_line, offset=offset)
    yield from _records(lines, source=source, date=date, columns=columns)


def _records(
    lines: Iterable[tuple[int, str | InputError]],
    *,
    source: str,
    date: str | None,
    columns: Mapping[str, str],
) -> Iterator[Document | InputError]:
    seen_content = False
    for number, line in lines:
        line_source = f"{source}:{number}"
        if isinstance(line, InputError):
            seen_content = True
            yield line
            continue
        if not line.strip():
            continue
        seen_content = True
        try:
            result = _parse_line(line, source=line_source, date=date, columns=columns)
        except Exception as error:  # last resort: one line, not the file, is lost
            result = unexpected(error, source=line_source, stage="reading")
        yield result
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
