"""A property-based run against the OpenAPI schema (schemathesis): generated requests to
every endpoint, valid and invalid, must never get a server error.

POST /api/ingest is left out here (with a token it would run the NLP pipeline on every
generated text); it has its own tests, with the model, in test_web_browser.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from sitrep.store import open_store
from sitrep.web import create_app
from webapp import TOKEN
from webkit import seed

_folder = Path(tempfile.mkdtemp(prefix="sitrep-schema-"))
_store = open_store(f"sqlite:///{_folder / 'schema.db'}")
seed(_store)
app = create_app(_store, token=TOKEN)
schema = schemathesis.openapi.from_asgi("/api/openapi.json", app).exclude(
    method="POST", path="/api/ingest"
)


@schema.parametrize()
@settings(
    max_examples=25,  # per endpoint; CI stays fast and every endpoint gets edge cases
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_on_any_generated_request(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:  # every error has the one shape
        error = response.json()["error"]
        assert set(error) == {"status", "code", "message"}
        assert error["status"] == response.status_code
