"""Actors and equipment: gazetteers of countries, places, organisations, media and weapon
systems, with the lookups and matchers the entity-resolution stage builds on."""

from sitrep.actors.entries import (
    EQUIPMENT_CATEGORIES,
    Capital,
    Country,
    CountryMatch,
    EquipmentEntry,
    Organisation,
    Place,
)
from sitrep.actors.equipment import (
    EquipmentMatch,
    EquipmentMatcher,
    equipment_matcher,
    find_equipment,
)
from sitrep.actors.gazetteer import Gazetteer, clear_gazetteer_cache, load_gazetteer
from sitrep.actors.money import find_money, parse_money

__all__ = [
    "EQUIPMENT_CATEGORIES",
    "Capital",
    "Country",
    "CountryMatch",
    "EquipmentEntry",
    "EquipmentMatch",
    "EquipmentMatcher",
    "Gazetteer",
    "Organisation",
    "Place",
    "clear_gazetteer_cache",
    "equipment_matcher",
    "find_equipment",
    "find_money",
    "load_gazetteer",
    "parse_money",
]
