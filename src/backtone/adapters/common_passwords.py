"""The common passwords sign-up refuses (common_passwords.txt says where they come from)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def common_passwords() -> frozenset[str]:
    """The list, lower case; read once per process, on the first sign-up."""
    text = (resources.files("backtone.adapters") / "common_passwords.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))
