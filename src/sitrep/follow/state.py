"""What `sitrep follow` remembers between polls: files seen, feed validators, failing pages.

A small JSON file, replaced atomically. Losing it costs only work, never correctness: the
store skips documents it has (content hash) and feed items whose URL it has, so a fresh
state rereads folders and refetches feeds once and stores nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class FeedState:
    etag: str | None = None  # validators for a conditional GET (If-None-Match ...)
    modified: str | None = None  # (... and If-Modified-Since)
    failures: dict[str, int] = field(default_factory=dict)  # page URL -> failed fetches


@dataclass(slots=True)
class FollowState:
    path: Path
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> size, mtime_ns
    feeds: dict[str, FeedState] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> FollowState:
        state = cls(path)
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return state
        except (OSError, ValueError):
            return state  # an unreadable state only costs a re-read; the store dedupes
        state.files = {k: (int(v[0]), int(v[1])) for k, v in data.get("files", {}).items()}
        state.feeds = {url: FeedState(**feed) for url, feed in data.get("feeds", {}).items()}
        return state

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def save(self) -> None:
        data = {
            "files": self.files,
            "feeds": {url: asdict(feed) for url, feed in self.feeds.items()},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        temporary.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)


def default_state_path(database: str) -> Path:
    """One state file per database, in the user's cache folder."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
    return cache / "sitrep" / f"follow-{digest}.json"
