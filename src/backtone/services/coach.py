"""The coach's side of a session: each item's target, read from the person's history.

A session's items are looked up together: the workouts holding any of their exercises come in
one query, the targets shown in those workouts in another, and each item takes its share. The
result is what one query per item would give; only the number of round trips changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, tzinfo

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise
from backtone.domain.exposure import Exposure, Target, exposures_from_workouts
from backtone.domain.ladders import ASSISTED, family_ids, ladder_of
from backtone.domain.plan import PlanItem, Role
from backtone.domain.progression import suggest_next
from backtone.domain.training import LoggedSet, WeightUnit, Workout
from backtone.domain.vocabulary import Equipment
from backtone.services.ports import UnitOfWork
from backtone.services.session_plan import SessionItem

HISTORY_WORKOUTS = 12  # sessions back the engine reads: enough to see a stall after a deload


@dataclass
class Coach:
    """Targets for one person's items, read from their history."""

    uow: UnitOfWork
    catalogue: Catalogue
    user_id: int
    tz: tzinfo
    equipment: frozenset[Equipment] | None
    excluding: int | None = None  # the open workout, whose sets are today's, not history
    # Suggesting reads the targets shown in past sessions; resuming needs only their sets.
    reads_shown_targets: bool = True
    unit: WeightUnit = WeightUnit.KG  # the person's, for the loads in the reasons
    _history: dict[frozenset[str], list[Exposure]] = field(default_factory=dict, repr=False)

    def items(self, planned: Iterable[PlanItem], on: date) -> tuple[SessionItem, ...]:
        """Each planned item with its target; their histories are read in one go."""
        planned = tuple(planned)
        exercises = [self.catalogue.get(p.exercise_id) for p in planned]
        self.read_history(
            family_ids(e.id) for p, e in zip(planned, exercises, strict=True) if p.role is Role.MAIN
        )
        return tuple(self.item(p, on) for p in planned)

    def item(self, planned: PlanItem, on: date) -> SessionItem:
        exercise = self.catalogue.get(planned.exercise_id)
        if planned.role is not Role.MAIN:
            return _as_planned(planned, exercise)
        exposures = self.exposures(family_ids(exercise.id))
        suggestion = suggest_next(
            _with_plan_prescription(exercise, planned), exposures, on, self.catalogue,
            equipment=self.equipment, unit=self.unit,
        )  # fmt: skip
        chosen = self.catalogue.get(suggestion.exercise_id)
        return SessionItem(
            exercise_id=chosen.id, name=chosen.name, role=Role.MAIN, sets=suggestion.sets,
            reps=suggestion.reps, seconds=suggestion.seconds, load_kg=suggestion.load_kg,
            rest_seconds=planned.rest_seconds,
            per_side=planned.per_side if chosen.id == exercise.id else chosen.prescription.per_side,
            change=suggestion.change, reason=suggestion.reason, assisted=suggestion.assisted,
            cues=chosen.cues, last=_last_sets(exposures, chosen.id),
            planned_exercise_id=planned.exercise_id,
        )  # fmt: skip

    def resumed_items(self, stored: Iterable[tuple[PlanItem, Target]]) -> tuple[SessionItem, ...]:
        """Items as a started workout stored them (those still in the catalogue)."""
        kept = [(item, target) for item, target in stored if item.exercise_id in self.catalogue]
        self.read_history(
            frozenset({self.catalogue.get(item.exercise_id).id})
            for item, _ in kept
            if item.role is Role.MAIN
        )
        return tuple(self.resumed(item, target) for item, target in kept)

    def resumed(self, stored: PlanItem, target: Target) -> SessionItem:
        """An item as a started workout stored it, with last time's sets for the entry."""
        exercise = self.catalogue.get(stored.exercise_id)
        last: tuple[LoggedSet, ...] = ()
        if stored.role is Role.MAIN:
            last = _last_sets(self.exposures(frozenset({exercise.id})), exercise.id)
        return SessionItem(
            exercise_id=exercise.id, name=exercise.name, role=stored.role, sets=target.sets,
            reps=target.reps, seconds=target.seconds, load_kg=target.load_kg,
            rest_seconds=stored.rest_seconds, per_side=stored.per_side, change=target.change,
            reason=stored.note, assisted=exercise.id in ASSISTED, cues=exercise.cues, last=last,
            planned_exercise_id=stored.exercise_id,
        )  # fmt: skip

    def exposures(self, ids: frozenset[str]) -> list[Exposure]:
        """Past sessions of these exercises, newest first, each with the target shown then."""
        if ids not in self._history:
            self.read_history([ids])
        return list(self._history[ids])

    def read_history(self, families: Iterable[frozenset[str]]) -> None:
        """Read the last HISTORY_WORKOUTS sessions of each family of exercises, together.

        One query asks for the newest workouts holding any of the families. A family that
        finds fewer than its share while that query was cut short (others filled it) is asked
        again, with the others still short, in a query as long as all their shares: that
        one leaves at least one of them complete, so it ends, and usually after one query.
        """
        pending = [f for f in dict.fromkeys(families) if f not in self._history]
        chosen: dict[frozenset[str], list[Workout]] = {}
        limit = HISTORY_WORKOUTS
        while pending:
            recent = self.uow.workouts.history_of(
                self.user_id, frozenset().union(*pending), limit, excluding=self.excluding
            )
            complete = len(recent) < limit  # every workout holding any of them is here
            short = []
            for family in pending:
                held = [w for w in recent if any(s.exercise_id in family for s in w.sets)]
                if complete or len(held) >= HISTORY_WORKOUTS:
                    chosen[family] = held[:HISTORY_WORKOUTS]
                else:
                    short.append(family)
            pending, limit = short, HISTORY_WORKOUTS * len(short)
        shown: dict[int, dict[str, Target]] = {}
        if chosen and self.reads_shown_targets:
            ids = sorted({w.id for held in chosen.values() for w in held if w.id is not None})
            asked = self.uow.workouts.targets(self.user_id, ids)
            shown = {workout_id: _main_targets(items) for workout_id, items in asked.items()}
        for family, held in chosen.items():
            self._history[family] = [
                replace(e, target=shown.get(workout.id or 0, {}).get(e.exercise_id))
                for workout in held
                for e in exposures_from_workouts([workout], family, self.tz)
            ]


