"""View models of the history files pages and API: an import's preview, progress and result,
and the records page. Pure functions from service results to pydantic models."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Literal

from pydantic import BaseModel, Field

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Source
from backtone.domain.importing import HistoryFormat, ParseProblem, RowCounts, RowOutcome
from backtone.domain.name_mapping import NEW, NameMapping
from backtone.domain.records import ExerciseRecords, Record
from backtone.domain.training import WeightUnit
from backtone.services.history_import import HistoryImport, ImportPreview

SHOWN_PROBLEMS = 20  # every problem is counted; the first ones are listed
READ_APPS = [f for f in HistoryFormat if f is not HistoryFormat.CSV]
WRITTEN = {
    HistoryFormat.STRONG: ("Strong CSV", "csv", "text/csv"),
    HistoryFormat.HEVY: ("Hevy CSV", "csv", "text/csv"),
    HistoryFormat.OPENWEIGHT: ("openweight JSON", "json", "application/json"),
}

ExportFormat = Literal["strong", "hevy", "openweight"]
State = Literal["settings", "previewed", "importing", "done", "failed"]


def counted(count: int, word: str) -> str:
    """'1 set', '2 sets'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class RowCount(BaseModel):
    what: str
    rows: int


class ProblemRow(BaseModel):
    """A row that cannot be imported, as `FILE:LINE: field: what is wrong`."""

    line: int
    field: str
    message: str
    implausible: bool
    text: str


class NameRow(BaseModel):
    """One exercise name of the file and the exercise its sets will be logged as."""

    index: int
    name: str
    sets: int
    exercise_id: str
    exercise: str
    match: str  # remembered, exact, close, new (a custom exercise of the person's own)
    score: float | None
    weighted: bool  # the base exercise, its load being added weight
    own: bool  # logged as an exercise of the person's own
    to_confirm: bool  # a guess (close or new): worth a look
    choice: str  # what the page's select starts on: an exercise id, or "new"
    suggestions: list[str]  # ids of the closest catalogue exercises


class SampleSet(BaseModel):
    line: int
    when: str  # the workout's start where the person is, "2024-11-28 17:36"
    exercise_name: str
    set_type: str
    reps: int | None
    load: float | None  # in the preview's unit
    seconds: float | None
    distance_m: float | None


class ImportPreviewView(BaseModel):
    """What importing the file would do; nothing has been written."""

    file: str
    format: str
    app: str
    unit: str  # loads below are in this unit
    workouts: int
    sets: int
    workouts_already_there: int
    sets_already_there: int
    first_day: date | None
    last_day: date | None
    rows_read: int
    rows: list[RowCount]
    sets_not_done: int
    long_workouts: int  # longer than a day: left running in the app, kept as written
    problem_count: int
    problems: list[ProblemRow]
    names: list[NameRow]
    names_to_confirm: int
    sample: list[SampleSet]
    words: str  # the summary line, as the CLI says it


class ImportProgressView(BaseModel):
    step: str
    done: int  # bytes of the file
    total: int
    percent: int
    words: str


class ImportResultView(BaseModel):
    """What the import wrote; `rows` accounts for every row of the file."""

    workouts_added: int
    sets_added: int
    workouts_already_there: int
    sets_already_there: int
    custom_exercises_added: int
    rows_read: int
    rows: list[RowCount]
    problem_count: int
    problems: list[ProblemRow]
    words: str


class Reading(BaseModel):
    """How the file is read: its app, and what it does not say (zone, units, columns)."""

    format: str | None = None  # None: told from the file
    tz: str = "UTC"
    unit: str | None = None  # kg or lb, for files that do not say
    distance_unit: str | None = None
    date_order: str | None = None  # for a CSV of the person's own
    columns: dict[str, str] | None = None  # field -> header, for a CSV of the person's own


class ImportStatusView(BaseModel):
    """Where an uploaded file stands: to be read, previewed, importing, done or failed."""

    token: str
    state: State
    file: str
    size: int
    message: str = ""  # why it failed, or what must be said before it can be read
    message_field: str = ""  # the form field the message is about
    reading: Reading
    header: list[str] = Field(default_factory=list)  # a CSV of the person's own: its columns
    preview: ImportPreviewView | None = None
    progress: ImportProgressView | None = None
    result: ImportResultView | None = None
    updated: datetime


