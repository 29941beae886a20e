"""CSV and TSV tables: a header row naming the fields, then one article per row.

Rows are read with the csv module, so quoted cells may span lines; errors name the physical
line on which the row starts (header = line 1), which is the line a user opens in an editor.
The file is decoded line by line from bytes, so that a stray invalid byte is reported with
its position in the file, and the table streams in constant memory.
"""

from __future__ import annotations

import csv
import sys
from _csv import Reader  # the type csv.reader() returns; csv itself does not export it
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import E, InputError, unexpected
from sitrep.readers.decoding import SNIFF_BYTES, Encoding, detect, text_lines
from sitrep.readers.fields import document_from_fields
from sitrep.records import Document

__all__ = ["read_csv", "read_csv_stream"]

# The csv module's default cell limit (128 KiB) is shorter than some long reports; a cell
# is one article, so the limit only guards against a runaway unterminated quote. 64 MiB is
# far beyond any article and still bounded.
_MAX_CELL = 64 * 1024 * 1024


class _BadBytes(Exception):
    """Undecodable bytes met while the csv module pulls lines; carries the coded error."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


def _decoded_lines(stream: BinaryIO, encoding: Encoding, source: str) -> Iterator[str]:
    for _number, line in text_lines(stream, encoding, source=source):
        if isinstance(line, InputError):
            raise _BadBytes(line)
        yield line


def read_csv(
    path: Path, *, source: str, date: str | None, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """Documents from a ``.csv`` (comma) or ``.tsv`` (tab) file with a header row."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        with path.open("rb") as stream:
            yield from read_csv_stream(
                stream, source=source, date=date, columns=columns, delimiter=delimiter
            )
    except OSError as error:
        yield InputError(E.UNREADABLE, source=source, reason=error.strerror or str(error))


def read_csv_stream(
    stream: BinaryIO,
    *,
    source: str,
    date: str | None,
    columns: Mapping[str, str],
    delimiter: str = ",",
    encoding: Encoding | None = None,
) -> Iterator[Document | InputError]:
    """Documents from a CSV table read from a binary stream at its start (an open file, a
    URL opened with fsspec); ``encoding`` when known, else found from the first bytes.

    ``columns`` as from ``resolve_columns``. A row without text or date is one error naming
    ``path:LINE``; undecodable bytes or broken CSV syntax end the file with one error, since
    the rows after it cannot be delimited reliably.
    """
    if encoding is None:
        try:
            encoding = detect(stream.read(SNIFF_BYTES), source=source, lines=True)
        except InputError as error:
            yield error
            return
        stream.seek(0)
    csv.field_size_limit(max(csv.field_size_limit(), min(_MAX_CELL, sys.maxsize)))
    reader = csv.reader(_decoded_lines(stream, encoding, source), delimiter=delimiter)
    try:
        yield from _rows(reader, source=source, date=date, columns=columns)
    except csv.Error as error:
        yield InputError(E.BAD_CSV, source=source, reason=_explain(error, reader))
    except _BadBytes as bad:
        yield bad.error


def _rows(
    reader: Reader,
    *,
    source: str,
    date: str | None,
    columns: Mapping[str, str],
) -> Iterator[Document | InputError]:
    header = next(reader, None)
    if header is None:
        yield InputError(E.EMPTY, source=source)
        return
    names = [name.strip() for name in header]
    if columns["text"] not in names:
        # Every row would fail the same way; one error for the file says it once.
        yield InputError(E.NO_TEXT, source=f"{source}:1", column=columns["text"])
        return
    rows = 0
    line_num = reader.line_num
    for cells in reader:
        row_start, line_num = line_num + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # a blank line between rows
        rows += 1
        row_source = f"{source}:{row_start}"
        record = dict(zip(names, cells, strict=False))
        try:
            result = document_from_fields(record, source=row_source, date=date, columns=columns)
        except Exception as error:  # last resort: one row, not the file, is lost
            result = unexpected(error, source=row_source, stage="reading")
        yield result
    if rows == 0:
        yield InputError(E.EMPTY, source=source)


def _explain(error: csv.Error, reader: Reader) -> str:
    message = str(error)
    if "new-line character" in message:
        # The csv module's own hint ("universal-newline mode") is about its API, not the
        # file: the cause is a line break inside an unquoted cell.
        message = "a line break inside an unquoted cell; quote cells that span lines"
    return f"line {reader.line_num}: {message}"
