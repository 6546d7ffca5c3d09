"""`backtone --help` answers from help.txt: it must say what the app itself says."""

from __future__ import annotations

import os
import subprocess
import sys

from backtone.entrypoints.cli.launch import HELP_FILE

REGENERATE = (
    "COLUMNS=100 .venv/bin/python -c 'from backtone.entrypoints.cli.app import main; main()' "
    "--help > src/backtone/entrypoints/cli/help.txt"
)


def run(code: str, *args: str) -> str:
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def test_the_prerendered_help_is_the_apps_own_help() -> None:
    app_help = run("from backtone.entrypoints.cli.app import main; main()", "--help")
    assert HELP_FILE.read_text(encoding="utf-8") == app_help, f"regenerate: {REGENERATE}"


def test_the_entry_point_prints_it_without_loading_the_app() -> None:
    code = (
        "import sys; from backtone.entrypoints.cli.launch import main; main(); "
        "sys.stderr.write(str('typer' in sys.modules))"
    )
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-c", code, "--help"], capture_output=True, text=True, env=env, check=True
    )
    assert "Usage: backtone" in done.stdout and done.stderr == "False"


def test_other_calls_reach_the_app() -> None:
    out = run("from backtone.entrypoints.cli.launch import main; main()", "routines", "--help")
    assert "List the built-in routines" in out
