"""Who held which office when, and what a name resolves to: the tables the actor stage reads,
with the source and licence of every row."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text

from sitrep.cli.commands_ingest import GazetteerOption
from sitrep.cli.commands_query import FormatOption
from sitrep.cli.output import Format, console, err_console, print_rows, terminal_safe

if TYPE_CHECKING:
    from sitrep.actors.gazetteer import Gazetteer
    from sitrep.actors.roles import Role
    from sitrep.records import Entity

# Licences of the gazetteer files entries come from (the roles tables say theirs per row).
_GAZETTEER_LICENCES = {
    "phoenix_actors.tsv": "MIT (Phoenix dictionaries, Open Event Data Alliance)",
    "nonstate.yaml": "MIT (sitrep, hand-written)",
    "organisations.yaml": "MIT (sitrep, hand-written)",
    "media.yaml": "MIT (sitrep, hand-written)",
}

_NONE_MATCH = "No spells in office or gazetteer entries match."


def roles_command(
    name: Annotated[
        str | None,
        typer.Argument(help="A person's or organisation's name or alias, e.g. 'Rajnath Singh'."),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(help="Offices of this country (ISO alpha-3, e.g. IND) or igo:<id> (igo:un)."),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(help="An office: a code (HOS, HOG, FM, DM, MIN, AMB, ...) or its name."),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Only spells covering this date (YYYY, YYYY-MM or full).")
    ] = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, never mutates it
    fmt: FormatOption = Format.table,
) -> None:
    """Who held which office when, from the tables names resolve with, and from which source.

    Each row says which table and line it is (source), where that row came from upstream
    (CountryInfo, the Phoenix dictionaries), under which licence it is shipped, and whether it
    is used to resolve names (status "alternative": a source that disagrees with a
    better-sourced row). With a NAME and --date, the table view first says what the name
    resolves to on that date, as the actor stage reads it without context. A name the
    offices do not know is looked up among the organisations and people of the gazetteers.

    Example: sitrep roles --country IND --role DM --date 2020-06-23
    Example: sitrep roles "Javier Solana"
    Example: sitrep roles "George Lillikas" --date 2006-11-05
    Example: sitrep roles "Da'esh"
    """
    from sitrep.actors.roles import ROLE_CODES, ROLE_NAMES, load_role_table, period_bounds

    if name is None and country is None:
        raise typer.BadParameter("give a NAME, or --country (with --role to narrow it)")
    if role is not None and ROLE_CODES.get(role.upper(), role.lower()) not in ROLE_NAMES:
        raise typer.BadParameter(
            f"unknown office {role!r}; use a code ({', '.join(ROLE_CODES)}) or its name",
            param_hint="--role",
        )
    if date is not None:
        try:
            period_bounds(date)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--date") from exc
    users = tuple(Path(p) for p in gazetteer)
    table = load_role_table(users)
    if name is not None and not table.spells(name, alternatives=True):
        corrected = table.spelling_of(name)  # "Francois Mitterand", as the stage reads it
        if corrected is not None:
            err_console.print(terminal_safe(f"{name!r} read as {corrected!r}"), markup=False)
            name = corrected
    spells = list(table.spells(name, alternatives=True) if name is not None else table)
    if country is not None:
        owner = country if country.startswith("igo:") else country.upper()
        spells = [s for s in spells if s.owner == owner]
    if role is not None:
        wanted = ROLE_CODES.get(role.upper(), role.lower())
        spells = [s for s in spells if s.role == wanted]
    if date is not None:
        spells = [s for s in spells if s.covers(date)]
    # One person's career in date order; an office's holders grouped by office.
    if name is not None:
        spells.sort(key=lambda s: s.start or "")
    else:
        spells.sort(key=lambda s: (s.owner, s.role, s.start or ""))
    rows = [_row(s) for s in spells]
    if name is not None and not rows and country is None and role is None:
        rows = _gazetteer_rows(name, _gazetteer(users))
        title = f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'} of the gazetteers"
    else:
        title = f"{len(spells)} spell{'' if len(spells) == 1 else 's'} in office"
    if fmt is Format.table and name is not None and date is not None:
        _print_resolution(name, date, users)
    if fmt is not Format.table:
        print_rows(rows, fmt, title=title, empty=_NONE_MATCH)
        return
    # A terminal is narrow: the table line in the rows, the licences of the tables below
    # (JSON and CSV give each row's upstream source and licence in full).
    print_rows([_compact(row) for row in rows], fmt, title=title, empty=_NONE_MATCH)
    licences: dict[str, str] = {}
    for row in rows:
        for piece, licence in zip(
            row["source"].split(";"), row["licence"].split("; "), strict=False
        ):
            licences.setdefault(Path(piece.strip().split(":")[0]).name, licence)
    for table_name, licence in licences.items():
        console.print(Text(terminal_safe(f"{table_name}: {licence}")))


def _compact(row: dict[str, Any]) -> dict[str, Any]:
    """Six columns fit a terminal: the dates in one, the status with the office."""
    office = row["office"] or ""
    notes = [n for n in (row["status"] != "used" and row["status"],
                         row.get("confidence") == "low" and "low confidence") if n]  # fmt: skip
    if notes:
        office += f" ({', '.join(notes)})"
    when = None
    if row["from"] or row["to"]:
        when = f"{row['from'] or '?'} – {row['to'] or ''}".strip()
    source = "; ".join(piece.strip().split(" (")[0] for piece in row["source"].split(";"))
    return {
        "person": row["person"],
        "office": office,
        "of": row["of"],
        "in_office": when,
        "sector": row["sector"],
        "source": source,
    }


def _row(spell: Role) -> dict[str, Any]:
    return {
        "person": spell.person,
        "office": spell.title,
        "of": spell.owner,
        "from": spell.start,
        "to": spell.end,
        "sector": spell.sector,
        "confidence": spell.confidence,
        "status": spell.status or "used",
        "source": spell.source,
        "upstream": spell.origin or None,
        "licence": spell.licence or "your own file",
    }


def _gazetteer(users: tuple[Path, ...]) -> Gazetteer:
    from sitrep.actors.gazetteer import load_actor_gazetteer

    yaml_users = tuple(p for p in users if p.suffix.lower() in (".yaml", ".yml"))
    return load_actor_gazetteer(yaml_users)


def _gazetteer_rows(name: str, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """The organisations, outlets and people a name is in the gazetteers, as rows."""
    rows = []
    for found in (gazetteer.organisation(name), gazetteer.media_outlet(name)):
        if found is not None:
            rows.append(
                {
                    "person": found.name,
                    "office": found.type or ("media" if found.kind == "media" else "organisation"),
                    "of": found.country,
                    "from": None,
                    "to": None,
                    "sector": " ".join(found.sector),
                    "confidence": None,
                    "status": "used",
                    "source": found.source,
                    "upstream": None,
                    "licence": _licence(found.source),
                }
            )
    person = gazetteer.person(name)
    if person is not None:
        rows.append(
            {
                "person": person.name,
                "office": f"member of {person.organisation}" if person.organisation else None,
                "of": person.country,
                "from": None,
                "to": None,
                "sector": " ".join(person.sector),
                "confidence": None,
                "status": "used",
                "source": person.source,
                "upstream": None,
                "licence": _licence(person.source),
            }
        )
    return rows


def _licence(source: str) -> str:
    """The licences of the files an entry was merged from ("a.yaml; phoenix_actors.tsv:9")."""
    found = []
    for piece in source.split(";"):
        file = Path(piece.strip().split(":")[0].split(" ")[0]).name
        licence = _GAZETTEER_LICENCES.get(file, "your own file")
        if licence not in found:
            found.append(licence)
    return "; ".join(found)


def _print_resolution(name: str, date: str, users: tuple[Path, ...]) -> None:
    """What the actor stage makes of the name alone on the date, and from which row."""
    from sitrep.actors.resolve import EntityFactory
    from sitrep.actors.roles import load_role_table
    from sitrep.actors.sectors import load_sector_lexicon

    gazetteer = _gazetteer(users)
    factory = EntityFactory(gazetteer, load_sector_lexicon(), load_role_table(users))
    entity: Entity | None = None
    organisation = gazetteer.organisation(name)
    if organisation is not None and not factory.roles.spells(name):  # type: ignore[union-attr]
        entity = factory.organisation(organisation)
        via = organisation.source
    else:
        entity = factory.person(name, date, None)
        via = str(entity.attributes.get("people_source") or "")
        source = entity.attributes.get("roles_source")
        row = next((r for r in factory.roles or () if r.source == source), None)
        if row is not None:
            via = f"{row.source}" + (f" ({row.origin})" if row.origin else "")
            via += f", {row.licence or 'your own file'}"
    parts = [
        f"On {date}, {name!r} resolves to {entity.kind} {entity.name!r}",
        f"country {entity.country or entity.attributes.get('organisation') or 'none'}",
        f"sector {' '.join(entity.sector) or 'none'}",
    ]
    if entity.role:
        parts.append(f"office {entity.role!r}")
    if via and "roles_source" not in entity.attributes:
        via += f", {_licence(via)}"
    parts.append(f"from {via}" if via else "from no table (nothing known of this name)")
    console.print(Text(", ".join(parts) + "."))


def register(app: Any) -> None:
    app.command("roles")(roles_command)
