"""`backtone import <app>` and `backtone export <app>`: histories from and for other apps."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backtone.entrypoints.cli.context import backtone_app, current_caller
from backtone.entrypoints.cli.files import written
from backtone.entrypoints.cli.output import console

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager
    from datetime import tzinfo

    from backtone.adapters.text_files import FileSource
    from backtone.domain.column_mapping import ColumnMapping
    from backtone.domain.importing import HistoryFormat, ReadOptions, RowCounts
    from backtone.domain.name_mapping import NameMapping
    from backtone.domain.training import WeightUnit
    from backtone.services.history_import import HistoryImport, ImportPreview, ImportProgress

FileArg = Annotated[Path, typer.Argument(help="The exported file.")]
OutArg = Annotated[Path, typer.Argument(help="The file to write.")]
YesFlag = Annotated[
    bool, typer.Option("--yes", "-y", help="Accept the name mapping as shown; ask nothing.")
]
StrictFlag = Annotated[
    bool, typer.Option("--strict", help="Refuse the file if any row cannot be imported.")
]
DryRunFlag = Annotated[
    bool, typer.Option("--dry-run", help="Show what would be imported; write nothing.")
]
ZoneOption = Annotated[
    str | None,
    typer.Option("--tz", help="Time zone of the file's times (default: this computer's)."),
]
UnitOption = Annotated[
    str | None,
    typer.Option(
        "--unit", help="kg or lb, for files that do not say (default: kg; asked for JEFIT)."
    ),
]
DistanceOption = Annotated[
    str | None,
    typer.Option("--distance-unit", help="m, km, mi, ft or yd, for files that do not say."),
]
MapOption = Annotated[
    list[str] | None,
    typer.Option("--map", help="NAME=EXERCISE-ID (or NAME=new): how to map a name; repeatable."),
]
ExportUnitOption = Annotated[
    str | None, typer.Option("--unit", help="kg or lb (default: your profile's unit).")
]


def _n(count: int, word: str) -> str:
    """'1 set', '2 sets'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


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


def _unit(text: str | None) -> WeightUnit | None:
    from backtone.domain.errors import InvalidInput
    from backtone.domain.training import WeightUnit

    if text is None:
        return None
    try:
        return WeightUnit(text.strip().lower().rstrip("s"))
    except ValueError:
        raise InvalidInput("--unit", f"{text!r} is not a unit", "kg or lb") from None


def _corrections(texts: list[str] | None) -> dict[str, str]:
    from backtone.domain.errors import InvalidInput

    found: dict[str, str] = {}
    for text in texts or []:
        name, sep, target = text.rpartition("=")
        if not sep or not name.strip() or not target.strip():
            raise InvalidInput("--map", f"{text!r} is not NAME=EXERCISE-ID", "NAME=id or NAME=new")
        found[name.strip()] = target.strip()
    return found


def _progress_bar() -> AbstractContextManager[Callable[[ImportProgress], None]]:
    """A transient progress bar for reading or importing a file, as a progress callback."""
    from contextlib import contextmanager

    from rich.progress import BarColumn, DownloadColumn, Progress, TaskID, TextColumn

    @contextmanager
    def bar() -> Iterator[Callable[[ImportProgress], None]]:
        columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn())
        with Progress(*columns, console=console(), transient=True) as progress:
            tasks: dict[str, TaskID] = {}

            def report(step: ImportProgress) -> None:
                if step.step not in tasks:
                    tasks[step.step] = progress.add_task(step.step, total=step.total)
                progress.update(tasks[step.step], completed=step.done)

            yield report

    return bar()


