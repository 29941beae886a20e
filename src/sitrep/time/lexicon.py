"""The words of time expressions (``data/lexicon.yaml``) and the regex pieces built from them."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml

__all__ = ["LEXICON", "NUMBER_WORDS_RE", "alternation", "number_value", "year_from_words"]


LEXICON: dict[str, Any] = yaml.safe_load(
    resources.files("sitrep.time").joinpath("data/lexicon.yaml").read_text("utf-8")
)


def alternation(words: list[str] | dict[str, Any], *, capitalised: bool = False) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep".

    With ``capitalised`` the words must start with a capital or be all capitals (month
    names: "may" the verb is not "May" the month).
    """
    ordered = sorted(words, key=len, reverse=True)
    if not capitalised:
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"
    variants: list[str] = []
    for word in ordered:
        variants.append(re.escape(word[0].upper() + word[1:]))
        variants.append(re.escape(word.upper()))
    return "(?-i:" + "|".join(variants) + ")"


_UNITS = {k: v for k, v in LEXICON["numbers"].items() if v < 20 and k not in ("a", "an", "half")}
_TENS = {k: v for k, v in LEXICON["numbers"].items() if v in (20, 30, 40, 50, 60, 70, 80, 90)}
_SMALL = alternation(list(_UNITS))
_TEN = alternation(list(_TENS))
# "twenty-four", "twenty four", "one hundred", "a hundred", "two thousand", "a dozen"
NUMBER_WORDS_RE = (
    rf"(?:(?:{_SMALL}|an?)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:{_TEN}(?:[-\s]{_SMALL})?|{_SMALL}))?"
    rf"|{_TEN}(?:[-\s]+{_SMALL})?|{_SMALL}|an?\s+dozen|(?:an?\s+)?couple(?:\s+of)?|half\s+an?|an?)"
)


def number_value(text: str) -> float | None:
    """The value of a cardinal in digits or words: "24", "1,000", "twenty-four", "a couple of"."""
    words = re.sub(r"[-\s]+", " ", text.lower().replace(",", "")).strip()
    if fraction := re.fullmatch(r"(\d+)(?: 1/2|½)", words):  # "5 1/2 hours"
        return float(fraction[1]) + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words)
    words = re.sub(r"\b(?:of|and)\b", " ", words).split()
    if words[:1] == ["half"]:
        return 0.5
    total = 0.0
    current = 0.0
    numbers = LEXICON["numbers"]
    for word in words:
        if word in ("hundred", "thousand"):
            current = (current or 1) * (100 if word == "hundred" else 1000)
            if word == "thousand":
                total += current
                current = 0
        elif word in numbers:
            value = numbers[word]
            if word in ("a", "an") and current:
                continue
            if word in ("couple", "dozen") and current == 1:
                current = 0  # "a couple", "a dozen": the article is not a number
            current += value
        else:
            return None
    return total + current


_YEAR_WORDS = re.compile(
    rf"(?P<cent>nineteen|twenty)\s+(?P<rest>{_TEN}(?:[-\s]{_SMALL})?|{_SMALL}|hundred)", re.I
)


def year_from_words(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000, "two thousand one" -> 2001."""
    match = _YEAR_WORDS.fullmatch(text.strip())
    if match:
        century = 19 if match["cent"].lower() == "nineteen" else 20
        rest = match["rest"].lower()
        tail = 0 if rest == "hundred" else number_value(rest)
        return None if tail is None else century * 100 + int(tail)
    value = number_value(text)
    if value is not None and 1000 <= value <= 2100 and "thousand" in text.lower():
        return int(value)
    return None
