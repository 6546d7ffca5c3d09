"""`backtone workout`: a Textual app that leads a session set by set.

The card shows the exercise, its cues, today's target and why; the entry is filled in with
last time's numbers; a rest countdown with a bar follows each set and rings the terminal bell
when it is over. Every set is stored as it is logged (see flow.py), so quitting or a crash
keeps it and the next `backtone workout` offers to resume.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from backtone.domain.errors import BacktoneError, InvalidInput
from backtone.domain.exercise import Exercise
from backtone.domain.plan import Role
from backtone.domain.readiness import CheckIn
from backtone.domain.training import LoggedSet, WeightUnit
from backtone.entrypoints.tui.check_in import CheckInScreen, ReadyScreen
from backtone.entrypoints.tui.flow import Wiring, WorkoutFlow, check_in_today, offers_check_in
from backtone.entrypoints.tui.words import (
    describe_set,
    minutes_seconds,
    plan_line,
    summary_lines,
    target_line,
)
from backtone.services.coaching import GuidedWorkout, SessionPlan, SetEntry, WorkoutSummary

TICK_SECONDS = 0.25


class NumberInput(Input):
    """A number field that leaves letters to the screen's keys (s, w, p, f, q)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character in "0123456789.,"


class ResumeScreen(ModalScreen[bool]):
    """Offer to go on with an unfinished workout, or close it and start today's session."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "answer(True)", "Resume"),
        Binding("n", "answer(False)", "New"),
    ]

    def __init__(self, workout: GuidedWorkout, *, can_start: bool) -> None:
        super().__init__()
        self.workout = workout
        self.can_start = can_start

    def compose(self) -> ComposeResult:
        started = self.workout.started_at.astimezone().strftime("%a %H:%M")
        with Vertical(id="dialog"):
            yield Label(
                f"You have an unfinished workout, {self.workout.session.title}, started "
                f"{started}, with {len(self.workout.sets)} set(s) saved."
            )
            with Horizontal():
                yield Button("Resume it (r)", id="resume", variant="primary")
                if self.can_start:
                    yield Button("Close it and start today's (n)", id="new")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "resume")

    def action_answer(self, resume: bool) -> None:
        if resume or self.can_start:
            self.dismiss(resume)


class SwapScreen(ModalScreen[str | None]):
    """Pick an exercise that trains the same pattern with the equipment at hand."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Keep the exercise")]

    def __init__(self, options: list[Exercise]) -> None:
        super().__init__()
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            if self.options:
                yield Label("Swap for (enter to pick, escape to keep the exercise):")
                yield OptionList(*[Option(e.name, id=e.id) for e in self.options], id="swaps")
            else:
                yield Label("Nothing else trains this with your equipment. Escape to go back.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "close", "Close"),
        Binding("enter", "close", "Close"),
    ]

    def __init__(self, summary: WorkoutSummary | None, unit: WeightUnit) -> None:
        super().__init__()
        self.summary = summary
        self.unit = unit

    def compose(self) -> ComposeResult:
        yield Header()
        lines = summary_lines(self.summary, self.unit) if self.summary else ["Nothing was logged."]
        yield Static("\n".join(lines), id="summary")
        yield Footer()

    def action_close(self) -> None:
        self.app.exit(self.summary)


