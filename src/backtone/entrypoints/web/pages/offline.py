"""The installable app: its manifest, and the service worker at the site's root (a worker
controls only the pages under its own path, and /today must be one of them)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from backtone.entrypoints.web.rendering import STATIC

router = APIRouter(include_in_schema=False)
# Asked for again on every visit, so a new backtone reaches phones at once.
FRESH = {"Cache-Control": "no-cache"}


@router.get("/sw.js")
async def service_worker() -> FileResponse:
    return FileResponse(STATIC / "sw.js", media_type="text/javascript", headers=FRESH)


@router.get("/manifest.webmanifest")
async def manifest() -> FileResponse:
    return FileResponse(
        STATIC / "manifest.webmanifest", media_type="application/manifest+json", headers=FRESH
    )
