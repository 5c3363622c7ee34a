"""Reading and writing the workspace: targets.toml and actuals/YYYY-MM.toml.

Reads go through `toml_read` (rtoml where it reads TOML 1.0 alike, else tomli, the
compiled build of the standard library's `tomllib`); appends are rendered with
`tomlkit` and written atomically under a cross-process lock. Every problem
found while reading is a `Problem` naming file and line, so `check` can list
them all and the other commands can stop on the first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import toml_read
from .entry import already_recorded, unknown_target_message

# The workspace's layout lives in layout.py; callers may keep finding it here.
from .layout import ACTUALS_DIR as ACTUALS_DIR
from .layout import ENV_WORKSPACE as ENV_WORKSPACE
from .layout import STATE_DIR as STATE_DIR
from .layout import TARGETS_FILE as TARGETS_FILE
from .layout import find_workspace as find_workspace
from .layout import month_files as month_files
from .model import (
    Actual,
    Bands,
    Direction,
    Frequency,
    Kind,
    KpiError,
    MilestoneBands,
    PaceBands,
    Period,
    Plan,
    Problem,
    Report,
    Target,
)
from .parse import MAX_ABS_VALUE, check_number

SCHEMA = 1

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")
_PERIOD_TEXT = re.compile(r"^(\d{4})-(\d{2})$")
_TARGET_FIELDS = {"name", "kind", "target", "unit", "section", "direction", "report", "baseline",
                  "frequency", "schedule", "due", "owner", "tags", "quote", "last_year", "bands"}
_ACTUAL_FIELDS = {"target", "period", "value", "done", "date", "recorded", "by", "note",
                  "source", "correction", "example"}
# The fields of the common record, the one `_plain_actual` accepts at a glance.
_PLAIN_FIELDS = frozenset(_ACTUAL_FIELDS - {"done", "date"})
_PACE_KEYS = ("blue", "green", "yellow")
_MILESTONE_KEYS = ("warn_days", "early_days")


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


# --------------------------------------------------------------------------- line finding


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")
# A record header on a line of its own, as _HEADER reads `[[actual]]`.
_RECORD_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*actual[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$",
                            re.MULTILINE)
# A table header on a line of its own, as _HEADER reads `[targets.inv]`.
_TABLE_HEADER = re.compile(r"^[ \t]*\[[ \t]*([^\[\]#\n]+?)[ \t]*\][ \t]*(?:#[^\n]*)?\r?$",
                           re.MULTILINE)
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*(?:\.|=)""")


def _unquote(key: str) -> str:
    key = key.strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


class Lines:
    """Where tables and keys sit in a TOML text, so problems can name a line.

    A table is keyed by its dotted path; the n-th `[[actual]]` is ("actual", n).
    The full index is built only when a line other than a record's is asked for
    (that is, for a problem): on a clean file only the record headers are found,
    in one pass of a compiled pattern.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._records: list[int] | None = None
        self._headers: dict[tuple, int] | None = None
        self._records_trusted = False
        self._indexed = False
        self.tables: dict[tuple, int] = {}
        self.keys: dict[tuple, int] = {}

    def expect_records(self, count: int) -> None:
        """Trust the quick header scan only if it found as many records as the parser."""
        self._find_records()
        assert self._records is not None
        self._records_trusted = len(self._records) == count

    def record_lines(self) -> list[int] | None:
        """The line of each `[[actual]]` in order, if the quick scan can be trusted."""
        return self._records if self._records_trusted else None

    def table_line(self, *path: str) -> int | None:
        """The line of the header `[a.b]` of the table at `path`, found in one quick pass;
        a table defined any other way is looked up as `of` does."""
        if self._headers is None:
            self._headers = {}
            text, last, line = self.text, 0, 1
            for match in _TABLE_HEADER.finditer(text):
                line += text.count("\n", last, match.start())
                last = match.start()
                key = tuple(_unquote(p) for p in match.group(1).split("."))
                self._headers.setdefault(key, line)
        return self._headers.get(path) or self.of(*path)

    def _find_records(self) -> None:
        if self._records is None:
            self._records = []
            text, last, line = self.text, 0, 1
            for match in _RECORD_HEADER.finditer(text):
                line += text.count("\n", last, match.start())
                last = match.start()
                self._records.append(line)

    def _index(self) -> None:
        self._indexed = True
        current: tuple = ()
        counts: dict[str, int] = {}
        for number, line in enumerate(self.text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                path = tuple(_unquote(p) for p in header.group(2).split("."))
                if header.group(1) == "[[":
                    index = counts.get(".".join(path), 0)
                    counts[".".join(path)] = index + 1
                    path = (*path, index)
                current = path
                self.tables.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                self.keys.setdefault((*current, _unquote(key.group(1))), number)

    def of(self, *path: object) -> int | None:
        """The line of a key, else of its table, else of the nearest enclosing table."""
        if self._records_trusted and len(path) == 2 and path[0] == "actual" and \
                isinstance(path[1], int) and self._records and path[1] < len(self._records):
            return self._records[path[1]]
        if not self._indexed:
            self._index()
        while path:
            line = self.keys.get(path) or self.tables.get(path)
            if line:
                return line
            path = path[:-1]
        return None


# --------------------------------------------------------------------------- reading


@dataclass
class Workspace:
    root: Path
    plan: Plan | None = None
    targets: list[Target] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)
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
            more = f" (and {len(errors) - 1} more; run `kpitrack check`)" if len(errors) > 1 else ""
            first = errors[0]
            raise KpiError(first.message + more, first.file, first.line, first.target)


class _Collector:
    """Gathers problems for one file; `fail` raises to skip the item being read."""

    class Skip(Exception):
        pass

    def __init__(self, problems: list[Problem], file: str, lines: Lines | None) -> None:
        self.problems = problems
        self.file = file
        self.lines = lines

    def line(self, *path: object) -> int | None:
        return self.lines.of(*path) if self.lines else None

    def error(self, message: str, *path: object, target: str | None = None) -> None:
        self.problems.append(Problem("error", self.file, self.line(*path), target, message))

    def warn(self, message: str, *path: object, target: str | None = None) -> None:
        self.problems.append(Problem("warning", self.file, self.line(*path), target, message))

    def error_at(self, message: str, line: int | None, target: str | None = None) -> None:
        self.problems.append(Problem("error", self.file, line, target, message))

    def warn_at(self, message: str, line: int | None, target: str | None = None) -> None:
        self.problems.append(Problem("warning", self.file, line, target, message))

    def fail(self, message: str, *path: object, target: str | None = None) -> None:
        self.error(message, *path, target=target)
        raise self.Skip


def read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    """A file's bytes, or None with the problem noted."""
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.append(Problem("error", display_path(path), None, None,
                                f"cannot read: {exc.strerror}"))
        return None


