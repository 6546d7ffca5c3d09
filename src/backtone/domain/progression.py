"""The progression engine: what to do next time on an exercise, and why, from what was done.

`suggest_next` reads the latest session of a planned item (for a ladder, of any rung of it)
and applies the rules of docs/progression.md in a fixed order: a long break steps back; no rep
at all steps back; a deload week eases off and never adds; a grind holds the load and the
target; every set at the top of the range earns the next step (the next load the person's kit
has and a restart at the bottom, less help, or one rung up); three sessions without progress
deload or switch variant; a session that felt too easy adds load; anything else asks for one
more rep. Every reason is made from the same numbers as the target it explains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise, Span
from backtone.domain.exposure import BACKWARD, Change, Exposure, Spot, Target, locate
from backtone.domain.kit import KILO_KIT, Kit, default_kit
from backtone.domain.ladders import ASSISTED, VARIANTS, Ladder, family_ids, ladder_of
from backtone.domain.progression_rules import RULES, Rules, describe_load
from backtone.domain.progression_words import did, effort_words, help_words, load_words
from backtone.domain.suggestion import Suggestion, here, on_exercise, on_rung, pick
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Equipment, LoadKind

__all__ = ["RAISES", "Change", "Coaching", "Exposure", "Suggestion", "Target", "suggest_next"]

# The changes that ask for more than last time; a deload week or a check-in never allows them.
RAISES = frozenset({Change.ADD_REPS, Change.ADD_LOAD, Change.CLIMB_RUNG})


@dataclass(frozen=True)
class Coaching:
    """What the engine knows besides the history: the person's kit and unit, the plan's week.

    `rung` is the plan's rung for a ladder item; `support` marks a ladder item below the
    session's lead on the same ladder, which works its own step and does not climb; `sets` is
    the plan's sets this week (a deload week has one fewer); `deload` says the plan's week is
    a deload, in which nothing goes up; `hold_because` (from a readiness check-in) holds
    anything that would go up at last time's numbers, and says why.
    """

    catalogue: Catalogue
    equipment: frozenset[Equipment] | None = None
    kit: Kit = KILO_KIT
    unit: WeightUnit = WeightUnit.KG
    rules: Rules = RULES
    deload: bool = False
    rung: int | None = None
    support: bool = False
    sets: int | None = None
    hold_because: str = ""  # a readiness check-in's reason: nothing goes up today
    planned: Exercise | None = field(default=None, compare=False)

    def lookup(self, exercise_id: str) -> Exercise:
        if self.planned is not None and exercise_id == self.planned.id:
            return self.planned
        return self.catalogue.get(exercise_id)

    def doable(self, exercise_id: str) -> bool:
        if exercise_id not in self.catalogue:
            return False
        return self.equipment is None or self.catalogue.get(exercise_id).doable_with(self.equipment)

    def say(self, spot: Spot, kg: float) -> str:
        return load_words(spot, kg, self.kit)


def suggest_next(
    exercise: Exercise, exposures: Sequence[Exposure], today: date, coaching: Coaching
) -> Suggestion:
    """Next time's sets, reps and load for a planned exercise, with the reason in one line.

    Pass the exposures of every id in `ladders.family_ids(exercise.id)`. For a ladder the
    latest session decides where the person is, on the highest rung they worked that day
    (not the last one logged), so someone who climbed is picked up there. Loads are
    kilograms; the reason says them in `coaching.unit`.
    """
    ctx = _with_planned(coaching, exercise)
    ladder = ladder_of(exercise.id)
    family = _family(exercise, ladder, ctx)
    history = sorted(
        (e for e in exposures if e.exercise_id in family and e.working and e.day <= today),
        key=lambda e: e.day,
    )
    if not history:
        return _start(exercise, ladder, ctx)
    spots = _sessions(history, ladder, ctx)
    suggestion = _next(spots, today, ctx)
    if ctx.hold_because and suggestion.change in RAISES:
        return _held(spots[-1], ctx)
    return suggestion


def _next(spots: list[Spot], today: date, ctx: Coaching) -> Suggestion:
    spot = spots[-1]
    gap = (today - spot.exposure.day).days
    if gap > ctx.rules.break_days:
        return _after_break(spot, gap, ctx)
    if max(spot.done, default=0) == 0:
        return _could_not(spot, ctx)
    if ctx.deload:
        return _deload_week(spot, ctx)
    if _grind(spot, ctx.rules):
        return _hold_after_grind(spot, ctx)
    if spot.top_reached:
        return _progress(spot, ctx, did(spot, ctx.kit))
    window, after_easier = _since_fresh_start(spots)
    if _stalled(window, ctx.rules):
        return _unstick(spot, ctx.rules.stall_exposures, after_easier, ctx)
    if _too_easy(spot, ctx.rules):
        return _push(spot, ctx)
    return _more_reps(spot, ctx)


def _held(spot: Spot, ctx: Coaching) -> Suggestion:
    """Last time's numbers again: what a readiness check-in allows when it holds things."""
    target = spot.exposure.target
    low = (target.reps or target.seconds or spot.span).low if target is not None else spot.span.low
    keep = f"keep {_load_or_this(spot, ctx)} and" if _has_load(spot) else "keep"
    why = f"{did(spot, ctx.kit)}: {ctx.hold_because}, so {keep} last time's target, {low}"
    return here(spot, Change.HOLD, why + f"{_unit(spot)} or more", low=low,
                sets=_planned_sets(spot, ctx))  # fmt: skip


