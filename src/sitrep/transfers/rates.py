"""Convert deal values to US dollars with a dated table of yearly average exchange rates.

The table (``data/usd_rates.csv``) holds, for each year, how many units of each currency
one US dollar bought on average that year. A value is converted at the rate of the year the
fact belongs to (the year the deal was signed when known, else the article's year): a
Rs 40,000 crore contract of 2018 is about USD 5.8 billion, not what the same rupees would
buy today. ``scripts/build_usd_rates.py`` refreshes the table from a downloaded IMF or
FRED file.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import ConfigError, E
from sitrep.records import Amount

RATES_PATH = Path(__file__).resolve().parent / "data" / "usd_rates.csv"


@dataclass(frozen=True, slots=True)
class Rate:
    """Units of ``currency`` per US dollar in ``year`` (the year actually used)."""

    currency: str
    year: int
    per_usd: float


@dataclass(frozen=True)
class RateTable:
    """Yearly rates per currency; build with :func:`load_rates`."""

    rates: dict[str, dict[int, float]]  # currency -> year -> units per USD
    header: tuple[str, ...] = ()  # the comment lines of the file (source, method)

    @property
    def currencies(self) -> list[str]:
        return sorted(self.rates)

    @property
    def years(self) -> range:
        all_years = [y for by_year in self.rates.values() for y in by_year]
        return range(min(all_years), max(all_years) + 1) if all_years else range(0)

    def rate(self, currency: str, year: int) -> Rate | None:
        """The rate of ``year``, or of the nearest year the table has; None for an unknown
        currency. Nearest rather than refusing: a 2026 article still gets a usable figure."""
        by_year = self.rates.get(currency.upper())
        if not by_year:
            return None
        if year not in by_year:
            year = min(by_year, key=lambda y: (abs(y - year), -y))
        return Rate(currency.upper(), year, by_year[year])

    def to_usd(self, value: float, currency: str, year: int) -> float | None:
        rate = self.rate(currency, year)
        return None if rate is None else value / rate.per_usd


def parse_rates(text: str, source: str = "rates") -> RateTable:
    """Read the wide CSV layout: ``#`` comment lines, then ``year,USD,EUR,...`` rows."""
    header = tuple(line for line in text.splitlines() if line.startswith("#"))
    body = "\n".join(line for line in text.splitlines() if line and not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(body)))
    if not rows or rows[0][0].strip().lower() != "year":
        raise ConfigError(E.BAD_OPTION, option=source, reason="first column must be 'year'")
    currencies = [c.strip().upper() for c in rows[0][1:]]
    rates: dict[str, dict[int, float]] = {c: {} for c in currencies}
    for number, row in enumerate(rows[1:], start=2):
        try:
            year = int(row[0])
            for currency, cell in zip(currencies, row[1:], strict=False):
                if cell.strip():
                    per_usd = float(cell)
                    if per_usd <= 0:
                        raise ValueError(f"rate must be positive, got {cell}")
                    rates[currency][year] = per_usd
        except ValueError as error:
            raise ConfigError(
                E.BAD_OPTION, option=f"{source} row {number}", reason=str(error)
            ) from error
    return RateTable(rates, header)


def format_rates(table: RateTable) -> str:
    """The table in the file layout :func:`parse_rates` reads (header comments kept)."""
    currencies = ["USD", *[c for c in table.currencies if c != "USD"]]
    out = io.StringIO()
    for line in table.header:
        out.write(line + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", *currencies])
    for year in table.years:
        row = [str(year)]
        for currency in currencies:
            value = table.rates.get(currency, {}).get(year)
            row.append("" if value is None else f"{value:.6g}")
        writer.writerow(row)
    return out.getvalue()


@functools.lru_cache(maxsize=4)
def load_rates(path: Path = RATES_PATH) -> RateTable:
    """The rate table at ``path`` (the shipped one by default), read once."""
    return parse_rates(path.read_text(encoding="utf-8"), source=str(path))


def with_usd(amount: Amount, year: int, table: RateTable | None = None) -> Amount:
    """A copy of ``amount`` with :attr:`Amount.usd` filled at the rate of ``year``.

    An amount whose ``usd`` is already set (the article gave its own dollar figure) keeps it.
    """
    if amount.usd is not None:
        return amount
    usd = (table or load_rates()).to_usd(amount.value, amount.currency, year)
    return dataclasses.replace(amount, usd=None if usd is None else round(usd, 2))
