"""New and changed files in watched folders, once they have stopped changing."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

from sitrep.follow.state import FollowState
from sitrep.readers import FORMATS


def changed_files(
    folders: Iterable[Path], state: FollowState, *, settle_s: float
) -> list[tuple[Path, tuple[int, int]]]:
    """Files of known type not seen with this size and time, untouched for ``settle_s``.

    A file modified in the last ``settle_s`` seconds may still be being written (a copy, a
    download), so it waits for a later poll. Hidden files and folders are skipped, as ingest
    skips them.
    """
    now = time.time()
    found: list[tuple[Path, tuple[int, int]]] = []
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(root) / name
                if name.startswith(".") or path.suffix.lower() not in FORMATS:
                    continue
                try:
                    stat = path.stat()
                except OSError:
                    continue  # gone meanwhile
                key = (stat.st_size, stat.st_mtime_ns)
                if state.files.get(str(path)) == key or now - stat.st_mtime < settle_s:
                    continue
                found.append((path, key))
    return found