def _with_planned(coaching: Coaching, exercise: Exercise) -> Coaching:
    return replace(coaching, planned=exercise)


def _family(exercise: Exercise, ladder: Ladder | None, ctx: Coaching) -> frozenset[str]:
    """Whose history counts: the whole ladder for its lead item, the rung's moves for a
    support item, else the exercise itself."""
    if ladder is not None and ctx.support and ctx.rung is not None:
        return frozenset(ladder.rungs[ctx.rung].exercise_ids)
    return family_ids(exercise.id)


def _sessions(history: Sequence[Exposure], ladder: Ladder | None, ctx: Coaching) -> list[Spot]:
    """One spot per session day: on a ladder, the highest rung worked that day."""
    by_day: dict[date, list[Spot]] = {}
    for e in history:
        spot = locate(e, ctx.lookup(e.exercise_id), ladder, ctx.unit, planned_rung=ctx.rung)
        by_day.setdefault(e.day, []).append(spot)
    return [max(spots, key=lambda s: (s.rung or 0, s.score)) for _, spots in sorted(by_day.items())]


def _planned_sets(spot: Spot, ctx: Coaching) -> int | None:
    """The plan's sets this week where the person is on the plan's rung (or off a ladder)."""
    if spot.ladder is None or spot.rung == ctx.rung:
        return ctx.sets
    return None


def _start(exercise: Exercise, ladder: Ladder | None, ctx: Coaching) -> Suggestion:
    name = exercise.name
    if ladder is not None:
        n = ctx.rung if ctx.rung is not None else ladder.rungs_of(exercise.id)[0]
        rung = ladder.rungs[n]
        how = f", {rung.how}" if rung.how else ""
        low = (rung.reps or rung.seconds or Span(0, 0)).low
        sets = ctx.sets or rung.sets
        amount = f"{sets} x {rung.reps or rung.seconds}{'' if rung.reps else ' s'}"
        why = f"First time on {name}: {amount}{how}" + _pick_hint(exercise, low)
        return on_rung(ladder, n, Change.START, why, ctx.doable, keep=exercise.id, load=None,
                       sets=sets)  # fmt: skip
    p = exercise.prescription
    low = (p.reps or p.seconds or Span(0, 0)).low
    unit = " s" if p.seconds is not None else ""
    why = f"First time on {name}: {p.sets} x {p.reps or p.seconds}{unit}" + _pick_hint(
        exercise, low
    )
    return on_exercise(exercise, Change.START, why, load=None)


def _pick_hint(exercise: Exercise, low: int) -> str:
    if exercise.id in ASSISTED:
        return f"; pick the help that lets you do about {low + 2} clean reps"
    if exercise.load in (LoadKind.BODYWEIGHT, LoadKind.UNLOADED):
        return ""
    return f"; pick a load you could lift about {low + 2} times with good form"


