"""Server-rendered pages."""

from __future__ import annotations

from fastapi import APIRouter

from backtone.entrypoints.web.pages import (
    api_docs,
    auth,
    backup,
    body_weight,
    coach,
    form_check,
    history,
    history_files,
    insight,
    offline,
    plans,
    posture,
    settings,
    trainer,
    training,
)

router = APIRouter(include_in_schema=False)
for module in (
    api_docs,
    auth,
    plans,
    training,
    history_files,
    history,
    body_weight,
    insight,
    settings,
    backup,
    trainer,
    form_check,
    coach,
    posture,
    offline,
):
    router.include_router(module.router)
