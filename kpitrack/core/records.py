"""Which record counts: the order records were made in, what a withdrawal takes back, and
the rule for a second figure in one month. Pure."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..i18n.base import Message
from ..i18n.messages import Msg
from .errors import Severity
from .model import Actual, Kind, Report, Target
from .period import Period

_EARLIEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def record_order(record: Actual) -> tuple[dt.datetime, int]:
    """Oldest first: by `recorded`, then by place in the file.

    `recorded` decides whatever order a merge of two clones puts records in. Records made
    within the same second (a figure and its withdrawal, one after the other) keep the
    order they were written in; once clones have synced, every clone holds the same file,
    so that order is the same everywhere.
    """
    return (record.recorded or _EARLIEST, record.seq)


def adds_up(target: Target) -> bool:
    """An `increment` target's figures in one month add up."""
    return target.kind is Kind.CUMULATIVE and target.report is Report.INCREMENT


def in_force(target: Target, group: Sequence[Actual]) -> list[Actual]:
    """One period's records still in force, oldest first.

    Each record is applied in `record_order`: a figure goes on top; a withdrawal takes
    back the record it names (`withdraws`), wherever it is, or, in a file written before
    records had ids, the top one. An uncorrected figure recorded after a correction,
    which only a clone that had not seen the correction can write, goes under the
    corrections. So when one clone withdraws a figure and another corrects it, the
    correction stands: both said the figure was wrong, and one said what is right.
    """
    return _applied(target, group)[0]


def _applied(target: Target, group: Sequence[Actual]
             ) -> tuple[list[Actual], list[tuple[Actual, Actual]]]:
    """The records in force, and each (withdrawal, correction) that two clones made
    without seeing each other: see `crossed`."""
    stack: list[Actual] = []
    crossed: list[tuple[Actual, Actual]] = []
    last_withdrawal: Actual | None = None
    for record in sorted(group, key=record_order):
        if record.withdrawn:
            named = next((r for r in stack if record.withdraws and r.uid == record.withdraws),
                         None)
            if named is not None:
                if named is not stack[-1] and stack[-1].correction:
                    crossed.append((record, stack[-1]))  # made without seeing the correction
                stack.remove(named)
            elif stack and not record.withdraws:
                stack.pop()
            last_withdrawal = record
        elif adds_up(target) or record.correction or not any(r.correction for r in stack):
            if record.correction and not stack and last_withdrawal is not None:
                crossed.append((last_withdrawal, record))  # corrects what was withdrawn
            stack.append(record)
        else:
            stack.insert(next(i for i, r in enumerate(stack) if r.correction), record)
    return stack, crossed


def counting(target: Target, group: Sequence[Actual]) -> list[Actual]:
    """Which of one period's records count, oldest first.

    Increment figures add up, and a correction replaces the month's total so far.
    Otherwise the one on top counts: the newest correction if there is one, else the
    newest figure (see `in_force`). A withdrawal takes back the one that counted.
    """
    stack = in_force(target, group)
    if adds_up(target):
        start = max((i for i, r in enumerate(stack) if r.correction), default=0)
        return stack[start:]
    return stack[-1:]


def by_period(records: Iterable[Actual]) -> dict[Period, list[Actual]]:
    grouped: dict[Period, list[Actual]] = defaultdict(list)
    for record in records:
        grouped[record.period].append(record)
    return grouped


def effective_records(target: Target, records: Iterable[Actual]) -> dict[Period, Actual]:
    """The record that counts for each period, in period order (see `counting`).

    For an increment target the returned record carries the month's total.
    """
    records = records if isinstance(records, list | tuple) else list(records)
    last: Period | None = None
    for record in records:  # one record a month, in month order: each counts as it is
        if record.withdrawn or (last is not None and record.period <= last):
            break
        last = record.period
    else:
        return {record.period: record for record in records}
    chosen: dict[Period, Actual] = {}
    for period, group in by_period(records).items():
        if len(group) == 1 and not group[0].withdrawn:
            chosen[period] = group[0]
            continue
        kept = counting(target, group)
        if not kept:
            continue  # every figure for the period was withdrawn
        if adds_up(target):
            chosen[period] = kept[-1]._replace(value=sum(r.value or 0.0 for r in kept),
                                               example=any(r.example for r in group))
        else:
            chosen[period] = kept[0]
    return dict(sorted(chosen.items()))


