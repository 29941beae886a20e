"""Options several commands share: where the database is, and date bounds checked at once.

``--db`` is accepted after the command as well as before it (``sitrep ingest --db x.db
file`` is how people type it); the command's own value wins over the global one.

Date bounds take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (as the stored dates sort, a
shorter form covers its whole year or month); anything else, ``15/06/2020`` included, is a
coded error (E214) instead of a filter that silently matches nothing.
"""

from __future__ import annotations

import re
from typing import Annotated

import typer

from sitrep.errors import E, InputError, SitrepError
from sitrep.readers import parse_date

__all__ = ["DbOption", "SinceOption", "UntilOption", "check_bounds", "day_bound"]

_PARTIAL = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")


def day_bound(value: str | None, option: str) -> str | None:
    """``value`` as ``YYYY``, ``YYYY-MM`` or an ISO date (normalised), or E214."""
    if value is None:
        return None
    text = value.strip()
    partial = _PARTIAL.fullmatch(text)
    if partial and 1 <= int(partial["month"] or 1) <= 12:
        return text
    try:
        return parse_date(text, source=option)
    except InputError:
        raise SitrepError(E.BAD_DATE_OPTION, option=option, value=value) from None


def check_bounds(since: str | None, until: str | None) -> None:
    """A range that is empty by construction is a mistake worth saying."""
    if since and until and since[: len(until)] > until:
        raise SitrepError(
            E.BAD_OPTION, option="--since/--until", reason=f"{since} is after {until}"
        )


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file or any SQLAlchemy URL; may also come before the "
        "command. Default: $SITREP_DB, else ./sitrep.db",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        help="Only from this date (YYYY-MM-DD, or YYYY-MM, YYYY).",
        callback=lambda value: day_bound(value, "--since"),
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        help="Only up to this date, inclusive (YYYY-MM-DD, or YYYY-MM, YYYY).",
        callback=lambda value: day_bound(value, "--until"),
    ),
]
