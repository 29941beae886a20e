"""Bytes to text: the encoding an input declares or plainly shows, never a guess beyond that.

The encoding of an input is, in this order:

1. its byte-order mark (UTF-8, UTF-16 or UTF-32), which is authoritative and dropped;
2. the encoding the user names (``--encoding cp1252``);
3. UTF-16 or UTF-32 without a byte-order mark, recognised by the zero bytes that Latin-script
   text has in every second (or third and fourth) byte;
4. otherwise UTF-8.

Decoding is strict: a byte that is not valid in that encoding is an error (E102) naming its
position in the file, never silently replaced, since a wrong guess would corrupt names and
shift offsets. In a file of an ASCII-compatible encoding (UTF-8, Latin-1, cp1252 ...) a NUL
byte in the first 8 KiB marks a binary file (E103), as it does for git. Line breaks become
``\\n``, as when Python opens a file in text mode.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from sitrep.errors import ConfigError, E, InputError

__all__ = [
    "MAX_LINE_BYTES",
    "SNIFF_BYTES",
    "Encoding",
    "check_encoding",
    "decode",
    "detect",
    "split_lines",
    "text_lines",
]

# How much of a file is inspected: the same 8 KiB window git uses to call a file binary.
SNIFF_BYTES = 8192

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Share of the code units whose high byte(s) must be zero to call a BOM-less file UTF-16 or
# UTF-32: Latin-script text has (almost) only such units, binary files far fewer. Set from
# English, French and German news: their share is above 0.97; random bytes give ~1/256.
_WIDE_ZERO_SHARE = 0.9
# The longest line of a JSONL or CSV file that is read: one record (an article) is far
# shorter; a longer line is skipped in constant memory instead of being held whole.
MAX_LINE_BYTES = 64 * 1024 * 1024
# Codecs whose byte order only a byte-order mark gives (Python's names for them).
_NEEDS_BOM = frozenset({"utf-16", "utf-32"})


@dataclass(frozen=True, slots=True)
class Encoding:
    """How to decode one input: a Python codec name and the byte-order mark to skip."""

    codec: str
    bom: int = 0  # bytes of byte-order mark at the start of the file

    @property
    def name(self) -> str:
        """For messages: "UTF-8", "UTF-16-LE", "CP1252"."""
        return self.codec.upper()

    @property
    def splits_on_newline_byte(self) -> bool:
        """Whether b"\\n" ends a line in this encoding (UTF-8 and all ASCII supersets)."""
        return "\n".encode(self.codec) == b"\n"


def check_encoding(name: str | None) -> str | None:
    """``name`` if Python can decode text with it; ``ConfigError(E.BAD_OPTION)`` if not."""
    if name is None:
        return None
    try:
        info = codecs.lookup(name)
        "".encode(info.name)  # str.encode refuses bytes-to-bytes codecs such as base64
    except LookupError:
        raise ConfigError(
            E.BAD_OPTION,
            option="--encoding",
            reason=f"unknown text encoding {name!r}; use a name such as utf-8, cp1252, latin-1",
        ) from None
    return info.name


def _wide_encoding(head: bytes) -> str | None:
    """UTF-32 or UTF-16 (LE or BE) when the zero bytes of ``head`` show it, else None."""
    for codec, width, zero_positions in (
        ("utf-32-le", 4, (2, 3)),
        ("utf-32-be", 4, (0, 1)),
        ("utf-16-le", 2, (1,)),
        ("utf-16-be", 2, (0,)),
    ):
        units = [head[i : i + width] for i in range(0, len(head) - width + 1, width)]
        if len(units) < 2:
            continue
        wide = sum(1 for u in units if all(u[p] == 0 for p in zero_positions))
        nul = sum(1 for u in units if not any(u))  # U+0000 itself: binary, not text
        if wide >= _WIDE_ZERO_SHARE * len(units) and nul <= 0.01 * len(units):
            return codec
    return None


def detect(
    head: bytes, *, source: str, declared: str | None = None, lines: bool = False
) -> Encoding:
    """The encoding of an input whose first bytes are ``head`` (see the module docstring).

    Raises ``InputError`` with E.EMPTY for no bytes and E.BINARY for a NUL byte in an
    ASCII-compatible encoding. For a file of records, one per line (``lines``: JSONL,
    CSV), a stray NUL after the first line is that line's problem, not the file's: only a
    NUL in the first line or NULs in more than one byte in a thousand mark a binary file.
    """
    if not head:
        raise InputError(E.EMPTY, source=source)
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return Encoding(codec, len(bom))
    if declared in _NEEDS_BOM:
        # "utf-16" named but no byte-order mark: the zeros say which end comes first,
        # else little-endian, as Windows writes it.
        wide = _wide_encoding(head[:SNIFF_BYTES])
        encoding = Encoding(wide if wide and wide.startswith(declared) else f"{declared}-le")
    elif declared is not None:
        encoding = Encoding(declared)
    else:
        wide = _wide_encoding(head[:SNIFF_BYTES]) if b"\0" in head else None
        encoding = Encoding(wide or "utf-8")
    window = head[:SNIFF_BYTES]
    if encoding.splits_on_newline_byte and b"\0" in window:
        binary = (
            not lines
            or b"\0" in window.split(b"\n", 1)[0]
            or window.count(b"\0") > max(1, len(window) // 1000)
        )
        if binary:
            raise InputError(E.BINARY, source=source)
    return encoding


def _normalise_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, *, source: str, declared: str | None = None) -> str:
    """A whole input (a text file, TimeML, standard input) as text.

    Raises ``InputError`` with E.EMPTY, E.BINARY or E.NOT_UTF8 (which names the encoding
    and the 0-based position of the first bad byte in the file).
    """
    encoding = detect(data[:SNIFF_BYTES], source=source, declared=declared)
    try:
        text = data[encoding.bom :].decode(encoding.codec)
    except UnicodeError as error:  # UnicodeDecodeError, or a codec's own complaint
        position = encoding.bom + getattr(error, "start", 0)
        raise InputError(
            E.NOT_UTF8, source=source, encoding=encoding.name, position=position
        ) from None
    return _normalise_breaks(text)


def text_lines(
    stream: BinaryIO, encoding: Encoding, *, source: str
) -> Iterator[tuple[int, str | InputError]]:
    """(line number, line) for each line of a JSONL or CSV file, in constant memory.

    A line that cannot be decoded is an ``InputError`` naming ``source:LINE`` and the byte
    position in the file. In UTF-8 and other ASCII-compatible encodings the next line is
    still read; in UTF-16 and UTF-32 a bad byte ends the file, since line breaks after it
    cannot be found reliably.
    """
    stream.read(encoding.bom)
    if encoding.splits_on_newline_byte:
        offset = encoding.bom
        number = 0
        while raw := stream.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                offset += len(raw) + _skip_line(stream)
                yield (
                    number,
                    InputError(E.LINE_TOO_LONG, source=f"{source}:{number}", limit=MAX_LINE_BYTES),
                )
                continue
            yield number, _decoded_line(raw, encoding, f"{source}:{number}", offset)
            offset += len(raw)
        return
    yield from _wide_lines(stream, encoding, source=source)


def _decoded_line(raw: bytes, encoding: Encoding, where: str, offset: int) -> str | InputError:
    """One line's text, or E.NOT_UTF8 naming ``where`` and the bad byte's position in the
    file (``offset``: where the line starts)."""
    try:
        return _normalise_breaks(raw.decode(encoding.codec))
    except UnicodeError as error:  # UnicodeDecodeError, or a codec's own complaint
        position = offset + getattr(error, "start", 0)
        return InputError(E.NOT_UTF8, source=where, encoding=encoding.name, position=position)


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of the current line, a chunk at a time; how many bytes that was."""
    skipped = 0
    while chunk := stream.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _wide_lines(
    stream: BinaryIO, encoding: Encoding, *, source: str
) -> Iterator[tuple[int, str | InputError]]:
    decoder = codecs.getincrementaldecoder(encoding.codec)("strict")
    offset, number, pending = encoding.bom, 0, ""
    while True:
        chunk = stream.read(1 << 16)
        try:
            pending += decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            yield (
                number + 1,
                InputError(
                    E.NOT_UTF8,
                    source=f"{source}:{number + 1}",
                    encoding=encoding.name,
                    position=offset + max(error.start, 0),
                ),
            )
            return
        offset += len(chunk)
        # A "\r" at the end of a chunk may be the first half of a "\r\n": wait for more.
        held = "\r" if chunk and pending.endswith("\r") else ""
        *lines, pending = _normalise_breaks(pending[: len(pending) - len(held)]).split("\n")
        pending += held
        for line in lines:
            number += 1
            if len(line) > MAX_LINE_BYTES:
                yield (
                    number,
                    InputError(E.LINE_TOO_LONG, source=f"{source}:{number}", limit=MAX_LINE_BYTES),
                )
            else:
                yield number, line + "\n"
        if len(pending) > MAX_LINE_BYTES:  # no line break in sight: stop holding the text
            yield (
                number + 1,
                InputError(E.LINE_TOO_LONG, source=f"{source}:{number + 1}", limit=MAX_LINE_BYTES),
            )
            return
        if not chunk:
            break
    if pending:
        yield number + 1, pending


def split_lines(
    lines: Iterable[bytes], *, source: str, first_line: int = 1, offset: int = 0
) -> Iterator[tuple[int, str | InputError]]:
    """(line number, line) for UTF-8 lines already split (standard input, a part of a
    file): as :func:`text_lines`, with ``first_line`` and ``offset`` (bytes) saying where
    ``lines`` start in their file, so that errors name the right line and byte."""
    encoding = Encoding("utf-8")
    for number, raw in enumerate(lines, start=first_line):
        if len(raw) > MAX_LINE_BYTES:
            yield (
                number,
                InputError(E.LINE_TOO_LONG, source=f"{source}:{number}", limit=MAX_LINE_BYTES),
            )
        else:
            if offset == 0 and raw.startswith(codecs.BOM_UTF8):
                raw, offset = raw[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
            yield number, _decoded_line(raw, encoding, f"{source}:{number}", offset)
        offset += len(raw)
