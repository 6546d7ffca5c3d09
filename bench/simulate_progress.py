"""Print the week-by-week table of a simulated 12 weeks and draw docs/screenshots/progression.png.

    .venv/bin/python bench/simulate_progress.py [--seed N] [--png PATH] [--runs N]

The table goes into docs/progression.md; `--runs` also reports, over that many seeds, in which
week the simulated beginner first did full pull-ups and how often each change was suggested.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from datetime import date
from pathlib import Path

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.exposure import Change
from backtone.domain.simulation import SimulatedSession, simulate

START = date(2026, 1, 5)
FULL = {"pull-up", "chin-up", "wide-grip-pull-up", "close-grip-pull-up"}


def describe(s: SimulatedSession) -> str:
    assert s.done is not None
    first = s.done.sets[0]
    amounts = [x.reps if x.reps is not None else int(x.duration_seconds or 0) for x in s.done.sets]
    unit = " s" if first.duration_seconds is not None else ""
    load = ""
    if first.load_kg:
        load = f" +{first.load_kg:g} help" if s.suggestion.assisted else f" @ {first.load_kg:g}"
    return f"{s.suggestion.exercise_id} {'/'.join(map(str, amounts))}{unit}{load}"


def table(log: list[SimulatedSession], plan: list[str]) -> str:
    """The last session of each week for every plan item, as a Markdown table."""
    header = "| week | " + " | ".join(plan) + " |"
    lines = [header, "|" + "---|" * (len(plan) + 1)]
    for week in range(1, max(s.week for s in log) + 1):
        cells = []
        for item in plan:
            done = [s for s in log if s.week == week and s.done and _same_slot(s, item, plan)]
            cells.append(describe(done[-1]) if done else "(away)")
        lines.append(f"| {week} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _same_slot(s: SimulatedSession, item: str, plan: list[str]) -> bool:
    return s.plan_item == item or (s.plan_item not in plan and _origin(s.plan_item) == item)


def _origin(variant: str) -> str:
    return {
        "single-arm-dumbbell-row": "bent-over-dumbbell-row",
        "chest-supported-dumbbell-row": "bent-over-dumbbell-row",
        "romanian-deadlift": "dumbbell-romanian-deadlift",
        "band-reverse-fly": "band-face-pull",
    }.get(variant, variant)


def draw(log: list[SimulatedSession], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (rungs, loads) = plt.subplots(2, 1, figsize=(9, 7), sharex=True)
    ladder = [s for s in log if s.plan_item == "dead-hang" and s.done]
    rungs.step([(s.day - START).days / 7 + 1 for s in ladder], [s.suggestion.rung for s in ladder])
    rungs.set_ylabel("pull-up ladder rung")
    rungs.set_yticks(
        range(9), ["hang", "scap", "neg", "assist", "2x1-3", "3x3-5", "3x5-8", "grip", "+kg"]
    )
    for item in ("bent-over-dumbbell-row", "lat-pulldown", "dumbbell-romanian-deadlift"):
        rows = [s for s in log if s.done and _origin(s.plan_item) == item]
        loads.plot(
            [(s.day - START).days / 7 + 1 for s in rows],
            [s.done.sets[0].load_kg or 0 for s in rows if s.done],
            marker="o",
            markersize=3,
            label=item,
        )
        for s in rows:
            if s.suggestion.change in (Change.DELOAD, Change.STEP_BACK) and s.done:
                loads.annotate("v", ((s.day - START).days / 7 + 1, s.done.sets[0].load_kg or 0))
    loads.set_ylabel("load (kg)")
    loads.set_xlabel("week")
    loads.legend(fontsize=8)
    fig.suptitle("12 simulated weeks on the progression engine (v = deload or step back)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=90)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--png", type=Path)
    parser.add_argument("--runs", type=int, default=0)
    args = parser.parse_args()
    catalogue = load_builtin_catalogue()
    log = simulate(catalogue, random.Random(args.seed), start=START)
    plan = list(dict.fromkeys(s.plan_item for s in log if s.week == 1))
    print(table(log, plan))
    if args.png:
        draw(log, args.png)
    if args.runs:
        weeks: Counter[str] = Counter()
        changes: Counter[str] = Counter()
        for seed in range(args.runs):
            run = simulate(catalogue, random.Random(seed), start=START)
            firsts = [
                s.week
                for s in run
                if s.done and s.suggestion.exercise_id in FULL and (s.done.sets[0].reps or 0) >= 1
            ]
            weeks[str(min(firsts)) if firsts else "not yet"] += 1
            changes.update(s.suggestion.change.value for s in run if s.done)
        print("\nfirst full pull-up, week: count ->", dict(sorted(weeks.items())))
        print("changes suggested ->", dict(changes.most_common()))


if __name__ == "__main__":
    main()
