"""Dispatch over what the user names: files, directories and ``-`` for standard input.

The format comes from the file extension. Problems with a file (missing, unreadable, not
text, not UTF-8, empty, unknown type) are yielded as coded ``InputError``s in the stream of
Documents, in input order, so that a batch of thousands of files reports every bad one and
still reads all the good ones.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TextIO

from sitrep.errors import E, InputError
from sitrep.readers.csvfile import read_csv
from sitrep.readers.dates import parse_date
from sitrep.readers.fields import resolve_columns
from sitrep.readers.html import read_html
from sitrep.readers.jsonl import read_jsonl
from sitrep.readers.text import decode_utf8, read_text
from sitrep.records import Document

__all__ = [
    "FORMATS",
    "STDIN",
    "WHOLE_DOCUMENT",
    "ReadResult",
    "count_inputs",
    "read_document",
    "read_paths",
]

ReadResult = Document | InputError

STDIN = "-"

# File extension (lower case) -> format.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".tml": "timeml",
}

# Formats with one document per file, read whole (JSONL and CSV stream line by line).
WHOLE_DOCUMENT = frozenset({"text", "html", "timeml"})

# How much of a file is inspected for NUL bytes: the same 8 KiB window git uses to call a
# file binary. Text in any 8-bit encoding or UTF-8 has no NUL; binaries almost always do.
_SNIFF_BYTES = 8192
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_paths(
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    columns: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
    keep_offsets: bool = False,
) -> Iterator[ReadResult]:
    """Documents (and errors, in place) from files, directories and ``-`` (standard input).

    ``date`` is the fallback document date for inputs that carry none (``--date``); an
    input's own date wins. ``columns`` maps our field names to a JSONL/CSV input's names.
    Directories are read recursively in name order; inside them, hidden entries and files
    of unknown type are skipped, while a file of unknown type named explicitly is an error.

    ``keep_offsets``: a plain-text article keeps its header, blanked, so that offsets
    index the file as given (``sitrep extract``); see :func:`read_text`.

    Raises at once (not while iterating) ``InputError(E.BAD_DATE)`` for a malformed
    ``date`` and ``ConfigError(E.BAD_OPTION)`` for a bad ``columns`` mapping: these are
    mistakes in the command, not in one input.
    """
    fallback = parse_date(date, source="--date") if date is not None else None
    resolved = resolve_columns(columns)
    return _read_all(paths, date=fallback, columns=resolved, stdin=stdin, keep_offsets=keep_offsets)


def _read_all(
    paths: Iterable[str | Path],
    *,
    date: str | None,
    columns: Mapping[str, str],
    stdin: TextIO | None,
    keep_offsets: bool,
) -> Iterator[ReadResult]:
    for name in paths:
        if str(name) == STDIN:
            stream = stdin if stdin is not None else sys.stdin
            yield _read_stdin(stream, date=date, keep_offsets=keep_offsets)
            continue
        path = Path(name)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from _read_file(
                        found, date=date, columns=columns, keep_offsets=keep_offsets
                    )
        else:
            yield from _read_file(
                path, date=date, columns=columns, explicit=True, keep_offsets=keep_offsets
            )


def count_inputs(paths: Iterable[str | Path]) -> int:
    """About how many inputs :func:`read_paths` will yield, for a progress bar's total.

    One per file; for JSONL and CSV, one per non-blank line (a multi-line CSV cell makes
    this an over-estimate). Cheap: it reads no article text, only counts line breaks.
    """
    total = 0
    for name in paths:
        path = Path(name)
        if str(name) == STDIN or not path.is_dir():
            files: Iterable[Path | InputError] = [path]
        else:
            files = _walk(path)
        for found in files:
            if isinstance(found, Path) and FORMATS.get(found.suffix.lower()) in {"jsonl", "csv"}:
                total += _count_lines(found)
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines of a JSONL or CSV file, less a CSV's header line."""
    header_lines = 0 if FORMATS[path.suffix.lower()] == "jsonl" else 1
    try:
        with path.open("rb") as stream:
            lines = sum(1 for line in stream if line.strip())
    except OSError:
        return 1  # reading it will report the error: one input
    return max(lines - header_lines, 1)


