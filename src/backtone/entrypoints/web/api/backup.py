"""API: everything of yours as one backup file, and a backup restored into your account."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Response

from backtone.domain.account import Account
from backtone.entrypoints.web.deps import ClockDep, CurrentUser, UowDep, today_for, zone
from backtone.entrypoints.web.views.backup import RestoredView, backup_filename, restored_view
from backtone.services.backup import my_backup, restore_backup
from backtone.services.context import Caller, caller_for

router = APIRouter(tags=["backup"])

BACKUP_FILE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The backup, as a JSON file to keep (docs/backup.md lists what is in it)",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


def _caller(uow: UowDep, clock: ClockDep, account: Account) -> Caller:
    return caller_for(uow=uow, clock=clock, user_id=account.id, tz=zone(account))


def backup_file(uow: UowDep, clock: ClockDep, account: Account) -> Response:
    """The account's complete backup as a JSON attachment (for the API and the page)."""
    from backtone.adapters.formats.backup_json import write_backup

    backup = my_backup(uow=uow, clock=clock, caller=_caller(uow, clock, account))
    name = backup_filename(account.name, today_for(account, clock))
    return Response(
        write_backup(backup),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/backup", response_class=Response, responses=BACKUP_FILE)
def download(me: CurrentUser, uow: UowDep, clock: ClockDep) -> Response:
    """Everything of yours in one versioned JSON file: settings, profile, kit, exercises,
    plans, workouts and sets, body weights, check-ins, posture checks, remembered names.
    Never a password or a token."""
    return backup_file(uow, clock, me)


@router.post("/backup", response_model=RestoredView)
def restore(
    backup: Annotated[
        dict[str, Any], Body(description="A backup file's JSON, of any backup version")
    ],
    me: CurrentUser,
    uow: UowDep,
    clock: ClockDep,
) -> RestoredView:
    """Restore a backup into your account, all or nothing: what you lack is added, nothing is
    added twice (sending the same file again adds nothing), and settings you have made here
    are kept. A bad file is refused whole, with the place in it that is wrong."""
    from backtone.adapters.formats.backup_json import backup_from_dict

    read = backup_from_dict(backup)
    result = restore_backup(uow=uow, clock=clock, caller=_caller(uow, clock, me), backup=read)
    return restored_view(result)
