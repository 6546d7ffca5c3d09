"""backtone's own complete, versioned backup: one person's data as JSON (docs/backup.md).

Version 2 holds the account's settings, the saved profile, the kit, the person's own
exercises, every plan (and which one is current), every workout with its sets, what a guided
workout asked for and the planned session it did, body weights, readiness check-ins, posture
checks and the names imports remember. Version 1 held exercises and workouts only. An older
file is upgraded one version at a time (`UPGRADES`) before it is read. Reading checks the
format, the version and every value, naming the place of a bad one (workouts[3].sets[1].reps)
or the line of a file that is not JSON.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from backtone.adapters.catalogue.codec import exercise_from_dict, exercise_to_dict
from backtone.adapters.catalogue.loader import CatalogueDataError
from backtone.adapters.formats.kit_json import (
    check_in_from_dict,
    check_in_to_dict,
    kit_from_dict,
    kit_to_dict,
)
from backtone.adapters.formats.plan_json import (
    plan_from_dict,
    plan_to_dict,
    profile_from_dict,
    profile_to_dict,
)
from backtone.adapters.formats.target_json import target_from_dict, target_to_dict
from backtone.domain.account import Role
from backtone.domain.analytics_bodyweight import check_body_weight
from backtone.domain.backup import (
    AccountSettings,
    Backup,
    BodyWeight,
    ImportMemory,
    KeptPlan,
    KeptWorkout,
    RememberedName,
    SessionRef,
)
from backtone.domain.errors import InvalidInput
from backtone.domain.posture import PostureCheck
from backtone.domain.training import LoggedSet, SetType, Workout

FORMAT = "backtone-backup"
VERSION = 2
_SET_NUMBERS = ("reps", "load_kg", "duration_seconds", "distance_m", "rpe", "reps_in_reserve",
                "rest_seconds")  # fmt: skip
_POSTURE_NUMBERS = ("cva_deg", "cva_sd", "shoulder_offset_pct", "shoulder_sd", "trunk_lean_deg",
                    "trunk_sd")  # fmt: skip
# Errors of the shared codecs that name the whole object, not a field of it.
_WHOLE = {"kit", "check-in", "plan", "plan entry", "set", "posture", "remembered name"}
T = TypeVar("T")


# Writing.


def _moment_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _set(s: LoggedSet) -> dict[str, Any]:
    out: dict[str, Any] = {"exercise_id": s.exercise_id, "set_type": s.set_type.value}
    out.update({name: getattr(s, name) for name in _SET_NUMBERS if getattr(s, name) is not None})
    if s.notes:
        out["notes"] = s.notes
    if s.source_name:
        out["source_name"] = s.source_name
    return out


def _workout(kept: KeptWorkout) -> dict[str, Any]:
    w = kept.workout
    out: dict[str, Any] = {
        "started_at": _moment_text(w.started_at),
        "ended_at": _moment_text(w.ended_at) if w.ended_at else None,
        "name": w.name,
        "notes": w.notes,
        "source": w.source,
        "source_key": w.source_key,
    }
    if kept.planned is not None:
        out["planned"] = {"plan": kept.planned.plan, "session": kept.planned.session}
    if kept.targets:
        out["targets"] = [target_to_dict(item, target) for item, target in kept.targets]
    out["sets"] = [_set(s) for s in w.sets]
    return out


def _posture(check: PostureCheck) -> dict[str, Any]:
    out: dict[str, Any] = {"taken_at": _moment_text(check.taken_at)}
    out.update({name: getattr(check, name) for name in _POSTURE_NUMBERS})
    return out | {"source": check.source, "frames": check.frames}


def _kept_plan(kept: KeptPlan) -> dict[str, Any]:
    return {
        "created_at": _moment_text(kept.created_at),
        "current": kept.is_current,
        "plan": plan_to_dict(kept.plan),
    }


def backup_to_dict(backup: Backup) -> dict[str, Any]:
    """The backup as JSON-ready data, in the newest version."""
    account = backup.account
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _moment_text(backup.exported_at),
        "account": None
        if account is None
        else {"name": account.name, "timezone": account.timezone, "role": account.role.value},
        "profile": profile_to_dict(backup.profile) if backup.profile else None,
        "kit": kit_to_dict(backup.kit) if backup.kit else None,
        "exercises": [exercise_to_dict(e) for e in backup.exercises],
        "plans": [_kept_plan(p) for p in backup.plans],
        "workouts": [_workout(w) for w in backup.workouts],
        "body_weights": [
            {"measured_at": _moment_text(w.measured_at), "kg": w.kg} for w in backup.body_weights
        ],
        "check_ins": [check_in_to_dict(c) for c in backup.check_ins],
        "postures": [_posture(p) for p in backup.postures],
        "import_memory": {
            "names": [
                {"key": n.key, "name": n.name, "exercise_id": n.exercise_id}
                for n in backup.import_memory.names
            ],
            "columns": {k: dict(v) for k, v in backup.import_memory.columns.items()},
        },
    }


def write_backup(backup: Backup) -> str:
    """The backup as indented JSON text (one value a line, so a bad one is easy to find)."""
    return json.dumps(backup_to_dict(backup), indent=1, ensure_ascii=False) + "\n"


# Upgrading: each step turns a file of one version into the next.


def _from_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 held exercises and workouts; the parts version 2 added start empty."""
    return {
        "account": None, "profile": None, "kit": None, "plans": [], "body_weights": [],
        "check_ins": [], "postures": [], "import_memory": {"names": [], "columns": {}},
        **data, "version": 2,
    }  # fmt: skip


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_1}


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """A backup of any version this code knows, brought to the newest one step by step."""
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidInput("version", f"{version!r} is not a backup version", f"1-{VERSION}")
    if version > VERSION:
        raise InvalidInput(
            "version", f"{version} is newer than this backtone reads; update backtone",
            f"1-{VERSION}",
        )  # fmt: skip
    while data["version"] < VERSION:
        data = UPGRADES[data["version"]](data)
    return data


