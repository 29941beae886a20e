"""Jinja2 templates for the pages, autoescaped: untrusted text is always escaped."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from sitrep import __version__
from sitrep.events.lexicon import PLOVER_TYPES
from sitrep.web.charts import QUAD_NAMES
from sitrep.web.params import MODALITIES

TEMPLATES = str(files("sitrep.web") / "templates")


def safe_url(url: str | None) -> str | None:
    """An article's URL, only if it is http(s): ``javascript:`` and the like are never
    links (autoescaping does not stop a hostile scheme)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def usd(value: float | None) -> str:
    if value is None:
        return ""
    for size, unit in ((1e12, "tn"), (1e9, "bn"), (1e6, "mn")):
        if abs(value) >= size:
            return f"${value / size:.3g} {unit}"
    return f"${value:,.0f}"


def split_trigger(sentence: str, trigger: str | None) -> tuple[str, str, str]:
    """A sentence as (before, trigger, after), to mark the trigger word; the template
    escapes all three."""
    from sitrep.web.highlight import find_word

    where = find_word(sentence, trigger)
    if where is None:
        return sentence, "", ""
    return sentence[: where[0]], sentence[where[0] : where[1]], sentence[where[1] :]


@cache
def templates() -> Jinja2Templates:
    env = Jinja2Templates(directory=TEMPLATES)
    # Jinja2Templates turns autoescaping on for .html; say so explicitly, it is the contract.
    env.env.autoescape = True
    env.env.globals.update(
        version=__version__,
        quad_names=QUAD_NAMES,
        plover_types=PLOVER_TYPES,
        modalities=MODALITIES,
    )
    env.env.filters.update(safe_url=safe_url, usd=usd, split_trigger=split_trigger)
    return env


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    return templates().TemplateResponse(request, name, context, status_code=status, headers=headers)
