"""Pages: import a history file (preview with the name mapping, confirm or cancel, progress),
export it, and the records page. The Strong file is a real export (../shared/data)."""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from backtone.adapters.import_uploads import Upload
from backtone.entrypoints.web import history_files
from backtone.entrypoints.web.history_files import get_runner
from tests.conftest import SHARED_DATA, FixedClock
from tests.web.conftest import browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

STRONG = SHARED_DATA / "strong" / "strong_export_2024.csv"
OURS = Path(__file__).resolve().parents[1] / "data" / "openweight"


class Jobs:
    """Imports the pages start, run when the test says (after the answer has gone)."""

    def __init__(self) -> None:
        self.waiting: list[Callable[[], None]] = []

    def __call__(self, job: Callable[[], None]) -> None:
        self.waiting.append(job)

    def run(self) -> None:
        while self.waiting:
            self.waiting.pop(0)()


@pytest.fixture
def jobs(web: TestClient) -> Iterator[Jobs]:
    found = Jobs()
    web.app.dependency_overrides[get_runner] = lambda: found  # type: ignore[attr-defined]
    yield found
    web.app.dependency_overrides.clear()  # type: ignore[attr-defined]


def _main(page: str) -> str:
    """The page's own content as text, without the markup."""
    body = page[page.index("<main") : page.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _card(page: str, card_id: str) -> str:
    """One card of a page as text."""
    card = page[page.index(f'id="{card_id}"') :]
    card = card[card.index(">") + 1 : card.index("</section>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", card)).split())


def _upload(web: TestClient, token: str, name: str, data: bytes, **fields: str) -> tuple[int, str]:
    """Send a file as the import form does; the status and where it leads (or the page)."""
    sent = web.post(
        "/history/import",
        data={"csrf_token": token, **fields},
        files={"file": (name, data, "text/csv")},
    )
    return sent.status_code, sent.headers.get("location") or sent.text


def _select(page: str, name: str) -> tuple[str, str]:
    """The id of the select labelled with a name, and the value it starts on."""
    found = re.search(rf'<label for="(map-\d+)">{re.escape(html.escape(name))}</label>', page)
    assert found, f"no select for {name}"
    select = page[page.index(f'<select id="{found.group(1)}"') :]
    select = select[: select.index("</select>")]
    chosen = re.search(r'<option value="([^"]+)" selected>', select)
    assert chosen
    return found.group(1), chosen.group(1)


def _uploads_kept(tmp_path: Path) -> list[Path]:
    root = tmp_path / "imports"
    return [p for p in root.glob("*/*") if p.is_dir()] if root.exists() else []


def test_a_strong_export_is_previewed_and_nothing_is_written_until_it_is_confirmed(
    web: TestClient, jobs: Jobs, tmp_path: Path
) -> None:
    token = browser_sign_up(web, "dora")
    status, where = _upload(web, token, "strong_export_2024.csv", STRONG.read_bytes())
    assert status == 303 and where.startswith("/history/import/")
    page = web.get(where).text
    text = _main(page)
    assert "250 rows hold 250 sets in 15 workouts" in text
    assert "0 of these workouts (0 sets) are already there" in text
    assert "Workouts from 28 Nov 2024 to 08 Oct 2025" in text
    # Each name shows the exercise it maps to, and the guesses are marked for a look.
    assert _select(page, "Seated Row (Cable)")[1] == "seated-cable-row"
    assert _select(page, "Chest Press (Machine)")[1] == "new"
    assert "14 of them are guesses" in text
    assert "Nothing logged yet" in web.get("/history").text

    # The person corrects one guess; the rest are taken as shown.
    select, _ = _select(page, "Chest Press (Machine)")
    web.post(where, data={"csrf_token": token, select: "dumbbell-bench-press"})
    jobs.run()
    done = _main(web.get(where).text)
    assert "Imported 15 workouts (250 sets); 0 were already there (0 sets)" in done
    assert "13 custom exercises added" in done  # the corrected name needed none
    history = _main(web.get("/history").text)
    assert "Dumbbell bench press" in history and "Chest Press" not in history
    assert "Seated cable row" in history
    assert "Wednesday 08 Oct 2025" in history  # the newest workout of the file
    [kept] = _uploads_kept(tmp_path)
    assert [p.name for p in kept.iterdir()] == ["state.json"]  # the file went with the import


