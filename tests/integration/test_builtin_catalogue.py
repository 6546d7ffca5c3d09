"""The built-in catalogue holds every item of both seed articles with the seeds' numbers,
links its variants into ladders, and gives every kind of home or gym a complete back program."""

from __future__ import annotations

import tomllib
from collections import deque
from dataclasses import dataclass
from importlib import resources

import pytest

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.catalogue import Catalogue, ExerciseFilter, normalise_name
from backtone.domain.exercise import Exercise, Source, Span
from backtone.domain.profile import EQUIPMENT_PRESETS
from backtone.domain.vocabulary import (
    Equipment,
    Kind,
    Level,
    Limitation,
    LoadKind,
    Muscle,
    Pattern,
)

S0, S3 = Source.SEED_000, Source.SEED_003


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_builtin_catalogue()


@dataclass(frozen=True)
class SeedItem:
    """One exercise, variation or stretch as a seed names it, and what the catalogue must hold.

    Numbers left as None are ones the seed does not give; links are subsets that must be there.
    """

    seed: Source
    text: str
    expected_id: str
    sets: int | None = None
    reps: str | None = None
    seconds: str | None = None
    rest: str | None = None
    per_side: bool | None = None
    easier: frozenset[str] = frozenset()
    harder: frozenset[str] = frozenset()

    def __str__(self) -> str:
        return f"{self.seed.value}:{self.text}"


def _ids(*ids: str) -> frozenset[str]:
    return frozenset(ids)


SEED_ITEMS = [
    # Seed 000, "How To Tone Your Back Muscles": six gym exercises and the pull-up's modifications.
    SeedItem(S0, "Lat Pulldown", "lat-pulldown", reps="12-15", harder=_ids("pull-up")),
    SeedItem(S0, "Bent Over Dumbell Row", "bent-over-dumbbell-row"),
    SeedItem(S0, "Barbell Deadlift", "barbell-deadlift"),
    SeedItem(
        S0,
        "Pull-ups",
        "pull-up",
        easier=_ids("assisted-pull-up", "spotted-pull-up", "band-assisted-pull-up"),
        harder=_ids("wide-grip-pull-up", "close-grip-pull-up"),
    ),
    SeedItem(
        S0,
        "assisted pull-up machine",
        "assisted-pull-up",
        easier=_ids("negative-pull-up"),
        harder=_ids("pull-up"),
    ),
    SeedItem(S0, "spotted pull-up", "spotted-pull-up", harder=_ids("pull-up")),
    SeedItem(
        S0,
        "negative pull-ups",
        "negative-pull-up",
        easier=_ids("scapular-pull-up"),
        harder=_ids("assisted-pull-up", "band-assisted-pull-up"),
    ),
    SeedItem(S0, "Row Machine", "rowing-machine"),
    SeedItem(
        S0, "Dumbbell Pullover", "dumbbell-pullover", easier=_ids("single-arm-dumbbell-pullover")
    ),
    SeedItem(
        S0, "one-hand pullover", "single-arm-dumbbell-pullover", harder=_ids("dumbbell-pullover")
    ),
    # Seed 003, "How to tone your back": stretches, band flies, push-ups, pull-ups and a routine.
    SeedItem(S3, "doorframe stretch", "doorframe-stretch", seconds="30-60", per_side=True),
    SeedItem(S3, "Squat stretch", "squat-stretch", seconds="20-30", per_side=True),
    SeedItem(S3, "Spine stretch", "spine-stretch"),
    SeedItem(S3, "reverse flies", "band-reverse-fly"),
    SeedItem(
        S3,
        "Push ups",
        "push-up",
        sets=3,
        reps="10",
        rest="30-60",
        easier=_ids("knee-push-up"),
        harder=_ids("decline-push-up", "wide-push-up", "diamond-push-up"),
    ),
    SeedItem(S3, "Wide push up", "wide-push-up", easier=_ids("push-up")),
    SeedItem(S3, "Narrow pushup", "diamond-push-up", easier=_ids("wide-push-up", "push-up")),
    SeedItem(S3, "diamond pushups", "diamond-push-up", easier=_ids("wide-push-up", "push-up")),
    SeedItem(S3, "incline pushups", "incline-push-up", harder=_ids("knee-push-up")),
    SeedItem(S3, "decline pushups", "decline-push-up", easier=_ids("push-up")),
    SeedItem(S3, "Pull ups", "pull-up", harder=_ids("wide-grip-pull-up", "close-grip-pull-up")),
    SeedItem(
        S3,
        "Wide pullups",
        "wide-grip-pull-up",
        sets=2,
        reps="1-3",
        rest="60",
        easier=_ids("pull-up"),
    ),
    SeedItem(
        S3,
        "Close grip pull-ups",
        "close-grip-pull-up",
        sets=2,
        reps="1-3",
        rest="60",
        easier=_ids("pull-up"),
    ),
    SeedItem(S3, "Dumbbell rows", "bent-over-dumbbell-row", sets=3, reps="12-15", rest="30"),
    # The seed does not say how to row; the supported row (a hand on a bench or chair) is one.
    SeedItem(
        S3, "supported dumbbell row", "single-arm-dumbbell-row", sets=3, reps="12-15", rest="30"
    ),
    SeedItem(S3, "close grip pullup", "close-grip-pull-up", sets=2, reps="1-3", rest="60"),
    SeedItem(S3, "Wide grip pullup", "wide-grip-pull-up", sets=2, reps="1-3", rest="60"),
]


