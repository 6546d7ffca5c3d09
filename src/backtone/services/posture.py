"""Use cases for posture checks: keep a measured reading, and see the trend with the plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from backtone.domain.errors import InvalidInput
from backtone.domain.posture import CAPTURE_GUIDE, PostureCheck, PostureTrend, posture_trend
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork

if TYPE_CHECKING:
    from backtone.formcheck import PoseSequence

SOURCES = ("photo", "clip")


def record_posture_check(
    *,
    uow: UnitOfWork,
    clock: Clock,
    caller: Caller,
    cva_deg: tuple[float, float],
    shoulder_offset_pct: tuple[float, float],
    trunk_lean_deg: tuple[float, float],
    source: str = "photo",
    frames: int = 1,
    taken_at: datetime | None = None,
) -> PostureCheck:
    """Store one posture check; each measure is (value, uncertainty). Owns its transaction."""
    if source not in SOURCES:
        raise InvalidInput("source", f"{source!r} is not a source", SOURCES)
    for name, (value, sd) in (
        ("cva_deg", cva_deg),
        ("shoulder_offset_pct", shoulder_offset_pct),
        ("trunk_lean_deg", trunk_lean_deg),
    ):
        if not (-180 <= value <= 180 and 0 <= sd <= 90):
            raise InvalidInput(name, f"{value:g} +/- {sd:g} is not a measure", "-180 to 180")
    check = PostureCheck(
        taken_at=taken_at or clock.now(),
        cva_deg=cva_deg[0],
        cva_sd=cva_deg[1],
        shoulder_offset_pct=shoulder_offset_pct[0],
        shoulder_sd=shoulder_offset_pct[1],
        trunk_lean_deg=trunk_lean_deg[0],
        trunk_sd=trunk_lean_deg[1],
        source=source,
        frames=max(1, frames),
    )
    with uow:
        uow.postures.add(caller.user_id, check)
        uow.commit()
    return check


def check_posture(
    *,
    uow: UnitOfWork,
    clock: Clock,
    caller: Caller,
    read_pose: Callable[[], PoseSequence],
    keep: bool = True,
) -> PostureCheck:
    """Measure a side photo or short clip (its poses read by `read_pose`, the entry point's
    job) and keep the check unless `keep` is off; a picture that cannot show posture is
    refused with the reasons and the capture guide."""
    from backtone.formcheck.posture import measure_posture  # numpy: only when measuring

    reading = measure_posture(read_pose())
    if reading.reading is None:
        raise InvalidInput("photo", "; ".join(reading.reasons), CAPTURE_GUIDE)
    r = reading.reading
    cva = (r.cva_deg.value, r.cva_deg.uncertainty)
    shoulder = (r.shoulder_offset_pct.value, r.shoulder_offset_pct.uncertainty)
    lean = (r.trunk_lean_deg.value, r.trunk_lean_deg.uncertainty)
    source = "photo" if r.frames == 1 else "clip"
    if not keep:
        return PostureCheck(clock.now(), *cva, *shoulder, *lean, source, r.frames)
    return record_posture_check(
        uow=uow, clock=clock, caller=caller, cva_deg=cva, shoulder_offset_pct=shoulder,
        trunk_lean_deg=lean, source=source, frames=r.frames,
    )  # fmt: skip


def posture_history(*, uow: UnitOfWork, caller: Caller, until: date | None = None) -> PostureTrend:
    """Every posture check in time order (up to the day `until` where the person is, when
    given), the change since the first, and how the current plan's emphasis fits."""
    with uow:
        checks = uow.postures.for_user(caller.user_id)
        record = uow.plans.current(caller.user_id)
    if until is not None:
        checks = [c for c in checks if c.taken_at.astimezone(caller.tz).date() <= until]
    emphasis = record.plan.profile.emphasis if record else None
    return posture_trend(checks, emphasis)
