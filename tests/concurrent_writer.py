"""One of several processes writing one database at once (used by test_concurrency.py).

    python tests/concurrent_writer.py URL FIRST LAST START_AT

opens the store at URL (creating its schema if it is new), waits until the wall-clock time
START_AT so that all writers start together, adds documents FIRST..LAST-1 (the same numbers
make the same documents in every writer) and prints how many of them it added.
"""

from __future__ import annotations

import sys
import time

from sitrep.records import ActorRef, Document, Event, Evidence, Extraction, Mention
from sitrep.store import open_store


def extraction(number: int) -> Extraction:
    text = f"Document {number}: India and Russia held talks in Moscow."
    document = Document(text=text, date="2020-06-23", source=f"writer:{number}")
    evidence = Evidence(document.id, 0, len(text), text, 0, trigger="held")
    return Extraction(
        document=document,
        mentions=[Mention("India", 14, 19, "GPE", None)],
        events=[
            Event(
                event_type="CONSULT",
                evidence=evidence,
                actor=[ActorRef(None, "India", country="IND")],
                recipient=[ActorRef(None, "Russia", country="RUS")],
            )
        ],
    )


def main() -> None:
    url, first, last, start_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    time.sleep(max(0.0, start_at - time.time()))  # then all writers open the store at once
    added = 0
    with open_store(url) as store:
        for number in range(first, last):
            added += store.add(extraction(number), "concurrent-writer")
    print(added)


if __name__ == "__main__":
    main()
