"""What a typed figure becomes: a checked record for `add`, the rule for a second figure
in one month, and what each row of a sheet would record. Pure."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from ..i18n.base import Message, closest
from ..i18n.messages import Msg
from ..i18n.vocabulary import DONE_WORDS, YES_WORDS
from ..i18n.words import kind_term
from .errors import KpiError, place
from .evaluate import status_after
from .model import Actual, Evaluation, Kind, Plan, Target
from .period import Period
from .records import adds_up, effective_records, group_by_target
from .typed import is_unread_period, parse_date, parse_period, parse_value


def default_period(today: dt.date) -> Period:
    """Figures are reported after the month closes: the previous calendar month."""
    return Period.of(today).shifted(-1)


def check_period(plan: Plan, period: Period, today: dt.date) -> None:
    if not plan.contains(period):
        raise KpiError(Msg.PERIOD_OUTSIDE_PLAN_ADD(period=period, first=plan.first_period,
                                                   last=plan.last_period))
    if period > Period.of(today):
        raise KpiError(Msg.PERIOD_IN_FUTURE_TODAY(period=period, today=today))


def build_actual(plan: Plan, target: Target, *, value: str | None, period: Period,
                 done: bool, date: dt.date | None, by: str, note: str, source: str,
                 correct: bool, now: dt.datetime, today: dt.date) -> Actual:
    check_period(plan, period, today)
    number = None
    if target.kind is Kind.MILESTONE:
        if value is None and not done:
            raise KpiError(Msg.MILESTONE_NEEDS_DONE_ADD(id=target.id))
        if value is not None:
            number = parse_value(value, "%")
            if not 0 <= number <= 100:
                raise KpiError(Msg.BAD_PERCENT(n=number))
    else:
        if done or date is not None:
            raise KpiError(Msg.DONE_FOR_MILESTONES(id=target.id, kind=kind_term(target.kind)))
        if value is None:
            raise KpiError(Msg.GIVE_FIGURE(id=target.id))
        number = parse_value(value, target.unit)
        if number < 0 and target.kind is Kind.CUMULATIVE:
            raise KpiError(Msg.NEGATIVE_FIGURE(text=value))
    if date is not None and date > today:
        raise KpiError(Msg.DATE_IN_FUTURE(date=date, today=today))
    return Actual(target=target.id, period=period, value=number, done=True if done else None,
                  date=date, recorded=now, by=by, note=note, source=source, correction=correct)


def did_you_mean(key: str, choices: list[str]) -> Message | str:
    """A hint naming the closest choice, or nothing."""
    close = closest(key, choices)
    return Msg.DID_YOU_MEAN(close=close) if close else ""


class TargetIndex:
    """Targets by id and by name, each found at once. An id always wins over a name
    (a target named like another's id cannot take that id's figures), and a name two
    targets share finds neither: the id must be given."""

    def __init__(self, targets: Sequence[Target]) -> None:
        self.targets = list(targets)
        self.by_id = {t.id: t for t in self.targets}
        self.by_name: dict[str, list[Target]] = {}
        for target in self.targets:
            self.by_name.setdefault(name_key(target.name), []).append(target)

    def named(self, name: str) -> list[Target]:
        """The targets of this name, its spaces, tabs and line breaks compared as one."""
        return self.by_name.get(name_key(name), [])

    def find(self, key: str) -> Target:
        found = self.by_id.get(key)
        if found is not None:
            return found
        named = self.named(key)
        if len(named) > 1:
            raise KpiError(Msg.AMBIGUOUS_NAME(key=key, ids=", ".join(t.id for t in named)))
        if named:
            return named[0]
        raise KpiError(unknown_target_message(key, self.targets))


# Control characters a sheet cannot hold (kpitrack writes a name without them), and the
# invisible ones that reorder text.
_UNWRITTEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                        "\u202a-\u202e\u2066-\u2069]")


def name_key(name: str) -> str:
    """A target's name as compared with a sheet's: a tab or line break in it is written to
    a sheet as a space, and a sheet's spaces are not counted."""
    return " ".join(_UNWRITTEN.sub("", name).split())


