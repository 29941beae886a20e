"""Find weapon-system designations in text: "Su-30MKIs", "the S-400's", "MiG29K", "Kilo-class".

Designations are written many ways ("MiG-29K", "MiG29K", "Mig 29K"; "Su-30 MKI"), pluralised
("MiG-29s") and made possessive ("S-400's"). Rather than compile a regex per alias, every alias
is reduced to a *key*: its letter/digit runs, lower-cased and joined, with hyphens and spaces
dropped and the punctuation that is part of a name kept ("F/A-18" -> "f/a18", "Sa'ar 6" ->
"sa'ar6"). The text is scanned once, run by run, walking a set of key prefixes (a trie flattened
into a set), so the cost is a set lookup per word whatever the size of the catalogue; the
longest key that matches at a position wins ("MiG-29K" over "MiG-29").

A key match is then checked against the alias it came from, so that matching stays strict
where it must:
- a match starts and ends at word edges: "S-400" is not found in "S-4000", "F-16" not in "KF-16";
- a space may stand only where the alias has a space or a hyphen after a multi-letter part
  ("Su 30" for "Su-30", but never "S 400" for "S-400"), or before a suffix of two or more
  letters ("Su-30 MKI");
- aliases with a digit match in any case except all-lower-case ("SU-30", "Mig-29"; not
  "type 90"); plain-word aliases match as written, in capitals, or title-cased ("Kilo Class");
- a trailing plural "s" is allowed ("Su-30MKIs"); a possessive "'s" is left outside the match.

Entries derived from the SIPRI register (``derived``) are added after the hand-written ones,
so a hand entry keeps every name they share, and a plain-word name of theirs (no digit: ship
classes named after places, "Abu Dhabi"; vehicles named after animals, "Boxer", "Jaguar")
counts only where a noun of its kind follows, after at most a few describing words:
"Talwar-class frigates", "Jaguar FGA aircraft", "Boxer APCs" (see :mod:`sitrep.actors.kinds`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sitrep.actors.entries import EquipmentEntry
from sitrep.actors.gazetteer import Gazetteer, load_gazetteer
from sitrep.actors.kinds import followed_by_kind, kind_nouns

_RUN = re.compile(r"[^\W_]+")
_HYPHENS = frozenset("-‐‑–")  # hyphen, Unicode hyphen, non-breaking hyphen, en dash
_HARD_SEPARATORS = {"/": "/", "&": "&", "'": "'", "’": "'", ".": "."}
_CLASS_NAME = re.compile(r"^(?P<stem>.+?)[- ]class\b", re.IGNORECASE)
_DIGIT_THEN_LETTERS = re.compile(r"(?<=\d)(?=[^\W\d_]{2,})")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


@dataclass(frozen=True, slots=True)
class EquipmentMatch:
    """One designation found in text, with the catalogue entry it names."""

    start: int
    end: int
    text: str
    entry: EquipmentEntry

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def category(self) -> str:
        return self.entry.category

    @property
    def origin(self) -> str:
        return self.entry.origin


@dataclass(frozen=True, slots=True)
class _AliasSpec:
    """What a text span with this key must also satisfy to count as this alias."""

    entry_id: str
    alias: str
    space_ok: frozenset[int]  # key offsets where the text may have a space
    has_digit: bool
    case_forms: frozenset[str]  # accepted spellings (separators removed) for plain words
    kind_nouns: frozenset[str] = frozenset()  # when set, one must follow the match
    # Key offsets where a word of the text may end: between the alias's words and where
    # letters meet digits ("MiG-29" or "MiG29": "mig" | "29").
    cuts: frozenset[int] = frozenset()


def _separator(gap: str) -> str | None:
    """How two letter/digit runs are joined: "-", " ", a kept character, or None (no join).

    Spaces around a kept character do not count ("Pratt & Whitney", "Gerald R. Ford").
    """
    if len(gap) > 3 or gap.count("\n") > 1:
        return None  # line-wrapped names ("Storm\nShadow") are fine, paragraph breaks are not
    core = gap.strip()
    if not core:
        return " " if gap else None
    if len(core) > 1:
        return None
    if core in _HYPHENS:
        return "-" if core == gap else None  # "Su - 30" is a dash between words, not a name
    return _HARD_SEPARATORS.get(core)


def alias_key(alias: str) -> str | None:
    """The key text is matched on: "Su-30 MKI" -> "su30mki", "F/A-18" -> "f/a18"; None for
    a name the matcher cannot match (odd punctuation such as "(I)")."""
    made = _alias_spec("", alias)
    return made[0] if made else None


def _alias_spec(entry_id: str, alias: str) -> tuple[str, _AliasSpec] | None:
    runs = list(_RUN.finditer(alias))
    if not runs:
        return None
    key = ""
    joined = ""
    title = ""
    space_ok: set[int] = set()
    cuts: set[int] = set()
    previous: re.Match[str] | None = None
    for run in runs:
        if previous is not None:
            sep = _separator(alias[previous.end() : run.start()])
            if sep is None:
                return None  # an alias with odd punctuation ("(I)") cannot be matched by runs
            if sep == " " or (sep == "-" and len(previous.group()) >= 2):
                space_ok.add(len(key))
            elif sep not in (" ", "-"):
                key += sep
                joined += sep
                title += sep
        word = run.group()
        for inner in _DIGIT_THEN_LETTERS.finditer(word):
            space_ok.add(len(key) + inner.start())
        cuts.update(len(key) + m.start() for m in _LETTER_DIGIT.finditer(word))
        key += word.lower()
        cuts.add(len(key))
        joined += word
        title += word[:1].upper() + word[1:]
        previous = run
    has_digit = any(ch.isdigit() for ch in key)
    forms = frozenset() if has_digit else frozenset({joined, joined.upper(), title})
    spec = _AliasSpec(entry_id, alias, frozenset(space_ok), has_digit, forms, cuts=frozenset(cuts))
    return key, spec


def _aliases(entry: EquipmentEntry) -> list[str]:
    """The other names to match for an entry, including implied ones ("Kilo class" for
    "Kilo-class submarine"); the canonical name itself is added separately."""
    names = list(entry.aliases)
    for name in (entry.name, *entry.aliases):
        found = _CLASS_NAME.match(name)
        implied = f"{found.group('stem')} class" if found else None
        if implied and implied not in names and implied != entry.name:
            names.append(implied)
    return names


# How many searched texts the matcher remembers: more than a pipeline batch (32 documents),
# so that the transfer stage finds every document the actor stage searched before it.
_RECENT_TEXTS = 128


class EquipmentMatcher:
    """Compiled lookup of every alias of an equipment catalogue; build once, reuse."""

    def __init__(self, entries: Iterable[EquipmentEntry]) -> None:
        self.entries: dict[str, EquipmentEntry] = {}
        # Per key, the names that may match it: those that need a noun of their kind after
        # them first (several entries may share such a name: "Tiger" helicopter or vehicle),
        # then at most one that needs nothing.
        self._keys: dict[str, list[_AliasSpec]] = {}
        self._prefixes: set[str] = set()
        # The first words a match may start with ("su" for "Su-30MKI", "mig29k" for "MiG29K"):
        # a word that is only a prefix of one ("to" of "Tor-M1") cannot start it.
        self._starts: set[str] = set()
        # The texts searched last and what was found: the actor and transfer stages of one
        # pipeline search each document in turn, a batch of documents per stage.
        self._recent: dict[str, tuple[EquipmentMatch, ...]] = {}
        self.conflicts: list[tuple[str, str, str]] = []  # (alias, kept entry id, other entry id)
        self.unmatchable: list[tuple[str, str]] = []  # (entry id, alias with odd punctuation)
        ordered = list(entries)
        for entry in ordered:
            self.entries[entry.id] = entry
        # Hand-written entries before derived ones, and in each tier canonical names first,
        # so an entry's own name beats another entry's alias.
        for tier in ([e for e in ordered if not e.derived], [e for e in ordered if e.derived]):
            for entry in tier:
                if entry.match_name:
                    self._add(entry, entry.name)
            for entry in tier:
                for alias in _aliases(entry):
                    self._add(entry, alias)
            for entry in tier:
                # A name that is a common word ("Milan", "Arjun") and names given as such
                # count before a noun of the entry's kind: "Milan missiles", "Arjun tanks".
                plain = () if entry.match_name else (entry.name,)
                for alias in (*plain, *entry.context_aliases):
                    self._add(entry, alias, gated=True)

    def __len__(self) -> int:
        """How many names (canonical names and aliases) are matched."""
        return sum(len(specs) for specs in self._keys.values())

    def _add(self, entry: EquipmentEntry, alias: str, gated: bool = False) -> None:
        entry_id = entry.id
        made = _alias_spec(entry_id, alias)
        if made is None:
            self.unmatchable.append((entry_id, alias))
            return
        key, spec = made
        if gated or entry.context or (entry.derived and not spec.has_digit):
            spec = replace(spec, kind_nouns=kind_nouns(entry.category))
        specs = self._keys.setdefault(key, [])
        default = next((s for s in specs if not s.kind_nouns), None)
        if not spec.kind_nouns:
            if default is not None and default.entry_id != entry_id:
                self.conflicts.append((alias, default.entry_id, entry_id))
                return
            specs.append(spec)
        elif any(s.entry_id == entry_id and s.alias == alias for s in specs):
            return  # this entry already answers to the name
        else:
            specs.insert(specs.index(default) if default is not None else len(specs), spec)
        for i in range(1, len(key) + 1):
            self._prefixes.add(key[:i])
        self._starts.update(key[:cut] for cut in spec.cuts)

    def find(self, text: str) -> list[EquipmentMatch]:
        """All designations in ``text``, left to right, longest first, never overlapping."""
        known = self._recent.get(text)
        if known is not None:
            return list(known)
        found = self._find(text)
        if len(self._recent) >= _RECENT_TEXTS:
            del self._recent[next(iter(self._recent))]  # the oldest
        self._recent[text] = tuple(found)
        return found

    def _find(self, text: str) -> list[EquipmentMatch]:
        runs = list(_RUN.finditer(text))
        matches: list[EquipmentMatch] = []
        starts = self._starts
        i = 0
        while i < len(runs):
            first = runs[i].group().lower()
            if first not in starts and first[:-1] not in starts:
                i += 1
                continue
            found = self._longest_at(text, runs, i)
            if found is None:
                i += 1
                continue
            last, end, spec = found
            start = runs[i].start()
            matches.append(EquipmentMatch(start, end, text[start:end], self.entries[spec.entry_id]))
            i = last + 1
        return matches

    def _longest_at(
        self, text: str, runs: list[re.Match[str]], i: int
    ) -> tuple[int, int, _AliasSpec] | None:
        """The longest name that matches from run ``i`` (and whose kind noun follows, where
        it needs one): (last run, end, spec)."""
        for last, end, specs in reversed(self._matches_at(text, runs, i)):
            for spec in specs:
                if not spec.kind_nouns or followed_by_kind(text, end, spec.kind_nouns):
                    return last, end, spec
        return None

    def _matches_at(
        self, text: str, runs: list[re.Match[str]], i: int
    ) -> list[tuple[int, int, list[_AliasSpec]]]:
        """Every key that matches from run ``i``, shortest first, with the names it fits."""
        start = runs[i].start()
        if start >= 2 and text[start - 1] in _HARD_SEPARATORS and text[start - 2].isalnum():
            return []  # inside a compound such as "F/A-18" or "636.3"
        key = ""
        joined = ""
        spaces: list[int] = []
        found: list[tuple[int, int, list[_AliasSpec]]] = []
        j = i
        while True:
            word = runs[j].group()
            key += word.lower()
            joined += word
            end = runs[j].end()
            if _ends_word(text, end):
                specs = self._accept(key, joined, spaces)
                if not specs and word.endswith("s") and len(word) > 1:
                    specs = self._accept(key[:-1], joined[:-1], spaces)
                if specs:
                    found.append((j, end, specs))
            if key not in self._prefixes or j + 1 >= len(runs):
                return found
            sep = _separator(text[end : runs[j + 1].start()])
            if sep is None:
                return found
            if sep == " ":
                spaces.append(len(key))
            elif sep != "-":
                key += sep
                joined += sep
                if key not in self._prefixes:
                    return found
            j += 1

    def _accept(self, key: str, joined: str, spaces: list[int]) -> list[_AliasSpec]:
        """The names with this key that the text's spacing and case fit, in trial order."""
        specs = self._keys.get(key)
        if not specs:
            return []
        letters = [ch for ch in joined if ch.isalpha()]
        all_lower = bool(letters) and all(ch.islower() for ch in letters)
        fitting = []
        for spec in specs:
            if any(offset not in spec.space_ok for offset in spaces):
                continue
            if spec.has_digit:
                if all_lower and not spec.alias.islower():
                    continue
            elif joined not in spec.case_forms:
                continue
            fitting.append(spec)
        return fitting


def _ends_word(text: str, end: int) -> bool:
    """A match may not stop in the middle of a number ("Project 636" in "Project 636.3")."""
    return not (end + 1 < len(text) and text[end] in ".," and text[end + 1].isdigit())


def equipment_matcher(gazetteer: Gazetteer | None = None) -> EquipmentMatcher:
    """The matcher for a gazetteer's catalogue (the shipped one by default), built once."""
    gazetteer = gazetteer or load_gazetteer()
    matcher = gazetteer.derived.get("equipment_matcher")
    if not isinstance(matcher, EquipmentMatcher):
        matcher = EquipmentMatcher(gazetteer.equipment.values())
        gazetteer.derived["equipment_matcher"] = matcher
    return matcher


def find_equipment(text: str, gazetteer: Gazetteer | None = None) -> list[EquipmentMatch]:
    """Every weapon system named in ``text``: ``find_equipment("two Su-30MKIs")``."""
    return equipment_matcher(gazetteer).find(text)
