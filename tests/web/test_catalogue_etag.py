"""The library and exercise cards are sent with an ETag: 304 while unchanged, a new tag after."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from fastapi.testclient import TestClient

from backtone.bootstrap import Backtone
from backtone.domain.exercise import Source
from backtone.services.catalogue import import_exercises
from tests.factories import caller_at
from tests.web.conftest import ApiUser


def add_own_exercise(web: TestClient, person: ApiUser) -> None:
    """A custom exercise of the person's own, as an import of open data would add it."""
    backtone: Backtone = web.app.state.backtone  # type: ignore[attr-defined]
    builtin = backtone.catalogue
    mine = replace(
        builtin.get("pull-up"), id="towel-pull-up", name="Towel pull-up", origin=Source.CUSTOM
    )
    with backtone.uow() as uow:
        account = uow.accounts.get_by_name(person.name)
    assert account is not None
    caller = caller_at(backtone.clock, account.id)
    added = import_exercises(uow=backtone.uow(), caller=caller, exercises=[mine])
    assert added.added == 1


def test_the_library_answers_304_to_a_client_that_holds_it(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam = api_user("sam")
    first = sam.get("/api/v1/exercises", params={"limit": "20"})
    tag = first.headers["etag"]
    assert first.status_code == 200 and len(first.json()["exercises"]) == 20
    assert first.headers["cache-control"] == "private, no-cache"
    again = web.get(
        "/api/v1/exercises", params={"limit": "20"}, headers={**sam.auth, "If-None-Match": tag}
    )
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    other_page = sam.get("/api/v1/exercises", params={"limit": "20", "offset": "20"})
    assert other_page.headers["etag"] != tag
    assert other_page.json()["exercises"] != first.json()["exercises"]


def test_a_card_answers_304_while_unchanged(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam = api_user("sam")
    card = sam.get("/api/v1/exercises/pull-up")
    assert card.status_code == 200 and card.json()["name"]
    held = {**sam.auth, "If-None-Match": f'W/{card.headers["etag"]}, "something-else"'}
    assert web.get("/api/v1/exercises/pull-up", headers=held).status_code == 304


def test_adding_an_exercise_of_ones_own_changes_the_tag_for_that_person_only(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam, kim = api_user("sam"), api_user("kim")
    before = sam.get("/api/v1/exercises", params={"text": "pull"})
    kims_before = kim.get("/api/v1/exercises", params={"text": "pull"})
    assert before.headers["etag"] == kims_before.headers["etag"]  # the same built-in answer
    add_own_exercise(web, sam)
    after = web.get(
        "/api/v1/exercises",
        params={"text": "pull"},
        headers={**sam.auth, "If-None-Match": before.headers["etag"]},
    )
    assert after.status_code == 200  # not 304: the list changed
    assert after.headers["etag"] != before.headers["etag"]
    assert "towel-pull-up" in [e["id"] for e in after.json()["exercises"]]
    assert after.json()["count"] == before.json()["count"] + 1
    held = {**sam.auth, "If-None-Match": after.headers["etag"]}
    assert web.get("/api/v1/exercises", params={"text": "pull"}, headers=held).status_code == 304
    own_card = sam.get("/api/v1/exercises/towel-pull-up")
    assert own_card.status_code == 200 and own_card.headers["etag"]
    kims_after = kim.get("/api/v1/exercises", params={"text": "pull"})
    assert kims_after.headers["etag"] == kims_before.headers["etag"]
    assert "towel-pull-up" not in [e["id"] for e in kims_after.json()["exercises"]]