def _show_preview(preview: ImportPreview, source: FileSource, tz: tzinfo) -> None:
    from rich.table import Table

    from backtone.domain.name_mapping import Match

    out = console()
    table = Table(title=f"Exercises in {source.name}", title_justify="left")
    for column in ("name in the file", "sets", "backtone exercise", "match"):
        table.add_column(column)
    style = {Match.EXACT: "green", Match.REMEMBERED: "green", Match.CLOSE: "yellow",
             Match.NEW: "cyan", Match.CHOSEN: "green"}  # fmt: skip
    for m in preview.mapping:
        table.add_row(m.name, str(m.sets), _target(m), f"[{style[m.match]}]{_how(m)}[/]")
    out.print(table)
    counts = preview.counts
    out.print(
        f"{source.name} ({preview.format.label}): {_n(counts.rows_read, 'row')} hold "
        f"{_n(preview.sets, 'set')} in {_n(preview.workouts, 'workout')}; "
        f"{preview.workouts_already_there} of these workouts "
        f"({_n(preview.sets_already_there, 'set')}) are already there."
    )
    if preview.first_started is not None and preview.last_started is not None:
        first, last = preview.first_started.astimezone(tz), preview.last_started.astimezone(tz)
        out.print(f"Workouts from {first:%d %b %Y} to {last:%d %b %Y}.")
    _show_rows(preview.counts)
    if preview.format.value == "csv":
        _show_sample(preview, tz)
    if preview.long_workouts:
        out.print(f"{_n(preview.long_workouts, 'workout')} last more than a day (left running in "
                  "the app); their length is kept as written.")  # fmt: skip
    for problem in preview.problems[:20]:
        kind = "flagged" if problem.implausible else "unreadable"
        out.print(f"[yellow]{kind}[/] {problem.located(source.name)}")
    if preview.problem_count:
        more = preview.problem_count - min(20, len(preview.problems))
        tail = f" ({more} more not shown)" if more else ""
        count = _n(preview.problem_count, "row")
        out.print(f"{count} cannot be imported and will be skipped{tail}.")


def _show_rows(counts: RowCounts) -> None:
    """Every row of the file by what became of it, summing to the rows read."""
    from backtone.domain.importing import RowOutcome

    names = {RowOutcome.SETS: "set rows"}
    parts = [f"{n} {names.get(outcome, outcome.value)}" for outcome, n in counts.rows.items() if n]
    if counts.not_done:
        parts.append(f"(and {counts.not_done} listed sets not done)")
    console().print("Rows: " + ", ".join(parts) + f" = {_n(counts.rows_read, 'row')}.")


def _show_sample(preview: ImportPreview, tz: tzinfo) -> None:
    """The first sets as they will be stored, so a wrong column or unit shows at once."""
    from rich.table import Table

    table = Table(title="The first sets, as they will read", title_justify="left")
    for column in ("line", "day", "exercise", "type", "reps", "kg", "seconds", "metres"):
        table.add_column(column)
    for head, s in preview.sample:
        cells = (s.reps, s.load_kg, s.duration_seconds, s.distance_m)
        shown = ["" if c is None else f"{c:g}" for c in cells]
        table.add_row(str(s.line), f"{head.started_at.astimezone(tz):%Y-%m-%d %H:%M}",
                      s.exercise_name, s.set_type.value, *shown)  # fmt: skip
    console().print(table)


def _target(m: NameMapping) -> str:
    from backtone.domain.name_mapping import Match

    shown = m.exercise_id
    if m.match is Match.NEW or m.custom is not None:
        shown += " (new, yours)"
    return shown + (" + added load" if m.weighted else "")


def _how(m: NameMapping) -> str:
    return f"{m.match.value} {m.score:.2f}" if m.score is not None else m.match.value


def _ask_corrections(preview: ImportPreview, corrections: dict[str, str]) -> None:
    """Ask about each guessed name; what the person types is checked at once."""
    from backtone.domain.errors import NotFound
    from backtone.domain.name_mapping import NameMatcher
    from backtone.services.catalogue import my_catalogue

    app = backtone_app()
    catalogue = my_catalogue(uow=app.uow(), caller=current_caller())
    matcher = NameMatcher(catalogue)
    for m in preview.to_confirm:
        if m.name in corrections:
            continue
        while True:
            answer = typer.prompt(
                f"{m.name!r} ({m.sets} sets) -> {_target(m)}. Enter to accept, or type an "
                "exercise id or name, or 'new'",
                default="",
                show_default=False,
            ).strip()
            if not answer:
                break
            try:
                matcher.choose(m.name, answer)
            except NotFound as error:
                console().print(f"[yellow]{error}[/]")
                continue
            corrections[m.name] = answer
            break


def _choose(question: str, choices: tuple[str, ...], default: str | None = None) -> str:
    """Ask until one of `choices` is typed."""
    while True:
        answer = str(typer.prompt(f"{question} ({'/'.join(choices)})", default=default))
        if answer.strip().lower() in choices:
            return answer.strip().lower()


