"""The check-in and the kit act for one person, with no database (tests/fakes.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.kit import Kit, default_kit
from backtone.domain.quicklog import parse_sets
from backtone.domain.readiness import CheckIn, Sleep, Soreness
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Region
from backtone.services.readiness import check_in, check_in_effects, check_ins, my_kit, set_kit
from backtone.services.training_log import log_sets
from tests.conftest import FixedClock
from tests.factories import caller_at
from tests.fakes import FakeUnitOfWork
from tests.integration.coaching_support import MONDAY, home_dumbbell_plan

NEXT_MONDAY = MONDAY + timedelta(days=7)
RDL = "dumbbell-romanian-deadlift"


def trained_last_monday() -> tuple[FakeUnitOfWork, FixedClock]:
    """Someone whose Romanian deadlifts were at the top of the range last Monday; the clock
    reads the next Monday, the plan's next session."""
    uow, clock = FakeUnitOfWork(load_builtin_catalogue()), FixedClock()
    uow.plans.add(1, home_dumbbell_plan(), created_at=clock.now(), current=True)
    for exercise, sets in ((RDL, "3x12@20kg"), ("push-up", "3x10")):
        log_sets(uow=uow, clock=clock, caller=caller_at(clock, 1), exercise=exercise,
                 sets=parse_sets(sets), on=MONDAY)  # fmt: skip
    clock.moment = datetime(NEXT_MONDAY.year, NEXT_MONDAY.month, NEXT_MONDAY.day, 7, tzinfo=UTC)
    return uow, clock


def test_a_check_in_where_all_is_well_changes_nothing() -> None:
    uow, clock = trained_last_monday()
    me = caller_at(clock, 1)
    check_in(uow=uow, clock=clock, caller=me, check_in=CheckIn(NEXT_MONDAY, Sleep.GOOD))
    effects = check_in_effects(uow=uow, caller=me)
    assert effects.changes == ("Nothing changes today: train as planned.",)
    assert effects.session is not None
    deadlift = next(i for i in effects.session.items if i.exercise_id == RDL)
    assert deadlift.load_kg is not None and deadlift.load_kg > 20  # the load still goes up
    assert [c.sleep for c in check_ins(uow=uow, caller=me)] == [Sleep.GOOD]


def test_soreness_holds_the_load_and_pain_leaves_out_what_loads_the_region() -> None:
    uow, clock = trained_last_monday()
    me = caller_at(clock, 1)
    sore = CheckIn(NEXT_MONDAY, soreness=((Region.LOWER_BACK, Soreness.MODERATE),))
    check_in(uow=uow, clock=clock, caller=me, check_in=sore)
    held = check_in_effects(uow=uow, caller=me)
    assert held.session is not None
    deadlift = next(i for i in held.session.items if i.exercise_id == RDL)
    assert deadlift.load_kg == 20.0  # held at last time's load
    assert any(line.startswith("Nothing goes up for") for line in held.changes)

    hurt = CheckIn(NEXT_MONDAY, pain=frozenset({Region.LOWER_BACK}))
    check_in(uow=uow, clock=clock, caller=me, check_in=hurt)  # replaces the morning's
    spared = check_in_effects(uow=uow, caller=me)
    assert spared.session is not None
    assert RDL not in [i.exercise_id for i in spared.session.items]
    assert len(check_ins(uow=uow, caller=me)) == 1


def test_a_check_in_for_another_day_changes_nothing_today() -> None:
    uow, clock = trained_last_monday()
    tomorrow, me = NEXT_MONDAY + timedelta(days=1), caller_at(clock, 1)
    check_in(uow=uow, clock=clock, caller=me, check_in=CheckIn(tomorrow, Sleep.POOR))
    effects = check_in_effects(uow=uow, caller=me, day=tomorrow)
    assert "changes nothing there" in effects.changes[0]


def test_a_kit_set_in_pounds_is_read_back_in_pounds() -> None:
    uow, clock = FakeUnitOfWork(), FixedClock()
    me = caller_at(clock, 1, unit=WeightUnit.LB)
    assert my_kit(uow=uow, caller=me) == default_kit(WeightUnit.LB)  # nothing set yet
    mine = Kit(unit=WeightUnit.LB, dumbbells=(10.0, 15.0, 25.0))
    set_kit(uow=uow, clock=clock, caller=me, kit=mine)
    back = my_kit(uow=uow, caller=me)
    assert back.unit is WeightUnit.LB and back.dumbbells == (10.0, 15.0, 25.0)
    assert my_kit(uow=uow, caller=caller_at(clock, 2)) == default_kit(WeightUnit.KG)
