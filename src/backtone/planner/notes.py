"""What a coach tells a person before they start: the plan's shape in plain words.

Session length (and why it is shorter than asked, if it is), the deload weeks, the pull-up
ladder's steps, weekly sets under the level's range, and where the numbers come from.
"""

from __future__ import annotations

from collections.abc import Sequence

from backtone.domain.catalogue import Catalogue
from backtone.domain.plan import PlanWeek, Role
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import BACK_REGIONS, PUSH_PATTERNS, Kind, Region
from backtone.planner import ladder
from backtone.planner.explain import article, volume_notes
from backtone.planner.rules import is_hard, regions_of
from backtone.planner.selection import too_close
from backtone.planner.volume import targets

NOTE_SEEDS = (
    "Moves and numbers marked 'seed' come from the two back-toning articles this coach is built"
    " on; the rest are backtone's defaults."
)
NOTE_NO_PULL_UP = (
    "No full pull-ups yet: hangs, slow negatives and assisted reps build the strength for the"
    " first one."
)
SHORT_SHARE = 0.7  # below this share of the minutes asked for, a session needs a reason


def coach_notes(profile: Profile, weeks: Sequence[PlanWeek], catalogue: Catalogue) -> list[str]:
    """The notes that open a generated plan, most useful first."""
    peak = weekly_back_sets(weeks, catalogue)
    notes = volume_notes(profile, peak)
    notes += ladder_notes(profile, weeks)
    notes += time_notes(profile, weeks, catalogue, peak)
    notes += deload_notes(profile, weeks)
    return [*notes, NOTE_SEEDS]


def weekly_back_sets(weeks: Sequence[PlanWeek], catalogue: Catalogue) -> dict[Region, int]:
    """The most hard sets any normal week gives each back region."""
    peak: dict[Region, int] = {}
    for week in weeks:
        if week.deload:
            continue
        sets: dict[Region, int] = {}
        for session in week.sessions:
            for item in session.by_role(Role.MAIN):
                exercise = catalogue.get(item.exercise_id)
                for region in regions_of(exercise) & BACK_REGIONS if is_hard(exercise) else ():
                    sets[region] = sets.get(region, 0) + item.sets
        for region, n in sets.items():
            peak[region] = max(peak.get(region, 0), n)
    return peak