# Reading.


class _Placed(InvalidInput):
    """An error whose field already says where in the file it is (parts nest)."""


def _part(where: str, read: Callable[[Any], T], value: Any) -> T:
    """Read one part, so that any error names where in the file it is."""
    try:
        return read(value)
    except CatalogueDataError:
        raise
    except _Placed as error:
        raise _Placed(f"{where}.{error.field}", error.problem, error.allowed) from None
    except InvalidInput as error:
        field = where if error.field in _WHOLE else f"{where}.{error.field}"
        raise _Placed(field, error.problem, error.allowed) from None
    except KeyError as missing:
        raise _Placed(where, f"has no {missing}", "the fields backtone writes") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise _Placed(where, f"is malformed ({error})", "what backtone writes") from None


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInput(where, "is not an object", "a JSON object")
    return value


def _list(data: dict[str, Any], name: str) -> list[Any]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise InvalidInput(name, "is not a list", "a JSON list")
    return value


def _moment(value: Any, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidInput(where, f"{value!r} is not a date and time", "ISO 8601") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(where, f"{value!r} is not a number", "a number")
    return float(value)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(where, f"{value!r} is not text", "a string")
    return value


def _read_set(data: Any) -> LoggedSet:
    data = _object(data, "set")
    values = {name: data.get(name) for name in _SET_NUMBERS}
    for name, value in values.items():
        if value is not None:
            _number(value, name)
    return LoggedSet(
        exercise_id=_text(data["exercise_id"], "exercise_id"),
        set_type=SetType(data.get("set_type", "working")),
        notes=str(data.get("notes", "")),
        source_name=data.get("source_name"),
        **values,
    )


def _read_workout(data: Any, where: str, plans: list[KeptPlan]) -> KeptWorkout:
    if not isinstance(data, dict) or not isinstance(data.get("sets"), list):
        raise InvalidInput(where, "is not a workout", "an object with started_at and sets")
    ended = data.get("ended_at")
    key = data.get("source_key")
    workout = _part(
        where,
        lambda d: Workout(
            started_at=_moment(d.get("started_at"), "started_at"),
            ended_at=_moment(ended, "ended_at") if ended else None,
            name=str(d.get("name", "")),
            notes=str(d.get("notes", "")),
            source=str(d.get("source", "backup")),
            source_key=None if key is None else _text(key, "source_key"),
            sets=tuple(_part(f"sets[{n}]", _read_set, s) for n, s in enumerate(d["sets"])),
        ),
        data,
    )
    targets = tuple(
        _part(f"{where}.targets[{n}]", target_from_dict, t)
        for n, t in enumerate(data.get("targets") or [])
    )
    return KeptWorkout(workout, targets, _read_planned(data.get("planned"), where, plans))


def _read_planned(value: Any, where: str, plans: list[KeptPlan]) -> SessionRef | None:
    if value is None:
        return None
    ref = _part(f"{where}.planned", lambda v: SessionRef(int(v["plan"]), int(v["session"])), value)
    if not 0 <= ref.plan < len(plans) or not 0 <= ref.session < len(plans[ref.plan].plan.sessions):
        raise InvalidInput(
            f"{where}.planned", "points to no session of the backup's plans",
            "a plan's index in plans and a session's index in that plan",
        )  # fmt: skip
    return ref


def _read_account(value: Any) -> AccountSettings:
    data = _object(value, "account")
    zone = _text(data.get("timezone", "UTC"), "account.timezone")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            "account.timezone", f"{zone!r} is not a time zone", "an IANA name such as Europe/Paris"
        ) from None
    role = _part("account.role", Role, data.get("role", Role.PERSON.value))
    return AccountSettings(_text(data.get("name", ""), "account.name"), zone, role)


