"""Check a filmed set: smooth the poses, find the view, count reps, and judge each rep."""

from __future__ import annotations

import numpy as np

from backtone.formcheck.body import Body
from backtone.formcheck.report import CheckReport, Flag, RepReport
from backtone.formcheck.reps import Rep, find_reps
from backtone.formcheck.rules import ExerciseRule, RepWindow, rule_for
from backtone.formcheck.sequence import PoseSequence
from backtone.formcheck.smoothing import smooth_sequence
from backtone.formcheck.view import View, detect_view

MIN_REP_S = 0.3


def check_form(sequence: PoseSequence, exercise_id: str, view: View | None = None) -> CheckReport:
    """Count the reps of `exercise_id` in a pose sequence and flag faults rep by rep.

    `view` overrides the detected camera view. Checks the view cannot judge are listed in
    `not_judged` rather than guessed.
    """
    rule = rule_for(exercise_id)
    smoothed = smooth_sequence(sequence)
    seen = detect_view(smoothed) if view is None else view
    body = Body(smoothed, seen)
    reps = (
        find_reps(rule.signal(body), rule.min_range, int(MIN_REP_S * sequence.fps))
        if seen in rule.count_needs
        else []
    )
    return CheckReport(
        exercise_id=rule.exercise_id,
        view=seen.value,
        frames=sequence.n_frames,
        frames_with_pose=int(sequence.found().sum()),
        reps=tuple(_judge_rep(rule, body, rep, k) for k, rep in enumerate(reps, start=1)),
        not_judged=_not_judged(rule, seen),
    )


def _judge_rep(rule: ExerciseRule, body: Body, rep: Rep, number: int) -> RepReport:
    window = RepWindow(body, rep)
    flags = tuple(
        Flag(check.code, check.cue, check.estimate)
        for check in rule.checks
        if body.view in check.needs and check.fires(window) is True
    )
    rom = window.values(rule.range_of_motion(body)) if body.view in rule.range_needs else None
    torso = window.median(body.torso_angle) if body.view is View.SIDE else None
    times = body.sequence.timestamps_s
    return RepReport(
        rep=number,
        start_s=float(times[rep.start]),
        end_s=float(times[rep.end]),
        range_of_motion_deg=round(float(np.ptp(rom)), 1) if rom is not None and rom.size else None,
        torso_angle_deg=None if torso is None else round(torso, 1),
        flags=flags,
    )


WHERE = {
    View.SIDE: "a side view",
    View.FRONT: "a front view",
    View.BACK: "a back view",
    View.OBLIQUE: "an angled view",
}


def _not_judged(rule: ExerciseRule, view: View) -> tuple[str, ...]:
    """Plain words for each measure this view cannot judge, and the views that would."""
    where = WHERE.get(view, "this clip")
    lines = []
    for what, needs in rule.needs_by_measure().items():
        if view in needs:
            continue
        fits = " or the ".join(v.value for v in (View.SIDE, View.FRONT, View.BACK) if v in needs)
        lines.append(f"{what}: cannot judge from {where}; film from the {fits} to check it")
    return tuple(lines)
