"""Linking the store's events into stories: after each ingest, on demand, or from scratch.

Only events in no story yet are read, in publication order and in chunks; for each chunk the
stories they could join are loaded by type and days (the blocks of :mod:`linking`), the new
reports are linked, and the chunk's new and grown stories are written with their links in
one transaction. An archive is never reprocessed to add a day's news, and a run killed half
way leaves every written story complete (the rest is linked by the next run).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from sitrep.store import Store
from sitrep.store import stories as table
from sitrep.stories.linking import TIME_TOLERANCE_DAYS, StoryState, link_reports
from sitrep.stories.reports import Report, build_report
from sitrep.stories.summary import StoryMention, summarise

# Events linked per transaction: enough that loading the candidate stories is shared by
# many reports, few enough that memory stays small and a crash loses little work.
CHUNK_EVENTS = 1000
# Reports kept between the chunks of one linking run: a story's exemplars are read again
# by every chunk whose days the story spans, and building a report tokenises its sentence
# again. Bounded, least recently used out first: a report holds its words' vectors (~20 KB).
KEPT_REPORTS = 2000

Progress = Callable[[int, int], None]  # (events done, events to link)


@dataclass(slots=True)
class LinkSummary:
    events: int = 0  # events linked by this run
    new_stories: int = 0
    grown_stories: int = 0  # stories already stored that gained reports
    repaired: int = 0  # stories rewritten after their reports changed (reprocessing)
    removed: int = 0  # stories left without reports, deleted
    skipped: int = 0  # events another process was linking at the same time (left for later)
    seconds: float = 0.0

    def __str__(self) -> str:
        text = (
            f"{self.events} events linked: {self.new_stories} new stories, "
            f"{self.grown_stories} stories with new reports"
        )
        if self.repaired or self.removed:
            text += f"; {self.repaired} stories repaired, {self.removed} removed"
        return text


def _report(row: table.EventRow) -> Report:
    return build_report(
        row.id,
        row.event,
        document_id=row.document_id,
        published=row.published,
        url=row.url,
        source=row.source,
    )


def _mention(row: table.EventRow, score: float | None) -> StoryMention:
    return StoryMention(
        event_id=row.id,
        document_id=row.document_id,
        published=row.published,
        title=None,
        url=row.url,
        source=row.source,
        event=row.event,
        score=score,
    )


def _windows(reports: Sequence[Report]) -> list[tuple[str, str]]:
    """The days the reports' stories can fall in, as few merged (first, last) windows."""
    slack = timedelta(days=TIME_TOLERANCE_DAYS)
    spans = sorted((first - slack, last + slack) for first, last in (r.span() for r in reports))
    merged: list[list] = []  # type: ignore[type-arg]
    for first, last in spans:
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [(a.isoformat(), b.isoformat()) for a, b in merged]


class _KeptReports:
    """The last :data:`KEPT_REPORTS` reports built in a linking run, by event id."""

    def __init__(self) -> None:
        self._reports: OrderedDict[int, Report] = OrderedDict()

    def get(self, key: int) -> Report | None:
        report = self._reports.get(key)
        if report is not None:
            self._reports.move_to_end(key)
        return report

    def keep(self, report: Report) -> Report:
        self._reports[report.key] = report
        self._reports.move_to_end(report.key)
        if len(self._reports) > KEPT_REPORTS:
            self._reports.popitem(last=False)
        return report


def _stored_states(
    connection: Connection, reports: Sequence[Report], kept: _KeptReports
) -> list[StoryState]:
    """The stored stories the reports could join, with their exemplar reports rebuilt."""
    found = table.stories_in_windows(connection, {r.event_type for r in reports}, _windows(reports))
    parties = {p for r in reports for p in r.parties}
    found = [f for f in found if parties.intersection(f[2]["actors"] + f[2]["recipients"])]
    exemplar_ids = [key for _, _, data in found for key in data["exemplars"]]
    exemplars = {key: report for key in exemplar_ids if (report := kept.get(key)) is not None}
    missing = [key for key in exemplar_ids if key not in exemplars]
    for row in table.event_rows(connection, missing):
        exemplars[row.id] = kept.keep(_report(row))
    return [
        StoryState.from_json(story_id, event_type, data, exemplars)
        for story_id, event_type, data in found
    ]


def _link_chunk(
    connection: Connection, event_ids: Sequence[int], summary: LinkSummary, kept: _KeptReports
) -> None:
    rows = {row.id: row for row in table.event_rows(connection, event_ids)}
    reports = [kept.keep(_report(rows[i])) for i in event_ids if i in rows]
    if not reports:
        return
    linker = link_reports(reports, _stored_states(connection, reports, kept))
    touched = [s for s in linker.stories.values() if s.added]
    stored = table.mentions_in(connection, [s.id for s in touched if s.stored])
    new_rows, changed_rows, links = [], [], []
    for state in touched:
        added = [_mention(rows[r.key], score) for r, score in state.added]
        story = summarise(state.id, stored.get(state.id, []) + added)
        row = table.story_row(story, state.to_json())
        (changed_rows if state.stored else new_rows).append(row)
        links.extend((m.event_id, state.id, m.score) for m in added)
    table.write_stories(connection, new_rows, changed_rows, links)
    summary.events += len(links)
    summary.new_stories += len(new_rows)
    summary.grown_stories += len(changed_rows)


def _chunks(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _repair(store: Store, summary: LinkSummary) -> None:
    """Rewrite the stories whose reports were deleted (reprocessing replaces a document's
    events); a story left without reports is deleted, its id with it."""
    stale = table.stale_story_ids(store)
    for ids in _chunks(stale, CHUNK_EVENTS):
        with store.engine.begin() as connection:
            mentions = table.mentions_in(connection, list(ids))
            empty = [i for i in ids if not mentions.get(i)]
            table.delete_stories(connection, empty)
            summary.removed += len(empty)
            rows = []
            for story_id, kept in mentions.items():
                if not kept:
                    continue
                reports = [
                    build_report(
                        m.event_id,
                        m.event,
                        document_id=m.document_id,
                        published=m.published,
                        url=m.url,
                        source=m.source,
                    )
                    for m in kept
                ]
                state = StoryState(story_id, reports[0].event_type, reports[0].family)
                for report in reports:
                    state.absorb(report, new=False)
                rows.append(table.story_row(summarise(story_id, kept), state.to_json()))
            table.write_stories(connection, [], rows, [])
            summary.repaired += len(rows)


def link_stories(
    store: Store,
    *,
    rebuild: bool = False,
    repair: bool = False,
    progress: Progress | None = None,
) -> LinkSummary:
    """Link every event not in a story yet into the stored stories.

    ``rebuild`` deletes every story first and links the whole archive again (ids stay the
    same where the founding reports do); ``repair`` first rewrites stories whose reports
    were deleted, as ``sitrep reprocess`` does to a document's events.
    """
    started = time.perf_counter()
    summary = LinkSummary()
    if rebuild:
        table.delete_all_stories(store)
    elif repair:
        _repair(store, summary)
    pending = table.unlinked_event_ids(store)
    kept = _KeptReports()
    for chunk in _chunks(pending, CHUNK_EVENTS):
        try:
            with store.engine.begin() as connection:
                _link_chunk(connection, chunk, summary, kept)
        except IntegrityError:
            # Another process (a second ingest, the web server) linked some of these events
            # first: this chunk is rolled back whole, and what is left is linked next time.
            summary.skipped += len(chunk)
        if progress:
            progress(min(summary.events, len(pending)), len(pending))
    summary.seconds = time.perf_counter() - started
    return summary
