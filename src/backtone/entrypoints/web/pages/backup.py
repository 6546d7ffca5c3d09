"""Page: download everything of yours as one backup file."""

from __future__ import annotations

from fastapi import APIRouter, Response

from backtone.entrypoints.web.api.backup import backup_file
from backtone.entrypoints.web.deps import ClockDep, PageUser, UowDep

router = APIRouter(include_in_schema=False)


@router.get("/settings/backup")
def download(me: PageUser, uow: UowDep, clock: ClockDep) -> Response:
    """The same file as GET /api/v1/backup, for the signed-in browser."""
    return backup_file(uow, clock, me)
