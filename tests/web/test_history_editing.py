"""Correcting the history on the API and the pages: a set changed or deleted, a workout
deleted and restored, a past day logged, and the free log joining the open workout."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

from tests.web.conftest import EVERY_DAY, ApiUser, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROW = "bent-over-dumbbell-row"


def sets_of(user: ApiUser) -> list[dict[str, object]]:
    return [s for w in user.get("/api/v1/history").json()["workouts"] for s in w["sets"]]


def test_a_set_is_corrected_and_deleted_through_the_api(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    for reps in (12, 21, 12):  # the middle one was typed wrong
        assert sam.post(
            "/api/v1/sets", json={"exercise_id": ROW, "reps": reps, "load": 14}
        ).is_success
    wrong = sets_of(sam)[1]
    fixed = sam.client.patch(
        f"/api/v1/sets/{wrong['id']}", json={"reps": 12, "rpe": 8, "rir": 2}, headers=sam.auth
    )
    assert fixed.status_code == 200, fixed.text
    assert (fixed.json()["set"]["reps"], fixed.json()["set"]["load"]) == (12, 14)
    assert [s["reps"] for s in sets_of(sam)] == [12, 12, 12]
    assert sets_of(sam)[1]["rir"] == 2 and sets_of(sam)[1]["rpe"] == 8
    [record] = sam.get("/api/v1/progress").json()["records"]
    assert "21" not in str(record["most_reps_detail"])
    # null clears a value; a value no set can have is refused with what is allowed.
    cleared = sam.client.patch(f"/api/v1/sets/{wrong['id']}", json={"load": None}, headers=sam.auth)
    assert cleared.json()["set"]["load"] is None
    bad = sam.client.patch(f"/api/v1/sets/{wrong['id']}", json={"reps": -1}, headers=sam.auth)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "reps"
    assert bad.json()["error"]["allowed"] == "0 or more"
    kind = sam.client.patch(f"/api/v1/sets/{wrong['id']}", json={"set_type": "x"}, headers=sam.auth)
    assert kind.status_code == 422 and "working" in kind.json()["error"]["allowed"]
    gone = sam.client.delete(f"/api/v1/sets/{wrong['id']}", headers=sam.auth)
    assert gone.status_code == 200 and gone.json()["set"]["reps"] == 12
    assert len(sets_of(sam)) == 2
    assert sam.client.delete(f"/api/v1/sets/{wrong['id']}", headers=sam.auth).status_code == 404


def test_a_deleted_workout_comes_back_with_the_restore_route(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    sam.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5})
    before = sam.get("/api/v1/history").json()["workouts"]
    workout_id = before[0]["id"]
    deleted = sam.client.delete(f"/api/v1/workouts/{workout_id}", headers=sam.auth)
    assert deleted.status_code == 200 and deleted.json()["sets"] == 1
    assert deleted.json()["restore"] == f"/api/v1/workouts/{workout_id}/restore"
    assert sam.get("/api/v1/history").json()["workouts"] == []
    assert sam.get("/api/v1/progress").json()["records"] == []
    back = sam.post(deleted.json()["restore"])
    assert back.status_code == 200 and back.json() == before[0]
    assert sam.get("/api/v1/history").json()["workouts"] == before


def test_someone_elses_sets_and_workouts_answer_404_and_stay(
    api_user: Callable[..., ApiUser],
) -> None:
    ana, ben = api_user("ana"), api_user("ben")
    ana.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5})
    [workout] = ana.get("/api/v1/history").json()["workouts"]
    set_id = workout["sets"][0]["id"]
    attempts = [
        ben.client.patch(f"/api/v1/sets/{set_id}", json={"reps": 1}, headers=ben.auth),
        ben.client.delete(f"/api/v1/sets/{set_id}", headers=ben.auth),
        ben.client.delete(f"/api/v1/workouts/{workout['id']}", headers=ben.auth),
        ben.post(f"/api/v1/workouts/{workout['id']}/restore"),
    ]
    assert [a.status_code for a in attempts] == [404] * 4
    assert ana.get("/api/v1/history").json()["workouts"] == [workout]


def test_a_past_day_is_logged_with_the_same_limits_as_the_cli(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")  # the fixed clock says 2026-11-02 07:30 UTC
    done = sam.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5, "date": "yesterday"})
    assert done.status_code == 201
    sam.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 6, "date": "2026-10-15"})
    days = [w["day"] for w in sam.get("/api/v1/history").json()["workouts"]]
    assert days == ["2026-11-01", "2026-10-15"]
    future = sam.post(
        "/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5, "date": "2030-01-01"}
    )
    assert future.status_code == 422
    assert future.json()["error"]["message"] == (
        "date: 2030-01-01 is not a day that has been (allowed: 1900-01-01 to 2026-11-02)"
    )
    old = sam.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5, "date": "1899-12-31"})
    assert old.status_code == 422 and old.json()["error"]["field"] == "date"
    typo = sam.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5, "date": "1st May"})
    assert typo.json()["error"]["allowed"] == "YYYY-MM-DD, today, yesterday"
    assert len(sets_of(sam)) == 2


def test_a_free_set_joins_the_guided_workout_open_today_even_when_retried(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    sam.post("/api/v1/plans", json={"weekdays": EVERY_DAY})
    workout_id = sam.post("/api/v1/workouts").json()["workout_id"]
    key = {"Idempotency-Key": "one-free-set"}
    body = {"exercise_id": "pull-up", "reps": 4}
    first = sam.post("/api/v1/sets", json=body, headers=key)
    again = sam.post("/api/v1/sets", json=body, headers=key)
    assert first.json()["workout_id"] == workout_id == again.json()["workout_id"]
    assert again.headers["Idempotency-Replayed"] == "true"
    [workout] = sam.get("/api/v1/history").json()["workouts"]
    assert workout["id"] == workout_id and len(workout["sets"]) == 1
    assert sam.get("/api/v1/today").json()["workout_id"] == workout_id


def test_api_errors_always_say_what_is_allowed(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    for body in (
        {"exercise_id": "pull-up", "reps": "many"},
        {"exercise_id": "pull-up", "reps": 5, "unit": "stone"},
        {"reps": 5},
        {"exercise_id": "pull-up", "reps": 5, "rpe": 11},
    ):
        answer = sam.post("/api/v1/sets", json=body)
        assert answer.status_code == 422, body
        assert answer.json()["error"]["allowed"], answer.json()
    not_json = sam.client.post(
        "/api/v1/sets", content=b"{", headers={**sam.auth, "content-type": "application/json"}
    )
    assert not_json.json()["error"]["allowed"]


# The pages.


def history_page(web: TestClient) -> str:
    return web.get("/history").text


def set_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'id="set-(\d+)"', page)]


def test_on_the_history_page_a_wrong_set_is_corrected_and_a_mistake_kept_beside_its_field(
    web: TestClient,
) -> None:
    token = browser_sign_up(web, "dora")
    logged = web.post("/history/sets", data={"exercise_id": "Pull-up", "reps": "50",
                                             "csrf_token": token})  # fmt: skip
    assert logged.status_code == 303
    [set_id] = set_ids(history_page(web))
    typed = {"exercise_id": "Pull-up", "set_type": "working", "reps": "5000", "load": "",
             "seconds": "", "rpe": "8", "rir": "", "csrf_token": token}  # fmt: skip
    refused = web.post(f"/history/sets/{set_id}", data=typed)
    assert refused.status_code == 422
    beside = re.search(rf'id="{set_id}-reps-error"[^>]*>([^<]+)<', refused.text)
    assert beside and "5000 is out of range" in beside.group(1)
    assert 'value="5000"' in refused.text and 'value="8"' in refused.text
    assert 'class="alert"' not in refused.text  # the message is beside the field only
    unknown = web.post(
        f"/history/sets/{set_id}", data=typed | {"reps": "5", "exercise_id": "Flying kick"}
    )
    assert unknown.status_code == 422 and "no exercise called" in unknown.text
    assert 'value="Flying kick"' in unknown.text
    saved = web.post(f"/history/sets/{set_id}", data=typed | {"reps": "5"})
    assert saved.headers["location"] == f"/history?saved={set_id}#set-{set_id}"
    page = web.get(saved.headers["location"]).text
    assert "5 reps" in page and "50 reps" not in page and "Set corrected" in page


def test_a_load_left_alone_keeps_its_stored_kilograms(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    web.post("/settings", data={"units": "lb", "timezone": "UTC", "minutes": "30",
                                "weekdays": "monday", "csrf_token": token})  # fmt: skip
    web.post("/history/sets", data={"exercise_id": ROW, "reps": "10", "load": "45",
                                    "csrf_token": token})  # fmt: skip
    page = history_page(web)
    [set_id] = set_ids(page)
    shown = re.search(r'name="shown_load" value="([^"]*)"', page)
    assert shown and shown.group(1) == "45"
    web.post(f"/history/sets/{set_id}", data={
        "exercise_id": ROW, "set_type": "working", "reps": "11", "load": "45",
        "shown_load": "45", "csrf_token": token,
    })  # fmt: skip
    assert "11 reps @ 45 lb" in history_page(web)


def test_a_deleted_workout_offers_an_undo_that_brings_it_back(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    web.post("/history/sets", data={"exercise_id": "pull-up", "reps": "5", "csrf_token": token})
    page = history_page(web)
    workout_id = re.search(r'id="workout-(\d+)"', page)
    assert workout_id
    gone = web.post(f"/history/workouts/{workout_id.group(1)}/delete", data={"csrf_token": token})
    after = web.get(gone.headers["location"]).text
    assert "Deleted." in after and ">Undo</button>" in after and "5 reps" not in after
    undo = re.search(r'action="(/history/workouts/\d+/restore)"', after)
    assert undo
    back = web.post(undo.group(1), data={"csrf_token": token})
    assert "5 reps" in web.get(back.headers["location"]).text


def test_yesterday_is_logged_from_the_history_page_and_tomorrow_is_refused(
    web: TestClient,
) -> None:
    token = browser_sign_up(web, "dora")
    form = history_page(web)
    assert 'type="date"' in form and 'max="2026-11-02"' in form and 'value="2026-11-02"' in form
    web.post("/history/sets", data={"exercise_id": "pull-up", "reps": "6", "date": "2026-11-01",
                                    "csrf_token": token})  # fmt: skip
    assert "Sunday 01 Nov 2026" in history_page(web)
    refused = web.post(
        "/history/sets",
        data={"exercise_id": "pull-up", "reps": "6", "date": "2026-11-03", "csrf_token": token},
    )
    assert refused.status_code == 422
    beside = re.search(r'id="log-date-error"[^>]*>([^<]+)<', refused.text)
    assert beside and "2026-11-03 is not a day that has been" in beside.group(1)
    assert 'value="2026-11-03"' in refused.text and 'value="pull-up"' in refused.text
    nothing = web.post("/history/sets", data={"exercise_id": "pull-up", "csrf_token": token})
    assert nothing.status_code == 422 and 'id="log-reps-error"' in nothing.text


def test_a_stranger_cannot_change_a_set_from_the_pages(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    web.post("/history/sets", data={"exercise_id": "pull-up", "reps": "5", "csrf_token": token})
    [set_id] = set_ids(history_page(web))
    stranger = TestClient(web.app, follow_redirects=False)
    their_token = browser_sign_up(stranger, "eve")
    for url in (f"/history/sets/{set_id}", f"/history/sets/{set_id}/delete"):
        answer = stranger.post(url, data={"exercise_id": "pull-up", "reps": "1",
                                          "csrf_token": their_token})  # fmt: skip
        assert answer.status_code == 404
    assert "5 reps" in history_page(web)
