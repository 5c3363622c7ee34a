"""Use case of the supervision cycle that writes: a unit's answer on a target."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from ..core.errors import KpiError
from ..core.evaluate import status_after
from ..core.model import Response, Status
from ..core.recording import check_period
from ..core.typed import parse_date
from ..i18n.base import Message
from ..i18n.messages import Msg
from ..i18n.words import status_term
from ..workspace.append import append_response
from ..workspace.git import register_merge_driver
from ..workspace.load import Workspace
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
