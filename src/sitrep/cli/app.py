"""The ``sitrep`` command: Typer app, global options and error handling."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from typer.exceptions import TyperException

from sitrep import __version__
from sitrep.cli import (
    commands_batch,
    commands_deals,
    commands_eval,
    commands_extract,
    commands_follow,
    commands_ingest,
    commands_query,
    commands_roles,
    commands_stories,
    commands_web,
)
from sitrep.cli.output import fail
from sitrep.errors import SitrepError
from sitrep.store import Store, open_store

app = typer.Typer(
    name="sitrep",
    help=(
        "Turn dated news articles into evidence-backed, time-anchored PLOVER event data.\n\n"
        "Example: sitrep ingest articles/ && sitrep timeline India Russia"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


@dataclass(slots=True)
class AppState:
    db: str | None

    def store(self) -> Store:
        return open_store(self.db)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def configure(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="SITREP_DB",
            help="Database: a SQLite file or any SQLAlchemy URL "
            "(postgresql+psycopg://user@host/db). Default: ./sitrep.db",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print version.")
    ] = False,
) -> None:
    ctx.obj = AppState(db=db)


commands_ingest.register(app)
commands_extract.register(app)
commands_batch.register(app)
commands_follow.register(app)
commands_query.register(app)
commands_deals.register(app)
commands_stories.register(app)
commands_roles.register(app)
commands_eval.register(app)
commands_web.register(app)


def command_paths() -> list[list[str]]:
    """Every command as the words that invoke it (["ingest"], ["eval", "timeml"] ...)."""
    paths: list[list[str]] = []

    def walk(command: Any, prefix: list[str]) -> None:
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if getattr(sub, "commands", None):
                walk(sub, [*prefix, name])
            else:
                paths.append([*prefix, name])

    walk(typer.main.get_command(app), [])
    return paths


def main() -> None:
    """Console entry point: coded errors become one clear line and exit status 2."""
    try:
        status = app(standalone_mode=False)
    except SitrepError as error:
        fail(str(error))
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        fail("aborted")
        sys.exit(130)
    except TyperException as error:  # usage errors: Typer's own message and status (2)
        # Typer's usage errors (its vendored click's, a private module) can show themselves
        # with the usage line; a bare TyperException has only its message.
        show = getattr(error, "show", None)
        if show is not None:
            show()
        else:
            fail(error.format_message())
        sys.exit(error.exit_code)
    sys.exit(status if isinstance(status, int) else 0)
