"""Who held which office when: the dated roles table and its lookups.

News names people by the office they hold on the article's date ("Defence Minister Rajnath
Singh") and the same name means different things in different years (Sergei Shoigu was
Russia's Defence Minister in 2020, not in 2025). The table in ``data/roles.tsv`` lists spells
in office (schema and the rule for partial dates in ``data/ROLES.md``); this module loads it
once and answers "which roles does this name hold on this date?".

An office is a country's (``country`` "IND") or an international organisation's: a row whose
country column reads ``igo:<id>`` ("igo:un", "igo:nato"; the id of an entry with sector IGO
in ``data/organisations.yaml``) is that organisation's office, and its :class:`Role` has
``country=None`` and ``organisation="un"``. Javier Solana is Spain's Foreign Minister in 1993,
NATO's Secretary General in 1997 and the EU's High Representative in 2005.

Names are matched on a folded key (accents, case, punctuation and the commonest
transliteration differences removed: "Sergey Shoygu" = "Sergei Shoigu", "Yuriy" = "Yury") and on
the aliases listed in the table. Surname-only lookups ("Singh", "Xi") go through
:func:`roles_by_surname`, which may return several people: "Singh" in India in 2020 is both the
Defence Minister and the Navy chief, and only coreference with an earlier full name can tell.
"""

from __future__ import annotations

import calendar
import difflib
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, NamedTuple

import yaml

from sitrep.actors.gazetteer import YAML_LOADER, ascii_fold
from sitrep.errors import ConfigError, E

DATA_DIR = Path(__file__).resolve().parent / "data"
ROLES_FILE = DATA_DIR / "roles.tsv"
# Offices derived from CountryInfo and the Phoenix country actors by
# scripts/build_countryinfo_roles.py (CC BY-SA 3.0, as its source), merged with roles.tsv.
COUNTRYINFO_ROLES_FILE = DATA_DIR / "roles_countryinfo.tsv"
# Licences of the shipped tables, as `sitrep roles` shows them for each row.
LICENCES: dict[str, str] = {
    ROLES_FILE.name: "MIT (sitrep, hand-written)",
    COUNTRYINFO_ROLES_FILE.name: "CC BY-SA 3.0 (CountryInfo, P. A. Schrodt)",
}
ORGANISATIONS_FILE = DATA_DIR / "organisations.yaml"
# The country column of an international organisation's office: "igo:un", "igo:nato".
IGO_PREFIX = "igo:"

# The fixed role vocabulary: the short code used in the TSV -> the role name used in records.
ROLE_CODES: dict[str, str] = {
    "HOS": "head of state",
    "HOG": "head of government",
    "FM": "foreign minister",
    "DM": "defence minister",
    "DPM": "deputy prime minister",
    "INT": "interior minister",
    "CDS": "chief of defence staff",
    "ARMY": "army chief",
    "NAVY": "navy chief",
    "AF": "air force chief",
    "HEAD": "head of organisation",
    # Generic offices, mostly from CountryInfo's cabinets: the title says which.
    "MIN": "minister",  # another member of the government: a minister, a vice president
    "AMB": "ambassador",  # an ambassador or a permanent representative at the UN
    "OFF": "official",  # another state official: central bank governor, intelligence chief
}
ROLE_NAMES = frozenset(ROLE_CODES.values())
# Offices only an international organisation has (its Secretary-General, Director General,
# President of the Commission ...). Its other offices use the national codes where they fit:
# the EU's High Representative is its FM.
IGO_ONLY_CODES = frozenset({"HEAD"})
# Offices whose holders news names by surname alone ("Blair said", "Lavrov told"): only these
# are found by a bare surname. A minister of tourism is introduced by full name first.
SURNAME_CODES = frozenset(ROLE_CODES) - {"MIN", "AMB", "OFF"}
SURNAME_ROLES = frozenset(ROLE_CODES[code] for code in SURNAME_CODES)
_GENERIC_ROLES = frozenset(ROLE_CODES[code] for code in ("MIN", "AMB", "OFF"))

