"""A JSON backup brought into an empty database gives back the same data, on both engines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.adapters.formats.backup_json import Backup, read_backup, write_backup
from backtone.domain.errors import InvalidInput
from backtone.domain.training import LoggedSet, SetType, Workout
from backtone.services.backup import export_workouts, restore_workouts
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.factories import make_exercise

START = datetime(2026, 9, 1, 6, 45, tzinfo=UTC)


def sample_workouts() -> list[Workout]:
    return [
        Workout(
            started_at=START + timedelta(days=2 * n),
            ended_at=START + timedelta(days=2 * n, minutes=40),
            name=f"Back day {n}",
            notes="felt strong" if n % 2 else "",
            source="strong" if n < 2 else "log",
            sets=(
                LoggedSet("pull-up", SetType.WARMUP, reps=3),
                LoggedSet("pull-up", reps=5 + n, rpe=8.5),
                LoggedSet("bent-over-dumbbell-row", reps=12, load_kg=14.0 + n, notes="slow"),
                LoggedSet("rowing-machine", duration_seconds=600, distance_m=2150.5),
                LoggedSet("dead-hang", set_type=SetType.FAILURE, duration_seconds=31.5),
            ),
        )
        for n in range(4)
    ]


def test_a_json_backup_restores_the_same_workouts_into_an_empty_database(
    engine: Engine, clock: FixedClock
) -> None:
    uow = SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))
    ana = ensure_local_user(uow=uow, clock=clock, name="ana")
    restore_workouts(uow=uow, clock=clock, user_id=ana.id, workouts=sample_workouts())
    text = write_backup(
        Backup(
            clock.now(),
            (make_exercise("my-towel-row"),),
            tuple(export_workouts(uow=uow, user_id=ana.id)),
        )
    )

    fresh = ensure_local_user(uow=uow, clock=clock, name="ben")
    backup = read_backup(text)
    result = restore_workouts(uow=uow, clock=clock, user_id=fresh.id, workouts=backup.workouts)
    assert result.workouts_added == 4 and result.sets_added == 20

    def content(workouts: list[Workout]) -> list[tuple[object, ...]]:
        return [(w.started_at, w.ended_at, w.name, w.notes, w.source, w.sets) for w in workouts]

    assert content(list(export_workouts(uow=uow, user_id=fresh.id))) == content(sample_workouts())
    assert backup.exercises == (make_exercise("my-towel-row"),)


def test_restoring_the_same_backup_twice_adds_nothing(engine: Engine, clock: FixedClock) -> None:
    uow = SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    restore_workouts(uow=uow, clock=clock, user_id=me.id, workouts=sample_workouts())
    again = restore_workouts(uow=uow, clock=clock, user_id=me.id, workouts=sample_workouts())
    assert (again.workouts_added, again.workouts_already_present) == (0, 4)


def test_guided_workouts_left_open_in_a_backup_come_back_ended_beside_the_open_one(
    engine: Engine, clock: FixedClock
) -> None:
    uow = SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    left_open = [
        Workout(
            started_at=START + timedelta(days=n),
            source="workout",
            sets=(LoggedSet("pull-up", reps=5),),
        )
        for n in range(3)
    ]
    restore_workouts(uow=uow, clock=clock, user_id=me.id, workouts=left_open[:1])
    result = restore_workouts(uow=uow, clock=clock, user_id=me.id, workouts=left_open)
    assert (result.workouts_added, result.sets_added) == (2, 2)
    restored = list(export_workouts(uow=uow, user_id=me.id))
    assert [w.ended_at for w in restored] == [w.started_at for w in restored]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"format": "other"}', "format"),
        ('{"format": "backtone-backup", "version": 99}', "version"),
        ("not json at all", "file"),
        (
            '{"format": "backtone-backup", "version": 1, "exported_at": "2026-01-01T00:00:00",'
            ' "workouts": [{"started_at": "2026-01-01T08:00:00", "sets": [{"exercise_id": "x",'
            ' "reps": -3}]}]}',
            "workouts[0].sets[0].reps",
        ),
    ],
)
def test_a_broken_backup_says_where_it_is_broken(text: str, where: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_backup(text)
    assert caught.value.field == where
