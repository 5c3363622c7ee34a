"""Plausibility: figures likely typed wrong. Pure functions over loaded data.

A wrong figure turns a target red or blue in front of leadership, so `add`, `import`
and `check` warn about one (`--strict` refuses it). Each rule, with `[checks]` in
targets.toml setting its threshold:

- a fraction for a percentage: 0.048 for a `%` target whose goal, last figure or last
  year is over 1, when 4.8 would read right;
- a slip of magnitude: a figure about 10, 100, 1,000 or 10,000 times above or below both
  its last figure and its pace to the target (wan for yi, a digit too many); not for a
  growth rate, which may sit near zero;
- a growth rate beyond ±100%, or one that moves more than 20 points from the figure
  before it;
- a year-to-date figure below the one before it (a single month's figure?);
- a month's increment (what a year-to-date figure adds to the one before, per month)
  5 times the largest monthly increment so far (1,234 typed for 523.4);
- a figure at least twice the year's goal before the plan's last quarter;
- a period in the future.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from ..i18n.base import Message
from ..i18n.messages import Msg
from .errors import Problem
from .evaluate import time_progress
from .model import RATE_KINDS, Actual, Direction, Kind, Plan, Target
from .period import Period
from .records import adds_up, effective_records, group_by_target


def plausibility(plan: Plan, targets: Sequence[Target], actuals: Sequence[Actual],
                 today: dt.date) -> list[Problem]:
    """`check`'s warnings about figures: each figure that counts, against those before it."""
    problems = []
    current = Period.of(today)
    for record in actuals:
        if record.period > current:
            problems.append(Problem("warning", record.file, record.line, record.target,
                                    Msg.PERIOD_IN_FUTURE(period=record.period)))
    grouped = group_by_target(actuals)
    for target in targets:
        earlier: list[Actual] = []
        for record in effective_records(target, grouped.get(target.id, ())).values():
            for msg in figure_warnings(plan, target, record, earlier):
                problems.append(Problem("warning", record.file, record.line, target.id, msg))
            earlier.append(record)
    return problems


def figure_warnings(plan: Plan, target: Target, record: Actual,
                    earlier: Sequence[Actual]) -> list[Message]:
    """What looks wrong about `record`, given the figures that count before its period."""
    value = record.value
    if value is None or target.kind is Kind.MILESTONE or record.withdrawn:
        return []
    before = [r for r in earlier if r.period < record.period and r.value is not None]
    last = max(before, key=lambda r: r.period) if before else None
    out = []
    fraction = _fraction(plan, target, record, last)
    slip = None if fraction else _slip(plan, target, record, last)
    out += [m for m in (fraction, slip) if m]
    if not out:
        out += [m for m in (_increment_jump(plan, target, record, before),
                            _beyond_goal(plan, target, record)) if m][:1]
    if target.kind is Kind.GROWTH and abs(value) > plan.checks.growth_limit:
        out.append(Msg.GROWTH_BEYOND(id=target.id, period=record.period, value=value,
                                     limit=plan.checks.growth_limit))
    elif target.kind is Kind.GROWTH and last is not None and last.value is not None and \
            abs(value - last.value) > plan.checks.growth_jump:
        out.append(Msg.GROWTH_JUMP(id=target.id, period=record.period, value=value,
                                   before=last.value, earlier=last.period,
                                   points=value - last.value))
    if target.kind is Kind.CUMULATIVE and not adds_up(target) and last is not None \
            and last.value is not None and value < last.value:
        out.append(Msg.YTD_FALLS(value=value, period=record.period, before=last.value,
                                 earlier=last.period))
    return out


def monthly_increments(plan: Plan, target: Target, figures: Sequence[Actual]
                       ) -> list[tuple[Period, float]]:
    """What each figure adds per month: a year-to-date total's rise over the figure before
    it (the first from zero at the plan's start), spread over the months between; an
    `increment` figure is its own. `figures` in period order, each with a value."""
    if adds_up(target):
        return [(r.period, r.value or 0.0) for r in figures]
    out = []
    previous, months = 0.0, 0
    for r in figures:
        month = plan.month_number(r.period)
        value = r.value or 0.0
        if month > months:
            out.append((r.period, (value - previous) / (month - months)))
        previous, months = value, month
    return out


