"""API: import a history file (preview with a token, confirm, follow its progress), export it
for another app, and personal records."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Path, Query, Response, UploadFile

from backtone.domain.errors import InvalidInput
from backtone.domain.importing import HistoryFormat
from backtone.domain.training import WeightUnit
from backtone.entrypoints.web.deps import (
    BacktoneDep,
    CallerDep,
    CurrentUser,
    UowDep,
)
from backtone.entrypoints.web.history_files import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_MB,
    ImportJobsDep,
    RunnerDep,
    history_download,
)
from backtone.entrypoints.web.views.history_files import (
    ConfirmRequest,
    ExportFormat,
    ImportStatusView,
    Reading,
    RecordsView,
    records_view,
)
from backtone.services.catalogue import my_catalogue
from backtone.services.training_log import personal_records

router = APIRouter(tags=["history files"])
Token = Annotated[str, Path(min_length=1, max_length=40, description="from the preview")]
FormatName = Literal[
    "strong", "hevy", "fitnotes", "stronglifts", "liftosaur", "liftlog", "jefit", "openweight",
    "csv",
]  # fmt: skip


def _columns(text: str | None) -> dict[str, str] | None:
    if not text:
        return None
    try:
        found = json.loads(text)
    except ValueError:
        found = None
    if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
        raise InvalidInput(
            "columns", "is not a JSON object of field to column header",
            '{"date": "Day", "exercise": "Lift", "reps": "Reps"}',
        )  # fmt: skip
    return {str(k): v for k, v in found.items()}


@router.post(
    "/imports/preview",
    status_code=201,
    response_model=ImportStatusView,
    max_body_size=MAX_UPLOAD_BYTES + (1 << 20),
)
def preview_import(
    response: Response,
    me: CurrentUser,
    caller: CallerDep,
    uow: UowDep,
    jobs: ImportJobsDep,
    file: Annotated[
        UploadFile, File(description=f"An app's export or a CSV, up to {MAX_UPLOAD_MB} MB")
    ],
    format: Annotated[
        FormatName | None, Form(description="The app it is from (default: told from the file)")
    ] = None,
    unit: Annotated[WeightUnit | None, Form(description="For files that do not say")] = None,
    distance_unit: Annotated[
        Literal["m", "km", "mi", "ft", "yd"] | None, Form(description="For files that do not say")
    ] = None,
    tz: Annotated[
        str | None, Form(max_length=64, description="Zone of the file's times (default: yours)")
    ] = None,
    date_order: Annotated[
        Literal["ymd", "dmy", "mdy"] | None, Form(description="A CSV of your own: 05/04/2026")
    ] = None,
    columns: Annotated[
        str | None,
        Form(max_length=4000, description="A CSV of your own: JSON, field -> column header"),
    ] = None,
) -> ImportStatusView:
    """Read a file and say what importing it would do; nothing is written yet.

    The answer's `token` confirms it (`POST /imports/{token}`) within an hour; until then
    the file is kept for you alone. A file that cannot be read is not kept: the message
    names the file and line, or the field to give (`unit`, `format`, `columns`).
    """
    reading = Reading(
        format=format, tz=tz or me.timezone, unit=unit.value if unit else None,
        distance_unit=distance_unit, date_order=date_order, columns=_columns(columns),
    )  # fmt: skip
    kept = jobs.receive(account=me, filename=file.filename, data=file.file)
    try:
        status = jobs.read(caller=caller, token=kept.token, reading=reading, uow=uow,
                           ask_columns=False)  # fmt: skip
    except InvalidInput:
        jobs.store.discard(kept)
        raise
    response.headers["Location"] = f"/api/v1/imports/{kept.token}"
    return status


@router.get("/imports/{token}", response_model=ImportStatusView)
def import_status(token: Token, me: CurrentUser, jobs: ImportJobsDep) -> ImportStatusView:
    """Where an import stands: previewed, importing (with its progress), done or failed."""
    return jobs.status(account=me, token=token)


@router.post("/imports/{token}", status_code=202, response_model=ImportStatusView)
def confirm_import(
    token: Token,
    body: ConfirmRequest,
    caller: CallerDep,
    uow: UowDep,
    jobs: ImportJobsDep,
    runner: RunnerDep,
) -> ImportStatusView:
    """Import the previewed file, all of it or nothing, with the names corrected as given.

    It runs in the background: follow it with `GET /imports/{token}` until its state is
    `done` (with what was added and what was already there) or `failed`.
    """
    return jobs.confirm(caller=caller, token=token, request=body, uow=uow, runner=runner)


@router.delete("/imports/{token}", status_code=204, response_class=Response)
def cancel_import(token: Token, me: CurrentUser, jobs: ImportJobsDep) -> Response:
    """Forget a previewed (or finished) file: nothing is imported."""
    jobs.discard(account=me, token=token)
    return Response(status_code=204)


@router.get(
    "/exports/{chosen}",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}, "application/json": {}}}},
)
def export_history_file(
    chosen: ExportFormat,
    caller: CallerDep,
    app: BacktoneDep,
    uow: UowDep,
    unit: Annotated[WeightUnit | None, Query(description="Default: your unit")] = None,
) -> Response:
    """Your whole history as a Strong CSV, a Hevy CSV or openweight JSON, in your zone."""
    return history_download(
        app=app, uow=uow, caller=caller, chosen=HistoryFormat(chosen), unit=unit
    )


@router.get("/records", response_model=RecordsView)
def records(caller: CallerDep, uow: UowDep) -> RecordsView:
    """Personal records per exercise you logged: estimated 1RM (Epley, Brzycki), best
    session volume, most reps, best reps at each load; assisted moves, the least help."""
    return records_view(
        personal_records(uow=uow, caller=caller), my_catalogue(uow=uow, caller=caller),
        unit=caller.unit, tz=caller.tz,
    )  # fmt: skip
