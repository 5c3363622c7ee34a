"""The workspace on disk: finding it, reading it whole, and every write to it.

Reading checks each file through `schema` (targets.toml) and `records` (month files),
keeping every valid item and every problem, so `check` can list them all and the
other commands can stop on the first. Appends are rendered with `tomlkit` and
written atomically under a cross-process lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import toml_read
from .catalogue import Msg, OsReason
from .entry import figure_action, unknown_target_message
from .evaluate import effective_records
from .model import Actual, KpiError, Period, Plan, Problem, Response, Target
from .records import actuals_from_bytes, month_period
from .responses import RESPONSES_DIR, responses_from_bytes
from .schema import SCHEMA, parse_toml_bytes, plan_and_targets

TARGETS_FILE = "targets.toml"
ACTUALS_DIR = "actuals"
STATE_DIR = ".kpitrack"  # never committed: the write lock
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


def month_files(root: Path, folder: str = ACTUALS_DIR) -> list[Path]:
    """The month files of `folder` (actuals/, or responses/), in order."""
    where = root / folder
    if not where.is_dir():
        return []
    return sorted(p for p in where.iterdir()
                  if p.suffix == ".toml" and not p.name.startswith("."))


# --------------------------------------------------------------------------- finding


def peek_lang(option: str | None) -> str:
    """plan.lang of the workspace `option` finds, for wording an error; zh when unknown."""
    try:
        root = find_workspace(option)
        text = (root / TARGETS_FILE).read_bytes().decode("utf-8-sig")
        lang = toml_read.loads(text).get("plan", {}).get("lang", "zh")
    except (KpiError, OSError, toml_read.TOMLDecodeError, UnicodeDecodeError, AttributeError):
        return "zh"
    return lang if lang in ("zh", "en") else "zh"


def display_path(path: Path) -> str:
    """A path as users should see it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


# --------------------------------------------------------------------------- reading


@dataclass
class Workspace:
    root: Path
    plan: Plan | None = None
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

    def target(self, key: str) -> Target:
        """A target by id or by its exact name, or a KpiError with a suggestion."""
        for target in self.targets:
            if key in (target.id, target.name):
                return target
        raise KpiError(unknown_target_message(key, self.targets))

    def raise_first_error(self, only_targets_file: bool = False) -> None:
        """Stop on the first error; `only_targets_file` ignores the month files."""
        errors = self.errors
        if only_targets_file:
            errors = [p for p in errors if p.file == display_path(self.root / TARGETS_FILE)]
        if errors:
            first = errors[0]
            msg = Msg.AND_MORE(msg=first.msg, n=len(errors) - 1) if len(errors) > 1 else first.msg
            raise KpiError(msg, first.file, first.line, first.target)


def read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    """A file's bytes, or None with the problem noted."""
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.append(Problem("error", display_path(path), None, None,
                                Msg.CANNOT_READ(why=OsReason(exc.strerror or exc))))
        return None