def read_toml(path: Path, problems: list[Problem]) -> tuple[dict | None, Lines | None]:
    """Parse one file, accepting a UTF-8 BOM and CRLF; problems name the line."""
    data = read_bytes(path, problems)
    if data is None:
        return None, None
    return parse_toml_bytes(data, display_path(path), problems)


def parse_toml_bytes(data: bytes, shown: str,
                     problems: list[Problem]) -> tuple[dict | None, Lines | None]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(Problem(
            "error", shown, line, None,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"))
        return None, None
    try:
        parsed = toml_read.loads(text)
    except toml_read.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match.group(1)) if match else None
        if match:
            message = message[: match.start()].rstrip() + f" (column {match.group(2)})"
        if "end of document" in message or line is None:
            line = line or text.count("\n") + 1
        problems.append(Problem("error", shown, line, None, f"invalid TOML: {message}"))
        return None, None
    return parsed, Lines(text)


def _check_schema(data: dict, c: _Collector) -> None:
    schema = data.get("schema")
    if schema is None:
        c.fail(f"missing `schema = {SCHEMA}` at the top of the file")
    if isinstance(schema, bool) or not isinstance(schema, int):
        c.fail(f"schema must be the whole number {SCHEMA}", "schema")
    if schema > SCHEMA:
        c.fail(f"schema {schema} is newer than this kpitrack understands ({SCHEMA}); "
               "upgrade kpitrack", "schema")
    if schema < 1:
        c.fail(f"schema must be {SCHEMA}, not {schema}", "schema")


def _number(c: _Collector, value: object, name: str, *path: object,
            target: str | None = None) -> float:
    try:
        return check_number(value, name)  # type: ignore[arg-type]
    except KpiError as exc:
        c.fail(exc.message, *path, target=target)
        raise  # unreachable: fail raises


def _text(c: _Collector, value: object, name: str, *path: object,
          target: str | None = None) -> str:
    if not isinstance(value, str):
        c.fail(f"{name} must be text in quotes", *path, target=target)
    return value  # type: ignore[return-value]


def _date(c: _Collector, value: object, name: str, *path: object,
          target: str | None = None) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        c.fail(f"{name} must be a date such as 2025-06-30 (no quotes)", *path, target=target)
    return value  # type: ignore[return-value]


@functools.cache
def _members(enum: type) -> dict[str, object]:
    return {m.value: m for m in enum}


def _enum(c: _Collector, enum: type, value: object, name: str, *path: object,
          target: str | None = None):
    member = _members(enum).get(value) if isinstance(value, str) else None
    if member is None:
        choices = ", ".join(m.value for m in enum)
        c.fail(f"{name} must be one of {choices}, not {value!r}", *path, target=target)
    return member


def _pace(c: _Collector, data: object, default: PaceBands, *path: object,
          target: str | None = None) -> PaceBands:
    if not isinstance(data, dict):
        c.fail("bands must be a table", *path, target=target)
    values = {}
    for key in _PACE_KEYS:
        raw = data.get(key, getattr(default, key))  # type: ignore[union-attr]
        values[key] = _number(c, raw, f"band edge {key}", *path, key, target=target)
    if not values["blue"] >= values["green"] >= values["yellow"]:
        c.fail("band edges must satisfy blue >= green >= yellow", *path, target=target)
    return PaceBands(**values)


def _milestone_bands(c: _Collector, data: dict, default: MilestoneBands, *path: object,
                     target: str | None = None) -> MilestoneBands:
    values = {}
    for key in _MILESTONE_KEYS:
        raw = data.get(key, getattr(default, key))
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            c.fail(f"{key} must be a whole number of days, 0 or more", *path, key, target=target)
        values[key] = raw
    return MilestoneBands(**values)


def _plan(data: dict, c: _Collector) -> Plan:
    unknown = set(data) - {"schema", "plan", "bands", "targets"}
    for key in sorted(unknown):
        c.error(f"unknown top-level field {key!r}", key)
    plan = data.get("plan")
    if not isinstance(plan, dict):
        c.fail("missing [plan] table with title and year")
    for key in sorted(set(plan) - {"title", "year", "start", "end", "source", "lang"}):
        c.error(f"unknown plan field {key!r}", "plan", key)
    title = _text(c, plan.get("title", ""), "plan.title", "plan", "title")
    if "year" in plan:
        year = plan["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2999:
            c.fail("plan.year must be a year such as 2025", "plan", "year")
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif "start" in plan and "end" in plan:
        start = _date(c, plan["start"], "plan.start", "plan", "start")
        end = _date(c, plan["end"], "plan.end", "plan", "end")
        if end < start:
            c.fail("plan.end is before plan.start", "plan", "end")
    else:
        c.fail("plan needs `year = 2025`, or both `start` and `end` dates", "plan")
    if "year" in plan and ("start" in plan or "end" in plan):
        c.error("plan gives both year and start/end: keep one", "plan", "year")
    lang = plan.get("lang", "zh")
    if lang not in ("zh", "en"):
        c.error(f"plan.lang must be zh or en, not {lang!r}", "plan", "lang")
        lang = "zh"
    source = _text(c, plan.get("source", ""), "plan.source", "plan", "source")
    bands = _plan_bands(data.get("bands", {}), c)
    return Plan(title=title, start=start, end=end, source=source, lang=lang, bands=bands)


def _plan_bands(data: object, c: _Collector) -> Bands:
    default = Bands()
    if not isinstance(data, dict):
        c.fail("[bands] must be a table", "bands")
    for key in sorted(set(data) - {*_PACE_KEYS, "difference", "milestone"}):  # type: ignore[arg-type]
        c.error(f"unknown bands field {key!r}", "bands", key)
    pace = _pace(c, data, default.pace, "bands")
    difference = _pace(c, data.get("difference", {}), default.difference,  # type: ignore[union-attr]
                       "bands", "difference")
    milestone = data.get("milestone", {})  # type: ignore[union-attr]
    if not isinstance(milestone, dict):
        c.fail("[bands.milestone] must be a table", "bands", "milestone")
    return Bands(pace, difference, _milestone_bands(c, milestone, default.milestone,
                                                    "bands", "milestone"))


def _target(plan: Plan, tid: str, raw: object, c: _Collector) -> Target:
    path = ("targets", tid)
    if not _ID.match(tid):
        c.fail(f"target id {tid!r} may use only letters, digits, _ and -, at most 64 characters",
               *path, target=tid)
    if not isinstance(raw, dict):
        c.fail(f"targets.{tid} must be a table", *path, target=tid)
    for key in sorted(set(raw) - _TARGET_FIELDS):
        close = difflib.get_close_matches(key, sorted(_TARGET_FIELDS), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        c.error(f"unknown field {key!r}{hint}", *path, key, target=tid)
    if "name" not in raw:
        c.fail("missing name", *path, target=tid)
    name = _text(c, raw["name"], "name", *path, "name", target=tid).strip()
    if not name:
        c.fail("name is empty", *path, "name", target=tid)
    if "kind" not in raw:
        c.fail("missing kind (cumulative, level, growth, threshold or milestone)", *path,
               target=tid)
    kind = _enum(c, Kind, raw["kind"], "kind", *path, "kind", target=tid)
    value = None
    if "target" in raw:
        value = _number(c, raw["target"], "target", *path, "target", target=tid)
    elif kind is not Kind.MILESTONE:
        c.fail("missing target (the annual figure)", *path, target=tid)
    if "report" in raw and kind is not Kind.CUMULATIVE:
        c.error("report applies to cumulative targets only", *path, "report", target=tid)
    if "baseline" in raw and kind is not Kind.LEVEL:
        c.error("baseline applies to level targets only", *path, "baseline", target=tid)
    baseline = None
    if "baseline" in raw:
        baseline = _number(c, raw["baseline"], "baseline", *path, "baseline", target=tid)
    last_year = None
    if "last_year" in raw:
        last_year = _number(c, raw["last_year"], "last_year", *path, "last_year", target=tid)
    due = None
    if "due" in raw:
        due = _date(c, raw["due"], "due", *path, "due", target=tid)
        if not plan.start <= due <= plan.end:
            c.warn(f"due {due} is outside the plan ({plan.start} to {plan.end})", *path, "due",
                   target=tid)
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        c.fail('tags must be a list of text, e.g. ["重点"]', *path, "tags", target=tid)
    target = Target(
        id=tid, name=name, kind=kind, target=value,
        unit=_text(c, raw.get("unit", ""), "unit", *path, "unit", target=tid),
        section=_text(c, raw.get("section", ""), "section", *path, "section", target=tid),
        direction=_enum(c, Direction, raw.get("direction", "up"), "direction", *path,
                        "direction", target=tid),
        report=_enum(c, Report, raw.get("report", "ytd"), "report", *path, "report",
                     target=tid),
        baseline=baseline,
        frequency=_enum(c, Frequency, raw.get("frequency", "monthly"), "frequency", *path,
                        "frequency", target=tid),
        schedule=_schedule(plan, raw.get("schedule"), c, tid),
        due=due,
        owner=_text(c, raw.get("owner", ""), "owner", *path, "owner", target=tid),
        tags=tuple(tags),
        quote=_text(c, raw.get("quote", ""), "quote", *path, "quote", target=tid),
        last_year=last_year,
        bands=_target_bands(plan, raw.get("bands"), kind, c, tid),
        line=c.lines.table_line(*path) if c.lines else None,
    )
    _warn_degenerate(target, c)
    return target


def _warn_degenerate(target: Target, c: _Collector) -> None:
    path = ("targets", target.id, "target")
    if target.kind is Kind.CUMULATIVE and target.target is not None and target.target <= 0:
        c.warn("target is zero or negative: completion cannot be computed", *path,
               target=target.id)
    if target.kind is Kind.LEVEL and target.baseline is not None and target.target is not None:
        span = target.target - target.baseline
        if target.direction is Direction.DOWN:
            span = -span
        if span <= 0:
            c.warn("target equals or is behind the baseline: completion cannot be computed",
                   *path, target=target.id)


def _schedule(plan: Plan, raw: object, c: _Collector, tid: str) -> tuple[tuple[int, float], ...]:
    if raw is None:
        return ()
    path = ("targets", tid, "schedule")
    if not isinstance(raw, dict) or not raw:
        c.fail('schedule must be a table such as { "6" = 45, "12" = 100 }', *path, target=tid)
    points = []
    for key, value in raw.items():
        if not str(key).isdigit() or not 1 <= int(key) <= plan.months:
            c.fail(f"schedule month {key!r} must be a month number from 1 to {plan.months}",
                   *path, target=tid)
        points.append((int(key), _number(c, value, f"schedule[{key}]", *path, target=tid)))
    points.sort()
    values = [v for _, v in points]
    if values != sorted(values):
        c.fail("schedule must not go down from one month to the next", *path, target=tid)
    return tuple(points)


def _target_bands(plan: Plan, raw: object, kind: Kind, c: _Collector, tid: str) -> Bands | None:
    if raw is None:
        return None
    path = ("targets", tid, "bands")
    if not isinstance(raw, dict):
        c.fail("bands must be a table, e.g. { green = -3 }", *path, target=tid)
    for key in sorted(set(raw) - {*_PACE_KEYS, *_MILESTONE_KEYS}):
        c.error(f"unknown band edge {key!r}", *path, key, target=tid)
    base = plan.bands
    if kind in (Kind.GROWTH, Kind.THRESHOLD):
        return Bands(base.pace, _pace(c, raw, base.difference, *path, target=tid), base.milestone)
    return Bands(_pace(c, raw, base.pace, *path, target=tid), base.difference,
                 _milestone_bands(c, raw, base.milestone, *path, target=tid))


def load_targets(root: Path, problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    path = root / TARGETS_FILE
    data, lines = read_toml(path, problems)
    return _plan_and_targets(data, lines, display_path(path), problems)


def targets_from_bytes(data: bytes, shown: str,
                       problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    """A targets file's plan and targets from its bytes, as `load_targets` reads them."""
    parsed, lines = parse_toml_bytes(data, shown, problems)
    return _plan_and_targets(parsed, lines, shown, problems)


def _plan_and_targets(data: dict | None, lines: Lines | None, shown: str,
                      problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    if data is None:
        return None, []
    c = _Collector(problems, shown, lines)
    try:
        _check_schema(data, c)
        plan = _plan(data, c)
    except _Collector.Skip:
        return None, []
    raw_targets = data.get("targets", {})
    if not isinstance(raw_targets, dict):
        c.error("[targets] must hold tables such as [targets.fixed_investment]", "targets")
        return plan, []
    if not raw_targets:
        c.warn("no targets yet: add a [targets.<id>] table")
    targets = []
    for tid, raw in raw_targets.items():
        try:
            targets.append(_target(plan, tid, raw, c))
        except _Collector.Skip:
            continue
    return plan, targets


def _plain_actual(raw: object, line: int | None, period_text: str, file_period: Period,
                  targets: dict[str, Target], file: str, seq: int) -> Actual | None:
    """The common record (not a milestone's, no date), accepted in one quick look.

    Reading 100,000 figures is mostly this. Anything unusual returns None and goes
    through `_actual`, which checks every field and words each problem; this accepts
    only records `_actual` accepts, and builds the same `Actual` from them.
    """
    if type(raw) is not dict or not raw.keys() <= _PLAIN_FIELDS:
        return None
    tid = raw.get("target")
    target = targets.get(tid) if type(tid) is str else None
    if target is None or target.kind is Kind.MILESTONE or raw.get("period") != period_text:
        return None
    value = raw.get("value")
    # A chained comparison is False for NaN and the infinities too.
    if type(value) not in (int, float) or not -MAX_ABS_VALUE <= value <= MAX_ABS_VALUE:
        return None
    if value < 0 and target.kind is Kind.CUMULATIVE:
        return None
    recorded = raw.get("recorded")
    if recorded is not None:
        if type(recorded) is not dt.datetime or recorded.tzinfo is None:
            return None
    correction, example = raw.get("correction", False), raw.get("example", False)
    by, note, source = raw.get("by", ""), raw.get("note", ""), raw.get("source", "")
    if type(correction) is not bool or type(example) is not bool or type(by) is not str or \
            type(note) is not str or type(source) is not str:
        return None
    # Built positionally, in Actual's field order: this runs for every figure.
    return _new_tuple(Actual, (target.id, file_period, value, None, None, recorded,
                               _shared(by), _shared(note), _shared(source), correction,
                               example, file, line, seq))


_new_tuple = tuple.__new__


def _shared(text: str) -> str:
    """A repeated note or unit is one object, not 100,000 copies."""
    return sys.intern(text) if len(text) < 64 else text


def _actual(raw: object, index: int, file_period: Period, plan: Plan,
            targets: dict[str, Target], c: _Collector, seq: int) -> Actual:
    path = ("actual", index)
    if not isinstance(raw, dict):
        c.fail("each [[actual]] must be a table", *path)
    tid = raw.get("target")
    if tid is None:
        c.fail("record has no target", *path)
    if not isinstance(tid, str):
        c.fail("target must be a target id in quotes", *path, "target")
    for key in sorted(set(raw) - _ACTUAL_FIELDS):
        c.error(f"unknown field {key!r} in record", *path, key, target=tid)
    target = targets.get(tid)
    if target is None:
        c.fail(unknown_target_message(tid, list(targets.values())), *path, "target", target=tid)
    text = raw.get("period")
    if text is None:
        c.fail("record has no period", *path, target=tid)
    match = _PERIOD_TEXT.match(text) if isinstance(text, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        c.fail(f'period must be text like "2025-03", not {text!r}', *path, "period", target=tid)
    period = file_period if text == str(file_period) else Period(int(match.group(1)),
                                                                  int(match.group(2)))
    if period != file_period:
        c.fail(f"period {period} does not match the file's month {file_period}", *path,
               "period", target=tid)
    if not plan.contains(period):
        c.fail(f"period {period} is outside the plan ({plan.first_period} to "
               f"{plan.last_period})", *path, "period", target=tid)
    value = None
    if "value" in raw:
        value = _number(c, raw["value"], "value", *path, "value", target=tid)
        if value < 0 and target.kind in (Kind.CUMULATIVE, Kind.MILESTONE):
            c.fail(f"value {value:g} is negative; a {target.kind.value} figure cannot be",
                   *path, "value", target=tid)
    done = raw.get("done")
    if done is not None and not isinstance(done, bool):
        c.fail("done must be true or false (no quotes)", *path, "done", target=tid)
    if target.kind is Kind.MILESTONE:
        if value is None and done is None:
            c.fail("a milestone record needs done = true or a percent-complete value", *path,
                   target=tid)
    else:
        if done is not None:
            c.fail("done applies to milestones only", *path, "done", target=tid)
        if value is None:
            c.fail("record has no value", *path, target=tid)
    day = _date(c, raw["date"], "date", *path, "date", target=tid) if "date" in raw else None
    recorded = raw.get("recorded")
    if recorded is not None:
        if isinstance(recorded, dt.datetime):
            # A time without an offset is read as the local time of this machine.
            recorded = recorded if recorded.tzinfo else recorded.astimezone()
        elif isinstance(recorded, dt.date):
            recorded = dt.datetime.combine(recorded, dt.time()).astimezone()
        else:
            c.fail("recorded must be a date-time such as 2025-04-12T09:30:00+08:00", *path,
                   "recorded", target=tid)
    flags = {}
    for key in ("correction", "example"):
        flags[key] = raw.get(key, False)
        if not isinstance(flags[key], bool):
            c.fail(f"{key} must be true or false (no quotes)", *path, key, target=tid)
    strings = {k: _shared(_text(c, raw.get(k, ""), k, *path, k, target=tid))
               for k in ("by", "note", "source")}
    return Actual(target=target.id, period=period, value=value, done=done, date=day,
                  recorded=recorded, file=c.file, line=c.line(*path), seq=seq, **flags,
                  **strings)


def month_period(name: str) -> Period | None:
    """The month a file name such as `2025-03.toml` holds; None for any other name."""
    match = _MONTH_FILE.match(name)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return Period(int(match.group(1)), int(match.group(2)))


def actuals_from_bytes(path: Path, data: bytes, plan: Plan, targets: dict[str, Target],
                       problems: list[Problem]) -> list[Actual]:
    """A month file's records from its bytes, as `read_actuals_file` reads them."""
    shown = display_path(path)
    period = month_period(path.name)
    if period is None:
        problems.append(Problem("error", shown, None, None,
                                "month files must be named YYYY-MM.toml, e.g. 2025-03.toml"))
        return []
    parsed, lines = parse_toml_bytes(data, shown, problems)
    if parsed is None:
        return []
    return _records(parsed, lines, shown, period, plan, targets, problems)


def _records(data: dict, lines: Lines | None, shown: str, file_period: Period, plan: Plan,
             targets: dict[str, Target], problems: list[Problem]) -> list[Actual]:
    c = _Collector(problems, shown, lines)
    try:
        _check_schema(data, c)
        for key in sorted(set(data) - {"schema", "actual"}):
            c.error(f"unknown top-level field {key!r}; records go in [[actual]] tables", key)
        raw_records = data.get("actual", [])
        if not isinstance(raw_records, list):
            c.fail("records must be [[actual]] tables", "actual")
    except _Collector.Skip:
        return []
    if lines is not None:
        lines.expect_records(len(raw_records))
    record_lines = lines.record_lines() if lines is not None else None
    # A file of another year sends every record to `_actual`, which names the problem.
    period_text = str(file_period) if plan.contains(file_period) else None
    records = []
    for index, raw in enumerate(raw_records):
        seq = index  # a period's records all live in its one month file
        if period_text is not None:
            line = record_lines[index] if record_lines else c.line("actual", index)
            record = _plain_actual(raw, line, period_text, file_period, targets, shown, seq)
            if record is not None:
                records.append(record)
                continue
        try:
            records.append(_actual(raw, index, file_period, plan, targets, c, seq))
        except _Collector.Skip:
            continue
    _check_duplicates(records, targets, c)
    return records


def _figure(record: Actual) -> tuple:
    return (record.value, bool(record.done), record.date)


def _check_duplicates(records: list[Actual], targets: dict[str, Target], c: _Collector) -> None:
    """One figure per (target, period), unless figures add up; see `evaluate.counting`.

    Two clones can each record a figure for the same month, and a merge keeps both:
    - two different uncorrected figures are an error, until a correction newer than
      both says which is right;
    - the same figure twice is a warning: it changes nothing;
    - two corrections recorded at the same moment with different figures are a
      warning: `record_order` picks one (by `by`, then the figure), but a person should.
    """
    from .evaluate import adds_up, record_order

    groups: dict[tuple[str, Period], list[Actual]] = {}
    for record in records:
        groups.setdefault((record.target, record.period), []).append(record)
    for (tid, period), group in groups.items():
        if len(group) < 2:
            continue
        figures = [r for r in group if not r.correction]
        corrections = sorted((r for r in group if r.correction), key=record_order)
        if not adds_up(targets[tid]) and len(figures) > 1:
            # A correction newer than every uncorrected figure settles them all.
            settled = bool(corrections) and \
                record_order(corrections[-1]) > max(map(record_order, figures))
            first = figures[0]
            other = next((r for r in figures[1:] if _figure(r) != _figure(first)), None)
            if other is not None and not settled:
                c.error_at(f"second figure for {tid} {period} without correction = true (the "
                           f"first is at line {first.line}); record the right one with "
                           f"`kpitrack add {tid} VALUE --period {period} --correct`",
                           other.line, tid)
            elif other is None and not settled:
                c.warn_at(f"{tid} {period} is recorded twice with the same figure (lines "
                          f"{first.line} and {figures[1].line}); it counts once",
                          figures[1].line, tid)
        if len(corrections) > 1:
            last, before = corrections[-1], corrections[-2]
            if last.recorded == before.recorded and _figure(last) != _figure(before):
                c.warn_at(f"two corrections for {tid} {period} were recorded at the same "
                          f"moment (lines {before.line} and {last.line}); the one at line "
                          f"{last.line} counts", last.line, tid)


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
                                   "actuals is a file; it must be a folder of month files"))
    if outside(root, folder):
        ws.problems.append(Problem("error", display_path(folder), None, None,
                                   f"actuals is a link to {_link_target(folder)}, outside the "
                                   "workspace; kpitrack reads figures only from inside it"))
        return ws
    for path in month_files(root):
        if outside(root, path):
            ws.problems.append(Problem("error", display_path(path), None, None,
                                       f"is a link to {_link_target(path)}, outside the "
                                       "workspace; kpitrack reads figures only from inside it"))
            continue
        data = b"" if month_period(path.name) is None else read_bytes(path, ws.problems)
        if data is None:
            continue
        ws.sources[path.name] = data
        ws.actuals.extend(actuals_from_bytes(path, data, ws.plan, by_id, ws.problems))
    return ws


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
            raise KpiError(f"{display_path(where)} is a link to {_link_target(where)}; "
                           "kpitrack writes only to files inside the workspace")


def _link_target(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return "itself"


def ensure_state_dir(root: Path) -> Path:
    """`.kpitrack/`: the write lock, ignored by git, always safe to delete."""
    state = root / STATE_DIR
    if outside(root, state):
        raise KpiError(f"{display_path(state)} is a link to {_link_target(state)}; "
                       "kpitrack writes only to files inside the workspace")
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
        raise KpiError(f"another kpitrack is writing to {display_path(root)}; try again") from None
    try:
        yield
    finally:
        lock.release()


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: a reader sees old or new, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


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
        raise KpiError(f"{shown}: this is the workspace's own data; export to another file")
    if path.is_dir() and not path.is_symlink():
        raise KpiError(f"{shown}: is a folder; give a file name such as report.md")
    if not path.parent.is_dir():
        raise KpiError(f"{shown}: the folder {display_path(path.parent)} does not exist")
    atomic_write(path, data)


def read_sheet(path: Path, sheet_name: str | None = None):
    """A department's .csv or .xlsx sheet, its header found and its rows numbered."""
    from .sheet import parse_sheet, sheet_format

    shown = display_path(path)
    kind = sheet_format(path.suffix, shown, sheet_name)
    return parse_sheet(kind, path.read_bytes(), shown, sheet_name)


def month_file(root: Path, period: Period) -> Path:
    return root / ACTUALS_DIR / f"{period}.toml"


def render_record(actual: Actual, newline: str = "\n") -> str:
    """One `[[actual]]` block, quoted by tomlkit."""
    import tomlkit

    table = tomlkit.table()
    table.add("target", actual.target)
    table.add("period", str(actual.period))
    if actual.value is not None:
        table.add("value", actual.value)
    if actual.done is not None:
        table.add("done", actual.done)
    if actual.date is not None:
        table.add("date", actual.date)
    if actual.recorded is not None:
        table.add("recorded", actual.recorded)
    for key in ("by", "note", "source"):
        if getattr(actual, key):
            table.add(key, getattr(actual, key))
    for key in ("correction", "example"):
        if getattr(actual, key):
            table.add(key, True)
    doc = tomlkit.document()
    aot = tomlkit.aot()
    aot.append(table)
    doc.append("actual", aot)
    return tomlkit.dumps(doc).replace("\n", newline)


def new_month_file_header(period: Period) -> str:
    return (f"# kpitrack figures for {period}. One [[actual]] record per figure.\n"
            "# Append-only: add records with `kpitrack add`; fix one with --correct.\n"
            f"schema = {SCHEMA}\n")


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
        existing = actuals_from_bytes(path, old, ws.plan, {t.id: t for t in ws.targets}, problems)
    errors = [p for p in problems if p.severity == "error"]
    for index, actual in enumerate(batch):
        _check_new_figure(ws.target(actual.target), actual, existing + batch[:index])
    text = old.decode("utf-8-sig") if old else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    if not old:
        prefix = new_month_file_header(period)
    else:
        prefix = "" if text.endswith(("\n", "\r")) else newline
    addition = (prefix + "".join(newline + render_record(a, newline) for a in batch)
                ).encode("utf-8")
    data = old + addition
    if errors and _still_wrong(ws, path, data):
        # A file with errors is appended to only when the append mends it (the
        # correction that settles two clones' different figures).
        first = errors[0]
        raise KpiError(f"{first.message}; fix this file before adding to it",
                       first.file, first.line)
    # A valid file plus complete [[actual]] blocks is valid, so when the old
    # content is the one already parsed, checking the blocks alone is enough.
    checked = addition if known and old.endswith(b"\n") else data
    expected = len(batch) if checked is addition else len(existing) + len(batch)
    after = parse_toml_bytes(checked, shown, [])[0]
    if after is None or len(after.get("actual", [])) != expected:
        raise KpiError("internal check failed: the new record would not read back; "
                       "nothing was written", shown)
    return path, old if path.exists() else None, data


def _still_wrong(ws: Workspace, path: Path, data: bytes) -> bool:
    assert ws.plan is not None
    problems: list[Problem] = []
    actuals_from_bytes(path, data, ws.plan, {t.id: t for t in ws.targets}, problems)
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
    """The rule for a second figure: it must be a correction, unless figures add up."""
    earlier = [a for a in existing if a.target == target.id and a.period == actual.period]
    adds_up = target.kind is Kind.CUMULATIVE and target.report is Report.INCREMENT
    if earlier and not actual.correction and not adds_up:
        raise KpiError(already_recorded(target.id, earlier[-1]), actual.file, actual.line)
    if actual.correction and not earlier:
        raise KpiError(f"--correct: {target.id} has no figure for {actual.period} to correct",
                       actual.file, actual.line)



TEMPLATE = '''\
# kpitrack targets. Every field is explained below; delete what you do not need.
# Check the file with `kpitrack check`; see the README for the full format.
schema = 1

[plan]
title = "年度重点工作目标"      # shown at the top of every report
year = {year}                 # calendar year; or: start = {year}-01-01 and end = {year}-12-31
source = ""                   # the document the targets come from
lang = "zh"                   # label language: zh or en

[bands]                       # pace bands: gap = completion − time progress, in points
blue = 10.0                   # gap >= 10          -> 蓝色·超前示范
green = -5.0                  # -5 <= gap < 10     -> 绿色·推进正常
yellow = -15.0                # -15 <= gap < -5    -> 黄色·超期预警; below -> 红色·滞后督办

[bands.difference]            # growth and threshold targets: gap = figure − target
blue = 2.0
green = 0.0
yellow = -1.0

[bands.milestone]
warn_days = 30                # not done and due within 30 days -> yellow; past due -> red
early_days = 30               # done at least 30 days early -> blue

# One table per target: [targets.<id>], the id made of letters, digits, _ and -.
[targets.example_investment]
name = "年度投资"              # what people call it
kind = "cumulative"           # cumulative | level | growth | threshold | milestone
target = 620                  # the annual figure, in `unit`
unit = "亿元"
section = "扩大有效需求"        # grouping in reports
report = "ytd"                # ytd: each figure is the year-to-date total; increment: they add up
owner = "发展改革局"            # responsible unit
quote = ""                    # the source's own words
# direction = "up"            # up: more is better; down: a ceiling
# frequency = "monthly"       # monthly | quarterly | yearly: how often figures are due
# schedule = {{ "3" = 15, "6" = 45, "9" = 75, "12" = 100 }}   # planned cumulative %, by month
# last_year = 571             # last year's actual, for context
# bands = {{ green = -3 }}      # override band edges for this target

[targets.example_firms]
name = "高新技术企业"
kind = "level"                # a count that stands at some level: figures are the level itself
target = 700
unit = "家"
baseline = 620                # the level at the start of the year; completion counts the rise
section = "科技创新"

[targets.example_growth]
name = "社会消费品零售总额增速"
kind = "growth"               # the figure is the year-to-date growth in %: 4.8 means +4.8%
target = 5
unit = "%"
section = "扩大有效需求"

[targets.example_satisfaction]
name = "群众满意率"
kind = "threshold"            # a rate that must be held every period
target = 95
unit = "%"

[targets.example_lab]
name = "实验室挂牌"
kind = "milestone"            # record it with `kpitrack add example_lab --done`
due = {year}-12-31
'''


def init_workspace(directory: Path, year: int, source: Path | None = None,
                   new_year: int | None = None) -> Path:
    """Create targets.toml and actuals/ in `directory`; never overwrite a file.

    With `source` (a targets file or a workspace folder) its plan and targets are
    copied, comments and all; `new_year` moves the copy to another year.
    """
    text = TEMPLATE.format(year=year) if source is None else copied_targets(source, new_year)
    if directory.exists() and not directory.is_dir():
        raise KpiError(f"{directory} is a file, not a folder")
    path = directory / TARGETS_FILE
    if path.exists():
        raise KpiError(f"{display_path(path)} already exists; nothing was changed")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / ACTUALS_DIR).mkdir(exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except FileExistsError:
        raise KpiError(f"{display_path(path)} already exists; nothing was changed") from None
    from .vcs import write_git_files

    write_git_files(directory)
    return path


def copied_targets(source: Path, new_year: int | None = None) -> str:
    """Another plan's targets file, checked; for `new_year`, its dates moved to that year.

    Moving a plan to a new year moves the plan's year (or start and end), each
    milestone's due date and the year in the title, and drops `last_year`, which
    described the year before the old plan. Target values are kept for the user to edit.
    """
    if source.is_dir():
        source = source / TARGETS_FILE
    shown = display_path(source)
    data = source.read_bytes()
    problems: list[Problem] = []
    plan, _ = targets_from_bytes(data, shown, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors or plan is None:
        first = errors[0]
        raise KpiError(f"{first.message}; fix it before copying this plan", first.file,
                       first.line)
    text = data.decode("utf-8-sig")
    if new_year is None or new_year == plan.start.year:
        return text
    import tomlkit

    doc = tomlkit.parse(text)
    shift = new_year - plan.start.year
    table = doc["plan"]
    if "year" in table:
        table["year"] = new_year
    for key in ("start", "end"):
        if key in table:
            table[key] = _shift_year(table[key], shift)
    if "title" in table:
        table["title"] = str(table["title"]).replace(str(plan.start.year), str(new_year))
    for target in doc.get("targets", {}).values():
        if "due" in target:
            target["due"] = _shift_year(target["due"], shift)
        if "last_year" in target:
            del target["last_year"]
    moved = tomlkit.dumps(doc)
    targets_from_bytes(moved.encode("utf-8"), shown, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KpiError(f"moving the plan to {new_year}: {errors[0].message}")
    return moved


def _shift_year(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
