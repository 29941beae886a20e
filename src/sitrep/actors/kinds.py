"""The nouns news uses for each kind of equipment, and whether one follows a name.

"Talwar frigates", "Jaguar FGA aircraft", "Boxer armoured vehicles", "the Kortenaer-class
frigate": a plain-word designation is a weapon system when a noun of its kind follows it,
after at most a few describing words (capitalised or hyphenated words, designations,
abbreviations, and the words weapon descriptions are made of: "ground attack", "light",
"self-propelled"). The noun must be of the entry's own kind, so "Jaguar cars" or "a TWA
aircraft" (TWA is also a torpedo) are not matches, and lower-case (or an abbreviation in
capitals), so that a company's name ("Abu Dhabi Ship Building") is not read as a ship.
"""

from __future__ import annotations

import re
from functools import cache

_AIRCRAFT = {
    "aircraft", "airplane", "aeroplane", "plane", "jet", "fighter", "bomber", "interceptor",
    "trainer", "transport", "airlifter", "freighter", "tanker", "fighter-bomber", "warplane",
    "airframe", "airliner", "fga", "aew", "awacs", "mpa",
}  # fmt: skip
_HELICOPTER = {"helicopter", "chopper", "gunship", "helo", "rotorcraft"}
_DRONE = {"drone", "uav", "uas", "ucav", "aircraft", "rpas"}
_VEHICLE = {
    "vehicle", "apc", "ifv", "mrap", "car", "carrier", "truck", "tank", "mbt", "destroyer",
    "bridgelayer", "ugv", "afv", "lav",
}  # fmt: skip
_ARTILLERY = {
    "howitzer", "gun", "cannon", "mortar", "launcher", "mrl", "mlrs", "system", "artillery",
    "rocket", "shell", "round", "munition", "spg",
}  # fmt: skip
_MISSILE = {"missile", "system", "battery", "launcher", "interceptor", "rocket", "sam", "weapon"}
# Ships of one kind are often called by another's name ("Gowind corvettes" or "frigates",
# "Ada-class corvette" SIPRI's "MilGem frigate"): every ship kind answers to all of them.
_SHIP = {
    "ship", "vessel", "boat", "craft", "warship", "class", "hull", "submarine", "sub", "ssk",
    "ssn", "carrier", "lpd", "lhd", "lst", "lcu", "dock", "cruiser", "destroyer", "frigate",
    "corvette", "opv", "fac", "gunboat", "minehunter", "minesweeper", "minelayer", "mcmv",
    "tanker", "tug", "icebreaker", "oiler",
}  # fmt: skip
_SENSOR = {"system", "sensor", "suite", "set", "equipment", "pod"}

KIND_NOUNS: dict[str, frozenset[str]] = {
    category: frozenset(words)
    for category, words in {
        "combat aircraft": _AIRCRAFT,
        "bomber": _AIRCRAFT,
        "transport aircraft": _AIRCRAFT,
        "tanker aircraft": _AIRCRAFT,
        "trainer aircraft": _AIRCRAFT,
        "maritime patrol aircraft": _AIRCRAFT,
        "AEW&C aircraft": _AIRCRAFT,
        "reconnaissance aircraft": _AIRCRAFT,
        "light aircraft": _AIRCRAFT,
        "helicopter": _HELICOPTER,
        "drone": _DRONE,
        "tank": {"tank", "mbt", "vehicle"},
        "armoured vehicle": _VEHICLE,
        "artillery": _ARTILLERY,
        "SAM system": _MISSILE | {"sam", "manpads"},
        "MANPADS": _MISSILE | {"manpads"},
        "air-defence gun": _MISSILE | {"gun", "cannon", "ciws"},
        "anti-ship/land-attack missile": _MISSILE,
        "cruise missile": _MISSILE,
        "ballistic missile": _MISSILE,
        "anti-tank missile": _MISSILE | {"atgm"},
        "air-to-air missile": _MISSILE | {"aam", "bvraam"},
        "air-to-surface missile": _MISSILE | {"asm"},
        "guided bomb": {"bomb", "munition", "kit", "weapon"},
        "loitering munition": {"munition", "drone", "uav", "system"},
        "torpedo": {"torpedo", "weapon"},
        "anti-submarine weapon": _MISSILE | {"mortar"},
        "naval gun": {"gun", "cannon", "system", "launcher", "mount"},
        "submarine": _SHIP,
        "aircraft carrier": _SHIP,
        "amphibious ship": _SHIP,
        "cruiser": _SHIP,
        "destroyer": _SHIP,
        "frigate": _SHIP,
        "corvette": _SHIP,
        "patrol vessel": _SHIP,
        "mine warfare vessel": _SHIP,
        "auxiliary ship": _SHIP,
        "radar": _SENSOR | {"radar"},
        "sonar": _SENSOR | {"sonar"},
        "electro-optical system": _SENSOR | {"turret", "camera"},
        "electronic system": _SENSOR,
        "engine": {"engine", "turbofan", "turbojet", "turboprop", "turbine", "turboshaft"}
        | {"diesel"},
        "turret": {"turret"},
        "satellite": {"satellite"},
        "other": {"system"},
    }.items()
}

