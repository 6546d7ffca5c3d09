"""API: preview an import with a token, confirm it, follow it to the end; exports; records."""

from __future__ import annotations

import csv
import inspect
import io
import json
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import SHARED_DATA
from tests.web.conftest import ApiUser

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: F401  (the fixtures' client)

STRONG = SHARED_DATA / "strong" / "strong_export_2024.csv"
OURS = Path(__file__).resolve().parents[1] / "data" / "openweight"


def _preview(user: ApiUser, name: str, data: bytes, **fields: str) -> httpx.Response:
    return user.client.post(
        "/api/v1/imports/preview",
        headers=user.auth,
        data=fields,
        files={"file": (name, data, "text/csv")},
    )


def _until_done(user: ApiUser, token: str) -> dict[str, Any]:
    """Follow an import (on its own thread, as in production) until it ends."""
    deadline = time.monotonic() + 120
    while True:
        status: dict[str, Any] = user.get(f"/api/v1/imports/{token}").json()
        if status["state"] != "importing":
            return status
        assert time.monotonic() < deadline, "the import never ended"
        time.sleep(0.05)


def test_a_preview_then_a_confirmation_imports_the_file_once(
    api_user: Callable[..., ApiUser],
) -> None:
    ana = api_user("ana")
    answer = _preview(ana, "strong_export_2024.csv", STRONG.read_bytes())
    assert answer.status_code == 201, answer.text
    status = answer.json()
    token = status["token"]
    assert answer.headers["location"] == f"/api/v1/imports/{token}"
    preview = status["preview"]
    assert status["state"] == "previewed" and preview["app"] == "Strong"
    assert (preview["workouts"], preview["sets"]) == (15, 250)
    assert (preview["first_day"], preview["last_day"]) == ("2024-11-28", "2025-10-08")
    names = {n["name"]: n for n in preview["names"]}
    assert names["Lat Pulldown (Cable)"]["exercise_id"] == "lat-pulldown"
    assert names["Leg Press"]["match"] == "new" and names["Leg Press"]["to_confirm"]
    assert ana.get("/api/v1/history").json()["workouts"] == []  # nothing written yet

    started = ana.post(f"/api/v1/imports/{token}", json={"corrections": {"Leg Press": "new"}})
    assert started.status_code == 202 and started.json()["state"] == "importing"
    done = _until_done(ana, token)
    assert done["state"] == "done", done
    result = done["result"]
    assert (result["workouts_added"], result["sets_added"]) == (15, 250)
    assert (result["workouts_already_there"], result["sets_already_there"]) == (0, 0)
    assert done["progress"]["done"] == done["progress"]["total"] == STRONG.stat().st_size
    history = ana.get("/api/v1/history").json()["workouts"]
    assert sum(len(w["sets"]) for w in history) == 250

    again = ana.post(f"/api/v1/imports/{token}", json={})
    assert again.status_code == 409
    second = _preview(ana, "strong.csv", STRONG.read_bytes()).json()
    assert second["preview"]["workouts_already_there"] == 15
    ana.post(f"/api/v1/imports/{second['token']}", json={})
    result = _until_done(ana, second["token"])["result"]
    assert (result["workouts_added"], result["workouts_already_there"]) == (0, 15)


def test_a_file_that_cannot_be_read_is_not_kept_and_the_message_says_what_to_give(
    api_user: Callable[..., ApiUser], tmp_path: Path
) -> None:
    ana = api_user("ana")
    jefit = (OURS / "jefit-real.csv").read_bytes()
    error = _preview(ana, "jefit.csv", jefit).json()["error"]
    assert (error["field"], error["allowed"]) == ("unit", "kg or lb")
    wrong = _preview(ana, "hevy.csv", (OURS / "hevy-real.csv").read_bytes(), format="strong")
    assert wrong.status_code == 422
    assert wrong.json()["error"]["message"] == (
        "format: hevy.csv: this looks like a Hevy export, not a Strong one "
        "(allowed: Hevy, or let backtone tell from the file)"
    )
    own = _preview(ana, "log.csv", b"Day,Lift,Reps\n2026-10-01,Row,10\n", columns="[1]")
    assert own.json()["error"]["field"] == "columns"
    binary = _preview(ana, "x.bin", bytes(range(256)) * 8).json()["error"]
    assert binary["message"].startswith("x.bin:1: is not UTF-8 text")
    assert list((tmp_path / "imports").glob("*/*/*")) == []
    assert _preview(ana, "jefit.csv", jefit, unit="lb").status_code == 201


def test_a_csv_of_ones_own_needs_the_columns_it_cannot_guess(
    api_user: Callable[..., ApiUser],
) -> None:
    ana = api_user("ana")
    data = b"Quand,Mouvement,Fois\n2026-10-01,Lat Pulldown,10\n"
    unguessed = _preview(ana, "log.csv", data).json()["error"]
    assert unguessed["field"] == "columns" and "Quand, Mouvement, Fois" in unguessed["allowed"]
    columns = json.dumps({"date": "Quand", "exercise": "Mouvement", "reps": "Fois"})
    status = _preview(ana, "log.csv", data, columns=columns).json()
    assert status["reading"]["format"] == "csv" and status["preview"]["sets"] == 1


def test_corrections_must_name_the_files_names_and_known_exercises(
    api_user: Callable[..., ApiUser],
) -> None:
    ana = api_user("ana")
    token = _preview(ana, "strong.csv", STRONG.read_bytes()).json()["token"]
    unknown = ana.post(f"/api/v1/imports/{token}", json={"corrections": {"Leg Press": "legpres"}})
    error = unknown.json()["error"]
    assert unknown.status_code == 422 and error["field"] == "corrections: Leg Press"
    assert error["allowed"] == "an exercise id, or new"
    stray = ana.post(f"/api/v1/imports/{token}", json={"corrections": {"Zumba": "new"}})
    assert stray.json()["error"]["field"] == "corrections"
    assert ana.get(f"/api/v1/imports/{token}").json()["state"] == "previewed"


def test_a_cancelled_import_is_gone_and_strangers_find_nothing(
    api_user: Callable[..., ApiUser],
) -> None:
    ana, ben = api_user("ana"), api_user("ben")
    token = _preview(ana, "strong.csv", STRONG.read_bytes()).json()["token"]
    for answer in (
        ben.get(f"/api/v1/imports/{token}"),
        ben.post(f"/api/v1/imports/{token}", json={}),
        ben.client.delete(f"/api/v1/imports/{token}", headers=ben.auth),
    ):
        assert answer.status_code == 404
        assert answer.json()["error"]["message"] == f"no import called '{token}'"
    assert ana.get(f"/api/v1/imports/{token}").json()["state"] == "previewed"
    assert ana.client.delete(f"/api/v1/imports/{token}", headers=ana.auth).status_code == 204
    assert ana.get(f"/api/v1/imports/{token}").status_code == 404
    assert ana.post(f"/api/v1/imports/{token}", json={}).status_code == 404
    assert ana.get("/api/v1/history").json()["workouts"] == []


def _imported(user: ApiUser) -> None:
    token = _preview(user, "strong.csv", STRONG.read_bytes()).json()["token"]
    user.post(f"/api/v1/imports/{token}", json={})
    assert _until_done(user, token)["state"] == "done"


def test_exports_give_each_apps_file_in_the_unit_asked(api_user: Callable[..., ApiUser]) -> None:
    ana = api_user("ana")
    _imported(ana)
    strong = ana.get("/api/v1/exports/strong")
    assert strong.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(strong.text)))
    assert len(rows) == 250 and rows[0]["Weight"] == "10"
    pounds = list(csv.DictReader(io.StringIO(ana.get("/api/v1/exports/hevy?unit=lb").text)))
    assert float(pounds[0]["weight_lbs"]) == pytest.approx(10 / 0.45359237, abs=0.01)
    workouts = ana.get("/api/v1/exports/openweight").json()
    assert len(workouts) == 15
    assert ana.get("/api/v1/exports/jefit").status_code == 422
    nothing = api_user("ben").get("/api/v1/exports/strong").text
    assert list(csv.DictReader(io.StringIO(nothing))) == []


