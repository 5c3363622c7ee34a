"""Checking the TOML of targets.toml into the model: every problem at file:line.

A `Collector` gathers the problems of one file; the field checkers word each one and
point at the key it is about (`positions.Lines`). `records.py` does the same for the
month files.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from . import toml_read
from .catalogue import Message, Msg, TomlReason, did_you_mean
from .model import (
    Bands,
    Checks,
    Direction,
    Frequency,
    Kind,
    KpiError,
    MilestoneBands,
    PaceBands,
    Plan,
    Problem,
    Report,
    Supervision,
    Target,
)
from .parse import check_number
from .positions import Lines

SCHEMA = 1

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_TARGET_FIELDS = {"name", "kind", "target", "unit", "section", "direction", "report", "baseline",
                  "frequency", "schedule", "due", "owner", "tags", "quote", "last_year", "bands"}
_PACE_KEYS = ("blue", "green", "yellow")
_MILESTONE_KEYS = ("warn_days", "early_days")


class Collector:
    """Gathers problems for one file; `fail` raises to skip the item being read."""

    class Skip(Exception):
        pass

    def __init__(self, problems: list[Problem], file: str, lines: Lines | None) -> None:
        self.problems = problems
        self.file = file
        self.lines = lines

    def line(self, *path: object) -> int | None:
        return self.lines.of(*path) if self.lines else None

    def error(self, msg: Message, *path: object, target: str | None = None) -> None:
        self.error_at(msg, self.line(*path), target)

    def warn(self, msg: Message, *path: object, target: str | None = None) -> None:
        self.warn_at(msg, self.line(*path), target)

    def error_at(self, msg: Message, line: int | None, target: str | None = None) -> None:
        self.problems.append(Problem("error", self.file, line, target, msg))

    def warn_at(self, msg: Message, line: int | None, target: str | None = None) -> None:
        self.problems.append(Problem("warning", self.file, line, target, msg))

    def fail(self, msg: Message, *path: object, target: str | None = None) -> None:
        self.error(msg, *path, target=target)
        raise self.Skip


def parse_toml_bytes(data: bytes, shown: str,
                     problems: list[Problem]) -> tuple[dict | None, Lines | None]:
    """A file's TOML, accepting a UTF-8 BOM and CRLF; a problem names its line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(Problem("error", shown, line, None, Msg.NOT_UTF8(byte=data[exc.start])))
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
        problems.append(Problem("error", shown, line, None,
                                Msg.INVALID_TOML(detail=TomlReason(message))))
        return None, None
    return parsed, Lines(text)


def check_schema(data: dict, c: Collector) -> None:
    schema = data.get("schema")
    if schema is None:
        c.fail(Msg.MISSING_SCHEMA(n=SCHEMA))
    if isinstance(schema, bool) or not isinstance(schema, int):
        c.fail(Msg.SCHEMA_NOT_INT(n=SCHEMA), "schema")
    if schema > SCHEMA:
        c.fail(Msg.SCHEMA_NEWER(schema=schema, n=SCHEMA), "schema")
    if schema < 1:
        c.fail(Msg.SCHEMA_OLDER(schema=schema, n=SCHEMA), "schema")


def number_field(c: Collector, value: object, name: str | Message, *path: object,
                 target: str | None = None) -> float:
    try:
        return check_number(value, name)  # type: ignore[arg-type]
    except KpiError as exc:
        c.fail(exc.msg, *path, target=target)
        raise  # unreachable: fail raises


def text_field(c: Collector, value: object, name: str, *path: object,
               target: str | None = None) -> str:
    if not isinstance(value, str):
        c.fail(Msg.NOT_TEXT(name=name), *path, target=target)
    return value  # type: ignore[return-value]


def date_field(c: Collector, value: object, name: str, *path: object,
               target: str | None = None) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        c.fail(Msg.NOT_DATE(name=name), *path, target=target)
    return value  # type: ignore[return-value]


def bool_field(c: Collector, value: object, name: str, *path: object,
               target: str | None = None) -> bool:
    if not isinstance(value, bool):
        c.fail(Msg.NOT_BOOL(name=name), *path, target=target)
    return value  # type: ignore[return-value]


@functools.cache
def _members(enum: type) -> dict[str, object]:
    return {m.value: m for m in enum}


