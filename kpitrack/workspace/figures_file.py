"""A month file of figures (actuals/YYYY-MM.toml) into `Actual`s, every problem at its line.

One validator reads every record: each field is checked where it is read, in a straight
line of type checks that a clean record passes without a message being built, and a
field that is wrong is worded at its line. The duplicate rule (`core.records.duplicates`)
then looks at the file's records together.
"""

from __future__ import annotations

import datetime as dt
import re
from sys import intern
from typing import Any

from ..core.errors import Problem
from ..core.model import Actual, Kind, Plan, Target
from ..core.period import Period
from ..core.recording import unknown_target_message
from ..core.records import duplicates
from ..core.typed import MAX_ABS_VALUE
from ..i18n.messages import Msg
from ..i18n.words import kind_term
from .fields import Collector, bool_field, check_schema, date_field, number_field, text_field
from .month_files import parse_month_file, record_period, recorded_field
from .positions import Lines

ACTUAL_FIELDS = frozenset({"target", "period", "value", "done", "date", "recorded", "by",
                           "note", "source", "correction", "example", "withdrawn", "id",
                           "withdraws"})
RECORD_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
_FLAGS = ("correction", "example", "withdrawn")
_TEXTS = ("by", "note", "source")


_NUMBERS = (int, float)
_PLAIN_FIELDS = frozenset({"target", "period", "value", "recorded"})


class _File:
    """What every record of one month file is checked against."""

    def __init__(self, c: Collector, lines: Lines, period: Period, plan: Plan,
                 targets: dict[str, Target], count: int) -> None:
        self.c, self.lines, self.period, self.plan, self.targets = c, lines, period, plan, targets
        self.count = count
        self.period_text, self.in_plan = str(period), plan.contains(period)
        # Each record's line, from the headers of the `[[actual]]` blocks; None when the
        # file holds its records some other way, and each line is looked up when asked.
        found = lines.record_lines("actual", count)
        self.record_lines: list[int] | None = found if len(found) == count else None

    def target(self, raw: object, path: tuple[object, ...]) -> tuple[dict[str, Any], Target]:
        """The record's table and the target it names; unknown fields noted."""
        c = self.c
        if type(raw) is not dict:
            c.fail(Msg.RECORD_NOT_TABLE(), *path)
        tid = raw.get("target")
        target = self.targets.get(tid) if type(tid) is str else None
        if not raw.keys() <= ACTUAL_FIELDS:
            for key in sorted(raw.keys() - ACTUAL_FIELDS):
                c.error(Msg.UNKNOWN_RECORD_FIELD(key=key), *path, key,
                        target=tid if type(tid) is str else None)
        if target is None:
            if tid is None:
                c.fail(Msg.NO_RECORD_TARGET(), *path)
            if type(tid) is not str:
                c.fail(Msg.RECORD_TARGET_NOT_TEXT(), *path, "target")
            c.fail(unknown_target_message(tid, list(self.targets.values())), *path, "target",
                   target=tid)
        return raw, target

    def figure(self, raw: dict[str, Any], path: tuple[object, ...], target: Target
               ) -> tuple[float | None, bool | None]:
        """The value and `done`, as the target's kind allows."""
        c, tid = self.c, target.id
        value = raw.get("value")
        if value is not None:
            if type(value) not in (int, float) or not -MAX_ABS_VALUE <= value <= MAX_ABS_VALUE:
                value = number_field(c, value, "value", *path, "value", target=tid)
            if value < 0 and target.kind in (Kind.CUMULATIVE, Kind.MILESTONE):
                c.fail(Msg.NEGATIVE_VALUE(value=value, kind=kind_term(target.kind.value)),
                       *path, "value", target=tid)
        done = raw.get("done")
        if done is not None:
            bool_field(c, done, "done", *path, "done", target=tid)
        if target.kind is Kind.MILESTONE:
            if value is None and done is None:
                c.fail(Msg.MILESTONE_NEEDS_DONE(), *path, target=tid)
        elif done is not None:
            c.fail(Msg.DONE_MILESTONES_ONLY(), *path, "done", target=tid)
        elif value is None:
            c.fail(Msg.NO_RECORD_VALUE(), *path, target=tid)
        return value, done

    def withdrawal(self, raw: dict[str, Any], path: tuple[object, ...], tid: str) -> None:
        """A withdrawal names a target and a period, and carries no figure of its own."""
        for key in ("value", "done", "date", "correction"):
            if key in raw:
                self.c.fail(Msg.WITHDRAWAL_ONLY(key=key), *path, key, target=tid)

    def ids(self, raw: dict[str, Any], path: tuple[object, ...], tid: str, withdrawn: bool
            ) -> tuple[str, str]:
        """The record's own id and, for a withdrawal, the id of the record it takes back."""
        found = []
        for key in ("id", "withdraws"):
            value = raw.get(key, "")
            if value != "" and (type(value) is not str or not RECORD_ID.match(value)):
                self.c.fail(Msg.BAD_RECORD_ID(), *path, key, target=tid)
            found.append(value)
        if found[1] and not withdrawn:
            self.c.fail(Msg.WITHDRAWS_ONLY(), *path, "withdraws", target=tid)
        return found[0], found[1]

    def plain(self, raw: object, index: int) -> Actual | None:
        """A record of the four fields a figure needs and nothing else, each of the right
        type (most of a large workspace): built at once. None for any other record, which
        `record` reads field by field."""
        if type(raw) is not dict or raw.keys() != _PLAIN_FIELDS:
            return None
        tid, value, recorded = raw["target"], raw["value"], raw["recorded"]
        target = self.targets.get(tid) if type(tid) is str else None
        if target is None or not self.in_plan or raw["period"] != self.period_text or \
                type(value) not in _NUMBERS or not -MAX_ABS_VALUE <= value <= MAX_ABS_VALUE or \
                type(recorded) is not dt.datetime or recorded.tzinfo is None:
            return None
        kind = target.kind
        if kind is Kind.MILESTONE or (value < 0 and kind is Kind.CUMULATIVE):
            return None
        line = self.record_lines[index] if self.record_lines is not None else \
            self.c.line("actual", index)
        return Actual(target.id, self.period, value, None, None, recorded, "", "", "", False,
                      False, self.c.file, line, index)

    def record(self, raw: object, index: int) -> Actual:
        """One record, every field checked and every problem worded at its line.

        A clean record passes a straight line of type checks (100,000 of them are most of
        reading a large workspace); a field that fails one is checked again by its field
        checker, which words the problem.
        """
        plain = self.plain(raw, index)
        if plain is not None:
            return plain
        c, path = self.c, ("actual", index)
        tid = raw.get("target") if isinstance(raw, dict) else None
        target = self.targets.get(tid) if type(tid) is str else None
        table: dict[str, Any]
        if target is None or not isinstance(raw, dict) or not raw.keys() <= ACTUAL_FIELDS:
            table, target = self.target(raw, path)
        else:
            table = raw
        get, tid = table.get, target.id
        raw = table
        period = self.period if self.in_plan and get("period") == self.period_text else \
            record_period(raw, path, self.period, self.plan, tid, c)
        correction, example, withdrawn = (get("correction", False), get("example", False),
                                          get("withdrawn", False))
        if type(correction) is not bool or type(example) is not bool or \
                type(withdrawn) is not bool:
            correction, example, withdrawn = (
                bool_field(c, get(key, False), key, *path, key, target=tid) for key in _FLAGS)
        value: Any = get("value")
        done: Any = get("done")
        kind = target.kind
        if withdrawn:
            self.withdrawal(raw, path, tid)
            value, done = None, None
        elif done is not None or kind is Kind.MILESTONE or type(value) not in _NUMBERS or \
                not -MAX_ABS_VALUE <= value <= MAX_ABS_VALUE or \
                (value < 0 and kind is Kind.CUMULATIVE):
            value, done = self.figure(raw, path, target)
        day = date_field(c, raw["date"], "date", *path, "date", target=tid) \
            if "date" in raw else None
        recorded = get("recorded")
        if type(recorded) is not dt.datetime or recorded.tzinfo is None:
            recorded = recorded_field(raw, path, tid, c)
        by, note, source = get("by", ""), get("note", ""), get("source", "")
        if type(by) is not str or type(note) is not str or type(source) is not str:
            by, note, source = (text_field(c, get(key, ""), key, *path, key, target=tid)
                                for key in _TEXTS)
        uid, withdraws = self.ids(raw, path, tid, withdrawn) \
            if "id" in raw or "withdraws" in raw else ("", "")
        line = self.record_lines[index] if self.record_lines is not None else \
            c.line("actual", index)
        # A repeated note or unit is one object, not 100,000 copies.
        return Actual(tid, period, value, done, day, recorded,
                      intern(by) if len(by) < 64 else by, intern(note) if len(note) < 64
                      else note, intern(source) if len(source) < 64 else source, correction,
                      example, c.file, line, index, withdrawn, uid, withdraws)


