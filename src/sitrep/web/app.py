"""The FastAPI application: routes, error shape, guards and static files."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sitrep import __version__
from sitrep.store import Store, open_store
from sitrep.web import api, pages
from sitrep.web.deals import SipriRegister
from sitrep.web.errors import install_error_handlers
from sitrep.web.security import LimitBody, SecurityHeaders

DEFAULT_MAX_BODY = 10 * 1024 * 1024  # 10 MiB: a few hundred articles per /api/ingest request
STATIC = str(files("sitrep.web") / "static")


def lazy_extractor() -> Callable[[], Any]:
    """The NLP pipeline, loaded on the first /api/ingest (reading needs no model)."""
    lock = threading.Lock()
    built: list[Any] = []

    def get() -> Any:
        with lock:
            if not built:
                from sitrep.extractor import Extractor

                built.append(Extractor())
            return built[0]

    return get


def create_app(
    store: Store | str | None = None,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    extractor: Callable[[], Any] | None = None,
    sipri: Path | None = None,
) -> FastAPI:
    """The web app over ``store`` (a Store, a database URL, or ``$SITREP_DB``).

    ``token`` (default ``$SITREP_TOKEN``) enables writes; without one every write is refused.
    ``sipri``: a SIPRI trade register (CSV) whose rows the deal pages and API match to deals.
    """
    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Evidence-backed, time-anchored PLOVER event data from news articles.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; /api lists endpoints
        redoc_url=None,
    )
    app.state.store = store if isinstance(store, Store) else open_store(store)
    app.state.token = token if token is not None else os.environ.get("SITREP_TOKEN") or None
    app.state.max_body = max_body
    app.state.extractor = extractor or lazy_extractor()
    app.state.sipri = SipriRegister.read(sipri) if sipri is not None else None
    install_error_handlers(app)
    app.add_middleware(LimitBody, limit=max_body)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
