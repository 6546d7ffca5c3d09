"""Offline-first in real Chromium: today's session opens from the phone's cache, sets and a swap
logged with no signal (or with the server down) wait in the outbox, and reach the server in
order, once, under the account that logged them."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, _free_port
from tests.e2e.test_browser import PASSWORD

_names = itertools.count(1)


@dataclass
class Server:
    """The app on a fixed port that a test can stop and start again (the phone's cache is
    kept per origin, so the port must stay the same); it notes every path it is asked for."""

    settings: Any
    port: int = field(default_factory=_free_port)
    asked: list[str] = field(default_factory=list)
    _server: Any = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        import uvicorn

        from backtone.adapters.security import Argon2Hasher
        from backtone.entrypoints.web.app import create_app

        app = create_app(self.settings, hasher=Argon2Hasher(fast=True))
        asked = self.asked

        async def noting(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                asked.append(f"{scope['method']} {scope['path']}")
            await app(scope, receive, send)

        config = uvicorn.Config(noting, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self._server.should_exit = True
        assert self._thread is not None
        self._thread.join(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    from backtone.config import Settings

    running = Server(Settings(data_dir=tmp_path, environment="test"))
    running.start()
    yield running
    running.stop()


def _rows(server: Server, sql: str, **params: Any) -> list[Any]:
    from sqlalchemy import create_engine, text

    engine = create_engine(server.settings.sqlalchemy_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql), params))
    finally:
        engine.dispose()


def _sets_of(server: Server, name: str) -> list[tuple[str, int]]:
    """(exercise, reps) of every set the person has, in the order they were stored."""
    return [
        (row.exercise_id, row.reps)
        for row in _rows(
            server,
            "SELECT s.exercise_id, s.reps FROM logged_sets s JOIN users u ON u.id = s.user_id"
            " WHERE u.name = :name ORDER BY s.workout_id, s.position",
            name=name,
        )
    ]


def _targets_of_workout(server: Server, name: str) -> list[dict[str, Any]]:
    """What the person's latest guided workout keeps, item by item."""
    import json

    rows = _rows(
        server,
        "SELECT w.targets FROM workouts w JOIN users u ON u.id = w.user_id"
        " WHERE u.name = :name AND w.source = 'workout' ORDER BY w.id DESC",
        name=name,
    )
    stored = rows[0].targets
    items: list[dict[str, Any]] = json.loads(stored) if isinstance(stored, str) else stored
    return items


def _exercises_of_open_workout(server: Server, name: str) -> list[str]:
    return [entry["exercise_id"] for entry in _targets_of_workout(server, name)]


def _sign_up(context: Any, name: str) -> Any:
    page = context.new_page()
    page.goto("/signup")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    page.get_by_label("Full push-ups in a row").fill("12")
    page.get_by_label("dumbbells", exact=True).check()
    page.get_by_label("pull up bar", exact=True).check()
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url("**/plan")
    page.goto("/today")
    page.get_by_role("button", name="Start workout").click()
    page.wait_for_selector("form[data-quick-log]")
    expect(page.locator("html")).to_have_attribute("data-offline", "ready")
    return page


def _sign_in(page: Any, name: str) -> None:
    page.goto("/login")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def _main_cards(page: Any) -> Any:
    return page.locator("section.exercise.main:has(form[data-quick-log])")


def _log(page: Any, reps: list[int]) -> str:
    """Log sets of the first main lift; returns its exercise id."""
    card = _main_cards(page).first
    for n in reps:
        card.get_by_label("Reps").fill(str(n))
        card.get_by_role("button", name="Log set").click()
        expect(card.locator(".done li.pending")).to_have_count(reps.index(n) + 1)
    return str(card.get_attribute("id")).removeprefix("card-")


def _swap_second(page: Any) -> tuple[str, str]:
    """Swap the second main lift for the first option; returns (was, chosen)."""
    card = _main_cards(page).nth(1)
    was = str(card.get_attribute("id")).removeprefix("card-")
    card.get_by_role("link", name="Swap this exercise").click()
    chosen = str(page.locator("input[name=exercise_id]:checked").get_attribute("value"))
    page.get_by_role("button", name="Swap").click()
    page.wait_for_url("**/today")
    return was, chosen


def _outbox(page: Any) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = page.evaluate(
        """() => new Promise((resolve, reject) => {
          const open = indexedDB.open("backtone", 1);
          open.onsuccess = () => {
            const all = open.result.transaction("outbox").objectStore("outbox").getAll();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => reject(all.error);
          };
        })"""
    )
    return entries


