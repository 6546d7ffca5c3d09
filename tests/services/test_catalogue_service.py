from __future__ import annotations

import pytest

from backtone.domain.catalogue import Catalogue, ExerciseFilter
from backtone.domain.errors import InvalidInput, NotFound
from backtone.domain.exercise import Source
from backtone.domain.vocabulary import Equipment, Level, Muscle
from backtone.services import catalogue as service
from backtone.services.context import Caller
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.factories import caller_at, make_exercise
from tests.fakes import FakeUnitOfWork

BUILTIN = Catalogue(
    [
        make_exercise(
            "pull-up", equipment=frozenset({Equipment.PULL_UP_BAR}), level=Level.INTERMEDIATE
        ),
        make_exercise(
            "superman", primary=(Muscle.ERECTOR_SPINAE,), secondary=(Muscle.LATISSIMUS_DORSI,)
        ),
        make_exercise("band-row", equipment=frozenset({Equipment.RESISTANCE_BAND})),
    ]
)


def person(user_id: int) -> Caller:
    return caller_at(FixedClock(), user_id)


def imported(exercise_id: str) -> object:
    return make_exercise(exercise_id, origin=Source.FREE_EXERCISE_DB)


def test_importing_the_same_exercises_twice_adds_nothing_the_second_time() -> None:
    uow = FakeUnitOfWork(BUILTIN)
    batch = [make_exercise("fedb-a"), make_exercise("fedb-b")]
    first = service.import_exercises(uow=uow, caller=person(1), exercises=batch)
    second = service.import_exercises(uow=uow, caller=person(1), exercises=batch)
    assert (first.added, first.already_present) == (2, 0)
    assert (second.added, second.already_present) == (0, 2)
    assert len(uow.exercises.for_user(1)) == 2


def test_an_import_never_replaces_a_built_in_exercise() -> None:
    uow = FakeUnitOfWork(BUILTIN)
    result = service.import_exercises(
        uow=uow, caller=person(1), exercises=[make_exercise("pull-up", name="Other")]
    )
    assert result.added == 0
    assert (
        service.show_exercise(uow=uow, caller=person(1), exercise_id="pull-up")[0].name == "Pull Up"
    )


def test_one_persons_imports_are_invisible_to_another() -> None:
    uow = FakeUnitOfWork(BUILTIN)
    service.import_exercises(uow=uow, caller=person(1), exercises=[make_exercise("fedb-a")])
    with pytest.raises(NotFound):
        service.show_exercise(uow=uow, caller=person(2), exercise_id="fedb-a")


def test_listing_with_only_a_band_shows_band_and_bodyweight_work() -> None:
    found = service.list_exercises(
        uow=FakeUnitOfWork(BUILTIN), caller=person(1),
        query=ExerciseFilter(equipment=frozenset({Equipment.RESISTANCE_BAND})),
    )  # fmt: skip
    assert {e.id for e in found} == {"band-row", "superman"}


def test_a_muscle_filter_lists_primary_movers_before_helpers() -> None:
    found = BUILTIN.find(ExerciseFilter(muscle=Muscle.LATISSIMUS_DORSI))
    assert found[-1].id == "superman"


def test_a_beginner_filter_hides_harder_exercises() -> None:
    found = BUILTIN.find(ExerciseFilter(level=Level.BEGINNER))
    assert "pull-up" not in {e.id for e in found}


def test_the_local_person_is_created_once(clock: FixedClock) -> None:
    uow = FakeUnitOfWork(BUILTIN)
    first = ensure_local_user(uow=uow, clock=clock, name="Me")
    again = ensure_local_user(uow=uow, clock=clock, name="me")
    assert first == again and first.name == "me"


def test_a_user_name_with_spaces_is_refused_with_what_is_allowed(clock: FixedClock) -> None:
    with pytest.raises(InvalidInput, match="letters, digits"):
        ensure_local_user(uow=FakeUnitOfWork(BUILTIN), clock=clock, name="two words")
