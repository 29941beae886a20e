"""Is a string a well-formed TIMEX3 ``value``? (TimeML 1.2.1 value grammar, with TimeBank's
decade "E", century "C" and millennium "L" duration units, X placeholders and "PXX", a
length of unknown unit.)"""

from __future__ import annotations

import re

__all__ = ["is_valid_value"]

_D = r"[\dX]"
_DATE = (
    rf"(?:{_D}{{2}}|{_D}{{3}}|{_D}{{4}}"  # century, decade, year
    rf"(?:-(?:(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX))?"  # month, day
    rf"|W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?:[1-7]|WE))?"  # ISO week, weekday, weekend
    rf"|Q[1-4X]|H[12X]|SP|SU|FA|WI)"  # quarter, half, season
    rf")?)"
)
_ZONE = r"(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)"  # ISO 8601 offset from universal time
_TIME = rf"T(?:(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?{_ZONE}?|MO|AF|EV|NI|MI|DT)"
_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?:XX|(?:{_NUM}[YMWDQECL])+(?:T(?:{_NUM}[HMS])+)?|T(?:{_NUM}[HMS])+)"
_VALUE = re.compile(rf"(?:{_DATE}(?:{_TIME})?|{_DURATION}|PAST_REF|PRESENT_REF|FUTURE_REF)")


def is_valid_value(value: str) -> bool:
    """True when ``value`` follows the TIMEX3 value grammar ("2020-06-22", "P3D", "PAST_REF")."""
    return _VALUE.fullmatch(value) is not None
