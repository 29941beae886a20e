"""The web interface and JSON API (``sitrep serve``): FastAPI over the same store as the CLI.

:func:`create_app` builds the application: the JSON API under ``/api`` (OpenAPI schema at
``/api/openapi.json``), server-rendered pages each with a ``.json`` twin, vendored static
files only. Reading is open; writing (``/api/ingest``, watches) needs ``SITREP_TOKEN``.
"""

from sitrep.web.app import create_app

__all__ = ["create_app"]
