"""Peoples that point at one country ("Yoruba" -> NGA), from ``data/peoples.yaml``."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

PEOPLES_FILE = Path(__file__).resolve().parent / "data" / "peoples.yaml"


@functools.cache
def _peoples() -> dict[str, str]:
    data = yaml.safe_load(PEOPLES_FILE.read_text(encoding="utf-8"))
    return {str(name): str(code) for name, code in data["peoples"].items()}


def people_country(word: str) -> str | None:
    """The country of a people named by ``word`` ("Yoruba", "Karens"), if it has one."""
    table = _peoples()
    found = table.get(word)
    if found is None and word.endswith("s"):
        found = table.get(word[:-1])
    return found
