"""Money mentions: the formats defence news uses, normalised to value + ISO 4217 currency."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors import find_money, parse_money


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("USD 5.2 billion", 5_200_000_000, "USD"),
        ("$5.4 b", 5_400_000_000, "USD"),
        ("$5.4b", 5_400_000_000, "USD"),
        ("US$ 1.2bn", 1_200_000_000, "USD"),
        ("US$1.2 billion", 1_200_000_000, "USD"),
        ("USD5.2bn", 5_200_000_000, "USD"),
        ("INR 390 billion", 390_000_000_000, "INR"),
        ("Rs 5,000 crore", 50_000_000_000, "INR"),
        ("Rs. 5,000 crore", 50_000_000_000, "INR"),
        ("₹39,000 crore", 390_000_000_000, "INR"),
        ("Rs 50 lakh", 5_000_000, "INR"),
        ("Rs 1,23,456", 123_456, "INR"),
        ("£13bn", 13_000_000_000, "GBP"),
        ("€2.5 million", 2_500_000, "EUR"),
        ("EUR 300m", 300_000_000, "EUR"),
        ("RUB 10 billion", 10_000_000_000, "RUB"),
        ("10 billion roubles", 10_000_000_000, "RUB"),
        ("1.175 billion ringgit", 1_175_000_000, "MYR"),
        ("60,000 US dollars", 60_000, "USD"),
        ("5 billion yuan", 5_000_000_000, "CNY"),
        ("¥500 billion", 500_000_000_000, "JPY"),
        ("300 million euros", 300_000_000, "EUR"),
        ("A$3.5 billion", 3_500_000_000, "AUD"),
        ("5.2 billion USD", 5_200_000_000, "USD"),
        ("a billion dollars", 1_000_000_000, "USD"),
        ("half a billion dollars", 500_000_000, "USD"),
        ("2.5 trillion won", 2_500_000_000_000, "KRW"),
        ("$50k", 50_000, "USD"),
    ],
)
def test_formats(text: str, value: float, currency: str) -> None:
    amount = parse_money(text)
    assert amount is not None, text
    assert amount.value == value  # exact: 5.2 billion is 5200000000.0, not ...000001
    assert amount.currency == currency
    assert amount.text == text
    assert amount.usd is None  # conversion is a later stage


def test_offsets_and_text_in_a_sentence() -> None:
    text = "the two countries signed the USD 5.2 billion deal for S-400 systems in 2018."
    ((start, end, amount),) = find_money(text)
    assert text[start:end] == "USD 5.2 billion" == amount.text
    assert amount.value == 5.2e9


def test_several_amounts_in_order() -> None:
    text = "A Rs 5,000 crore order, then £13bn and finally 1.175 billion ringgit."
    assert [(a.value, a.currency) for _, _, a in find_money(text)] == [
        (5e10, "INR"),
        (1.3e10, "GBP"),
        (1.175e9, "MYR"),
    ]


def test_range_keeps_lower_bound_and_whole_text() -> None:
    amount = parse_money("a deal worth $5-6 billion")
    assert amount is not None
    assert (amount.value, amount.text) == (5e9, "$5-6 billion")


def test_hyphenated_adjective_form() -> None:
    amount = parse_money("the 5.2-billion-dollar contract")
    assert amount is not None
    assert (amount.value, amount.currency) == (5.2e9, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "390 billion",  # no currency
        "June 22, 2020",
        "500 pounds of explosives",  # a weight
        "a 2,000-pound bomb",
        "in 2019 won the election",
        "S-400 systems",
        "the A330 tanker",
        "deliveries by 2021",
    ],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_a_single_letter_multiplier_needs_a_word_edge() -> None:
    amount = parse_money("$5 by 2021")
    assert amount is not None
    assert (amount.value, amount.text) == (5.0, "$5")


def test_seed_article_deal_value(shared_dir: Path) -> None:
    text = (shared_dir / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    amounts = [a for _, _, a in find_money(text)]
    assert [(a.value, a.currency, a.text) for a in amounts] == [(5.2e9, "USD", "USD 5.2 billion")]