def _span(text: str) -> Span:
    low, _, high = text.partition("-")
    return Span(int(low), int(high or low))


@pytest.mark.parametrize("item", SEED_ITEMS, ids=str)
def test_every_seed_item_is_in_the_catalogue_under_the_name_the_seed_uses(
    catalogue: Catalogue, item: SeedItem
) -> None:
    found = catalogue.resolve(item.text)
    assert found.id == item.expected_id
    assert item.seed in found.featured_in


@pytest.mark.parametrize("item", SEED_ITEMS, ids=str)
def test_seed_numbers_are_quoted_exactly_and_marked_as_coming_from_a_seed(
    catalogue: Catalogue, item: SeedItem
) -> None:
    p = catalogue.get(item.expected_id).prescription
    given = {
        "sets": (item.sets, p.sets),
        "reps": (item.reps and _span(item.reps), p.reps),
        "seconds": (item.seconds and _span(item.seconds), p.seconds),
        "rest": (item.rest and _span(item.rest), p.rest_seconds),
        "per_side": (item.per_side, p.per_side),
    }
    checked = {name: pair for name, pair in given.items() if pair[0] is not None}
    for name, (expected, actual) in checked.items():
        assert actual == expected, f"{item.expected_id} {name}"
    if checked:
        assert p.source in (S0, S3)


@pytest.mark.parametrize("item", SEED_ITEMS, ids=str)
def test_seed_items_link_to_the_right_easier_and_harder_variants(
    catalogue: Catalogue, item: SeedItem
) -> None:
    found = catalogue.get(item.expected_id)
    assert item.easier <= set(found.easier)
    assert item.harder <= set(found.harder)


def test_only_seed_items_claim_to_be_featured_in_a_seed(catalogue: Catalogue) -> None:
    expected = {(item.seed, item.expected_id) for item in SEED_ITEMS}
    claimed = {(seed, e.id) for e in catalogue for seed in e.featured_in}
    assert claimed == expected


def test_the_unnamed_routine_item_is_read_as_push_ups_and_the_data_says_so(
    catalogue: Catalogue,
) -> None:
    push_up = catalogue.get("push-up").prescription
    assert "push-up" in push_up.note.lower()
    first = catalogue.routine("seed-003-back-routine").items[0]
    assert first.exercise_id == "push-up"
    assert "push-up" in first.note.lower()


def test_the_dumbbell_rows_of_both_seeds_are_one_entry_whose_note_explains_it(
    catalogue: Catalogue,
) -> None:
    row = catalogue.get("bent-over-dumbbell-row")
    assert catalogue.resolve("Dumbbell rows") == catalogue.resolve("Bent Over Dumbell Row") == row
    assert "seed 000" in row.prescription.note.lower()


SEED_003_ROUTINE = [
    ("push-up", 3, "10", "30-60"),
    ("bent-over-dumbbell-row", 3, "12-15", "30"),
    ("close-grip-pull-up", 2, "1-3", "60"),
    ("wide-grip-pull-up", 2, "1-3", "60"),
]


def test_the_seed_003_routine_is_built_in_with_the_seed_numbers(catalogue: Catalogue) -> None:
    routine = catalogue.routine("seed-003-back-routine")
    assert routine.source is S3
    numbers = [(i.exercise_id, routine.numbers(i, catalogue)) for i in routine.items]
    got = [(e, p.sets, p.reps, p.rest_seconds) for e, p in numbers]
    assert got == [(e, sets, _span(r), _span(rest)) for e, sets, r, rest in SEED_003_ROUTINE]
    assert all(p.source is S3 for _, p in numbers)
    assert all(i.prescription is None for i in routine.items)  # one home: the exercises