def test_records_are_given_per_exercise_in_the_persons_unit(
    api_user: Callable[..., ApiUser],
) -> None:
    ana = api_user("ana")
    assert ana.get("/api/v1/records").json() == {"unit": "kg", "records": []}
    _imported(ana)
    found = {r["exercise_id"]: r for r in ana.get("/api/v1/records").json()["records"]}
    curl = found["custom-bicep-curl-barbell"]
    epley = {"value": 20.0, "day": "2025-09-29", "words": "10 x 15 kg"}
    assert curl["estimated_1rm_epley"] == epley
    assisted = found["assisted-pull-up"]
    assert assisted["assisted"] and assisted["estimated_1rm_epley"] is None
    assert assisted["least_help"] == {"load": 73.0, "reps": 6}
    ana.client.patch("/api/v1/settings", json={"units": "lb"}, headers=ana.auth)
    in_pounds = {r["exercise_id"]: r for r in ana.get("/api/v1/records").json()["records"]}
    assert in_pounds["custom-bicep-curl-barbell"]["estimated_1rm_epley"]["words"] == (
        "10 x 33.1 lb"
    )
    assert in_pounds["assisted-pull-up"]["most_reps"]["words"] == "10 reps with 169.8 lb of help"
    assert api_user("ben").get("/api/v1/records").json()["records"] == []


def test_the_routes_that_read_or_write_whole_files_run_on_the_threadpool() -> None:
    from backtone.entrypoints.web.api import history_files as api
    from backtone.entrypoints.web.pages import history_files as pages

    slow = [api.preview_import, api.export_history_file, api.records, pages.upload,
            pages.export_file, pages.records]  # fmt: skip
    for route in slow:
        assert not inspect.iscoroutinefunction(route), route.__name__
