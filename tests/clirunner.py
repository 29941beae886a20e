"""Run the real ``sitrep`` entry point in-process, as a user's shell would."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from sitrep.cli import main


@dataclass
class Result:
    status: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """``sitrep ARGS...`` through :func:`sitrep.cli.main`; returns exit status and output."""
    capsys.readouterr()  # drop anything printed before
    old_argv = sys.argv
    sys.argv = ["sitrep", *args]
    try:
        with pytest.raises(SystemExit) as stopped:
            main()
    finally:
        sys.argv = old_argv
    captured = capsys.readouterr()
    code = stopped.value.code
    return Result(
        code if isinstance(code, int) else (0 if code is None else 1), captured.out, captured.err
    )
