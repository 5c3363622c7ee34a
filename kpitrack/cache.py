"""A derived cache of the parsed workspace, in the style of beancount's pickle cache.

Parsing TOML in pure Python is the slowest part of a report on a large workspace,
so the parsed result is kept in `.kpitrack/cache/workspace.pickle`. It is keyed by
every input file's name, size, mtime_ns and a BLAKE2 hash of its bytes (so a file
replaced within the same second, or with the same mtime, still misses), by the
kpitrack code itself, the Python version and the current folder (which the
file:line of messages are relative to). Any problem with the cache — missing,
corrupt, unwritable, from another version — means a normal parse. Deleting the
folder is always safe, and `KPITRACK_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Only the layout at start-up: a report served from the cache reads no workspace,
# so it need not import the reader (store) or the model's dataclasses.
from . import layout

if TYPE_CHECKING:
    from . import store
    from .model import Result

CACHE_FORMAT = 1
CACHE_DIR = "cache"
CACHE_FILE = "workspace.pickle"
RESULT_FILE = "result.pickle"
OUTPUT_FILE = "output.pickle"
OUTPUT_SLOTS = 6  # finished reports kept for the same files: formats, selections, widths
ENV_NO_CACHE = "KPITRACK_NO_CACHE"
_CODE = Path(__file__).resolve().parent


def cache_path(root: Path) -> Path:
    return root / layout.STATE_DIR / CACHE_DIR / CACHE_FILE


def fingerprint(root: Path) -> tuple | None:
    """Everything the parsed workspace depends on; None if a file cannot be read."""
    folder = root / layout.ACTUALS_DIR
    files = [root / layout.TARGETS_FILE, *layout.month_files(root)]
    entries = []
    try:
        for path in files:
            data = path.read_bytes()
            stat = path.stat()
            entries.append((path.name, stat.st_size, stat.st_mtime_ns,
                            layout.content_digest(data)))
        code = _code()
    except OSError:
        return None
    return (CACHE_FORMAT, sys.version, code, os.getcwd(), str(root), folder.is_dir(),
            folder.exists(), tuple(entries))


def _code() -> tuple:
    """kpitrack's own source files, renderers included, so new code computes afresh."""
    stamps = []
    for path in sorted(_CODE.rglob("*.py")):
        stat = path.stat()
        stamps.append((str(path.relative_to(_CODE)), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def load(root: Path) -> store.Workspace:
    """The workspace, from the cache when its key still matches, else parsed afresh."""
    from . import store

    key = None if os.environ.get(ENV_NO_CACHE) else fingerprint(root)
    if key is None:
        return store.load_workspace(root)
    ws, trusted = _cached(root, cache_path(root), key, key, store.Workspace,
                          lambda: store.load_workspace(root))
    if trusted:  # `add` relies on these hashes describing exactly what was parsed
        ws.fingerprint = key
        ws.digests = {name: digest for name, _size, _mtime, digest in key[-1]}
    return ws


def result(root: Path, extra: tuple, compute: Callable[[], Result]) -> Result:
    """A whole-workspace evaluation, kept beside the parsed files.

    Keyed by the files' fingerprint and `extra` (the --as-of asked for, and the day
    when it is relative), so any edit, another as-of, or new code computes afresh.
    A hit needs neither the parse nor the figures: only the files' hashes.
    """
    from .model import Result

    files = None if os.environ.get(ENV_NO_CACHE) else fingerprint(root)
    if files is None:
        return compute()
    return _cached(root, cache_path(root).with_name(RESULT_FILE), files, (files, extra),
                   Result, compute)[0]


def output(root: Path, extra: tuple, compute: Callable[[], tuple]) -> tuple:
    """A finished report (its text, and what else the command needs), kept for re-use.

    Keyed by the files' fingerprint and `extra`: every option that shapes the report
    and, for a drawn table, what rich decided about the output (`render.console.
    profile`). A hit reads neither the workspace nor the evaluation, only the hashes.
    The last few reports for the same files are kept side by side.
    """
    files = None if os.environ.get(ENV_NO_CACHE) else fingerprint(root)
    if files is None:
        return compute()
    path = cache_path(root).with_name(OUTPUT_FILE)
    entries: dict = {}
    try:
        with path.open("rb") as handle:
            cached_files, cached = pickle.load(handle)
        if cached_files == files and isinstance(cached, dict):
            entries = cached
            if isinstance(entries.get(extra), tuple):
                return entries[extra]
    except Exception:  # any unreadable cache is simply a miss
        entries = {}
    value = compute()
    if fingerprint(root) == files:
        kept = list(entries.items())[-(OUTPUT_SLOTS - 1):]
        _save(root, path, files, {**dict(kept), extra: value})
    return value


def _cached(root: Path, path: Path, files: tuple, key: tuple, kind: type,
            compute) -> tuple:
    """The value stored under `key` at `path`, else `compute()` stored there.

    A computed value is kept only if the files still have the fingerprint they had
    before computing, so nothing that changed while reading is ever served. The
    second item says whether the value is known to match `files`.
    """
    try:
        with path.open("rb") as handle:
            cached_key, value = pickle.load(handle)
        if cached_key == key and isinstance(value, kind):
            return value, True
    except Exception:  # any unreadable cache is simply a miss
        pass
    value = compute()
    trusted = fingerprint(root) == files
    if trusted:
        _save(root, path, key, value)
    return value, trusted


def _save(root: Path, path: Path, key: tuple, value: object) -> None:
    """Best effort: a read-only or full disk must not stop a report."""
    from . import store

    try:
        store.ensure_state_dir(root)
        path.parent.mkdir(exist_ok=True)
        store.atomic_write(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL),
                           durable=False)
    except (OSError, pickle.PicklingError):
        pass
