"""The coach's side of a session: each item's target, read from the person's history.

A session's items are looked up together: the workouts holding any of their exercises come in
one query, the targets shown in those workouts in another, and each item takes its share. The
result is what one query per item would give; only the number of round trips changes.

On a ladder, the session's highest planned rung leads (it climbs as the person does) and an
item below it is support work on its own step. A readiness check-in may hold or lower a
target, never raise it, and swaps out an exercise that would load a region in pain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo

from backtone.domain.catalogue import Catalogue
from backtone.domain.dosage import dose_for
from backtone.domain.exercise import Exercise
from backtone.domain.exposure import Exposure, Target, exposures_from_workouts
from backtone.domain.kit import Kit, default_kit
from backtone.domain.ladders import ASSISTED, family_ids, ladder_of
from backtone.domain.plan import PlanItem, Role
from backtone.domain.profile import Profile
from backtone.domain.progression import Coaching, suggest_next
from backtone.domain.readiness import CheckIn, fewer_sets, hold_reason, painful
from backtone.domain.training import LoggedSet, WeightUnit, Workout
from backtone.domain.vocabulary import Equipment
from backtone.planner.items import make_item
from backtone.services.ports import UnitOfWork
from backtone.services.session_plan import RampSet, SessionItem

HISTORY_WORKOUTS = 12  # sessions back the engine reads: enough to see a stall after a deload


def kit_for(uow: UnitOfWork, user_id: int, unit: WeightUnit) -> Kit:
    """The person's kit as they set it, else the common kit in their unit (inside a uow)."""
    return uow.kits.get(user_id) or default_kit(unit)


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
    kit: Kit | None = None  # the person's loads; the unit's common kit when not set
    check_in: CheckIn | None = None
    before: datetime | None = None  # history up to here only (a past month's report)
    _history: dict[frozenset[str], list[Exposure]] = field(default_factory=dict, repr=False)

    @property
    def loads(self) -> Kit:
        return self.kit or default_kit(self.unit)

    def items(
        self, planned: Iterable[PlanItem], on: date, *, deload: bool = False
    ) -> tuple[tuple[SessionItem, ...], tuple[str, ...]]:
        """Each planned item with its target, and notes on what a check-in changed; their
        histories are read in one go."""
        planned = tuple(planned)
        support = support_items(planned)
        families = [self._family(p, p in support) for p in planned if p.role is Role.MAIN]
        self.read_history(families)
        items: list[SessionItem] = []
        notes: list[str] = []
        for p in planned:
            exercise = self.catalogue.get(p.exercise_id)
            hurt = painful(exercise, self.check_in) if p.role is Role.MAIN else frozenset()
            if hurt:
                spare = self._spare(exercise, {i.exercise_id for i in planned})
                where = " and ".join(sorted(r.value.replace("-", " ") for r in hurt))
                if spare is None:
                    notes.append(f"{exercise.name} is left out today: it loads your {where}.")
                    continue
                notes.append(
                    f"{spare.name} stands in for {exercise.name} today, sparing your {where}."
                )
                p = replace(p, exercise_id=spare.id, name=spare.name, rung=None)
            items.append(self.item(p, on, deload=deload, support=p in support))
        return tuple(items), tuple(notes)

    def item(
        self, planned: PlanItem, on: date, *, deload: bool = False, support: bool = False
    ) -> SessionItem:
        exercise = self.catalogue.get(planned.exercise_id)
        if planned.role is not Role.MAIN:
            return _as_planned(planned, exercise)
        exposures = self.exposures(self._family(planned, support))
        ctx = Coaching(
            self.catalogue, equipment=self.equipment, kit=self.loads, unit=self.unit,
            deload=deload, rung=_rung_of(planned), support=support, sets=planned.sets,
            hold_because=hold_reason(exercise, self.check_in),
        )  # fmt: skip
        suggestion = suggest_next(_with_plan_prescription(exercise, planned), exposures, on, ctx)
        chosen = self.catalogue.get(suggestion.exercise_id)
        sets = suggestion.sets
        reason = suggestion.reason
        if fewer_sets(chosen, self.check_in) and sets > 1:
            sets -= 1
            reason += "; a set fewer today for the soreness"
        last = _last_sets(exposures, chosen.id)
        return SessionItem(
            exercise_id=chosen.id, name=chosen.name, role=Role.MAIN, sets=sets,
            reps=suggestion.reps, seconds=suggestion.seconds, load_kg=suggestion.load_kg,
            rest_seconds=planned.rest_seconds,
            per_side=planned.per_side if chosen.id == exercise.id else chosen.prescription.per_side,
            change=suggestion.change, reason=reason, assisted=suggestion.assisted,
            cues=chosen.cues, last=last, planned=planned, load_kind=chosen.load,
            ramp=self._ramp(planned, chosen, suggestion.load_kg, last), rung=suggestion.rung,
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
        ramp: tuple[RampSet, ...] = ()
        if stored.role is Role.MAIN:
            last = _last_sets(self.exposures(frozenset({exercise.id})), exercise.id)
            if target.planned is not None:
                ramp = self._ramp(target.planned, exercise, target.load_kg, last)
        return SessionItem(
            exercise_id=exercise.id, name=exercise.name, role=stored.role, sets=target.sets,
            reps=target.reps, seconds=target.seconds, load_kg=target.load_kg,
            rest_seconds=stored.rest_seconds, per_side=stored.per_side, change=target.change,
            reason=stored.note, assisted=exercise.id in ASSISTED, cues=exercise.cues, last=last,
            planned=target.planned, load_kind=exercise.load, ramp=ramp, rung=target.rung,
            ticked=target.ticked,
        )  # fmt: skip

    def _ramp(
        self, planned: PlanItem, chosen: Exercise, load: float | None, last: Sequence[LoggedSet]
    ) -> tuple[RampSet, ...]:
        """The plan's ramp-up as loads the kit has: shares of today's load (or last time's),
        rounded down; a share that rounds to the working load is left out."""
        if not planned.ramp or chosen.id != planned.exercise_id:
            return ()
        working = load if load is not None else max((s.load_kg or 0 for s in last), default=0)
        if not working:
            return tuple(RampSet(step.percent, step.reps, None) for step in planned.ramp)
        found = []
        for step in planned.ramp:
            kg = self.loads.at_most(chosen.load, working * step.percent / 100)
            if kg is not None and kg < working - 1e-6:
                found.append(RampSet(step.percent, step.reps, kg))
        return tuple(found)

    def _family(self, planned: PlanItem, support: bool) -> frozenset[str]:
        """Whose history counts for an item: a support item's own rung, else its ladder (or
        just itself)."""
        ladder = ladder_of(planned.exercise_id)
        rung = _rung_of(planned)
        if support and ladder is not None and rung is not None:
            return frozenset(ladder.rungs[rung].exercise_ids)
        return family_ids(planned.exercise_id)

    def _spare(self, exercise: Exercise, taken: set[str]) -> Exercise | None:
        """An exercise of the same pattern the person can do that keeps off today's pain."""
        options = [
            e for e in self.catalogue
            if e.pattern is exercise.pattern and e.kind is exercise.kind and e.id not in taken
            and (self.equipment is None or e.doable_with(self.equipment))
            and not painful(e, self.check_in)
        ]  # fmt: skip
        shared = set(exercise.primary)
        return min(options, key=lambda e: (-len(shared & set(e.primary)), e.id), default=None)

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
                self.user_id, frozenset().union(*pending), limit, excluding=self.excluding,
                before=self.before,
            )  # fmt: skip
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


