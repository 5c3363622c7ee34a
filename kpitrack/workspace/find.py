"""Finding the workspace, and how its paths are shown to a person."""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import KpiError
from ..i18n.base import LANGS
from ..i18n.messages import Msg
from .toml import TomlSyntaxError, decode, loads

TARGETS_FILE = "targets.toml"
ACTUALS_DIR = "actuals"
RESPONSES_DIR = "responses"
STATE_DIR = ".kpitrack"  # never committed: the write lock
# Every folder holding the workspace's own data: nothing kpitrack exports goes there.
DATA_DIRS = (ACTUALS_DIR, RESPONSES_DIR, STATE_DIR)
ENV_WORKSPACE = "KPITRACK_WORKSPACE"


def find_workspace(option: str | None, cwd: Path | None = None) -> Path:
    """-C/--workspace, then $KPITRACK_WORKSPACE, then the nearest folder with targets.toml."""
    explicit = option or os.environ.get(ENV_WORKSPACE)
    if explicit:
        root = Path(explicit).expanduser()
        if not root.exists():
            raise KpiError(Msg.NO_WORKSPACE_DIR(root=root))
        if not root.is_dir():
            raise KpiError(Msg.WORKSPACE_IS_FILE(root=root))
        if not (root / TARGETS_FILE).is_file():
            raise KpiError(Msg.NO_TARGETS_FILE(root=root))
        return root
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / TARGETS_FILE).is_file():
            return folder
    raise KpiError(Msg.NO_WORKSPACE_FOUND(here=here))


def peek_lang(option: str | None) -> str | None:
    """plan.lang of the workspace `option` finds (zh when the plan gives none), before the
    workspace is read; None when there is no readable workspace."""
    try:
        root = find_workspace(option)
        plan = loads(decode((root / TARGETS_FILE).read_bytes())).get("plan", {})
    except (KpiError, OSError, TomlSyntaxError, UnicodeDecodeError):
        return None
    lang = plan.get("lang", "zh") if isinstance(plan, dict) else "zh"
    return lang if lang in LANGS else "zh"


def display_path(path: Path) -> str:
    """A path as users should see it: relative to the current folder when inside it."""
    try:
        return str(path.parent.resolve().relative_to(Path.cwd().resolve()) / path.name)
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop
        return str(path)


def month_files(root: Path, folder: str = ACTUALS_DIR) -> list[Path]:
    """The month files of `folder` (actuals/, or responses/), in order."""
    where = root / folder
    if not where.is_dir():
        return []
    return sorted(p for p in where.iterdir()
                  if p.suffix == ".toml" and not p.name.startswith("."))


def month_file(root: Path, period: object, folder: str = ACTUALS_DIR) -> Path:
    """`actuals/2025-03.toml` (or `responses/…`) for a period."""
    return root / folder / f"{period}.toml"
