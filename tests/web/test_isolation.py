"""Another person's ids give 404 and leak nothing; a trainer sees only their own clients."""

from __future__ import annotations

import html
import warnings
from collections.abc import Callable

import httpx
import pytest

from tests.web.conftest import EVERY_DAY, ApiUser, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PLAN = {"weekdays": EVERY_DAY, "equipment": "home-band", "weeks": 2}


@pytest.fixture
def owner_and_stranger(api_user: Callable[..., ApiUser]) -> tuple[ApiUser, ApiUser, int, int]:
    """Ana has a plan and an open workout with a set in it; Ben has nothing."""
    ana = api_user("ana")
    plan_id = ana.post("/api/v1/plans", json=PLAN).json()["id"]
    today = ana.post("/api/v1/workouts").json()
    card = next(c for c in today["cards"] if c["role"] == "main")
    ana.post(
        f"/api/v1/workouts/{today['workout_id']}/sets",
        json={"exercise_id": card["exercise_id"], "reps": 11},
    )
    return ana, api_user("ben"), plan_id, today["workout_id"]


MISSING_ID = 987654


def _same_as_missing(
    get: Callable[[str], httpx.Response], template: str, plan_id: int, workout_id: int
) -> None:
    """A stranger's real id is answered exactly like an id nobody has: 404, same body."""
    real = get(template.format(plan=plan_id, workout=workout_id, name="ana"))
    missing = get(template.format(plan=MISSING_ID, workout=MISSING_ID, name="zed"))
    assert real.status_code == 404, template
    assert missing.status_code == 404, template
    # Messages quote the id or name that was asked for: that much is echoed back, no more.
    scrub = [(f"'{plan_id}'", "ID"), (f"'{workout_id}'", "ID"), ("'ana'", "NAME")]
    scrub_missing = [(f"'{MISSING_ID}'", "ID"), ("'zed'", "NAME")]
    assert _scrub(real.text, scrub) == _scrub(missing.text, scrub_missing), template


def _scrub(text: str, pairs: list[tuple[str, str]]) -> str:
    # For pages, the main content: the layout around it holds numbers such as "scale=1".
    if "<main" in text:
        text = html.unescape(text[text.index("<main") : text.index("</main>")])
    for old, new in pairs:
        text = text.replace(old, new)
    return text


API_READS = [
    "/api/v1/plans/{plan}",
    "/api/v1/plans/{plan}/calendar.ics",
    "/api/v1/plans/{plan}/plan.pdf",
    "/api/v1/workouts/{workout}/swaps/0",
    "/api/v1/trainer/clients/{name}/plans",
    "/api/v1/trainer/clients/{name}/plans/{plan}",
    "/api/v1/trainer/clients/{name}/history",
]
API_WRITES = [
    ("/api/v1/workouts/{workout}/sets", {"exercise_id": "band-pull-apart", "reps": 5}),
    ("/api/v1/workouts/{workout}/swap", {"position": 0, "exercise_id": "cat-cow"}),
    ("/api/v1/workouts/{workout}/finish", None),
]


def test_every_api_endpoint_with_someone_elses_ids_answers_404(
    owner_and_stranger: tuple[ApiUser, ApiUser, int, int],
) -> None:
    _ana, ben, plan_id, workout_id = owner_and_stranger
    for template in API_READS:
        _same_as_missing(ben.get, template, plan_id, workout_id)
    for template, body in API_WRITES:
        _same_as_missing(lambda url, b=body: ben.post(url, json=b), template, plan_id, workout_id)
    _same_as_missing(
        lambda url: ben.client.put(url, json=PLAN, headers=ben.auth),
        "/api/v1/trainer/clients/{name}/plan",
        plan_id,
        workout_id,
    )


def test_a_strangers_requests_change_nothing_of_the_owners(
    owner_and_stranger: tuple[ApiUser, ApiUser, int, int],
) -> None:
    ana, ben, _plan_id, workout_id = owner_and_stranger
    ben.post(f"/api/v1/workouts/{workout_id}/finish")
    ben.client.delete("/api/v1/sets/last", headers=ben.auth)
    assert ana.get("/api/v1/today").json()["started"]
    assert len(ana.get("/api/v1/history").json()["workouts"][0]["sets"]) == 1
    assert ben.get("/api/v1/history").json()["workouts"] == []
    assert ben.get("/api/v1/plans").json() == []
    assert ben.get("/api/v1/progress").json()["records"] == []


