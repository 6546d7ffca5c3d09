"""The `backtone` entry point. `backtone --help` answers from a pre-rendered copy of the
help (help.txt, kept equal to the app's by a test), so the first thing a person types starts
about as fast as Python itself; every other call goes to the Typer app."""

from __future__ import annotations

import sys
from pathlib import Path

HELP_FILE = Path(__file__).with_name("help.txt")
HELP_WIDTH = 80  # click wraps help at 80 columns on any terminal at least this wide


def main() -> None:
    if sys.argv[1:] == ["--help"] and _wide_terminal() and HELP_FILE.exists():
        sys.stdout.write(HELP_FILE.read_text(encoding="utf-8"))
        return
    from backtone.entrypoints.cli.app import main as run_app

    run_app()


def _wide_terminal() -> bool:
    import shutil

    return shutil.get_terminal_size().columns >= HELP_WIDTH


if __name__ == "__main__":
    main()