class WorkoutScreen(Screen[None]):
    """The session: the current card, set entry, rest timer; keys for skip, swap, pause."""

    # Priority: the keys work while a number field has the focus.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "enter", "Log set / done", priority=True),
        Binding("s", "skip", "Skip", priority=True),
        Binding("u", "ramp", "Ramp-up set done", priority=True),
        Binding("w", "swap", "Swap", priority=True),
        Binding("p", "pause", "Pause", priority=True),
        Binding("f", "finish", "Finish", priority=True),
        Binding("q", "quit_keep", "Quit (sets kept)", priority=True),
    ]

    def __init__(self, flow: WorkoutFlow) -> None:
        super().__init__()
        self.flow = flow

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="card"):
            yield Static(id="name")
            yield Static(id="target")
            yield Static(id="plan")
            yield Static(id="reason")
            yield Static(id="cues")
            yield Static(id="done")
        with Horizontal(id="entry"):
            yield Label("reps", id="amount-label")
            yield NumberInput(id="amount", type="number", compact=True)
            yield Label("kg", id="load-label")
            yield NumberInput(id="load", type="number", compact=True)
            yield Label("RPE", id="rpe-label")
            yield NumberInput(id="rpe", type="number", placeholder="-", compact=True)
        with Vertical(id="rest"):
            yield Label(id="rest-label")
            yield ProgressBar(id="rest-bar", show_eta=False, show_percentage=False)
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.tick)
        self.show_card()

    # What the screen shows.

    def show_card(self) -> None:
        """Fill the card and the entry for the current item and set."""
        flow, item = self.flow, self.flow.current
        if item is None:
            return
        self.app.sub_title = f"exercise {flow.position + 1} of {len(flow.items)}"
        self.query_one("#name", Static).update(f"{item.name} · {item.role.value}")
        self.query_one("#target", Static).update(target_line(item, flow.set_number, flow.session))
        ramped = flow.ramped[flow.position]
        self.query_one("#plan", Static).update(plan_line(item, ramped, flow.session))
        self.query_one("#reason", Static).update(f"[dim]{item.reason}[/dim]" if item.reason else "")
        cues = "\n".join(f"• {cue}" for cue in item.cues[:3])
        self.query_one("#cues", Static).update(cues)
        done = flow.done[flow.position]
        said = " · ".join(describe_set(s, flow.wiring.unit) for s in done)
        self.query_one("#done", Static).update(f"Done: {said}" if done else "")
        main = item.role is Role.MAIN
        self.query_one("#entry").display = main
        if not main:
            self.set_focus(None)
        if main:
            entry = item.prefill(flow.set_number)
            if done:  # the set just done is a better guess than last time's
                entry = SetEntry(done[-1].reps, _whole(done[-1].duration_seconds), done[-1].load_kg)
            amount = entry.seconds if item.timed else entry.reps
            self.query_one("#amount-label", Label).update("seconds" if item.timed else "reps")
            unit = flow.wiring.unit
            self.query_one("#load-label", Label).update(f"help {unit}" if item.assisted else unit)
            self.query_one("#amount", Input).value = "" if amount is None else str(amount)
            self.query_one("#load", Input).value = (
                "" if entry.load_kg is None else f"{round(unit.from_kg(entry.load_kg), 1):g}"
            )
            self.query_one("#rpe", Input).value = ""
            self.query_one("#amount", Input).focus()
        self.show_rest()

    def show_rest(self) -> None:
        rest, flow = self.flow.rest, self.flow
        box = self.query_one("#rest")
        box.display = rest is not None
        if rest is not None:
            left = flow.rest_left()
            pause = " (paused: p to go on)" if flow.paused else ""
            label = f"Rest {minutes_seconds(left)}{pause}"
            self.query_one("#rest-label", Label).update(label)
            self.query_one("#rest-bar", ProgressBar).update(
                total=rest.total, progress=rest.total - left
            )
        elif flow.paused:
            self.status("Paused: p to go on.")

    def status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    def tick(self) -> None:
        """Run by a timer; reads the injected clock, so tests move time without waiting."""
        if self.flow.tick():
            self.app.bell()
            self.status("Rest over: next set.")
        self.show_rest()

    # Keys.

    def action_enter(self) -> None:
        flow, item = self.flow, self.flow.current
        if item is None or flow.paused:
            return
        if item.role is not Role.MAIN:
            flow.next_item()
            self.after_step()
            return
        try:
            logged = self.log_entry()
        except BacktoneError as error:
            self.status(f"[red]{error}[/red]")
            return
        self.status(f"Saved: {describe_set(logged, self.flow.wiring.unit)}")
        self.after_step()

    def log_entry(self) -> LoggedSet:
        item = self.flow.current
        assert item is not None
        field = "seconds" if item.timed else "reps"
        amount = _number(self.query_one("#amount", Input).value, field)
        typed = _number(self.query_one("#load", Input).value, "load")
        load = None if typed is None else self.flow.wiring.unit.to_kg(typed)
        rpe = _number(self.query_one("#rpe", Input).value, "rpe")
        if amount is None:
            raise InvalidInput(field, "is empty", "a number")
        if item.timed:
            return self.flow.log_set(seconds=amount, load_kg=load, rpe=rpe)
        return self.flow.log_set(reps=int(amount), load_kg=load, rpe=rpe)

    def after_step(self) -> None:
        if self.flow.finished:
            self.finish()
        else:
            self.show_card()

    def action_ramp(self) -> None:
        logged = self.flow.log_ramp_set()
        if logged is None:
            self.status("No ramp-up set left for this exercise.")
            return
        self.status(f"Ramp-up saved: {describe_set(logged, self.flow.wiring.unit)}")
        self.show_card()

    def action_skip(self) -> None:
        if self.flow.current is not None:
            self.status(f"Skipped {self.flow.current.name}.")
            self.flow.skip()
            self.after_step()

    def action_swap(self) -> None:
        if self.flow.current is None:
            return
        self.app.push_screen(SwapScreen(self.flow.swap_options()), self.swapped)

    def swapped(self, exercise_id: str | None) -> None:
        if exercise_id is None:
            return
        try:
            new = self.flow.swap(exercise_id)
        except BacktoneError as error:
            self.status(f"[red]{error}[/red]")
            return
        self.status(f"Swapped for {new.name}.")
        self.show_card()

    def action_pause(self) -> None:
        self.flow.toggle_pause()
        self.status("Paused: p to go on." if self.flow.paused else "Going on.")
        self.show_rest()

    def action_finish(self) -> None:
        self.finish()

    def finish(self) -> None:
        summary = self.flow.finish()
        self.app.switch_screen(SummaryScreen(summary, self.flow.wiring.unit))

    def action_quit_keep(self) -> None:
        if self.flow.workout is not None and not self.flow.sets_logged:
            self.flow.finish()  # nothing in it: leave no empty workout behind
        self.app.exit(None)


