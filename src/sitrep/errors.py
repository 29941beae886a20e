"""All of sitrep's user-facing errors, each with a code and a hint on how to fix it.

Raise them as ``raise InputError(E.NO_DATE, source="a.txt")``; the message template is
filled with the keyword arguments, so every error names the file (and line) it is about.
"""

from __future__ import annotations

import traceback
from enum import Enum


class E(Enum):
    # Input (E1xx): a file, row or page that cannot become a Document.
    UNREADABLE = ("E101", "cannot read {source}: {reason}")
    NOT_UTF8 = (
        "E102",
        "{source} is not valid {encoding} (byte {position}); re-encode it as UTF-8, or name "
        "its encoding with --encoding (e.g. --encoding cp1252)",
    )
    BINARY = (
        "E103",
        "{source} looks like a binary file, not text; skipped (UTF-16 or UTF-32 text without "
        "a byte-order mark: name it with --encoding utf-16)",
    )
    EMPTY = ("E104", "{source} is empty (no article text)")
    NO_DATE = (
        "E105",
        "{source} has no document date; add a 'date: YYYY-MM-DD' header or pass --date",
    )
    BAD_DATE = (
        "E106",
        "{source} has a malformed date {value!r}; use ISO 8601 (YYYY-MM-DD)",
    )
    NO_TEXT = ("E107", "{source} has no text (field/column {column!r} is missing or empty)")
    BAD_JSON = ("E108", "{source} is not valid JSON: {reason}")
    BAD_TIMEML = ("E109", "{source} is not valid TimeML: {reason}")
    NO_HTML_TEXT = ("E110", "{source}: no article text could be extracted from the page")
    UNKNOWN_FORMAT = (
        "E111",
        "{source}: unknown file type {suffix!r}; use .txt, .jsonl, .csv, .html or .tml",
    )
    NOT_FOUND = ("E112", "{source} does not exist")
    BAD_CSV = ("E113", "{source} is not valid CSV/TSV: {reason}")  # added by the readers
    TOO_LONG = (
        "E114",
        "{source} has {length:,} characters, more than the limit of {limit:,}; split it into "
        "several articles, or raise the limit with --max-chars (or SITREP_MAX_CHARS)",
    )
    NOTHING_TO_READ = (
        "E115",
        "{source}: no articles to read here (looked for {suffixes} files, hidden ones skipped)",
    )
    TIMEOUT = (
        "E116",
        "{source}: extraction took longer than {seconds:g} s and was stopped; the text is "
        "probably not an article (raise the limit with --timeout, or 0 for none)",
    )
    NOT_STORED = ("E117", "{source}: could not be stored: {reason}")
    LINE_TOO_LONG = (
        "E118",
        "{source}: a line of more than {limit:,} bytes, skipped; no article is that long "
        "(is the file really one record per line?)",
    )
    UNEXPECTED = (
        "E199",
        "{source}: unexpected error while {stage}: {reason}. This is a bug in sitrep: please "
        "report it with this input (--debug prints the traceback)",
    )
    # Configuration and store (E2xx).
    NO_MODEL = (
        "E201",
        "spaCy model {name!r} is not installed; install it (e.g. pip install {name}) "
        "or use the default 'en_core_web_md'",
    )
    UNKNOWN_COMPONENT = ("E202", "unknown pipeline stage {name!r}; known stages: {known}")
    BAD_DB_URL = ("E203", "cannot open database {url!r}: {reason}")
    NO_DOCUMENT = ("E204", "no document with id {doc_id!r} (ids can be shortened to a prefix)")
    AMBIGUOUS_ID = ("E205", "document id prefix {doc_id!r} matches {count} documents; add digits")
    BAD_OPTION = ("E206", "{option}: {reason}")
    BAD_GAZETTEER = (
        "E207",
        "gazetteer file {source}: {reason} (the schema is in sitrep/actors/data/README.md)",
    )
    BAD_ROLES = (  # added with the roles table (sitrep/actors/roles.py)
        "E208",
        "roles table {source}: {reason} (the schema is in sitrep/actors/data/ROLES.md)",
    )

    NO_DEAL = ("E209", "no deal with id {deal_id!r}; list them with `sitrep deals`")
    AMBIGUOUS_DEAL = ("E210", "deal id prefix {deal_id!r} matches {count} deals; add digits")
    NO_DATABASE = (
        "E211",
        "database {path} does not exist; `sitrep ingest` creates it (check --db or SITREP_DB)",
    )
    DATABASE_BUSY = (
        "E212",
        "database {url} stayed locked by another process for {seconds:g} s; try again when "
        "that process has finished",
    )
    SCHEMA_TOO_NEW = (
        "E213",
        "database {url} has schema revision {found!r}, which this sitrep does not know "
        "(it knows up to {known!r}); upgrade sitrep to read it",
    )
    BAD_DATE_OPTION = (
        "E214",
        "{option}: malformed date {value!r}; use YYYY-MM-DD (or YYYY-MM, or YYYY)",
    )
    DATABASE_FAILED = (
        "E215",
        "database {url} failed: {reason} (the document being written was not stored; "
        "everything stored before is intact)",
    )
    BAD_SIPRI_FILE = (
        "E216",
        "cannot read the SIPRI trade register {path}: {reason} (download a trade register "
        "as CSV from https://armstrade.sipri.org and pass that file)",
    )
    # Stories: one event's reports across articles (sitrep.stories).
    NO_STORY = ("E220", "no story with id {story_id!r}; list them with `sitrep stories`")
    AMBIGUOUS_STORY = ("E221", "story id prefix {story_id!r} matches {count} stories; add digits")
    UNFORESEEN = (
        "E299",
        "unexpected error: {reason}. This is a bug in sitrep: please report it with the "
        "command you ran (--debug prints the traceback)",
    )
    # Web API and watches (E3xx), added with `sitrep serve` (issue 13).
    BAD_PARAMETER = ("E301", "{parameter}: {reason}")
    BAD_JSON_BODY = ("E302", "the request body is not valid JSON: {reason}")
    BODY_TOO_LARGE = (
        "E303",
        "the request body is over {limit} bytes; send fewer articles per request "
        "(or start the server with a larger --max-body)",
    )
    NO_TOKEN = (
        "E304",
        "this request writes: send the header 'Authorization: Bearer <token>' with the "
        "server's SITREP_TOKEN",
    )
    BAD_TOKEN = ("E305", "the token does not match the server's SITREP_TOKEN")
    WRITES_DISABLED = (
        "E306",
        "writes are disabled on this server; start `sitrep serve` with SITREP_TOKEN set",
    )
    NO_ROUTE = ("E307", "no page or endpoint at {path!r}; the API is listed at /api/docs")
    BAD_METHOD = ("E308", "{method} is not allowed on {path!r}")
    NO_WATCH = ("E309", "no watch {watch!r}; list them with `sitrep watch list`")
    BAD_WATCH = ("E310", "watch query: {reason}")
    WATCH_EXISTS = ("E311", "a watch named {name!r} exists already; choose another name")
    NO_ENTITY = ("E312", "no entity with id {entity_id!r}; find ids at /entities")
    BAD_CURSOR = ("E313", "cursor {cursor!r} is not one this API gave; start again without it")
    INTERNAL = ("E399", "internal error ({kind}); the server's log has the details")
    # Batch jobs and live sources (E4xx), added with `sitrep batch`, `load` and `follow`.
    BATCH_OTHER_JOB = (
        "E401",
        "{output} holds the shards of another job ({theirs}; this one: {ours}); "
        "write to a new folder or delete that one",
    )
    BATCH_SCHEDULER = ("E402", "cannot reach the Dask scheduler {scheduler}: {reason}")
    NO_SHARDS = (
        "E403",
        "{output} has no batch manifest (_manifest.json); run `sitrep batch` first",
    )
    FEED_UNREACHABLE = ("E404", "feed {url} could not be fetched: {reason}; will retry")
    FEED_MALFORMED = ("E405", "feed {url} is not a readable RSS/Atom feed: {reason}")
    PAGE_UNREACHABLE = ("E406", "article page {url} could not be fetched: {reason}")

    @property
    def code(self) -> str:
        return self.value[0]

    def format(self, **fields: object) -> str:
        return f"[{self.code}] " + self.value[1].format(**fields)


