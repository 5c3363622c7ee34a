"""The report every format is drawn from: one typed row per target. Pure.

`status`, `export` (Markdown, CSV, the workbook, JSON) and the terminal table all draw
the same `StatusReport`, so they cannot disagree; JSON is one output among them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from . import trends
from .model import (
    AsOf,
    Evaluation,
    MonthStatus,
    Period,
    Plan,
    Response,
    Result,
    Status,
    Target,
)


class ReportRow(NamedTuple):
    """A target as a report shows it: its evaluation and what its recent months say."""

    ev: Evaluation
    previous: Status | None = None  # the status at the end of the month before
    change: str | None = None  # better | worse | changed (to or from no data) | None
    red_months: int = 0
    trend: tuple[float | None, ...] = ()
    supervision: str | None = None  # new | continuing | closed (see trends.supervision)
    answer: Response | None = None  # the unit's latest answer while the target is watched

    @property
    def target(self) -> Target:
        return self.ev.target

    @property
    def status(self) -> Status:
        return self.ev.status

    @classmethod
    def of(cls, ev: Evaluation, months: Sequence[MonthStatus] = (),
           answers: Mapping[tuple[str, Period], Response] | None = None) -> ReportRow:
        if not months:
            return cls(ev)
        red = trends.red_streak(months)
        # An answer counts from the month the red run began (or this month).
        since = months[-1].period + -(max(red, 1) - 1)
        found = [a for (tid, period), a in (answers or {}).items()
                 if tid == ev.target.id and since <= period <= months[-1].period]
        answer = max(found, key=lambda a: a.period) if found else None
        return cls(ev, trends.previous_status(months), trends.change(months), red,
                   tuple(trends.recent(months)), trends.supervision(months), answer)


class StatusReport(NamedTuple):
    plan: Plan
    as_of: AsOf
    rows: tuple[ReportRow, ...]
    summary: dict[Status, int]

    @property
    def has_examples(self) -> bool:
        """Whether an illustrative figure counts anywhere in the report."""
        return any(row.ev.example for row in self.rows)

    def by_section(self) -> dict[str, list[ReportRow]]:
        """Rows grouped by section, sections in order of first appearance."""
        grouped: dict[str, list[ReportRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.target.section, []).append(row)
        return grouped


def build(result: Result, responses: Sequence[Response] = ()) -> StatusReport:
    """The report's rows: each target with its history and its unit's latest answer."""
    from .responses import latest_answers

    answers = latest_answers(list(responses))
    rows = tuple(ReportRow.of(ev, result.history.get(ev.target.id, ()), answers)
                 for ev in result.rows)
    return StatusReport(result.plan, result.as_of, rows, result.summary)


class OwnerRow(NamedTuple):
    """A responsible unit's targets, by colour, for the league table (晾晒)."""

    owner: str  # "" for targets with no owner (未指定)
    counts: dict[Status, int]
    total: int
    on_track: float | None  # % of its targets with data that are blue or green
    rank: int


def league(report: StatusReport) -> list[OwnerRow]:
    """Units best first: the share on track, then fewer red, then the name."""
    grouped: dict[str, list[ReportRow]] = {}
    for row in report.rows:
        grouped.setdefault(row.target.owner, []).append(row)
    unranked = []
    for owner, rows in grouped.items():
        counts = {s: sum(1 for r in rows if r.status is s) for s in Status}
        with_data = len(rows) - counts[Status.NONE]
        on_track = 100.0 * (counts[Status.BLUE] + counts[Status.GREEN]) / with_data \
            if with_data else None
        unranked.append((owner, counts, len(rows), on_track))
    unranked.sort(key=lambda u: (u[3] is None, -(u[3] or 0.0), u[1][Status.RED], u[0] == "",
                                 u[0]))
    return [OwnerRow(*u, rank) for rank, u in enumerate(unranked, start=1)]


class Notice(NamedTuple):
    """A 督办通知单 for one unit: its red items (new and continuing) first, then its yellow
    ones as 预警提醒, and the day its answer is due."""

    owner: str
    red: list[ReportRow]
    yellow: list[ReportRow]
    reply_by: dt.date


def reply_by(report: StatusReport) -> dt.date:
    """The as-of month's last day plus `[supervision] reply_days`."""
    return report.as_of.period.last_day + dt.timedelta(
        days=report.plan.supervision.reply_days)


def notices(report: StatusReport, every_unit: bool = False) -> list[Notice]:
    """One notice per unit with red or yellow targets (or, with `every_unit`, per unit in
    the report), units in the league table's order."""
    by_owner: dict[str, list[ReportRow]] = {}
    for row in report.rows:
        by_owner.setdefault(row.target.owner, []).append(row)
    out = []
    for unit in league(report):
        rows = by_owner[unit.owner]
        red = sorted((r for r in rows if r.status is Status.RED), key=lambda r: r.ev.gap or 0.0)
        yellow = sorted((r for r in rows if r.status is Status.YELLOW),
                        key=lambda r: r.ev.gap or 0.0)
        if red or yellow or every_unit:
            out.append(Notice(unit.owner, red, yellow, reply_by(report)))
    return out
