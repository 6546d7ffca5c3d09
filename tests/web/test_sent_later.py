"""Sets a phone kept while offline, sent later: the conflict rules a person can read."""

from __future__ import annotations

import re
import warnings

from tests.web.conftest import EVERY_DAY, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _started(web: TestClient) -> tuple[str, str, str]:
    """A started workout: (form token, its sets URL, a main lift's exercise id)."""
    token = browser_sign_up(web, "dora")
    web.post("/onboarding", data={"weekdays": EVERY_DAY, "csrf_token": token})
    web.post("/today/start", data={"csrf_token": token})
    page = web.get("/today").text
    action = re.search(r'action="(/today/\d+/sets)" class="quick"', page)
    main = re.search(r'class="card exercise main" id="card-([^"]+)"', page)
    assert action and main
    return token, action.group(1), main.group(1)


def _send(web: TestClient, url: str, token: str, exercise: str, reps: int, key: str) -> dict:
    sent = web.post(
        url,
        data={"exercise_id": exercise, "reps": str(reps), "csrf_token": token,
              "idempotency_key": key, "sent_later": "1"},
        headers={"Accept": "application/json"},
    )  # fmt: skip
    assert sent.status_code == 201, sent.text
    result: dict = sent.json()
    return result


def test_a_set_sent_later_joins_a_workout_finished_elsewhere(web: TestClient) -> None:
    token, url, exercise = _started(web)
    _send(web, url, token, exercise, 8, "first")
    web.post(url.replace("/sets", "/finish"), data={"csrf_token": token})
    late = _send(web, url, token, exercise, 9, "late")
    assert "finished elsewhere" in late["notice"]
    assert late["workout_id"] == int(url.split("/")[2])
    history = web.get("/history").text
    assert "8 reps" in history and "9 reps" in history


def test_sets_sent_later_to_a_deleted_workout_go_into_one_recreated_workout(
    web: TestClient,
) -> None:
    token, url, exercise = _started(web)
    _send(web, url, token, exercise, 8, "first")
    workout_id = int(url.split("/")[2])
    web.post(f"/history/workouts/{workout_id}/delete", data={"csrf_token": token})
    assert "8 reps" not in web.get("/history").text
    first = _send(web, url, token, exercise, 9, "late-1")
    second = _send(web, url, token, exercise, 10, "late-2")
    again = _send(web, url, token, exercise, 10, "late-2")  # a resend: nothing doubles
    assert "was deleted elsewhere" in first["notice"]
    assert first["workout_id"] == second["workout_id"] == again["workout_id"]
    history = web.get("/history").text
    assert "Recreated from sets saved on a phone" in history
    assert history.count("10 reps") == 1 and "9 reps" in history


def test_a_set_sent_at_once_to_a_finished_workout_is_still_refused(web: TestClient) -> None:
    token, url, exercise = _started(web)
    _send(web, url, token, exercise, 8, "first")
    web.post(url.replace("/sets", "/finish"), data={"csrf_token": token})
    refused = web.post(url, data={"exercise_id": exercise, "reps": "9", "csrf_token": token})
    assert refused.status_code == 409 and "is finished" in refused.text


def test_a_new_workout_that_took_a_deleted_ones_id_does_not_take_its_sets(
    web: TestClient,
) -> None:
    token, url, exercise = _started(web)
    _send(web, url, token, exercise, 8, "first")
    workout_id = int(url.split("/")[2])
    web.post(f"/history/workouts/{workout_id}/delete", data={"csrf_token": token})
    web.post("/today/start", data={"csrf_token": token})  # may get the same id on SQLite
    sent = web.post(
        url,
        data={"exercise_id": exercise, "reps": "9", "csrf_token": token,
              "idempotency_key": "old", "sent_later": "1", "logged_at": "2020-01-01T10:00:00Z"},
        headers={"Accept": "application/json"},
    )  # fmt: skip
    assert sent.status_code == 201 and "was deleted elsewhere" in sent.json()["notice"]
    assert "Recreated from sets saved on a phone" in web.get("/history").text


def test_a_time_the_phone_sends_must_be_a_time(web: TestClient) -> None:
    token, url, exercise = _started(web)
    refused = web.post(
        url,
        data={"exercise_id": exercise, "reps": "9", "csrf_token": token,
              "sent_later": "1", "logged_at": "yesterday"},
    )  # fmt: skip
    assert refused.status_code == 422 and "logged_at" in refused.text
