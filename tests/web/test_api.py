"""The REST API end to end, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.web.conftest import EVERY_DAY, PASSWORD, ApiUser

PLAN = {"weekdays": EVERY_DAY, "equipment": "home-dumbbells", "weeks": 4}


def _started(user: ApiUser) -> dict[str, Any]:
    assert user.post("/api/v1/plans", json=PLAN).status_code == 201
    started = user.post("/api/v1/workouts")
    assert started.status_code == 201, started.text
    today: dict[str, Any] = started.json()
    return today


def _main_card(today: dict[str, Any]) -> dict[str, Any]:
    card: dict[str, Any] = next(c for c in today["cards"] if c["role"] == "main")
    return card


def test_a_new_person_signs_up_gets_a_plan_and_sees_todays_session(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    plan = sam.post("/api/v1/plans", json=PLAN).json()
    assert plan["owner"] == "sam" and len(plan["weeks"]) == 4
    today = sam.get("/api/v1/today").json()
    assert today["has_plan"] and not today["started"]
    assert today["is_today"] and today["cards"]
    assert all(card["target"] for card in today["cards"])


def test_a_set_logged_in_a_workout_shows_in_today_and_in_the_history(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    today = _started(sam)
    card = _main_card(today)
    body = {"exercise_id": card["exercise_id"], "reps": 9, "load": 12.5}
    logged = sam.post(f"/api/v1/workouts/{today['workout_id']}/sets", json=body)
    assert logged.status_code == 201, logged.text
    again = sam.get("/api/v1/today").json()
    texts = [s["text"] for c in again["cards"] for s in c["logged"]]
    assert texts == ["9 reps @ 12.5 kg"]
    history = sam.get("/api/v1/history").json()
    assert [s["reps"] for w in history["workouts"] for s in w["sets"]] == [9]


def test_a_retried_post_with_the_same_idempotency_key_logs_the_set_once(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    today = _started(sam)
    url = f"/api/v1/workouts/{today['workout_id']}/sets"
    body = {"exercise_id": _main_card(today)["exercise_id"], "reps": 10}
    first = sam.post(url, json=body, headers={"Idempotency-Key": "phone-1"})
    retry = sam.post(url, json=body, headers={"Idempotency-Key": "phone-1"})
    assert first.json() == retry.json()
    assert retry.headers["Idempotency-Replayed"] == "true"
    sets = sam.get("/api/v1/history").json()["workouts"][0]["sets"]
    assert len(sets) == 1


def test_the_same_key_for_a_different_set_is_refused(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    today = _started(sam)
    url = f"/api/v1/workouts/{today['workout_id']}/sets"
    exercise = _main_card(today)["exercise_id"]
    sam.post(url, json={"exercise_id": exercise, "reps": 10}, headers={"Idempotency-Key": "k"})
    clash = sam.post(
        url, json={"exercise_id": exercise, "reps": 6}, headers={"Idempotency-Key": "k"}
    )
    assert clash.status_code == 409


def test_free_logging_keeps_a_retried_set_once_too(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    body = {"exercise_id": "bent-over-dumbbell-row", "reps": 12, "load": 30, "unit": "lb"}
    for _ in range(3):
        sam.post("/api/v1/sets", json=body, headers={"Idempotency-Key": "same"})
    sets = sam.get("/api/v1/history").json()["workouts"][0]["sets"]
    assert len(sets) == 1 and sets[0]["load"] == 13.61


def test_finishing_a_workout_sums_it_up(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    today = _started(sam)
    card = _main_card(today)
    url = f"/api/v1/workouts/{today['workout_id']}"
    sam.post(f"{url}/sets", json={"exercise_id": card["exercise_id"], "reps": 8})
    summary = sam.post(f"{url}/finish").json()
    assert summary["sets"] == 1 and summary["streak"].startswith("This week: 1 of ")
    assert not sam.get("/api/v1/today").json()["started"]


def test_an_exercise_can_be_swapped_for_one_of_the_offered_options(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    today = _started(sam)
    url = f"/api/v1/workouts/{today['workout_id']}"
    offered = {
        c["position"]: sam.get(f"{url}/swaps/{c['position']}").json()["options"]
        for c in today["cards"]
        if c["role"] == "main"
    }
    position, options = next((p, o) for p, o in offered.items() if o)
    swapped = sam.post(f"{url}/swap", json={"position": position, "exercise_id": options[0]["id"]})
    assert swapped.json()["cards"][position]["exercise_id"] == options[0]["id"]


def test_the_plan_downloads_as_a_calendar_and_a_pdf(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    plan_id = sam.post("/api/v1/plans", json=PLAN).json()["id"]
    ics = sam.get(f"/api/v1/plans/{plan_id}/calendar.ics")
    pdf = sam.get(f"/api/v1/plans/{plan_id}/plan.pdf")
    assert ics.content.startswith(b"BEGIN:VCALENDAR")
    assert pdf.content.startswith(b"%PDF")


def test_settings_in_pounds_show_loads_in_pounds(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    changed = sam.client.patch(
        "/api/v1/settings", json={"units": "lb", "timezone": "Europe/Paris"}, headers=sam.auth
    ).json()
    assert changed["units"] == "lb" and changed["timezone"] == "Europe/Paris"
    sam.post("/api/v1/sets", json={"exercise_id": "bent-over-dumbbell-row", "reps": 8, "load": 20})
    set_ = sam.get("/api/v1/history").json()["workouts"][0]["sets"][0]
    assert set_["unit"] == "lb" and set_["load"] == 20


def test_in_pounds_todays_targets_and_reasons_say_pounds_and_a_new_plan_keeps_them(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    sam.client.patch("/api/v1/settings", json={"units": "lb"}, headers=sam.auth)
    sam.post("/api/v1/plans", json=PLAN)  # the questionnaire left units out
    assert sam.get("/api/v1/settings").json()["units"] == "lb"
    row = "single-arm-dumbbell-row"  # in today's session of this plan
    for _ in range(3):
        sam.post("/api/v1/sets", json={"exercise_id": row, "reps": 15, "load": 40})
    card = next(c for c in sam.get("/api/v1/today").json()["cards"] if c["exercise_id"] == row)
    # a pound dumbbell set goes in 5 lb steps
    assert card["target"] == "3 x 12-15 each side at 45 lb a hand"
    assert card["reason"] == "3 x 15 at 40 lb a hand: add 5 lb a hand and restart at 12"
    assert card["load"] == 45
    assert card["last"] == "15 reps @ 40 lb, 15 reps @ 40 lb, 15 reps @ 40 lb"


def test_a_bad_value_names_the_field_and_what_is_allowed(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    bad = sam.client.patch("/api/v1/settings", json={"timezone": "Mars/Olympus"}, headers=sam.auth)
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "timezone"
    unknown = sam.post("/api/v1/sets", json={"exercise_id": "dumbell-row-typo", "reps": 8})
    assert unknown.status_code == 404


def test_the_library_filters_by_equipment_and_shows_one_exercise(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    found = sam.get("/api/v1/exercises", params={"text": "row", "equipment": "dumbbells"}).json()
    assert found["count"] >= 1
    assert all(set(e["equipment"]) <= {"dumbbells", "bench"} for e in found["exercises"])
    one = sam.get(f"/api/v1/exercises/{found['exercises'][0]['id']}").json()
    assert one["steps"] or one["cues"]


def test_progress_lists_records_of_what_was_logged(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    sam.post("/api/v1/sets", json={"exercise_id": "bent-over-dumbbell-row", "reps": 8, "load": 20})
    progress = sam.get("/api/v1/progress").json()
    assert [r["exercise_id"] for r in progress["records"]] == ["bent-over-dumbbell-row"]
    chart = sam.get("/api/v1/progress/charts/volume.svg")
    assert chart.headers["content-type"].startswith("image/svg+xml")


def test_a_revoked_token_no_longer_works(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    assert sam.client.delete("/api/v1/tokens/current", headers=sam.auth).status_code == 204
    assert sam.get("/api/v1/me").status_code == 401


def test_a_taken_name_is_refused(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    again = sam.client.post("/api/v1/accounts", json={"name": "SAM", "password": PASSWORD})
    assert again.status_code == 409


def test_log_ins_are_rate_limited_per_name_and_address(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    for _ in range(5):
        wrong = sam.client.post("/api/v1/tokens", json={"name": "sam", "password": "not it at all"})
        assert wrong.status_code == 401
    blocked = sam.client.post("/api/v1/tokens", json={"name": "sam", "password": PASSWORD})
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    other = sam.client.post("/api/v1/tokens", json={"name": "ana", "password": "whatever1"})
    assert other.status_code == 401  # another name from the same address is not blocked


def test_without_a_token_the_api_answers_401(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    assert sam.client.get("/api/v1/today").status_code == 401
    assert (
        sam.client.get("/api/v1/today", headers={"Authorization": "Bearer nope"}).status_code == 401
    )
