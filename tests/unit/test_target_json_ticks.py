"""A tick is kept with a guided workout's targets and read back; an unticked item writes
nothing new, so older stored targets and backups read the same."""

from __future__ import annotations

from backtone.adapters.formats.target_json import target_from_dict, target_to_dict
from backtone.domain.exercise import Span
from backtone.domain.exposure import Target
from backtone.domain.plan import PlanItem, Role


def _item() -> PlanItem:
    return PlanItem("cat-cow", "Cat-cow", Role.WARM_UP, sets=1, rest_seconds=0, reps=Span(8, 10))


def test_a_ticked_item_reads_back_ticked() -> None:
    stored = target_to_dict(_item(), Target(1, reps=Span(8, 10), ticked=True))
    assert stored["ticked"] is True
    _, target = target_from_dict(stored)
    assert target.ticked


def test_an_unticked_item_writes_no_tick_and_older_entries_read_unticked() -> None:
    stored = target_to_dict(_item(), Target(1, reps=Span(8, 10)))
    assert "ticked" not in stored
    assert not target_from_dict(stored)[1].ticked