# Display titles used when a row leaves the title column empty: the words English-language news
# uses most for the office. Rows override them where the country's usage differs ("Chancellor",
# "Secretary of State", "External Affairs Minister").
DEFAULT_TITLES: dict[str, str] = {
    "HOS": "President",
    "HOG": "Prime Minister",
    "FM": "Foreign Minister",
    "DM": "Defence Minister",
    "DPM": "Deputy Prime Minister",
    "INT": "Interior Minister",
    "CDS": "Chief of Defence Staff",
    "ARMY": "Army Chief",
    "NAVY": "Navy Chief",
    "AF": "Air Force Chief",
    "HEAD": "Secretary-General",
    "MIN": "Minister",
    "AMB": "Ambassador",
    "OFF": "Official",
}

# PLOVER sector when the row leaves it empty. Defence ministers who are serving or retired
# officers holding military rank (Shoigu, a General of the Army) carry MIL explicitly in the row.
DEFAULT_SECTORS: dict[str, str] = {
    "HOS": "GOV",
    "HOG": "GOV",
    "FM": "GOV",
    "DM": "GOV",
    "DPM": "GOV",
    "INT": "GOV",
    "CDS": "MIL",
    "ARMY": "MIL",
    "NAVY": "MIL",
    "AF": "MIL",
    "HEAD": "GOV",
    "MIN": "GOV",
    "AMB": "GOV",
    "OFF": "GOV",
}
# PLOVER sectors of the state an office may carry (an attorney general JUD, a police chief COP).
SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})

COLUMNS = (
    "country",
    "role",
    "person",
    "start",
    "end",
    "title",
    "sector",
    "aliases",
    "confidence",
    "note",
)
# A derived table (roles_countryinfo.tsv) adds where each row came from and whether it is used:
# status "" or "preferred" (used to resolve names) or "alternative" (its source disagrees with
# a better-sourced row; listed by `sitrep roles`, not used).
DERIVED_COLUMNS = (*COLUMNS, "source", "status")
STATUSES = frozenset({"", "preferred", "alternative"})
Confidence = Literal["high", "low"]

# Countries whose news writes the family name first ("Xi Jinping" -> "Xi", "Yoon Suk Yeol" ->
# "Yoon"); everywhere else the surname is the last word (plus particles: "von der Leyen").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "HKG", "MAC"})
_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "do", "dos", "das", "du", "di", "del", "della"}
    | {"la", "le", "al", "el", "bin", "ibn", "ben", "abu", "ter", "zu"}
)
# How close a misspelt full name must be to the table's (difflib ratio on folded names).
_SPELLING_CUTOFF = 0.9
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "shri", "smt"})

