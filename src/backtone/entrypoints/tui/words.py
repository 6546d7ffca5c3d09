"""How the workout app says things: targets, sets, time left and the end-of-session summary."""

from __future__ import annotations

from backtone.domain.plan import Role
from backtone.domain.training import LoggedSet, WeightUnit
from backtone.services.coaching import SessionItem, SessionPlan, WorkoutSummary


def minutes_seconds(seconds: float) -> str:
    """'1:05'; a rest shows whole seconds, rounded up so 0:00 means it is over."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"


def target_line(item: SessionItem, set_number: int, session: SessionPlan) -> str:
    """'Set 2 of 3 — target 8-12 reps at 14 kg a hand, rest 60 s (seed)'."""
    unit = "" if item.timed or item.per_side else " reps"
    what = f"{item.amount()}{unit}{session.load_words(item)}"
    rest = f", rest {item.rest_seconds} s" if item.rest_seconds else ""
    seed = " (seed)" if item.is_seed else ""
    if item.role is not Role.MAIN:
        return f"{item.sets} x {what}{rest}{seed} — enter when done"
    return f"Set {min(set_number, item.sets)} of {item.sets} — target {what}{rest}{seed}"


def plan_line(item: SessionItem, ramped: int, session: SessionPlan) -> str:
    """What the plan said where today differs, and the ramp-up still to do (u logs one)."""
    lines = [f"plan: {item.plan_words()}"] if item.plan_words() else []
    if item.ramp and ramped < len(item.ramp):
        left = item.ramp[ramped:]
        said = ", ".join(
            f"{r.reps} at {session.unit.say(r.load_kg)}"
            if r.load_kg
            else f"{r.reps} at {r.percent}%"
            for r in left
        )
        lines.append(f"ramp up first: {said} (u logs one)")
    return "\n".join(lines)


def describe_set(s: LoggedSet, unit: WeightUnit) -> str:
    """'10 x 14 kg', '30 s' or '8 reps'."""
    amount = f"{s.duration_seconds:g} s" if s.duration_seconds is not None else f"{s.reps}"
    if s.load_kg:
        amount += f" x {unit.say(s.load_kg)}"
    elif s.duration_seconds is None:
        amount += " reps"
    return amount + (f" @ RPE {s.rpe:g}" if s.rpe is not None else "")


def summary_lines(summary: WorkoutSummary, unit: WeightUnit) -> list[str]:
    """The end-of-session summary, a line per figure and per record broken."""
    lines = [
        "[b]Workout done[/b]",
        "",
        f"Time: {summary.minutes} min",
        f"Exercises: {summary.exercises}",
        f"Sets: {summary.sets}",
        f"Volume: {unit.say(summary.volume_kg)}",
        summary.streak_words(),
        "",
    ]
    if summary.records:
        lines.append("Records broken:")
        lines += [f"  {r.exercise_id} — {r.describe()}" for r in summary.records]
    else:
        lines.append("No record broken this time.")
    lines += ["", "Press q or enter to close. `backtone next` shows your next targets."]
    return lines
