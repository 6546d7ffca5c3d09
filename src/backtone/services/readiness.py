"""Use cases for the readiness check-in and the person's kit: saying how you feel today, and
which loads you can actually set."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import NotFound
from backtone.domain.kit import Kit
from backtone.domain.readiness import SORENESS_WORDS, CheckIn, Sleep, fewer_sets, hold_reason
from backtone.services.coach import kit_for
from backtone.services.coaching import SessionPlan, next_session
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork


def check_in(*, uow: UnitOfWork, clock: Clock, caller: Caller, check_in: CheckIn) -> CheckIn:
    """Keep the day's check-in (a second one that day replaces the first). Today's targets
    are read with it: it can hold or lower them, never raise them."""
    with uow:
        uow.check_ins.save(caller.user_id, check_in, created_at=clock.now())
        uow.commit()
    return check_in


def check_ins(*, uow: UnitOfWork, caller: Caller) -> list[CheckIn]:
    """Every check-in the person gave, oldest first."""
    with uow:
        return uow.check_ins.for_user(caller.user_id)


def my_kit(*, uow: UnitOfWork, caller: Caller) -> Kit:
    """The person's kit as they set it, else the common kit in their unit; either way said
    in their unit (a kit kept in kilograms reads in pounds once they chose pounds)."""
    unit = caller.unit
    with uow:
        kit = kit_for(uow, caller.user_id, unit)
    return kit if kit.unit is unit else replace(kit, unit=unit)


def set_kit(*, uow: UnitOfWork, clock: Clock, caller: Caller, kit: Kit) -> Kit:
    """Keep the loads the person can set; every suggested load comes from them from now on."""
    with uow:
        uow.kits.save(caller.user_id, kit, updated_at=clock.now())
        uow.commit()
    return kit


@dataclass(frozen=True)
class CheckInEffects:
    """What a day's check-in changes: the next session read with it, and the changes in words."""

    session: SessionPlan | None  # None: no plan, or no session left in it
    changes: tuple[str, ...]


def check_in_effects(*, uow: UnitOfWork, caller: Caller, day: date | None = None) -> CheckInEffects:
    """The next session as the check-in of `day` (None: the caller's today) leaves it, and
    what the check-in changed there."""
    day = caller.today if day is None else day
    with uow:
        catalogue = uow.catalogue(caller.user_id)
    try:
        session = next_session(
            uow=uow, user_id=caller.user_id, today=day, tz=caller.tz,
            catalogue=catalogue, unit=caller.unit,
        )  # fmt: skip
    except NotFound:
        return CheckInEffects(None, ("No session is planned, so it changes nothing yet.",))
    return CheckInEffects(session, changes_in(session, catalogue, day))


def changes_in(session: SessionPlan, catalogue: Catalogue, day: date) -> tuple[str, ...]:
    """What the day's check-in changed in this session, a line per kind of change: swaps and
    exercises left out, exercises held at last time's numbers and why, a set taken off."""
    check_in = session.check_in
    if session.day != day or check_in is None:
        return (
            f"Your next session is on {session.day:%A %d %b}; a check-in counts on its own day "
            "only, so it changes nothing there.",
        )
    held: dict[str, list[str]] = {}
    fewer: list[str] = []
    for item in session.main_items:
        if item.exercise_id not in catalogue:
            continue
        exercise = catalogue.get(item.exercise_id)
        why = hold_reason(exercise, check_in)
        if why:
            held.setdefault(why, []).append(item.name)
        if fewer_sets(exercise, check_in):
            fewer.append(item.name)
    lines = list(session.notes)
    lines += [f"Nothing goes up for {why}: {', '.join(n)}." for why, n in held.items()]
    if fewer:
        lines.append(f"A set fewer for the soreness: {', '.join(fewer)}.")
    return tuple(lines) or ("Nothing changes today: train as planned.",)


def check_in_words(check_in: CheckIn) -> str:
    """'Slept poorly; lats sore (moderate); pain: lower back' or 'All good'."""
    slept = {Sleep.POOR: "slept poorly", Sleep.GOOD: "slept well"}.get(check_in.sleep)
    parts = [slept] if slept else []
    parts += [
        f"{r.value.replace('-', ' ')} sore ({SORENESS_WORDS[level]})"
        for r, level in check_in.soreness
        if level
    ]
    if check_in.pain:
        parts.append("pain: " + ", ".join(sorted(r.value.replace("-", " ") for r in check_in.pain)))
    return "; ".join(parts).capitalize() or "All good"