def test_the_seed_000_gym_session_uses_its_six_exercises_and_only_quotes_the_pulldown_reps(
    catalogue: Catalogue,
) -> None:
    routine = catalogue.routine("seed-000-gym-session")
    seed_000_main = {
        "lat-pulldown", "bent-over-dumbbell-row", "barbell-deadlift",
        "pull-up", "rowing-machine", "dumbbell-pullover",
    }  # fmt: skip
    assert {i.exercise_id for i in routine.items} == seed_000_main
    for item in routine.items:
        assert item.exercise_id in catalogue and item.prescription is None
        numbers = routine.numbers(item, catalogue)
        if item.exercise_id == "lat-pulldown":
            assert (numbers.reps, numbers.source) == (Span(12, 15), S0)
        else:
            assert numbers.source is not S0


def test_the_catalogue_has_at_least_45_entries(catalogue: Catalogue) -> None:
    assert len(catalogue) >= 45


def test_every_entry_has_its_texts_written_out(catalogue: Catalogue) -> None:
    for e in catalogue:
        assert e.name and e.summary and e.setup, e.id
        assert e.aliases, f"{e.id} has no aliases"
        assert len(e.steps) >= 3, f"{e.id} needs numbered steps"
        assert len(e.cues) >= 2 and len(e.mistakes) >= 2 and e.safety, e.id
        assert e.summary.endswith(".") and all(s.endswith(".") for s in e.steps), e.id


def test_ids_are_slugs_and_no_alias_names_two_exercises(catalogue: Catalogue) -> None:
    owner: dict[str, str] = {}
    for e in catalogue:
        assert e.id == "-".join(normalise_name(e.id).split()), e.id
        for name in (e.id, e.name, *e.aliases):
            key = normalise_name(name)
            assert owner.setdefault(key, e.id) == e.id, f"{name!r}: {owner[key]} and {e.id}"


def _data_tables() -> list[tuple[str, dict[str, object]]]:
    data = resources.files("backtone.adapters.catalogue") / "data"
    tables = []
    for f in data.iterdir():
        if f.name.endswith(".toml"):
            tables += [(f.name, t) for t in tomllib.loads(f.read_text()).get("exercise", [])]
    return tables


def test_data_files_name_muscles_and_equipment_only_from_the_vocabulary_once_each() -> None:
    muscles, kit = {m.value for m in Muscle}, {q.value for q in Equipment}
    for name, table in _data_tables():
        where = f"{name} {table['id']}"
        named = [*table["primary"], *table.get("secondary", [])]  # type: ignore[misc]
        assert set(named) <= muscles and len(named) == len(set(named)), where
        equipment = list(table["equipment"])  # type: ignore[call-overload]
        assert set(equipment) <= kit and len(equipment) == len(set(equipment)), where
        assert equipment == ["none"] or "none" not in equipment, where


@pytest.mark.parametrize("preset", sorted(EQUIPMENT_PRESETS))
@pytest.mark.parametrize("pattern", [Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.HINGE])
def test_every_equipment_preset_has_a_beginner_option_for_each_main_back_pattern(
    catalogue: Catalogue, preset: str, pattern: Pattern
) -> None:
    query = ExerciseFilter(
        equipment=EQUIPMENT_PRESETS[preset],
        pattern=pattern,
        kind=Kind.STRENGTH,
        level=Level.BEGINNER,
    )
    assert catalogue.find(query), f"{preset} has no beginner {pattern.value}"


def _harder_path(catalogue: Catalogue, start: str, goal: str) -> list[str]:
    came_from: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for nxt in catalogue.get(current).harder:
            if nxt not in came_from:
                came_from[nxt] = current
                queue.append(nxt)
    path: list[str] = []
    step: str | None = goal if goal in came_from else None
    while step is not None:
        path.insert(0, step)
        step = came_from[step]
    return path


def test_the_pull_up_ladder_climbs_from_dead_hang_to_pull_up_and_its_grips(
    catalogue: Catalogue,
) -> None:
    path = _harder_path(catalogue, "dead-hang", "pull-up")
    assert path[:3] == ["dead-hang", "scapular-pull-up", "negative-pull-up"]
    assert path[3] in {"band-assisted-pull-up", "assisted-pull-up", "spotted-pull-up"}
    assert path[-1] == "pull-up" and len(path) == 5
    for grip in ("wide-grip-pull-up", "close-grip-pull-up"):
        assert _harder_path(catalogue, "dead-hang", grip)[-2:] == ["pull-up", grip]
    assert _harder_path(catalogue, "chin-up", "pull-up") == ["chin-up", "pull-up"]


def test_the_push_up_ladder_runs_incline_then_knees_then_floor_then_decline(
    catalogue: Catalogue,
) -> None:
    assert _harder_path(catalogue, "incline-push-up", "decline-push-up") == [
        "incline-push-up",
        "knee-push-up",
        "push-up",
        "decline-push-up",
    ]


def test_no_harder_chain_loops_back_to_where_it_started(catalogue: Catalogue) -> None:
    for e in catalogue:
        reachable = _harder_path(catalogue, e.id, e.id)
        assert reachable == [e.id], f"{e.id} is harder than itself via {reachable}"
        assert e.id not in set(e.easier) | set(e.harder)


