"""How much and how many: deal values (converted to US dollars) and quantities."""

from __future__ import annotations

import re

from spacy.tokens import Span

from sitrep.actors.equipment import EquipmentMatch
from sitrep.actors.money import find_money
from sitrep.records import Amount
from sitrep.transfers.cues import CueLexicon
from sitrep.transfers.rates import RateTable, with_usd

__all__ = ["assign_values", "deal_values", "quantity_before"]

# A second amount this close after the first, in dollars, is the article's own conversion:
# "1.1 trillion won (about US$850 million)". 25 characters cover "(about ", "(roughly ", ", or ".
_CONVERSION_GAP = 25

# How far before a system to look for its count ("12 FA-50 light combat aircraft",
# "five units of the S-400"): 60 characters hold the longest phrasing seen in the test texts.
_QUANTITY_WINDOW = 60

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30, "thirty-six": 36,
    "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "a dozen": 12,
}  # fmt: skip

_NUMBER = r"\d{1,3}(?:,\d{3})*|\d+|" + "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)
)

_QUANTITY = re.compile(
    rf"(?<![\w.$£€₹])(?P<n>{_NUMBER})\s+(?:(?:more|additional|new|further|more than|about|"
    r"around|nearly|some)\s+)?(?:(?:units|squadrons|regiments|batteries|systems|sets|lots)"
    r"\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def quantity_before(text: str, mention_start: int, batch_words: frozenset[str]) -> int | None:
    """The count written before a system ("12 FA-50 jets"); a batch count is not the deal's."""
    before = text[max(0, mention_start - _QUANTITY_WINDOW) : mention_start]
    found = _QUANTITY.search(before)
    if found is None:
        return None
    words = re.findall(r"[A-Za-z]+", before[: found.start("n")])[-3:]
    if any(w.lower() in batch_words for w in words):
        return None  # "the first batch of four FA-50s"
    raw = found.group("n").lower()
    number = _NUMBER_WORDS.get(raw)
    if number is None:
        number = int(raw.replace(",", ""))
        if 1900 <= number <= 2100 and "," not in raw:
            return None  # "the 2018 S-400 deal": a year, not a count
    return number if number > 0 else None


def deal_values(
    sentence: Span, lexicon: CueLexicon, year: int, rates: RateTable
) -> list[tuple[int, Amount]]:
    """Deal values in the sentence (offset within the sentence, Amount with USD)."""
    text = sentence.text
    if lexicon.value.search(text) is None:
        return []
    found = find_money(text)
    values: list[tuple[int, Amount]] = []
    skip: set[int] = set()
    for i, (start, end, amount) in enumerate(found):
        if i in skip:
            continue
        if i + 1 < len(found):
            next_start, _, following = found[i + 1]
            if (
                following.currency == "USD"
                and amount.currency != "USD"
                and next_start - end <= _CONVERSION_GAP
            ):
                amount = Amount(amount.value, amount.currency, amount.text, usd=following.value)
                skip.add(i + 1)
        values.append((start, with_usd(amount, year, rates)))
    return values


def assign_values(
    values: list[tuple[int, Amount]], mentions: list[EquipmentMatch], base: int
) -> dict[int, Amount]:
    """Each amount goes to the system it is about: the first named after it ("$5.2 billion
    deal for S-400"), else the nearest before it ("the S-400 deal, worth $5.2 billion")."""
    assigned: dict[int, Amount] = {}
    for offset, amount in values:
        after = [i for i, m in enumerate(mentions) if m.start - base >= offset]
        if after:
            index = after[0]
        else:
            index = min(range(len(mentions)), key=lambda i: offset - (mentions[i].end - base))
        assigned.setdefault(index, amount)
    return assigned
