"""Helpers for form pages: which template a failed post re-renders, and safe redirects."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse


def on_error_show(request: Request, template: str, **context: Any) -> None:
    """If this post fails, errors.py renders `template` again with the message on top."""
    request.state.form_template = template
    request.state.form_context = context


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def safe_next(url: str | None, default: str = "/today") -> str:
    """Only paths on this site: '//evil.example' and 'https://...' go to the default."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return default
