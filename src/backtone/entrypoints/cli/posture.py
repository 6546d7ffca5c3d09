"""`backtone posture PHOTO`: measure standing posture from a side photo, keep it, see the trend."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from backtone.domain.posture import PostureCheck, PostureTrend


def posture(
    photo: Annotated[
        Path | None,
        typer.Argument(
            help="A side photo (jpg, png) or a 3-second clip of standing still.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    save: Annotated[
        bool, typer.Option("--save/--no-save", help="Keep the check in your posture history.")
    ] = True,
    history: Annotated[
        bool, typer.Option("--history", help="Show your posture checks and the trend only.")
    ] = False,
    model: Annotated[
        str, typer.Option(help="Pose model: full (default), lite or a .task path.")
    ] = "full",
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Show the pose runtime's own log lines.")
    ] = False,
) -> None:
    """Measure head, shoulder and trunk posture from a side photo (estimates, not a diagnosis)."""
    from backtone.domain.errors import InvalidInput
    from backtone.domain.posture import CAPTURE_GUIDE
    from backtone.entrypoints.cli.context import backtone_app, current_caller
    from backtone.services.posture import check_posture, posture_history

    app = backtone_app()
    caller = current_caller()
    check = None
    if not history:
        if photo is None:
            raise InvalidInput(
                "PHOTO", "give a side photo or a short clip, or --history", CAPTURE_GUIDE
            )
        from backtone.adapters.pose.photo import posture_pose

        chosen = photo
        check = check_posture(
            uow=app.uow(), clock=app.clock, caller=caller, keep=save,
            read_pose=lambda: posture_pose(chosen, model, verbose=verbose),
        )  # fmt: skip
    trend = posture_history(uow=app.uow(), caller=caller)
    _show(check, trend, as_json)


def check_json(c: PostureCheck) -> dict[str, Any]:
    return asdict(c) | {"taken_at": c.taken_at.isoformat()}


def _show(check: PostureCheck | None, trend: PostureTrend, as_json: bool) -> None:
    from backtone.domain.posture import NOT_A_DIAGNOSIS
    from backtone.entrypoints.cli.output import console, print_json

    if as_json:
        print_json(
            {
                "check": None if check is None else check_json(check),
                "history": [check_json(c) for c in trend.checks],
                "changes": [ch.words("") for ch in trend.changes],
                "advice": trend.advice,
                "note": NOT_A_DIAGNOSIS,
            }
        )
        return
    out = console()
    if check is not None:
        out.print(f"Head (craniovertebral angle): {check.cva_deg:.1f}° ± {check.cva_sd:.1f}")
        out.print(
            f"Shoulder offset from the ear-hip line: {check.shoulder_offset_pct:+.1f} % "
            f"± {check.shoulder_sd:.1f}"
        )
        out.print(f"Trunk lean: {check.trunk_lean_deg:+.1f}° ± {check.trunk_sd:.1f}")
    elif not trend.checks:
        out.print("No posture checks yet: `backtone posture PHOTO` with a side photo.")
    if len(trend.checks) > 1 or (check is None and trend.checks):
        out.print(f"\n{len(trend.checks)} checks since {trend.checks[0].taken_at:%d %b %Y}:")
        for c in trend.checks:
            out.print(
                f"  {c.taken_at:%Y-%m-%d}  head {c.cva_deg:.1f}°  shoulder "
                f"{c.shoulder_offset_pct:+.1f} %  trunk {c.trunk_lean_deg:+.1f}°"
            )
        for change in trend.changes:
            unit = " %" if change.what == "shoulder offset" else "°"
            out.print(f"  {change.words(unit)}")
    out.print(f"\n{trend.advice}")
    out.print(f"[dim]{NOT_A_DIAGNOSIS}[/dim]")
