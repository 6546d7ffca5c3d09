"""Correcting the history through the services, on SQLite and PostgreSQL: a set changed or
deleted, a workout deleted and restored, free logging that joins the open workout, and an
account deleted with everything of its own and nothing of anyone else's."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db import digests
from backtone.adapters.db.rate_limiter import SqlRateLimiter
from backtone.adapters.db.tables import metadata, users, workouts
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.adapters.security import Argon2Hasher
from backtone.domain.account import Role as AccountRole
from backtone.domain.account import TokenKind
from backtone.domain.errors import InvalidInput, NotFound
from backtone.domain.exercise import Span
from backtone.domain.exercise_digest import ExerciseDigest
from backtone.domain.exposure import Target
from backtone.domain.plan import PlanItem, Role
from backtone.domain.quicklog import parse_sets
from backtone.domain.training import GUIDED_SOURCE, LoggedSet, SetType, Workout
from backtone.services import history_edit as edits
from backtone.services import training_log
from backtone.services.accounts import (
    account_for_token,
    change_password,
    delete_account,
    open_session,
)
from backtone.services.context import Caller, caller_for
from backtone.services.history_edit import SetChange
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.factories import caller_at

CATALOGUE = load_builtin_catalogue()
ROW = "bent-over-dumbbell-row"
PASSWORD = "correct horse battery"


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False), CATALOGUE)


def person(uow: SqlUnitOfWork, clock: FixedClock, name: str) -> Caller:
    user = ensure_local_user(uow=uow, clock=clock, name=name)
    return caller_for(uow=uow, clock=clock, user_id=user.id, tz=UTC)


def log(uow: SqlUnitOfWork, clock: FixedClock, who: Caller, exercise: str, sets: str,
        on: date | None = None) -> training_log.LogResult:  # fmt: skip
    return training_log.log_sets(
        uow=uow, clock=clock, caller=caller_at(clock, who.user_id), exercise=exercise,
        sets=parse_sets(sets), on=on,
    )  # fmt: skip


def history(uow: SqlUnitOfWork, who: Caller) -> list[Workout]:
    return training_log.workout_history(uow=uow, user_id=who.user_id, limit=100)


def stored_digests(uow: SqlUnitOfWork, who: Caller) -> list[ExerciseDigest]:
    with uow:
        return uow.workouts.digests(who.user_id)


def rebuilt_digests(engine: Engine, uow: SqlUnitOfWork, who: Caller) -> list[ExerciseDigest]:
    """The digests recomputed from scratch from the stored sets."""
    with engine.begin() as connection:
        digests.rebuild(connection)
    return stored_digests(uow, who)


def test_a_corrected_set_is_what_history_records_and_digests_say(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    log(uow, clock, me, "dumbbell row", "3x12@14kg")
    [workout] = history(uow, me)
    wrong = workout.sets[1]
    assert wrong.id is not None
    edited = edits.edit_set(
        uow=uow, caller=me, set_id=wrong.id,
        change=SetChange(reps=8, load_kg=30.0, rpe=9.0, reps_in_reserve=1),
    )  # fmt: skip
    assert (edited.logged.reps, edited.logged.load_kg, edited.logged.rpe) == (8, 30.0, 9.0)
    assert edited.exercise_name == CATALOGUE.get(ROW).name
    [after] = history(uow, me)
    assert [(s.reps, s.load_kg) for s in after.sets] == [(12, 14.0), (8, 30.0), (12, 14.0)]
    assert after.sets[1].reps_in_reserve == 1 and after.sets[1].id == wrong.id
    [records] = training_log.personal_records(uow=uow, caller=me, exercise_id=ROW)
    assert records.best_volume_session is not None
    assert records.best_volume_session.value == pytest.approx(12 * 14 * 2 + 8 * 30)
    [digest] = stored_digests(uow, me)
    assert digest.heaviest.load_kg == 30.0 and digest.total_reps == 32
    assert stored_digests(uow, me) == rebuilt_digests(engine, uow, me)


def test_moving_a_set_to_another_exercise_rewrites_both_digests(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    log(uow, clock, me, "dumbbell row", "2x10@16kg")
    log(uow, clock, me, "pull-up", "5")
    [workout] = history(uow, me)
    moved = workout.sets[1]
    assert moved.id is not None
    edits.edit_set(uow=uow, caller=me, set_id=moved.id, change=SetChange(exercise="pull-up"))
    by_exercise = {d.exercise_id: d for d in stored_digests(uow, me)}
    assert by_exercise[ROW].sets == 1 and by_exercise["pull-up"].sets == 2
    assert stored_digests(uow, me) == rebuilt_digests(engine, uow, me)
    # The moved set keeps its reps and load; only the fields asked for change.
    [after] = history(uow, me)
    assert [(s.exercise_id, s.reps, s.load_kg) for s in after.sets] == [
        (ROW, 10, 16.0), ("pull-up", 10, 16.0), ("pull-up", 5, None),
    ]  # fmt: skip


def test_a_value_no_set_can_have_changes_nothing(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    me = person(uow, clock, "me")
    log(uow, clock, me, "pull-up", "5,4")
    [workout] = history(uow, me)
    set_id = workout.sets[0].id
    assert set_id is not None
    for change, field in [
        (SetChange(reps=5000), "reps"),
        (SetChange(load_kg=900.0), "load"),
        (SetChange(rpe=11.0), "rpe"),
        (SetChange(reps_in_reserve=20), "reps in reserve"),
        (SetChange(reps=None), "set"),  # neither reps nor seconds left
    ]:
        with pytest.raises(InvalidInput) as raised:
            edits.edit_set(uow=uow, caller=me, set_id=set_id, change=change)
        assert raised.value.field == field and raised.value.allowed
    with pytest.raises(NotFound, match="did you mean"):
        edits.edit_set(uow=uow, caller=me, set_id=set_id, change=SetChange(exercise="pul-upp x"))
    assert history(uow, me) == [workout]


def test_another_persons_sets_and_workouts_are_not_found_and_stay(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    ana, ben = person(uow, clock, "ana"), person(uow, clock, "ben")
    log(uow, clock, ana, "pull-up", "8")
    [workout] = history(uow, ana)
    set_id, workout_id = workout.sets[0].id, workout.id
    assert set_id is not None and workout_id is not None
    with pytest.raises(NotFound):
        edits.edit_set(uow=uow, caller=ben, set_id=set_id, change=SetChange(reps=1))
    with pytest.raises(NotFound):
        edits.delete_set(uow=uow, caller=ben, set_id=set_id)
    with pytest.raises(NotFound):
        edits.delete_workout(uow=uow, clock=clock, caller=ben, workout_id=workout_id)
    edits.delete_workout(uow=uow, clock=clock, caller=ana, workout_id=workout_id)
    with pytest.raises(NotFound):
        edits.restore_workout(uow=uow, clock=clock, caller=ben, workout_id=workout_id)
    assert history(uow, ben) == []
    edits.restore_workout(uow=uow, clock=clock, caller=ana, workout_id=workout_id)
    assert history(uow, ana) == [workout]


def test_deleting_sets_one_by_one_removes_the_emptied_workout(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    log(uow, clock, me, "pull-up", "5,4")
    [workout] = history(uow, me)
    first, second = (s.id for s in workout.sets)
    assert first is not None and second is not None
    gone = edits.delete_set(uow=uow, caller=me, set_id=first)
    assert gone.logged.reps == 5 and not gone.workout_removed
    assert [s.reps for s in history(uow, me)[0].sets] == [4]
    assert stored_digests(uow, me)[0].total_reps == 4
    last = edits.delete_set(uow=uow, caller=me, set_id=second)
    assert last.workout_removed and history(uow, me) == []
    assert stored_digests(uow, me) == [] == rebuilt_digests(engine, uow, me)
    with pytest.raises(NotFound):
        edits.delete_set(uow=uow, caller=me, set_id=second)


def test_an_open_guided_workout_stays_when_its_last_set_is_deleted(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    workout_id = _open_guided(uow, clock, me, sets=1)
    [workout] = history(uow, me)
    assert workout.sets[0].id is not None
    assert not edits.delete_set(uow=uow, caller=me, set_id=workout.sets[0].id).workout_removed
    [still] = history(uow, me)
    assert still.id == workout_id and still.sets == () and still.ended_at is None


def test_a_deleted_workout_leaves_everything_and_comes_back_whole(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    log(uow, clock, me, "pull-up", "5,4", on=clock.moment.date() - timedelta(days=2))
    log(uow, clock, me, "dumbbell row", "3x12@14kg")
    workout_id = _open_guided(uow, clock, me, sets=0)
    with uow:
        guided = uow.workouts.get(me.user_id, workout_id)
        assert guided is not None
        uow.workouts.append_sets(
            me.user_id, workout_id,
            [LoggedSet("pull-up", SetType.WARMUP, reps=3, rpe=6, notes="easy"),
             LoggedSet(ROW, reps=10, load_kg=22.5, reps_in_reserve=2, rest_seconds=90)],
            clock.moment,
        )  # fmt: skip
        uow.workouts.finish(me.user_id, workout_id, clock.moment + timedelta(minutes=40))
        asked = PlanItem("pull-up", "Pull-up", Role.MAIN, sets=3, rest_seconds=90, reps=Span(5, 8))
        uow.workouts.set_targets(me.user_id, workout_id, [(asked, Target(3, Span(5, 8)))])
        targets_before = uow.workouts.targets(me.user_id, [workout_id])
        assert targets_before[workout_id]
        uow.commit()
    before = history(uow, me)
    digests_before = stored_digests(uow, me)
    gone = edits.delete_workout(uow=uow, clock=clock, caller=me, workout_id=workout_id)
    assert gone.sets == 2 and gone.restorable_until == clock.moment + edits.RESTORABLE
    assert [w.id for w in history(uow, me)] == [w.id for w in before if w.id != workout_id]
    assert training_log.personal_records(uow=uow, caller=me, exercise_id="pull-up")
    assert len(stored_digests(uow, me)) == len(digests_before) - 1

    clock.moment += timedelta(hours=23)
    back = edits.restore_workout(uow=uow, clock=clock, caller=me, workout_id=workout_id)
    assert back == next(w for w in before if w.id == workout_id)
    assert [s.id for s in back.sets] == [s.id for w in before if w.id == workout_id for s in w.sets]
    assert back.ended_at == before[0].ended_at and back.sets[0].notes == "easy"
    assert history(uow, me) == before
    assert stored_digests(uow, me) == digests_before == rebuilt_digests(engine, uow, me)
    with uow:
        assert uow.workouts.targets(me.user_id, [workout_id]) == targets_before
    # An open workout with no targets kept keeps none either.
    plain = _open_guided(uow, clock, me, sets=1)
    edits.delete_workout(uow=uow, clock=clock, caller=me, workout_id=plain)
    edits.restore_workout(uow=uow, clock=clock, caller=me, workout_id=plain)
    with uow:
        assert uow.workouts.targets(me.user_id, [plain]) == {}
    edits.delete_workout(uow=uow, clock=clock, caller=me, workout_id=plain)
    # Restoring twice gives the same workout and adds nothing.
    assert edits.restore_workout(uow=uow, clock=clock, caller=me, workout_id=workout_id) == back
    assert history(uow, me) == before


def test_after_a_day_a_deleted_workout_is_gone_for_good(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    workout_id = log(uow, clock, me, "pull-up", "5").workout_id
    edits.delete_workout(uow=uow, clock=clock, caller=me, workout_id=workout_id)
    clock.moment += edits.RESTORABLE + timedelta(seconds=1)
    with pytest.raises(NotFound, match="deleted in the last 24 h"):
        edits.restore_workout(uow=uow, clock=clock, caller=me, workout_id=workout_id)
    # Its rows are dropped by the next deletion (anyone's), not kept out of sight for ever.
    ben = person(uow, clock, "ben")
    other = log(uow, clock, ben, "pull-up", "3").workout_id
    edits.delete_workout(uow=uow, clock=clock, caller=ben, workout_id=other)
    with engine.connect() as connection:
        kept = connection.execute(
            select(func.count()).select_from(metadata.tables["deleted_workouts"])
        )
        assert kept.scalar_one() == 1  # ben's, just deleted
    assert history(uow, me) == []


def test_a_restore_finds_its_id_and_day_taken_and_still_loses_nothing(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    old = log(uow, clock, me, "pull-up", "5,4")
    edits.delete_workout(uow=uow, clock=clock, caller=me, workout_id=old.workout_id)
    # The day is logged again (its key is taken), and its old id is taken too, as SQLite
    # does when the newest row was the one deleted.
    new = log(uow, clock, me, "pull-up", "6")
    if new.workout_id != old.workout_id:
        with engine.begin() as connection:
            connection.execute(
                insert(workouts).values(
                    id=old.workout_id, user_id=me.user_id, started_at=clock.moment,
                    name="someone's", notes="", source="strong", source_key="x",
                )
            )  # fmt: skip
    back = edits.restore_workout(uow=uow, clock=clock, caller=me, workout_id=old.workout_id)
    assert back.id != old.workout_id and back.source_key is None
    assert [s.reps for s in back.sets] == [5, 4]
    reps = sorted(s.reps or 0 for w in history(uow, me) for s in w.sets)
    assert reps == [4, 5, 6]


def test_a_restored_open_workout_ends_when_another_is_open(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    first = _open_guided(uow, clock, me, sets=2)
    edits.delete_workout(uow=uow, clock=clock, caller=me, workout_id=first)
    clock.moment += timedelta(minutes=5)
    second = _open_guided(uow, clock, me, sets=0)
    back = edits.restore_workout(uow=uow, clock=clock, caller=me, workout_id=first)
    assert back.ended_at is not None and len(back.sets) == 2
    with uow:
        opened = uow.workouts.open_since(me.user_id, GUIDED_SOURCE, clock.moment - timedelta(1))
    assert opened is not None and opened[0].id == second


def test_free_logging_joins_the_guided_workout_open_that_day(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = person(uow, clock, "me")
    guided = _open_guided(uow, clock, me, sets=1)
    joined = log(uow, clock, me, "dumbbell row", "12@14kg")
    assert joined.workout_id == guided
    yesterday = log(uow, clock, me, "pull-up", "5", on=clock.moment.date() - timedelta(days=1))
    assert yesterday.workout_id != guided
    [today, before] = history(uow, me)
    assert today.id == guided and today.source == GUIDED_SOURCE and len(today.sets) == 2
    assert before.source == training_log.LOG_SOURCE
    # Once it is finished, the day's next free set starts the day's own log.
    with uow:
        uow.workouts.finish(me.user_id, guided, clock.moment)
        uow.commit()
    assert log(uow, clock, me, "pull-up", "3").workout_id not in (guided, yesterday.workout_id)


def test_a_deleted_account_takes_all_its_rows_and_nothing_else(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    hasher, limiter = Argon2Hasher(fast=True), SqlRateLimiter(engine)
    with uow:
        ana_id = uow.accounts.add(
            "ana", created_at=clock.moment, password_hash=hasher.hash(PASSWORD),
            role=AccountRole.PERSON, timezone="UTC",
        ).id  # fmt: skip
        uow.commit()
    ana = caller_for(uow=uow, clock=clock, user_id=ana_id, tz=UTC)
    ben = person(uow, clock, "ben")
    for who in (ana, ben):
        _fill(uow, clock, who)
    before = _rows_by_table(engine)
    ana_rows = _rows_by_table(engine, ana.user_id)
    kept = {"users", "workouts", "logged_sets", "exercise_digests", "deleted_workouts",
            "body_weights", "auth_tokens"}  # fmt: skip
    assert {table for table, n in ana_rows.items() if n} == kept
    with pytest.raises(InvalidInput, match="not your password"):
        delete_account(uow=uow, clock=clock, hasher=hasher, limiter=limiter, caller=ana,
                       password="not it at all")  # fmt: skip
    with pytest.raises(InvalidInput, match="needs its password"):
        delete_account(uow=uow, clock=clock, hasher=hasher, limiter=limiter, caller=ana,
                       password=None)  # fmt: skip
    assert _rows_by_table(engine) == before
    name = delete_account(
        uow=uow, clock=clock, hasher=hasher, limiter=limiter, caller=ana, password=PASSWORD
    )
    assert name == "ana"
    assert sum(_rows_by_table(engine, ana.user_id).values()) == 0
    after = _rows_by_table(engine)
    assert after == {t: n - ana_rows.get(t, 0) for t, n in before.items()}
    assert history(uow, ben) != []
    # A local person (no password) is deleted without one.
    delete_account(uow=uow, clock=clock, hasher=hasher, limiter=limiter, caller=ben, password=None)
    assert sum(_rows_by_table(engine).values()) == 0


def test_a_new_password_signs_out_every_other_session_and_token(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    hasher, limiter = Argon2Hasher(fast=True), SqlRateLimiter(engine)
    with uow:
        ana_id = uow.accounts.add(
            "ana", created_at=clock.moment, password_hash=hasher.hash(PASSWORD),
            role=AccountRole.PERSON, timezone="UTC",
        ).id  # fmt: skip
        uow.commit()
    ana = caller_for(uow=uow, clock=clock, user_id=ana_id, tz=UTC)
    here, phone, api = (
        open_session(uow=uow, clock=clock, user_id=ana_id, kind=kind)
        for kind in (TokenKind.SESSION, TokenKind.SESSION, TokenKind.API)
    )

    def change(current: str, new: str) -> int:
        return change_password(
            uow=uow, clock=clock, hasher=hasher, limiter=limiter, common_passwords={"password1"},
            caller=ana, current=current, new=new, keep_token=here,
        )  # fmt: skip

    with pytest.raises(InvalidInput) as weak:
        change(PASSWORD, "password1")
    assert weak.value.field == "new_password"
    with pytest.raises(InvalidInput) as wrong:
        change("a wrong one", "a brand new phrase")
    assert wrong.value.field == "current_password"
    assert change(PASSWORD, "a brand new phrase") == 2
    assert account_for_token(uow=uow, clock=clock, token=here, kind=TokenKind.SESSION)
    assert not account_for_token(uow=uow, clock=clock, token=phone, kind=TokenKind.SESSION)
    assert not account_for_token(uow=uow, clock=clock, token=api, kind=TokenKind.API)
    with uow:
        stored = uow.accounts.password_hash(ana_id)
    assert stored is not None and hasher.verify(stored, "a brand new phrase")


def _open_guided(uow: SqlUnitOfWork, clock: FixedClock, who: Caller, sets: int) -> int:
    """An open guided workout started now with `sets` pull-up sets in it."""
    with uow:
        workout_id = uow.workouts.add_unless_taken(
            who.user_id,
            Workout(clock.moment, (), name="Session", source=GUIDED_SOURCE,
                    source_key=f"workout:{clock.moment.isoformat()}"),
            created_at=clock.moment,
        )  # fmt: skip
        assert workout_id is not None
        uow.workouts.append_sets(
            who.user_id, workout_id, [LoggedSet("pull-up", reps=5)] * sets, clock.moment
        )
        uow.commit()
    return workout_id


def _fill(uow: SqlUnitOfWork, clock: FixedClock, who: Caller) -> None:
    """Some of everything a person keeps: workouts, a deleted one, weights, a token."""
    log(uow, clock, who, "pull-up", "5,4")
    gone = log(uow, clock, who, "dumbbell row", "12@14kg", on=date(2026, 10, 1))
    edits.delete_workout(uow=uow, clock=clock, caller=who, workout_id=gone.workout_id)
    with uow:
        uow.body_weights.add(who.user_id, clock.moment, 80.0)
        uow.commit()
    open_session(uow=uow, clock=clock, user_id=who.user_id, kind=TokenKind.API)


def _rows_by_table(engine: Engine, user_id: int | None = None) -> dict[str, int]:
    """How many rows each table holds (of one person's, with `user_id`)."""
    counts = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name == "rate_limits":  # counters by name, not rows of anyone's
                continue
            query = select(func.count()).select_from(table)
            if user_id is not None:
                owners = [fk.parent for fk in table.foreign_keys if fk.column.table is users]
                if table is users:
                    query = query.where(users.c.id == user_id)
                elif owners:
                    query = query.where(owners[0] == user_id)
                else:
                    continue
            counts[table.name] = connection.execute(query).scalar_one()
    return counts
