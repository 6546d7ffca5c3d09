"""`backtone tour`: ask a person's kit and level, then show what they can train."""

from __future__ import annotations

import sys

BACK_PATTERNS = ("vertical-pull", "horizontal-pull", "hinge", "scapular", "spinal-extension")


def tour() -> None:
    """A short guided look at what you can train with your equipment and level."""
    from rich.prompt import Prompt

    from backtone.domain.profile import EQUIPMENT_PRESETS, parse_equipment_choice
    from backtone.domain.vocabulary import Pattern, parse_level
    from backtone.entrypoints.cli.context import backtone_app
    from backtone.entrypoints.cli.output import console
    from backtone.services.catalogue import options_by_pattern

    out = console()
    out.print("[bold]Welcome to backtone[/bold] — a coach for a stronger back and better posture.")
    interactive = sys.stdin.isatty()
    if interactive:
        presets = ", ".join(EQUIPMENT_PRESETS)
        kit = Prompt.ask(f"What equipment do you have? ({presets}, or a list)", default="home-none")
        level_text = Prompt.ask(
            "Your level?", choices=["beginner", "intermediate", "advanced"], default="beginner"
        )
    else:
        kit, level_text = "home-none", "beginner"
        out.print("[dim](no terminal to ask in: showing a beginner with no equipment)[/dim]")
    equipment, label = parse_equipment_choice(kit)
    level = parse_level(level_text)

    grouped = options_by_pattern(
        catalogue=backtone_app().catalogue, equipment=equipment, level=level
    )
    out.print(f"\nWith [bold]{label}[/bold] at [bold]{level.value}[/bold] level you can train:")
    for pattern, exercises in grouped.items():
        marker = "[green]back[/green]" if pattern.value in BACK_PATTERNS else "     "
        names = ", ".join(e.name for e in exercises)
        out.print(f" {marker} [bold]{pattern.label}[/bold]: {names}")
    missing = [p for p in BACK_PATTERNS if Pattern(p) not in grouped]
    if missing:
        out.print(
            f"\n[yellow]Nothing here trains: {', '.join(missing)}.[/yellow] "
            "A resistance band or a doorway pull-up bar opens those up."
        )
    out.print(
        "\nNext: [cyan]backtone exercise ID[/cyan] for a card, "
        "[cyan]backtone routine seed-003-back-routine[/cyan] for a ready routine, "
        "[cyan]backtone exercises --help[/cyan] to search. Stick with it: consistency is "
        "what tones a back."
    )
