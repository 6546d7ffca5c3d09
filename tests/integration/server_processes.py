"""Real `backtone serve` processes for tests that need separate processes (crashes, two servers)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import REPO

BIN = Path(sys.executable).parent
PASSWORD = "correct horse battery"
EVERY_DAY = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def server_env(data_dir: Path, database_url: str | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "BACKTONE_DATA_DIR": str(data_dir),
        "BACKTONE_ENVIRONMENT": "test",
        "BACKTONE_SECRET_KEY": "a test secret that is long enough to use",
    }
    env.pop("BACKTONE_DATABASE_URL", None)
    if database_url:
        env["BACKTONE_DATABASE_URL"] = database_url
    return env


def start(env: dict[str, str], command: list[str] | None = None, port: int = 0) -> Server:
    """A server on its own port, answering /health (or dead, with what it said)."""
    port = port or free_port()
    command = command or [str(BIN / "backtone"), "serve", "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    server = Server(process, port)
    wait_until_up(server)
    return server


def wait_until_up(server: Server, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            _, err = server.process.communicate()
            raise RuntimeError(f"the server stopped: {err.decode()[-2000:]}")
        try:
            if httpx.get(f"{server.base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the server did not come up")


def sign_up(client: httpx.Client, name: str) -> dict[str, str]:
    """An account and its API token; the Authorization header for it."""
    made = client.post("/api/v1/accounts", json={"name": name, "password": PASSWORD})
    assert made.status_code == 201, made.text
    token = client.post("/api/v1/tokens", json={"name": name, "password": PASSWORD})
    assert token.status_code == 201, token.text
    return {"Authorization": f"Bearer {token.json()['token']}"}


def open_workout(client: httpx.Client, auth: dict[str, str]) -> tuple[int, str]:
    """A plan and today's guided workout: its id and the first main exercise."""
    plan = client.post("/api/v1/plans", json={"weekdays": EVERY_DAY, "weeks": 4}, headers=auth)
    assert plan.status_code == 201, plan.text
    today: dict[str, Any] = client.post("/api/v1/workouts", headers=auth).json()
    card = next(c for c in today["cards"] if c["role"] == "main")
    return today["workout_id"], card["exercise_id"]


def logged_reps(client: httpx.Client, auth: dict[str, str]) -> list[int]:
    """Every set's reps in the person's history."""
    history = client.get("/api/v1/history", params={"limit": "200"}, headers=auth)
    assert history.status_code == 200, history.text
    return sorted(s["reps"] for w in history.json()["workouts"] for s in w["sets"])
