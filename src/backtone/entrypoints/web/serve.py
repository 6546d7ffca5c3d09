"""`backtone serve`: run the web app with uvicorn, after bringing the database up to date."""

from __future__ import annotations

import os
from typing import Annotated

import typer


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to bind (default 127.0.0.1, BACKTONE_HOST).")
    ] = None,
    port: Annotated[
        int | None, typer.Option(help="Port (default 8000, BACKTONE_PORT).", min=1, max=65535)
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Worker processes; use several with PostgreSQL.", min=1, max=64)
    ] = 1,
) -> None:
    """Run the web app and API (pages at /, API at /api/v1, its docs at /docs)."""
    import uvicorn

    from backtone.adapters.db import migrate
    from backtone.adapters.db.engine import make_engine
    from backtone.adapters.db.migration_lock import one_at_a_time
    from backtone.config import Settings

    settings = Settings.from_env()
    host = host or settings.host
    port = port or settings.port
    engine = make_engine(settings.sqlalchemy_url)
    with one_at_a_time(engine):  # nor other servers starting beside this one
        migrate.prepare(engine)  # once here, so workers do not race to create the schema
    engine.dispose()
    # Worker processes read their settings from the environment.
    os.environ["BACKTONE_HOST"] = host
    os.environ["BACKTONE_PORT"] = str(port)
    print(f"backtone is running at http://{host}:{port}/ (API docs at /docs); Ctrl+C stops it")
    uvicorn.run(
        "backtone.entrypoints.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,  # a line per request was formatted and then dropped at this level
        proxy_headers=False,
    )