def _walk(directory: Path) -> Iterator[Path | InputError]:
    """Files of known type under ``directory``, recursively, in name order.

    Symbolic links to directories are not followed, so a link cycle cannot loop forever.
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield InputError(E.UNREADABLE, source=str(directory), reason=_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError as error:
            yield InputError(E.UNREADABLE, source=str(path), reason=_reason(error))
            continue
        if is_dir:
            yield from _walk(path)
        elif path.suffix.lower() in FORMATS:
            yield path


def _read_file(
    path: Path,
    *,
    date: str | None,
    columns: Mapping[str, str],
    explicit: bool = False,
    keep_offsets: bool = False,
) -> Iterator[ReadResult]:
    source = str(path)
    if not path.exists():
        yield InputError(E.NOT_FOUND, source=source)
        return
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        if explicit:
            yield InputError(E.UNKNOWN_FORMAT, source=source, suffix=path.suffix or path.name)
        return
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
            # Whole-document formats are read at once; JSONL and CSV stream later.
            data = head + stream.read() if kind in WHOLE_DOCUMENT else head
    except OSError as error:
        yield InputError(E.UNREADABLE, source=source, reason=_reason(error))
        return
    problem = _sniff(head, source=source)
    if problem is not None:
        yield problem
        return
    if kind == "jsonl":
        yield from read_jsonl(path, source=source, date=date, columns=columns)
    elif kind == "csv":
        yield from read_csv(path, source=source, date=date, columns=columns)
    else:
        yield read_document(data, kind=kind, source=source, date=date, keep_offsets=keep_offsets)


def read_document(
    data: bytes, *, kind: str, source: str, date: str | None, keep_offsets: bool = False
) -> ReadResult:
    """One Document from the whole bytes of a text, HTML or TimeML file (from any store).

    ``kind`` is a :data:`FORMATS` value in :data:`WHOLE_DOCUMENT`; ``date`` the normalised
    fallback date. The same checks as for a local file: empty, binary, UTF-16, not UTF-8.
    """
    problem = _sniff(data[:_SNIFF_BYTES], source=source)
    if problem is not None:
        return problem
    if kind == "html":
        return read_html(data, source=source, date=date)
    try:
        raw = decode_utf8(data, source=source)
    except InputError as error:
        return error
    if kind == "text":
        return read_text(raw, source=source, date=date, keep_offsets=keep_offsets)
    return _timeml(raw, source)


def _sniff(head: bytes, *, source: str) -> InputError | None:
    """Why the first bytes of an input show it cannot be an article, or None."""
    if not head:
        return InputError(E.EMPTY, source=source)
    if head.startswith(_UTF16_BOMS):  # UTF-16 text is full of NULs but is not a binary
        return InputError(E.NOT_UTF8, source=source, position=0)
    if b"\0" in head:
        return InputError(E.BINARY, source=source)
    return None


def _timeml(raw: str, source: str) -> ReadResult:
    # Imported here: the TimeML reader belongs to the evaluation side and most runs never
    # need it. Its gold TIMEX3s are for `sitrep eval`; reading keeps only the Document.
    from sitrep.readers.timeml import parse_timeml

    try:
        document, _gold = parse_timeml(raw, source)
    except InputError as error:
        return error
    return document


def _read_stdin(stream: TextIO, *, date: str | None, keep_offsets: bool = False) -> ReadResult:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        # Bytes, so that invalid UTF-8 is reported with its position whatever the locale.
        data: bytes = buffer.read()
        problem = _sniff(data[:_SNIFF_BYTES], source=STDIN)
        if problem is not None:
            return problem
        try:
            raw = decode_utf8(data, source=STDIN)
        except InputError as error:
            return error
    else:  # an in-memory text stream (tests, programmatic use)
        try:
            raw = stream.read()
        except UnicodeDecodeError as error:
            return InputError(E.NOT_UTF8, source=STDIN, position=error.start)
    return read_text(raw, source=STDIN, date=date, keep_offsets=keep_offsets)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
