"""Plan generation time for 1, 4 and 12 weeks across named profiles (issues 3 and 15).

Run: .venv/bin/python bench/planner.py [repeats]
Prints a Markdown table of the median and worst wall time per profile and plan length.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from typing import Any

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.errors import Infeasible
from backtone.domain.profile import build_profile
from backtone.services.planning import create_plan

PROFILES: dict[str, dict[str, Any]] = {
    "no equipment": {"level": "beginner", "equipment": "home-none", "days": 3, "minutes": 30},
    "band only": {"level": "beginner", "equipment": "resistance-band", "days": 3, "minutes": 30},
    "dumbbells only": {"level": "intermediate", "equipment": "dumbbells", "days": 3, "minutes": 45},
    "bar only": {"level": "intermediate", "equipment": "pull-up-bar", "days": 3, "minutes": 30},
    "full gym": {"level": "advanced", "equipment": "gym", "days": 4, "minutes": 60},
    "beginner, no pull-up": {
        "level": "beginner", "equipment": "home-bar", "days": 3, "minutes": 30, "pull_ups": 0,
    },
    "lower-back limitation": {
        "level": "intermediate", "equipment": "gym", "days": 3, "minutes": 45,
        "limitations": ("lower-back",),
    },
    "15 min x 2 days": {"level": "beginner", "equipment": "home-band", "days": 2, "minutes": 15},
    "6 days x 90 min": {"level": "intermediate", "equipment": "gym", "days": 6, "minutes": 90},
    "10 min x 1 day": {"level": "beginner", "equipment": "home-none", "days": 1, "minutes": 10},
    "advanced, 5 x 60, 9 pull-ups": {
        "level": "advanced", "equipment": "gym", "days": 5, "minutes": 60, "pull_ups": 9,
    },
    "advanced, 6 x 120": {"level": "advanced", "equipment": "gym", "days": 6, "minutes": 120},
    "desk worker, sore lower back": {
        "level": "beginner", "equipment": "home-dumbbells", "days": 2, "minutes": 45,
        "limitations": ("lower-back",),
    },
}  # fmt: skip
WEEKS = (1, 4, 12)


def time_plan(kwargs: dict[str, Any], weeks: int, repeats: int) -> tuple[float, float, str]:
    catalogue = load_builtin_catalogue()
    profile = build_profile(**kwargs)
    times = []
    outcome = "plan"
    for _ in range(repeats):
        began = time.perf_counter()
        try:
            create_plan(profile=profile, catalogue=catalogue, start=date(2026, 3, 2), weeks=weeks)
        except Infeasible:
            outcome = "infeasible"
        times.append(time.perf_counter() - began)
    return statistics.median(times), max(times), outcome


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    load_builtin_catalogue()  # parse the data once, outside the timings
    print(f"Plan generation, median / worst of {repeats} runs, milliseconds\n")
    print("| profile | " + " | ".join(f"{w} wk" for w in WEEKS) + " |")
    print("|---|" + "---|" * len(WEEKS))
    for name, kwargs in PROFILES.items():
        cells = []
        for weeks in WEEKS:
            median, worst, outcome = time_plan(kwargs, weeks, repeats)
            mark = "" if outcome == "plan" else " (infeasible)"
            cells.append(f"{median * 1000:.0f} / {worst * 1000:.0f}{mark}")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
