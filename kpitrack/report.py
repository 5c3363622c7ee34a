"""The report every format is drawn from: one typed row per target. Pure.

`status`, `export` (Markdown, CSV, the workbook, JSON) and the terminal table all draw
the same `StatusReport`, so they cannot disagree; JSON is one output among them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from . import trends
from .model import AsOf, Evaluation, MonthStatus, Plan, Result, Status, Target


class ReportRow(NamedTuple):
    """A target as a report shows it: its evaluation and what its recent months say."""

    ev: Evaluation
    previous: Status | None = None  # the status at the end of the month before
    change: str | None = None  # better | worse | changed (to or from no data) | None
    red_months: int = 0
    trend: tuple[float | None, ...] = ()

    @property
    def target(self) -> Target:
        return self.ev.target

    @property
    def status(self) -> Status:
        return self.ev.status

    @classmethod
    def of(cls, ev: Evaluation, months: Sequence[MonthStatus] = ()) -> ReportRow:
        if not months:
            return cls(ev)
        return cls(ev, trends.previous_status(months), trends.change(months),
                   trends.red_streak(months), tuple(trends.recent(months)))


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


def build(result: Result) -> StatusReport:
    rows = tuple(ReportRow.of(ev, result.history.get(ev.target.id, ())) for ev in result.rows)
    return StatusReport(result.plan, result.as_of, rows, result.summary)
