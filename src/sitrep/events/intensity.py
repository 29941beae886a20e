"""PLOVER quad category and conflict-cooperation score of an event type and mode.

The numbers are the PLOVER manual's (``data/plover_scores.yaml`` says where each comes from).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitrep.events.lexicon import read_data


@dataclass(frozen=True, slots=True)
class _Scores:
    quad: dict[str, int]
    score: dict[str, dict[str, float]]  # type -> mode ("" for none) -> score
    mode_alias: dict[str, str]


@cache
def _scores() -> _Scores:
    raw = read_data("plover_scores.yaml")
    score: dict[str, dict[str, float]] = {}
    for event_type, value in raw["score"].items():
        if isinstance(value, dict):
            score[str(event_type)] = {str(k): float(v) for k, v in value.items()}
        else:
            score[str(event_type)] = {"": float(value)}
    return _Scores(
        quad={str(k): int(v) for k, v in raw["quad"].items()},
        score=score,
        mode_alias={str(k): str(v) for k, v in raw["mode_alias"].items()},
    )


def quad_of(event_type: str) -> int | None:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return _scores().quad.get(event_type)


def intensity_of(event_type: str, mode: list[str] | tuple[str, ...] = ()) -> float | None:
    """The PLOVER score (-10 .. +10) of the type with its first scored mode, else the type's."""
    scores = _scores()
    by_mode = scores.score.get(event_type)
    if by_mode is None:
        return None
    for m in mode:
        key = scores.mode_alias.get(m, m)
        if key in by_mode:
            return by_mode[key]
    return by_mode.get("")
