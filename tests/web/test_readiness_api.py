"""The kit and the readiness check-in over the API: each person's own, checked and explained."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.web.conftest import EVERY_DAY, ApiUser

LB_KIT = {
    "unit": "lb", "dumbbells": "5-50/5", "bar": 45, "plates": "2.5x2, 5x2, 10x2",
    "stack_step": 10, "stack_max": 200, "kettlebells": "", "bands": "red:15, blue:30",
}  # fmt: skip


def test_the_kit_starts_as_the_units_common_kit_and_keeps_what_is_set(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    first = sam.get("/api/v1/kit").json()
    assert first["unit"] == "kg" and first["dumbbells"].startswith("2-40")
    saved = sam.client.put("/api/v1/kit", json=LB_KIT, headers=sam.auth)
    assert saved.status_code == 200, saved.text
    assert saved.json()["bar"] == 45 and saved.json()["kettlebells"] == ""
    # Read back in the person's own unit (kilograms: they never chose pounds).
    again = sam.get("/api/v1/kit").json()
    assert again["unit"] == "kg" and again["bar"] == pytest.approx(20.41, abs=0.01)
    assert again["dumbbells"].startswith("2.27, 4.54") and again["kettlebells"] == ""
    # Someone else's kit is untouched.
    assert api_user("ann").get("/api/v1/kit").json()["unit"] == "kg"


def test_a_bad_kit_is_refused_with_the_field_and_what_is_allowed(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    bad = sam.client.put("/api/v1/kit", json={**LB_KIT, "dumbbells": "five, ten"}, headers=sam.auth)
    assert bad.status_code == 422
    error = bad.json()["error"]
    assert error["field"] == "dumbbells" and "2-24/2" in error["message"]
    assert sam.get("/api/v1/kit").json()["unit"] == "kg"  # nothing half-saved


def test_a_check_in_with_pain_changes_today_and_says_why(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    assert sam.post("/api/v1/plans", json={"weekdays": EVERY_DAY, "weeks": 2}).status_code == 201
    before = sam.get("/api/v1/today").json()
    made = sam.post("/api/v1/check-ins", json={"sleep": "poor", "pain": ["lower-back"]})
    assert made.status_code == 201, made.text
    assert made.json()["pain"] == ["lower-back"]
    after = sam.get("/api/v1/today").json()
    assert after["check_in"] and "poor" in after["check_in"]
    # Nothing goes up: every card that moved says it held, or the plan was changed for pain.
    assert all("sleep" in c["reason"] or c["role"] != "main" or "First time" in c["reason"]
               for c in after["cards"])  # fmt: skip
    lower_back = {c["exercise_id"] for c in before["cards"]} - {
        c["exercise_id"] for c in after["cards"]
    }
    assert bool(lower_back) == bool(after["notes"])
    assert [c["sleep"] for c in sam.get("/api/v1/check-ins").json()] == ["poor"]
    assert api_user("ann").get("/api/v1/check-ins").json() == []


def test_a_check_in_out_of_range_is_refused(api_user: Callable[..., ApiUser]) -> None:
    sam = api_user("sam")
    bad = sam.post("/api/v1/check-ins", json={"soreness": {"lats": 7}})
    assert bad.status_code == 422
    assert sam.get("/api/v1/check-ins").json() == []
