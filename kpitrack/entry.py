"""Turning what a user typed for `add` into a validated record. Pure."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Actual, Evaluation, Kind, KpiError, Period, Plan, Report, Target
from .parse import parse_date, parse_period, parse_value


def default_period(today: dt.date) -> Period:
    """Figures are reported after the month closes: the previous calendar month."""
    return Period.of(today) + -1


def check_period(plan: Plan, period: Period, today: dt.date) -> None:
    if not plan.contains(period):
        raise KpiError(f"period {period} is outside the plan ({plan.first_period} to "
                       f"{plan.last_period}); pass --period")
    if period > Period.of(today):
        raise KpiError(f"period {period} is in the future (today is {today})")


def build_actual(plan: Plan, target: Target, *, value: str | None, period: Period,
                 done: bool, date: dt.date | None, by: str, note: str, source: str,
                 correct: bool, now: dt.datetime, today: dt.date) -> Actual:
    check_period(plan, period, today)
    number = None
    if target.kind is Kind.MILESTONE:
        if value is None and not done:
            raise KpiError(f"{target.id} is a milestone: give --done, or a percent complete")
        if value is not None:
            number = parse_value(value, "%")
            if not 0 <= number <= 100:
                raise KpiError(f"percent complete must be from 0 to 100, not {number:g}")
    else:
        if done or date is not None:
            raise KpiError(f"--done and --date are for milestones; {target.id} is "
                           f"{target.kind.value}")
        if value is None:
            raise KpiError(f"give the figure for {target.id}, e.g. kpitrack add {target.id} 138.6")
        number = parse_value(value, target.unit)
        if number < 0 and target.kind is Kind.CUMULATIVE:
            raise KpiError(f"figure {value!r} is negative; a cumulative figure cannot be")
    if date is not None and date > today:
        raise KpiError(f"--date {date} is in the future (today is {today})")
    return Actual(target=target.id, period=period, value=number, done=True if done else None,
                  date=date, recorded=now, by=by, note=note, source=source, correction=correct)


def unknown_target_message(key: str, targets: Sequence[Target]) -> str:
    choices = [t.id for t in targets] + [t.name for t in targets]
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown target {key!r}{hint}"


# --------------------------------------------------------------------------- importing a sheet

# What a milestone's value cell may say when it is done.
DONE_WORDS = frozenset({"done", "yes", "true", "y", "完成", "已完成", "是", "√", "✓", "✔"})
# What an `example` cell may say for an illustrative figure.
YES_WORDS = frozenset({"yes", "true", "y", "1", "是", "√", "✓", "✔"})

NEW, CORRECTION, SAME, ADDS_UP = "new", "correction", "same", "adds_up"


@dataclass(frozen=True)
class ImportRow:
    """One data row of a sheet and what importing it would do."""

    number: int
    cells: dict[str, str]
    target: Target | None = None
    record: Actual | None = None
    # new | correction | same (already recorded, skipped) | adds_up (increment figures)
    action: str | None = None
    error: str | None = None

    @property
    def writes(self) -> bool:
        return self.record is not None and self.action != SAME


def plan_import(plan: Plan, targets: Sequence[Target], existing: Sequence[Actual],
                rows: Sequence, *, file: str, correct: bool, period: Period | None, by: str,
                source: str, now: dt.datetime, today: dt.date) -> list[ImportRow]:
    """What each row of a sheet would record, by the rules `add` follows.

    A row that repeats a recorded figure exactly is skipped; one that differs
    needs `correct` (it is then recorded as a correction). Two rows for one
    target and month are an error, unless the target's figures add up.
    """
    from .evaluate import effective_records

    by_key = {}
    for target in targets:
        by_key.setdefault(target.name, target)
    for target in targets:
        by_key[target.id] = target
    recorded: dict[tuple[str, Period], list[Actual]] = {}
    for actual in existing:
        recorded.setdefault((actual.target, actual.period), []).append(actual)
    seen: dict[tuple[str, Period], int] = {}
    planned = []
    for row in rows:
        try:
            target = _row_target(row.cells, by_key, targets)
        except KpiError as exc:
            planned.append(ImportRow(row.number, row.cells, error=exc.message))
            continue
        try:
            record = _row_record(plan, target, row.cells, file=file, number=row.number,
                                 period=period, by=by, source=source, now=now, today=today)
            key = (target.id, record.period)
            adds_up = target.kind is Kind.CUMULATIVE and target.report is Report.INCREMENT
            if key in seen and not adds_up:
                raise KpiError(f"row {seen[key]} already gives {target.id} for {record.period}; "
                               "keep one of the two rows")
            seen.setdefault(key, row.number)
            earlier = recorded.get(key, [])
            action = ADDS_UP if adds_up and earlier else NEW
            if earlier and not adds_up:
                latest = effective_records(target, earlier)[record.period]
                if (latest.value, bool(latest.done), latest.date) == (
                        record.value, bool(record.done), record.date or latest.date):
                    action = SAME
                elif not correct:
                    raise KpiError(already_recorded(target.id, latest))
                else:
                    action = CORRECTION
            elif earlier and correct:
                action = CORRECTION
            if action == CORRECTION:
                record = record._replace(correction=True)
        except KpiError as exc:
            planned.append(ImportRow(row.number, row.cells, target, error=exc.message))
            continue
        planned.append(ImportRow(row.number, row.cells, target, record, action))
    return planned


def already_recorded(target_id: str, last: Actual) -> str:
    """The duplicate rule's message, naming the figure already there and where it is."""
    shown = "done" if last.done else f"{last.value:g}" if last.value is not None else "a record"
    where = f"{last.file}:{last.line}" if last.line else last.file
    return (f"{target_id} already has a figure for {last.period} ({shown}, {where}); "
            "use --correct to replace it")