def _read_plan(data: Any) -> KeptPlan:
    data = _object(data, "plan entry")
    return KeptPlan(
        created_at=_moment(data.get("created_at"), "created_at"),
        is_current=bool(data.get("current", False)),
        plan=_part("plan", plan_from_dict, _object(data.get("plan"), "plan")),
    )


def _read_posture(data: Any) -> PostureCheck:
    data = _object(data, "posture")
    frames = data.get("frames", 1)
    if isinstance(frames, bool) or not isinstance(frames, int) or frames < 1:
        raise InvalidInput("frames", f"{frames!r} is not a count of frames", "1 or more")
    numbers = {name: _number(data.get(name), name) for name in _POSTURE_NUMBERS}
    source = data.get("source", "photo")
    if source not in ("photo", "clip"):
        raise InvalidInput("source", f"{source!r}", "photo, clip")
    return PostureCheck(
        taken_at=_moment(data.get("taken_at"), "taken_at"), source=source, frames=frames, **numbers
    )


def _read_name(data: Any) -> RememberedName:
    data = _object(data, "remembered name")
    return RememberedName(
        _text(data["key"], "key"), _text(data["name"], "name"),
        _text(data["exercise_id"], "exercise_id"),
    )  # fmt: skip


def _read_memory(value: Any) -> ImportMemory:
    data = _object(value, "import_memory")
    names = data.get("names", [])
    if not isinstance(names, list):
        raise InvalidInput("import_memory.names", "is not a list", "a JSON list")
    columns = _object(data.get("columns", {}), "import_memory.columns")
    return ImportMemory(
        names=tuple(_part(f"import_memory.names[{n}]", _read_name, e) for n, e in enumerate(names)),
        columns={
            key: _object(mapping, f"import_memory.columns.{key}")
            for key, mapping in columns.items()
        },
    )


def backup_from_dict(data: dict[str, Any]) -> Backup:
    """A backup from parsed JSON of any known version (upgraded first)."""
    try:
        return _backup(data)
    except _Placed as error:
        raise InvalidInput(error.field, error.problem, error.allowed) from None


def _backup(data: dict[str, Any]) -> Backup:
    if data.get("format") != FORMAT:
        raise InvalidInput("format", "this is not a backtone backup", f'"format": "{FORMAT}"')
    data = upgrade(data)
    plans = [_part(f"plans[{n}]", _read_plan, p) for n, p in enumerate(_list(data, "plans"))]
    exercises = tuple(
        exercise_from_dict(_object(e, f"exercises[{n}]"), f"exercises[{n}]")
        for n, e in enumerate(_list(data, "exercises"))
    )
    return Backup(
        exported_at=_moment(data.get("exported_at"), "exported_at"),
        account=None if data.get("account") is None else _read_account(data["account"]),
        profile=None
        if data.get("profile") is None
        else _part("profile", profile_from_dict, _object(data["profile"], "profile")),
        kit=None
        if data.get("kit") is None
        else _part("kit", kit_from_dict, _object(data["kit"], "kit")),
        exercises=exercises,
        plans=tuple(plans),
        workouts=tuple(
            _read_workout(w, f"workouts[{n}]", plans) for n, w in enumerate(_list(data, "workouts"))
        ),
        body_weights=tuple(
            _part(
                f"body_weights[{n}]",
                lambda d: BodyWeight(
                    _moment(d.get("measured_at"), "measured_at"),
                    check_body_weight(_number(d.get("kg"), "kg"), "kg"),
                ),
                _object(w, f"body_weights[{n}]"),
            )
            for n, w in enumerate(_list(data, "body_weights"))
        ),
        check_ins=tuple(
            _part(f"check_ins[{n}]", check_in_from_dict, _object(c, f"check_ins[{n}]"))
            for n, c in enumerate(_list(data, "check_ins"))
        ),
        postures=tuple(
            _part(f"postures[{n}]", _read_posture, p) for n, p in enumerate(_list(data, "postures"))
        ),
        import_memory=_read_memory(data.get("import_memory") or {}),
    )


def read_backup(text: str | bytes) -> Backup:
    """A backup from JSON text; anything else is refused with where and why."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"line {error.lineno}", f"is not JSON ({error.msg}, column {error.colno})",
            "a backtone backup file",
        ) from None  # fmt: skip
    except UnicodeDecodeError:
        raise InvalidInput("file", "is not UTF-8 text", "a backtone backup file") from None
    if not isinstance(data, dict):
        raise InvalidInput("format", "this is not a backtone backup", f'"format": "{FORMAT}"')
    return backup_from_dict(data)
