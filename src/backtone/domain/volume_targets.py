"""Weekly hard-set targets per back region: shared by the planner and the progress analytics."""

from __future__ import annotations

from backtone.domain.vocabulary import Level, Region

# Hard sets a week, counted once per region an exercise's primary muscles belong to.
WEEKLY_TARGETS: dict[Level, dict[Region, tuple[int, int]]] = {
    Level.BEGINNER: {Region.LATS: (6, 10), Region.UPPER_BACK: (6, 10), Region.LOWER_BACK: (2, 4)},
    Level.INTERMEDIATE: {
        Region.LATS: (10, 16),
        Region.UPPER_BACK: (10, 16),
        Region.LOWER_BACK: (3, 6),
    },
    Level.ADVANCED: {
        Region.LATS: (14, 20),
        Region.UPPER_BACK: (14, 20),
        Region.LOWER_BACK: (4, 8),
    },
}
