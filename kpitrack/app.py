"""Use cases: what each command does, between parsing its arguments and drawing its output.

`cli.py` parses, calls one function here, and hands the result to a renderer. These
functions read and write through `store`, compute through the pure core, and return
plain values; they print nothing and know nothing of click.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from . import store
from .catalogue import Message, Msg
from .model import (
    Actual,
    AsOf,
    Detail,
    Evaluation,
    KpiError,
    Problem,
    Response,
    Status,
    Target,
)
from .report import StatusReport


def open_workspace(option: str | None, strict: bool = True) -> store.Workspace:
    """Find and read the workspace. `strict` stops on its first error; otherwise only an
    error in targets.toml stops (a broken month file must not stop a department
    recording its own figure)."""
    ws = store.load_workspace(store.find_workspace(option))
    ws.raise_first_error(only_targets_file=not strict)
    return ws


def as_of(ws: store.Workspace, text: str | None, today: dt.date) -> AsOf:
    """--as-of as typed (a month, a date or `today`), else the latest month with figures."""
    from .evaluate import resolve_as_of
    from .parse import parse_month_or_date

    assert ws.plan is not None
    if text is None:
        return resolve_as_of(ws.plan, ws.actuals)
    period, day = parse_month_or_date(text, today)
    if period < ws.plan.first_period:
        raise KpiError(Msg.AS_OF_BEFORE_PLAN(period=period, first=ws.plan.first_period))
    return resolve_as_of(ws.plan, ws.actuals, period, day)


def status_report(ws: store.Workspace, as_of_text: str | None, today: dt.date, *,
                  section: str | None = None, owner: str | None = None,
                  statuses: set[Status] | None = None) -> StatusReport:
    """Every target judged as of the month asked for, the rows asked for kept."""
    from .evaluate import evaluate, select
    from .report import build

    result = evaluate(ws.plan, ws.targets, ws.actuals, as_of(ws, as_of_text, today))
    return build(select(result, section=section, owner=owner, statuses=statuses), ws.responses)


def red_histories(ws: store.Workspace, report: StatusReport) -> dict[str, tuple]:
    """Each red target's month-end statuses from the plan's start (the HTML report's
    month-by-month charts)."""
    from .evaluate import group_by_target, month_statuses

    figures = group_by_target(ws.actuals)
    return {row.target.id: month_statuses(ws.plan, row.target, figures.get(row.target.id, ()),
                                          report.as_of)
            for row in report.rows if row.status is Status.RED}


def target_detail(ws: store.Workspace, key: str, as_of_text: str | None,
                  today: dt.date) -> Detail:
    """One target's story for `show`."""
    from .evaluate import detail

    return detail(ws.plan, ws.target(key), ws.actuals, as_of(ws, as_of_text, today))


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


def _figures_of(ws: store.Workspace, target: Target) -> list[Actual]:
    return [a for a in ws.actuals if a.target == target.id]


def plausibility(ws: store.Workspace, target: Target, record: Actual,
                 others: Sequence[Actual] = ()) -> list[Message]:
    """What looks wrong about a new figure, against the target's figures so far."""
    from .checks import figure_warnings
    from .evaluate import effective_records

    earlier = effective_records(target, _figures_of(ws, target) + list(others)).values()
    return figure_warnings(ws.plan, target, record, list(earlier))


def _append(ws: store.Workspace, record: Actual, target: Target, warnings: list[Message],
            replaced: Actual | None = None) -> Recorded:
    from .evaluate import status_after
    from .vcs import register_merge_driver

    path = store.append_actual(ws, record, record.correction)
    register_merge_driver(ws.root)
    after = status_after(ws.plan, target, [*_figures_of(ws, target), record],
                         record.period)
    return Recorded(target, record, path, after, len(ws.errors), warnings, replaced)


def record_figure(ws: store.Workspace, key: str, value: str | None, *, period: str | None,
                  done: bool, date: str | None, by: str, note: str, source: str,
                  correct: bool, strict: bool, now: dt.datetime, today: dt.date) -> Recorded:
    """Check what was typed by the rules of `entry`, append it, and judge the target.
    A figure that looks wrong is recorded with warnings, or with `strict` refused."""
    from .entry import build_actual, default_period
    from .parse import parse_date, parse_period

    target = ws.target(key)
    record = build_actual(
        ws.plan, target, value=value,
        period=parse_period(period) if period else default_period(today), done=done,
        date=parse_date(date) if date else None, by=by, note=note, source=source,
        correct=correct, now=now, today=today)
    warnings = plausibility(ws, target, record)
    if warnings and strict:
        raise KpiError(Msg.STRICT_REFUSED(msg=warnings[0]))
    return _append(ws, record, target, warnings)


