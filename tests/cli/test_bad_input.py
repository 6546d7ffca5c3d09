"""Every way a careless hand or a broken machine can fail a command ends in one line.

The table holds each case found by trying backtone as a careless user would: dates far off,
files that are folders or missing or on a full disk, database URLs that point at the wrong
thing, a database from a newer backtone. Each must end with exit status 2 and one line on
stderr that says what failed and what to do; no output may hold a traceback. A property test
then feeds random text to every command argument and option that takes text.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app
from backtone.entrypoints.cli.context import backtone_app
from tests.conftest import REPO, SHARED_DATA


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port  # nothing listens there once the probe is closed


def newer_database(tmp: Path) -> None:
    runner = CliRunner()
    assert (
        runner.invoke(
            app, ["db", "upgrade"], env={"BACKTONE_DATA_DIR": str(tmp / "newer")}
        ).exit_code
        == 0
    )
    with sqlite3.connect(tmp / "newer" / "backtone.sqlite3") as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")


@dataclass(frozen=True)
class Case:
    name: str
    args: list[str]
    says: str
    env: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[Path], None] | None = None

    def filled(self, tmp: Path) -> tuple[list[str], dict[str, str]]:
        def fill(text: str) -> str:
            return text.replace("{tmp}", str(tmp)).replace("{port}", str(closed_port()))

        return [fill(a) for a in self.args], {k: fill(v) for k, v in self.env.items()}


CASES = [
    Case("a date far in the future", ["log", "pull-up", "5", "--date", "9999-12-31"],
         "date: 9999-12-31 is not a day that has been"),
    Case("a date before any training log", ["log", "pull-up", "5", "--date", "0001-01-01"],
         "0001-01-01 is not a day that has been"),
    Case("a body weight far in the future", ["weight", "80", "--date", "9999-12-31"],
         "is not a day that has been"),
    Case("a plan starting in year 9999", ["plan", "--start", "9999-12-31"],
         "start: 9999-12-31 is too far from today"),
    Case("a report for year 1", ["report", "--month", "0001-01"], "'0001-01' is not a month"),
    Case("exporting to a folder", ["export", "json", "{tmp}"], "{tmp}: it is a folder"),
    Case("exporting into a missing folder", ["export", "strong", "{tmp}/missing/out.csv"],
         "{tmp}/missing: no such file or folder"),
    Case("exporting to a full disk", ["export", "hevy", "/dev/full"],
         "/dev/full: the disk is full; free some space"),
    Case("a backup to a full disk", ["export", "json", "/dev/full"], "/dev/full: the disk is full"),
    Case("a report to a full disk", ["report", "--month", "2026-11", "--out", "/dev/full"],
         "/dev/full: the disk is full"),
    Case("a chart into a missing folder",
         ["progress", "--chart", "volume", "--out", "{tmp}/missing/volume.png"],
         "no such file or folder"),
    Case("importing a folder", ["import", "json", "{tmp}"], "{tmp}: is a folder"),
    Case("a database URL at a file that is not a database", ["history"],
         "{tmp}/notes.txt is not a backtone database",
         env={"BACKTONE_DATABASE_URL": "sqlite:///{tmp}/notes.txt"},
         prepare=lambda tmp: (tmp / "notes.txt").write_text("shopping list\n" * 50)),
    Case("a database URL at a folder", ["history"], "{tmp} is a folder, not a database file",
         env={"BACKTONE_DATABASE_URL": "sqlite:///{tmp}"}),
    Case("a database URL of an unknown kind", ["history"],
         "'mongodb' is not a database backtone can use",
         env={"BACKTONE_DATABASE_URL": "mongodb://127.0.0.1/backtone"}),
    Case("a database URL that is not a URL", ["history"], "is not a database URL",
         env={"BACKTONE_DATABASE_URL": "my database please"}),
    Case("a closed PostgreSQL port", ["history"], "cannot reach postgresql database test at",
         env={"BACKTONE_DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:{port}/test"}),
    Case("a database from a newer backtone", ["history"],
         "this database was written by a newer backtone (revision 0099); upgrade backtone",
         env={"BACKTONE_DATA_DIR": "{tmp}/newer"}, prepare=newer_database),
    Case("upgrading a database from a newer backtone", ["db", "upgrade"],
         "this database was written by a newer backtone (revision 0099)",
         env={"BACKTONE_DATA_DIR": "{tmp}/newer"}, prepare=newer_database),
    Case("a data folder that is a file", ["history"], "is in the way where a folder should be",
         env={"BACKTONE_DATA_DIR": "{tmp}/plain-file"},
         prepare=lambda tmp: (tmp / "plain-file").write_text("x")),
    Case("a person's name with spaces", ["--user", "no way", "history"], "is not a valid name"),
    Case("a port that is not a number", ["serve"], "BACKTONE_PORT",
         env={"BACKTONE_PORT": "eighty"}),
    Case("a public address that is not one", ["serve"], "BACKTONE_PUBLIC_URL",
         env={"BACKTONE_PUBLIC_URL": "coach dot example"}),
]  # fmt: skip


def one_line_error(result: Any) -> str:
    """The stderr of a failed command, checked to be one `error:` line and no traceback."""
    assert "Traceback" not in result.output + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_bad_input_ends_in_one_line_saying_what_to_do(
    case: Case, runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    if case.prepare is not None:
        case.prepare(tmp_path)
    args, env = case.filled(tmp_path)
    backtone_app.cache_clear()
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, (result.output, result.exception)
    assert case.says.replace("{tmp}", str(tmp_path)) in one_line_error(result)


def test_db_current_names_a_newer_database_and_does_not_call_it_behind(
    runner: CliRunner, tmp_path: Path
) -> None:
    newer_database(tmp_path)
    result = runner.invoke(
        app, ["db", "current"], env={"BACKTONE_DATA_DIR": str(tmp_path / "newer")}
    )
    assert result.exit_code == 0
    assert "revision 0099, written by a newer backtone" in result.stdout
    assert "upgrade backtone" in result.stdout and "behind" not in result.stdout


def test_the_installed_command_prints_one_line_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a database")
    env = {**os.environ, "BACKTONE_DATABASE_URL": f"sqlite:///{tmp_path / 'notes.txt'}"}
    done = subprocess.run(
        [sys.executable, "-m", "backtone", "history"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "is not a backtone database" in done.stderr


@contextmanager
def mounted(folder: Path, options: str, source: str = "tmpfs") -> Iterator[Path]:
    """A file system mounted on `folder` (root only: a read-only or a small disk)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only or a full file system needs root")
    folder.mkdir(parents=True, exist_ok=True)
    kind = ["-t", "tmpfs"] if source == "tmpfs" else ["--bind"]
    subprocess.run(["mount", *kind, "-o", options, source, str(folder)], check=True)
    try:
        if source != "tmpfs":  # a bind mount turns read-only on a second, remounting step
            subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_data_folder_still_shows_history_and_refuses_writes_in_one_line(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    assert runner.invoke(app, ["log", "pull-up", "5"]).exit_code == 0
    backtone_app().engine.dispose()
    with mounted(tmp_path / "ro", "bind", source=str(data_dir)) as read_only:
        backtone_app.cache_clear()
        env = {"BACKTONE_DATA_DIR": str(read_only)}
        shown = runner.invoke(app, ["history", "--json"], env=env)
        assert shown.exit_code == 0 and '"reps": 5' in shown.stdout
        refused = runner.invoke(app, ["log", "pull-up", "6"], env=env)
        assert refused.exit_code == 2
        assert "can only be read" in one_line_error(refused)
        backtone_app().engine.dispose()
        backtone_app.cache_clear()


def test_a_full_data_folder_still_shows_history_and_refuses_writes_in_one_line(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    assert runner.invoke(app, ["log", "pull-up", "5"]).exit_code == 0
    backtone_app().engine.dispose()
    with mounted(tmp_path / "full", "size=1m") as full:
        (full / "backtone.sqlite3").write_bytes((data_dir / "backtone.sqlite3").read_bytes())
        with (full / "filler").open("wb", buffering=0) as filler:  # fill it to the last byte
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError:
                pass
        backtone_app.cache_clear()
        env = {"BACKTONE_DATA_DIR": str(full)}
        shown = runner.invoke(app, ["history", "--json"], env=env)
        assert shown.exit_code == 0 and '"reps": 5' in shown.stdout
        refused = runner.invoke(app, ["log", "pull-up", "6"], env=env)
        assert refused.exit_code == 2
        assert "the disk is full" in one_line_error(refused)
        backtone_app().engine.dispose()
        backtone_app.cache_clear()


# Random text for every argument and option that takes text.

SKIPPED = {
    ("serve",): "starts a web server",
    ("workout",): "starts the full-screen workout",
    ("check", "camera"): "opens a camera",
}
STRONG = SHARED_DATA / "strong" / "strong_export_2024.csv"
ARGUMENTS = {  # a sound value for each command argument, by command and name
    ("exercise", "exercise_id"): "pull-up",
    ("routine", "routine_id"): "seed-003-back-routine",
    ("log", "exercise"): "pull-up",
    ("log", "sets"): "5",
    ("weight", "kg"): "80",
    ("tokens revoke", "token_id"): "1",
    ("catalog import", "path"): str(SHARED_DATA / "free-exercise-db" / "exercises.json"),
}
OPTIONS = {"report": ["--month=2026-11", "--out={tmp}/report.pdf"]}


def command_at(path: list[str]) -> Any:
    command = typer.main.get_command(app)
    for part in path:
        command = command.commands[part]  # type: ignore[attr-defined]
    return command


def is_option(param: Any) -> bool:
    return bool(param.opts[0].startswith("-"))


def text_params() -> Iterator[tuple[list[str], str]]:
    """(command path, parameter name) for every parameter that takes text."""

    def walk(command: Any, path: list[str]) -> Iterator[tuple[list[str], str]]:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                yield from walk(child, [*path, name])
            return
        for param in command.params:
            annotation = getattr(param, "type_descriptor", None)
            if annotation is None or "str" not in str(annotation.annotation):
                continue
            if tuple(path[:1]) in SKIPPED or (path[0], param.name) in SKIPPED:
                continue
            yield path, param.name

    yield from walk(typer.main.get_command(app), [])


def argument_value(path: list[str], name: str, tmp: Path) -> str:
    key = " ".join(path)
    if (key, name) in ARGUMENTS:
        return ARGUMENTS[(key, name)]
    if path[0] == "import":
        return str(STRONG)
    return str(tmp / "out.file")  # exports and backups write here


def argv(path: list[str], name: str, text: str, tmp: Path) -> list[str]:
    """The command line with `text` for one parameter and sound values for what else it needs.

    Options go as --name=TEXT and arguments after `--`, so text starting with '-' is a value.
    """
    params = command_at(path).params
    options = [o.replace("{tmp}", str(tmp)) for o in OPTIONS.get(" ".join(path), [])]
    if path[0] == "import":
        options.append("--yes")
    arguments = []
    for param in params:
        if param.name == name:
            if is_option(param):
                options.append(f"{param.opts[0]}={text}")
            else:
                arguments.append(text)
        elif not is_option(param) and param.required:
            arguments.append(argument_value(path, param.name, tmp))
    return [*path, *options, "--", *arguments]


PARAMS = list(text_params())
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)


def test_every_text_parameter_is_tried() -> None:
    tried = {(" ".join(p), n) for p, n in PARAMS}
    assert {("log", "sets"), ("log", "exercise"), ("log", "on"), ("plan", "start")} <= tried
    assert len(tried) >= 40


@pytest.mark.parametrize(("path", "name"), PARAMS, ids=[f"{' '.join(p)}:{n}" for p, n in PARAMS])
def test_random_text_in_any_parameter_ends_in_an_answer_or_one_line(
    path: list[str], name: str, runner: CliRunner, tmp_path: Path
) -> None:
    @settings(max_examples=5, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(text=TEXT)
    def check(text: str) -> None:
        result = runner.invoke(app, argv(path, name, text, tmp_path), input="")
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 2), (text, result.output, result.exception)
        if result.exit_code == 2:
            assert result.stderr.strip(), text

    check()


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(sets=TEXT)
def test_random_quick_log_strings_log_or_say_what_is_wrong_in_one_line(sets: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["log", "--", "pull-up", sets])
    assert result.exit_code in (0, 2), (sets, result.output, result.exception)
    if result.exit_code == 2:
        one_line_error(result)