def _whole(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds)


def _number(text: str, field: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(field, f"{text!r} is not a number", "a number") from None


class WorkoutApp(App[WorkoutSummary | None]):
    """A guided workout: today's session (or an ad hoc one), or the unfinished one resumed."""

    TITLE = "backtone workout"
    CSS = """
    #dialog { width: 80%; height: auto; padding: 1 2; border: round $accent; background: $panel; }
    #dialog Label { width: 100%; }
    #dialog Horizontal { height: auto; margin-top: 1; }
    #dialog Button { margin-right: 2; }
    #card { height: auto; padding: 1 2; border: round $accent; }
    #name { text-style: bold; }
    #entry { height: auto; padding: 0 2; margin-top: 1; }
    #entry Label { padding: 0 1; }
    #entry Input { width: 10; }
    #rest { height: auto; padding: 0 2; margin-top: 1; }
    #status { padding: 0 2; margin-top: 1; }
    #summary { padding: 1 2; }
    #check-in { padding: 1 2; }
    #check-in-intro { width: 100%; }
    #check-in .question { margin-top: 1; text-style: bold; }
    #sleep { height: auto; layout: horizontal; }
    #soreness { grid-size: 4; grid-columns: 14 16; grid-rows: 1; grid-gutter: 0 2; height: auto; }
    #pain { grid-size: 4; grid-rows: 1; height: auto; }
    #check-in-buttons { height: auto; margin-top: 1; }
    #check-in-buttons Button { margin-right: 2; }
    #ready { padding: 1 2; }
    """

    def __init__(
        self,
        wiring: Wiring,
        *,
        session: SessionPlan | None,
        unfinished: GuidedWorkout | None = None,
    ) -> None:
        super().__init__()
        if session is None and unfinished is None:
            raise ValueError("a session to do or a workout to resume is needed")
        self.wiring = wiring
        self.session = session
        self.unfinished = unfinished
        self.flow: WorkoutFlow | None = None

    def on_mount(self) -> None:
        if self.unfinished is not None:
            ask = ResumeScreen(self.unfinished, can_start=self.session is not None)
            self.push_screen(ask, self.resume_or_start)
        else:
            self.start_fresh()

    def resume_or_start(self, resume: bool | None) -> None:
        assert self.unfinished is not None
        if resume or self.session is None:
            self.begin(WorkoutFlow.resume(self.wiring, self.unfinished))
            return
        WorkoutFlow.resume(self.wiring, self.unfinished).finish()  # its sets stay in the log
        self.start_fresh()

    def start_fresh(self) -> None:
        """Today's session, after the optional check-in where one is due."""
        if offers_check_in(self.wiring, self.session):
            self.push_screen(CheckInScreen(self.wiring.today), self.checked_in)
        else:
            self.start_session()

    def checked_in(self, answers: CheckIn | None) -> None:
        """Skipped: the session as it was. Saved: read again with the check-in, and shown."""
        if answers is None:
            self.start_session()
            return
        effects = check_in_today(self.wiring, answers)
        self.session = effects.session or self.session
        ready = ReadyScreen(answers, effects, self._session())
        self.push_screen(ready, self.start_session)

    def start_session(self, _: object = None) -> None:
        self.begin(WorkoutFlow(self.wiring, None, self._session()))

    def begin(self, flow: WorkoutFlow) -> None:
        self.flow = flow
        if flow.finished:
            self.push_screen(SummaryScreen(flow.finish(), self.wiring.unit))
        else:
            self.push_screen(WorkoutScreen(flow))

    def _session(self) -> SessionPlan:
        assert self.session is not None
        return self.session
