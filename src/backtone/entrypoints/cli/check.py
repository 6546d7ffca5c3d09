"""`backtone check VIDEO --exercise ID`: count reps and check form from a video, offline."""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from backtone.formcheck import CheckReport, PoseSequence, View

OUT_KINDS = (".png", ".mp4")
VIEWS = ("auto", "side", "front", "back", "oblique")


def check(
    video: Annotated[
        Path | None,
        typer.Argument(
            help="A video of one set, or a .npz of stored keypoints.", show_default=False
        ),
    ] = None,
    exercise: Annotated[
        str,
        typer.Option(
            "--exercise", "-e", help="Exercise id, e.g. bent-over-dumbbell-row, pull-up, arm-raise."
        ),
    ] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    out: Annotated[
        Path | None,
        typer.Option(help="Write an annotated contact sheet (.png) or video (.mp4) here."),
    ] = None,
    camera: Annotated[
        int | None, typer.Option(help="Check live from this camera (0 = the first one).")
    ] = None,
    model: Annotated[
        str, typer.Option(help="Pose model: full (default), lite (faster) or a .task path.")
    ] = "full",
    view: Annotated[
        str, typer.Option(help="Camera view: auto (detect), side, front, back or oblique.")
    ] = "auto",
    start: Annotated[float, typer.Option(help="Skip the clip before this second.")] = 0.0,
    end: Annotated[
        float | None, typer.Option(help="Ignore the clip after this second.", show_default=False)
    ] = None,
    log: Annotated[
        bool, typer.Option("--log", help="Save the counted set to your training log.")
    ] = False,
    load: Annotated[
        str | None, typer.Option(help="The load lifted, for --log, e.g. 14kg or 30lb.")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Show the pose runtime's own log lines.")
    ] = False,
) -> None:
    """Count the reps of a filmed set and check each rep's form, offline on this machine."""
    from backtone.domain.errors import InvalidInput
    from backtone.formcheck import View, rule_for

    if not exercise:
        raise InvalidInput("--exercise", "is required", "an exercise id such as pull-up")
    rule_for(exercise)
    if view not in VIEWS:
        raise InvalidInput("--view", f"{view!r} is not a view", VIEWS)
    forced = None if view == "auto" else View(view)
    if out is not None and out.suffix.lower() not in OUT_KINDS:
        raise InvalidInput("--out", f"{out.name} has an unknown kind", OUT_KINDS)
    if camera is not None:
        from backtone.entrypoints.cli.check_live import check_live

        report = check_live(camera, exercise, model, forced, verbose=verbose)
    elif video is None:
        raise InvalidInput("VIDEO", "give a video file, a .npz of keypoints or --camera INDEX")
    else:
        report = _check_file(video, exercise, model, forced, start, end, out, verbose)
    _show(report, as_json)
    if log:
        _log(report, load)


def _log(report: CheckReport, load: str | None) -> None:
    """Save the counted reps as one set of the exercise, in today's workout."""
    from backtone.domain.errors import InvalidInput
    from backtone.domain.quicklog import parse_sets
    from backtone.entrypoints.cli.context import backtone_app, current_caller
    from backtone.services.training_log import log_sets

    if report.rep_count == 0:
        raise InvalidInput("--log", "no reps were counted, so nothing was logged")
    app = backtone_app()
    if report.exercise_id not in app.catalogue:
        raise InvalidInput("--log", f"{report.exercise_id} is a counter, not an exercise to log")
    caller = current_caller()
    sets = parse_sets(f"{report.rep_count}@{load}" if load else str(report.rep_count), caller.unit)
    result = log_sets(
        uow=app.uow(), clock=app.clock, caller=caller, exercise=report.exercise_id, sets=sets,
        notes="counted from video",
    )  # fmt: skip
    print(f"Logged {result.sets[0].reps} reps of {result.exercise.name} to today's workout.")


def _check_file(
    video: Path,
    exercise: str,
    model: str,
    view: View | None,
    start: float,
    end: float | None,
    out: Path | None,
    verbose: bool,
) -> CheckReport:
    from backtone.services.form_checks import check_clip

    replay = video.suffix.lower() == ".npz"
    checked = check_clip(
        read_poses=lambda: _load(video, model, replay, verbose),
        exercise_id=exercise,
        view=view,
        start=start,
        end=end,
    )
    if out is not None:
        video_used = None if replay else video
        _write(out, checked.poses, checked.report, video_used, checked.first_frame)
    return checked.report


def _load(video: Path, model: str, replay: bool, verbose: bool) -> PoseSequence:
    if replay:
        from backtone.adapters.pose.replay import load_sequence

        return load_sequence(video)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from backtone.adapters.pose.mediapipe_backend import pose_from_video
    from backtone.adapters.pose.models import model_path
    from backtone.adapters.pose.quiet import terminal_stderr
    from backtone.adapters.pose.video import probe

    model_path(model)  # a missing model is reported before any decoding
    info = probe(video)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    # The bar writes to a copy of stderr, which stays open while the runtime's logs are muted.
    with terminal_stderr() as stream:
        console = Console(file=stream, stderr=True)
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task(f"tracking {video.name}", total=info.frames or None)
            return pose_from_video(
                video,
                model,
                on_frame=lambda n: progress.update(task, completed=n),
                verbose=verbose,
            )


def _write(
    out: Path, sequence: PoseSequence, report: CheckReport, video: Path | None, skip: int
) -> None:
    from backtone.adapters.pose.annotate import write_annotated_video, write_contact_sheet
    from backtone.adapters.pose.video import probe, read_frames
    from backtone.domain.errors import InvalidInput

    frames = None if video is None else islice((f for _, f in read_frames(video)), skip, None)
    if out.suffix.lower() == ".png":
        write_contact_sheet(out, sequence, report, frames)
    elif frames is None or video is None:
        raise InvalidInput("--out", "an annotated video needs the original video", [".png"])
    else:
        write_annotated_video(out, sequence, report, frames, probe(video).fps)


def _show(report: CheckReport, as_json: bool) -> None:
    from backtone.entrypoints.cli.output import console, print_json

    if as_json:
        print_json(report.to_dict())
        return
    from rich.table import Table

    table = Table(title=f"{report.exercise_id}: {report.rep_count} reps ({report.view} view)")
    for column in ("rep", "time s", "range °", "torso °"):
        table.add_column(column, justify="right")
    table.add_column("flags")
    for rep in report.reps:
        flags = "\n".join(
            f"[bold]{f.code}[/bold]{' (estimate)' if f.estimate else ''}: {f.cue}"
            for f in rep.flags
        )
        table.add_row(
            str(rep.rep),
            f"{rep.duration_s:.1f}",
            "-" if rep.range_of_motion_deg is None else f"{rep.range_of_motion_deg:.0f}",
            "-" if rep.torso_angle_deg is None else f"{rep.torso_angle_deg:.0f}",
            flags or "[green]ok[/green]",
        )
    out = console()
    out.print(table)
    out.print(f"pose found in {report.pose_found_fraction:.0%} of {report.frames} frames")
    for line in (*report.not_judged, *report.notes):
        out.print(f"[dim]{line}[/dim]")