def test_the_same_file_again_adds_nothing_and_the_names_are_remembered(
    web: TestClient, jobs: Jobs
) -> None:
    token = browser_sign_up(web, "dora")
    _, first = _upload(web, token, "strong.csv", STRONG.read_bytes())
    select, _ = _select(web.get(first).text, "Chest Press (Machine)")
    web.post(first, data={"csrf_token": token, select: "dumbbell-bench-press"})
    jobs.run()
    _, again = _upload(web, token, "strong.csv", STRONG.read_bytes())
    page = web.get(again).text
    assert "15 of these workouts (250 sets) are already there" in _main(page)
    assert _select(page, "Chest Press (Machine)")[1] == "dumbbell-bench-press"
    assert "as you said before" in _main(page)
    web.post(again, data={"csrf_token": token})
    jobs.run()
    assert "Imported 0 workouts (0 sets); 15 were already there (250 sets)" in _main(
        web.get(again).text
    )
    assert _main(web.get("/history").text).count("Wednesday 08 Oct 2025") == 1


def test_cancelling_keeps_nothing_and_writes_nothing(web: TestClient, tmp_path: Path) -> None:
    token = browser_sign_up(web, "dora")
    _, where = _upload(web, token, "strong.csv", STRONG.read_bytes())
    assert len(_uploads_kept(tmp_path)) == 1
    gone = web.post(f"{where}/cancel", data={"csrf_token": token})
    assert gone.headers["location"] == "/history/import?cancelled=true"
    assert "Nothing was imported." in _main(web.get(gone.headers["location"]).text)
    assert _uploads_kept(tmp_path) == []
    assert web.get(where).status_code == 404
    assert web.post(where, data={"csrf_token": token}).status_code == 404
    assert "Nothing logged yet" in web.get("/history").text


def test_a_file_that_is_not_text_is_refused_naming_the_file_and_line(
    web: TestClient, tmp_path: Path
) -> None:
    token = browser_sign_up(web, "dora")
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    status, page = _upload(web, token, "holiday.png", picture)
    assert status == 422
    message = re.search(r'<div class="alert" role="alert"><strong>([^<]+)</strong>', page)
    assert message and message.group(1).startswith("holiday.png:1: is not UTF-8 text")
    assert 'type="file"' in page  # the form again, to choose another file
    assert _uploads_kept(tmp_path) == []
    assert "Nothing logged yet" in web.get("/history").text


def test_a_file_over_the_limit_is_refused_and_not_kept(
    web: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_files, "MAX_UPLOAD_BYTES", 4096)
    token = browser_sign_up(web, "dora")
    status, page = _upload(web, token, "strong.csv", STRONG.read_bytes())
    assert status == 422
    assert "file: strong.csv is larger than 4 kB" in html.unescape(page)
    assert _uploads_kept(tmp_path) == []


def test_a_hevy_file_sent_as_strong_asks_which_app_then_reads_it(
    web: TestClient, jobs: Jobs
) -> None:
    token = browser_sign_up(web, "dora")
    data = (OURS / "hevy-real.csv").read_bytes()
    status, where = _upload(web, token, "workouts.csv", data, format="strong")
    assert status == 303
    page = web.get(where).text
    beside = re.search(r'<p class="field-error" id="format-error" role="alert">([^<]+)', page)
    assert beside
    assert "workouts.csv: this looks like a Hevy export, not a Strong one" in beside.group(1)
    read = web.post(f"{where}/read", data={"csrf_token": token, "format": "hevy", "tz": "UTC"})
    assert read.headers["location"] == where
    assert "22 sets in 2 workouts" in _main(web.get(where).text)