def load_targets(root: Path, problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    path = root / TARGETS_FILE
    data = read_bytes(path, problems)
    if data is None:
        return None, []
    shown = display_path(path)
    parsed, lines = parse_toml_bytes(data, shown, problems)
    return plan_and_targets(parsed, lines, shown, problems)


def load_workspace(root: Path) -> Workspace:
    """Read everything, keeping every valid record and every problem found."""
    ws = Workspace(root)
    ws.plan, ws.targets = load_targets(root, ws.problems)
    if ws.plan is None:
        return ws
    by_id = {t.id: t for t in ws.targets}
    folder = root / ACTUALS_DIR
    if folder.exists() and not folder.is_dir():
        ws.problems.append(Problem("error", display_path(folder), None, None,
                                   Msg.ACTUALS_IS_FILE()))
    if outside(root, folder):
        ws.problems.append(Problem("error", display_path(folder), None, None,
                                   Msg.ACTUALS_LINK_OUT(where=_link_target(folder))))
        return ws
    for path, data in _month_bytes(ws, ACTUALS_DIR):
        ws.sources[path.name] = data
        ws.actuals.extend(actuals_from_bytes(path.name, display_path(path), data, ws.plan,
                                              by_id, ws.problems))
    for path, data in _month_bytes(ws, RESPONSES_DIR):
        ws.responses.extend(responses_from_bytes(path.name, display_path(path), data, ws.plan,
                                                 by_id, ws.problems))
    return ws


def _month_bytes(ws: Workspace, folder: str) -> Iterator[tuple[Path, bytes]]:
    """Each month file of `folder` that lies inside the workspace and can be read."""
    for path in month_files(ws.root, folder):
        if outside(ws.root, path):
            ws.problems.append(Problem("error", display_path(path), None, None,
                                       Msg.FILE_LINK_OUT(where=_link_target(path))))
            continue
        data = b"" if month_period(path.name) is None else read_bytes(path, ws.problems)
        if data is not None:
            yield path, data


# --------------------------------------------------------------------------- writing


def outside(root: Path, path: Path) -> bool:
    """Whether `path`, its links followed, leads out of the workspace."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except OSError:  # a link loop
        return True


def _refuse_links(root: Path, path: Path) -> None:
    """A month file is written only inside the workspace, and never through a link
    (replacing it would turn the link into a file, or write where it points)."""
    for where in (path.parent, path):
        if where.is_symlink() and (where is path or outside(root, where)):
            raise KpiError(Msg.WRITE_LINK_OUT(path=display_path(where),
                                              where=_link_target(where)))


def _link_target(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return "itself"


def ensure_state_dir(root: Path) -> Path:
    """`.kpitrack/`: the write lock, ignored by git, always safe to delete."""
    state = root / STATE_DIR
    if outside(root, state):
        raise KpiError(Msg.WRITE_LINK_OUT(path=display_path(state), where=_link_target(state)))
    state.mkdir(exist_ok=True)
    ignore = state / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# derived state of kpitrack: safe to delete\n*\n", encoding="utf-8")
    return state


@contextmanager
def workspace_lock(root: Path, timeout: float = 30.0) -> Iterator[None]:
    """A cross-process lock for writers; readers never take it."""
    from filelock import FileLock, Timeout

    state = ensure_state_dir(root)
    lock = FileLock(str(state / "write.lock"))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise KpiError(Msg.LOCKED(root=display_path(root))) from None
    try:
        yield
    finally:
        lock.release()


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: a reader sees old or new, never half."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); give it the mode the file had, or the
        # one a new file gets, so colleagues sharing the folder can still read it.
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_report(root: Path, path: Path, data: bytes) -> None:
    """Write an exported report atomically, and never over the workspace's own data."""
    shown = display_path(path)
    # An existing link is replaced itself, never the file it points to.
    resolved = path.parent.resolve() / path.name
    protected = ((root / TARGETS_FILE).resolve(), (root / ACTUALS_DIR).resolve(),
                 (root / STATE_DIR).resolve())
    if resolved == protected[0] or any(p == resolved or p in resolved.parents
                                       for p in protected[1:]):
        raise KpiError(Msg.OWN_DATA(path=shown))
    if path.is_dir() and not path.is_symlink():
        raise KpiError(Msg.IS_FOLDER(path=shown))
    if not path.parent.is_dir():
        raise KpiError(Msg.NO_FOLDER(path=shown, folder=display_path(path.parent)))
    atomic_write(path, data)


def read_sheet(path: Path, sheet_name: str | None = None):
    """A department's .csv or .xlsx sheet, its header found and its rows numbered."""
    from .sheet import parse_sheet, sheet_format

    shown = display_path(path)
    kind = sheet_format(path.suffix, shown, sheet_name)
    return parse_sheet(kind, path.read_bytes(), shown, sheet_name)


def month_file(root: Path, period: Period) -> Path:
    return root / ACTUALS_DIR / f"{period}.toml"


def _block(name: str, fields: list[tuple[str, object]], newline: str) -> str:
    """One `[[name]]` block of the fields that are set, quoted by tomlkit."""
    import tomlkit

    table = tomlkit.table()
    for key, value in fields:
        if value is not None and value != "" and value is not False:
            table.add(key, value)
    doc = tomlkit.document()
    aot = tomlkit.aot()
    aot.append(table)
    doc.append(name, aot)
    return tomlkit.dumps(doc).replace("\n", newline)


def render_record(actual: Actual, newline: str = "\n") -> str:
    """One `[[actual]]` block."""
    return _block("actual", [
        ("target", actual.target), ("period", str(actual.period)), ("value", actual.value),
        ("done", actual.done), ("date", actual.date), ("recorded", actual.recorded),
        ("by", actual.by), ("note", actual.note), ("source", actual.source),
        ("correction", actual.correction), ("example", actual.example),
        ("withdrawn", actual.withdrawn)], newline)


def render_response(response: Response, newline: str = "\n") -> str:
    """One `[[response]]` block."""
    return _block("response", [
        ("target", response.target), ("period", str(response.period)),
        ("reason", response.reason), ("measures", response.measures), ("by", response.by),
        ("due", response.due), ("recorded", response.recorded)], newline)


def new_month_file_header(period: Period) -> str:
    return (f"# kpitrack figures for {period}. One [[actual]] record per figure.\n"
            "# Append-only: add records with `kpitrack add`; fix one with --correct.\n"
            f"schema = {SCHEMA}\n")


def _joined(old: bytes, header: str, blocks: list[str]) -> tuple[bytes, bytes]:
    """(all the new bytes, the part appended): `blocks` after the file's old bytes, each
    after a blank line, in the file's own line ends; a new file starts with `header`."""
    text = old.decode("utf-8-sig") if old else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    prefix = header if not old else "" if text.endswith(("\n", "\r")) else newline
    addition = (prefix + "".join(newline + b.replace("\n", newline) for b in blocks)
                ).encode("utf-8")
    return old + addition, addition


def append_response(ws: Workspace, response: Response) -> Path:
    """Append one answer to responses/YYYY-MM.toml, under the lock, atomically."""
    assert ws.plan is not None
    path = ws.root / RESPONSES_DIR / f"{response.period}.toml"
    _refuse_links(ws.root, path)
    shown = display_path(path)
    with workspace_lock(ws.root):
        old = path.read_bytes() if path.exists() else b""
        problems: list[Problem] = []
        targets = {t.id: t for t in ws.targets}
        existing = responses_from_bytes(path.name, shown, old, ws.plan, targets, problems) \
            if old else []
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise KpiError(Msg.FIX_FILE_FIRST(msg=errors[0].msg), errors[0].file,
                           errors[0].line)
        header = (f"# kpitrack: units' answers (情况说明, 整改措施) for {response.period}.\n"
                  f"# Append-only: add one with `kpitrack respond`.\nschema = {SCHEMA}\n")
        data, _ = _joined(old, header, [render_response(response)])
        if len(responses_from_bytes(path.name, shown, data, ws.plan, targets, [])) != \
                len(existing) + 1:
            raise KpiError(Msg.READ_BACK_FAILED(), shown)
        _write_all([(path, old if path.exists() else None, data)])
    return path


def append_actual(ws: Workspace, actual: Actual, correct: bool = False) -> Path:
    """Append one record to its month file; see `append_actuals`."""
    if correct and not actual.correction:
        actual = actual._replace(correction=True)
    return append_actuals(ws, [actual])[0]


def append_actuals(ws: Workspace, actuals: list[Actual]) -> list[Path]:
    """Append records to their month files, all of them or none.

    Each file gains its records byte for byte after its old content. Under the
    lock every month file is read again, so a figure another process added a
    moment ago counts for the duplicate rule, and a file that does not parse is
    left alone. When a file's bytes hash to what `ws` was parsed from, that parse
    is used as it is, so an append costs the same however long the file is; only
    the new records are parsed to check they read back. A record's `correction`
    flag says whether it may replace a figure (the rule `add --correct` follows).
    A record read from a sheet carries the sheet's file and row, and an error
    about it names them.
    """
    assert ws.plan is not None
    by_month: dict[Period, list[Actual]] = {}
    for actual in actuals:
        by_month.setdefault(actual.period, []).append(actual)
    with workspace_lock(ws.root):
        writes = [_month_append(ws, period, batch) for period, batch in by_month.items()]
        _write_all(writes)
    return [path for path, _, _ in writes]


def _month_append(ws: Workspace, period: Period, batch: list[Actual]
                  ) -> tuple[Path, bytes | None, bytes]:
    """(path, old bytes or None for a new file, new bytes) for one month's records."""
    assert ws.plan is not None
    path = month_file(ws.root, period)
    _refuse_links(ws.root, path)
    shown = display_path(path)
    old = path.read_bytes() if path.exists() else b""
    problems: list[Problem] = []
    existing: list[Actual] = []
    known = bool(old) and ws.sources.get(path.name) == old
    if known:
        problems = [p for p in ws.problems if p.file == shown]
        existing = [a for a in ws.actuals if a.file == shown]
    elif old:
        existing = actuals_from_bytes(path.name, shown, old, ws.plan,
                                      {t.id: t for t in ws.targets}, problems)
    errors = [p for p in problems if p.severity == "error"]
    for index, actual in enumerate(batch):
        _check_new_figure(ws.target(actual.target), actual, existing + batch[:index])
    data, addition = _joined(old, new_month_file_header(period),
                             [render_record(a) for a in batch])
    if errors and _still_wrong(ws, path, data):
        # A file with errors is appended to only when the append mends it (the
        # correction that settles two clones' different figures).
        first = errors[0]
        raise KpiError(Msg.FIX_FILE_FIRST(msg=first.msg), first.file, first.line)
    # A valid file plus complete [[actual]] blocks is valid, so when the old
    # content is the one already parsed, checking the blocks alone is enough.
    checked = addition if known and old.endswith(b"\n") else data
    expected = len(batch) if checked is addition else len(existing) + len(batch)
    after = parse_toml_bytes(checked, shown, [])[0]
    if after is None or len(after.get("actual", [])) != expected:
        raise KpiError(Msg.READ_BACK_FAILED(), shown)
    return path, old if path.exists() else None, data


def _still_wrong(ws: Workspace, path: Path, data: bytes) -> bool:
    assert ws.plan is not None
    problems: list[Problem] = []
    actuals_from_bytes(path.name, display_path(path), data, ws.plan,
                       {t.id: t for t in ws.targets}, problems)
    return any(p.severity == "error" for p in problems)


def _write_all(writes: list[tuple[Path, bytes | None, bytes]]) -> None:
    """Replace several files so that a failure part-way puts back the ones replaced."""
    if not writes:
        return
    writes[0][0].parent.mkdir(exist_ok=True)
    done: list[tuple[Path, bytes | None, bytes]] = []
    try:
        for write in writes:
            atomic_write(write[0], write[2])
            done.append(write)
    except BaseException:
        for path, old, _ in reversed(done):
            if old is None:
                path.unlink(missing_ok=True)
            else:
                atomic_write(path, old)
        raise


def _check_new_figure(target: Target, actual: Actual, existing: list[Actual]) -> None:
    """`add` follows the rule `import` does (`entry.figure_action`); a correction needs a
    figure to correct."""
    earlier = [a for a in existing if a.target == target.id and a.period == actual.period]
    if actual.withdrawn:
        if not effective_records(target, earlier):
            raise KpiError(Msg.NOTHING_TO_WITHDRAW(id=target.id, period=actual.period))
        return
    try:
        figure_action(target, actual, earlier, correct=actual.correction, skip_same=False)
    except KpiError as exc:  # a record from a sheet names the sheet's file and row
        raise KpiError(exc.msg, actual.file, actual.line) from None
    if actual.correction and not effective_records(target, earlier):
        raise KpiError(Msg.NOTHING_TO_CORRECT(id=target.id, period=actual.period),
                       actual.file, actual.line)
