"""Command-line interface (Typer)."""

from sitrep.cli.app import app, main

__all__ = ["app", "main"]
