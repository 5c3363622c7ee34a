"""Use cases that judge the workspace: the status report, one target's story, the red
items' histories.

The CLI parses its arguments, calls one function of `app`, and hands the result to a
renderer. These functions read and write through the workspace layer, compute through the
pure core, and return plain values; they print nothing and know nothing of click.
"""

from __future__ import annotations

import datetime as dt

from ..core.errors import KpiError
from ..core.evaluate import detail, evaluate, month_statuses, resolve_as_of, select
from ..core.model import AsOf, Detail, MonthStatus, Status
from ..core.records import group_by_target
from ..core.report import StatusReport, build
from ..core.typed import parse_month_or_date
from ..i18n.messages import Msg
from ..workspace.load import Workspace


def as_of(ws: Workspace, text: str | None, today: dt.date) -> AsOf:
    """--as-of as typed (a month, a date or `today`), else the latest month with figures."""
    if text is None:
        return resolve_as_of(ws.plan, ws.actuals)
    period, day = parse_month_or_date(text, ws.plan, today)
    if period < ws.plan.first_period:
        raise KpiError(Msg.AS_OF_BEFORE_PLAN(period=period, first=ws.plan.first_period))
    return resolve_as_of(ws.plan, ws.actuals, period, day)


def status_report(ws: Workspace, as_of_text: str | None, today: dt.date, *,
                  section: str | None = None, owner: str | None = None,
                  statuses: set[Status] | None = None) -> StatusReport:
    """Every target judged as of the month asked for, the rows asked for kept."""
    result = evaluate(ws.plan, ws.targets, ws.actuals, as_of(ws, as_of_text, today))
    return build(select(result, section=section, owner=owner, statuses=statuses), ws.responses)


def red_histories(ws: Workspace, report: StatusReport, limit: int | None = None
                  ) -> dict[str, tuple[MonthStatus, ...]]:
    """The month-end statuses from the plan's start of the red targets furthest behind,
    up to `limit` of them (the HTML report's month-by-month charts)."""
    figures = group_by_target(ws.actuals)
    red = sorted((r for r in report.rows if r.status is Status.RED),
                 key=lambda r: r.ev.gap or 0.0)[:limit]
    return {row.target.id: month_statuses(ws.plan, row.target, figures.get(row.target.id, ()),
                                          report.as_of)
            for row in red}


def target_detail(ws: Workspace, key: str, as_of_text: str | None, today: dt.date) -> Detail:
    """One target's story for `show`."""
    return detail(ws.plan, ws.target(key), ws.actuals, as_of(ws, as_of_text, today))
