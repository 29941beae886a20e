"""Country names misspelt in news copy: "Ethopia", "Afganistan", "Phillippines", "Quatar".

Only consulted for a place-like span that nothing else resolved, so its cost (a close-match
search over about a thousand names) is paid on rare spans, not on every mention.
"""

from __future__ import annotations

import difflib

import numpy as np

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
        # Each name's letter counts, one row a name. Shared letters bound difflib's ratio from
        # above (its quick_ratio), so one array operation leaves only the few names that can
        # reach _CUTOFF for the exact comparison: the same answer as comparing every name,
        # about a tenth of the time (difflib's own bound is a Python loop per name).
        self._list = list(self._names)
        self._alphabet = {c: i for i, c in enumerate(sorted({c for n in self._list for c in n}))}
        self._counts = np.zeros((len(self._list), len(self._alphabet)), dtype=np.int16)
        for row, name in enumerate(self._list):
            for character in name:
                self._counts[row, self._alphabet[character]] += 1
        self._lengths = np.array([len(n) for n in self._list], dtype=np.int32)
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
        lowered = text.lower()
        counts = np.zeros(len(self._alphabet), dtype=np.int16)
        for character in lowered:
            if (column := self._alphabet.get(character)) is not None:
                counts[column] += 1
        shared = np.minimum(self._counts, counts).sum(axis=1)
        # difflib's quick_ratio is 2 * shared / (len(a) + len(b)): keep the names that can pass.
        possible = np.flatnonzero(2 * shared >= _CUTOFF * (self._lengths + len(lowered)) - 1e-9)
        choices = [self._list[i] for i in possible]
        close = difflib.get_close_matches(lowered, choices, n=2, cutoff=_CUTOFF)
        if len(close) != 1 and not (close and self._names[close[0]] == self._names.get(close[-1])):
            return None
        return self._names[close[0]] if close else None


def country_spelling(gazetteer: Gazetteer) -> CountrySpelling:
    """The spelling index of a gazetteer, built on first use and kept with it."""
    return gazetteer.derive("country_spelling", CountrySpelling)
