"""Web throughput with wrk: four requests on SQLite and PostgreSQL, beside floors from the same run.

Load: wrk (Debian's package), 1 thread, 16 keep-alive connections, a Bearer token on every
request, 10 s per row after a 2 s warm-up. Servers: `backtone serve --workers 2` on loopback.
Floors, measured in the same run on the same database: a bare FastAPI endpoint, the same plus
one durable INSERT (committed as backtone commits: WAL and synchronous=FULL on SQLite), and the
same plus one SELECT by an indexed column through a SQLAlchemy session.

Server CPU per request is the CPU time the server processes used during the row (utime + stime
from /proc/PID/stat), divided by the requests served; on PostgreSQL the database's own backends
are counted apart. The load average (1 min) is read from /proc/loadavg at the start of each row.

Run: .venv/bin/python bench/web_wrk.py [--seconds 10] [--connections 16] [--workers 2]
     [--postgres URL | --no-postgres] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TICK = os.sysconf("SC_CLK_TCK")
EVERY_DAY = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
HISTORY_SETS = 20

# The floors. Same framework, same engine settings (backtone's make_engine), one statement.
FLOOR_APP = """
import os
from fastapi import FastAPI
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select
from sqlalchemy.orm import Session
from backtone.adapters.db.engine import make_engine

app = FastAPI()
meta = MetaData()
people = Table("people", meta, Column("id", Integer, primary_key=True),
               Column("token_hash", String(64), unique=True), Column("name", String(40)))
sets = Table("sets", meta, Column("id", Integer, primary_key=True), Column("reps", Integer))
engine = make_engine(os.environ["FLOOR_URL"])

@app.get("/ping")
async def ping() -> dict[str, bool]:
    return {"ok": True}

@app.get("/read")
async def read() -> dict[str, str]:
    with Session(engine) as session:
        row = session.execute(select(people.c.name).where(people.c.token_hash == "t7")).one()
    return {"name": row.name}

@app.post("/write")
async def write() -> dict[str, int]:
    with Session(engine) as session:
        new = session.execute(insert(sets).values(reps=10).returning(sets.c.id)).scalar_one()
        session.commit()
    return {"id": new}
"""
FLOOR_SCHEMA = """
from sqlalchemy import Column, Integer, MetaData, String, Table, insert
from backtone.adapters.db.engine import make_engine
import os
meta = MetaData()
people = Table("people", meta, Column("id", Integer, primary_key=True),
               Column("token_hash", String(64), unique=True), Column("name", String(40)))
Table("sets", meta, Column("id", Integer, primary_key=True), Column("reps", Integer))
engine = make_engine(os.environ["FLOOR_URL"])
meta.create_all(engine)
with engine.begin() as c:
    c.execute(insert(people), [{"token_hash": f"t{n}", "name": f"p{n}"} for n in range(1000)])
