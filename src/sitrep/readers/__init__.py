"""Input readers: plain text, JSONL, CSV/TSV, HTML pages and TimeML into ``Document``s.

Readers never stop a batch for one bad input: a file, line or row that cannot become a
Document is yielded as a coded ``InputError`` in its place, and reading goes on.

    >>> from sitrep.readers import read_paths
    >>> for result in read_paths(["articles/"], date="2020-06-23"):
    ...     ...  # a Document, or an InputError to report
"""

from __future__ import annotations

from sitrep.readers.dates import parse_date
from sitrep.readers.decoding import check_encoding, decode
from sitrep.readers.sources import (
    FORMATS,
    ReadResult,
    count_inputs,
    missing_paths,
    read_bytes,
    read_paths,
    read_stdin_text,
)
from sitrep.readers.text import blank_header, header_length, read_text

__all__ = [
    "FORMATS",
    "ReadResult",
    "blank_header",
    "check_encoding",
    "count_inputs",
    "decode",
    "header_length",
    "missing_paths",
    "parse_date",
    "read_bytes",
    "read_paths",
    "read_stdin_text",
    "read_text",
]
