"""Writing several month files all or none, whatever stops the process.

An import that spans months replaces several files. Each new file is first written whole
to `.kpitrack/tmp/` (ignored by git, so `git add actuals` never takes a half-done
write); then a journal naming every file is written and renamed into place, the moment
the write is decided; then each file is renamed over its month file, and the journal is
deleted. A process killed before the journal is in place changed nothing; one killed
after it is finished by the next command that reads or writes the workspace, which
rolls the journal forward. While the files are being renamed, Ctrl-C, SIGTERM and SIGHUP
wait until the last one is in place.

The journal is read back, so it is checked as data: every entry must be a month file of
`actuals/` or `responses/` and a staged file of `.kpitrack/tmp/`; anything else is ignored
and removed.
"""

from __future__ import annotations

import json
import os
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .files import ensure_state_dir, fsync_dir, staged_write
from .find import STATE_DIR

JOURNAL = "journal.json"
STAGING = "tmp"
_MONTH = re.compile(r"^(?:actuals|responses)/\d{4}-\d{2}\.toml$")
_STAGED = re.compile(r"^[.A-Za-z0-9_-]+\.tmp$")
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                 if hasattr(signal, name))


def _paths(root: Path) -> tuple[Path, Path]:
    state = root / STATE_DIR
    return state / JOURNAL, state / STAGING


def pending(root: Path) -> bool:
    """Whether an interrupted write waits to be finished (one stat)."""
    return _paths(root)[0].exists()


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP arrive only once the block is done (POSIX)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def write_months(root: Path, writes: list[tuple[Path, bytes]]) -> None:
    """Replace each (path, new bytes) of `writes`, all or none. Takes no lock: the
    caller holds the workspace's."""
    if not writes:
        return
    state = ensure_state_dir(root)
    journal, staging = _paths(root)
    staging.mkdir(exist_ok=True)
    entries, staged_files = [], []
    try:
        for path, data in writes:
            path.parent.mkdir(exist_ok=True)
            staged = staged_write(staging, path.name, data, path)
            staged_files.append(staged)
            entries.append({"path": path.relative_to(root).as_posix(), "staged": staged.name})
    except BaseException:  # not decided yet: nothing was replaced, and nothing is left
        for staged in staged_files:
            staged.unlink(missing_ok=True)
        raise
    with _signals_held():
        staged_journal = staged_write(staging, JOURNAL, json.dumps(entries).encode("utf-8"))
        os.replace(staged_journal, journal)  # the write is decided here
        fsync_dir(state)
        _roll_forward(root, entries)


def _roll_forward(root: Path, entries: list[dict[str, str]]) -> list[str]:
    """Rename each staged file into place, then drop the journal; the paths written."""
    journal, staging = _paths(root)
    done = []
    for entry in entries:
        staged = staging / entry["staged"]
        if staged.exists():
            target = root / entry["path"]
            os.replace(staged, target)
            fsync_dir(target.parent)
            done.append(entry["path"])
    journal.unlink(missing_ok=True)
    fsync_dir(journal.parent)
    return done


def _valid(entries: object) -> list[dict[str, str]]:
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if isinstance(entry, dict)
            and isinstance(entry.get("path"), str) and _MONTH.match(entry["path"])
            and isinstance(entry.get("staged"), str) and _STAGED.match(entry["staged"])]


def finish(root: Path) -> list[str]:
    """Roll an interrupted write forward, under the caller's lock; the month files it
    wrote. Staged files no journal names (a write killed before it was decided) go."""
    journal, staging = _paths(root)
    done: list[str] = []
    if journal.exists() and not journal.is_symlink():
        try:
            entries = _valid(json.loads(journal.read_bytes()))
        except (OSError, ValueError):
            entries = []
        with _signals_held():
            done = _roll_forward(root, entries)
    journal.unlink(missing_ok=True)
    if staging.is_dir() and not staging.is_symlink():
        for leftover in staging.iterdir():
            if leftover.is_file() and _STAGED.match(leftover.name):
                leftover.unlink(missing_ok=True)
    return done

