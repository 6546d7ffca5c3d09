"""Render every progress chart and page one of a monthly report from a synthetic history.

The history is six months of a beginner training three times a week (fixed seed): the
pull-up ladder climbed from hangs to full pull-ups, rows and deadlifts getting heavier,
some dumbbells logged in pounds, a missed session now and then, a two-week holiday, an
exercise since deleted, and the last weeks without pushing, so every flag shows.
`synthetic_history` is also what bench/analytics.py scales up to five years.

Run: .venv/bin/python bench/make_chart_examples.py   (needs pdftoppm from poppler-utils)
Writes docs/screenshots/chart-*.png and docs/screenshots/report-page-1.png.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from backtone.domain.plan import PlanSession
from backtone.domain.training import LoggedSet, SetType, WeightUnit, Workout

ZONE = ZoneInfo("Europe/London")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
LADDER_STEPS = (  # (weeks on the step, exercise, reps or None for a timed hang)
    (6, "dead-hang", None),
    (6, "negative-pull-up", 3),
    (6, "band-assisted-pull-up", 5),
    (10_000, "pull-up", 1),
)


@dataclass(frozen=True)
class History:
    workouts: list[Workout]
    plan: list[PlanSession]
    body_weights: list[tuple[datetime, float]]
    today: date


def _ladder(week: int, rng: random.Random) -> list[LoggedSet]:
    start = 0
    for weeks, exercise, reps in LADDER_STEPS:
        if week < start + weeks:
            into = week - start
            if reps is None:
                seconds = 15 + 4 * into + rng.randint(-3, 3)
                return [LoggedSet(exercise, duration_seconds=seconds) for _ in range(3)]
            top = min(reps + into // 2 + rng.randint(0, 1), 15)
            return [LoggedSet(exercise, reps=max(1, top - i)) for i in range(3)]
        start += weeks
    raise AssertionError("the last ladder step never ends")


def _lift(exercise: str, reps: int, kg: float, sets: int = 3) -> list[LoggedSet]:
    warm = LoggedSet(exercise, set_type=SetType.WARMUP, reps=8, load_kg=round(kg * 0.5, 1))
    return [warm] + [LoggedSet(exercise, reps=reps, load_kg=kg) for _ in range(sets)]


def _session(kind: int, week: int, rng: random.Random, push: bool) -> list[LoggedSet]:
    grow = 1 + week / 40
    sets: list[LoggedSet] = []
    if kind == 0:
        # This gym's dumbbells are marked in pounds: logged as lb, stored in kg.
        row = WeightUnit.LB.to_kg(5 * round(25 * grow / 5 + rng.random() * 0.6))
        sets += _ladder(week, rng)
        sets += _lift("bent-over-dumbbell-row", 12, round(row, 2))
        sets += [LoggedSet("push-up", reps=8 + week // 3) for _ in range(3)] if push else []
        sets += [LoggedSet("dead-bug", reps=10) for _ in range(2)]
    elif kind == 1:
        sets += _lift("lat-pulldown", 12, round(35 * grow / 2.5) * 2.5)
        sets += _lift("face-pull", 15, round(15 * grow / 2.5) * 2.5)
        sets += _lift("dumbbell-bench-press", 10, 2 * round(7 * grow)) if push else []
        sets += [LoggedSet("back-extension", reps=12) for _ in range(2)]
    else:
        sets += _ladder(week, rng)
        sets += _lift("barbell-deadlift", 5, round(50 * grow * 1.3 / 2.5) * 2.5)
        sets += [LoggedSet("band-pull-apart", reps=15) for _ in range(3)]
        if week < 8:  # a custom exercise the person later deleted from their catalogue
            sets += [LoggedSet("my-towel-row", reps=12) for _ in range(2)]
    sets.append(LoggedSet("doorframe-stretch", duration_seconds=45))
    return sets


def synthetic_history(
    *, start: date = date(2025, 11, 3), weeks: int = 26, seed: int = 7, repeat: int = 1
) -> History:
    """`weeks` of Monday/Wednesday/Friday training from `start` (a Monday).

    `repeat` copies each session's sets that many times, to reach benchmark sizes.
    """
    rng = random.Random(seed)
    workouts: list[Workout] = []
    plan: list[PlanSession] = []
    weights: list[tuple[datetime, float]] = []
    holiday = {weeks // 2, weeks // 2 + 1}
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        push = week < weeks - 3
        for kind, offset in enumerate((0, 2, 4)):
            day = monday + timedelta(days=offset)
            plan.append(PlanSession(day=day, title="ABC"[kind], items=()))
            if week in holiday or rng.random() < 0.08:
                continue
            moved = day + timedelta(days=1) if rng.random() < 0.15 else day
            local = datetime.combine(moved, time(18, rng.randint(0, 59)), ZONE)
            sets = _session(kind, week, rng, push) * repeat
            workouts.append(Workout(started_at=local.astimezone(UTC), sets=tuple(sets)))
        for offset in range(7):
            if rng.random() < 0.6:
                when = datetime.combine(monday + timedelta(days=offset), time(7), ZONE)
                kg = 78 - 0.12 * week + rng.gauss(0, 0.5)
                weights.append((when.astimezone(UTC), round(kg, 1)))
    return History(workouts, plan, weights, start + timedelta(weeks=weeks, days=-1))


def main() -> None:
    from backtone.adapters.catalogue.loader import load_builtin_catalogue
    from backtone.adapters.formats import charts
    from backtone.adapters.formats.report_pdf import render_monthly_report
    from backtone.domain.analytics import Period, ProgressSummary, summarise_progress
    from backtone.domain.vocabulary import Level
    from backtone.domain.volume_targets import WEEKLY_TARGETS as TARGETS

    history = synthetic_history()
    catalogue = load_builtin_catalogue()

    def summary(today: date, period: Period | None = None) -> ProgressSummary:
        return summarise_progress(
            history.workouts,
            catalogue,
            tz=ZONE,
            today=today,
            period=period,
            planned_sessions=history.plan,
            targets=TARGETS[Level.INTERMEDIATE],
            body_weights=history.body_weights,
        )

    page = summary(history.today)
    lifts = ("barbell-deadlift", "lat-pulldown", "face-pull", "bent-over-dumbbell-row")
    drawn = {
        "volume": charts.volume_chart(page.volume),
        "balance": charts.balance_chart(page.balance),
        "consistency": charts.consistency_chart(page.consistency),
        "heatmap": charts.heatmap_chart(page.heatmap),
        "strength": charts.strength_chart(page.strength, lifts),
        "pull-ups": charts.pull_up_chart(page.strength),
        "body-weight": charts.body_weight_chart(page.body_weight),
    }
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, chart in drawn.items():
        (SCREENSHOTS / f"chart-{name}.png").write_bytes(chart.image)
    april = Period.month(2026, 4)
    month = summary(april.last, april)
    month_charts = [
        charts.volume_chart(month.volume),
        charts.consistency_chart(month.consistency),
        charts.balance_chart(month.balance),
        charts.pull_up_chart(month.strength),
    ]
    pdf = render_monthly_report(april.first, month, [(c.title, c.image) for c in month_charts])
    _first_page_png(pdf, SCREENSHOTS / "report-page-1.png")
    print(f"wrote {len(drawn)} charts and a report page to {SCREENSHOTS}")


def _first_page_png(pdf: bytes, target: Path) -> None:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm not found: apt-get install -y poppler-utils")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.pdf"
        source.write_bytes(pdf)
        prefix = Path(folder) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "100",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(source),
                str(prefix),
            ],
            check=True,
        )
        shutil.copyfile(prefix.with_suffix(".png"), target)


if __name__ == "__main__":
    main()
