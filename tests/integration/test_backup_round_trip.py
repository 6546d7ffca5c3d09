"""A complete backup brought into an empty database gives back the same file, on both engines;
older versions are upgraded; a second restore adds nothing; a bad file changes nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db.repositories import SqlPostureRepository
from backtone.adapters.db.tables import body_weights, logged_sets, plans, profiles, workouts
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.adapters.formats.backup_json import UPGRADES, VERSION, read_backup, write_backup
from backtone.domain.account import Role
from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Span
from backtone.domain.exposure import Change, Target
from backtone.domain.kit import Band, default_kit
from backtone.domain.posture import PostureCheck
from backtone.domain.readiness import CheckIn, Sleep, Soreness
from backtone.domain.training import LoggedSet, SetType, WeightUnit, Workout
from backtone.domain.vocabulary import Region
from backtone.services.backup import my_backup, restore_backup, restore_workouts
from backtone.services.context import Caller
from backtone.services.users import ensure_local_user
from tests.conftest import REPO, FixedClock, _clear
from tests.factories import make_exercise
from tests.integration.coaching_support import MONDAY, home_dumbbell_plan

START = datetime(2026, 9, 1, 6, 45, tzinfo=UTC)
VERSION_1 = REPO / "tests" / "data" / "backup-v1.json"


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


def person(uow: SqlUnitOfWork, clock: FixedClock, name: str = "ana") -> Caller:
    user = ensure_local_user(uow=uow, clock=clock, name=name)
    return Caller(user.id, UTC, WeightUnit.KG, clock.now().date())


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
                LoggedSet("dead-hang", set_type=SetType.FAILURE, duration_seconds=31.5,
                          source_name="Dead Hang (Bodyweight)"),
            ),
        )
        for n in range(4)
    ]  # fmt: skip


def fill_account(uow: SqlUnitOfWork, clock: FixedClock, me: Caller) -> None:
    """One of everything a person can have, as the app's own use cases would store it."""
    user_id = me.user_id
    restore_workouts(uow=uow, clock=clock, caller=me, workouts=sample_workouts())
    old_plan, plan = home_dumbbell_plan(1), home_dumbbell_plan(2)
    with uow:
        uow.accounts.set_timezone(user_id, "Europe/Paris")
        uow.accounts.set_role(user_id, Role.TRAINER)
        uow.profiles.save(user_id, plan.profile, updated_at=clock.now())
        kit = default_kit(WeightUnit.KG)
        kit = replace(kit, dumbbells=(5.0, 7.5, 12.5), bands=(Band("red", 11.0),))
        uow.kits.save(user_id, kit, updated_at=clock.now())
        uow.exercises.add_many(user_id, [make_exercise("my-towel-row")])
        made = clock.now() - timedelta(days=30)
        uow.plans.add(user_id, replace(old_plan, name="Old plan"), created_at=made, current=False)
        plan_id = uow.plans.add(user_id, plan, created_at=clock.now(), current=True)
        record = uow.plans.get(user_id, plan_id)
        assert record is not None
        # A guided workout done for the plan's third session, with what the coach asked for.
        item = plan.sessions[2].items[2]
        target = Target(3, reps=Span(10, 12), load_kg=12.5, change=Change.ADD_LOAD, planned=item)
        guided = Workout(
            started_at=datetime.combine(plan.sessions[2].day, datetime.min.time(), UTC),
            ended_at=datetime.combine(plan.sessions[2].day, datetime.min.time(), UTC)
            + timedelta(minutes=35),
            source="workout",
            planned_session_id=record.session_ids[2],
            sets=(LoggedSet(item.exercise_id, reps=11, load_kg=12.5),),
        )
        workout_id = uow.workouts.add(user_id, guided, created_at=clock.now())
        uow.workouts.set_targets(user_id, workout_id, [(item, target)])
        # A set logged freely: no key of its own in the database.
        uow.workouts.add(
            user_id,
            Workout(started_at=START - timedelta(days=3), sets=(LoggedSet("push-up", reps=20),)),
            created_at=clock.now(),
        )
        # Two weigh-ins for one past day are kept at the same moment (08:00 that day).
        for n, kg in ((0, 81.5), (0, 81.7), (1, 80.9)):
            uow.body_weights.add(user_id, START + timedelta(days=n, hours=2), kg)
        uow.check_ins.save(
            user_id,
            CheckIn(MONDAY, Sleep.POOR, ((Region.LATS, Soreness.MODERATE),), frozenset()),
            created_at=clock.now(),
        )
        uow.check_ins.save(
            user_id,
            CheckIn(MONDAY + timedelta(days=2), pain=frozenset({Region.LOWER_BACK})),
            created_at=clock.now(),
        )
        for n in range(2):
            uow.postures.add(
                user_id,
                PostureCheck(START + timedelta(days=7 * n), 48.5 + n, 1.2, 6.0 - n, 0.8, 3.5, 0.6,
                             source="clip" if n else "photo", frames=30 if n else 1),
            )  # fmt: skip
        uow.import_memory.remember_names(
            user_id,
            {"lat pulldown machine": ("Lat Pulldown (Machine)", "lat-pulldown"),
             "face pull": ("Face Pull", "face-pull")},
            clock.now(),
        )  # fmt: skip
        uow.import_memory.remember_columns(
            user_id, "b1946ac9", {"date": "Day", "exercise": "Lift", "reps": "Reps"}, clock.now()
        )
        uow.commit()