def test_lats_with_no_equipment_lists_several_bodyweight_exercises(catalogue: Catalogue) -> None:
    found = catalogue.find(ExerciseFilter(muscle=Muscle.LATISSIMUS_DORSI, equipment=frozenset()))
    bodyweight = [e for e in found if e.kind is Kind.STRENGTH and e.load is LoadKind.BODYWEIGHT]
    assert len(bodyweight) >= 2
    assert "prone-floor-pulldown" in {e.id for e in bodyweight}


APP_NAMES = [
    ("Bent Over Row (Dumbbell)", "bent-over-dumbbell-row"),
    ("Bent Over Row (Barbell)", "barbell-row"),
    ("Pull Up", "pull-up"),
    ("Pull Up (Assisted)", "assisted-pull-up"),
    ("Wide Pull Up", "wide-grip-pull-up"),
    ("Chin Up", "chin-up"),
    ("Deadlift (Barbell)", "barbell-deadlift"),
    ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
    ("Romanian Deadlift (Dumbbell)", "dumbbell-romanian-deadlift"),
    ("Seated Cable Row", "seated-cable-row"),
    ("Seated Row (Cable)", "seated-cable-row"),
    ("Seated Cable Row - V Grip (Cable)", "seated-cable-row"),
    ("Lat Pulldown (Cable)", "lat-pulldown"),
    ("Lat Pulldown (Machine)", "lat-pulldown"),
    ("Pullover (Dumbbell)", "dumbbell-pullover"),
    ("Chest Supported Incline Row (Dumbbell)", "chest-supported-dumbbell-row"),
    ("Back Extension (Weighted Hyperextension)", "back-extension"),
    ("Face Pull (Cable)", "face-pull"),
    ("Bench Press (Dumbbell)", "dumbbell-bench-press"),
    ("Push Up", "push-up"),
]


@pytest.mark.parametrize(("app_name", "expected_id"), APP_NAMES)
def test_names_used_by_strong_and_hevy_resolve_to_the_right_exercise(
    catalogue: Catalogue, app_name: str, expected_id: str
) -> None:
    assert catalogue.resolve(app_name).id == expected_id


LIMITS = [
    ("barbell-deadlift", Limitation.LOWER_BACK),
    ("romanian-deadlift", Limitation.LOWER_BACK),
    ("dumbbell-romanian-deadlift", Limitation.LOWER_BACK),
    ("bent-over-dumbbell-row", Limitation.LOWER_BACK),
    ("barbell-row", Limitation.LOWER_BACK),
    ("dumbbell-pullover", Limitation.SHOULDER),
    ("single-arm-dumbbell-pullover", Limitation.SHOULDER),
    ("push-up", Limitation.WRIST),
    ("diamond-push-up", Limitation.WRIST),
    ("decline-push-up", Limitation.WRIST),
]


@pytest.mark.parametrize(("exercise_id", "limitation"), LIMITS)
def test_risky_exercises_are_kept_from_people_who_must_spare_that_body_part(
    catalogue: Catalogue, exercise_id: str, limitation: Limitation
) -> None:
    assert limitation in catalogue.get(exercise_id).avoid_with


def test_gentle_back_options_stay_open_to_a_sore_lower_back(catalogue: Catalogue) -> None:
    for exercise_id in ("chest-supported-dumbbell-row", "bird-dog", "glute-bridge", "cat-cow"):
        assert Limitation.LOWER_BACK not in catalogue.get(exercise_id).avoid_with


def _is_timed_hold(e: Exercise) -> bool:
    return e.prescription.is_timed and e.load is LoadKind.UNLOADED


def test_stretches_are_timed_holds_and_the_rower_is_timed_cardio(catalogue: Catalogue) -> None:
    stretches = catalogue.find(ExerciseFilter(kind=Kind.STRETCH))
    assert len(stretches) >= 4
    assert all(_is_timed_hold(e) and e.pattern is Pattern.STRETCH for e in stretches)
    rower = catalogue.get("rowing-machine")
    assert rower.kind is Kind.CARDIO and _is_timed_hold(rower)
    assert rower.prescription.seconds is not None and rower.prescription.seconds.low >= 300


def test_mobility_drills_are_marked_as_mobility(catalogue: Catalogue) -> None:
    for exercise_id in ("cat-cow", "thoracic-extension"):
        assert catalogue.get(exercise_id).kind is Kind.MOBILITY


def test_entries_without_seed_figures_say_their_numbers_are_defaults(catalogue: Catalogue) -> None:
    seeded = {item.expected_id for item in SEED_ITEMS if item.reps or item.seconds}
    for e in catalogue:
        if e.id not in seeded:
            assert e.prescription.source is Source.DEFAULT, e.id