def row_target(cells: dict[str, str], index: TargetIndex) -> tuple[Target, Message | None]:
    """A sheet row's target, from its id or name cell, and a warning when the name cell
    differs from the name of the target its id names.

    A known id decides, as the sheets kpitrack writes lock it: a name edited in the sheet,
    or a target renamed since, is imported by the id, with the warning. A name that is
    another target's is refused, as two targets named in one row."""
    key, name = cells.get("target"), cells.get("name")
    if key is None and name is None:
        raise KpiError(Msg.NO_TARGET_CELL())
    by_id = index.by_id.get(key) if key is not None else None
    if by_id is not None and name is not None:
        if name_key(name) == name_key(by_id.name):
            return by_id, None
        other = index.named(name)
        if other:
            raise KpiError(Msg.TARGET_NAME_DISAGREE(a=by_id.id, b=other[0].id))
        return by_id, Msg.NAME_DIFFERS(id=by_id.id, name=by_id.name, written=name)
    found = [index.find(text) for text in (key, name) if text is not None]
    if len(found) == 2 and found[0] is not found[1]:
        raise KpiError(Msg.TARGET_NAME_DISAGREE(a=found[0].id, b=found[1].id))
    return found[0], None


def unknown_target_message(key: str, targets: Sequence[Target]) -> Message:
    choices = [t.id for t in targets] + [t.name for t in targets]
    return Msg.UNKNOWN_TARGET(key=key, hint=did_you_mean(key, choices))


# --------------------------------------------------------------------------- importing a sheet

NEW, CORRECTION, SAME, ADDS_UP = "new", "correction", "same", "adds_up"
# A sheet's total row (合计), a blank row between figures, and a target's row whose figure
# was left empty (a collection sheet not filled in for it): listed, and skipped.
TOTAL_ROW, BLANK_ROW, UNFILLED_ROW = "total", "blank", "unfilled"


class ImportRow(NamedTuple):
    """One data row of a sheet and what importing it would do."""

    number: int
    cells: dict[str, str]
    target: Target | None = None
    record: Actual | None = None
    # new | correction | same (already recorded, skipped) | adds_up (increment figures)
    action: str | None = None
    error: Message | None = None
    # The name cell differs from the name of the target the id names: imported by the id.
    renamed: Message | None = None

    @property
    def writes(self) -> bool:
        return self.record is not None and self.action != SAME


def figure_action(target: Target, record: Actual, earlier: Sequence[Actual], *,
                  correct: bool, skip_same: bool) -> str:
    """The rule for a figure whose period may already hold one: what it does.

    Figures of an increment target add up (a correction resets the month). Otherwise
    a period holds one figure, and another one needs `correct`; with `skip_same`, a
    figure equal to the one recorded is skipped instead (a sheet imported twice).
    """
    latest = effective_records(target, earlier).get(record.period)
    if latest is None:  # none recorded, or all withdrawn
        return NEW
    if adds_up(target):
        return CORRECTION if correct else ADDS_UP
    if skip_same and (latest.value, bool(latest.done), latest.date) == (
            record.value, bool(record.done), record.date or latest.date):
        return SAME
    if not correct:
        raise KpiError(already_recorded(target.id, latest))
    return CORRECTION


class SheetLine(Protocol):
    """A sheet's row as the workspace layer reads it: its number, its cells by field,
    and whether it holds a figure ("data"), a total ("total") or nothing ("blank")."""

    @property
    def number(self) -> int: ...
    @property
    def cells(self) -> dict[str, str]: ...
    @property
    def kind(self) -> str: ...


