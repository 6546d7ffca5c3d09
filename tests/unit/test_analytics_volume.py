from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtone.domain.analytics_basis import UNKNOWN, Period, iso_label
from backtone.domain.analytics_volume import TargetStatus, weekly_volume
from backtone.domain.catalogue import Catalogue
from backtone.domain.training import LoggedSet, SetType, WeightUnit, Workout
from backtone.domain.vocabulary import Kind, Level, Muscle, Pattern
from backtone.domain.volume_targets import WEEKLY_TARGETS as TARGETS
from tests.factories import make_exercise

LONDON = ZoneInfo("Europe/London")
CATALOGUE = Catalogue(
    [
        make_exercise("row", primary=(Muscle.LATISSIMUS_DORSI, Muscle.RHOMBOIDS)),
        make_exercise("pulldown", pattern=Pattern.VERTICAL_PULL),
        make_exercise(
            "deadlift",
            pattern=Pattern.HINGE,
            primary=(Muscle.ERECTOR_SPINAE, Muscle.GLUTES, Muscle.HAMSTRINGS),
        ),
        make_exercise("stretch", kind=Kind.STRETCH, pattern=Pattern.STRETCH),
    ]
)


def workout(when: datetime, *sets: LoggedSet) -> Workout:
    return Workout(started_at=when, sets=sets)


def at(year: int, month: int, day: int, hour: int = 18) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def test_empty_history_has_no_weeks_but_still_lists_the_back_regions() -> None:
    result = weekly_volume([], CATALOGUE, tz=LONDON, targets=TARGETS[Level.BEGINNER])
    assert result.weeks == ()
    assert result.regions == ("lats", "upper-back", "lower-back")
    assert result.average_sets("lats") == 0.0


def test_one_session_counts_each_hard_set_once_per_primary_region() -> None:
    # Monday 2 March 2026: three rows (lats + upper back), one deadlift, one warm-up row.
    session = workout(
        at(2026, 3, 2),
        LoggedSet("row", set_type=SetType.WARMUP, reps=10, load_kg=10),
        LoggedSet("row", reps=10, load_kg=20),
        LoggedSet("row", reps=8, load_kg=22.5),
        LoggedSet("row", set_type=SetType.FAILURE, reps=6, load_kg=22.5),
        LoggedSet("deadlift", reps=5, load_kg=100),
    )
    result = weekly_volume([session], CATALOGUE, tz=LONDON)
    monday = date(2026, 3, 2)
    assert result.weeks == (monday,)
    assert result.sets_in("lats", monday) == 3
    assert result.sets_in("upper-back", monday) == 3
    assert result.sets_in("lower-back", monday) == 1
    assert result.sets_in("legs", monday) == 1  # glutes and hamstrings share one region
    assert result.total_volume_kg("lats") == pytest.approx(200 + 180 + 135)
    assert result.total_volume_kg("lower-back") == pytest.approx(500)


def test_stretches_are_not_hard_sets_for_a_region() -> None:
    session = workout(at(2026, 3, 2), LoggedSet("stretch", duration_seconds=45))
    result = weekly_volume([session], CATALOGUE, tz=LONDON)
    assert all(sum(result.hard_sets[r]) == 0 for r in result.regions)


def test_a_gap_of_several_weeks_shows_as_zero_weeks() -> None:
    first = workout(at(2026, 3, 2), LoggedSet("pulldown", reps=12, load_kg=40))
    later = workout(at(2026, 3, 30), LoggedSet("pulldown", reps=12, load_kg=40))
    result = weekly_volume([first, later], CATALOGUE, tz=LONDON)
    assert [iso_label(w) for w in result.weeks] == [
        "2026-W10",
        "2026-W11",
        "2026-W12",
        "2026-W13",
        "2026-W14",
    ]
    assert result.hard_sets["lats"] == (1, 0, 0, 0, 1)
    assert result.average_sets("lats") == pytest.approx(2 / 5)


