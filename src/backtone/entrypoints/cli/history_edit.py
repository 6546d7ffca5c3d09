"""Commands that correct the history: `set edit`, `set delete`, `workout delete`, `workout
restore` (ids from `backtone history`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from backtone.entrypoints.cli.context import backtone_app, current_caller
from backtone.entrypoints.cli.output import console

if TYPE_CHECKING:
    from backtone.domain.training import WeightUnit

SetId = Annotated[int, typer.Argument(help="The set's id, as `backtone history` shows it (#12).")]
WorkoutId = Annotated[int, typer.Argument(help="The workout's id, as `backtone history` shows it.")]
T = TypeVar("T")
CLEARABLE = ("load", "seconds", "rpe", "rir")
_LOAD = re.compile(r"(\d+(?:\.\d+)?)\s*(kg|lb)?", re.IGNORECASE)


def parse_load(text: str, unit: WeightUnit) -> float:
    """A load as typed, in kilograms: '20kg', '45lb', or a number in the person's unit."""
    from backtone.domain.errors import InvalidInput
    from backtone.domain.training import WeightUnit

    found = _LOAD.fullmatch(text.strip())
    if found is None:
        raise InvalidInput("--load", f"{text!r} is not a load", "a number, with kg or lb: 20kg")
    number, written = found.groups()
    chosen = WeightUnit(written.lower()) if written else unit
    return round(chosen.to_kg(float(number)), 3)


def set_edit(
    set_id: SetId,
    exercise: Annotated[
        str | None, typer.Option(help="Another exercise: id, name or alias.")
    ] = None,
    reps: Annotated[int | None, typer.Option(help="Reps done.")] = None,
    load: Annotated[str | None, typer.Option(help="20kg, 45lb, or a number in your unit.")] = None,
    seconds: Annotated[float | None, typer.Option(help="Seconds held or worked.")] = None,
    rpe: Annotated[float | None, typer.Option(help="How hard it felt, 1-10.")] = None,
    rir: Annotated[int | None, typer.Option(help="Reps in reserve, 0-10.")] = None,
    set_type: Annotated[
        str | None, typer.Option("--type", help="working, warmup, drop or failure.")
    ] = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(help="Remove a value: load, seconds, rpe or rir. Repeat for more."),
    ] = None,
) -> None:
    """Correct a logged set: `backtone set edit 12 --reps 8 --load 20kg`.

    Only what you give changes; records and progress follow the corrected values.
    """
    from backtone.domain.errors import InvalidInput
    from backtone.domain.training import SetType
    from backtone.entrypoints.cli.training_log import describe_set
    from backtone.services.history_edit import KEEP, Keep, SetChange, edit_set

    caller = current_caller()
    cleared = set(clear or ())
    if unknown := cleared - set(CLEARABLE):
        raise InvalidInput("--clear", ", ".join(sorted(unknown)), ", ".join(CLEARABLE))
    try:
        kind = SetType(set_type.lower()) if set_type is not None else KEEP
    except ValueError:
        raise InvalidInput("--type", repr(set_type), [t.value for t in SetType]) from None

    def given(name: str, value: T | None) -> T | Keep | None:
        """None when cleared, the value when given, else left as it is."""
        return None if name in cleared else KEEP if value is None else value

    change = SetChange(
        exercise=KEEP if exercise is None else exercise,
        set_type=kind,
        reps=KEEP if reps is None else reps,
        load_kg=given("load", None if load is None else parse_load(load, caller.unit)),
        duration_seconds=given("seconds", seconds),
        rpe=given("rpe", rpe),
        reps_in_reserve=given("rir", rir),
    )
    edited = edit_set(uow=backtone_app().uow(), caller=caller, set_id=set_id, change=change)
    console().print(
        f"Set #{set_id} is now {edited.exercise_name}: {describe_set(edited.logged, caller.unit)}"
    )


def set_delete(set_id: SetId) -> None:
    """Delete one logged set (a workout left with none goes too)."""
    from backtone.entrypoints.cli.training_log import describe_set
    from backtone.services.history_edit import delete_set

    caller = current_caller()
    deleted = delete_set(uow=backtone_app().uow(), caller=caller, set_id=set_id)
    said = f"Deleted set #{set_id} of {deleted.exercise_name}: "
    said += describe_set(deleted.logged, caller.unit)
    if deleted.workout_removed:
        said += f"; workout #{deleted.workout_id} had no other set and went too"
    console().print(said + ".")


def workout_delete(workout_id: WorkoutId) -> None:
    """Delete a workout with all its sets (`backtone workout restore ID` undoes it for 24 h)."""
    from backtone.services.history_edit import delete_workout

    app = backtone_app()
    caller = current_caller()
    gone = delete_workout(uow=app.uow(), clock=app.clock, caller=caller, workout_id=workout_id)
    until = gone.restorable_until.astimezone(caller.tz)
    console().print(
        f"Deleted workout #{workout_id} of {gone.day:%a %d %b %Y} ({gone.sets} sets). "
        f"Undo until {until:%a %d %b %H:%M} with: "
        f"backtone workout restore {workout_id}"
    )


def workout_restore(workout_id: WorkoutId) -> None:
    """Put back a workout deleted in the last 24 hours, with every set."""
    from backtone.services.history_edit import restore_workout

    app = backtone_app()
    caller = current_caller()
    back = restore_workout(uow=app.uow(), clock=app.clock, caller=caller, workout_id=workout_id)
    day = back.started_at.astimezone(caller.tz)
    moved = f" (now #{back.id})" if back.id != workout_id else ""
    console().print(
        f"Restored workout #{workout_id}{moved} of {day:%a %d %b %Y} with {len(back.sets)} sets."
    )
