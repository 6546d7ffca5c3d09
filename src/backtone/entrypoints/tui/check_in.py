"""The optional check-in before a guided workout, and today's session as it leaves it.

Escape skips it. Saved, it can only hold or lower the day's targets (domain/readiness.py);
the next screen shows what it changed and the session to do, then enter starts it.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Header,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from backtone.domain.readiness import SORENESS_WORDS, CheckIn, Sleep, Soreness
from backtone.domain.vocabulary import Region
from backtone.services.coaching import SessionPlan
from backtone.services.readiness import CheckInEffects, check_in_words


def _said(region: Region) -> str:
    return region.value.replace("-", " ")


class CheckInScreen(Screen[CheckIn | None]):
    """How do you feel today: sleep, soreness per region, pain and where. Escape skips it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "skip", "Skip the check-in")]

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="check-in"):
            yield Static(
                "How do you feel today? Optional: escape skips it. It can only hold or lower "
                "today's targets, never raise them.",
                id="check-in-intro",
            )
            yield Label("Sleep last night", classes="question")
            with RadioSet(id="sleep"):
                for sleep in Sleep:
                    yield RadioButton(sleep.value, value=sleep is Sleep.OK, id=f"sleep-{sleep}")
            yield Label("Sore anywhere?", classes="question")
            levels = [(SORENESS_WORDS[level], int(level)) for level in Soreness]
            with Grid(id="soreness"):
                for region in Region:
                    yield Label(_said(region))
                    yield Select(
                        levels, value=0, allow_blank=False, compact=True, id=f"sore-{region}"
                    )
            yield Label("Pain anywhere? (not soreness: pain)", classes="question")
            with Grid(id="pain"):
                for region in Region:
                    yield Checkbox(_said(region), compact=True, id=f"pain-{region}")
            with Horizontal(id="check-in-buttons"):
                yield Button("Save check-in", id="save", variant="primary")
                yield Button("Skip (escape)", id="skip")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sleep", RadioSet).focus()

    def answers(self) -> CheckIn:
        """The check-in as the screen holds it."""
        pressed = self.query_one("#sleep", RadioSet).pressed_button
        sleep = Sleep(pressed.id.removeprefix("sleep-")) if pressed and pressed.id else Sleep.OK
        sore = []
        for region in Region:
            level = self.query_one(f"#sore-{region}", Select).value
            if isinstance(level, int) and level:
                sore.append((region, Soreness(level)))
        pain = frozenset(r for r in Region if self.query_one(f"#pain-{r}", Checkbox).value)
        return CheckIn(self.day, sleep, tuple(sore), pain)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.answers() if event.button.id == "save" else None)

    def action_skip(self) -> None:
        self.dismiss(None)


class ReadyScreen(Screen[None]):
    """What the check-in changed, and today's session with it; enter starts the workout."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "start", "Start the workout")]

    def __init__(self, check_in: CheckIn, effects: CheckInEffects, session: SessionPlan) -> None:
        super().__init__()
        self.check_in = check_in
        self.effects = effects
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        lines = [f"Check-in: {check_in_words(self.check_in)}.", ""]
        lines += list(self.effects.changes)
        lines += ["", f"Today: {self.session.title}"]
        lines += [
            f"  {item.name}: {self.session.target_words(item)}" for item in self.session.main_items
        ]
        lines += ["", "Press enter to start."]
        yield Static("\n".join(lines), id="ready", markup=False)
        yield Footer()

    def action_start(self) -> None:
        self.dismiss(None)
