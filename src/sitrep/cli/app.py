"""The ``sitrep`` command: Typer app, global options and error handling."""

from __future__ import annotations

import os
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
from sitrep.cli.output import fail, fail_unexpected, set_debug
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
    debug: bool = False

    def store(self, db: str | None = None, *, create: bool = False) -> Store:
        """The store named by the command's ``--db``, else the global one, else the default.

        Only commands that write (ingest) ``create`` a database; the others say that the one
        named does not exist, so a mistyped name never leaves an empty database behind.
        """
        return open_store(db or self.db, create=create)


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
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", envvar="SITREP_DEBUG", help="Print the traceback of unexpected errors."
        ),
    ] = False,
) -> None:
    set_debug(debug)
    ctx.obj = AppState(db=db, debug=debug)


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
    """Console entry point: coded errors become one clear line and exit status 2.

    Anything unforeseen becomes one coded line too (E299), with the traceback only under
    ``--debug``: a user sees what went wrong, never a wall of Python.
    """
    try:
        status = app(standalone_mode=False)
    except SitrepError as error:
        fail(str(error), details=error.details)
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
    except BrokenPipeError:  # `sitrep export | head`: the reader has all it wants
        # Point stdout at /dev/null so that the final flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as error:  # last resort; SystemExit and KeyboardInterrupt pass by
        fail_unexpected(error)
        sys.exit(70)  # EX_SOFTWARE: an internal error, not the user's
    sys.exit(status if isinstance(status, int) else 0)
