"""Use cases that record figures: `add`, `withdraw` and `import`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..core.errors import KpiError
from ..core.evaluate import status_after
from ..core.model import Actual, Evaluation, Target
from ..core.period import Period
from ..core.plausibility import figure_warnings
from ..core.recording import (
    SAME,
    ImportRow,
    build_actual,
    check_period,
    plan_import,
    statuses_after_import,
)
from ..core.records import effective_records, group_by_target
from ..core.typed import parse_date, parse_period
from ..i18n.base import Message
from ..i18n.messages import Msg
from ..workspace.append import append_actual, append_actuals
from ..workspace.find import display_path
from ..workspace.git import register_merge_driver
from ..workspace.load import Workspace
from ..workspace.sheet import Sheet
from .workspace import period_asked


class Recorded(NamedTuple):
    """What `add` (or `withdraw`) wrote, where, how it leaves the target, and what looked
    wrong about the figure."""

    target: Target
    record: Actual
    path: Path
    after: Evaluation
    problems_elsewhere: int
    warnings: list[Message]
    replaced: Actual | None = None  # for a withdrawal: the figure taken back


def plausibility(ws: Workspace, target: Target, record: Actual,
                 figures: Sequence[Actual]) -> list[Message]:
    """What looks wrong about a new figure, against `figures`, the target's so far."""
    earlier = effective_records(target, figures).values()
    return figure_warnings(ws.plan, target, record, list(earlier))


def _append(ws: Workspace, record: Actual, target: Target, warnings: list[Message],
            replaced: Actual | None = None) -> Recorded:
    path = append_actual(ws, record, record.correction)
    register_merge_driver(ws.root)
    after = status_after(ws.plan, target, [*ws.figures_of(target), record], record.period)
    return Recorded(target, record, path, after, len(ws.errors), warnings, replaced)


def record_figure(ws: Workspace, key: str, value: str | None, *, period: str | None,
                  done: bool, date: str | None, by: str, note: str, source: str,
                  correct: bool, strict: bool, now: dt.datetime, today: dt.date) -> Recorded:
    """Check what was typed by the rules of `core.recording`, append it, and judge the
    target. A figure that looks wrong is recorded with warnings, or with `strict` refused."""
    target = ws.target(key)
    record = build_actual(
        ws.plan, target, value=value,
        period=period_asked(ws, period, today), done=done,
        date=parse_date(date) if date else None, by=by, note=note, source=source,
        correct=correct, now=now, today=today)
    warnings = plausibility(ws, target, record, ws.figures_of(target))
    if warnings and strict:
        raise KpiError(Msg.STRICT_REFUSED(msg=warnings[0]))
    return _append(ws, record, target, warnings)


def withdraw_figure(ws: Workspace, key: str, *, period: str, by: str, note: str,
                    now: dt.datetime, today: dt.date) -> Recorded:
    """Append a record that takes back the figure in force for `period`."""
    target = ws.target(key)
    chosen = parse_period(period, ws.plan)
    check_period(ws.plan, chosen, today)
    replaced = effective_records(target, ws.figures_of(target)).get(chosen)
    if replaced is None:
        raise KpiError(Msg.NOTHING_TO_WITHDRAW(id=target.id, period=chosen))
    record = Actual(target=target.id, period=chosen, recorded=now, by=by, note=note,
                    withdrawn=True, withdraws=replaced.uid)
    return _append(ws, record, target, [], replaced)


class Imported(NamedTuple):
    """What `import` would record (or recorded), row by row, and what looked wrong."""

    rows: list[ImportRow]
    after: dict[int, Evaluation]
    paths: list[Path]
    warnings: dict[int, list[Message]]

    @property
    def bad(self) -> bool:
        return any(row.error for row in self.rows)


class SheetsImported(NamedTuple):
    """What importing a workbook's sheets of figures would record (or recorded), sheet
    by sheet; `paths`: the month files written, for them all."""

    sheets: list[tuple[Sheet, Imported]]
    paths: list[Path]

    @property
    def rows(self) -> list[ImportRow]:
        return [row for _, done in self.sheets for row in done.rows]

    @property
    def bad(self) -> bool:
        return any(row.error for row in self.rows)


def import_sheets(ws: Workspace, file: Path, sheets: Sequence[Sheet], *, dry_run: bool,
                  correct: bool, strict: bool, period: str | None, by: str,
                  now: dt.datetime, today: dt.date) -> SheetsImported:
    """Every row of every sheet (a workbook's worksheets of figures) checked by the rules
    `add` follows; all written, or none. With `strict`, a row whose figure looks wrong is
    a bad row; a target's month given on two worksheets is one too."""
    if not any(row.kind == "data" for data in sheets for row in data.rows):
        shown = display_path(file)
        first = sheets[0]
        where = shown if first.sheet is None else Msg.IN_SHEET(file=shown, sheet=first.sheet)
        raise KpiError(Msg.NO_ROWS(file=where, row=first.header_row))
    chosen = parse_period(period, ws.plan) if period else None
    outcome = SheetsImported([], [])
    seen: dict[tuple[str, Period], tuple[Sheet, int]] = {}
    for data in sheets:
        rows = plan_import(ws.plan, ws.targets, ws.actuals, data.rows, file=file.name,
                           correct=correct, period=chosen, by=by, source=file.name, now=now,
                           today=today)
        rows = [_once(row, data, seen) for row in rows]
        warnings = _row_warnings(ws, rows)
        if strict:
            rows = [row._replace(error=Msg.STRICT_REFUSED(msg=warnings[row.number][0]))
                    if warnings.get(row.number) else row for row in rows]
            warnings = {}
        after = statuses_after_import(ws.plan, ws.actuals, rows)
        outcome.sheets.append((data, Imported(rows, after, [], warnings)))
    if outcome.bad or dry_run:
        return outcome
    outcome.paths.extend(append_actuals(
        ws, [row.record for row in outcome.rows if row.writes and row.record]))
    if outcome.paths:
        register_merge_driver(ws.root)
    return outcome


def _once(row: ImportRow, data: Sheet,
          seen: dict[tuple[str, Period], tuple[Sheet, int]]) -> ImportRow:
    """A row giving a target's month that another worksheet gives already is an error."""
    if not (row.writes or row.action == SAME) or row.record is None or row.target is None:
        return row
    key = (row.target.id, row.record.period)
    earlier = seen.setdefault(key, (data, row.number))
    if earlier[0] is data:
        return row
    return row._replace(record=None, action=None, error=Msg.SHEET_ROW_REPEATS(
        sheet=earlier[0].sheet, row=earlier[1], id=key[0], period=key[1]))


def _row_warnings(ws: Workspace, rows: list[ImportRow]) -> dict[int, list[Message]]:
    """Each written row's warnings, against the figures before it, the sheet's included."""
    written = group_by_target(row.record for row in rows if row.writes and row.record)
    figures = group_by_target(ws.actuals)
    out = {}
    for row in rows:
        if row.writes and row.record and row.target:
            tid, period = row.target.id, row.record.period
            before = [r for r in written.get(tid, ()) if r.period < period]
            found = plausibility(ws, row.target, row.record, figures.get(tid, []) + before)
            if found:
                out[row.number] = found
    return out
