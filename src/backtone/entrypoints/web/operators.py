"""For operators: `/health` (database reachable, migrations current) and `/metrics`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from backtone.adapters.db import migrate
from backtone.bootstrap import Backtone
from backtone.entrypoints.web.metrics import Registry

router = APIRouter(include_in_schema=False)
PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8"


@router.get("/health")
def health(request: Request) -> JSONResponse:
    """200 when the database answers and its schema is this version's; 503 otherwise.

    A plain `def`: a database that does not answer keeps a thread waiting, not the loop.
    """
    backtone: Backtone = request.app.state.backtone
    body: dict[str, Any] = {"database": "reachable", "expected_revision": migrate.HEAD}
    try:
        revision = migrate.current_revision(backtone.engine)
    except Exception as error:  # any failure to reach it is the answer, not a crash
        body |= {"status": "unavailable", "database": "unreachable", "reason": _first(error)}
        return JSONResponse(body, status_code=503)
    body["revision"] = revision
    if revision != migrate.HEAD:
        body |= {"status": "unavailable", "reason": "the schema is not this version's"}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", **body})


@router.get("/metrics")
async def metrics(request: Request) -> PlainTextResponse:
    """Requests, latencies and errors per route, and the SQLite writer's queue."""
    registry: Registry = request.app.state.metrics
    return PlainTextResponse(registry.render(), media_type=PROMETHEUS)


def _first(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0] if lines else ''}"[:200]
