"""Appending records: a figure to actuals/YYYY-MM.toml, an answer to responses/YYYY-MM.toml.

A record is rendered with tomlkit (which quotes whatever a user typed) and added after the
file's old bytes, which stay as they were. Under the write lock the file is read again,
the rule for a second figure applied to what it holds now, and the whole new file checked
to read back before it replaces the old one atomically.
"""

from __future__ import annotations

import dataclasses
import secrets
from pathlib import Path

from ..core.errors import KpiError, Problem
from ..core.model import Actual, Response, Target
from ..core.period import Period
from ..core.recording import figure_action
from ..core.records import effective_records
from ..i18n.messages import Msg
from .answers_file import responses_from_bytes
from .fields import SCHEMA
from .figures_file import actuals_from_bytes
from .files import refuse_links, workspace_lock
from .find import RESPONSES_DIR, display_path, month_file
from .journal import finish, write_months
from .load import Workspace
from .positions import Lines


def _block(name: str, fields: list[tuple[str, object]], newline: str) -> str:
    """One `[[name]]` block of the fields that are set, each value written by tomlkit
    (which quotes whatever a user typed): `key = value` lines under the header, as
    tomlkit lays out a table of an array of tables (tests/test_store.py compares)."""
    lines = [f"[[{name}]]"]
    for key, value in fields:
        if value is not None and value != "" and value is not False:
            lines.append(f"{key} = {_toml_value(value)}")
    return newline.join(lines) + newline


_VALUES: dict[tuple[type, object], str] = {}


def _toml_value(value: object) -> str:
    """A value as TOML, by tomlkit; an import repeats a month, a unit and a time in every
    record, so each value's text is kept, by its type and, but for text and whole numbers,
    its repr: 1, 1.0 and true stay apart, and so do 0.0 and -0.0, and one moment at two
    UTC offsets, which compare equal."""
    key = (type(value), value if type(value) in (str, int) else repr(value))
    found = _VALUES.get(key)
    if found is None:
        # tomlkit takes 60 ms to import: only a command that writes needs it.
        import tomlkit

        found = _VALUES[key] = tomlkit.item(value).as_string()
    return found


def new_uid() -> str:
    """A record's own id: 48 random bits, so no two records share one."""
    return secrets.token_hex(6)


def render_record(actual: Actual, newline: str = "\n") -> str:
    """One `[[actual]]` block."""
    return _block("actual", [
        ("target", actual.target), ("period", str(actual.period)), ("value", actual.value),
        ("done", actual.done), ("date", actual.date), ("recorded", actual.recorded),
        ("by", actual.by), ("note", actual.note), ("source", actual.source),
        ("correction", actual.correction), ("example", actual.example),
        ("withdrawn", actual.withdrawn), ("withdraws", actual.withdraws),
        ("id", actual.uid)], newline)


def render_response(response: Response, newline: str = "\n") -> str:
    """One `[[response]]` block."""
    return _block("response", [
        ("target", response.target), ("period", str(response.period)),
        ("reason", response.reason), ("measures", response.measures), ("by", response.by),
        ("due", response.due), ("recorded", response.recorded), ("id", response.uid)],
        newline)


def new_month_file_header(period: Period, lang: str = "en") -> str:
    return Msg.FIGURES_FILE_HEADER.text(lang, period=period, schema=SCHEMA)


def _joined(old: bytes, header: str, blocks: list[str]) -> bytes:
    """`blocks` after the file's old bytes, each after a blank line, in the file's own
    line ends; a new file starts with `header`."""
    text = old.decode("utf-8-sig") if old else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    prefix = header if not old else "" if text.endswith(("\n", "\r")) else newline
    addition = prefix + "".join(newline + b.replace("\n", newline) for b in blocks)
    return old + addition.replace("\r\r\n", "\r\n").encode("utf-8")


