"""The parity table in docs/architecture.md stays true: every use case named there has the
service, the CLI command, the API route and the page it lists, or says why it has none."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from backtone.config import Settings
from backtone.entrypoints.cli.app import app as cli_app
from backtone.entrypoints.web.app import create_app
from tests.conftest import REPO

TABLE_HEAD = "| use case | service | CLI | API | page |"
ROUTE = re.compile(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`]*)`")
COMMAND = re.compile(r"`backtone ([a-z][a-z -]*)`")
SERVICE = re.compile(r"`([a-z_]+)\.([a-z_]+)`")


def parity_rows() -> list[list[str]]:
    text = (REPO / "docs" / "architecture.md").read_text()
    assert TABLE_HEAD in text, "docs/architecture.md has lost its parity table"
    lines = text.split(TABLE_HEAD, 1)[1].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def cli_commands() -> set[str]:
    """Every command path: 'log', 'export json', 'tokens list'..."""
    found: set[str] = set()

    def walk(command: Any, prefix: str) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            path = f"{prefix}{name}"
            found.add(path)
            walk(sub, f"{path} ")

    walk(typer.main.get_command(cli_app), "")
    return found


def web_routes(tmp_path: Path) -> set[tuple[str, str]]:
    """Every (method, path) the app answers, through the routers it includes."""

    def walk(routes: Iterable[Any]) -> Iterator[tuple[str, str]]:
        for route in routes:
            if hasattr(route, "effective_candidates"):  # an included router
                yield from walk(route.effective_candidates())
            for method in getattr(route, "methods", None) or ():
                yield method, route.path

    app = create_app(Settings(data_dir=tmp_path, environment="test"))
    return set(walk(app.routes))


def says_why(cell: str) -> bool:
    """A cell without a door says why, in a few words: 'no: the CLI user has no password'."""
    return cell.startswith("no:") and len(cell.split()) >= 4


def problems_in(
    rows: list[list[str]], commands: set[str], routes: set[tuple[str, str]]
) -> list[str]:
    """What in the table is not so: a service, command or route missing, a door without reason."""
    problems = []
    for use_case, service, cli, api, page in rows:
        named = SERVICE.findall(service)
        if not named:
            problems.append(f"{use_case}: no service named")
        for module, function in named:
            found = importlib.import_module(f"backtone.services.{module}")
            if not callable(getattr(found, function, None)):
                problems.append(f"{use_case}: no service {module}.{function}")
        for cell, kind in ((cli, "CLI"), (api, "API"), (page, "page")):
            if says_why(cell):
                continue
            doors = COMMAND.findall(cell) if kind == "CLI" else ROUTE.findall(cell)
            if not doors:
                problems.append(f"{use_case}: no {kind} door and no reason why")
            for door in doors:
                if kind == "CLI" and door.strip() not in commands:
                    problems.append(f"{use_case}: no command `backtone {door}`")
                if kind != "CLI" and door not in routes:
                    problems.append(f"{use_case}: no route {door[0]} {door[1]}")
                if kind == "API" and not door[1].startswith("/api/v1/"):
                    problems.append(f"{use_case}: {door[1]} is not an API route")
    return problems


def test_every_use_case_has_each_door_or_says_why_not(tmp_path: Path) -> None:
    rows = parity_rows()
    assert len(rows) >= 20
    commands, routes = cli_commands(), web_routes(tmp_path)
    assert ("POST", "/api/v1/sets") in routes and "export json" in commands
    problems = problems_in(rows, commands, routes)
    assert not problems, "\n".join(problems)


def test_a_row_that_is_not_so_is_caught() -> None:
    routes = {("GET", "/api/v1/records"), ("GET", "/records")}
    row = ["records", "`training_log.personal_records`", "`backtone records`"]
    assert not problems_in([[*row, "`GET /api/v1/records`", "`GET /records`"]], {"records"}, routes)
    wrong = [
        ["a", "`training_log.no_such`", "`backtone records`", "`GET /api/v1/records`", "no"],
        ["b", "none", "`backtone nothing`", "`GET /records`", "`POST /records`"],
    ]
    assert problems_in(wrong, {"records"}, routes) == [
        "a: no service training_log.no_such",
        "a: no page door and no reason why",
        "b: no service named",
        "b: no command `backtone nothing`",
        "b: /records is not an API route",
        "b: no route POST /records",
    ]


@pytest.mark.parametrize("cell", ["no: the CLI user has no password", "no"])
def test_a_missing_door_needs_a_reason(cell: str) -> None:
    assert says_why(cell) == (cell != "no")
