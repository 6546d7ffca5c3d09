"""Bodyweight ladders and variant groups: the explicit order in which exercises get harder.

A rung is a stage: an exercise (or one of its stand-ins) with the sets and reps that must be
reached, every set, before climbing. The same exercise can fill several rungs with bigger
targets (pull-ups 2 x 1-3, then 3 x 3-5, then 3 x 5-8). Tests check every id against the
catalogue and every climb against its easier/harder links.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from backtone.domain.exercise import Exercise, Source, Span


@dataclass(frozen=True)
class Entry:
    """What a self-test must show to start on a rung: at least these many full reps of the
    ladder's test move, or a hang this long. Zero everywhere: anyone may start there."""

    reps: int = 0
    hang_seconds: int = 0

    def met_by(self, reps: int, hang_seconds: int) -> bool:
        return reps >= self.reps and hang_seconds >= self.hang_seconds

    def words(self, test: str) -> str:
        if self.reps:
            return f"{self.reps}+ {test}"
        if self.hang_seconds:
            return f"a {self.hang_seconds} s hang"
        return "a first step"


DEFAULT_REST = Span(60, 90)


@dataclass(frozen=True)
class Rung:
    """A stage of a ladder: its exercise (or stand-ins), the sets and reps (or hold) that must
    be reached every set before climbing, the rest between sets, and who starts here."""

    exercise_id: str
    sets: int
    reps: Span | None = None
    seconds: Span | None = None
    alternatives: tuple[str, ...] = ()  # stand-ins at the same stage, for equipment or variety
    added_load: bool = False  # the top: double progression with weight on a belt
    how: str = ""  # a short cue said when the rung starts
    rest_seconds: Span = DEFAULT_REST
    source: Source = Source.DEFAULT  # where the numbers come from
    entry: Entry = Entry()

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        return (self.exercise_id, *self.alternatives)

    def target(self) -> str:
        amount = f"{self.reps}" if self.reps is not None else f"{self.seconds} s"
        return f"{self.sets} x {amount}"

    def source_for(self, exercise: Exercise) -> Source:
        """The rung's source where the exercise is one the source names, else the default:
        seed 003 gives 2 x 1-3 for its close- and wide-grip pull-ups, not for chin-ups."""
        return self.source if self.source in exercise.featured_in else Source.DEFAULT


@dataclass(frozen=True)
class Placement:
    """Where a person starts on a ladder, and the answer that put them there."""

    ladder: Ladder
    rung: int
    because: str  # "you did 0 strict pull-ups and a 35 s hang in the self-test"


@dataclass(frozen=True)
class Ladder:
    id: str
    name: str
    test: str  # the move the self-test counts, e.g. "pull-ups"
    rungs: tuple[Rung, ...]

    @property
    def exercise_ids(self) -> frozenset[str]:
        return frozenset(i for rung in self.rungs for i in rung.exercise_ids)

    @property
    def first_full(self) -> int:
        """The first rung that asks for full reps of the test move (the first pull-up)."""
        return next(n for n, r in enumerate(self.rungs) if r.entry.reps >= 1)

    def rungs_of(self, exercise_id: str) -> list[int]:
        return [n for n, rung in enumerate(self.rungs) if exercise_id in rung.exercise_ids]

    def place(
        self, reps: int, hang_seconds: int = 0, usable: Callable[[str], bool] = lambda _: True
    ) -> int | None:
        """The highest rung whose entry a self-test meets and that has a move the person can
        do (with their kit and limitations); None when no rung has one."""
        met = [
            n for n, r in enumerate(self.rungs)
            if r.entry.met_by(reps, hang_seconds) and any(usable(i) for i in r.exercise_ids)
        ]  # fmt: skip
        if met:
            return max(met)
        return next((n for n, r in enumerate(self.rungs) if any(map(usable, r.exercise_ids))),
                    None)  # fmt: skip

    def locate(
        self,
        exercise_id: str,
        *,
        reps_done: Sequence[int],
        loaded: bool,
        target: tuple[int, Span | None] | None = None,
    ) -> int:
        """Which rung a session on `exercise_id` belonged to.

        The target shown at the time settles it; without one (logged freely, or imported), a
        session with added load sits on the loaded rung, else on the highest rung whose
        bottom its best sets all reached, as many sets as the rung asks: one set of 6 pull-ups
        followed by 2 and 1 is the first-full-reps rung, not 3 x 5-8.
        """
        candidates = self.rungs_of(exercise_id)
        if not candidates:
            raise KeyError(exercise_id)
        if len(candidates) == 1:
            return candidates[0]
        if target is not None:
            for n in candidates:
                rung = self.rungs[n]
                if (rung.sets, rung.reps) == target and rung.added_load == loaded:
                    return n
        if loaded:
            for n in reversed(candidates):
                if self.rungs[n].added_load:
                    return n
        best = sorted(reps_done, reverse=True)

        def reached(rung: Rung) -> bool:
            wanted = best[: rung.sets]
            low = rung.reps.low if rung.reps is not None else 0
            return len(wanted) == rung.sets and min(wanted) >= low

        fitting = [n for n in candidates if not self.rungs[n].added_load and reached(self.rungs[n])]
        return fitting[-1] if fitting else candidates[0]