def plan_import(plan: Plan, targets: Sequence[Target], existing: Sequence[Actual],
                rows: Sequence[SheetLine], *, file: str, correct: bool, period: Period | None,
                by: str, source: str, now: dt.datetime, today: dt.date) -> list[ImportRow]:
    """What each row of a sheet would record, by the rules `add` follows.

    A row that repeats a recorded figure exactly is skipped; one that differs
    needs `correct` (it is then recorded as a correction). Two rows for one
    target and month are an error, unless the target's figures add up.
    """
    index = TargetIndex(targets)
    recorded: dict[tuple[str, Period], list[Actual]] = {}
    for actual in existing:
        recorded.setdefault((actual.target, actual.period), []).append(actual)
    seen: dict[tuple[str, Period], int] = {}
    planned = []
    for row in rows:
        if row.kind != "data":
            planned.append(ImportRow(row.number, row.cells,
                                     action=TOTAL_ROW if row.kind == "total" else BLANK_ROW))
            continue
        target, renamed = None, None
        if not {"value", "date"} & row.cells.keys():
            planned.append(ImportRow(row.number, row.cells, action=UNFILLED_ROW))
            continue
        try:
            target, renamed = row_target(row.cells, index)
            record = _row_record(plan, target, row.cells, file=file, number=row.number,
                                 period=period, by=by, source=source, now=now, today=today)
            key = (target.id, record.period)
            if key in seen and not adds_up(target):
                raise KpiError(Msg.ROW_REPEATS(row=seen[key], id=target.id,
                                               period=record.period))
            seen.setdefault(key, row.number)
            action = figure_action(target, record, recorded.get(key, []), correct=correct,
                                   skip_same=True)
        except KpiError as exc:
            planned.append(ImportRow(row.number, row.cells, target, error=exc.msg))
            continue
        if action == CORRECTION:
            record = record._replace(correction=True)
        planned.append(ImportRow(row.number, row.cells, target, record, action,
                                 renamed=renamed))
    return planned


def already_recorded(target_id: str, last: Actual) -> Message:
    """The duplicate rule's message, naming the figure already there and where it is."""
    shown = Msg.DONE() if last.done else f"{last.value:g}" if last.value is not None \
        else Msg.A_RECORD()
    return Msg.ALREADY_RECORDED(id=target_id, period=last.period, shown=shown,
                                where=place(last.file, last.line))


def _row_record(plan: Plan, target: Target, cells: dict[str, str], *, file: str, number: int,
                period: Period | None, by: str, source: str, now: dt.datetime,
                today: dt.date) -> Actual:
    text = cells.get("period")
    if text is not None:
        period = _sheet_period(plan, text)
    elif period is None:
        raise KpiError(Msg.NO_PERIOD_CELL())
    value = cells.get("value")
    done = False
    if target.kind is Kind.MILESTONE and value is not None and value.lower() in DONE_WORDS:
        value, done = None, True
    elif target.kind is Kind.MILESTONE and value is None and "date" in cells:
        done = True
    elif value is None:
        raise KpiError(Msg.NO_VALUE_CELL())
    date = parse_date(cells["date"]) if "date" in cells else None
    record = build_actual(plan, target, value=value, period=period, done=done,
                          date=date if done else None, by=cells.get("by", by),
                          note=cells.get("note", ""), source=cells.get("source", source),
                          correct=False, now=now, today=today)
    example = cells.get("example", "").lower() in YES_WORDS
    return record._replace(file=file, line=number, example=example)


def _sheet_period(plan: Plan, text: str) -> Period:
    """A period cell: 2025-03 and its other spellings (a month without its year, a
    year-to-date span, a bare 12: in the plan's year), or a date (Excel's 2025/3/1)."""
    try:
        return parse_period(text, plan)
    except KpiError as exc:
        if not is_unread_period(exc):
            raise
    try:
        return Period.of(parse_date(text))
    except KpiError:
        raise KpiError(Msg.BAD_PERIOD_TEXT(text=text)) from None


def statuses_after_import(plan: Plan, existing: Sequence[Actual], rows: Sequence[ImportRow]
                          ) -> dict[int, Evaluation]:
    """Each good row's target as the import leaves it at the end of the row's month."""
    written = [row.record for row in rows if row.writes and row.record]
    grouped = group_by_target([*existing, *written])
    return {row.number: status_after(plan, row.target, grouped[row.target.id], row.record.period)
            for row in rows if row.record and row.target}
