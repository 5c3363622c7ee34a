"""Turning what a user typed for `add` into a validated record. Pure."""

from __future__ import annotations

import datetime as dt

from .model import Actual, Kind, KpiError, Period, Plan, Target
from .parse import parse_value


def default_period(today: dt.date) -> Period:
    """Figures are reported after the month closes: the previous calendar month."""
    return Period.of(today) + -1


def check_period(plan: Plan, period: Period, today: dt.date) -> None:
    if not plan.contains(period):
        raise KpiError(f"period {period} is outside the plan ({plan.first_period} to "
                       f"{plan.last_period}); pass --period")
    if period > Period.of(today):
        raise KpiError(f"period {period} is in the future (today is {today})")


def build_actual(plan: Plan, target: Target, *, value: str | None, period: Period,
                 done: bool, date: dt.date | None, by: str, note: str, source: str,
                 correct: bool, now: dt.datetime, today: dt.date) -> Actual:
    check_period(plan, period, today)
    number = None
    if target.kind is Kind.MILESTONE:
        if value is None and not done:
            raise KpiError(f"{target.id} is a milestone: give --done, or a percent complete")
        if value is not None:
            number = parse_value(value, "%")
            if not 0 <= number <= 100:
                raise KpiError(f"percent complete must be from 0 to 100, not {number:g}")
    else:
        if done or date is not None:
            raise KpiError(f"--done and --date are for milestones; {target.id} is "
                           f"{target.kind.value}")
        if value is None:
            raise KpiError(f"give the figure for {target.id}, e.g. kpitrack add {target.id} 138.6")
        number = parse_value(value, target.unit)
        if number < 0 and target.kind is Kind.CUMULATIVE:
            raise KpiError(f"figure {value!r} is negative; a cumulative figure cannot be")
    if date is not None and date > today:
        raise KpiError(f"--date {date} is in the future (today is {today})")
    return Actual(target=target.id, period=period, value=number, done=True if done else None,
                  date=date, recorded=now, by=by, note=note, source=source, correction=correct)