PAGE_READS = [
    "/plans/{plan}",
    "/plans/{plan}/calendar.ics",
    "/plans/{plan}/plan.pdf",
    "/today/{workout}/swap/0",
    "/trainer/clients/{name}",
    "/trainer/clients/{name}/plans/{plan}",
    "/trainer/clients/{name}/plan",
]
PAGE_WRITES = [
    ("/today/{workout}/sets", {"exercise_id": "band-pull-apart", "reps": "5"}),
    ("/today/{workout}/swap", {"position": "0", "exercise_id": "cat-cow"}),
    ("/today/{workout}/finish", {}),
    ("/trainer/clients/{name}/plan", {"weekdays": "monday"}),
]


def test_every_page_with_someone_elses_ids_answers_404(
    owner_and_stranger: tuple[ApiUser, ApiUser, int, int], web: TestClient
) -> None:
    _, _, plan_id, workout_id = owner_and_stranger
    browser = TestClient(web.app, follow_redirects=False)
    token = browser_sign_up(browser, "cal")
    for template in PAGE_READS:
        _same_as_missing(browser.get, template, plan_id, workout_id)
    for template, form in PAGE_WRITES:
        _same_as_missing(
            lambda url, f=form: browser.post(url, data={**f, "csrf_token": token}),
            template,
            plan_id,
            workout_id,
        )


def test_a_trainer_sees_the_plans_and_logs_of_clients_who_accepted_an_invite(
    owner_and_stranger: tuple[ApiUser, ApiUser, int, int], api_user: Callable[..., ApiUser]
) -> None:
    ana, _, plan_id, _ = owner_and_stranger
    coach = api_user("coach", "trainer")
    code = coach.post("/api/v1/trainer/invites").json()["code"]
    assert ana.post("/api/v1/invites/accept", json={"code": code.lower()}).status_code == 200
    assert [c["name"] for c in coach.get("/api/v1/trainer/clients").json()] == ["ana"]
    assert coach.get(f"/api/v1/trainer/clients/ana/plans/{plan_id}").json()["owner"] == "ana"
    sets = coach.get("/api/v1/trainer/clients/ana/history").json()["workouts"][0]["sets"]
    assert [s["reps"] for s in sets] == [11]
    replaced = coach.client.put("/api/v1/trainer/clients/ana/plan", json=PLAN, headers=coach.auth)
    assert replaced.status_code == 200
    assert ana.get("/api/v1/plans/current").json()["id"] == replaced.json()["id"]


def test_a_trainer_sees_only_their_own_clients(
    owner_and_stranger: tuple[ApiUser, ApiUser, int, int], api_user: Callable[..., ApiUser]
) -> None:
    ana, ben, plan_id, _ = owner_and_stranger
    first, second = api_user("coach-a", "trainer"), api_user("coach-b", "trainer")
    ana.post(
        "/api/v1/invites/accept",
        json={"code": first.post("/api/v1/trainer/invites").json()["code"]},
    )
    ben.post(
        "/api/v1/invites/accept",
        json={"code": second.post("/api/v1/trainer/invites").json()["code"]},
    )
    assert [c["name"] for c in second.get("/api/v1/trainer/clients").json()] == ["ben"]
    assert second.get("/api/v1/trainer/clients/ana/history").status_code == 404
    assert second.get(f"/api/v1/trainer/clients/ana/plans/{plan_id}").status_code == 404


def test_an_invite_works_once_and_a_person_cannot_invite(
    owner_and_stranger: tuple[ApiUser, ApiUser, int, int], api_user: Callable[..., ApiUser]
) -> None:
    ana, ben, _, _ = owner_and_stranger
    coach = api_user("coach", "trainer")
    code = coach.post("/api/v1/trainer/invites").json()["code"]
    assert ana.post("/api/v1/invites/accept", json={"code": code}).status_code == 200
    assert ben.post("/api/v1/invites/accept", json={"code": code}).status_code == 422
    assert ana.post("/api/v1/trainer/invites").status_code == 403
    assert ana.get("/api/v1/trainer/clients").status_code == 403  # trainers only
