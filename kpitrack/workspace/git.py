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
import shutil
import subprocess
import sys
from pathlib import Path

from ..core.errors import KpiError
from ..i18n.messages import Msg
from .files import atomic_write, create_new, link_target, read_file
from .find import display_path
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
    """Create `path` with `text`, or append `text` if `needle` is not in it yet; never
    through a link (that would write where the link points)."""
    if path.is_symlink():
        raise KpiError(Msg.WRITE_LINK_OUT(path=display_path(path), where=link_target(path)))
    if create_new(path, text):
        return
    old = read_file(path).decode("utf-8", errors="replace")
    if needle in old:
        return
    atomic_write(path, (old + ("" if old.endswith("\n") or not old else "\n") + text
                        ).encode("utf-8"))


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


# When the Python named in the driver no longer exists (a recreated environment, another
# computer), the shell says "not found" (exit 127, or 126 when it cannot run), and git's
# own line merge runs instead: a conflict with markers, never a silent loss.
_FALLBACK = ('; s=$?; [ "$s" -ge 126 ] || exit "$s"; '
             'git merge-file -L ours -L base -L theirs %A %O %B')


def driver_command(python: str | None = None) -> str:
    """This Python running kpitrack, so the driver works from any shell git runs in."""
    python = python or sys.executable
    return f"{shlex.quote(python)} -m kpitrack merge-driver %O %A %B %P{_FALLBACK}"


def _config(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(root), "config", "--local", *args],
                          capture_output=True, text=True, timeout=10, check=False)


def registered_driver(root: Path) -> str | None:
    """The driver command this clone's git config holds, or None."""
    try:
        found = _config(root, "--get", f"merge.{DRIVER}.driver").stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found or None


def register_merge_driver(root: Path) -> bool:
    """Name the driver in this clone's git config if the workspace asks for it.

    Best effort and quiet: no git, no repository or a read-only config leaves the
    clone with git's own merge. Returns whether the driver is registered now.
    """
    if not wants_driver(root) or not _in_git(root):
        return False
    command = driver_command()
    try:
        if registered_driver(root) == command:
            return True
        _config(root, f"merge.{DRIVER}.name", "kpitrack: month files merged record by record")
        return _config(root, f"merge.{DRIVER}.driver", command).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def stale_driver(root: Path) -> str | None:
    """The Python a registered driver names when it no longer exists, or None."""
    found = registered_driver(root) if wants_driver(root) and _in_git(root) else None
    if not found:
        return None
    try:
        python = shlex.split(found)[0]
    except (ValueError, IndexError):
        return found
    return None if Path(python).exists() or shutil.which(python) else python


def unmerged(root: Path) -> list[str]:
    """The workspace's files git left unmerged (a conflict not yet resolved), relative."""
    if not _in_git(root):
        return []
    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "-u", "-z", "--full-name",
                                 "--", "."], capture_output=True, timeout=10, check=False)
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    if listed.returncode != 0 or top.returncode != 0:
        return []
    base = Path(top.stdout.strip())
    names = {entry.split(b"\t", 1)[1].decode("utf-8", "replace")
             for entry in listed.stdout.split(b"\0") if b"\t" in entry}
    out = []
    for name in sorted(names):
        try:
            out.append(str((base / name).resolve().relative_to(root.resolve())))
        except ValueError:
            continue
    return out


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
