"""`backtone kit` and `backtone checkin`: the loads you can set, and how you feel today."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

if TYPE_CHECKING:
    from collections.abc import Callable

    from backtone.domain.errors import InvalidInput
    from backtone.domain.kit import Kit
    from backtone.domain.readiness import CheckIn, Soreness
    from backtone.domain.vocabulary import Region

T = TypeVar("T")
NOTHING = ("n", "no", "none", "-")  # answers that mean no soreness or no pain
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]

# The kit's fields as the web and the API name them, and the option that sets each here.
KIT_OPTIONS = {
    "dumbbells": "--dumbbells",
    "plates": "--plates",
    "bar": "--bar",
    "stack": "--stack-step/--stack-max",
    "stack_step": "--stack-step",
    "stack_max": "--stack-max",
    "kettlebells": "--kettlebells",
    "bands": "--bands",
}
CHECK_IN_OPTIONS = {"sleep": "--sleep", "soreness": "--sore", "pain": "--pain"}


def _as_option(error: InvalidInput, options: dict[str, str]) -> InvalidInput:
    """The same mistake, naming the option that was typed rather than the field."""
    from backtone.domain.errors import InvalidInput

    return InvalidInput(options.get(error.field, error.field), error.problem, error.allowed)


def kit(
    dumbbells: Annotated[
        str | None,
        typer.Option(help="Dumbbell pairs: a range with its step '2-40/2' or a list '5,7.5,10'."),
    ] = None,
    plates: Annotated[
        str | None,
        typer.Option(help="Plate sizes, each with its pairs if few: '1.25x2,2.5x4,5,10'."),
    ] = None,
    bar: Annotated[float | None, typer.Option(help="The barbell's own weight.")] = None,
    stack_step: Annotated[
        float | None, typer.Option(help="One plate of a cable or machine stack.")
    ] = None,
    stack_max: Annotated[float | None, typer.Option(help="The heaviest stack setting.")] = None,
    kettlebells: Annotated[
        str | None, typer.Option(help="Kettlebells: a list '8,12,16' or a range '4-32/4'.")
    ] = None,
    bands: Annotated[
        str | None, typer.Option(help="Bands as colour:resistance, 'red:10,green:15'.")
    ] = None,
    reset: Annotated[
        bool, typer.Option("--reset", help="Back to the common kit in your unit first.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """The loads you can set (dumbbells, bar and plates, stack, kettlebells, bands); the options
    change them. Loads are in your unit; every load the coach suggests comes from this kit."""
    from backtone.domain.errors import InvalidInput
    from backtone.domain.kit import default_kit
    from backtone.entrypoints.cli.context import backtone_app, current_caller
    from backtone.entrypoints.cli.output import console, print_json
    from backtone.entrypoints.web.views.readiness import kit_typed, kit_view
    from backtone.services.readiness import my_kit, set_kit

    app = backtone_app()
    caller = current_caller()
    unit = caller.unit
    typed = {
        "dumbbells": dumbbells, "plates": plates, "bar": bar, "stack_step": stack_step,
        "stack_max": stack_max, "kettlebells": kettlebells, "bands": bands,
    }  # fmt: skip
    changes = {field: value for field, value in typed.items() if value is not None}
    kept = default_kit(unit) if reset else my_kit(uow=app.uow(), caller=caller)
    if reset or changes:
        try:
            wanted = kit_typed(unit, {**kit_view(kept).model_dump(), **changes})
        except InvalidInput as error:
            raise _as_option(error, KIT_OPTIONS) from None
        kept = set_kit(uow=app.uow(), clock=app.clock, caller=caller, kit=wanted)
    view = kit_view(kept)
    if as_json:
        print_json(view.model_dump())
        return
    out = console()
    out.print("Saved. " if reset or changes else "", end="")
    out.print(f"Your kit, in {view.unit}; every load the coach suggests is one of these:")
    for line in kit_lines(kept):
        out.print(f"  {line}", markup=False)
    if not (reset or changes):
        example = "5-50/5" if view.unit == "lb" else "2-24/2"
        out.print(f'Change it with e.g. `backtone kit --dumbbells "{example}"` (see --help).')


def kit_lines(kit: Kit) -> list[str]:
    """The kit a line per kind, in its unit, as the settings page and the API show it."""
    from backtone.domain.kit import say_loads
    from backtone.entrypoints.web.views.readiness import kit_view

    view, unit = kit_view(kit), kit.unit.value
    return [
        f"dumbbells    {say_loads(kit.dumbbells, kit.unit)}",
        f"bar          {view.bar:g} {unit}",
        f"plates       {view.plates} {unit} (xN: N pairs; no count: plenty)",
        f"stack        {view.stack_step:g} {unit} steps up to {view.stack_max:g} {unit}",
        f"kettlebells  {say_loads(kit.kettlebells, kit.unit)}",
        f"bands        {view.bands} ({unit})",
    ]


def checkin(
    sleep: Annotated[
        str | None, typer.Option(help="How you slept last night: poor, ok or good.")
    ] = None,
    sore: Annotated[
        str | None,
        typer.Option(
            help="Sore regions with a level 1 mild, 2 moderate, 3 severe: 'lats:2,lower-back:1'."
        ),
    ] = None,
    pain: Annotated[
        str | None, typer.Option(help="Where it hurts (pain, not soreness): 'lower-back'.")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="YYYY-MM-DD, today or yesterday.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Say how you feel before a session (sleep, soreness, pain): it can only hold or lower
    that day's targets, and pain swaps out what loads the region. Without options it asks."""
    from backtone.adapters.formats.kit_json import check_in_to_dict
    from backtone.domain.errors import InvalidInput
    from backtone.entrypoints.cli.context import backtone_app, current_caller
    from backtone.entrypoints.cli.output import console, print_json
    from backtone.entrypoints.cli.training_log import parse_day
    from backtone.services.readiness import check_in, check_in_effects, check_in_words

    day = parse_day(on) if on else date.today()
    if sleep is None and sore is None and pain is None:
        try:
            answers = _ask(day, to_stderr=as_json)
        except typer.Abort:  # no terminal to answer in (or the questions were left)
            raise InvalidInput(
                "checkin", "no answers given", "--sleep, --sore or --pain, or answer the questions"
            ) from None
    else:
        try:
            answers = _read(day, sleep or "ok", sore or "", pain or "")
        except InvalidInput as error:
            raise _as_option(error, CHECK_IN_OPTIONS) from None
    app = backtone_app()
    caller = current_caller()
    kept = check_in(uow=app.uow(), clock=app.clock, caller=caller, check_in=answers)
    effects = check_in_effects(uow=app.uow(), caller=caller, day=day)
    if as_json:
        session = effects.session
        print_json(
            {
                "check_in": check_in_to_dict(kept),
                "session_day": session.day.isoformat() if session else None,
                "changes": list(effects.changes),
            }
        )
        return
    out = console()
    out.print(f"Check-in kept for {day:%A %d %b}: {check_in_words(kept)}.", markup=False)
    for line in effects.changes:
        out.print(line, markup=False)