def backup_text(uow: SqlUnitOfWork, clock: FixedClock, me: Caller) -> str:
    return write_backup(my_backup(uow=uow, clock=clock, caller=me))


def test_a_backup_restored_into_an_empty_database_gives_the_same_file(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    ana = person(uow, clock)
    fill_account(uow, clock, ana)
    first = backup_text(uow, clock, ana)
    data = json.loads(first)
    # Every part is there, so the comparison below compares something.
    assert data["account"] == {"name": "ana", "timezone": "Europe/Paris", "role": "trainer"}
    assert data["profile"]["weekdays"] == ["monday", "wednesday", "friday"]
    assert data["kit"]["dumbbells"] == [5.0, 7.5, 12.5]
    assert [p["current"] for p in data["plans"]] == [False, True]
    assert len(data["workouts"]) == 6 and [w["kg"] for w in data["body_weights"]][2] == 80.9
    guided = next(w for w in data["workouts"] if w["source"] == "workout")
    assert guided["planned"] == {"plan": 1, "session": 2}
    assert guided["targets"][0]["load_kg"] == 12.5
    assert len(data["check_ins"]) == 2 and len(data["postures"]) == 2
    assert len(data["import_memory"]["names"]) == 2 and data["import_memory"]["columns"]

    _clear(engine)
    again = person(uow, clock)
    restored = restore_backup(uow=uow, clock=clock, caller=again, backup=read_backup(first))
    assert restored.added["workouts"] == 6 and restored.sets_added == 22
    assert set(restored.settings) == {"time zone", "role", "profile", "kit", "current plan"}
    assert backup_text(uow, clock, again) == first
    with uow:
        record = uow.plans.current(again.user_id)
        assert record is not None
        done = uow.workouts.finished_sessions(again.user_id, record.session_ids)
        assert done == {record.session_ids[2]}  # the guided workout still counts for it


def test_restoring_the_same_backup_twice_adds_nothing_the_second_time(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    ana = person(uow, clock)
    fill_account(uow, clock, ana)
    text = backup_text(uow, clock, ana)
    ben = person(uow, clock, "ben")
    restore_backup(uow=uow, clock=clock, caller=ben, backup=read_backup(text))
    after_one = backup_text(uow, clock, ben)
    second = restore_backup(uow=uow, clock=clock, caller=ben, backup=read_backup(text))
    assert set(second.added.values()) == {0} and second.settings == ()
    assert second.already_there["workouts"] == 6 and second.already_there["plans"] == 2
    assert backup_text(uow, clock, ben) == after_one


def test_restoring_a_backup_into_the_account_it_came_from_adds_nothing(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    ana = person(uow, clock)
    fill_account(uow, clock, ana)
    text = backup_text(uow, clock, ana)
    result = restore_backup(uow=uow, clock=clock, caller=ana, backup=read_backup(text))
    assert set(result.added.values()) == {0}
    assert backup_text(uow, clock, ana) == text


def test_what_the_account_has_set_is_kept_and_the_backup_fills_in_the_rest(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    ana = person(uow, clock)
    fill_account(uow, clock, ana)
    text = backup_text(uow, clock, ana)
    ben = person(uow, clock, "ben")
    mine = home_dumbbell_plan(1)
    with uow:
        uow.accounts.set_timezone(ben.user_id, "America/New_York")
        uow.plans.add(ben.user_id, mine, created_at=clock.now(), current=True)
        uow.commit()
    result = restore_backup(uow=uow, clock=clock, caller=ben, backup=read_backup(text))
    assert "time zone" not in result.settings and "current plan" not in result.settings
    with uow:
        account = uow.accounts.get(ben.user_id)
        current = uow.plans.current(ben.user_id)
    assert account is not None and account.timezone == "America/New_York"
    assert current is not None and current.plan == mine
    assert result.added["plans"] == 2


def test_a_version_1_backup_is_upgraded_and_restored(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    old = json.loads(VERSION_1.read_text())
    assert old["version"] == 1  # written by backtone before version 2 (tests/data/README.md)
    me = person(uow, clock)
    result = restore_backup(
        uow=uow, clock=clock, caller=me, backup=read_backup(VERSION_1.read_text())
    )
    assert (result.added["workouts"], result.sets_added, result.added["exercises"]) == (5, 42, 5)
    now = json.loads(backup_text(uow, clock, me))
    assert now["version"] == VERSION
    kept = [{k: v for k, v in w.items() if k != "source_key"} for w in now["workouts"]]
    assert kept == [{k: v for k, v in w.items() if k != "source_key"} for w in old["workouts"]]
    assert now["exercises"] == old["exercises"]
    again = restore_backup(
        uow=uow, clock=clock, caller=me, backup=read_backup(VERSION_1.read_text())
    )
    assert set(again.added.values()) == {0}


def test_every_older_version_has_a_step_to_the_next() -> None:
    assert sorted(UPGRADES) == list(range(1, VERSION))


def test_a_restore_that_fails_half_way_leaves_nothing_behind(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = person(uow, clock)
    fill_account(uow, clock, ana)
    text = backup_text(uow, clock, ana)
    ben = person(uow, clock, "ben")

    def broken_disk(self: object, user_id: int, check: PostureCheck) -> None:
        raise OSError("the disk is full")

    # Posture checks come after the workouts, plans and body weights.
    monkeypatch.setattr(SqlPostureRepository, "add", broken_disk)
    with pytest.raises(OSError):
        restore_backup(uow=uow, clock=clock, caller=ben, backup=read_backup(text))
    with engine.connect() as db:
        for table in (workouts, logged_sets, plans, body_weights, profiles):
            rows = db.execute(select(func.count()).where(table.c.user_id == ben.user_id))
            assert rows.scalar() == 0, table.name


def test_one_persons_backup_holds_nothing_of_anothers_and_a_restore_writes_only_theirs(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    ana, ben = person(uow, clock), person(uow, clock, "ben")
    fill_account(uow, clock, ana)
    with uow:
        uow.exercises.add_many(ben.user_id, [make_exercise("bens-secret-row")])
        uow.body_weights.add(ben.user_id, START, 93.25)
        uow.commit()
    bens = backup_text(uow, clock, ben)
    assert "my-towel-row" not in bens and "Back day" not in bens and "81.5" not in bens
    anas = backup_text(uow, clock, ana)
    assert "bens-secret-row" not in anas and "93.25" not in anas
    restore_backup(uow=uow, clock=clock, caller=ben, backup=read_backup(anas))
    assert backup_text(uow, clock, ana) == anas


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"format": "other"}', "format"),
        ("[1, 2]", "format"),
        ('{"format": "backtone-backup", "version": 99}', "version"),
        ('{"format": "backtone-backup", "version": "2"}', "version"),
        ("not json at all", "line 1"),
        ('{\n "format": "backtone-backup",\n "version": 2,\n}', "line 4"),
        (
            '{"format": "backtone-backup", "version": 1, "exported_at": "2026-01-01T00:00:00",'
            ' "workouts": [{"started_at": "2026-01-01T08:00:00", "sets": [{"exercise_id": "x",'
            ' "reps": -3}]}]}',
            "workouts[0].sets[0].reps",
        ),
        (
            '{"format": "backtone-backup", "version": 2, "exported_at": "2026-01-01T00:00:00",'
            ' "workouts": [{"started_at": "2026-01-01T08:00:00", "sets": [{"reps": 3}]}]}',
            "workouts[0].sets[0]",
        ),
        (
            '{"format": "backtone-backup", "version": 2, "exported_at": "2026-01-01T00:00:00",'
            ' "body_weights": [{"measured_at": "2026-01-01T08:00:00", "kg": 5}]}',
            "body_weights[0].kg",
        ),
        (
            '{"format": "backtone-backup", "version": 2, "exported_at": "2026-01-01T00:00:00",'
            ' "workouts": [{"started_at": "2026-01-01T08:00:00", "sets": [],'
            ' "planned": {"plan": 0, "session": 0}}]}',
            "workouts[0].planned",
        ),
        (
            '{"format": "backtone-backup", "version": 2, "exported_at": "2026-01-01T00:00:00",'
            ' "check_ins": [{"day": "2026-01-01", "sleep": "awful", "soreness": {}, "pain": []}]}',
            "check_ins[0]",
        ),
        (
            '{"format": "backtone-backup", "version": 2, "exported_at": "2026-01-01T00:00:00",'
            ' "account": {"name": "x", "timezone": "Mars/Olympus", "role": "person"}}',
            "account.timezone",
        ),
        (
            '{"format": "backtone-backup", "version": 2, "exported_at": "2026-01-01T00:00:00",'
            ' "plans": [{"created_at": "2026-01-01T08:00:00", "plan": {"schema": "x"}}]}',
            "plans[0].plan.schema",
        ),
    ],
)
def test_a_broken_backup_says_where_it_is_broken(text: str, where: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_backup(text)
    assert caught.value.field == where
    assert type(caught.value) is InvalidInput  # the API names it as such


def test_a_newer_backup_asks_for_a_newer_backtone() -> None:
    with pytest.raises(InvalidInput, match="update backtone"):
        read_backup(json.dumps({"format": "backtone-backup", "version": VERSION + 1}))


def test_guided_workouts_left_open_in_a_backup_come_back_ended_beside_the_open_one(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock)
    left_open = [
        Workout(
            started_at=START + timedelta(days=n),
            source="workout",
            sets=(LoggedSet("pull-up", reps=5),),
        )
        for n in range(3)
    ]
    restore_workouts(uow=uow, clock=clock, caller=me, workouts=left_open[:1])
    result = restore_workouts(uow=uow, clock=clock, caller=me, workouts=left_open)
    assert (result.workouts_added, result.sets_added) == (2, 2)
    with uow:
        restored = list(uow.workouts.all(me.user_id))
    assert [w.ended_at for w in restored] == [w.started_at for w in restored]


def test_times_in_a_backup_keep_their_moment_whatever_zone_they_were_written_in() -> None:
    paris = datetime(2026, 3, 29, 3, 30, tzinfo=ZoneInfo("Europe/Paris"))
    text = json.dumps(
        {"format": "backtone-backup", "version": 2, "exported_at": paris.isoformat(),
         "body_weights": [{"measured_at": paris.isoformat(), "kg": 70}]}
    )  # fmt: skip
    backup = read_backup(text)
    assert backup.body_weights[0].measured_at == paris
    assert json.loads(write_backup(backup))["body_weights"][0]["measured_at"].endswith("+00:00")
    assert backup.exported_at.date() == date(2026, 3, 29)