def _import(
    path: Path,
    chosen: HistoryFormat | None,
    *,
    yes: bool,
    strict: bool,
    dry_run: bool,
    options: ReadOptions,
    corrections: dict[str, str],
) -> None:
    from dataclasses import replace

    from backtone.adapters.text_files import FileSource
    from backtone.domain.errors import InvalidInput
    from backtone.domain.importing import UnitNeeded
    from backtone.domain.training import WeightUnit
    from backtone.services.history_import import import_history, preview_history_import

    source = FileSource(path)
    app = backtone_app()
    caller = current_caller()
    while True:
        try:
            with _progress_bar() as progress:
                preview = preview_history_import(
                    uow=app.uow(), codecs=app.history_codecs, caller=caller, source=source,
                    chosen=chosen, options=options, progress=progress,
                )  # fmt: skip
            break
        except UnitNeeded:
            if yes:
                raise
            unit = _choose("This file does not say its weight unit: kg or lb?", ("kg", "lb"))
            options = replace(options, weight_unit=WeightUnit(unit))
        except InvalidInput as error:
            raise InvalidInput(
                f"{path.name}: {error.field}", error.problem, error.allowed
            ) from None
    _show_preview(preview, source, options.tz)
    if dry_run:
        console().print("Dry run: nothing was imported.")
        return
    if not yes:
        answer = _choose(
            "Import with this mapping? y = yes, n = no, c = correct the guessed names first",
            ("y", "n", "c"),
            default="n",
        )
        if answer == "n":
            console().print("Nothing was imported.")
            raise typer.Exit(1)
        if answer == "c":
            _ask_corrections(preview, corrections)
    with _progress_bar() as progress:
        result = import_history(
            uow=app.uow(), clock=app.clock, codecs=app.history_codecs, caller=caller,
            source=source, chosen=preview.format, options=options,
            corrections=corrections, strict=strict, progress=progress,
        )  # fmt: skip
    _show_result(result)


def _show_result(result: HistoryImport) -> None:
    out = console()
    out.print(
        f"Imported {_n(result.workouts_added, 'workout')} ({_n(result.sets_added, 'set')}); "
        f"{result.workouts_already_there} were already there "
        f"({_n(result.sets_already_there, 'set')}); "
        f"{result.custom_exercises_added} custom exercises added."
    )
    _show_rows(result.counts)
    if result.problem_count:
        out.print(f"Skipped {_n(result.problem_count, 'row')} that could not be imported "
                  "(listed above).")  # fmt: skip


def _options(tz: str | None, unit: str | None, distance_unit: str | None) -> ReadOptions:
    from backtone.domain.importing import ReadOptions

    return ReadOptions(tz=_zone(tz), weight_unit=_unit(unit), distance_unit=distance_unit)


def _app_command(app_name: str, about: str) -> Callable[..., None]:
    def command(
        path: FileArg,
        yes: YesFlag = False,
        strict: StrictFlag = False,
        dry_run: DryRunFlag = False,
        tz: ZoneOption = None,
        unit: UnitOption = None,
        distance_unit: DistanceOption = None,
        map_: MapOption = None,
    ) -> None:
        from backtone.domain.importing import HistoryFormat

        chosen = None if app_name == "history" else HistoryFormat(app_name)
        _import(path, chosen, yes=yes, strict=strict, dry_run=dry_run,
                options=_options(tz, unit, distance_unit),
                corrections=_corrections(map_))  # fmt: skip

    command.__doc__ = about
    command.__name__ = f"import_{app_name}"
    return command


import_strong = _app_command(
    "strong", "Import a Strong CSV export (every known layout; importing twice adds nothing)."
)
import_hevy = _app_command("hevy", "Import a Hevy CSV export (kg or lb accounts).")
import_fitnotes = _app_command("fitnotes", "Import a FitNotes CSV export (current and older).")
import_stronglifts = _app_command("stronglifts", "Import a StrongLifts CSV export.")
import_liftosaur = _app_command("liftosaur", "Import a Liftosaur history CSV.")
import_liftlog = _app_command("liftlog", "Import a LiftLog plaintext CSV export.")
import_jefit = _app_command("jefit", "Import a JEFIT export (asks whether weights are kg or lb).")
import_openweight = _app_command("openweight", "Import openweight WorkoutLog JSON.")
import_any = _app_command(
    "history", "Import any known app's export; the app is told from its header."
)


