"""The web app over a seeded store, in-process (FastAPI's TestClient over httpx)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient

from sitrep.store import open_store
from sitrep.stories import link_stories
from sitrep.web import create_app
from webkit import seed

TOKEN = "correct horse battery staple"


@contextmanager
def client_for(url: str, *, token: str | None = TOKEN, **options: object) -> Iterator[TestClient]:
    store = open_store(url)
    seed(store)
    link_stories(store)  # as the ingest that stored them would have
    app = create_app(store, token=token, **options)  # type: ignore[arg-type]
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client
    finally:
        store.close()


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
