"""Real `uvicorn` processes serving backtone on one database, for races across processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import REPO

PASSWORD = "correct horse battery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def live_servers(
    database_url: str, data_dir: Path, count: int, **settings: str
) -> Iterator[list[str]]:
    """`count` server processes on `database_url`; yields their base URLs, then stops them.

    `settings` are more BACKTONE_* variables, by name (trusted_proxies="127.0.0.1").
    """
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "BACKTONE_DATABASE_URL": database_url,
        "BACKTONE_DATA_DIR": str(data_dir),
        "BACKTONE_ENVIRONMENT": "test",
        **{f"BACKTONE_{name.upper()}": value for name, value in settings.items()},
    }
    started: list[tuple[subprocess.Popen[bytes], str]] = []
    try:
        for _ in range(count):
            port = _free_port()
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "backtone.entrypoints.web.app:app_from_env",
                    "--factory",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--log-level",
                    "warning",
                ],
                env=env,
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            started.append((process, f"http://127.0.0.1:{port}"))
        for process, url in started:
            _wait_until_up(process, url)
        yield [url for _, url in started]
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"the server at {url} stopped: {errors[-2000:]}")
        try:
            if httpx.get(f"{url}/api/v1/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server at {url} did not answer within a minute")


def signed_up(url: str, name: str) -> dict[str, str]:
    """Sign a person up on a live server; returns the Authorization header of a token."""
    made = httpx.post(f"{url}/api/v1/accounts", json={"name": name, "password": PASSWORD})
    assert made.status_code == 201, made.text
    token = httpx.post(f"{url}/api/v1/tokens", json={"name": name, "password": PASSWORD})
    assert token.status_code == 201, token.text
    return {"Authorization": f"Bearer {token.json()['token']}"}
