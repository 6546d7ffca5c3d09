"""Posture measures against synthetic side photos with known angles: the error table.

Usage: python bench/posture_accuracy.py   (no model needed; prints Markdown)

A standing figure with a known craniovertebral angle (35-65 degrees), trunk lean (-10 to +20
degrees) and shoulder offset is photographed with pixel noise, exactly side-on and turned a
little off the side; each cell is 16 angle pairs x 5 seeds.
"""

from __future__ import annotations

import itertools

import numpy as np

from backtone.formcheck.posture import measure_posture
from backtone.formcheck.synthetic.posture import side_photo

CVAS = (35.0, 45.0, 55.0, 65.0)
LEANS = (-10.0, 0.0, 10.0, 20.0)
CASES = (
    ("side-on, noise 1.5 px", 90.0, 1.5),
    ("side-on, noise 3 px", 90.0, 3.0),
    ("camera 10 degrees off the side", 80.0, 1.5),
    ("camera 20 degrees off the side", 70.0, 1.5),
)


def cell(errors: list[float], unit: str) -> str:
    """Mean and 95th percentile of absolute errors."""
    if not errors:
        return "-"
    values = np.asarray(errors)
    return f"{values.mean():.1f} / {np.percentile(values, 95):.1f}{unit}"


def main() -> None:
    print(
        "| photo | CVA error mean / 95th pct | shoulder offset error | trunk lean error "
        "| within 2 SD | refused |"
    )
    print("|---|---|---|---|---|---|")
    for label, yaw, noise in CASES:
        errors: dict[str, list[float]] = {"cva": [], "offset": [], "lean": []}
        covered = refused = 0
        for seed, (cva, lean) in enumerate(itertools.product(CVAS, LEANS * 5)):
            photo, truth = side_photo(cva, lean, seed=seed, noise_px=noise, yaw_deg=yaw)
            reading = measure_posture(photo).reading
            if reading is None:
                refused += 1
                continue
            e = reading.cva_deg.value - truth.cva_deg
            errors["cva"].append(abs(e))
            errors["offset"].append(
                abs(reading.shoulder_offset_pct.value - truth.shoulder_offset_pct)
            )
            errors["lean"].append(abs(reading.trunk_lean_deg.value - truth.trunk_lean_deg))
            covered += abs(e) <= 2 * reading.cva_deg.uncertainty
        n = len(errors["cva"])
        share = f"{covered / n:.0%}" if n else "-"
        cva, offset, lean = (
            cell(errors[k], u) for k, u in (("cva", "°"), ("offset", " pts"), ("lean", "°"))
        )
        print(f"| {label} | {cva} | {offset} | {lean} | {share} | {refused} of {n + refused} |")


if __name__ == "__main__":
    main()
