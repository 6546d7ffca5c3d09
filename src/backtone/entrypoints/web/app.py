"""The web app: `create_app(settings)` wires pages, the JSON API, errors and security headers."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from backtone import __version__
from backtone.bootstrap import Backtone, build
from backtone.config import Settings
from backtone.entrypoints.web import api, operators, pages
from backtone.entrypoints.web.auth import CookieKeys
from backtone.entrypoints.web.errors import install_error_handlers
from backtone.entrypoints.web.etag import RenderCache
from backtone.entrypoints.web.headers import SecurityHeaders
from backtone.entrypoints.web.metrics import Metrics, Registry
from backtone.entrypoints.web.pages.api_docs import ASSETS, ASSETS_URL, SPEC_URL
from backtone.entrypoints.web.rendering import STATIC
from backtone.services.ports import PasswordHasher

DESCRIPTION = """The same use cases as the pages and the CLI. Sign up with `POST /api/v1/accounts`,
get a token with `POST /api/v1/tokens`, then send `Authorization: Bearer <token>`.
Logging a set accepts an `Idempotency-Key` header so a retried request never logs it twice."""


def create_app(
    settings: Settings,
    *,
    backtone: Backtone | None = None,
    hasher: PasswordHasher | None = None,
) -> FastAPI:
    """A ready app for these settings (a new database gets its schema first)."""
    from backtone.adapters.security import Argon2Hasher

    app = FastAPI(
        title="backtone",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # pages.api_docs serves it without a CDN
        redoc_url=None,
        openapi_url=SPEC_URL,
    )
    app.state.backtone = backtone or build(settings)
    app.state.hasher = hasher or Argon2Hasher()
    app.state.keys = CookieKeys(settings.secret_key)
    app.state.rendered = RenderCache()  # the catalogue's answers, rendered once (etag.py)
    app.add_middleware(SecurityHeaders, https=settings.https)
    app.state.metrics = operator_metrics(app.state.backtone)
    app.add_middleware(Metrics, registry=app.state.metrics)  # times everything inside it
    if settings.proxies:
        # Outermost: the client's address and scheme are settled before anything reads them.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.proxies)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS), name="docs-assets")
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(operators.router)
    app.include_router(pages.router)
    return app


def operator_metrics(backtone: Backtone) -> Registry:
    """The counters /metrics shows, with the SQLite writer's queue read at each scrape."""
    registry = Registry()
    writes = backtone.writes
    registry.gauge(
        "backtone_writer_queue_depth",
        "Requests waiting for their turn in the SQLite writer's group (0 on PostgreSQL).",
        lambda: writes.queue_depth,
    )
    registry.gauge(
        "backtone_writer_groups_committed",
        "Groups of writes the SQLite writer has committed, each with one flush.",
        lambda: writes.groups,
    )
    return registry


def app_from_env() -> FastAPI:
    """For uvicorn's worker processes: settings from BACKTONE_* variables."""
    return create_app(Settings.from_env())
