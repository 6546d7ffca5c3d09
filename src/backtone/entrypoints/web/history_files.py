"""History files on the web: an upload read (the preview), then imported in the background;
and a history written out for download.

The use cases are the services' (services/history_import.py), as on the CLI. What the web
adds is time between the steps: the uploaded file waits under the data directory
(adapters/import_uploads.py) until the person confirms the preview, and the import runs on
a thread while the page shows how far it has got. Each step is written to the upload's
state, so any server process can answer for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import IO, Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import Depends
from fastapi.responses import StreamingResponse

from backtone.adapters.import_uploads import Upload, UploadStore
from backtone.bootstrap import Backtone
from backtone.domain.account import Account
from backtone.domain.column_mapping import DATE_ORDERS, DISTANCE_UNITS, Column, ColumnMapping
from backtone.domain.errors import BacktoneError, Conflict, InvalidInput, NotFound
from backtone.domain.importing import (
    FormatError,
    HistoryFormat,
    ReadOptions,
    UnitNeeded,
    WrongFormat,
)
from backtone.domain.name_mapping import NameMatcher
from backtone.domain.training import WeightUnit
from backtone.entrypoints.web.deps import BacktoneDep, UowDep
from backtone.entrypoints.web.views.history_files import (
    WRITTEN,
    ConfirmRequest,
    ImportStatusView,
    Reading,
    preview_view,
    progress_view,
    result_view,
)
from backtone.services.catalogue import my_catalogue
from backtone.services.context import Caller
from backtone.services.history_export import export_history
from backtone.services.history_import import (
    ImportProgress,
    column_mapping_for,
    detect_history_format,
    import_history,
    preview_history_import,
)

MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB << 20
KEEP_FOR = timedelta(hours=1)  # an upload left alone this long is removed
STALE_AFTER = timedelta(minutes=10)  # a running import silent this long has stopped
_REPORTS = 50  # progress is written about this many times over a file

logger = logging.getLogger(__name__)

Runner = Callable[[Callable[[], None]], None]


def run_on_a_thread(job: Callable[[], None]) -> None:
    """The import goes on after the answer is sent; its transaction is its own."""
    threading.Thread(target=job, name="backtone-import", daemon=True).start()


async def get_runner() -> Runner:
    return run_on_a_thread


RunnerDep = Annotated[Runner, Depends(get_runner)]


class Unsettled(InvalidInput):
    """The file can be read once the person says how: its app, its unit or its columns."""


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("tz", f"unknown time zone {name!r}", "e.g. Europe/Paris, UTC") from None


def check_reading(reading: Reading) -> None:
    """Refuse a reading whose values no file can use, naming the field."""
    if reading.format is not None and reading.format not in set(HistoryFormat):
        allowed = [f.value for f in HistoryFormat]
        raise InvalidInput("format", f"{reading.format!r} is not an app backtone reads", allowed)
    _zone(reading.tz)
    if reading.unit is not None and reading.unit not in ("kg", "lb"):
        raise InvalidInput("unit", f"{reading.unit!r} is not a unit", "kg or lb")
    if reading.distance_unit is not None and reading.distance_unit not in DISTANCE_UNITS:
        raise InvalidInput("distance_unit", repr(reading.distance_unit), DISTANCE_UNITS)
    if reading.date_order is not None and reading.date_order not in DATE_ORDERS:
        raise InvalidInput("date_order", repr(reading.date_order), DATE_ORDERS)
    fields = {c.value for c in Column}
    for name in reading.columns or {}:
        if name not in fields:
            raise InvalidInput("columns", f"{name!r} is not a field", sorted(fields))


def _columns(reading: Reading) -> ColumnMapping:
    return ColumnMapping(
        {Column(k): v for k, v in (reading.columns or {}).items() if v},
        weight_unit=WeightUnit(reading.unit or "kg"),
        distance_unit=reading.distance_unit or "km",
        date_order=reading.date_order or "ymd",
    )


def read_options(reading: Reading) -> ReadOptions:
    """What the services need to read the file as the person said."""
    own_csv = reading.format == HistoryFormat.CSV.value
    return ReadOptions(
        tz=_zone(reading.tz),
        weight_unit=WeightUnit(reading.unit) if reading.unit else None,
        distance_unit=reading.distance_unit,
        columns=_columns(reading) if own_csv else None,
    )


@dataclass
class _Draft:
    """The status being worked out, kept as far as it got when reading fails."""

    status: ImportStatusView


class ImportJobs:
    """Uploaded files, their previews and their imports, for one app."""

    def __init__(self, backtone: Backtone) -> None:
        self.backtone = backtone
        root = backtone.settings.data_dir / "imports"
        self.store = UploadStore(root, max_bytes=MAX_UPLOAD_BYTES)

    def _save(self, upload: Upload, status: ImportStatusView) -> ImportStatusView:
        status = status.model_copy(update={"updated": self.backtone.clock.now()})
        upload.save_state(status.model_dump(mode="json"))
        return status

    def receive(self, *, account: Account, filename: str | None, data: IO[bytes]) -> Upload:
        """Keep an upload (refused past the size limit); old ones are swept away first."""
        self.store.sweep(self.backtone.clock.now(), KEEP_FOR)
        upload = self.store.keep(account.id, filename, data)
        status = ImportStatusView(
            token=upload.token, state="settings", file=upload.name,
            size=upload.path.stat().st_size, reading=Reading(tz=account.timezone),
            updated=self.backtone.clock.now(),
        )  # fmt: skip
        self._save(upload, status)
        return upload

    def status(self, *, account: Account, token: str) -> ImportStatusView:
        """Where one of the person's uploads stands; another person's token is not found."""
        return self._status(self.store.find(account.id, token))

    def _status(self, upload: Upload) -> ImportStatusView:
        status = ImportStatusView.model_validate(upload.state())
        silent = self.backtone.clock.now() - status.updated
        if status.state == "importing" and silent > STALE_AFTER:
            message = ("the import stopped before it finished (the server was stopped?); "
                       "nothing was imported: upload the file again")  # fmt: skip
            return status.model_copy(update={"state": "failed", "message": message})
        return status

    def read(
        self,
        *,
        caller: Caller,
        token: str,
        reading: Reading,
        uow: UowDep,
        ask_columns: bool,
    ) -> ImportStatusView:
        """Preview the file as `reading` says; nothing is written to the training log.

        Raises Unsettled when the person must say more (the unit, the app, the columns of
        a CSV of their own: asked for unless saved, with `ask_columns`) and InvalidInput
        naming `FILE:LINE` when the file cannot be read at all. The upload stays either
        way; the caller discards it or asks.
        """
        upload = self.store.find(caller.user_id, token)
        status = self._status(upload)
        if status.state not in ("settings", "previewed"):
            raise Conflict(f"{status.file} is {status.state} already; upload it again")
        draft = _Draft(status.model_copy(update={"reading": reading, "preview": None}))
        try:
            check_reading(reading)
            self._preview(upload, draft, caller, uow, ask_columns)
        except InvalidInput as error:
            update = {"state": "settings", "message": str(error), "message_field": error.field}
            self._save(upload, draft.status.model_copy(update=update))
            raise
        return self._save(upload, draft.status)

    def _preview(
        self,
        upload: Upload,
        draft: _Draft,
        caller: Caller,
        uow: UowDep,
        ask_columns: bool,
    ) -> None:
        app, source = self.backtone, upload.source()
        try:
            reading = draft.status.reading
            chosen = (
                HistoryFormat(reading.format)
                if reading.format
                else detect_history_format(codecs=app.history_codecs, source=source)
            )
            if chosen in (None, HistoryFormat.CSV):
                self._own_columns(upload, draft, caller, uow, ask_columns)
                chosen = HistoryFormat.CSV
            reading = draft.status.reading
            preview = preview_history_import(
                uow=uow, codecs=app.history_codecs, caller=caller, source=source,
                chosen=chosen, options=read_options(reading),
            )  # fmt: skip
        except UnitNeeded as error:
            raise Unsettled("unit", error.problem, "kg or lb") from None
        except WrongFormat as error:
            raise Unsettled(
                "format",
                f"{upload.name}: {error.problem}",
                f"{error.detected.label}, or let backtone tell from the file",
            ) from None
        except FormatError as error:
            where = f"{upload.name}:{error.line}"
            raise InvalidInput(where, error.problem, error.allowed) from None
        reading = reading.model_copy(update={"format": preview.format.value})
        catalogue = my_catalogue(uow=uow, caller=caller)
        view = preview_view(preview, file=upload.name, tz=_zone(reading.tz), unit=caller.unit,
                            catalogue=catalogue)  # fmt: skip
        update = {"state": "previewed", "reading": reading, "preview": view, "message": "",
                  "message_field": ""}  # fmt: skip
        draft.status = draft.status.model_copy(update=update)

    def _own_columns(
        self, upload: Upload, draft: _Draft, caller: Caller, uow: UowDep, ask: bool
    ) -> None:
        """A CSV of the person's own: the columns they gave, else those saved for its header
        (else a guess, which the page asks them to confirm)."""
        proposal = column_mapping_for(
            uow=uow, codecs=self.backtone.history_codecs, caller=caller, source=upload.source(),
        )  # fmt: skip
        reading = draft.status.reading.model_copy(update={"format": HistoryFormat.CSV.value})
        if not reading.columns and proposal.mapping is not None:
            saved = proposal.mapping
            reading = reading.model_copy(
                update={
                    "columns": {c.value: h for c, h in saved.columns.items()},
                    "unit": reading.unit or saved.weight_unit.value,
                    "distance_unit": reading.distance_unit or saved.distance_unit,
                    "date_order": reading.date_order or saved.date_order,
                }
            )
            ask = ask and not proposal.saved
        update = {"reading": reading, "header": list(proposal.header)}
        draft.status = draft.status.model_copy(update=update)
        if ask or not reading.columns:
            cells = ", ".join(h for h in proposal.header if h.strip())
            raise Unsettled(
                "columns",
                f"{upload.name} is not an export of an app backtone knows",
                f"its columns for the date, the exercise, and reps, seconds or distance, "
                f"from {cells}",
            )
        try:
            _columns(reading).check(proposal.header)
        except InvalidInput as error:
            raise Unsettled("columns", f"{error.field}: {error.problem}", error.allowed) from None

    def discard(self, *, account: Account, token: str) -> None:
        """Cancel an upload (or forget a finished one); a running import goes on."""
        upload = self.store.find(account.id, token)
        if self._status(upload).state == "importing":
            raise Conflict(f"{upload.name} is being imported; wait for it to finish")
        self.store.discard(upload)

    def confirm(
        self,
        *,
        caller: Caller,
        token: str,
        request: ConfirmRequest,
        uow: UowDep,
        runner: Runner,
    ) -> ImportStatusView:
        """Start importing as previewed, with the person's corrections; one at a time each."""
        user_id = caller.user_id
        upload = self.store.find(user_id, token)
        if not self._lock(user_id, token):
            raise Conflict("another import of yours is running; wait for it to finish")
        try:
            status = self._status(upload)
            if status.state != "previewed" or status.preview is None:
                raise Conflict(f"{status.file} is {status.state}, not waiting to be imported")
            corrections = self._corrections(status, request.corrections, uow, caller)
            progress = progress_view("importing", 0, status.size)
            status = self._save(
                upload, status.model_copy(update={"state": "importing", "progress": progress})
            )
        except BaseException:
            self.store.unlock(user_id)
            raise
        runner(lambda: self._run(upload, caller, status, corrections, request.strict))
        return status

    def _lock(self, user_id: int, token: str) -> bool:
        if self.store.lock(user_id, token):
            return True
        holder = self.store.locked_by(user_id)
        try:
            running = holder is not None and self.status_of(user_id, holder) == "importing"
        except NotFound:
            running = False
        if running:
            return False
        self.store.unlock(user_id)  # its import ended without saying so (a stopped server)
        return self.store.lock(user_id, token)

    def status_of(self, user_id: int, token: str) -> str:
        return self._status(self.store.find(user_id, token)).state

    def _corrections(
        self, status: ImportStatusView, given: dict[str, str], uow: UowDep, caller: Caller
    ) -> dict[str, str]:
        assert status.preview is not None
        names = {row.name for row in status.preview.names}
        matcher = NameMatcher(my_catalogue(uow=uow, caller=caller))
        for name, answer in given.items():
            if name not in names:
                raise InvalidInput(
                    "corrections", f"{name!r} is not an exercise name in {status.file}",
                    "the names the preview lists",
                )  # fmt: skip
            try:
                matcher.choose(name, answer)
            except NotFound as error:
                field = f"corrections: {name}"
                raise InvalidInput(field, str(error), "an exercise id, or new") from None
        return dict(given)

    def _run(
        self,
        upload: Upload,
        caller: Caller,
        status: ImportStatusView,
        corrections: dict[str, str],
        strict: bool,
    ) -> None:
        app = self.backtone
        reported = [0]

        def report(step: ImportProgress) -> None:
            if step.done < step.total and step.done - reported[0] < step.total // _REPORTS:
                return
            reported[0] = step.done
            progress = progress_view(step.step, step.done, step.total)
            self._save(upload, status.model_copy(update={"progress": progress}))

        final = status.model_copy(update={"state": "failed"})
        try:
            result = import_history(
                uow=app.uow(), clock=app.clock, codecs=app.history_codecs, caller=caller,
                source=upload.source(),
                chosen=HistoryFormat(status.reading.format or HistoryFormat.CSV),
                options=read_options(status.reading),
                corrections=corrections, strict=strict, progress=report,
            )  # fmt: skip
            done = progress_view("importing", status.size, status.size)
            written = result_view(result, file=upload.name)
            update = {"state": "done", "progress": done, "result": written}
            final = status.model_copy(update=update)
        except BacktoneError as error:
            # A row refused under `strict` says what to fix; its CLI advice is not for here.
            said = f"{error.field}: {error.problem}" if isinstance(error, InvalidInput) else error
            final = final.model_copy(update={"message": f"nothing was imported: {said}"})
        except Exception:  # on its own thread: nobody else would say what happened
            logger.exception("importing %s failed", upload.folder)
            message = "nothing was imported: the server could not finish (its log says why)"
            final = final.model_copy(update={"message": message})
        finally:
            upload.drop_file()
            self._save(upload, final)
            self.store.unlock(caller.user_id)


async def get_import_jobs(backtone: BacktoneDep) -> ImportJobs:
    return ImportJobs(backtone)


ImportJobsDep = Annotated[ImportJobs, Depends(get_import_jobs)]


def history_download(
    *,
    app: Backtone,
    uow: UowDep,
    caller: Caller,
    chosen: HistoryFormat,
    unit: WeightUnit | None,
) -> StreamingResponse:
    """The person's whole history in an app's format, written to a scratch file first so a
    long history never sits in memory, then sent and the file forgotten."""
    _, extension, media = WRITTEN[chosen]
    scratch = ImportJobs(app).store.scratch()
    try:
        export_history(
            uow=uow, codecs=app.history_codecs, caller=caller, chosen=chosen, out=scratch,
            unit=unit,
        )  # fmt: skip
        scratch.seek(0)
    except BaseException:
        scratch.close()
        raise

    def blocks() -> Iterator[bytes]:
        with scratch:
            while block := scratch.read(1 << 16):
                yield block.encode("utf-8")

    name = f"backtone-{chosen.value}-{caller.today.isoformat()}.{extension}"
    return StreamingResponse(
        blocks(),
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
