"""`sitrep follow`: ingest new articles from watched folders and RSS/Atom feeds as they come.

Each poll gathers new inputs (:mod:`sitrep.follow.folders`, :mod:`sitrep.follow.feeds`) and
runs them through the ordinary ingest, so documents are stored exactly as `sitrep ingest`
stores them, idempotently; then it saves what it has seen (:mod:`sitrep.follow.state`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sitrep.follow.feeds import poll_feed
from sitrep.follow.folders import changed_files
from sitrep.follow.state import FollowState, default_state_path
from sitrep.ingest import ExtractMany, IngestSummary, ResultHook, ingest
from sitrep.readers import ReadResult, read_paths
from sitrep.store import Store

__all__ = ["FollowState", "default_state_path", "poll_once"]


def poll_once(
    store: Store,
    extract_many: ExtractMany,
    processed_with: str,
    state: FollowState,
    *,
    folders: Sequence[Path] = (),
    feeds: Sequence[str] = (),
    date: str | None = None,
    timeout: float = 20.0,
    settle_s: float = 2.0,
    on_result: ResultHook | None = None,
) -> IngestSummary:
    """One poll of every folder and feed: ingest what is new, then remember it."""
    files = changed_files(folders, state, settle_s=settle_s)

    def inputs() -> Iterator[ReadResult]:
        yield from read_paths([path for path, _ in files], date=date)
        for url in feeds:
            yield from poll_feed(url, state.feed(url), store, timeout=timeout)

    summary = ingest(inputs(), store, extract_many, processed_with, on_result=on_result)
    for path, key in files:  # read, so stored or reported: not again until it changes
        state.files[str(path)] = key
    state.save()
    return summary