class ConfirmRequest(BaseModel):
    """Import as previewed, with the names corrected as given."""

    corrections: dict[str, str] = Field(
        default_factory=dict,
        description="name in the file -> exercise id, or 'new' for an exercise of your own",
        max_length=2000,
    )
    strict: bool = Field(False, description="refuse the file if any row cannot be imported")


def _rows(counts: RowCounts) -> list[RowCount]:
    names = {RowOutcome.SETS: "set rows"}
    return [
        RowCount(what=names.get(outcome, outcome.value), rows=n)
        for outcome, n in counts.rows.items()
        if n
    ]


def _problems(problems: tuple[ParseProblem, ...], file: str) -> list[ProblemRow]:
    return [
        ProblemRow(
            line=p.line,
            field=p.field,
            message=p.message,
            implausible=p.implausible,
            text=p.located(file),
        )
        for p in problems[:SHOWN_PROBLEMS]
    ]


def _name_row(index: int, m: NameMapping, catalogue: Catalogue) -> NameRow:
    known = m.exercise_id in catalogue
    made = m.custom is not None or not known  # a custom exercise this import will add
    own = made or catalogue.get(m.exercise_id).origin is Source.CUSTOM
    return NameRow(
        index=index,
        name=m.name,
        sets=m.sets,
        exercise_id=m.exercise_id,
        exercise=m.name if made else catalogue.get(m.exercise_id).name,
        match=m.match.value,
        score=m.score,
        weighted=m.weighted,
        own=own,
        to_confirm=m.needs_confirmation,
        choice=NEW if made else m.exercise_id,
        suggestions=[i for i in catalogue.suggest(m.name, limit=5) if i != m.exercise_id],
    )


def preview_view(
    preview: ImportPreview, *, file: str, tz: tzinfo, unit: WeightUnit, catalogue: Catalogue
) -> ImportPreviewView:
    """The preview in the person's zone and unit, with each name's place in the catalogue."""
    counts = preview.counts
    first, last = preview.first_started, preview.last_started
    sample = [
        SampleSet(
            line=s.line,
            when=f"{head.started_at.astimezone(tz):%Y-%m-%d %H:%M}",
            exercise_name=s.exercise_name,
            set_type=s.set_type.value,
            reps=s.reps,
            load=None if s.load_kg is None else round(unit.from_kg(s.load_kg), 1),
            seconds=s.duration_seconds,
            distance_m=s.distance_m,
        )
        for head, s in preview.sample
    ]
    words = (
        f"{file} ({preview.format.label}): {counted(counts.rows_read, 'row')} hold "
        f"{counted(preview.sets, 'set')} in {counted(preview.workouts, 'workout')}; "
        f"{preview.workouts_already_there} of these workouts "
        f"({counted(preview.sets_already_there, 'set')}) are already there."
    )
    return ImportPreviewView(
        file=file,
        format=preview.format.value,
        app=preview.format.label,
        unit=unit.value,
        workouts=preview.workouts,
        sets=preview.sets,
        workouts_already_there=preview.workouts_already_there,
        sets_already_there=preview.sets_already_there,
        first_day=first.astimezone(tz).date() if first else None,
        last_day=last.astimezone(tz).date() if last else None,
        rows_read=counts.rows_read,
        rows=_rows(counts),
        sets_not_done=counts.not_done,
        long_workouts=preview.long_workouts,
        problem_count=preview.problem_count,
        problems=_problems(preview.problems, file),
        names=[_name_row(i, m, catalogue) for i, m in enumerate(preview.mapping)],
        names_to_confirm=len(preview.to_confirm),
        sample=sample,
        words=words,
    )


