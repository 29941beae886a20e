"""Find the gazetteers' multi-word names written out in the text, whatever the NER made of them.

The model cuts or misses long proper names ("Liberation Tigers of Tamil" without "Eelam",
"European" alone out of "European common market"); a name we know, written out word for
word, is better evidence than its guess. Organisations, media outlets and the hand-written
regions ("Gaza Strip", "Northern Ireland") are matched; the ISO 3166-2 subdivisions are not,
since many share their name with a city ("New York") that the city gazetteer should claim.

One pass over the words of the text with a dict keyed by a name's first word, so the cost
does not grow with the size of the gazetteers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.actors.entries import Organisation, Region
from sitrep.actors.gazetteer import Gazetteer

# A word that may begin a name: starts after a space or punctuation, runs to the next space.
_FIRST_WORD = re.compile(r"(?<![\w'’-])\w\S*")
# A match must end at a word boundary: "European Community" is not in "European Communitys".
_BOUNDARY = re.compile(r"(?![\w-])")


@dataclass(frozen=True, slots=True)
class KnownName:
    start: int
    end: int
    value: Organisation | Region


class KnownNames:
    """Multi-word names of a gazetteer, by first word, longest first."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        by_first: dict[str, list[tuple[str, Organisation | Region]]] = {}

        def add(name: str, value: Organisation | Region) -> None:
            if " " not in name and not _distinctive(name, value):
                return  # one-word names are the NER's to find and ours to resolve
            by_first.setdefault(name.split(" ", 1)[0], []).append((name, value))

        for org in (*gazetteer.organisations.values(), *gazetteer.media.values()):
            if not org.find_in_text:
                continue
            for name in (org.name, *org.aliases):
                add(name, org)
        for region in gazetteer.regions:
            if not region.code:  # hand-written (disputed, occupied, informal) regions only
                add(region.name, region)
        for names in by_first.values():
            names.sort(key=lambda item: -len(item[0]))
        self._by_first = by_first

    def find(self, text: str) -> list[KnownName]:
        found: list[KnownName] = []
        end = 0
        for word in _FIRST_WORD.finditer(text):
            start = word.start()
            if start < end:
                continue
            for name, value in self._by_first.get(word.group(), ()):
                if text.startswith(name, start) and _BOUNDARY.match(text, start + len(name)):
                    end = start + len(name)
                    found.append(KnownName(start, end, value))
                    break
        return found


# Armed groups' one-word names long enough not to be an abbreviation of something else.
_MIN_GROUP_NAME = 5


def _distinctive(name: str, value: Organisation | Region) -> bool:
    """A one-word name no English word spells, so found wherever it is written: one with an
    apostrophe or a hyphen inside ("Da'esh", "Lashkar-e-Taiba"), or an armed group's
    ("Daesh", "Hezbollah"), which the model often leaves untagged."""
    if any(mark in name[1:-1] for mark in "'’-"):
        return True
    return (
        isinstance(value, Organisation)
        and bool(set(value.sector) & {"REB", "IMG"})
        and len(name) >= _MIN_GROUP_NAME
        and name[:1].isupper()
    )


def known_names(gazetteer: Gazetteer) -> KnownNames:
    """The matcher of a gazetteer, built on first use and kept with it."""
    return gazetteer.derive("known_names", KnownNames)