def _increment_jump(plan: Plan, target: Target, record: Actual, before: Sequence[Actual]
                    ) -> Message | None:
    if target.kind is not Kind.CUMULATIVE or not before or not plan.contains(record.period):
        return None
    earlier = sorted(before, key=lambda r: r.period)
    steps = monthly_increments(plan, target, [*earlier, record])
    largest = max((step for _, step in steps[:-1]), default=0.0)
    period, step = steps[-1]
    if period != record.period or largest <= 0 or step <= plan.checks.increment_jump * largest:
        return None
    return Msg.INCREMENT_JUMP(id=target.id, period=record.period, value=record.value,
                              step=_round(step), largest=_round(largest))


def _beyond_goal(plan: Plan, target: Target, record: Actual) -> Message | None:
    goal, value = target.target, record.value
    if target.kind not in (Kind.CUMULATIVE, Kind.LEVEL) or goal is None or goal <= 0 or \
            value is None or adds_up(target) or target.direction is not Direction.UP or \
            not plan.contains(record.period):
        return None
    if plan.month_number(record.period) > plan.months - 3 or \
            value < plan.checks.goal_multiple * goal:
        return None
    return Msg.BEYOND_GOAL(id=target.id, period=record.period, value=value, goal=goal,
                           times=round(value / goal, 1))


def _times(a: float, b: float) -> float:
    """How many times apart two figures of the same sign are (1 or more)."""
    return max(a / b, b / a)


def _percent(target: Target) -> bool:
    return target.unit == "%" or (target.kind in RATE_KINDS
                                  and not target.unit)


def _fraction(plan: Plan, target: Target, record: Actual, last: Actual | None
              ) -> Message | None:
    value = record.value
    assert value is not None
    if not plan.checks.percent_fractions or not _percent(target) or not 0 < abs(value) < 1:
        return None
    known = [abs(v) for v in (target.target, last.value if last else None, target.last_year)
             if v is not None and abs(v) > 1]
    suggested = value * 100
    if any(_times(abs(suggested), v) < plan.checks.magnitude for v in known):
        return Msg.LOOKS_LIKE_FRACTION(id=target.id, period=record.period, value=value,
                                       suggested=_round(suggested))
    return None


# A slip of magnitude is 10, 100, 1,000 or 10,000 times: a digit, or 万 for 亿.
MAX_POWER = 4


def pace_figure(plan: Plan, target: Target, period: Period) -> float | None:
    """The figure the target would have at `period` if it kept pace with its plan."""
    goal = target.target
    if goal is None or not plan.contains(period):
        return None
    if target.kind in RATE_KINDS:
        return goal
    share = time_progress(plan, target, plan.month_number(period)) / 100.0
    if target.kind is Kind.CUMULATIVE:
        return goal / plan.months if adds_up(target) else goal * share
    if target.kind is Kind.LEVEL and target.baseline is not None:
        return target.baseline + (goal - target.baseline) * share
    return None


def _slip(plan: Plan, target: Target, record: Actual, last: Actual | None) -> Message | None:
    value = record.value
    assert value is not None
    if target.kind is Kind.GROWTH:
        return None  # a growth rate may sit near zero; ±100% bounds it instead
    references = []
    pace = pace_figure(plan, target, record.period)
    if pace is not None and pace > 0:
        rate = target.kind in RATE_KINDS  # its pace is its target
        references.append((pace, (Msg.TARGET_FIGURE if rate else Msg.PACE_FIGURE)(
            value=round(pace, 1))))
    if last is not None and last.value is not None and last.value > 0:
        references.append((last.value, Msg.LAST_FIGURE(value=last.value, period=last.period)))
    limit = plan.checks.magnitude
    if value <= 0 or not references:
        return None
    ratios = [value / figure for figure, _ in references]
    if not all(math.isfinite(r) and r > 0 for r in ratios) or not (
            all(r >= limit for r in ratios) or all(r <= 1 / limit for r in ratios)):
        return None
    power = round(math.log10(ratios[0]))
    if not 1 <= abs(power) <= MAX_POWER:
        return None
    factor = Msg.TIMES(n=10 ** abs(power)) if power > 0 else Msg.PART_OF(n=10 ** abs(power))
    return Msg.MAGNITUDE_SLIP(id=target.id, period=record.period, value=value, factor=factor,
                              reference=references[0][1], suggested=_round(value / 10 ** power))


def _round(value: float) -> float:
    """A suggested figure without float noise: 612.0000000001 is 612."""
    return float(f"{value:.6g}")
