"""Pages: import a history file (upload, preview with the name mapping, progress, result),
export it for another app, and the records page."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from backtone.domain.column_mapping import DATE_ORDERS, DISTANCE_UNITS, Column
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import HistoryFormat
from backtone.domain.training import WeightUnit
from backtone.entrypoints.web.deps import (
    BacktoneDep,
    CsrfChecked,
    PageCaller,
    PageUser,
    UowDep,
    units_for,
)
from backtone.entrypoints.web.history_files import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_MB,
    ImportJobsDep,
    RunnerDep,
    Unsettled,
    history_download,
)
from backtone.entrypoints.web.pages.auth import COMMON_ZONES
from backtone.entrypoints.web.pages.forms import on_error_show, see_other
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.history_files import (
    READ_APPS,
    WRITTEN,
    ConfirmRequest,
    ExportFormat,
    ImportStatusView,
    Reading,
    corrections_from_form,
    exercise_choices,
    records_view,
)
from backtone.services.catalogue import my_catalogue
from backtone.services.context import Caller
from backtone.services.training_log import personal_records

router = APIRouter(include_in_schema=False)
Token = Annotated[str, Path(min_length=1, max_length=40)]
Choice = Annotated[str, Form(max_length=40)]
UPLOAD_LIMIT = MAX_UPLOAD_BYTES + (1 << 20)  # the file and the form around it
TEMPLATES = {
    "settings": "import_settings.html",
    "previewed": "import_preview.html",
    "importing": "import_progress.html",
    "done": "import_progress.html",
    "failed": "import_progress.html",
}


def _upload_context(me: Any, **extra: Any) -> dict[str, Any]:
    typed = {"format": "", "unit": "", "distance_unit": "", "tz": me.timezone}
    return {
        "apps": READ_APPS,
        "limit_mb": MAX_UPLOAD_MB,
        "zones": _zones(me.timezone),
        "distance_units": DISTANCE_UNITS,
        "typed": typed,
        **extra,
    }


def _zones(mine: str) -> list[str]:
    return list(COMMON_ZONES) if mine in COMMON_ZONES else [mine, *COMMON_ZONES]


@router.get("/history/import")
async def import_page(request: Request, me: PageUser, cancelled: bool = False) -> Response:
    """Choose a file; say which app it is from, or let backtone tell."""
    return render(request, "import.html", _upload_context(me, cancelled=cancelled))


@router.post("/history/import", dependencies=[CsrfChecked], max_body_size=UPLOAD_LIMIT)
def upload(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    jobs: ImportJobsDep,
    file: Annotated[UploadFile, File()],
    format: Choice = "",
    unit: Choice = "",
    distance_unit: Choice = "",
    tz: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Keep the file, read it, and show what it holds (or ask what the file does not say)."""
    typed = {"format": format, "unit": unit, "distance_unit": distance_unit, "tz": tz}
    on_error_show(request, "import.html", **_upload_context(me, typed=typed))
    kept = jobs.receive(account=me, filename=file.filename, data=file.file)
    reading = Reading(
        format=format or None, tz=tz or me.timezone, unit=unit or None,
        distance_unit=distance_unit or None,
    )  # fmt: skip
    try:
        jobs.read(caller=caller, token=kept.token, reading=reading, uow=uow, ask_columns=True)
    except Unsettled:
        pass  # the upload's page asks
    except InvalidInput:
        jobs.store.discard(kept)  # no answer makes it readable: keep nothing
        raise
    return see_other(f"/history/import/{kept.token}")


def _status_context(
    status: ImportStatusView, uow: UowDep, caller: Caller, **extra: Any
) -> dict[str, Any]:
    beside = status.message.removeprefix(f"{status.message_field}: ")
    context: dict[str, Any] = {"status": status, "message_beside": beside, **extra}
    if status.state == "settings":
        context |= {
            "apps": READ_APPS, "zones": _zones(status.reading.tz), "columns": list(Column),
            "distance_units": DISTANCE_UNITS, "date_orders": DATE_ORDERS,
        }  # fmt: skip
    if status.state == "previewed":
        choices = exercise_choices(my_catalogue(uow=uow, caller=caller))
        context["choices"] = choices
        context["choice_names"] = {c.id: c.name for c in choices}
        context["zones"] = _zones(status.reading.tz)
        context["distance_units"] = DISTANCE_UNITS
    return context


