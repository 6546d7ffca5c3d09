"""docs/coaching.md says what the code does: its lists and tables are checked against it."""

from __future__ import annotations

import re

import pytest

from backtone.domain.dosage import POLICY, LiftClass
from backtone.domain.ladders import LADDERS
from backtone.domain.vocabulary import Limitation
from tests.conftest import REPO
from tests.unit.planner_support import catalogue

DOC = (REPO / "docs" / "coaching.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("limitation", list(Limitation))
def test_each_limitation_list_in_the_doc_is_the_catalogues_with_its_reasons(
    limitation: Limitation,
) -> None:
    section = DOC.split(f"**{limitation.value}**", 1)[1].split("**", 1)[0]
    listed = set(re.findall(r"\(`([a-z-]+)`\)", section))
    avoided = {e.id for e in catalogue() if limitation in e.avoid_with}
    assert listed == avoided
    for exercise_id in avoided:
        assert catalogue().get(exercise_id).why_not_with(limitation) in section


def test_the_ladder_tables_list_every_rung_in_order_with_its_numbers() -> None:
    for ladder in LADDERS:
        table = DOC.split(f"| {ladder.name.lower()} |", 1)[1].split("\n\n", 1)[0]
        rows = [r for r in table.splitlines() if re.match(r"\| \d ", r)]
        assert [r.split("|")[2].strip() for r in rows] == [rung.target() for rung in ladder.rungs]


def test_the_dose_table_shows_the_policys_reps_for_the_tone_aim() -> None:
    table = DOC.split("## Ranges by level", 1)[1].split("The seeds' light", 1)[0]
    for (kind, _level, aim), numbers in POLICY.items():
        if kind is LiftClass.FIXED or aim.value != "tone" or numbers.reps is None:
            continue
        assert f"x {numbers.reps}" in table, (kind, numbers)
