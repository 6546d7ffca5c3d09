"""The pull-up ladder: hang, then lower slowly, then assisted reps, then full pull-ups.

Each block of the plan may use a window of rungs; the window climbs one rung per block.
"""

from __future__ import annotations

from backtone.domain.profile import Profile
from backtone.domain.vocabulary import Level

RUNGS: tuple[tuple[str, ...], ...] = (
    ("dead-hang", "scapular-pull-up"),
    ("negative-pull-up",),
    ("band-assisted-pull-up", "assisted-pull-up", "spotted-pull-up"),
    ("pull-up", "chin-up"),
    ("wide-grip-pull-up", "close-grip-pull-up"),
)
FULL_PULL_UP_RUNG = 3
RUNG_OF = {exercise_id: rung for rung, ids in enumerate(RUNGS) for exercise_id in ids}

RUNG_NOTES = {
    "dead-hang": "Hang still, shoulders packed; stop before the grip gives.",
    "scapular-pull-up": "Arms straight: lift the body with the shoulder blades only.",
    "negative-pull-up": "Jump or step to the top, then lower for 3-5 seconds.",
    "band-assisted-pull-up": "Use the lightest band that still lets you finish every rep.",
    "assisted-pull-up": "Take the least assistance that still lets you finish every rep.",
    "spotted-pull-up": "Your helper lifts only as much as you need at the sticking point.",
    "pull-up": "Full hang to chin over the bar; stop a rep short of failing.",
    "chin-up": "Palms towards you; chest to the bar if you can.",
}


def start_rung(profile: Profile) -> int:
    """The highest rung a person works on in the first block."""
    if not profile.can_do_pull_up:
        return 2  # hangs, negatives and assisted work together, no full reps yet
    if (profile.pull_ups or 0) >= 8 or (
        profile.pull_ups is None and profile.level is Level.ADVANCED
    ):
        return len(RUNGS) - 1
    return FULL_PULL_UP_RUNG


def window(profile: Profile, block: int) -> frozenset[str]:
    """Ladder exercises a block may use: the top rung climbs one step per block."""
    top = min(start_rung(profile) + block, len(RUNGS) - 1)
    low = max(0, top - 2)
    if start_rung(profile) == len(RUNGS) - 1:
        low = FULL_PULL_UP_RUNG  # eight strict pull-ups are past assisted and negative work
    return frozenset(e for rung in range(low, top + 1) for e in RUNGS[rung])


def is_ladder(exercise_id: str) -> bool:
    return exercise_id in RUNG_OF
