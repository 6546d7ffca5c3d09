"""The interactive API reference at /docs, served with its assets so it works offline."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from backtone.entrypoints.web.rendering import templates

router = APIRouter(include_in_schema=False)
SPEC_URL = "/api/v1/openapi.json"
ASSETS_URL = "/docs/assets"
ASSETS = Path(str(resources.files("fastapi_offline") / "static"))  # Swagger UI 5, from PyPI


@router.get("/docs")
async def api_docs(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "api_docs.html", {"spec_url": SPEC_URL})
