"""Printing for the CLI: tables for people, JSON and CSV for programs.

Article text is untrusted. It is only ever printed through Rich ``Text`` objects or table
cells with markup and emoji codes disabled, never interpolated into markup strings, and
every character that a terminal would act on rather than show (escape sequences, C1
controls, bidirectional overrides, backspace, carriage return) is replaced by a visible
stand-in of the same length (:func:`terminal_safe`), so offsets in highlighted text still
line up. JSON escapes them itself; CSV is written as is unless standard output is a
terminal.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import traceback
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TextIO

from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from sitrep.records import Amount

# C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings, overrides
# and isolates (which can reorder what is shown: "Trojan Source"), and lone surrogates
# (file names that are not UTF-8), which a terminal cannot even encode.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def terminal_safe(text: str) -> str:
    """``text`` with every character a terminal would act on replaced by a visible one."""
    return _UNSAFE.sub(_stand_in, text)


class SafeConsole(Console):
    """A Console that cannot be made to emit a terminal control sequence by what it prints.

    Callers already pass text through :func:`terminal_safe` (so widths are measured on what
    is shown); this is the safety net at the one place where Rich turns text into output,
    leaving Rich's own control segments (cursor moves of progress bars) alone.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(terminal_safe(segment.text), segment.style)
            for segment in buffer
        )


# Output piped to a file or another program has no width; Rich would assume 80 columns and
# wrap a table's evidence column a word per line. Logs read better wide (COLUMNS still wins).
_PIPED_WIDTH = 160


def _width(stream: TextIO) -> int | None:
    if os.environ.get("COLUMNS") or stream.isatty():
        return None  # Rich measures the terminal, or reads COLUMNS
    return _PIPED_WIDTH


console = SafeConsole(highlight=False, emoji=False, width=_width(sys.stdout))
err_console = SafeConsole(stderr=True, highlight=False, emoji=False, width=_width(sys.stderr))
_debug = False


def set_debug(enabled: bool) -> None:
    """Whether errors print their traceback (``sitrep --debug``)."""
    global _debug
    _debug = enabled


def debug_enabled() -> bool:
    return _debug


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def json_text(value: Any, *, indent: int | None = 2) -> str:
    """``value`` as JSON that is safe on a terminal: json escapes C0 controls, and the C1
    controls and bidirectional overrides it leaves alone are escaped here (still valid JSON,
    the same data)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class TerminalWriter:
    """A text stream for data written to a terminal: what ``terminal_safe`` shows, with the
    CSV line ends as plain newlines. Writing to a file or a pipe needs none of this."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(terminal_safe(text.replace("\r\n", "\n")))


def stdout_for_data() -> Any:
    """Standard output for exported data: as is, or made safe when it is a terminal."""
    return TerminalWriter(sys.stdout) if sys.stdout.isatty() else sys.stdout


def _csv_safe(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {k: terminal_safe(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows
    ]


def print_rows(
    rows: Sequence[dict[str, Any]],
    fmt: Format,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
    empty: str | None = None,
) -> None:
    """Rows of plain values as a table, a JSON array or CSV with a header.

    ``empty`` is said on standard error when there are no rows (the output itself stays
    valid JSON or CSV), so that "nothing matched" is never silence.
    """
    columns = list(columns or (rows[0].keys() if rows else []))
    if not rows and empty:
        err_console.print(terminal_safe(empty), markup=False, style="yellow")
        if fmt is Format.table:
            return
    if fmt is Format.json:
        sys.stdout.write(json_text(list(rows)) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        # Data for programs is written as stored; only a terminal gets the safe form.
        writer.writerows(_csv_safe(rows) if sys.stdout.isatty() else rows)
    else:
        table = Table(title=title, title_justify="left", show_lines=False)
        cells = [[_cell(row.get(c)) for c in columns] for row in rows]
        for i, column in enumerate(columns):
            # Short values (ids, dates, types, counts) keep their width; text columns share
            # what is left and wrap.
            longest = max((len(line[i]) for line in cells), default=0)
            if longest <= 12:
                width = max(longest, len(column))  # nor a value nor the header is broken
                table.add_column(column.replace("_", " "), min_width=width, overflow="fold")
            else:
                table.add_column(column.replace("_", " "), overflow="fold", ratio=1, min_width=8)
        for line in cells:
            table.add_row(*line)
        console.print(table)


def _cell(value: Any) -> Text:
    """A table cell as plain Text, so brackets in article text are never read as markup."""
    if value is None:
        return Text("")
    if isinstance(value, list):
        return Text(terminal_safe(", ".join(str(v) for v in value)))
    return Text(terminal_safe(str(value)))


def format_amount(amount: Amount | None) -> str | None:
    """An Amount for people: "5.2 bn USD", "845 mn USD", "60,000 USD"."""
    if amount is None:
        return None
    value = amount.value
    for size, unit in ((1e12, "tn"), (1e9, "bn"), (1e6, "mn")):
        if abs(value) >= size:
            return f"{value / size:.4g} {unit} {amount.currency}"
    return f"{value:,.0f} {amount.currency}"


def say(message: str, *, style: str | None = None) -> None:
    """A line for people on standard output; the message may quote untrusted text."""
    console.print(terminal_safe(message), style=style, markup=False, soft_wrap=True)


def fail(message: str, *, details: str | None = None) -> None:
    """One error line on standard error (markup off: the message may quote article text).

    ``details`` (a traceback) follow only under ``--debug``.
    """
    err_console.print(f"error: {terminal_safe(message)}", style="red", markup=False, soft_wrap=True)
    if details and _debug:
        err_console.print(terminal_safe(details.rstrip()), markup=False, soft_wrap=True)


def fail_unexpected(error: BaseException) -> None:
    """The last resort for a whole command: one coded line, the traceback under --debug."""
    from sitrep.errors import E

    reason = f"{type(error).__name__}: {error}"
    fail(E.UNFORESEEN.format(reason=reason), details="".join(traceback.format_exception(error)))