def support_items(planned: Sequence[PlanItem]) -> set[PlanItem]:
    """Main items below the session's highest planned rung of the same ladder."""
    top: dict[str, int] = {}
    for p in planned:
        ladder, rung = ladder_of(p.exercise_id), _rung_of(p)
        if p.role is Role.MAIN and ladder is not None and rung is not None:
            top[ladder.id] = max(top.get(ladder.id, rung), rung)
    return {
        p for p in planned
        if p.role is Role.MAIN and (ladder := ladder_of(p.exercise_id)) is not None
        and (rung := _rung_of(p)) is not None and rung < top[ladder.id]
    }  # fmt: skip


def _rung_of(planned: PlanItem) -> int | None:
    """The plan's rung for a ladder item; for plans saved before rungs were kept, the rung
    whose move and numbers match."""
    ladder = ladder_of(planned.exercise_id)
    if ladder is None:
        return None
    if planned.rung is not None:
        return planned.rung
    matches = [
        n for n, r in enumerate(ladder.rungs)
        if planned.exercise_id in r.exercise_ids and (r.reps, r.seconds) == (planned.reps,
                                                                            planned.seconds)
    ]  # fmt: skip
    return matches[0] if matches else None


def _main_targets(stored: Iterable[tuple[PlanItem, Target]]) -> dict[str, Target]:
    """The target each main exercise of a workout was shown (its first, if it came twice)."""
    targets: dict[str, Target] = {}
    for item, target in stored:
        if item.role is Role.MAIN:
            targets.setdefault(item.exercise_id, target)
    return targets


def item_of(exercise: Exercise, profile: Profile | None) -> PlanItem:
    """A main item for an exercise outside any plan, with this person's dose (the
    exercise's own prescription without a profile)."""
    if profile is None:
        p = exercise.prescription
        rest = int(round(p.rest_seconds.mid / 5) * 5)
        return make_item(exercise, Role.MAIN, sets=p.sets, rest_seconds=rest)
    dose = dose_for(exercise, profile)
    sets = max(dose.sets.low, min(exercise.prescription.sets, dose.sets.high))
    return make_item(
        exercise, Role.MAIN, sets=sets, rest_seconds=dose.rest_seconds, reps=dose.reps,
        seconds=dose.seconds, per_side=dose.per_side, source=dose.source,
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
        cues=exercise.cues, planned=planned, load_kind=exercise.load,
    )  # fmt: skip


def _last_sets(exposures: Iterable[Exposure], exercise_id: str) -> tuple[LoggedSet, ...]:
    """The working sets of the latest session of this very exercise."""
    mine = [e for e in exposures if e.exercise_id == exercise_id and e.working]
    if not mine:
        return ()
    return mine[0].working  # history_of reads the newest workouts first