def test_a_jefit_file_asks_for_its_unit_and_reads_its_loads_in_it(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    _, where = _upload(web, token, "jefit.csv", (OURS / "jefit-real.csv").read_bytes())
    page = web.get(where).text
    beside = re.search(r'<p class="field-error" id="unit-error" role="alert">([^<]+)', page)
    assert beside and "do not say whether weights are kg or lb" in html.unescape(beside.group(1))
    web.post(f"{where}/read", data={"csrf_token": token, "unit": "lb", "tz": "UTC"})
    preview = web.get(where).text
    assert "Import from JEFIT" in preview
    pounds = _first_load(preview)
    web.post(f"{where}/read", data={"csrf_token": token, "unit": "kg", "tz": "UTC"})
    assert _first_load(web.get(where).text) == pytest.approx(pounds / 0.45359237, abs=0.1)


def _first_load(preview: str) -> float:
    """The load of the first set in the preview's table of the first sets."""
    row = preview[preview.index("<tbody><tr>") :]
    cells = re.findall(r"<td>([^<]*)</td>", row[: row.index("</tr>")])
    return float(cells[4])


def test_a_csv_of_ones_own_is_read_through_the_columns_the_person_picks(
    web: TestClient, jobs: Jobs
) -> None:
    token = browser_sign_up(web, "dora")
    data = (
        b"When,Movement,Kilos,Times\n2026-10-01,Lat Pulldown,40,10\n2026-10-01,Lat Pulldown,45,8\n"
    )
    _, where = _upload(web, token, "log.csv", data)
    page = web.get(where).text
    assert "log.csv is not an export of an app backtone knows" in html.unescape(page)
    assert '<option value="Movement" selected>' in page  # guessed: the exercise column
    form = {"csrf_token": token, "format": "csv", "tz": "UTC", "col-date": "When",
            "col-exercise": "Movement", "col-weight": "Kilos", "col-reps": "Times"}  # fmt: skip
    assert web.post(f"{where}/read", data=form).headers["location"] == where
    preview = web.get(where).text
    assert "2 sets in 1 workout" in _main(preview)
    assert _select(preview, "Lat Pulldown")[1] == "lat-pulldown"
    web.post(where, data={"csrf_token": token})
    jobs.run()
    assert "10 reps @ 40 kg" in _main(web.get("/history").text)


def test_a_row_that_cannot_be_read_is_listed_and_strict_imports_nothing(
    web: TestClient, jobs: Jobs
) -> None:
    token = browser_sign_up(web, "dora")
    lines = STRONG.read_text("utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",10.0,", ",heavy,", 1)
    data = "".join(lines).encode()
    _, where = _upload(web, token, "mine.csv", data)
    text = _main(web.get(where).text)
    assert "1 row cannot be imported and will be skipped" in text
    assert "mine.csv:4: weight:" in text
    web.post(where, data={"csrf_token": token, "strict": "yes"})
    jobs.run()
    failed = _main(web.get(where).text)
    assert "Nothing was imported" in failed and "mine.csv:4: weight" in failed
    assert "--strict" not in failed  # the CLI's advice is not for the page
    assert "Nothing logged yet" in web.get("/history").text

    _, again = _upload(web, token, "mine.csv", data)
    web.post(again, data={"csrf_token": token})
    jobs.run()
    done = _main(web.get(again).text)
    assert "Imported 15 workouts (249 sets)" in done
    assert "Skipped 1 row that could not be imported: mine.csv:4: weight" in done


def test_a_correction_naming_no_exercise_shows_the_preview_again_with_a_message(
    web: TestClient, jobs: Jobs
) -> None:
    token = browser_sign_up(web, "dora")
    _, where = _upload(web, token, "strong.csv", STRONG.read_bytes())
    select, _ = _select(web.get(where).text, "Leg Press")
    refused = web.post(where, data={"csrf_token": token, select: "leg-pres"})
    assert refused.status_code == 422
    assert "corrections: Leg Press: no exercise called 'leg-pres'" in html.unescape(refused.text)
    assert "Import from Strong" in refused.text  # the preview, to try again
    assert jobs.waiting == []
    assert "Nothing logged yet" in web.get("/history").text


def test_another_persons_upload_is_not_found_and_stays_theirs(web: TestClient, jobs: Jobs) -> None:
    token = browser_sign_up(web, "dora")
    _, where = _upload(web, token, "strong.csv", STRONG.read_bytes())
    stranger = TestClient(web.app, follow_redirects=False)
    theirs = browser_sign_up(stranger, "eve")
    nobody = "/history/import/AAAAAAAAAAAAAAAAAAAAAA"
    for url in (where, nobody):
        assert stranger.get(url).status_code == 404
        assert stranger.get(f"{url}/status").status_code == 404
        for action in ("", "/cancel", "/read"):
            assert stranger.post(f"{url}{action}", data={"csrf_token": theirs}).status_code == 404
    assert jobs.waiting == []
    assert "Import from Strong" in web.get(where).text  # still there for its owner
    web.post(where, data={"csrf_token": token})
    jobs.run()
    assert "Nothing logged yet" in stranger.get("/history").text


def _large_strong_file(copies: int) -> bytes:
    """The real export many times over, each copy some weeks further back."""
    header, *rows = STRONG.read_text("utf-8").splitlines()
    out = [header]
    for copy in range(copies):
        for row in rows:
            day = date.fromisoformat(row[:10]) - timedelta(weeks=60 * copy)
            out.append(day.isoformat() + row[10:])
    return "\n".join(out).encode()


def test_a_large_file_shows_how_far_its_import_has_got(
    web: TestClient, jobs: Jobs, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = browser_sign_up(web, "dora")
    data = _large_strong_file(40)
    _, where = _upload(web, token, "big.csv", data)
    web.post(where, data={"csrf_token": token})
    page = web.get(where).text
    assert re.search(rf'<progress id="import-progress" max="{len(data)}" value="0"', page)
    assert 'src="/static/import.js' in page and '<meta http-equiv="refresh"' in page
    assert web.get(f"{where}/status").json()["state"] == "importing"

    seen: list[dict[str, Any]] = []
    save = Upload.save_state

    def watched(upload: Upload, state: dict[str, Any]) -> None:
        seen.append(json.loads(json.dumps(state)))
        save(upload, state)

    monkeypatch.setattr(Upload, "save_state", watched)
    jobs.run()
    done = [s["progress"]["done"] for s in seen if s["state"] == "importing"]
    assert len(done) >= 5 and done == sorted(done) and len(set(done)) == len(done)
    assert done[0] > 0 and done[-1] == len(data)
    assert seen[-1]["state"] == "done"
    assert web.get(f"{where}/status").json() == {
        "state": "done", "done": len(data), "total": len(data),
        "words": seen[-1]["progress"]["words"],
    }  # fmt: skip
    assert "Imported 600 workouts (10000 sets)" in _main(web.get(where).text)


def test_an_upload_left_alone_is_swept_away_after_an_hour(
    web: TestClient, tmp_path: Path, clock: FixedClock
) -> None:
    token = browser_sign_up(web, "dora")
    _, old = _upload(web, token, "strong.csv", STRONG.read_bytes())
    clock.moment += timedelta(hours=2)
    _, new = _upload(web, token, "strong.csv", STRONG.read_bytes())
    assert web.get(old).status_code == 404
    assert web.get(new).status_code == 200
    assert len(_uploads_kept(tmp_path)) == 1


def test_the_export_page_downloads_each_format_in_the_unit_asked(
    web: TestClient, jobs: Jobs
) -> None:
    token = browser_sign_up(web, "dora")
    _, where = _upload(web, token, "strong.csv", STRONG.read_bytes())
    web.post(where, data={"csrf_token": token})
    jobs.run()
    page = web.get("/history/export").text
    assert 'href="/settings/backup">Everything (backup)</a>' in page
    strong = web.get("/history/export/strong")
    assert strong.headers["content-disposition"] == (
        'attachment; filename="backtone-strong-2026-11-02.csv"'
    )
    assert strong.text.splitlines()[1].startswith(
        "2024-11-28 17:36:08,B,35m,Bent Over Row (Barbell),1,10,13,"
    )
    hevy = web.get("/history/export/hevy", params={"unit": "lb"})
    assert hevy.headers["content-type"] == "text/csv; charset=utf-8"
    assert "weight_lbs" in hevy.text.splitlines()[0]
    workouts = json.loads(web.get("/history/export/openweight").text)
    assert len(workouts) == 15
    assert web.get("/history/export/fitnotes").status_code == 422


def test_the_records_page_lists_each_exercise_in_the_persons_unit(
    web: TestClient, jobs: Jobs
) -> None:
    token = browser_sign_up(web, "dora")
    assert "No records yet" in _main(web.get("/records").text)
    _, where = _upload(web, token, "strong.csv", STRONG.read_bytes())
    web.post(where, data={"csrf_token": token})
    jobs.run()
    records = web.get("/records").text
    curl = _card(records, "record-custom-bicep-curl-barbell")
    assert curl.startswith("Bicep Curl (Barbell) Est. 1RM (Epley) 20 kg from 10 x 15 kg")
    assisted = _card(records, "record-assisted-pull-up")
    assert assisted.startswith("Assisted pull-up (machine) Least help 73 kg (6 reps)")
    assert 'href="/records"' in web.get("/history").text

    settings = web.get("/settings").text
    assert 'value="lb"' in settings
    web.post("/settings", data={
        "csrf_token": token, "timezone": "UTC", "units": "lb", "minutes": "30",
        "weekdays": ["monday", "thursday"],
    })  # fmt: skip
    in_pounds = web.get("/records").text
    curl = _card(in_pounds, "record-custom-bicep-curl-barbell")
    assert curl.startswith("Bicep Curl (Barbell) Est. 1RM (Epley) 44.1 lb from 10 x 33.1 lb")
