"""What a coach tells a person before they start: the plan's shape in plain words.

Where each ladder starts and why; weekly sets under the level's range; what a limitation
leaves out and what would open it; session length (counted how, and why shorter than asked,
if it is); the deload weeks; and where the numbers come from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise
from backtone.domain.ladders import Placement
from backtone.domain.plan import CHANGEOVER_SECONDS, PlanWeek, Role
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import BACK_REGIONS, PUSH_PATTERNS, Equipment, Kind, Region
from backtone.planner.candidates import LOADED_KIT, Candidate, is_main_candidate
from backtone.planner.explain import SUGGESTED_KIT, article, coverage_gaps, volume_notes
from backtone.planner.rules import is_hard, regions_of
from backtone.planner.selection import too_close
from backtone.planner.volume import targets

NOTE_SEEDS = (
    "Moves and numbers marked 'seed' are the two back-toning articles' own, used where you"
    " are at the level they were written for; the rest are backtone's, by your level."
)
NOTE_ADJUSTS = (
    "The numbers here are the plan's; as you log sets, the app moves reps and loads within"
    " them (and says why), so today's session may ask for a little more or less."
)
SHORT_SHARE = 0.7  # below this share of the minutes asked for, a session needs a reason


def coach_notes(
    profile: Profile,
    weeks: Sequence[PlanWeek],
    catalogue: Catalogue,
    placed: Sequence[Placement],
    pool: Sequence[Candidate],
) -> list[str]:
    """The notes that open a generated plan, most useful first."""
    weekly = weekly_back_sets(weeks, catalogue)
    peak = {region: most for region, (_, most) in weekly.items()}
    found = coverage_gaps(catalogue, profile, pool)
    found += placement_notes(weeks, catalogue, placed)
    found += volume_notes(profile, weekly)
    found += limitation_notes(catalogue, profile)
    found += time_notes(profile, weeks, catalogue, peak)
    found += deload_notes(profile, weeks)
    return [*found, *closing_notes(weeks)]


def closing_notes(weeks: Sequence[PlanWeek]) -> list[str]:
    """Where the numbers come from, and that the app adjusts them from what is logged."""
    seeds = any(i.is_seed for w in weeks for s in w.sessions for i in s.items)
    return [*([NOTE_SEEDS] if seeds else []), NOTE_ADJUSTS]


def weekly_back_sets(
    weeks: Sequence[PlanWeek], catalogue: Catalogue
) -> dict[Region, tuple[int, int]]:
    """The fewest and the most hard sets a loading week gives each back region."""
    found: dict[Region, tuple[int, int]] = {}
    loading = [w for w in weeks if not w.deload] or list(weeks)
    for week in loading:
        sets = dict.fromkeys(BACK_REGIONS, 0)
        for session in week.sessions:
            for item in session.by_role(Role.MAIN):
                exercise = catalogue.get(item.exercise_id)
                for region in regions_of(exercise) & BACK_REGIONS if is_hard(exercise) else ():
                    sets[region] += item.sets
        for region, n in sets.items():
            low, high = found.get(region, (n, n))
            found[region] = (min(low, n), max(high, n))
    return found


def _weeks_text(numbers: Sequence[int]) -> str:
    """'week 4', 'weeks 6 and 12', 'weeks 4, 8 and 12'."""
    if len(numbers) == 1:
        return f"week {numbers[0]}"
    return "weeks " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def _names(items: Sequence[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" and {items[-1]}"


def placement_notes(
    weeks: Sequence[PlanWeek], catalogue: Catalogue, placed: Sequence[Placement]
) -> list[str]:
    """For each ladder the plan uses: where it starts, the answer that placed it, and the
    steps the plan climbs through."""
    found = []
    for p in placed:
        spans: list[tuple[int, int, tuple[str, ...]]] = []
        for week in weeks:
            names = tuple(dict.fromkeys(
                i.name.lower() for s in week.sessions for i in s.by_role(Role.MAIN)
                if i.exercise_id in p.ladder.exercise_ids
            ))  # fmt: skip
            if spans and spans[-1][2] == names:
                spans[-1] = (spans[-1][0], week.number, names)
            else:
                spans.append((week.number, week.number, names))
        used = [span for span in spans if span[2]]
        if not used:
            continue
        rung = p.ladder.rungs[p.rung]
        start = (
            catalogue.get(rung.exercise_id).name.lower() if rung.exercise_id in catalogue else ""
        )
        steps = ", then ".join(
            f"{_names(list(names))} in {f'week {a}' if a == b else f'weeks {a}-{b}'}"
            for a, b, names in used
        )
        climb = " Each new block moves one step up the ladder." if len(used) > 1 else ""
        found.append(
            f"{p.ladder.name}: you start at step {p.rung + 1} of {len(p.ladder.rungs)}"
            f" ({start}, {rung.target()}) because {p.because}. This plan: {steps}.{climb}"
        )
    return found


def limitation_notes(catalogue: Catalogue, profile: Profile) -> list[str]:
    """For each limitation: the moves your kit allows that it leaves out, with the reason,
    and any single piece of kit that would open a safe alternative using your weights."""
    found = []
    for limitation in sorted(profile.limitations):
        free = replace(profile, limitations=profile.limitations - {limitation})
        out = sorted(
            (e for e in catalogue
             if limitation in e.avoid_with and e.kind is Kind.STRENGTH
             and is_main_candidate(e, free)),
            key=lambda e: e.name,
        )  # fmt: skip
        if not out:
            continue
        reasons: dict[str, list[str]] = {}
        for e in out:
            reasons.setdefault(e.why_not_with(limitation), []).append(e.name.lower())
        said = "; ".join(f"{_names(names)}: {why}" for why, names in reasons.items())
        note = f"Sparing your {limitation.label}, the plan leaves out {said}."
        opens = _kit_that_opens(catalogue, profile, out)
        found.append(note + (f" {opens}" if opens else ""))
    return found


def _kit_that_opens(catalogue: Catalogue, profile: Profile, out: Sequence[Exercise]) -> str:
    """'A bench would allow the chest-supported dumbbell row.' where one piece of kit would
    let the person's own weights back into a pattern the limitation emptied."""
    offers = []
    owned = profile.equipment & LOADED_KIT
    for equipment, words in SUGGESTED_KIT:
        if equipment in profile.equipment or equipment in LOADED_KIT:
            continue
        richer = replace(profile, equipment=profile.equipment | {equipment})
        opened = sorted(
            e.name.lower() for e in catalogue
            if is_main_candidate(e, richer) and not is_main_candidate(e, profile)
            and e.needs & owned and any(o.pattern is e.pattern for o in out)
        )  # fmt: skip
        if opened:
            offers.append(f"{words} would allow the {_names(opened[:2])}")
    return (offers[0][0].upper() + offers[0][1:] + ".") if offers else ""


