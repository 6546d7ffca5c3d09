"""Counters for operators: requests, latencies and errors per route, in Prometheus' text format.

Plain ASGI middleware with a few dictionary updates per request. Each process counts its own
requests; a `process` label says which one answered the scrape (docs/deploy.md: scrape each
server, and with several workers per server expect each scrape to reach one of them).
"""

from __future__ import annotations

import os
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Upper bounds of the latency histogram, in seconds.
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
UNMATCHED = "unmatched"  # paths no route knows are counted together, not one label each


@dataclass
class _Route:
    """What one method and route template has seen."""

    statuses: dict[int, int] = field(default_factory=dict)
    buckets: list[int] = field(default_factory=lambda: [0] * (len(BUCKETS) + 1))
    seconds: float = 0.0
    errors: int = 0  # answered 5xx, or failed before answering


class Registry:
    """Every route's counts since the process started."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], _Route] = {}
        self.gauges: list[tuple[str, str, Callable[[], float]]] = []

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        seen = self.routes.get((method, route))
        if seen is None:
            seen = self.routes[(method, route)] = _Route()
        seen.statuses[status] = seen.statuses.get(status, 0) + 1
        seen.buckets[bisect_left(BUCKETS, seconds)] += 1
        seen.seconds += seconds
        if status >= 500:
            seen.errors += 1

    def gauge(self, name: str, help_text: str, read: Callable[[], float]) -> None:
        """A number read at each scrape (the writer's queue, its groups)."""
        self.gauges.append((name, help_text, read))

    def render(self) -> str:
        """The text exposition format (version 0.0.4)."""
        process = f'process="{os.getpid()}"'
        lines = [
            "# HELP backtone_http_requests_total Requests answered, by route and status.",
            "# TYPE backtone_http_requests_total counter",
        ]
        ordered = sorted(self.routes.items())
        for (method, route), seen in ordered:
            for status, count in sorted(seen.statuses.items()):
                labels = f'{_labels(method, route)},status="{status}",{process}'
                lines.append(f"backtone_http_requests_total{{{labels}}} {count}")
        lines += [
            "# HELP backtone_http_errors_total Requests that failed on the server (5xx).",
            "# TYPE backtone_http_errors_total counter",
        ]
        for (method, route), seen in ordered:
            lines.append(
                f"backtone_http_errors_total{{{_labels(method, route)},{process}}} {seen.errors}"
            )
        lines += [
            "# HELP backtone_http_request_duration_seconds Time from request to last byte.",
            "# TYPE backtone_http_request_duration_seconds histogram",
        ]
        for (method, route), seen in ordered:
            lines += _histogram(_labels(method, route) + "," + process, seen)
        for name, help_text, read in self.gauges:
            lines += [
                f"# HELP {name} {help_text}",
                f"# TYPE {name} gauge",
                f"{name}{{{process}}} {_number(read())}",
            ]
        return "\n".join(lines) + "\n"


def _labels(method: str, route: str) -> str:
    escaped = route.replace("\\", "\\\\").replace('"', '\\"')
    return f'method="{method}",route="{escaped}"'


def _histogram(labels: str, seen: _Route) -> Iterable[str]:
    name = "backtone_http_request_duration_seconds"
    running = 0
    for bound, count in zip([*BUCKETS, float("inf")], seen.buckets, strict=True):
        running += count
        edge = "+Inf" if bound == float("inf") else _number(bound)
        yield f'{name}_bucket{{{labels},le="{edge}"}} {running}'
    yield f"{name}_sum{{{labels}}} {_number(seen.seconds)}"
    yield f"{name}_count{{{labels}}} {running}"


def _number(value: float) -> str:
    return repr(float(value)) if value != int(value) else str(int(value))


class Metrics:
    """Times every HTTP request and counts it under its route's template."""

    def __init__(self, app: ASGIApp, *, registry: Registry) -> None:
        self.app = app
        self.registry = registry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # unless a response starts
        root = scope.get("root_path", "")

        async def timed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, timed_send)
        finally:
            self.registry.observe(
                scope["method"], route_template(scope, root), status, time.perf_counter() - start
            )


def route_template(scope: Scope, root: str) -> str:
    """The route's path with its parameters named ('/api/v1/workouts/{workout_id}/sets').

    A route inside an included router knows its path without the router's prefix; the prefix
    is what comes before the part of the request's path that the route's pattern matches.
    A mount (static files) moves its prefix into root_path.
    """
    route = scope.get("route")
    path: str = scope.get("path", "")
    regex = getattr(route, "path_regex", None)
    if route is not None and regex is not None:
        template = str(route.path)
        start = 0
        while start != -1:
            if regex.match(path[start:]):
                return path[:start] + template
            start = path.find("/", start + 1)
        return template
    mounted: str = scope.get("root_path", "")
    if mounted != root:
        return mounted.removeprefix(root) + "/{path}"
    return UNMATCHED
