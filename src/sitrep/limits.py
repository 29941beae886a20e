"""Resource limits on one input, so that one pathological text cannot stall or sink a batch.

* ``max_chars``: a longer text is refused with E114 before the pipeline sees it. The
  pipeline's memory grows linearly with the text, about 3.5 MB per 1,000 characters on top
  of the ~500 MB the model takes (``benchmarks/bench_hostile.py``), so the default of
  500,000 characters (some 80,000 words, ten times a long feature article) keeps one
  document under ~2.3 GB.
* ``timeout``: seconds one document may spend in the pipeline before it is stopped and
  reported (E116); the batch goes on. A typical article takes well under a second, so the
  default of 120 s only ever stops input that is not an article.

Both can be set per command (``--max-chars``, ``--timeout``) or for every command through
``SITREP_MAX_CHARS`` and ``SITREP_TIMEOUT``; 0 turns a limit off.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from sitrep.errors import ConfigError, E

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_TIMEOUT", "Limits", "OverTime", "time_limit"]

DEFAULT_MAX_CHARS = 500_000
DEFAULT_TIMEOUT = 120.0


def _from_env(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = float(value)
    except ValueError:
        number = -1
    if number < 0:
        raise ConfigError(
            E.BAD_OPTION, option=name, reason=f"expected a number >= 0, got {value!r}"
        )
    return number


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document limits; ``None`` means no limit."""

    max_chars: int | None = DEFAULT_MAX_CHARS
    timeout: float | None = DEFAULT_TIMEOUT

    @classmethod
    def configured(cls, max_chars: int | None = None, timeout: float | None = None) -> Limits:
        """The limits given (0 = none), else from the environment, else the defaults."""
        chars = (
            max_chars if max_chars is not None else _from_env("SITREP_MAX_CHARS", DEFAULT_MAX_CHARS)
        )
        seconds = timeout if timeout is not None else _from_env("SITREP_TIMEOUT", DEFAULT_TIMEOUT)
        return cls(max_chars=int(chars) or None, timeout=float(seconds) or None)


class OverTime(Exception):
    """Raised inside the work that ran past its :func:`time_limit`."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the enclosed work with :class:`OverTime` after ``seconds``.

    Uses SIGALRM, so it only works in a process's main thread (the CLI, and each worker
    process of ``--jobs``); elsewhere (a web server's threads) and on platforms without
    it, nothing is limited. Python code is interrupted between two bytecodes; a long call
    into compiled code ends before the exception is seen.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    expired = False

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        nonlocal expired
        expired = True
        raise OverTime

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:
        # The alarm fired where Python swallows exceptions (a garbage-collector callback,
        # a __del__): the work ran on, but it still took too long.
        raise OverTime
