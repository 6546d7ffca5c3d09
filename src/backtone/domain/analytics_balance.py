"""Front/back balance: hard sets of pushing against pulling, per week and overall.

Seed 003's rule is that you cannot train the back well without working the front, and the
usual posture advice is to pull at least as much as you push. So two things are flagged:
pulling that lags pushing, and weeks of back work with no pushing at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, tzinfo
from enum import StrEnum

from backtone.domain.analytics_basis import (
    ExerciseFacts,
    Period,
    history_period,
    local_day,
    week_start,
)
from backtone.domain.catalogue import Catalogue
from backtone.domain.training import SetType, Workout

# This many weeks in a row of back work without any pushing counts as neglecting the front.
NEGLECT_WEEKS = 2
# Balance is judged once the person trained in this many weeks of the period: a first
# session, or a first week of a plan that opens with back work, says nothing about it yet.
BALANCE_WEEKS = 3


class BalanceFlag(StrEnum):
    PULL_LAGS = "pull-lags"
    PUSH_NEGLECTED = "push-neglected"


@dataclass(frozen=True)
class BalanceWeek:
    week: date
    push_sets: int
    pull_sets: int

    @property
    def pull_lags(self) -> bool:
        return self.pull_sets < self.push_sets


@dataclass(frozen=True)
class Balance:
    """Push and pull hard sets week by week, the totals, the flags raised and what they mean."""

    weeks: tuple[BalanceWeek, ...]
    flags: tuple[BalanceFlag, ...]
    weeks_without_push: int  # the latest run of trained weeks with no pushing, to the end

    @property
    def weeks_trained(self) -> int:
        return sum(1 for w in self.weeks if w.push_sets or w.pull_sets)

    @property
    def waiting(self) -> str:
        """Why no verdict yet, or '' once there is enough history to judge."""
        if not self.weeks_trained or self.weeks_trained >= BALANCE_WEEKS:
            return ""
        return (
            f"Front/back balance is judged after {BALANCE_WEEKS} weeks of training; "
            f"you have {self.weeks_trained} so far."
        )

    @property
    def push_sets(self) -> int:
        return sum(w.push_sets for w in self.weeks)

    @property
    def pull_sets(self) -> int:
        return sum(w.pull_sets for w in self.weeks)

    @property
    def pull_per_push(self) -> float | None:
        """Pull sets for each push set; None when there was no pushing."""
        return self.pull_sets / self.push_sets if self.push_sets else None

    @property
    def messages(self) -> tuple[str, ...]:
        """One plain sentence per flag, for the progress page and the report."""
        said: list[str] = []
        if BalanceFlag.PULL_LAGS in self.flags:
            said.append(
                f"Add back work: {self.pull_sets} pulling sets to {self.push_sets} pushing "
                "ones lately; aim for at least as many pulling sets as pushing."
            )
        if BalanceFlag.PUSH_NEGLECTED in self.flags:
            said.append(
                f"Add some pushing: none in your last {self.weeks_without_push} weeks of "
                "training; a few sets of push-ups keep the front as strong as the back."
            )
        return tuple(said)


def push_pull_balance(
    workouts: Iterable[Workout],
    catalogue: Catalogue,
    *,
    tz: tzinfo,
    period: Period | None = None,
) -> Balance:
    """Hard sets of push patterns against pull patterns for each ISO week of the period."""
    workouts = list(workouts)
    period = period or history_period(workouts, tz)
    if period is None:
        return Balance((), (), 0)
    weeks = period.weeks
    index = {monday: i for i, monday in enumerate(weeks)}
    push, pull = [0] * len(weeks), [0] * len(weeks)
    facts = ExerciseFacts(catalogue)
    for workout in workouts:
        i = index.get(week_start(local_day(workout, tz)))
        if i is None:
            continue
        for logged in workout.sets:
            if logged.set_type is not SetType.WARMUP:  # is_hard, without the call
                side = facts(logged.exercise_id).side
                if side == "push":
                    push[i] += 1
                elif side == "pull":
                    pull[i] += 1
    rows = tuple(BalanceWeek(w, push[i], pull[i]) for i, w in enumerate(weeks))
    # Weeks before the first one trained are not weeks without pushing.
    trained = [i for i, row in enumerate(rows) if row.push_sets or row.pull_sets]
    since = rows[trained[0] :] if trained else ()
    without = 0
    for row in reversed(since):
        if row.push_sets:
            break
        without += 1
    flags: list[BalanceFlag] = []
    if len(trained) >= BALANCE_WEEKS:
        if sum(pull) < sum(push):
            flags.append(BalanceFlag.PULL_LAGS)
        # Idle weeks are a consistency matter: neglect needs back work while pushing stopped.
        if without >= NEGLECT_WEEKS and sum(pull[len(rows) - without :]) > 0:
            flags.append(BalanceFlag.PUSH_NEGLECTED)
    return Balance(rows, tuple(flags), without)
