"""Use cases that look after the workspace: checking every file, creating a workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from ..core.errors import Problem
from ..core.plausibility import plausibility
from ..i18n.messages import Msg
from ..workspace.find import find_workspace
from ..workspace.git import register_merge_driver, stale_driver, unmerged
from ..workspace.init import init_workspace
from ..workspace.load import Unreadable, load_workspace


class Checked(NamedTuple):
    """What `check` found, and how much it read."""

    problems: list[Problem]
    targets: int
    figures: int
    lang: str | None  # the plan's language, if the plan could be read


def check(option: str | None, today: dt.date) -> Checked:
    """Every problem in the files, then the implausible figures."""
    root = find_workspace(option)
    ws = load_workspace(root)
    found = _git_problems(root)
    if isinstance(ws, Unreadable):
        return Checked(found + ws.problems, 0, 0, None)
    problems = found + ws.problems + plausibility(ws.plan, ws.targets, ws.actuals, today)
    return Checked(problems, len(ws.targets), len(ws.actuals), ws.plan.lang)


def _git_problems(root: Path) -> list[Problem]:
    """Files git left unmerged, and a merge driver that names a Python gone since (which
    `check` registers anew: it is this clone's git config, not the workspace's data)."""
    problems = [Problem("error", name, None, None, Msg.UNMERGED()) for name in unmerged(root)]
    python = stale_driver(root)
    if python is not None and register_merge_driver(root):
        problems.append(Problem("warning", ".git/config", None, None,
                                Msg.STALE_DRIVER(python=python)))
    return problems


def init(directory: Path, today: dt.date, source: Path | None, year: int | None,
         lang: str = "zh") -> Path:
    """A new workspace; its template's comments in `lang` (the --lang given to init)."""
    return init_workspace(directory, today.year, source, year, lang)
