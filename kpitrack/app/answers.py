"""Use cases of the supervision cycle that write: a unit's answer on a target, and a
filled reply form's answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from ..core.errors import KpiError
from ..core.evaluate import status_after
from ..core.model import Response, Status
from ..core.recording import check_period
from ..core.replies import AnswerRow, plan_answers
from ..core.typed import parse_date, parse_period
from ..i18n.base import Message
from ..i18n.messages import Msg
from ..i18n.words import status_term
from ..workspace import reply_form
from ..workspace.append import append_response, append_responses
from ..workspace.git import register_merge_driver
from ..workspace.load import Workspace
from ..workspace.reply_form import ReplyForm
from ..workspace.sheet import Sheet
from .workspace import period_asked


class Answered(NamedTuple):
    response: Response
    path: Path
    # The target is neither red nor yellow that month: recorded, and the office told so.
    not_behind: Message | None = None


def respond(ws: Workspace, key: str, *, reason: str, measures: str, by: str,
            period: str | None, due: str | None, now: dt.datetime,
            today: dt.date) -> Answered:
    """Record a unit's answer (its reason and its measures) on a target for a month."""
    target = ws.target(key)
    chosen = period_asked(ws, period, today)
    check_period(ws.plan, chosen, today)
    for name, text in (("reason", reason), ("measures", measures)):
        if not text.strip():
            raise KpiError(Msg.EMPTY_ANSWER(field=f"--{name}"))
    response = Response(target.id, chosen, reason.strip(), measures.strip(), by.strip(),
                        parse_date(due) if due else None, now)
    path = append_response(ws, response)
    register_merge_driver(ws.root)
    status = status_after(ws.plan, target, ws.figures_of(target), chosen).status
    if status in (Status.RED, Status.YELLOW):
        return Answered(response, path)
    return Answered(response, path, Msg.ANSWER_NOT_BEHIND(id=target.id, period=chosen,
                                                          status=status_term(status)))


def read_upload(file: Path, sheet: str | None) -> ReplyForm | Sheet:
    """The file `import` was given: a reply form (the units' answers) when its header is
    one, else a sheet of figures (`figures.import_sheet`)."""
    return reply_form.read_upload(file, sheet)


class AnswersImported(NamedTuple):
    """What importing a reply form would record (or recorded), row by row."""

    rows: list[AnswerRow]
    paths: list[Path]

    @property
    def bad(self) -> bool:
        return any(row.error for row in self.rows)


def import_answers(ws: Workspace, form: ReplyForm, *, dry_run: bool, period: str | None,
                   by: str, now: dt.datetime, today: dt.date) -> AnswersImported:
    """Every filled row recorded as `respond` records an answer; all written, or none."""
    if not any(row.kind == "data" for row in form.rows):
        raise KpiError(Msg.NO_REPLY_ROWS(file=form.file, row=form.header_row))
    rows = plan_answers(ws.plan, ws.targets, ws.actuals, ws.responses, form.rows,
                        period=parse_period(period, ws.plan) if period else None, by=by, now=now,
                        today=today)
    outcome = AnswersImported(rows, [])
    if outcome.bad or dry_run:
        return outcome
    written = [row.response for row in rows if row.writes and row.response]
    if written:
        outcome.paths.extend(append_responses(ws, written))
        register_merge_driver(ws.root)
    return outcome