def import_csv(
    path: FileArg,
    column: Annotated[
        list[str] | None,
        typer.Option("--column", help="FIELD=HEADER, e.g. date=Day; repeatable (see docs)."),
    ] = None,
    date_order: Annotated[
        str | None, typer.Option("--date-order", help="ymd, dmy or mdy for dates like 05/04/2026.")
    ] = None,
    yes: YesFlag = False,
    strict: StrictFlag = False,
    dry_run: DryRunFlag = False,
    tz: ZoneOption = None,
    unit: UnitOption = None,
    distance_unit: DistanceOption = None,
    map_: MapOption = None,
) -> None:
    """Import a CSV of your own: map its columns once (they are remembered for its header)."""
    from dataclasses import replace

    from backtone.adapters.text_files import FileSource
    from backtone.domain.column_mapping import ColumnMapping, parse_assignments
    from backtone.domain.importing import HistoryFormat
    from backtone.services.history_import import column_mapping_for

    source = FileSource(path)
    app = backtone_app()
    proposal = column_mapping_for(
        uow=app.uow(), codecs=app.history_codecs, caller=current_caller(), source=source
    )
    base = proposal.mapping or ColumnMapping({})
    columns = {**base.columns, **parse_assignments(column or [])}
    weight = _unit(unit)
    mapping = ColumnMapping(
        columns,
        weight_unit=weight or base.weight_unit,
        distance_unit=distance_unit or base.distance_unit,
        date_order=date_order or base.date_order,
    )
    _show_columns(proposal.header, mapping, saved=proposal.saved and not column)
    asked = not yes and not proposal.saved
    if asked and not typer.confirm("Use this column mapping?", default=True):
        mapping = _ask_columns(proposal.header, mapping)
    mapping.check(proposal.header)
    options = replace(_options(tz, unit, distance_unit), columns=mapping)
    _import(path, HistoryFormat.CSV, yes=yes, strict=strict, dry_run=dry_run,
            options=options, corrections=_corrections(map_))  # fmt: skip


def _show_columns(header: tuple[str, ...], mapping: ColumnMapping, *, saved: bool) -> None:
    from rich.table import Table

    from backtone.domain.column_mapping import Column

    out = console()
    title = "Column mapping (saved at an earlier import)" if saved else "Column mapping"
    table = Table(title=title, title_justify="left")
    table.add_column("field")
    table.add_column("column of the file")
    for field in Column:
        table.add_row(field.value, mapping.columns.get(field, "-"))
    out.print(table)
    out.print(f"Units when the file says none: {mapping.weight_unit.value}, "
              f"{mapping.distance_unit}; dates read {mapping.date_order}.")  # fmt: skip
    out.print("Columns in the file: " + ", ".join(header))


def _ask_columns(header: tuple[str, ...], mapping: ColumnMapping) -> ColumnMapping:
    from dataclasses import replace

    from backtone.domain.column_mapping import Column

    columns = dict(mapping.columns)
    for field in Column:
        while True:
            answer = typer.prompt(
                f"Column for {field.value} (Enter keeps {columns.get(field, 'none')!r}, "
                "'-' for none)",
                default="",
                show_default=False,
            ).strip()
            if not answer:
                break
            if answer == "-":
                columns.pop(field, None)
                break
            if answer in header:
                columns[field] = answer
                break
            console().print(f"[yellow]No column {answer!r}; the file has: {', '.join(header)}[/]")
    return replace(mapping, columns=columns)


def _export(chosen_name: str, path: Path, tz: str | None, unit: str | None) -> None:
    from dataclasses import replace

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from backtone.domain.importing import HistoryFormat
    from backtone.services.history_export import export_history

    app = backtone_app()
    caller = current_caller()
    if tz is not None:  # the file's times in the zone asked for, not this computer's
        caller = replace(caller, tz=_zone(tz))
    chosen_unit = _unit(unit) or caller.unit
    columns = (TextColumn("writing"), BarColumn(), MofNCompleteColumn())
    with (
        written(path) as out,
        Progress(*columns, console=console(), transient=True) as progress,
    ):
        task = progress.add_task("writing", total=None)
        result = export_history(
            uow=app.uow(), codecs=app.history_codecs, caller=caller,
            chosen=HistoryFormat(chosen_name), out=out, unit=chosen_unit,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )  # fmt: skip
    console().print(f"Wrote {_n(result.workouts, 'workout')} ({_n(result.sets, 'set')}) to {path}, "
                    f"loads in {chosen_unit.value}.")  # fmt: skip


def export_strong(path: OutArg, tz: ZoneOption = None, unit: ExportUnitOption = None) -> None:
    """Write your history as a Strong CSV, with the names your sets were imported with."""
    _export("strong", path, tz, unit)


def export_hevy(path: OutArg, tz: ZoneOption = None, unit: ExportUnitOption = None) -> None:
    """Write your history as a Hevy CSV (weight_kg, or weight_lbs in pounds)."""
    _export("hevy", path, tz, unit)


def export_openweight(path: OutArg, tz: ZoneOption = None, unit: ExportUnitOption = None) -> None:
    """Write your history as openweight WorkoutLog JSON (an open interchange format)."""
    _export("openweight", path, tz, unit)
