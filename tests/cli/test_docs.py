"""Docs are tested: every command has help and a line in docs/cli.md; settings are documented."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import typer.main

from backtone.config import Settings
from backtone.entrypoints.cli.app import app
from tests.conftest import REPO


def command_paths() -> Iterator[tuple[str, str]]:
    root = typer.main.get_command(app)

    def walk(command: object, prefix: str) -> Iterator[tuple[str, str]]:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                yield from walk(child, f"{prefix} {name}")
        else:
            yield prefix, (getattr(command, "help", None) or "").strip()

    yield from walk(root, "backtone")


def test_every_command_has_help_and_a_line_in_the_cli_reference() -> None:
    reference = (REPO / "docs" / "cli.md").read_text()
    paths = list(command_paths())
    assert len(paths) >= 8
    for path, help_text in paths:
        assert help_text, f"{path} has no help"
        assert f"`{path}" in reference, f"{path} is missing from docs/cli.md"


def test_every_setting_is_documented() -> None:
    reference = (REPO / "docs" / "settings.md").read_text()
    for field in dataclasses.fields(Settings):
        assert f"BACKTONE_{field.name.upper()}" in reference, field.name
