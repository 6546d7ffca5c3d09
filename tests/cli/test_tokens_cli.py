"""`backtone tokens`: make an API token, list tokens, revoke one."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from typer.testing import CliRunner

from backtone.adapters.security import Argon2Hasher
from backtone.config import Settings
from backtone.entrypoints.cli.app import app
from backtone.entrypoints.cli.context import backtone_app
from backtone.entrypoints.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_a_token_made_on_the_command_line_opens_the_api_until_it_is_revoked(
    runner: CliRunner, data_dir: Path
) -> None:
    made = runner.invoke(
        app, ["--user", "sam", "tokens", "create", "--label", "watch", "--days", "7"]
    )
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    assert "valid until" in made.stderr
    listed = json.loads(runner.invoke(app, ["--user", "sam", "tokens", "list", "--json"]).stdout)
    assert [t["label"] for t in listed] == ["watch"] and "token" not in listed[0]
    settings = Settings(data_dir=data_dir, environment="test")
    web = TestClient(create_app(settings, backtone=backtone_app(), hasher=Argon2Hasher(fast=True)))
    auth = {"Authorization": f"Bearer {token}"}
    assert web.get("/api/v1/me", headers=auth).json()["name"] == "sam"
    revoked = runner.invoke(app, ["--user", "sam", "tokens", "revoke", str(listed[0]["id"])])
    assert revoked.exit_code == 0
    assert web.get("/api/v1/me", headers=auth).status_code == 401
    assert "No API tokens" in runner.invoke(app, ["--user", "sam", "tokens", "list"]).stdout


def test_revoking_a_token_that_is_not_yours_says_so_in_one_line(runner: CliRunner) -> None:
    made = runner.invoke(app, ["--user", "sam", "tokens", "create"])
    [mine] = json.loads(runner.invoke(app, ["--user", "sam", "tokens", "list", "--json"]).stdout)
    refused = runner.invoke(app, ["--user", "ana", "tokens", "revoke", str(mine["id"])])
    assert made.exit_code == 0 and refused.exit_code == 2
    assert refused.stderr.strip().startswith("error: no API token called")
    assert refused.stderr.count("\n") == 1
