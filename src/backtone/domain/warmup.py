"""Ramp-up sets: lighter sets before a heavy lift, by percentage of the working load.

They warm the very muscles and joints the lift uses and rehearse its groove. They are counted
in the session's warm-up time, logged as warm-up sets, and kept out of records and progression.
"""

from __future__ import annotations

from dataclasses import dataclass

from backtone.domain.exercise import Exercise
from backtone.domain.vocabulary import LoadKind, Pattern

RAMP_SET_REST_SECONDS = 45  # the short pause after each ramp-up set


@dataclass(frozen=True)
class RampStep:
    """One ramp-up set: a share of the working load for a few reps."""

    percent: int
    reps: int

    def describe(self) -> str:
        return f"{self.percent}% x {self.reps}"


# COACHING.md: about 40-50 % x 8, 60-70 % x 5, 80-85 % x 2-3 before a heavy lift.
BARBELL_RAMP = (RampStep(50, 8), RampStep(70, 5), RampStep(85, 3))
# A second barbell lift in a session: the body is warm, one set rehearses the new groove.
SECOND_BARBELL_RAMP = (RampStep(70, 5),)
# The first loaded pull or press of a session with dumbbells, a cable or a machine.
LIGHT_RAMP = (RampStep(50, 8), RampStep(75, 4))
RAMPED_LOADS = frozenset({LoadKind.DUMBBELL, LoadKind.CABLE, LoadKind.MACHINE, LoadKind.KETTLEBELL})
RAMPED_PATTERNS = frozenset(
    {Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.HINGE, Pattern.HORIZONTAL_PUSH}
)


def ramp_for(exercise: Exercise, *, first_loaded: bool) -> tuple[RampStep, ...]:
    """The ramp before this lift: three steps for the session's first loaded lift on a
    barbell (one for a later one), two before its first loaded lift of another kind, none
    for body weight, bands and lighter work."""
    if exercise.pattern not in RAMPED_PATTERNS:
        return ()
    if exercise.load is LoadKind.BARBELL:
        return BARBELL_RAMP if first_loaded else SECOND_BARBELL_RAMP
    if exercise.load in RAMPED_LOADS and first_loaded:
        return LIGHT_RAMP
    return ()


def ramp_seconds(ramp: tuple[RampStep, ...], seconds_per_rep: float) -> int:
    """How long a ramp takes: each set's reps and its short pause."""
    return int(sum(step.reps * seconds_per_rep + RAMP_SET_REST_SECONDS for step in ramp))
