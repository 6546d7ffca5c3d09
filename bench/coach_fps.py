"""The live camera coach's speed in headless Chromium, in frames per second.

Usage: python bench/coach_fps.py [--seconds S]   (needs `make models` and /usr/bin/chromium)

Chromium's fake camera plays the sample clip's two jumping jacks (a 360x360 crop, looped)
into the today page; the coach runs MediaPipe's web runtime on the CPU (WebAssembly, no GPU)
and counts. The frame rate is what the page itself reports: frames through the pose model
and the counter per second of wall time, after the model has loaded. The fake camera
delivers 30 frames a second, so 30 is the ceiling.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, _free_port
from tests.e2e.fake_camera import jumping_jacks_y4m

PASSWORD = "correct horse battery"


def serve(data_dir: Path) -> tuple[str, object]:
    import uvicorn

    from backtone.adapters.security import Argon2Hasher
    from backtone.config import Settings
    from backtone.entrypoints.web.app import create_app

    settings = Settings(data_dir=data_dir, environment="test")
    app = create_app(settings, hasher=Argon2Hasher(fast=True))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to count")
    args = parser.parse_args()
    from playwright.sync_api import expect, sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        clip = jumping_jacks_y4m(Path(folder) / "jacks.y4m")
        url, server = serve(Path(folder))
        flags = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
        flags.append(f"--use-file-for-fake-video-capture={clip}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *flags]
            )
            page = browser.new_page(viewport=PHONE, base_url=url)
            page.goto("/signup")
            page.get_by_label("Name").fill("bench")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Create account").click()
            page.wait_for_url("**/onboarding")
            page.get_by_label("What matters most").select_option("posture")
            page.get_by_role("button", name="Make my plan").click()
            page.wait_for_url("**/plan")
            page.goto("/today")
            page.get_by_role("button", name="Start workout").click()
            page.get_by_role("button", name="Count my reps with the camera").first.click()
            coach = page.locator("#coach")
            loaded = time.perf_counter()
            expect(coach).to_have_attribute("data-state", "counting", timeout=60_000)
            print(f"model and camera ready in {time.perf_counter() - loaded:.1f} s")
            time.sleep(args.seconds)
            print(
                f"{coach.get_attribute('data-fps')} fps over {args.seconds:.0f} s, "
                f"{coach.get_attribute('data-count')} reps counted"
            )
            browser.close()
        server.should_exit = True  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