def deload_notes(profile: Profile, weeks: Sequence[PlanWeek]) -> list[str]:
    """When the lighter weeks come, why they are there, and how long they take."""
    deloads = [w.number for w in weeks if w.deload]
    if not deloads:
        return []
    light = [s.estimated_minutes for w in weeks if w.deload for s in w.sessions]
    one = len(deloads) == 1
    return [
        f"{_weeks_text(deloads).capitalize()} {'is a deload' if one else 'are deloads'}: a set"
        " fewer on the lifting and about 10 % less load, so muscles, tendons and joints catch"
        f" up with the weeks before. {'It' if one else 'They'} should feel easy; that is how the"
        f" next block starts stronger. Those sessions run about {min(light)}-{max(light)}"
        " minutes: doing less is the point."
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
                    else "core" if Region.CORE in regions_of(e) and not regions_of(e) & BACK_REGIONS
                    else ""
                )  # fmt: skip
                if group and e.name.lower() not in seen[group]:
                    seen[group].append(e.name.lower())
    found = []
    if seen["front"]:
        found.append(f"front work for balance ({_names(seen['front'])})")
    if seen["core"]:
        found.append(f"trunk work ({_names(seen['core'])})")
    if seen["rowing"]:
        found.append("a short, easy row to finish")
    return found


def time_notes(
    profile: Profile, weeks: Sequence[PlanWeek], catalogue: Catalogue, peak: dict[Region, int]
) -> list[str]:
    """How long sessions take, how that is counted, what fills them, and why any fall well
    short of the time asked for."""
    minutes = profile.minutes
    normal = [s.estimated_minutes for w in weeks if not w.deload for s in w.sessions]
    low, high = min(normal), max(normal)
    span = str(low) if low == high else f"{low}-{high}"
    fillers = _fillers(weeks, catalogue)
    besides = f" Besides the back work they hold {_names(fillers)}." if fillers else ""
    notes = [
        f"Sessions take about {span} of your {minutes} minutes, counted at the top of every"
        f" range, with the rests, the ramp-up sets and {CHANGEOVER_SECONDS[Role.MAIN]} s to"
        f" move between exercises.{besides}"
    ]
    if too_close(profile.weekdays):
        notes.append(
            "You train on back-to-back days, so no muscle works hard two days running:"
            " the sessions take turns between muscle groups, and a lighter-looking day is the"
            " other muscles' turn to rest."
        )
    if low < SHORT_SHARE * minutes:
        notes.append(_why_short(profile, low, peak, catalogue))
    return notes


def _why_short(profile: Profile, low: int, peak: dict[Region, int], catalogue: Catalogue) -> str:
    caps = targets(profile)
    dose = ", ".join(f"{peak.get(r, 0)} for the {r.value.replace('-', ' ')}" for r in caps)
    if all(peak.get(r, 0) >= lo for r, (lo, _) in caps.items()):
        rest = (
            " and on back-to-back days the muscles worked the day before must rest"
            if too_close(profile.weekdays)
            else ""
        )
        why = (
            f"your back already gets a full week of hard sets for {article(profile)}"
            f" {profile.level.value} ({dose}); more would tire it without building more{rest}"
        )
    else:
        why = (
            "your kit offers too few different moves to fill more time without loading the"
            " same muscles again within 48 hours"
        )
        kit = [words for equipment, words in SUGGESTED_KIT if equipment not in profile.equipment]
        if kit and Equipment.NONE in profile.equipment:
            why += f" ({kit[0]} would add more)"
    return (
        f"Some sessions run only {low} of your {profile.minutes} minutes: {why}. A brisk walk or"
        " easy cycling is a good use of the time left."
    )