def _after_break(spot: Spot, gap: int, ctx: Coaching) -> Suggestion:
    rules = ctx.rules
    long = gap > rules.long_break_days
    away = f"{gap} days since your last {spot.exercise.name}"
    sets = _planned_sets(spot, ctx)
    if spot.kind is LoadKind.UNLOADED and spot.ladder is None:
        return here(spot, Change.HOLD, f"{away}: carry on as before", sets=sets)
    if spot.ladder is not None and spot.rung and long and not ctx.support:
        back = spot.rung - 1
        name = ctx.lookup(pick(spot.ladder, back, ctx.doable, spot.exercise.id)).name
        why = f"{away}: go back one rung to {name} and climb again"
        return on_rung(spot.ladder, back, Change.STEP_BACK, why, ctx.doable, keep=spot.exercise.id)
    if spot.assisted:  # easier means more help
        if spot.load_kg is None:
            why = f"{away}: take a little more help than last time (a stronger band or more"
            why += " counterweight)"
            return here(spot, Change.STEP_BACK, why + _restart(spot), load=None, sets=sets)
        more = ctx.kit.above(spot.kind, spot.load_kg) or spot.load_kg
        why = f"{away}: take a little more help ({help_words(spot.kind, more, spot.unit, ctx.kit)})"
        return here(spot, Change.STEP_BACK, why + _restart(spot), load=more, sets=sets)
    if _loadable(spot):
        if spot.load_kg is None:
            why = f"{away}: start a little lighter than last time"
            return here(spot, Change.STEP_BACK, why + _restart(spot), load=None, sets=sets)
        fraction = rules.long_break_fraction if long else rules.break_fraction
        lighter = _lighter(spot, fraction, ctx)
        why = f"{away}: ease back in at {ctx.say(spot, lighter)}"
        return here(spot, Change.STEP_BACK, why + _restart(spot), load=lighter, sets=sets)
    fewer = max(1, (sets or spot.sets) - 1) if long else sets or spot.sets
    words = f"{fewer} x {spot.span.low}{_unit(spot)}"
    return here(spot, Change.STEP_BACK, f"{away}: fewer reps to start with, {words}", sets=fewer,
                low=spot.span.low)  # fmt: skip


def _could_not(spot: Spot, ctx: Coaching) -> Suggestion:
    none_yet = f"No full rep of {spot.exercise.name} yet"
    sets = _planned_sets(spot, ctx)
    if spot.assisted and spot.load_kg is not None:
        more = ctx.kit.above(spot.kind, spot.load_kg) or spot.load_kg
        why = f"{none_yet}: take more help ({help_words(spot.kind, more, spot.unit, ctx.kit)})"
        return here(spot, Change.STEP_BACK, why, load=more, sets=sets)
    if spot.ladder is not None and spot.rung:
        back = spot.rung - 1
        name = ctx.lookup(pick(spot.ladder, back, ctx.doable, spot.exercise.id)).name
        why = f"{none_yet}: go back to {name} and build up"
        return on_rung(spot.ladder, back, Change.STEP_BACK, why, ctx.doable, keep=spot.exercise.id)
    easier = [i for i in spot.exercise.easier if ctx.doable(i)]
    if spot.ladder is None and spot.kind is LoadKind.BODYWEIGHT and easier:
        other = ctx.lookup(easier[0])
        return on_exercise(other, Change.STEP_BACK, f"{none_yet}: build up on {other.name} first",
                           load=None)  # fmt: skip
    return here(spot, Change.HOLD, f"{none_yet}: try the same again, fresh", sets=sets)


def _deload_week(spot: Spot, ctx: Coaching) -> Suggestion:
    """The plan's deload week: a set fewer (the plan's), reps at the bottom of the range and
    about 10 % off the load (or a little more help); never more of anything."""
    low = spot.span.low
    sets = _planned_sets(spot, ctx) or spot.sets
    what = f"Deload week: {sets} x {low}{_unit(spot)}"
    if spot.assisted and spot.load_kg is not None:
        more = ctx.kit.above(spot.kind, spot.load_kg) or spot.load_kg
        why = f"{what} with {help_words(spot.kind, more, spot.unit, ctx.kit)}, an easy week"
        return here(spot, Change.DELOAD, why, low=low, load=more, sets=sets)
    if _loadable(spot) and spot.load_kg:
        lighter = _lighter(spot, ctx.rules.deload_fraction, ctx)
        why = f"{what} at {ctx.say(spot, lighter)}, about 10 % lighter than last time"
        return here(spot, Change.DELOAD, why, low=low, load=lighter, sets=sets)
    return here(spot, Change.DELOAD, f"{what}, an easy week", low=low, sets=sets)


def _grind(spot: Spot, rules: Rules) -> bool:
    """A set at RPE 9.5 or more, or with no rep in reserve: the load is at its limit."""
    return any(
        (rpe is not None and rpe >= rules.hard_rpe) or (rir is not None and rir <= rules.hard_rir)
        for rpe, rir in spot.efforts()
    )


