"""Shared output helpers: JSON to stdout, rich to the terminal."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def print_json(data: Any) -> None:
    """Machine-readable output: plain JSON on stdout, never wrapped or coloured."""
    print(json.dumps(data, indent=2, ensure_ascii=False))


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False)
