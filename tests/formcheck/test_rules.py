from __future__ import annotations

import json

import pytest

from backtone.domain.errors import NotFound
from backtone.formcheck import RULES, View, check_form, rule_for
from backtone.formcheck.synthetic import generate_set

CATALOGUE_IDS = {
    "bent-over-dumbbell-row",
    "barbell-deadlift",
    "pull-up",
    "push-up",
    "lat-pulldown",
    "dumbbell-pullover",
    "arm-raise",
}


def test_every_named_exercise_has_a_rule_and_every_check_has_a_cue() -> None:
    assert set(RULES) == CATALOGUE_IDS
    for rule in RULES.values():
        for check in rule.checks:
            assert check.cue.endswith(".") and len(check.cue) > 20
            assert check.what


def test_an_unknown_exercise_names_the_closest_rule() -> None:
    with pytest.raises(NotFound, match="bent-over-dumbbell-row"):
        rule_for("bent-over-row")


def test_a_row_filmed_from_the_front_is_counted_but_its_back_is_not_judged() -> None:
    synthetic = generate_set("bent-over-dumbbell-row", 4, view=View.FRONT, fault_rate=1.0)
    report = check_form(synthetic.sequence, "bent-over-dumbbell-row")
    assert report.view == "front"
    assert report.rep_count == synthetic.rep_count
    assert all(not rep.flags and rep.torso_angle_deg is None for rep in report.reps)
    joined = " ".join(report.not_judged)
    assert "torso angle: cannot judge from a front view" in joined
    assert "back rounding" in joined and "film from the side" in joined


def test_a_deadlift_filmed_from_the_front_is_counted_and_only_side_checks_are_refused() -> None:
    synthetic = generate_set("barbell-deadlift", 1, view=View.FRONT, fault_rate=1.0)
    report = check_form(synthetic.sequence, "barbell-deadlift")
    assert report.view == "front"
    assert report.rep_count == synthetic.rep_count == 5
    assert all(not rep.flags for rep in report.reps)
    refused = {line.split(":")[0] for line in report.not_judged}
    assert refused == {"lockout", "back rounding", "torso angle", "range of motion"}
    assert all("film from the side" in line for line in report.not_judged)


def test_back_shape_flags_are_marked_as_estimates() -> None:
    synthetic = generate_set("barbell-deadlift", 2, fault_rate=1.0)
    report = check_form(synthetic.sequence, "barbell-deadlift")
    flags = [f for rep in report.reps for f in rep.flags]
    assert {f.code for f in flags} == {"no-lockout", "rounded-back"}
    for flag in flags:
        assert flag.estimate is (flag.code == "rounded-back")
    assert any("estimates" in note for note in report.notes)


def test_the_report_is_plain_json_with_durations() -> None:
    report = check_form(generate_set("push-up", 3).sequence, "push-up")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["rep_count"] == len(data["reps"]) == report.rep_count
    assert all(rep["duration_s"] > 0.5 for rep in data["reps"])
