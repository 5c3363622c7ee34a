"""A derived cache of the parsed workspace, in the style of beancount's pickle cache.

Three layers, all in `.kpitrack/cache/`:

- each file parsed: `targets.pickle`, and `actuals-2025-03.toml.pickle` for each
  month file, keyed by a BLAKE2 hash of exactly the bytes parsed (a month also by
  the hash of targets.toml, which its records are checked against). So after an
  `add` only that month file is parsed again;
- the last whole-workspace evaluation (`result.pickle`);
- the last few finished reports (`output.pickle`).

The last two are keyed by every input file's name, size, mtime_ns and hash. A file
replaced within the same second, or with the same mtime, still misses. Every key
also holds the kpitrack code itself, the Python version and the current folder
(which the file:line of messages are relative to). Any problem with the cache —
missing, corrupt, unwritable, from another version — means a normal parse.
Deleting the folder is always safe, and `KPITRACK_NO_CACHE=1` turns the cache off.
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

CACHE_FORMAT = 3  # 2: month records kept as columns; 3: an evaluation too
CACHE_DIR = "cache"
CACHE_FILE = "targets.pickle"  # the parsed targets.toml
MONTH_PREFIX = "actuals-"  # + the month file's name: its parsed records
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
    """The workspace, each file parsed afresh only if its bytes are not in the cache."""
    from . import store

    if os.environ.get(ENV_NO_CACHE):
        return store.load_workspace(root)
    try:
        context = (CACHE_FORMAT, sys.version, _code(), os.getcwd(), str(root))
    except OSError:
        return store.load_workspace(root)
    digests: dict[str, bytes] = {}

    def read_targets(root: Path, problems: list) -> tuple:
        path = root / layout.TARGETS_FILE
        data = store.read_bytes(path, problems)
        if data is None:
            return None, []
        digests[path.name] = layout.content_digest(data)
        return _parsed(root, cache_path(root), (context, digests[path.name]), problems,
                       lambda found: store.targets_from_bytes(data, store.display_path(path),
                                                              found))

    def read_month(path: Path, plan, targets: dict, problems: list) -> list:
        if store.month_period(path.name) is None:  # no records to keep: just the problem
            return store.read_actuals_file(path, plan, targets, problems)
        data = store.read_bytes(path, problems)
        if data is None:
            return []
        digests[path.name] = layout.content_digest(data)
        key = (context, digests[layout.TARGETS_FILE], path.name, digests[path.name])
        return _parsed(root, cache_path(root).with_name(f"{MONTH_PREFIX}{path.name}.pickle"),
                       key, problems,
                       lambda found: store.actuals_from_bytes(path, data, plan, targets, found),
                       _columns, _records)

    ws = store.load_workspace(root, read_targets, read_month)
    # `add` trusts what was parsed of a file while the file still hashes the same.
    ws.digests = digests
    return ws


def _parsed(root: Path, path: Path, key: tuple, problems: list, parse: Callable,
            pack: Callable = lambda value: value, unpack: Callable = lambda kept: kept):
    """`parse(found)` for one file's bytes, kept at `path` (as `pack(value)`) with the
    problems it found."""
    try:
        with path.open("rb") as handle:
            cached_key, (kept, found) = pickle.load(handle)
        if cached_key == key and isinstance(found, list):
            value = unpack(kept)
            problems.extend(found)
            return value
    except Exception:  # any unreadable cache is simply a miss
        pass
    found: list = []
    value = parse(found)
    problems.extend(found)
    _save(root, path, key, (pack(value), found))
    return value


def _columns(records: list) -> tuple:
    """A month's records kept field by field: pickled and read back in about a third
    of the time 8,000 named tuples take."""
    return tuple(zip(*records, strict=True))


def _records(columns: tuple) -> list:
    from .model import Actual

    return list(map(Actual._make, zip(*columns, strict=True)))


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
                   Result, compute, _packed_result, _unpacked_result)[0]


def _packed_result(result: Result) -> tuple:
    """An evaluation kept field by field, like a month's records: on 8,500 targets with
    their month-ends it pickles in a fifth of the time the objects take."""
    history = result.history
    months = [month for statuses in history.values() for month in statuses]
    return (result.plan, result.as_of, _columns(result.rows), len(result.rows), result.summary,
            tuple(history), tuple(map(len, history.values())), _columns(months))


def _unpacked_result(kept: tuple) -> Result:
    from itertools import accumulate

    from .model import Evaluation, MonthStatus, Result

    plan, as_of, rows, count, summary, ids, lengths, month_columns = kept
    evaluations = tuple(map(Evaluation._make, zip(*rows, strict=True))) if count else ()
    months = list(map(MonthStatus._make, zip(*month_columns, strict=True)))
    ends = list(accumulate(lengths))
    history = {target: tuple(months[end - length:end])
               for target, length, end in zip(ids, lengths, ends, strict=True)}
    return Result(plan, as_of, evaluations, summary, history)


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
            compute, pack: Callable = lambda value: value,
            unpack: Callable = lambda kept: kept) -> tuple:
    """The value stored under `key` at `path`, else `compute()` stored there.

    A computed value is kept only if the files still have the fingerprint they had
    before computing, so nothing that changed while reading is ever served. The
    second item says whether the value is known to match `files`.
    """
    try:
        with path.open("rb") as handle:
            cached_key, kept = pickle.load(handle)
        if cached_key == key:
            value = unpack(kept)
            if isinstance(value, kind):
                return value, True
    except Exception:  # any unreadable cache is simply a miss
        pass
    value = compute()
    trusted = fingerprint(root) == files
    if trusted:
        _save(root, path, key, pack(value))
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