def enum_field(c: Collector, enum: type, value: object, name: str, *path: object,
               target: str | None = None):
    member = _members(enum).get(value) if isinstance(value, str) else None
    if member is None:
        choices = ", ".join(m.value for m in enum)
        c.fail(Msg.NOT_CHOICE(name=name, choices=choices, value=value), *path, target=target)
    return member


def _pace(c: Collector, data: object, default: PaceBands, *path: object,
          target: str | None = None) -> PaceBands:
    if not isinstance(data, dict):
        c.fail(Msg.PACE_BANDS_NOT_TABLE(), *path, target=target)
    values = {}
    for key in _PACE_KEYS:
        raw = data.get(key, getattr(default, key))  # type: ignore[union-attr]
        values[key] = number_field(c, raw, Msg.BAND_EDGE(key=key), *path, key,
                                   target=target)
    if not values["blue"] >= values["green"] >= values["yellow"]:
        c.fail(Msg.BAND_ORDER(), *path, target=target)
    return PaceBands(**values)


def _milestone_bands(c: Collector, data: dict, default: MilestoneBands, *path: object,
                     target: str | None = None) -> MilestoneBands:
    values = {}
    for key in _MILESTONE_KEYS:
        raw = data.get(key, getattr(default, key))
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            c.fail(Msg.BAD_DAYS(key=key), *path, key, target=target)
        values[key] = raw
    return MilestoneBands(**values)


