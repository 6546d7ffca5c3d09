"""`backtone workout` driven headless with Textual's pilot, on an injected clock."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList, ProgressBar, Static

from backtone.domain.plan import Role
from backtone.domain.training import LoggedSet, WeightUnit
from backtone.entrypoints.tui.check_in import CheckInScreen
from backtone.entrypoints.tui.flow import Wiring
from backtone.entrypoints.tui.workout_app import (
    ResumeScreen,
    SummaryScreen,
    SwapScreen,
    WorkoutApp,
    WorkoutScreen,
)
from backtone.services import coaching
from backtone.services.training_log import workout_history
from tests.conftest import FixedClock
from tests.integration.coaching_support import MONDAY


def todays(wiring: Wiring) -> coaching.SessionPlan:
    return coaching.next_session(uow=wiring.uow, user_id=wiring.user_id, today=MONDAY, tz=UTC)


def drive(app: WorkoutApp, script: Callable[[Pilot[object]], Awaitable[None]]) -> None:
    async def run() -> None:
        async with app.run_test(size=(110, 40)) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(run())


def text(app: WorkoutApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def field(app: WorkoutApp, selector: str) -> Input:
    return app.screen.query_one(selector, Input)


async def skip_check_in(pilot: Pilot[object]) -> None:
    """A fresh session of today's starts with the check-in; escape skips it."""
    assert isinstance(pilot.app.screen, CheckInScreen)
    await pilot.press("escape")
    await pilot.pause()


async def log_set(pilot: Pilot[object], reps: str | None = None, load: str | None = None) -> None:
    app = pilot.app
    if reps is not None:
        app.screen.query_one("#amount", Input).value = reps
    if load is not None:
        app.screen.query_one("#load", Input).value = load
    await pilot.press("enter")
    await pilot.pause()


def test_a_whole_session_with_rest_a_swap_and_a_skip_ends_in_the_database(
    wiring: Wiring, clock: FixedClock
) -> None:
    session = todays(wiring)
    roles = [i.role for i in session.items]
    lift, push = session.main_items
    app = WorkoutApp(wiring, session=session)
    bells: list[int] = []
    swapped_for: list[str] = []
    app.bell = lambda: bells.append(1)  # type: ignore[method-assign]

    async def script(pilot: Pilot[object]) -> None:
        await skip_check_in(pilot)
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        # The warm-up: one done, one skipped; neither is logged.
        assert roles[0] is Role.WARM_UP and "enter when done" in text(app, "#target")
        await pilot.press("enter")
        await pilot.press("s")
        await pilot.pause()
        # The first lift: the card says what and why; the entry holds the target's reps.
        assert lift.name in text(app, "#name")
        assert "Set 1 of 3" in text(app, "#target")
        assert lift.reason in text(app, "#reason")
        assert lift.reps is not None and field(app, "#amount").value == str(lift.reps.low)
        await log_set(pilot, load="20")
        # Rest runs on the injected clock: half of it gone, then a pause stops it.
        rest = lift.rest_seconds
        assert app.screen.query_one("#rest").display
        clock.moment += timedelta(seconds=rest / 2)
        screen.tick()
        assert app.screen.query_one("#rest-bar", ProgressBar).progress == pytest.approx(rest / 2)
        await pilot.press("p")
        clock.moment += timedelta(seconds=10 * rest)
        screen.tick()
        assert "paused" in str(app.screen.query_one("#rest-label", Label).render())
        assert not bells
        await pilot.press("p")
        clock.moment += timedelta(seconds=rest / 2)
        screen.tick()
        assert bells == [1]  # the bell rings once when the rest is over
        assert not app.screen.query_one("#rest").display
        # The next set starts from the set just done.
        assert "Set 2 of 3" in text(app, "#target")
        assert field(app, "#load").value == "20"
        await log_set(pilot, reps="9")
        await log_set(pilot, reps="8", load="18")
        # Swap the push-up for another push the kit allows, log one set, skip the rest.
        assert push.name in text(app, "#name")
        await pilot.press("w")
        await pilot.pause()
        swap = app.screen
        assert isinstance(swap, SwapScreen)
        options = swap.query_one("#swaps", OptionList)
        first = options.get_option_at_index(0)
        options.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert str(first.prompt) in text(app, "#name")
        swapped_for.append(str(first.id))
        await log_set(pilot, reps="7")
        await pilot.press("s")
        await pilot.pause()
        # The cool-down, then the summary.
        for _ in range(roles.count(Role.COOL_DOWN)):
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Sets: 4" in text(app, "#summary")
        await pilot.press("q")

    drive(app, script)
    assert app.return_value is not None and app.return_value.sets == 4
    [kept] = workout_history(uow=wiring.uow, user_id=wiring.user_id)
    assert kept.ended_at is not None
    assert [(s.exercise_id, s.reps, s.load_kg) for s in kept.sets] == [
        (lift.exercise_id, lift.reps.low, 20.0),
        (lift.exercise_id, 9, 20.0),
        (lift.exercise_id, 8, 18.0),
        (swapped_for[0], 7, None),
    ]