def withdraw_figure(ws: store.Workspace, key: str, *, period: str, by: str, note: str,
                    now: dt.datetime, today: dt.date) -> Recorded:
    """Append a record that takes back the figure in force for `period`."""
    from .entry import check_period
    from .evaluate import effective_records
    from .parse import parse_period

    target = ws.target(key)
    chosen = parse_period(period)
    check_period(ws.plan, chosen, today)
    replaced = effective_records(target, _figures_of(ws, target)).get(chosen)
    if replaced is None:
        raise KpiError(Msg.NOTHING_TO_WITHDRAW(id=target.id, period=chosen))
    record = Actual(target=target.id, period=chosen, recorded=now, by=by, note=note,
                    withdrawn=True)
    return _append(ws, record, target, [], replaced)


def respond(ws: store.Workspace, key: str, *, reason: str, measures: str, by: str,
            period: str | None, due: str | None, now: dt.datetime,
            today: dt.date) -> tuple[Response, Path]:
    """Record a unit's answer (情况说明 and 整改措施) on a target for a month."""
    from .entry import check_period, default_period
    from .parse import parse_date, parse_period
    from .vcs import register_merge_driver

    target = ws.target(key)
    chosen = parse_period(period) if period else default_period(today)
    check_period(ws.plan, chosen, today)
    for name, text in (("reason", reason), ("measures", measures)):
        if not text.strip():
            raise KpiError(Msg.EMPTY_ANSWER(field=f"--{name}"))
    response = Response(target.id, chosen, reason.strip(), measures.strip(), by.strip(),
                        parse_date(due) if due else None, now)
    path = store.append_response(ws, response)
    register_merge_driver(ws.root)
    return response, path


class Imported(NamedTuple):
    """What `import` would record (or recorded), row by row, and what looked wrong."""

    rows: list
    after: dict[int, Evaluation]
    paths: list[Path]
    warnings: dict[int, list[Message]]

    @property
    def bad(self) -> bool:
        return any(row.error for row in self.rows)


def import_sheet(ws: store.Workspace, file: Path, *, sheet: str | None, dry_run: bool,
                 correct: bool, strict: bool, period: str | None, by: str, now: dt.datetime,
                 today: dt.date) -> Imported:
    """Every row checked by the rules `add` follows; all written, or none. With `strict`,
    a row whose figure looks wrong is a bad row."""
    from .entry import plan_import, statuses_after_import
    from .parse import parse_period
    from .vcs import register_merge_driver

    data = store.read_sheet(file, sheet)
    if not any(row.kind == "data" for row in data.rows):
        raise KpiError(Msg.NO_ROWS(file=store.display_path(file), row=data.header_row))
    rows = plan_import(ws.plan, ws.targets, ws.actuals, data.rows, file=file.name,
                       correct=correct, period=parse_period(period) if period else None, by=by,
                       source=file.name, now=now, today=today)
    warnings = _row_warnings(ws, rows)
    if strict:
        rows = [row._replace(error=Msg.STRICT_REFUSED(msg=warnings[row.number][0]))
                if warnings.get(row.number) else row for row in rows]
        warnings = {}
    outcome = Imported(rows, statuses_after_import(ws.plan, ws.actuals, rows), [], warnings)
    if outcome.bad or dry_run:
        return outcome
    outcome.paths.extend(store.append_actuals(
        ws, [row.record for row in rows if row.writes and row.record]))
    if outcome.paths:
        register_merge_driver(ws.root)
    return outcome


def _row_warnings(ws: store.Workspace, rows: list) -> dict[int, list[Message]]:
    """Each written row's warnings, against the figures before it, the sheet's included."""
    written = [row.record for row in rows if row.writes and row.record]
    out = {}
    for row in rows:
        if row.writes and row.record and row.target:
            found = plausibility(ws, row.target, row.record,
                                 [r for r in written if r.target == row.target.id
                                  and r.period < row.record.period])
            if found:
                out[row.number] = found
    return out


def check(ws: store.Workspace, today: dt.date) -> list[Problem]:
    """Every problem in the files, then the implausible figures."""
    from .checks import plausibility

    problems = list(ws.problems)
    if ws.plan is not None:
        problems += plausibility(ws.plan, ws.targets, ws.actuals, today)
    return problems


def export(option: str | None, output: Path, data: bytes) -> None:
    """Write a finished report, never over the workspace's own files."""
    store.write_report(store.find_workspace(option), output, data)


def init(directory: Path, today: dt.date, source: Path | None, year: int | None) -> Path:
    from .workspace_init import init_workspace

    return init_workspace(directory, today.year, source, year)
