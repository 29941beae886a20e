"""``sitrep extract``: records without a database, for one text or a stream of many.

One text prints one ``sitrep.extraction/1`` object (``--format json``) or a table. Many
documents (files, folders, JSONL/CSV tables, JSONL on standard input) print one object per
line as they are done (``--format jsonl``), with the model loaded once: the Unix-pipe way to
use sitrep. Both go through the same readers and the same extractor, so a document gives the
same records either way (a test checks it), and offsets always index the text as given: a
plain-text header stays in place, blanked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from sitrep.cli.commands_ingest import (
    DateOption,
    EncodingOption,
    GazetteerOption,
    MaxCharsOption,
    ModelOption,
    StagesOption,
    TimeoutOption,
    parse_columns,
    pipeline,
    print_details,
)
from sitrep.cli.output import err_console, json_text, terminal_safe
from sitrep.errors import E, InputError, SitrepError
from sitrep.ingest import extract_stream
from sitrep.limits import Limits
from sitrep.nlp.pipeline import DEFAULT_MODEL
from sitrep.readers import FORMATS, ReadResult, check_encoding, decode, read_paths, read_text
from sitrep.readers.jsonl import read_jsonl_stream
from sitrep.records import Document, Extraction


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class StdinFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


def extract_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Text files, or with --format jsonl also folders and .jsonl/.csv/.html/.tml "
            "files; - (the default) for standard input.",
            show_default=False,
        ),
    ] = None,
    date: DateOption = None,
    fmt: Annotated[
        ExtractFormat,
        typer.Option(
            "--format",
            help="json (one text, indented), jsonl (one object per document and line, as "
            "they are done), or table.",
        ),
    ] = ExtractFormat.json,
    stdin_format: Annotated[
        StdinFormat | None,
        typer.Option(
            "--stdin",
            help="What standard input holds: one text, or JSONL (one article object per "
            "line). Default: jsonl with --format jsonl, else text.",
        ),
    ] = None,
    column: Annotated[
        list[str],
        typer.Option(help="Map a field to your JSONL key / CSV column, e.g. --column text=body."),
    ] = [],  # noqa: B006 - Typer reads the default, it is never mutated
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes (worth it for long streams only)."
        ),
    ] = 1,
    encoding: EncodingOption = None,
    max_chars: MaxCharsOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Process texts without a database and print every record they yield.

    Offsets index exactly the text given: a 'date YYYY-MM-DD' or 'key: value' header is
    read for the date and kept in place, not cut. Texts are decoded as ingest decodes files
    (byte-order marks, --encoding, Windows line breaks as one). The JSON shape is documented
    in the README.
    With --format jsonl, any number of documents stream through one loaded model; a broken
    input gets one line on standard error and the rest goes on (exit status 1 at the end).

    Example: sitrep extract --date 2020-06-23 article.txt --format json

    Example: cat articles.jsonl | sitrep extract --format jsonl > records.jsonl
    """
    paths = paths or ["-"]
    stdin_format = stdin_format or (
        StdinFormat.jsonl if fmt is ExtractFormat.jsonl else StdinFormat.text
    )
    columns = parse_columns(column)
    limits = Limits.configured(max_chars, timeout)
    inputs = extract_inputs(
        paths,
        date=date,
        columns=columns,
        stdin_format=stdin_format,
        encoding=encoding,
        max_chars=limits.max_chars,
    )
    if fmt is not ExtractFormat.jsonl:
        if len(paths) != 1 or Path(paths[0]).is_dir() or stdin_format is StdinFormat.jsonl:
            raise SitrepError(
                E.BAD_OPTION,
                option="--format",
                reason=f"{fmt} prints one text; use --format jsonl for many documents",
            )
        _extract_one(inputs, fmt, model, stages, gazetteer, limits)
        return
    failed = _extract_lines(inputs, sys.stdout, model, stages, gazetteer, jobs, limits)
    if failed:
        raise typer.Exit(1)


