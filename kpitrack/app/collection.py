"""Use cases of the monthly collection: each unit's sheet, and who still owes figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.collection import Reminder, UnitSheet, collection_sheets, reminder
from ..core.errors import KpiError
from ..core.period import Period
from ..core.recording import default_period
from ..i18n.messages import Msg
from ..workspace.find import display_path
from ..workspace.load import Workspace
from .workspace import period_asked


def collection_period(ws: Workspace, text: str | None, today: dt.date) -> Period:
    """--period as typed, else the month being collected: the previous calendar month,
    kept within the plan (in January the plan's last December is still owed)."""
    if text is not None:
        return period_asked(ws, text, today)  # outside the plan: says how to go on
    period = default_period(today)
    if period < ws.plan.first_period:
        raise KpiError(Msg.NOTHING_OWED_YET(first=ws.plan.first_period))
    return min(period, ws.plan.last_period)


def owner_of(ws: Workspace, text: str | None) -> str | None:
    """The unit `text` names (its exact name, or a part of it that only one unit holds)."""
    if text is None:
        return None
    known = sorted({t.owner for t in ws.targets if t.owner})
    if text in known:
        return text
    found = [name for name in known if text.casefold() in name.casefold()]
    if len(found) != 1:
        raise KpiError(Msg.NO_OWNER(text=text, known=", ".join(known) or Msg.NOTHING()))
    return found[0]


def remind(ws: Workspace, period_text: str | None, owner_text: str | None,
           today: dt.date) -> Reminder:
    """Each unit's figures still missing for the month, due by `[supervision] report_day`."""
    period = collection_period(ws, period_text, today)
    return reminder(ws.plan, ws.targets, ws.actuals, period, today, owner_of(ws, owner_text))


def sheets(ws: Workspace, period_text: str | None, owner_text: str | None,
           today: dt.date) -> tuple[Period, list[UnitSheet]]:
    """Each unit's collection sheet for the month (one unit with `owner_text`)."""
    period = collection_period(ws, period_text, today)
    owner = owner_of(ws, owner_text)
    found = collection_sheets(ws.plan, ws.targets, ws.actuals, period, owner)
    if not found:
        raise KpiError(Msg.NOTHING_TO_COLLECT(period=period, owner=owner or Msg.ANY_UNIT()))
    return period, found


def make_folder(path: Path) -> None:
    """The folder for one file per unit: made if its parent exists."""
    if path.is_dir():
        return
    if not path.parent.is_dir():
        raise KpiError(Msg.NO_FOLDER(path=display_path(path), folder=display_path(path.parent)))
    path.mkdir()


def sheet_file_name(owner: str, period: Period) -> str:
    """One unit's sheet in a folder: `UNIT-2025-11.xlsx`, with no character a file system
    refuses."""
    safe_name = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in owner)
    return f"{safe_name.strip(' .') or 'unassigned'}-{period}.xlsx"
