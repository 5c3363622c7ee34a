"""The monthly collection: which figures each unit owes for a month, when they were due,
and how late they are, and what each unit's sheet lists. Pure."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Actual, Frequency, Kind, Plan, Target
from .period import Period
from .records import effective_records, group_by_target


def is_due(plan: Plan, target: Target, period: Period) -> bool:
    """Whether a figure is owed for `period`: every month for a monthly target, the
    plan's every third month for a quarterly one, its last month for a yearly one."""
    if not plan.contains(period):
        return False
    month = plan.month_number(period)
    if target.frequency is Frequency.QUARTERLY:
        return month % 3 == 0 or period == plan.last_period
    if target.frequency is Frequency.YEARLY:
        return period == plan.last_period
    return True


def deadline(period: Period, report_day: int) -> dt.date:
    """Figures for `period` are due by day `report_day` of the month after it (the last
    day of that month if it is shorter)."""
    following = period.shifted(1)
    last = calendar.monthrange(following.year, following.month)[1]
    return dt.date(following.year, following.month, min(report_day, last))


@dataclass(frozen=True, slots=True)
class Owed:
    """A figure a unit has not sent: its target and the last period it did send."""

    target: Target
    last: Period | None  # None: never reported


@dataclass(frozen=True, slots=True)
class UnitReminder:
    owner: str  # "" for targets with no owner
    owed: tuple[Owed, ...]


@dataclass(frozen=True, slots=True)
class Reminder:
    """Who owes which figures for `period`, due by `due`; `days_late` as of `today`."""

    period: Period
    due: dt.date
    today: dt.date
    units: tuple[UnitReminder, ...]

    @property
    def days_late(self) -> int:
        return max((self.today - self.due).days, 0)

    @property
    def count(self) -> int:
        return sum(len(u.owed) for u in self.units)


def owed(plan: Plan, targets: Sequence[Target], actuals: Iterable[Actual],
         period: Period) -> list[Owed]:
    """The targets whose figure for `period` is due and missing, in the plan's order. A
    milestone already reported done owes nothing more."""
    grouped = group_by_target(actuals)
    out = []
    for target in targets:
        if not is_due(plan, target, period):
            continue
        counted = effective_records(target, grouped.get(target.id, ()))
        if period in counted:
            continue
        if target.kind is Kind.MILESTONE and any(
                r.done for p, r in counted.items() if p <= period):
            continue
        earlier = [p for p in counted if p < period]
        out.append(Owed(target, max(earlier) if earlier else None))
    return out


def reminder(plan: Plan, targets: Sequence[Target], actuals: Iterable[Actual],
             period: Period, today: dt.date, owner: str | None = None) -> Reminder:
    """The reminder for `period`: per unit (in the order units first appear in the plan),
    the figures it owes; with `owner`, that unit only."""
    by_unit: dict[str, list[Owed]] = {}
    for item in owed(plan, targets, actuals, period):
        by_unit.setdefault(item.target.owner, []).append(item)
    units = tuple(UnitReminder(name, tuple(items)) for name, items in by_unit.items()
                  if owner is None or name == owner)
    return Reminder(period, deadline(period, plan.supervision.report_day), today, units)


def missing_by_unit(plan: Plan, targets: Sequence[Target], actuals: Iterable[Actual],
                    period: Period) -> dict[str, int]:
    """How many figures each unit owes for `period` (for the league table)."""
    counts: dict[str, int] = {}
    for item in owed(plan, targets, actuals, period):
        counts[item.target.owner] = counts.get(item.target.owner, 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One target of a unit's collection sheet: what the unit sees before it fills it."""

    target: Target
    last: Actual | None  # the last figure that counts, before the period asked for
    due: dt.date | None = None  # a milestone's due date


@dataclass(frozen=True, slots=True)
class UnitSheet:
    owner: str
    period: Period
    rows: tuple[SheetRow, ...]


def collection_sheets(plan: Plan, targets: Sequence[Target], actuals: Iterable[Actual],
                      period: Period, owner: str | None = None) -> list[UnitSheet]:
    """Each unit's sheet for `period`: every target of the unit due that month, with its
    last figure (units in the order they first appear in the plan)."""
    actuals = list(actuals)
    grouped = group_by_target(actuals)
    still_owed = {item.target.id for item in owed(plan, targets, actuals, period)}
    by_unit: dict[str, list[SheetRow]] = {}
    for target in targets:
        if owner is not None and target.owner != owner:
            continue
        done = target.kind is Kind.MILESTONE and target.id not in still_owed and \
            is_due(plan, target, period) and period not in {
                r.period for r in grouped.get(target.id, ())}
        if not is_due(plan, target, period) or done:
            continue  # a milestone reported done is asked for no more
        earlier = [r for p, r in effective_records(target, grouped.get(target.id, ())).items()
                   if p < period]
        due = (target.due or plan.end) if target.kind is Kind.MILESTONE else None
        by_unit.setdefault(target.owner, []).append(
            SheetRow(target, earlier[-1] if earlier else None, due))
    return [UnitSheet(name, period, tuple(rows)) for name, rows in by_unit.items()]