def _read(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def append_response(ws: Workspace, response: Response) -> Path:
    """Append one answer to responses/YYYY-MM.toml, under the lock, atomically."""
    return append_responses(ws, [response])[0]


def append_responses(ws: Workspace, responses: list[Response]) -> list[Path]:
    """Append answers to their responses/YYYY-MM.toml files, all of them or none, under the
    lock, each file checked to read back whole before any is replaced."""
    by_month: dict[Period, list[Response]] = {}
    for response in responses:
        by_month.setdefault(response.period, []).append(
            response if response.uid else dataclasses.replace(response, uid=new_uid()))
    with workspace_lock(ws.root):
        finish(ws.root)
        writes = [_answers_append(ws, period, batch) for period, batch in by_month.items()]
        write_months(ws.root, writes)
    return [path for path, _ in writes]


def _answers_append(ws: Workspace, period: Period, batch: list[Response]
                    ) -> tuple[Path, bytes]:
    path = month_file(ws.root, period, RESPONSES_DIR)
    refuse_links(ws.root, path)
    shown = display_path(path)
    old = _read(path)
    problems: list[Problem] = []
    existing = responses_from_bytes(path.name, shown, old, ws.plan, ws.by_id, problems) \
        if old else []
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KpiError(Msg.FIX_FILE_FIRST(msg=errors[0].msg), errors[0].file,
                       errors[0].line)
    header = Msg.ANSWERS_FILE_HEADER.text(ws.plan.lang, period=period, schema=SCHEMA)
    data = _joined(old, header, [render_response(r) for r in batch])
    if len(responses_from_bytes(path.name, shown, data, ws.plan, ws.by_id, [])) != \
            len(existing) + len(batch):
        raise KpiError(Msg.READ_BACK_FAILED(), shown)
    return path, data


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
    left alone. When a file still holds the bytes `ws` was parsed from, that
    parse is used for the rule. A record's `correction` flag says whether it may
    replace a figure (the rule `add --correct` follows). A record read from a
    sheet carries the sheet's file and row, and an error about it names them.
    """
    by_month: dict[Period, list[Actual]] = {}
    for actual in actuals:
        by_month.setdefault(actual.period, []).append(actual._replace(uid=actual.uid or new_uid()))
    with workspace_lock(ws.root):
        finish(ws.root)
        writes = [_month_append(ws, period, batch) for period, batch in by_month.items()]
        write_months(ws.root, [(path, data) for path, _, data in writes])
    return [path for path, _, _ in writes]


def _month_append(ws: Workspace, period: Period, batch: list[Actual]
                  ) -> tuple[Path, bytes | None, bytes]:
    """(path, old bytes or None for a new file, new bytes) for one month's records."""
    path = month_file(ws.root, period)
    refuse_links(ws.root, path)
    shown = display_path(path)
    old = _read(path)
    problems: list[Problem] = []
    existing: list[Actual] = []
    if old and ws.sources.get(path.name) == old:
        problems = [p for p in ws.problems if p.file == shown]
        existing = [a for a in ws.actuals if a.file == shown]
    elif old:
        existing = actuals_from_bytes(path.name, shown, old, ws.plan, ws.by_id, problems)
    if old and _records_not_blocks(old, len(existing)):
        raise KpiError(Msg.RECORDS_NOT_BLOCKS(), shown)
    # Each record is checked against the figures before it, the batch's included: looked
    # up by target and period, so a batch costs the same per record however long it is.
    earlier: dict[tuple[str, Period], list[Actual]] = {}
    for record in existing:
        earlier.setdefault((record.target, record.period), []).append(record)
    for actual in batch:
        same = earlier.setdefault((actual.target, actual.period), [])
        _check_new_figure(ws.target(actual.target), actual, same)
        same.append(actual)
    data = _joined(old, new_month_file_header(period, ws.plan.lang),
                   [render_record(a) for a in batch])
    after: list[Problem] = []
    read_back = actuals_from_bytes(path.name, shown, data, ws.plan, ws.by_id, after)
    errors = [p for p in problems if p.severity == "error"]
    if errors and any(p.severity == "error" for p in after):
        # A file with errors is appended to only when the append mends it (the
        # correction that settles two clones' different figures).
        first = errors[0]
        raise KpiError(Msg.FIX_FILE_FIRST(msg=first.msg), first.file, first.line)
    # The whole new file must read back: every old record and every new one.
    if any(p.severity == "error" for p in after) or len(read_back) != len(existing) + len(batch):
        raise KpiError(Msg.READ_BACK_FAILED(), shown)
    return path, old if path.exists() else None, data


def _records_not_blocks(old: bytes, count: int) -> bool:
    """Whether a file holds its records other than as `[[actual]]` blocks (an inline
    array, `actual = [{ … }]`), after which a block cannot be appended."""
    try:
        text = old.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return count > 0 and len(Lines(text).record_lines("actual")) != count


def _check_new_figure(target: Target, actual: Actual, earlier: list[Actual]) -> None:
    """`add` follows the rule `import` does (`figure_action`); a correction needs a
    figure to correct. `earlier`: the records before it for its target and period."""
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
