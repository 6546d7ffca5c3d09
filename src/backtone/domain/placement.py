"""Where a person starts on each ladder: from their self-test, or from what their level implies.

The answers are used as given; a missing answer is assumed from the level, and the reason says
so, so the person knows what to answer for a closer start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backtone.domain.ladders import PULL_UP_LADDER, PUSH_UP_LADDER, Ladder, Placement
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import Level


@dataclass(frozen=True)
class Assumed:
    """What a typical person at a level manages, for answers not given."""

    pull_ups: int
    hang_seconds: int
    push_ups: int


ASSUMED = {
    Level.BEGINNER: Assumed(pull_ups=0, hang_seconds=30, push_ups=2),
    Level.INTERMEDIATE: Assumed(pull_ups=4, hang_seconds=60, push_ups=13),
    Level.ADVANCED: Assumed(pull_ups=10, hang_seconds=90, push_ups=25),
}


Usable = Callable[[str], bool]  # whether the person can do an exercise (kit, limitations)


def place_pull_ups(profile: Profile, usable: Usable) -> Placement | None:
    """The pull-up ladder rung to start on, with the answer that placed it; None when no
    rung suits the person's kit and limitations."""
    assumed = ASSUMED[profile.level]
    reps = assumed.pull_ups if profile.pull_ups is None else profile.pull_ups
    hang = profile.hang_seconds
    if hang is None:
        hang = assumed.hang_seconds if reps == 0 else max(assumed.hang_seconds, 45)
    if profile.pull_ups is not None and (reps > 0 or profile.hang_seconds is not None):
        hung = f" and a {hang} s hang" if reps == 0 and profile.hang_seconds is not None else ""
        because = _your(reps, "strict pull-up", also=hung)
    elif profile.pull_ups is not None:
        because = f"{_your(0, 'strict pull-up')}; a hang is assumed ({_answer_hang()})"
    else:
        because = f"that is where {_an(profile.level)} usually starts ({_answer_pull()})"
    return _placed(PULL_UP_LADDER, reps, hang, usable, because)


def place_push_ups(profile: Profile, usable: Usable) -> Placement | None:
    """The push-up ladder rung to start on, with the answer that placed it."""
    reps = ASSUMED[profile.level].push_ups if profile.push_ups is None else profile.push_ups
    because = (
        _your(reps, "push-up")
        if profile.push_ups is not None
        else f"that is where {_an(profile.level)} usually starts (answer --push-ups for a closer"
        " start)"
    )
    return _placed(PUSH_UP_LADDER, reps, 0, usable, because)


def _placed(ladder: Ladder, reps: int, hang: int, usable: Usable, because: str) -> Placement | None:
    rung = ladder.place(reps, hang, usable)
    if rung is None:
        return None
    if rung < (ladder.place(reps, hang) or 0):
        because += "; the steps above it need kit you do not have or spare a limitation"
    return Placement(ladder, rung, because)


def placements(profile: Profile, usable: Usable) -> dict[str, Placement]:
    """Each ladder's starting rung, by ladder id, for the ladders this person can climb."""
    found = (place_pull_ups(profile, usable), place_push_ups(profile, usable))
    return {p.ladder.id: p for p in found if p is not None}


def _your(reps: int, move: str, also: str = "") -> str:
    return f"you did {reps} {move}{'' if reps == 1 else 's'}{also} in the self-test"


def _an(level: Level) -> str:
    return f"{'an' if level.value[0] in 'aeiou' else 'a'} {level.value}"


def _answer_pull() -> str:
    return "answer --pull-ups and --hang-seconds for a closer start"


def _answer_hang() -> str:
    return "answer --hang-seconds for a closer start"