def extract_inputs(
    paths: list[str],
    *,
    date: str | None,
    columns: dict[str, str],
    stdin_format: StdinFormat,
    encoding: str | None = None,
    max_chars: int | None = None,
) -> Iterator[ReadResult]:
    """Documents (and input errors, in place) for ``paths``, offsets kept as given; a text
    longer than ``max_chars`` is an error in its place (E114)."""
    declared = check_encoding(encoding)
    for path in paths:
        if path == "-" and stdin_format is StdinFormat.jsonl:
            found: Iterable[ReadResult] = _stdin_jsonl(date, columns)
        elif path != "-" and Path(path).is_file() and Path(path).suffix.lower() not in FORMATS:
            found = [_any_text_file(path, date, declared)]  # one named text, whatever its name
        else:
            found = read_paths(
                [path],
                date=date,
                columns=columns,
                keep_offsets=True,
                encoding=declared,
                max_chars=max_chars,
            )
        for result in found:
            if isinstance(result, Document) and max_chars and len(result.text) > max_chars:
                result = InputError(
                    E.TOO_LONG,
                    source=result.source or path,
                    length=len(result.text),
                    limit=max_chars,
                )
            yield result


def _stdin_jsonl(date: str | None, columns: dict[str, str]) -> Iterator[ReadResult]:
    from sitrep.readers import parse_date
    from sitrep.readers.fields import resolve_columns

    fallback = parse_date(date, source="--date") if date is not None else None
    yield from read_jsonl_stream(
        sys.stdin.buffer, source="-", date=fallback, columns=resolve_columns(columns)
    )


def _any_text_file(path: str, date: str | None, encoding: str | None) -> ReadResult:
    """A named file of any extension read as a plain-text article (decoded as ingest does)."""
    try:
        data = Path(path).read_bytes()
        raw = decode(data, source=path, declared=encoding)
    except FileNotFoundError:
        return InputError(E.NOT_FOUND, source=path)
    except OSError as error:
        return InputError(E.UNREADABLE, source=path, reason=error.strerror or str(error))
    except InputError as error:
        return error
    return read_text(raw, source=path, date=date, keep_offsets=True)


def _extract_one(
    inputs: Iterator[ReadResult],
    fmt: ExtractFormat,
    model: str,
    stages: str | None,
    gazetteer: list[Path],
    limits: Limits,
) -> None:
    document = next(inputs, None)
    if isinstance(document, SitrepError):
        raise document
    if document is None:
        raise SitrepError(E.EMPTY, source="-")
    with pipeline(model, 1, stages, gazetteer, limits) as extractor:
        extraction = next(iter(extractor.extract_many([document])))
    if fmt is ExtractFormat.table:
        from sitrep.cli.commands_query import print_extraction

        print_extraction(extraction)
    else:
        sys.stdout.write(json_text(extraction.to_dict()) + "\n")


def _extract_lines(
    inputs: Iterator[ReadResult],
    out: TextIO,
    model: str,
    stages: str | None,
    gazetteer: list[Path],
    jobs: int,
    limits: Limits,
) -> int:
    """Write one JSON object per document to ``out`` as each is done; the number that failed."""
    failed = 0

    def documents() -> Iterator[Document]:
        nonlocal failed
        for item in inputs:
            if isinstance(item, SitrepError):
                failed += 1
                _print_failure(item)
            else:
                yield item

    with pipeline(model, jobs, stages, gazetteer, limits) as extractor:
        for _document, extraction in extract_stream(documents(), extractor.extract_many):
            if not isinstance(extraction, Extraction):
                failed += 1
                _print_failure(extraction)
                continue
            try:
                out.write(json_text(extraction.to_dict(), indent=None) + "\n")
                out.flush()  # a reader down the pipe gets each document as it is done
            except BrokenPipeError:  # `| head`: the reader has all it wanted
                _silence_stdout()
                return failed
    return failed


def _print_failure(error: SitrepError) -> None:
    # soft_wrap: a long path stays on one line (one error, one line, greppable).
    message = f"failed: {terminal_safe(str(error))}"
    err_console.print(message, style="red", markup=False, soft_wrap=True)
    print_details(error)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's exit flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
