"""Checking the records of a month file (actuals/YYYY-MM.toml) into `Actual`s.

Most of a large workspace is the common record, which `_plain_actual` accepts in one
quick look; anything unusual goes through `_actual`, which checks every field and
words every problem at file:line. `_check_duplicates` holds the rule for a second
figure in one month.
"""

from __future__ import annotations

import datetime as dt
import re
import sys

from .catalogue import Msg
from .entry import unknown_target_message
from .model import Actual, Kind, Period, Plan, Problem, Target
from .parse import MAX_ABS_VALUE
from .positions import Lines
from .schema import (
    Collector,
    bool_field,
    check_schema,
    date_field,
    number_field,
    parse_toml_bytes,
    text_field,
)

_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")
_PERIOD_TEXT = re.compile(r"^(\d{4})-(\d{2})$")
_ACTUAL_FIELDS = {"target", "period", "value", "done", "date", "recorded", "by", "note",
                  "source", "correction", "example", "withdrawn"}
# The fields of the common record, the one `_plain_actual` accepts at a glance.
_PLAIN_FIELDS = frozenset(_ACTUAL_FIELDS - {"done", "date", "withdrawn"})


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
                               example, file, line, seq, False))


_new_tuple = tuple.__new__


def _shared(text: str) -> str:
    """A repeated note or unit is one object, not 100,000 copies."""
    return sys.intern(text) if len(text) < 64 else text


def _record_target(raw: object, path: tuple, targets: dict[str, Target],
                   c: Collector) -> tuple[dict, Target]:
    """The record's table and the target it names."""
    if not isinstance(raw, dict):
        c.fail(Msg.RECORD_NOT_TABLE(), *path)
    tid = raw.get("target")
    if tid is None:
        c.fail(Msg.NO_RECORD_TARGET(), *path)
    if not isinstance(tid, str):
        c.fail(Msg.RECORD_TARGET_NOT_TEXT(), *path, "target")
    for key in sorted(set(raw) - _ACTUAL_FIELDS):
        c.error(Msg.UNKNOWN_RECORD_FIELD(key=key), *path, key, target=tid)
    target = targets.get(tid)
    if target is None:
        c.fail(unknown_target_message(tid, list(targets.values())), *path, "target", target=tid)
    return raw, target  # type: ignore[return-value]


