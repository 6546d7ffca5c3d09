"""A stick figure in metres, turned into BlazePose-33 keypoints seen by a camera."""

from __future__ import annotations

import numpy as np

from backtone.formcheck.landmarks import INDEX
from backtone.formcheck.sequence import FloatArray, PoseSequence, empty_frames
from backtone.formcheck.view import View

# Axes: 0 = lateral (the person's left), 1 = forward, 2 = up.
Joints = dict[str, FloatArray]
SIDE_SIGN = {"left": 1.0, "right": -1.0}


def sagittal(theta_deg: FloatArray) -> FloatArray:
    """Unit vectors in the body's side plane: 0 deg points up, 90 forward, 180 down."""
    t = np.radians(np.asarray(theta_deg, dtype=np.float64))
    return np.stack([np.zeros_like(t), np.sin(t), np.cos(t)], axis=-1)


def two_link(
    root: FloatArray, tip: FloatArray, a: float, b: float, towards: FloatArray
) -> FloatArray:
    """Middle joint of a two-segment limb from `root` to `tip`, bending towards `towards`."""
    d = tip - root
    dist = np.clip(np.linalg.norm(d, axis=-1, keepdims=True), 1e-6, a + b - 1e-6)
    u = d / np.linalg.norm(d, axis=-1, keepdims=True)
    along = (a**2 - b**2 + dist**2) / (2 * dist)
    across = np.sqrt(np.clip(a**2 - along**2, 0, None))
    n = towards - np.sum(towards * u, axis=-1, keepdims=True) * u
    n = n / np.linalg.norm(n, axis=-1, keepdims=True)
    return np.asarray(root + along * u + across * n, dtype=np.float64)


def add_head(joints: Joints, neck_theta: FloatArray, neck: float = 0.2) -> None:
    """Ears, eyes, nose and mouth around a head tilted `neck_theta` in the side plane."""
    shoulders = (joints["left_shoulder"] + joints["right_shoulder"]) / 2
    up = sagittal(neck_theta)
    face = sagittal(np.asarray(neck_theta) + 90.0)
    lat = np.array([1.0, 0.0, 0.0])
    head = shoulders + neck * up
    for side, s in SIDE_SIGN.items():
        joints[f"{side}_ear"] = head + s * 0.075 * lat
        joints[f"{side}_eye_inner"] = head + 0.08 * face + 0.03 * up + s * 0.015 * lat
        joints[f"{side}_eye"] = head + 0.08 * face + 0.03 * up + s * 0.03 * lat
        joints[f"{side}_eye_outer"] = head + 0.075 * face + 0.03 * up + s * 0.045 * lat
        joints[f"mouth_{side}"] = head + 0.085 * face - 0.05 * up + s * 0.025 * lat
    joints["nose"] = head + 0.1 * face


def add_hands_and_feet(joints: Joints) -> None:
    for side in SIDE_SIGN:
        wrist, elbow = joints[f"{side}_wrist"], joints[f"{side}_elbow"]
        along = (wrist - elbow) / np.linalg.norm(wrist - elbow, axis=-1, keepdims=True)
        joints[f"{side}_pinky"] = wrist + 0.07 * along
        joints[f"{side}_index"] = wrist + 0.08 * along
        joints[f"{side}_thumb"] = wrist + 0.05 * along
        ankle = joints[f"{side}_ankle"]
        joints[f"{side}_heel"] = ankle + np.array([0.0, -0.05, -0.04])
        joints[f"{side}_foot_index"] = ankle + np.array([0.0, 0.15, -0.05])


# Where the camera stands, in degrees round the person from straight in front towards
# the person's left: the side view films the left side, the back view the back.
CAMERA_YAW = {View.FRONT: 0.0, View.OBLIQUE: 45.0, View.SIDE: 90.0, View.BACK: 180.0}


def project(
    joints: Joints,
    view: View,
    times_s: FloatArray,
    rng: np.random.Generator,
    noise_px: float,
    size: tuple[int, int] = (1280, 720),
    yaw_deg: float | None = None,
) -> PoseSequence:
    """Photograph the figure from the view's camera position (or `yaw_deg` round it from the
    front towards its left); add pixel noise."""
    width, height = size
    n = times_s.size
    kp = empty_frames(n)
    yaw = np.radians(CAMERA_YAW[view] if yaw_deg is None else yaw_deg)
    stacked = np.stack([joints[name] for name in INDEX], axis=1)  # [T, 33, 3]
    lateral, forward = stacked[:, :, 0], stacked[:, :, 1]
    across = lateral * np.cos(yaw) - forward * np.sin(yaw)  # image right
    nearness = forward * np.cos(yaw) + lateral * np.sin(yaw)  # towards the camera
    up = stacked[:, :, 2]
    ok = np.isfinite(across) & np.isfinite(up)
    span = max(np.ptp(across[ok]), np.ptp(up[ok]), 1e-3)
    scale = rng.uniform(0.55, 0.8) * min(width, height) / span
    centre_x = (across[ok].max() + across[ok].min()) / 2
    centre_y = (up[ok].max() + up[ok].min()) / 2
    x = width / 2 + (across - centre_x) * scale
    y = height / 2 - (up - centre_y) * scale
    x += rng.normal(0, noise_px, x.shape)
    y += rng.normal(0, noise_px, y.shape)
    kp[:, :, 0] = x / width
    kp[:, :, 1] = y / height
    kp[:, :, 2] = -nearness * scale / width
    kp[:, :, 3] = np.clip(_visibility(view, n) + rng.normal(0, 0.02, (n, len(INDEX))), 0, 1)
    return PoseSequence(kp, times_s, width, height)


def _visibility(view: View, n: int) -> FloatArray:
    """How sure a pose model is of each point: the far side and a hidden face score lower."""
    vis = np.full((n, len(INDEX)), 0.97)
    for name, i in INDEX.items():
        far = name.startswith("right") or name == "mouth_right"
        face = name == "nose" or name.startswith(("left_eye", "right_eye", "mouth"))
        if view is View.SIDE and far:
            vis[:, i] = 0.6
        elif view is View.OBLIQUE and far:
            vis[:, i] = 0.85
        elif view is View.BACK and face:
            vis[:, i] = 0.3
    return vis
