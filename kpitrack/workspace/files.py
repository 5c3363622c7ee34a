"""Writing files safely: the lock, atomic replacement, links, and where reports may go."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import KpiError
from ..i18n.messages import Msg
from .find import DATA_DIRS, STATE_DIR, TARGETS_FILE, display_path


def outside(root: Path, path: Path) -> bool:
    """Whether `path`, its links followed, leads out of the workspace."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        return True


def link_target(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return "itself"


def refuse_links(root: Path, path: Path) -> None:
    """A data file is written only inside the workspace, and never through a link
    (replacing it would turn the link into a file, or write where it points)."""
    for where in (path.parent, path):
        if where.is_symlink() and (where is path or outside(root, where)):
            raise KpiError(Msg.WRITE_LINK_OUT(path=display_path(where),
                                              where=link_target(where)))


# The largest file kpitrack reads: a month of 5,000 figures is about 1 MB.
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes; a folder, a pipe, a device or a file over `limit` is an
    error (reading a pipe would wait for ever)."""
    try:
        found = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise KpiError(Msg.LINK_LOOP(path=display_path(path))) from None
        raise
    if not stat.S_ISREG(found.st_mode):
        raise KpiError(Msg.NOT_A_FILE(path=display_path(path)))
    if found.st_size > limit:
        raise KpiError(Msg.FILE_TOO_LARGE(path=display_path(path), mb=found.st_size // 2**20,
                                          limit=limit // 2**20))
    return path.read_bytes()


def create_new(path: Path, text: str) -> bool:
    """Write `text` to `path` only if nothing is there, not even a link (a link is never
    written through). Whether the file was created."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return True


def ensure_state_dir(root: Path) -> Path:
    """`.kpitrack/`: the write lock, ignored by git, always safe to delete."""
    state = root / STATE_DIR
    if outside(root, state) or state.is_symlink():
        raise KpiError(Msg.WRITE_LINK_OUT(path=display_path(state), where=link_target(state)))
    state.mkdir(exist_ok=True)
    create_new(state / ".gitignore", "# derived state of kpitrack: safe to delete\n*\n")
    return state


@contextmanager
def workspace_lock(root: Path, timeout: float = 30.0) -> Iterator[None]:
    """A cross-process lock for writers; readers never take it."""
    # filelock takes 90 ms to import: only a command that writes needs it.
    from filelock import FileLock, Timeout

    state = ensure_state_dir(root)
    path = state / "write.lock"
    if path.is_symlink():  # the lock opens its file for writing: never through a link
        path.unlink()
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise KpiError(Msg.LOCKED(root=display_path(root))) from None
    try:
        yield
    finally:
        lock.release()


def staged_write(folder: Path, name: str, data: bytes, like: Path | None = None) -> Path:
    """`data` in a new temporary file of `folder`, flushed to disk, with the mode `like`
    (the file it will replace) has, or the one a new file gets."""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except OSError as exc:  # a read-only folder: name the file asked for
        exc.filename = str(like or folder / name)
        raise
    try:
        # mkstemp makes the file private (0600); give it the mode the file had, or the
        # one a new file gets, so colleagues sharing the folder can still read it.
        os.chmod(tmp, _mode_for(like or folder / name))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        # The error names the file the user asked for, not the temporary one (a full disk
        # names none).
        exc.filename = str(like or folder / name)
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: a reader sees old or new, never half."""
    tmp = staged_write(path.parent, path.name, data, path)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def is_workspace_data(root: Path, path: Path) -> bool:
    """The one rule for where a report may not go: targets.toml, or anywhere under a
    folder of the workspace that kpitrack or git keeps (actuals/, responses/, and any
    folder whose name begins with a dot: .kpitrack/, .git/)."""
    try:
        inside = path.relative_to(root.resolve())
    except ValueError:
        return False
    parts = inside.parts
    if not parts:
        return True
    return parts == (TARGETS_FILE,) or parts[0] in DATA_DIRS or \
        (parts[0].startswith(".") and len(parts) > 1)


def write_report(root: Path, path: Path, data: bytes) -> None:
    """Write an exported report atomically, and never over the workspace's own data."""
    shown = display_path(path)
    # An existing link is replaced itself, never the file it points to.
    if is_workspace_data(root, path.parent.resolve() / path.name):
        raise KpiError(Msg.OWN_DATA(path=shown))
    if path.is_dir() and not path.is_symlink():
        raise KpiError(Msg.IS_FOLDER(path=shown))
    if path.exists() and not path.is_symlink() and not path.is_file():
        # A device or a pipe (/dev/full, a FIFO) would be replaced by the atomic rename.
        raise KpiError(Msg.OUTPUT_NOT_A_FILE(path=shown))
    if not path.parent.is_dir():
        raise KpiError(Msg.NO_FOLDER(path=shown, folder=display_path(path.parent)))
    atomic_write(path, data)
