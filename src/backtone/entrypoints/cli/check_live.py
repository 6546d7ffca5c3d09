"""`backtone check --camera N`: count reps live, with the count drawn on the picture."""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backtone.formcheck import CheckReport, View

WINDOW_S = 120.0  # keep the last two minutes of poses
RECOUNT_EVERY = 5  # frames between recounts


def check_live(
    camera: int, exercise: str, model: str, view: View | None, *, verbose: bool = False
) -> CheckReport:
    """Run until q or Esc is pressed (or the camera stops); return the report of what was seen."""
    import cv2
    import numpy as np

    from backtone.adapters.pose.mediapipe_backend import PoseLandmarker
    from backtone.adapters.pose.video import read_frames
    from backtone.domain.errors import InvalidInput
    from backtone.formcheck import PoseSequence, check_form
    from backtone.formcheck.sequence import FloatArray

    frames = read_frames(camera)
    first = next(frames, None)  # opens the camera now, so a missing one is reported at once
    if first is None:
        raise InvalidInput("camera", f"camera {camera} gave no picture")
    rows: list[FloatArray] = []
    times: list[float] = []
    report: CheckReport | None = None
    height, width = first[1].shape[:2]

    def current() -> CheckReport:
        keep = int(np.searchsorted(times, times[-1] - WINDOW_S))
        seq = PoseSequence(np.stack(rows[keep:]), np.asarray(times[keep:]), width, height)
        return check_form(seq, exercise, view)

    with PoseLandmarker(model, verbose=verbose) as landmarker:
        for t_s, rgb in chain([first], frames):
            rows.append(landmarker.detect(rgb, t_s))
            times.append(t_s)
            if len(rows) >= 2 and len(rows) % RECOUNT_EVERY == 0:
                report = current()
            count = report.rep_count if report else 0
            bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
            cv2.putText(bgr, f"reps {count}", (20, 60), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 255, 0), 3)
            cv2.imshow("backtone check (q to stop)", bgr)
            if cv2.waitKey(1) & 0xFF in (ord("q"), 27):
                break
    cv2.destroyAllWindows()
    if len(rows) < 2:
        raise InvalidInput("camera", f"camera {camera} gave fewer than 2 frames")
    return current()
