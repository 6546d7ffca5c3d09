"""Commands for the training log: log, undo, history, records."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from backtone.entrypoints.cli.context import (
    backtone_app,
    current_caller,
    current_unit,
    current_user,
)
from backtone.entrypoints.cli.output import console, print_json

if TYPE_CHECKING:
    from datetime import tzinfo

    from backtone.domain.records import ExerciseRecords, Record
    from backtone.domain.training import LoggedSet, WeightUnit, Workout

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def local_tz() -> tzinfo:
    from datetime import datetime

    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def parse_day(text: str, field: str = "--date") -> date:
    """A date as typed: YYYY-MM-DD, 'today' or 'yesterday' (the web and API read it alike)."""
    from backtone.domain.training import read_day

    return read_day(text, date.today(), field)


def describe_set(s: LoggedSet, unit: WeightUnit) -> str:
    parts = []
    if s.reps is not None:
        parts.append(f"{s.reps} reps")
    if s.load_kg:
        parts.append(f"@ {unit.say(s.load_kg)}")
    if s.duration_seconds is not None:
        minutes, seconds = divmod(int(s.duration_seconds), 60)
        parts.append(f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s")
    if s.distance_m is not None:
        parts.append(f"{s.distance_m:g} m")
    if s.rpe is not None:
        parts.append(f"RPE {s.rpe:g}")
    if s.set_type.value != "working":
        parts.append(f"({s.set_type.value})")
    return " ".join(parts)


def log(
    exercise: Annotated[str, typer.Argument(help="Exercise id, name or alias.")],
    sets: Annotated[
        str, typer.Argument(help="e.g. 3x12@14kg, 5,4,3, 12@45lb, 3x30s, '10min 2000m'.")
    ],
    on: Annotated[
        str | None, typer.Option("--date", help="YYYY-MM-DD, today or yesterday.")
    ] = None,
    rpe: Annotated[float | None, typer.Option(help="How hard it felt, 1-10.")] = None,
    unit: Annotated[
        str | None,
        typer.Option(help="kg or lb, for loads typed without one (default: yours, else kg)."),
    ] = None,
    warmup: Annotated[bool, typer.Option("--warmup", help="Mark the sets as warm-ups.")] = False,
    notes: Annotated[str, typer.Option(help="A note kept with each set.")] = "",
) -> None:
    """Log sets fast: `backtone log "dumbbell row" 3x12@14kg`.

    Sets logged on a day of your plan count towards that day's session once they cover it: a
    working set of each of its main exercises (or of another step of the exercise's ladder, or
    a stand-in for it) on that day. The session is then done and `backtone next` moves on.
    """
    from backtone.domain.errors import InvalidInput
    from backtone.domain.quicklog import parse_sets
    from backtone.domain.training import SetType, WeightUnit
    from backtone.services.training_log import log_sets

    caller = current_caller()
    try:
        weight_unit = caller.unit if unit is None else WeightUnit(unit.lower())
    except ValueError:
        raise InvalidInput("--unit", repr(unit), "kg, lb") from None
    app = backtone_app()
    result = log_sets(
        uow=app.uow(), clock=app.clock, caller=caller, exercise=exercise,
        sets=parse_sets(sets, weight_unit), on=parse_day(on) if on else None, rpe=rpe,
        set_type=SetType.WARMUP if warmup else SetType.WORKING, notes=notes,
    )  # fmt: skip
    summary = "; ".join(describe_set(s, weight_unit) for s in result.sets)
    console().print(f"Logged {result.exercise.name}: {summary}")


def undo() -> None:
    """Remove the last thing you logged."""
    from backtone.services.training_log import undo_last_entry

    removed = undo_last_entry(uow=backtone_app().uow(), user_id=current_user().id)
    console().print(f"Removed {len(removed)} set(s) of {removed[0].exercise_id}.")


def _resolve(exercise: str | None) -> str | None:
    if exercise is None:
        return None
    from backtone.services.catalogue import my_catalogue

    app = backtone_app()
    return my_catalogue(uow=app.uow(), caller=current_caller()).resolve(exercise).id


def _set_json(s: LoggedSet) -> dict[str, Any]:
    return {
        "id": s.id, "exercise_id": s.exercise_id, "set_type": s.set_type.value, "reps": s.reps,
        "load_kg": s.load_kg, "duration_seconds": s.duration_seconds,
        "distance_m": s.distance_m, "rpe": s.rpe, "notes": s.notes,
    }  # fmt: skip


def _workout_json(w: Workout) -> dict[str, Any]:
    return {
        "id": w.id,
        "started_at": w.started_at.isoformat(),
        "name": w.name,
        "sets": [_set_json(s) for s in w.sets],
    }


def history(
    exercise: Annotated[str | None, typer.Option(help="Only this exercise.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many workouts.")] = 20,
    as_json: JsonFlag = False,
) -> None:
    """Your recent workouts, newest first (or one exercise's sets with --exercise).

    Workouts and sets show their ids (#12), for `backtone set edit`, `backtone set delete` and
    `backtone workout delete`.
    """
    from rich.table import Table

    from backtone.services.training_log import workout_history

    app = backtone_app()
    exercise_id = _resolve(exercise)
    found = workout_history(
        uow=app.uow(), user_id=current_user().id, limit=limit, exercise_id=exercise_id
    )
    if as_json:
        print_json([_workout_json(w) for w in found])
        return
    if not found:
        console().print("Nothing logged yet. Try: backtone log pull-up 5,4,3")
        return
    tz, unit = local_tz(), current_unit()
    table = Table(title="History", title_justify="left")
    table.add_column("when")
    table.add_column("workout")
    table.add_column("exercise")
    table.add_column("sets")
    for w in found:
        when = w.started_at.astimezone(tz).strftime("%a %d %b %Y %H:%M")
        for n, exercise_id in enumerate(dict.fromkeys(s.exercise_id for s in w.sets)):
            done = [
                f"#{s.id} {describe_set(s, unit)}" for s in w.sets if s.exercise_id == exercise_id
            ]
            table.add_row(when if n == 0 else "", f"#{w.id} {w.name}" if n == 0 else "",
                          exercise_id, ", ".join(done))  # fmt: skip
    console().print(table)


def _record_json(r: Record | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"value": round(r.value, 2), "when": r.when.isoformat(), "detail": r.detail}


def _records_json(r: ExerciseRecords) -> dict[str, Any]:
    return {
        "exercise_id": r.exercise_id,
        "estimated_1rm_epley_kg": _record_json(r.epley_1rm),
        "estimated_1rm_brzycki_kg": _record_json(r.brzycki_1rm),
        "best_session_volume_kg": _record_json(r.best_volume_session),
        "most_reps_in_a_set": _record_json(r.most_reps_in_a_set),
        "best_reps_by_load": [{"load_kg": kg, "reps": n} for kg, n in r.best_reps_by_load],
        "least_help": (
            {"help_kg": r.least_help[0], "reps": r.least_help[1]} if r.least_help else None
        ),
    }


def records(
    exercise: Annotated[str | None, typer.Option(help="Only this exercise.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Personal records: estimated 1RM (Epley, Brzycki), best volume, most reps, reps at a load."""
    from rich.table import Table

    from backtone.services.training_log import personal_records

    app = backtone_app()
    found = personal_records(uow=app.uow(), caller=current_caller(), exercise_id=_resolve(exercise))
    if as_json:
        print_json([_records_json(r) for r in found])
        return
    table = Table(title="Personal records", title_justify="left")
    for column in ("exercise", "est. 1RM (Epley)", "est. 1RM (Brzycki)", "best volume",
                   "most reps", "best reps at a load"):  # fmt: skip
        table.add_column(column)

    def cell(r: Record | None, unit: str = "kg") -> str:
        if r is None:
            return "—"
        return f"{r.value:.1f} {unit} ({r.detail}, {r.when:%d %b %Y})".replace(" ()", "")

    for r in found:
        loads = ", ".join(f"{n}@{kg:g}" for kg, n in r.best_reps_by_load[:4])
        if r.least_help:
            loads = f"least help {r.least_help[0]:g} kg ({r.least_help[1]} reps)"
        table.add_row(r.exercise_id, cell(r.epley_1rm), cell(r.brzycki_1rm),
                      cell(r.best_volume_session),
                      f"{r.most_reps_in_a_set.value:g}" if r.most_reps_in_a_set else "—",
                      loads or "—")  # fmt: skip
    console().print(table if found else "No records yet: log some sets first.")