"""

# One wrk thread cycles through the requests (one per person); a fresh Idempotency-Key where
# asked. done() prints one JSON line that the bench reads back.
LUA = """
local reqs = %(requests)s
local prefix = "%(prefix)s"
local n = 0
local counter = 0
request = function()
  n = n %% #reqs + 1
  local r = reqs[n]
  if r.fresh then
    counter = counter + 1
    local headers = {}
    for k, v in pairs(r.headers) do headers[k] = v end
    headers["Idempotency-Key"] = prefix .. counter
    return wrk.format(r.method, r.path, headers, r.body)
  end
  return wrk.format(r.method, r.path, r.headers, r.body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "us": %%d, "p50": %%d, "p99": %%d, "errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


@dataclass
class Row:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms: float
    db_cpu_ms: float | None
    load: float
    note: str = ""


@dataclass
class Server:
    processes: list[subprocess.Popen[bytes]]
    ports: list[int]
    database: tuple[str, str] | None = None  # PostgreSQL: its URL and the app's application_name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def cpu_seconds(pids: list[int]) -> float:
    """utime + stime of these processes, in seconds (0 for one that is gone)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def family(pid: int) -> list[int]:
    """A process and all its descendants (uvicorn's workers are children of the server)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def call(port: int, method: str, path: str, body: Any = None, headers: Any = None) -> Any:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    data = None if body is None else json.dumps(body)
    connection.request(method, path, data, {"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    payload = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {payload[:300]!r}")
    return json.loads(payload) if payload else None


def wait_for(port: int, path: str, timeout: float = 90) -> None:
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


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string for our characters


def lua_requests(requests: list[dict[str, Any]]) -> str:
    items = []
    for r in requests:
        headers = ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in r["headers"].items())
        body = lua_string(r["body"]) if r.get("body") else "nil"
        fresh = "true" if r.get("fresh") else "false"
        items.append(
            f"{{method = {lua_string(r['method'])}, path = {lua_string(r['path'])}, "
            f"headers = {{{headers}}}, body = {body}, fresh = {fresh}}}"
        )
    return "{\n" + ",\n".join(items) + "\n}"


def run_wrk(
    ports: list[int], requests: list[dict[str, Any]], seconds: float, connections: int, folder: Path
) -> dict[str, float]:
    """wrk against each port (connections split evenly); the results added up."""
    script = folder / f"load-{uuid.uuid4().hex[:6]}.lua"
    script.write_text(
        LUA % {"requests": lua_requests(requests), "prefix": uuid.uuid4().hex[:12] + "-"}
    )
    each = connections // len(ports)
    runs = [
        subprocess.Popen(
            [
                *("wrk", "-t1", f"-c{each}", f"-d{seconds:g}s", "--timeout", "10s"),
                *("-s", str(script), f"http://127.0.0.1:{port}"),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for port in ports
    ]
    results = []
    for run in runs:
        out, _ = run.communicate()
        line = next(x for x in out.splitlines() if x.startswith("RESULT "))
        results.append(json.loads(line.removeprefix("RESULT ")))
    requests_done = sum(r["requests"] for r in results)
    return {
        "requests": requests_done,
        "rps": sum(r["requests"] / (r["us"] / 1e6) for r in results),
        "p50": max(r["p50"] for r in results) / 1000,
        "p99": max(r["p99"] for r in results) / 1000,
        "errors": sum(r["errors"] for r in results),
    }


def measure(
    name: str,
    server: Server,
    requests: list[dict[str, Any]],
    args: argparse.Namespace,
    folder: Path,
    note: str = "",
) -> Row:
    """A short warm-up, then the timed row with CPU counted from /proc."""
    run_wrk(server.ports, requests, 2, args.connections, folder)
    pids = [p for proc in server.processes for p in family(proc.pid)]
    db_pids = postgres_pids(*server.database) if server.database else []
    load = load_average()
    before, db_before = cpu_seconds(pids), cpu_seconds(db_pids)
    result = run_wrk(server.ports, requests, args.seconds, args.connections, folder)
    used, db_used = cpu_seconds(pids) - before, cpu_seconds(db_pids) - db_before
    served = max(1.0, result["requests"])
    row = Row(
        name=name,
        rps=result["rps"],
        p50_ms=result["p50"],
        p99_ms=result["p99"],
        errors=int(result["errors"]),
        cpu_ms=used * 1000 / served,
        db_cpu_ms=db_used * 1000 / served if server.database else None,
        load=load,
        note=note,
    )
    print(format_row(row), flush=True)
    return row


# --- servers ------------------------------------------------------------------------------------


def start_floor(url: str, folder: Path, port: int, workers: int) -> Server:
    (folder / "floor_app.py").write_text(FLOOR_APP)
    env = {**os.environ, "FLOOR_URL": url}
    subprocess.run([sys.executable, "-c", FLOOR_SCHEMA], env=env, check=True)
    command = [str(BIN / "uvicorn"), "floor_app:app", "--app-dir", str(folder)]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    wait_for(port, "/ping")
    return Server([server], [port])


def start_backtone(env: dict[str, str], ports: list[int], workers: int) -> Server:
    processes = []
    for port in ports:
        command = [str(BIN / "backtone"), "serve", "--port", str(port), "--workers", str(workers)]
        processes.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL))
        wait_for(port, "/login")  # one at a time: each brings the schema up to date first
    return Server(processes, ports)


def stop(server: Server) -> None:
    for process in server.processes:
        process.send_signal(signal.SIGTERM)
    for process in server.processes:
        process.wait(timeout=30)


def postgres_pids(base: str, application: str) -> list[int]:
    """The PostgreSQL backends serving connections that named themselves `application`."""
    from sqlalchemy import create_engine, text

    admin = create_engine(base)
    with admin.connect() as connection:
        rows = connection.execute(
            text("SELECT pid FROM pg_stat_activity WHERE application_name = :a"), {"a": application}
        )
        pids = [int(r[0]) for r in rows]
    admin.dispose()
    return pids


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    """A fresh schema for this run; yields the URL that uses it."""
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{base}?options=-csearch_path%3D{schema}&application_name={schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


# --- the people and their requests --------------------------------------------------------------


def prepare_people(port: int, count: int, prefix: str) -> list[dict[str, Any]]:
    """People with a plan, 20 logged sets (their history) and today's guided workout open."""
    people = []
    for n in range(count):
        name, password = f"{prefix}{n}", "bench password 1"
        seen_from = {"X-Forwarded-For": f"10.0.{n // 250}.{n % 250 + 1}"}
        call(port, "POST", "/api/v1/accounts", {"name": name, "password": password}, seen_from)
        token = call(
            port, "POST", "/api/v1/tokens", {"name": name, "password": password}, seen_from
        )
        auth = {"Authorization": f"Bearer {token['token']}"}
        call(port, "POST", "/api/v1/plans", {"weekdays": EVERY_DAY, "weeks": 4}, auth)
        today = call(port, "POST", "/api/v1/workouts", None, auth)
        card = next(c for c in today["cards"] if c["role"] == "main")
        for reps in range(HISTORY_SETS):
            body = {"exercise_id": card["exercise_id"], "reps": 5 + reps % 6, "load": 10}
            call(port, "POST", f"/api/v1/workouts/{today['workout_id']}/sets", body, auth)
        people.append(
            {"auth": auth, "workout": today["workout_id"], "exercise": card["exercise_id"]}
        )
    return people


def backtone_requests(
    people: list[dict[str, Any]], etag: str = ""
) -> dict[str, list[dict[str, Any]]]:
    json_type = {"Content-Type": "application/json"}
    return {
        "list exercises (20)": [
            {"method": "GET", "path": "/api/v1/exercises?limit=20", "headers": p["auth"]}
            for p in people
        ],
        "list exercises (20), client holds it: 304": [
            {
                "method": "GET",
                "path": "/api/v1/exercises?limit=20",
                "headers": {**p["auth"], "If-None-Match": etag},
            }
            for p in people
        ],
        "recent history (20 sets)": [
            {"method": "GET", "path": "/api/v1/history?limit=1", "headers": p["auth"]}
            for p in people
        ],
        "today's session": [
            {"method": "GET", "path": "/api/v1/today", "headers": p["auth"]} for p in people
        ],
        "log one set (POST)": [
            {
                "method": "POST",
                "path": f"/api/v1/workouts/{p['workout']}/sets",
                "headers": {**p["auth"], **json_type},
                "body": json.dumps({"exercise_id": p["exercise"], "reps": 10, "load": 12.5}),
                "fresh": True,
            }
            for p in people
        ],
    }


def check_shapes(port: int, people: list[dict[str, Any]]) -> str:
    """The requests answer what their names say (20 exercises, 20 sets); the list's ETag."""
    auth = people[0]["auth"]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/api/v1/exercises?limit=20", headers=auth)
    response = connection.getresponse()
    listed = json.loads(response.read())
    history = call(port, "GET", "/api/v1/history?limit=1", headers=auth)
    sets = sum(len(w["sets"]) for w in history["workouts"])
    print(f"  list: {len(listed['exercises'])} exercises; history: {sets} sets", flush=True)
    return response.getheader("ETag") or ""


def floor_rows(
    label: str, url: str, args: argparse.Namespace, folder: Path, auth: dict[str, str]
) -> list[Row]:
    port = free_port()
    server = start_floor(url, folder, port, args.workers)
    if "application_name=" in url:
        server.database = (args.postgres, url.rsplit("application_name=", 1)[1])
    rows = []
    try:
        if label == "SQLite" or args.no_sqlite:
            rows.append(measure("bare endpoint", server, [_get("/ping", auth)], args, folder))
        rows.append(
            measure(
                f"{label}: bare + 1 durable INSERT", server, [_post("/write", auth)], args, folder
            )
        )
        rows.append(
            measure(
                f"{label}: bare + 1 indexed SELECT", server, [_get("/read", auth)], args, folder
            )
        )
    finally:
        stop(server)
    return rows


def _get(path: str, auth: dict[str, str]) -> dict[str, Any]:
    return {"method": "GET", "path": path, "headers": auth}


def _post(path: str, auth: dict[str, str]) -> dict[str, Any]:
    return {"method": "POST", "path": path, "headers": auth}


def backtone_rows(
    label: str, url: str | None, args: argparse.Namespace, folder: Path, data: Path
) -> list[Row]:
    env = {
        **os.environ,
        "BACKTONE_DATA_DIR": str(data),
        "BACKTONE_ENVIRONMENT": "test",
        "BACKTONE_SECRET_KEY": uuid.uuid4().hex,
        # Each bench person signs up from an address of their own, through a trusted proxy,
        # so the sign-up limit (10 an hour per address) does not stop a 16-person run.
        "BACKTONE_TRUSTED_PROXIES": "127.0.0.1",
    }
    env.pop("BACKTONE_DATABASE_URL", None)
    if url:
        env["BACKTONE_DATABASE_URL"] = url
    if args.code:  # another checkout's code, to compare in the same sitting
        env["PYTHONPATH"] = str(Path(args.code).resolve() / "src")
    rows: list[Row] = []
    ports = [free_port()]
    server = start_backtone(env, ports, args.workers)
    try:
        people = prepare_people(ports[0], args.people, "bench")
        etag = check_shapes(ports[0], people)
        if url:
            server.database = (args.postgres, url.rsplit("application_name=", 1)[1])
        for name, requests in backtone_requests(people, etag).items():
            if not args.only or any(o in name for o in args.only):
                rows.append(measure(f"{label}: {name}", server, requests, args, folder))
    finally:
        stop(server)
    if url and not args.one_server:
        rows += two_servers(label, env, args, folder)
    if not url and not args.one_server:
        rows += one_writer(label, env, args, folder)
    return rows


def one_writer(
    label: str, env: dict[str, str], args: argparse.Namespace, folder: Path
) -> list[Row]:
    """Logged sets with 1 worker: SQLite lets one process write at a time, so a second
    worker adds little when the writes are the work."""
    ports = [free_port()]
    server = start_backtone(env, ports, 1)
    try:
        people = prepare_people(ports[0], args.people, "w1x")
        requests = backtone_requests(people)["log one set (POST)"]
        before = writer_counts(ports[0])
        row = measure(f"{label}: log one set (POST), 1 worker", server, requests, args, folder)
        writes, groups = (b - a for a, b in zip(before, writer_counts(ports[0]), strict=True))
        print(f"  {writes:.0f} sets in {groups:.0f} commits: {writes / max(groups, 1):.1f} a group")
        return [row]
    finally:
        stop(server)


def writer_counts(port: int) -> tuple[float, float]:
    """(POSTs answered, groups committed) by a one-worker server, from its /metrics."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/metrics")
    text = connection.getresponse().read().decode()
    groups = writes = 0.0
    for line in text.splitlines():
        if line.startswith("backtone_writer_groups_committed{"):
            groups = float(line.rsplit(" ", 1)[1])
        if line.startswith("backtone_http_requests_total{") and 'method="POST"' in line:
            writes += float(line.rsplit(" ", 1)[1])
    return writes, groups


def two_servers(
    label: str, env: dict[str, str], args: argparse.Namespace, folder: Path
) -> list[Row]:
    """One server with one worker, then two (each on its own port, wrk split over them)."""
    rows = []
    for count in (1, 2):
        ports = [free_port() for _ in range(count)]
        server = start_backtone(env, ports, 1)
        server.database = (
            args.postgres,
            env["BACKTONE_DATABASE_URL"].rsplit("application_name=", 1)[1],
        )
        try:
            people = prepare_people(ports[0], args.people, f"s{count}x")
            requests = backtone_requests(people)
            for name in ("today's session", "log one set (POST)"):
                title = f"{label}: {name}, {count} server{'s' * (count > 1)} x 1 worker"
                rows.append(measure(title, server, requests[name], args, folder))
        finally:
            stop(server)
    return rows


def format_row(row: Row) -> str:
    db = f"{row.db_cpu_ms:.2f}" if row.db_cpu_ms is not None else "-"
    return (
        f"| {row.name} | {row.rps:,.0f} | {row.p50_ms:.1f} | {row.p99_ms:.1f} | "
        f"{row.cpu_ms:.2f} | {db} | {row.errors} | {row.load:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--people", type=int, default=16)
    parser.add_argument("--postgres", default=os.environ.get("BACKTONE_BENCH_POSTGRES", POSTGRES))
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL's rows only")
    parser.add_argument("--no-floors", action="store_true")
    parser.add_argument("--one-server", action="store_true", help="leave out the two-server rows")
    parser.add_argument("--only", nargs="*", default=[], help="requests whose name has these")
    parser.add_argument(
        "--code", help="serve backtone from this checkout's src/ (e.g. main's, for a baseline)"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: `apt-get install wrk` (Debian's package), then run again")
    print(
        f"wrk 1 thread, {args.connections} connections, {args.seconds:g} s a row, "
        f"{args.workers} server workers, {os.cpu_count()} CPUs shared with wrk and the database; "
        f"load average before the run: {load_average():.2f}"
    )
    print("| row | req/s | p50 ms | p99 ms | server CPU ms/req | db CPU ms/req | errors | load |")
    print("|---|---|---|---|---|---|---|---|")
    auth = {"Authorization": "Bearer " + "x" * 43}  # the floors get a token-sized header too
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "data").mkdir()
        if not args.no_sqlite:
            if not args.no_floors:
                sqlite_file = f"sqlite:///{folder / 'floor.sqlite3'}"
                rows += floor_rows("SQLite", sqlite_file, args, folder, auth)
            rows += backtone_rows("SQLite", None, args, folder, folder / "data")
        if not args.no_postgres:
            if not args.no_floors:
                with postgres_schema(args.postgres) as url:
                    rows += floor_rows("PostgreSQL", url, args, folder, auth)
            with postgres_schema(args.postgres) as url:
                rows += backtone_rows("PostgreSQL", url, args, folder, folder / "data")


if __name__ == "__main__":
    main()
