"""Bringing a history in from another app: look first (preview), then write (import).

The web's import page and `backtone import` share these use cases:
1. `detect_history_format` names the app that wrote a file (from its header);
   `column_mapping_for` starts the column mapping of a CSV of the person's own.
2. `preview_history_import` reads the whole file once and writes nothing: it returns the
   counts (every row accounted for), the name-mapping table with what needs confirming, the
   rows it flags, and how much is already there.
3. `import_history` reads the file again and writes it in one transaction, with the names
   mapped as previewed and as the person corrected them; what they settled is remembered.
Both read the file as a stream, hold one workout (and one batch of sets) at a time, and call
`progress` as they go. A file is read again rather than kept, so memory stays bounded.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from backtone.domain.catalogue import normalise_name
from backtone.domain.column_mapping import ColumnMapping, guess_columns, header_key
from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Exercise
from backtone.domain.importing import (
    LONG_WORKOUT_SECONDS,
    HistoryFormat,
    ImportedSet,
    ParseProblem,
    ReadOptions,
    RowCounts,
    RowRead,
    WorkoutHead,
)
from backtone.domain.name_mapping import Match, NameMapping, NameMatcher
from backtone.domain.training import LoggedSet, Workout
from backtone.services.catalogue import add_new_exercises
from backtone.services.context import Caller
from backtone.services.ports import Clock, HistoryCodecs, TextSource, UnitOfWork

MAX_PROBLEMS_KEPT = 500  # every problem is counted; the first ones are listed
_BATCH_SETS = 5000  # sets held before they are written (inside the one transaction)
_PROGRESS_EVERY = 1 << 16  # characters between progress reports


@dataclass(frozen=True)
class ImportProgress:
    """How far a step has gone through the file, in bytes."""

    step: str  # "reading" (preview) or "importing"
    done: int
    total: int


Progress = Callable[[ImportProgress], None]


@dataclass(frozen=True)
class ColumnsProposal:
    """A CSV's header and the mapping to start from: the one saved for it, else a guess."""

    header: tuple[str, ...]
    mapping: ColumnMapping | None  # None when even the date or exercise cannot be guessed
    saved: bool


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, before anything is written."""

    format: HistoryFormat
    counts: RowCounts
    workouts: int
    sets: int
    workouts_already_there: int
    sets_already_there: int
    mapping: tuple[NameMapping, ...]
    problems: tuple[ParseProblem, ...]  # the first MAX_PROBLEMS_KEPT
    problem_count: int
    long_workouts: int  # longer than a day: left running in the app, kept as written
    sample: tuple[tuple[WorkoutHead, ImportedSet], ...] = ()  # the first sets, as they read
    first_started: datetime | None = None  # the earliest and latest workout, in UTC
    last_started: datetime | None = None

    @property
    def to_confirm(self) -> tuple[NameMapping, ...]:
        """The close and new mappings the person should confirm or correct."""
        return tuple(m for m in self.mapping if m.needs_confirmation)


@dataclass(frozen=True)
class HistoryImport:
    """What an import wrote; `counts` accounts for every row of the file."""

    format: HistoryFormat
    counts: RowCounts
    workouts_added: int
    workouts_already_there: int
    sets_added: int
    sets_already_there: int
    custom_exercises_added: int
    mapping: tuple[NameMapping, ...]
    problems: tuple[ParseProblem, ...]
    problem_count: int


def source_key(chosen: HistoryFormat, key: str) -> str:
    """The stored identity of an imported workout: the app and a digest of the file's own
    data for it, so the same workout is found again whatever zone its times are read in."""
    return f"{chosen.value}:{hashlib.sha256(key.encode('utf-8')).hexdigest()[:40]}"


def _legacy_key(chosen: HistoryFormat, head: WorkoutHead) -> str | None:
    # Strong and Hevy imports before keys came from the file were known by their UTC start.
    if chosen in (HistoryFormat.STRONG, HistoryFormat.HEVY):
        return f"{chosen.value}:{head.started_at.isoformat()}"
    return None


def detect_history_format(*, codecs: HistoryCodecs, source: TextSource) -> HistoryFormat | None:
    """The app that wrote a file, from its header; None for a CSV of no known app."""
    return codecs.detect(source)


def column_mapping_for(
    *, uow: UnitOfWork, codecs: HistoryCodecs, caller: Caller, source: TextSource
) -> ColumnsProposal:
    """The columns of a person's own CSV and the mapping saved for that header, or a guess."""
    header = tuple(codecs.header(source))
    with uow:
        saved = uow.import_memory.column_mapping(caller.user_id, header_key(header))
    if saved is not None:
        return ColumnsProposal(header, ColumnMapping.from_dict(saved, saved=True), True)
    mapping = ColumnMapping(guess_columns(header))
    try:
        mapping.check(header)
    except InvalidInput:
        return ColumnsProposal(header, mapping if mapping.columns else None, False)
    return ColumnsProposal(header, mapping, False)


