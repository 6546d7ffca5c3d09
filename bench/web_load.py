"""Web throughput under bounded load: log a set and read today's session, beside a bare endpoint.

Each server runs with 2 uvicorn workers on loopback; 16 clients (keep-alive connections,
spread over 2 client processes) send requests back to back for 20 s per scenario. The bare
FastAPI endpoint is measured in the same run, so the figures compare like with like, and so
are two floors: the same endpoint doing one durable SQLite INSERT (under any logged set), and
one SELECT by primary key through a SQLAlchemy session (under any read that signs someone in).

Run: .venv/bin/python bench/web_load.py [--seconds 20] [--clients 16] [--workers 2]
     [--postgres URL | --no-postgres]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# The bare endpoint; the floor under any durable write: one INSERT committed to SQLite with the
# settings backtone uses (WAL, synchronous=FULL), nothing else; and the floor under any read
# that signs someone in: one row by primary key through a SQLAlchemy session.
BARE_APP = """
import os, sqlite3, threading
from fastapi import FastAPI
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, select
from sqlalchemy.orm import Session
app = FastAPI()
local = threading.local()
people = Table("people", MetaData(), Column("id", Integer, primary_key=True), Column("n", Integer))
engine = create_engine("sqlite:///" + os.environ["BARE_DB"])

@app.get("/read")
async def read() -> dict[str, int]:
    with Session(engine) as session:
        row = session.execute(select(people).where(people.c.id == 1)).one()
    return {"n": row.n}

@app.get("/ping")
async def ping() -> dict[str, bool]:
    return {"ok": True}

@app.post("/write")
async def write() -> dict[str, bool]:
    if not hasattr(local, "db"):
        local.db = sqlite3.connect(os.environ["BARE_DB"], isolation_level=None)
        local.db.execute("PRAGMA journal_mode=WAL")
        local.db.execute("PRAGMA synchronous=FULL")
        local.db.execute("PRAGMA busy_timeout=5000")
        local.db.execute("CREATE TABLE IF NOT EXISTS sets (id INTEGER PRIMARY KEY, reps INTEGER)")
    local.db.execute("BEGIN IMMEDIATE")
    local.db.execute("INSERT INTO sets (reps) VALUES (10)")
    local.db.execute("COMMIT")
    return {"ok": True}