def _plan(data: dict, c: Collector) -> Plan:
    for key in sorted(set(data) - {"schema", "plan", "bands", "checks", "supervision",
                                   "targets"}):
        c.error(Msg.UNKNOWN_TOP_FIELD(key=key), key)
    plan = data.get("plan")
    if not isinstance(plan, dict):
        c.fail(Msg.MISSING_PLAN())
    for key in sorted(set(plan) - {"title", "year", "start", "end", "source", "lang"}):
        c.error(Msg.UNKNOWN_PLAN_FIELD(key=key), "plan", key)
    title = text_field(c, plan.get("title", ""), "plan.title", "plan", "title")
    if "year" in plan:
        year = plan["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2999:
            c.fail(Msg.BAD_PLAN_YEAR(), "plan", "year")
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif "start" in plan and "end" in plan:
        start = date_field(c, plan["start"], "plan.start", "plan", "start")
        end = date_field(c, plan["end"], "plan.end", "plan", "end")
        if end < start:
            c.fail(Msg.PLAN_END_BEFORE_START(), "plan", "end")
    else:
        c.fail(Msg.PLAN_NEEDS_DATES(), "plan")
    if "year" in plan and ("start" in plan or "end" in plan):
        c.error(Msg.PLAN_YEAR_AND_DATES(), "plan", "year")
    lang = plan.get("lang", "zh")
    if lang not in ("zh", "en"):
        c.error(Msg.BAD_PLAN_LANG(lang=lang), "plan", "lang")
        lang = "zh"
    source = text_field(c, plan.get("source", ""), "plan.source", "plan", "source")
    bands = _plan_bands(data.get("bands", {}), c)
    return Plan(title=title, start=start, end=end, source=source, lang=lang, bands=bands,
                checks=_checks(data.get("checks", {}), c),
                supervision=_supervision(data.get("supervision", {}), c))


def _supervision(data: object, c: Collector) -> Supervision:
    """[supervision]: reply_days, the days a unit has to answer a notice."""
    if not isinstance(data, dict):
        c.fail(Msg.SUPERVISION_NOT_TABLE(), "supervision")
    for key in sorted(set(data) - set(Supervision._fields)):  # type: ignore[arg-type]
        c.error(Msg.UNKNOWN_FIELD(key=key, hint=did_you_mean(key, list(Supervision._fields))),
                "supervision", key)
    days = data.get("reply_days", Supervision().reply_days)  # type: ignore[union-attr]
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 366:
        c.fail(Msg.BAD_DAYS(key="supervision.reply_days"), "supervision", "reply_days")
    return Supervision(days)


def _checks(data: object, c: Collector) -> Checks:
    """[checks]: the thresholds of the plausibility warnings, each with its default."""
    if not isinstance(data, dict):
        c.fail(Msg.CHECKS_NOT_TABLE(), "checks")
    default = Checks()
    for key in sorted(set(data) - set(Checks._fields)):  # type: ignore[arg-type]
        c.error(Msg.UNKNOWN_FIELD(key=key, hint=did_you_mean(key, list(Checks._fields))),
                "checks", key)
    magnitude = number_field(c, data.get("magnitude", default.magnitude),  # type: ignore[union-attr]
                             "checks.magnitude", "checks", "magnitude")
    if magnitude <= 1:
        c.fail(Msg.CHECK_TOO_SMALL(name="checks.magnitude", n=1), "checks", "magnitude")
    limit = number_field(c, data.get("growth_limit", default.growth_limit),  # type: ignore[union-attr]
                         "checks.growth_limit", "checks", "growth_limit")
    if limit <= 0:
        c.fail(Msg.CHECK_TOO_SMALL(name="checks.growth_limit", n=0), "checks", "growth_limit")
    fractions = bool_field(c, data.get("percent_fractions", True),  # type: ignore[union-attr]
                           "checks.percent_fractions", "checks", "percent_fractions")
    return Checks(magnitude, limit, fractions)


def _plan_bands(data: object, c: Collector) -> Bands:
    default = Bands()
    if not isinstance(data, dict):
        c.fail(Msg.BANDS_NOT_TABLE(), "bands")
    for key in sorted(set(data) - {*_PACE_KEYS, "difference", "milestone"}):  # type: ignore[arg-type]
        c.error(Msg.UNKNOWN_BANDS_FIELD(key=key), "bands", key)
    pace = _pace(c, data, default.pace, "bands")
    difference = _pace(c, data.get("difference", {}), default.difference,  # type: ignore[union-attr]
                       "bands", "difference")
    milestone = data.get("milestone", {})  # type: ignore[union-attr]
    if not isinstance(milestone, dict):
        c.fail(Msg.MILESTONE_BANDS_NOT_TABLE(), "bands", "milestone")
    return Bands(pace, difference, _milestone_bands(c, milestone, default.milestone,
                                                    "bands", "milestone"))


def _target_table(tid: str, raw: object, c: Collector) -> dict:
    """The target's table, its id and field names checked."""
    path = ("targets", tid)
    if not _ID.match(tid):
        c.fail(Msg.BAD_ID(id=tid), *path, target=tid)
    if not isinstance(raw, dict):
        c.fail(Msg.TARGET_NOT_TABLE(id=tid), *path, target=tid)
    for key in sorted(set(raw) - _TARGET_FIELDS):
        c.error(Msg.UNKNOWN_FIELD(key=key, hint=did_you_mean(key, sorted(_TARGET_FIELDS))),
                *path, key, target=tid)
    return raw  # type: ignore[return-value]


def _name_and_kind(tid: str, raw: dict, c: Collector) -> tuple[str, Kind]:
    path = ("targets", tid)
    if "name" not in raw:
        c.fail(Msg.MISSING_NAME(), *path, target=tid)
    name = text_field(c, raw["name"], "name", *path, "name", target=tid).strip()
    if not name:
        c.fail(Msg.EMPTY_NAME(), *path, "name", target=tid)
    if "kind" not in raw:
        c.fail(Msg.MISSING_KIND(), *path, target=tid)
    return name, enum_field(c, Kind, raw["kind"], "kind", *path, "kind", target=tid)


def _numbers(plan: Plan, tid: str, raw: dict, kind: Kind, c: Collector) -> dict:
    """target, baseline, last_year and due, each where it applies."""
    path = ("targets", tid)
    if "target" not in raw and kind is not Kind.MILESTONE:
        c.fail(Msg.MISSING_TARGET(), *path, target=tid)
    if "report" in raw and kind is not Kind.CUMULATIVE:
        c.error(Msg.REPORT_CUMULATIVE_ONLY(), *path, "report", target=tid)
    if "baseline" in raw and kind is not Kind.LEVEL:
        c.error(Msg.BASELINE_LEVEL_ONLY(), *path, "baseline", target=tid)
    out: dict = {key: number_field(c, raw[key], key, *path, key, target=tid) if key in raw
                 else None for key in ("target", "baseline", "last_year")}
    out["due"] = None
    if "due" in raw:
        out["due"] = due = date_field(c, raw["due"], "due", *path, "due", target=tid)
        if not plan.start <= due <= plan.end:
            c.warn(Msg.DUE_OUTSIDE_PLAN(due=due, start=plan.start, end=plan.end), *path, "due",
                   target=tid)
    return out


def _target(plan: Plan, tid: str, raw: object, c: Collector) -> Target:
    path = ("targets", tid)
    table = _target_table(tid, raw, c)
    name, kind = _name_and_kind(tid, table, c)
    numbers = _numbers(plan, tid, table, kind, c)
    tags = table.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        c.fail(Msg.BAD_TAGS(), *path, "tags", target=tid)

    def text(key: str) -> str:
        return text_field(c, table.get(key, ""), key, *path, key, target=tid)

    def choice(enum: type, key: str, default: str):
        return enum_field(c, enum, table.get(key, default), key, *path, key, target=tid)

    target = Target(
        id=tid, name=name, kind=kind, unit=text("unit"), section=text("section"),
        direction=choice(Direction, "direction", "up"), report=choice(Report, "report", "ytd"),
        frequency=choice(Frequency, "frequency", "monthly"),
        schedule=_schedule(plan, table.get("schedule"), c, tid), owner=text("owner"),
        tags=tuple(tags), quote=text("quote"),
        bands=_target_bands(plan, table.get("bands"), kind, c, tid),
        line=c.lines.table_line(*path) if c.lines else None, **numbers)
    _warn_degenerate(target, c)
    return target


def _warn_degenerate(target: Target, c: Collector) -> None:
    path = ("targets", target.id, "target")
    if target.kind is Kind.CUMULATIVE and target.target is not None and target.target <= 0:
        c.warn(Msg.TARGET_NOT_POSITIVE(), *path, target=target.id)
    if target.kind is Kind.LEVEL and target.baseline is not None and target.target is not None:
        span = target.target - target.baseline
        if target.direction is Direction.DOWN:
            span = -span
        if span <= 0:
            c.warn(Msg.TARGET_AT_BASELINE(), *path, target=target.id)


def _schedule(plan: Plan, raw: object, c: Collector, tid: str) -> tuple[tuple[int, float], ...]:
    if raw is None:
        return ()
    path = ("targets", tid, "schedule")
    if not isinstance(raw, dict) or not raw:
        c.fail(Msg.BAD_SCHEDULE(), *path, target=tid)
    points = []
    for key, value in raw.items():
        if not str(key).isdigit() or not 1 <= int(key) <= plan.months:
            c.fail(Msg.BAD_SCHEDULE_MONTH(key=key, n=plan.months), *path, target=tid)
        points.append((int(key), number_field(c, value, f"schedule[{key}]", *path, target=tid)))
    points.sort()
    values = [v for _, v in points]
    if values != sorted(values):
        c.fail(Msg.SCHEDULE_FALLS(), *path, target=tid)
    return tuple(points)


def _target_bands(plan: Plan, raw: object, kind: Kind, c: Collector, tid: str) -> Bands | None:
    if raw is None:
        return None
    path = ("targets", tid, "bands")
    if not isinstance(raw, dict):
        c.fail(Msg.TARGET_BANDS_NOT_TABLE(), *path, target=tid)
    for key in sorted(set(raw) - {*_PACE_KEYS, *_MILESTONE_KEYS}):
        c.error(Msg.UNKNOWN_BAND_EDGE(key=key), *path, key, target=tid)
    base = plan.bands
    if kind in (Kind.GROWTH, Kind.THRESHOLD):
        return Bands(base.pace, _pace(c, raw, base.difference, *path, target=tid), base.milestone)
    return Bands(_pace(c, raw, base.pace, *path, target=tid), base.difference,
                 _milestone_bands(c, raw, base.milestone, *path, target=tid))


def targets_from_bytes(data: bytes, shown: str,
                       problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    """A targets file's plan and targets from its bytes."""
    parsed, lines = parse_toml_bytes(data, shown, problems)
    return plan_and_targets(parsed, lines, shown, problems)


def plan_and_targets(data: dict | None, lines: Lines | None, shown: str,
                     problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    if data is None:
        return None, []
    c = Collector(problems, shown, lines)
    try:
        check_schema(data, c)
        plan = _plan(data, c)
    except Collector.Skip:
        return None, []
    raw_targets = data.get("targets", {})
    if not isinstance(raw_targets, dict):
        c.error(Msg.TARGETS_NOT_TABLES(), "targets")
        return plan, []
    if not raw_targets:
        c.warn(Msg.NO_TARGETS())
    targets = []
    for tid, raw in raw_targets.items():
        try:
            targets.append(_target(plan, tid, raw, c))
        except Collector.Skip:
            continue
    return plan, targets
