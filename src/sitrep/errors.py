"""All of sitrep's user-facing errors, each with a code and a hint on how to fix it.

Raise them as ``raise InputError(E.NO_DATE, source="a.txt")``; the message template is
filled with the keyword arguments, so every error names the file (and line) it is about.
"""

from __future__ import annotations

from enum import Enum


class E(Enum):
    # Input (E1xx): a file, row or page that cannot become a Document.
    UNREADABLE = ("E101", "cannot read {source}: {reason}")
    NOT_UTF8 = ("E102", "{source} is not valid UTF-8 (byte {position}); re-encode it as UTF-8")
    BINARY = ("E103", "{source} looks like a binary file, not text; skipped")
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
    BAD_SIPRI_FILE = (
        "E211",
        "cannot read the SIPRI trade register {path}: {reason} (download a trade register "
        "as CSV from https://armstrade.sipri.org and pass that file)",
    )
    # Stories: one event's reports across articles (sitrep.stories).
    NO_STORY = ("E220", "no story with id {story_id!r}; list them with `sitrep stories`")
    AMBIGUOUS_STORY = ("E221", "story id prefix {story_id!r} matches {count} stories; add digits")
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

    @property
    def code(self) -> str:
        return self.error.code


class InputError(SitrepError):
    """One input (file, row, page) could not become a Document; the batch goes on."""


class ConfigError(SitrepError):
    """The pipeline or store configuration is wrong; nothing can run until it is fixed."""


class NotFoundError(SitrepError):
    """A looked-up record does not exist."""
