"""openweight's WorkoutLog JSON (radupana/openweight, Apache-2.0): read and written.

A file holds one WorkoutLog object or an array of them: `date` (ISO 8601 with its zone),
`name`, `notes`, `durationSeconds` and `exercises`, each `{exercise: {name}, sets: [...]}` with
`reps`, `weight` + `unit` (kg/lb), `durationSeconds`, `distance` + `distanceUnit`, `rpe`,
`rir`, `type`, `restSeconds` and `notes`. Arrays are read one workout at a time.

What the schema cannot carry, so an export leaves it out: fractional seconds (its durations
and rests are whole seconds), a workout without sets (it needs at least one exercise), a
custom exercise's definition beyond its name (backtone's id rides along as `backtoneId`), and
a guided workout's targets and planned session.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from backtone.adapters.formats.csv_rows import METRES_PER, TextSink, text_lines
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import (
    FormatError,
    ImportedSet,
    ParseReport,
    ReadOptions,
    RowOutcome,
    RowRead,
    WorkoutHead,
    check_workout_seconds,
    collect,
)
from backtone.domain.training import SetType, WeightUnit

if TYPE_CHECKING:
    from backtone.domain.training import LoggedSet, Workout

_UNITS = {"kg": WeightUnit.KG, "lb": WeightUnit.LB, "lbs": WeightUnit.LB}
_SET_TYPES = {"working": SetType.WORKING, "warmup": SetType.WARMUP, "dropset": SetType.DROP,
              "failure": SetType.FAILURE}  # fmt: skip
_TYPE_NAMES = {kind: name for name, kind in _SET_TYPES.items()}
_CHUNK_LINES = 64


def iter_json_values(lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    """The values of a top-level JSON array one by one (or a single top-level object),
    reading the text in pieces so a long file is never held whole."""
    decoder = json.JSONDecoder()
    source = text_lines(lines)
    buffer = ""
    line = 1  # the line `buffer` starts on

    def more() -> bool:
        nonlocal buffer
        added = 0
        for piece in source:
            buffer += piece
            added += 1
            if added >= _CHUNK_LINES:
                break
        return added > 0

    while not buffer.lstrip("\ufeff \t\r\n") and more():
        pass
    stripped = buffer.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise FormatError(1, "the file is empty", "an openweight JSON file")
    line += buffer.count("\n", 0, len(buffer) - len(stripped))
    buffer = stripped
    if buffer[0] == "{":
        while more():
            pass
        try:
            yield 1, json.loads(buffer)
        except json.JSONDecodeError as error:
            raise FormatError(line + error.lineno - 1, f"is not JSON ({error.msg})") from None
        return
    if buffer[0] != "[":
        raise FormatError(line, "is not JSON: it starts with neither [ nor {",
                          "an openweight JSON file")  # fmt: skip
    buffer, index = buffer[1:], 0
    while True:
        stripped = buffer.lstrip(" \t\r\n,")
        line += buffer.count("\n", 0, len(buffer) - len(stripped))
        buffer = stripped
        if not buffer:
            if more():
                continue
            raise FormatError(line, "the JSON array is not closed", "a complete JSON file")
        if buffer[0] == "]":
            return
        try:
            value, end = decoder.raw_decode(buffer)
        except json.JSONDecodeError as error:
            if more():
                continue
            raise FormatError(line + error.lineno - 1, f"is not JSON ({error.msg})") from None
        index += 1
        yield index, value
        line += buffer.count("\n", 0, end)
        buffer = buffer[end:]


def _started_at(text: Any, tz: tzinfo, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        raise InvalidInput(where, f"{text!r} is not a date and time", "ISO 8601") from None
    return (moment.replace(tzinfo=tz) if moment.tzinfo is None else moment).astimezone(UTC)


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput(where, f"{value!r} is not a number", "a number")
    return float(value)


def _count(value: Any, where: str) -> int | None:
    number = _number(value, where)
    if number is not None and not number.is_integer():
        raise InvalidInput(where, f"{value!r} is not a whole number", "0, 1, 2, ...")
    return None if number is None else int(number)


class OpenWeightReader:
    """Streams the sets of an openweight file, one RowRead per set."""

    def __init__(self, lines: Iterable[str], options: ReadOptions | None = None) -> None:
        self._options = options or ReadOptions()
        self._values = iter_json_values(lines)
        self._first = next(self._values, None)  # reads the start: a non-JSON file fails here
        self._seen: Counter[tuple[str, str]] = Counter()

    def __iter__(self) -> Iterator[RowRead]:
        if self._first is None:
            return
        yield from self._workout_rows(*self._first)
        for number, value in self._values:
            yield from self._workout_rows(number, value)

    def _workout_rows(self, number: int, data: Any) -> Iterator[RowRead]:
        where = f"workouts[{number - 1}]"
        try:
            head = self._head(number, data, where)
        except InvalidInput as error:
            yield RowRead.failed(number, error)
            return
        for e, entry in enumerate(data["exercises"]):
            at = f"{where}.exercises[{e}]"
            exercise = entry.get("exercise") if isinstance(entry, dict) else None
            name = exercise.get("name") if isinstance(exercise, dict) else None
            sets = entry.get("sets") if isinstance(entry, dict) else None
            if not isinstance(name, str) or not isinstance(sets, list):
                wrong = InvalidInput(at, "has no exercise name or sets", "{exercise, sets}")
                yield RowRead.failed(number, wrong)
                continue
            notes = str(entry.get("notes") or "")
            for s, values in enumerate(sets):
                try:
                    yield self._set_row(number, head, name, values, notes, f"{at}.sets[{s}]")
                except InvalidInput as error:
                    yield RowRead.failed(number, error)

    def _head(self, number: int, data: Any, where: str) -> WorkoutHead:
        if not isinstance(data, dict) or not isinstance(data.get("exercises"), list):
            raise InvalidInput(where, "is not a WorkoutLog", "an object with date and exercises")
        date, name = str(data.get("date", "")), str(data.get("name") or "")
        started = _started_at(data.get("date"), self._options.tz, f"{where}.date")
        self._seen[(date, name)] += 1
        seconds = _number(data.get("durationSeconds"), f"{where}.durationSeconds")
        return WorkoutHead(
            key=f"{date}\x1f{name}\x1f{self._seen[(date, name)]}",
            line=number,
            started_at=started,
            name=name,
            duration_seconds=check_workout_seconds(seconds, "durationSeconds") if seconds else None,
            notes=str(data.get("notes") or ""),
        )

    def _set_row(
        self, number: int, head: WorkoutHead, name: str, values: Any, notes: str, where: str
    ) -> RowRead:
        if not isinstance(values, dict):
            raise InvalidInput(where, "is not a set", "an object")
        reps = _count(values.get("reps"), f"{where}.reps")
        weight = _number(values.get("weight"), f"{where}.weight")
        seconds = _number(values.get("durationSeconds"), f"{where}.durationSeconds")
        distance = _number(values.get("distance"), f"{where}.distance")
        if reps is None and not weight and not seconds and not distance:
            return RowRead(number, RowOutcome.EMPTY, head)
        load = None
        if weight:
            unit = _UNITS.get(str(values.get("unit", "")).lower())
            if unit is None:
                raise InvalidInput(f"{where}.unit", f"{values.get('unit')!r}", "kg or lb")
            load = unit.to_kg(weight)
        metres = None
        if distance:
            per = METRES_PER.get(str(values.get("distanceUnit", "")).lower())
            if per is None:
                raise InvalidInput(f"{where}.distanceUnit", f"{values.get('distanceUnit')!r}",
                                   "m, km, ft, mi or yd")  # fmt: skip
            metres = round(distance * per, 3)
        kind = _SET_TYPES.get(str(values.get("type", "working")).lower(), SetType.WORKING)
        if values.get("toFailure") is True and kind is SetType.WORKING:
            kind = SetType.FAILURE
        imported = ImportedSet(
            line=number,
            exercise_name=name,
            set_type=kind,
            reps=reps,
            load_kg=load,
            duration_seconds=seconds or None,
            distance_m=metres,
            rpe=_number(values.get("rpe"), f"{where}.rpe") or None,
            reps_in_reserve=_count(values.get("rir"), f"{where}.rir"),
            rest_seconds=_number(values.get("restSeconds"), f"{where}.restSeconds"),
            notes=str(values.get("notes") or notes),
        )
        return RowRead(number, RowOutcome.SETS, head, (imported,))


def read_openweight(lines: Iterable[str], options: ReadOptions | None = None) -> ParseReport:
    """Every workout of an openweight file, with the problems found."""
    return collect(OpenWeightReader(lines, options))


def _set_json(logged: LoggedSet, unit: WeightUnit) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if logged.reps is not None:
        out["reps"] = logged.reps
    if logged.load_kg:
        out["weight"] = round(unit.from_kg(logged.load_kg), 4)
        out["unit"] = unit.value
    if logged.duration_seconds is not None:
        out["durationSeconds"] = round(logged.duration_seconds)
    if logged.distance_m is not None:
        out["distance"] = logged.distance_m
        out["distanceUnit"] = "m"
    if logged.rpe is not None:
        out["rpe"] = logged.rpe
    if logged.reps_in_reserve is not None:
        out["rir"] = logged.reps_in_reserve
    if logged.set_type is not SetType.WORKING:
        out["type"] = _TYPE_NAMES[logged.set_type]
    if logged.rest_seconds is not None:
        out["restSeconds"] = round(logged.rest_seconds)
    if logged.notes:
        out["notes"] = logged.notes
    return out


def workout_json(
    workout: Workout, names: Mapping[str, str], tz: tzinfo, unit: WeightUnit
) -> dict[str, Any]:
    """One workout as an openweight WorkoutLog; consecutive sets of a name make one entry."""
    exercises: list[dict[str, Any]] = []
    previous: tuple[str, str] | None = None
    for logged in workout.sets:
        name = logged.source_name or names.get(logged.exercise_id, logged.exercise_id)
        if (logged.exercise_id, name) != previous:
            exercise = {"name": name, "backtoneId": logged.exercise_id}
            exercises.append({"exercise": exercise, "sets": []})
            previous = (logged.exercise_id, name)
        exercises[-1]["sets"].append(_set_json(logged, unit))
    out: dict[str, Any] = {"date": workout.started_at.astimezone(tz).isoformat()}
    if workout.name:
        out["name"] = workout.name
    if workout.notes:
        out["notes"] = workout.notes
    if workout.ended_at is not None:
        out["durationSeconds"] = round((workout.ended_at - workout.started_at).total_seconds())
    out["exercises"] = exercises
    return out


def write_openweight(
    workouts: Iterable[Workout],
    names: Mapping[str, str],
    out: TextSink,
    tz: tzinfo,
    unit: WeightUnit = WeightUnit.KG,
) -> int:
    """Write workouts as a JSON array of openweight WorkoutLogs; returns the sets written.

    Workouts without sets are left out: the schema needs at least one exercise.
    """
    out.write("[")
    first, sets = True, 0
    for workout in workouts:
        if not workout.sets:
            continue
        out.write("\n" if first else ",\n")
        out.write(json.dumps(workout_json(workout, names, tz, unit), ensure_ascii=False))
        first = False
        sets += len(workout.sets)
    out.write("\n]\n")
    return sets
