"""The backup's view models: what a restore did, and the file's name."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from backtone.services.backup import Restored


class RestoredView(BaseModel):
    """What a restore did, part by part (workouts, plans, body_weights, check_ins...)."""

    added: dict[str, int] = Field(description="Rows added, by part; `sets` counts sets")
    already_there: dict[str, int] = Field(description="Rows the account had already, by part")
    settings: list[str] = Field(description="Settings taken from the backup (time zone, kit...)")


def restored_view(result: Restored) -> RestoredView:
    return RestoredView(
        added=dict(result.added),
        already_there=dict(result.already_there),
        settings=list(result.settings),
    )


def backup_filename(name: str, day: date) -> str:
    """'backtone-backup-sam-2026-11-02.json'."""
    return f"backtone-backup-{name}-{day.isoformat()}.json"
