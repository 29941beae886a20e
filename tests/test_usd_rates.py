"""The dated USD conversion table and its refresh script."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.records import Amount
from sitrep.transfers.rates import RATES_PATH, format_rates, load_rates, parse_rates, with_usd

REPO = Path(__file__).resolve().parents[1]
NEWS_CURRENCIES = (
    *("USD", "EUR", "GBP", "INR", "RUB", "CNY", "JPY", "KRW", "AUD", "CAD", "ILS", "TRY"),
    *("PKR", "SAR", "AED", "BRL", "MYR", "CHF", "SEK", "SGD", "ZAR", "IDR", "THB"),
)


def test_table_covers_every_news_currency_every_year_1995_to_2025() -> None:
    table = load_rates()
    for currency in NEWS_CURRENCIES:
        years = table.rates[currency]
        missing = [y for y in range(1995, 2026) if y not in years]
        assert not missing, f"{currency} lacks {missing}"


def test_table_header_names_its_source() -> None:
    header = "\n".join(load_rates().header)
    assert "IMF" in header and "source" in header


@pytest.mark.parametrize(
    ("currency", "year", "low", "high"),
    [
        ("USD", 2020, 1, 1),
        ("SAR", 2010, 3.75, 3.75),  # pegged
        ("INR", 2018, 65, 72),
        ("RUB", 2015, 55, 65),  # the 2014-15 collapse
        ("EUR", 2008, 0.6, 0.75),
        ("GBP", 2022, 0.78, 0.84),
        ("JPY", 2012, 75, 85),
        ("TRY", 2023, 20, 28),
    ],
)
def test_rates_are_plausible_yearly_averages(
    currency: str, year: int, low: float, high: float
) -> None:
    rate = load_rates().rate(currency, year)
    assert rate is not None and rate.year == year
    assert low <= rate.per_usd <= high


def test_conversion_uses_the_rate_of_the_facts_year() -> None:
    # Rs 40,000 crore (the S-400 contract) is about $5.8bn at 2018 rates, far less at 2024's.
    rupees = Amount(4e11, "INR", "Rs 40,000 crore")
    in_2018 = with_usd(rupees, 2018).usd
    in_2024 = with_usd(rupees, 2024).usd
    assert in_2018 is not None and in_2024 is not None
    assert 5.6e9 < in_2018 < 6.1e9
    assert in_2024 < in_2018 * 0.85


def test_years_outside_the_table_use_the_nearest_year() -> None:
    table = load_rates()
    last = table.years.stop - 1
    later = table.rate("INR", last + 3)
    earlier = table.rate("INR", 1980)
    assert later is not None and later.year == last
    assert earlier is not None and earlier.year == table.years.start


def test_unknown_currency_leaves_usd_empty_and_given_usd_is_kept() -> None:
    assert with_usd(Amount(5.0, "XXX", "5 things"), 2020).usd is None
    stated = Amount(1.1e12, "KRW", "1.1 trillion won", usd=845e6)
    assert with_usd(stated, 2023).usd == 845e6


def test_malformed_table_is_a_coded_error() -> None:
    with pytest.raises(ConfigError, match="E206"):
        parse_rates("year,USD,INR\n2020,1,-5\n")
    with pytest.raises(ConfigError, match="year"):
        parse_rates("currency,rate\nINR,70\n")


def test_format_and_parse_round_trip() -> None:
    table = load_rates()
    again = parse_rates(format_rates(table))
    assert again.rates["INR"][2018] == pytest.approx(table.rates["INR"][2018], rel=1e-3)
    assert again.header == table.header


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "build_usd_rates", REPO / "scripts" / "build_usd_rates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_usd_rates"] = module
    spec.loader.exec_module(module)
    return module


def test_refresh_script_merges_a_fred_download(tmp_path: Path) -> None:
    table = tmp_path / "rates.csv"
    table.write_text(RATES_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    # Daily FRED series: rupees per dollar (DEXINUS) and dollars per euro (DEXUSEU).
    (tmp_path / "DEXINUS.csv").write_text(
        "observation_date,DEXINUS\n2026-01-02,90.0\n2026-01-05,.\n2026-01-06,92.0\n"
    )
    (tmp_path / "DEXUSEU.csv").write_text("observation_date,DEXUSEU\n2026-01-02,1.25\n")
    code = _script().main(
        [str(tmp_path / "DEXINUS.csv"), str(tmp_path / "DEXUSEU.csv"), "--table", str(table)]
    )
    assert code == 0
    updated = parse_rates(table.read_text(encoding="utf-8"))
    assert updated.rates["INR"][2026] == pytest.approx(91.0)
    assert updated.rates["EUR"][2026] == pytest.approx(0.8)  # inverted to euros per dollar
    assert updated.rates["INR"][2018] == load_rates().rates["INR"][2018]  # the rest kept
    assert updated.header == load_rates().header


def test_refresh_script_reads_imf_ifs_rows(tmp_path: Path) -> None:
    table = tmp_path / "rates.csv"
    table.write_text(RATES_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    imf = tmp_path / "ifs.csv"
    imf.write_text(
        '"Country Name","Country Code","Indicator Name","Indicator Code","2019","2020"\n'
        '"Pakistan","564","Per USD, period average","ENDA_XDC_USD_RATE","150.5","161.5"\n'
        '"Pakistan","564","Per USD, end of period","ENDE_XDC_USD_RATE","155","160"\n'
    )
    assert _script().main([str(imf), "--table", str(table)]) == 0
    updated = parse_rates(table.read_text(encoding="utf-8"))
    assert updated.rates["PKR"][2019] == pytest.approx(150.5)
    assert updated.rates["PKR"][2020] == pytest.approx(161.5)