def actuals_from_bytes(name: str, shown: str, data: bytes, plan: Plan,
                       targets: dict[str, Target], problems: list[Problem]) -> list[Actual]:
    """A month file's records from its bytes."""
    found = parse_month_file(name, shown, data, problems)
    if found is None:
        return []
    period, parsed, lines = found
    c = Collector(problems, shown, lines)
    try:
        check_schema(parsed, c)
        for key in sorted(set(parsed) - {"schema", "actual"}):
            c.error(Msg.UNKNOWN_TOP_FIELD_RECORDS(key=key), key)
        raw_records = parsed.get("actual", [])
        if not isinstance(raw_records, list):
            c.fail(Msg.RECORDS_NOT_TABLES(), "actual")
    except Collector.Skip:
        return []
    reader = _File(c, lines, period, plan, targets, len(raw_records))
    records: list[Actual] = []
    seen: dict[str, Actual] = {}
    for index, raw in enumerate(raw_records):
        try:
            record = reader.record(raw, index)
        except Collector.Skip:
            continue
        if record.uid and record.uid in seen:  # the same record copied twice counts once
            first = seen[record.uid]
            c.warn_at(Msg.SAME_RECORD_TWICE(a=first.line, b=record.line, uid=record.uid),
                      record.line, record.target)
            continue
        if record.uid:
            seen[record.uid] = record
        records.append(record)
    for finding in duplicates(records, targets):
        problems.append(Problem(finding.severity, shown, finding.line, finding.target,
                                finding.msg))
    return records
