"""Rich renderings of catalogue entries: the listing table and the full exercise card."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from backtone.domain.catalogue import Catalogue, Routine
    from backtone.domain.exercise import Exercise


def equipment_text(exercise: Exercise) -> str:
    return exercise.kit_words()


def exercise_table(exercises: list[Exercise], title: str) -> RenderableType:
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("name")
    table.add_column("level")
    table.add_column("equipment")
    table.add_column("main muscles")
    table.add_column("prescription")
    for e in exercises:
        table.add_row(
            e.id,
            e.name,
            e.level.value,
            equipment_text(e),
            ", ".join(m.label for m in e.primary),
            e.prescription.describe(),
        )
    return table


def _bullets(items: tuple[str, ...], numbered: bool = False) -> str:
    if numbered:
        return "\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1))
    return "\n".join(f"• {text}" for text in items)


def _links(ids: tuple[str, ...], catalogue: Catalogue) -> str:
    return ", ".join(f"{catalogue.get(i).name} ({i})" for i in ids if i in catalogue) or "—"


def exercise_card(e: Exercise, catalogue: Catalogue) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    p = e.prescription
    source = "from the seed article" if p.source.value.startswith("seed") else p.source.value
    facts.add_row("Kind / pattern", f"{e.kind.value} / {e.pattern.label}")
    facts.add_row("Level", e.level.value)
    facts.add_row("Main muscles", ", ".join(m.label for m in e.primary))
    if e.secondary:
        facts.add_row("Also works", ", ".join(m.label for m in e.secondary))
    facts.add_row("Equipment", equipment_text(e))
    facts.add_row("Prescription", f"{p.describe()}  [dim]({source})[/dim]")
    if p.note:
        facts.add_row("", f"[dim]{p.note}[/dim]")
    if e.aliases:
        facts.add_row("Also called", ", ".join(e.aliases))
    for limitation, why in e.avoid:
        facts.add_row("Not with", f"a sore {limitation.label}: {why}")
    facts.add_row("Easier", _links(e.easier, catalogue))
    facts.add_row("Harder", _links(e.harder, catalogue))

    sections: list[RenderableType] = [facts]
    for heading, body in (
        ("Set-up", e.setup),
        ("Steps", _bullets(e.steps, numbered=True)),
        ("Cues", _bullets(e.cues)),
        ("Common mistakes", _bullets(e.mistakes)),
        ("Safety", _bullets(e.safety)),
    ):
        if body:
            sections.append(Panel(body, title=heading, title_align="left", border_style="dim"))
    title = f"[bold]{e.name}[/bold]  [cyan]{e.id}[/cyan]"
    return Panel(Group(e.summary or "", *sections), title=title, title_align="left")


def routine_view(routine: Routine, catalogue: Catalogue) -> RenderableType:
    from rich.table import Table

    table = Table(title=f"{routine.name}  ({routine.id})", caption=routine.summary)
    table.add_column("#", justify="right")
    table.add_column("exercise")
    table.add_column("prescription")
    table.add_column("note")
    for n, item in enumerate(routine.items, start=1):
        name = catalogue.get(item.exercise_id).name
        numbers = routine.numbers(item, catalogue)
        table.add_row(str(n), f"{name} ({item.exercise_id})", numbers.describe(),
                      item.note or numbers.note)  # fmt: skip
    return table
