"""`backtone import strong|hevy` and `backtone export strong`: histories from and for other apps."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backtone.entrypoints.cli.context import backtone_app, current_user
from backtone.entrypoints.cli.output import console

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import tzinfo

    from backtone.domain.importing import ParseReport

FileArg = Annotated[Path, typer.Argument(help="The CSV file.")]
YesFlag = Annotated[bool, typer.Option("--yes", "-y", help="Accept the name mapping as shown.")]
SkipBad = Annotated[
    bool, typer.Option("--skip-bad", help="Import the good rows and list the bad ones.")
]
ZoneOption = Annotated[
    str | None,
    typer.Option("--tz", help="Time zone of the file's times (default: this computer's)."),
]


def _zone(name: str | None) -> tzinfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from backtone.domain.errors import InvalidInput
    from backtone.entrypoints.cli.training_log import local_tz

    if name is None:
        return local_tz()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            "--tz", f"unknown time zone {name!r}", "e.g. Europe/Paris, UTC"
        ) from None


def _read(path: Path, app_name: str, tz: tzinfo, unit: str) -> ParseReport:
    """Stream the file through its app's reader with a progress bar."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

    from backtone.adapters.formats.hevy_csv import HevyCsvReader
    from backtone.adapters.formats.strong_csv import StrongCsvReader
    from backtone.domain.errors import InvalidInput
    from backtone.domain.training import WeightUnit
    from backtone.entrypoints.cli.catalog_import import read_user_file

    read_user_file(path) if not path.is_file() else None  # names a missing file clearly
    columns = (TextColumn("reading {task.description}"), BarColumn(), DownloadColumn())
    with (
        path.open(encoding="utf-8", newline="") as handle,
        Progress(*columns, console=console(), transient=True) as progress,
    ):
        task = progress.add_task(path.name, total=path.stat().st_size)

        def lines() -> Iterator[str]:
            for line in handle:
                progress.advance(task, len(line))
                yield line

        try:
            reader: StrongCsvReader | HevyCsvReader
            if app_name == "strong":
                reader = StrongCsvReader(lines(), tz=tz, weight_unit=WeightUnit(unit))
            else:
                reader = HevyCsvReader(lines(), tz=tz)
            workouts = list(reader)
        except InvalidInput as error:
            raise InvalidInput(
                f"{path.name}: {error.field}", error.problem, error.allowed
            ) from None
    reader.report.workouts = workouts
    return reader.report


def _import(
    path: Path, app_name: str, yes: bool, skip_bad: bool, tz: str | None, unit: str
) -> None:
    from rich.table import Table

    from backtone.domain.name_mapping import Match
    from backtone.services.history_import import check_problems, import_history, plan_mapping

    report = _read(path, app_name, _zone(tz), unit)
    check_problems(report, path.name, skip_bad=skip_bad)
    out = console()
    app = backtone_app()
    user = current_user()
    mapping = plan_mapping(uow=app.uow(), builtin=app.catalogue, user_id=user.id, report=report)
    table = Table(title=f"Exercises in {path.name}", title_justify="left")
    for column in ("name in the file", "sets", "backtone exercise", "match"):
        table.add_column(column)
    style = {Match.EXACT: "green", Match.CLOSE: "yellow", Match.NEW: "cyan"}
    for m in mapping:
        shown = f"{m.exercise_id} (new, yours)" if m.match is Match.NEW else m.exercise_id
        table.add_row(m.name, str(m.sets), shown, f"[{style[m.match]}]{m.match.value}[/]")
    out.print(table)
    out.print(
        f"{len(report.workouts)} workouts, {report.set_count} sets from {report.rows_read} rows"
        f" ({report.rest_rows_skipped} rest-timer rows skipped)."
    )
    for problem in report.problems:
        out.print(
            f"[yellow]skipped[/] {path.name}:{problem.line}: {problem.field}: {problem.message}"
        )
    if not yes and not typer.confirm("Import with this mapping?", default=False):
        out.print("Nothing was imported.")
        raise typer.Exit(1)
    result = import_history(
        uow=app.uow(),
        clock=app.clock,
        builtin=app.catalogue,
        user_id=user.id,
        source=app_name,
        workouts=report.workouts,
        mapping=mapping,
    )
    restored = result.restored
    out.print(
        f"Imported {restored.workouts_added} workouts ({restored.sets_added} sets); "
        f"{restored.workouts_already_present} were already there; "
        f"{result.custom_exercises_added} custom exercises added."
    )


def import_strong(
    path: FileArg,
    yes: YesFlag = False,
    skip_bad: SkipBad = False,
    tz: ZoneOption = None,
    unit: Annotated[str, typer.Option(help="Weight unit of files that state none.")] = "kg",
) -> None:
    """Import a Strong CSV export (every known layout; importing twice adds nothing)."""
    _import(path, "strong", yes, skip_bad, tz, unit)


def import_hevy(
    path: FileArg, yes: YesFlag = False, skip_bad: SkipBad = False, tz: ZoneOption = None
) -> None:
    """Import a Hevy CSV export (kg or lb accounts; importing twice adds nothing)."""
    _import(path, "hevy", yes, skip_bad, tz, "kg")


def export_strong(path: FileArg, tz: ZoneOption = None) -> None:
    """Write your history as a Strong CSV export, which Strong and other apps can read."""
    from backtone.adapters.formats.strong_csv import write_strong_csv
    from backtone.services.backup import export_workouts
    from backtone.services.catalogue import catalogue_for

    app = backtone_app()
    user = current_user()
    catalogue = catalogue_for(uow=app.uow(), builtin=app.catalogue, user_id=user.id)
    names = {e.id: e.name for e in catalogue}
    workouts = export_workouts(uow=app.uow(), user_id=user.id)
    with path.open("w", encoding="utf-8", newline="") as out:
        rows = write_strong_csv(workouts, names, out, _zone(tz))
    console().print(f"Wrote {rows} sets to {path}.")
