"""schemathesis against the OpenAPI spec: no 5xx and every answer matches the schema.

Valid requests and invalid ones (bodies that are not JSON, values out of range) both get
answers whose status, content type, headers and body are the ones the spec publishes.
"""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import delete

from backtone.adapters.db.tables import rate_limits
from backtone.adapters.security import Argon2Hasher
from backtone.bootstrap import build
from backtone.config import Settings
from backtone.entrypoints.web.app import create_app
from tests.conftest import FixedClock
from tests.web.conftest import EVERY_DAY, sign_in, sign_up

EXAMPLES = 12  # per operation: enough to reach every branch of the schemas, fast enough
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def test_the_api_never_fails_and_always_answers_as_documented(
    tmp_path: Path, clock: FixedClock
) -> None:
    app_settings = Settings(data_dir=tmp_path, environment="test")
    backtone = build(app_settings, clock=clock)
    app = create_app(app_settings, backtone=backtone, hasher=Argon2Hasher(fast=True))
    from fastapi.testclient import TestClient

    client = TestClient(app)
    user = sign_up(client, "fuzz")
    user.post("/api/v1/plans", json={"weekdays": EVERY_DAY})
    user.post("/api/v1/workouts")
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    tested = 0
    auth: dict[str, str] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            # Random names may use up the log-in and sign-up limits of the test's one
            # address: each operation starts afresh (the limits have tests of their own).
            with backtone.engine.begin() as connection:
                connection.execute(delete(rate_limits))
            # A fresh token each time: DELETE /tokens/current may revoke the one before.
            auth["Authorization"] = f"Bearer {sign_in(client, 'fuzz').token}"

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate(headers=auth, checks=CHECKS)

            check()
        tested += 1
    assert tested >= 20