def _hold_after_grind(spot: Spot, ctx: Coaching) -> Suggestion:
    """Keep the load and the very target shown last time: no load step after a grind."""
    target = spot.exposure.target
    asked = (target.reps or target.seconds) if target is not None else None
    span = asked or spot.span
    sets = target.sets if target is not None else _planned_sets(spot, ctx) or spot.sets
    missed = spot.weakest < span.low or len(spot.done) < sets
    words = effort_words(spot, hard=True, missed=missed)
    keep = f"keep {_load_or_this(spot, ctx)} and" if _has_load(spot) else "keep"
    why = f"{did(spot, ctx.kit)}, {words}: {keep} the same target, {sets} x {span}{_unit(spot)}"
    timed = spot.seconds is not None
    return Suggestion(
        exercise_id=spot.exercise.id, sets=sets, reps=None if timed else span,
        seconds=span if timed else None, load_kg=spot.load_kg, change=Change.HOLD, reason=why,
        assisted=spot.assisted, ladder_id=spot.ladder.id if spot.ladder else None, rung=spot.rung,
    )  # fmt: skip


def _too_easy(spot: Spot, rules: Rules) -> bool:
    rated = [(rpe, rir) for rpe, rir in spot.efforts() if rpe is not None or rir is not None]
    easy = all(
        (rpe is not None and rpe <= rules.easy_rpe) or (rir is not None and rir >= rules.easy_rir)
        for rpe, rir in rated
    )
    return bool(rated) and easy and spot.weakest >= spot.span.low


def _progress(spot: Spot, ctx: Coaching, done: str) -> Suggestion:
    """Every set reached the top of the range: the next step for this kind of exercise."""
    sets = _planned_sets(spot, ctx)
    if spot.assisted:
        if spot.load_kg is None:
            why = f"{done}: use a lighter band or less counterweight"
            return here(spot, Change.ADD_LOAD, why + _restart(spot), load=None, sets=sets)
        less = ctx.kit.below(spot.kind, spot.load_kg)
        if less is not None and spot.load_kg > ctx.rules.assist_climb_kg:
            why = f"{done}: take {help_words(spot.kind, less, spot.unit, ctx.kit)}"
            return here(spot, Change.ADD_LOAD, why + _restart(spot), load=less, sets=sets)
        return _climb(spot, ctx, done)
    if spot.added_load:
        heavier = ctx.kit.above(LoadKind.BODYWEIGHT, spot.load_kg or 0.0)
        if heavier is None:
            why = f"{done}: nothing heavier to add in your kit; slow the lowering instead"
            return here(spot, Change.HOLD, why, sets=sets)
        why = f"{done}: add {spot.unit.say(heavier - (spot.load_kg or 0))}"
        return here(spot, Change.ADD_LOAD, why + _restart(spot), load=heavier, sets=sets)
    if spot.ladder is not None:
        return _climb(spot, ctx, done)
    if spot.kind is LoadKind.UNLOADED or spot.seconds is not None:
        return here(spot, Change.HOLD, f"{done}: that is the whole prescription; keep it up",
                    sets=sets)  # fmt: skip
    if spot.kind is LoadKind.BODYWEIGHT:
        harder = [i for i in spot.exercise.harder if ctx.doable(i)]
        if harder:
            other = ctx.lookup(harder[0])
            return on_exercise(other, Change.CLIMB_RUNG, f"{done}: move on to {other.name}",
                               load=None)  # fmt: skip
        why = f"{done}: top of the range; keep it and lower over 3 s to make it harder"
        return here(spot, Change.HOLD, why, sets=sets)
    return _heavier(spot, ctx, done)


