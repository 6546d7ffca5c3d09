"""Pages: download everything of yours as one backup file, and restore one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, Response, UploadFile

from backtone.domain.errors import InvalidInput
from backtone.entrypoints.web.api.backup import backup_file
from backtone.entrypoints.web.deps import ClockDep, CsrfChecked, PageCaller, PageUser, UowDep
from backtone.entrypoints.web.pages.forms import on_error_show
from backtone.entrypoints.web.pages.settings import settings_context
from backtone.entrypoints.web.rendering import render
from backtone.services.backup import restore_backup

router = APIRouter(include_in_schema=False)
MOST_BYTES = 200 * 1024 * 1024  # a decade of daily training is about 30 MB


@router.get("/settings/backup")
def download(me: PageUser, uow: UowDep, clock: ClockDep) -> Response:
    """The same file as GET /api/v1/backup, for the signed-in browser."""
    return backup_file(uow, clock, me)


@router.post("/settings/backup", dependencies=[CsrfChecked])
def restore(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    backup: Annotated[UploadFile, File()],
) -> Response:
    """Restore a backup file into this account, all or nothing, as `backtone import json`."""
    from backtone.adapters.formats.backup_json import read_backup

    on_error_show(request, "settings.html", **settings_context(uow, clock, me))
    data = backup.file.read(MOST_BYTES + 1)
    if len(data) > MOST_BYTES:
        raise InvalidInput("backup", "is over 200 MB", "a backup file from backtone")
    name = backup.filename or "backup"
    try:
        read = read_backup(data)
    except InvalidInput as error:
        raise InvalidInput(f"{name}: {error.field}", error.problem, error.allowed) from None
    result = restore_backup(uow=uow, clock=clock, caller=caller, backup=read)
    context = settings_context(uow, clock, me, restored=result.in_words().splitlines())
    return render(request, "settings.html", context)
