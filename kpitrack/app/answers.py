"""Use cases of the supervision cycle that write: a unit's answer on a target, and a
filled reply form's answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..core.errors import KpiError
from ..core.evaluate import status_after
from ..core.model import Response, Status
from ..core.period import Period
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
from ..workspace.reply_form import ReplyForm, Upload
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


def read_upload(file: Path, sheet: str | None) -> Upload:
    """The file `import` was given: its reply forms (the units' answers) when its header
    is one, else its sheets of figures (`figures.import_sheets`); without `sheet`, every
    worksheet of a workbook."""
    return reply_form.read_upload(file, sheet)


class AnswersImported(NamedTuple):
    """What importing reply forms would record (or recorded), form by form, row by row."""

    forms: list[tuple[ReplyForm, list[AnswerRow]]]
    paths: list[Path]

    @property
    def rows(self) -> list[AnswerRow]:
        return [row for _, rows in self.forms for row in rows]

    @property
    def bad(self) -> bool:
        return any(row.error for row in self.rows)


def import_answers(ws: Workspace, forms: Sequence[ReplyForm], *, dry_run: bool,
                   period: str | None, by: str, now: dt.datetime,
                   today: dt.date) -> AnswersImported:
    """Every filled row of every form recorded as `respond` records an answer; all
    written, or none."""
    if not any(row.kind == "data" for form in forms for row in form.rows):
        raise KpiError(Msg.NO_REPLY_ROWS(file=forms[0].where, row=forms[0].header_row))
    chosen = parse_period(period, ws.plan) if period else None
    outcome = AnswersImported([], [])
    seen: dict[tuple[str, Period], tuple[ReplyForm, int]] = {}
    for form in forms:
        rows = plan_answers(ws.plan, ws.targets, ws.actuals, ws.responses, form.rows,
                            period=chosen, by=by, now=now, today=today)
        outcome.forms.append((form, [_once(row, form, seen) for row in rows]))
    if outcome.bad or dry_run:
        return outcome
    written = [row.response for row in outcome.rows if row.writes and row.response]
    if written:
        outcome.paths.extend(append_responses(ws, written))
        register_merge_driver(ws.root)
    return outcome


def _once(row: AnswerRow, form: ReplyForm, seen: dict[tuple[str, Period],
                                                      tuple[ReplyForm, int]]) -> AnswerRow:
    """A row answering an item another worksheet has answered already is an error."""
    if row.response is None:
        return row
    key = (row.response.target, row.response.period)
    if key not in seen:
        seen[key] = (form, row.number)
        return row
    earlier, number = seen[key]
    return row._replace(response=None, action=None, note=None, error=Msg.REPLY_SHEET_REPEATS(
        sheet=earlier.sheet, row=number, id=key[0], period=key[1]))
