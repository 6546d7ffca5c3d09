"""The JSON API under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from backtone.entrypoints.web.api import (
    accounts,
    body_weights,
    exercises,
    form_checks,
    history_edit,
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
    body_weights,
    history_edit,  # after training: its DELETE /sets/last comes before DELETE /sets/{id}
):  # fmt: skip
    router.include_router(module.router)