def _row_target(cells: dict[str, str], by_key: dict[str, Target],
                targets: Sequence[Target]) -> Target:
    found = []
    for column in ("target", "name"):
        key = cells.get(column)
        if key is None:
            continue
        target = by_key.get(key)
        if target is None:
            raise KpiError(unknown_target_message(key, targets))
        found.append(target)
    if not found:
        raise KpiError("no target: the target cell is empty")
    if len(found) == 2 and found[0] is not found[1]:
        raise KpiError(f"the target cell says {found[0].id} but the name cell says "
                       f"{found[1].id}")
    return found[0]


def _row_record(plan: Plan, target: Target, cells: dict[str, str], *, file: str, number: int,
                period: Period | None, by: str, source: str, now: dt.datetime,
                today: dt.date) -> Actual:
    text = cells.get("period")
    if text is not None:
        period = _sheet_period(text)
    elif period is None:
        raise KpiError("no period: fill the period cell, or give --period")
    value = cells.get("value")
    done = False
    if target.kind is Kind.MILESTONE and value is not None and value.lower() in DONE_WORDS:
        value, done = None, True
    elif target.kind is Kind.MILESTONE and value is None and "date" in cells:
        done = True
    elif value is None:
        raise KpiError("no value: the value cell is empty")
    date = parse_date(cells["date"]) if "date" in cells else None
    record = build_actual(plan, target, value=value, period=period, done=done,
                          date=date if done else None, by=cells.get("by", by),
                          note=cells.get("note", ""), source=cells.get("source", source),
                          correct=False, now=now, today=today)
    example = cells.get("example", "").lower() in YES_WORDS
    return record._replace(file=file, line=number, example=example)


def _sheet_period(text: str) -> Period:
    """A period cell: 2025-03 and its other spellings, or a date (Excel's 2025/3/1)."""
    try:
        return parse_period(text)
    except KpiError:
        pass
    try:
        return Period.of(parse_date(text))
    except KpiError:
        raise KpiError(f"cannot read period {text!r}: use YYYY-MM, 2025/3 or 2025Q1") from None


def statuses_after_import(plan: Plan, existing: Sequence[Actual], rows: Sequence[ImportRow]
                          ) -> dict[int, Evaluation]:
    """Each good row's target as the import leaves it at the end of the row's month."""
    from .evaluate import group_by_target, status_after

    written = [row.record for row in rows if row.writes and row.record]
    grouped = group_by_target([*existing, *written])
    return {row.number: status_after(plan, row.target, grouped[row.target.id], row.record.period)
            for row in rows if row.record and row.target}
