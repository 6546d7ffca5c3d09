"""Jinja2 pages: every render gets the CSRF token, the signed-in account and static URLs."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from backtone.entrypoints.web.auth import CSRF_COOKIE, CookieKeys, csrf_secret, set_cookie
from backtone.entrypoints.web.views.coach import coach_rule

HERE = Path(str(resources.files("backtone.entrypoints.web")))
STATIC = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")


@cache
def static_version() -> str:
    """A hash of the static files, so browsers may cache them for a long time."""
    digest = hashlib.sha256()
    for path in sorted(STATIC.iterdir()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def static_url(name: str) -> str:
    return f"/static/{name}?v={static_version()}"


templates.env.globals["static_url"] = static_url
templates.env.globals["coach_rule"] = coach_rule


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    keys: CookieKeys = request.app.state.keys
    secret, new = csrf_secret(request)
    values = {
        "csrf_token": keys.csrf_token(secret),
        "account": getattr(request.state, "account", None),
        "path": request.url.path,
        **(context or {}),
    }
    response = templates.TemplateResponse(request, template, values, status_code=status)
    if new:
        set_cookie(request, response, CSRF_COOKIE, secret, max_age=365 * 24 * 3600)
    return response