def _heavier(spot: Spot, ctx: Coaching, done: str) -> Suggestion:
    sets = _planned_sets(spot, ctx)
    if spot.load_kg is None:
        why = f"{done}: take the next weight up"
        return here(spot, Change.ADD_LOAD, why + _restart(spot), load=None, sets=sets)
    heavier = ctx.kit.above(spot.kind, spot.load_kg)
    if heavier is None:
        top = describe_load(spot.kind, spot.load_kg, spot.unit, ctx.kit)
        why = (
            f"{done}: nothing heavier than {top} in your kit; keep it and slow every rep down,"
            " or add a heavier one to your kit"
        )
        return here(spot, Change.HOLD, why, sets=sets)
    jump = heavier / spot.load_kg - 1 if spot.load_kg > 0 else 0.0
    if spot.kind is not LoadKind.BAND and jump > ctx.rules.big_step:
        most = spot.span.high + ctx.rules.big_step_reps
        if min(spot.done, default=0) < most:
            return _build_up(spot, ctx, done, heavier, jump, most, sets)
    if spot.kind is LoadKind.BAND or not _on_kit(spot.kind, spot.load_kg, ctx.kit):
        # A load that is not one of theirs (logged in the other unit, or an old kit) has no
        # sensible "add"; name the weight to pick up instead.
        why = f"{done}: move up to {describe_load(spot.kind, heavier, spot.unit, ctx.kit)}"
    else:
        why = f"{done}: add {ctx.say(spot, heavier - spot.load_kg)}"
    return here(spot, Change.ADD_LOAD, why + _restart(spot), load=heavier, sets=sets)


def _build_up(
    spot: Spot, ctx: Coaching, done: str, heavier: float, jump: float, top: int, sets: int | None
) -> Suggestion:
    """The kit's next load is too big a jump: more reps at this load first, slower, and say
    which load would make the step smaller."""
    assert spot.load_kg is not None
    here_load = describe_load(spot.kind, spot.load_kg, spot.unit, ctx.kit)
    next_load = describe_load(spot.kind, heavier, spot.unit, ctx.kit)
    why = (
        f"{done}: {next_load} is a {jump:.0%} jump, so build to {top} reps at {here_load} first,"
        " lowering over 3 s"
    ).replace("%", " %")
    between = default_kit(spot.unit).above(spot.kind, spot.load_kg)
    if between is not None and between < heavier - 1e-6:
        why += f"; {describe_load(spot.kind, between, spot.unit, ctx.kit)} would be a smaller step"
    return replace(here(spot, Change.ADD_REPS, why, sets=sets), reps=Span(spot.span.high + 1, top))


def _on_kit(kind: LoadKind, kg: float, kit: Kit) -> bool:
    nearest = kit.nearest(kind, kg)
    return nearest is not None and abs(nearest - kg) < 0.01


def _climb(spot: Spot, ctx: Coaching, done: str) -> Suggestion:
    """One rung up, for the session's lead item; a support item keeps its own step."""
    assert spot.ladder is not None and spot.rung is not None
    up = spot.rung + 1
    if ctx.support:
        why = f"{done}: the top of this step; it stays as support work beside the next one"
        return here(spot, Change.HOLD, why, sets=_planned_sets(spot, ctx))
    if up >= len(spot.ladder.rungs):
        why = f"{done}: top of the {spot.ladder.name.lower()}; keep it and slow the lowering"
        return here(spot, Change.HOLD, why, sets=_planned_sets(spot, ctx))
    rung = spot.ladder.rungs[up]
    exercise_id = pick(spot.ladder, up, ctx.doable, spot.exercise.id)
    first = ctx.kit.above(LoadKind.BODYWEIGHT, 0.0) if rung.added_load else None
    how = f", {rung.how}" if rung.how else ""
    name = ctx.lookup(exercise_id).name
    sets = ctx.sets if up == ctx.rung else None
    amount = f"{sets or rung.sets} x {rung.reps or rung.seconds}{'' if rung.reps else ' s'}"
    why = f"{done}: climb to {name}, {amount}{how}"
    if exercise_id in ASSISTED:
        why += _pick_hint(ctx.lookup(exercise_id), (rung.reps or Span(0, 0)).low)
    return on_rung(spot.ladder, up, Change.CLIMB_RUNG, why, ctx.doable, keep=exercise_id,
                   load=first, sets=sets)  # fmt: skip


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


