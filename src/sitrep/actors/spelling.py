"""Country names misspelt in news copy: "Ethopia", "Afganistan", "Phillippines", "Quatar".

Only consulted for a place-like span that nothing else resolved, so its cost (a close-match
search over about a thousand names) is paid on rare spans, not on every mention.
"""

from __future__ import annotations

import difflib

from sitrep.actors.entries import CountryMatch
from sitrep.actors.gazetteer import Gazetteer

# Similarity (difflib ratio) a misspelling must reach. 0.85 accepts one or two slips in a
# name of seven or more letters ("Ethopia", "Afganistan") and rejects different countries
# with similar names ("Austria"/"Australia" is 0.75, "Niger"/"Nigeria" 0.83).
_CUTOFF = 0.85
# Spans shorter than this are left alone: one letter changes a short name into another. A
# five-letter country name can still be the one a longer span misspells ("Quatar" -> Qatar),
# since a misspelling of six letters or more is a slip, not another name.
_MIN_LENGTH = 6
_MIN_NAME_LENGTH = 5
# Spans already looked up (a long run meets the same unknown names again); cleared when full.
_MEMO_SIZE = 10_000


class CountrySpelling:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self._names: dict[str, CountryMatch] = {}
        for name, match in gazetteer.country_names():
            if match.via in ("name", "alias", "capital") and len(name) >= _MIN_NAME_LENGTH:
                self._names.setdefault(name.lower(), match)
        # Names by length: a ratio of _CUTOFF needs lengths within a factor of about 1.35 of
        # each other (2*min/(a+b) >= 0.85), so only those names are compared.
        self._by_length: dict[int, list[str]] = {}
        for name in self._names:
            self._by_length.setdefault(len(name), []).append(name)
        self._seen: dict[str, CountryMatch | None] = {}

    def lookup(self, text: str) -> CountryMatch | None:
        """The country (or capital) ``text`` is a close misspelling of, if exactly one."""
        if len(text) < _MIN_LENGTH:
            return None
        if text not in self._seen:
            if len(self._seen) > _MEMO_SIZE:
                self._seen.clear()
            self._seen[text] = self._lookup(text)
        return self._seen[text]

    def _lookup(self, text: str) -> CountryMatch | None:
        size = len(text)
        low, high = int(size * _CUTOFF / (2 - _CUTOFF)), int(size * (2 - _CUTOFF) / _CUTOFF) + 1
        choices = [n for length in range(low, high + 1) for n in self._by_length.get(length, ())]
        close = difflib.get_close_matches(text.lower(), choices, n=2, cutoff=_CUTOFF)
        if len(close) != 1 and not (close and self._names[close[0]] == self._names.get(close[-1])):
            return None
        return self._names[close[0]] if close else None


def country_spelling(gazetteer: Gazetteer) -> CountrySpelling:
    """The spelling index of a gazetteer, built on first use and kept with it."""
    return gazetteer.derive("country_spelling", CountrySpelling)
