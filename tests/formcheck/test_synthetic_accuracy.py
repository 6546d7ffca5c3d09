"""The form check against generated sets with known reps, torso angles and injected faults."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from backtone.formcheck import RULES, View, check_form
from backtone.formcheck.synthetic import generate_set

SEEDS = range(25)
CASES = [
    ("bent-over-dumbbell-row", View.SIDE),
    ("barbell-deadlift", View.SIDE),
    ("pull-up", View.SIDE),
    ("pull-up", View.FRONT),
    ("push-up", View.SIDE),
    ("lat-pulldown", View.SIDE),
    ("lat-pulldown", View.FRONT),
    ("dumbbell-pullover", View.SIDE),
    ("arm-raise", View.FRONT),
]


@dataclass
class Score:
    exact_counts: int = 0
    sets: int = 0
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    def precision(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_pos)

    def recall(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_neg)


def score_batch(exercise: str, view: View) -> tuple[Score, list[float]]:
    judged = {c.code for c in RULES[exercise].checks if view in c.needs}
    score, torso_errors = Score(), []
    for seed in SEEDS:
        synthetic = generate_set(exercise, seed, view=view)
        report = check_form(synthetic.sequence, exercise)
        score.sets += 1
        if report.rep_count != synthetic.rep_count:
            continue
        score.exact_counts += 1
        times = synthetic.sequence.timestamps_s
        for rep, injected in zip(report.reps, synthetic.rep_faults, strict=True):
            truth = injected & judged
            flagged = {flag.code for flag in rep.flags}
            score.true_pos += len(flagged & truth)
            score.false_pos += len(flagged - truth)
            score.false_neg += len(truth - flagged)
            if rep.torso_angle_deg is not None:
                a, b = np.searchsorted(times, [rep.start_s, rep.end_s])
                true_torso = float(np.median(synthetic.torso_deg[a : b + 1]))
                torso_errors.append(abs(rep.torso_angle_deg - true_torso))
    return score, torso_errors


@pytest.fixture(scope="module")
def batches() -> dict[tuple[str, View], tuple[Score, list[float]]]:
    return {case: score_batch(*case) for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1].value}")
def test_reps_are_counted_exactly_in_at_least_95_percent_of_noisy_sets(
    batches: dict[tuple[str, View], tuple[Score, list[float]]], case: tuple[str, View]
) -> None:
    score, _ = batches[case]
    assert score.exact_counts / score.sets >= 0.95


@pytest.mark.parametrize("case", [c for c in CASES if c[1] is View.SIDE])
def test_torso_angle_is_within_3_degrees_on_average_from_the_side(
    batches: dict[tuple[str, View], tuple[Score, list[float]]], case: tuple[str, View]
) -> None:
    _, errors = batches[case]
    assert errors, "a side view reports a torso angle for every rep"
    assert float(np.mean(errors)) <= 3.0


@pytest.mark.parametrize(
    "case", [c for c in CASES if any(c[1] in k.needs for k in RULES[c[0]].checks)]
)
def test_injected_faults_are_flagged_with_precision_and_recall_of_at_least_0_9(
    batches: dict[tuple[str, View], tuple[Score, list[float]]], case: tuple[str, View]
) -> None:
    score, _ = batches[case]
    assert score.true_pos + score.false_neg > 0, "the batch must hold injected faults"
    assert score.precision() >= 0.9
    assert score.recall() >= 0.9


def test_a_clean_set_raises_no_flags_and_heavy_dropouts_do_not_change_the_count() -> None:
    for seed in range(10):
        synthetic = generate_set(
            "bent-over-dumbbell-row", seed, fault_rate=0.0, noise_px=4.0, drop_rate=0.15
        )
        report = check_form(synthetic.sequence, "bent-over-dumbbell-row")
        assert report.rep_count == synthetic.rep_count
        assert all(not rep.flags for rep in report.reps)
