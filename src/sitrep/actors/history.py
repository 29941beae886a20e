"""Countries as of the document date: a place in a state that did not exist yet belongs to
the state it was part of then.

GeoNames and ISO 3166 describe today's map, so "Juba" is in South Sudan; in a 1998 story it
is a town of Sudan, which is how PLOVER (Correlates of War membership on the event date)
codes it. Only secessions whose new code would be plainly anachronistic are listed; users
with other conventions can pass ``secessions`` of their own.
"""

from __future__ import annotations

from collections.abc import Mapping

# new state -> (the state it was part of, the first day of independence)
SECESSIONS: Mapping[str, tuple[str, str]] = {
    "SSD": ("SDN", "2011-07-09"),  # South Sudan
    "ERI": ("ETH", "1993-05-24"),  # Eritrea
}


def country_on(
    country: str | None,
    date: str | None,
    secessions: Mapping[str, tuple[str, str]] = SECESSIONS,
) -> str | None:
    """The country a place of today's ``country`` belonged to on ``date`` (YYYY-MM-DD)."""
    if country is None or not date or country not in secessions:
        return country
    predecessor, independence = secessions[country]
    return predecessor if date[:10] < independence else country
