"""Posture checks for the web: a check and the trend as view models."""

from __future__ import annotations

from dataclasses import asdict
from datetime import tzinfo

from pydantic import BaseModel

from backtone.domain.posture import NOT_A_DIAGNOSIS, PostureCheck, PostureTrend


class PostureCheckView(BaseModel):
    taken_at: str
    day: str
    cva_deg: float
    cva_sd: float
    shoulder_offset_pct: float
    shoulder_sd: float
    trunk_lean_deg: float
    trunk_sd: float
    source: str
    frames: int


class PostureTrendView(BaseModel):
    checks: list[PostureCheckView]
    changes: list[str]
    advice: str
    note: str = NOT_A_DIAGNOSIS


def check_view(check: PostureCheck, tz: tzinfo) -> PostureCheckView:
    return PostureCheckView(
        **asdict(check) | {"taken_at": check.taken_at.isoformat()},
        day=f"{check.taken_at.astimezone(tz):%d %b %Y}",
    )


def trend_view(trend: PostureTrend, tz: tzinfo) -> PostureTrendView:
    return PostureTrendView(
        checks=[check_view(c, tz) for c in trend.checks],
        changes=[ch.words(" %" if ch.what == "shoulder offset" else "°") for ch in trend.changes],
        advice=trend.advice,
    )