"""
EVERY_DAY = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_for(port: int, path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


def call(
    port: int, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
) -> Any:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = None if body is None else json.dumps(body)
    connection.request(method, path, data, {"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    payload = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {payload[:200]!r}")
    return json.loads(payload) if payload else None


# --- the load: each client thread keeps one connection and sends requests back to back -----


def _client(
    port: int, requests: list[dict[str, Any]], until: float, out: list[float], errors: list[int]
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.connect()
    # Without this, small writes wait for delayed ACKs and every request takes 40 ms.
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    n = 0
    while time.perf_counter() < until:
        request = requests[n % len(requests)]
        headers = dict(request["headers"])
        if request.get("fresh_key"):
            headers["Idempotency-Key"] = uuid.uuid4().hex
        start = time.perf_counter()
        connection.request(request["method"], request["path"], request.get("body"), headers)
        response = connection.getresponse()
        response.read()
        out.append(time.perf_counter() - start)
        if response.status >= 400:
            errors.append(response.status)
        n += 1


def _process(port: int, per_client: list[list[dict[str, Any]]], seconds: float, queue: Any) -> None:
    until = time.perf_counter() + seconds
    latencies: list[list[float]] = [[] for _ in per_client]
    errors: list[int] = []
    threads = [
        threading.Thread(target=_client, args=(port, reqs, until, latencies[i], errors))
        for i, reqs in enumerate(per_client)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(([x for lat in latencies for x in lat], errors))


def load(
    port: int, per_client: list[list[dict[str, Any]]], seconds: float, processes: int = 2
) -> dict[str, float]:
    """Run the clients for `seconds`; requests/s and latency percentiles in ms."""
    queue: Any = multiprocessing.get_context("fork").Queue()
    groups = [per_client[i::processes] for i in range(processes)]
    workers = [
        multiprocessing.get_context("fork").Process(target=_process, args=(port, g, seconds, queue))
        for g in groups
    ]
    for worker in workers:
        worker.start()
    latencies: list[float] = []
    errors: list[int] = []
    for _ in workers:
        lat, err = queue.get()
        latencies += lat
        errors += err
    for worker in workers:
        worker.join()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / seconds,
        "p50": cuts[49] * 1000,
        "p99": cuts[98] * 1000,
        "errors": len(errors),
    }


# --- servers ----------------------------------------------------------------------------------


def start_backtone(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [str(BIN / "backtone"), "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    wait_for(port, "/login")
    return server


def start_bare(folder: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    (folder / "bare_app.py").write_text(BARE_APP)
    command = [
        str(BIN / "uvicorn"),
        "bare_app:app",
        "--app-dir",
        str(folder),
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    database = folder / "bare.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, n INTEGER)")
        connection.execute("INSERT INTO people VALUES (1, 1)")
    env = {**os.environ, "BARE_DB": str(database)}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    wait_for(port, "/ping")
    return server


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=30)


def prepare_people(port: int, clients: int) -> list[dict[str, Any]]:
    """One person per client, each with a plan and an open workout."""
    people = []
    for n in range(clients):
        name, password = f"bench{n}", "bench password 1"
        # Each person from an address of their own: sign-ups are limited per address.
        where = {"X-Forwarded-For": f"198.51.100.{n % 250 + 1}"}
        call(port, "POST", "/api/v1/accounts", {"name": name, "password": password}, where)
        token = call(port, "POST", "/api/v1/tokens", {"name": name, "password": password}, where)
        auth = {"Authorization": f"Bearer {token['token']}", "Content-Type": "application/json"}
        call(port, "POST", "/api/v1/plans", {"weekdays": EVERY_DAY, "weeks": 4}, auth)
        today = call(port, "POST", "/api/v1/workouts", None, auth)
        card = next(c for c in today["cards"] if c["role"] == "main")
        people.append(
            {"auth": auth, "workout": today["workout_id"], "exercise": card["exercise_id"]}
        )
    return people


def backtone_scenarios(port: int, clients: int, seconds: float) -> dict[str, dict[str, float]]:
    people = prepare_people(port, clients)
    today = [[{"method": "GET", "path": "/api/v1/today", "headers": p["auth"]}] for p in people]
    post = [
        [
            {
                "method": "POST",
                "path": f"/api/v1/workouts/{p['workout']}/sets",
                "headers": p["auth"],
                "fresh_key": True,
                "body": json.dumps({"exercise_id": p["exercise"], "reps": 10, "load": 12.5}),
            }
        ]
        for p in people
    ]
    # Today first, while each open workout holds a session's worth of sets, not thousands.
    reads = load(port, today, seconds)
    return {"GET today": reads, "POST a set": load(port, post, seconds)}


def postgres_url(base: str) -> tuple[str, str]:
    """A fresh schema for this run, and the URL that uses it."""
    from sqlalchemy import text

    from backtone.adapters.db.engine import make_engine

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    return schema, f"{base}?options=-csearch_path%3D{schema}"


def drop_schema(base: str, schema: str) -> None:
    from sqlalchemy import text

    from backtone.adapters.db.engine import make_engine

    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--postgres", default=os.environ.get("BACKTONE_BENCH_POSTGRES", POSTGRES))
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    rows: list[tuple[str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        bare = start_bare(Path(folder), port, args.workers)
        try:
            ping = [[{"method": "GET", "path": "/ping", "headers": {}}]] * args.clients
            rows.append(("bare FastAPI GET /ping", load(port, ping, args.seconds)))
            write = [[{"method": "POST", "path": "/write", "headers": {}}]] * args.clients
            rows.append(("bare + 1 SQLite INSERT", load(port, write, args.seconds)))
            read = [[{"method": "GET", "path": "/read", "headers": {}}]] * args.clients
            rows.append(("bare + 1 SQLAlchemy SELECT", load(port, read, args.seconds)))
        finally:
            stop(bare)
        backends = [("SQLite", None)] + (
            [] if args.no_postgres else [("PostgreSQL", args.postgres)]
        )
        for label, base in backends:
            env = {
                **os.environ,
                "BACKTONE_DATA_DIR": folder,
                "BACKTONE_ENVIRONMENT": "test",
                "BACKTONE_SECRET_KEY": uuid.uuid4().hex,
                "BACKTONE_TRUSTED_PROXIES": "127.0.0.1",  # the bench speaks as the proxy
            }
            schema = None
            if base:
                schema, env["BACKTONE_DATABASE_URL"] = postgres_url(base)
            else:
                env.pop("BACKTONE_DATABASE_URL", None)
            port = free_port()
            server = start_backtone(env, port, args.workers)
            try:
                for name, result in backtone_scenarios(port, args.clients, args.seconds).items():
                    rows.append((f"{label}: {name}", result))
            finally:
                stop(server)
                if base and schema:
                    drop_schema(base, schema)
    print(
        f"{args.clients} clients, {args.seconds:g} s each, {args.workers} workers, "
        f"{os.cpu_count()} CPUs (clients share them)"
    )
    print(f"{'scenario':<30} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, r in rows:
        print(f"{name:<30} {r['rps']:>8.0f} {r['p50']:>8.1f} {r['p99']:>8.1f} {r['errors']:>7.0f}")


if __name__ == "__main__":
    main()
