"""Where a workspace's files are, without reading them.

Finding the workspace, listing its month files and hashing bytes. Kept small:
every command starts here, and a report served from the cache needs nothing more.
"""

from __future__ import annotations

import os
from pathlib import Path

from .basics import KpiError

TARGETS_FILE = "targets.toml"
ACTUALS_DIR = "actuals"
STATE_DIR = ".kpitrack"  # derived, never committed: the lock and the cache
ENV_WORKSPACE = "KPITRACK_WORKSPACE"


def find_workspace(option: str | None, cwd: Path | None = None) -> Path:
    """-C/--workspace, then $KPITRACK_WORKSPACE, then the nearest folder with targets.toml."""
    explicit = option or os.environ.get(ENV_WORKSPACE)
    if explicit:
        root = Path(explicit).expanduser()
        if not root.exists():
            raise KpiError(f"workspace {root} does not exist")
        if not root.is_dir():
            raise KpiError(f"workspace {root} is a file, not a folder")
        if not (root / TARGETS_FILE).is_file():
            raise KpiError(f"{root} holds no {TARGETS_FILE}: run `kpitrack init {root}` first")
        return root
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / TARGETS_FILE).is_file():
            return folder
    raise KpiError(f"no {TARGETS_FILE} in {here} or its parents: use -C DIR or `kpitrack init`")


def month_files(root: Path) -> list[Path]:
    folder = root / ACTUALS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix == ".toml" and not p.name.startswith("."))
