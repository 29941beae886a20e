"""Money mentions normalised to a value in units and an ISO 4217 currency.

"USD 5.2 billion" -> 5.2e9 USD; "Rs 5,000 crore" -> 5e10 INR; "£13bn" -> 1.3e10 GBP;
"1.175 billion ringgit" -> 1.175e9 MYR. Currencies, their signs and names are data
(``data/currencies.yaml``); this module only knows the shape of an amount:

    [sign or code] number [range] [multiplier] [currency name or code]

with a currency on at least one side. Ranges ("$5-6 billion") keep the lower bound as the
value and the whole range as the text. Conversion to USD is a later step: ``usd`` stays None.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from sitrep.records import Amount

_CURRENCIES = Path(__file__).resolve().parent / "data" / "currencies.yaml"

# Multipliers as news writes them. Single letters ("$5.4 b", "EUR 300m") count only when no
# letter follows, so "$5 by 2021" is five dollars, not five billion.
_MULTIPLIERS: dict[str, int] = {
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12, "trn": 10**12, "tr": 10**12,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "million": 10**6, "millions": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "m": 10**6,
    "thousand": 10**3, "thousands": 10**3, "k": 10**3,
    "crore": 10**7, "crores": 10**7, "cr": 10**7,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5,
}  # fmt: skip
# Number words accepted only before a spelled-out multiplier ("a billion dollars").
_NUMBER_WORDS: dict[str, Decimal] = {
    "a": Decimal(1), "an": Decimal(1), "one": Decimal(1), "two": Decimal(2),
    "three": Decimal(3), "four": Decimal(4), "five": Decimal(5), "six": Decimal(6),
    "seven": Decimal(7), "eight": Decimal(8), "nine": Decimal(9), "ten": Decimal(10),
    "half a": Decimal("0.5"), "a half": Decimal("0.5"),
}  # fmt: skip
_SPELLED_MULTIPLIERS = ("trillion", "billion", "million", "thousand", "crore", "lakh")

# Digits with Western (1,234,567) or Indian (12,34,567) grouping, or none, and decimals.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NOT_WORD_BEFORE = r"(?<![^\W_])"


@dataclass(frozen=True, slots=True)
class _Currencies:
    prefixes: dict[str, str]  # sign or abbreviation -> code
    names: dict[str, str]  # lower-cased name -> code
    weak_names: dict[str, str]
    codes: frozenset[str]


@functools.lru_cache(maxsize=1)
def _currencies() -> _Currencies:
    data = yaml.safe_load(_CURRENCIES.read_text(encoding="utf-8"))
    prefixes: dict[str, str] = {}
    names: dict[str, str] = {}
    weak: dict[str, str] = {}
    codes: set[str] = set()
    for entry in data["currencies"]:
        code = entry["code"]
        codes.add(code)
        prefixes.setdefault(code, code)
        for prefix in entry.get("prefixes", []):
            prefixes.setdefault(str(prefix), code)
        for name in entry.get("names", []):
            names.setdefault(str(name).lower(), code)
        for name in entry.get("weak_names", []):
            weak.setdefault(str(name).lower(), code)
    return _Currencies(prefixes, names, weak, frozenset(codes))


def _alternation(words: list[str]) -> str:
    # Longest first, so "US$" wins over "$" and "US dollars" over "dollars".
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    cur = _currencies()
    letter_prefixes = [p for p in cur.prefixes if p[:1].isalpha()]
    sign_prefixes = [p for p in cur.prefixes if not p[:1].isalpha()]
    multipliers = _alternation(list(_MULTIPLIERS))
    multiplier = rf"(?P<mult>(?i:{multipliers})){_NOT_LETTER_AFTER}"
    # A range needs a multiplier after it ("$5-6 billion"), so "$5 to 2021" stays five dollars.
    range_tail = rf"(?:\s*(?:-|–|to)\s*{_NUMBER}(?=[\s-]?(?i:{multipliers}){_NOT_LETTER_AFTER}))?"
    spelled = rf"(?P<wordmult>(?i:{_alternation(list(_SPELLED_MULTIPLIERS))})s?)"
    number_word = rf"(?P<numword>(?i:{_alternation(list(_NUMBER_WORDS))}))"
    amount = (
        rf"(?:(?P<num>{_NUMBER}){range_tail}(?:[\s-]?{multiplier})?"
        rf"|{number_word}\s+{spelled}{_NOT_LETTER_AFTER})"
    )
    prefix = (
        rf"(?:(?P<sign>{_alternation(sign_prefixes)})"
        rf"|{_NOT_WORD_BEFORE}(?P<abbr>{_alternation(letter_prefixes)})(?=[\s\d$]))"
    )
    names = list(cur.names) + list(cur.weak_names)
    suffix = (
        rf"[\s-]+(?:(?P<name>(?i:{_alternation(names)}))"
        rf"|(?P<code>{_alternation(sorted(cur.codes))})){_NOT_LETTER_AFTER}"
    )
    # One pattern for both shapes; an amount with a currency on neither side is dropped later.
    return re.compile(rf"(?:{prefix}\s?|{_NOT_WORD_BEFORE}){amount}(?:{suffix})?")


def find_money(text: str) -> list[tuple[int, int, Amount]]:
    """Every money expression in ``text`` as (start, end, Amount), left to right."""
    found: list[tuple[int, int, Amount]] = []
    for match in _pattern().finditer(text):
        amount = _amount(match)
        if amount is not None:
            found.append((match.start(), match.end(), amount))
    return found


def parse_money(text: str) -> Amount | None:
    """The first money expression in ``text``: ``parse_money("USD 5.2 billion")``."""
    found = find_money(text)
    return found[0][2] if found else None


def _amount(match: re.Match[str]) -> Amount | None:
    cur = _currencies()
    groups = match.groupdict()
    currency: str | None = None
    if groups["sign"] or groups["abbr"]:
        currency = cur.prefixes[groups["sign"] or groups["abbr"]]
    elif groups["code"]:
        currency = groups["code"]
    elif groups["name"]:
        name = re.sub(r"\s+", " ", groups["name"].lower())
        if name in cur.weak_names and not (groups["mult"] or groups["wordmult"]):
            return None  # "500 pounds of explosives": a weight, not money
        currency = cur.names.get(name) or cur.weak_names.get(name)
    if currency is None:
        return None
    value = _value(groups)
    if value is None:
        return None
    return Amount(value=value, currency=currency, text=match.group(0))


def _value(groups: dict[str, str | None]) -> float | None:
    if groups["numword"]:
        base = _NUMBER_WORDS[re.sub(r"\s+", " ", groups["numword"].lower())]
        word = (groups["wordmult"] or "").lower().rstrip("s")
        return float(base * _MULTIPLIERS[word])
    try:
        base = Decimal((groups["num"] or "").replace(",", ""))
    except InvalidOperation:
        return None
    factor = _MULTIPLIERS[groups["mult"].lower()] if groups["mult"] else 1
    # Decimal keeps 5.2 * 10**9 exact (5200000000.0, not 5200000000.000001).
    return float(base * factor)
