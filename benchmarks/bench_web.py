"""Response times of the API and the pages on a real database (in-process, no network).

    sitrep --db /tmp/nw.db ingest ../shared/data/newswire-silver --jobs 2   # once, ~4 min
    python benchmarks/bench_web.py --db /tmp/nw.db

Each URL is requested once to warm caches (gazetteer, deal linking imports), then --repeat
times; the median and the slowest are printed in milliseconds. Two baselines run in the same
process: a static file (what the framework alone costs) and the bare store query behind the
event list (what SQL alone costs). Target: every page and endpoint under 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from fastapi.testclient import TestClient

from sitrep.store import EventQuery, open_store
from sitrep.web import create_app


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    call()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/nw.db")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    store = open_store(args.db)
    client = TestClient(create_app(store))
    home = client.get("/index.json").json()
    first, second = home["dyads"][0]["first"], home["dyads"][0]["second"]
    doc = home["latest"][0]["id"]
    event = client.get(f"/api/events?dyad={first}&dyad={second}&limit=1").json()["items"][0]
    deals = client.get("/api/deals").json()["items"]
    entity = next(
        e["id"] for e in client.get("/api/entities?kind=person&per_page=1").json()["items"]
    )
    urls = [
        "/static/style.css",
        "/",
        "/api/documents",
        "/search?q=missile",
        f"/documents/{doc}",
        event["links"]["page"].split("#")[0],
        "/api/events?limit=100",
        "/events",
        f"/events?country={first}&type=CONSULT",
        "/events?text=nuclear",
        f"/dyads/{first}/{second}",
        f"/api/dyads/{first}/{second}?period=week",
        f"/api/aggregates/counts?country={first}&by=type",
        f"/api/aggregates/index?dyad={first}&dyad={second}",
        "/api/aggregates/counts?period=day",
        "/entities",
        f"/entities/{entity}",
        "/deals",
        f"/deals/{deals[0]['id']}" if deals else "/deals",
        "/map",
    ]
    print(
        f"{store.count_documents()} documents, {home['counts']['events']} events; "
        f"{args.repeat} runs per URL (median / slowest, ms)"
    )
    median, worst = timed(lambda: store.events(EventQuery(limit=100)), args.repeat)
    print(f"{median:8.1f} {worst:8.1f}  baseline: store.events(limit=100), SQL alone")
    slow = []
    for url in urls:

        def get(url: str = url) -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        median, worst = timed(get, args.repeat)
        label = "baseline: a static file" if url.startswith("/static") else url
        print(f"{median:8.1f} {worst:8.1f}  {label}")
        if median > 200:
            slow.append(url)
    print("all under 200 ms (median)" if not slow else f"over 200 ms: {slow}")


if __name__ == "__main__":
    main()
