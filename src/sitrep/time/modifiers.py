"""Words just before an expression: TIMEX3 modifiers that belong to its extent ("about two
years", "early 1990", "the end of 1994") and prepositions that do not but bound its interval
("by December 2021", "since 2019")."""

from __future__ import annotations

import re

__all__ = ["extend_with_modifier", "preposition_before"]

_DATE_MODS = re.compile(
    r"(?<![\w-])(?P<m>(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|end|beginning|start|close)(?:\s+of)?|"
    r"(?:the\s+)?(?:first|second|latter)\s+half\s+of|mid-|earlier|later|"
    r"around|about|circa|approximately|roughly)[\s-]*$",
    re.I,
)
_DATE_MOD_VALUES = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "earlier": "START",
    "first": "START",
    "late": "END",
    "end": "END",
    "close": "END",
    "later": "END",
    "second": "END",
    "latter": "END",
    "mid": "MID",
    "middle": "MID",
    "around": "APPROX",
    "about": "APPROX",
    "circa": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
}
_DURATION_MODS = re.compile(
    r"(?<![\w-])(?P<m>about|around|approximately|roughly|some|nearly|almost|less\s+than|fewer\s+than|under|"
    r"just\s+under|more\s+than|over|just\s+over|well\s+over|upwards\s+of|at\s+least|up\s+to|"
    r"at\s+most|no\s+more\s+than|no\s+less\s+than)\s+$",
    re.I,
)
_DURATION_MOD_VALUES = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}
# Prepositions that bound an interval; longest first so "no later than" beats "than".
_PREPOSITION = re.compile(
    r"(?P<p>no\s+later\s+than|not\s+before|up\s+to|as\s+of|by|before|until|till|through|since|"
    r"from|after|within|starting|beginning|in|during|on|at)\s+(?:the\s+(?=end|beginning))?$",
    re.I,
)
# How far back (characters) modifiers and prepositions are looked for: longer than any of them.
_LOOKBACK = 30


def extend_with_modifier(
    text: str, start: int, kind: str, expression: str
) -> tuple[int, str | None]:
    """New start and TIMEX3 mod when a modifier word precedes the expression."""
    left = text[max(0, start - _LOOKBACK) : start]
    if kind == "DURATION":
        if expression.lower().startswith("the "):
            return start, None
        match = _DURATION_MODS.search(left)
        if match is None:
            return start, None
        word = re.sub(r"\s+", " ", match["m"].lower())
        if word == "over" and not re.match(
            r"(?:a|an|\d|one|two|three|four|five|six|seven|eight|nine|ten)\b", expression, re.I
        ):
            return start, None
        return start - (len(left) - match.start()), _DURATION_MOD_VALUES[word]
    if kind not in ("DATE", "TIME"):
        return start, None
    match = _DATE_MODS.search(left)
    if match is None:
        return start, None
    words = re.findall(r"[a-z]+", match["m"].lower())
    key = next((w for w in words if w in _DATE_MOD_VALUES), None)
    if key is None:
        return start, None
    # "earlier this month", "later yesterday" keep the adverb; TimeBank leaves it out before
    # a weekday or a week ("earlier Friday", "earlier this week").
    if key in ("earlier", "later") and (
        not re.match(r"(?:this|that|last|next|today|yesterday|tomorrow|in\b)", expression)
        or re.search(r"\bweek$", expression)
    ):
        return start, None
    if key == "first" and "half" not in words:
        return start, None
    if words[-1] in ("end", "beginning", "start", "middle", "close") and "of" not in words:
        return start, None  # "the end" needs "of": "end 1994" is not English
    return start - (len(left) - match.start()), _DATE_MOD_VALUES[key]


def preposition_before(text: str, start: int) -> str | None:
    """The interval-bounding preposition right before ``start``, lower case, or None."""
    match = _PREPOSITION.search(text[max(0, start - _LOOKBACK) : start])
    return re.sub(r"\s+", " ", match["p"].lower()) if match else None
