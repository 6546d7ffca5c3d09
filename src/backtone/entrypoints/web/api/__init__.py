"""The JSON API under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from backtone.entrypoints.web.api import (
    accounts,
    exercises,
    form_checks,
    history_files,
    plans,
    posture,
    progress,
    readiness,
    trainers,
    training,
)
from backtone.entrypoints.web.errors import API_ERRORS

router = APIRouter(prefix="/api/v1", responses=API_ERRORS)
for module in (
    accounts, plans, training, readiness, progress, exercises, trainers, form_checks, posture,
    history_files,
):  # fmt: skip
    router.include_router(module.router)
