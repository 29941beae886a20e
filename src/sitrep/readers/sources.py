"""Dispatch over what the user names: files, directories and ``-`` for standard input.

The format comes from the file extension. Problems with a file (missing, unreadable, not
text, not UTF-8, empty, unknown type) are yielded as coded ``InputError``s in the stream of
Documents, in input order, so that a batch of thousands of files reports every bad one and
still reads all the good ones. An unforeseen exception while reading one input (a bug of
ours) becomes an E199 error for that input alone; a Document longer than ``max_chars`` is
refused (E114) before it costs any pipeline time.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from sitrep.errors import E, InputError, unexpected
from sitrep.limits import DEFAULT_MAX_CHARS
from sitrep.readers.csvfile import read_csv_stream
from sitrep.readers.dates import parse_date
from sitrep.readers.decoding import SNIFF_BYTES, check_encoding, decode, detect
from sitrep.readers.fields import resolve_columns
from sitrep.readers.html import read_html
from sitrep.readers.jsonl import read_jsonl_file
from sitrep.readers.text import read_text
from sitrep.records import Document

__all__ = [
    "FORMATS",
    "STDIN",
    "WHOLE_DOCUMENT",
    "ReadResult",
    "count_inputs",
    "missing_paths",
    "read_bytes",
    "read_document",
    "read_paths",
    "read_stdin_text",
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


@dataclass(frozen=True, slots=True)
class _Options:
    date: str | None  # fallback document date, normalised
    columns: Mapping[str, str]
    encoding: str | None  # declared by the user; None: BOM, UTF-16/32 by its zeros, or UTF-8
    max_chars: int | None
    keep_offsets: bool = False  # plain text keeps its header, blanked (`sitrep extract`)


def _options(
    date: str | None,
    columns: Mapping[str, str] | None,
    encoding: str | None,
    max_chars: int | None,
    keep_offsets: bool = False,
) -> _Options:
    """The options, checked at once: mistakes in the command, not in one input."""
    return _Options(
        date=parse_date(date, source="--date") if date is not None else None,
        columns=resolve_columns(columns),
        encoding=check_encoding(encoding),
        max_chars=max_chars,
        keep_offsets=keep_offsets,
    )


def read_paths(
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    columns: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
    encoding: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    keep_offsets: bool = False,
) -> Iterator[ReadResult]:
    """Documents (and errors, in place) from files, directories and ``-`` (standard input).

    ``date`` is the fallback document date for inputs that carry none (``--date``); an
    input's own date wins. ``columns`` maps our field names to a JSONL/CSV input's names.
    ``encoding`` names the inputs' encoding when it is not UTF-8 (a byte-order mark still
    wins). Directories are read recursively in name order; inside them, hidden entries and
    files of unknown type are skipped, while a file of unknown type named explicitly is an
    error, and so is a directory with no file to read. A Document of more than
    ``max_chars`` characters is an error (E114) in its place. ``keep_offsets``: a
    plain-text article keeps its header, blanked, so that offsets index the file as given
    (``sitrep extract``); see :func:`read_text`.

    Raises at once (not while iterating) ``InputError(E.BAD_DATE)`` for a malformed
    ``date`` and ``ConfigError(E.BAD_OPTION)`` for a bad ``columns`` mapping or an unknown
    ``encoding``: these are mistakes in the command, not in one input.
    """
    options = _options(date, columns, encoding, max_chars, keep_offsets)
    return _read_all(paths, options, stdin=stdin)


def read_bytes(
    data: bytes,
    *,
    name: str,
    date: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[ReadResult]:
    """Documents (and errors, in place) from an input held in memory (an upload), read as
    a file called ``name`` would be: its extension picks the reader. Options and errors
    as for :func:`read_paths`.
    """
    options = _options(date, columns, encoding, max_chars)
    kind = FORMATS.get(Path(name).suffix.lower())
    if kind is None:
        suffix = Path(name).suffix or name
        return iter([InputError(E.UNKNOWN_FORMAT, source=name, suffix=suffix)])
    return _checked(_read_stream(io.BytesIO(data), kind, name, options), name, options)


def missing_paths(paths: Iterable[str | Path]) -> list[str]:
    """The named paths that do not exist (``-`` always does): checked before any work."""
    return [str(p) for p in paths if str(p) != STDIN and not os.path.lexists(p)]


def _read_all(
    paths: Iterable[str | Path], options: _Options, *, stdin: TextIO | None
) -> Iterator[ReadResult]:
    for name in paths:
        if str(name) == STDIN:
            stream = stdin if stdin is not None else sys.stdin
            yield from _checked(_read_stdin(stream, options), STDIN, options)
            continue
        path = Path(name)
        if not path.is_dir():
            yield from _checked(_read_file(path, options, explicit=True), str(path), options)
            continue
        found = False
        for item in _walk(path):
            if isinstance(item, InputError):
                yield item
                continue
            found = True
            yield from _checked(_read_file(item, options), str(item), options)
        if not found:
            suffixes = " ".join(sorted(FORMATS))
            yield InputError(E.NOTHING_TO_READ, source=str(path), suffixes=suffixes)


def _checked(results: Iterable[ReadResult], source: str, options: _Options) -> Iterator[ReadResult]:
    """``results`` of one input, each within the size limit, and no exception escaping."""
    try:
        for result in results:
            if (
                isinstance(result, Document)
                and options.max_chars is not None
                and len(result.text) > options.max_chars
            ):
                result = InputError(
                    E.TOO_LONG,
                    source=result.source or source,
                    length=len(result.text),
                    limit=options.max_chars,
                )
            yield result
    except Exception as error:  # last resort: a bug in a reader loses this input only
        yield unexpected(error, source=source, stage="reading")


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
            files = list(_walk(path)) or [path]  # an empty folder: its one error
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


def _read_file(path: Path, options: _Options, *, explicit: bool = False) -> Iterator[ReadResult]:
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
            yield from _read_stream(stream, kind, source, options)
    except OSError as error:
        yield InputError(E.UNREADABLE, source=source, reason=_reason(error))


def _read_stream(
    stream: BinaryIO, kind: str, source: str, options: _Options
) -> Iterator[ReadResult]:
    if kind in WHOLE_DOCUMENT:
        yield read_document(
            stream.read(),
            kind=kind,
            source=source,
            date=options.date,
            keep_offsets=options.keep_offsets,
            encoding=options.encoding,
        )
        return
    try:
        encoding = detect(
            stream.read(SNIFF_BYTES), source=source, declared=options.encoding, lines=True
        )
    except InputError as error:
        yield error
        return
    stream.seek(0)
    if kind == "jsonl":
        yield from read_jsonl_file(
            stream, encoding, source=source, date=options.date, columns=options.columns
        )
    else:
        yield from read_csv_stream(
            stream,
            source=source,
            date=options.date,
            columns=options.columns,
            delimiter="\t" if source.lower().endswith(".tsv") else ",",
            encoding=encoding,
        )


def read_document(
    data: bytes,
    *,
    kind: str,
    source: str,
    date: str | None,
    keep_offsets: bool = False,
    encoding: str | None = None,
) -> ReadResult:
    """One Document from the whole bytes of a text, HTML or TimeML file (from any store).

    ``kind`` is a :data:`FORMATS` value in :data:`WHOLE_DOCUMENT`; ``date`` the normalised
    fallback date; ``encoding`` a checked declared encoding. The same rules as for a local
    file (empty, binary, encodings: ``sitrep.readers.decoding``), and the error in place.
    """
    try:
        found = detect(data[:SNIFF_BYTES], source=source, declared=encoding)
        if kind == "html":
            # A page says its charset in its markup, which trafilatura reads; only what
            # overrides that (a byte-order mark, --encoding, UTF-16/32) is decoded here.
            overridden = found.bom or encoding is not None or found.codec != "utf-8"
            page = decode(data, source=source, declared=encoding) if overridden else data
            return read_html(page, source=source, date=date)
        raw = decode(data, source=source, declared=encoding)
    except InputError as error:
        return error
    if kind == "text":
        return read_text(raw, source=source, date=date, keep_offsets=keep_offsets)
    return _timeml(raw, source)


def _timeml(raw: str, source: str) -> ReadResult:
    # Imported here: the TimeML reader belongs to the evaluation side and most runs never
    # need it. Its gold TIMEX3s are for `sitrep eval`; reading keeps only the Document.
    from sitrep.readers.timeml import parse_timeml

    try:
        document, _gold = parse_timeml(raw, source)
    except InputError as error:
        return error
    return document


def read_stdin_text(stream: TextIO, *, encoding: str | None = None) -> str:
    """All of standard input as text, decoded by the same rules as a file.

    Raises ``InputError`` (E.EMPTY, E.BINARY, E.NOT_UTF8) naming ``-``.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        # Bytes, so that the encoding rules and the positions of bad bytes do not depend on
        # the locale Python was started in.
        return decode(buffer.read(), source=STDIN, declared=check_encoding(encoding))
    try:  # an in-memory text stream (tests, programmatic use)
        raw = stream.read()
    except UnicodeDecodeError as error:
        raise InputError(E.NOT_UTF8, source=STDIN, encoding="UTF-8", position=error.start) from None
    return raw


def _read_stdin(stream: TextIO, options: _Options) -> Iterator[ReadResult]:
    try:
        raw = read_stdin_text(stream, encoding=options.encoding)
    except InputError as error:
        yield error
        return
    yield read_text(raw, source=STDIN, date=options.date, keep_offsets=options.keep_offsets)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