def records_that_count(target: Target, records: Sequence[Actual]) -> list[bool]:
    """For each record, whether it still counts or another one (a correction) replaced it."""
    kept = {id(r) for group in by_period(records).values() for r in counting(target, group)}
    return [id(r) in kept for r in records]


def group_by_target(actuals: Iterable[Actual]) -> dict[str, list[Actual]]:
    grouped: dict[str, list[Actual]] = defaultdict(list)
    for record in actuals:
        grouped[record.target].append(record)
    return grouped


def _figure(record: Actual) -> tuple[float | None, bool, dt.date | None]:
    return (record.value, bool(record.done), record.date)


class Finding(NamedTuple):
    """What the duplicate rule found in a month file: a problem at a record's line."""

    severity: Severity
    line: int | None
    target: str
    msg: Message


def duplicates(records: Sequence[Actual], targets: dict[str, Target]) -> list[Finding]:
    """One figure per (target, period), unless figures add up; see `counting`.

    Two clones can each record a figure for the same month, and a merge keeps both:
    - two different uncorrected figures are an error, until a correction newer than
      both says which is right, or a withdrawal takes one back;
    - the same figure twice is a warning: it changes nothing;
    - two corrections recorded at the same moment with different figures are a
      warning: the one later in the file counts, but a person should decide.
    """
    keys = [(record.target, record.period) for record in records]
    if len(set(keys)) == len(keys):
        return []  # one record per target and month: the usual month file
    groups: dict[tuple[str, Period], list[Actual]] = defaultdict(list)
    for key, record in zip(keys, records, strict=True):
        groups[key].append(record)
    found: list[Finding] = []
    for (tid, period), group in groups.items():
        if len(group) > 1:
            found += _second_figures(targets[tid], period, group)
            found += _tied_corrections(tid, period, group)
            found += [Finding("warning", correction.line, tid, Msg.WITHDRAWN_AND_CORRECTED(
                id=tid, period=period, a=withdrawal.line, b=correction.line))
                for withdrawal, correction in _applied(targets[tid], group)[1]]
    return found


def _second_figures(target: Target, period: Period, group: list[Actual]) -> list[Finding]:
    if adds_up(target):
        return []
    standing = sorted(in_force(target, group), key=lambda r: r.seq)  # file order
    figures = [r for r in standing if not r.correction]
    if len(figures) < 2:
        return []
    corrections = sorted((r for r in group if r.correction and not r.withdrawn),
                         key=record_order)
    # A correction newer than every uncorrected figure settles them all.
    if corrections and record_order(corrections[-1]) > max(map(record_order, figures)):
        return []
    first, tid = figures[0], target.id
    other = next((r for r in figures[1:] if _figure(r) != _figure(first)), None)
    if other is not None:
        return [Finding("error", other.line, tid,
                        Msg.SECOND_FIGURE(id=tid, period=period, line=first.line))]
    return [Finding("warning", figures[1].line, tid,
                    Msg.SAME_FIGURE_TWICE(id=tid, period=period, a=first.line,
                                          b=figures[1].line))]


def _tied_corrections(tid: str, period: Period, group: list[Actual]) -> list[Finding]:
    corrections = sorted((r for r in group if r.correction and not r.withdrawn),
                         key=record_order)
    if len(corrections) < 2:
        return []
    last, before = corrections[-1], corrections[-2]
    if last.recorded == before.recorded and _figure(last) != _figure(before):
        return [Finding("warning", last.line, tid,
                        Msg.TIED_CORRECTIONS(id=tid, period=period, a=before.line,
                                             b=last.line))]
    return []
