"""The monthly PDF report on the web: the API and the progress page hand out the same report as
`backtone report`, for the signed-in person only, and a month that is no month is refused."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable

from pypdf import PdfReader

from tests.web.conftest import ApiUser, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

MONTH = "2026-11"  # the test clock's month


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_api_gives_the_months_report_with_the_persons_training(
    api_user: Callable[..., ApiUser],
) -> None:
    sam, ada = api_user("sam"), api_user("ada")
    row = {"exercise_id": "bent-over-dumbbell-row", "reps": 12, "load": 14}
    for _ in range(3):
        assert sam.post("/api/v1/sets", json=row).status_code == 201
    got = sam.get(f"/api/v1/reports/{MONTH}.pdf")
    assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
    assert 'filename="backtone-2026-11.pdf"' in got.headers["content-disposition"]
    text = _text(got.content)
    assert "November 2026" in text and "sam" in text and "Bent-over dumbbell row" in text
    assert "Bent-over dumbbell row" not in _text(ada.get(f"/api/v1/reports/{MONTH}.pdf").content)


def test_a_month_that_is_not_one_or_has_not_begun_is_refused_by_name(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    for month, problem in (("2026-13", "is not a month"), ("2027-01", "has not begun")):
        refused = sam.get(f"/api/v1/reports/{month}.pdf")
        assert refused.status_code in (400, 422), refused.text
        error = refused.json()["error"]
        assert error["field"] == "month" and problem in error["message"] and error["allowed"]


def test_the_progress_page_offers_this_months_report_as_the_same_pdf(web: TestClient) -> None:
    browser_sign_up(web, "sam")
    page = web.get("/progress").text
    assert 'action="/progress/report.pdf"' in page and f'value="{MONTH}"' in page
    got = web.get("/progress/report.pdf", params={"month": MONTH})
    assert got.status_code == 200 and "November 2026" in _text(got.content)
    assert _text(web.get("/progress/report.pdf").content) == _text(got.content)
