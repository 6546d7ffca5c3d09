"""Where the pose `.task` bundles live. They are built by `make models`, never downloaded."""

from __future__ import annotations

import os
from pathlib import Path

from backtone.domain.errors import InvalidInput

VARIANTS = ("full", "lite")
MODELS_DIR_ENV = "BACKTONE_MODELS_DIR"


def default_models_dir() -> Path:
    """`$BACKTONE_MODELS_DIR`, else `models/` of the source checkout, else `./models`."""
    configured = os.environ.get(MODELS_DIR_ENV)
    if configured:
        return Path(configured)
    checkout = Path(__file__).resolve().parents[4] / "models"
    return checkout if checkout.is_dir() else Path.cwd() / "models"


def model_path(model: str = "full", models_dir: Path | None = None) -> Path:
    """The bundle for `model` ('full', 'lite' or a path to a `.task` file), checked to exist."""
    if model in VARIANTS:
        path = (models_dir or default_models_dir()) / f"pose_landmarker_{model}.task"
    elif model.endswith(".task"):
        path = Path(model)
    else:
        raise InvalidInput("model", f"{model!r} is not a model", [*VARIANTS, "PATH.task"])
    if not path.is_file():
        raise InvalidInput(
            "model",
            f"{path} is missing; build the pose models once with `make models` "
            "(python tools/build_models.py), or point BACKTONE_MODELS_DIR at them",
            [*VARIANTS, "PATH.task"],
        )
    return path


# The browser's pose runtime (MediaPipe tasks-vision), unpacked by `make models` under web/.
WEB_RUNTIME_FILES = (
    "vision_bundle.mjs",
    "wasm/vision_wasm_internal.js",
    "wasm/vision_wasm_internal.wasm",
    "wasm/vision_wasm_nosimd_internal.js",
    "wasm/vision_wasm_nosimd_internal.wasm",
)


def web_runtime_file(name: str, models_dir: Path | None = None) -> Path | None:
    """A file of the browser's pose runtime, if it is one and it was built; else None."""
    if name not in WEB_RUNTIME_FILES:
        return None
    path = (models_dir or default_models_dir()) / "web" / name
    return path if path.is_file() else None