_ISO3 = re.compile(r"^[A-Z]{3}$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Name folding, compiled once: names are folded for every person mention.
_APOSTROPHES = re.compile(r"['’`]")  # "O'Brien" = "OBrien"; "Mu'izzu" = "Muizzu"
_ALNUM_RUNS = re.compile(r"[a-z0-9]+")
_DOUBLE_I = re.compile(r"i{2,}")
_OPEN_END = "9999-12-31"
_OPEN_START = "0001-01-01"


# --------------------------------------------------------------------------- dates


# Dates repeat (table rows share months, documents share days): each is read once.
@functools.lru_cache(maxsize=16384)
def period_bounds(value: str) -> tuple[str, str]:
    """The first and last day of a (possibly partial) ISO date: "2004-05" -> 2004-05-01..31.

    Raises ValueError for anything that is not YYYY, YYYY-MM or YYYY-MM-DD (a time part after
    the day, as in a document date "2020-06-23T10:00", is ignored).
    """
    match = _PARTIAL_DATE.match(value[:10] if len(value) > 10 and value[10] == "T" else value)
    if not match:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = match.groups()
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        raise ValueError(f"month out of range in {value!r}")
    last = calendar.monthrange(int(year), int(month))[1]
    if day is None:
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    if not 1 <= int(day) <= last:
        raise ValueError(f"day out of range in {value!r}")
    return value[:10], value[:10]


def date_precision(value: str) -> Literal["year", "month", "day"]:
    """How precise a table date is: "2004" year, "2004-05" month, "2004-05-12" day."""
    return {4: "year", 7: "month"}.get(len(value), "day")  # type: ignore[return-value]


# --------------------------------------------------------------------------- names


def _fold_token(token: str) -> str:
    # Transliterations of Cyrillic and Ukrainian names differ mostly in y/i ("Sergey"/"Sergei",
    # "Shoygu"/"Shoigu", "Yuriy"/"Yuri", "Zelenskyy"/"Zelensky"); a word-initial y stays ("Yury").
    if len(token) > 1 and "y" in token:
        token = token[0] + token[1:].replace("y", "i")
    return _DOUBLE_I.sub("i", token) if "ii" in token else token


def name_tokens(name: str) -> list[str]:
    """The folded words of a name: "Sergey Shoygu" -> ["sergei", "shoigu"]."""
    return list(_name_tokens(name))


# Names repeat too (a person's rows, a document's mentions); bounded for long ingests.
@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    text = _APOSTROPHES.sub("", (name if name.isascii() else ascii_fold(name)).lower())
    tokens = [_fold_token(t) for t in _ALNUM_RUNS.findall(text)]
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    return tuple(tokens)


def name_key(name: str) -> str:
    """The folded form names are matched on: "Sergey Shoygu" and "Sergei Shoigu" agree."""
    return " ".join(_name_tokens(name))


def surname_keys(name: str, country: str | None = None) -> set[str]:
    """The folded surnames news may use alone for this name.

    "Rajnath Singh" -> {"singh"}; "Xi Jinping" (CHN) -> {"xi"}; "Ursula von der Leyen" ->
    {"leyen", "von der leyen"}; "Andrés Manuel López Obrador" -> {"obrador", "lopez obrador"};
    "Nkosazana Dlamini-Zuma" -> {"dlamini zuma"} (not "zuma", which is Jacob Zuma).
    """
    tokens = name_tokens(name)
    if not tokens:
        return set()
    if len(tokens) == 1:
        return {tokens[0]}
    if country in FAMILY_NAME_FIRST:
        return {tokens[0]}
    # A hyphenated surname is used whole: "Dlamini-Zuma", never "Zuma" (another person), and
    # "Grabar-Kitarović"; an Arabic article stays optional ("al-Assad" -> "assad", "al assad").
    last_word = name_tokens(name.split()[-1])
    if "-" in name.split()[-1] and len(last_word) > 1 and last_word[0] not in _PARTICLES:
        return {" ".join(last_word)}
    keys = {tokens[-1]}
    first = len(tokens) - 1
    while first > 1 and tokens[first - 1] in _PARTICLES:
        first -= 1
    keys.add(" ".join(tokens[first:]))
    if len(tokens) >= 3:  # Spanish and Portuguese double surnames
        keys.add(" ".join(tokens[-2:]))
    return keys


# --------------------------------------------------------------------------- records


class Role(NamedTuple):
    """One spell in office: a person, a country's or an organisation's office, and when.

    Exactly one of ``country`` and ``organisation`` is set: a national office has its ISO code,
    an international organisation's office (UN Secretary-General, NATO Secretary General) has
    ``country=None`` and the organisation's id.

    A named tuple rather than a frozen dataclass: the table holds some 24,000 of them and a
    frozen dataclass takes ten times as long to build, which every process pays at start-up.
    """

    person: str  # the name as English-language news writes it most often
    country: str | None  # ISO 3166 alpha-3; None for an international organisation's office
    role: str  # one of ROLE_NAMES
    title: str  # display title: "Defence Minister", "Secretary of State", "Chancellor"
    sector: str  # PLOVER sector: GOV or MIL
    start: str | None  # ISO date, possibly partial ("2004-05", "2004"); None if unknown
    end: str | None  # None: still in office as of the table's knowledge date
    confidence: Confidence = "high"
    aliases: tuple[str, ...] = ()
    note: str = ""
    source: str = ""  # "roles.tsv:123", where the row came from
    # An international organisation's office: its id in data/organisations.yaml ("un", "nato").
    organisation: str | None = None
    # Where a derived table's row came from upstream ("CountryInfo.120116.txt:11156") and
    # under which licence the table that holds it is shipped.
    origin: str = ""
    licence: str = ""
    # "" or "preferred": used to resolve names; "alternative": a source that disagrees with a
    # better-sourced row, kept to be shown (`sitrep roles`), never used to resolve.
    status: str = ""

    @property
    def owner(self) -> str:
        """Whose office it is, as the table's country column writes it: "IND" or "igo:un"."""
        if self.organisation is not None:
            return IGO_PREFIX + self.organisation
        return self.country or ""

    @property
    def start_bounds(self) -> tuple[str, str]:
        return period_bounds(self.start) if self.start else (_OPEN_START, _OPEN_START)

    @property
    def end_bounds(self) -> tuple[str, str]:
        return period_bounds(self.end) if self.end else (_OPEN_END, _OPEN_END)

    def covers(self, date: str, *, strict: bool = False) -> bool:
        """Whether the spell overlaps ``date`` (a day, month or year).

        By default a partial boundary is read widely: a spell that starts "2004-05" covers all of
        May 2004, so around a change of office both the outgoing and the incoming holder may be
        returned. ``strict=True`` reads it narrowly (it covers only dates certainly in office:
        from 2004-05-31 on).
        """
        query_first, query_last = period_bounds(date)
        if strict:
            first, last = self.start_bounds[1], self.end_bounds[0]
        else:
            first, last = self.start_bounds[0], self.end_bounds[1]
        return first <= query_last and query_first <= last

    @property
    def is_open(self) -> bool:
        """Still in office as of the table's knowledge date (no end date)."""
        return self.end is None

    def names(self) -> tuple[str, ...]:
        return (self.person, *self.aliases)


# --------------------------------------------------------------------------- reading


def read_roles_tsv(path: Path, *, validate: bool = True) -> list[Role]:
    """Rows of a roles TSV file (schema: data/ROLES.md), validated.

    Aliases given on any row of a person are shared by all that person's rows, so a table lists
    them once. Errors name the file and line. ``validate=False`` trusts the rows (the shipped
    derived table, 20,000 rows that its builder and the tests validate): it loads five times
    faster, which every worker process pays at start-up.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(E.BAD_ROLES, source=path, reason=str(exc)) from exc
    rows: list[Role] = []
    header_seen = False
    columns = COLUMNS
    licence = LICENCES.get(path.name, "") if path.parent == DATA_DIR else ""
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen and cells[0] == "country":
            if tuple(cells) == DERIVED_COLUMNS:
                columns = DERIVED_COLUMNS  # a derived table: each row says where it came from
            elif tuple(cells[: len(COLUMNS)]) != COLUMNS[: len(cells)]:
                raise ConfigError(
                    E.BAD_ROLES, source=path, reason=f"header must be {' '.join(COLUMNS)}"
                )
            header_seen = True
            continue
        where = f"{path.name}:{number}"
        if validate:
            rows.append(_row_to_role(cells, where, path, columns, licence))
        else:
            rows.append(_trusted_row(cells, where, columns, licence))
    return _share_aliases(rows)


def _trusted_row(cells: list[str], where: str, columns: tuple[str, ...], licence: str) -> Role:
    """A row of a generated table, read without checks (see :func:`read_roles_tsv`)."""
    cells += [""] * (len(columns) - len(cells))
    country, code, person, start, end, title, sector, aliases, confidence, note = cells[:10]
    origin, status = (cells[10], cells[11]) if len(cells) > 11 else ("", "")
    organisation = None
    if country.startswith(IGO_PREFIX):
        organisation, country = country[len(IGO_PREFIX) :], ""
    return Role(
        person,
        country or None,
        ROLE_CODES[code],
        title or DEFAULT_TITLES[code],
        sector or DEFAULT_SECTORS[code],
        start or None,
        end or None,
        "low" if confidence == "low" else "high",
        tuple(aliases.split("|")) if aliases else (),
        note,
        where,
        organisation,
        origin,
        licence,
        status,
    )


def read_roles_yaml(path: Path) -> list[Role]:
    """The ``roles`` section of a user gazetteer file: one mapping per spell in office, with
    the columns of the TSV as keys (``aliases`` a list or a |-separated string), validated
    like the TSV. A file without the section has no roles.

    .. code-block:: yaml

        roles:
          - {country: IND, role: DM, person: Rajnath Singh, start: 2019-05-31}
          - {country: igo:un, role: HEAD, person: António Guterres, start: 2017-01-01,
             title: Secretary-General, aliases: [Guterres]}
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(E.BAD_ROLES, source=path, reason=str(exc)) from exc
    entries = data.get("roles") if isinstance(data, dict) else None
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise ConfigError(E.BAD_ROLES, source=path, reason="roles must be a list")
    rows = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(entry) - set(COLUMNS):
            raise ConfigError(
                E.BAD_ROLES,
                source=path,
                reason=f"roles entry {number}: a mapping with keys among {', '.join(COLUMNS)}",
            )
        aliases = entry.get("aliases") or ""
        if isinstance(aliases, list):
            aliases = "|".join(str(a) for a in aliases)
        values = {**entry, "aliases": aliases}
        cells = ["" if values.get(c) is None else str(values.get(c)) for c in COLUMNS]
        rows.append(_row_to_role(cells, f"roles entry {number}", path))
    return rows


def _row_to_role(
    cells: list[str],
    where: str,
    path: Path,
    columns: tuple[str, ...] = COLUMNS,
    licence: str = "",
) -> Role:
    def bad(reason: str) -> ConfigError:
        return ConfigError(E.BAD_ROLES, source=path, reason=f"line {where}: {reason}")

    if len(cells) < 4 or len(cells) > len(columns):
        raise bad(f"expected 4 to {len(columns)} tab-separated columns, got {len(cells)}")
    cells += [""] * (len(columns) - len(cells))
    row = dict(zip(columns, cells, strict=True))
    status = row.get("status", "")
    if status not in STATUSES:
        raise bad(f"status {status!r} is not empty, 'preferred' or 'alternative'")
    country: str | None = row["country"]
    organisation: str | None = None
    if country and country.startswith(IGO_PREFIX):
        organisation, country = country[len(IGO_PREFIX) :], None
        if organisation not in igo_ids():
            raise bad(
                f"organisation {organisation!r} is not the id of an international organisation "
                f"(sector IGO) in {ORGANISATIONS_FILE.name}"
            )
    elif not _ISO3.match(row["country"]):
        raise bad(
            f"country {row['country']!r} is not an ISO 3166 alpha-3 code "
            f"or {IGO_PREFIX}<organisation id>"
        )
    code = row["role"]
    if code not in ROLE_CODES:
        raise bad(f"role {code!r} is not one of {', '.join(ROLE_CODES)}")
    if code in IGO_ONLY_CODES and organisation is None:
        raise bad(f"role {code!r} is an international organisation's office ({IGO_PREFIX}<id>)")
    if not row["person"]:
        raise bad("person is empty")
    start, end = row["start"] or None, row["end"] or None
    bounds = []
    for column, value in (("start", start), ("end", end)):
        if value:
            try:
                bounds.append(period_bounds(value))
            except ValueError as exc:
                raise bad(f"{column}: {exc}") from exc
    if start and end and bounds[0][0] > bounds[1][1]:
        raise bad(f"start {start} is after end {end}")
    sector = row["sector"] or DEFAULT_SECTORS[code]
    if sector not in SECTORS:
        raise bad(f"sector {sector!r} is not one of {', '.join(sorted(SECTORS))}")
    confidence = row["confidence"] or "high"
    if confidence not in ("high", "low"):
        raise bad(f"confidence {confidence!r} is not empty, 'high' or 'low'")
    aliases = (
        tuple(a.strip() for a in row["aliases"].split("|") if a.strip()) if row["aliases"] else ()
    )
    return Role(
        person=row["person"],
        country=country,
        organisation=organisation,
        role=ROLE_CODES[code],
        title=row["title"] or DEFAULT_TITLES[code],
        sector=sector,
        start=start,
        end=end,
        confidence=confidence,  # type: ignore[arg-type]
        aliases=aliases,
        note=row["note"],
        source=where,
        origin=row.get("source", ""),
        licence=licence,
        status=status,
    )


def _share_aliases(rows: list[Role]) -> list[Role]:
    merged: dict[tuple[str, str], list[str]] = {}
    for role in rows:
        if role.aliases:
            names = merged.setdefault((role.owner, role.person), [])
            names.extend(a for a in role.aliases if a not in names)
    if not merged:
        return rows
    shared = {key: tuple(names) for key, names in merged.items()}
    out = []
    for role in rows:
        aliases = shared.get((role.owner, role.person), ())
        out.append(role if role.aliases == aliases else role._replace(aliases=aliases))
    return out


@functools.cache
def igo_ids() -> frozenset[str]:
    """Ids of the international organisations (sector IGO) in ``data/organisations.yaml``:
    the ids a table row may name as ``igo:<id>``."""
    try:
        raw = yaml.load(ORGANISATIONS_FILE.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(E.BAD_ROLES, source=ORGANISATIONS_FILE, reason=str(exc)) from exc
    entries = raw.get("organisations") or []
    ids = set()
    for entry in entries:
        sector = entry.get("sector", ["IGO"])  # the gazetteer's default for this file
        if "IGO" in ([sector] if isinstance(sector, str) else sector):
            ids.add(str(entry["id"]))
    return frozenset(ids)


# --------------------------------------------------------------------------- the table


class RoleTable:
    """All spells in office, indexed by folded full name, alias and surname.

    Rows with status "alternative" (a source that disagrees with a better-sourced row, see
    ``ROLES.md``) are kept in :attr:`roles` for listing but never indexed: no lookup finds
    them. A "preferred" derived row makes the rows of the same person and office it overlaps
    alternatives in turn.
    """

    def __init__(self, roles: Iterable[Role]) -> None:
        self.roles: tuple[Role, ...] = _apply_preferences(tuple(roles))
        self._by_name: dict[str, list[Role]] = {}
        self._by_surname: dict[str, list[Role]] = {}
        self._shapes: dict[tuple[int, str, str], list[str]] | None = None
        # Folding names costs more than everything else here, and most people have several
        # rows: each person's keys are worked out once.
        names_of: dict[tuple[str, tuple[str, ...]], set[str]] = {}
        surnames_of: dict[tuple[str | None, str, tuple[str, ...]], set[str]] = {}
        by_name, by_surname = self._by_name, self._by_surname
        for role in self.roles:
            if role.status == "alternative":
                continue
            names = names_of.get((role.person, role.aliases))
            if names is None:
                names = {name_key(n) for n in role.names()} - {""}
                names_of[(role.person, role.aliases)] = names
            for key in names:
                bucket = by_name.get(key)
                if bucket is None:
                    by_name[key] = [role]
                else:
                    bucket.append(role)
            if role.role in SURNAME_ROLES:
                person = (role.country, role.person, role.aliases)
                surnames = surnames_of.get(person)
                if surnames is None:
                    family = surname_keys(role.person, role.country)
                    extra = (_alias_surnames(a, role, family) for a in role.aliases)
                    surnames = family.union(*extra) - {""}
                    surnames_of[person] = surnames
                for key in surnames:
                    by_surname.setdefault(key, []).append(role)

    def __len__(self) -> int:
        return len(self.roles)

    def __iter__(self) -> Iterator[Role]:
        return iter(self.roles)

    def persons(self) -> set[tuple[str, str]]:
        """Distinct (owner, person) pairs: ("IND", "Rajnath Singh"), ("igo:un", "Kofi Annan")."""
        return {(r.owner, r.person) for r in self.roles}

    def countries(self) -> set[str]:
        """The countries with offices in the table (ISO alpha-3)."""
        return {r.country for r in self.roles if r.country}

    def organisations(self) -> set[str]:
        """The international organisations with offices in the table ("un", "nato")."""
        return {r.organisation for r in self.roles if r.organisation}

    def spelling_of(self, name: str) -> str | None:
        """The table's name for a misspelt full name ("Francois Mitterand" -> "François
        Mitterrand"), if exactly one person's name is that close; None otherwise.

        Same number of words, same initials of the first and last word, and a difflib ratio
        of at least 0.9 on the folded names: a slip or two in a long name, never another
        person ("Kim Jong-il"/"Kim Jong-un" is 0.89). Only the holders of the offices news
        names people by (:data:`SURNAME_CODES`) are candidates: among 18,000 ministers a close
        name is more often someone else than a slip.
        """
        tokens = name_tokens(name)
        if len(tokens) < 2 or name_key(name) in self._by_name:
            return None
        key = " ".join(tokens)
        shelf = self._by_shape().get((len(tokens), tokens[0][0], tokens[-1][0]), [])
        close = difflib.get_close_matches(key, shelf, n=3, cutoff=_SPELLING_CUTOFF)
        people = {r.person for c in close for r in self._by_name[c]}
        return people.pop() if len(people) == 1 else None

    def _by_shape(self) -> dict[tuple[int, str, str], list[str]]:
        """Full-name keys by (word count, first initial, last initial), built on first use."""
        if self._shapes is None:
            self._shapes = {}
            for key, bucket in self._by_name.items():
                words = key.split()
                if len(words) > 1 and any(r.role in SURNAME_ROLES for r in bucket):
                    self._shapes.setdefault((len(words), words[0][0], words[-1][0]), []).append(key)
        return self._shapes

    def spells(self, name: str, *, alternatives: bool = False) -> list[Role]:
        """Every spell of the person with this name or alias, in date order; with
        ``alternatives``, also the rows no lookup uses (a source that disagrees)."""
        found = self._by_name.get(name_key(name), [])
        if alternatives:
            key = name_key(name)
            found = found + [
                r for r in self._alternatives() if any(name_key(n) == key for n in r.names())
            ]
        return sorted(found, key=_start_order)

    def _alternatives(self) -> list[Role]:
        return [r for r in self.roles if r.status == "alternative"]

    def on(
        self, name: str, date: str, *, country: str | None = None, strict: bool = False
    ) -> list[Role]:
        """The roles the person called ``name`` held on ``date``; ``country`` (an ISO code or
        "igo:<id>") keeps only that country's or organisation's offices."""
        return _select(self._by_name.get(name_key(name), []), date, country, strict)

    def by_surname(
        self, surname: str, date: str, *, country: str | None = None, strict: bool = False
    ) -> list[Role]:
        """The roles held on ``date`` by anyone news may call ``surname`` alone."""
        return _select(self._by_surname.get(name_key(surname), []), date, country, strict)

    def holders(self, country: str, role: str, date: str, *, strict: bool = False) -> list[Role]:
        """Who held ``role`` (a ROLE_NAMES entry or its code) in ``country`` on ``date``.

        ``country`` is an ISO code or, for an organisation's office, "igo:<id>" ("igo:un").
        """
        role = ROLE_CODES.get(role, role)
        if role not in ROLE_NAMES:
            raise ValueError(f"unknown role {role!r}; use one of {sorted(ROLE_NAMES)}")
        found = [
            r
            for r in self.roles
            if r.owner == country and r.role == role and r.status != "alternative"
        ]
        return _select(found, date, None, strict)


def _alias_surnames(alias: str, role: Role, family: set[str]) -> set[str]:
    """Surnames an alias adds. An alias that contains the person's family name adds nothing
    new, so "William Lai" (Lai Ching-te, Taiwan) is not taken to have the surname "William".
    """
    tokens = name_tokens(alias)
    if any(
        key.split() == tokens[i : i + len(key.split())]
        for key in family
        for i in range(len(tokens))
    ):
        return set()
    return surname_keys(alias, role.country)


def _apply_preferences(roles: tuple[Role, ...]) -> tuple[Role, ...]:
    """Rows a "preferred" row overlaps (same person and office) become alternatives."""
    preferred = [r for r in roles if r.status == "preferred"]
    if not preferred:
        return roles
    by_office: dict[tuple[str, str, str], list[Role]] = {}
    for row in preferred:
        by_office.setdefault((row.owner, row.role, row.person), []).append(row)
    out = []
    for role in roles:
        better = by_office.get((role.owner, role.role, role.person), ())
        if role.status != "preferred" and any(_overlaps(role, b) for b in better):
            role = role._replace(status="alternative")
        out.append(role)
    return tuple(out)


def _overlaps(a: Role, b: Role) -> bool:
    return a.start_bounds[0] <= b.end_bounds[1] and b.start_bounds[0] <= a.end_bounds[1]


def _start_order(role: Role) -> str:
    return role.start_bounds[0]


def _select(candidates: list[Role], date: str, country: str | None, strict: bool) -> list[Role]:
    period_bounds(date)  # a malformed date fails loudly even when there are no candidates
    found = [
        r
        for r in candidates
        if (country is None or r.owner == country) and r.covers(date, strict=strict)
    ]
    return sorted(found, key=_start_order)


@functools.cache
def load_role_table(extra_files: tuple[Path, ...] = ()) -> RoleTable:
    """The shipped table plus users' own files (TSV, or the ``roles`` section of a YAML
    gazetteer file), loaded once per file set.

    A user row with the same country, role, person and start as an earlier row replaces it
    (to correct an end date, title or sector; for the generic offices MIN, AMB and OFF, the
    same title too); any other row is added.
    """
    spells: dict[tuple[str, str, str, str | None, bool], Role] = {}
    for path in (ROLES_FILE, COUNTRYINFO_ROLES_FILE, *extra_files):
        path = Path(path)
        yaml_file = path.suffix.lower() in (".yaml", ".yml")
        trusted = path == COUNTRYINFO_ROLES_FILE  # generated and checked: read fast
        rows = read_roles_yaml(path) if yaml_file else read_roles_tsv(path, validate=not trusted)
        for role in rows:
            alternative = role.status == "alternative"  # never replaces a row in use
            # Generic offices are told apart by their titles: two ministries at once.
            office = role.title if role.role in _GENERIC_ROLES else role.role
            spells[(role.owner, office, role.person, role.start, alternative)] = role
    return RoleTable(_share_aliases(list(spells.values())))


def roles_on(
    name: str, date: str, *, country: str | None = None, strict: bool = False
) -> list[Role]:
    """The roles the person called ``name`` (full name or alias) held on ``date``.

    ``roles_on("Rajnath Singh", "2020-06-23")`` -> his spell as India's Defence Minister.
    ``date`` may be a day, a month ("2020-06") or a year ("2020"); see :meth:`Role.covers`
    for how partial dates in the table are read.
    """
    return load_role_table().on(name, date, country=country, strict=strict)


def roles_by_surname(
    surname: str, date: str, country: str | None = None, *, strict: bool = False
) -> list[Role]:
    """The roles held on ``date`` by anyone news may call by ``surname`` alone."""
    return load_role_table().by_surname(surname, date, country=country, strict=strict)


def role_holders(country: str, role: str, date: str, *, strict: bool = False) -> list[Role]:
    """Who held ``role`` in ``country`` on ``date``: ``role_holders("RUS", "DM", "2020")``."""
    return load_role_table().holders(country, role, date, strict=strict)


__all__: Sequence[str] = (
    "COLUMNS",
    "DEFAULT_TITLES",
    "IGO_PREFIX",
    "ROLE_CODES",
    "ROLE_NAMES",
    "Role",
    "RoleTable",
    "igo_ids",
    "load_role_table",
    "name_key",
    "period_bounds",
    "read_roles_tsv",
    "role_holders",
    "roles_by_surname",
    "roles_on",
    "surname_keys",
)