class SitrepError(Exception):
    """Base class: a problem the user can fix, with a coded message."""

    def __init__(self, error: E, **fields: object) -> None:
        self.error = error
        self.fields = fields
        super().__init__(error.format(**fields))
        # The traceback of the unexpected exception behind an E199/E299, for --debug.
        self.details: str | None = None

    @property
    def code(self) -> str:
        return self.error.code

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle as cls(*args); ours take (error, **fields), so say how to rebuild
        # one: errors raised in worker processes cross back to the parent.
        return (_rebuild, (type(self), self.error, self.fields, self.details))


def _rebuild(
    cls: type[SitrepError], error: E, fields: dict[str, object], details: str | None
) -> SitrepError:
    rebuilt = cls(error, **fields)
    rebuilt.details = details
    return rebuilt


class InputError(SitrepError):
    """One input (file, row, page) could not become a Document; the batch goes on."""


class ConfigError(SitrepError):
    """The pipeline or store configuration is wrong; nothing can run until it is fixed."""


class NotFoundError(SitrepError):
    """A looked-up record does not exist."""


def unexpected(error: BaseException, *, source: str, stage: str) -> InputError:
    """The last resort for one input: an exception nobody foresaw, as a coded E199 error.

    The batch goes on without this input; the traceback is kept for ``--debug``.
    """
    coded = InputError(
        E.UNEXPECTED, source=source, stage=stage, reason=f"{type(error).__name__}: {error}"
    )
    coded.details = "".join(traceback.format_exception(error))
    return coded
