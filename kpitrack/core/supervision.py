"""The supervision cycle's readings of a report: the units side by side (the league
table) and each unit's notice. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Status
from .report import ReportRow, StatusReport


@dataclass(frozen=True, slots=True)
class OwnerRow:
    """A responsible unit's targets, by colour, for the league table."""  # 晾晒

    owner: str  # "" for targets with no owner (未指定)
    counts: dict[Status, int]
    total: int
    on_track: float | None  # % of its targets with data that are blue or green
    rank: int
    missing: int = 0  # figures due for the as-of month that have not come


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
    missing = {owner: len(rows) for owner, rows in report.missing().items()}
    return [OwnerRow(*u, rank, missing.get(u[0], 0))
            for rank, u in enumerate(unranked, start=1)]


@dataclass(frozen=True, slots=True)
class Notice:
    """A supervision notice for one unit: its red items (new and continuing) first, then
    its yellow ones as warnings, and the day its answer is due."""  # 督办通知单

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
