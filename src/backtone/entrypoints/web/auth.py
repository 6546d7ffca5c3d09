"""Cookies for pages: a signed session cookie and a CSRF secret checked on every form."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response
from itsdangerous import BadSignature, Signer

SESSION_COOKIE = "bt_session"
CSRF_COOKIE = "bt_csrf"
CSRF_FIELD = "csrf_token"


def secure_cookies(request: Request) -> bool:
    """Whether the site is HTTPS (BACKTONE_PUBLIC_URL), never what the request's Host says."""
    return bool(request.app.state.backtone.settings.https)


class CookieKeys:
    """What the secret key signs: session cookies and CSRF tokens."""

    def __init__(self, secret_key: str) -> None:
        self._signer = Signer(secret_key, salt="backtone.session")
        self._csrf_key = hashlib.sha256(("csrf:" + secret_key).encode()).digest()

    def sign_session(self, token: str) -> str:
        return self._signer.sign(token).decode()

    def session_token(self, request: Request) -> str | None:
        """The raw session token from a cookie whose signature holds."""
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie:
            return None
        try:
            return self._signer.unsign(cookie).decode()
        except BadSignature:
            return None

    def csrf_token(self, secret: str) -> str:
        return hmac.new(self._csrf_key, secret.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, request: Request, submitted: str | None) -> bool:
        secret = request.cookies.get(CSRF_COOKIE)
        if not secret or not submitted:
            return False
        return hmac.compare_digest(self.csrf_token(secret), submitted)


def csrf_secret(request: Request) -> tuple[str, bool]:
    """The browser's CSRF secret, or a new one (True) that the response must set."""
    existing = request.cookies.get(CSRF_COOKIE)
    if existing:
        return existing, False
    cached: str | None = getattr(request.state, "new_csrf", None)
    if cached is None:
        cached = secrets.token_urlsafe(24)
        request.state.new_csrf = cached
    return cached, True


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request),
        path="/",
    )