def record_period(raw: dict, path: tuple, file_period: Period, plan: Plan, tid: str,
                   c: Collector) -> Period:
    text = raw.get("period")
    if text is None:
        c.fail(Msg.NO_RECORD_PERIOD(), *path, target=tid)
    match = _PERIOD_TEXT.match(text) if isinstance(text, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        c.fail(Msg.BAD_RECORD_PERIOD(value=text), *path, "period", target=tid)
    period = Period(int(match.group(1)), int(match.group(2)))
    if period != file_period:
        c.fail(Msg.PERIOD_NOT_FILE_MONTH(period=period, month=file_period), *path, "period",
               target=tid)
    if not plan.contains(period):
        c.fail(Msg.PERIOD_OUTSIDE_PLAN(period=period, first=plan.first_period,
                                       last=plan.last_period), *path, "period", target=tid)
    return file_period


def _record_figure(raw: dict, path: tuple, target: Target,
                   c: Collector) -> tuple[float | None, bool | None]:
    """The value and `done`, as the target's kind allows."""
    tid = target.id
    value = None
    if "value" in raw:
        value = number_field(c, raw["value"], "value", *path, "value", target=tid)
        if value < 0 and target.kind in (Kind.CUMULATIVE, Kind.MILESTONE):
            c.fail(Msg.NEGATIVE_VALUE(value=value, kind=target.kind), *path, "value", target=tid)
    done = raw.get("done")
    if done is not None:
        bool_field(c, done, "done", *path, "done", target=tid)
    if target.kind is Kind.MILESTONE:
        if value is None and done is None:
            c.fail(Msg.MILESTONE_NEEDS_DONE(), *path, target=tid)
    else:
        if done is not None:
            c.fail(Msg.DONE_MILESTONES_ONLY(), *path, "done", target=tid)
        if value is None:
            c.fail(Msg.NO_RECORD_VALUE(), *path, target=tid)
    return value, done


def _withdrawal(raw: dict, path: tuple, tid: str, c: Collector) -> tuple[None, None]:
    """A withdrawal names a target and a period, and carries no figure of its own."""
    for key in ("value", "done", "date", "correction"):
        if key in raw:
            c.fail(Msg.WITHDRAWAL_ONLY(key=key), *path, key, target=tid)
    return None, None


def _recorded(raw: dict, path: tuple, tid: str, c: Collector) -> dt.datetime | None:
    recorded = raw.get("recorded")
    if recorded is None or (isinstance(recorded, dt.datetime) and recorded.tzinfo):
        return recorded
    if isinstance(recorded, dt.datetime):  # no offset: the local time of this machine
        return recorded.astimezone()
    if isinstance(recorded, dt.date):
        return dt.datetime.combine(recorded, dt.time()).astimezone()
    c.fail(Msg.BAD_RECORDED(), *path, "recorded", target=tid)
    return None  # unreachable: fail raises


def _actual(raw: object, index: int, file_period: Period, plan: Plan,
            targets: dict[str, Target], c: Collector, seq: int) -> Actual:
    """Any record, every field checked and every problem worded at its line."""
    path = ("actual", index)
    table, target = _record_target(raw, path, targets, c)
    tid = target.id
    period = record_period(table, path, file_period, plan, tid, c)
    flags = {key: bool_field(c, table.get(key, False), key, *path, key, target=tid)
             for key in ("correction", "example", "withdrawn")}
    if flags["withdrawn"]:
        value, done = _withdrawal(table, path, tid, c)
    else:
        value, done = _record_figure(table, path, target, c)
    day = date_field(c, table["date"], "date", *path, "date", target=tid) \
        if "date" in table else None
    recorded = _recorded(table, path, tid, c)
    strings = {k: _shared(text_field(c, table.get(k, ""), k, *path, k, target=tid))
               for k in ("by", "note", "source")}
    return Actual(target=tid, period=period, value=value, done=done, date=day,
                  recorded=recorded, file=c.file, line=c.line(*path), seq=seq, **flags,
                  **strings)


def month_period(name: str) -> Period | None:
    """The month a file name such as `2025-03.toml` holds; None for any other name."""
    match = _MONTH_FILE.match(name)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return Period(int(match.group(1)), int(match.group(2)))


def parse_month_file(name: str, shown: str, data: bytes, problems: list[Problem]
                     ) -> tuple[Period, dict, Lines | None] | None:
    """A month file's period (from its name) and TOML, or None with the problem noted:
    the same for figures (actuals/) and for units' answers (responses/)."""
    period = month_period(name)
    if period is None:
        problems.append(Problem("error", shown, None, None, Msg.BAD_MONTH_FILE_NAME()))
        return None
    parsed, lines = parse_toml_bytes(data, shown, problems)
    return None if parsed is None else (period, parsed, lines)


def actuals_from_bytes(name: str, shown: str, data: bytes, plan: Plan,
                       targets: dict[str, Target], problems: list[Problem]) -> list[Actual]:
    """A month file's records from its bytes."""
    found = parse_month_file(name, shown, data, problems)
    if found is None:
        return []
    period, parsed, lines = found
    return _records(parsed, lines, shown, period, plan, targets, problems)


def _records(data: dict, lines: Lines | None, shown: str, file_period: Period, plan: Plan,
             targets: dict[str, Target], problems: list[Problem]) -> list[Actual]:
    c = Collector(problems, shown, lines)
    try:
        check_schema(data, c)
        for key in sorted(set(data) - {"schema", "actual"}):
            c.error(Msg.UNKNOWN_TOP_FIELD_RECORDS(key=key), key)
        raw_records = data.get("actual", [])
        if not isinstance(raw_records, list):
            c.fail(Msg.RECORDS_NOT_TABLES(), "actual")
    except Collector.Skip:
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
        except Collector.Skip:
            continue
    _check_duplicates(records, targets, c)
    return records


def _figure(record: Actual) -> tuple:
    return (record.value, bool(record.done), record.date)


def _check_duplicates(records: list[Actual], targets: dict[str, Target], c: Collector) -> None:
    """One figure per (target, period), unless figures add up; see `evaluate.counting`.

    Two clones can each record a figure for the same month, and a merge keeps both:
    - two different uncorrected figures are an error, until a correction newer than
      both says which is right, or a withdrawal takes one back;
    - the same figure twice is a warning: it changes nothing;
    - two corrections recorded at the same moment with different figures are a
      warning: the one later in the file counts, but a person should decide.
    """
    from .evaluate import adds_up, in_force, record_order

    groups: dict[tuple[str, Period], list[Actual]] = {}
    for record in records:
        groups.setdefault((record.target, record.period), []).append(record)
    for (tid, period), group in groups.items():
        if len(group) < 2:
            continue
        standing = sorted(in_force(targets[tid], group), key=lambda r: r.seq)  # file order
        figures = [r for r in standing if not r.correction]
        corrections = sorted((r for r in group if r.correction and not r.withdrawn),
                             key=record_order)
        if not adds_up(targets[tid]) and len(figures) > 1:
            # A correction newer than every uncorrected figure settles them all.
            settled = bool(corrections) and \
                record_order(corrections[-1]) > max(map(record_order, figures))
            first = figures[0]
            other = next((r for r in figures[1:] if _figure(r) != _figure(first)), None)
            if other is not None and not settled:
                c.error_at(Msg.SECOND_FIGURE(id=tid, period=period, line=first.line),
                           other.line, tid)
            elif other is None and not settled:
                c.warn_at(Msg.SAME_FIGURE_TWICE(id=tid, period=period, a=first.line,
                                                b=figures[1].line), figures[1].line, tid)
        if len(corrections) > 1:
            last, before = corrections[-1], corrections[-2]
            if last.recorded == before.recorded and _figure(last) != _figure(before):
                c.warn_at(Msg.TIED_CORRECTIONS(id=tid, period=period, a=before.line,
                                               b=last.line), last.line, tid)