def _chosen_format(
    codecs: HistoryCodecs, source: TextSource, chosen: HistoryFormat | None
) -> HistoryFormat:
    if chosen is not None:
        return chosen
    found = codecs.detect(source)
    if found is None:
        raise InvalidInput(
            source.name,
            "its header is not one of an app backtone knows",
            "an export of "
            + ", ".join(f.label for f in HistoryFormat if f.value != "csv")
            + ", or a CSV of your own with a column mapping (backtone import csv)",
        )
    return found


class _Tracked:
    """The source, reporting progress as its lines are read."""

    def __init__(self, source: TextSource, step: str, progress: Progress | None) -> None:
        self.name = source.name
        self.size = source.size
        self._source = source
        self._step = step
        self._progress = progress

    def lines(self) -> Iterator[str]:
        progress = self._progress
        if progress is None:
            yield from self._source.lines()
            return
        done = reported = 0
        for line in self._source.lines():
            done += len(line)
            if done - reported >= _PROGRESS_EVERY:
                progress(ImportProgress(self._step, min(done, self.size), self.size))
                reported = done
            yield line
        progress(ImportProgress(self._step, self.size, self.size))


def _rows(
    codecs: HistoryCodecs,
    source: TextSource,
    chosen: HistoryFormat,
    options: ReadOptions,
    step: str,
    progress: Progress | None,
) -> Iterator[RowRead]:
    return codecs.read(_Tracked(source, step, progress), chosen, options)


@dataclass
class _Scan:
    counts: RowCounts = field(default_factory=RowCounts)
    problems: list[ParseProblem] = field(default_factory=list)
    problem_count: int = 0
    names: Counter[str] = field(default_factory=Counter)
    heads: dict[str, WorkoutHead] = field(default_factory=dict)
    sets: Counter[str] = field(default_factory=Counter)
    sample: list[tuple[WorkoutHead, ImportedSet]] = field(default_factory=list)

    def add(self, row: RowRead) -> None:
        self.counts.add(row)
        if row.problem is not None:
            self.problem_count += 1
            if len(self.problems) < MAX_PROBLEMS_KEPT:
                self.problems.append(row.problem)
        head = row.workout
        if head is None or not row.sets:
            return
        self.heads.setdefault(head.key, head)
        self.sets[head.key] += len(row.sets)
        for imported in row.sets:
            self.names[imported.exercise_name] += 1
            if len(self.sample) < 5:
                self.sample.append((head, imported))


