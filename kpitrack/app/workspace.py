"""Use cases about the workspace itself: opening it, checking it, writing a report into
it, creating one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from ..core.errors import Problem
from ..core.plausibility import plausibility
from ..workspace.files import write_report
from ..workspace.find import find_workspace
from ..workspace.init import init_workspace
from ..workspace.load import Unreadable, Workspace, load_workspace, open_workspace


def open_found(option: str | None, strict: bool = True) -> Workspace:
    """Find and read the workspace (-C, $KPITRACK_WORKSPACE, or the nearest). `strict`
    stops on its first error; otherwise only an error in targets.toml stops."""
    return open_workspace(find_workspace(option), strict)


class Checked(NamedTuple):
    """What `check` found, and how much it read."""

    problems: list[Problem]
    targets: int
    figures: int
    lang: str | None  # the plan's language, if the plan could be read


def check(option: str | None, today: dt.date) -> Checked:
    """Every problem in the files, then the implausible figures."""
    ws = load_workspace(find_workspace(option))
    if isinstance(ws, Unreadable):
        return Checked(list(ws.problems), 0, 0, None)
    problems = ws.problems + plausibility(ws.plan, ws.targets, ws.actuals, today)
    return Checked(problems, len(ws.targets), len(ws.actuals), ws.plan.lang)


def export(option: str | None, output: Path, data: bytes) -> None:
    """Write a finished report, never over the workspace's own files."""
    write_report(find_workspace(option), output, data)


def init(directory: Path, today: dt.date, source: Path | None, year: int | None,
         lang: str = "zh") -> Path:
    """A new workspace; its template's comments in `lang` (the --lang given to init)."""
    return init_workspace(directory, today.year, source, year, lang)
