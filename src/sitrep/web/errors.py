"""One error shape everywhere: ``{"error": {"status": 404, "code": "E204", "message": …}}``.

API and ``.json`` requests get it as JSON; a page gets the same message in an HTML page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import E, NotFoundError, SitrepError

log = logging.getLogger("sitrep.web")

STATUS: dict[E, int] = {
    E.NO_TOKEN: 401,
    E.BAD_TOKEN: 403,
    E.WRITES_DISABLED: 403,
    E.BODY_TOO_LARGE: 413,
    E.NO_ROUTE: 404,
    E.BAD_METHOD: 405,
    E.WATCH_EXISTS: 409,
    E.BAD_PARAMETER: 422,
    E.INTERNAL: 500,
}
MACHINE_SUFFIXES = (".json", ".atom", ".jsonl", ".csv")


def error_body(status: int, error: SitrepError) -> dict[str, Any]:
    return {"error": {"status": status, "code": error.code, "message": str(error)}}


def status_of(error: SitrepError) -> int:
    if error.error in STATUS:
        return STATUS[error.error]
    return 404 if isinstance(error, NotFoundError) else 400


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith(MACHINE_SUFFIXES)


def error_response(request: Request, error: SitrepError, status: int | None = None) -> Response:
    status = status or status_of(error)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if wants_json(request):
        return JSONResponse(error_body(status, error), status_code=status, headers=headers)
    from sitrep.web.templating import render

    return render(
        request, "error.html", {"status": status, "error": error}, status=status, headers=headers
    )


def _validation_error(exc: RequestValidationError) -> SitrepError:
    first = exc.errors()[0] if exc.errors() else {}
    if first.get("type") == "json_invalid":
        return SitrepError(E.BAD_JSON_BODY, reason=first.get("msg", "cannot parse"))
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "body"))
    return SitrepError(E.BAD_PARAMETER, parameter=where or "request", reason=first.get("msg", ""))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        error = _validation_error(exc)
        return error_response(request, error, 400 if error.error is E.BAD_JSON_BODY else 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 413:
            error = SitrepError(E.BODY_TOO_LARGE, limit=request.app.state.max_body)
        elif exc.status_code == 405:
            error = SitrepError(E.BAD_METHOD, method=request.method, path=request.url.path)
        elif exc.status_code == 404:
            error = SitrepError(E.NO_ROUTE, path=request.url.path)
        else:
            error = SitrepError(E.BAD_PARAMETER, parameter="request", reason=str(exc.detail))
        return error_response(request, error, exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, SitrepError(E.INTERNAL, kind=type(exc).__name__))
