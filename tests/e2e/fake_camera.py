"""A fake camera for Chromium: a real clip as a .y4m file for --use-file-for-fake-video-capture."""

from __future__ import annotations

from pathlib import Path

VIDEO = Path(__file__).parents[2] / ".." / "shared" / "data" / "video" / "sports2d_demo.mp4"
# Frames 0-89 of the sample hold two jumping jacks; the crop keeps the jumper and leaves out
# the person walking by on the right.
JACKS = 90
CROP = (slice(0, 900), slice(200, 1100))


def jumping_jacks_y4m(out: Path, size: int = 360, hold_frames: int = 150) -> Path:
    """Write the two jumping jacks, then the last frame held still, as raw YUV 4:2:0 at 30 fps.

    Chromium loops the file; the still tail keeps the count steady for a while after the jacks.
    """
    import cv2

    capture = cv2.VideoCapture(str(VIDEO))
    last = b""
    with out.open("wb") as fh:
        fh.write(f"YUV4MPEG2 W{size} H{size} F30:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(JACKS):
            ok, bgr = capture.read()
            if not ok:
                raise RuntimeError(f"{VIDEO} ended early")
            square = cv2.resize(bgr[CROP], (size, size), interpolation=cv2.INTER_AREA)
            last = cv2.cvtColor(square, cv2.COLOR_BGR2YUV_I420).tobytes()
            fh.write(b"FRAME\n" + last)
        for _ in range(hold_frames):
            fh.write(b"FRAME\n" + last)
    capture.release()
    return out