def preview_history_import(
    *,
    uow: UnitOfWork,
    codecs: HistoryCodecs,
    caller: Caller,
    source: TextSource,
    chosen: HistoryFormat | None,
    options: ReadOptions,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read a whole file and say what importing it would do; nothing is written.

    `chosen` None detects the app from the header. Raises FormatError for a file that is
    not such an export (WrongFormat naming the app when it is another's) and UnitNeeded when
    the file does not say its unit and `options` does not either: ask, then call again.
    """
    chosen = _chosen_format(codecs, source, chosen)
    scan = _Scan()
    for row in _rows(codecs, source, chosen, options, "reading", progress):
        scan.add(row)
    user_id = caller.user_id
    with uow:
        matcher = NameMatcher(uow.catalogue(user_id), uow.import_memory.name_mappings(user_id))
        keys = {source_key(chosen, key): key for key in scan.heads}
        legacy = {_legacy_key(chosen, h): key for key, h in scan.heads.items()}
        known = uow.workouts.known_source_keys(user_id, [*keys, *(k for k in legacy if k)])
    there = {keys[k] for k in known if k in keys} | {legacy[k] for k in known if k in legacy}
    long_workouts = sum(
        1 for h in scan.heads.values() if (h.duration_seconds or 0) > LONG_WORKOUT_SECONDS
    )
    starts = [h.started_at for h in scan.heads.values()]
    return ImportPreview(
        format=chosen,
        counts=scan.counts,
        workouts=len(scan.heads),
        sets=scan.counts.sets,
        workouts_already_there=len(there),
        sets_already_there=sum(scan.sets[key] for key in there),
        mapping=tuple(matcher.map(name, n) for name, n in sorted(scan.names.items())),
        problems=tuple(scan.problems),
        problem_count=scan.problem_count,
        long_workouts=long_workouts,
        sample=tuple(scan.sample),
        first_started=min(starts, default=None),
        last_started=max(starts, default=None),
    )


@dataclass
class _Pending:
    head: WorkoutHead
    sets: list[LoggedSet] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _HistoryWriter:
    """Writes workouts as their rows arrive, in batches, inside the caller's transaction.

    A workout whose rows come back after it was written (a file sorted by exercise, or two
    exports joined) gets the later sets appended, so rows need not be next to each other.
    """

    def __init__(self, uow: UnitOfWork, user_id: int, chosen: HistoryFormat, now: datetime):
        self._uow = uow
        self._user_id = user_id
        self._chosen = chosen
        self._now = now
        self._pending: dict[str, _Pending] = {}
        self._pending_sets = 0
        self._stored: dict[str, int] = {}  # written by this import
        self._there: set[str] = set()  # written by an earlier one
        self.workouts_added = self.workouts_there = 0
        self.sets_added = self.sets_there = 0

    def add(self, head: WorkoutHead, sets: list[LoggedSet], note: str) -> None:
        key = head.key
        if key in self._there:
            self.sets_there += len(sets)
            return
        if key in self._stored:
            if sets:
                workouts = self._uow.workouts
                workouts.append_sets(self._user_id, self._stored[key], sets, self._now)
                self.sets_added += len(sets)
            return
        pending = self._pending.get(key)
        if pending is None:
            if self._pending_sets >= _BATCH_SETS:  # write between workouts, not inside one
                self.flush()
            pending = self._pending[key] = _Pending(head)
        elif head.started_at < pending.head.started_at:
            pending.head = replace(pending.head, started_at=head.started_at)
        pending.sets.extend(sets)
        text = note or head.notes
        if text and text not in pending.notes:
            pending.notes.append(text)
        self._pending_sets += len(sets)

    def flush(self) -> None:
        chosen, pending = self._chosen, [p for p in self._pending.values() if p.sets]
        self._pending, self._pending_sets = {}, 0
        if not pending:
            return
        keys = [source_key(chosen, p.head.key) for p in pending]
        legacy = [_legacy_key(chosen, p.head) for p in pending]
        known = self._uow.workouts.known_source_keys(
            self._user_id, [*keys, *(k for k in legacy if k)]
        )
        fresh: list[tuple[str, Workout]] = []
        for key, old_key, item in zip(keys, legacy, pending, strict=True):
            if key in known or old_key in known:
                self._there.add(item.head.key)
                self.workouts_there += 1
                self.sets_there += len(item.sets)
                continue
            head = item.head
            workout = Workout(
                started_at=head.started_at,
                sets=tuple(item.sets),
                name=head.name[:200],
                ended_at=head.ended_at,
                notes="\n".join(item.notes),
                source=chosen.value,
                source_key=key,
            )
            fresh.append((head.key, workout))
        ids = self._uow.workouts.add_many(
            self._user_id, [w for _, w in fresh], created_at=self._now
        )
        for (file_key, workout), stored_id in zip(fresh, ids, strict=True):
            self._stored[file_key] = stored_id
            self.workouts_added += 1
            self.sets_added += len(workout.sets)


def import_history(
    *,
    uow: UnitOfWork,
    clock: Clock,
    codecs: HistoryCodecs,
    caller: Caller,
    source: TextSource,
    chosen: HistoryFormat | None,
    options: ReadOptions,
    corrections: Mapping[str, str] | None = None,
    strict: bool = False,
    remember: bool = True,
    progress: Progress | None = None,
) -> HistoryImport:
    """Write a file's workouts in one transaction: all of them, or nothing.

    Names map as `preview_history_import` showed, except those in `corrections` (name ->
    exercise id or name, or 'new' for a custom exercise). Rows that cannot be read are
    skipped and listed, unless `strict`, which refuses the file at the first one. Workouts
    already there (from an earlier import of the same workouts) are counted, not added.
    With `remember`, the mappings the person confirmed and a CSV's column mapping are kept.
    """
    chosen = _chosen_format(codecs, source, chosen)
    user_id = caller.user_id
    now = clock.now()
    counts = RowCounts()
    problems: list[ParseProblem] = []
    problem_count = 0
    used: dict[str, NameMapping] = {}
    used_sets: Counter[str] = Counter()
    ids: dict[str, str] = {}
    with uow:
        matcher = NameMatcher(uow.catalogue(user_id), uow.import_memory.name_mappings(user_id))
        chosen_names = {
            name: matcher.choose(name, answer) for name, answer in (corrections or {}).items()
        }
        writer = _HistoryWriter(uow, user_id, chosen, now)
        for row in _rows(codecs, source, chosen, options, "importing", progress):
            counts.add(row)
            if row.problem is not None:
                if strict:
                    raise InvalidInput(
                        f"{source.name}:{row.problem.line}",
                        f"{row.problem.field}: {row.problem.message}",
                        "fix the row, or import without --strict to skip and list it",
                    )
                problem_count += 1
                if len(problems) < MAX_PROBLEMS_KEPT:
                    problems.append(row.problem)
            if row.workout is None:
                continue
            sets = []
            for imported in row.sets:
                name = imported.exercise_name
                exercise_id = ids.get(name)
                if exercise_id is None:
                    used[name] = chosen_names.get(name) or matcher.map(name)
                    exercise_id = ids[name] = used[name].exercise_id
                used_sets[name] += 1
                sets.append(imported.to_logged_set(exercise_id))
            writer.add(row.workout, sets, row.note)
        writer.flush()
        customs = _customs(used.values())
        added = add_new_exercises(uow, user_id, customs)
        if remember:
            _remember(uow, user_id, used.values(), now)
            if chosen is HistoryFormat.CSV and options.columns is not None:
                header = header_key(codecs.header(source))
                uow.import_memory.remember_columns(user_id, header, options.columns.to_dict(), now)
        uow.commit()
    return HistoryImport(
        format=chosen,
        counts=counts,
        workouts_added=writer.workouts_added,
        workouts_already_there=writer.workouts_there,
        sets_added=writer.sets_added,
        sets_already_there=writer.sets_there,
        custom_exercises_added=added.added,
        mapping=tuple(replace(used[n], sets=used_sets[n]) for n in sorted(used)),
        problems=tuple(problems),
        problem_count=problem_count,
    )


def _customs(mappings: Iterable[NameMapping]) -> list[Exercise]:
    found: dict[str, Exercise] = {}
    for mapping in mappings:
        if mapping.custom is not None:
            found.setdefault(mapping.custom.id, mapping.custom)
    return list(found.values())


def _remember(
    uow: UnitOfWork, user_id: int, mappings: Iterable[NameMapping], now: datetime
) -> None:
    settled = {
        normalise_name(m.name): (m.name, m.exercise_id)
        for m in mappings
        if m.match in (Match.CLOSE, Match.NEW, Match.CHOSEN)
    }
    if settled:
        uow.import_memory.remember_names(user_id, settled, now)
