"""Regenerate docs/examples/: the plans of the three people in docs/coaching.md.

Run: .venv/bin/python tools/make_examples.py   (needs pdftoppm for the page pictures)
Each person gets the plan as Markdown and PDF and a picture of the PDF's first page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.formats.plan_markdown import plan_to_markdown
from backtone.adapters.formats.plan_pdf import plan_to_pdf
from backtone.domain.profile import build_profile
from backtone.services.planning import create_plan

OUT = Path(__file__).resolve().parents[1] / "docs" / "examples"
START = date(2026, 3, 2)  # a Monday, so every example starts the same way
PEOPLE = {
    "home-beginner-no-kit": {"level": "beginner", "equipment": "home-none", "days": 3,
                             "minutes": 30},
    "desk-worker-dumbbells-sore-lower-back": {
        "level": "beginner", "equipment": "home-dumbbells", "days": 2, "minutes": 45,
        "limitations": ("lower-back",),
    },
    "advanced-gym-eight-plus-pull-ups": {"level": "advanced", "equipment": "gym", "days": 5,
                                         "minutes": 60, "pull_ups": 9},
}  # fmt: skip


def main() -> int:
    for old in OUT.glob("*"):
        old.unlink()
    catalogue = load_builtin_catalogue()
    for name, answers in PEOPLE.items():
        profile = build_profile(**answers)  # type: ignore[arg-type]
        plan = create_plan(profile=profile, catalogue=catalogue, start=START, weeks=8)
        (OUT / f"{name}.md").write_text(plan_to_markdown(plan), encoding="utf-8")
        pdf = OUT / f"{name}.pdf"
        pdf.write_bytes(plan_to_pdf(plan))
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                 str(OUT / f"{name}-page1")],
                check=True,
            )  # fmt: skip
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
