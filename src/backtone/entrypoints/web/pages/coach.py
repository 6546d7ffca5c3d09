"""The live coach's assets: its rules as data, the pose model and MediaPipe's web runtime.

All served by backtone itself, so the camera coach works offline; the picture is processed
in the browser and never sent here.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse, Response

from backtone.entrypoints.web.views.coach import coach_rules

router = APIRouter(include_in_schema=False)
LIVE_MODEL = "lite"  # about 30 fps in headless Chromium on two cores; the full model ~23
CACHE = {"cache-control": "public, max-age=86400"}
MISSING = "the pose models are not built on this server; run `make models` once"
TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}


@router.get("/coach/rules.json")
async def rules() -> dict[str, Any]:
    return coach_rules()


@router.get("/coach/model.task")
async def model() -> Response:
    from backtone.adapters.pose.models import default_models_dir

    path = default_models_dir() / f"pose_landmarker_{LIVE_MODEL}.task"
    if not path.is_file():
        return JSONResponse({"detail": MISSING}, status_code=404)
    return FileResponse(path, media_type="application/octet-stream", headers=CACHE)


@router.get("/coach/runtime/{name:path}")
async def runtime(name: str) -> Response:
    from pathlib import PurePosixPath

    from backtone.adapters.pose.models import web_runtime_file

    path = web_runtime_file(name)
    if path is None:
        return JSONResponse({"detail": MISSING}, status_code=404)
    media = TYPES.get(PurePosixPath(name).suffix, "application/octet-stream")
    return FileResponse(path, media_type=media, headers=CACHE)
