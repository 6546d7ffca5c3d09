"""The progression engine: what to do next time on an exercise, and why, from what was done.

`suggest_next` reads the latest session of an exercise (or of any rung of its ladder) and
applies the rules of `progression_rules` in a fixed order: a long break steps back; a set that
was a grind holds; every set at the top of the range earns the next step (more load, less help,
or the next rung); three sessions without progress deload or switch variant; a session that
felt too easy adds load; anything else asks for one more rep.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise, Span
from backtone.domain.exposure import BACKWARD, Change, Exposure, Spot, Target, locate
from backtone.domain.ladders import ASSISTED, VARIANTS, Ladder, family_ids, ladder_of
from backtone.domain.progression_rules import (
    RULES,
    Rules,
    add_help,
    describe_load,
    load_step,
    reduce_by,
    step_down,
    step_up,
)
from backtone.domain.progression_words import did, effort_words, help_words, load_words
from backtone.domain.suggestion import Suggestion, here, on_exercise, on_rung, pick
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Equipment, LoadKind

__all__ = ["Change", "Exposure", "Suggestion", "Target", "suggest_next"]


@dataclass(frozen=True)
class _Context:
    catalogue: Catalogue
    equipment: frozenset[Equipment] | None
    rules: Rules
    planned: Exercise

    def lookup(self, exercise_id: str) -> Exercise:
        if exercise_id == self.planned.id:
            return self.planned
        return self.catalogue.get(exercise_id)

    def doable(self, exercise_id: str) -> bool:
        if exercise_id not in self.catalogue:
            return False
        return self.equipment is None or self.catalogue.get(exercise_id).doable_with(self.equipment)


def suggest_next(
    exercise: Exercise,
    exposures: Sequence[Exposure],
    today: date,
    catalogue: Catalogue,
    *,
    equipment: frozenset[Equipment] | None = None,
    rules: Rules = RULES,
    unit: WeightUnit = WeightUnit.KG,
) -> Suggestion:
    """Next time's sets, reps and load for a planned exercise, with the reason in one line.

    Pass the exposures of every id in `ladders.family_ids(exercise.id)`; the latest decides
    where the person is, so someone who climbed a rung is picked up there. Loads are
    kilograms; the reason says them in `unit`.
    """
    ctx = _Context(catalogue, equipment, rules, exercise)
    ladder = ladder_of(exercise.id)
    family = family_ids(exercise.id)
    history = sorted(
        (e for e in exposures if e.exercise_id in family and e.working and e.day <= today),
        key=lambda e: e.day,
    )
    if not history:
        return _start(exercise, ladder, ctx)
    spots = [locate(e, ctx.lookup(e.exercise_id), ladder, unit) for e in history]
    spot = spots[-1]
    gap = (today - spot.exposure.day).days
    if gap > rules.break_days:
        return _after_break(spot, gap, ctx)
    if max(spot.done, default=0) == 0:
        return _could_not(spot, ctx)
    if _too_hard(spot, rules):
        words = effort_words(spot, hard=True)
        keep = f"keep {_load_or_this(spot)} and" if _has_load(spot) else "keep"
        why = f"{did(spot)}, {words}: {keep} the same target"
        return here(spot, Change.HOLD, why)
    if spot.top_reached:
        return _progress(spot, ctx, did(spot))
    window, after_easier = _since_fresh_start(spots)
    if _stalled(window, rules):
        return _unstick(spot, rules.stall_exposures, after_easier, ctx)
    if _too_easy(spot, rules):
        return _push(spot, ctx)
    return _more_reps(spot, rules)


def _start(exercise: Exercise, ladder: Ladder | None, ctx: _Context) -> Suggestion:
    name = exercise.name
    if ladder is not None:
        n = ladder.rungs_of(exercise.id)[0]
        rung = ladder.rungs[n]
        how = f", {rung.how}" if rung.how else ""
        low = (rung.reps or rung.seconds or Span(0, 0)).low
        why = f"First time on {name}: {rung.target()}{how}" + _pick_hint(exercise, low)
        return on_rung(ladder, n, Change.START, why, ctx.doable, keep=exercise.id, load=None)
    p = exercise.prescription
    low = (p.reps or p.seconds or Span(0, 0)).low
    why = f"First time on {name}: {p.sets} x {p.reps or p.seconds}" + _pick_hint(exercise, low)
    return on_exercise(exercise, Change.START, why, load=None)


def _pick_hint(exercise: Exercise, low: int) -> str:
    if exercise.id in ASSISTED:
        return f"; pick the help that lets you do about {low + 2} clean reps"
    if exercise.load in (LoadKind.BODYWEIGHT, LoadKind.UNLOADED):
        return ""
    return f"; pick a load you could lift about {low + 2} times with good form"


def _after_break(spot: Spot, gap: int, ctx: _Context) -> Suggestion:
    rules = ctx.rules
    long = gap > rules.long_break_days
    away = f"{gap} days since your last {spot.exercise.name}"
    if spot.kind is LoadKind.UNLOADED and spot.ladder is None:
        return here(spot, Change.HOLD, f"{away}: carry on as before")
    if spot.ladder is not None and spot.rung and long:
        back = spot.rung - 1
        name = ctx.lookup(pick(spot.ladder, back, ctx.doable, spot.exercise.id)).name
        why = f"{away}: go back one rung to {name} and climb again"
        return on_rung(spot.ladder, back, Change.STEP_BACK, why, ctx.doable, keep=spot.exercise.id)
    if spot.assisted and spot.load_kg is not None:
        more = add_help(spot.kind, spot.load_kg, rules)
        why = f"{away}: take a little more help ({help_words(spot.kind, more, spot.unit)}) to start"
        return here(spot, Change.STEP_BACK, why + _restart(spot), load=more)
    if _loadable(spot):
        if spot.load_kg is None:
            why = f"{away}: start a little lighter than last time"
            return here(spot, Change.STEP_BACK, why + _restart(spot), load=None)
        fraction = rules.long_break_fraction if long else rules.break_fraction
        kind = LoadKind.BODYWEIGHT if spot.added_load else spot.kind
        lighter = reduce_by(kind, spot.load_kg, fraction, rules)
        why = f"{away}: ease back in at {load_words(spot, lighter)}"
        return here(spot, Change.STEP_BACK, why + _restart(spot), load=lighter)
    sets = max(1, spot.sets - 1) if long else spot.sets
    fewer = f"{sets} x {spot.span.low}{_unit(spot)}"
    return here(spot, Change.STEP_BACK, f"{away}: fewer reps to start with, {fewer}", sets=sets)


def _could_not(spot: Spot, ctx: _Context) -> Suggestion:
    none_yet = f"No full rep of {spot.exercise.name} yet"
    if spot.assisted and spot.load_kg is not None:
        more = add_help(spot.kind, spot.load_kg, ctx.rules)
        why = f"{none_yet}: take more help ({help_words(spot.kind, more, spot.unit)})"
        return here(spot, Change.STEP_BACK, why, load=more)
    if spot.ladder is not None and spot.rung:
        back = spot.rung - 1
        name = ctx.lookup(pick(spot.ladder, back, ctx.doable, spot.exercise.id)).name
        why = f"{none_yet}: go back to {name} and build up"
        return on_rung(spot.ladder, back, Change.STEP_BACK, why, ctx.doable, keep=spot.exercise.id)
    easier = [i for i in spot.exercise.easier if ctx.doable(i)]
    if spot.ladder is None and spot.kind is LoadKind.BODYWEIGHT and easier:
        other = ctx.lookup(easier[0])
        why = f"{none_yet}: build up on {other.name} first"
        return on_exercise(other, Change.STEP_BACK, why, load=None)
    return here(spot, Change.HOLD, f"{none_yet}: try the same again, fresh")


def _too_hard(spot: Spot, rules: Rules) -> bool:
    grind = any(
        (rpe is not None and rpe >= rules.hard_rpe) or (rir is not None and rir <= rules.hard_rir)
        for rpe, rir in spot.efforts()
    )
    target = spot.exposure.target
    asked = target.reps or target.seconds if target is not None else None
    low = (asked or spot.span).low
    return grind and (spot.weakest < low or len(spot.done) < spot.sets)


def _too_easy(spot: Spot, rules: Rules) -> bool:
    rated = [(rpe, rir) for rpe, rir in spot.efforts() if rpe is not None or rir is not None]
    easy = all(
        (rpe is not None and rpe <= rules.easy_rpe) or (rir is not None and rir >= rules.easy_rir)
        for rpe, rir in rated
    )
    return bool(rated) and easy and spot.weakest >= spot.span.low


def _progress(spot: Spot, ctx: _Context, done: str) -> Suggestion:
    """Every set reached the top of the range: the next step for this kind of exercise."""
    rules = ctx.rules
    if spot.assisted:
        if spot.load_kg is None:
            why = f"{done}: use a lighter band or less counterweight"
            return here(spot, Change.ADD_LOAD, why + _restart(spot), load=None)
        less = step_down(spot.kind, spot.load_kg, rules)
        if less > 0 and spot.load_kg > rules.assist_climb_kg:
            why = f"{done}: take {help_words(spot.kind, less, spot.unit)}"
            return here(spot, Change.ADD_LOAD, why + _restart(spot), load=less)
        return _climb(spot, ctx, done)
    if spot.added_load:
        heavier = step_up(LoadKind.BODYWEIGHT, spot.load_kg or 0.0, rules)
        assert heavier is not None
        why = f"{done}: add {spot.unit.say(heavier - (spot.load_kg or 0))}"
        return here(spot, Change.ADD_LOAD, why + _restart(spot), load=heavier)
    if spot.ladder is not None:
        return _climb(spot, ctx, done)
    if spot.kind is LoadKind.UNLOADED or spot.seconds is not None:
        return here(spot, Change.HOLD, f"{done}: that is the whole prescription; keep it up")
    if spot.kind is LoadKind.BODYWEIGHT:
        harder = [i for i in spot.exercise.harder if ctx.doable(i)]
        if harder:
            other = ctx.lookup(harder[0])
            why = f"{done}: move on to {other.name}"
            return on_exercise(other, Change.CLIMB_RUNG, why, load=None)
        why = f"{done}: top of the range; keep it and lower over 3 s to make it harder"
        return here(spot, Change.HOLD, why)
    return _heavier(spot, ctx, done)


def _heavier(spot: Spot, ctx: _Context, done: str) -> Suggestion:
    if spot.load_kg is None:
        why = f"{done}: take the next weight up"
        return here(spot, Change.ADD_LOAD, why + _restart(spot), load=None)
    heavier = step_up(spot.kind, spot.load_kg, ctx.rules)
    if heavier is None:
        why = f"{done}: no heavier band; keep it and slow every rep down"
        return here(spot, Change.HOLD, why)
    if spot.kind is LoadKind.BAND:
        why = f"{done}: move up to {describe_load(spot.kind, heavier)}"
    else:
        why = f"{done}: add {load_words(spot, heavier - spot.load_kg)}"
    return here(spot, Change.ADD_LOAD, why + _restart(spot), load=heavier)


def _climb(spot: Spot, ctx: _Context, done: str) -> Suggestion:
    assert spot.ladder is not None and spot.rung is not None
    up = spot.rung + 1
    if up >= len(spot.ladder.rungs):
        why = f"{done}: top of the {spot.ladder.name.lower()}; keep it and slow the lowering"
        return here(spot, Change.HOLD, why)
    rung = spot.ladder.rungs[up]
    exercise_id = pick(spot.ladder, up, ctx.doable, spot.exercise.id)
    first = load_step(LoadKind.BODYWEIGHT, 0.0, ctx.rules) if rung.added_load else None
    how = f", {rung.how}" if rung.how else ""
    name = ctx.lookup(exercise_id).name
    why = f"{done}: climb to {name}, {rung.target()}{how}"
    if exercise_id in ASSISTED:
        why += _pick_hint(ctx.lookup(exercise_id), (rung.reps or Span(0, 0)).low)
    return on_rung(
        spot.ladder, up, Change.CLIMB_RUNG, why, ctx.doable, keep=exercise_id, load=first
    )


def _since_fresh_start(spots: list[Spot]) -> tuple[list[Spot], bool]:
    """The sessions since the last fresh start, and whether that start made things easier."""
    for n in range(len(spots) - 1, 0, -1):
        now, before = spots[n], spots[n - 1]
        target = now.exposure.target
        if target is not None and target.change in BACKWARD:
            return spots[n:], True
        if now.score[0] < before.score[0]:
            return spots[n:], True
        moved = (now.exercise.id, now.rung) != (before.exercise.id, before.rung)
        if moved or (target is not None and target.change in (Change.START, Change.CLIMB_RUNG)):
            return spots[n:], False
        if target is not None and target.change is Change.SWITCH_VARIANT:
            return spots[n:], False
    return spots, False


def _stalled(window: list[Spot], rules: Rules) -> bool:
    """No session among the last few beat the best one before it."""
    count = rules.stall_exposures
    if len(window) <= count:
        return False
    return all(
        window[n].score <= max(s.score for s in window[:n])
        for n in range(len(window) - count, len(window))
    )


def _unstick(spot: Spot, sessions: int, after_easier: bool, ctx: _Context) -> Suggestion:
    stuck = f"No progress in the last {sessions} sessions" + (
        f" at {_load_or_this(spot)}" if spot.load_kg else ""
    )
    options = _variants(spot, ctx)
    loadable = spot.load_kg is not None and (_loadable(spot) or spot.assisted)
    if options and (after_easier or not loadable):
        other = ctx.lookup(options[0])
        again = " even after a deload" if after_easier and loadable else ""
        why = f"{stuck}{again}: switch to {other.name} for a while"
        keep = spot.load_kg if other.load is spot.kind and loadable else None
        if spot.ladder is not None and spot.rung is not None:
            return on_rung(
                spot.ladder,
                spot.rung,
                Change.SWITCH_VARIANT,
                why,
                ctx.doable,
                keep=other.id,
                load=keep,
            )
        return on_exercise(other, Change.SWITCH_VARIANT, why, load=keep)
    if loadable and spot.load_kg is not None:
        if spot.assisted:
            easier = add_help(spot.kind, spot.load_kg, ctx.rules)
            why = f"{stuck}: take more help ({help_words(spot.kind, easier, spot.unit)})"
        else:
            kind = LoadKind.BODYWEIGHT if spot.added_load else spot.kind
            easier = reduce_by(kind, spot.load_kg, ctx.rules.deload_fraction, ctx.rules)
            why = f"{stuck}: drop to {load_words(spot, easier)}"
        return here(spot, Change.DELOAD, why + _restart(spot), load=easier)
    sets = max(1, spot.sets - 1)
    why = f"{stuck}: one set fewer today to recover, then build back up"
    return here(spot, Change.DELOAD, why, sets=sets)


def _variants(spot: Spot, ctx: _Context) -> list[str]:
    """Stand-ins at the same stage, those no harder than the current move first: a stall is
    no time for a harder grip."""
    if spot.ladder is not None and spot.rung is not None:
        ids = spot.ladder.rungs[spot.rung].exercise_ids
    else:
        ids = VARIANTS.get(spot.exercise.id, ())
    found = [i for i in ids if i != spot.exercise.id and ctx.doable(i)]
    return sorted(found, key=lambda i: i in spot.exercise.harder)


def _push(spot: Spot, ctx: _Context) -> Suggestion:
    """The session felt too easy (seed 000: feeling nothing means the weight is too light)."""
    felt = f"{did(spot)}, {effort_words(spot, hard=False)}"
    if spot.assisted or spot.added_load or _loadable(spot):
        return _progress(spot, ctx, felt)
    if spot.kind is LoadKind.UNLOADED:
        return _more_reps(spot, ctx.rules)
    why = f"{felt}: go for {spot.span.high}{_unit(spot)} in every set"
    return here(spot, Change.ADD_REPS, why, low=spot.span.high)


def _more_reps(spot: Spot, rules: Rules) -> Suggestion:
    low = spot.span.low
    if spot.weakest < low:
        where = _load_or_this(spot) if _has_load(spot) else "this rung" if spot.ladder else "it"
        why = f"{did(spot)}: stay at {where} until every set reaches {low}"
        return here(spot, Change.HOLD, why + _unit(spot))
    step = rules.seconds_step if spot.seconds is not None else 1
    aim = min(int(spot.weakest) + step, spot.span.high)
    same = f"same {_load_or_this(spot)}, " if _has_load(spot) else ""
    why = f"{did(spot)}: {same}aim for {aim}{_unit(spot)} in every set"
    return here(spot, Change.ADD_REPS, why, low=aim)


def _loadable(spot: Spot) -> bool:
    """Progress is by weight: free weights, stacks, bands, or a belt on the top rung."""
    return spot.added_load or spot.kind not in (LoadKind.BODYWEIGHT, LoadKind.UNLOADED)


def _has_load(spot: Spot) -> bool:
    return spot.load_kg is not None and (spot.assisted or spot.load_kg > 0)


def _load_or_this(spot: Spot) -> str:
    if not _has_load(spot) or spot.load_kg is None:
        return "the same"
    if spot.assisted:
        return help_words(spot.kind, spot.load_kg, spot.unit)
    return load_words(spot, spot.load_kg)


def _unit(spot: Spot) -> str:
    return " s" if spot.seconds is not None else ""


def _restart(spot: Spot) -> str:
    return f" and restart at {spot.span.low}{_unit(spot)}"
