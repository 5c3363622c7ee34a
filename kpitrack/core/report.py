"""The report every format is drawn from: one typed row per target. Pure.

`status`, `export` (Markdown, CSV, the workbook, JSON) and the terminal table all draw
the same `StatusReport`, so they cannot disagree; JSON is one output among them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from . import trends
from .collection import is_due
from .model import AsOf, Evaluation, Kind, MonthStatus, Plan, Response, Result, Status, Target
from .period import Period


@dataclass(frozen=True, slots=True)
class ReportRow:
    """A target as a report shows it: its evaluation and what its recent months say."""

    ev: Evaluation
    previous: Status | None = None  # the status at the end of the month before
    change: str | None = None  # better | worse | changed (to or from no data) | None
    red_months: int = 0
    trend: tuple[float | None, ...] = ()
    supervision: str | None = None  # new | continuing | closed (see trends.supervision)
    answer: Response | None = None  # the unit's latest answer while the target is watched
    # Red at least `[supervision] interview_after` months running: an interview (约谈).
    interview: bool = False

    @property
    def target(self) -> Target:
        return self.ev.target

    @property
    def status(self) -> Status:
        return self.ev.status

    @classmethod
    def of(cls, ev: Evaluation, months: Sequence[MonthStatus] = (),
           answers: Mapping[Period, Response] | None = None,
           interview_after: int | None = None) -> ReportRow:
        """`answers`: the target's answer in force for each month (`latest_answers`)."""
        if not months:
            return cls(ev)
        red = trends.red_streak(months)
        # An answer counts from the month the red run began (or this month).
        last = months[-1].period
        since = last.shifted(-(max(red, 1) - 1))
        found = [a for period, a in (answers or {}).items() if since <= period <= last]
        answer = max(found, key=lambda a: a.period) if found else None
        return cls(ev, trends.previous_status(months), trends.change(months), red,
                   tuple(trends.recent(months)), trends.supervision(months), answer,
                   interview_after is not None and red >= interview_after)

    @property
    def supervision_level(self) -> str | None:
        """`interview` for a red item red long enough to call its unit in, `supervise`
        for another red item, None off the list."""
        if self.status is not Status.RED:
            return None
        return "interview" if self.interview else "supervise"


@dataclass(frozen=True, slots=True)
class StatusReport:
    plan: Plan
    as_of: AsOf
    rows: tuple[ReportRow, ...]
    summary: dict[Status, int]
    of_total: int | None = None  # with a filter: how many targets the plan holds

    @property
    def has_examples(self) -> bool:
        """Whether an illustrative figure counts anywhere in the report."""
        return any(row.ev.example for row in self.rows)

    def late(self) -> list[ReportRow]:
        """The late reports: targets whose latest figure is out of date, the
        longest late first."""
        stale = [row for row in self.rows if row.ev.stale and row.ev.period is not None]
        return sorted(stale, key=lambda row: row.ev.period.ordinal if row.ev.period else 0)

    def missing(self) -> dict[str, list[ReportRow]]:
        """The figures due for the as-of month that have not come, by unit in
        the order units first appear in the plan: the same figures `remind` asks for."""
        period = self.as_of.period
        grouped: dict[str, list[ReportRow]] = {}
        for row in self.rows:
            ev = row.ev
            if ev.period == period or not is_due(self.plan, row.target, period):
                continue
            if row.target.kind is Kind.MILESTONE and ev.done:
                continue
            grouped.setdefault(row.target.owner, []).append(row)
        return grouped

    def by_section(self) -> dict[str, list[ReportRow]]:
        """Rows grouped by section, sections in order of first appearance."""
        grouped: dict[str, list[ReportRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.target.section, []).append(row)
        return grouped


def latest_answers(responses: Iterable[Response]) -> dict[str, dict[Period, Response]]:
    """The answer in force for each target and month: the newest `recorded`, then the one
    later in its file (two answers within the same second)."""
    earliest = dt.datetime.min.replace(tzinfo=dt.UTC)
    chosen: dict[str, dict[Period, Response]] = {}
    for response in sorted(responses, key=lambda r: (r.recorded or earliest, r.seq, r.by)):
        chosen.setdefault(response.target, {})[response.period] = response
    return chosen


def build(result: Result, responses: Iterable[Response] = ()) -> StatusReport:
    """The report's rows: each target with its history and its unit's latest answer."""
    answers = latest_answers(responses)
    after = result.plan.supervision.interview_after
    rows = tuple(ReportRow.of(ev, result.history.get(ev.target.id, ()),
                              answers.get(ev.target.id), after)
                 for ev in result.rows)
    return StatusReport(result.plan, result.as_of, rows, result.summary, result.of_total)