def progress_view(step: str, done: int, total: int) -> ImportProgressView:
    percent = 100 if total <= 0 else min(100, done * 100 // total)
    words = f"{step.capitalize()}: {_megabytes(done)} of {_megabytes(total)} ({percent}%)"
    return ImportProgressView(step=step, done=done, total=total, percent=percent, words=words)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def result_view(result: HistoryImport, *, file: str) -> ImportResultView:
    """What was written, in the words the CLI uses."""
    words = (
        f"Imported {counted(result.workouts_added, 'workout')} "
        f"({counted(result.sets_added, 'set')}); "
        f"{result.workouts_already_there} were already there "
        f"({counted(result.sets_already_there, 'set')}); "
        f"{result.custom_exercises_added} custom exercises added."
    )
    return ImportResultView(
        workouts_added=result.workouts_added,
        sets_added=result.sets_added,
        workouts_already_there=result.workouts_already_there,
        sets_already_there=result.sets_already_there,
        custom_exercises_added=result.custom_exercises_added,
        rows_read=result.counts.rows_read,
        rows=_rows(result.counts),
        problem_count=result.problem_count,
        problems=_problems(result.problems, file),
        words=words,
    )


class ExerciseChoice(BaseModel):
    id: str
    name: str
    own: bool


def exercise_choices(catalogue: Catalogue) -> list[ExerciseChoice]:
    """Every exercise a name can be mapped to, the person's own first, then by name."""
    found = [ExerciseChoice(id=e.id, name=e.name, own=e.origin is Source.CUSTOM) for e in catalogue]
    return sorted(found, key=lambda c: (not c.own, c.name.lower()))


# Records


class RecordValue(BaseModel):
    value: float  # in the person's unit (a count for reps)
    day: date  # when it was first reached, where the person is
    words: str  # the set behind it: "8 x 44 lb"


class RepsAtLoad(BaseModel):
    load: float  # in the person's unit (for an assisted move, the help)
    reps: int


class RecordRow(BaseModel):
    exercise_id: str
    exercise: str
    assisted: bool  # the load is help: less is better, so the record is the least help
    estimated_1rm_epley: RecordValue | None
    estimated_1rm_brzycki: RecordValue | None
    best_session_volume: RecordValue | None
    most_reps: RecordValue | None
    best_reps_by_load: list[RepsAtLoad]  # heaviest first
    least_help: RepsAtLoad | None


class RecordsView(BaseModel):
    unit: str
    records: list[RecordRow]


def _set_words(record: Record, unit: WeightUnit, assisted: bool) -> str:
    if record.reps is None:
        return record.detail
    if not record.load_kg:
        return counted(record.reps, "rep")
    if assisted:
        return f"{counted(record.reps, 'rep')} with {unit.say(record.load_kg)} of help"
    return f"{record.reps} x {unit.say(record.load_kg)}"


def _value(
    record: Record | None, unit: WeightUnit, tz: tzinfo, *, load: bool, assisted: bool = False
) -> RecordValue | None:
    if record is None:
        return None
    value = round(unit.from_kg(record.value), 1) if load else record.value
    words = unit.say(record.value) + " moved" if record.reps is None and load else ""
    return RecordValue(
        value=value,
        day=record.when.astimezone(tz).date(),
        words=words or _set_words(record, unit, assisted),
    )


def records_view(
    records: list[ExerciseRecords], catalogue: Catalogue, *, unit: WeightUnit, tz: tzinfo
) -> RecordsView:
    """Each exercise's records in the person's unit and zone, by exercise name."""
    rows = []
    for r in records:
        known = r.exercise_id in catalogue
        assisted = r.least_help is not None
        rows.append(
            RecordRow(
                exercise_id=r.exercise_id,
                exercise=catalogue.get(r.exercise_id).name if known else r.exercise_id,
                assisted=assisted,
                estimated_1rm_epley=_value(r.epley_1rm, unit, tz, load=True),
                estimated_1rm_brzycki=_value(r.brzycki_1rm, unit, tz, load=True),
                best_session_volume=_value(r.best_volume_session, unit, tz, load=True),
                most_reps=_value(r.most_reps_in_a_set, unit, tz, load=False, assisted=assisted),
                best_reps_by_load=[
                    RepsAtLoad(load=round(unit.from_kg(kg), 1), reps=n)
                    for kg, n in r.best_reps_by_load
                ],
                least_help=(
                    RepsAtLoad(load=round(unit.from_kg(r.least_help[0]), 1), reps=r.least_help[1])
                    if r.least_help
                    else None
                ),
            )
        )
    rows.sort(key=lambda row: row.exercise.lower())
    return RecordsView(unit=unit.value, records=rows)


def corrections_from_form(preview: ImportPreviewView, form: dict[str, str]) -> dict[str, str]:
    """The names whose select the person moved off the mapping shown (`map-N` fields)."""
    found = {}
    for row in preview.names:
        answer = form.get(f"map-{row.index}", "").strip()
        if answer and answer != row.choice:
            found[row.name] = answer
    return found
