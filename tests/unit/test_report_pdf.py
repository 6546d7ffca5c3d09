from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.formats.charts import volume_chart
from backtone.adapters.formats.report_pdf import render_monthly_report
from backtone.domain.analytics import LadderStanding, Period, ProgressSummary, summarise_progress
from backtone.domain.ladders import PULL_UP_LADDER
from backtone.domain.plan import PlanSession
from backtone.domain.training import LoggedSet, WeightUnit, Workout
from backtone.domain.vocabulary import Level
from backtone.domain.volume_targets import WEEKLY_TARGETS as TARGETS

pypdf = pytest.importorskip("pypdf")

LONDON = ZoneInfo("Europe/London")
CATALOGUE = load_builtin_catalogue()
MARCH = Period.month(2026, 3)
CREATED = datetime(2026, 4, 1, tzinfo=UTC)


def march_summary(*, pushing: bool = True) -> ProgressSummary:
    """Mondays and Thursdays from February to March; pull-ups climb, rows get heavier."""
    history, plan = [], []
    for week in range(8):
        for offset in (0, 3):
            day = date(2026, 2, 2) + timedelta(weeks=week, days=offset)
            plan.append(PlanSession(day=day, title="Back", items=()))
            sets = [
                LoggedSet("pull-up", reps=2 + week),
                LoggedSet("barbell-row", reps=8, load_kg=40 + 2.5 * week),
                LoggedSet("my-old-curl", reps=10, load_kg=10),
            ]
            if pushing or week < 4:
                sets.append(LoggedSet("push-up", reps=15))
            when = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
            history.append(Workout(started_at=when, sets=tuple(sets)))
    return summarise_progress(
        history,
        CATALOGUE,
        tz=LONDON,
        today=MARCH.last,
        planned_sessions=plan,
        targets=TARGETS[Level.BEGINNER],
        body_weights=[(datetime(2026, 3, d, 7, tzinfo=UTC), 80 - d / 10) for d in (2, 9, 23)],
        period=MARCH,
        ladder=LadderStanding(
            PULL_UP_LADDER,
            6,
            "pull-up",
            "Pull-up",
            "3 x 5-8",
            "9 reps",
            "Wide-grip pull-up 3 x 5-8",
        ),
    )


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_page_one_holds_sessions_streak_volume_balance_and_records() -> None:
    pages, text = text_of(render_monthly_report(MARCH.first, march_summary()))
    assert pages == 1
    assert "Your month: March 2026" in text
    assert "10 of 10 planned" in text  # the ISO weeks from 23 February, twice a week
    assert "Weekly hard sets by region" in text and "upper back" in text and "6-10" in text
    assert "my-old-curl" in text  # the deleted exercise is named, not hidden
    assert "Front and back" in text
    assert "Barbell bent-over row" in text and "estimated 1RM" in text
    # The coach's standing at the month's end, as the service reads it.
    assert (
        "Pull-up ladder at the month's end: step 7 of 9: Pull-up 3 x 5-8; "
        "then Wide-grip pull-up 3 x 5-8." in text
    )
    assert "Body weight" in text


def test_neglected_pushing_is_written_in_the_report() -> None:
    _, text = text_of(render_monthly_report(MARCH.first, march_summary(pushing=False)))
    assert "Add some pushing: none in your last" in " ".join(text.split())


def test_each_pair_of_charts_adds_a_page() -> None:
    summary = march_summary()
    chart = volume_chart(summary.volume)
    pairs = [(f"Chart {i}", chart.image) for i in range(3)]
    pages, text = text_of(render_monthly_report(MARCH.first, summary, pairs))
    assert pages == 3
    assert "Chart 0" in text and "Chart 2" in text


def test_weights_are_printed_in_the_persons_unit() -> None:
    summary = march_summary()
    _, in_kg = text_of(render_monthly_report(MARCH.first, summary))
    _, in_lb = text_of(render_monthly_report(MARCH.first, summary, unit=WeightUnit.LB))
    assert "Volume (kg)" in in_kg and "Volume (lb)" in in_lb
    rows = summary.volume.total_volume_kg("lats")
    assert f"{rows / 0.45359237:,.1f} lb" in in_lb


def test_an_empty_month_still_makes_a_readable_page() -> None:
    empty = summarise_progress([], CATALOGUE, tz=LONDON, today=MARCH.last, period=MARCH)
    pages, text = text_of(render_monthly_report(MARCH.first, empty, person="Sam"))
    assert pages == 1
    assert "Sam" in text and "No new records this month." in text


def test_names_outside_latin_1_do_not_break_the_pdf() -> None:
    pdf = render_monthly_report(MARCH.first, march_summary(), person="Zoë \u2713 \u5c71\u7530")
    _, text = text_of(pdf)
    assert "Zoë" in text


def test_the_same_month_gives_the_same_bytes() -> None:
    summary = march_summary()
    first = render_monthly_report(MARCH.first, summary, created=CREATED)
    assert first == render_monthly_report(MARCH.first, summary, created=CREATED)
    assert first.startswith(b"%PDF-")


def test_the_report_carries_the_posture_checks_with_their_trend() -> None:
    from backtone.domain.posture import PostureCheck, posture_trend
    from backtone.domain.profile import Emphasis

    def check(day: date, cva: float) -> PostureCheck:
        return PostureCheck(
            datetime(day.year, day.month, day.day, 9, tzinfo=UTC), cva, 1.5, -12.0, 2.0, 3.0, 1.5
        )

    trend = posture_trend(
        [
            check(date(2026, 2, 10), 44.0),
            check(date(2026, 3, 20), 51.0),
        ],
        Emphasis.POSTURE,
    )
    _, text = text_of(render_monthly_report(MARCH.first, march_summary(), posture=trend))
    assert "Posture (side photo)" in text
    assert "10 Feb 2026" in text and "20 Mar 2026" in text
    assert "head (CVA): 44 to 51 deg, better" in text
    assert "not a medical assessment" in text
    _, without = text_of(render_monthly_report(MARCH.first, march_summary()))
    assert "Posture" not in without
