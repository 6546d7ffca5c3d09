"""The JSON API under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from backtone.entrypoints.web.api import (
    accounts,
    backup,
    body_weights,
    exercises,
    form_checks,
    history_edit,
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
# The busiest first: a request's path is matched against the routes in this order.
for module in (
    training, exercises, accounts, plans, readiness, progress, trainers, form_checks, posture,
    backup, history_files, body_weights,
    history_edit,  # after training: its DELETE /sets/last comes before DELETE /sets/{id}
):  # fmt: skip
    router.include_router(module.router)