# Lower-case words that may stand between a name and its noun: the words SIPRI's weapon
# descriptions are made of, and a few more news writes ("multirole", "stealth").
_DESCRIBING = frozenset({
    "air", "airborne", "air-defence", "air-search", "air-to-air", "air-to-surface", "amphibious",
    "anti", "anti-aircraft", "anti-radar", "anti-ship", "anti-submarine", "anti-tank", "armed",
    "armoured", "armored", "assault", "attack", "advanced", "battle", "coastal", "combat",
    "control", "defence", "defense", "early", "early-warning", "electronic", "engineer", "fast",
    "fighting", "fire", "fire-control", "function", "ground", "ground-attack", "guided", "heavy",
    "height", "high", "infantry", "intelligence", "land", "landing", "land-attack", "light",
    "logistical", "long", "long-range", "main", "maritime", "medium", "military", "mobile",
    "modernized", "modernised", "multi", "multi-role", "multirole", "multi-mission", "naval",
    "new", "offshore", "patrol", "portable", "propelled", "range", "recce", "reconnaissance",
    "recovery", "refuel", "replenishment", "role", "sea", "search", "self", "self-propelled",
    "short", "short-range", "signals", "stealth", "strike", "supply", "support", "surface",
    "surface-to-air", "surface-to-surface", "surveillance", "tactical", "towed", "training",
    "transport", "twin-engine", "upgraded", "utility", "warning", "wheeled", "tracked", "4x4",
    "6x6", "8x8", "unmanned", "aerial", "missile", "torpedo", "rocket", "multiple", "cargo",
    "survey", "nuclear", "loitering", "aircraft", "vehicle", "tank", "gun", "artillery",
    "locating", "diesel", "jet", "anti-air", "destroyer",
})  # fmt: skip
_MAX_BETWEEN = 4
_TOKEN = re.compile(r"[A-Za-z0-9][\w&'’]*(?:[-/][\w&'’]+)*|\S")
_SKIP = frozenset({"-", "/", "(", ")", "‐", "‑"})


def kind_nouns(category: str) -> frozenset[str]:
    """The nouns of one equipment category ("frigate" -> ship, vessel, frigate, class ...)."""
    return KIND_NOUNS.get(category, frozenset({"system"}))


@cache
def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("oes"):
        return word[:-2]  # torpedoes
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _lower_or_abbreviation(word: str) -> bool:
    """ "frigates", "APC", "APCs": not a capitalised word of a name ("Ship Building")."""
    return word.islower() or (word.rstrip("s").isupper() and len(word) > 1)


def _parts(token: str) -> list[str]:
    """ "air/sea" -> air, sea; "SAM-system" -> SAM, system; "Talwar-class" -> Talwar, class."""
    return [p for p in re.split(r"[-/]", token) if p]


def _is_noun(token: str, nouns: frozenset[str]) -> bool:
    for part in (token, *_parts(token)):
        if not _lower_or_abbreviation(part):
            continue
        lowered = part.lower()
        if lowered in nouns or _singular(lowered) in nouns:
            return True
    return False


def describes(token: str) -> bool:
    """Whether a word may stand between a name and its noun ("ground", "FGA", "-class")."""
    if token in _SKIP or token[:1].isupper() or any(ch.isdigit() for ch in token):
        return True
    parts = _parts(token.lower()) or [token.lower()]
    return token.lower() in _DESCRIBING or all(_singular(p) in _DESCRIBING for p in parts)


def followed_by_kind(text: str, end: int, nouns: frozenset[str]) -> bool:
    """Whether a noun of ``nouns`` follows ``text[:end]`` after at most a few describing
    words: "Talwar| frigates", "Jaguar| FGA aircraft", "Kortenaer|-class frigate"."""
    between = 0
    for match in _TOKEN.finditer(text, end, min(len(text), end + 120)):
        token = match.group()
        if _is_noun(token, nouns):
            return True
        if not describes(token):
            return False
        if token not in _SKIP:
            between += 1
            if between > _MAX_BETWEEN:
                return False
    return False


# Nouns that name equipment of any kind, for telling a designation or a description from an
# actor ("FGA aircraft", "Su-30MKI fighters", "the F414 engines"): every kind's nouns but the
# generic ones that also follow actors' names ("system", "class", "weapon").
EQUIPMENT_NOUNS = frozenset(
    word
    for nouns in KIND_NOUNS.values()
    for word in nouns
    if word
    not in {"system", "set", "equipment", "class", "round", "weapon", "kit", "mount"}
    | {"suite", "hull", "craft", "transport", "patrol", "carrier", "dock", "destroyer"}
)


# Nouns for equipment that also name people ("Abu Sayyaf fighters", "a tanker driver").
_ALSO_PEOPLE = frozenset({"fighter", "trainer", "tanker", "interceptor", "freighter", "gunship"})
_ONLY_EQUIPMENT = EQUIPMENT_NOUNS - _ALSO_PEOPLE


def names_equipment(token_text: str) -> bool:
    """Whether a word is a noun for equipment only: "aircraft", "APCs", "engines" (not
    "fighters", which may be people)."""
    return _is_noun(token_text, _ONLY_EQUIPMENT)