def _main_targets(stored: Iterable[tuple[PlanItem, Target]]) -> dict[str, Target]:
    """The target each main exercise of a workout was shown (its first, if it came twice)."""
    targets: dict[str, Target] = {}
    for item, target in stored:
        if item.role is Role.MAIN:
            targets.setdefault(item.exercise_id, target)
    return targets


def item_of(exercise: Exercise) -> PlanItem:
    """A main item with the exercise's own prescription (rest to the nearest 5 s)."""
    p = exercise.prescription
    return PlanItem(
        exercise_id=exercise.id, name=exercise.name, role=Role.MAIN, sets=p.sets,
        rest_seconds=int(round(p.rest_seconds.mid / 5) * 5), reps=p.reps, seconds=p.seconds,
        per_side=p.per_side,
    )  # fmt: skip


def _with_plan_prescription(exercise: Exercise, planned: PlanItem) -> Exercise:
    """The exercise with the plan's sets and range, so the engine progresses within them.

    Ladder exercises keep their rungs' targets: the ladder decides what comes next.
    """
    if ladder_of(exercise.id) is not None:
        return exercise
    prescription = replace(
        exercise.prescription, sets=planned.sets, reps=planned.reps, seconds=planned.seconds
    )
    return replace(exercise, prescription=prescription)


def _as_planned(planned: PlanItem, exercise: Exercise) -> SessionItem:
    return SessionItem(
        exercise_id=exercise.id, name=exercise.name, role=planned.role, sets=planned.sets,
        reps=planned.reps, seconds=planned.seconds, load_kg=None,
        rest_seconds=planned.rest_seconds, per_side=planned.per_side, reason=planned.note,
        cues=exercise.cues, planned_exercise_id=planned.exercise_id,
    )  # fmt: skip


def _last_sets(exposures: Iterable[Exposure], exercise_id: str) -> tuple[LoggedSet, ...]:
    """The working sets of the latest session of this very exercise."""
    mine = [e for e in exposures if e.exercise_id == exercise_id and e.working]
    if not mine:
        return ()
    return mine[0].working  # history_of reads the newest workouts first
