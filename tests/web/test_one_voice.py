"""One coach, one voice: for the same plan and history, every surface gives the same numbers.

The plan (JSON, Markdown, PDF text) states the plan's numbers; `backtone next --json`, the
API's today, the today page and the progress summary state today's targets, which are the
plan's moved by the log, and say the plan's numbers beside them where they differ.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from backtone.adapters.formats.plan_json import plan_from_dict
from backtone.adapters.formats.plan_markdown import plan_to_markdown
from backtone.adapters.formats.plan_pdf import plan_to_pdf
from backtone.domain.ladders import PULL_UP_LADDER
from backtone.domain.plan import SEED_MARK
from backtone.entrypoints.cli.app import app as cli
from backtone.entrypoints.cli.training_log import local_tz
from tests.conftest import FixedClock
from tests.web.conftest import ApiUser, browser_sign_up, sign_in

pypdf = pytest.importorskip("pypdf")

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TODAY = date.today()  # the CLI reads the machine's date; the web gets the same one below
YESTERDAY = (TODAY - timedelta(days=1)).isoformat()


@pytest.fixture
def clock() -> FixedClock:
    """The web's clock at noon today where the CLI runs, so both mean the same day."""
    return FixedClock(datetime.combine(TODAY, time(12), local_tz()).astimezone(UTC))


@dataclass(frozen=True)
class Person:
    """A profile for `backtone plan` and what they logged yesterday (`backtone log`)."""

    plan: tuple[str, ...]
    logged: tuple[tuple[str, str], ...] = ()
    days: tuple[int, ...] = (0, 2, 4)  # training days, counted from today
    kit: dict[str, Any] | None = None  # set with PUT /api/v1/kit before anything is logged


LADDER_KIT = "--equipment=home-dumbbells,pull-up-bar,band"
PEOPLE = {
    "first day, pull-up bar": Person(
        (LADDER_KIT, "--pull-ups=0", "--hang-seconds=35", "--push-ups=4"), days=(0, 3)
    ),
    "a load step and two rungs in one session": Person(
        (LADDER_KIT, "--pull-ups=0", "--hang-seconds=50", "--push-ups=4"),
        logged=(
            ("band-assisted-pull-up", "8,8,8@20kg"),
            ("dead-hang", "3x30s"),
            ("single-arm-dumbbell-row", "3x15@12kg"),
            ("dumbbell-romanian-deadlift", "3x15@16kg"),
        ),
        days=(0, 3),
    ),
    "seed routine": Person(("--template=seed-003", "--equipment=gym")),
    "pounds with their own dumbbells": Person(
        ("--equipment=home-dumbbells", "--units=lb"),
        logged=(
            ("bent-over-dumbbell-row", "3x15@25lb"),
            ("dumbbell-romanian-deadlift", "3x15@30lb"),
        ),
        kit={
            "unit": "lb",
            "dumbbells": "10, 15, 25, 35, 50",
            "bar": 45,
            "plates": "2.5, 5, 10",
            "stack_step": 10,
            "stack_max": 200,
            "kettlebells": "",
            "bands": "",
        },
    ),
}


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, ["--user", "sam", *args])
    assert result.exit_code == 0, result.output
    return result.output


def text(page: str) -> str:
    """A page's visible words, tags dropped and spaces squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("who", list(PEOPLE))
def test_every_surface_gives_the_same_numbers(
    who: str,
    runner_on_both: CliRunner,
    web: Any,
    api_user: Callable[..., ApiUser],
    tmp_path: Path,
) -> None:
    person = PEOPLE[who]
    browser_sign_up(web, "sam")  # the test client now holds the page session too
    sam = sign_in(web, "sam")
    days = ",".join(DAYS[(TODAY.weekday() + n) % 7] for n in person.days)
    exported = tmp_path / "plan.json"
    run(runner_on_both, "plan", "--weekdays", days, "--start", TODAY.isoformat(),
        "--weeks", "4", *person.plan, "--export", str(exported))  # fmt: skip
    if person.kit is not None:
        assert sam.client.put("/api/v1/kit", json=person.kit, headers=sam.auth).status_code == 200
    for exercise, sets in person.logged:
        run(runner_on_both, "log", exercise, sets, "--date", YESTERDAY)

    plan = plan_from_dict(json.loads(exported.read_text()))
    planned = next(s for s in plan.sessions if s.day == TODAY)
    cli_today = json.loads(run(runner_on_both, "next", "--json"))
    api_today = sam.get("/api/v1/today").json()
    page = text(web.get("/today").text)
    progress = sam.get("/api/v1/progress").json()
    markdown = " ".join(plan_to_markdown(plan).split())
    pdf = " ".join(
        " ".join(
            p.extract_text() for p in pypdf.PdfReader(io.BytesIO(plan_to_pdf(plan))).pages
        ).split()
    )

    assert cli_today["day"] == api_today["day"] == TODAY.isoformat()
    cards = api_today["cards"]
    assert [i["exercise_id"] for i in cli_today["items"]] == [c["exercise_id"] for c in cards]
    # The plan's items, in order, are what `next` says the plan was.
    assert len(cli_today["items"]) == len(planned.items)
    for shown, card, item in zip(cli_today["items"], cards, planned.items, strict=True):
        said = shown["plan"]
        assert (said["exercise_id"], said["sets"], said["rung"], said["seed"]) == (
            item.exercise_id,
            item.sets,
            item.rung,
            item.is_seed,
        )
        # Today's target is one thing everywhere.
        assert (shown["sets"], shown["target"], shown["seed"], shown["rung"]) == (
            card["sets"], card["target"], card["seed"], card["rung"]
        )  # fmt: skip
        assert f"{shown['name']}" in page and shown["target"] in page
        if shown["seed"]:
            assert "seed" in page
        # Where today differs from the plan, both say the plan's numbers too.
        if card["plan"]:
            assert card["plan"] == f"{item.name} {item.sets} x {item.amount()}"
            assert card["plan"] in page
        # The printouts carry the plan's numbers, with the seed mark on a seed's.
        mark = f" *({SEED_MARK})*" if item.is_seed else ""
        assert f"| {item.name}{mark} | {item.dose()} |" in markdown
        assert item.name[:20] in pdf and item.dose() in pdf
    assert "adjusts these numbers from the sets you log" in markdown
    assert "adjusts these numbers from the sets you log" in pdf

    # The progress page puts the person on the ladder step `next` coaches today.
    lead = [i for i in cli_today["items"] if i["rung"] is not None
            and i["exercise_id"] in PULL_UP_LADDER.exercise_ids]  # fmt: skip
    ladder = progress["ladder"]
    if person.logged and any(e in PULL_UP_LADDER.exercise_ids for e, _ in person.logged):
        assert ladder is not None and lead
        top = max(lead, key=lambda i: i["rung"])
        assert (ladder["rung"], ladder["exercise_id"], ladder["target"]) == (
            top["rung"], top["exercise_id"], top["target"]
        )  # fmt: skip
        assert ladder["words"] in text(web.get("/progress").text)
    else:
        assert ladder is None  # nothing on the ladder logged yet: no standing to show