def test_weeks_follow_the_persons_time_zone_not_utc() -> None:
    # Sunday 8 March 2026, 22:30 UTC is already Monday 9 March in Auckland.
    late_sunday = workout(
        datetime(2026, 3, 8, 22, 30, tzinfo=UTC), LoggedSet("pulldown", reps=10, load_kg=40)
    )
    in_london = weekly_volume([late_sunday], CATALOGUE, tz=LONDON)
    in_auckland = weekly_volume([late_sunday], CATALOGUE, tz=ZoneInfo("Pacific/Auckland"))
    assert in_london.weeks == (date(2026, 3, 2),)
    assert in_auckland.weeks == (date(2026, 3, 9),)


def test_each_week_is_marked_below_within_or_above_the_beginner_target() -> None:
    weeks = [at(2026, 3, 2), at(2026, 3, 9), at(2026, 3, 16)]
    counts = [4, 8, 12]  # beginner lats target is 6-10 hard sets
    history = [
        workout(when, *[LoggedSet("pulldown", reps=10, load_kg=40)] * n)
        for when, n in zip(weeks, counts, strict=True)
    ]
    result = weekly_volume(history, CATALOGUE, tz=LONDON, targets=TARGETS[Level.BEGINNER])
    assert result.targets["lats"] == (6, 10)
    assert [result.status("lats", w) for w in result.weeks] == [
        TargetStatus.BELOW,
        TargetStatus.WITHIN,
        TargetStatus.ABOVE,
    ]
    assert result.status("legs", result.weeks[0]) is TargetStatus.NO_TARGET


def test_sets_logged_in_pounds_add_up_in_kilograms() -> None:
    in_pounds = WeightUnit.LB.to_kg(100)  # logged as 100 lb, stored as 45.36 kg
    session = workout(
        at(2026, 3, 2),
        LoggedSet("pulldown", reps=10, load_kg=in_pounds),
        LoggedSet("pulldown", reps=10, load_kg=40),
    )
    result = weekly_volume([session], CATALOGUE, tz=LONDON)
    assert result.total_volume_kg("lats") == pytest.approx(10 * 45.359237 + 400)


def test_sets_of_a_deleted_exercise_count_under_unknown_and_say_so() -> None:
    session = workout(
        at(2026, 3, 2),
        LoggedSet("my-old-row", reps=10, load_kg=30),
        LoggedSet("my-old-row", reps=10, load_kg=30),
        LoggedSet("pulldown", reps=10, load_kg=40),
    )
    result = weekly_volume([session], CATALOGUE, tz=LONDON)
    assert result.regions[-1] == UNKNOWN
    assert result.hard_sets[UNKNOWN] == (2,)
    assert result.total_volume_kg(UNKNOWN) == pytest.approx(600)
    assert result.unknown_exercises == ("my-old-row",)
    assert "my-old-row" in result.note and "unknown" in result.note


def test_a_month_covers_every_iso_week_it_touches() -> None:
    # November 2026 starts on a Sunday and ends on a Monday: six ISO weeks.
    period = Period.month(2026, 11)
    inside = workout(at(2026, 10, 27), LoggedSet("pulldown", reps=10, load_kg=40))
    outside = workout(at(2026, 10, 20), LoggedSet("pulldown", reps=10, load_kg=40))
    result = weekly_volume([inside, outside], CATALOGUE, tz=LONDON, period=period)
    assert result.weeks[0] == date(2026, 10, 26) and result.weeks[-1] == date(2026, 11, 30)
    assert len(result.weeks) == 6
    assert sum(result.hard_sets["lats"]) == 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 90), st.sampled_from(["row", "pulldown", "deadlift", "gone"])),
        max_size=40,
    )
)
def test_every_hard_set_lands_in_exactly_one_week_per_region(
    entries: list[tuple[int, str]],
) -> None:
    start = at(2026, 1, 1)
    history = [
        workout(start + timedelta(days=day), LoggedSet(exercise, reps=5, load_kg=10))
        for day, exercise in entries
    ]
    result = weekly_volume(history, CATALOGUE, tz=LONDON)
    regions_per_exercise = {"row": 2, "pulldown": 1, "deadlift": 2, "gone": 1}
    expected = sum(regions_per_exercise[e] for _, e in entries)
    assert sum(sum(result.hard_sets[r]) for r in result.regions) == expected
