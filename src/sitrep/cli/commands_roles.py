"""Who held which office when: the roles table the actor stage resolves names with."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.cli.commands_ingest import GazetteerOption
from sitrep.cli.commands_query import FormatOption
from sitrep.cli.output import Format, err_console, print_rows, terminal_safe


def roles_command(
    name: Annotated[
        str | None, typer.Argument(help="A person's name or alias, e.g. 'Rajnath Singh'.")
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(help="Offices of this country (ISO alpha-3, e.g. IND) or igo:<id> (igo:un)."),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(help="An office: a code (HOS, HOG, FM, DM, ...) or its name."),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Only spells covering this date (YYYY, YYYY-MM or full).")
    ] = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, never mutates it
    fmt: FormatOption = Format.table,
) -> None:
    """Who held which office when, from the roles table names resolve with.

    Example: sitrep roles --country IND --role DM --date 2020-06-23
    Example: sitrep roles "Javier Solana"
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
    table = load_role_table(tuple(Path(p) for p in gazetteer))
    if name is not None and not table.spells(name):
        corrected = table.spelling_of(name)  # "Francois Mitterand", as the stage reads it
        if corrected is not None:
            err_console.print(terminal_safe(f"{name!r} read as {corrected!r}"), markup=False)
            name = corrected
    spells = list(table.spells(name)) if name is not None else list(table)
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
    title = f"{len(spells)} spell{'' if len(spells) == 1 else 's'} in office"
    print_rows([_row(s) for s in spells], fmt, title=title, empty="No spells in office match.")


def _row(spell: Any) -> dict[str, Any]:
    return {
        "person": spell.person,
        "office": spell.title,
        "of": spell.owner,
        "from": spell.start,
        "to": spell.end,
        "sector": spell.sector,
        "confidence": spell.confidence,
    }


def register(app: Any) -> None:
    app.command("roles")(roles_command)
