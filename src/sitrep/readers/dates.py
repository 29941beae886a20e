"""Normalise the document dates that inputs carry to the ISO form the records use.

A document date anchors every relative time expression in the article ("on Monday", "last
year"), so a wrong date silently shifts every event. That is why only unambiguous forms are
accepted: year first, then month, then day. ``23/06/2020`` and ``06/23/2020`` are refused
rather than guessed, and so is a calendar date that does not exist (2020-02-30).
"""

from __future__ import annotations

import re
from datetime import datetime

from sitrep.errors import E, InputError

__all__ = ["parse_date"]

# Year-first calendar dates with "-", "/" or no separator (the same one twice), an optional
# time after "T" or a space (extended or basic form, optional seconds and fraction) and an
# optional UTC offset.
_ISO_LIKE = re.compile(
    r"""
    (?P<year>\d{4}) (?P<sep>[-/]?) (?P<month>\d{2}) (?P=sep) (?P<day>\d{2})
    (?:
        [T\ ]
        (?P<hour>\d{2}) (?P<tsep>:?) (?P<minute>\d{2})
        (?: (?P=tsep) (?P<second>\d{2}) (?:[.,]\d+)? )?
        (?P<offset> Z | [+-]\d{2} (?::?\d{2})? )?
    )?
    """,
    re.VERBOSE,
)


def parse_date(value: str, *, source: str) -> str:
    """``value`` as ``YYYY-MM-DD``, or ``YYYY-MM-DDThh:mm[:ss]`` when it gives a time.

    Accepts ``2020-06-23``, ``2020/06/23``, ``20200623``, ``2020-06-23T10:00:00Z``,
    ``2020-06-23 10:00`` and the like. A UTC offset is dropped, not applied: news text says
    "on Monday" in the publisher's local time, so converting to UTC could move the document
    to the previous or next day and shift every relative date in it.

    Raises ``InputError(E.BAD_DATE)`` naming ``source`` for anything else, including dates
    that do not exist.
    """
    text = value.strip()
    match = _ISO_LIKE.fullmatch(text)
    if match is None:
        raise InputError(E.BAD_DATE, source=source, value=value)
    parts = match.groupdict()
    has_seconds = parts["second"] is not None
    try:
        moment = datetime(
            int(parts["year"]),
            int(parts["month"]),
            int(parts["day"]),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
            int(parts["second"] or 0),
        )
    except ValueError:  # month 13, 30 February, hour 25 ...
        raise InputError(E.BAD_DATE, source=source, value=value) from None
    # Formatted by hand: strftime("%Y") does not zero-pad years before 1000 on every platform.
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    if parts["hour"] is None:
        return day
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{day}T{clock}:{moment.second:02d}" if has_seconds else f"{day}T{clock}"