PULL_UP_LADDER = Ladder(
    id="pull-up",
    name="Pull-up ladder",
    test="pull-ups",
    rungs=(
        Rung("dead-hang", 3, seconds=Span(20, 30), how="hang with straight arms",
             rest_seconds=Span(60, 60)),
        Rung("scapular-pull-up", 3, reps=Span(8, 10), how="arms straight, shoulders only",
             rest_seconds=Span(60, 60), entry=Entry(hang_seconds=20)),
        Rung("negative-pull-up", 3, reps=Span(3, 5), how="jump to the top, lower over 3-5 s",
             rest_seconds=Span(90, 90), entry=Entry(hang_seconds=30)),
        Rung("band-assisted-pull-up", 3, reps=Span(5, 8),
             alternatives=("assisted-pull-up", "spotted-pull-up"),
             how="with a band or the assisted machine", rest_seconds=Span(90, 90),
             entry=Entry(hang_seconds=45)),
        # Seed 003's prescription for its close- and wide-grip pull-ups: the first full reps.
        Rung("close-grip-pull-up", 2, reps=Span(1, 3),
             alternatives=("wide-grip-pull-up", "pull-up", "chin-up"), how="your first full reps",
             rest_seconds=Span(60, 60), source=Source.SEED_003, entry=Entry(reps=1)),
        Rung("pull-up", 3, reps=Span(3, 5), alternatives=("chin-up",),
             rest_seconds=Span(90, 120), entry=Entry(reps=4)),
        Rung("pull-up", 3, reps=Span(5, 8), alternatives=("chin-up",),
             rest_seconds=Span(90, 120), entry=Entry(reps=6)),
        Rung("wide-grip-pull-up", 3, reps=Span(5, 8), alternatives=("close-grip-pull-up",),
             how="harder grips", rest_seconds=Span(120, 150), entry=Entry(reps=8)),
        Rung("pull-up", 3, reps=Span(5, 8), added_load=True, how="a small plate on a belt",
             rest_seconds=Span(120, 180), entry=Entry(reps=12)),
    ),
)  # fmt: skip

PUSH_UP_LADDER = Ladder(
    id="push-up",
    name="Push-up ladder",
    test="push-ups",
    rungs=(
        Rung("wall-push-up", 3, reps=Span(12, 15), rest_seconds=Span(45, 45)),
        Rung("incline-push-up", 3, reps=Span(10, 12), how="hands on a bench or table",
             rest_seconds=Span(45, 60), entry=Entry(reps=1)),
        Rung("knee-push-up", 3, reps=Span(8, 12), how="a straight line from head to knees",
             rest_seconds=Span(45, 60), entry=Entry(reps=3)),
        Rung("push-up", 3, reps=Span(3, 5), how="a straight line from head to heels",
             rest_seconds=Span(60, 60), entry=Entry(reps=5)),
        Rung("push-up", 3, reps=Span(6, 10), rest_seconds=Span(60, 60), entry=Entry(reps=8)),
        # Seed 003's routine: 3 x 10 with 30-60 s rest, for someone with reps to spare.
        Rung("push-up", 3, reps=Span(10, 10), alternatives=("wide-push-up",),
             rest_seconds=Span(30, 60), source=Source.SEED_003, entry=Entry(reps=13)),
        Rung("decline-push-up", 3, reps=Span(6, 10), alternatives=("diamond-push-up",),
             rest_seconds=Span(60, 90), entry=Entry(reps=20)),
        Rung("decline-push-up", 3, reps=Span(10, 15), alternatives=("diamond-push-up",),
             rest_seconds=Span(60, 90), entry=Entry(reps=30)),
    ),
)  # fmt: skip

LADDERS: tuple[Ladder, ...] = (PULL_UP_LADDER, PUSH_UP_LADDER)

# Stand-ins of about the same difficulty to switch to when an exercise stalls twice.
VARIANTS: dict[str, tuple[str, ...]] = {
    "bent-over-dumbbell-row": ("single-arm-dumbbell-row", "chest-supported-dumbbell-row"),
    "single-arm-dumbbell-row": ("chest-supported-dumbbell-row", "bent-over-dumbbell-row"),
    "chest-supported-dumbbell-row": ("single-arm-dumbbell-row", "bent-over-dumbbell-row"),
    "barbell-row": ("bent-over-dumbbell-row",),
    "barbell-deadlift": ("romanian-deadlift",),
    "romanian-deadlift": ("dumbbell-romanian-deadlift", "barbell-deadlift"),
    "dumbbell-romanian-deadlift": ("romanian-deadlift",),
    "dumbbell-pullover": ("single-arm-dumbbell-pullover",),
    "single-arm-dumbbell-pullover": ("dumbbell-pullover",),
    "seated-cable-row": ("chest-supported-dumbbell-row",),
    "face-pull": ("band-face-pull",),
    "band-face-pull": ("band-reverse-fly",),
    "band-reverse-fly": ("band-face-pull",),
    "dumbbell-reverse-fly": ("band-reverse-fly",),
}

# Exercises whose load is help: progress means less of it, and none left means the next rung.
ASSISTED: frozenset[str] = frozenset({"band-assisted-pull-up", "assisted-pull-up"})


def ladder_of(exercise_id: str, ladders: Sequence[Ladder] = LADDERS) -> Ladder | None:
    """The ladder an exercise is a rung of, if any."""
    return next((lad for lad in ladders if exercise_id in lad.exercise_ids), None)


def family_ids(exercise_id: str) -> frozenset[str]:
    """Every id whose history counts for this exercise: its whole ladder, or just itself.

    Callers fetch the exposures for all of them, so that a person who climbed a rung is picked
    up where they are. Variants are not included: after a switch the plan item is swapped.
    """
    ladder = ladder_of(exercise_id)
    return ladder.exercise_ids if ladder is not None else frozenset({exercise_id})
