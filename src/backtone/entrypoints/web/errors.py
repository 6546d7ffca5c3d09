"""The web's one mapping from errors to responses: JSON under /api, HTML pages elsewhere."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from backtone.adapters.db.group_commit import CommitFailed
from backtone.domain.errors import (
    BacktoneError,
    Conflict,
    Infeasible,
    InvalidInput,
    NotFound,
    Unavailable,
)
from backtone.entrypoints.web.deps import CsrfRejected, NotSignedIn
from backtone.entrypoints.web.rendering import render
from backtone.services.accounts import BadCredentials, NotAllowed, TooManyAttempts

STATUS: list[tuple[type[BacktoneError], int]] = [
    (InvalidInput, 422),
    (Infeasible, 422),
    (NotFound, 404),
    (Conflict, 409),
    (BadCredentials, 401),
    (NotAllowed, 403),
    (TooManyAttempts, 429),
    (Unavailable, 503),
]


def status_of(error: BacktoneError) -> int:
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 400


def error_body(error: BacktoneError) -> dict[str, Any]:
    """What an API client gets: a type, a message, and the fields that help fix it."""
    body: dict[str, Any] = {"type": type(error).__name__, "message": str(error)}
    if isinstance(error, InvalidInput):
        # Never an empty answer: the reference lists every field's values.
        body |= {"field": error.field, "allowed": error.allowed or "the values /docs lists"}
    if isinstance(error, NotFound):
        body |= {"suggestions": list(error.suggestions)}
    if isinstance(error, Infeasible):
        body |= {"reasons": list(error.reasons)}
    return {"error": body}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _page(
    request: Request,
    status: int,
    message: str,
    reasons: list[str] | None = None,
    field: str | None = None,
) -> Response:
    # A form page asks for its own template back, filled in, with the message on top (or
    # beside the field it names, where the form shows its fields' errors).
    form = getattr(request.state, "form_template", None)
    if form is not None and status != 404:
        beside = message.removeprefix(f"{field}: ") if field else message
        context = {
            "error": message, "error_field": field, "error_beside": beside,
            "reasons": reasons or [], **request.state.form_context,
        }  # fmt: skip
        return render(request, form, context, status=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BacktoneError)
    async def domain_error(request: Request, error: BacktoneError) -> Response:
        status = status_of(error)
        headers = {}
        if isinstance(error, TooManyAttempts):
            headers["Retry-After"] = str(error.retry_after_seconds)
        if _is_api(request):
            return JSONResponse(error_body(error), status_code=status, headers=headers)
        reasons = list(error.reasons) if isinstance(error, Infeasible) else None
        field = error.field if isinstance(error, InvalidInput) else None
        response = _page(request, status, str(error), reasons, field)
        response.headers.update(headers)
        return response

    @app.exception_handler(OperationalError)
    async def database_unusable(request: Request, error: OperationalError) -> Response:
        # A full disk, a read-only file, a server down: the person can only wait. The
        # message names no file or host of the server's (the log and `backtone db current`
        # tell the operator which).
        message = "the database cannot be used at the moment; try again in a while"
        return await domain_error(request, Unavailable(message))

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, error: NotSignedIn) -> Response:
        if _is_api(request):
            body = {"error": {"type": "NotSignedIn", "message": "a valid Bearer token is needed"}}
            return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(CommitFailed)
    async def not_saved(request: Request, error: CommitFailed) -> Response:
        # The write's group never reached the disk: nothing of it is stored, so a retry
        # (with the same Idempotency-Key) is safe.
        message = "This could not be saved just now; nothing was stored. Please try again."
        if _is_api(request):
            body = {"error": {"type": "NotSaved", "message": message}}
            return JSONResponse(body, status_code=503, headers={"Retry-After": "1"})
        return _page(request, 503, message)

    @app.exception_handler(CsrfRejected)
    async def csrf_rejected(request: Request, error: CsrfRejected) -> Response:
        message = "This form has expired. Go back, reload the page and send it again."
        return render(request, "error.html", {"status": 403, "message": message}, status=403)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        message = "Nothing here." if error.status_code == 404 else str(error.detail)
        if _is_api(request):
            body = {"error": {"type": "HTTPError", "message": message}}
            return JSONResponse(body, status_code=error.status_code, headers=error.headers)
        return _page(request, error.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        if _is_api(request):
            first = error.errors()[0] if error.errors() else {"loc": (), "msg": "invalid"}
            field = ".".join(str(p) for p in first["loc"][1:]) or "request"
            body = error_body(InvalidInput(field, problem_of(first), allowed_for(first)))
            body["error"]["problems"] = _plain(error.errors())
            return JSONResponse(body, status_code=422)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors()
        )
        return _page(request, 422, f"Please check the form: {problems}")

    @app.exception_handler(ValidationError)
    async def invalid_values(request: Request, error: ValidationError) -> Response:
        # Pages check form fields with the API's models; their complaints are a user's mistake.
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "form"
        return await domain_error(
            request, InvalidInput(field, problem_of(first), allowed_for(first))
        )


# What a value of each kind pydantic checks must look like, in words.
_KINDS = {
    "missing": "a value: this one is required",
    "int_parsing": "a whole number", "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number", "float_type": "a number",
    "bool_parsing": "true or false", "bool_type": "true or false",
    "string_type": "text", "date_parsing": "a date, YYYY-MM-DD", "date_type": "a date, YYYY-MM-DD",
    "datetime_parsing": "a date and time in ISO 8601", "list_type": "a list",
    "dict_type": "a JSON object", "model_attributes_type": "a JSON object",
    "json_invalid": "a JSON body", "extra_forbidden": "only the fields the API reference lists",
}  # fmt: skip


def problem_of(error: Any) -> str:
    """What is wrong with the value one validation error is about, in plain words."""
    kind = str(error.get("type"))
    if kind == "missing":
        return "is missing"
    value = error.get("input")
    shown = repr(value) if isinstance(value, str | int | float) else "the value"
    if isinstance(value, str) and value.lstrip("-").replace(".", "", 1).isdigit():
        shown = value  # a number typed in a form
    if kind.endswith(("_parsing", "_type")):
        return f"{shown} is not {_KINDS.get(kind, 'of the right kind')}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return f"{shown} is out of range"
    if kind in ("literal_error", "enum"):
        return f"{shown} is not one of the choices"
    if "too_long" in kind or "too_short" in kind:
        return f"is too {'long' if 'long' in kind else 'short'}"
    return str(error.get("msg", "is not accepted")).lower()


def allowed_for(error: Any) -> str:
    """What would be accepted instead of the value one validation error is about."""
    ctx = error.get("ctx") or {}
    bounds = {"ge": "{} or more", "gt": "more than {}", "le": "{} or less", "lt": "less than {}"}
    for key, words in bounds.items():
        if key in ctx:
            return words.format(ctx[key])
    if "expected" in ctx:
        return str(ctx["expected"])
    things = "characters" if str(error.get("type")).startswith("string") else "items"
    if "min_length" in ctx:
        return f"at least {ctx['min_length']} {things}"
    if "max_length" in ctx:
        return f"at most {ctx['max_length']} {things}"
    if "pattern" in ctx:
        return f"text matching {ctx['pattern']}"
    return _KINDS.get(str(error.get("type")), "a value as the API reference (/docs) describes")


def _plain(errors: Any) -> Any:
    """Validation errors without the raw input objects, which may not be JSON."""
    return [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"]} for e in errors]


class ErrorDetail(BaseModel):
    type: str
    message: str
    field: str | None = None
    allowed: str | None = None
    suggestions: list[str] | None = None
    reasons: list[str] | None = None
    problems: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    """Every API error: what kind, a message naming the field, and what would fix it."""

    error: ErrorDetail


_ERROR = {"model": ErrorBody}
API_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {**_ERROR, "description": "The body could not be read (not JSON, or not UTF-8)"},
    401: {**_ERROR, "description": "No valid Bearer token, or a wrong name or password"},
    403: {**_ERROR, "description": "Not allowed for this account"},
    404: {**_ERROR, "description": "Nothing with that id is yours"},
    409: {**_ERROR, "description": "Clashes with what is stored"},
    422: {**_ERROR, "description": "A value is not one the coach can use"},
    429: {
        **_ERROR,
        "description": "Too many log-ins or sign-ups from this account or address",
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before trying again",
                "schema": {"type": "integer"},
            }
        },
    },
    503: {
        **_ERROR,
        "description": "Not saved, or the database cannot be used now; nothing was stored",
    },
}
