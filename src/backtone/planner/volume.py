"""Weekly hard-set targets per back region and set counts by level."""

from __future__ import annotations

from backtone.domain.profile import Profile
from backtone.domain.vocabulary import Level, Region
from backtone.domain.volume_targets import WEEKLY_TARGETS

MIN_MAIN_EXERCISES = 2
MAX_PULL_PER_PUSH = 3  # pull sets per push set at most: the back leads, the front keeps up
MAX_MAIN_EXERCISES = {Level.BEGINNER: 5, Level.INTERMEDIATE: 6, Level.ADVANCED: 7}
# Deload every 6 weeks for beginners (little fatigue to shed), every 4 for the advanced.
BLOCK_WEEKS = {Level.BEGINNER: 6, Level.INTERMEDIATE: 5, Level.ADVANCED: 4}


def targets(profile: Profile) -> dict[Region, tuple[int, int]]:
    """The weekly hard-set range for each back region for this person."""
    return WEEKLY_TARGETS[profile.level]


def ramp_sets(low: int, high: int) -> int:
    """Weekly sets a block holds back at first and adds from its middle weeks on."""
    return max(1, (high - low) // 3)


def model_caps(profile: Profile, *, ramp: bool) -> dict[Region, int]:
    """The most weekly hard sets per back region a block's first weeks plan for: the top of the
    range, less the sets the block adds later when it has weeks to build in."""
    return {
        region: high - (ramp_sets(low, high) if ramp else 0)
        for region, (low, high) in targets(profile).items()
    }


def max_main_exercises(profile: Profile) -> int:
    """Main moves a session may hold: more for a long session, which needs more to fill it."""
    return MAX_MAIN_EXERCISES[profile.level] + profile.minutes // 45