@router.get("/history/import/{token}")
async def import_status(
    request: Request,
    token: Token,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    jobs: ImportJobsDep,
) -> Response:
    """The upload's page: what to say, the preview, the progress or the result."""
    status = jobs.status(account=me, token=token)
    return render(request, TEMPLATES[status.state], _status_context(status, uow, caller))


@router.get("/history/import/{token}/status")
async def import_progress(token: Token, me: PageUser, jobs: ImportJobsDep) -> Response:
    """How far the import has got, for the page's script (static/import.js)."""
    status = jobs.status(account=me, token=token)
    progress = status.progress
    body = {
        "state": status.state,
        "done": progress.done if progress else 0,
        "total": progress.total if progress else status.size,
        "words": progress.words if progress else "",
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


@router.post("/history/import/{token}/read", dependencies=[CsrfChecked])
async def read_again(request: Request, token: Token, me: PageUser, caller: PageCaller,
                     uow: UowDep, jobs: ImportJobsDep) -> Response:  # fmt: skip
    """Read the kept file again as the person now says (app, unit, zone, columns)."""
    form = await request.form()
    text = {key: str(value).strip()[:200] for key, value in form.items() if isinstance(value, str)}
    columns = {c.value: text[f"col-{c.value}"] for c in Column if text.get(f"col-{c.value}")}
    reading = Reading(
        format=text.get("format") or None, tz=text.get("tz") or me.timezone,
        unit=text.get("unit") or None, distance_unit=text.get("distance_unit") or None,
        date_order=text.get("date_order") or None, columns=columns or None,
    )  # fmt: skip
    try:  # reading a large file takes seconds: off the event loop
        read = partial(jobs.read, caller=caller, token=token, reading=reading, uow=uow)
        await run_in_threadpool(read, ask_columns=False)
    except InvalidInput:
        status = jobs.status(account=me, token=token)  # kept, with the message and the answers
        return render(request, TEMPLATES[status.state], _status_context(status, uow, caller),
                      status=422)  # fmt: skip
    return see_other(f"/history/import/{token}")


@router.post("/history/import/{token}", dependencies=[CsrfChecked])
async def confirm(
    request: Request,
    token: Token,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    jobs: ImportJobsDep,
    runner: RunnerDep,
) -> Response:
    """Import as previewed, with the names as the selects now say; then show the progress."""
    status = jobs.status(account=me, token=token)
    on_error_show(request, TEMPLATES[status.state], **_status_context(status, uow, caller))
    form = await request.form()
    answers = {key: str(value) for key, value in form.items() if key.startswith("map-")}
    corrections = corrections_from_form(status.preview, answers) if status.preview else {}
    body = ConfirmRequest(corrections=corrections, strict=bool(form.get("strict")))
    jobs.confirm(caller=caller, token=token, request=body, uow=uow, runner=runner)
    return see_other(f"/history/import/{token}")


@router.post("/history/import/{token}/cancel", dependencies=[CsrfChecked])
async def cancel(token: Token, me: PageUser, jobs: ImportJobsDep) -> Response:
    """Forget the upload: nothing is imported."""
    jobs.discard(account=me, token=token)
    return see_other("/history/import?cancelled=true")


@router.get("/history/export")
async def export_page(request: Request, me: PageUser, uow: UowDep) -> Response:
    """Download the history as another app reads it, or everything as a backup."""
    formats = [(f.value, label) for f, (label, _, _) in WRITTEN.items()]
    context = {"formats": formats, "unit": units_for(uow, me).value}
    return render(request, "export.html", context)


@router.get("/history/export/{chosen}")
def export_file(
    chosen: ExportFormat,
    caller: PageCaller,
    app: BacktoneDep,
    uow: UowDep,
    unit: WeightUnit | None = None,
) -> Response:
    """The file itself, in the person's unit unless another is asked for."""
    return history_download(
        app=app, uow=uow, caller=caller, chosen=HistoryFormat(chosen), unit=unit
    )


@router.get("/records")
def records(request: Request, caller: PageCaller, uow: UowDep) -> Response:
    """Personal records for every exercise the person has logged, in their unit."""
    view = records_view(
        personal_records(uow=uow, caller=caller), my_catalogue(uow=uow, caller=caller),
        unit=caller.unit, tz=caller.tz,
    )  # fmt: skip
    return render(request, "records.html", {"records": view})
