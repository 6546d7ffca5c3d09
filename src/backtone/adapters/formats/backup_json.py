"""backtone's own complete, versioned backup: one person's data as JSON.

Version 1 holds the person's own exercises and every workout with its sets. Reading checks
the format, the version and every value, naming the place of a bad one (workouts[3].sets[1]).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from backtone.adapters.catalogue.codec import exercise_from_dict, exercise_to_dict
from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Exercise
from backtone.domain.training import LoggedSet, SetType, Workout

FORMAT = "backtone-backup"
VERSION = 1
_SET_NUMBERS = ("reps", "load_kg", "duration_seconds", "distance_m", "rpe", "reps_in_reserve",
                "rest_seconds")  # fmt: skip


@dataclass(frozen=True)
class Backup:
    exported_at: datetime
    exercises: tuple[Exercise, ...]
    workouts: tuple[Workout, ...]


def _set(s: LoggedSet) -> dict[str, Any]:
    out: dict[str, Any] = {"exercise_id": s.exercise_id, "set_type": s.set_type.value}
    out.update({name: getattr(s, name) for name in _SET_NUMBERS if getattr(s, name) is not None})
    if s.notes:
        out["notes"] = s.notes
    if s.source_name:
        out["source_name"] = s.source_name
    return out


def _workout(w: Workout) -> dict[str, Any]:
    return {
        "started_at": w.started_at.astimezone(UTC).isoformat(),
        "ended_at": w.ended_at.astimezone(UTC).isoformat() if w.ended_at else None,
        "name": w.name,
        "notes": w.notes,
        "source": w.source,
        "source_key": w.source_key,
        "sets": [_set(s) for s in w.sets],
    }


def write_backup(backup: Backup) -> str:
    """The backup as pretty JSON text."""
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": backup.exported_at.astimezone(UTC).isoformat(),
            "exercises": [exercise_to_dict(e) for e in backup.exercises],
            "workouts": [_workout(w) for w in backup.workouts],
        },
        indent=1,
        ensure_ascii=False,
    )


def _moment(value: Any, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidInput(where, f"{value!r} is not a date and time", "ISO 8601") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _read_set(data: Any, where: str) -> LoggedSet:
    if not isinstance(data, dict):
        raise InvalidInput(where, "is not an object", "a set object")
    try:
        return LoggedSet(
            exercise_id=str(data["exercise_id"]),
            set_type=SetType(data.get("set_type", "working")),
            notes=str(data.get("notes", "")),
            source_name=data.get("source_name"),
            **{name: data.get(name) for name in _SET_NUMBERS},
        )
    except KeyError as missing:
        raise InvalidInput(where, f"has no {missing}", "exercise_id and the set's values") from None
    except ValueError as error:
        raise InvalidInput(where, str(error), [t.value for t in SetType]) from None
    except InvalidInput as error:
        raise InvalidInput(f"{where}.{error.field}", error.problem, error.allowed) from None


def _read_workout(data: Any, where: str) -> Workout:
    if not isinstance(data, dict) or not isinstance(data.get("sets"), list):
        raise InvalidInput(where, "is not a workout", "an object with started_at and sets")
    ended = data.get("ended_at")
    return Workout(
        started_at=_moment(data.get("started_at"), f"{where}.started_at"),
        ended_at=_moment(ended, f"{where}.ended_at") if ended else None,
        name=str(data.get("name", "")),
        notes=str(data.get("notes", "")),
        source=str(data.get("source", "backup")),
        source_key=data.get("source_key"),
        sets=tuple(_read_set(s, f"{where}.sets[{n}]") for n, s in enumerate(data["sets"])),
    )


def read_backup(text: str | bytes) -> Backup:
    """A backup from JSON text; anything else is refused with where and why."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidInput("file", f"is not JSON ({error})", "a backtone backup file") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput("format", "this is not a backtone backup", f'"format": "{FORMAT}"')
    if data.get("version") != VERSION:
        raise InvalidInput("version", f"{data.get('version')!r} is not supported", str(VERSION))
    exercises = tuple(
        exercise_from_dict(e, f"exercises[{n}]") for n, e in enumerate(data.get("exercises", []))
    )
    workouts = tuple(
        _read_workout(w, f"workouts[{n}]") for n, w in enumerate(data.get("workouts", []))
    )
    return Backup(_moment(data.get("exported_at"), "exported_at"), exercises, workouts)
