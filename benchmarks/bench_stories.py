"""Story linking time per 1,000 events as the archive grows (1x, 4x, 16x newswire-silver).

    sitrep --db /tmp/nw.db ingest ../shared/data/newswire-silver --jobs 2   # once
    python benchmarks/bench_stories.py --db /tmp/nw.db [--sizes 1 4 16]

The events of ``--db`` are copied ``k`` times into a fresh SQLite file, each copy under new
document ids (a hash of the old id and the copy number), and linked from scratch by
``link_stories`` (what ``sitrep link --rebuild`` runs), in a process of its own so that its
peak memory is its own. Two ways to grow:

* ``later``: copy ``i`` is moved ``i`` x 12 years later: an archive that grows over time,
  as a real one does (the same density of events per week, more weeks);
* ``dense``: every copy keeps its dates: ``k`` reports of every event in the same weeks, so
  every block and every story is ``k`` times fuller (the worst case for blocking).

Then ``incremental``: one more copy is ingested into the largest ``later`` archive and only
its events are linked (what an ingest does): the cost of a day's news must not grow with
the archive. Baselines in the same run: building the reports alone (tokenising and vector
look-ups, no comparison), and linking 1x and 4x with every report compared with every story
of its type and claim (no blocking by party and month).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

YEARS_APART = 12


def _shift(value: str | None, years: int) -> str | None:
    if not value or years == 0 or len(value) < 10 or not value[:4].isdigit():
        return value
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    moved = day + timedelta(days=round(365.25 * years))
    return moved.isoformat() + value[10:]


def _copy_record(record: dict[str, Any], doc_id: str, years: int) -> dict[str, Any]:
    record = json.loads(json.dumps(record))
    record["evidence"]["document_id"] = doc_id
    time_ = record.get("time")
    if time_:
        time_["earliest"], time_["latest"] = (
            _shift(time_.get("earliest"), years),
            _shift(time_.get("latest"), years),
        )
        time_["value"] = _shift(time_.get("value"), years) or time_.get("value")
    return record


def build(source: str, target: str, copies: list[tuple[int, int]]) -> int:
    """Write the source's documents and events into ``target``, once per (copy, years)."""
    from sitrep.store import open_store, schema

    events = 0
    with open_store(source) as src, open_store(target) as dst:
        with src.engine.connect() as read:
            documents = list(read.execute(select(schema.documents)))
            by_document: dict[str, list[Any]] = {}
            for row in read.execute(select(schema.events)):
                by_document.setdefault(row.document_id, []).append(row)
        with dst.engine.begin() as write:
            for copy, years in copies:
                doc_rows, event_rows = [], []
                for doc in documents:
                    new_id = hashlib.sha256(f"{doc.id}|{copy}".encode()).hexdigest()
                    values = dict(doc._mapping)
                    values.update(id=new_id, date=_shift(doc.date, years))
                    doc_rows.append(values)
                    for event in by_document.get(doc.id, []):
                        row = dict(event._mapping)
                        row.pop("id")
                        row.update(
                            document_id=new_id,
                            date=_shift(row["date"], years),
                            record=_copy_record(row["record"], new_id, years),
                        )
                        event_rows.append(row)
                write.execute(insert(schema.documents), doc_rows)
                write.execute(insert(schema.events), event_rows)
                events += len(event_rows)
    return events


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(args: argparse.Namespace) -> None:
    """Run one measurement in this process and print it as JSON."""
    from sitrep.stories import link_stories
    from sitrep.stories.similarity import vectors_model

    vectors_model()  # loaded once per process; not part of linking time
    workdir = Path(args.workdir)
    target = f"sqlite:///{workdir / f'{args.mode}-{args.k}.db'}"
    if args.mode == "incremental":
        copies = [(i, i * YEARS_APART) for i in range(args.k)]
        build(args.db, target, copies)
        from sitrep.store import open_store

        with open_store(target) as store:
            link_stories(store)
        events = build(args.db, target, [(args.k, args.k * YEARS_APART)])
        with open_store(target) as store:
            started = time.perf_counter()
            summary = link_stories(store)
            seconds = time.perf_counter() - started
        result = {"events": events, "linked": summary.events, "seconds": seconds}
    elif args.mode == "reports":
        from sitrep.store import open_store
        from sitrep.store import stories as table
        from sitrep.stories.update import _report

        with open_store(args.db) as store, store.engine.connect() as connection:
            ids = table.unlinked_event_ids(store) or _all_event_ids(connection)
            rows = table.event_rows(connection, ids)
            started = time.perf_counter()
            for row in rows:
                _report(row)
            seconds = time.perf_counter() - started
        result = {"events": len(rows), "linked": 0, "seconds": seconds}
    else:
        years = YEARS_APART if args.mode in ("later", "unblocked") else 0
        events = build(args.db, target, [(i, i * years) for i in range(args.k)])
        if args.mode == "unblocked":
            _unblock()
        from sitrep.store import open_store

        with open_store(target) as store:
            started = time.perf_counter()
            summary = link_stories(store)
            seconds = time.perf_counter() - started
        result = {"events": events, "linked": summary.events, "seconds": seconds}
        with open_store(target) as store:
            from sitrep.store import stories as table

            result["stories"] = table.counts(store).stories
    result["peak_mib"] = _peak_mib()
    print(json.dumps(result))


def _all_event_ids(connection: Any) -> list[int]:
    from sitrep.store import schema

    return list(connection.scalars(select(schema.events.c.id).order_by(schema.events.c.id)))


def _unblock() -> None:
    """Baseline: one block per type and claim (no party, no month), every story a candidate."""
    from sitrep.stories import linking

    def candidates(self: Any, report: Any) -> list[Any]:
        return [
            s
            for s in self.stories.values()
            if (s.event_type, s.family) == (report.event_type, report.family)
        ]

    linking.StoryLinker.candidates = candidates  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/nw.db")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="later", help=argparse.SUPPRESS)
    parser.add_argument("--k", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args)
        return
    runs = [("reports", 1)]
    runs += [("unblocked", k) for k in (1, 4) if k in args.sizes]
    runs += [("later", k) for k in args.sizes]
    runs += [("dense", k) for k in args.sizes]
    runs += [("incremental", max(args.sizes))]
    print(f"{'run':<28} {'events':>8} {'seconds':>8} {'s per 1,000':>12} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as workdir:
        for mode, k in runs:
            command = [sys.executable, __file__, "--one", "--db", args.db, "--mode", mode,
                       "--k", str(k), "--workdir", workdir]  # fmt: skip
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            result = json.loads(output.strip().splitlines()[-1])
            counted = result["linked"] or result["events"]
            label = {
                "reports": "baseline: reports alone, 1x",
                "unblocked": f"baseline: no blocking, {k}x",
                "later": f"linking, {k}x (later)",
                "dense": f"linking, {k}x (dense)",
                "incremental": f"1x more into {k}x",
            }[mode]
            per = result["seconds"] / counted * 1000 if counted else 0.0
            print(
                f"{label:<28} {counted:>8} {result['seconds']:>8.1f} {per:>12.2f} "
                f"{result['peak_mib']:>9.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
