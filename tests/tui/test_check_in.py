"""The check-in offered before a guided workout, driven headless with Textual's pilot."""

from __future__ import annotations

from datetime import timedelta

from textual.pilot import Pilot
from textual.widgets import Checkbox, RadioButton, Select

from backtone.domain.quicklog import parse_sets
from backtone.domain.readiness import CheckIn, Sleep
from backtone.entrypoints.tui.check_in import CheckInScreen, ReadyScreen
from backtone.entrypoints.tui.flow import Wiring
from backtone.entrypoints.tui.workout_app import WorkoutApp, WorkoutScreen
from backtone.services.readiness import check_in, check_ins
from backtone.services.training_log import log_sets
from tests.factories import caller_at
from tests.integration.coaching_support import MONDAY
from tests.tui.test_workout_app import drive, log_set, text, todays

DEADLIFT = "dumbbell-romanian-deadlift"  # Monday's first lift: lower back and legs


def deadlifted_last_friday(wiring: Wiring) -> None:
    """3 x 10 at 20 kg, the top of the plan's range: today's target would go up."""
    log_sets(
        uow=wiring.uow, clock=wiring.clock, caller=caller_at(wiring.clock, wiring.user_id),
        exercise=DEADLIFT, sets=parse_sets("3x10@20kg"), on=MONDAY - timedelta(days=3),
    )  # fmt: skip


def test_the_check_in_comes_first_and_escape_skips_it(wiring: Wiring) -> None:
    deadlifted_last_friday(wiring)
    session = todays(wiring)
    app = WorkoutApp(wiring, session=session)

    async def skip(pilot: Pilot[object]) -> None:
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        await pilot.press("s", "s")  # past the warm-up
        assert "at 22 kg" in text(app, "#target") or "at 24 kg" in text(app, "#target")
        await pilot.press("q")

    drive(app, skip)
    assert check_ins(uow=wiring.uow, caller=wiring.caller) == []


def test_soreness_and_pain_change_the_session_before_it_starts(wiring: Wiring) -> None:
    deadlifted_last_friday(wiring)
    app = WorkoutApp(wiring, session=todays(wiring))

    async def check_in_then_train(pilot: Pilot[object]) -> None:
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        screen.query_one("#sleep-poor", RadioButton).value = True
        screen.query_one("#sore-lower-back", Select).value = 3
        screen.query_one("#pain-chest", Checkbox).value = True
        await pilot.click("#save")
        await pilot.pause()
        ready = app.screen
        assert isinstance(ready, ReadyScreen)
        said = text(app, "#ready")
        assert "Check-in: Slept poorly; lower back sore (severe); pain: chest." in said
        assert ("Push-up" in said and "today: it loads your chest" in said) or "stands in" in said
        assert "Nothing goes up for severe soreness in your lower back" in said
        assert "A set fewer for the soreness: Dumbbell Romanian deadlift." in said
        assert "Dumbbell Romanian deadlift: 2 x 10 at 20 kg" in said
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        await pilot.press("s", "s")
        assert "Set 1 of 2" in text(app, "#target") and "at 20 kg" in text(app, "#target")
        await log_set(pilot, reps="10", load="20")
        await pilot.press("q")

    drive(app, check_in_then_train)
    [kept] = check_ins(uow=wiring.uow, caller=wiring.caller)
    assert kept.day == MONDAY and kept.sleep is Sleep.POOR
    assert [(r.value, int(level)) for r, level in kept.soreness] == [("lower-back", 3)]
    assert [r.value for r in kept.pain] == ["chest"]


def test_a_check_in_given_elsewhere_today_is_not_asked_for_again(wiring: Wiring) -> None:
    check_in(uow=wiring.uow, clock=wiring.clock, caller=wiring.caller,
             check_in=CheckIn(MONDAY, Sleep.GOOD))  # fmt: skip
    app = WorkoutApp(wiring, session=todays(wiring))

    async def straight_in(pilot: Pilot[object]) -> None:
        assert isinstance(app.screen, WorkoutScreen)
        await pilot.press("q")

    drive(app, straight_in)