def _put_back(page: Any, entries: list[dict[str, Any]]) -> None:
    page.evaluate(
        """(entries) => new Promise((resolve, reject) => {
          const open = indexedDB.open("backtone", 1);
          open.onsuccess = () => {
            const t = open.result.transaction("outbox", "readwrite");
            entries.forEach((e) => t.objectStore("outbox").put(e));
            t.oncomplete = () => resolve(true);
            t.onerror = () => reject(t.error);
          };
        })""",
        entries,
    )


def _waiting(page: Any, count: int) -> None:
    badge = page.locator("#outbox")
    expect(badge).to_have_attribute("data-state", "pending")
    expect(badge).to_have_attribute("data-waiting", str(count))
    expect(badge).to_contain_text(f"{count} saved on this phone, not yet sent")


def _a_session_with_no_signal(
    browser: Any,
    server: Server,
    cut: Callable[[Any], None],
    restore: Callable[[Any], None],
    shots: Path | None = None,
) -> tuple[Any, str, str, tuple[str, str], list[dict[str, Any]]]:
    """Open today online, lose the server, reload from the cache, log 3 sets and a swap,
    close the tab and open it again; returns the reopened page once the server is back."""
    name = f"offline{next(_names)}"
    context = browser.new_context(viewport=PHONE, base_url=server.url)
    page = _sign_up(context, name)
    cut(context)
    before = len(server.asked)
    page.reload()
    page.wait_for_selector("form[data-quick-log]")
    exercise = _log(page, [8, 9, 10])
    _waiting(page, 3)
    swapped = _swap_second(page)
    _waiting(page, 4)
    page.close()
    page = context.new_page()
    page.goto("/history")  # the history says what is still on the phone
    _waiting(page, 4)
    listed = page.locator("#outbox ol.waiting li").all_inner_texts()
    assert [text.split(": ")[-1] for text in listed[:3]] == ["8 reps", "9 reps", "10 reps"]
    assert len(listed) == 4 and listed[3].startswith("Swap ")
    page.goto("/today")
    _waiting(page, 4)
    expect(page.locator(".done li.pending")).to_have_count(3)
    if shots is not None:
        page.screenshot(path=str(shots / "web-offline-pending-phone.png"))
        page.locator(f"#card-{exercise}").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "web-offline-card-phone.png"))
    kept = _outbox(page)
    # Nothing reached the server while it was out of reach: the pages came from the cache.
    assert [a for a in server.asked[before:] if not a.startswith("GET /static")] == []
    assert _sets_of(server, name) == []
    restore(context)
    return page, name, exercise, swapped, kept


def _all_sent(page: Any) -> None:
    badge = page.locator("#outbox")
    expect(badge).to_have_attribute("data-state", "done")
    expect(badge).to_contain_text("All sent")


def test_a_session_logged_offline_reaches_the_server_in_order_once(
    browser: Any, server: Server, shots: Path
) -> None:
    page, name, exercise, (was, chosen), kept = _a_session_with_no_signal(
        browser,
        server,
        cut=lambda context: context.set_offline(True),
        restore=lambda context: context.set_offline(False),
        shots=shots,
    )
    _all_sent(page)
    page.screenshot(path=str(shots / "web-offline-sent-phone.png"))
    assert _sets_of(server, name) == [(exercise, 8), (exercise, 9), (exercise, 10)]
    exercises = _exercises_of_open_workout(server, name)
    assert chosen in exercises and was not in exercises
    assert [e["kind"] for e in kept] == ["set", "set", "set", "swap"]

    # The same outbox sent a second time (a lost answer, a second tab): nothing doubles.
    _put_back(page, kept)
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    deadline = time.monotonic() + 10
    while _outbox(page) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _outbox(page) == []
    assert _sets_of(server, name) == [(exercise, 8), (exercise, 9), (exercise, 10)]
    assert _exercises_of_open_workout(server, name) == exercises
    page.context.close()


def test_a_session_logged_while_the_server_is_down_reaches_it_once_back(
    browser: Any, server: Server
) -> None:
    page, name, exercise, (was, chosen), _ = _a_session_with_no_signal(
        browser, server, cut=lambda _: server.stop(), restore=lambda _: server.start()
    )
    page.evaluate("window.dispatchEvent(new Event('focus'))")  # the person looks again
    _all_sent(page)
    assert _sets_of(server, name) == [(exercise, 8), (exercise, 9), (exercise, 10)]
    exercises = _exercises_of_open_workout(server, name)
    assert chosen in exercises and was not in exercises
    page.context.close()


