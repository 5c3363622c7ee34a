"""Working in git: the files `init` writes, the merge driver and its registration.

Several departments may commit to one repository. Month files only ever gain
records, so two clones that add figures to the same month are merged record by
record (`merge.merge_months`) by a merge driver that `.gitattributes` names:

    actuals/*.toml merge=kpitrack

git reads a driver's command from the clone's own `.git/config`, which is not
cloned, so every kpitrack command that writes figures registers it there when the
workspace asks for it in `.gitattributes` (as `git lfs install` does for LFS). A
clone that merges before kpitrack ever wrote in it falls back to git's line merge,
which may stop with a conflict but never merges silently wrong.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from .files import atomic_write
from .merge import merge_months
from .toml import TomlSyntaxError, loads

DRIVER = "kpitrack"
ATTRIBUTES = """\
# kpitrack: month files only gain records; merge two clones' records without conflict.
actuals/*.toml merge=kpitrack
responses/*.toml merge=kpitrack
"""
IGNORE = """\
# kpitrack's write lock
.kpitrack/
"""


def _add_lines(path: Path, text: str, needle: str) -> None:
    """Create `path` with `text`, or append `text` if `needle` is not in it yet."""
    if not path.exists():
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    old = path.read_text(encoding="utf-8", errors="replace")
    if needle in old:
        return
    with path.open("a", encoding="utf-8", newline="\n") as handle:
        handle.write(("" if old.endswith("\n") or not old else "\n") + text)


def write_git_files(root: Path) -> None:
    """`.gitattributes` (the merge driver) and `.gitignore` (the lock) in a new workspace."""
    _add_lines(root / ".gitattributes", ATTRIBUTES, f"merge={DRIVER}")
    _add_lines(root / ".gitignore", IGNORE, ".kpitrack")
    register_merge_driver(root)


def wants_driver(root: Path) -> bool:
    try:
        text = (root / ".gitattributes").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return f"merge={DRIVER}" in text


def _in_git(root: Path) -> bool:
    here = root.resolve()
    return any((folder / ".git").exists() for folder in (here, *here.parents))


def driver_command() -> str:
    """This Python running kpitrack, so the driver works from any shell git runs in."""
    return f"{shlex.quote(sys.executable)} -m kpitrack merge-driver %O %A %B %P"


def register_merge_driver(root: Path) -> bool:
    """Name the driver in this clone's git config if the workspace asks for it.

    Best effort and quiet: no git, no repository or a read-only config leaves the
    clone with git's own merge. Returns whether the driver is registered now.
    """
    if not wants_driver(root) or not _in_git(root):
        return False
    command = driver_command()

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(root), "config", "--local", *args],
                              capture_output=True, text=True, timeout=10, check=False)

    try:
        if git("--get", f"merge.{DRIVER}.driver").stdout.strip() == command:
            return True
        git(f"merge.{DRIVER}.name", "kpitrack: month files merged record by record")
        return git(f"merge.{DRIVER}.driver", command).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def run_merge_driver(base: Path, ours: Path, theirs: Path, name: str) -> int:
    """What git asks of a merge driver: the merge written to `ours`; 0 if clean.

    A true conflict goes to `git merge-file`, which writes the usual conflict
    markers into `ours` and tells git how many conflicts there are.
    """
    texts = []
    try:
        for path in (base, ours, theirs):
            texts.append(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        texts = []
    merged = merge_months(*texts) if texts else None
    if merged is not None:
        try:
            loads(merged)
        except TomlSyntaxError:
            merged = None
    if merged is None:
        conflicts = subprocess.run(["git", "merge-file", "-L", f"{name} (ours)", "-L", "base",
                                    "-L", f"{name} (theirs)", str(ours), str(base), str(theirs)],
                                   check=False).returncode
        return 0 if conflicts == 0 else 1
    bom = "\ufeff" if ours.read_bytes().startswith(b"\xef\xbb\xbf") else ""
    atomic_write(ours, (bom + merged).encode("utf-8"))
    return 0
