"""Slow work stays off the event loop: routes that hash passwords, plan or draw run on a thread."""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Callable, Iterator
from importlib import import_module
from typing import Any, get_type_hints

from backtone.entrypoints.web import api, pages
from backtone.entrypoints.web.deps import get_hasher

# Routes whose work takes tens of milliseconds or more: the planner, charts, files, video.
SLOW = {
    "api.plans": ["create", "plan_calendar", "plan_pdf"],
    "api.trainers": ["replace_client_plan"],
    "api.progress": ["progress", "chart"],
    "api.form_checks": ["check_clip"],
    "pages.plans": ["onboarding", "plan_calendar", "plan_pdf"],
    "pages.insight": ["progress", "chart"],
    "pages.form_check": ["check_upload"],
    "api.backup": ["download", "restore"],
    "pages.backup": ["download"],
}


def _route_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    for package in (api, pages):
        for found in pkgutil.iter_modules(package.__path__):
            module = import_module(f"{package.__name__}.{found.name}")
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if function.__module__ == module.__name__:
                    yield f"{found.name}.{name}", function


def _depends_on(function: Callable[..., Any], dependency: Callable[..., Any]) -> bool:
    hints = get_type_hints(function, include_extras=True)
    return any(
        getattr(extra, "dependency", None) is dependency
        for hint in hints.values()
        for extra in getattr(hint, "__metadata__", ())
    )


def test_routes_that_hash_passwords_run_on_the_threadpool() -> None:
    hashing = {name: f for name, f in _route_functions() if _depends_on(f, get_hasher)}
    assert {"accounts.create_token", "auth.login", "auth.signup"} <= hashing.keys()
    for name, function in hashing.items():
        assert not inspect.iscoroutinefunction(function), f"{name} hashes on the event loop"


def test_slow_routes_run_on_the_threadpool() -> None:
    for module, names in SLOW.items():
        routes = import_module(f"backtone.entrypoints.web.{module}")
        for name in names:
            # An async route may still hand its work to a thread itself; these do not.
            assert not inspect.iscoroutinefunction(getattr(routes, name)), f"{module}.{name}"