def test_sets_wait_for_their_own_account_on_a_shared_phone(browser: Any, server: Server) -> None:
    other = f"other{next(_names)}"
    elsewhere = browser.new_context(viewport=PHONE, base_url=server.url)
    _sign_up(elsewhere, other).context.close()

    name = f"owner{next(_names)}"
    context = browser.new_context(viewport=PHONE, base_url=server.url)
    page = _sign_up(context, name)
    context.set_offline(True)
    exercise = _log(page, [7, 6])
    _waiting(page, 2)
    # The session ends while the sets wait (expired, or signed out on another device).
    context.clear_cookies()
    context.set_offline(False)
    page.goto("/today")
    page.wait_for_url(lambda url: "/login" in url)
    expect(page.locator("#outbox")).to_contain_text("sign in to send them")

    _sign_in(page, other)
    expect(page.locator("#outbox")).to_contain_text("by another account")
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    assert len(_outbox(page)) == 2
    assert _sets_of(server, other) == [] and _sets_of(server, name) == []

    page.locator("form.logout button").click()
    page.wait_for_url(lambda url: "/login" in url)
    _sign_in(page, name)
    _all_sent(page)
    assert _sets_of(server, name) == [(exercise, 7), (exercise, 6)]
    assert _sets_of(server, other) == []
    context.close()


def test_the_session_still_works_as_plain_forms_without_javascript(
    browser: Any, server: Server
) -> None:
    name = f"plain{next(_names)}"
    context = browser.new_context(viewport=PHONE, base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/signup")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    page.get_by_role("button", name="Make my plan").click()
    page.goto("/today")
    page.get_by_role("button", name="Start workout").click()
    card = _main_cards(page).first
    card.get_by_label("Reps").fill("7")
    card.get_by_role("button", name="Log set").click()
    expect(_main_cards(page).first.locator(".done li")).to_have_text(["7 reps"])
    page.locator("form[data-tick]").first.get_by_role("button", name="Done").click()
    expect(page.locator(".ticked").first).to_have_text("Done ✓")
    assert (
        page.locator("#outbox").count() == 0
        and page.locator("button[data-hold]:visible").count() == 0
    )
    page.get_by_role("button", name="Finish workout").click()
    expect(page.get_by_role("link", name="See the history")).to_be_visible()
    assert [reps for _, reps in _sets_of(server, name)] == [7]
    context.close()


def test_sets_sent_after_the_workout_was_deleted_elsewhere_are_kept_with_a_notice(
    browser: Any, server: Server
) -> None:
    name = f"deleted{next(_names)}"
    context = browser.new_context(viewport=PHONE, base_url=server.url)
    page = _sign_up(context, name)
    card = _main_cards(page).first
    card.get_by_label("Reps").fill("4")
    card.get_by_role("button", name="Log set").click()  # online: sent at once
    _all_sent(page)
    context.set_offline(True)
    exercise = _log(page, [5])
    _waiting(page, 1)

    laptop = browser.new_context(viewport=PHONE, base_url=server.url)
    other = laptop.new_page()
    _sign_in(other, name)
    other.goto("/history")
    other.locator("form.workout-delete button").first.click()
    other.wait_for_load_state()
    laptop.close()

    context.set_offline(False)
    _all_sent(page)
    expect(page.locator("#outbox .notice")).to_contain_text("was deleted elsewhere")
    assert _sets_of(server, name) == [(exercise, 5)]  # the 4 went with the deleted workout
    page.goto("/history")
    expect(page.locator("main")).to_contain_text("Recreated from sets saved on a phone")
    context.close()


def test_a_warm_up_ticked_offline_is_kept_then_sent(browser: Any, server: Server) -> None:
    name = f"ticker{next(_names)}"
    context = browser.new_context(viewport=PHONE, base_url=server.url)
    page = _sign_up(context, name)
    context.set_offline(True)
    page.reload()
    tick = page.locator("form[data-tick]").first
    tick.get_by_role("button", name="Done").click()
    _waiting(page, 1)
    page.reload()  # from the phone: the tick still shows, marked as not sent
    expect(page.locator(".ticked").first).to_have_text("Done ✓ (not yet sent)")
    context.set_offline(False)
    _all_sent(page)
    expect(page.locator(".ticked").first).to_have_text("Done ✓")
    assert _targets_of_workout(server, name)[0].get("ticked") is True  # the first warm-up
    assert _sets_of(server, name) == []
    context.close()


def test_sets_logged_in_quick_succession_online_all_arrive_once_in_order(
    browser: Any, server: Server
) -> None:
    name = f"quick{next(_names)}"
    context = browser.new_context(viewport=PHONE, base_url=server.url)
    page = _sign_up(context, name)
    card = _main_cards(page).first
    exercise = str(card.get_attribute("id")).removeprefix("card-")
    for reps in (12, 11, 10, 9):
        card.get_by_label("Reps").fill(str(reps))
        card.get_by_role("button", name="Log set").click()  # no waiting for the server
    _all_sent(page)
    expect(card.locator(".done li")).to_have_text(["12 reps", "11 reps", "10 reps", "9 reps"])
    assert _sets_of(server, name) == [(exercise, n) for n in (12, 11, 10, 9)]
    context.close()
