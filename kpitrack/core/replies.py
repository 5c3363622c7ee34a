"""What each row of a filled reply form would record: the unit's answer
on an item, by the rules `respond` follows. Pure.

A row whose reason, measures and date are all empty is skipped (the unit has no answer on
that item yet); a row with a reason and no measures, or the other way round, is an error
that says what to fill. An answer identical to the one on record for that target and
month is skipped, so a form can be imported twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from ..i18n.base import Message
from ..i18n.messages import Msg
from ..i18n.words import status_term
from .errors import KpiError
from .evaluate import status_after
from .model import Actual, Plan, Response, Status, Target
from .period import Period
from .recording import (
    BLANK_ROW,
    UNFILLED_ROW,
    SheetLine,
    TargetIndex,
    check_period,
    row_target,
)
from .records import group_by_target
from .report import latest_answers
from .typed import parse_date, parse_period

NEW_ANSWER, SAME_ANSWER = "new_answer", "same_answer"


class AnswerRow(NamedTuple):
    """One row of a reply form and what importing it would do."""

    number: int
    cells: dict[str, str]
    target: Target | None = None
    response: Response | None = None
    action: str | None = None  # new_answer | same_answer | unfilled | blank
    error: Message | None = None
    # The target is neither red nor yellow that month: recorded, and the office told so.
    note: Message | None = None
    # The name cell differs from the name of the target the id names: imported by the id.
    renamed: Message | None = None

    @property
    def writes(self) -> bool:
        return self.response is not None and self.action == NEW_ANSWER


def _same(a: Response, b: Response) -> bool:
    return (a.reason, a.measures, a.by, a.due) == (b.reason, b.measures, b.by, b.due)


def _check_filled(cells: dict[str, str]) -> None:
    reason, measures = "reason" in cells, "measures" in cells
    if reason and not measures:
        raise KpiError(Msg.REPLY_NEEDS_MEASURES())
    if measures and not reason:
        raise KpiError(Msg.REPLY_NEEDS_REASON())
    if not reason and not measures:
        raise KpiError(Msg.REPLY_DUE_ONLY())


def _period(cells: dict[str, str], period: Period | None, plan: Plan) -> Period:
    if "period" in cells:
        return parse_period(cells["period"], plan)
    if period is None:
        raise KpiError(Msg.NO_PERIOD_CELL())
    return period


def _not_behind(plan: Plan, target: Target, figures: Sequence[Actual],
                period: Period) -> Message | None:
    status = status_after(plan, target, figures, period).status
    if status in (Status.RED, Status.YELLOW):
        return None
    return Msg.ANSWER_NOT_BEHIND(id=target.id, period=period, status=status_term(status))


def plan_answers(plan: Plan, targets: Sequence[Target], actuals: Sequence[Actual],
                 responses: Sequence[Response], rows: Sequence[SheetLine], *,
                 period: Period | None, by: str, now: dt.datetime,
                 today: dt.date) -> list[AnswerRow]:
    """What each row of a reply form would record, as `respond` records an answer.

    `period` and `by` fill a row that has no period or unit of its own.
    """
    index = TargetIndex(targets)
    figures = group_by_target(actuals)
    on_record = latest_answers(responses)
    seen: dict[tuple[str, Period], int] = {}
    planned = []
    for row in rows:
        cells = row.cells
        if row.kind != "data":
            planned.append(AnswerRow(row.number, cells, action=BLANK_ROW))
            continue
        if not {"reason", "measures", "due"} & cells.keys():
            planned.append(AnswerRow(row.number, cells, action=UNFILLED_ROW))
            continue
        target, renamed = None, None
        try:
            target, renamed = row_target(cells, index)
            _check_filled(cells)
            chosen = _period(cells, period, plan)
            check_period(plan, chosen, today)
            due = parse_date(cells["due"]) if "due" in cells else None
            key = (target.id, chosen)
            if key in seen:
                raise KpiError(Msg.REPLY_ROW_REPEATS(row=seen[key], id=target.id,
                                                     period=chosen))
            seen[key] = row.number
        except KpiError as exc:
            planned.append(AnswerRow(row.number, cells, target, error=exc.msg, renamed=renamed))
            continue
        response = Response(target.id, chosen, cells["reason"], cells["measures"],
                            cells.get("by", by).strip(), due, now)
        last = on_record.get(target.id, {}).get(chosen)
        action = SAME_ANSWER if last is not None and _same(last, response) else NEW_ANSWER
        note = _not_behind(plan, target, figures.get(target.id, []), chosen)
        planned.append(AnswerRow(row.number, cells, target, response, action, note=note,
                                 renamed=renamed))
    return planned