def _unstick(spot: Spot, sessions: int, after_easier: bool, ctx: Coaching) -> Suggestion:
    stuck = f"No progress in the last {sessions} sessions" + (
        f" at {_load_or_this(spot, ctx)}" if spot.load_kg else ""
    )
    sets = _planned_sets(spot, ctx)
    options = _variants(spot, ctx)
    loadable = spot.load_kg is not None and (_loadable(spot) or spot.assisted)
    if options and (after_easier or not loadable):
        other = ctx.lookup(options[0])
        again = " even after a deload" if after_easier and loadable else ""
        why = f"{stuck}{again}: switch to {other.name} for a while"
        keep = spot.load_kg if other.load is spot.kind and loadable else None
        if spot.ladder is not None and spot.rung is not None:
            return on_rung(spot.ladder, spot.rung, Change.SWITCH_VARIANT, why, ctx.doable,
                           keep=other.id, load=keep, sets=sets)  # fmt: skip
        return on_exercise(other, Change.SWITCH_VARIANT, why, load=keep)
    if loadable and spot.load_kg is not None:
        if spot.assisted:
            easier = ctx.kit.above(spot.kind, spot.load_kg) or spot.load_kg
            why = f"{stuck}: take more help ({help_words(spot.kind, easier, spot.unit, ctx.kit)})"
        else:
            easier = _lighter(spot, ctx.rules.deload_fraction, ctx)
            why = f"{stuck}: drop to {ctx.say(spot, easier)}"
        return here(spot, Change.DELOAD, why + _restart(spot), load=easier, sets=sets)
    fewer = max(1, (sets or spot.sets) - 1)
    why = f"{stuck}: one set fewer today to recover, then build back up"
    return here(spot, Change.DELOAD, why, sets=fewer)


def _variants(spot: Spot, ctx: Coaching) -> list[str]:
    """Stand-ins at the same stage, those no harder than the current move first: a stall is
    no time for a harder grip."""
    if spot.ladder is not None and spot.rung is not None:
        ids = spot.ladder.rungs[spot.rung].exercise_ids
    else:
        ids = VARIANTS.get(spot.exercise.id, ())
    found = [i for i in ids if i != spot.exercise.id and ctx.doable(i)]
    return sorted(found, key=lambda i: i in spot.exercise.harder)


def _push(spot: Spot, ctx: Coaching) -> Suggestion:
    """The session felt too easy (seed 000: feeling nothing means the weight is too light)."""
    felt = f"{did(spot, ctx.kit)}, {effort_words(spot, hard=False)}"
    if spot.assisted or spot.added_load or _loadable(spot):
        return _progress(spot, ctx, felt)
    if spot.kind is LoadKind.UNLOADED:
        return _more_reps(spot, ctx)
    why = f"{felt}: go for {spot.span.high}{_unit(spot)} in every set"
    return here(spot, Change.ADD_REPS, why, low=spot.span.high, sets=_planned_sets(spot, ctx))


def _more_reps(spot: Spot, ctx: Coaching) -> Suggestion:
    low = spot.span.low
    sets = _planned_sets(spot, ctx)
    if spot.weakest < low:
        where = (
            _load_or_this(spot, ctx) if _has_load(spot) else "this rung" if spot.ladder else "it"
        )
        why = f"{did(spot, ctx.kit)}: stay at {where} until every set reaches {low}{_unit(spot)}"
        return here(spot, Change.HOLD, why, sets=sets)
    step = ctx.rules.seconds_step if spot.seconds is not None else 1
    aim = min(int(spot.weakest) + step, spot.span.high)
    same = f"same {_load_or_this(spot, ctx)}, " if _has_load(spot) else ""
    why = f"{did(spot, ctx.kit)}: {same}aim for {aim}{_unit(spot)} in every set"
    return here(spot, Change.ADD_REPS, why, low=aim, sets=sets)


def _lighter(spot: Spot, fraction: float, ctx: Coaching) -> float:
    """About `fraction` off the load, to a load the kit has (belt load: body weight's grid)."""
    assert spot.load_kg is not None
    kind = LoadKind.BODYWEIGHT if spot.added_load else spot.kind
    lighter = ctx.kit.lighter_by(kind, spot.load_kg, fraction)
    return lighter if lighter is not None else 0.0 if spot.added_load else spot.load_kg


def _loadable(spot: Spot) -> bool:
    """Progress is by weight: free weights, stacks, bands, or a belt on the top rung."""
    return spot.added_load or spot.kind not in (LoadKind.BODYWEIGHT, LoadKind.UNLOADED)


def _has_load(spot: Spot) -> bool:
    return spot.load_kg is not None and (spot.assisted or spot.load_kg > 0)


def _load_or_this(spot: Spot, ctx: Coaching) -> str:
    if not _has_load(spot) or spot.load_kg is None:
        return "the same"
    if spot.assisted:
        return help_words(spot.kind, spot.load_kg, spot.unit, ctx.kit)
    return ctx.say(spot, spot.load_kg)


def _unit(spot: Spot) -> str:
    return " s" if spot.seconds is not None else ""


def _restart(spot: Spot) -> str:
    return f" and restart at {spot.span.low}{_unit(spot)}"
