"""The installable app: a manifest that opens today's session, a service worker served from
the site's root, and pages that stay light with no inline script."""

from __future__ import annotations

import re
import warnings

from tests.web.conftest import EVERY_DAY, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_the_manifest_opens_todays_session_with_the_apps_icons(web: TestClient) -> None:
    answer = web.get("/manifest.webmanifest")
    assert answer.headers["content-type"].startswith("application/manifest+json")
    manifest = answer.json()
    assert manifest["start_url"] == "/today" and manifest["display"] == "standalone"
    assert manifest["name"] == "backtone" and manifest["theme_color"]
    for icon in manifest["icons"]:
        assert web.get(icon["src"]).status_code == 200
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}


def test_the_service_worker_is_served_from_the_root_and_asked_for_fresh(web: TestClient) -> None:
    worker = web.get("/sw.js")
    assert worker.status_code == 200
    assert worker.headers["content-type"].startswith("text/javascript")
    assert worker.headers["cache-control"] == "no-cache"
    assert "/today" in worker.text


def test_a_signed_in_page_links_the_manifest_and_names_its_account(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    web.post("/onboarding", data={"weekdays": EVERY_DAY, "csrf_token": token})
    page = web.get("/today").text
    assert 'rel="manifest" href="/manifest.webmanifest"' in page
    assert re.search(r'<body data-account="\d+">', page)
    assert "outbox.js" in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)  # no inline script
    assert "<body>" in web.get("/login").text  # a page without a session names no account
