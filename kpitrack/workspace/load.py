"""Reading a workspace whole: its plan and targets, every figure and answer, every problem.

Each file is checked (`targets_file`, `figures_file`, `answers_file`), keeping every
valid item and every problem, so `check` can list them all and the other commands can
stop on the first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import KpiError, Problem
from ..core.model import Actual, Plan, Response, Target
from ..core.recording import TargetIndex
from ..i18n.messages import Msg
from ..i18n.reasons import os_reason
from .answers_file import responses_from_bytes
from .figures_file import actuals_from_bytes
from .files import link_target, outside, read_file, workspace_lock
from .find import ACTUALS_DIR, RESPONSES_DIR, TARGETS_FILE, display_path, month_files
from .journal import finish, pending
from .month_files import month_period
from .targets_file import targets_from_bytes


@dataclass
class Workspace:
    """A workspace read whole. It always has a plan: a targets.toml that gives none is
    `Unreadable`."""

    root: Path
    plan: Plan
    targets: list[Target] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # The bytes each month file was parsed from, by name, kept in memory for this
    # process only: `add` trusts what it parsed while the file still holds those bytes.
    sources: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def by_id(self) -> dict[str, Target]:
        return {t.id: t for t in self.targets}

    def figures_of(self, target: Target) -> list[Actual]:
        """The target's own records, in the order they were read."""
        return [a for a in self.actuals if a.target == target.id]

    def target(self, key: str) -> Target:
        """A target by id, else by its exact name, or a KpiError with a suggestion."""
        return self._index().find(key)

    def _index(self) -> TargetIndex:
        """The targets indexed once (import looks up one a row), again if they changed."""
        cached = self.__dict__.get("_target_index")
        if cached is None or cached[0] is not self.targets or cached[1] != len(self.targets):
            cached = self.__dict__["_target_index"] = (self.targets, len(self.targets),
                                                       TargetIndex(self.targets))
        return cached[2]

    def raise_first_error(self, only_targets_file: bool = False) -> None:
        """Stop on the first error; `only_targets_file` ignores the month files."""
        raise_first(self.errors if not only_targets_file else
                    [p for p in self.errors
                     if p.file == display_path(self.root / TARGETS_FILE)])


@dataclass
class Unreadable:
    """A workspace whose targets.toml gives no plan: only its problems can be told."""

    root: Path
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def raise_first(errors: list[Problem]) -> None:
    """A KpiError for the first error, saying how many more there are."""
    if errors:
        first = errors[0]
        msg = Msg.AND_MORE(msg=first.msg, n=len(errors) - 1) if len(errors) > 1 else first.msg
        raise KpiError(msg, first.file, first.line, first.target)


def read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    """A regular file's bytes, or None with the problem noted."""
    try:
        return read_file(path)
    except KpiError as exc:
        problems.append(Problem("error", display_path(path), None, None, exc.msg))
    except OSError as exc:
        problems.append(Problem("error", display_path(path), None, None,
                                Msg.CANNOT_READ(why=os_reason(exc))))
    return None


def load_targets(root: Path, problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    path = root / TARGETS_FILE
    data = read_bytes(path, problems)
    if data is None:
        return None, []
    return targets_from_bytes(data, display_path(path), problems)


def load_workspace(root: Path, answers: bool = True) -> Workspace | Unreadable:
    """Read everything, keeping every valid record and every problem found; without
    `answers`, everything but the answers (`responses/`)."""
    problems: list[Problem] = []
    if pending(root):  # a write that was stopped half-way is finished first
        with workspace_lock(root):
            problems += [Problem("warning", path, None, None, Msg.WRITE_FINISHED())
                         for path in finish(root)]
    plan, targets = load_targets(root, problems)
    if plan is None:
        return Unreadable(root, problems)
    ws = Workspace(root, plan, targets, problems=problems)
    by_id = ws.by_id
    folder = root / ACTUALS_DIR
    if folder.exists() and not folder.is_dir():
        ws.problems.append(Problem("error", display_path(folder), None, None,
                                   Msg.ACTUALS_IS_FILE()))
    if outside(root, folder):
        ws.problems.append(Problem("error", display_path(folder), None, None,
                                   Msg.ACTUALS_LINK_OUT(where=link_target(folder))))
        return ws
    for path, data in _month_bytes(ws, ACTUALS_DIR):
        ws.sources[path.name] = data
        ws.actuals.extend(actuals_from_bytes(path.name, display_path(path), data, plan,
                                             by_id, ws.problems))
    for path, data in _month_bytes(ws, RESPONSES_DIR) if answers else ():
        ws.responses.extend(responses_from_bytes(path.name, display_path(path), data, plan,
                                                 by_id, ws.problems))
    return ws


def _month_bytes(ws: Workspace, folder: str) -> Iterator[tuple[Path, bytes]]:
    """Each month file of `folder` that lies inside the workspace and can be read."""
    for path in month_files(ws.root, folder):
        if outside(ws.root, path):
            ws.problems.append(Problem("error", display_path(path), None, None,
                                       Msg.FILE_LINK_OUT(where=link_target(path))))
            continue
        data = b"" if month_period(path.name) is None else read_bytes(path, ws.problems)
        if data is not None:
            yield path, data


def open_workspace(root: Path, strict: bool = True, answers: bool = True) -> Workspace:
    """Read the workspace at `root`. `strict` stops on its first error; otherwise only an
    error in targets.toml stops (a broken month file must not stop a department
    recording its own figure). Without `answers`, `responses/` is not read: a command
    about figures only (`sheet`, `remind`) neither waits for the answers nor stops on one
    that is broken (`check` and `status` say so)."""
    ws = load_workspace(root, answers)
    if isinstance(ws, Unreadable):
        raise_first(ws.errors)
        raise KpiError(Msg.MISSING_PLAN(), display_path(root / TARGETS_FILE))
    ws.raise_first_error(only_targets_file=not strict)
    return ws
