"""The property the reader fuzz targets check, shared by them and by tests/test_fuzz.py.

An input is one byte to pick the format, one to pick the options (a fallback date, a
declared encoding, a small size limit, renamed columns), then the file's bytes. Reading it
must give Documents and coded errors: never an exception, never an E199 (the last-resort
error that means a bug of ours); every Document's text is storable and within the limit.
"""

from __future__ import annotations

from sitrep.errors import E, InputError
from sitrep.readers import read_bytes
from sitrep.records import Document, storable_text

OPTIONS: tuple[dict[str, object], ...] = (
    {},
    {"date": "2020-06-23"},
    {"encoding": "cp1252"},
    {"encoding": "utf-16"},
    {"max_chars": 64},
    {"columns": {"text": "body", "date": "published"}, "date": "2020-06-23"},
)


def check(data: bytes, names: tuple[str, ...]) -> int:
    """Read ``data`` as its first two bytes say; raise if the property breaks."""
    if len(data) < 2:
        return 0
    name = names[data[0] % len(names)]
    options = OPTIONS[data[1] % len(OPTIONS)]
    limit = options.get("max_chars", 500_000)
    read = 0
    for result in read_bytes(data[2:], name=name, **options):  # type: ignore[arg-type]
        read += 1
        if isinstance(result, InputError):
            if result.error is E.UNEXPECTED:
                raise AssertionError(f"{name}: {result}\n{result.details}")
            continue
        assert isinstance(result, Document), result
        assert result.text and storable_text(result.text) == result.text
        assert len(result.text) <= limit  # type: ignore[operator]
        result.id.encode("ascii")
    assert read >= 1, "an input must give a Document or an error"
    return read
