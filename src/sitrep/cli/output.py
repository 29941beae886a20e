"""Printing for the CLI: tables for people, JSON and CSV for programs.

Article text is untrusted: it is only ever printed through Rich ``Text`` objects or table
cells with markup disabled, never interpolated into markup strings.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.records import Amount

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def print_rows(
    rows: Sequence[dict[str, Any]],
    fmt: Format,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
) -> None:
    """Rows of plain values as a table, a JSON array or CSV with a header."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.json:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
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
        return Text(", ".join(str(v) for v in value))
    return Text(str(value))


def format_amount(amount: Amount | None) -> str | None:
    """An Amount for people: "5.2 bn USD", "845 mn USD", "60,000 USD"."""
    if amount is None:
        return None
    value = amount.value
    for size, unit in ((1e12, "tn"), (1e9, "bn"), (1e6, "mn")):
        if abs(value) >= size:
            return f"{value / size:.4g} {unit} {amount.currency}"
    return f"{value:,.0f} {amount.currency}"


def fail(message: str) -> None:
    """One error line on standard error (markup off: the message may quote article text)."""
    err_console.print(f"error: {message}", style="red", markup=False, soft_wrap=True)
