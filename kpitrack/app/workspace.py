"""Use cases about the workspace itself: opening it, the month a command is about,
writing a report into it."""

from __future__ import annotations

import datetime as dt
import os
import shlex
from pathlib import Path

from ..core.errors import KpiError
from ..core.period import Period
from ..core.recording import default_period
from ..core.typed import parse_period
from ..i18n.messages import Msg
from ..workspace.files import write_report
from ..workspace.find import find_workspace
from ..workspace.load import Workspace, open_workspace


def open_found(option: str | None, strict: bool = True, answers: bool = True) -> Workspace:
    """Find and read the workspace (-C, $KPITRACK_WORKSPACE, or the nearest). `strict`
    stops on its first error; otherwise only an error in targets.toml stops. Without
    `answers`, `responses/` is not read (a command about figures only)."""
    return open_workspace(find_workspace(option), strict, answers)


def export(option: str | None, output: Path, data: bytes) -> None:
    """Write a finished report, never over the workspace's own files."""
    write_report(find_workspace(option), output, data)


def period_asked(ws: Workspace, text: str | None, today: dt.date) -> Period:
    """--period as typed (a month written without its year is in the plan's year), else
    last month. Last month past the plan's end is the new year: the error
    gives the plan's last month as an example and the command that starts next year's
    workspace from this one."""
    period = parse_period(text, ws.plan) if text else default_period(today)
    last = ws.plan.last_period
    if period > last:
        year = last.year + 1
        new, here = next_year_folder(ws.root, last.year, year)
        said = Msg.PERIOD_AFTER_PLAN if text else Msg.DEFAULT_PERIOD_AFTER_PLAN
        raise KpiError(said(period=period, first=ws.plan.first_period, last=last,
                            year=year, new=new, here=here))
    if period < ws.plan.first_period:
        raise KpiError(Msg.PERIOD_BEFORE_PLAN(period=period, first=ws.plan.first_period,
                                              last=last))
    return period


def next_year_folder(root: Path, year: int, next_year: int) -> tuple[str, str]:
    """Where `init --from` would put next year's workspace (beside this one, its name
    with the year changed) and this one, as the current folder reaches them."""
    name = root.name.replace(str(year), str(next_year))
    if name == root.name:
        name = f"{root.name}-{next_year}"
    return _reached(root.parent / name), _reached(root)


def _reached(path: Path) -> str:
    try:
        shown = os.path.relpath(path, Path.cwd())
    except (ValueError, OSError):  # another drive, or no current folder
        shown = str(path)
    return shlex.quote(shown)