def test_quitting_keeps_the_sets_and_the_next_start_offers_to_resume(
    wiring: Wiring, clock: FixedClock
) -> None:
    session = todays(wiring)
    lift = session.main_items[0]
    first = WorkoutApp(wiring, session=session)

    async def quit_after_one_set(pilot: Pilot[object]) -> None:
        await skip_check_in(pilot)
        await pilot.press("s", "s")  # past the warm-up
        await log_set(pilot, reps="10", load="16")
        await pilot.press("q")

    drive(first, quit_after_one_set)
    assert first.return_value is None
    clock.moment += timedelta(minutes=5)
    unfinished = coaching.open_workout(uow=wiring.uow, clock=clock, user_id=wiring.user_id, tz=UTC)
    assert unfinished is not None and len(unfinished.sets) == 1
    again = WorkoutApp(wiring, session=todays(wiring), unfinished=unfinished)

    async def resume_and_finish(pilot: Pilot[object]) -> None:
        assert isinstance(again.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert lift.name in text(again, "#name")
        assert "Set 2 of 3" in text(again, "#target")
        await log_set(pilot, reps="10", load="16")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(again.screen, SummaryScreen)
        await pilot.press("enter")

    drive(again, resume_and_finish)
    [kept] = workout_history(uow=wiring.uow, user_id=wiring.user_id)
    assert kept.id == unfinished.workout_id and kept.ended_at is not None
    assert [s.reps for s in kept.sets] == [10, 10]


def test_starting_fresh_closes_the_unfinished_workout_with_its_sets(
    wiring: Wiring, clock: FixedClock
) -> None:
    session = todays(wiring)
    old = coaching.start_workout(uow=wiring.uow, clock=clock, user_id=wiring.user_id,
                                 session=session)  # fmt: skip
    logged = LoggedSet(session.main_items[0].exercise_id, reps=5)
    coaching.log_guided_set(uow=wiring.uow, clock=clock, user_id=wiring.user_id,
                            workout_id=old.workout_id, logged=logged)  # fmt: skip
    unfinished = coaching.open_workout(uow=wiring.uow, clock=clock, user_id=wiring.user_id, tz=UTC)
    app = WorkoutApp(wiring, session=session, unfinished=unfinished)

    async def start_fresh(pilot: Pilot[object]) -> None:
        await pilot.press("n")
        await pilot.pause()
        await skip_check_in(pilot)
        assert isinstance(app.screen, WorkoutScreen)
        assert "Set 1 of" in text(app, "#target") or "enter when done" in text(app, "#target")
        await pilot.press("q")

    drive(app, start_fresh)
    [closed] = workout_history(uow=wiring.uow, user_id=wiring.user_id)
    assert closed.id == old.workout_id and closed.ended_at is not None
    assert [s.reps for s in closed.sets] == [5]


def test_a_set_without_reps_is_refused_with_a_message_and_nothing_is_stored(
    wiring: Wiring,
) -> None:
    app = WorkoutApp(wiring, session=todays(wiring))

    async def empty_entry(pilot: Pilot[object]) -> None:
        await skip_check_in(pilot)
        await pilot.press("s", "s")
        await log_set(pilot, reps="")
        assert "reps: is empty" in text(app, "#status")
        assert "Set 1 of" in text(app, "#target")
        await pilot.press("q")

    drive(app, empty_entry)
    assert workout_history(uow=wiring.uow, user_id=wiring.user_id) == []


def test_someone_in_pounds_types_pounds_and_the_log_keeps_kilograms(wiring: Wiring) -> None:
    in_pounds = replace(wiring, unit=WeightUnit.LB)
    app = WorkoutApp(in_pounds, session=todays(in_pounds))

    async def one_set(pilot: Pilot[object]) -> None:
        await skip_check_in(pilot)
        await pilot.press("s", "s")
        assert str(app.screen.query_one("#load-label", Label).render()) == "lb"
        await log_set(pilot, reps="10", load="44")
        assert "Saved: 10 x 44 lb" in text(app, "#status")
        assert field(app, "#load").value == "44"  # the next set starts from the one just done
        await pilot.press("q")

    drive(app, one_set)
    [workout] = workout_history(uow=wiring.uow, user_id=wiring.user_id)
    assert [s.load_kg for s in workout.sets] == [pytest.approx(44 * 0.45359237)]