def _weeks_text(numbers: Sequence[int]) -> str:
    """'week 4', 'weeks 6 and 12', 'weeks 4, 8 and 12'."""
    if len(numbers) == 1:
        return f"week {numbers[0]}"
    return "weeks " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def _names(items: Sequence[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" and {items[-1]}"


def ladder_notes(profile: Profile, weeks: Sequence[PlanWeek]) -> list[str]:
    """Which pull-up ladder steps each stretch of weeks uses, when the plan climbs it."""
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    for week in weeks:
        rungs = {
            (ladder.RUNG_OF[i.exercise_id], i.name)
            for s in week.sessions
            for i in s.by_role(Role.MAIN)
            if ladder.is_ladder(i.exercise_id)
        }
        names = tuple(name for _, name in sorted(rungs))
        if spans and spans[-1][2] == names:
            spans[-1] = (spans[-1][0], week.number, names)
        else:
            spans.append((week.number, week.number, names))
    used = [span for span in spans if span[2]]
    below_full = any(
        ladder.RUNG_OF[i.exercise_id] < ladder.FULL_PULL_UP_RUNG
        for s in weeks[0].sessions
        for i in s.by_role(Role.MAIN)
        if ladder.is_ladder(i.exercise_id)
    )
    if not used or (len(used) == 1 and not below_full):
        return []
    parts = [
        f"{_names([n.lower() for n in names])} in {f'week {a}' if a == b else f'weeks {a}-{b}'}"
        for a, b, names in used
    ]
    steps = ", then ".join(parts)
    if len(used) == 1:
        steps = f"{_names([n.lower() for n in used[0][2]])} throughout"
    climb = " Each new block moves one step up." if len(used) > 1 else ""
    if profile.can_do_pull_up:
        return [f"Pull-up work: {steps}.{climb}"]
    return [
        NOTE_NO_PULL_UP,
        "The pull-up ladder goes dead hang and scapular pull-ups, then slow negatives, then"
        f" assisted pull-ups, then full pull-ups. Yours: {steps}.{climb} Try a full pull-up"
        " only when every rep of the step before is clean.",
    ]


def deload_notes(profile: Profile, weeks: Sequence[PlanWeek]) -> list[str]:
    """When the lighter weeks come, why they are there, and how long they take."""
    deloads = [w.number for w in weeks if w.deload]
    if not deloads:
        return []
    light = [s.estimated_minutes for w in weeks if w.deload for s in w.sessions]
    length = (
        f" Those sessions run about {min(light)}-{max(light)} minutes: doing less is the point."
        if min(light) < SHORT_SHARE * profile.minutes
        else " Spare minutes go to extra stretching."
    )
    one = len(deloads) == 1
    return [
        f"{_weeks_text(deloads).capitalize()} {'is a deload' if one else 'are deloads'}: one set"
        " fewer on the lifting and reps at the bottom of the range, so muscles, tendons and"
        f" joints catch up with the weeks before. {'It' if one else 'They'} should feel easy;"
        f" that is how the next block starts stronger.{length}"
    ]


def _fillers(weeks: Sequence[PlanWeek], catalogue: Catalogue) -> list[str]:
    """The non-back work the plan fills its sessions with, named."""
    seen: dict[str, list[str]] = {"core": [], "front": [], "rowing": []}
    for week in weeks:
        for session in week.sessions:
            for item in session.by_role(Role.MAIN):
                e = catalogue.get(item.exercise_id)
                group = (
                    "rowing" if e.kind is Kind.CARDIO
                    else "front" if e.pattern in PUSH_PATTERNS
                    else "core" if Region.CORE in regions_of(e)
                    else ""
                )  # fmt: skip
                if group and e.name.lower() not in seen[group]:
                    seen[group].append(e.name.lower())
    found = []
    if seen["core"]:
        found.append(f"trunk work ({_names(seen['core'])})")
    if seen["front"]:
        found.append(f"front work for balance ({_names(seen['front'])})")
    if seen["rowing"]:
        found.append("easy rowing to finish")
    return [*found, "longer warm-ups and cool-downs"]


def time_notes(
    profile: Profile, weeks: Sequence[PlanWeek], catalogue: Catalogue, peak: dict[Region, int]
) -> list[str]:
    """How long sessions take, what fills them, and why any fall well short of the time."""
    minutes = profile.minutes
    normal = [s.estimated_minutes for w in weeks if not w.deload for s in w.sessions]
    low, high = min(normal), max(normal)
    span = str(low) if low == high else f"{low}-{high}"
    notes = [
        f"Sessions take about {span} of your {minutes} minutes. The back work comes first; the"
        f" rest of the time goes to {_names(_fillers(weeks, catalogue))}, which support the"
        " back without adding to its weekly load."
    ]
    if too_close(profile.weekdays):
        notes.append(
            "You train on back-to-back days, so no muscle works hard two days running:"
            " the sessions take turns between muscle groups, and a lighter-looking day is the"
            " other muscles' turn to rest."
        )
    if low < SHORT_SHARE * minutes:
        caps = targets(profile)
        dose = ", ".join(f"{peak.get(r, 0)} for the {r.value.replace('-', ' ')}" for r in caps)
        if all(peak.get(r, 0) >= lo for r, (lo, _) in caps.items()):
            rest = (
                ", the muscles worked the day before must rest on back-to-back days,"
                if too_close(profile.weekdays)
                else ""
            )
            why = (
                f"your back already gets a full week of hard sets for {article(profile)}"
                f" {profile.level.value} ({dose}); more would tire it without building more{rest}"
                " and your kit offers no other core, front or stretching work to fill the rest"
            )
        else:
            why = (
                "your kit offers too few different moves to fill more time without loading the"
                " same muscles again within 48 hours"
            )
        notes.append(
            f"Some sessions run only {low} of your {minutes} minutes: {why}. A brisk walk or easy"
            " cycling is a good use of the time left."
        )
    return notes