def _read(day: date, sleep: str, sore: str, pain: str) -> CheckIn:
    """A check-in from the words typed (`sore` also takes 'lats=2')."""
    from backtone.domain.readiness import CheckIn, Sleep, parse_pain
    from backtone.domain.vocabulary import parse_term

    return CheckIn(day, parse_term(Sleep, sleep, "sleep"), _soreness(sore), parse_pain(pain))


def _asking(read: Callable[[str], T]) -> Callable[[str], T]:
    """A prompt's reader: a mistake is said and the question asked again."""
    from backtone.domain.errors import InvalidInput

    def proc(text: str) -> T:
        try:
            return read(text)
        except InvalidInput as error:
            raise typer.BadParameter(str(error)) from None

    return proc


def _none(text: str) -> str:
    return "" if text.strip().lower() in NOTHING else text


def _soreness(text: str) -> tuple[tuple[Region, Soreness], ...]:
    """Sore regions as typed: 'lats:2, lower-back:1' (or 'lats=2'; 'no' for none)."""
    from backtone.domain.readiness import parse_soreness

    return parse_soreness(_none(text).replace("=", ":"))


def _ask(day: date, *, to_stderr: bool) -> CheckIn:
    """Ask the three questions (on stderr when stdout is for JSON)."""
    from backtone.domain.readiness import CheckIn, Sleep, parse_pain
    from backtone.domain.vocabulary import Region, parse_term

    regions = ", ".join(r.value for r in Region)
    typer.echo(f"How do you feel today? Regions: {regions}.", err=to_stderr)
    slept = typer.prompt(
        "Sleep last night (poor, ok, good)", default="ok",
        value_proc=_asking(lambda t: parse_term(Sleep, t, "sleep")), err=to_stderr,
    )  # fmt: skip
    sore = typer.prompt(
        "Sore anywhere? region:level, 1 mild 2 moderate 3 severe (enter: no)", default="",
        show_default=False, value_proc=_asking(_soreness),
        err=to_stderr,
    )  # fmt: skip
    hurt = typer.prompt(
        "Pain anywhere, not soreness? where (enter: no)", default="", show_default=False,
        value_proc=_asking(lambda t: parse_pain(_none(t))), err=to_stderr,
    )  # fmt: skip
    return CheckIn(day, slept, sore, hurt)
