"""Use cases about the workspace itself: opening it, the month a command is about,
writing a report into it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.period import Period
from ..core.recording import default_period
from ..core.typed import parse_period
from ..workspace.files import write_report
from ..workspace.find import find_workspace
from ..workspace.load import Workspace, open_workspace


def open_found(option: str | None, strict: bool = True) -> Workspace:
    """Find and read the workspace (-C, $KPITRACK_WORKSPACE, or the nearest). `strict`
    stops on its first error; otherwise only an error in targets.toml stops."""
    return open_workspace(find_workspace(option), strict)


def export(option: str | None, output: Path, data: bytes) -> None:
    """Write a finished report, never over the workspace's own files."""
    write_report(find_workspace(option), output, data)


def period_asked(ws: Workspace, text: str | None, today: dt.date) -> Period:
    """--period as typed (a month written without its year is in the plan's year), else
    last month."""
    if text:
        return parse_period(text, ws.plan)
    return default_period(today)
