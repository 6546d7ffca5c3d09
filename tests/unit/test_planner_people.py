"""Three people, and the plan a coach would write for each, checked item by item."""

from __future__ import annotations

from backtone.domain.plan import Plan, PlanItem, Role
from backtone.domain.vocabulary import Equipment, Kind, LoadKind, Pattern
from backtone.planner.rules import hard_rule_breaches
from tests.unit.planner_support import catalogue, make_plan

LOWER_BACK_OUT = {
    "barbell-deadlift", "romanian-deadlift", "dumbbell-romanian-deadlift", "band-good-morning",
    "back-extension", "floor-back-extension", "superman", "bent-over-dumbbell-row",
    "barbell-row", "dumbbell-reverse-fly",
}  # fmt: skip


def mains(plan: Plan, week: int = 1) -> list[list[PlanItem]]:
    return [list(s.by_role(Role.MAIN)) for s in plan.weeks[week - 1].sessions]


def ids(items: list[PlanItem]) -> set[str]:
    return {i.exercise_id for i in items}


def by_pattern(items: list[PlanItem], pattern: Pattern) -> list[PlanItem]:
    return [i for i in items if catalogue().get(i.exercise_id).pattern is pattern]


# --- A beginner at home with nothing but the house --------------------------------------------


def home_beginner() -> Plan:
    return make_plan(level="beginner", equipment="home-none", days=3, minutes=30, weeks=8)


def test_home_beginner_rows_from_the_doorframe_every_session() -> None:
    plan = home_beginner()
    assert hard_rule_breaches(plan, catalogue()) == []
    for session in mains(plan):
        assert "doorway-row" in ids(session)


def test_home_beginner_pushes_at_the_rung_a_beginner_starts_on_and_is_told_why() -> None:
    plan = home_beginner()
    pushes = [i for s in mains(plan) for i in by_pattern(s, Pattern.HORIZONTAL_PUSH)]
    assert {i.exercise_id for i in pushes} == {"incline-push-up"}
    assert all((i.sets, str(i.reps)) == (3, "10-12") for i in pushes)
    note = next(n for n in plan.notes if n.startswith("Push-up ladder"))
    assert "incline push-up, 3 x 10-12" in note and "--push-ups" in note


def test_home_beginner_opens_with_the_seeds_doorframe_stretch_and_keeps_stretching_short() -> None:
    plan = home_beginner()
    for session in plan.weeks[0].sessions:
        opener = session.items[0]
        assert (opener.exercise_id, opener.sets, opener.is_seed) == ("doorframe-stretch", 1, True)
        stretches = [
            i for i in session.items if catalogue().get(i.exercise_id).kind is Kind.STRETCH
        ]
        assert sum(i.estimated_seconds for i in stretches) <= 6 * 60


def test_home_beginner_uses_no_kit_beyond_the_house() -> None:
    plan = home_beginner()
    used = set().union(*(catalogue().get(i).needs for i in plan.exercise_ids()))
    assert used <= {Equipment.DOORFRAME, Equipment.WALL, Equipment.CHAIR}


# --- A desk worker with dumbbells and a sore lower back ----------------------------------------


def desk_worker() -> Plan:
    return make_plan(
        level="beginner", equipment="home-dumbbells", days=2, minutes=45,
        limitations=("lower-back",), weeks=8,
    )  # fmt: skip


def test_desk_worker_rows_with_a_dumbbell_supported_on_a_chair_every_session() -> None:
    plan = desk_worker()
    assert hard_rule_breaches(plan, catalogue()) == []
    for session in mains(plan):
        row = next(i for i in session if i.exercise_id == "single-arm-dumbbell-row")
        # seed 003's dumbbell rows: 3 x 12-15 with 30 s rest, marked as the seed's
        assert (row.sets, str(row.reps), row.rest_seconds, row.is_seed) == (3, "12-15", 30, True)


def test_desk_worker_presses_with_the_dumbbells_for_balance() -> None:
    plan = desk_worker()
    assert "dumbbell-floor-press" in set().union(*(ids(s) for s in mains(plan)))


def test_desk_worker_gets_nothing_that_loads_a_sore_lower_back() -> None:
    plan = desk_worker()
    assert not plan.exercise_ids() & LOWER_BACK_OUT
    assert {"bird-dog", "dead-bug"} & plan.exercise_ids()


def test_desk_worker_is_told_what_was_left_out_and_why_and_is_not_sold_a_hinge() -> None:
    plan = desk_worker()
    left_out = next(n for n in plan.notes if n.startswith("Sparing your lower back"))
    assert "bent-over dumbbell row: the back holds a bent-over position" in left_out
    assert not any("good morning" in n for n in plan.notes)
    assert any(n.startswith("No loaded hinge while your lower back is sore") for n in plan.notes)


def test_desk_worker_is_told_plainly_why_sessions_run_short() -> None:
    plan = desk_worker()
    if min(s.estimated_minutes for s in plan.weeks[0].sessions) < 0.7 * 45:
        assert any(n.startswith("Some sessions run only") for n in plan.notes)


# --- An advanced gym-goer with eight-plus pull-ups ---------------------------------------------


def gym_goer() -> Plan:
    return make_plan(level="advanced", equipment="gym", days=5, minutes=60, pull_ups=9, weeks=8)


def test_gym_goer_pulls_up_at_their_own_rung_not_the_seeds_first_reps() -> None:
    plan = gym_goer()
    assert hard_rule_breaches(plan, catalogue()) == []
    pulls = [
        i for s in mains(plan) for i in s
        if i.exercise_id in {"pull-up", "chin-up", "wide-grip-pull-up", "close-grip-pull-up"}
    ]  # fmt: skip
    assert pulls and all((i.sets, str(i.reps)) == (3, "5-8") for i in pulls)
    assert not any(i.is_seed for i in pulls)
    assert any("you did 9 strict pull-ups" in n for n in plan.notes)


def test_gym_goer_rows_with_the_gyms_kit_more_than_once_a_week() -> None:
    week = [i for s in mains(gym_goer()) for i in s]
    rows = by_pattern(week, Pattern.HORIZONTAL_PULL)
    assert len(rows) >= 2
    assert {catalogue().get(i.exercise_id).load for i in rows} & {LoadKind.BARBELL,
                                                                   LoadKind.CABLE}  # fmt: skip
    assert "lat-pulldown" in ids(week)


def test_gym_goer_ramps_up_before_heavy_lifts() -> None:
    for session in mains(gym_goer()):
        for item in session:
            if catalogue().get(item.exercise_id).load is LoadKind.BARBELL:
                assert (item.ramp and item.ramp[-1].percent >= 80) or len(item.ramp) == 1


def test_gym_goer_rows_on_the_rower_only_to_warm_up() -> None:
    plan = gym_goer()
    for session in plan.sessions:
        rowing = [i for i in session.items if i.exercise_id == "rowing-machine"]
        assert all(
            i.role is Role.WARM_UP and i.seconds and i.seconds.high <= 5 * 60 for i in rowing
        )


def test_gym_goer_pulls_more_than_presses() -> None:
    week = [i for s in mains(gym_goer()) for i in s]
    pull = sum(i.sets for i in week if catalogue().get(i.exercise_id).pattern in {
        Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.SHOULDER_EXTENSION})  # fmt: skip
    push = sum(i.sets for i in by_pattern(week, Pattern.HORIZONTAL_PUSH))
    assert push < pull <= 3 * push
