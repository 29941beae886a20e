"""Refresh ``src/sitrep/transfers/data/usd_rates.csv`` from exchange-rate files you downloaded.

sitrep never downloads anything at run time; to update the table, download one or more files
yourself and pass their paths. Accepted layouts (detected from the header row):

- FRED (https://fred.stlouisfed.org), one series per file, daily, monthly or annual: a date
  column (``observation_date`` or ``DATE``) and a series column such as ``AEXINUS`` /
  ``DEXINUS`` (rupees per dollar) or ``AEXUSEU`` / ``DEXUSEU`` (dollars per euro, inverted
  here). Observations are averaged per calendar year; FRED's "." (no data) is skipped.
- IMF International Financial Statistics bulk CSV (https://data.imf.org): one row per
  country and indicator with year columns ("1995", "1996" ...). Rows of the indicator
  ``ENDA_XDC_USD_RATE`` (domestic currency per US dollar, period average) are used, the
  country mapped to its currency by :data:`IMF_COUNTRIES`.
- Long: ``year,currency,per_usd`` rows.

Values for the years and currencies in the files replace those in the table; everything else
is kept. Usage::

    .venv/bin/python scripts/build_usd_rates.py ~/Downloads/AEXINUS.csv ~/Downloads/ifs.csv
    .venv/bin/python scripts/build_usd_rates.py --check    # only check the shipped table
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.transfers.rates import RATES_PATH, RateTable, format_rates, parse_rates  # noqa: E402

# FRED H.10 country codes (the two letters in DEXINUS / DEXUSEU) -> ISO 4217.
FRED_CODES = {
    "IN": "INR", "JP": "JPY", "KO": "KRW", "CH": "CNY", "CA": "CAD", "SZ": "CHF",
    "SD": "SEK", "SI": "SGD", "SF": "ZAR", "TH": "THB", "MA": "MYR", "BZ": "BRL",
    "EU": "EUR", "UK": "GBP", "AL": "AUD", "NZ": "NZD", "HK": "HKD", "TA": "TWD",
    "DN": "DKK", "NO": "NOK", "SL": "LKR", "MX": "MXN",
}  # fmt: skip
# IMF IFS country names -> ISO 4217 (the currencies the shipped table carries).
IMF_COUNTRIES = {
    "Euro Area": "EUR", "United Kingdom": "GBP", "India": "INR", "Russian Federation": "RUB",
    "China, P.R.: Mainland": "CNY", "Japan": "JPY", "Korea, Rep. of": "KRW",
    "Korea, Republic of": "KRW", "Australia": "AUD", "Canada": "CAD", "Israel": "ILS",
    "Turkey": "TRY", "Türkiye, Rep. of": "TRY", "Pakistan": "PKR", "Saudi Arabia": "SAR",
    "United Arab Emirates": "AED", "Brazil": "BRL", "Malaysia": "MYR", "Switzerland": "CHF",
    "Sweden": "SEK", "Singapore": "SGD", "South Africa": "ZAR", "Indonesia": "IDR",
    "Thailand": "THB",
}  # fmt: skip
IMF_INDICATOR = "ENDA_XDC_USD_RATE"

Rates = dict[str, dict[int, float]]


def _fred(header: list[str], rows: list[list[str]]) -> Rates:
    series = header[1].strip().upper()
    code = series[-4:]  # INUS (rupees per dollar) or USEU (dollars per euro)
    inverted = code.startswith("US")
    currency = FRED_CODES.get(code[2:] if inverted else code[:2])
    if currency is None:
        raise SystemExit(f"unknown FRED series {series!r}; add its country code to FRED_CODES")
    sums: dict[int, list[float]] = defaultdict(list)
    for row in rows:
        if len(row) < 2 or row[1].strip() in ("", "."):
            continue
        value = float(row[1])
        sums[int(row[0][:4])].append(1 / value if inverted else value)
    return {currency: {year: sum(v) / len(v) for year, v in sums.items()}}


def _imf(header: list[str], rows: list[list[str]]) -> Rates:
    column = {name.strip(): i for i, name in enumerate(header)}
    years = {i: int(name) for name, i in column.items() if name.isdigit()}
    rates: Rates = defaultdict(dict)
    for row in rows:
        if row[column["Indicator Code"]].strip() != IMF_INDICATOR:
            continue
        currency = IMF_COUNTRIES.get(row[column["Country Name"]].strip())
        if currency is None:
            continue
        for i, year in years.items():
            if i < len(row) and row[i].strip():
                rates[currency][year] = float(row[i])
    return dict(rates)


def _long(rows: list[list[str]]) -> Rates:
    rates: Rates = defaultdict(dict)
    for year, currency, per_usd, *_ in rows:
        rates[currency.strip().upper()][int(year)] = float(per_usd)
    return dict(rates)


def read_downloaded(path: Path) -> Rates:
    """Rates (units per USD, yearly averages) from one downloaded file."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = [row for row in csv.reader(handle) if row and not row[0].startswith("#")]
    header, rows = table[0], table[1:]
    first = header[0].strip().lower()
    if first in ("observation_date", "date") and len(header) == 2:
        return _fred(header, rows)
    if "Indicator Code" in [h.strip() for h in header]:
        return _imf(header, rows)
    if [h.strip().lower() for h in header[:3]] == ["year", "currency", "per_usd"]:
        return _long(rows)
    raise SystemExit(f"{path}: not a FRED, IMF IFS or year,currency,per_usd file")


def merge(table: RateTable, new: Rates) -> RateTable:
    rates = {currency: dict(years) for currency, years in table.rates.items()}
    for currency, years in new.items():
        rates.setdefault(currency, {}).update(years)
    merged = RateTable(rates, table.header)
    # A dollar is one dollar in every year the table now spans.
    rates.setdefault("USD", {}).update(dict.fromkeys(merged.years, 1.0))
    return merged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="downloaded FRED / IMF / long CSV")
    parser.add_argument("--table", type=Path, default=RATES_PATH, help="the table to update")
    parser.add_argument("--check", action="store_true", help="only check the table loads")
    args = parser.parse_args(argv)
    table = parse_rates(args.table.read_text(encoding="utf-8"), source=str(args.table))
    if args.check or not args.files:
        print(
            f"{args.table}: {len(table.currencies)} currencies, years {table.years.start}-"
            f"{table.years.stop - 1}"
        )
        return 0
    for path in args.files:
        table = merge(table, read_downloaded(path))
    args.table.write_text(format_rates(table), encoding="utf-8")
    print(f"wrote {args.table}: {len(table.currencies)} currencies")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
