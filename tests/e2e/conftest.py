"""A live server on loopback and a real Chromium (Debian's /usr/bin/chromium) for browser tests."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import REPO

if TYPE_CHECKING:
    from backtone.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="package")
def live_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The live server's settings: a fresh SQLite file that tests may also reach directly."""
    from backtone.config import Settings

    return Settings(data_dir=tmp_path_factory.mktemp("web"), environment="test")


@pytest.fixture(scope="package")
def live_url(live_settings: Settings) -> Iterator[str]:
    """The app served by uvicorn in a thread, on a fresh SQLite file."""
    import uvicorn

    from backtone.adapters.security import Argon2Hasher
    from backtone.entrypoints.web.app import create_app

    app = create_app(live_settings, hasher=Argon2Hasher(fast=True))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(autouse=True)
def fresh_rate_limits(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every browser here signs up from 127.0.0.1, and the live server allows ten sign-ups an
    address an hour: each test starts with the counters of the one before it forgotten, as if
    it came from an address of its own (the limits themselves are tested in tests/web/)."""
    yield
    if "live_url" not in request.fixturenames:
        return
    from sqlalchemy import create_engine, delete

    from backtone.adapters.db.tables import rate_limits

    settings = request.getfixturevalue("live_settings")
    engine = create_engine(settings.sqlalchemy_url)
    with engine.begin() as connection:
        connection.execute(delete(rate_limits))
    engine.dispose()


# Package scope: Playwright's sync API keeps an event loop running in this thread while it
# is open, which would break later tests that start their own (the Textual pilot).
@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: docs/screenshots with BACKTONE_SCREENSHOTS=1, else a temp folder."""
    if os.environ.get("BACKTONE_SCREENSHOTS") == "1":
        return REPO / "docs" / "screenshots"
    return tmp_path_factory.mktemp("shots")
