"""Today's page: warm-ups and stretches are ticked as done, and the video check is offered
only under exercises a form rule covers."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

from backtone.entrypoints.web.views.coach import coach_rule
from tests.web.conftest import EVERY_DAY, ApiUser, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _started(web: TestClient, equipment: list[str] | None = None) -> tuple[str, str]:
    token = browser_sign_up(web, "dora")
    data: dict[str, object] = {"weekdays": EVERY_DAY, "csrf_token": token}
    if equipment:
        data["equipment"] = equipment
    web.post("/onboarding", data=data)
    web.post("/today/start", data={"csrf_token": token})
    return token, web.get("/today").text


def _cards(page: str) -> dict[str, str]:
    """Each exercise card's HTML by its exercise id."""
    found = re.findall(r'<section class="card exercise [^"]*" id="card-([^"]+)"', page)
    bodies = re.split(r'<section class="card exercise ', page)[1:]
    return dict(zip(found, bodies, strict=True))


def test_warm_ups_and_stretches_get_a_tick_not_a_set_entry(web: TestClient) -> None:
    _, page = _started(web)
    cards = _cards(page)
    warm = [b for b in cards.values() if b.startswith("warm-up") or b.startswith("cool-down")]
    assert warm, "the session has warm-up or cool-down items"
    for body in warm:
        assert "/tick" in body and ">Done</button>" in body
        assert "Log set" not in body and 'name="load"' not in body


def test_a_tick_is_kept_with_the_workout_and_adds_no_set(web: TestClient) -> None:
    token, page = _started(web)
    tick = re.search(r'action="(/today/\d+/tick)"', page)
    position = re.search(
        r'data-tick[^>]*>\s*<input[^>]*>\s*<input[^>]*"position" value="(\d+)"', page
    )
    assert tick and position
    history = web.get("/history").text
    done = web.post(
        tick.group(1),
        data={"position": position.group(1), "done": "1", "csrf_token": token},
    )
    assert done.status_code == 303
    after = web.get("/today").text
    assert "Done ✓" in after and ">Undo</button>" in after
    assert web.get("/history").text == history  # no set, no volume: the history is unchanged
    undone = web.post(
        tick.group(1),
        data={"position": position.group(1), "done": "0", "csrf_token": token},
        headers={"Accept": "application/json"},
    )
    assert undone.json()["done"] is False
    assert "Done ✓" not in web.get("/today").text


def test_a_main_lift_cannot_be_ticked_off(web: TestClient) -> None:
    token, page = _started(web)
    tick = re.search(r'action="(/today/\d+/tick)"', page)
    main = re.search(r'<section class="card exercise main" id="card-[^"]+"', page)
    positions = re.findall(r'swap/(\d+)"', page)
    assert tick and main and positions
    refused = web.post(tick.group(1), data={"position": positions[0], "csrf_token": token})
    assert refused.status_code == 422 and "logged set by set" in refused.text


def test_the_video_check_link_shows_only_under_exercises_a_rule_covers(web: TestClient) -> None:
    _, page = _started(web, ["pull-up-bar", "dumbbells", "wall"])
    cards = _cards(page)
    covered = [e for e, body in cards.items() if body.startswith("main") and coach_rule(e)]
    uncovered = [e for e, body in cards.items() if coach_rule(e) is None]
    assert covered and uncovered
    for exercise_id in covered:
        assert f"/check?exercise={coach_rule(exercise_id)}" in cards[exercise_id]
    for exercise_id in uncovered:
        assert "Check my form on video" not in cards[exercise_id]


def test_the_api_ticks_a_warm_up_and_refuses_a_main_lift(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    assert sam.post("/api/v1/plans", json={"weekdays": EVERY_DAY}).status_code == 201
    today = sam.post("/api/v1/workouts").json()
    warm = next(c for c in today["cards"] if c["tick"])
    main = next(c for c in today["cards"] if not c["tick"])
    url = f"/api/v1/workouts/{today['workout_id']}/ticks"
    history = sam.get("/api/v1/history").json()
    ticked = sam.post(url, json={"position": warm["position"]}, headers={"Idempotency-Key": "k1"})
    assert ticked.status_code == 200 and ticked.json()["done"] is True
    cards = sam.get("/api/v1/today").json()["cards"]
    assert cards[warm["position"]]["ticked"] is True
    refused = sam.post(url, json={"position": main["position"]})
    assert refused.status_code == 422 and "logged set by set" in refused.text
    assert sam.get("/api/v1/history").json() == history  # no set, no volume
