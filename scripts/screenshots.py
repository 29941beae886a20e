"""Screenshots of the main pages, served from a database by headless Debian chromium.

    python scripts/screenshots.py                       # the demo database (make demo)
    python scripts/screenshots.py --db other.db --out /tmp/shots

Starts `sitrep serve` on a free local port, opens each page in chromium (the system
browser: apt-get install chromium) and writes PNGs to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import uvicorn

from sitrep.store import open_store
from sitrep.web import create_app

REPO = Path(__file__).resolve().parents[1]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def pages(base: str) -> list[tuple[str, str, int]]:
    """(file name, path, window height) of each page worth showing, found from the data."""
    found = [("home", "/", 900)]
    dyads = _json(base + "/index.json")["dyads"]
    first, second = (dyads[0]["first"], dyads[0]["second"]) if dyads else ("IND", "RUS")
    found.append(("dyad", f"/dyads/{first}/{second}", 1500))
    events = _json(base + f"/api/events?dyad={first}&dyad={second}&limit=1")["items"]
    if events:
        found.append(("article", events[0]["links"]["page"].split("#")[0], 1300))
    found.append(("events", f"/events?country={first}", 1300))
    deals = _json(base + "/api/deals")["items"]
    found.append(("deals", "/deals", 700))
    if deals:
        found.append(("deal", f"/deals/{deals[0]['id']}", 1100))
    found.append(("map", "/map", 1000))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(REPO / "sitrep-demo.db"))
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if "://" not in args.db and not Path(args.db).exists():
        sys.exit(f"{args.db} does not exist: run `make demo` first (or pass --db)")
    store = open_store(args.db)
    port = _port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="error")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        for name, path, height in pages(base):
            target = args.out / f"{name}.png"
            with tempfile.TemporaryDirectory(prefix="sitrep-shot-") as profile:
                subprocess.run(
                    [
                        args.chromium,
                        *FLAGS,
                        f"--user-data-dir={profile}",
                        f"--window-size=1280,{height}",
                        f"--screenshot={target}",
                        base + path,
                    ],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
            print(f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}  {path}")
    finally:
        server.should_exit = True
        store.close()


if __name__ == "__main__":
    main()
